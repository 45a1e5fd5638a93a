//! `allOf` parts that are valid but that no value, or no object with a given
//! property, can satisfy together: likely mistakes, reported as warnings. The schema
//! is generated and validated as written either way.

use std::collections::BTreeSet;

use asyncapi_runtime::{Map, Value};

use super::Findings;
use crate::bundle::Bundle;
use crate::load::pointer;

/// One schema taking part: the schema itself or one of its `allOf` parts, with the
/// `$ref`s on the way followed.
struct Part<'v> {
    /// Where it is written (the `allOf` entry, or the schema).
    at: String,
    /// What the `$ref`s lead to.
    schema: &'v Map,
}

/// Warns about `allOf` parts of the schema `map` (at `at`) that contradict each other.
pub(crate) fn all_of(findings: &mut Findings<'_>, map: &Map, at: &str) {
    let Some(Value::Array(items)) = map.get("allOf") else {
        return;
    };
    let bundle = findings.bundle;
    let mut parts = vec![Part {
        at: at.to_string(),
        schema: map,
    }];
    for (i, item) in items.iter().enumerate() {
        if let Some(schema) = resolve(bundle, item) {
            parts.push(Part {
                at: pointer::index(&pointer::join(at, "allOf"), i),
                schema,
            });
        }
    }
    no_common_type(findings, &parts, at);
    conflicting_properties(findings, &parts);
    closed_against_others(findings, &parts);
}

/// The object `value` leads to through `$ref`s (at most 64).
fn resolve<'v>(bundle: &'v Bundle, mut value: &'v Value) -> Option<&'v Map> {
    for _ in 0..64 {
        let map = value.as_object()?;
        match map.get("$ref").and_then(Value::as_str) {
            Some(reference) => value = bundle.get(&Bundle::target(reference)?)?,
            None => return Some(map),
        }
    }
    None
}

/// The JSON types `schema`'s `type` allows (`None`: any), `integer` read as part of
/// `number` only when both are named.
fn types(schema: &Map) -> Option<BTreeSet<&str>> {
    match schema.get("type")? {
        Value::String(name) => Some([name.as_str()].into()),
        Value::Array(names) => Some(names.iter().filter_map(Value::as_str).collect()),
        _ => None,
    }
}

/// Whether a value of one of `a`'s types can have one of `b`'s.
fn overlap(a: &BTreeSet<&str>, b: &BTreeSet<&str>) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| {
            x == y || (*x, *y) == ("integer", "number") || (*x, *y) == ("number", "integer")
        })
    })
}

/// Where `at` is written, for a message: `#/pointer`, or `file#/pointer` in a file
/// the document references.
fn written(bundle: &Bundle, at: &str) -> String {
    let location = bundle.locate(at);
    if location.file == bundle.document.file {
        format!("#{}", location.pointer)
    } else {
        format!("{}#{}", location.file.display(), location.pointer)
    }
}

fn shown(types: &BTreeSet<&str>) -> String {
    types.iter().copied().collect::<Vec<_>>().join(" or ")
}

/// How a part is named in a message about the schema at `base`: `allOf/1`, or `the
/// schema` for the schema itself.
fn named(at: &str, base: &str) -> String {
    match at.strip_prefix(base).map(|r| r.trim_start_matches('/')) {
        Some("") => "the schema".to_string(),
        Some(inner) => inner.to_string(),
        None => at.to_string(),
    }
}

fn no_common_type(findings: &mut Findings<'_>, parts: &[Part<'_>], at: &str) {
    let typed: Vec<(&Part<'_>, BTreeSet<&str>)> = parts
        .iter()
        .filter_map(|p| types(p.schema).map(|t| (p, t)))
        .collect();
    for (i, (first, a)) in typed.iter().enumerate() {
        for (second, b) in &typed[i + 1..] {
            if !overlap(a, b) {
                findings.warn(
                    &pointer::join(at, "allOf"),
                    format!(
                        "no value conforms: {} allows {} and {} allows {}",
                        named(&first.at, at),
                        shown(a),
                        named(&second.at, at),
                        shown(b)
                    ),
                );
                return;
            }
        }
    }
}

fn conflicting_properties(findings: &mut Findings<'_>, parts: &[Part<'_>]) {
    let bundle = findings.bundle;
    // (property name, where it is declared, its types)
    let mut seen: Vec<(&str, String, BTreeSet<&str>)> = Vec::new();
    for part in parts {
        let Some(Value::Object(properties)) = part.schema.get("properties") else {
            continue;
        };
        for (name, schema) in properties.iter() {
            let Some(t) = resolve(bundle, schema).and_then(types) else {
                continue;
            };
            if let Some((_, other_at, other)) = seen
                .iter()
                .find(|(n, _, other)| *n == name.as_str() && !overlap(other, &t))
            {
                let here = pointer::join(&pointer::join(&part.at, "properties"), name);
                let other_at = other_at.clone();
                findings.warn(
                    &here,
                    format!(
                        "property {name:?} is {} here and {} at {}: an object conforms only without it",
                        shown(&t),
                        shown(other),
                        written(bundle, &other_at),
                    ),
                );
                continue;
            }
            seen.push((
                name.as_str(),
                pointer::join(&pointer::join(&part.at, "properties"), name),
                t,
            ));
        }
    }
}

fn closed_against_others(findings: &mut Findings<'_>, parts: &[Part<'_>]) {
    for closed in parts {
        if closed.schema.get("additionalProperties") != Some(&Value::Bool(false)) {
            continue;
        }
        let own = |name: &str| {
            closed
                .schema
                .get("properties")
                .and_then(Value::as_object)
                .is_some_and(|p| p.contains_key(name))
        };
        // Names a pattern of this part matches are allowed too: with patterns, only
        // what is certain is reported.
        if closed
            .schema
            .get("patternProperties")
            .and_then(Value::as_object)
            .is_some_and(|p| !p.is_empty())
        {
            continue;
        }
        let bundle = findings.bundle;
        for other in parts.iter().filter(|p| p.at != closed.at) {
            let Some(Value::Object(properties)) = other.schema.get("properties") else {
                continue;
            };
            for name in properties.keys().filter(|n| !own(n)) {
                findings.warn(
                    &pointer::join(&closed.at, "additionalProperties"),
                    format!(
                        "additionalProperties: false applies to this schema's own properties \
                         only (JSON Schema draft 07), so property {name:?} that {} declares \
                         is refused here: an object conforms only without it; declare every \
                         property beside additionalProperties, or use it in one schema only",
                        written(bundle, &other.at),
                    ),
                );
            }
        }
    }
}
