//! Translation of ECMA-262 regular expressions into [`regex`]-crate syntax.
//!
//! JSON Schema `pattern` keywords (and AsyncAPI documents that embed JSON
//! Schema) hold ECMA-262 regular expressions, read the way JavaScript reads
//! them with the `u` flag, and they are **not anchored**: a value is valid
//! when the pattern matches *somewhere* in it. The Rust [`regex`] crate speaks
//! a different dialect: `\d` is Unicode `Nd` rather than `[0-9]`, `.` only
//! excludes `\n`, `[` nests inside classes, `&&` is an operator, and so on.
//! This crate rewrites an ECMA-262 pattern into a `regex` pattern with the
//! same meaning, or fails with a [`TranslateError`] naming the construct the
//! `regex` crate cannot express (lookaround, backreferences, ...). It never
//! produces a translation whose meaning silently differs.
//!
//! ```
//! let re = ecma262_regex::compile(r"^\d{3}-\w+$").unwrap();
//! assert!(re.is_match("123-abc"));
//! assert!(!re.is_match("١٢٣-abc")); // Arabic-Indic digits are not ECMA `\d`
//!
//! let err = ecma262_regex::translate("a(?=b)").unwrap_err();
//! assert_eq!(err.kind, ecma262_regex::TranslateErrorKind::Lookahead);
//! assert_eq!(err.offset, 1);
//! ```
//!
//! # Every valid pattern: [`Pattern`]
//!
//! [`Pattern::new`] accepts every valid ECMA-262 pattern and refuses only
//! invalid syntax ([`SyntaxError`], with the offset and what is wrong). It
//! picks the fastest exact engine: the translation through [`Matcher`] when
//! the `regex` crate can express the pattern, otherwise this crate's
//! backtracking engine, which implements the ECMA-262 semantics directly:
//! lookahead, lookbehind of any length (matched right to left),
//! backreferences (numbered and named; a group that did not take part
//! matches empty), captures reset on every iteration, the empty-iteration
//! rule, the `i` and `m` modifiers, duplicate group names in different
//! alternatives, any repetition count. [`Pattern::engine`] tells which
//! engine runs.
//!
//! ```
//! use ecma262_regex::{Engine, Pattern};
//!
//! let p = Pattern::new("^(?=.*[A-Z])(?=.*[0-9]).{8,}$").unwrap();
//! assert_eq!(p.engine(), Engine::Backtracking);
//! assert!(p.is_match("Passw0rd"));
//! assert!(!p.is_match("password"));
//! ```
//!
//! The engine cannot blow up the call stack (it keeps its own stack, and
//! nothing recurses on the pattern's nesting), and it remembers the states
//! that failed: without backreferences, a state is the instruction, the
//! position and the loop counters that matter, so patterns like `(a*)*b`
//! or `(a|aa)*c` take polynomial time instead of exponential. With
//! backreferences, the captured positions they read are part of the state:
//! still polynomial, of a higher degree.
//!
//! # What "same meaning" covers
//!
//! The translation is meant to be compiled with [`regex::Regex::new`] (the
//! default flags: Unicode on, case-sensitive, not multi-line, `.` not
//! matching `\n`). For every `&str` haystack, [`Regex::is_match`] on the
//! translation gives the same answer as `new RegExp(pattern, "u").test(haystack)`
//! in an ECMA-262 engine (the Unicode data being that of the `regex` crate,
//! currently Unicode 16.0). This is the question JSON Schema asks.
//!
//! Match positions ([`Regex::find`]) also agree, with one documented
//! exception: ECMA-262 rejects an iteration of `*`/`+`/`{n,}` that matches the
//! empty string and backtracks into another alternative, while the `regex`
//! crate stops there, so `(?:|a)*` finds `""` in `"aa"` where JavaScript finds
//! `"aa"`. Whether a match exists is unaffected. Capture group contents of
//! repeated groups can also differ (ECMA-262 resets captures on every
//! iteration). Validation only uses `is_match`.
//!
//! Haystacks are Rust strings, so they never contain lone surrogates; the
//! pattern constructs that only match lone surrogates (`\uD800`, `\p{Cs}`)
//! are translated into classes that match nothing, which is exact for `&str`.
//!
//! # Matching
//!
//! [`Matcher`] answers the same question as the compiled regex, often
//! without running it: it reads the translation's syntax tree and, when it
//! can prove the answer is the same for every string, replaces the regex by
//! a cheaper check (a byte scan for `[a-zA-Z0-9_.-]+`, a length and class
//! check for `^.{1,64}$`, a literal search then a structured check for
//! `arn:aws.*:example:.*:\d{12}:widget/\S+`, ...). [`MatcherKind`] lists the
//! checks.
//!
//! ```
//! use ecma262_regex::{Matcher, MatcherKind};
//!
//! let m = Matcher::new(r"0|([1-9]\d{0,128})").unwrap();
//! assert_eq!(m.kind(), MatcherKind::ContainsClass); // any ASCII digit
//! assert!(m.is_match("x1y"));
//! ```
//!
//! # Translations
//!
//! | ECMA-262 (`u` flag) | `regex` crate | why |
//! | --- | --- | --- |
//! | `\d`, `\D` | `[0-9]`, `[^0-9]` | `regex` `\d` is Unicode `Nd` (`٣`, `３`) |
//! | `\w`, `\W` | `[0-9A-Z_a-z]`, negation | `regex` `\w` is Unicode |
//! | `\b`, `\B` | `(?-u:\b)`, `(?-u:\B)` | ECMA word boundaries use the ASCII `\w`; the ASCII boundary never splits a UTF-8 code point, and `regex` never reports an empty match inside one |
//! | `\s`, `\S` | explicit class of ECMA `WhiteSpace` + `LineTerminator` | `regex` `\s` includes U+0085, excludes U+FEFF |
//! | `.` | `[^\n\r\x{2028}\x{2029}]` | ECMA `.` excludes all line terminators |
//! | `.` inside `(?s:...)` | `(?s:.)` | |
//! | `^`, `$` | `^`, `$` | both mean start/end of input without the `m` flag |
//! | `[]`, `[^]` | `[^\x{0}-\x{10FFFF}]`, `(?s:.)` | `regex` reads `[]` / `[^]` as the start of a class |
//! | `[` `&` `-` `~` `]` ... inside a class | escaped | `regex` nests classes and has `&&`, `--`, `~~` operators |
//! | `[\b]` | `\x{8}` | backspace |
//! | `\cX`, `\0`, `\xHH`, `\uHHHH`, `\u{H...}`, `\f\n\r\t\v` | the literal | |
//! | `\uD83D\uDE80` (surrogate pair) | `\x{1F680}` | one code point in `u` mode |
//! | `\uD800` (lone surrogate), `\p{Cs}` | a class matching nothing | cannot occur in `&str` |
//! | `\/`, `\.`, ... (syntax characters) | escaped literal | |
//! | `(?<name>...)` | `(?P<name>...)` | |
//! | `(?s:...)`, `(?-s:...)`, `(?-i:...)`, `(?-m:...)` | `(?:...)` with `.` adjusted | ES2025 modifiers that have an exact equivalent |
//! | `\p{Lu}`, `\p{gc=Letter}`, `\p{Script=Greek}`, `\p{scx=Grek}`, `\p{Alphabetic}`, `\P{...}` | `\p{gc=Lu}`, `\p{gc=L}`, `\p{sc=Greek}`, `\p{scx=Greek}`, `\p{Alphabetic}`, `\P{...}` | names are checked with ECMA-262's exact (case-sensitive) rules, then written unambiguously (`regex` matches names loosely and reads a bare script name as `Script`) |
//! | `\p{sc=Zzzz}` / `Unknown` | `[\p{gc=Cn}\p{gc=Co}]` | UAX #24 definition; `regex` has no table for it |
//! | `\p{sc=Hrkt}` / `Katakana_Or_Hiragana` | a class matching nothing | no code point has this value |
//! | `[^...]` holding both U+D7FF and U+E000 | `[^...\x{D7FF}-\x{E000}]` | works around `regex-syntax` 0.8 negating such sets wrongly (it would let U+D7FF and U+E000 through) |
//! | `{n}`, `{n,}`, `{n,m}`, `*`, `+`, `?` and lazy forms | same | |
//!
//! # Refusals
//!
//! | construct | [`TranslateErrorKind`] |
//! | --- | --- |
//! | `(?=`, `(?!` | [`Lookahead`](TranslateErrorKind::Lookahead) |
//! | `(?<=`, `(?<!` | [`Lookbehind`](TranslateErrorKind::Lookbehind) |
//! | `\1` ... | [`Backreference`](TranslateErrorKind::Backreference) |
//! | `\k<name>` | [`NamedBackreference`](TranslateErrorKind::NamedBackreference) |
//! | `(?i:...)`, `(?m:...)`, `(?i)` | [`UnsupportedFlagGroup`](TranslateErrorKind::UnsupportedFlagGroup) (`i` uses ECMA case folding, `m` uses four line terminators, `(?i)` is not ECMA-262) |
//! | `\a`, `\e`, `\-` outside a class, `\01`, `\c1`, `\x1`, ... | [`UnsupportedEscape`](TranslateErrorKind::UnsupportedEscape) (not valid with the `u` flag) |
//! | `\p{Changes_When_NFKC_Casefolded}`, unknown names | [`UnsupportedProperty`](TranslateErrorKind::UnsupportedProperty) |
//! | `(?<$x>...)` | [`UnsupportedGroupName`](TranslateErrorKind::UnsupportedGroupName) |
//! | the same group name twice | [`DuplicateGroupName`](TranslateErrorKind::DuplicateGroupName) |
//! | lone `{`, `}`, `]`, `a**`, `^*`, `[z-a]`, `[\d-z]`, `x{,5}`, unbalanced `(`... | [`Syntax`](TranslateErrorKind::Syntax) |
//! | repetition counts above `u32::MAX`, too deep nesting, size limits | [`Compile`](TranslateErrorKind::Compile) |
//!
//! [`Regex::is_match`]: regex::Regex::is_match
//! [`Regex::find`]: regex::Regex::find

