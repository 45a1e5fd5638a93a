//! `kinesis schema`: the JSON Schema of a message payload, self-contained: exactly
//! what the generated types check.

use kinesis_types::{MessageSet, Value};

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
    // Every message of the bundled document has a payload schema.
    let schema = message.payload_schema().unwrap_or(Value::Bool(true));
    let mut stdout = Stdout::new();
    stdout.write(&schema.to_json_pretty())?;
    stdout.line("")?;
    stdout.flush()?;
    Ok(Status::Ok)
}
