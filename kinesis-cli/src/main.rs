//! `kinesis`: validate Amazon Kinesis Data Streams payloads with the types generated from
//! the bundled AsyncAPI 3.0 document, check AsyncAPI 3.0 documents, and show what the
//! generator makes of them.
//!
//! Exit status: 0 when everything checked conforms, 1 when something does not, 2 for
//! usage and I/O errors, 141 when the reader of standard output went away (see
//! [`error::BROKEN_PIPE_EXIT`]).

mod check;
mod document;
mod error;
mod examples;
mod generate;
mod input;
mod messages;
mod output;
mod progress;
mod schema;
mod stdio;
mod tail;
mod validate;
mod verdict;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::error::{Fatal, USAGE_EXIT};

/// Validate Amazon Kinesis Data Streams payloads, check AsyncAPI 3.0 documents, and show
/// the Rust generated from them.
#[derive(Debug, Parser)]
#[command(name = "kinesis", version, about, max_term_width = 100)]
#[command(
    after_help = "Exit status: 0 when everything checked conforms, 1 when something \
                        does not, 2 for usage and I/O errors, 141 when the reader of the \
                        output went away (a closed pipe)."
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
    /// Read a Kinesis data stream (every shard, with GetRecords) and validate each
    /// record as KinesisRecord, and its data as a message of another document (needs
    /// the `tail` feature).
    Tail(tail::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return command_line_error(&error),
    };
    let result = match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Messages(args) => messages::run(&args),
        Command::Examples(args) => examples::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Tail(args) => tail::run(&args),
    };
    match result {
        Ok(status) => status.into(),
        Err(fatal) => {
            stdio::say_fatal(&fatal);
            ExitCode::from(fatal.exit_status())
        }
    }
}

/// Ends a command line clap did not accept, or one that asked for help or the version:
/// those go to standard output, the others to standard error (whose failures are
/// ignored, as everywhere).
fn command_line_error(error: &clap::Error) -> ExitCode {
    let printed = error.print().and_then(|()| io::stdout().flush());
    if error.use_stderr() {
        return ExitCode::from(USAGE_EXIT);
    }
    match printed {
        Ok(()) => ExitCode::SUCCESS,
        Err(io_error) => {
            let fatal = Fatal::output(io_error);
            stdio::say_fatal(&fatal);
            ExitCode::from(fatal.exit_status())
        }
    }
}
