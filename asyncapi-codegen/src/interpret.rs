//! Beside [`emit`](crate::emit): a document's messages validated at run time, with no
//! code generated. The model's schema document and entries (the very ones generated
//! code embeds as `SCHEMAS`) are compiled by the runtime's interpreter, so a payload
//! gets the verdict, pointers, keywords and messages the generated types give it
//! (`fixture-tests` holds the two to that, case by case).
//!
//! ```no_run
//! use asyncapi_codegen::{interpret::Interpreted, Document};
//!
//! let doc = Document::load("orders.asyncapi.yaml".as_ref())?;
//! let (messages, _warnings) = Interpreted::from_document(&doc)?;
//! let placed = messages.find("OrderPlaced").expect("a message of the document");
//! match messages.parse(placed, br#"{"id": "o-1"}"#) {
//!     Ok(_value) => println!("valid"),
//!     Err(error) => println!("{error}"),
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use asyncapi_runtime::{parse_json, Error as PayloadError, Schema, Value, Violations};

use crate::error::{Error, Problem, Warning};
use crate::load::Document;
use crate::model::{MessageDef, Model, Payload};

/// One message of an interpreted document: what the document declares about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Its `name` (its key when it has none).
    pub name: String,
    /// Its key in the document (under `components/messages`, or in its channel).
    pub key: String,
    /// The name generated code gives its variant (`MessageName::OrderPlaced`).
    pub variant: String,
    /// `title`.
    pub title: Option<String>,
    /// `summary`.
    pub summary: Option<String>,
    /// `contentType` (or the document's `defaultContentType`).
    pub content_type: Option<String>,
    /// Where the document declares it (a JSON pointer into the bundled document).
    pub pointer: String,
    /// The `schemaFormat` of a payload that cannot be typed (kept as any JSON).
    pub opaque_format: Option<String>,
    /// Whether it declares headers.
    pub has_headers: bool,
    payload: Option<usize>,
    headers: Option<usize>,
}

impl Message {
    fn new(def: &MessageDef) -> Message {
        Message {
            name: def.name.clone(),
            key: def.key.clone(),
            variant: def.variant.clone(),
            title: def.title.clone(),
            summary: def.summary.clone(),
            content_type: def.content_type.clone(),
            pointer: def.pointer.clone(),
            opaque_format: match &def.payload {
                Payload::Opaque { format } => Some(format.clone()),
                _ => None,
            },
            has_headers: def.headers.is_some(),
            payload: entry(&def.payload),
            headers: def.headers.as_ref().and_then(entry),
        }
    }
}

fn entry(payload: &Payload) -> Option<usize> {
    match payload {
        Payload::Typed { schema, .. } => Some(*schema),
        Payload::Any | Payload::Opaque { .. } => None,
    }
}

/// The messages of a document, validated by the runtime's schema interpreter.
#[derive(Debug)]
pub struct Interpreted {
    document: Value,
    entries: Vec<String>,
    schema: Schema,
    messages: Vec<Message>,
}

impl Interpreted {
    /// Loads nothing: the messages of a model (see [`crate::model_of`]).
    pub fn new(model: &Model) -> Result<Interpreted, Error> {
        let entries: Vec<&str> = model.schemas.entries.iter().map(String::as_str).collect();
        let schema =
            Schema::compile(&model.schemas.document, &entries).map_err(|error| Error::At {
                location: Box::new(crate::error::Location {
                    file: std::path::PathBuf::new(),
                    pointer: error.pointer.clone(),
                    position: None,
                }),
                problem: Problem::Invalid(format!(
                    "the document's schemas do not compile: {}",
                    error.message
                )),
            })?;
        Ok(Interpreted {
            document: model.schemas.document.clone(),
            entries: model.schemas.entries.clone(),
            schema,
            messages: model.messages.iter().map(Message::new).collect(),
        })
    }

    /// Bundles, checks and models `doc`, then [`Interpreted::new`]; with the
    /// document's warnings.
    pub fn from_document(doc: &Document) -> Result<(Interpreted, Vec<Warning>), Error> {
        let (checked, _) = crate::model_of(doc)?;
        Ok((Interpreted::new(&checked.model)?, checked.warnings))
    }

