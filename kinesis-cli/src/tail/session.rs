//! One run of `kinesis tail`: connect, list the shards, read the ready ones concurrently
//! (a [`Reader`] task each, on one thread), and check and report every record they send,
//! until every shard is caught up or closed, `--limit` records were read, or a call
//! fails for good.

use std::io::{self, IsTerminal};
use std::time::Instant;

use aws_config::{BehaviorVersion, Region};
use aws_sdk_kinesis::primitives::{DateTime, DateTimeFormat};
use aws_sdk_kinesis::types::Record;
use aws_sdk_kinesis::Client;
use aws_smithy_http_client::tls::{self, rustls_provider::CryptoMode};
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use super::data::DataCheck;
use super::reader::{CallError, Event, Position, Reader};
use super::record::{self, Fields};
use super::report::{self, RecordReport, Tally};
use super::shards::{End, Listed, Shards, StartAt};
use super::{data_spec, Args};
use crate::error::{Fatal, Status};
use crate::progress::{Counts, Progress};
use crate::stdio::{self, Stdout};

/// The region used with `--endpoint` when neither `--region` nor the standard chain
/// gives one: a local server accepts any, and signing needs one.
const LOCAL_REGION: &str = "us-east-1";

/// Runs `kinesis tail`.
pub fn run(args: &Args) -> Result<Status, Fatal> {
    let position = parse_position(&args.from)?;
    let data_check = match (&args.data_spec, &args.data_message) {
        (Some(spec), Some(message)) => Some(data_spec::load(spec, message)?),
        _ => None,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| Fatal::new(format!("cannot start the async runtime: {error}")))?;
    runtime.block_on(tail(args, position, data_check.as_deref()))
}

/// Parses `--from`: `trim-horizon`, `latest`, an RFC 3339 time or epoch seconds.
pub fn parse_position(text: &str) -> Result<Position, Fatal> {
    match text {
        "trim-horizon" => return Ok(Position::TrimHorizon),
        "latest" => return Ok(Position::Latest),
        _ => {}
    }
    let time = if text.contains('T') || text.contains('t') {
        DateTime::from_str(text, DateTimeFormat::DateTimeWithOffset).ok()
    } else {
        DateTime::from_str(text, DateTimeFormat::EpochSeconds).ok()
    };
    time.map(Position::At).ok_or_else(|| {
        Fatal::new(format!(
            "--from {text:?}: expected trim-horizon, latest, an RFC 3339 time \
             (2024-05-01T12:00:00Z) or epoch seconds (1714564800.5)"
        ))
    })
}

/// Where the run reads from, for messages: the endpoint URL, or the region's.
fn endpoint_name(args: &Args, region: Option<&Region>) -> String {
    match (&args.endpoint, region) {
        (Some(url), _) => url.clone(),
        (None, Some(region)) => format!("the Kinesis endpoint of region {region}"),
        (None, None) => "the Kinesis endpoint".into(),
    }
}

/// The SDK client: the standard credential chain, the region from `--region` or the
/// chain, `--endpoint` when given, and one HTTPS client on rustls with ring.
async fn client(args: &Args) -> Result<(Client, String), Fatal> {
    let http = aws_smithy_http_client::Builder::new()
        .tls_provider(tls::Provider::Rustls(CryptoMode::Ring))
        .build_https();
    let mut loader = aws_config::defaults(BehaviorVersion::latest()).http_client(http);
    if let Some(region) = &args.region {
        loader = loader.region(Region::new(region.clone()));
    }
    if let Some(url) = &args.endpoint {
        loader = loader.endpoint_url(url);
    }
    let config = loader.load().await;
    let mut builder = aws_sdk_kinesis::config::Builder::from(&config);
    let region = match config.region() {
        Some(region) => region.clone(),
        None if args.endpoint.is_some() => {
            let region = Region::from_static(LOCAL_REGION);
            builder = builder.region(region.clone());
            region
        }
        None => {
            return Err(Fatal::new(
                "no AWS region: give --region, or set AWS_REGION (or a profile's region)",
            ))
        }
    };
    Ok((
        Client::from_conf(builder.build()),
        endpoint_name(args, Some(&region)),
    ))
}

