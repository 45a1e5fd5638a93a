//! The differential corpus (`differential/`, written by
//! `tools/differential/random_schemas.py`): 100 random schemas, each a message, and 40
//! payloads for each, valid and not. The code generated from the document (owned and
//! zero-copy) and the interpreter must agree on every payload: the same verdict, and
//! the same violations (pointer, keyword and message, in the same order). No one wrote
//! these schemas with the generator in mind: they are where a check the typed code
//! drops, or a type it cannot read, shows.

use asyncapi_codegen::{interpret::Interpreted, Document};
use asyncapi_runtime::MessageSet;
use fixture_tests::{agree, random_schemas, verdict};

const DOCUMENT: &str = "differential/random_schemas.yaml";
const PAYLOADS: &str = "differential/random_schemas.jsonl";

#[test]
fn generated_code_and_interpreter_agree_on_random_schemas() {
    let doc = Document::load(DOCUMENT.as_ref()).expect("the corpus document loads");
    let (interpreted, _warnings) = Interpreted::from_document(&doc).expect("it interprets");
    let text = std::fs::read_to_string(PAYLOADS).expect("the corpus payloads");
    let (mut compared, mut valid) = (0, 0);
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
}
