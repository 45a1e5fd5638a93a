//! The ECMA-262 (`u` flag) parser, shared by the `regex`-crate translation
//! ([`crate::translate()`]) and the backtracking engine ([`crate::Pattern`]).
//!
//! The pattern is walked once, left to right, without recursion: open groups
//! live on an explicit stack, so deeply nested input cannot overflow the
//! stack. The parser checks the ECMA-262 grammar and its early errors and
//! reports what it reads to a [`Sink`] as events (an atom, a quantifier, a
//! group opening, ...). Character sets are described in `regex`-crate class
//! syntax ([`Set`]): the translation writes them as they are, the engine
//! reads them back with `regex-syntax`, so both get the same code points
//! from one definition of every escape and property.
//!
//! What the `regex` crate cannot express (lookaround, backreferences, the
//! `i` and `m` modifiers, some group names, duplicate names) is passed on as
//! an event; refusing it is the translation's business, not the grammar's.

use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::unicode_names::{lookup, BINARY_PROPERTIES, GENERAL_CATEGORIES, SCRIPTS};
use crate::{TranslateError, TranslateErrorKind as Kind};

/// ECMA `\d` inside a class.
pub(crate) const DIGIT: &str = "0-9";
/// ECMA `\w` inside a class.
pub(crate) const WORD: &str = "0-9A-Z_a-z";
/// ECMA `\w` inside a class when the `i` modifier is on: with the `u` flag,
/// `WordCharacters` also holds the characters whose simple case folding is
/// a word character, U+017F (ſ, folds to `s`) and U+212A (Kelvin sign,
/// folds to `k`). The engine's tests check that no other code point folds
/// into `[0-9A-Z_a-z]`.
pub(crate) const WORD_IGNORE_CASE: &str = r"0-9A-Z_a-z\x{17F}\x{212A}";
/// ECMA `\s` inside a class: `WhiteSpace` (TAB, VT, FF, ZWNBSP and the `Zs`
/// category) plus `LineTerminator` (LF, CR, LS, PS).
pub(crate) const SPACE: &str =
    r"\t-\r\x20\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";
/// ECMA `.` without the `s` flag: anything but a `LineTerminator`.
pub(crate) const DOT: &str = r"[^\n\r\x{2028}\x{2029}]";
/// Any code point (ECMA `[^]`, `.` with the `s` flag, `\p{Any}`).
pub(crate) const ANY: &str = "(?s:.)";
/// Every scalar value, as class items.
pub(crate) const ALL_ITEMS: &str = r"\x{0}-\x{10FFFF}";
/// A class that matches nothing (ECMA `[]`, lone surrogates, `\p{Cs}`).
pub(crate) const NEVER: &str = r"[^\x{0}-\x{10FFFF}]";

/// A set of code points, written two ways.
#[derive(Debug, Clone)]
pub(crate) enum Set {
    /// Nothing (only lone surrogates, which `&str` cannot hold).
    Empty,
    /// Every code point.
    Full,
    /// `items` is valid between `[` and `]`; `atom` is valid on its own.
    Text { items: String, atom: String },
}

impl Set {
    fn text(items: impl Into<String>, atom: impl Into<String>) -> Set {
        Set::Text {
            items: items.into(),
            atom: atom.into(),
        }
    }

    /// ECMA `\d`, `\D`, `\w`, `\W`, `\s`, `\S`; `ignore_case` is whether the
    /// `i` modifier is on (it changes `\w` and `\W`).
    fn class_escape(c: char, ignore_case: bool) -> Set {
        let (items, negated) = match c {
            'd' => (DIGIT, false),
            'D' => (DIGIT, true),
            'w' | 'W' if ignore_case => (WORD_IGNORE_CASE, c == 'W'),
            'w' => (WORD, false),
            'W' => (WORD, true),
            's' => (SPACE, false),
            _ => (SPACE, true),
        };
        let set = Set::text(items, format!("[{items}]"));
        if negated {
            set.negate()
        } else {
            set
        }
    }

    /// The complement.
    fn negate(self) -> Set {
        match self {
            Set::Empty => Set::Full,
            Set::Full => Set::Empty,
            Set::Text { items, .. } => {
                let atom = negated_class(&items);
                Set::text(atom.clone(), atom)
            }
        }
    }

