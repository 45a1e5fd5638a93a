//! `--spec DOC`: validate, messages, examples and schema on any AsyncAPI 3.0 document,
//! interpreted rather than generated. The bundled document read back through `--spec`
//! must give, byte for byte, what its generated types give.

use serde_json::Value;

use super::{dir, kinesis, lines, write, ORDERS};

const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../spec/kinesis-data-streams.asyncapi.yaml"
);

/// Payloads of every message, valid and not: the document's examples, and each of
/// them broken in the ways producers break them (a member dropped, a string where a
/// number belongs, a member added, the wrong type at the top).
fn payloads() -> Vec<(String, String)> {
    let run = kinesis(&["examples"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let examples: Value = serde_json::from_str(&run.stdout).unwrap();
    let mut out = Vec::new();
    for example in examples.as_array().unwrap() {
        let message = example["message"].as_str().unwrap().to_string();
        let payload = &example["payload"];
        out.push((message.clone(), payload.to_string()));
        if let Some(object) = payload.as_object() {
            for key in object.keys() {
                let mut dropped = object.clone();
                dropped.remove(key);
                out.push((message.clone(), Value::Object(dropped).to_string()));
                let mut retyped = object.clone();
                let wrong = match &object[key] {
                    Value::String(_) => Value::from(12),
                    _ => Value::from("twelve"),
                };
                retyped.insert(key.clone(), wrong);
                out.push((message.clone(), Value::Object(retyped).to_string()));
            }
            let mut added = object.clone();
            added.insert("NotInTheDocument".into(), Value::Bool(true));
            out.push((message.clone(), Value::Object(added).to_string()));
        }
        out.push((message, "[1, 2]".into()));
    }
    out.push(("KinesisRecord".into(), "{\"Data\": ".into()));
    out
}

#[test]
fn the_bundled_document_interpreted_gives_what_its_generated_types_give() {
    let payloads = payloads();
    assert!(payloads.len() > 100, "{}", payloads.len());
    let mut messages: Vec<&str> = payloads.iter().map(|(m, _)| m.as_str()).collect();
    messages.sort_unstable();
    messages.dedup();
    let mut compared = 0;
    let mut invalid = 0;
    for message in messages {
        let stream: String = payloads
            .iter()
            .filter(|(m, _)| m == message)
            .map(|(_, p)| format!("{p}\n"))
            .collect();
        for named in [true, false] {
            let mut args = vec!["validate", "--ndjson", "--json"];
            if named {
                args.extend(["--message", message]);
            }
            let generated = kinesis(&args, stream.as_bytes());
            args.extend(["--spec", BUNDLED]);
            let interpreted = kinesis(&args, stream.as_bytes());
            assert_eq!(generated.stderr, "", "{message}");
            assert_eq!(interpreted.stderr, "", "{message}");
            assert_eq!(generated.code, interpreted.code, "{message}");
            for (g, i) in lines(&generated.stdout)
                .iter()
                .zip(lines(&interpreted.stdout))
            {
                assert_eq!(*g, i, "{message} (named: {named})");
                compared += 1;
                invalid += usize::from(g["valid"] == false);
            }
            assert_eq!(generated.stdout, interpreted.stdout, "{message}");
        }
    }
    assert_eq!(compared, 2 * payloads.len());
    // Both sides of the comparison are exercised.
    assert!(
        invalid > compared / 2 && invalid < compared,
        "{invalid} of {compared}"
    );
}

#[test]
fn validate_checks_payloads_of_another_document() {
    let dir = dir("spec-validate");
    let spec = write(&dir, "orders.yaml", ORDERS);
    let good = r#"{"id": "ord-1", "size": 12345678901234567890123}"#;
    let run = kinesis(
        &[
            "validate",
            "--spec",
            &spec,
            "-m",
            "OrderPlaced",
            "--json",
            "--emit",
        ],
        good.as_bytes(),
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // Written back with every digit.
    assert!(
        run.stdout
            .contains(r#""value":{"id":"ord-1","size":12345678901234567890123}"#),
        "{}",
        run.stdout
    );
    let run = kinesis(
        &["validate", "--spec", &spec, "-m", "OrderPlaced"],
        br#"{"id": "ord-1", "size": 0}"#,
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with("<stdin>: invalid OrderPlaced: "),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("/size"), "{}", run.stdout);
}

#[test]
fn unknown_messages_and_unusable_documents_are_usage_errors() {
    let dir = dir("spec-errors");
    let spec = write(&dir, "orders.yaml", ORDERS);
    let run = kinesis(&["validate", "--spec", &spec, "-m", "Nope"], b"{}");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown message \"Nope\" in ") && run.stderr.contains("OrderPlaced"),
        "{}",
        run.stderr
    );
    let missing = dir.join("missing.yaml");
    let run = kinesis(&["validate", "--spec", missing.to_str().unwrap()], b"{}");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing.yaml"), "{}", run.stderr);
    let broken = write(
        &dir,
        "broken.yaml",
        "asyncapi: 3.0.0\ninfo: {title: t, version: '1'}\ncomponents:\n  messages:\n    M:\n      payload: {$ref: '#/components/schemas/Nowhere'}\n",
    );
    let run = kinesis(&["messages", "--spec", &broken], b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("broken.yaml:6:") && run.stderr.contains("Nowhere"),
        "{}",
        run.stderr
    );
}

#[test]
fn messages_examples_and_schema_read_another_document() {
    let dir = dir("spec-listings");
    let spec = write(&dir, "orders.yaml", ORDERS);
    let run = kinesis(&["messages", "--spec", &spec, "--json"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let listed: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(listed[0]["name"], "OrderPlaced");
    assert_eq!(listed[0]["payloadType"], Value::Null);
    assert_eq!(listed[0]["channels"][0]["key"], "orders");
    assert_eq!(listed[0]["operations"][0]["id"], "placeOrder");

    let run = kinesis(&["examples", "--spec", &spec, "--ndjson"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let payloads = lines(&run.stdout);
    assert_eq!(payloads.len(), 2);
    // The document's own "bad" example is reported as it is.
    let run = kinesis(
        &[
            "validate",
            "--spec",
            &spec,
            "-m",
            "OrderPlaced",
            "--ndjson",
            "--json",
        ],
        run.stdout.as_bytes(),
    );
    let verdicts: Vec<Value> = lines(&run.stdout)
        .iter()
        .map(|v| v["valid"].clone())
        .collect();
    assert_eq!(verdicts, [Value::Bool(true), Value::Bool(false)]);

    let run = kinesis(&["schema", "--spec", &spec, "OrderPlaced"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let schema: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(schema["required"], serde_json::json!(["id", "size"]));
    assert_eq!(schema["properties"]["size"]["minimum"], 1);
}
