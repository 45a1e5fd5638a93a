//! Reading one shard with GetRecords: its shard iterator, the pacing GetRecords asks
//! for, back-off when the shard's read throughput is exceeded, and a new iterator when
//! one expires. What it reads goes to the session as [`Event`]s.

use std::time::Duration;

use aws_sdk_kinesis::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_kinesis::operation::get_records::GetRecordsError;
use aws_sdk_kinesis::primitives::DateTime;
use aws_sdk_kinesis::types::{Record, ShardIteratorType};
use aws_sdk_kinesis::Client;
use tokio::sync::mpsc::Sender;
use tokio::time::{sleep, Instant};

use super::shards::End;

/// At most this many GetRecords calls per second on one shard: the service's limit is
/// five, shared by every consumer of the shard.
pub const MIN_INTERVAL: Duration = Duration::from_millis(200);

/// The wait after an empty page when following a caught-up shard, as AWS advises for
/// polling consumers (about one call per second).
pub const IDLE_WAIT: Duration = Duration::from_secs(1);

/// The first wait after the shard's read throughput was exceeded (beyond the SDK's own
/// retries); it doubles each time, up to [`MAX_BACKOFF`].
pub const FIRST_BACKOFF: Duration = Duration::from_millis(500);

/// The longest wait between two tries of a throttled shard.
pub const MAX_BACKOFF: Duration = Duration::from_secs(20);

/// The wait before try `attempt` (1-based) after throttling: exponential, capped.
pub fn backoff(attempt: u32) -> Duration {
    let doublings = attempt.saturating_sub(1).min(16);
    FIRST_BACKOFF
        .saturating_mul(1 << doublings)
        .min(MAX_BACKOFF)
}

/// Where a shard's reading starts.
#[derive(Debug, Clone)]
pub enum Position {
    /// The oldest record kept.
    TrimHorizon,
    /// Records that arrive from now on.
    Latest,
    /// The first record that arrived at or after this time.
    At(DateTime),
}

/// What a shard reader tells the session.
#[derive(Debug)]
pub enum Event {
    /// Records read from `shard`, in order.
    Page {
        /// The shard.
        shard: String,
        /// The records.
        records: Vec<Record>,
    },
    /// Reading `shard` ended.
    Done {
        /// The shard.
        shard: String,
        /// How.
        end: End,
    },
    /// The user asked to stop (Ctrl-C): the end of a `--follow` run.
    Interrupted,
    /// Reading `shard` failed.
    Failed {
        /// The shard.
        shard: String,
        /// Why.
        error: CallError,
    },
}

/// A Kinesis call that failed for good (after the SDK's retries, and ours for
/// throttling).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallError {
    /// The operation (`GetRecords`).
    pub operation: &'static str,
    /// Whether no answer came from the server at all (connection refused, timeout).
    pub unreachable: bool,
    /// What went wrong: the service's error code and message, or the chain of causes.
    pub message: String,
}

impl CallError {
    /// The error of `operation` from what the SDK returned.
    pub fn new<E, R>(operation: &'static str, error: &SdkError<E, R>) -> CallError
    where
        E: std::error::Error + ProvideErrorMetadata + 'static,
        R: std::fmt::Debug + 'static,
    {
        let message = match error {
            SdkError::ServiceError(failure) => {
                let err = failure.err();
                match (err.code(), err.message()) {
                    (Some(code), Some(message)) => format!("{code}: {message}"),
                    (Some(code), None) => code.to_string(),
                    _ => causes(err),
                }
            }
            other => causes(other),
        };
        CallError {
            operation,
            // Not a failure to load credentials, which is a dispatch failure too.
            unreachable: match error {
                SdkError::DispatchFailure(failure) => failure.is_io() || failure.is_timeout(),
                SdkError::TimeoutError(_) => true,
                _ => false,
            },
            message,
        }
    }
}

/// `error` and its sources, `: `-separated, each said once (the SDK's messages often
/// repeat their source's).
fn causes(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let said = cause.to_string();
        if !text.contains(&said) {
            text.push_str(": ");
            text.push_str(&said);
        }
        source = cause.source();
    }
    text
}

/// Reads one shard and sends what it reads to the session.
pub struct Reader {
    /// The client.
    pub client: Client,
    /// The stream.
    pub stream: String,
    /// The shard.
    pub shard: String,
    /// Where to start.
    pub position: Position,
    /// Whether to keep reading once caught up.
    pub follow: bool,
    /// GetRecords' `Limit`: at most this many records per call.
    pub batch: Option<i32>,
    /// Where events go.
    pub events: Sender<Event>,
}

