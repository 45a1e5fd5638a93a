//! The `regex`-crate emitter: writes what the parser ([`crate::parse`])
//! reads as `regex` syntax, and refuses what the `regex` crate cannot
//! express.
//!
//! Every ECMA-262 atom is written as exactly one `regex` atom (a literal, a
//! bracketed class, a `\p{..}` escape or a group), which lets a following
//! quantifier be copied as is.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::parse::{
    self, negated_class, push_literal, regex_accepts_group_name, Assertion, Backreference, Flags,
    Group, Quantifier, Result, Set, Sink, ANY, NEVER,
};
use crate::{TranslateError, TranslateErrorKind as Kind};

/// ECMA `\b`: the ASCII word boundary. Non-ASCII bytes are never word
/// characters, so it can only hold next to an ASCII byte, i.e. between code
/// points; the `regex` crate also never reports an empty match that splits a
/// code point, which keeps `\B` exact.
const WORD_BOUNDARY: &str = r"(?-u:\b)";
/// ECMA `\B`.
const NOT_WORD_BOUNDARY: &str = r"(?-u:\B)";

/// Translates `pattern`; see [`crate::translate()`].
pub(crate) fn translate(pattern: &str) -> Result<String> {
    let mut sink = TextSink {
        pattern,
        out: String::with_capacity(pattern.len() * 2),
        names: HashSet::new(),
    };
    parse::parse(pattern, &mut sink)?;
    Ok(sink.out)
}

/// Writes the translation.
struct TextSink<'p> {
    pattern: &'p str,
    out: String,
    /// Group names seen so far.
    names: HashSet<String>,
}

impl TextSink<'_> {
    fn err(&self, offset: usize, kind: Kind) -> TranslateError {
        TranslateError::new(self.pattern, offset, kind)
    }

    /// A braced count for the `regex` crate, which takes `u32` counts.
    fn count(&self, off: usize, digits: &str) -> Result<u32> {
        let trimmed = digits.trim_start_matches('0');
        if trimmed.is_empty() {
            return Ok(0);
        }
        trimmed.parse::<u32>().map_err(|_| {
            self.err(
                off,
                Kind::Compile(format!(
                    "repetition count {digits} exceeds the regex engine's limit of {}",
                    u32::MAX
                )),
            )
        })
    }
}

