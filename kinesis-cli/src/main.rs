//! `kinesis`: validate Amazon Kinesis Data Streams payloads with the types generated from
//! the bundled AsyncAPI 3.0 document, check AsyncAPI 3.0 documents, and show what the
//! generator makes of them.
//!
//! Exit status: 0 when everything checked conforms, 1 when something does not, 2 for
//! usage and I/O errors.

mod check;
mod document;
mod error;
mod examples;
mod generate;
mod input;
mod messages;
mod output;
mod schema;
mod validate;
mod verdict;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::error::{Fatal, USAGE_EXIT};

/// Validate Amazon Kinesis Data Streams payloads, check AsyncAPI 3.0 documents, and show
/// the Rust generated from them.
#[derive(Debug, Parser)]
#[command(name = "kinesis", version, about, max_term_width = 100)]
#[command(
    after_help = "Exit status: 0 when everything checked conforms, 1 when something \
                        does not, 2 for usage and I/O errors."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate JSON payloads (files, standard input, NDJSON streams) as messages of the
    /// bundled Kinesis document.
    Validate(validate::Args),
    /// List the messages of the bundled document, with the channels and operations that
    /// carry them.
    Messages(messages::Args),
    /// Print the bundled document's message examples as JSON.
    Examples(examples::Args),
    /// Print the JSON Schema of a message payload, as the generated types describe it.
    Schema(schema::Args),
    /// Check an AsyncAPI 3.0 document: structure, references, patterns, parameters,
    /// examples, and likely mistakes.
    Check(check::Args),
    /// Print the Rust generated for an AsyncAPI 3.0 document.
    Generate(generate::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Messages(args) => messages::run(&args),
        Command::Examples(args) => examples::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Generate(args) => generate::run(&args),
    };
    match result {
        Ok(status) => status.into(),
        Err(Fatal::Quiet) => ExitCode::from(USAGE_EXIT),
        Err(fatal) => {
            eprintln!("kinesis: {fatal}");
            ExitCode::from(USAGE_EXIT)
        }
    }
}
