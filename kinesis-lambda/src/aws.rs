//! Conversions between the Kinesis document's Lambda event types and those of the
//! `aws_lambda_events` crate (feature `aws-lambda-events`).
//!
//! Into the document's types, every conversion validates: what comes out is a
//! `LambdaKinesisEvent` as [`kinesis_types::from_slice`] would accept it, or the same
//! errors with the same pointers. Out of them, nothing can fail to validate, but
//! `aws_lambda_events` cannot hold everything the document allows ([`ToAwsError`]).
//!
//! What differs between the two:
//! - `approximateArrivalTimestamp`: a `DateTime<Utc>` of millisecond precision there,
//!   which its serializer writes as a *string* (`"1545084650.987"`);
//!   [`event_from_aws_json`] accepts that string, and only that function does: the
//!   document's own validation ([`kinesis_types::from_slice`]) still wants a number.
//!   `aws_lambda_events` requires the timestamp, the document does not.
//! - Optional strings there that the document requires (`eventID`, `awsRegion`,
//!   `kinesisSchemaVersion`, ...): `None` is reported as a missing property.
//! - `encryptionType`: always present there (default `NONE`), a property the document
//!   does not list; `KMS` is kept, `NONE` is left out (it cannot be told from absent).
//! - Other properties the document does not list are kept by the document's types
//!   but dropped when converting to `aws_lambda_events` (unless its
//!   `catch-all-fields` feature is on, which this crate does not use).

use std::fmt;

use aws_lambda_events::encodings::{Base64Data as AwsData, SecondTimestamp};
use aws_lambda_events::event::kinesis::{
    KinesisEncryptionType, KinesisEvent, KinesisEventRecord, KinesisRecord as AwsRecord,
};
use kinesis_types::{Error, LambdaKinesisEvent, LambdaKinesisEventRecord, Map, Number, Value};

/// Why a document value cannot become an `aws_lambda_events` value.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ToAwsError {
    /// `aws_lambda_events` requires the arrival timestamp; the record has none.
    NoTimestamp {
        /// Where it is missing (`/Records/0/kinesis/approximateArrivalTimestamp`).
        pointer: String,
    },
    /// The timestamp is outside what `DateTime<Utc>` holds.
    TimestampOutOfRange {
        /// Where it is.
        pointer: String,
        /// The number, as written.
        value: String,
    },
    /// The data is not base64 (only a value built in Rust can have that).
    NotBase64 {
        /// Where it is.
        pointer: String,
        /// What is wrong with it.
        error: kinesis_types::Base64Error,
    },
}

impl fmt::Display for ToAwsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ToAwsError::NoTimestamp { pointer } => write!(
                f,
                "{pointer}: missing, and aws_lambda_events requires an arrival timestamp"
            ),
            ToAwsError::TimestampOutOfRange { pointer, value } => {
                write!(
                    f,
                    "{pointer}: {value} is out of the range of a DateTime<Utc>"
                )
            }
            ToAwsError::NotBase64 { pointer, error } => {
                write!(f, "{pointer}: data is not valid base64: {error}")
            }
        }
    }
}