    /// Class items (possibly empty).
    pub(crate) fn items(&self) -> &str {
        match self {
            Set::Empty => "",
            Set::Full => ALL_ITEMS,
            Set::Text { items, .. } => items,
        }
    }

    /// A standalone atom.
    pub(crate) fn atom(&self) -> &str {
        match self {
            Set::Empty => NEVER,
            Set::Full => ANY,
            Set::Text { atom, .. } => atom,
        }
    }
}

/// One element of a bracketed class.
enum ClassAtom {
    /// A single code point (may be a lone surrogate).
    Char(u32),
    /// A class escape such as `\d` or `\p{L}`.
    Set(Set),
}

/// What the previous term was, to decide whether a quantifier may follow.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Start of the pattern, of a group or of an alternative.
    Nothing,
    /// Something quantifiable.
    Atom,
    /// `^`, `$`, `\b`, `\B`, a lookaround (none of which may be repeated
    /// with the `u` flag).
    Assertion,
    /// A quantifier.
    Quantifier,
}

/// The modifiers in force (ES2025 `(?ims-ims:...)` groups; a JSON Schema
/// pattern starts with none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Flags {
    /// `s`: `.` matches line terminators too.
    pub dot_all: bool,
    /// `i`: matching compares simple case foldings.
    pub ignore_case: bool,
    /// `m`: `^` and `$` also match next to line terminators.
    pub multiline: bool,
}

/// What a `(` opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Group {
    /// `(...)` or `(?<name>...)`; `index` counts from 1 in the order the
    /// groups open.
    Capture { index: usize, name: Option<String> },
    /// `(?:...)`.
    NonCapture,
    /// `(?ims-ims:...)`: which flags are added and which removed.
    Modifiers { add: Flags, remove: Flags },
    /// `(?=...)`, `(?!...)`, `(?<=...)`, `(?<!...)`.
    Look { behind: bool, negated: bool },
}

/// `^`, `$`, `\b`, `\B`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Assertion {
    Start,
    End,
    WordBoundary,
    NotWordBoundary,
}

/// A quantifier as written; braced counts are the digits as written (they
/// may exceed any integer type).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Quantifier<'a> {
    Star,
    Plus,
    Question,
    /// `{min}` (`max` is `None`), `{min,}` (`max` is `Some("")`) or
    /// `{min,max}`.
    Braced {
        min: &'a str,
        max: Option<&'a str>,
    },
}

/// `\1` or `\k<name>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Backreference {
    Number(usize),
    Name(String),
}

