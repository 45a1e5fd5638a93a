//! `kinesis diff`: changes between two documents, whom they break, and the exit status
//! CI relies on.

use std::process::Command;

use serde_json::Value;

use super::{dir, kinesis, write};

const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../spec/kinesis-data-streams.asyncapi.yaml"
);

/// The bundled document with the KinesisRecord's `PartitionKey.maxLength` at 128.
fn narrowed() -> String {
    let text = std::fs::read_to_string(BUNDLED).unwrap();
    let at = text.find("KinesisRecord:").unwrap();
    let key = at + text[at..].find("PartitionKey:").unwrap();
    let limit = key + text[key..].find("maxLength: 256").unwrap();
    format!("{}maxLength: 128{}", &text[..limit], &text[limit + 14..])
}

#[test]
fn a_document_against_itself_has_no_changes() {
    let run = kinesis(&["diff", BUNDLED, BUNDLED], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "no changes\nconsumers: compatible\nproducers: compatible\napi: compatible\n"
    );
}

#[test]
fn a_narrowed_partition_key_breaks_producers_only() {
    let dir = dir("diff-narrowed");
    let new = write(&dir, "narrowed.yaml", narrowed());
    let run = kinesis(&["diff", BUNDLED, &new], b"");
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(
            "#/components/schemas/KinesisRecord/properties/PartitionKey/maxLength: \
             max-length-narrowed: maxLength 256 -> 128\n    consumers: compatible, producers: \
             breaking, api: compatible\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("breaks producers, for example this KinesisRecord payload"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("consumers: compatible\nproducers: breaking (1 breaking, 0 unclassified)\napi: compatible\n"),
        "{}",
        run.stdout
    );

    let run = kinesis(&["diff", "--json", BUNDLED, &new], b"");
    assert_eq!(run.code, 1);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{json}");
    assert_eq!(changes[0]["kind"], "max-length-narrowed");
    assert_eq!(changes[0]["consumers"], "compatible");
    assert_eq!(changes[0]["producers"], "breaking");
    assert_eq!(changes[0]["api"], "compatible");
    assert_eq!(json["summary"]["producers"], "breaking");

    // Only the parties asked about decide the exit status.
    for (party, code) in [("consumers", 0), ("api", 0), ("producers", 1), ("all", 1)] {
        let run = kinesis(&["diff", "--for", party, BUNDLED, &new], b"");
        assert_eq!(run.code, code, "--for {party}: {}", run.stderr);
    }
    let run = kinesis(&["diff", "--for", "readers", BUNDLED, &new], b"");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("readers"), "{}", run.stderr);
}

#[test]
fn documents_are_read_from_git_history() {
    let dir = dir("diff-git");
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(&dir)
            .output()
            .expect("git runs");
        assert!(status.status.success(), "git {args:?}: {status:?}");
    };
    git(&["init", "-q"]);
    write(&dir, "doc.yaml", std::fs::read_to_string(BUNDLED).unwrap());
    git(&["add", "doc.yaml"]);
    git(&["commit", "-q", "-m", "v1"]);
    write(&dir, "doc.yaml", narrowed());
    let run = super::kinesis_in(&dir, &["diff", "git:HEAD:doc.yaml", "doc.yaml"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("max-length-narrowed"), "{}", run.stdout);
    let run = super::kinesis_in(&dir, &["diff", "git:HEAD:nope.yaml", "doc.yaml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("git:HEAD:nope.yaml"), "{}", run.stderr);
}

#[test]
fn documents_that_do_not_load_are_usage_errors() {
    let dir = dir("diff-missing");
    let missing = dir.join("missing.yaml");
    let run = kinesis(&["diff", BUNDLED, missing.to_str().unwrap()], b"");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing.yaml"), "{}", run.stderr);
}
