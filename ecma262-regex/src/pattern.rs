//! [`Pattern`]: any valid ECMA-262 pattern, matched by the fastest exact
//! engine for it.

use std::fmt;
use std::sync::Arc;

use crate::engine::{self, Program};
use crate::unicode_names::{lookup, BINARY_PROPERTIES};
use crate::{Matcher, MatcherKind, TranslateError, TranslateErrorKind};

/// A compiled ECMA-262 (`u` flag) pattern, searched for anywhere in a
/// string, as JSON Schema `pattern` and `patternProperties` want.
///
/// [`Pattern::new`] accepts every valid pattern, and refuses only invalid
/// syntax ([`SyntaxError`]). A pattern the `regex` crate can express is
/// matched through [`Matcher`] (the translation, or a cheaper check proven
/// equivalent); any other (lookahead, lookbehind, backreferences, the `i`
/// and `m` modifiers, counts or sizes beyond the `regex` crate's limits,
/// ...) by this crate's backtracking engine, which implements the ECMA-262
/// semantics directly. [`engine`](Self::engine) tells which.
///
/// Cloning is cheap (the compiled pattern is shared); a `Pattern` is `Send`
/// and `Sync`.
///
/// ```
/// use ecma262_regex::{Engine, Pattern};
///
/// let p = Pattern::new("^(?!admin$)[a-z]+$").unwrap();
/// assert_eq!(p.engine(), Engine::Backtracking);
/// assert!(p.is_match("alice"));
/// assert!(!p.is_match("admin"));
///
/// let p = Pattern::new(r"(a)\1").unwrap();
/// assert!(p.is_match("xaay"));
/// assert!(!p.is_match("ab"));
///
/// let p = Pattern::new(r"^\d+$").unwrap();
/// assert!(matches!(p.engine(), Engine::Matcher(_)));
///
/// let err = Pattern::new("a**").unwrap_err();
/// assert_eq!(err.offset, 2);
/// assert_eq!(err.to_string(), "pattern `a**`: invalid ECMA-262 syntax at offset 2: nothing to repeat");
/// ```
#[derive(Clone)]
pub struct Pattern {
    inner: Arc<Inner>,
}

struct Inner {
    source: Box<str>,
    engine: Compiled,
}

enum Compiled {
    Matcher(Matcher),
    Backtracking(Program),
}

/// Which engine a [`Pattern`] runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Engine {
    /// The `regex`-crate translation, through [`Matcher`] (the check it
    /// picked is given).
    Matcher(MatcherKind),
    /// This crate's backtracking engine (lookaround, backreferences, ...).
    Backtracking,
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Engine::Matcher(kind) => write!(f, "matcher ({kind})"),
            Engine::Backtracking => f.write_str("backtracking"),
        }
    }
}

impl Pattern {
    /// Compiles an ECMA-262 pattern (read with the `u` flag); fails only
    /// when it is not valid ECMA-262 syntax (and, the one exception, for a
    /// property this crate has no data for: see
    /// [`SyntaxErrorKind::UnsupportedProperty`]).
    ///
    /// ```
    /// use ecma262_regex::Pattern;
    ///
    /// // Variable-length lookbehind, matched right to left.
    /// let p = Pattern::new(r"(?<=\$\d+\.)\d\d\b").unwrap();
    /// assert!(p.is_match("cost: $10.99"));
    /// assert!(!p.is_match("cost: 10.99"));
    /// ```
    pub fn new(source: &str) -> Result<Pattern, SyntaxError> {
        let engine = match crate::compile(source) {
            // `regex` 1.13's `is_match` can miss a match when `(?-u:\B)`
            // (ECMA `\B`) also matches empty inside a multi-byte character:
            // `é|(?-u:\B)` finds `é` in `aéa` but `is_match` says no. Such
            // patterns go to the engine. (A literal `(` is always written
            // `\(`, so only `\B` produces this text.)
            Ok(regex) if !regex.as_str().contains(r"(?-u:\B)") => {
                Compiled::Matcher(Matcher::with_regex(regex))
            }
            // Not expressible with the `regex` crate, or invalid: the
            // engine's parse tells which.
            _ => Compiled::Backtracking(engine::compile(source).map_err(SyntaxError::from)?),
        };
        Ok(Pattern::with(source, engine))
    }

    /// Compiles the pattern for the backtracking engine even when the
    /// `regex` crate could run it: for tests and benchmarks that compare
    /// the engines. Fails as [`Pattern::new`] does.
    ///
    /// ```
    /// use ecma262_regex::{Engine, Pattern};
    ///
    /// let p = Pattern::backtracking(r"^\d+$").unwrap();
    /// assert_eq!(p.engine(), Engine::Backtracking);
    /// assert!(p.is_match("123"));
    /// ```
    pub fn backtracking(source: &str) -> Result<Pattern, SyntaxError> {
        let program = engine::compile(source).map_err(SyntaxError::from)?;
        Ok(Pattern::with(source, Compiled::Backtracking(program)))
    }

