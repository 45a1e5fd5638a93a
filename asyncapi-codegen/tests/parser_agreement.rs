//! The generator and the official AsyncAPI parser (`@asyncapi/parser`) agree on which
//! documents are valid, in both directions: every document of the corpus (see
//! `tests/parser_agreement/README.md`) is checked here and its verdict compared with the
//! parser's, recorded in `tests/parser_agreement/verdicts.json` by
//! `tools/parser-verdicts/verdicts.js`. Node is needed only to record them again.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use asyncapi_codegen::Builder;
use serde_json::Value;

/// Where the recorded verdicts are (relative to the package root, the working
/// directory of integration tests); document paths in it are relative to the
/// repository root.
const VERDICTS: &str = "tests/parser_agreement/verdicts.json";
const REPOSITORY: &str = "..";

/// Folders whose documents are all in the corpus, and single documents.
const FOLDERS: &[&str] = &[
    "asyncapi-codegen/tests/fixtures",
    "asyncapi-codegen/tests/broken",
    "asyncapi-codegen/tests/parser_agreement/examples",
    "asyncapi-codegen/tests/parser_agreement/documents",
    "asyncapi-codegen/tests/parser_agreement/mutants",
];
const FILES: &[&str] = &["spec/kinesis-data-streams.asyncapi.yaml"];

/// Where the generator deliberately disagrees with the parser: why, and on which
/// documents.
const DISAGREEMENTS: &[(&str, &[&str])] = &[
    (
        "the parser reads AsyncAPI 2.x too; this generator reads 3.0.0 and 3.1.0 only",
        &["asyncapi-codegen/tests/broken/asyncapi_2_6.yaml"],
    ),
    (
        "not JSON: the specification asks for documents JSON can represent, and the parser \
         reads YAML beyond that (a `.nan` number, a sequence as a key)",
        &[
            "asyncapi-codegen/tests/broken/minimum_nan.yaml",
            "asyncapi-codegen/tests/broken/key_not_string.yaml",
        ],
    ),
    (
        "a schema that is only a reference to itself (or references that only lead to each \
         other) describes no value, and validating with it never ends: the parser accepts \
         the first and never returns on the second",
        &[
            "asyncapi-codegen/tests/broken/ref_self.yaml",
            "asyncapi-codegen/tests/broken/ref_cycle.yaml",
        ],
    ),
    (
        "patterns the runtime's regex engine cannot run yet (lookaround, backreferences)",
        &[
            "asyncapi-codegen/tests/broken/pattern_backreference.yaml",
            "asyncapi-codegen/tests/broken/pattern_lookahead.yaml",
            "asyncapi-codegen/tests/broken/pattern_lookbehind.yaml",
            "asyncapi-codegen/tests/broken/pattern_named_backreference.yaml",
        ],
    ),
    (
        "a pattern that is no ECMA-262 regular expression, which the parser does not check",
        &[
            "asyncapi-codegen/tests/broken/pattern_unclosed.yaml",
            "asyncapi-codegen/tests/broken/pattern_properties_invalid.yaml",
        ],
    ),
    (
        "valid, but the parser does not finish (the recorder waits 10 s; over 2 minutes \
         here): 70 levels of nullable objects and unions, or of arrays and maps, with an \
         example 40 levels deep, and 30 levels each holding the next in three \
         properties, which `kinesis check` reads, checks and validates in 2 s or less",
        &[
            "asyncapi-codegen/tests/fixtures/deep_nullable.yaml",
            "asyncapi-codegen/tests/fixtures/deep_containers.yaml",
            "asyncapi-codegen/tests/fixtures/fan_out.yaml",
        ],
    ),
    (
        "the parser follows `$ref` inside example data (a message example's payload), which \
         is a value, not a reference",
        &["asyncapi-codegen/tests/fixtures/names.yaml"],
    ),
    (
        "a boolean schema (`true`, `false`) as a payload or under components/schemas: valid \
         JSON Schema draft 07 and AsyncAPI, refused by the published JSON Schema's \
         `anySchema`, which tells a Multi Format Schema Object by `required: [schema]` (a \
         boolean passes it) and then demands an object",
        &[
            "asyncapi-codegen/tests/fixtures/nesting.yaml",
            "asyncapi-codegen/tests/broken/schema_false.yaml",
            "asyncapi-codegen/tests/parser_agreement/mutants/kitchen_sink__message_payload_true.json",
            "asyncapi-codegen/tests/parser_agreement/mutants/kitchen_sink__schema_true.json",
        ],
    ),
];

