//! [`Matcher`]: `is_match` through a check specialised to the pattern's
//! shape when one is provably equivalent, through the regex otherwise.

pub(crate) mod charset;
mod plan;
mod search;

use std::fmt;

use memchr::memmem::Finder;

use self::charset::CharSet;
use self::search::{Segments, Sequence};
use crate::TranslateError;

/// A compiled pattern that answers [`is_match`](Matcher::is_match) exactly
/// as [`regex::Regex::is_match`] does, often without running the regex.
///
/// Building one reads the pattern (through the `regex-syntax` HIR of its
/// translation) and picks a specialised check when the pattern's shape
/// allows one, else keeps the compiled [`regex::Regex`]. [`kind`](Self::kind)
/// tells which. The specialised checks give the same answer as the regex
/// for every `&str`; they exist because real patterns are often much
/// simpler than a regex engine assumes: `0|([1-9]\d{0,128})`, searched
/// anywhere in a string, only asks whether the string holds an ASCII digit.
/// Like the regex, every check takes time linear in the haystack (times the
/// pattern's size at worst).
///
/// ```
/// use ecma262_regex::{Matcher, MatcherKind};
///
/// let m = Matcher::new(r"0|([1-9]\d{0,128})").unwrap();
/// assert_eq!(m.kind(), MatcherKind::ContainsClass);
/// assert!(m.is_match("x1y"));
/// assert!(!m.is_match("١٢٣")); // ECMA `\d` is ASCII
///
/// let m = Matcher::new(r"^[A-Za-z0-9+/]*={0,2}$").unwrap();
/// assert_eq!(m.kind(), MatcherKind::Sequence);
/// assert!(m.is_match("aGVsbG8="));
/// assert!(!m.is_match("aGVsbG8=\n"));
///
/// assert!(Matcher::new(r"(a|b)\1").is_err()); // as `compile` refuses it
/// ```
#[derive(Clone)]
pub struct Matcher {
    /// The `regex`-crate pattern the matcher is equivalent to.
    pattern: Box<str>,
    strategy: Strategy,
}

/// The check a [`Matcher`] runs, as chosen by [`Matcher::new`].
///
/// Examples are ECMA-262 patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MatcherKind {
    /// Every string matches: `.*`, `a*`, the empty pattern, `^`, `x?$`.
    Everything,
    /// No string matches: `[]`, `a[]`.
    Nothing,
    /// The string holds a character of a class: `[a-zA-Z0-9_.-]+`,
    /// `0|([1-9]\d{0,128})`, `\S`, `\d|x\d+`. A byte scan (`memchr` for up to
    /// three bytes) when the class is ASCII, a scan of characters otherwise.
    ContainsClass,
    /// The string holds a literal: `foo`, `(?:ab)+`; `memchr::memmem`.
    ContainsLiteral,
    /// The string is a literal: `^foo$`, `^$`.
    Equals,
    /// The string starts with a literal: `^foo`, `^foo\d*`.
    StartsWith,
    /// The string ends with a literal: `foo$`, `\d*foo$`.
    EndsWith,
    /// The whole string is characters of a class, between a minimum and a
    /// maximum number of them: `^[a-z0-9-]{1,64}$`, `^.{1,64}$`, `^\d+$`.
    /// Lengths count characters (code points).
    WholeClass,
    /// Anchored at the start, literals and class runs in a row matched left
    /// to right without backtracking, each variable run being followed by
    /// characters it cannot match: `^partition-[0-9]{12}$`,
    /// `^[A-Za-z0-9+/]*={0,2}$`, `^v\d+\.\d+$`.
    Sequence,
    /// Fixed-width pieces (literals and class runs) separated by gaps of one
    /// class (`.*`, `[^]*`), each piece found by a literal search
    /// (`memchr::memmem`) or a scan for a run, then checked:
    /// `arn:aws.*:example:.*:\d{12}:widget/\S+`, `[0-9]{4}-[0-9]{2}`,
    /// `\d{12}`, `-v\d$`.
    Segments,
    /// The compiled [`regex::Regex`]: no cheaper check was found equivalent
    /// (`foo|bar`, `\bword\b`, `^(a|bc)+$`, `[a-z]+@[a-z]+\.com`).
    Regex,
}

