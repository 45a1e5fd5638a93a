//! The ECMA-262 (`u` flag) parser and `regex`-crate emitter.
//!
//! The pattern is walked once, left to right, without recursion: open groups
//! live on an explicit stack, so deeply nested input cannot overflow the
//! stack. Every ECMA-262 atom is written as exactly one `regex` atom (a
//! literal, a bracketed class, a `\p{..}` escape or a group), which lets a
//! following quantifier be copied as is.

use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::unicode_names::{lookup, BINARY_PROPERTIES, GENERAL_CATEGORIES, SCRIPTS};
use crate::{TranslateError, TranslateErrorKind as Kind};

/// ECMA `\d` inside a class.
const DIGIT: &str = "0-9";
/// ECMA `\w` inside a class.
const WORD: &str = "0-9A-Z_a-z";
/// ECMA `\s` inside a class: `WhiteSpace` (TAB, VT, FF, ZWNBSP and the `Zs`
/// category) plus `LineTerminator` (LF, CR, LS, PS).
const SPACE: &str =
    r"\t-\r\x20\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";
/// ECMA `.` without the `s` flag: anything but a `LineTerminator`.
const DOT: &str = r"[^\n\r\x{2028}\x{2029}]";
/// Any code point (ECMA `[^]`, `.` with the `s` flag, `\p{Any}`).
const ANY: &str = "(?s:.)";
/// Every scalar value, as class items.
const ALL_ITEMS: &str = r"\x{0}-\x{10FFFF}";
/// A class that matches nothing (ECMA `[]`, lone surrogates, `\p{Cs}`).
const NEVER: &str = r"[^\x{0}-\x{10FFFF}]";
/// ECMA `\b`: the ASCII word boundary. Non-ASCII bytes are never word
/// characters, so it can only hold next to an ASCII byte, i.e. between code
/// points; the `regex` crate also never reports an empty match that splits a
/// code point, which keeps `\B` exact.
const WORD_BOUNDARY: &str = r"(?-u:\b)";
/// ECMA `\B`.
const NOT_WORD_BOUNDARY: &str = r"(?-u:\B)";

/// A set of code points, written two ways.
#[derive(Debug, Clone)]
enum Set {
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

    /// ECMA `\d`, `\D`, `\w`, `\W`, `\s`, `\S`.
    fn class_escape(c: char) -> Set {
        let (items, negated) = match c {
            'd' => (DIGIT, false),
            'D' => (DIGIT, true),
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
    fn items(&self) -> &str {
        match self {
            Set::Empty => "",
            Set::Full => ALL_ITEMS,
            Set::Text { items, .. } => items,
        }
    }

    /// A standalone atom.
    fn atom(&self) -> &str {
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
    /// `^`, `$`, `\b`, `\B`.
    Assertion,
    /// A quantifier.
    Quantifier,
}

/// An open group.
struct Frame {
    /// Byte offset of its `(`.
    offset: usize,
    /// The `s` (dotAll) modifier in force outside the group.
    outer_dot_all: bool,
}

/// Translates `pattern`; see [`crate::translate`].
pub(crate) fn translate(pattern: &str) -> Result<String> {
    Translator {
        pattern,
        chars: pattern.char_indices().collect(),
        i: 0,
        out: String::with_capacity(pattern.len() * 2),
        capture_count: count_capture_groups(pattern),
        names: Vec::new(),
    }
    .run()
}

struct Translator<'p> {
    pattern: &'p str,
    chars: Vec<(usize, char)>,
    /// Index into `chars` of the next character.
    i: usize,
    out: String,
    /// Number of capturing groups in the whole pattern (for `\N`).
    capture_count: usize,
    /// Group names seen so far.
    names: Vec<String>,
}

type Result<T> = std::result::Result<T, TranslateError>;

impl Translator<'_> {
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

    fn run(mut self) -> Result<String> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut dot_all = false;
        let mut last = Last::Nothing;
        while let Some(c) = self.peek() {
            let off = self.offset();
            match c {
                '|' => {
                    self.bump();
                    self.out.push('|');
                    last = Last::Nothing;
                }
                '(' => {
                    let inner = self.group_open(off, dot_all)?;
                    stack.push(Frame {
                        offset: off,
                        outer_dot_all: dot_all,
                    });
                    dot_all = inner;
                    last = Last::Nothing;
                }
                ')' => {
                    self.bump();
                    let frame = stack
                        .pop()
                        .ok_or_else(|| self.syntax(off, "unmatched `)`"))?;
                    dot_all = frame.outer_dot_all;
                    self.out.push(')');
                    last = Last::Atom;
                }
                '^' | '$' => {
                    self.bump();
                    self.out.push(c);
                    last = Last::Assertion;
                }
                '*' | '+' | '?' => {
                    self.bump();
                    self.check_quantifiable(off, last)?;
                    self.out.push(c);
                    self.lazy_suffix();
                    last = Last::Quantifier;
                }
                '{' => {
                    let Some(text) = self.braced_quantifier(off)? else {
                        return Err(self.syntax(
                            off,
                            "lone `{` (write `\\{` for a literal brace; `{,n}` is not a quantifier)",
                        ));
                    };
                    self.check_quantifiable(off, last)?;
                    self.out.push_str(&text);
                    self.lazy_suffix();
                    last = Last::Quantifier;
                }
                '}' | ']' => {
                    return Err(
                        self.syntax(off, format!("lone `{c}` (write `\\{c}` for a literal)"))
                    );
                }
                '.' => {
                    self.bump();
                    self.out.push_str(if dot_all { ANY } else { DOT });
                    last = Last::Atom;
                }
                '[' => {
                    self.class(off)?;
                    last = Last::Atom;
                }
                '\\' => last = self.atom_escape(off)?,
                _ => {
                    self.bump();
                    push_literal(&mut self.out, c as u32);
                    last = Last::Atom;
                }
            }
        }
        if let Some(frame) = stack.last() {
            return Err(self.syntax(frame.offset, "unterminated group"));
        }
        Ok(self.out)
    }

