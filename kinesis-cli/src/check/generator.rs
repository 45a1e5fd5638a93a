//! Stage 2: asyncapi-codegen's check and model: the document against the official
//! AsyncAPI JSON Schema of its version and the official parser's rules, every `$ref`,
//! every pattern, what the generator can type; its errors and its warnings.

use std::path::Path;

use asyncapi_codegen::{Document, Error as CodegenError, Location};

use super::report::Finding;

/// Adds a finding for each problem and each warning asyncapi-codegen has with `doc`.
pub fn check(doc: &Document, findings: &mut Vec<Finding>) {
    match asyncapi_codegen::check_document(doc) {
        Ok(warnings) => {
            for warning in &warnings {
                findings.push(
                    Finding::warning(
                        "generator",
                        warning.location.pointer.clone(),
                        &warning.message,
                    )
                    .at(
                        other_file(doc, &warning.location),
                        warning.location.position,
                    ),
                );
            }
        }
        Err(error) => {
            for problem in error.flatten() {
                findings.push(codegen_finding("generator", problem, &doc.file));
            }
        }
    }
}

/// The file of `location`, when it is not the document's own.
fn other_file(doc: &Document, location: &Location) -> Option<String> {
    (location.file != doc.file).then(|| location.file.display().to_string())
}

/// A finding for one of asyncapi-codegen's errors, under the stage `check`; `document`
/// is the file checked (a location in another file names its file).
pub fn codegen_finding(check: &'static str, error: &CodegenError, document: &Path) -> Finding {
    match error {
        CodegenError::At { location, problem } => {
            let file = (location.file != document).then(|| location.file.display().to_string());
            Finding::error(check, location.pointer.clone(), problem.to_string())
                .at(file, location.position)
        }
        CodegenError::Version { found, .. } => Finding::error(
            check,
            "/asyncapi",
            match found {
                Some(found) => format!("AsyncAPI version {found} is not supported"),
                None => "the top-level \"asyncapi\" field is missing".into(),
            },
        ),
        CodegenError::Parse {
            message, position, ..
        } => Finding::error(check, "", format!("not a YAML or JSON document: {message}"))
            .at(None, *position),
        other => Finding::error(check, "", other.to_string()),
    }
}