impl Matcher {
    /// Translates the ECMA-262 pattern (see [`translate`](crate::translate))
    /// and builds the matcher; fails exactly when [`compile`](crate::compile)
    /// does.
    ///
    /// ```
    /// use ecma262_regex::{Matcher, MatcherKind};
    ///
    /// let m = Matcher::new(r"^.{1,3}$").unwrap();
    /// assert_eq!(m.kind(), MatcherKind::WholeClass);
    /// assert!(m.is_match("🚀🚀🚀")); // three code points
    /// assert!(!m.is_match("a\u{2028}")); // `.` excludes ECMA line terminators
    /// ```
    pub fn new(pattern: &str) -> Result<Matcher, TranslateError> {
        Ok(Matcher::with_regex(crate::compile(pattern)?))
    }

    /// Builds a matcher for a pattern in `regex`-crate syntax, such as the
    /// output of [`translate`](crate::translate), with the meaning
    /// [`regex::Regex::new`] gives it.
    ///
    /// ```
    /// use ecma262_regex::{Matcher, MatcherKind};
    ///
    /// let translated = ecma262_regex::translate(r"^\d+$").unwrap();
    /// let m = Matcher::from_translated(&translated).unwrap();
    /// assert_eq!(m.kind(), MatcherKind::WholeClass);
    /// ```
    pub fn from_translated(pattern: &str) -> Result<Matcher, regex::Error> {
        Ok(Matcher::with_regex(regex::Regex::new(pattern)?))
    }

    pub(crate) fn with_regex(regex: regex::Regex) -> Matcher {
        // The parser's defaults are those of `Regex::new`.
        let strategy = regex_syntax::ParserBuilder::new()
            .build()
            .parse(regex.as_str())
            .ok()
            .and_then(|hir| plan::analyse(&hir));
        Matcher {
            pattern: regex.as_str().into(),
            strategy: strategy.unwrap_or(Strategy::Regex(regex)),
        }
    }

    /// Whether the pattern matches somewhere in `haystack`; always the
    /// answer of [`regex::Regex::is_match`] on the same pattern.
    #[inline]
    pub fn is_match(&self, haystack: &str) -> bool {
        // The fallback first: it costs the least to tell apart.
        if let Strategy::Regex(re) = &self.strategy {
            return re.is_match(haystack);
        }
        self.strategy.is_match(haystack)
    }

    /// The check this matcher runs.
    #[inline]
    pub fn kind(&self) -> MatcherKind {
        match &self.strategy {
            Strategy::Everything => MatcherKind::Everything,
            Strategy::Nothing => MatcherKind::Nothing,
            Strategy::ContainsClass(_) => MatcherKind::ContainsClass,
            Strategy::ContainsLiteral(_) => MatcherKind::ContainsLiteral,
            Strategy::Equals(_) => MatcherKind::Equals,
            Strategy::StartsWith(_) => MatcherKind::StartsWith,
            Strategy::EndsWith(_) => MatcherKind::EndsWith,
            Strategy::WholeClass { .. } => MatcherKind::WholeClass,
            Strategy::Sequence(_) => MatcherKind::Sequence,
            Strategy::Segments(_) => MatcherKind::Segments,
            Strategy::Regex(_) => MatcherKind::Regex,
        }
    }

    /// The pattern in `regex`-crate syntax (the translation, for
    /// [`Matcher::new`]).
    pub fn as_str(&self) -> &str {
        &self.pattern
    }
}

