//! One record read from a stream: written as the GetRecords wire format has it, checked
//! as `KinesisRecord` with the generated types (the verdict `kinesis validate -m
//! KinesisRecord` gives on the same JSON), and its data checked with a [`DataCheck`].

use kinesis_types::{Base64Data, KinesisRecord, MessageName};
use serde_json::Value;

use super::data::{DataCheck, DataVerdict};
use crate::catalog::Catalog;
use crate::verdict::Verdict;

/// The fields of a record as a GetRecords response carries them, the data decoded.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    /// `SequenceNumber`.
    pub sequence: &'a str,
    /// `ApproximateArrivalTimestamp`: whole seconds since the epoch and nanoseconds.
    pub arrival: Option<(i64, u32)>,
    /// `Data`, decoded.
    pub data: &'a [u8],
    /// `PartitionKey`.
    pub partition_key: &'a str,
    /// `EncryptionType`, as the server named it.
    pub encryption: Option<&'a str>,
}

impl Fields<'_> {
    /// The record as GetRecords writes it: `SequenceNumber`, `ApproximateArrivalTimestamp`
    /// (epoch seconds, a number), `Data` (base64), `PartitionKey`, `EncryptionType`, the
    /// absent ones left out.
    pub fn wire_json(&self) -> Vec<u8> {
        let mut record = serde_json::Map::new();
        record.insert("SequenceNumber".into(), self.sequence.into());
        if let Some(arrival) = self.arrival.and_then(|(s, n)| epoch_seconds(s, n)) {
            record.insert("ApproximateArrivalTimestamp".into(), arrival);
        }
        record.insert(
            "Data".into(),
            Base64Data::encode(self.data).into_string().into(),
        );
        record.insert("PartitionKey".into(), self.partition_key.into());
        if let Some(encryption) = self.encryption {
            record.insert("EncryptionType".into(), encryption.into());
        }
        // A map of strings and a finite number always serializes.
        serde_json::to_vec(&Value::Object(record)).unwrap_or_default()
    }
}

/// Epoch seconds as the number the wire had. The SDK reads the wire's number as a double
/// and keeps whole seconds and nanoseconds (truncated); the double nearest to their sum
/// is the wire's double again (a double near today's epoch has a 238 ns step, and the
/// truncation loses less than 1 ns), and serde_json writes the shortest decimal that
/// reads back to it: `1545084650.987` comes back as `1545084650.987`.
fn epoch_seconds(seconds: i64, nanos: u32) -> Option<Value> {
    let value = seconds as f64 + f64::from(nanos) / 1e9;
    serde_json::Number::from_f64(value).map(Value::Number)
}

/// What checking one record concluded.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The record as `KinesisRecord`.
    pub record: Verdict,
    /// Its data, with `--data-spec`.
    pub data: Option<DataVerdict>,
}

impl Checked {
    /// Whether the record, and its data when checked, are valid.
    pub fn is_valid(&self) -> bool {
        self.record.is_valid() && self.data.as_ref().is_none_or(DataVerdict::is_valid)
    }
}

/// Checks `json`, one record in the GetRecords wire format, as `KinesisRecord`, and its
/// data with `data_check` when there is one.
pub fn check(json: &[u8], data_check: Option<&dyn DataCheck>) -> Checked {
    let parsed = kinesis_types::from_slice::<KinesisRecord>(json);
    let data = data_check.map(|data_check| {
        let bytes = match &parsed {
            Ok(record) => record.data.decode().map_err(|error| error.to_string()),
            // The record is not valid, but its data may still be there to check.
            Err(_) => data_of(json),
        };
        match bytes {
            Ok(bytes) => data_check.check(&bytes),
            Err(message) => DataVerdict::NotBase64 { message },
        }
    });
    let record = match parsed {
        Ok(_) => Verdict::Valid {
            message: Catalog::generated(MessageName::KinesisRecord),
            matches: None,
        },
        Err(kinesis_types::Error::Syntax {
            line,
            column,
            message,
        }) => Verdict::Syntax {
            line: line as u64,
            column,
            message,
        },
        Err(error) => Verdict::Invalid {
            message: Catalog::generated(MessageName::KinesisRecord),
            violations: error.violations(),
        },
    };
    Checked { record, data }
}