#![deny(missing_docs)]

mod anchors;
mod engine;
mod matcher;
mod parse;
mod pattern;
mod translate;
mod unicode_names;

use std::fmt;

pub use matcher::{Matcher, MatcherKind};
pub use pattern::{Engine, Pattern, SyntaxError, SyntaxErrorKind, SyntaxReason};

/// Translates an ECMA-262 (u-flag) pattern to regex-crate syntax with
/// identical meaning for a search (unanchored).
///
/// The result is meant for [`regex::Regex::new`] with default flags; see the
/// [crate documentation](crate) for what "identical meaning" covers. The
/// output is checked with `regex-syntax` before it is returned, so a pattern
/// that the `regex` parser would reject (too deep nesting, for instance) is
/// reported as [`TranslateErrorKind::Compile`]. Size limits are only checked
/// by [`compile`].
///
/// ```
/// use ecma262_regex::translate;
///
/// assert_eq!(translate(r"\d+").unwrap(), "[0-9]+");
/// assert_eq!(translate("a.b").unwrap(), r"a[^\n\r\x{2028}\x{2029}]b");
/// assert_eq!(translate("(?<year>[0-9]{4})").unwrap(), "(?P<year>[0-9]{4})");
/// assert_eq!(translate(r"\uD83D\uDE80").unwrap(), r"\x{1F680}");
/// assert!(translate(r"(a)\1").is_err());
/// ```
pub fn translate(pattern: &str) -> Result<String, TranslateError> {
    let out = translate::translate(pattern)?;
    if let Err(e) = regex_syntax::ParserBuilder::new().build().parse(&out) {
        let kind = match &e {
            regex_syntax::Error::Parse(e) => e.kind().to_string(),
            regex_syntax::Error::Translate(e) => e.kind().to_string(),
            other => other.to_string(),
        };
        return Err(TranslateError::new(
            pattern,
            0,
            TranslateErrorKind::Compile(format!("{kind} (translated pattern `{out}`)")),
        ));
    }
    Ok(out)
}

