//! What `kinesis tail` reports: one [`RecordReport`] per record (JSON with `--json`, else
//! lines for people about the invalid ones), the [`Tally`] of a run and its summary.

use std::fmt;
use std::io::Write as _;

use serde::{Serialize, Serializer};

use super::data::{DataVerdict, DataViolation};
use super::record::Checked;
use crate::output::{Count, Errors, ViolationReport};
use crate::verdict::Verdict;

/// One record's report. As JSON, one object:
/// `{"shard":...,"sequence":...,"valid":...,"errors":[...],"data":{"valid":...,"errors":[...]}}`
/// where `valid` and `errors` are about the record as `KinesisRecord` (`errors` only
/// when it is not valid) and `data` about its data, with `--data-spec` only.
///
/// For people ([`fmt::Display`]), nothing for a valid record, else:
///
/// ```text
/// shardId-000000000001 4959...: invalid KinesisRecord: 1 violation
///   /Data: 1398108 characters, more than maxLength 1398104
/// shardId-000000000001 4959...: invalid data, not OrderPlaced of orders.yaml: 1 violation
///   /amount: -1 is less than the minimum of 0
/// shardId-000000000002 4959...: invalid data: /Data decoded is not valid JSON at line 1 column 1: expected value
/// ```
#[derive(Debug, Serialize)]
pub struct RecordReport<'a> {
    /// The shard it was read from.
    pub shard: &'a str,
    /// Its sequence number.
    pub sequence: &'a str,
    /// Whether it is a valid `KinesisRecord`.
    pub valid: bool,
    /// Why it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Errors<'a>>,
    /// Its data, with `--data-spec`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<DataReport>,
    /// What the data was checked as (`OrderPlaced of orders.yaml`), for people.
    #[serde(skip)]
    pub data_label: &'a str,
    /// The verdicts the fields above come from.
    #[serde(skip)]
    pub checked: &'a Checked,
}

impl<'a> RecordReport<'a> {
    /// The report on `checked`, record `sequence` of `shard`; `data_label` names what
    /// the data was checked as.
    pub fn new(
        shard: &'a str,
        sequence: &'a str,
        checked: &'a Checked,
        data_label: &'a str,
    ) -> RecordReport<'a> {
        let valid = checked.record.is_valid();
        RecordReport {
            shard,
            sequence,
            valid,
            errors: (!valid).then_some(Errors(&checked.record)),
            data: checked.data.as_ref().map(|verdict| DataReport {
                valid: verdict.is_valid(),
                errors: (!verdict.is_valid()).then(|| verdict.violations()),
            }),
            data_label,
            checked,
        }
    }

    /// Appends the report as one line of JSON to `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let start = out.len();
        // Strings, booleans and lists of them: this cannot fail; if it did, the line is
        // left out rather than written half.
        if serde_json::to_writer(&mut *out, self).is_err() {
            out.truncate(start);
            return;
        }
        out.push(b'\n');
    }

    /// Appends the report for people to `out` (nothing for a valid record).
    pub fn write_human(&self, out: &mut Vec<u8>) {
        // Writing to a Vec cannot fail.
        let _ = write!(out, "{self}");
    }
}

impl fmt::Display for RecordReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = format!("{} {}", self.shard, self.sequence);
        match &self.checked.record {
            Verdict::Valid { .. } | Verdict::NoMatch { .. } => {}
            Verdict::Syntax { message, .. } => writeln!(f, "{at}: not valid JSON: {message}")?,
            Verdict::Invalid {
                message,
                violations,
            } => crate::output::invalid_lines(f, &at, message, violations)?,
        }
        match &self.checked.data {
            None | Some(DataVerdict::Valid) => Ok(()),
            Some(verdict @ (DataVerdict::NotBase64 { .. } | DataVerdict::NotJson { .. })) => {
                let violations = verdict.violations();
                let message = violations.first().map_or("", |v| v.message.as_str());
                writeln!(f, "{at}: invalid data: {message}")
            }
            Some(DataVerdict::Invalid { violations }) => {
                writeln!(
                    f,
                    "{at}: invalid data, not {}: {}",
                    self.data_label,
                    Count(violations.len() as u64, "violation", "violations")
                )?;
                for violation in violations {
                    writeln!(f, "  {violation}")?;
                }
                Ok(())
            }
        }
    }
}

/// `"data"`: `{"valid":...,"errors":[...]}`.
#[derive(Debug, Serialize)]
pub struct DataReport {
    /// Whether the data is a valid payload.
    pub valid: bool,
    /// Why not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<DataViolation>>,
}

impl Serialize for DataViolation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ViolationReport {
            path: &self.pointer,
            keyword: &self.keyword,
            message: &self.message,
        }
        .serialize(serializer)
    }
}

/// Counts of records by verdict.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Records read.
    pub records: u64,
    /// Records that are not valid `KinesisRecord`s, or whose data is not valid.
    pub invalid: u64,
    /// Records that are not valid `KinesisRecord`s.
    pub invalid_records: u64,
    /// Records whose data is not valid.
    pub invalid_data: u64,
    /// Bytes of data read.
    pub bytes: u64,
}

