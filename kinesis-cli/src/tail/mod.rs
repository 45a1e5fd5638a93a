//! `kinesis tail`: read every shard of a Kinesis data stream with GetRecords and
//! validate each record as it arrives.
//!
//! The reading needs the AWS SDK, which is large, so it is behind the cargo feature
//! `tail`; without it the command exists, takes the same arguments and says how to get
//! it. The parts, in the order a record goes through them:
//!
//! - `session`: the run: the SDK client, the shard readers, and the loop that checks
//!   and reports what they read, until the stream is caught up, `--limit` or an error;
//! - `shards`: which shards to read and when (a child after its parents), as pure
//!   bookkeeping over ListShards;
//! - `reader`: one shard's GetRecords loop, its pacing and back-off;
//! - `record`: a record as the GetRecords wire format writes it, checked as
//!   `KinesisRecord` with the generated types, and its data with a `data::DataCheck`;
//! - `data`: the `DataCheck` trait; `data_spec` implements it for `--data-spec` (the
//!   one module to swap when the AsyncAPI interpreter lands);
//! - `report`: the reports, for people and as JSON, and the summary.

use std::path::PathBuf;

use crate::error::{Fatal, Status};

#[cfg(feature = "tail")]
pub mod data;
#[cfg(feature = "tail")]
pub mod data_spec;
#[cfg(feature = "tail")]
pub mod reader;
#[cfg(feature = "tail")]
pub mod record;
#[cfg(feature = "tail")]
pub mod report;
#[cfg(feature = "tail")]
pub mod session;
#[cfg(feature = "tail")]
pub mod shards;

/// Arguments of `kinesis tail`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when every record read is valid, 1 when any is \
                        not (as KinesisRecord, or its data with --data-spec), 2 for usage \
                        and connection errors, 141 when the reader of the output went away.\n\
                        \n\
                        Credentials and the region come from the standard AWS chain \
                        (environment, profile, ...). Needs the `tail` feature: \
                        cargo install --path kinesis-cli --features tail"
)]
pub struct Args {
    /// The stream to read.
    #[arg(long, value_name = "NAME")]
    pub stream: String,
    /// The Kinesis endpoint, for a local or compatible server (http://127.0.0.1:4567);
    /// by default the region's AWS endpoint.
    #[arg(long, value_name = "URL")]
    pub endpoint: Option<String>,
    /// The AWS region; by default the standard chain's (AWS_REGION, the profile), and
    /// us-east-1 with --endpoint when it has none.
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Where to start in each shard: trim-horizon (the oldest record kept), latest (only
    /// records that arrive from now on), or a time: RFC 3339 (2024-05-01T12:00:00Z) or
    /// epoch seconds (1714564800.5).
    #[arg(long, value_name = "POSITION", default_value = "trim-horizon")]
    pub from: String,
    /// An AsyncAPI document (YAML or JSON) whose message --data-message each record's
    /// data must be.
    #[arg(long, value_name = "DOC", requires = "data_message")]
    pub data_spec: Option<PathBuf>,
    /// The message of --data-spec (its `name`, or its key under components/messages).
    #[arg(long, value_name = "NAME", requires = "data_spec")]
    pub data_message: Option<String>,
    /// Print one JSON object per record, in the order read:
    /// {"shard","sequence","valid","errors":[{"path","keyword","message"}],
    /// "data":{"valid","errors"}} ("errors" only when invalid, "data" only with
    /// --data-spec).
    #[arg(long)]
    pub json: bool,
    /// Stop after this many records.
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
    /// At most N records per GetRecords call (1 to 10000; by default the service's
    /// maximum, 10000): smaller pages reach the output sooner and hold less memory.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i32).range(1..=10_000))]
    pub batch: Option<i32>,
    /// Keep reading as records arrive, instead of stopping once every shard is caught up
    /// or closed.
    #[arg(long)]
    pub follow: bool,
}

/// Runs `kinesis tail`.
#[cfg(feature = "tail")]
pub fn run(args: &Args) -> Result<Status, Fatal> {
    session::run(args)
}

/// Runs `kinesis tail` in a build without it: says how to get it.
#[cfg(not(feature = "tail"))]
pub fn run(_args: &Args) -> Result<Status, Fatal> {
    Err(Fatal::new(NOT_BUILT))
}

/// What `kinesis tail` says in a build without the `tail` feature.
#[cfg(not(feature = "tail"))]
pub const NOT_BUILT: &str = "this kinesis was built without `tail` (it needs the AWS SDK, \
                             a cargo feature left out of the default build); install it \
                             with: cargo install --path kinesis-cli --features tail \
                             (or cargo build --release -p kinesis-cli --features tail)";
