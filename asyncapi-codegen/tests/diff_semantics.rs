//! The verdicts of `diff` checked against payloads, for every pair under
//! `tests/diff/` (and the Kinesis document with a lower partition key limit).
//!
//! For each message in both documents, payloads (and headers) are gathered: the
//! examples of both versions, values generated from both schemas, and variations of
//! each at every position built from every bound, length, name and value the schemas
//! mention. The runtime's interpreter (`asyncapi_runtime::Schema`, on the bundled
//! documents) decides each against both versions. Then:
//!
//! - compatible for consumers => every payload valid for NEW is valid for OLD;
//! - compatible for producers => every payload valid for OLD is valid for NEW;
//! - every witness of a breaking verdict is valid for one and refused by the other.
//!
//! A counterexample is a bug in the diff.

use std::path::Path;

use asyncapi_codegen::diff::{self, Change, Party, Verdict};
use asyncapi_codegen::model::{MessageDef, Model, Payload};
use asyncapi_codegen::{bundle, merge, model, Document};
use asyncapi_runtime::{Schema, Value};

/// Payloads tried per message part.
const SAMPLES: usize = 2500;
/// Strings are made no longer than this.
const MAX_LENGTH: usize = 4096;

struct Side {
    root: Value,
    model: Model,
}

fn prepare(doc: &Document) -> Side {
    let bundled = bundle::bundle(doc).unwrap();
    let merged = merge::merge(&bundled);
    let model = model::model(&merged).unwrap();
    Side {
        root: merged.root,
        model,
    }
}

/// The schema of a message's payload (or headers), when it is a typed one.
fn schema_of(side: &Side, m: &MessageDef, headers: bool) -> Option<String> {
    let part = if headers {
        m.headers.as_ref()?
    } else {
        &m.payload
    };
    match part {
        Payload::Typed { schema, .. } => side.model.schemas.entries.get(*schema).cloned(),
        _ => None,
    }
}

fn examples(side: &Side, m: &MessageDef, key: &str) -> Vec<Value> {
    side.root
        .pointer(&format!("{}/examples", m.pointer))
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(|e| e.get(key).cloned()).collect())
        .unwrap_or_default()
}

/// The verdict for `party` of the changes in message part `name`.
fn verdict(changes: &[Change], name: &str, party: Party) -> Verdict {
    changes
        .iter()
        .filter(|c| c.messages().iter().any(|m| m == name))
        .map(|c| c.verdict(party))
        .fold(Verdict::Compatible, Verdict::worst)
}

/// Checks one pair; the problems found.
fn check_pair(label: &str, old_doc: &Document, new_doc: &Document) -> Vec<String> {
    let changes = match diff::diff(old_doc, new_doc) {
        Ok(changes) => changes,
        Err(error) => return vec![format!("{label}: {error}")],
    };
    let (old, new) = (prepare(old_doc), prepare(new_doc));
    let mut problems = Vec::new();
    let mut tried = 0;
    for n in &new.model.messages {
        let Some(o) = old
            .model
            .messages
            .iter()
            .find(|o| o.pointer == n.pointer || o.name == n.name)
        else {
            continue;
        };
        for headers in [false, true] {
            let (Some(old_at), Some(new_at)) =
                (schema_of(&old, o, headers), schema_of(&new, n, headers))
            else {
                continue;
            };
            let key = if headers { "headers" } else { "payload" };
            let name = if headers {
                format!("{} (headers)", n.name)
            } else {
                n.name.clone()
            };
            let old_schema = Schema::compile(&old.root, &[old_at.as_str()]).unwrap();
            let new_schema = Schema::compile(&new.root, &[new_at.as_str()]).unwrap();
            let mut seeds = examples(&old, o, key);
            seeds.extend(examples(&new, n, key));
            let payloads = diff::samples(
                &[(&old.root, old_at.as_str()), (&new.root, new_at.as_str())],
                &seeds,
                MAX_LENGTH,
                SAMPLES,
            );
            let consumers = verdict(changes.changes(), &name, Party::Consumers);
            let producers = verdict(changes.changes(), &name, Party::Producers);
            let (mut valid_old, mut valid_new) = (0, 0);
            for payload in &payloads {
                let (in_old, in_new) = (
                    old_schema.is_valid(0, payload),
                    new_schema.is_valid(0, payload),
                );
                valid_old += usize::from(in_old);
                valid_new += usize::from(in_new);
                if consumers == Verdict::Compatible && in_new && !in_old {
                    problems.push(format!(
                        "{label}: {name}: compatible for consumers, but valid only for NEW: {payload}\n{changes}"
                    ));
                }
                if producers == Verdict::Compatible && in_old && !in_new {
                    problems.push(format!(
                        "{label}: {name}: compatible for producers, but valid only for OLD: {payload}\n{changes}"
                    ));
                }
            }
            // Not vacuous: both versions accept some of the payloads tried.
            if valid_old == 0 || valid_new == 0 {
                problems.push(format!(
                    "{label}: {name}: no valid payload ({valid_old} old, {valid_new} new)"
                ));
            }
            tried += payloads.len();
            // Witnesses are what they claim.
            for change in changes.changes() {
                for party in [Party::Consumers, Party::Producers] {
                    let Some(witness) = change.witness(party) else {
                        continue;
                    };
                    if !witness.is_whole_payload() || witness.message() != Some(name.as_str()) {
                        continue;
                    }
                    let (from, to) = match party {
                        Party::Producers => (&old_schema, &new_schema),
                        _ => (&new_schema, &old_schema),
                    };
                    if !from.is_valid(0, witness.value()) || to.is_valid(0, witness.value()) {
                        problems.push(format!(
                            "{label}: {name}: the {party} witness shows nothing: {change}"
                        ));
                    }
                }
            }
        }
    }
    if tried == 0 && changes.changes().iter().any(|c| !c.messages().is_empty()) {
        problems.push(format!("{label}: no payload was tried"));
    }
    problems.truncate(3);
    problems
}