/// Every shard of `stream`, through ListShards' pages.
async fn list_shards(client: &Client, stream: &str) -> Result<Vec<Listed>, CallError> {
    let mut listed = Vec::new();
    let mut next: Option<String> = None;
    loop {
        let request = match &next {
            // A page after the first names the listing by its token alone.
            Some(token) => client.list_shards().next_token(token),
            None => client.list_shards().stream_name(stream),
        };
        let page = request
            .send()
            .await
            .map_err(|error| CallError::new("ListShards", &error))?;
        for shard in page.shards.unwrap_or_default() {
            let closed = shard
                .sequence_number_range
                .as_ref()
                .is_some_and(|range| range.ending_sequence_number.is_some());
            listed.push(Listed {
                id: shard.shard_id,
                parents: shard
                    .parent_shard_id
                    .into_iter()
                    .chain(shard.adjacent_parent_shard_id)
                    .collect(),
                closed,
            });
        }
        match page.next_token {
            Some(token) if !token.is_empty() => next = Some(token),
            _ => return Ok(listed),
        }
    }
}

/// Where the reports go, and what was counted.
struct Output<'a> {
    json: bool,
    data_check: Option<&'a dyn DataCheck>,
    stdout: Stdout,
    progress: Progress,
    tally: Tally,
}

impl Output<'_> {
    /// Checks and reports the records of one page of `shard`; false once `limit` records
    /// were reported (the rest of the page is left).
    fn page(&mut self, shard: &str, records: &[Record], limit: Option<u64>) -> Result<bool, Fatal> {
        let mut text = Vec::new();
        let label = self.data_check.map_or("", |check| check.label());
        let mut more = true;
        for record in records {
            if limit.is_some_and(|limit| self.tally.records >= limit) {
                more = false;
                break;
            }
            let fields = Fields {
                sequence: &record.sequence_number,
                arrival: record
                    .approximate_arrival_timestamp
                    .map(|time| (time.secs(), time.subsec_nanos())),
                data: record.data.as_ref(),
                partition_key: record.partition_key.as_deref().unwrap_or_default(),
                encryption: record.encryption_type.as_ref().map(|e| e.as_str()),
            };
            let mut json = fields.wire_json();
            if record.partition_key.is_none() {
                // The SDK's model lets PartitionKey be absent; leave it out as the wire did.
                json = without_partition_key(&json);
            }
            let checked = record::check(&json, self.data_check);
            self.tally.add(&checked, fields.data.len());
            let report = RecordReport::new(shard, &record.sequence_number, &checked, label);
            if self.json {
                report.write_json(&mut text);
            } else {
                report.write_human(&mut text);
            }
        }
        if limit.is_some_and(|limit| self.tally.records >= limit) {
            more = false;
        }
        if !text.is_empty() {
            self.progress.hide();
        }
        self.stdout.bytes(&text)?;
        // Sent at once: someone is watching the stream.
        self.stdout.flush()?;
        self.progress.tick(Counts {
            payloads: self.tally.records,
            invalid: self.tally.invalid,
            bytes: self.tally.bytes,
        });
        Ok(more)
    }
}

/// `json` without its `PartitionKey`.
fn without_partition_key(json: &[u8]) -> Vec<u8> {
    match serde_json::from_slice::<serde_json::Value>(json) {
        Ok(serde_json::Value::Object(mut map)) => {
            map.remove("PartitionKey");
            serde_json::to_vec(&map).unwrap_or_else(|_| json.to_vec())
        }
        _ => json.to_vec(),
    }
}

/// Why the run stopped early.
enum Stop {
    /// `--limit` records were read, or the user interrupted the run.
    Enough,
    /// A call failed for good (reading this shard, if it was about one).
    Failed(CallError, Option<String>),
    /// Writing the output failed.
    Output(Fatal),
}

