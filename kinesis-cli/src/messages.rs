//! `kinesis messages`: the messages of the bundled document, and where they travel.

use asyncapi_codegen::Model;
use kinesis_types::MessageName;

use crate::document;
use crate::error::{Fatal, Status};
use crate::output::json_string;
use crate::stdio::Stdout;

/// Arguments of `kinesis messages`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print a JSON array instead: name, title, summary, contentType, payloadType,
    /// channels ({key, address}) and operations ({id, action, channel}).
    #[arg(long)]
    pub json: bool,
}

/// A message with the channels and operations that carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The message.
    pub message: MessageName,
    /// (channel key, address) of each channel that carries it.
    pub channels: Vec<(String, Option<String>)>,
    /// (operation id, action, channel key) of each operation that carries it.
    pub operations: Vec<(String, String, String)>,
}

/// Every message of the bundled document, in document order.
pub fn listings() -> Result<Vec<Listing>, Fatal> {
    let doc = document::bundled()?;
    let model = asyncapi_codegen::model_of(&doc)
        .map_err(|error| Fatal::new(format!("the bundled document does not model: {error}")))?;
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
        .map(|channel| (channel.key.clone(), channel.address.clone()))
        .collect();
    let operations = model
        .operations
        .iter()
        .filter(|operation| operation.messages.iter().any(|v| v == variant))
        .map(|operation| {
            let channel = model
                .channels
                .get(operation.channel)
                .map(|channel| channel.key.clone())
                .unwrap_or_default();
            (operation.id.clone(), operation.action.clone(), channel)
        })
        .collect();
    Listing {
        message,
        channels,
        operations,
    }
}

/// Runs `kinesis messages`.
pub fn run(args: &Args) -> Result<Status, Fatal> {
    let listings = listings()?;
    let text = if args.json {
        json(&listings)
    } else {
        human(&listings)
    };
    let mut stdout = Stdout::new();
    stdout.write(&text)?;
    stdout.flush()?;
    Ok(Status::Ok)
}

fn human(listings: &[Listing]) -> String {
    let mut out = String::new();
    for (i, listing) in listings.iter().enumerate() {
        let message = listing.message;
        if i > 0 {
            out.push('\n');
        }
        out.push_str(message.name());
        if let Some(title) = message.title() {
            out.push_str(": ");
            out.push_str(title);
        }
        out.push('\n');
        if let Some(summary) = message.summary() {
            out.push_str(&format!("  {summary}\n"));
        }
        out.push_str(&format!(
            "  content type: {}\n  payload type: kinesis_types::{}\n",
            message.content_type().unwrap_or("(none)"),
            message.payload_type()
        ));
        let channels: Vec<String> = listing
            .channels
            .iter()
            .map(|(key, address)| match address {
                Some(address) => format!("{key} ({address})"),
                None => key.clone(),
            })
            .collect();
        out.push_str(&format!("  channels:     {}\n", or_none(&channels)));
        let operations: Vec<String> = listing
            .operations
            .iter()
            .map(|(id, action, channel)| format!("{id} ({action} on {channel})"))
            .collect();
        out.push_str(&format!("  operations:   {}\n", or_none(&operations)));
    }
    out
}

fn or_none(items: &[String]) -> String {
    if items.is_empty() {
        "(none)".into()
    } else {
        items.join(", ")
    }
}

fn json(listings: &[Listing]) -> String {
    let mut out = String::from("[");
    for (i, listing) in listings.iter().enumerate() {
        let message = listing.message;
        if i > 0 {
            out.push(',');
        }
        out.push_str("\n  {\"name\":");
        json_string(&mut out, message.name());
        for (key, value) in [
            ("title", message.title()),
            ("summary", message.summary()),
            ("contentType", message.content_type()),
            ("payloadType", Some(message.payload_type())),
        ] {
            out.push_str(&format!(",\"{key}\":"));
            match value {
                Some(value) => json_string(&mut out, value),
                None => out.push_str("null"),
            }
        }
        out.push_str(",\"channels\":[");
        for (j, (key, address)) in listing.channels.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str("{\"key\":");
            json_string(&mut out, key);
            out.push_str(",\"address\":");
            match address {
                Some(address) => json_string(&mut out, address),
                None => out.push_str("null"),
            }
            out.push('}');
        }
        out.push_str("],\"operations\":[");
        for (j, (id, action, channel)) in listing.operations.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str("{\"id\":");
            json_string(&mut out, id);
            out.push_str(",\"action\":");
            json_string(&mut out, action);
            out.push_str(",\"channel\":");
            json_string(&mut out, channel);
            out.push('}');
        }
        out.push_str("]}");
    }
    out.push_str("\n]\n");
    out
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
        let text = json(&listings);
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed.as_array().unwrap().len(), listings.len());
    }
}