    fn with(source: &str, engine: Compiled) -> Pattern {
        Pattern {
            inner: Arc::new(Inner {
                source: source.into(),
                engine,
            }),
        }
    }

    /// Whether the pattern matches somewhere in `haystack` (JSON Schema
    /// patterns are not anchored): `new RegExp(source, "u").test(haystack)`.
    #[inline]
    pub fn is_match(&self, haystack: &str) -> bool {
        match &self.inner.engine {
            Compiled::Matcher(m) => m.is_match(haystack),
            Compiled::Backtracking(program) => program.is_match(haystack),
        }
    }

    /// The pattern as written.
    pub fn source(&self) -> &str {
        &self.inner.source
    }

    /// The engine that runs the pattern.
    #[inline]
    pub fn engine(&self) -> Engine {
        match &self.inner.engine {
            Compiled::Matcher(m) => Engine::Matcher(m.kind()),
            Compiled::Backtracking(_) => Engine::Backtracking,
        }
    }

    /// Whether `self` and `other` are clones of one compiled pattern (for
    /// caches keyed by pattern).
    pub fn same_as(&self, other: &Pattern) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pattern")
            .field("source", &self.source())
            .field("engine", &self.engine())
            .finish()
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.source())
    }
}

/// Why a pattern is not valid ECMA-262 (`u` flag) syntax, with the byte
/// offset of the offending construct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The pattern.
    pub pattern: String,
    /// Byte offset into [`pattern`](Self::pattern) of the construct at
    /// fault.
    pub offset: usize,
    /// What is wrong.
    pub kind: SyntaxErrorKind,
}

/// The kinds of [`SyntaxError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SyntaxErrorKind {
    /// The grammar is broken (unbalanced parentheses, nothing to repeat,
    /// `\k<x>` without a group `x`, a range out of order, ...). Holds a
    /// description.
    Syntax(String),
    /// An escape that is not valid with the `u` flag (`\a`, `\-` outside a
    /// class, `\01`, `\c1`, ...). Holds the escape as written.
    InvalidEscape(String),
    /// A malformed modifier group: `(?i)` (not ECMA-262), `(?x:`, `(?ii:`,
    /// `(?i-i:`, `(?-:`. Holds the construct as written.
    InvalidModifiers(String),
    /// `\p{...}` naming no ECMA-262 property or value (names are
    /// case-sensitive). Holds the escape as written.
    UnknownProperty(String),
    /// A group name used twice where both groups could take part in one
    /// match (ES2025 allows a name again only in another alternative).
    DuplicateGroupName(String),
    /// A valid ECMA-262 property this crate has no data for:
    /// `Changes_When_NFKC_Casefolded` (`CWKCF`), which needs NFKC case
    /// folding tables that neither this crate nor `regex-syntax` carry.
    /// Holds the escape as written.
    UnsupportedProperty(String),
    /// A limit of the engine was hit where it should not have been (a
    /// defect of this crate). Holds a description.
    Internal(String),
}

impl From<TranslateError> for SyntaxError {
    /// Reads an error of the shared parser (or of the engine's tree) as a
    /// syntax error: on the engine's path, every construct the `regex`
    /// crate lacks is accepted, so only grammar errors remain.
    fn from(error: TranslateError) -> SyntaxError {
        let construct = error.construct().to_owned();
        let kind = match error.kind {
            TranslateErrorKind::Syntax(message) => SyntaxErrorKind::Syntax(message),
            TranslateErrorKind::UnsupportedEscape(e) => SyntaxErrorKind::InvalidEscape(e),
            TranslateErrorKind::UnsupportedFlagGroup => {
                SyntaxErrorKind::InvalidModifiers(construct)
            }
            TranslateErrorKind::UnsupportedProperty(p) => {
                let name = p
                    .get(3..p.len().saturating_sub(1))
                    .unwrap_or_default()
                    .to_owned();
                if lookup(BINARY_PROPERTIES, &name) == Some(None) {
                    SyntaxErrorKind::UnsupportedProperty(p)
                } else {
                    SyntaxErrorKind::UnknownProperty(p)
                }
            }
            TranslateErrorKind::DuplicateGroupName(n) => SyntaxErrorKind::DuplicateGroupName(n),
            other => SyntaxErrorKind::Internal(format!("{other:?}")),
        };
        SyntaxError {
            pattern: error.pattern,
            offset: error.offset,
            kind,
        }
    }
}