/// [`translate`] + [`regex::Regex::new`], mapping a compile error into
/// [`TranslateErrorKind::Compile`].
///
/// ```
/// let re = ecma262_regex::compile(r"0|([1-9]\d{0,128})").unwrap();
/// assert!(re.is_match("x1y")); // JSON Schema patterns are not anchored
/// assert!(!re.is_match("abc"));
///
/// let err = ecma262_regex::compile(r"\d{0,100000}").unwrap_err();
/// assert!(matches!(err.kind, ecma262_regex::TranslateErrorKind::Compile(_)));
/// ```
pub fn compile(pattern: &str) -> Result<regex::Regex, TranslateError> {
    let out = translate(pattern)?;
    regex::Regex::new(&out).map_err(|e| {
        let msg = match e {
            regex::Error::CompiledTooBig(limit) => {
                format!("the compiled regex exceeds the size limit of {limit} bytes")
            }
            other => other
                .to_string()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
        };
        TranslateError::new(pattern, 0, TranslateErrorKind::Compile(msg))
    })
}

/// Heuristic for linting: true when the pattern has no `^` / `$` anchors at
/// top level of every alternative (used to warn "unanchored pattern that
/// looks meant to be anchored").
///
/// The pattern is split into its top-level alternatives; an alternative
/// counts as anchored when it contains a `^` or `$` assertion anywhere
/// outside character classes, escapes and lookaround groups (anchors inside
/// ordinary groups count for the enclosing alternative). The result is
/// `true` unless every alternative is anchored. The pattern does not need to
/// be valid.
///
/// ```
/// use ecma262_regex::is_unanchored;
///
/// assert!(is_unanchored("[a-z]+"));
/// assert!(is_unanchored("^a|b")); // `b` matches anywhere
/// assert!(is_unanchored(r"\^a\$")); // escaped, not anchors
/// assert!(!is_unanchored("^[a-z]+$"));
/// assert!(!is_unanchored("^a|b$"));
/// assert!(!is_unanchored("^(?:a|b)"));
/// ```
pub fn is_unanchored(pattern: &str) -> bool {
    anchors::is_unanchored(pattern)
}

