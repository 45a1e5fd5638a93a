//! `kinesis examples`: the message examples of the bundled document, as JSON.

use kinesis_types::MessageName;
use kinesis_types::MessageSet;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::document;
use crate::error::{Fatal, Status};
use crate::stdio::Stdout;
use crate::validate::message_name;

/// Arguments of `kinesis examples`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Without --ndjson or --example: a JSON array of \
                        {\"message\",\"example\",\"summary\",\"payload\"}, in document order.")]
pub struct Args {
    /// Only this message's examples (see `kinesis messages`).
    #[arg(value_name = "NAME")]
    pub message: Option<String>,
    /// Only the example of this name: its payload alone, ready for
    /// `kinesis validate --message NAME`.
    #[arg(long, value_name = "EXAMPLE", requires = "message")]
    pub example: Option<String>,
    /// One payload per line, ready for `kinesis validate --ndjson`.
    #[arg(long)]
    pub ndjson: bool,
}

/// One example of the bundled document.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Its message.
    pub message: MessageName,
    /// Its `name` (`#INDEX` when it has none).
    pub name: String,
    /// Its `summary`.
    pub summary: Option<String>,
    /// Its `payload`.
    pub payload: Value,
    /// The JSON pointer of the payload in the document.
    pub pointer: String,
}

/// Every example with a payload of every message of the bundled document, in document
/// order (messages in the order of [`MessageName::ALL`]).
pub fn all() -> Result<Vec<Example>, Fatal> {
    let doc = document::bundled()?;
    // Read as serde_json values, which the output is written with.
    let root = doc.root.to_serde();
    let mut examples = Vec::new();
    let empty = Map::new();
    let messages = root
        .pointer("/components/messages")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    for &message in MessageName::ALL {
        let found = messages.iter().find(|(key, value)| {
            value.get("name").and_then(Value::as_str) == Some(message.name())
                || key.as_str() == message.name()
        });
        let Some((key, value)) = found else { continue };
        let Some(list) = value.get("examples").and_then(Value::as_array) else {
            continue;
        };
        for (index, example) in list.iter().enumerate() {
            let Some(payload) = example.get("payload") else {
                continue;
            };
            examples.push(Example {
                message,
                name: example
                    .get("name")
                    .and_then(Value::as_str)
                    .map_or_else(|| format!("#{index}"), str::to_string),
                summary: example
                    .get("summary")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                payload: payload.clone(),
                pointer: format!(
                    "/components/messages/{}/examples/{index}/payload",
                    key.replace('~', "~0").replace('/', "~1")
                ),
            });
        }
    }
    Ok(examples)
}

/// Runs `kinesis examples`.
pub fn run(args: &Args) -> Result<Status, Fatal> {
    let mut examples = all()?;
    if let Some(name) = &args.message {
        let message = message_name(name)?;
        examples.retain(|example| example.message == message);
        if let Some(wanted) = &args.example {
            let known: Vec<&str> = examples.iter().map(|e| e.name.as_str()).collect();
            if !known.contains(&wanted.as_str()) {
                return Err(Fatal::new(format!(
                    "message {message} has no example {wanted:?}; its examples are: {}",
                    known.join(", ")
                )));
            }
            examples.retain(|example| &example.name == wanted);
        }
    }
    let mut stdout = Stdout::new();
    if args.ndjson {
        for example in &examples {
            stdout.json(&example.payload)?;
            stdout.line("")?;
        }
    } else if args.example.is_some() {
        let payload = examples.first().map_or(&Value::Null, |e| &e.payload);
        stdout.json_pretty(payload)?;
        stdout.line("")?;
    } else {
        let list: Vec<Entry<'_>> = examples.iter().map(Entry::from).collect();
        stdout.json_pretty(&list)?;
        stdout.line("")?;
    }
    stdout.flush()?;
    Ok(Status::Ok)
}

/// One example as `kinesis examples` lists it.
#[derive(Debug, Serialize)]
pub struct Entry<'a> {
    /// The name of its message.
    pub message: &'static str,
    /// Its name (`#INDEX` when it has none).
    pub example: &'a str,
    /// Its summary, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'a str>,
    /// Its payload.
    pub payload: &'a Value,
}

impl<'a> From<&'a Example> for Entry<'a> {
    fn from(example: &'a Example) -> Entry<'a> {
        Entry {
            message: example.message.name(),
            example: &example.name,
            summary: example.summary.as_deref(),
            payload: &example.payload,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_examples_and_they_are_valid() {
        let examples = all().unwrap();
        for &message in MessageName::ALL {
            assert!(examples.iter().any(|e| e.message == message), "{message}");
        }
        for example in &examples {
            assert!(
                example
                    .message
                    .validate_json(&(&example.payload).into())
                    .is_ok(),
                "{}/{}",
                example.message,
                example.name
            );
        }
    }
}
