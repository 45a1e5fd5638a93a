//! [`DataCheck`] for `--data-spec DOC --data-message NAME`, until the project's AsyncAPI
//! interpreter can validate payloads of any document: the document is loaded with
//! `asyncapi_codegen::Document::load` (nothing is generated) and the message's payload
//! schema is validated with the `jsonschema` crate (draft 7, `$ref`s resolved in the
//! document, `format` an annotation), as `kinesis check` checks examples of documents
//! other than the bundled one.
//!
//! Everything that depends on that choice is in this module; replacing it means
//! implementing [`DataCheck`] with the interpreter and changing [`load`].

use std::path::Path;

use asyncapi_codegen::Document;
use jsonschema::Validator;
use serde_json::Value;

use super::data::{DataCheck, DataVerdict, DataViolation};
use crate::check::examples::validator_in_document;
use crate::check::messages::{message_objects, schema_pointer};
use crate::error::Fatal;

/// The check for `--data-spec` and `--data-message`.
pub fn load(spec: &Path, message: &str) -> Result<Box<dyn DataCheck>, Fatal> {
    Ok(Box::new(SchemaCheck::load(spec, message)?))
}

/// Data checked against one message's payload schema with the `jsonschema` crate.
pub struct SchemaCheck {
    label: String,
    validator: Validator,
}

impl SchemaCheck {
    /// The check of message `name` (its `name`, or its key under `components/messages`)
    /// of the document at `spec`. A document that does not load, an unknown message, a
    /// message without a JSON Schema payload or a schema that does not compile are usage
    /// errors.
    pub fn load(spec: &Path, name: &str) -> Result<SchemaCheck, Fatal> {
        let doc = Document::load(spec).map_err(|error| {
            Fatal::new(format!(
                "--data-spec {}: the document does not load: {error}",
                spec.display()
            ))
        })?;
        SchemaCheck::from_document(&doc, name)
    }

    /// The check of message `name` of `doc`.
    pub fn from_document(doc: &Document, name: &str) -> Result<SchemaCheck, Fatal> {
        let file = doc.file.display().to_string();
        let messages = message_objects(&doc.root);
        let key_of = |at: &str| {
            crate::check::pointers::percent_decode(at.rsplit('/').next().unwrap_or_default())
                .replace("~1", "/")
                .replace("~0", "~")
        };
        let found = messages.iter().find(|(at, message)| {
            message.get("name").and_then(Value::as_str) == Some(name) || key_of(at) == name
        });
        let Some((at, _)) = found else {
            let mut known: Vec<String> = messages
                .iter()
                .map(|(at, message)| {
                    message
                        .get("name")
                        .and_then(Value::as_str)
                        .map_or_else(|| key_of(at), str::to_string)
                })
                .collect();
            known.dedup();
            let known = if known.is_empty() {
                "it has none".to_string()
            } else {
                format!("its messages are: {}", known.join(", "))
            };
            return Err(Fatal::new(format!(
                "--data-message: {file} has no message {name:?}; {known}"
            )));
        };
        let payload_at = format!("{at}/payload");
        if doc.root.pointer(&payload_at).is_none() {
            return Err(Fatal::new(format!(
                "--data-message: message {name:?} of {file} has no payload"
            )));
        }
        let Some(schema_at) = schema_pointer(&doc.root, &payload_at) else {
            return Err(Fatal::new(format!(
                "--data-message: the payload of message {name:?} of {file} is not a JSON \
                 Schema (its schemaFormat), which this check cannot read"
            )));
        };
        let validator = validator_in_document(&doc.root, &schema_at).map_err(|error| {
            Fatal::new(format!(
                "--data-spec {file}: the payload schema of {name:?} does not compile: {error}"
            ))
        })?;
        Ok(SchemaCheck {
            label: format!("{name} of {file}"),
            validator,
        })
    }
}

impl DataCheck for SchemaCheck {
    fn label(&self) -> &str {
        &self.label
    }

    fn check(&self, data: &[u8]) -> DataVerdict {
        let json: Value = match serde_json::from_slice(data) {
            Ok(json) => json,
            Err(error) => return not_json(&error),
        };
        let violations: Vec<DataViolation> = self
            .validator
            .iter_errors(&json)
            .map(|error| DataViolation {
                pointer: error.instance_path().as_str().to_string(),
                keyword: error.kind().keyword().to_string(),
                message: error.to_string(),
            })
            .collect();
        if violations.is_empty() {
            DataVerdict::Valid
        } else {
            DataVerdict::Invalid { violations }
        }
    }
}

/// The verdict on data that serde_json refused, its position kept apart from the message.
fn not_json(error: &serde_json::Error) -> DataVerdict {
    let text = error.to_string();
    let message = match text.rfind(" at line ") {
        Some(at) if error.line() > 0 => text[..at].to_string(),
        _ => text,
    };
    DataVerdict::NotJson {
        line: error.line(),
        column: error.column(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDERS: &str = include_str!("../../tests/data/orders.asyncapi.yaml");

    fn orders() -> SchemaCheck {
        let doc = Document::parse(Path::new("orders.asyncapi.yaml"), ORDERS).unwrap();
        SchemaCheck::from_document(&doc, "OrderPlaced").unwrap()
    }

    #[test]
    fn a_valid_order_is_valid() {
        let check = orders();
        assert_eq!(check.label(), "OrderPlaced of orders.asyncapi.yaml");
        let order = br#"{"orderId":"ORD-1","customerId":"C-42","amount":42.5,"currency":"EUR"}"#;
        assert_eq!(check.check(order), DataVerdict::Valid);
    }

    #[test]
    fn violations_point_into_the_data() {
        let verdict = orders().check(br#"{"orderId":"ORD-1","amount":-1,"currency":"eur"}"#);
        let DataVerdict::Invalid { violations } = verdict else {
            panic!("{verdict:?}")
        };
        let found: Vec<(&str, &str)> = violations
            .iter()
            .map(|v| (v.pointer.as_str(), v.keyword.as_str()))
            .collect();
        assert!(found.contains(&("", "required")), "{found:?}");
        assert!(found.contains(&("/amount", "minimum")), "{found:?}");
        assert!(found.contains(&("/currency", "enum")), "{found:?}");
    }

    #[test]
    fn data_that_is_not_json_says_where() {
        let verdict = orders().check(b"{\"orderId\":\n  oops}");
        assert_eq!(
            verdict,
            DataVerdict::NotJson {
                line: 2,
                column: 3,
                message: "expected value".into()
            }
        );
        assert_eq!(
            verdict.violations()[0].message,
            "/Data decoded is not valid JSON at line 2 column 3: expected value"
        );
    }

    #[test]
    fn unknown_messages_list_the_known_ones() {
        let doc = Document::parse(Path::new("orders.asyncapi.yaml"), ORDERS).unwrap();
        let error = SchemaCheck::from_document(&doc, "Nope").err().unwrap();
        let text = error.to_string();
        assert!(text.contains("has no message \"Nope\""), "{text}");
        assert!(text.contains("OrderPlaced"), "{text}");
    }
}