/// What the parser reports, in pattern order. Methods returning a
/// `Result` may refuse what they are given (the translation refuses what
/// the `regex` crate cannot express); the parser stops at the first error.
pub(crate) trait Sink {
    /// `|`.
    fn alternative(&mut self);
    /// `(`: a group opens; `flags` are those in force inside it.
    fn open(&mut self, off: usize, group: &Group, flags: Flags) -> Result<()>;
    /// `)`: the innermost open group closes.
    fn close(&mut self);
    /// `^`, `$`, `\b`, `\B`.
    fn assertion(&mut self, assertion: Assertion, flags: Flags);
    /// A quantifier for the atom just reported (the parser has checked that
    /// there is one).
    fn quantifier(&mut self, off: usize, quantifier: Quantifier<'_>, lazy: bool) -> Result<()>;
    /// A literal code point (possibly a lone surrogate).
    fn literal(&mut self, cp: u32, flags: Flags);
    /// `.`, `\d`, `\p{..}` and the other class escapes outside a class.
    fn set(&mut self, set: &Set, flags: Flags);
    /// A bracketed class: the union of its items (`items` as class items,
    /// possibly empty), complemented when `negated` (`[^...]`).
    fn class(&mut self, items: &str, negated: bool, flags: Flags);
    /// `\N` (the parser checked that group `N` exists) or `\k<name>`.
    fn backreference(
        &mut self,
        off: usize,
        backreference: Backreference,
        flags: Flags,
    ) -> Result<()>;
}

/// An open group.
struct Frame {
    /// Byte offset of its `(`.
    offset: usize,
    /// The modifiers in force outside the group.
    outer: Flags,
    /// Whether it is a lookaround (which a quantifier may not follow).
    look: bool,
}

pub(crate) type Result<T> = std::result::Result<T, TranslateError>;

/// Parses `pattern`, reporting to `sink`.
pub(crate) fn parse<S: Sink>(pattern: &str, sink: &mut S) -> Result<()> {
    Parser {
        pattern,
        chars: pattern.char_indices().collect(),
        i: 0,
        capture_count: count_capture_groups(pattern),
        captures_opened: 0,
        sink,
    }
    .run()
}

struct Parser<'p, 's, S> {
    pattern: &'p str,
    chars: Vec<(usize, char)>,
    /// Index into `chars` of the next character.
    i: usize,
    /// Number of capturing groups in the whole pattern (for `\N`).
    capture_count: usize,
    /// Number of capturing groups opened so far.
    captures_opened: usize,
    sink: &'s mut S,
}

impl<S: Sink> Parser<'_, '_, S> {
    // ----- cursor -------------------------------------------------------

    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).map(|&(_, c)| c)
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.chars.get(self.i + n).map(|&(_, c)| c)
    }

    /// Byte offset of the next character (or the pattern length at the end).
    fn offset(&self) -> usize {
        self.chars
            .get(self.i)
            .map_or(self.pattern.len(), |&(o, _)| o)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek();
        if c.is_some() {
            self.i += 1;
        }
        c
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Source text from byte offset `from` up to the cursor.
    fn source_from(&self, from: usize) -> &str {
        &self.pattern[from..self.offset()]
    }

    fn err(&self, offset: usize, kind: Kind) -> TranslateError {
        TranslateError::new(self.pattern, offset, kind)
    }

    fn syntax(&self, offset: usize, msg: impl Into<String>) -> TranslateError {
        self.err(offset, Kind::Syntax(msg.into()))
    }

    // ----- main loop ----------------------------------------------------

    fn run(mut self) -> Result<()> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut flags = Flags::default();
        let mut last = Last::Nothing;
        while let Some(c) = self.peek() {
            let off = self.offset();
            match c {
                '|' => {
                    self.bump();
                    self.sink.alternative();
                    last = Last::Nothing;
                }
                '(' => {
                    let (group, inner) = self.group_open(off, flags)?;
                    self.sink.open(off, &group, inner)?;
                    stack.push(Frame {
                        offset: off,
                        outer: flags,
                        look: matches!(group, Group::Look { .. }),
                    });
                    flags = inner;
                    last = Last::Nothing;
                }
                ')' => {
                    self.bump();
                    let frame = stack
                        .pop()
                        .ok_or_else(|| self.syntax(off, "unmatched `)`"))?;
                    flags = frame.outer;
                    self.sink.close();
                    last = if frame.look {
                        Last::Assertion
                    } else {
                        Last::Atom
                    };
                }
                '^' | '$' => {
                    self.bump();
                    let assertion = if c == '^' {
                        Assertion::Start
                    } else {
                        Assertion::End
                    };
                    self.sink.assertion(assertion, flags);
                    last = Last::Assertion;
                }
                '*' | '+' | '?' => {
                    self.bump();
                    self.check_quantifiable(off, last)?;
                    let lazy = self.eat('?');
                    let quantifier = match c {
                        '*' => Quantifier::Star,
                        '+' => Quantifier::Plus,
                        _ => Quantifier::Question,
                    };
                    self.sink.quantifier(off, quantifier, lazy)?;
                    last = Last::Quantifier;
                }
                '{' => {
                    let Some((min, max)) = self.braced_quantifier(off)? else {
                        return Err(self.syntax(
                            off,
                            "lone `{` (write `\\{` for a literal brace; `{,n}` is not a quantifier)",
                        ));
                    };
                    self.check_quantifiable(off, last)?;
                    let lazy = self.eat('?');
                    let quantifier = Quantifier::Braced {
                        min: &min,
                        max: max.as_deref(),
                    };
                    self.sink.quantifier(off, quantifier, lazy)?;
                    last = Last::Quantifier;
                }
                '}' | ']' => {
                    return Err(
                        self.syntax(off, format!("lone `{c}` (write `\\{c}` for a literal)"))
                    );
                }
                '.' => {
                    self.bump();
                    let set = if flags.dot_all {
                        Set::Full
                    } else {
                        Set::text(DOT, DOT)
                    };
                    self.sink.set(&set, flags);
                    last = Last::Atom;
                }
                '[' => {
                    self.class(off, flags)?;
                    last = Last::Atom;
                }
                '\\' => last = self.atom_escape(off, flags)?,
                _ => {
                    self.bump();
                    self.sink.literal(c as u32, flags);
                    last = Last::Atom;
                }
            }
        }
        if let Some(frame) = stack.last() {
            return Err(self.syntax(frame.offset, "unterminated group"));
        }
        Ok(())
    }

    fn check_quantifiable(&self, off: usize, last: Last) -> Result<()> {
        match last {
            Last::Atom => Ok(()),
            Last::Nothing | Last::Quantifier => Err(self.syntax(off, "nothing to repeat")),
            Last::Assertion => Err(self.syntax(off, "an assertion cannot be repeated")),
        }
    }

    /// At `{`: parses `{n}`, `{n,}` or `{n,m}` and returns the digits of
    /// the minimum and of the maximum (`Some("")` for `{n,}`), or `None`
    /// (cursor unchanged) when the brace does not start a quantifier.
    #[allow(clippy::type_complexity)]
    fn braced_quantifier(&mut self, off: usize) -> Result<Option<(String, Option<String>)>> {
        let start = self.i;
        self.bump();
        let min = self.digits();
        if min.is_empty() {
            self.i = start;
            return Ok(None);
        }
        let max = if self.eat(',') {
            Some(self.digits())
        } else {
            None
        };
        if !self.eat('}') {
            self.i = start;
            return Ok(None);
        }
        if let Some(max) = max.as_deref().filter(|m| !m.is_empty()) {
            if compare_decimal(&min, max) == std::cmp::Ordering::Greater {
                return Err(self.syntax(off, "numbers out of order in `{}` quantifier"));
            }
        }
        Ok(Some((min, max)))
    }

    /// Consumes a run of ASCII digits.
    fn digits(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            s.push(c);
            self.i += 1;
        }
        s
    }

    // ----- groups -------------------------------------------------------

    /// At `(`: reads the group opening; returns what it opens and the
    /// modifiers in force inside.
    fn group_open(&mut self, off: usize, flags: Flags) -> Result<(Group, Flags)> {
        self.bump();
        if !self.eat('?') {
            self.captures_opened += 1;
            let group = Group::Capture {
                index: self.captures_opened,
                name: None,
            };
            return Ok((group, flags));
        }
        match self.peek() {
            Some(':') => {
                self.bump();
                Ok((Group::NonCapture, flags))
            }
            Some(c @ ('=' | '!')) => {
                self.bump();
                let group = Group::Look {
                    behind: false,
                    negated: c == '!',
                };
                Ok((group, flags))
            }
            Some('<') if matches!(self.peek_at(1), Some('=' | '!')) => {
                let negated = self.peek_at(1) == Some('!');
                self.i += 2;
                Ok((
                    Group::Look {
                        behind: true,
                        negated,
                    },
                    flags,
                ))
            }
            Some('<') => {
                self.bump();
                let name = self.group_name(off)?;
                self.captures_opened += 1;
                let group = Group::Capture {
                    index: self.captures_opened,
                    name: Some(name),
                };
                Ok((group, flags))
            }
            _ => self.modifier_group(off, flags),
        }
    }

    /// After `(?`: an ES2025 modifier group `(?ims-ims:...)`.
    ///
    /// Malformed modifiers are reported as
    /// [`UnsupportedFlagGroup`](Kind::UnsupportedFlagGroup), the kind the
    /// translation has always used for them; [`crate::Pattern`] reads that
    /// kind as a syntax error, since every valid modifier group reaches the
    /// sink.
    fn modifier_group(&mut self, off: usize, flags: Flags) -> Result<(Group, Flags)> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '-')
        {
            self.i += 1;
        }
        let text: String = self.chars[start..self.i].iter().map(|&(_, c)| c).collect();
        match self.peek() {
            Some(':') => {}
            // `(?i)`: not ECMA-262.
            Some(')') => return Err(self.err(off, Kind::UnsupportedFlagGroup)),
            _ if text.is_empty() => return Err(self.syntax(off, "invalid group `(?`")),
            _ => return Err(self.err(off, Kind::UnsupportedFlagGroup)),
        }
        self.bump();
        let (add, remove) = text.split_once('-').unwrap_or((&text, ""));
        let mut seen = String::new();
        for f in add.chars().chain(remove.chars()) {
            if !matches!(f, 'i' | 'm' | 's') || seen.contains(f) {
                return Err(self.err(off, Kind::UnsupportedFlagGroup));
            }
            seen.push(f);
        }
        if seen.is_empty() {
            // `(?-:` is a syntax error.
            return Err(self.err(off, Kind::UnsupportedFlagGroup));
        }
        let read = |s: &str| Flags {
            dot_all: s.contains('s'),
            ignore_case: s.contains('i'),
            multiline: s.contains('m'),
        };
        let (add, remove) = (read(add), read(remove));
        let apply = |outer: bool, add: bool, remove: bool| (outer || add) && !remove;
        let inner = Flags {
            dot_all: apply(flags.dot_all, add.dot_all, remove.dot_all),
            ignore_case: apply(flags.ignore_case, add.ignore_case, remove.ignore_case),
            multiline: apply(flags.multiline, add.multiline, remove.multiline),
        };
        Ok((Group::Modifiers { add, remove }, inner))
    }

    /// After `<` (of `(?<` or `\k<`): a `RegExpIdentifierName` and its `>`.
    fn group_name(&mut self, off: usize) -> Result<String> {
        let mut name = String::new();
        loop {
            match self.peek() {
                None => return Err(self.syntax(off, "unterminated group name")),
                Some('>') => {
                    self.bump();
                    break;
                }
                Some('\\') => {
                    let esc = self.offset();
                    self.bump();
                    if !self.eat('u') {
                        return Err(self.syntax(esc, "invalid escape in group name"));
                    }
                    let cp = self.unicode_escape(esc)?;
                    let c = char::from_u32(cp)
                        .ok_or_else(|| self.syntax(esc, "lone surrogate in group name"))?;
                    name.push(c);
                }
                Some(c) => {
                    self.bump();
                    name.push(c);
                }
            }
        }
        if !is_ecma_identifier(&name) {
            return Err(self.syntax(off, format!("invalid group name `{name}`")));
        }
        Ok(name)
    }

    // ----- escapes ------------------------------------------------------

    /// At `\` outside a class.
    fn atom_escape(&mut self, off: usize, flags: Flags) -> Result<Last> {
        self.bump();
        let Some(c) = self.bump() else {
            return Err(self.syntax(off, "`\\` at end of pattern"));
        };
        match c {
            'b' | 'B' => {
                let assertion = if c == 'b' {
                    Assertion::WordBoundary
                } else {
                    Assertion::NotWordBoundary
                };
                self.sink.assertion(assertion, flags);
                return Ok(Last::Assertion);
            }
            '1'..='9' => {
                let digits = format!("{c}{}", self.digits());
                let n = digits.parse::<usize>().unwrap_or(usize::MAX);
                if n > self.capture_count {
                    return Err(self.syntax(
                        off,
                        format!("`\\{digits}` refers to a capture group that does not exist"),
                    ));
                }
                self.sink
                    .backreference(off, Backreference::Number(n), flags)?;
            }
            'k' => {
                if !self.eat('<') {
                    return Err(self.syntax(off, "`\\k` must be followed by `<name>`"));
                }
                let name = self.group_name(off)?;
                self.sink
                    .backreference(off, Backreference::Name(name), flags)?;
            }
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                self.sink
                    .set(&Set::class_escape(c, flags.ignore_case), flags);
            }
            'p' | 'P' => {
                let set = self.property(off, c == 'P')?;
                self.sink.set(&set, flags);
            }
            _ => {
                let cp = self.character_escape(off, c, false)?;
                self.sink.literal(cp, flags);
            }
        }
        Ok(Last::Atom)
    }

    /// A `CharacterEscape` (after `\` and `c` were consumed). Returns the
    /// code point, which may be a lone surrogate.
    fn character_escape(&mut self, off: usize, c: char, in_class: bool) -> Result<u32> {
        Ok(match c {
            'f' => 0x0C,
            'n' => 0x0A,
            'r' => 0x0D,
            't' => 0x09,
            'v' => 0x0B,
            'c' => match self.peek() {
                Some(l) if l.is_ascii_alphabetic() => {
                    self.bump();
                    l as u32 % 32
                }
                _ => return Err(self.err(off, Kind::UnsupportedEscape(r"\c".into()))),
            },
            '0' => {
                if let Some(d) = self.peek().filter(char::is_ascii_digit) {
                    return Err(self.err(off, Kind::UnsupportedEscape(format!(r"\0{d}"))));
                }
                0
            }
            'x' => {
                let hi = self.peek().and_then(|c| c.to_digit(16));
                let lo = self.peek_at(1).and_then(|c| c.to_digit(16));
                match (hi, lo) {
                    (Some(hi), Some(lo)) => {
                        self.i += 2;
                        hi * 16 + lo
                    }
                    _ => return Err(self.err(off, Kind::UnsupportedEscape(r"\x".into()))),
                }
            }
            'u' => self.unicode_escape(off)?,
            '^' | '$' | '\\' | '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|'
            | '/' => c as u32,
            '-' if in_class => '-' as u32,
            _ => return Err(self.err(off, Kind::UnsupportedEscape(format!("\\{c}")))),
        })
    }

    /// After `\u`: `HHHH` (joining a surrogate pair written as two escapes)
    /// or `{H...}`. `off` is the offset of the `\`.
    fn unicode_escape(&mut self, off: usize) -> Result<u32> {
        let bad = |this: &Self| {
            let text = this.source_from(off).to_owned();
            this.err(off, Kind::UnsupportedEscape(text))
        };
        if self.eat('{') {
            let mut value: u32 = 0;
            let mut any = false;
            while let Some(d) = self.peek().and_then(|c| c.to_digit(16)) {
                self.bump();
                any = true;
                value = value.saturating_mul(16).saturating_add(d);
            }
            let closed = self.eat('}');
            if !any || !closed || value > 0x10FFFF {
                return Err(bad(self));
            }
            return Ok(value);
        }
        let Some(value) = self.hex4(0) else {
            return Err(bad(self));
        };
        self.i += 4;
        if (0xD800..=0xDBFF).contains(&value)
            && self.peek() == Some('\\')
            && self.peek_at(1) == Some('u')
        {
            if let Some(trail) = self.hex4(2).filter(|t| (0xDC00..=0xDFFF).contains(t)) {
                self.i += 6;
                return Ok(0x10000 + ((value - 0xD800) << 10) + (trail - 0xDC00));
            }
        }
        Ok(value)
    }

    /// Four hex digits starting `skip` characters ahead, without consuming.
    fn hex4(&self, skip: usize) -> Option<u32> {
        (0..4).try_fold(0u32, |acc, k| {
            let d = self.peek_at(skip + k)?.to_digit(16)?;
            Some(acc * 16 + d)
        })
    }

    /// After `\p` or `\P`: `{Name=Value}` or `{Value}`.
    fn property(&mut self, off: usize, negated: bool) -> Result<Set> {
        if !self.eat('{') {
            let text = self.source_from(off).to_owned();
            return Err(self.err(off, Kind::UnsupportedEscape(text)));
        }
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '=')
        {
            self.i += 1;
        }
        let body: String = self.chars[start..self.i].iter().map(|&(_, c)| c).collect();
        if !self.eat('}') {
            return Err(self.syntax(off, "invalid Unicode property escape"));
        }
        let unsupported = |this: &Self| {
            let text = this.source_from(off).to_owned();
            this.err(off, Kind::UnsupportedProperty(text))
        };
        let set = match body.split_once('=') {
            Some(("General_Category" | "gc", value)) => {
                general_category(value).ok_or_else(|| unsupported(self))?
            }
            Some((name @ ("Script" | "sc" | "Script_Extensions" | "scx"), value)) => {
                let canonical = lookup(SCRIPTS, value).ok_or_else(|| unsupported(self))?;
                if canonical == "Katakana_Or_Hiragana" {
                    // A valid value that Unicode assigns to no code point (in
                    // `Scripts.txt` nor `ScriptExtensions.txt`); the `regex`
                    // crate has no table for it.
                    return Ok(if negated { Set::Full } else { Set::Empty });
                }
                if canonical == "Unknown" {
                    // UAX #24: `Zzzz` is exactly the unassigned, private-use,
                    // noncharacter and surrogate code points, for `Script`
                    // and `Script_Extensions` alike; the `regex` crate has no
                    // table for it. Noncharacters are `Cn`; surrogates cannot
                    // occur in `&str`.
                    const ITEMS: &str = r"\p{gc=Cn}\p{gc=Co}";
                    let set = Set::text(ITEMS, format!("[{ITEMS}]"));
                    return Ok(if negated { set.negate() } else { set });
                }
                let prop = if name.starts_with("Script_") || name == "scx" {
                    "scx"
                } else {
                    "sc"
                };
                let text = format!(r"\p{{{prop}={canonical}}}");
                Set::text(text.clone(), text)
            }
            Some(_) => return Err(unsupported(self)),
            None => match general_category(&body) {
                Some(set) => set,
                None => match lookup(BINARY_PROPERTIES, &body) {
                    Some(Some("Any")) => Set::Full,
                    Some(Some(canonical)) => {
                        let text = format!(r"\p{{{canonical}}}");
                        Set::text(text.clone(), text)
                    }
                    Some(None) | None => return Err(unsupported(self)),
                },
            },
        };
        Ok(if negated { set.negate() } else { set })
    }

    // ----- classes ------------------------------------------------------

    /// At `[`: a whole character class.
    fn class(&mut self, off: usize, flags: Flags) -> Result<()> {
        self.bump();
        let negated = self.eat('^');
        let mut items = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.syntax(off, "unterminated character class"));
            };
            if c == ']' {
                self.bump();
                break;
            }
            let atom_off = self.offset();
            let first = self.class_atom(flags)?;
            if self.peek() == Some('-') && !matches!(self.peek_at(1), None | Some(']')) {
                self.bump();
                let second = self.class_atom(flags)?;
                match (first, second) {
                    (ClassAtom::Char(lo), ClassAtom::Char(hi)) => {
                        if lo > hi {
                            return Err(
                                self.syntax(atom_off, "range out of order in character class")
                            );
                        }
                        push_class_range(&mut items, lo, hi);
                    }
                    _ => {
                        return Err(self.syntax(
                            atom_off,
                            "a character class escape cannot be a range endpoint",
                        ))
                    }
                }
            } else {
                match first {
                    ClassAtom::Char(cp) => push_class_range(&mut items, cp, cp),
                    ClassAtom::Set(set) => items.push_str(set.items()),
                }
            }
        }
        self.sink.class(&items, negated, flags);
        Ok(())
    }

    /// One `ClassAtom`.
    fn class_atom(&mut self, flags: Flags) -> Result<ClassAtom> {
        let off = self.offset();
        let c = self.bump().expect("caller checked for end of input");
        if c != '\\' {
            return Ok(ClassAtom::Char(c as u32));
        }
        let Some(c) = self.bump() else {
            return Err(self.syntax(off, "`\\` at end of pattern"));
        };
        Ok(match c {
            'b' => ClassAtom::Char(0x08),
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                ClassAtom::Set(Set::class_escape(c, flags.ignore_case))
            }
            'p' | 'P' => ClassAtom::Set(self.property(off, c == 'P')?),
            'B' | 'k' | '1'..='9' => {
                return Err(self.err(off, Kind::UnsupportedEscape(format!("\\{c}"))))
            }
            _ => ClassAtom::Char(self.character_escape(off, c, true)?),
        })
    }
}