    /// Every message, in document order (the order of the generated `MessageName`).
    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    /// The index of a message by its `name`, its key, or its variant name, in that
    /// order (as the generated `MessageName::from_name`).
    pub fn find(&self, name: &str) -> Option<usize> {
        let position = |matches: &dyn Fn(&Message) -> bool| self.messages.iter().position(matches);
        position(&|m| m.name == name)
            .or_else(|| position(&|m| m.key == name))
            .or_else(|| position(&|m| m.variant == name))
    }

    /// Parses and validates `bytes` as a payload of message `message` (an index into
    /// [`Interpreted::messages`]): the JSON value, exact, or the error the generated
    /// `MessageName::parse` gives (a syntax error, or every violation).
    ///
    /// # Panics
    ///
    /// Never: an index out of range is treated as a message without a schema.
    pub fn parse(&self, message: usize, bytes: &[u8]) -> Result<Value, PayloadError> {
        let value = parse_json(bytes)?;
        self.validate(message, &value)
            .map_err(PayloadError::Invalid)?;
        Ok(value)
    }

    /// Validates a JSON value as a payload of message `message`: every violation.
    pub fn validate(&self, message: usize, value: &Value) -> Result<(), Violations> {
        match self.messages.get(message).and_then(|m| m.payload) {
            Some(entry) => self.schema.validate(entry, value),
            None => Ok(()),
        }
    }

    /// Validates a JSON value as the headers of message `message`.
    pub fn validate_headers(&self, message: usize, value: &Value) -> Result<(), Violations> {
        match self.messages.get(message).and_then(|m| m.headers) {
            Some(entry) => self.schema.validate(entry, value),
            None => Ok(()),
        }
    }

    /// The payload schema of message `message`, self-contained (what `payload_schema`
    /// of generated code gives); `None` when the payload has no schema.
    pub fn payload_schema(&self, message: usize) -> Option<Value> {
        let entry = self.messages.get(message)?.payload?;
        Schema::standalone(&self.document, self.entries.get(entry)?)
    }

    /// The headers schema of message `message`, self-contained.
    pub fn headers_schema(&self, message: usize) -> Option<Value> {
        let entry = self.messages.get(message)?.headers?;
        Schema::standalone(&self.document, self.entries.get(entry)?)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn interpreted(text: &str) -> Interpreted {
        let doc = Document::parse(Path::new("doc.yaml"), text).unwrap();
        Interpreted::from_document(&doc).unwrap().0
    }

    const DOC: &str = "asyncapi: 3.0.0\ninfo: {title: t, version: '1'}\nchannels:\n  c:\n    messages:\n      placed: {$ref: '#/components/messages/Placed'}\ncomponents:\n  messages:\n    Placed:\n      name: OrderPlaced\n      headers: {type: object, properties: {n: {type: integer}}}\n      payload: {$ref: '#/components/schemas/Order'}\n  schemas:\n    Order: {type: object, required: [id], properties: {id: {type: string, maxLength: 3}, total: {type: number, multipleOf: 0.01}}}\n";

    #[test]
    fn messages_are_found_and_validated() {
        let messages = interpreted(DOC);
        assert_eq!(messages.messages().len(), 1);
        let m = &messages.messages()[0];
        assert_eq!(
            (m.name.as_str(), m.key.as_str(), m.variant.as_str()),
            ("OrderPlaced", "Placed", "Placed")
        );
        assert_eq!(messages.find("Placed"), Some(0));
        assert_eq!(messages.find("nope"), None);
        let value = messages.parse(0, br#"{"id": "abc", "total": 0.30000000000000000001}"#);
        assert!(matches!(value, Err(PayloadError::Invalid(_))), "{value:?}");
        let value = messages
            .parse(0, br#"{"id": "abc", "total": 12345678901234567890.01}"#)
            .unwrap();
        assert_eq!(value["total"].to_json(), "12345678901234567890.01");
        let error = messages.parse(0, br#"{"id": "abcd"}"#).unwrap_err();
        assert_eq!(error.violations()[0].pointer, "/id");
        assert!(matches!(
            messages.parse(0, b"{"),
            Err(PayloadError::Syntax { .. })
        ));
        assert!(messages
            .validate_headers(0, &"{\"n\": 1.5}".parse().unwrap())
            .is_err());
        assert_eq!(
            messages.payload_schema(0).unwrap()["required"][0].as_str(),
            Some("id")
        );
    }
}
