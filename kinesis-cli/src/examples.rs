//! `kinesis examples`: the message examples of the bundled document, as JSON.

use std::path::PathBuf;

use kinesis_types::Value;
use serde::Serialize;

use crate::catalog::{Catalog, Message};
use crate::error::{Fatal, Status};
use crate::stdio::Stdout;

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
    /// An AsyncAPI 3.0 document whose examples to print; the bundled Kinesis document
    /// when not given.
    #[arg(long, value_name = "DOC")]
    pub spec: Option<PathBuf>,
}

/// One example of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Its message.
    pub message: &'static Message,
    /// Its `name` (`#INDEX` when it has none).
    pub name: String,
    /// Its `summary`.
    pub summary: Option<String>,
    /// Its `payload`, with every digit of its numbers.
    pub payload: Value,
    /// The JSON pointer of the payload in the document (with the files it references
    /// mounted, as the generator reads it).
    pub pointer: String,
}

/// Every example with a payload of every message of `catalog`'s document, in document
/// order. Examples a message gets from its traits are included (the generator merges
/// them).
pub fn all(catalog: &'static Catalog) -> Result<Vec<Example>, Fatal> {
    let described = catalog.described()?;
    let mut examples = Vec::new();
    for message in &catalog.messages {
        let Some(def) = described.definition(message) else {
            continue;
        };
        let at = format!("{}/examples", def.pointer);
        let Some(list) = described.root.pointer(&at).and_then(|list| list.as_array()) else {
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
                    .and_then(|name| name.as_str())
                    .map_or_else(|| format!("#{index}"), str::to_string),
                summary: example
                    .get("summary")
                    .and_then(|summary| summary.as_str())
                    .map(str::to_string),
                payload: payload.clone(),
                pointer: format!("{at}/{index}/payload"),
            });
        }
    }
    Ok(examples)
}

/// Runs `kinesis examples`.
pub fn run(args: &Args) -> Result<Status, Fatal> {
    let catalog = Catalog::load(args.spec.as_deref())?;
    let mut examples = all(catalog)?;
    if let Some(name) = &args.message {
        let message = catalog.find(name)?;
        examples.retain(|example| std::ptr::eq(example.message, message));
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
    pub message: &'a str,
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
            message: &example.message.name,
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
        let catalog = Catalog::bundled_static();
        let examples = all(catalog).unwrap();
        for message in &catalog.messages {
            assert!(
                examples.iter().any(|e| std::ptr::eq(e.message, message)),
                "{message}"
            );
        }
        for example in &examples {
            assert!(
                catalog.validate(example.message, &example.payload).is_ok(),
                "{}/{}",
                example.message,
                example.name
            );
        }
    }

    #[test]
    fn a_spec_document_gives_its_own_examples() {
        let spec = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/orders.asyncapi.yaml"
        );
        let catalog = Catalog::load(Some(std::path::Path::new(spec))).unwrap();
        let examples = all(catalog).unwrap();
        assert_eq!(examples.len(), 1);
        assert_eq!(
            (examples[0].message.name.as_str(), examples[0].name.as_str()),
            ("OrderPlaced", "small")
        );
        assert_eq!(examples[0].payload["amount"].to_json(), "42.5");
        assert_eq!(
            examples[0].pointer,
            "/components/messages/OrderPlaced/examples/0/payload"
        );
    }
}
