//! Character sets taken from `regex-syntax` classes, with lookup tables for
//! matching.

use std::fmt;

use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

/// A set of code points: the `regex-syntax` class (for set algebra while a
/// pattern is analysed) and tables for membership tests while matching.
#[derive(Clone)]
pub(crate) struct CharSet {
    class: ClassUnicode,
    /// Membership of each byte as an ASCII character. Bytes from 0x80 up
    /// are never members: in UTF-8 they are not characters on their own,
    /// which lets an ASCII-only set be tested byte by byte.
    table: Box<[bool; 256]>,
    /// The non-ASCII members, as sorted inclusive ranges of code points.
    non_ascii: Box<[(u32, u32)]>,
}

impl CharSet {
    pub(crate) fn new(class: ClassUnicode) -> CharSet {
        let mut table = Box::new([false; 256]);
        let mut non_ascii = Vec::new();
        for r in class.ranges() {
            let (lo, hi) = (r.start() as u32, r.end() as u32);
            for b in lo..=hi.min(0x7F) {
                table[b as usize] = true;
            }
            if hi >= 0x80 {
                non_ascii.push((lo.max(0x80), hi));
            }
        }
        CharSet {
            class,
            table,
            non_ascii: non_ascii.into_boxed_slice(),
        }
    }

    pub(crate) fn empty() -> CharSet {
        CharSet::new(ClassUnicode::empty())
    }

    pub(crate) fn of_char(c: char) -> CharSet {
        CharSet::new(ClassUnicode::new([ClassUnicodeRange::new(c, c)]))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.class.ranges().is_empty()
    }

    /// Whether every member is ASCII, so that the set can be tested on bytes.
    pub(crate) fn is_ascii(&self) -> bool {
        self.non_ascii.is_empty()
    }

    /// The member, when there is exactly one.
    pub(crate) fn single(&self) -> Option<char> {
        match self.class.ranges() {
            [r] if r.start() == r.end() => Some(r.start()),
            _ => None,
        }
    }

