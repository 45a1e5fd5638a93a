//! Stage 1, load: a YAML or JSON file into the runtime's exact `Value` (numbers as
//! written, keys in document order), with the line and column of every value, and
//! the knowledge of what each value of an AsyncAPI document is ([`walk`]), the JSON
//! pointer helpers ([`mod@pointer`]) and the address template parser ([`address`]) that
//! every later stage uses.

pub mod address;
mod json;
pub mod pointer;
pub mod walk;
mod yaml;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use asyncapi_runtime::Value;

use crate::error::{Error, Location};

/// Arrays and objects nested deeper than this are refused when loading: no real
/// document comes near it, and deeper ones only cost time and stack.
pub const MAX_DEPTH: usize = 256;

/// A YAML document whose aliases (`*name`) would copy more values than this in all is
/// refused: a few lines of nested aliases can otherwise expand to billions of values.
pub const MAX_ALIAS_VALUES: usize = 1_000_000;

/// A loaded document: its file, its content, and where each value stands in the text.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it was read from (used in every error message).
    pub file: PathBuf,
    /// The content; object keys keep their document order, numbers their digits.
    pub root: Value,
    /// Line and column (1-based; columns count characters) where each value starts,
    /// by JSON pointer. A value copied by a YAML alias or merge key is located where
    /// it is written.
    pub positions: HashMap<String, (usize, usize)>,
}

impl Document {
    /// Reads and parses `file` (YAML, or JSON).
    // `Error` is every stage's error type; its size is not this function's to choose.
    #[allow(clippy::result_large_err)]
    pub fn load(file: &Path) -> Result<Document, Error> {
        let text = std::fs::read_to_string(file).map_err(|source| Error::Io {
            file: file.to_path_buf(),
            source,
        })?;
        Document::parse(file, &text)
    }

    /// Parses `text` as the content of `file`: JSON when it starts with `{` or `[`,
    /// YAML otherwise. A refusal ([`Error::Parse`]) has the line and column of the
    /// problem when there is one place to show.
    #[allow(clippy::result_large_err)]
    pub fn parse(file: &Path, text: &str) -> Result<Document, Error> {
        let parse_error = |position: Option<(usize, usize)>, message: String| Error::Parse {
            file: file.to_path_buf(),
            position,
            message,
        };
        // A UTF-8 byte order mark is not content, in YAML as in JSON.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let trimmed = text.trim_start();
        let (root, positions) = if trimmed.starts_with('{') || trimmed.starts_with('[') {
            let root = asyncapi_runtime::Parser::new()
                .max_depth(MAX_DEPTH)
                .parse(text.as_bytes())
                .map_err(|e| {
                    let message = if e.pointer.is_empty() {
                        e.message
                    } else {
                        format!("{} (in {})", e.message, e.pointer)
                    };
                    parse_error(Some((e.line, e.column)), message)
                })?;
            let positions = json::positions(text, &root);
            (root, positions)
        } else {
            let loaded =
                yaml::parse(text).map_err(|(position, message)| parse_error(position, message))?;
            (loaded.root, loaded.positions)
        };
        match root {
            Value::Object(_) => Ok(Document {
                file: file.to_path_buf(),
                root,
                positions,
            }),
            Value::Null => Err(parse_error(None, "the document is empty".into())),
            other => Err(parse_error(
                positions.get("").copied(),
                format!("the document must be a mapping, found {}", kind(&other)),
            )),
        }
    }

    /// The value at an RFC 6901 pointer (`""` is the root).
    pub fn get(&self, pointer: &str) -> Option<&Value> {
        self.root.pointer(pointer)
    }

    /// The location of `pointer` in this document's file.
    pub fn locate(&self, pointer: &str) -> Location {
        Location {
            file: self.file.clone(),
            pointer: pointer.to_string(),
            position: self.position(pointer),
        }
    }

    /// Line and column of the value at `pointer`, or of its nearest recorded parent.
    pub fn position(&self, pointer: &str) -> Option<(usize, usize)> {
        let mut at = pointer;
        loop {
            if let Some(&position) = self.positions.get(at) {
                return Some(position);
            }
            if at.is_empty() {
                return None;
            }
            at = pointer::parent(at);
        }
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a sequence",
        Value::Object(_) => "a mapping",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Document, String> {
        Document::parse(Path::new("doc.yaml"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn keeps_key_order_and_numbers() {
        let doc = parse("b: 1\na: 2\nc: {z: 1, y: 2}\n").unwrap();
        let keys: Vec<_> = doc.root.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["b", "a", "c"]);
        let doc = parse("{\"maximum\": 972783798187987123879878123.18878137}").unwrap();
        assert_eq!(
            doc.root["maximum"].to_string(),
            "972783798187987123879878123.18878137"
        );
    }

    #[test]
    fn refuses_what_is_not_a_mapping() {
        assert_eq!(
            parse("").unwrap_err(),
            "doc.yaml: not a YAML or JSON document: the document is empty"
        );
        assert!(parse("- a\n- b\n")
            .unwrap_err()
            .contains("must be a mapping, found a sequence"));
        assert!(parse("a: [\n").unwrap_err().starts_with("doc.yaml"));
        assert_eq!(
            parse("{\"a\": }").unwrap_err(),
            "doc.yaml:1:7: not a YAML or JSON document: expected a value, found `}` (in /a)"
        );
        assert!(parse("a: !custom 1\n").unwrap_err().contains("tag"));
    }

    #[test]
    fn a_byte_order_mark_is_not_content() {
        assert!(parse("\u{feff}asyncapi: 3.0.0\n").is_ok());
        assert!(parse("\u{feff}{\"asyncapi\": \"3.0.0\"}").is_ok());
    }
}
