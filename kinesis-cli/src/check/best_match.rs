//! Which of the `jsonschema` crate's errors to show for a value: for a failed
//! `oneOf`/`anyOf`, the errors of the alternative that got furthest, as JSON Schema
//! tools' "best match" does (a list of every alternative's complaints says little).

use jsonschema::error::ValidationErrorKind;
use jsonschema::ValidationError;
use serde_json::Value;

use super::report::shorten;

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
            "matches none of the {} forms the schema allows here",
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
