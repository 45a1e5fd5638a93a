//! `kinesis schema`: the JSON Schema of a message payload, self-contained: exactly
//! what the generated types (or, with `--spec`, the interpreter) check.

use std::path::PathBuf;

use kinesis_types::Value;

use crate::catalog::Catalog;
use crate::error::{Fatal, Status};
use crate::stdio::Stdout;

/// Arguments of `kinesis schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The message (see `kinesis messages`).
    #[arg(value_name = "NAME")]
    pub message: String,
    /// An AsyncAPI 3.0 document whose message this is; the bundled Kinesis document
    /// when not given.
    #[arg(long, value_name = "DOC")]
    pub spec: Option<PathBuf>,
}

/// Runs `kinesis schema`.
pub fn run(args: &Args) -> Result<Status, Fatal> {
    let catalog = Catalog::load(args.spec.as_deref())?;
    let message = catalog.find(&args.message)?;
    // A payload without a schema (any JSON, or a format kept opaque) accepts anything.
    let schema = catalog.payload_schema(message).unwrap_or(Value::Bool(true));
    let mut stdout = Stdout::new();
    stdout.write(&schema.to_json_pretty())?;
    stdout.line("")?;
    stdout.flush()?;
    Ok(Status::Ok)
}
