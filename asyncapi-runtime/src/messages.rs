//! What generated message sets share: [`MessageSet`] (the messages of a document, by
//! name) and [`MessageGroup`] (the messages one channel or operation carries), with
//! everything that does not depend on the document provided here, as `prost::Message`
//! provides for generated messages.

use std::fmt;

use crate::address::MessageError;
use crate::error::Error;
use crate::json::Value;
use crate::schema::LazySchema;
use crate::validate::{Path, Report, Violations};

/// What a document declares about one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageInfo {
    /// Its key in the document (under `components/messages`, or in its channel).
    pub key: &'static str,
    /// Its `name` (the key when it has none).
    pub name: &'static str,
    /// Where the document declares it, as a JSON pointer (`/components/messages/M`,
    /// `/channels/c/messages/m`); a message read from another file is under
    /// `/x-asyncapi-codegen-files/<file>`.
    pub pointer: &'static str,
    /// `title`.
    pub title: Option<&'static str>,
    /// `summary`.
    pub summary: Option<&'static str>,
    /// `contentType` (or the document's `defaultContentType`).
    pub content_type: Option<&'static str>,
    /// The name of the Rust type of the payload.
    pub payload_type: &'static str,
    /// The name of the Rust type of the headers, when the message has headers.
    pub headers_type: Option<&'static str>,
    /// `correlationId.location`, when the message has one.
    pub correlation_id: Option<&'static str>,
    /// The entries of the payload's and the headers' schemas in the document's schemas.
    pub schemas: (Option<usize>, Option<usize>),
}

/// The messages of one document; implemented by the generated `MessageName` enum.
///
/// A message's payload is parsed and validated by name with [`MessageSet::parse`];
/// what a document declares about it is in [`MessageSet::info`].
pub trait MessageSet: Copy + Eq + fmt::Debug + 'static {
    /// A payload of one of the messages (the generated `Message` enum).
    type Message;
    /// The headers of one of the messages.
    type Headers;
    /// Every message, in document order.
    const ALL: &'static [Self];

    /// What the document declares about this message.
    fn info(self) -> &'static MessageInfo;

    /// The document's schemas, which payloads and headers are validated against.
    fn schemas() -> &'static LazySchema;

    /// Parses and validates a payload of this message.
    fn parse(self, bytes: &[u8]) -> Result<Self::Message, Error>;

    /// Parses and validates headers of this message (`Ok(None)` when it has none).
    fn parse_headers(self, bytes: &[u8]) -> Result<Option<Self::Headers>, Error>;

    /// The message's `name`.
    fn name(self) -> &'static str {
        self.info().name
    }

    /// The message's `title`.
    fn title(self) -> Option<&'static str> {
        self.info().title
    }

    /// The message's `summary`.
    fn summary(self) -> Option<&'static str> {
        self.info().summary
    }

    /// The message's content type (or the document's default).
    fn content_type(self) -> Option<&'static str> {
        self.info().content_type
    }

    /// The name of the Rust type of the payload.
    fn payload_type(self) -> &'static str {
        self.info().payload_type
    }

    /// The name of the Rust type of the headers, when the message declares `headers`.
    fn headers_type(self) -> Option<&'static str> {
        self.info().headers_type
    }

    /// Finds a message by its `name`, its key in the document, or the name of its
    /// Rust variant (`MessageName::OrdersCancelled`), in that order.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|m| m.info().name == name)
            .or_else(|| Self::ALL.iter().copied().find(|m| m.info().key == name))
            // The generated enum's `Debug` is its variant's name.
            .or_else(|| Self::ALL.iter().copied().find(|m| format!("{m:?}") == name))
    }

    /// Parses and validates a payload of this message from text.
    fn parse_str(self, text: &str) -> Result<Self::Message, Error> {
        self.parse(text.as_bytes())
    }

    /// Reads and validates an already parsed payload of this message.
    fn parse_value(self, json: &serde_json::Value) -> Result<Self::Message, Error> {
        crate::parse::refuse_deep(json)?;
        self.parse(json.to_string().as_bytes())
    }

    /// Validates a JSON value as this message's payload without building it: every
    /// violation, each with its pointer.
    fn validate_json(self, json: &Value) -> Result<(), Violations> {
        validate_entry(Self::schemas(), self.info().schemas.0, json)
    }

    /// The JSON Schema (draft 07) of this message's payload, self-contained: exactly
    /// what the generated types check (`None` when the payload has no schema).
    fn payload_schema(self) -> Option<Value> {
        Self::schemas().standalone(self.info().schemas.0?)
    }

    /// The JSON Schema (draft 07) of this message's headers, when it declares some.
    fn headers_schema(self) -> Option<Value> {
        Self::schemas().standalone(self.info().schemas.1?)
    }

    /// Validates a JSON value as this message's headers (any value passes when the
    /// message declares no headers).
    fn validate_headers(self, json: &Value) -> Result<(), Violations> {
        validate_entry(Self::schemas(), self.info().schemas.1, json)
    }
}

fn validate_entry(
    schemas: &LazySchema,
    entry: Option<usize>,
    json: &Value,
) -> Result<(), Violations> {
    let Some(entry) = entry else { return Ok(()) };
    let mut report = Report::new();
    schemas.validate_at(entry, json, &Path::ROOT, &mut report);
    report.into_result()
}

/// The messages one channel or operation carries; implemented by the generated
/// `<Channel>Message` and `<Operation>Message` enums.
pub trait MessageGroup: Sized + 'static {
    /// The document's messages.
    type Set: MessageSet;
    /// The channel key or operation id.
    const CARRIER: &'static str;
    /// The messages carried, in document order.
    const MESSAGES: &'static [Self::Set];

    /// Which message this is.
    fn name(&self) -> Self::Set;

    /// The message, when it is one of these; otherwise it is handed back.
    fn from_message(
        message: <Self::Set as MessageSet>::Message,
    ) -> Result<Self, <Self::Set as MessageSet>::Message>;

    /// The same payload as a message of the document.
    fn into_message(self) -> <Self::Set as MessageSet>::Message;

    /// Parses and validates a payload of the message named `message` (its `name`, or
    /// its key in the document), which must be one of these.
    fn parse(message: &str, bytes: &[u8]) -> Result<Self, MessageError> {
        let name = carried::<Self>(message)?;
        let parsed = name.parse(bytes).map_err(MessageError::Payload)?;
        Self::from_message(parsed).map_err(|_| not_carried::<Self>(message))
    }

    /// Reads and validates an already parsed payload of the message named `message`.
    fn parse_value(message: &str, json: &serde_json::Value) -> Result<Self, MessageError> {
        crate::parse::refuse_deep(json).map_err(MessageError::Payload)?;
        Self::parse(message, json.to_string().as_bytes())
    }
}

fn carried<G: MessageGroup>(message: &str) -> Result<G::Set, MessageError> {
    G::Set::from_name(message)
        .filter(|name| G::MESSAGES.contains(name))
        .ok_or_else(|| not_carried::<G>(message))
}

fn not_carried<G: MessageGroup>(message: &str) -> MessageError {
    MessageError::NotCarried {
        given: message.to_string(),
        carrier: G::CARRIER,
        carried: G::MESSAGES.iter().map(|m| m.name()).collect(),
    }
}

/// The headers type of a document whose messages declare none: no value exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoHeaders {}

impl serde::Serialize for NoHeaders {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        match *self {}
    }
}

impl crate::Validate for NoHeaders {
    fn validate_at(&self, _: &Path<'_>, _: &mut Report) {
        match *self {}
    }
}