/// Why a pattern could not be translated, with the byte offset of the
/// offending construct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslateError {
    /// The ECMA-262 pattern that was being translated.
    pub pattern: String,
    /// Byte offset into [`pattern`](Self::pattern) of the construct that
    /// caused the error (0 when the `regex` engine rejects the translation
    /// as a whole, see [`TranslateErrorKind::Compile`]).
    pub offset: usize,
    /// What went wrong.
    pub kind: TranslateErrorKind,
}

/// The kinds of [`TranslateError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TranslateErrorKind {
    /// `(?=...)` or `(?!...)`: the `regex` crate has no lookaround.
    Lookahead,
    /// `(?<=...)` or `(?<!...)`: the `regex` crate has no lookaround.
    Lookbehind,
    /// `\1`, `\2`, ...: the `regex` crate has no backreferences.
    Backreference,
    /// `\k<name>`: the `regex` crate has no backreferences.
    NamedBackreference,
    /// An escape that is not valid in an ECMA-262 pattern with the `u` flag
    /// (`\a`, `\e`, `\-` outside a class, `\01`, `\c1`, `\x4`, `\u{110000}`,
    /// ...). Holds the escape as written.
    UnsupportedEscape(String),
    /// An inline flag group: `(?i)` (not ECMA-262 syntax), or an ES2025
    /// modifier group that cannot be reproduced exactly (`(?i:...)`,
    /// `(?m:...)`).
    UnsupportedFlagGroup,
    /// A `\p{...}` / `\P{...}` escape whose property or value is unknown to
    /// ECMA-262 (names are case-sensitive there) or not implemented by the
    /// `regex` crate. Holds the escape as written.
    UnsupportedProperty(String),
    /// A valid ECMA-262 group name that the `regex` crate does not accept
    /// (for example one containing `$`). Holds the name.
    UnsupportedGroupName(String),
    /// A group name used twice: ECMA-262 allows that in different
    /// alternatives, the `regex` crate never does. Holds the name.
    DuplicateGroupName(String),
    /// The pattern is not a valid ECMA-262 (`u` flag) pattern. Holds a
    /// description.
    Syntax(String),
    /// The `regex` crate rejects the translation (size or nesting limits,
    /// repetition counts above `u32::MAX`, ...). Holds the reason.
    Compile(String),
}

