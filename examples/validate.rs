//! Validates payloads with the generated types.
//!
//! `cargo run --example validate` checks every example of the bundled document;
//! `cargo run --example validate -- MESSAGE FILE` checks one JSON file as MESSAGE.

use std::process::ExitCode;

use kinesis_types::{MessageName, MessageSet};
use serde_json::Value;

const SPEC: &str = include_str!("../spec/kinesis-data-streams.asyncapi.yaml");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => bundled_examples(),
        [message, file] => one_file(message, file),
        _ => {
            eprintln!("usage: validate [MESSAGE FILE]");
            ExitCode::from(2)
        }
    }
}

fn bundled_examples() -> ExitCode {
    let doc: Value = match serde_yaml::from_str(SPEC) {
        Ok(doc) => doc,
        Err(error) => {
            eprintln!("the bundled document does not parse: {error}");
            return ExitCode::from(2);
        }
    };
    let mut failures = 0;
    for message in MessageName::ALL {
        let examples = doc
            .pointer(&format!("/components/messages/{}/examples", message.name()))
            .and_then(Value::as_array);
        for example in examples.into_iter().flatten() {
            let name = example["name"].as_str().unwrap_or("(unnamed)");
            match message.parse_value(&example["payload"]) {
                Ok(_) => println!("{message}/{name}: valid"),
                Err(error) => {
                    failures += 1;
                    println!("{message}/{name}: {error}");
                }
            }
        }
    }
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn one_file(message: &str, file: &str) -> ExitCode {
    let message: MessageName = match message.parse() {
        Ok(message) => message,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{file}: {error}");
            return ExitCode::from(2);
        }
    };
    match message.parse(&bytes) {
        Ok(_) => {
            println!("{file}: valid {message}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            println!("{file}: {message}");
            for violation in error.violations() {
                println!("  {violation}");
            }
            ExitCode::FAILURE
        }
    }
}
