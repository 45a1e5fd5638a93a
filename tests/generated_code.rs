//! The generated code is reviewed like code: a golden copy of it is kept in
//! `tests/snapshots/`, and a change to the document or the generator shows up in it.
//!
//! After an intended change, refresh it with
//! `EXPECTORATE=overwrite cargo test --test generated_code` and review the diff.

use std::collections::HashMap;
use std::path::Path;

use asyncapi_codegen::{Builder, Document};
use kinesis_types::{Map, Value};

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/spec/kinesis-data-streams.asyncapi.yaml"
);

fn builder() -> Builder {
    // As build.rs generates it.
    Builder::new(SPEC).borrowed(true)
}

#[test]
fn generated_code_matches_the_golden_copy() {
    let generated = builder()
        .generate()
        .expect("the bundled document generates");
    expectorate::assert_contents("tests/snapshots/kinesis_data_streams.rs", &generated);
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(builder().generate().unwrap(), builder().generate().unwrap());
}

#[test]
fn the_bundled_document_has_no_warnings() {
    let checked = builder().model().unwrap();
    assert!(checked.warnings.is_empty(), "{:#?}", checked.warnings);
}

fn set(value: &mut Value, pointer: &str, new: Value) {
    *value.pointer_mut(pointer).expect("the pointer exists") = new;
}

#[test]
fn a_changed_document_changes_the_code() {
    let doc = Document::load(Path::new(SPEC)).unwrap();
    let mut root = doc.root.clone();
    let mut hash_key = Map::new();
    hash_key.insert("type", Value::from("string"));
    hash_key.insert("pattern", Value::from("0|([1-9]\\d{0,38})"));
    hash_key.insert(
        "description",
        Value::from("The hash value used to explicitly determine the shard."),
    );
    root.pointer_mut("/components/schemas/KinesisRecord/properties")
        .and_then(Value::as_object_mut)
        .unwrap()
        .insert("ExplicitHashKey", Value::Object(hash_key));
    set(
        &mut root,
        "/components/schemas/KinesisRecord/properties/PartitionKey/maxLength",
        Value::from(512),
    );
    let changed = Document {
        file: Path::new("changed.yaml").to_path_buf(),
        root,
        positions: HashMap::new(),
    };
    let before = builder().generate().unwrap();
    let after = builder().generate_from(&changed).unwrap();
    assert!(!before.contains("pub explicit_hash_key"));
    assert!(
        after.contains(
            "#[serde(rename = \"ExplicitHashKey\", skip_serializing_if = \"Option::is_none\")]"
        ),
        "{after}"
    );
    assert!(after.contains("pub explicit_hash_key: Option<String>,"));
    assert!(after.contains("pattern = \"0|([1-9]\\\\d{0,38})\""));
    assert!(before
        .contains("#[validate(min_length = 1, max_length = 256)]\n    pub partition_key: String,"));
    assert!(after.contains("#[validate(min_length = 1, max_length = 512)]"));
    // Everything else is untouched: the Lambda types are identical.
    let lambda = |code: &str| {
        let start = code.find("pub struct LambdaKinesisEvent ").unwrap();
        let end = start + code[start..].find("pub enum MessageName").unwrap();
        code[start..end].to_string()
    };
    assert_eq!(lambda(&before), lambda(&after));
}
