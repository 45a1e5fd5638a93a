//! The messages a command works on: those of the bundled Kinesis document, validated by
//! the types generated from it, or those of any AsyncAPI 3.0 document named with
//! `--spec`, validated by the generator's interpreter (`asyncapi_codegen::interpret`).
//! The interpreter runs the very schemas generated code embeds through the runtime's
//! checks, so both give the same verdicts, pointers, keywords and messages (the
//! fixture tests hold them to that, payload by payload).
//!
//! A catalog lives as long as the command: [`Catalog::load`] hands out a `'static`
//! reference, so that verdicts can name their message without copying it.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

use asyncapi_codegen::interpret::Interpreted;
use asyncapi_codegen::model::MessageDef;
use asyncapi_codegen::{Document, Model};
use kinesis_types::{Error as PayloadError, MessageName, MessageSet, Value, Violations};

use crate::document;
use crate::error::Fatal;
use crate::verdict::Emitted;

/// One message of a catalog.
#[derive(Debug, PartialEq, Eq)]
pub struct Message {
    /// Its `name` (its key when it has none).
    pub name: String,
    /// Its `title`.
    pub title: Option<String>,
    /// Its `summary`.
    pub summary: Option<String>,
    /// Its `contentType` (or the document's `defaultContentType`).
    pub content_type: Option<String>,
    /// The Rust type its payload is generated as (`kinesis_types::KinesisRecord`);
    /// `None` for a document that is interpreted, not generated.
    pub payload_type: Option<String>,
    /// The variant generated code names it by; what matches it in the model.
    variant: String,
    /// How its payloads are validated.
    by: By,
}

/// How a message's payloads are validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum By {
    /// The types generated from the bundled document.
    Generated(MessageName),
    /// The interpreter, message `usize` of [`Interpreted::messages`].
    Interpreted(usize),
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// The messages of one document and how to validate their payloads.
pub struct Catalog {
    /// The document's file, as given on the command line (or the bundled document's
    /// path in the repository).
    pub file: String,
    /// Every message, in document order.
    pub messages: Vec<Message>,
    /// The document as the generator reads it (see [`Catalog::described`]).
    described: OnceLock<Result<Described, String>>,
    /// For `--spec`: the document's path, to load it again when described.
    path: Option<PathBuf>,
    interpreted: Option<Interpreted>,
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("file", &self.file)
            .field("messages", &self.messages)
            .finish_non_exhaustive()
    }
}

/// A document bundled and modelled: where its channels, operations and examples are.
#[derive(Debug)]
pub struct Described {
    /// The document with every file it references mounted, `$ref`s local.
    pub root: Value,
    /// The generator's model of it.
    pub model: Model,
}

impl Described {
    /// The model's definition of `message`.
    pub fn definition(&self, message: &Message) -> Option<&MessageDef> {
        self.model
            .messages
            .iter()
            .find(|def| def.variant == message.variant)
    }
}

