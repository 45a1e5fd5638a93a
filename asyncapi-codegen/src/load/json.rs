//! The positions of the values of a JSON text the runtime's parser has accepted.
//!
//! The parser gives the value; this scanner walks the same text beside it and records
//! where each value starts. Object keys are taken from the parsed value, whose members
//! are in document order and unique (the parser refuses repeated keys), so escapes in
//! keys never need decoding here.

use std::collections::HashMap;

use asyncapi_runtime::Value;

/// Line and column (1-based, columns in characters) of every value of `text`, by JSON
/// pointer. `text` must be the JSON text `root` was parsed from.
pub(super) fn positions(text: &str, root: &Value) -> HashMap<String, (usize, usize)> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
        line: 1,
        column: 1,
        positions: HashMap::with_capacity(count(root)),
    };
    if text.starts_with('\u{feff}') {
        scanner.pos = 3;
    }
    let mut at = String::new();
    scanner.value(root, &mut at);
    scanner.positions
}

/// How many values `value` holds, itself included.
fn count(value: &Value) -> usize {
    1 + match value {
        Value::Object(map) => map.values().map(count).sum(),
        Value::Array(items) => items.iter().map(count).sum(),
        _ => 0,
    }
}

fn push_index(at: &mut String, i: usize) {
    use std::fmt::Write;
    let _ = write!(at, "{i}");
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    column: usize,
    positions: HashMap<String, (usize, usize)>,
}

impl Scanner<'_> {
    /// Moves one byte on, counting lines and (character) columns.
    fn bump(&mut self) {
        if let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                // UTF-8 continuation bytes are part of the character before them.
                self.column += 1;
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    /// Skips the string starting at the current `"`.
    fn skip_string(&mut self) {
        self.bump();
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.bump();
                    return;
                }
                b'\\' => {
                    self.bump();
                    self.bump();
                }
                _ => self.bump(),
            }
        }
    }

    /// Records the value `value` starting here at pointer `at`, and moves past it.
    /// Recursion is bounded: the parser refused texts nested deeper than `MAX_DEPTH`.
    fn value(&mut self, value: &Value, at: &mut String) {
        self.skip_whitespace();
        self.positions.insert(at.clone(), (self.line, self.column));
        let base = at.len();
        match value {
            Value::Object(map) => {
                self.bump(); // `{`
                for (key, child) in map.iter() {
                    self.skip_whitespace();
                    if self.peek() == Some(b',') {
                        self.bump();
                        self.skip_whitespace();
                    }
                    self.skip_string();
                    self.skip_whitespace();
                    self.bump(); // `:`
                    at.push('/');
                    super::yaml::push_escaped(at, key);
                    self.value(child, at);
                    at.truncate(base);
                }
                self.skip_whitespace();
                self.bump(); // `}`
            }
            Value::Array(items) => {
                self.bump(); // `[`
                for (i, item) in items.iter().enumerate() {
                    self.skip_whitespace();
                    if i > 0 && self.peek() == Some(b',') {
                        self.bump();
                    }
                    at.push('/');
                    push_index(at, i);
                    self.value(item, at);
                    at.truncate(base);
                }
                self.skip_whitespace();
                self.bump(); // `]`
            }
            Value::String(_) => self.skip_string(),
            _ => {
                // A number or a literal: up to the next delimiter.
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.bump();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions_of(text: &str) -> HashMap<String, (usize, usize)> {
        let root = asyncapi_runtime::parse_json(text.as_bytes()).unwrap();
        positions(text, &root)
    }

    #[test]
    fn every_value_is_located() {
        let text = "{\n  \"a\": [1, {\"b\": null}],\n  \"c/d~\": \"x\\\"y\",\n  \"é\": true, \"z\": -1.5e3\n}";
        let found = positions_of(text);
        assert_eq!(found[""], (1, 1));
        assert_eq!(found["/a"], (2, 8));
        assert_eq!(found["/a/0"], (2, 9));
        assert_eq!(found["/a/1"], (2, 12));
        assert_eq!(found["/a/1/b"], (2, 18));
        assert_eq!(found["/c~1d~0"], (3, 11));
        assert_eq!(found["/é"], (4, 8));
        assert_eq!(found["/z"], (4, 19));
        assert_eq!(found.len(), 8);
    }

    #[test]
    fn columns_count_characters_and_a_byte_order_mark_is_skipped() {
        let text = "\u{feff}{\"ü\": \"é\", \"k\": [[], {}]}";
        let found = positions_of(text);
        assert_eq!(found[""], (1, 1));
        assert_eq!(found["/ü"], (1, 7));
        assert_eq!(found["/k"], (1, 17));
        assert_eq!(found["/k/0"], (1, 18));
        assert_eq!(found["/k/1"], (1, 22));
    }
}
