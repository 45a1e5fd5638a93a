//! `kinesis schema`: the JSON Schema of a message payload, as the generated types
//! describe it (schemars).

use crate::error::{Fatal, Status};
use crate::stdio::Stdout;
use crate::validate::message_name;

/// Arguments of `kinesis schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The message (see `kinesis messages`).
    #[arg(value_name = "NAME")]
    pub message: String,
}

/// Runs `kinesis schema`.
pub fn run(args: &Args) -> Result<Status, Fatal> {
    let message = message_name(&args.message)?;
    let schema = message.payload_schema();
    let mut stdout = Stdout::new();
    stdout.json_pretty(&schema)?;
    stdout.line("")?;
    stdout.flush()?;
    Ok(Status::Ok)
}