impl std::error::Error for ToAwsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ToAwsError::NotBase64 { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// An `aws_lambda_events` Kinesis event as the document's `LambdaKinesisEvent`,
/// validated.
pub fn event_from_aws(event: &KinesisEvent) -> Result<LambdaKinesisEvent, Error> {
    let mut root = Map::new();
    let records = event.records.iter().map(record_json).collect::<Vec<_>>();
    root.insert("Records", Value::from(records));
    parse_value(&Value::from(root))
}

/// An `aws_lambda_events` Kinesis event record as the document's
/// `LambdaKinesisEventRecord`, validated (pointers from the record).
pub fn record_from_aws(record: &KinesisEventRecord) -> Result<LambdaKinesisEventRecord, Error> {
    parse_value(&record_json(record))
}

/// JSON as `aws_lambda_events` writes a Kinesis event (`serde_json::to_vec(&event)`)
/// read as the document's `LambdaKinesisEvent`, validated. Its two departures from
/// the document are undone first, and only here: an `approximateArrivalTimestamp`
/// string of its form (`"1545084650.987"`, `"1545084650"`) becomes that number, and
/// `null` for an absent optional string is read as absent.
pub fn event_from_aws_json(bytes: &[u8]) -> Result<LambdaKinesisEvent, Error> {
    let mut root = kinesis_types::parse_json(bytes)?;
    if let Some(Value::Array(records)) = root.as_object_mut().and_then(|m| m.get_mut("Records")) {
        for record in records.iter_mut() {
            let Some(record) = record.as_object_mut() else {
                continue;
            };
            drop_nulls(
                record,
                &[
                    "awsRegion",
                    "eventID",
                    "eventName",
                    "eventSource",
                    "eventSourceARN",
                    "eventVersion",
                    "invokeIdentityArn",
                ],
            );
            let Some(Value::Object(kinesis)) = record.get_mut("kinesis") else {
                continue;
            };
            drop_nulls(kinesis, &["kinesisSchemaVersion"]);
            if let Some(stamp) = kinesis.get_mut("approximateArrivalTimestamp") {
                if let Some(number) = stamp.as_str().and_then(aws_seconds) {
                    *stamp = Value::from(number);
                }
            }
        }
    }
    parse_value(&root)
}

/// The document's `LambdaKinesisEvent` as an `aws_lambda_events` Kinesis event.
pub fn event_to_aws(event: &LambdaKinesisEvent) -> Result<KinesisEvent, ToAwsError> {
    let mut out = KinesisEvent::default();
    for (index, record) in event.records.iter().enumerate() {
        out.records
            .push(record_to_aws(record).map_err(|e| e.within(&format!("/Records/{index}")))?);
    }
    Ok(out)
}

/// The document's `LambdaKinesisEventRecord` as an `aws_lambda_events` record
/// (pointers in errors from the record).
pub fn record_to_aws(record: &LambdaKinesisEventRecord) -> Result<KinesisEventRecord, ToAwsError> {
    let kinesis = &record.kinesis;
    let stamp_at = "/kinesis/approximateArrivalTimestamp".to_string();
    let stamp = kinesis
        .approximate_arrival_timestamp
        .as_ref()
        .ok_or_else(|| ToAwsError::NoTimestamp {
            pointer: stamp_at.clone(),
        })?;
    // Lambda's timestamps have millisecond precision, as DateTime<Utc> here does.
    let millis = (stamp.as_f64() * 1000.0).round();
    let time = (millis.is_finite() && millis.abs() < i64::MAX as f64)
        .then(|| chrono::DateTime::from_timestamp_millis(millis as i64))
        .flatten()
        .ok_or_else(|| ToAwsError::TimestampOutOfRange {
            pointer: stamp_at,
            value: stamp.to_string(),
        })?;
    let data = kinesis
        .data
        .decode()
        .map_err(|error| ToAwsError::NotBase64 {
            pointer: "/kinesis/data".to_string(),
            error,
        })?;

    let mut aws = AwsRecord::default();
    aws.approximate_arrival_timestamp = SecondTimestamp(time);
    let mut aws_data = AwsData::default();
    *aws_data = data;
    aws.data = aws_data;
    aws.encryption_type = match kinesis.additional_properties.get("encryptionType") {
        Some(value) if value.as_str() == Some("KMS") => KinesisEncryptionType::Kms,
        _ => KinesisEncryptionType::None,
    };
    aws.partition_key = kinesis.partition_key.clone();
    aws.sequence_number = kinesis.sequence_number.clone();
    aws.kinesis_schema_version = Some(kinesis.kinesis_schema_version.clone());

    let mut out = KinesisEventRecord::default();
    out.kinesis = aws;
    out.aws_region = Some(record.aws_region.clone());
    out.event_id = Some(record.event_id.clone());
    out.event_name = Some(record.event_name.as_str().to_string());
    out.event_source = Some(record.event_source.as_str().to_string());
    out.event_source_arn = Some(record.event_source_arn.clone());
    out.event_version = Some(record.event_version.clone());
    out.invoke_identity_arn = Some(record.invoke_identity_arn.clone());
    Ok(out)
}

impl ToAwsError {
    /// The same error with its pointer prefixed by `prefix`.
    fn within(mut self, prefix: &str) -> Self {
        match &mut self {
            ToAwsError::NoTimestamp { pointer }
            | ToAwsError::TimestampOutOfRange { pointer, .. }
            | ToAwsError::NotBase64 { pointer, .. } => pointer.insert_str(0, prefix),
        }
        self
    }
}

/// Reads the runtime's exact JSON value as `T` through its text, so that the
/// checks and errors are those of [`kinesis_types::from_slice`].
fn parse_value<T: kinesis_types::ValidateJson>(value: &Value) -> Result<T, Error> {
    let bytes = kinesis_types::to_vec(value).map_err(|e| Error::Syntax {
        line: 0,
        column: 0,
        message: e.to_string(),
    })?;
    kinesis_types::from_slice(&bytes)
}

/// An `aws_lambda_events` record as the JSON the document describes: `None` left out.
fn record_json(record: &KinesisEventRecord) -> Value {
    let aws = &record.kinesis;
    let mut kinesis = Map::new();
    if let Some(version) = &aws.kinesis_schema_version {
        kinesis.insert("kinesisSchemaVersion", Value::from(version.as_str()));
    }
    kinesis.insert("partitionKey", Value::from(aws.partition_key.as_str()));
    kinesis.insert("sequenceNumber", Value::from(aws.sequence_number.as_str()));
    kinesis.insert(
        "data",
        Value::from(kinesis_types::Base64Data::encode(&aws.data).into_string()),
    );
    kinesis.insert(
        "approximateArrivalTimestamp",
        Value::from(seconds_of(
            aws.approximate_arrival_timestamp.timestamp_millis(),
        )),
    );
    if aws.encryption_type == KinesisEncryptionType::Kms {
        kinesis.insert("encryptionType", Value::from("KMS"));
    }

    let mut out = Map::new();
    out.insert("kinesis", Value::from(kinesis));
    let fields = [
        ("eventSource", &record.event_source),
        ("eventVersion", &record.event_version),
        ("eventID", &record.event_id),
        ("eventName", &record.event_name),
        ("invokeIdentityArn", &record.invoke_identity_arn),
        ("awsRegion", &record.aws_region),
        ("eventSourceARN", &record.event_source_arn),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            out.insert(name, Value::from(value.as_str()));
        }
    }
    Value::from(out)
}