impl Tally {
    /// Counts one more record, with `bytes` of data.
    pub fn add(&mut self, checked: &Checked, bytes: usize) {
        self.records += 1;
        self.bytes += bytes as u64;
        if !checked.is_valid() {
            self.invalid += 1;
        }
        if !checked.record.is_valid() {
            self.invalid_records += 1;
        }
        if checked.data.as_ref().is_some_and(|data| !data.is_valid()) {
            self.invalid_data += 1;
        }
    }
}

/// The closing line: `N records from S shards: V valid, I invalid (A as KinesisRecord,
/// B in their data)`.
pub fn summary(tally: &Tally, shards: usize, data_checked: bool) -> String {
    let mut line = format!(
        "{} from {}: {} valid, {} invalid",
        Count(tally.records, "record", "records"),
        Count(shards as u64, "shard", "shards"),
        tally.records - tally.invalid,
        tally.invalid
    );
    if tally.invalid > 0 {
        line.push_str(&format!(" ({} as KinesisRecord", tally.invalid_records));
        if data_checked {
            line.push_str(&format!(", {} in their data", tally.invalid_data));
        }
        line.push(')');
    }
    line
}

#[cfg(test)]
mod tests {
    use kinesis_types::{Keyword, MessageName, Violation};

    use crate::catalog::Catalog;

    use super::*;

    fn big_record() -> Checked {
        Checked {
            record: Verdict::Invalid {
                message: Catalog::generated(MessageName::KinesisRecord),
                violations: vec![Violation {
                    pointer: "/Data".into(),
                    keyword: Keyword::MaxLength,
                    message: "1398108 characters, more than maxLength 1398104".into(),
                }],
            },
            data: Some(DataVerdict::Invalid {
                violations: vec![DataViolation {
                    pointer: "/amount".into(),
                    keyword: "minimum".into(),
                    message: "-1 is less than the minimum of 0".into(),
                }],
            }),
        }
    }

    #[test]
    fn json_has_the_record_and_its_data() {
        let checked = big_record();
        let mut out = Vec::new();
        RecordReport::new(
            "shardId-000000000001",
            "49",
            &checked,
            "OrderPlaced of o.yaml",
        )
        .write_json(&mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"shard\":\"shardId-000000000001\",\"sequence\":\"49\",\"valid\":false,\
             \"errors\":[{\"path\":\"/Data\",\"keyword\":\"maxLength\",\"message\":\
             \"1398108 characters, more than maxLength 1398104\"}],\"data\":{\"valid\":false,\
             \"errors\":[{\"path\":\"/amount\",\"keyword\":\"minimum\",\"message\":\
             \"-1 is less than the minimum of 0\"}]}}\n"
        );

        let valid = Checked {
            record: Verdict::Valid {
                message: Catalog::generated(MessageName::KinesisRecord),
                matches: None,
            },
            data: None,
        };
        let mut out = Vec::new();
        RecordReport::new("s", "1", &valid, "").write_json(&mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"shard\":\"s\",\"sequence\":\"1\",\"valid\":true}\n"
        );
    }

    #[test]
    fn people_are_told_about_invalid_records_only() {
        let checked = big_record();
        let mut out = Vec::new();
        RecordReport::new(
            "shardId-000000000001",
            "49",
            &checked,
            "OrderPlaced of o.yaml",
        )
        .write_human(&mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "shardId-000000000001 49: invalid KinesisRecord: 1 violation\n  \
             /Data: 1398108 characters, more than maxLength 1398104\n\
             shardId-000000000001 49: invalid data, not OrderPlaced of o.yaml: 1 violation\n  \
             /amount: -1 is less than the minimum of 0\n"
        );

        let not_json = Checked {
            record: Verdict::Valid {
                message: Catalog::generated(MessageName::KinesisRecord),
                matches: None,
            },
            data: Some(DataVerdict::NotJson {
                line: 1,
                column: 1,
                message: "expected value".into(),
            }),
        };
        let mut out = Vec::new();
        RecordReport::new("s", "7", &not_json, "X").write_human(&mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "s 7: invalid data: /Data decoded is not valid JSON at line 1 column 1: \
             expected value\n"
        );
        let valid = Checked {
            data: Some(DataVerdict::Valid),
            ..not_json
        };
        let mut out = Vec::new();
        RecordReport::new("s", "7", &valid, "X").write_human(&mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn the_summary_counts_records_shards_and_why() {
        let mut tally = Tally::default();
        tally.add(&big_record(), 10);
        assert_eq!(
            summary(&tally, 4, true),
            "1 record from 4 shards: 0 valid, 1 invalid (1 as KinesisRecord, 1 in their data)"
        );
        assert_eq!(
            summary(&Tally::default(), 1, false),
            "0 records from 1 shard: 0 valid, 0 invalid"
        );
    }
}