/// The parser's recorded verdict for each document: `Some(valid)`, or `None` when it
/// did not finish.
fn recorded() -> BTreeMap<String, (Option<bool>, Value)> {
    let text = std::fs::read_to_string(VERDICTS).expect("recorded verdicts");
    let recorded: Value = serde_json::from_str(&text).expect("verdicts JSON");
    recorded["documents"]
        .as_object()
        .expect("documents")
        .iter()
        .map(|(file, verdict)| {
            (
                file.clone(),
                (verdict["valid"].as_bool(), verdict["errors"].clone()),
            )
        })
        .collect()
}

/// The documents of the corpus, as the node script lists them.
fn corpus() -> Vec<String> {
    let mut files: Vec<String> = FILES.iter().map(|f| f.to_string()).collect();
    for folder in FOLDERS {
        let Ok(entries) = std::fs::read_dir(Path::new(REPOSITORY).join(folder)) else {
            continue;
        };
        for entry in entries {
            let entry = entry.expect("entry");
            let name = entry.file_name().to_string_lossy().into_owned();
            let document = [".yaml", ".yml", ".json"].iter().any(|e| name.ends_with(e));
            if entry.path().is_file() && document {
                files.push(format!("{folder}/{name}"));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_corpus_document_has_a_recorded_verdict() {
    let recorded = recorded();
    let corpus = corpus();
    let missing: Vec<&String> = corpus
        .iter()
        .filter(|f| !recorded.contains_key(*f))
        .collect();
    let gone: Vec<&String> = recorded.keys().filter(|f| !corpus.contains(f)).collect();
    assert!(
        missing.is_empty() && gone.is_empty(),
        "record the verdicts again (node tools/parser-verdicts/verdicts.js): \
         without a verdict: {missing:?}; recorded but gone: {gone:?}"
    );
    assert!(corpus.len() >= 150, "{} documents", corpus.len());
}

#[test]
fn the_generator_agrees_with_the_parser_on_every_document() {
    let recorded = recorded();
    let mut disagreements = Vec::new();
    let mut agreed = 0;
    let mut allowed = Vec::new();
    for (file, (theirs, errors)) in &recorded {
        let ours = Builder::new(Path::new(REPOSITORY).join(file)).model();
        let same = theirs == &Some(ours.is_ok());
        let exception = DISAGREEMENTS
            .iter()
            .find(|(_, files)| files.contains(&file.as_str()));
        match (same, exception) {
            (true, None) => agreed += 1,
            (true, Some(_)) => disagreements.push(format!(
                "{file}: listed as a disagreement, but both say {}",
                if ours.is_ok() { "valid" } else { "invalid" }
            )),
            (false, Some(_)) => allowed.push(file),
            (false, None) => disagreements.push(match &ours {
                Ok(_) => format!("{file}: the parser refuses it, the generator accepts it; the parser says: {errors}"),
                Err(error) => format!("{file}: the parser accepts it, the generator refuses it: {error}"),
            }),
        }
    }
    eprintln!(
        "{} documents: {agreed} agreed, {} deliberate disagreements, {} disagreements",
        recorded.len(),
        allowed.len(),
        disagreements.len()
    );
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// Runs the node script that recorded the verdicts and checks the record is current.
/// It needs node and the official parser (`npm ci` in tools/parser-verdicts) and runs
/// for a minute or two, so it runs on request, as CI asks for it.
#[test]
#[ignore = "needs node and `npm ci` in tools/parser-verdicts; CI runs it with --ignored"]
fn recorded_verdicts_are_current() {
    let tools = Path::new(REPOSITORY).join("tools/parser-verdicts");
    assert!(
        tools.join("node_modules/@asyncapi/parser").is_dir(),
        "run `npm ci` in tools/parser-verdicts first (CI does)"
    );
    let output = Command::new("node")
        .arg("verdicts.js")
        .arg("--check")
        .current_dir(&tools)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
