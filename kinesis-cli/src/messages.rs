//! `kinesis messages`: the messages of a document (the bundled one, or `--spec`), and
//! where they travel.

use std::fmt;
use std::path::PathBuf;

use asyncapi_codegen::Model;
use serde::Serialize;

use crate::catalog::{Catalog, Message};
use crate::error::{Fatal, Status};
use crate::stdio::Stdout;

/// Arguments of `kinesis messages`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// An AsyncAPI 3.0 document to list; the bundled Kinesis document when not given.
    #[arg(long, value_name = "DOC")]
    pub spec: Option<PathBuf>,
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
    /// The Rust type of its payload (`kinesis_types::KinesisRecord`); `null` for a
    /// document given with `--spec`, which is interpreted, not generated.
    pub payload_type: Option<&'static str>,
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

/// Every message of `catalog`'s document, in document order.
pub fn listings(catalog: &'static Catalog) -> Result<Vec<Listing>, Fatal> {
    let described = catalog.described()?;
    Ok(catalog
        .messages
        .iter()
        .map(|message| {
            let variant = described
                .definition(message)
                .map_or("", |def| def.variant.as_str());
            listing(&described.model, message, variant)
        })
        .collect())
}

fn listing(model: &Model, message: &'static Message, variant: &str) -> Listing {
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
        name: &message.name,
        title: message.title.as_deref(),
        summary: message.summary.as_deref(),
        content_type: message.content_type.as_deref(),
        payload_type: message.payload_type.as_deref(),
        channels,
        operations,
    }
}

/// Runs `kinesis messages`.
pub fn run(args: &Args) -> Result<Status, Fatal> {
    let listings = listings(Catalog::load(args.spec.as_deref())?)?;
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
            "  content type: {}",
            self.content_type.unwrap_or("(none)")
        )?;
        if let Some(payload_type) = self.payload_type {
            writeln!(f, "  payload type: {payload_type}")?;
        }
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
        let catalog = Catalog::bundled_static();
        let listings = listings(catalog).unwrap();
        assert_eq!(listings.len(), catalog.messages.len());
        assert_eq!(
            listings.len(),
            <kinesis_types::MessageName as kinesis_types::MessageSet>::ALL.len()
        );
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

    #[test]
    fn a_spec_document_lists_its_own_messages() {
        let spec = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/orders.asyncapi.yaml"
        );
        let catalog = Catalog::load(Some(std::path::Path::new(spec))).unwrap();
        let listings = listings(catalog).unwrap();
        let placed = listings.iter().find(|l| l.name == "OrderPlaced").unwrap();
        assert_eq!(placed.payload_type, None);
        assert!(!placed.channels.is_empty(), "{placed:?}");
        assert!(!placed.to_string().contains("payload type"), "{placed}");
    }
}
