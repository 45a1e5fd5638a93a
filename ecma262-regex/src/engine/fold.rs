//! ECMA-262 `Canonicalize` with the `u` flag: simple case folding.

use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

/// Whether `a` and `b` have the same simple case folding, i.e. whether
/// they match each other under the `i` modifier.
pub(crate) fn same(a: char, b: char) -> bool {
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        // No ASCII character folds to or from a non-ASCII one in a way that
        // would make two ASCII characters equal other than by ASCII case.
        return a.eq_ignore_ascii_case(&b);
    }
    // The characters with the same simple case folding as `a`: its class
    // closed under simple case folding.
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(a, a)]);
    if class.try_case_fold_simple().is_err() {
        return false;
    }
    class
        .ranges()
        .iter()
        .any(|r| r.start() <= b && b <= r.end())
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn folds() {
        assert!(same('a', 'A'));
        assert!(same('k', '\u{212A}')); // Kelvin sign
        assert!(same('s', '\u{17F}')); // long s
        assert!(same('ß', 'ẞ'));
        assert!(same('σ', 'ς'));
        assert!(!same('a', 'b'));
        // U+0130 has no simple case folding (only a full one).
        assert!(!same('i', '\u{130}'));
    }
}
