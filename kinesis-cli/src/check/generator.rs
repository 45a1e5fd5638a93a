//! Stage 3: asyncapi-codegen's own checks and model.

use asyncapi_codegen::{Document, Error as CodegenError};

use super::report::Finding;

/// Adds a finding for each problem asyncapi-codegen has with `doc`.
pub fn check(doc: &Document, findings: &mut Vec<Finding>) {
    if let Err(error) = asyncapi_codegen::model_of(doc) {
        for problem in error.flatten() {
            findings.push(codegen_finding("generator", problem));
        }
    }
}

/// A finding for one of asyncapi-codegen's errors, under the stage `check`.
pub fn codegen_finding(check: &'static str, error: &CodegenError) -> Finding {
    match error {
        CodegenError::At { location, problem } => {
            Finding::error(check, location.pointer.clone(), problem.to_string())
        }
        CodegenError::Version { found, .. } => Finding::error(
            check,
            "/asyncapi",
            match found {
                Some(found) => format!("AsyncAPI version {found} is not supported"),
                None => "the top-level \"asyncapi\" field is missing".into(),
            },
        ),
        CodegenError::Parse { message, .. } => {
            Finding::error(check, "", format!("not a YAML or JSON document: {message}"))
        }
        other => Finding::error(check, "", other.to_string()),
    }
}