impl Catalog {
    /// The catalog of the document at `spec` (interpreted), or of the bundled document
    /// (generated) when `None`. Kept for the rest of the command.
    pub fn load(spec: Option<&Path>) -> Result<&'static Catalog, Fatal> {
        match spec {
            Some(path) => Ok(Box::leak(Box::new(Catalog::interpret(path)?))),
            None => Ok(Catalog::bundled_static()),
        }
    }

    /// The bundled document's catalog, made once.
    pub fn bundled_static() -> &'static Catalog {
        static BUNDLED: OnceLock<Catalog> = OnceLock::new();
        BUNDLED.get_or_init(Catalog::bundled)
    }

    /// The bundled document's message `message`.
    #[cfg(feature = "tail")]
    pub fn generated(message: MessageName) -> &'static Message {
        let catalog = Catalog::bundled_static();
        let found = catalog
            .messages
            .iter()
            .find(|m| m.by == By::Generated(message));
        // The bundled catalog is made from `MessageName::ALL`.
        found.unwrap_or_else(|| unreachable!("{message:?} is in MessageName::ALL"))
    }

    /// The bundled document's messages, from the generated types alone: validating
    /// with them needs no document loaded.
    pub fn bundled() -> Catalog {
        let messages = MessageName::ALL
            .iter()
            .map(|&message| Message {
                name: message.name().to_string(),
                title: message.title().map(str::to_string),
                summary: message.summary().map(str::to_string),
                content_type: message.content_type().map(str::to_string),
                payload_type: Some(format!("kinesis_types::{}", message.payload_type())),
                variant: format!("{message:?}"),
                by: By::Generated(message),
            })
            .collect();
        Catalog {
            file: document::BUNDLED_PATH.to_string(),
            messages,
            described: OnceLock::new(),
            path: None,
            interpreted: None,
        }
    }

    /// The messages of the document at `path`: loaded, bundled, checked and modelled
    /// as the generator does, then interpreted. A document the generator refuses is
    /// an error naming every problem.
    pub fn interpret(path: &Path) -> Result<Catalog, Fatal> {
        let file = path.display().to_string();
        let doc = Document::load(path).map_err(|error| refused(&file, &error))?;
        let (interpreted, _warnings) =
            Interpreted::from_document(&doc).map_err(|error| refused(&file, &error))?;
        let messages = interpreted
            .messages()
            .iter()
            .enumerate()
            .map(|(index, message)| Message {
                name: message.name.clone(),
                title: message.title.clone(),
                summary: message.summary.clone(),
                content_type: message.content_type.clone(),
                payload_type: None,
                variant: message.variant.clone(),
                by: By::Interpreted(index),
            })
            .collect();
        Ok(Catalog {
            file,
            messages,
            described: OnceLock::new(),
            path: Some(path.to_path_buf()),
            interpreted: Some(interpreted),
        })
    }

    /// Whether this is the bundled document's catalog.
    pub fn is_bundled(&self) -> bool {
        self.path.is_none()
    }

    /// The message called `name` (its `name`, its key, or its variant name); an
    /// unknown name is a usage error listing the known ones.
    pub fn find(&self, name: &str) -> Result<&Message, Fatal> {
        let found = match &self.interpreted {
            Some(interpreted) => interpreted.find(name).map(|index| &self.messages[index]),
            None => MessageName::from_str(name)
                .ok()
                .and_then(|wanted| self.messages.iter().find(|m| m.by == By::Generated(wanted))),
        };
        found.ok_or_else(|| {
            let known: Vec<&str> = self.messages.iter().map(|m| m.name.as_str()).collect();
            let known = if known.is_empty() {
                "it has none".to_string()
            } else {
                format!("the known messages are: {}", known.join(", "))
            };
            let of = if self.is_bundled() {
                String::new()
            } else {
                format!(" in {}", self.file)
            };
            Fatal::new(format!("unknown message {name:?}{of}; {known}"))
        })
    }

    /// Parses and validates `bytes` as a payload of `message`: zero-copy with the
    /// generated types, an exact JSON value with the interpreter.
    pub fn parse<'b>(
        &self,
        message: &Message,
        bytes: &'b [u8],
    ) -> Result<Emitted<'b>, PayloadError> {
        match (message.by, &self.interpreted) {
            (By::Generated(name), _) => name.parse_borrowed(bytes).map(Emitted::Borrowed),
            (By::Interpreted(index), Some(interpreted)) => {
                interpreted.parse(index, bytes).map(Emitted::Json)
            }
            (By::Interpreted(_), None) => unreachable_catalog(),
        }
    }

    /// Validates a JSON value as a payload of `message`: every violation.
    pub fn validate(&self, message: &Message, json: &Value) -> Result<(), Violations> {
        match (message.by, &self.interpreted) {
            (By::Generated(name), _) => name.validate_json(json),
            (By::Interpreted(index), Some(interpreted)) => interpreted.validate(index, json),
            (By::Interpreted(_), None) => unreachable_catalog(),
        }
    }

    /// The payload schema of `message`, self-contained; `None` when its payload has
    /// no schema (any JSON, or a format the generator keeps opaque).
    pub fn payload_schema(&self, message: &Message) -> Option<Value> {
        match (message.by, &self.interpreted) {
            (By::Generated(name), _) => name.payload_schema(),
            (By::Interpreted(index), Some(interpreted)) => interpreted.payload_schema(index),
            (By::Interpreted(_), None) => unreachable_catalog(),
        }
    }

    /// The document bundled and modelled, loaded on first use (validating needs
    /// neither for the bundled document).
    pub fn described(&self) -> Result<&Described, Fatal> {
        let described = self.described.get_or_init(|| {
            let doc = match &self.path {
                Some(path) => Document::load(path),
                None => Document::parse(Path::new(document::BUNDLED_PATH), document::BUNDLED_TEXT),
            }
            .map_err(|error| error.to_string())?;
            let root = asyncapi_codegen::bundle::bundle(&doc)
                .map_err(|error| error.to_string())?
                .root;
            let (checked, _) =
                asyncapi_codegen::model_of(&doc).map_err(|error| error.to_string())?;
            Ok(Described {
                root,
                model: checked.model,
            })
        });
        described
            .as_ref()
            .map_err(|error| Fatal::new(format!("{}: {error}", self.file)))
    }
}