impl SyntaxError {
    /// What is wrong, without the leading ``pattern `...`: ``, for messages
    /// that show the pattern already.
    pub fn reason(&self) -> SyntaxReason<'_> {
        SyntaxReason(self)
    }
}

/// What is wrong with a pattern, without the pattern itself (see
/// [`SyntaxError::reason`]).
#[derive(Debug, Clone, Copy)]
pub struct SyntaxReason<'a>(&'a SyntaxError);

impl fmt::Display for SyntaxReason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.0.offset;
        match &self.0.kind {
            SyntaxErrorKind::Syntax(message) => {
                write!(f, "invalid ECMA-262 syntax at offset {at}: {message}")
            }
            SyntaxErrorKind::InvalidEscape(e) => write!(
                f,
                "escape `{e}` at offset {at} is not valid in an ECMA-262 pattern with the `u` flag"
            ),
            SyntaxErrorKind::InvalidModifiers(m) => write!(
                f,
                "invalid modifier group `{m}` at offset {at} (ECMA-262 has `(?ims-ims:...)`, \
                 each flag at most once)"
            ),
            SyntaxErrorKind::UnknownProperty(p) => write!(
                f,
                "Unicode property escape `{p}` at offset {at} is not an ECMA-262 property"
            ),
            SyntaxErrorKind::DuplicateGroupName(n) => write!(
                f,
                "duplicate group name `{n}` at offset {at} (a name may repeat only in another \
                 alternative)"
            ),
            SyntaxErrorKind::UnsupportedProperty(p) => write!(
                f,
                "Unicode property escape `{p}` at offset {at} is not supported (no data for it)"
            ),
            SyntaxErrorKind::Internal(message) => {
                write!(f, "internal error at offset {at}: {message}")
            }
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "pattern `{}`: {}", self.pattern, self.reason())
    }
}

impl std::error::Error for SyntaxError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn pattern_is_send_sync() {
        assert_send_sync::<Pattern>();
        assert_send_sync::<SyntaxError>();
    }

    #[test]
    fn kinds_of_errors() {
        let kind = |p: &str| Pattern::new(p).unwrap_err().kind;
        assert!(matches!(kind("a("), SyntaxErrorKind::Syntax(_)));
        assert_eq!(kind(r"\a"), SyntaxErrorKind::InvalidEscape(r"\a".into()));
        assert_eq!(
            kind("(?i)a"),
            SyntaxErrorKind::InvalidModifiers("(?i)".into())
        );
        assert_eq!(
            kind("(?ii:a)"),
            SyntaxErrorKind::InvalidModifiers("(?ii:".into())
        );
        assert_eq!(
            kind(r"\p{Foo}"),
            SyntaxErrorKind::UnknownProperty(r"\p{Foo}".into())
        );
        assert_eq!(
            kind(r"[\P{CWKCF}]"),
            SyntaxErrorKind::UnsupportedProperty(r"\P{CWKCF}".into())
        );
        assert_eq!(
            kind("(?<n>a)(?<n>b)"),
            SyntaxErrorKind::DuplicateGroupName("n".into())
        );
        assert!(matches!(kind(r"\k<n>"), SyntaxErrorKind::Syntax(_)));
        assert!(matches!(kind(r"(?=a)*"), SyntaxErrorKind::Syntax(_)));
        assert!(matches!(kind(r"(?<=a)?"), SyntaxErrorKind::Syntax(_)));
    }

    #[test]
    fn engines() {
        let engine = |p: &str| Pattern::new(p).unwrap().engine();
        assert_eq!(engine("a(?=b)"), Engine::Backtracking);
        assert_eq!(engine(r"\d{0,100000}"), Engine::Backtracking);
        assert_eq!(engine("(?i:a)"), Engine::Backtracking);
        assert_eq!(engine("(?<a$>x)"), Engine::Backtracking);
        assert_eq!(engine("(?<a>x)|(?<a>y)"), Engine::Backtracking);
        assert_eq!(engine("a{99999999999}"), Engine::Backtracking);
        assert_eq!(engine("^x$"), Engine::Matcher(MatcherKind::Equals));
        assert_eq!(engine(r"\Ba"), Engine::Backtracking);
        assert_eq!(engine(r"\ba"), Engine::Matcher(MatcherKind::Regex));
    }

    #[test]
    fn clones_share() {
        let a = Pattern::new("a(?=b)").unwrap();
        let b = a.clone();
        assert!(a.same_as(&b));
        assert!(!a.same_as(&Pattern::new("a(?=b)").unwrap()));
        assert_eq!(
            format!("{a:?}"),
            r#"Pattern { source: "a(?=b)", engine: Backtracking }"#
        );
    }
}