    /// The members as bytes, when the set is ASCII and has at most `limit`
    /// members.
    pub(crate) fn ascii_bytes(&self, limit: usize) -> Option<Vec<u8>> {
        if !self.is_ascii() {
            return None;
        }
        let bytes: Vec<u8> = (0..=0x7Fu8).filter(|&b| self.table[b as usize]).collect();
        (bytes.len() <= limit).then_some(bytes)
    }

    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        let c = c as u32;
        if c < 0x80 {
            self.table[c as usize]
        } else {
            self.non_ascii
                .binary_search_by(|&(lo, hi)| {
                    if hi < c {
                        std::cmp::Ordering::Less
                    } else if lo > c {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .is_ok()
        }
    }

    /// Membership of an ASCII byte; false for every byte from 0x80 up.
    #[inline]
    pub(crate) fn contains_byte(&self, b: u8) -> bool {
        self.table[b as usize]
    }

    pub(crate) fn union(&self, other: &CharSet) -> CharSet {
        let mut class = self.class.clone();
        class.union(&other.class);
        CharSet::new(class)
    }

    pub(crate) fn is_subset(&self, other: &CharSet) -> bool {
        let mut rest = self.class.clone();
        rest.difference(&other.class);
        rest.ranges().is_empty()
    }

    pub(crate) fn intersects(&self, other: &CharSet) -> bool {
        let mut both = self.class.clone();
        both.intersect(&other.class);
        !both.ranges().is_empty()
    }

    /// Every code point not in the set.
    pub(crate) fn complement(&self) -> CharSet {
        // `difference` rather than `ClassUnicode::negate`, which in
        // `regex-syntax` 0.8 turns the gap between U+D7FF and U+E000 into a
        // range holding both.
        let mut class = ClassUnicode::new([ClassUnicodeRange::new('\0', char::MAX)]);
        class.difference(&self.class);
        CharSet::new(class)
    }

    /// The distinct first bytes of the members' UTF-8 encodings, or `None`
    /// when there are more than `limit`.
    pub(crate) fn lead_bytes(&self, limit: usize) -> Option<Vec<u8>> {
        let lead = |c: char| {
            let mut buf = [0; 4];
            c.encode_utf8(&mut buf).as_bytes()[0]
        };
        let mut out: Vec<u8> = Vec::new();
        for r in self.class.ranges() {
            // The first byte of an encoding grows with the code point.
            for b in lead(r.start())..=lead(r.end()) {
                if !out.contains(&b) {
                    if out.len() == limit {
                        return None;
                    }
                    out.push(b);
                }
            }
        }
        Some(out)
    }

    /// Consumes members of the set from byte offset `at` (a character
    /// boundary of `s`), at most `max` of them; returns how many, and the
    /// offset after them.
    #[inline]
    pub(crate) fn take(&self, s: &str, at: usize, max: usize) -> (usize, usize) {
        if self.is_ascii() {
            let bytes = &s.as_bytes()[at..];
            let bytes = &bytes[..bytes.len().min(max)];
            let n = bytes
                .iter()
                .position(|&b| !self.contains_byte(b))
                .unwrap_or(bytes.len());
            (n, at + n)
        } else {
            let mut n = 0;
            let mut end = at;
            for c in s[at..].chars() {
                if n == max || !self.contains(c) {
                    break;
                }
                n += 1;
                end += c.len_utf8();
            }
            (n, end)
        }
    }
}

impl PartialEq for CharSet {
    fn eq(&self, other: &CharSet) -> bool {
        self.class == other.class
    }
}

impl fmt::Debug for CharSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[")?;
        for r in self.class.ranges() {
            if r.start() == r.end() {
                write!(f, "{:?}", r.start())?;
            } else {
                write!(f, "{:?}-{:?}", r.start(), r.end())?;
            }
        }
        f.write_str("]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ranges: &[(char, char)]) -> CharSet {
        CharSet::new(ClassUnicode::new(
            ranges.iter().map(|&(a, b)| ClassUnicodeRange::new(a, b)),
        ))
    }

    #[test]
    fn membership() {
        let s = set(&[('0', '9'), ('é', 'é'), ('\u{2000}', '\u{200A}')]);
        assert!(s.contains('5') && s.contains('é') && s.contains('\u{2005}'));
        assert!(!s.contains('a') && !s.contains('ê') && !s.contains('\u{200B}'));
        assert!(!s.is_ascii());
        assert!(s.contains_byte(b'0') && !s.contains_byte(0xC3));
    }

    #[test]
    fn complement_keeps_the_scalar_values_next_to_the_surrogates() {
        let s = set(&[
            ('a', 'a'),
            ('\u{D7FF}', '\u{D7FF}'),
            ('\u{E000}', '\u{E000}'),
        ]);
        let c = s.complement();
        assert!(!c.contains('\u{D7FF}') && !c.contains('\u{E000}') && !c.contains('a'));
        assert!(c.contains('b') && c.contains('\u{E001}'));
    }

    #[test]
    fn lead_bytes() {
        let line_terminators = set(&[('\n', '\n'), ('\r', '\r'), ('\u{2028}', '\u{2029}')]);
        assert_eq!(
            line_terminators.lead_bytes(3),
            Some(vec![b'\n', b'\r', 0xE2])
        );
        assert_eq!(set(&[('a', 'z')]).lead_bytes(3), None);
    }

    #[test]
    fn take_counts_characters() {
        let digits = set(&[('0', '9')]);
        assert_eq!(digits.take("x123a", 1, usize::MAX), (3, 4));
        assert_eq!(digits.take("x123a", 1, 2), (2, 3));
        let not_a = set(&[('\0', '`'), ('b', char::MAX)]);
        assert_eq!(not_a.take("é🚀a", 0, usize::MAX), (2, 6));
    }
}
