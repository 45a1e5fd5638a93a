//! The [`crate::is_unanchored`] heuristic: a lexical scan that needs no
//! valid pattern.

/// See [`crate::is_unanchored`].
pub(crate) fn is_unanchored(pattern: &str) -> bool {
    let b = pattern.as_bytes();
    // One entry per open group: whether it is a lookaround.
    let mut groups: Vec<bool> = Vec::new();
    let mut in_class = false;
    let mut current_anchored = false;
    let mut all_anchored = true;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' if !in_class => in_class = true,
            b']' if in_class => in_class = false,
            _ if in_class => {}
            b'(' => {
                let rest = &b[i + 1..];
                groups.push(
                    rest.starts_with(b"?=")
                        || rest.starts_with(b"?!")
                        || rest.starts_with(b"?<=")
                        || rest.starts_with(b"?<!"),
                );
            }
            b')' => {
                groups.pop();
            }
            b'|' if groups.is_empty() => {
                all_anchored &= current_anchored;
                current_anchored = false;
            }
            b'^' | b'$' if !groups.iter().any(|&lookaround| lookaround) => {
                current_anchored = true;
            }
            _ => {}
        }
        i += 1;
    }
    !(all_anchored && current_anchored)
}

#[cfg(test)]
mod tests {
    use super::is_unanchored;

    #[test]
    fn heuristic() {
        assert!(is_unanchored(""));
        assert!(is_unanchored("abc"));
        assert!(is_unanchored("[$^]"));
        // ECMA `[]` is an empty class, so the `$` after it is an anchor.
        assert!(!is_unanchored("[]$"));
        assert!(is_unanchored(r"[\]$]"));
        assert!(is_unanchored("a(?=$)"));
        assert!(is_unanchored("^a|b|c$"));
        assert!(!is_unanchored("^a|^b|c$"));
        assert!(!is_unanchored("(^a|b)"));
        assert!(!is_unanchored("$"));
        assert!(!is_unanchored("a(b|c)$"));
    }
}