impl Sink for TextSink<'_> {
    fn alternative(&mut self) {
        self.out.push('|');
    }

    fn open(&mut self, off: usize, group: &Group, _flags: Flags) -> Result<()> {
        match group {
            Group::Capture { name: None, .. } => self.out.push('('),
            Group::Capture {
                name: Some(name), ..
            } => {
                if !regex_accepts_group_name(name) {
                    return Err(self.err(off, Kind::UnsupportedGroupName(name.clone())));
                }
                if self.names.contains(name) {
                    return Err(self.err(off, Kind::DuplicateGroupName(name.clone())));
                }
                write!(self.out, "(?P<{name}>").expect("writing to a String");
                self.names.insert(name.clone());
            }
            Group::NonCapture => self.out.push_str("(?:"),
            Group::Modifiers { add, .. } => {
                if add.ignore_case || add.multiline {
                    // ECMA `i` folds case its own way and `m` knows four
                    // line terminators: no exact `regex` equivalent. `s`
                    // is applied to `.` by the parser.
                    return Err(self.err(off, Kind::UnsupportedFlagGroup));
                }
                self.out.push_str("(?:");
            }
            Group::Look { behind: false, .. } => return Err(self.err(off, Kind::Lookahead)),
            Group::Look { behind: true, .. } => return Err(self.err(off, Kind::Lookbehind)),
        }
        Ok(())
    }

    fn close(&mut self) {
        self.out.push(')');
    }

    fn assertion(&mut self, assertion: Assertion, _flags: Flags) {
        // No `m` modifier reaches here (`open` refuses it): `^` and `$` are
        // the start and end of input, as in the `regex` crate.
        self.out.push_str(match assertion {
            Assertion::Start => "^",
            Assertion::End => "$",
            Assertion::WordBoundary => WORD_BOUNDARY,
            Assertion::NotWordBoundary => NOT_WORD_BOUNDARY,
        });
    }

    fn quantifier(&mut self, off: usize, quantifier: Quantifier<'_>, lazy: bool) -> Result<()> {
        match quantifier {
            Quantifier::Star => self.out.push('*'),
            Quantifier::Plus => self.out.push('+'),
            Quantifier::Question => self.out.push('?'),
            Quantifier::Braced { min, max } => {
                let text = match max {
                    None => format!("{{{}}}", self.count(off, min)?),
                    Some("") => format!("{{{},}}", self.count(off, min)?),
                    Some(max) => {
                        format!("{{{},{}}}", self.count(off, min)?, self.count(off, max)?)
                    }
                };
                self.out.push_str(&text);
            }
        }
        if lazy {
            self.out.push('?');
        }
        Ok(())
    }

    fn literal(&mut self, cp: u32, _flags: Flags) {
        push_literal(&mut self.out, cp);
    }

    fn set(&mut self, set: &Set, _flags: Flags) {
        self.out.push_str(set.atom());
    }

    fn class(&mut self, items: &str, negated: bool, _flags: Flags) {
        match (items.is_empty(), negated) {
            (true, false) => self.out.push_str(NEVER),
            (true, true) => self.out.push_str(ANY),
            (false, false) => {
                self.out.push('[');
                self.out.push_str(items);
                self.out.push(']');
            }
            (false, true) => self.out.push_str(&negated_class(items)),
        }
    }

    fn backreference(
        &mut self,
        off: usize,
        backreference: Backreference,
        _flags: Flags,
    ) -> Result<()> {
        Err(self.err(
            off,
            match backreference {
                Backreference::Number(_) => Kind::Backreference,
                Backreference::Name(_) => Kind::NamedBackreference,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{compare_decimal, count_capture_groups, DOT};
    use crate::unicode_names::{BINARY_PROPERTIES, GENERAL_CATEGORIES, SCRIPTS};

    fn t(p: &str) -> String {
        translate(p).unwrap_or_else(|e| panic!("{e}"))
    }

    fn kind(p: &str) -> Kind {
        translate(p).unwrap_err().kind
    }

    #[test]
    fn literals_are_escaped() {
        assert_eq!(t("a-b&&c~~d#"), r"a\-b\&\&c\~\~d\#");
        assert_eq!(t(r"\/\.\*"), r"/\.\*");
        assert_eq!(t("a b\u{85}é"), "a\\x20b\\x{85}é");
    }

    #[test]
    fn class_ranges_skip_surrogates() {
        assert_eq!(t(r"[\uD7FF-\uE000]"), r"[\x{D7FF}-\x{E000}]");
        assert_eq!(t(r"[^\uD7FF-\uE000]"), r"[^\x{D7FF}-\x{E000}]");
        assert_eq!(
            t(r"[^\uD7FF\uE000]"),
            r"[^\x{D7FF}\x{E000}\x{D7FF}-\x{E000}]"
        );
        assert_eq!(t(r"[^\uD7FFa]"), r"[^\x{D7FF}a]");
        assert_eq!(t(r"\P{L}"), r"\P{gc=L}");
        assert_eq!(t(r"[^\p{L}]"), r"\P{gc=L}");
        assert_eq!(t(r"[^\p{L}\p{N}]"), r"[^\p{gc=L}\p{gc=N}]");
        assert_eq!(t(r"[\uD800-\uDFFF]"), NEVER);
        assert_eq!(t(r"[^\uD800-\uDFFF]"), ANY);
        assert_eq!(t(r"[a-\uD801]"), r"[a-\x{D7FF}]");
    }

    #[test]
    fn compare_decimal_by_value() {
        use std::cmp::Ordering::*;
        assert_eq!(compare_decimal("010", "9"), Greater);
        assert_eq!(compare_decimal("0", "000"), Equal);
        assert_eq!(compare_decimal("12", "13"), Less);
    }

    #[test]
    fn capture_groups_are_counted() {
        assert_eq!(count_capture_groups(r"(a)(?:b)(?<n>c)(?<=d)(?=e)\(f[(]"), 2);
        assert_eq!(count_capture_groups(r"[\]()](x)"), 1);
    }

    #[test]
    fn modifiers() {
        assert_eq!(t("(?s:.)."), format!("(?:{ANY}){DOT}"));
        assert_eq!(t("(?s:(?-s:.))"), format!("(?:(?:{DOT}))"));
        assert_eq!(t("(?-i:a)(?-m:b)(?s-im:c)"), "(?:a)(?:b)(?:c)");
        assert_eq!(kind("(?i:a)"), Kind::UnsupportedFlagGroup);
        assert_eq!(kind("(?m:a)"), Kind::UnsupportedFlagGroup);
        assert_eq!(kind("(?i)a"), Kind::UnsupportedFlagGroup);
        assert_eq!(kind("(?ss:a)"), Kind::UnsupportedFlagGroup);
        assert_eq!(kind("(?s-s:a)"), Kind::UnsupportedFlagGroup);
        assert_eq!(kind("(?-:a)"), Kind::UnsupportedFlagGroup);
        assert_eq!(kind("(?x:a)"), Kind::UnsupportedFlagGroup);
        assert!(matches!(kind("(?#c)"), Kind::Syntax(_)));
    }

    #[test]
    fn group_names() {
        assert_eq!(t(r"(?<\u0061b>x)"), "(?P<ab>x)");
        assert_eq!(t("(?<é_1>x)"), "(?P<é_1>x)");
        assert!(matches!(kind("(?<1a>x)"), Kind::Syntax(_)));
        assert!(matches!(kind("(?<>x)"), Kind::Syntax(_)));
        assert_eq!(kind("(?<a$>x)"), Kind::UnsupportedGroupName("a$".into()));
        assert_eq!(
            kind("(?<a>x)|(?<a>y)"),
            Kind::DuplicateGroupName("a".into())
        );
    }

    #[test]
    fn every_known_property_is_accepted_by_regex() {
        for &(name, _) in SCRIPTS {
            for prop in ["Script", "sc", "Script_Extensions", "scx"] {
                crate::compile(&format!(r"\p{{{prop}={name}}}[\P{{{prop}={name}}}]"))
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
        for &(name, _) in GENERAL_CATEGORIES {
            for p in [format!(r"\p{{{name}}}"), format!(r"[^\P{{gc={name}}}]")] {
                crate::compile(&p).unwrap_or_else(|e| panic!("{e}"));
            }
        }
        for &(name, canonical) in BINARY_PROPERTIES {
            let result = crate::compile(&format!(r"\p{{{name}}}\P{{{name}}}"));
            assert_eq!(result.is_ok(), canonical.is_some(), "{name}: {result:?}");
        }
    }

    /// The `Unknown` script is everything no other script claims.
    #[test]
    fn unknown_script_is_the_complement_of_all_scripts() {
        fn class(pattern: &str) -> regex_syntax::hir::ClassUnicode {
            match regex_syntax::parse(pattern).unwrap().into_kind() {
                regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(c)) => c,
                other => panic!("{other:?}"),
            }
        }
        for prop in ["sc", "scx"] {
            let mut others = String::from("[^");
            for &(name, canonical) in SCRIPTS {
                if name == canonical && !matches!(name, "Unknown" | "Katakana_Or_Hiragana") {
                    write!(others, r"\p{{{prop}={name}}}").unwrap();
                }
            }
            others.push(']');
            let unknown = t(&format!(r"[\p{{{prop}=Unknown}}]"));
            let (u, o) = (class(&unknown), class(&others));
            let mut only_u = u.clone();
            only_u.difference(&o);
            let mut only_o = o.clone();
            only_o.difference(&u);
            assert!(
                only_u.ranges().is_empty() && only_o.ranges().is_empty(),
                "{prop}: only in translation {:?}, only in complement {:?}",
                only_u
                    .ranges()
                    .iter()
                    .map(|r| (r.start() as u32, r.end() as u32))
                    .collect::<Vec<_>>(),
                only_o
                    .ranges()
                    .iter()
                    .map(|r| (r.start() as u32, r.end() as u32))
                    .collect::<Vec<_>>()
            );
            let known = t(&format!(r"\P{{{prop}=Zzzz}}"));
            let mut all = class(&others);
            all.negate();
            let k = class(&known);
            let mut d1 = k.clone();
            d1.difference(&all);
            let mut d2 = all.clone();
            d2.difference(&k);
            assert!(
                d1.ranges().is_empty() && d2.ranges().is_empty(),
                "{prop}: {known} {:?} {:?}",
                d1.ranges()
                    .iter()
                    .map(|r| (r.start() as u32, r.end() as u32))
                    .collect::<Vec<_>>(),
                d2.ranges()
                    .iter()
                    .map(|r| (r.start() as u32, r.end() as u32))
                    .collect::<Vec<_>>()
            );
        }
    }
}
