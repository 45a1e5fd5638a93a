//! Stage 3 (warnings): every message example against its message, validated by the
//! generator's interpreter, so that an example is judged exactly as `kinesis validate`
//! (generated types for the bundled document, `--spec` for any other) judges the same
//! payload. Examples a message gets from its traits are checked too.

use asyncapi_codegen::interpret::Interpreted;
use asyncapi_codegen::Document;
use kinesis_types::{Value, Violations};

use super::report::Finding;

/// How one part of an example (payload or headers) is validated.
type PartCheck = fn(&Interpreted, usize, &Value) -> Result<(), Violations>;

/// Checks every example of every message of `doc`. A document the generator refuses
/// (its errors are the generator stage's findings) has its examples left unchecked,
/// with one warning saying so.
pub fn check(doc: &Document, findings: &mut Vec<Finding>) {
    let (interpreted, root) = match (
        Interpreted::from_document(doc),
        asyncapi_codegen::bundle::bundle(doc),
    ) {
        (Ok((interpreted, _)), Ok(bundle)) => (interpreted, bundle.root),
        _ => {
            findings.push(Finding::warning(
                "example",
                "",
                "examples not checked: the document has errors (above)",
            ));
            return;
        }
    };
    for (index, message) in interpreted.messages().iter().enumerate() {
        let at = format!("{}/examples", message.pointer);
        let Some(examples) = root.pointer(&at).and_then(Value::as_array) else {
            continue;
        };
        for (number, example) in examples.iter().enumerate() {
            let label = example
                .get("name")
                .and_then(Value::as_str)
                .map_or_else(|| format!("#{number}"), |name| format!("{name:?}"));
            let parts: [(&str, PartCheck); 2] = [
                ("payload", Interpreted::validate),
                ("headers", Interpreted::validate_headers),
            ];
            for (part, validate) in parts {
                let Some(value) = example.get(part) else {
                    continue;
                };
                let Err(violations) = validate(&interpreted, index, value) else {
                    continue;
                };
                // A warning: the specification asks examples to conform, but the
                // official parser does not check them in AsyncAPI 3 documents, and this
                // command calls valid what it calls valid.
                for violation in violations.iter() {
                    findings.push(Finding::warning(
                        "example",
                        format!("{at}/{number}/{part}{}", violation.pointer),
                        format!(
                            "example {label} does not conform to the message {part}: {}",
                            violation.message
                        ),
                    ));
                }
            }
        }
    }
}
