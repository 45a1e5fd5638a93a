//! `kinesis messages`: the messages of the bundled document, and where they travel.

use std::fmt;

use asyncapi_codegen::Model;
use kinesis_types::MessageName;
use kinesis_types::MessageSet;
use serde::Serialize;

use crate::document;
use crate::error::{Fatal, Status};
use crate::stdio::Stdout;

/// Arguments of `kinesis messages`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print a JSON array instead: name, title, summary, contentType, payloadType,
    /// channels ({key, address}) and operations ({id, action, channel}).
    #[arg(long)]
    pub json: bool,
}

/// A message with the channels and operations that carry it. In JSON
/// `{"name","title","summary","contentType","payloadType","channels","operations"}`
/// (`null` for what the message does not have); for people, its `Display`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Listing {
    /// The message name.
    pub name: &'static str,
    /// Its title.
    pub title: Option<&'static str>,
    /// Its summary.
    pub summary: Option<&'static str>,
    /// Its content type.
    pub content_type: Option<&'static str>,
    /// The Rust type of its payload, in `kinesis_types`.
    pub payload_type: &'static str,
    /// Each channel that carries it.
    pub channels: Vec<Channel>,
    /// Each operation that carries it.
    pub operations: Vec<Operation>,
}

/// A channel, as a listing names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Channel {
    /// Its key in the document.
    pub key: String,
    /// Its address, when it has one.
    pub address: Option<String>,
}

/// An operation, as a listing names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Operation {
    /// Its key in the document.
    pub id: String,
    /// `send` or `receive`.
    pub action: String,
    /// The key of its channel.
    pub channel: String,
}

/// Every message of the bundled document, in document order.
pub fn listings() -> Result<Vec<Listing>, Fatal> {
    let doc = document::bundled()?;
    let (checked, _) = asyncapi_codegen::model_of(&doc)
        .map_err(|error| Fatal::new(format!("the bundled document does not model: {error}")))?;
    let model = checked.model;
    Ok(MessageName::ALL
        .iter()
        .map(|&message| listing(&model, message))
        .collect())
}

fn listing(model: &Model, message: MessageName) -> Listing {
    let variant = model
        .messages
        .iter()
        .find(|def| def.name == message.name() || def.key == message.name())
        .map(|def| def.variant.as_str())
        .unwrap_or_default();
    let channels = model
        .channels
        .iter()
        .filter(|channel| channel.messages.iter().any(|(_, v)| v == variant))
        .map(|channel| Channel {
            key: channel.key.clone(),
            address: channel.address.clone(),
        })
        .collect();
    let operations = model
        .operations
        .iter()
        .filter(|operation| operation.messages.iter().any(|v| v == variant))
        .map(|operation| Operation {
            id: operation.id.clone(),
            action: operation.action.clone(),
            channel: model
                .channels
                .get(operation.channel)
                .map(|channel| channel.key.clone())
                .unwrap_or_default(),
        })
        .collect();
    Listing {
        name: message.name(),
        title: message.title(),
        summary: message.summary(),
        content_type: message.content_type(),
        payload_type: message.payload_type(),
        channels,
        operations,
    }
}

/// Runs `kinesis messages`.
pub fn run(args: &Args) -> Result<Status, Fatal> {
    let listings = listings()?;
    let mut stdout = Stdout::new();
    if args.json {
        // A JSON array with one message per line.
        stdout.write("[")?;
        for (i, listing) in listings.iter().enumerate() {
            stdout.write(if i == 0 { "\n  " } else { ",\n  " })?;
            stdout.json(listing)?;
        }
        stdout.write("\n]\n")?;
    } else {
        for (i, listing) in listings.iter().enumerate() {
            if i > 0 {
                stdout.write("\n")?;
            }
            stdout.write(&listing.to_string())?;
        }
    }
    stdout.flush()?;
    Ok(Status::Ok)
}

impl fmt::Display for Listing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)?;
        if let Some(title) = self.title {
            write!(f, ": {title}")?;
        }
        writeln!(f)?;
        if let Some(summary) = self.summary {
            writeln!(f, "  {summary}")?;
        }
        writeln!(
            f,
            "  content type: {}\n  payload type: kinesis_types::{}",
            self.content_type.unwrap_or("(none)"),
            self.payload_type
        )?;
        let channels: Vec<String> = self
            .channels
            .iter()
            .map(|channel| match &channel.address {
                Some(address) => format!("{} ({address})", channel.key),
                None => channel.key.clone(),
            })
            .collect();
        writeln!(f, "  channels:     {}", or_none(&channels))?;
        let operations: Vec<String> = self
            .operations
            .iter()
            .map(|op| format!("{} ({} on {})", op.id, op.action, op.channel))
            .collect();
        writeln!(f, "  operations:   {}", or_none(&operations))
    }
}

fn or_none(items: &[String]) -> String {
    if items.is_empty() {
        "(none)".into()
    } else {
        items.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_travels_somewhere() {
        let listings = listings().unwrap();
        assert_eq!(listings.len(), MessageName::ALL.len());
        for listing in &listings {
            assert!(!listing.channels.is_empty(), "{listing:?}");
            assert!(!listing.operations.is_empty(), "{listing:?}");
        }
        // Read back with the runtime's parser, which keeps members in written order.
        let text = serde_json::to_string(&listings).unwrap();
        let parsed = kinesis_types::parse_json(text.as_bytes()).unwrap();
        assert_eq!(parsed.as_array().unwrap().len(), listings.len());
        let keys: Vec<&String> = parsed[0].as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "name",
                "title",
                "summary",
                "contentType",
                "payloadType",
                "channels",
                "operations"
            ]
        );
    }
}
