//! A JSON parser (RFC 8259) into [`Value`]: numbers kept as written, object members
//! in order, and every refusal located by line, column and JSON pointer.
//!
//! Beyond the RFC's grammar it refuses what would make a value ambiguous or
//! unrepresentable: an object that repeats a key (readers disagree on which one
//! counts), a `\u` escape of a lone surrogate (no Rust string can hold it), and
//! nesting deeper than a limit (128 levels by default, as serde_json).

use std::fmt;

use super::{Map, Value};
use crate::number::Number;
use crate::validate::push_escaped;

/// Why a text is not (acceptable) JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SyntaxError {
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column (in characters) of the problem.
    pub column: usize,
    /// RFC 6901 pointer of the value being read when the problem was found (`""`:
    /// the top level).
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {} column {}: {}",
            self.line, self.column, self.message
        )?;
        if !self.pointer.is_empty() {
            write!(f, " (in {})", self.pointer)?;
        }
        Ok(())
    }
}

impl std::error::Error for SyntaxError {}

/// Parses `bytes` as one JSON text (a leading UTF-8 byte order mark is skipped).
pub fn parse(bytes: &[u8]) -> Result<Value, SyntaxError> {
    Parser::new().parse(bytes)
}

/// Parses `text` as one JSON text.
pub fn parse_str(text: &str) -> Result<Value, SyntaxError> {
    parse(text.as_bytes())
}

/// Parser settings.
#[derive(Debug, Clone)]
pub struct Parser {
    max_depth: usize,
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new()
    }
}

/// A failure and the path to it, built innermost first as the error travels out.
struct Failure {
    at: usize,
    message: String,
    path: Vec<Segment>,
}

enum Segment {
    Key(String),
    Index(usize),
}

impl Failure {
    fn new(at: usize, message: impl Into<String>) -> Failure {
        Failure {
            at,
            message: message.into(),
            path: Vec::new(),
        }
    }

    fn within(mut self, segment: Segment) -> Failure {
        self.path.push(segment);
        self
    }
}

type Parsed<T> = Result<T, Failure>;

impl Parser {
    /// The default settings: nesting up to 128 arrays/objects deep.
    pub fn new() -> Parser {
        Parser { max_depth: 128 }
    }

    /// Refuses arrays and objects nested deeper than `depth`.
    pub fn max_depth(mut self, depth: usize) -> Parser {
        self.max_depth = depth;
        self
    }

    /// Parses `bytes` as one JSON text.
    pub fn parse(&self, bytes: &[u8]) -> Result<Value, SyntaxError> {
        let start = if bytes.starts_with("\u{feff}".as_bytes()) {
            3
        } else {
            0
        };
        let mut cursor = Cursor {
            bytes,
            pos: start,
            max_depth: self.max_depth,
        };
        let result = cursor.skip_whitespace().and_then(|()| {
            let value = cursor.value(0)?;
            cursor.skip_whitespace()?;
            if cursor.pos < bytes.len() {
                return Err(Failure::new(
                    cursor.pos,
                    "trailing characters after the value",
                ));
            }
            Ok(value)
        });
        result.map_err(|failure| {
            let (line, column) = line_column(bytes, failure.at);
            let mut pointer = String::new();
            for segment in failure.path.iter().rev() {
                pointer.push('/');
                match segment {
                    Segment::Key(key) => push_escaped(&mut pointer, key),
                    Segment::Index(index) => pointer.push_str(&index.to_string()),
                }
            }
            SyntaxError {
                line,
                column,
                pointer,
                message: failure.message,
            }
        })
    }
}