async fn tail(
    args: &Args,
    position: Position,
    data_check: Option<&dyn DataCheck>,
) -> Result<Status, Fatal> {
    let (client, endpoint) = client(args).await?;
    let failure = |error: CallError, shard: Option<&str>| {
        let what = if error.unreachable {
            "cannot reach"
        } else {
            "cannot read from"
        };
        let on = shard
            .map(|shard| format!(" on {shard}"))
            .unwrap_or_default();
        Fatal::new(format!(
            "{what} {endpoint} (stream {}): {}{on} failed: {}",
            args.stream, error.operation, error.message
        ))
    };
    let mut output = Output {
        json: args.json,
        data_check,
        stdout: Stdout::new(),
        progress: Progress::new(io::stderr().is_terminal(), Instant::now())
            .counting(("record", "records")),
        tally: Tally::default(),
    };
    let listing = list_shards(&client, &args.stream)
        .await
        .map_err(|error| failure(error, None))?;
    let mut shards = Shards::new(listing, matches!(position, Position::Latest));
    // Bounded: readers wait while the output catches up, and do not read far ahead.
    let (events, mut received) = mpsc::channel(8);
    let mut readers = JoinSet::new();
    // Ctrl-C ends a run (above all a `--follow` run) as reaching the end would: the
    // reports so far stay, the summary is said, the status says whether all was valid.
    let interrupts = events.clone();
    readers.spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            let _ = interrupts.send(Event::Interrupted).await;
        }
    });
    let mut stop = None;
    if args.limit == Some(0) {
        stop = Some(Stop::Enough);
    }
    while stop.is_none() {
        for (shard, start) in shards.ready() {
            let position = match start {
                StartAt::Initial => position.clone(),
                StartAt::TrimHorizon => Position::TrimHorizon,
            };
            readers.spawn(
                Reader {
                    client: client.clone(),
                    stream: args.stream.clone(),
                    shard,
                    position,
                    follow: args.follow,
                    batch: args.batch,
                    events: events.clone(),
                }
                .run(),
            );
        }
        if shards.reading() == 0 {
            break;
        }
        // Never `None`: `events` is held here.
        let Some(event) = received.recv().await else {
            break;
        };
        match event {
            Event::Page { shard, records } => match output.page(&shard, &records, args.limit) {
                Ok(true) => {}
                Ok(false) => stop = Some(Stop::Enough),
                Err(fatal) => stop = Some(Stop::Output(fatal)),
            },
            Event::Done { shard, end } => {
                shards.finished(&shard, end);
                if end == End::Closed {
                    // Its children, if any, may be ready now.
                    match list_shards(&client, &args.stream).await {
                        Ok(listing) => shards.update(listing),
                        Err(error) => stop = Some(Stop::Failed(error, None)),
                    }
                }
            }
            Event::Failed { shard, error } => stop = Some(Stop::Failed(error, Some(shard))),
            Event::Interrupted => stop = Some(Stop::Enough),
        }
    }
    readers.abort_all();
    output.progress.hide();
    let flushed = output.stdout.flush();
    stdio::say(&format!(
        "{}\n",
        report::summary(&output.tally, shards.started(), data_check.is_some())
    ));
    match stop {
        Some(Stop::Failed(error, shard)) => return Err(failure(error, shard.as_deref())),
        Some(Stop::Output(fatal)) => return Err(fatal),
        Some(Stop::Enough) | None => {}
    }
    flushed?;
    Ok(Status::failed_if(output.tally.invalid > 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        assert!(matches!(
            parse_position("trim-horizon"),
            Ok(Position::TrimHorizon)
        ));
        assert!(matches!(parse_position("latest"), Ok(Position::Latest)));
        let Ok(Position::At(time)) = parse_position("2024-05-01T12:00:00Z") else {
            panic!()
        };
        assert_eq!(time.secs(), 1_714_564_800);
        let Ok(Position::At(time)) = parse_position("2024-05-01T14:00:00+02:00") else {
            panic!()
        };
        assert_eq!(time.secs(), 1_714_564_800);
        let Ok(Position::At(time)) = parse_position("1714564800.5") else {
            panic!()
        };
        assert_eq!(
            (time.secs(), time.subsec_nanos()),
            (1_714_564_800, 500_000_000)
        );
        for wrong in [
            "",
            "oldest",
            "2024-13-01T00:00:00Z",
            "12abc",
            "TRIM_HORIZON",
        ] {
            let error = parse_position(wrong).err().unwrap().to_string();
            assert!(
                error.starts_with(&format!("--from {wrong:?}: expected")),
                "{error}"
            );
        }
    }

    #[test]
    fn a_missing_partition_key_is_left_out() {
        let json = br#"{"SequenceNumber":"1","Data":"","PartitionKey":""}"#;
        assert_eq!(
            without_partition_key(json),
            br#"{"SequenceNumber":"1","Data":""}"#
        );
    }
}