/// A document the generator refuses, as a usage error.
fn refused(file: &str, error: &asyncapi_codegen::Error) -> Fatal {
    Fatal::new(format!(
        "--spec {file}: the document cannot be used (see `kinesis check {file}`): {error}"
    ))
}

/// Messages validated by the interpreter exist only in catalogs that hold one: every
/// `By::Interpreted` is made beside its `Interpreted`.
fn unreachable_catalog() -> ! {
    unreachable!("an interpreted message in a catalog without an interpreter")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDERS: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/orders.asyncapi.yaml"
    );

    #[test]
    fn the_bundled_catalog_lists_every_generated_message() {
        let catalog = Catalog::bundled();
        assert_eq!(catalog.messages.len(), MessageName::ALL.len());
        let record = catalog.find("KinesisRecord").unwrap();
        assert_eq!(
            record.payload_type.as_deref(),
            Some("kinesis_types::KinesisRecord")
        );
        let described = catalog.described().unwrap();
        for message in &catalog.messages {
            let def = described.definition(message).expect("in the model");
            assert_eq!(def.name, message.name);
        }
    }

    #[test]
    fn a_spec_catalog_validates_by_the_interpreter() {
        let catalog = Catalog::interpret(Path::new(ORDERS)).unwrap();
        let placed = catalog.find("OrderPlaced").unwrap();
        assert_eq!(placed.payload_type, None);
        let good = br#"{"orderId":"ORD-1","customerId":"C-42","amount":42.5,"currency":"EUR"}"#;
        assert!(catalog.parse(placed, good).is_ok());
        let error = catalog
            .parse(
                placed,
                br#"{"orderId":"ORD-1","amount":-1,"currency":"eur"}"#,
            )
            .unwrap_err();
        let pointers: Vec<String> = error.violations().into_iter().map(|v| v.pointer).collect();
        assert!(pointers.contains(&"/amount".to_string()), "{pointers:?}");
        assert!(catalog.payload_schema(placed).is_some());
        let def = catalog.described().unwrap().definition(placed).unwrap();
        assert_eq!(def.name, "OrderPlaced");
    }

    #[test]
    fn unknown_names_list_the_known_ones_and_the_file() {
        let catalog = Catalog::interpret(Path::new(ORDERS)).unwrap();
        let error = catalog.find("Nope").unwrap_err().to_string();
        assert!(error.starts_with("unknown message \"Nope\" in "), "{error}");
        assert!(error.contains("OrderPlaced"), "{error}");
    }

    #[test]
    fn documents_the_generator_refuses_are_usage_errors() {
        let error = Catalog::interpret(Path::new("no/such/file.yaml")).unwrap_err();
        assert!(
            error.to_string().starts_with("--spec no/such/file.yaml: "),
            "{error}"
        );
    }
}