    fn check_quantifiable(&self, off: usize, last: Last) -> Result<()> {
        match last {
            Last::Atom => Ok(()),
            Last::Nothing | Last::Quantifier => Err(self.syntax(off, "nothing to repeat")),
            Last::Assertion => Err(self.syntax(off, "an assertion cannot be repeated")),
        }
    }

    fn lazy_suffix(&mut self) {
        if self.eat('?') {
            self.out.push('?');
        }
    }

    /// At `{`: parses `{n}`, `{n,}` or `{n,m}` and returns its `regex`
    /// spelling, or `None` (cursor unchanged) when the brace does not start
    /// a quantifier.
    fn braced_quantifier(&mut self, off: usize) -> Result<Option<String>> {
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
        let count = |digits: &str| -> Result<u32> {
            let trimmed = digits.trim_start_matches('0');
            trimmed.parse::<u32>().or_else(|_| {
                if trimmed.is_empty() {
                    Ok(0)
                } else {
                    Err(self.err(
                        off,
                        Kind::Compile(format!(
                            "repetition count {digits} exceeds the regex engine's limit of {}",
                            u32::MAX
                        )),
                    ))
                }
            })
        };
        let text = match max {
            None => format!("{{{}}}", count(&min)?),
            Some(max) if max.is_empty() => format!("{{{},}}", count(&min)?),
            Some(max) => {
                if compare_decimal(&min, &max) == std::cmp::Ordering::Greater {
                    return Err(self.syntax(off, "numbers out of order in `{}` quantifier"));
                }
                format!("{{{},{}}}", count(&min)?, count(&max)?)
            }
        };
        Ok(Some(text))
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

    /// At `(`: writes the group opening and returns the dotAll state inside.
    fn group_open(&mut self, off: usize, dot_all: bool) -> Result<bool> {
        self.bump();
        if !self.eat('?') {
            self.out.push('(');
            return Ok(dot_all);
        }
        match self.peek() {
            Some(':') => {
                self.bump();
                self.out.push_str("(?:");
                Ok(dot_all)
            }
            Some('=' | '!') => Err(self.err(off, Kind::Lookahead)),
            Some('<') if matches!(self.peek_at(1), Some('=' | '!')) => {
                Err(self.err(off, Kind::Lookbehind))
            }
            Some('<') => {
                self.bump();
                let name = self.group_name(off)?;
                if !regex_accepts_group_name(&name) {
                    return Err(self.err(off, Kind::UnsupportedGroupName(name)));
                }
                if self.names.contains(&name) {
                    return Err(self.err(off, Kind::DuplicateGroupName(name)));
                }
                write!(self.out, "(?P<{name}>").expect("writing to a String");
                self.names.push(name);
                Ok(dot_all)
            }
            _ => self.modifier_group(off, dot_all),
        }
    }

    /// After `(?`: an ES2025 modifier group `(?ims-ims:...)`.
    fn modifier_group(&mut self, off: usize, dot_all: bool) -> Result<bool> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '-')
        {
            self.i += 1;
        }
        let flags: String = self.chars[start..self.i].iter().map(|&(_, c)| c).collect();
        match self.peek() {
            Some(':') => {}
            Some(')') => return Err(self.err(off, Kind::UnsupportedFlagGroup)),
            _ if flags.is_empty() => return Err(self.syntax(off, "invalid group `(?`")),
            _ => return Err(self.err(off, Kind::UnsupportedFlagGroup)),
        }
        self.bump();
        let (add, remove) = flags.split_once('-').unwrap_or((&flags, ""));
        let mut seen = String::new();
        for f in add.chars().chain(remove.chars()) {
            if !matches!(f, 'i' | 'm' | 's') || seen.contains(f) {
                return Err(self.err(off, Kind::UnsupportedFlagGroup));
            }
            seen.push(f);
        }
        if seen.is_empty() || add.contains(['i', 'm']) {
            // `(?-:` is a syntax error; `i` and `m` have no exact equivalent.
            return Err(self.err(off, Kind::UnsupportedFlagGroup));
        }
        self.out.push_str("(?:");
        Ok(if add.contains('s') {
            true
        } else if remove.contains('s') {
            false
        } else {
            dot_all
        })
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
    fn atom_escape(&mut self, off: usize) -> Result<Last> {
        self.bump();
        let Some(c) = self.bump() else {
            return Err(self.syntax(off, "`\\` at end of pattern"));
        };
        match c {
            'b' => {
                self.out.push_str(WORD_BOUNDARY);
                return Ok(Last::Assertion);
            }
            'B' => {
                self.out.push_str(NOT_WORD_BOUNDARY);
                return Ok(Last::Assertion);
            }
            '1'..='9' => {
                let digits = format!("{c}{}", self.digits());
                let n = digits.parse::<usize>().unwrap_or(usize::MAX);
                return Err(if n <= self.capture_count {
                    self.err(off, Kind::Backreference)
                } else {
                    self.syntax(
                        off,
                        format!("`\\{digits}` refers to a capture group that does not exist"),
                    )
                });
            }
            'k' => {
                if !self.eat('<') {
                    return Err(self.syntax(off, "`\\k` must be followed by `<name>`"));
                }
                self.group_name(off)?;
                return Err(self.err(off, Kind::NamedBackreference));
            }
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                self.out.push_str(Set::class_escape(c).atom());
            }
            'p' | 'P' => {
                let set = self.property(off, c == 'P')?;
                self.out.push_str(set.atom());
            }
            _ => {
                let cp = self.character_escape(off, c, false)?;
                push_literal(&mut self.out, cp);
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
    fn class(&mut self, off: usize) -> Result<()> {
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
            let first = self.class_atom()?;
            if self.peek() == Some('-') && !matches!(self.peek_at(1), None | Some(']')) {
                self.bump();
                let second = self.class_atom()?;
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
        match (items.is_empty(), negated) {
            (true, false) => self.out.push_str(NEVER),
            (true, true) => self.out.push_str(ANY),
            (false, false) => {
                self.out.push('[');
                self.out.push_str(&items);
                self.out.push(']');
            }
            (false, true) => self.out.push_str(&negated_class(&items)),
        }
        Ok(())
    }

    /// One `ClassAtom`.
    fn class_atom(&mut self) -> Result<ClassAtom> {
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
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => ClassAtom::Set(Set::class_escape(c)),
            'p' | 'P' => ClassAtom::Set(self.property(off, c == 'P')?),
            'B' | 'k' | '1'..='9' => {
                return Err(self.err(off, Kind::UnsupportedEscape(format!("\\{c}"))))
            }
            _ => ClassAtom::Char(self.character_escape(off, c, true)?),
        })
    }
}

/// `\p{gc=..}` for an ECMA-262 `General_Category` value or alias.
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
fn push_literal(out: &mut String, cp: u32) {
    match char::from_u32(cp) {
        Some(c) => push_char(out, c),
        None => out.push_str(NEVER),
    }
}

fn push_char(out: &mut String, c: char) {
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
fn negated_class(items: &str) -> String {
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
fn compare_decimal(a: &str, b: &str) -> std::cmp::Ordering {
    let a = a.trim_start_matches('0');
    let b = b.trim_start_matches('0');
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// Counts capturing groups (`(` not followed by `?`, and `(?<name>`),
/// skipping escapes and character classes.
fn count_capture_groups(pattern: &str) -> usize {
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
fn regex_accepts_group_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

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