fn general_category(value: &str) -> Option<Set> {
    let short = lookup(GENERAL_CATEGORIES, value)?;
    Some(if short == "Cs" {
        Set::Empty
    } else {
        let text = format!(r"\p{{gc={short}}}");
        Set::text(text.clone(), text)
    })
}

/// Appends `cp` as a `regex` literal, valid both inside and outside a class.
/// A lone surrogate becomes a class that matches nothing.
pub(crate) fn push_literal(out: &mut String, cp: u32) {
    match char::from_u32(cp) {
        Some(c) => push_char(out, c),
        None => out.push_str(NEVER),
    }
}

pub(crate) fn push_char(out: &mut String, c: char) {
    match c {
        // Everything `regex-syntax` treats as a meta character somewhere
        // (inside or outside classes, or in verbose mode).
        '\\' | '.' | '+' | '*' | '?' | '(' | ')' | '|' | '[' | ']' | '{' | '}' | '^' | '$'
        | '#' | '&' | '-' | '~' => {
            out.push('\\');
            out.push(c);
        }
        '\t' => out.push_str(r"\t"),
        '\n' => out.push_str(r"\n"),
        '\r' => out.push_str(r"\r"),
        ' ' => out.push_str(r"\x20"),
        c if c.is_ascii_graphic() || (!c.is_ascii() && c.is_alphanumeric()) => out.push(c),
        c => write!(out, r"\x{{{:X}}}", c as u32).expect("writing to a String"),
    }
}