/// 1-based line and column (in characters) of byte offset `at`.
fn line_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let at = at.min(bytes.len());
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    max_depth: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) -> Parsed<()> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
        Ok(())
    }

    fn describe_here(&self) -> String {
        match self.peek() {
            None => "the end of the input".into(),
            Some(b) if b.is_ascii_graphic() => format!("`{}`", b as char),
            Some(_) => match std::str::from_utf8(&self.bytes[self.pos..])
                .ok()
                .and_then(|s| s.chars().next())
            {
                Some(c) if !c.is_control() && !c.is_whitespace() => format!("`{c}`"),
                Some(c) => format!("U+{:04X}", u32::from(c)),
                None => format!("byte 0x{:02x}", self.bytes[self.pos]),
            },
        }
    }

    fn value(&mut self, depth: usize) -> Parsed<Value> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            _ => Err(Failure::new(
                self.pos,
                format!("expected a value, found {}", self.describe_here()),
            )),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Parsed<Value> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(Failure::new(
                self.pos,
                format!("expected a value, found {}", self.describe_here()),
            ))
        }
    }

    fn number(&mut self) -> Parsed<Number> {
        let start = self.pos;
        let digits = |cursor: &mut Self| {
            let from = cursor.pos;
            while let Some(b'0'..=b'9') = cursor.peek() {
                cursor.pos += 1;
            }
            cursor.pos - from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(Failure::new(self.pos, "a number needs digits after `-`")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return Err(Failure::new(self.pos, "a number needs digits after `.`"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(Failure::new(
                    self.pos,
                    "a number needs digits in its exponent",
                ));
            }
        }
        if let Some(b'0'..=b'9') = self.peek() {
            return Err(Failure::new(
                start,
                "a number cannot start with `0` before more digits",
            ));
        }
        // The scanned bytes are ASCII digits and signs: valid UTF-8.
        let text = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or("0");
        Ok(Number::from_valid(text))
    }

    fn string(&mut self) -> Parsed<String> {
        let open = self.pos;
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let rest = &self.bytes[self.pos..];
            let Some(stop) = memchr::memchr2(b'"', b'\\', rest) else {
                return Err(Failure::new(open, "a string is not closed"));
            };
            let chunk = &rest[..stop];
            if let Some(bad) = chunk.iter().position(|&b| b < 0x20) {
                return Err(Failure::new(
                    self.pos + bad,
                    format!(
                        "control character U+{:04X} must be escaped in a string",
                        chunk[bad]
                    ),
                ));
            }
            out.extend_from_slice(chunk);
            self.pos += stop + 1;
            if rest[stop] == b'"' {
                break;
            }
            self.escape(&mut out)?;
        }
        String::from_utf8(out).map_err(|error| {
            Failure::new(
                open + 1 + error.utf8_error().valid_up_to(),
                "a string is not valid UTF-8",
            )
        })
    }

    /// One escape, the backslash already consumed.
    fn escape(&mut self, out: &mut Vec<u8>) -> Parsed<()> {
        let at = self.pos - 1;
        let Some(kind) = self.peek() else {
            return Err(Failure::new(at, "a string is not closed"));
        };
        self.pos += 1;
        let c = match kind {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4(at)?;
                match first {
                    0xD800..=0xDBFF => {
                        if !self.bytes[self.pos..].starts_with(b"\\u") {
                            return Err(Failure::new(
                                at,
                                "a lone leading surrogate in a \\u escape",
                            ));
                        }
                        self.pos += 2;
                        let second = self.hex4(self.pos - 2)?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(Failure::new(
                                at,
                                "a lone leading surrogate in a \\u escape",
                            ));
                        }
                        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        char::from_u32(code).unwrap_or('\u{FFFD}')
                    }
                    0xDC00..=0xDFFF => {
                        return Err(Failure::new(
                            at,
                            "a lone trailing surrogate in a \\u escape",
                        ))
                    }
                    code => char::from_u32(code).unwrap_or('\u{FFFD}'),
                }
            }
            _ => return Err(Failure::new(at, "an unknown escape in a string")),
        };
        let mut buffer = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
        Ok(())
    }

    fn hex4(&mut self, escape_at: usize) -> Parsed<u32> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| Failure::new(escape_at, "a \\u escape needs four hexadecimal digits"))?;
        let mut value = 0u32;
        for &d in digits {
            let v = (d as char).to_digit(16).ok_or_else(|| {
                Failure::new(escape_at, "a \\u escape needs four hexadecimal digits")
            })?;
            value = value * 16 + v;
        }
        self.pos += 4;
        Ok(value)
    }

    fn enter(&self, depth: usize) -> Parsed<()> {
        if depth > self.max_depth {
            return Err(Failure::new(
                self.pos,
                format!("nested deeper than {} levels", self.max_depth),
            ));
        }
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Parsed<Value> {
        self.enter(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace()?;
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            let index = items.len();
            self.skip_whitespace()?;
            let item = self
                .value(depth)
                .map_err(|f| f.within(Segment::Index(index)))?;
            items.push(item);
            self.skip_whitespace()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => {
                    return Err(Failure::new(
                        self.pos,
                        format!("expected `,` or `]`, found {}", self.describe_here()),
                    ))
                }
            }
        }
    }

    fn object(&mut self, depth: usize) -> Parsed<Value> {
        self.enter(depth)?;
        self.pos += 1;
        let mut map = Map::new();
        self.skip_whitespace()?;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_whitespace()?;
            let key_at = self.pos;
            if self.peek() != Some(b'"') {
                return Err(Failure::new(
                    self.pos,
                    format!(
                        "expected a member name in quotes, found {}",
                        self.describe_here()
                    ),
                ));
            }
            let key = self.string()?;
            self.skip_whitespace()?;
            if self.peek() != Some(b':') {
                return Err(Failure::new(
                    self.pos,
                    format!("expected `:`, found {}", self.describe_here()),
                ));
            }
            self.pos += 1;
            self.skip_whitespace()?;
            let value = self
                .value(depth)
                .map_err(|f| f.within(Segment::Key(key.clone())))?;
            if map.contains_key(&key) {
                return Err(Failure::new(key_at, format!("duplicate key {key:?}")));
            }
            map.insert(key, value);
            self.skip_whitespace()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(map));
                }
                _ => {
                    return Err(Failure::new(
                        self.pos,
                        format!("expected `,` or `}}`, found {}", self.describe_here()),
                    ))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (usize, usize, String, String) {
        let e = parse_str(text).unwrap_err();
        (e.line, e.column, e.pointer, e.message)
    }

    #[test]
    fn parses_everything() {
        let v = parse_str(
            " {\"a\": [true, false, null, -1.5e3, \"x\\u00e9\\ud83d\\ude80\"], \"b\": {}} ",
        )
        .unwrap();
        assert_eq!(v["a"][4].as_str(), Some("xé🚀"));
        assert_eq!(v["a"][3].as_number().unwrap().to_string(), "-1.5e3");
        assert!(v["b"].as_object().unwrap().is_empty());
        assert_eq!(
            parse("\u{feff}[1]".as_bytes()).unwrap(),
            Value::Array(vec![Value::from(1)])
        );
    }

    #[test]
    fn locates_errors() {
        assert_eq!(
            error("{\"a\": [1, 2,]}"),
            (1, 13, "/a/2".into(), "expected a value, found `]`".into())
        );
        assert_eq!(
            error("{\"a\": 1, \"a\": 2}"),
            (1, 10, String::new(), "duplicate key \"a\"".into())
        );
        assert_eq!(
            error("{\"x\": {\"k\": 1,\n \"k\": 2}}"),
            (2, 2, "/x".into(), "duplicate key \"k\"".into())
        );
        assert_eq!(
            error("[01]").3,
            "a number cannot start with `0` before more digits"
        );
        assert_eq!(error("1 2").3, "trailing characters after the value");
        assert_eq!(
            error("\"a\nb\"").3,
            "control character U+000A must be escaped in a string"
        );
        assert_eq!(
            error("\"\\ud800\"").3,
            "a lone leading surrogate in a \\u escape"
        );
        assert_eq!(
            error("\"\\udc00\"").3,
            "a lone trailing surrogate in a \\u escape"
        );
        assert_eq!(error("").3, "expected a value, found the end of the input");
        assert_eq!(
            error("[\"é\", x]"),
            (1, 7, "/1".into(), "expected a value, found `x`".into())
        );
        assert!(parse(b"\"\xff\"").unwrap_err().message.contains("UTF-8"));
        assert_eq!(error("{\"a\" 1}").3, "expected `:`, found `1`");
        assert_eq!(
            error("{1: 2}").3,
            "expected a member name in quotes, found `1`"
        );
        assert_eq!(error("\"abc").3, "a string is not closed");
        assert_eq!(error("NaN").3, "expected a value, found `N`");
        assert_eq!(error("-").3, "a number needs digits after `-`");
        assert_eq!(error("1.").3, "a number needs digits after `.`");
        assert_eq!(error("1e").3, "a number needs digits in its exponent");
    }

    #[test]
    fn limits_depth() {
        let deep = "[".repeat(129) + &"]".repeat(129);
        assert_eq!(error(&deep).3, "nested deeper than 128 levels");
        let ok = "[".repeat(128) + &"]".repeat(128);
        assert!(parse_str(&ok).is_ok());
        assert!(Parser::new().max_depth(2).parse(b"[[[]]]").is_err());
    }

    #[test]
    fn agrees_with_serde_json_on_what_is_json() {
        for text in [
            "[]",
            "{}",
            "0",
            "-0.0e-0",
            "\"\\/\"",
            "[1,[2,[3]]]",
            " \t\r\n1",
            "{\"\":\"\"}",
            "1e999",
        ] {
            assert!(parse_str(text).is_ok(), "{text}");
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_ok() || text == "1e999",
                "{text}"
            );
        }
        for text in [
            "[1,]", "{,}", "tru", "nul", "[", "{\"a\":}", "'a'", "\"\\x\"", "+1", ".5", "0x10",
            "[1 2]",
        ] {
            assert!(parse_str(text).is_err(), "{text}");
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_err(),
                "{text}"
            );
        }
    }
}