/// The decoded `Data` of a record that is not a valid `KinesisRecord`.
fn data_of(json: &[u8]) -> Result<Vec<u8>, String> {
    let value: Value = serde_json::from_slice(json).map_err(|error| error.to_string())?;
    match value.get("Data") {
        Some(Value::String(text)) => Base64Data::from_text(text.as_str())
            .decode()
            .map_err(|error| error.to_string()),
        Some(_) => Err("it is not a string".into()),
        None => Err("the record has no Data".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::data::DataViolation;
    use super::*;

    const SEQUENCE: &str = "49590338271490256608559692538361571095921575989136588898";

    fn fields(data: &[u8]) -> Fields<'_> {
        Fields {
            sequence: SEQUENCE,
            arrival: Some((1_545_084_650, 987_000_000)),
            data,
            partition_key: "café-東京-🚀",
            encryption: Some("KMS"),
        }
    }

    /// Valid when the data is `{`-prefixed, else not JSON.
    struct Braces;
    impl DataCheck for Braces {
        fn label(&self) -> &str {
            "Braces"
        }
        fn check(&self, data: &[u8]) -> DataVerdict {
            if data.starts_with(b"{") {
                DataVerdict::Valid
            } else {
                DataVerdict::NotJson {
                    line: 1,
                    column: 1,
                    message: "expected value".into(),
                }
            }
        }
    }

    #[test]
    fn the_wire_json_is_what_get_records_writes() {
        let json = fields(b"Hello").wire_json();
        let value: Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "SequenceNumber": SEQUENCE,
                "ApproximateArrivalTimestamp": 1545084650.987,
                "Data": "SGVsbG8=",
                "PartitionKey": "café-東京-🚀",
                "EncryptionType": "KMS"
            })
        );
        assert!(String::from_utf8(json)
            .unwrap()
            .contains("\"ApproximateArrivalTimestamp\":1545084650.987,"));
    }

    #[test]
    fn timestamps_come_back_as_the_wire_had_them() {
        // As the SDK reads a wire number: a double, then seconds and truncated nanos.
        for wire in ["1545084650.987", "1796622767.221", "1700000000.001", "1.5"] {
            let double: f64 = wire.parse().unwrap();
            let seconds = double.floor();
            let nanos = ((double - seconds) * 1e9) as u32;
            let value = epoch_seconds(seconds as i64, nanos).unwrap();
            assert_eq!(value.to_string(), wire);
        }
    }

    #[test]
    fn absent_fields_are_left_out() {
        let mut fields = fields(b"");
        fields.arrival = None;
        fields.encryption = None;
        let value: Value = serde_json::from_slice(&fields.wire_json()).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"SequenceNumber": SEQUENCE, "Data": "", "PartitionKey": "café-東京-🚀"})
        );
    }

    #[test]
    fn records_are_checked_as_kinesis_record_and_their_data_apart() {
        let checked = check(&fields(b"{}").wire_json(), Some(&Braces));
        assert!(checked.is_valid(), "{checked:?}");
        assert_eq!(checked.data, Some(DataVerdict::Valid));

        // 1,048,579 bytes are 1,398,108 base64 characters: over the document's
        // maxLength 1398104 (1 MiB of data).
        let big = vec![b'{'; 1_048_579];
        let checked = check(&fields(&big).wire_json(), Some(&Braces));
        let Verdict::Invalid { violations, .. } = &checked.record else {
            panic!("{checked:?}")
        };
        assert_eq!(violations.len(), 1);
        assert_eq!(violations[0].pointer, "/Data");
        assert_eq!(violations[0].keyword.as_str(), "maxLength");
        // The data is still checked.
        assert_eq!(checked.data, Some(DataVerdict::Valid));
        assert!(!checked.is_valid());
        let at_limit = vec![b'{'; 1 << 20];
        assert!(check(&fields(&at_limit).wire_json(), None).is_valid());
    }

    #[test]
    fn data_is_checked_even_when_the_record_is_not_valid() {
        let json = br#"{"SequenceNumber":"x","Data":"eA==","PartitionKey":""}"#;
        let checked = check(json, Some(&Braces));
        assert!(!checked.record.is_valid());
        assert!(matches!(checked.data, Some(DataVerdict::NotJson { .. })));

        let json = br#"{"SequenceNumber":"1","Data":"e!==","PartitionKey":"k"}"#;
        let checked = check(json, Some(&Braces));
        let Some(DataVerdict::NotBase64 { message }) = &checked.data else {
            panic!("{checked:?}")
        };
        assert!(!message.is_empty());
        let violations = checked.data.as_ref().unwrap().violations();
        assert_eq!(
            violations,
            vec![DataViolation {
                pointer: String::new(),
                keyword: "format".into(),
                message: format!("/Data is not valid base64: {message}"),
            }]
        );
        // Without a data check, nothing is said about the data.
        assert_eq!(check(json, None).data, None);
    }

    #[test]
    fn records_that_are_not_json_are_syntax_verdicts() {
        let checked = check(b"{\"SequenceNumber\":", None);
        assert!(matches!(checked.record, Verdict::Syntax { line: 1, .. }));
    }
}
