//! `discriminator` beside `oneOf`: JSON Schema reads it as an annotation, so a value
//! that fits several alternatives is refused however its tag reads. When the
//! alternatives do not each fix the tag property to their own values, that is
//! likely not what the author meant: a warning.

use asyncapi_runtime::{Map, Value};

use super::Findings;
use crate::bundle::Bundle;
use crate::load::pointer;

/// Warns when the alternatives of `map`'s `oneOf` (at `at`) do not tell themselves
/// apart by the property `discriminator` names.
pub(crate) fn discriminator(findings: &mut Findings<'_>, map: &Map, at: &str) {
    let (Some(Value::String(tag)), Some(Value::Array(alternatives))) =
        (map.get("discriminator"), map.get("oneOf"))
    else {
        return;
    };
    let bundle = findings.bundle;
    let mut seen: Vec<&Value> = Vec::new();
    let mut loose = Vec::new();
    for (i, alternative) in alternatives.iter().enumerate() {
        match tag_values(bundle, alternative, tag, 0) {
            Some(values) if values.iter().all(|v| !seen.contains(v)) => seen.extend(values),
            _ => loose.push(format!("oneOf/{i}")),
        }
    }
    if loose.is_empty() {
        return;
    }
    findings.warn(
        &pointer::join(at, "discriminator"),
        format!(
            "JSON Schema reads `discriminator` as an annotation: {} {} not fix property {tag:?} \
             to values of {} own (with `const` or `enum`), so a value may match several \
             alternatives, which oneOf refuses",
            loose.join(", "),
            if loose.len() == 1 { "does" } else { "do" },
            if loose.len() == 1 { "its" } else { "their" },
        ),
    );
}

/// The values the schema `value` allows for property `tag` (through `$ref`s and
/// `allOf` parts), when it fixes them.
fn tag_values<'v>(
    bundle: &'v Bundle,
    value: &'v Value,
    tag: &str,
    depth: usize,
) -> Option<Vec<&'v Value>> {
    if depth > 32 {
        return None;
    }
    let map = value.as_object()?;
    if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
        return tag_values(
            bundle,
            bundle.get(&Bundle::target(reference)?)?,
            tag,
            depth + 1,
        );
    }
    if let Some(property) = map.get("properties").and_then(|p| p.get(tag)) {
        let property = resolve(bundle, property)?;
        if let Some(constant) = property.get("const") {
            return Some(vec![constant]);
        }
        if let Some(Value::Array(values)) = property.get("enum") {
            return Some(values.iter().collect());
        }
    }
    map.get("allOf")
        .and_then(Value::as_array)?
        .iter()
        .find_map(|part| tag_values(bundle, part, tag, depth + 1))
}

fn resolve<'v>(bundle: &'v Bundle, mut value: &'v Value) -> Option<&'v Value> {
    for _ in 0..32 {
        match value.get("$ref").and_then(Value::as_str) {
            Some(reference) => value = bundle.get(&Bundle::target(reference)?)?,
            None => return Some(value),
        }
    }
    None
}
