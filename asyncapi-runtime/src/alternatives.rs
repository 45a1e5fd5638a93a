//! Saying why a value matches none of the alternatives of `anyOf` / `oneOf`: the
//! violations of the alternative (or alternatives) it came closest to, so that a
//! person sees `/lives: 10 is greater than maximum 9` rather than only "matches none".

use crate::validate::{Keyword, Violation};

/// Violations shown per alternative, at most.
const SHOWN: usize = 3;
/// Alternatives shown, at most, when several are equally close.
const ALTERNATIVES: usize = 2;

/// The message for a value that matches none of `count` alternatives, `tried`
/// holding each alternative's index and the violations it reported (empty when not
/// worth explaining), `keyword` being `anyOf` or `oneOf`.
///
/// An alternative is closer when fewer of its violations say the value is of another
/// kind altogether (`type`, `const`, `enum`: a tag property naming another
/// alternative), then when it has fewer violations.
pub(crate) fn none_matched(
    keyword: &str,
    count: usize,
    tried: &[(usize, Vec<Violation>)],
) -> String {
    let head = format!("matches none of the {count} alternatives");
    let rank = |violations: &Vec<Violation>| {
        let other_kind = violations
            .iter()
            .filter(|v| matches!(v.keyword, Keyword::Type | Keyword::Const | Keyword::Enum))
            .count();
        (other_kind, violations.len())
    };
    let Some(best) = tried.iter().map(|(_, v)| rank(v)).min() else {
        return head;
    };
    let closest: Vec<&(usize, Vec<Violation>)> = tried
        .iter()
        .filter(|(_, v)| rank(v) == best && !v.is_empty())
        .collect();
    if closest.is_empty() {
        return head;
    }
    let parts: Vec<String> = closest
        .iter()
        .take(ALTERNATIVES)
        .map(|(index, violations)| {
            let mut shown: Vec<String> = violations
                .iter()
                .take(SHOWN)
                .map(ToString::to_string)
                .collect();
            if violations.len() > SHOWN {
                shown.push(format!("{} more", violations.len() - SHOWN));
            }
            format!("{keyword}/{index}: {}", shown.join("; "))
        })
        .collect();
    let which = if closest.len() == 1 {
        "closest"
    } else {
        "closest ones"
    };
    format!("{head}; {which}: {}", parts.join(" | "))
}

/// The message for a value that matches several `oneOf` alternatives.
pub(crate) fn several_matched(matched: &[usize]) -> String {
    let list: Vec<String> = matched.iter().map(|i| format!("oneOf/{i}")).collect();
    format!(
        "matches {} alternatives ({}), oneOf requires exactly one",
        matched.len(),
        list.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn violation(pointer: &str, keyword: Keyword, message: &str) -> Violation {
        Violation {
            pointer: pointer.into(),
            keyword,
            message: message.into(),
        }
    }

    #[test]
    fn the_alternative_whose_tag_fits_is_shown() {
        let tried = vec![
            (
                0,
                vec![violation(
                    "/lives",
                    Keyword::Maximum,
                    "10 is greater than maximum 9",
                )],
            ),
            (
                1,
                vec![violation(
                    "/petType",
                    Keyword::Const,
                    "\"Cat\" is not \"Dog\"",
                )],
            ),
        ];
        assert_eq!(
            none_matched("oneOf", 2, &tried),
            "matches none of the 2 alternatives; closest: oneOf/0: /lives: 10 is greater than maximum 9"
        );
    }

    #[test]
    fn equally_close_alternatives_are_all_shown_up_to_two() {
        let tag = |other: &str| {
            vec![violation(
                "/petType",
                Keyword::Const,
                &format!("\"Fish\" is not \"{other}\""),
            )]
        };
        let tried = vec![(0, tag("Cat")), (1, tag("Dog")), (2, tag("Cow"))];
        assert_eq!(
            none_matched("anyOf", 3, &tried),
            "matches none of the 3 alternatives; closest ones: anyOf/0: /petType: \"Fish\" is not \"Cat\" | anyOf/1: /petType: \"Fish\" is not \"Dog\""
        );
    }

    #[test]
    fn long_lists_are_cut() {
        let many: Vec<Violation> = (0..5)
            .map(|i| violation(&format!("/{i}"), Keyword::Required, "missing"))
            .collect();
        let message = none_matched("anyOf", 1, &[(0, many)]);
        assert!(message.ends_with("/2: missing; 2 more"), "{message}");
        assert_eq!(
            none_matched("anyOf", 0, &[]),
            "matches none of the 0 alternatives"
        );
        assert_eq!(
            several_matched(&[0, 2]),
            "matches 2 alternatives (oneOf/0, oneOf/2), oneOf requires exactly one"
        );
    }
}
