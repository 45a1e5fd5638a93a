//! Stage 2: the document's structure against the official AsyncAPI 3.0.0 JSON Schema.

use std::collections::BTreeSet;

use jsonschema::error::ValidationErrorKind;
use jsonschema::ValidationError;
use serde_json::Value;

use super::report::{shorten, Finding};
use crate::error::Fatal;

/// The official AsyncAPI 3.0.0 JSON Schema (see `data/README.md`).
const ASYNCAPI_3_0_0: &str = include_str!("../../data/asyncapi-3.0.0.json");

/// Checks `root` against the official schema; problems with the schema itself (it is
/// bundled) are fatal.
pub fn check(root: &Value, findings: &mut Vec<Finding>) -> Result<(), Fatal> {
    let schema: Value = serde_json::from_str(ASYNCAPI_3_0_0).map_err(|error| {
        Fatal::new(format!("the AsyncAPI 3.0.0 schema does not parse: {error}"))
    })?;
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(false)
        .build(&schema)
        .map_err(|error| {
            Fatal::new(format!(
                "the AsyncAPI 3.0.0 schema does not compile: {error}"
            ))
        })?;
    let mut seen = BTreeSet::new();
    for error in validator.iter_errors(root) {
        for (pointer, message) in best_errors(&error) {
            if seen.insert((pointer.clone(), message.clone())) {
                findings.push(Finding::error("schema", pointer, message));
            }
        }
    }
    Ok(())
}

/// The errors to show for `error`: itself, or for a failed `oneOf`/`anyOf` the errors of
/// the alternative that fits best: the only one left once alternatives that merely want a
/// `$ref` are set aside (the value is not a reference), else the one that got furthest
/// into the value (deepest error, then fewest errors).
pub fn best_errors(error: &ValidationError<'_>) -> Vec<(String, String)> {
    let context = match error.kind() {
        ValidationErrorKind::OneOfNotValid { context } | ValidationErrorKind::AnyOf { context } => {
            context
        }
        _ => return vec![plain(error)],
    };
    let depth = |e: &ValidationError<'_>| e.instance_path().as_str().matches('/').count();
    let deepest = |branch: &[ValidationError<'_>]| branch.iter().map(depth).max().unwrap_or(0);
    let branches: Vec<&Vec<ValidationError<'static>>> = context
        .iter()
        .filter(|branch| !branch.is_empty() && !wants_only_a_ref(branch))
        .collect();
    if let [only] = branches.as_slice() {
        return only.iter().flat_map(best_errors).collect();
    }
    let best = branches.iter().max_by(|a, b| {
        deepest(a)
            .cmp(&deepest(b))
            .then_with(|| b.len().cmp(&a.len()))
    });
    if let Some(best) = best {
        if deepest(best) > depth(error) {
            return best.iter().flat_map(best_errors).collect();
        }
    }
    let at = error.instance_path().as_str().to_string();
    // Every alternative failed right here: name what each wanted, when that is short.
    if !branches.is_empty() && branches.iter().all(|branch| branch.len() == 1) {
        let wanted: Vec<String> = branches
            .iter()
            .flat_map(|branch| branch.iter().map(|e| plain(e).1))
            .collect();
        return vec![(
            at,
            format!(
                "matches none of the allowed forms: {}",
                wanted.join("; or ")
            ),
        )];
    }
    vec![(
        at,
        format!(
            "matches none of the {} forms the AsyncAPI 3.0.0 schema allows here",
            context.len()
        ),
    )]
}

/// Whether the only complaint of an alternative is a missing `$ref`: it is the
/// "Reference Object" alternative, and the value is not a reference.
fn wants_only_a_ref(branch: &[ValidationError<'_>]) -> bool {
    matches!(branch, [only] if matches!(
        only.kind(),
        ValidationErrorKind::Required { property } if property == "$ref"
    ))
}

fn plain(error: &ValidationError<'_>) -> (String, String) {
    let message = match error.kind() {
        ValidationErrorKind::Type { .. } => {
            // "VALUE is not of type T" quotes the value, which may be a whole object.
            let text = error.to_string();
            match text.rfind(" is not of type ") {
                Some(at) => format!(
                    "{} is not of type {}",
                    describe(error.instance()),
                    &text[at + " is not of type ".len()..]
                ),
                None => text,
            }
        }
        _ => error.to_string(),
    };
    (error.instance_path().as_str().to_string(), message)
}

fn describe(value: &Value) -> String {
    match value {
        Value::Object(_) => "an object".into(),
        Value::Array(_) => "an array".into(),
        other => shorten(other.to_string()),
    }
}
