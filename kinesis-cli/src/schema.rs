//! `kinesis schema`: the JSON Schema of a message payload, as the generated types
//! describe it (schemars).

use crate::error::{Fatal, Status};
use crate::output::Stdout;
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
    let text = serde_json::to_string_pretty(&schema).map_err(|error| {
        Fatal::new(format!(
            "the schema of {message} cannot be written: {error}"
        ))
    })?;
    let mut stdout = Stdout::new();
    stdout.line(&text)?;
    stdout.flush()?;
    Ok(Status::Ok)
}
