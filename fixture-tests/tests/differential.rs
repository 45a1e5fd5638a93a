//! The differential corpus (`differential/`, written by
//! `tools/differential/random_schemas.py`): 100 random schemas, each a message, and 40
//! payloads for each, valid and not. The code generated from the document (owned and
//! zero-copy) and the interpreter must agree on every payload: the same verdict, and
//! the same violations (pointer, keyword and message, in the same order). No one wrote
//! these schemas with the generator in mind: they are where a check the typed code
//! drops, or a type it cannot read, shows.
//!
//! The generated code leaves what it cannot type to the interpreter, so a mistake of
//! the interpreter's would be shared. The `jsonschema` crate, written elsewhere, gives a
//! third verdict (valid or not) wherever it means the same: on payloads whose numbers a
//! float holds exactly (it computes with floats), with `format: byte` checked as the
//! generator does and the other formats as annotations, as JSON Schema says.

use std::collections::HashMap;

use asyncapi_codegen::{interpret::Interpreted, Document};
use asyncapi_runtime::{Base64Data, MessageSet};
use fixture_tests::{agree, random_schemas, verdict};
use serde_json::{json, Value};

const DOCUMENT: &str = "differential/random_schemas.yaml";
const PAYLOADS: &str = "differential/random_schemas.jsonl";

#[test]
fn generated_code_and_interpreter_agree_on_random_schemas() {
    let doc = Document::load(DOCUMENT.as_ref()).expect("the corpus document loads");
    let (interpreted, _warnings) = Interpreted::from_document(&doc).expect("it interprets");
    let text = std::fs::read_to_string(PAYLOADS).expect("the corpus payloads");
    let mut independent = Independent::new(&doc);
    let (mut compared, mut valid, mut judged) = (0, 0, 0);
    let mut differences = Vec::new();
    for (line, entry) in text.lines().enumerate() {
        let (message, payload) = entry
            .split_once('\t')
            .unwrap_or_else(|| panic!("{PAYLOADS}:{}: no tab", line + 1));
        let name = random_schemas::MessageName::from_name(message)
            .unwrap_or_else(|| panic!("{PAYLOADS}:{}: no message {message}", line + 1));
        let index = interpreted.find(message).expect("an interpreted message");
        let bytes = payload.as_bytes();
        let generated = verdict(&name.parse(bytes));
        let expected = verdict(&interpreted.parse(index, bytes));
        if generated != expected {
            differences.push(format!(
                "{message} on {payload}:\n  generated:   {generated:?}\n  interpreted: {expected:?}"
            ));
        }
        // Errors that start so are disagreements; any other is a refusal both share.
        match agree(name.parse(bytes), name.parse_borrowed(bytes), |b| {
            b.into_owned()
        }) {
            Err(e)
                if ["borrowed", "only", "parsed as"]
                    .iter()
                    .any(|p| e.starts_with(p)) =>
            {
                differences.push(format!("{message} on {payload}: {e}"));
            }
            _ => {}
        }
        if let Some(valid) = independent.is_valid(message, payload) {
            judged += 1;
            if valid != expected.is_ok() {
                differences.push(format!(
                    "{message} on {payload}:\n  jsonschema valid: {valid}\n  interpreted: {expected:?}"
                ));
            }
        }
        compared += 1;
        valid += usize::from(expected.is_ok());
    }
    assert!(
        differences.is_empty(),
        "{} of {compared} payloads disagree:\n{}",
        differences.len(),
        differences.join("\n")
    );
    // The corpus exercises both verdicts.
    assert_eq!(compared, 4000);
    assert!((1000..3000).contains(&valid), "{valid} valid payloads");
    assert!(judged > 3000, "jsonschema judged only {judged} payloads");
}

/// Formats the corpus uses besides `byte`: annotations, valid whatever the text.
const ANNOTATIONS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uuid",
    "regex",
    "int32",
    "int64",
    "float",
    "double",
    "uint8",
    "binary",
];

/// The `jsonschema` crate's draft-7 validators of the corpus's schemas, built as needed.
struct Independent {
    schemas: Value,
    validators: HashMap<String, jsonschema::Validator>,
}

impl Independent {
    fn new(doc: &Document) -> Self {
        // Through text: integers beyond 64 bits become floats, as jsonschema reads them.
        let schemas = doc
            .get("/components/schemas")
            .expect("the corpus has schemas");
        let text = serde_json::to_string(schemas).expect("schemas are JSON");
        Independent {
            schemas: serde_json::from_str(&text).expect("schemas are JSON"),
            validators: HashMap::new(),
        }
    }

    /// Whether `payload` is valid as `message` (`M7` has schema `S7`); `None` where
    /// floats would decide differently from exact numbers.
    fn is_valid(&mut self, message: &str, payload: &str) -> Option<bool> {
        if !exact_in_floats(payload) {
            return None;
        }
        let instance: Value = serde_json::from_str(payload).ok()?;
        let key = message.replacen('M', "S", 1);
        let schemas = &self.schemas;
        let validator = self.validators.entry(key.clone()).or_insert_with(|| {
            let root = json!({
                "$ref": format!("#/components/schemas/{key}"),
                "components": {"schemas": schemas},
            });
            let mut options = jsonschema::options()
                .with_draft(jsonschema::Draft::Draft7)
                .should_validate_formats(true)
                .with_format("byte", |text: &str| {
                    Base64Data::from_text(text).check().is_ok()
                });
            for format in ANNOTATIONS {
                options = options.with_format(*format, |_: &str| true);
            }
            options
                .build(&root)
                .unwrap_or_else(|e| panic!("jsonschema refuses {key}: {e}"))
        });
        Some(validator.is_valid(&instance))
    }
}

/// Whether every number in the JSON text `json` is written with at most 15 significant
/// digits and no exponent, so that a float holds it exactly.
fn exact_in_floats(json: &str) -> bool {
    let (mut in_string, mut escaped, mut digits) = (false, false, 0);
    for c in json.chars() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '0'..='9' => {
                digits += 1;
                if digits > 15 {
                    return false;
                }
            }
            'e' | 'E' if digits > 0 => return false,
            '.' | '-' => {}
            _ => digits = 0,
        }
    }
    true
}

#[test]
fn numbers_floats_hold_exactly_are_told_apart() {
    assert!(exact_in_floats(
        r#"{"a": [1.5, -20, true, "1e400"], "b": false}"#
    ));
    assert!(!exact_in_floats("1e400"));
    assert!(!exact_in_floats("[9223372036854775808]"));
    assert!(!exact_in_floats("0.30000000000000000001"));
    assert!(exact_in_floats(r#""\" 12345678901234567890""#));
}
