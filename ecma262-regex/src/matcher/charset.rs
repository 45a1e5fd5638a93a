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
    /// When the set holds all but a few characters (`.`, `\S`, `[^/]`): the
    /// one to three distinct first bytes of the non-members' UTF-8
    /// encodings, so that `memchr` finds the candidates for a non-member.
    rare_misses: Option<Box<[u8]>>,
}

/// At most this many distinct first bytes for [`CharSet::find_miss`].
const MAX_MISS_BYTES: usize = 3;

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
        let mut misses = ClassUnicode::new([ClassUnicodeRange::new('\0', char::MAX)]);
        // `difference` rather than `ClassUnicode::negate`, which in
        // `regex-syntax` 0.8 turns the gap between U+D7FF and U+E000 into a
        // range holding both.
        misses.difference(&class);
        let rare_misses = if non_ascii.is_empty() {
            // The byte table is faster.
            None
        } else {
            lead_bytes(&misses, MAX_MISS_BYTES).map(Vec::into_boxed_slice)
        };
        CharSet {
            class,
            table,
            non_ascii: non_ascii.into_boxed_slice(),
            rare_misses,
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

    /// Whether every character is a member.
    pub(crate) fn is_full(&self) -> bool {
        matches!(self.class.ranges(), [r] if r.start() == '\0' && r.end() == char::MAX)
    }

    /// Whether non-members can be found with [`find_miss`](Self::find_miss).
    pub(crate) fn has_rare_misses(&self) -> bool {
        self.rare_misses.is_some()
    }

    /// The first non-member in `s[from..]` (`from` a character boundary):
    /// its offset and length. Only for sets with
    /// [`rare_misses`](Self::has_rare_misses).
    #[inline]
    pub(crate) fn find_miss(&self, s: &str, from: usize) -> Option<(usize, usize)> {
        let lead = self.rare_misses.as_deref().expect("a set with rare misses");
        let bytes = s.as_bytes();
        let mut at = from;
        loop {
            let hay = &bytes[at..];
            let hit = match *lead {
                [] => None,
                [a] => memchr::memchr(a, hay),
                [a, b] => memchr::memchr2(a, b, hay),
                [a, b, c] => memchr::memchr3(a, b, c, hay),
                _ => unreachable!("at most three first bytes"),
            }?;
            at += hit;
            // A first byte is never a continuation byte, so `at` is a
            // character boundary.
            let c = s[at..].chars().next().expect("not at the end");
            if !self.contains(c) {
                return Some((at, c.len_utf8()));
            }
            at += c.len_utf8();
        }
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
        } else if self.rare_misses.is_some() && max == usize::MAX {
            // Unbounded: up to the first non-member. (With a bound, this
            // could look much further than the run.)
            let end = self.find_miss(s, at).map_or(s.len(), |(miss, _)| miss);
            (s[at..end].chars().count(), end)
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

/// The distinct first bytes of the UTF-8 encodings of the members of
/// `class`, or `None` when there are more than `limit`.
fn lead_bytes(class: &ClassUnicode, limit: usize) -> Option<Vec<u8>> {
    let lead = |c: char| {
        let mut buf = [0; 4];
        c.encode_utf8(&mut buf).as_bytes()[0]
    };
    let mut out: Vec<u8> = Vec::new();
    for r in class.ranges() {
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
    fn misses_of_nearly_full_sets() {
        // ECMA `.`: the non-members are the line terminators.
        let dot = set(&[
            ('\0', '\t'),
            ('\u{B}', '\u{C}'),
            ('\u{E}', '\u{2027}'),
            ('\u{202A}', char::MAX),
        ]);
        assert!(dot.has_rare_misses());
        assert_eq!(dot.find_miss("a…€b\u{2029}c\n", 0), Some((8, 3)));
        assert_eq!(dot.find_miss("a…€b\u{2029}c\n", 11), Some((12, 1)));
        assert_eq!(dot.find_miss("a…€b", 0), None);
        // Around the surrogates.
        let s = set(&[('\0', '\u{D7FE}'), ('\u{E001}', char::MAX)]);
        assert!(s.has_rare_misses());
        assert_eq!(s.find_miss("a\u{E000}", 0), Some((1, 3)));
        assert_eq!(s.find_miss("a\u{D7FF}", 0), Some((1, 3)));
        assert!(!set(&[('a', 'z'), ('é', 'é')]).has_rare_misses());
        assert!(set(&[('\0', char::MAX)]).is_full());
    }

    #[test]
    fn take_counts_characters() {
        let digits = set(&[('0', '9')]);
        assert_eq!(digits.take("x123a", 1, usize::MAX), (3, 4));
        assert_eq!(digits.take("x123a", 1, 2), (2, 3));
        let not_a = set(&[('\0', '`'), ('b', char::MAX)]);
        assert!(not_a.has_rare_misses());
        assert_eq!(not_a.take("é🚀a", 0, usize::MAX), (2, 6));
        assert_eq!(not_a.take("é🚀a", 0, 1), (1, 2));
        assert_eq!(not_a.take("é🚀", 2, usize::MAX), (1, 6));
        assert_eq!(not_a.take("é🚀", 2, 5), (1, 6));
        let letters = set(&[('a', 'z'), ('é', 'é')]);
        assert_eq!(letters.take("aébé!", 0, usize::MAX), (4, 6));
        assert_eq!(letters.take("aébé!", 0, 3), (3, 4));
    }
}
