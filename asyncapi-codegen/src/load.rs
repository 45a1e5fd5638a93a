//! Loading: a YAML or JSON file into a `serde_json::Value`, document order kept.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::Error;

/// A loaded document: its file and its content as JSON.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it was read from (used in every error message).
    pub file: PathBuf,
    /// The content; object keys keep their document order.
    pub root: Value,
}

impl Document {
    /// Reads and parses `file` (YAML, or JSON, which is YAML too).
    pub fn load(file: &Path) -> Result<Document, Error> {
        let text = std::fs::read_to_string(file).map_err(|source| Error::Io {
            file: file.to_path_buf(),
            source,
        })?;
        Document::parse(file, &text)
    }

    /// Parses `text` as the content of `file`.
    pub fn parse(file: &Path, text: &str) -> Result<Document, Error> {
        let parse_error = |message: String| Error::Parse {
            file: file.to_path_buf(),
            message,
        };
        let trimmed = text.trim_start_matches('\u{feff}').trim_start();
        let root = if trimmed.starts_with('{') {
            serde_json::from_str(trimmed).map_err(|e| parse_error(e.to_string()))?
        } else {
            let yaml: serde_yaml::Value =
                serde_yaml::from_str(text).map_err(|e| parse_error(e.to_string()))?;
            yaml_to_json(yaml, "").map_err(parse_error)?
        };
        match root {
            Value::Object(_) => Ok(Document {
                file: file.to_path_buf(),
                root,
            }),
            Value::Null => Err(parse_error("the document is empty".into())),
            other => Err(parse_error(format!(
                "the document must be a mapping, found {}",
                kind(&other)
            ))),
        }
    }

    /// The value at an RFC 6901 pointer (`""` is the root).
    pub fn get(&self, pointer: &str) -> Option<&Value> {
        self.root.pointer(pointer)
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

/// Converts YAML to JSON; `at` is the pointer so far, for messages.
fn yaml_to_json(yaml: serde_yaml::Value, at: &str) -> Result<Value, String> {
    use serde_yaml::Value as Y;
    Ok(match yaml {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(u) = n.as_u64() {
                Value::from(u)
            } else if let Some(i) = n.as_i64() {
                Value::from(i)
            } else {
                let f = n.as_f64().unwrap_or(f64::NAN);
                Value::Number(
                    serde_json::Number::from_f64(f)
                        .ok_or_else(|| format!("at {at:?}: {n} has no JSON representation"))?,
                )
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| yaml_to_json(item, &format!("{at}/{i}")))
                .collect::<Result<_, _>>()?,
        ),
        Y::Mapping(mapping) => {
            let mut object = Map::new();
            for (key, value) in mapping {
                let key = match key {
                    Y::String(s) => s,
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    other => {
                        return Err(format!("at {at:?}: mapping key {other:?} is not a string"))
                    }
                };
                let child = format!("{at}/{}", crate::pointer::escape(&key));
                let value = yaml_to_json(value, &child)?;
                if object.insert(key.clone(), value).is_some() {
                    return Err(format!("at {at:?}: duplicate key {key:?}"));
                }
            }
            Value::Object(object)
        }
        Y::Tagged(tagged) => {
            return Err(format!(
                "at {at:?}: YAML tag {} is not supported",
                tagged.tag
            ))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Document, String> {
        Document::parse(Path::new("doc.yaml"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn keeps_key_order() {
        let doc = parse("b: 1\na: 2\nc: {z: 1, y: 2}\n").unwrap();
        let keys: Vec<_> = doc.root.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["b", "a", "c"]);
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
        assert!(parse("a: [\n")
            .unwrap_err()
            .starts_with("doc.yaml: not a YAML or JSON document"));
        assert!(parse("{\"a\": }").unwrap_err().contains("line 1 column 7"));
        assert!(parse("a: !custom 1\n").unwrap_err().contains("tag"));
    }
}