impl fmt::Debug for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Matcher")
            .field("pattern", &self.pattern)
            .field("strategy", &self.strategy)
            .finish()
    }
}

impl fmt::Display for MatcherKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// What [`Matcher::is_match`] runs.
#[derive(Clone, Debug)]
pub(crate) enum Strategy {
    Everything,
    Nothing,
    ContainsClass(ClassScan),
    ContainsLiteral(Finder<'static>),
    Equals(Box<str>),
    StartsWith(Box<str>),
    EndsWith(Box<str>),
    /// `^set{min,max}$`.
    WholeClass {
        set: CharSet,
        min: usize,
        max: usize,
    },
    Sequence(Sequence),
    Segments(Segments),
    Regex(regex::Regex),
}

/// How to look for one character of a class.
#[derive(Clone, Debug)]
pub(crate) enum ClassScan {
    One(u8),
    Two(u8, u8),
    Three(u8, u8, u8),
    /// An ASCII class: one byte at a time, through a table.
    Bytes(CharSet),
    /// One character at a time.
    Chars(CharSet),
}

impl Strategy {
    pub(crate) fn contains_class(set: CharSet) -> Strategy {
        if set.is_empty() {
            return Strategy::Nothing;
        }
        Strategy::ContainsClass(match set.ascii_bytes(3).as_deref() {
            Some(&[a]) => ClassScan::One(a),
            Some(&[a, b]) => ClassScan::Two(a, b),
            Some(&[a, b, c]) => ClassScan::Three(a, b, c),
            _ if set.is_ascii() => ClassScan::Bytes(set),
            _ => ClassScan::Chars(set),
        })
    }

    pub(crate) fn contains_literal(literal: &str) -> Strategy {
        Strategy::ContainsLiteral(Finder::new(literal.as_bytes()).into_owned())
    }

    #[inline]
    fn is_match(&self, s: &str) -> bool {
        match self {
            Strategy::Everything => true,
            Strategy::Nothing => false,
            Strategy::ContainsClass(scan) => match scan {
                ClassScan::One(a) => memchr::memchr(*a, s.as_bytes()).is_some(),
                ClassScan::Two(a, b) => memchr::memchr2(*a, *b, s.as_bytes()).is_some(),
                ClassScan::Three(a, b, c) => memchr::memchr3(*a, *b, *c, s.as_bytes()).is_some(),
                ClassScan::Bytes(set) => s.bytes().any(|b| set.contains_byte(b)),
                ClassScan::Chars(set) => s.chars().any(|c| set.contains(c)),
            },
            Strategy::ContainsLiteral(finder) => finder.find(s.as_bytes()).is_some(),
            Strategy::Equals(l) => s == &**l,
            Strategy::StartsWith(l) => s.starts_with(&**l),
            Strategy::EndsWith(l) => s.ends_with(&**l),
            Strategy::WholeClass { set, min, max } => whole_class(set, *min, *max, s),
            Strategy::Sequence(seq) => seq.is_match(s),
            Strategy::Segments(segs) => segs.is_match(s),
            Strategy::Regex(re) => re.is_match(s),
        }
    }
}

/// Whether `s` is `min..=max` characters, all in `set`.
#[inline]
fn whole_class(set: &CharSet, min: usize, max: usize, s: &str) -> bool {
    if set.is_ascii() {
        // Every member is one byte, and no other byte is a member.
        return (min..=max).contains(&s.len()) && s.bytes().all(|b| set.contains_byte(b));
    }
    // A character takes one to four bytes.
    if s.len() < min || s.len() / 4 > max {
        return false;
    }
    if set.has_rare_misses() {
        // `memchr` for the few non-members, then the standard library's
        // fast count.
        return set.find_miss(s, 0).is_none() && (min..=max).contains(&s.chars().count());
    }
    let mut n = 0;
    for c in s.chars() {
        if n == max || !set.contains(c) {
            return false;
        }
        n += 1;
    }
    n >= min
}
