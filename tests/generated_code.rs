//! The generated code is reviewed like code: a snapshot of it is kept in
//! `tests/snapshots/`, and a change to the document shows up in it.
//!
//! After an intended change, refresh the snapshot with
//! `UPDATE_SNAPSHOTS=1 cargo test --test generated_code` and review the diff.

use std::path::Path;

use asyncapi_codegen::{Builder, Document};
use serde_json::{json, Value};

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/spec/kinesis-data-streams.asyncapi.yaml"
);
const SNAPSHOT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/snapshots/kinesis_data_streams.rs"
);

#[test]
fn generated_code_matches_the_snapshot() {
    let generated = Builder::new(SPEC)
        .schemars_feature(Some("schemars"))
        .generate()
        .expect("the bundled document generates");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(SNAPSHOT, &generated).expect("snapshot written");
        return;
    }
    let snapshot = std::fs::read_to_string(SNAPSHOT).unwrap_or_default();
    if snapshot != generated {
        let first = snapshot
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(snapshot.lines().count().min(generated.lines().count()));
        panic!(
            "generated code differs from {SNAPSHOT} at line {}:\n  snapshot:  {:?}\n  generated: {:?}\n\
             rerun with UPDATE_SNAPSHOTS=1 and review the diff",
            first + 1,
            snapshot.lines().nth(first).unwrap_or("<end>"),
            generated.lines().nth(first).unwrap_or("<end>")
        );
    }
}

#[test]
fn generation_is_deterministic() {
    let a = Builder::new(SPEC)
        .schemars_feature(Some("schemars"))
        .generate()
        .unwrap();
    let b = Builder::new(SPEC)
        .schemars_feature(Some("schemars"))
        .generate()
        .unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_changed_document_changes_the_code() {
    let text = std::fs::read_to_string(SPEC).unwrap();
    let mut doc: Value = serde_yaml::from_str(&text).unwrap();
    let record = doc
        .pointer_mut("/components/schemas/KinesisRecord")
        .unwrap();
    record["properties"]["ExplicitHashKey"] = json!({
        "type": "string",
        "pattern": "0|([1-9]\\d{0,38})",
        "description": "The hash value used to explicitly determine the shard."
    });
    record["properties"]["PartitionKey"]["maxLength"] = json!(512);
    let changed = Document {
        file: Path::new("changed.yaml").to_path_buf(),
        root: doc,
    };
    let before = Builder::new(SPEC)
        .schemars_feature(Some("schemars"))
        .generate()
        .unwrap();
    let after = Builder::new(SPEC)
        .schemars_feature(Some("schemars"))
        .generate_from(&changed)
        .unwrap();
    assert!(!before.contains("pub explicit_hash_key"));
    assert!(
        after.contains("#[serde(\n        rename = \"ExplicitHashKey\","),
        "{after}"
    );
    assert!(after.contains("pub explicit_hash_key: Option<String>,"));
    assert!(after.contains("pattern = \"0|([1-9]\\\\d{0,38})\""));
    assert!(before.contains("#[validate(min_length = 1, max_length = 256)]\n    #[cfg_attr(\n        feature = \"schemars\",\n        schemars(extend(\"minLength\" = 1, \"maxLength\" = 256))\n    )]\n    pub partition_key: String,"));
    assert!(after.contains("#[validate(min_length = 1, max_length = 512)]"));
    // Everything else is untouched: the Lambda types are identical.
    let lambda = |code: &str| {
        let start = code.find("pub struct LambdaKinesisEvent ").unwrap();
        let end = start + code[start..].find("pub enum MessageName").unwrap();
        code[start..end].to_string()
    };
    assert_eq!(lambda(&before), lambda(&after));
}
