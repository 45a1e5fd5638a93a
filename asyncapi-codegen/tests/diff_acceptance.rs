//! The project's acceptance test for `diff`: the Kinesis document against itself, and
//! against a copy with `KinesisRecord.PartitionKey.maxLength` lowered from 256 to 128.

use std::path::Path;

use asyncapi_codegen::diff::{self, Kind, Party, Verdict};
use asyncapi_codegen::Document;
use asyncapi_runtime::Value;

const SPEC: &str = "../spec/kinesis-data-streams.asyncapi.yaml";

fn spec() -> Document {
    Document::load(Path::new(SPEC)).expect("the Kinesis document loads")
}

#[test]
fn the_document_against_itself_reports_nothing() {
    let changes = diff::diff(&spec(), &spec()).unwrap();
    assert!(changes.is_empty(), "{changes}");
    assert_eq!(changes.to_string(), "");
}

#[test]
fn a_lower_partition_key_max_length_breaks_producers_only() {
    let old = spec();
    let mut new = spec();
    let at = "/components/schemas/KinesisRecord/properties/PartitionKey/maxLength";
    *new.root.pointer_mut(at).expect("the spec has the bound") = Value::from(128u64);
    let changes = diff::diff(&old, &new).unwrap();
    assert_eq!(changes.changes().len(), 1, "{changes}");
    let change = &changes.changes()[0];
    assert_eq!(change.pointer(), at);
    assert_eq!(change.kind(), Kind::MaxLengthNarrowed);
    assert_eq!(change.verdict(Party::Consumers), Verdict::Compatible);
    assert_eq!(change.verdict(Party::Producers), Verdict::Breaking);
    assert_eq!(change.verdict(Party::Api), Verdict::Compatible);
    // A payload with a partition key of 129 to 256 characters shows it.
    let witness = change.witness(Party::Producers).expect("a witness");
    assert!(witness.is_whole_payload());
    let key = witness
        .value()
        .pointer(witness.instance())
        .and_then(Value::as_str)
        .unwrap();
    assert!((129..=256).contains(&key.chars().count()), "{key:?}");
    assert_eq!(
        change.to_string(),
        format!("#{at}: max-length-narrowed: maxLength 256 -> 128 [consumers: compatible, producers: breaking, api: compatible]")
    );
    assert!(changes.is_breaking_for(Party::Producers));
    assert!(!changes.is_breaking_for(Party::Consumers));
    assert!(!changes.is_breaking_for(Party::Api));
    println!("{changes}");
    println!("{}", change.to_json().to_json_pretty());
}