impl Reader {
    /// Reads the shard to its end (or until caught up), then says how it ended.
    pub async fn run(self) {
        let shard = self.shard.clone();
        let event = match self.read().await {
            Ok(end) => Event::Done { shard, end },
            Err(error) => Event::Failed { shard, error },
        };
        // The session may have stopped listening (`--limit`); then nobody needs this.
        let _ = self.events.send(event).await;
    }

    async fn read(&self) -> Result<End, CallError> {
        let mut iterator = self.iterator(&self.position, None).await?;
        // The last sequence number read, to start again after it when the iterator expires.
        let mut last: Option<String> = None;
        let mut throttled = 0;
        loop {
            let started = Instant::now();
            let page = match self
                .client
                .get_records()
                .shard_iterator(&iterator)
                .set_limit(self.batch)
                .send()
                .await
            {
                Ok(page) => page,
                Err(SdkError::ServiceError(failure))
                    if matches!(
                        failure.err(),
                        GetRecordsError::ProvisionedThroughputExceededException(_)
                            | GetRecordsError::KmsThrottlingException(_)
                    ) =>
                {
                    throttled += 1;
                    sleep(backoff(throttled)).await;
                    continue;
                }
                Err(SdkError::ServiceError(failure))
                    if matches!(failure.err(), GetRecordsError::ExpiredIteratorException(_)) =>
                {
                    iterator = self.iterator(&self.position, last.as_deref()).await?;
                    continue;
                }
                Err(error) => return Err(CallError::new("GetRecords", &error)),
            };
            throttled = 0;
            let empty = page.records.is_empty();
            let behind = page.millis_behind_latest.unwrap_or(0);
            if let Some(record) = page.records.last() {
                last = Some(record.sequence_number.clone());
                let event = Event::Page {
                    shard: self.shard.clone(),
                    records: page.records,
                };
                if self.events.send(event).await.is_err() {
                    // The session is over.
                    return Ok(End::CaughtUp);
                }
            }
            let Some(next) = page.next_shard_iterator else {
                return Ok(End::Closed);
            };
            iterator = next;
            if empty && behind == 0 {
                if !self.follow {
                    return Ok(End::CaughtUp);
                }
                sleep(IDLE_WAIT).await;
            } else {
                tokio::time::sleep_until(started + MIN_INTERVAL).await;
            }
        }
    }

    /// A shard iterator at `position`, or just after sequence number `after`.
    async fn iterator(
        &self,
        position: &Position,
        after: Option<&str>,
    ) -> Result<String, CallError> {
        let mut request = self
            .client
            .get_shard_iterator()
            .stream_name(&self.stream)
            .shard_id(&self.shard);
        request = match (after, position) {
            (Some(sequence), _) => request
                .shard_iterator_type(ShardIteratorType::AfterSequenceNumber)
                .starting_sequence_number(sequence),
            (None, Position::TrimHorizon) => {
                request.shard_iterator_type(ShardIteratorType::TrimHorizon)
            }
            (None, Position::Latest) => request.shard_iterator_type(ShardIteratorType::Latest),
            (None, Position::At(time)) => request
                .shard_iterator_type(ShardIteratorType::AtTimestamp)
                .timestamp(*time),
        };
        let answer = request
            .send()
            .await
            .map_err(|error| CallError::new("GetShardIterator", &error))?;
        answer.shard_iterator.ok_or_else(|| CallError {
            operation: "GetShardIterator",
            unreachable: false,
            message: format!("no shard iterator for {} in the answer", self.shard),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_a_cap() {
        assert_eq!(backoff(1), FIRST_BACKOFF);
        assert_eq!(backoff(2), FIRST_BACKOFF * 2);
        assert_eq!(backoff(3), FIRST_BACKOFF * 4);
        assert_eq!(backoff(7), MAX_BACKOFF);
        assert_eq!(backoff(u32::MAX), MAX_BACKOFF);
        assert_eq!(backoff(0), FIRST_BACKOFF);
    }

    #[test]
    fn pacing_stays_within_the_service_limits() {
        assert!(
            MIN_INTERVAL >= Duration::from_millis(200),
            "5 calls a second"
        );
        assert!(IDLE_WAIT >= Duration::from_secs(1));
    }
}