/// Milliseconds since the epoch as the decimal number of seconds Lambda writes
/// (`1545084650.987`), exactly: no binary floating point on the way.
fn seconds_of(millis: i64) -> Number {
    let sign = if millis < 0 { "-" } else { "" };
    let (whole, fraction) = (millis.unsigned_abs() / 1000, millis.unsigned_abs() % 1000);
    let text = if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:03}")
    };
    Number::from_json(&text).expect("digits with an optional fraction are a JSON number")
}

/// The number an `aws_lambda_events` timestamp string stands for: what its
/// serializer writes (`-`? digits, then `.` and one to three digits, or nothing).
/// Other strings are left alone, for the document's validation to refuse.
fn aws_seconds(text: &str) -> Option<Number> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    // Leading zeros are not JSON, nor what the serializer writes ("0" alone is).
    let canonical_whole = whole == "0" || !whole.starts_with('0');
    if !(digits(whole, 20) && canonical_whole && digits(fraction, 3)) {
        return None;
    }
    Number::from_json(text).ok()
}

/// Removes the listed properties whose value is `null`.
fn drop_nulls(map: &mut Map, names: &[&str]) {
    for name in names {
        if map.get(name).is_some_and(Value::is_null) {
            map.remove(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_written_exactly() {
        assert_eq!(seconds_of(1_545_084_650_987).to_string(), "1545084650.987");
        assert_eq!(seconds_of(1_545_084_650_050).to_string(), "1545084650.050");
        assert_eq!(seconds_of(1_545_084_650_000).to_string(), "1545084650");
        assert_eq!(seconds_of(-1_250).to_string(), "-1.250");
    }

    #[test]
    fn only_the_serializers_form_is_a_timestamp() {
        assert_eq!(
            aws_seconds("1545084650.987").unwrap().to_string(),
            "1545084650.987"
        );
        assert_eq!(aws_seconds("1545084650").unwrap().to_string(), "1545084650");
        for text in [
            "", "1.", ".5", "1.2345", "01", "1e3", " 1", "0x10", "1.5 ", "NaN",
        ] {
            assert_eq!(aws_seconds(text), None, "{text:?}");
        }
    }
}