impl TranslateError {
    pub(crate) fn new(pattern: &str, offset: usize, kind: TranslateErrorKind) -> Self {
        TranslateError {
            pattern: pattern.to_owned(),
            offset,
            kind,
        }
    }

    /// The source text of the construct at [`offset`](Self::offset), as far
    /// as it can be told from the kind.
    fn construct(&self) -> &str {
        let rest = self.pattern.get(self.offset..).unwrap_or("");
        let end = match &self.kind {
            TranslateErrorKind::Lookahead => prefix_len(rest, 3),
            TranslateErrorKind::Lookbehind => prefix_len(rest, 4),
            TranslateErrorKind::Backreference => {
                1 + rest[1.min(rest.len())..]
                    .bytes()
                    .take_while(u8::is_ascii_digit)
                    .count()
            }
            TranslateErrorKind::NamedBackreference => {
                rest.find('>').map_or(prefix_len(rest, 2), |i| i + 1)
            }
            TranslateErrorKind::UnsupportedFlagGroup => {
                rest.find([':', ')']).map_or(prefix_len(rest, 2), |i| i + 1)
            }
            _ => 0,
        };
        &rest[..end.min(rest.len())]
    }
}

/// Byte length of the first `n` characters of `s`.
fn prefix_len(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

impl fmt::Display for TranslateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "pattern `{}`: {}", self.pattern, self.reason())
    }
}

/// What is wrong with a pattern, without the pattern itself (see
/// [`TranslateError::reason`]), for messages that show the pattern already.
#[derive(Debug, Clone, Copy)]
pub struct Reason<'a>(&'a TranslateError);

impl TranslateError {
    /// What is wrong, without the leading ``pattern `...`: ``: for callers whose
    /// message names the pattern already.
    pub fn reason(&self) -> Reason<'_> {
        Reason(self)
    }
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let error = self.0;
        let at = error.offset;
        let c = error.construct();
        match &error.kind {
            TranslateErrorKind::Lookahead => write!(
                f,
                "lookahead `{c}` at offset {at} is not supported by the regex engine"
            ),
            TranslateErrorKind::Lookbehind => write!(
                f,
                "lookbehind `{c}` at offset {at} is not supported by the regex engine"
            ),
            TranslateErrorKind::Backreference => write!(
                f,
                "backreference `{c}` at offset {at} is not supported by the regex engine"
            ),
            TranslateErrorKind::NamedBackreference => write!(
                f,
                "named backreference `{c}` at offset {at} is not supported by the regex engine"
            ),
            TranslateErrorKind::UnsupportedEscape(e) => write!(
                f,
                "escape `{e}` at offset {at} is not valid in an ECMA-262 pattern with the `u` flag"
            ),
            TranslateErrorKind::UnsupportedFlagGroup => write!(
                f,
                "inline flag group `{c}` at offset {at} is not supported (ECMA-262 only has \
                 `(?ims-ims:...)` modifier groups, and only `s` can be reproduced exactly)"
            ),
            TranslateErrorKind::UnsupportedProperty(p) => write!(
                f,
                "Unicode property escape `{p}` at offset {at} is not an ECMA-262 property \
                 or is not supported by the regex engine"
            ),
            TranslateErrorKind::UnsupportedGroupName(n) => write!(
                f,
                "group name `{n}` at offset {at} is not accepted by the regex engine"
            ),
            TranslateErrorKind::DuplicateGroupName(n) => write!(
                f,
                "duplicate group name `{n}` at offset {at} is not supported by the regex engine"
            ),
            TranslateErrorKind::Syntax(msg) => {
                write!(f, "invalid ECMA-262 syntax at offset {at}: {msg}")
            }
            TranslateErrorKind::Compile(msg) => {
                write!(f, "the regex engine cannot compile the translation: {msg}")
            }
        }
    }
}

impl std::error::Error for TranslateError {}