/// Appends the class items for `lo..=hi`, leaving out surrogates. A range
/// that spans the surrogate block stays one range (`regex` ranges are over
/// scalar values), which [`negated_class`] relies on.
fn push_class_range(items: &mut String, lo: u32, hi: u32) {
    let lo = if (0xD800..=0xDFFF).contains(&lo) {
        0xE000
    } else {
        lo
    };
    let hi = if (0xD800..=0xDFFF).contains(&hi) {
        0xD7FF
    } else {
        hi
    };
    let (Some(a), Some(b)) = (char::from_u32(lo), char::from_u32(hi)) else {
        return;
    };
    if a > b {
        return;
    }
    push_char(items, a);
    if a != b {
        items.push('-');
        push_char(items, b);
    }
}

/// `[^items]`, written so that `regex-syntax` computes the complement
/// correctly.
///
/// `regex-syntax` 0.8 mis-negates a set holding U+D7FF and U+E000 as two
/// separate ranges: the gap between them (the surrogates, which hold no
/// scalar value) comes out as the range U+D7FF-U+E000, so `[^\x{D7FF}\x{E000}]`
/// matches both. When the set holds both code points, adding the range
/// `\x{D7FF}-\x{E000}` (which holds exactly those two) leaves it unchanged
/// and joins the two ranges, which sidesteps the problem. A set stored with
/// one range across the surrogates is negated correctly as it is.
pub(crate) fn negated_class(items: &str) -> String {
    if needs_surrogate_bridge(items) {
        format!(r"[^{items}\x{{D7FF}}-\x{{E000}}]")
    } else if let [single] = property_escapes(items).as_slice() {
        single.replacen(r"\p{", r"\P{", 1)
    } else {
        format!("[^{items}]")
    }
}