fn pairs() -> Vec<(String, Document, Document)> {
    let mut names: Vec<String> = std::fs::read_dir("tests/diff")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("--"))
        .collect();
    names.sort();
    let load = |name: &str| Document::load(Path::new(&format!("tests/diff/{name}"))).unwrap();
    let mut out: Vec<(String, Document, Document)> = names
        .iter()
        .map(|name| {
            let base = format!(
                "{}.yaml",
                name.split_once("--").map_or(name.as_str(), |(b, _)| b)
            );
            (name.clone(), load(&base), load(name))
        })
        .collect();
    // The acceptance pair, made in memory from the document itself.
    let spec = Document::load(Path::new("../spec/kinesis-data-streams.asyncapi.yaml")).unwrap();
    let mut lower = spec.clone();
    if let Some(bound) = lower
        .root
        .pointer_mut("/components/schemas/KinesisRecord/properties/PartitionKey/maxLength")
    {
        *bound = Value::from(128u64);
    }
    out.push(("spec, PartitionKey maxLength 128".into(), spec, lower));
    out
}

#[test]
fn what_is_claimed_compatible_is() {
    let pairs = pairs();
    assert!(pairs.len() > 60, "{} pairs", pairs.len());
    // Two threads: the pairs are independent.
    let half = pairs.len() / 2;
    let (first, second) = pairs.split_at(half);
    let check = |list: &[(String, Document, Document)]| -> Vec<String> {
        list.iter()
            .flat_map(|(label, old, new)| check_pair(label, old, new))
            .collect()
    };
    let problems: Vec<String> = std::thread::scope(|scope| {
        let other = scope.spawn(|| check(second));
        let mut problems = check(first);
        problems.extend(
            other
                .join()
                .unwrap_or_else(|_| vec!["a checking thread panicked".into()]),
        );
        problems
    });
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn a_change_in_both_directions_is_caught_by_the_samples() {
    // The samples are strong enough to see the change the pair makes: both ways.
    let old = Document::load(Path::new("tests/diff/numbers.yaml")).unwrap();
    let new = Document::load(Path::new("tests/diff/numbers--multiple-of-changed.yaml")).unwrap();
    let (o, n) = (prepare(&old), prepare(&new));
    let at = "/components/schemas/Reading";
    let (a, b) = (
        Schema::compile(&o.root, &[at]).unwrap(),
        Schema::compile(&n.root, &[at]).unwrap(),
    );
    let payloads = diff::samples(&[(&o.root, at), (&n.root, at)], &[], MAX_LENGTH, SAMPLES);
    assert!(payloads
        .iter()
        .any(|p| a.is_valid(0, p) && !b.is_valid(0, p)));
    assert!(payloads
        .iter()
        .any(|p| b.is_valid(0, p) && !a.is_valid(0, p)));
}