/// The `\p{..}` escapes `items` consists of, if it consists only of those.
fn property_escapes(items: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = items;
    while let Some(tail) = rest.strip_prefix(r"\p{") {
        let Some(end) = tail.find('}') else {
            return Vec::new();
        };
        out.push(&rest[..end + 4]);
        rest = &tail[end + 1..];
    }
    if rest.is_empty() {
        out
    } else {
        Vec::new()
    }
}

/// Whether `regex-syntax` stores the class `[items]` with one range ending
/// at U+D7FF and another starting at U+E000.
fn needs_surrogate_bridge(items: &str) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    let Ok(hir) = regex_syntax::parse(&format!("[{items}]")) else {
        // Reported when the whole translation is checked.
        return false;
    };
    let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
        return false;
    };
    class.ranges().iter().any(|r| r.end() == '\u{D7FF}')
        && class.ranges().iter().any(|r| r.start() == '\u{E000}')
}

/// Compares two decimal digit strings by value.
pub(crate) fn compare_decimal(a: &str, b: &str) -> std::cmp::Ordering {
    let a = a.trim_start_matches('0');
    let b = b.trim_start_matches('0');
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// Counts capturing groups (`(` not followed by `?`, and `(?<name>`),
/// skipping escapes and character classes.
pub(crate) fn count_capture_groups(pattern: &str) -> usize {
    let b = pattern.as_bytes();
    let mut count = 0;
    let mut i = 0;
    let mut in_class = false;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' if !in_class => in_class = true,
            b']' if in_class => in_class = false,
            b'(' if !in_class => {
                let rest = &b[i + 1..];
                if !rest.starts_with(b"?")
                    || (rest.starts_with(b"?<")
                        && !rest.starts_with(b"?<=")
                        && !rest.starts_with(b"?<!"))
                {
                    count += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    count
}

/// ECMA-262 `RegExpIdentifierName`: `ID_Start`, `$` or `_`, then
/// `ID_Continue`, `$`, ZWNJ or ZWJ.
fn is_ecma_identifier(name: &str) -> bool {
    static IDENT: OnceLock<regex::Regex> = OnceLock::new();
    IDENT
        .get_or_init(|| {
            regex::Regex::new(r"\A[\p{ID_Start}$_][\p{ID_Continue}$\x{200C}\x{200D}]*\z")
                .expect("identifier regex is valid")
        })
        .is_match(name)
}

/// The `regex` crate's rule for capture group names.
pub(crate) fn regex_accepts_group_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}
