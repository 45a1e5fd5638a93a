//! The document against the official AsyncAPI JSON Schema (vendored in `schemas/`),
//! checked as `@asyncapi/parser` checks it, with the runtime's draft-07 interpreter:
//!
//! - the *resolved* document ([`super::resolved`]): every object as what it is where
//!   it is used; errors are located where the offending value is written;
//! - the document *as written*, only for references where the specification allows
//!   none (`info: {$ref: ...}`).
//!
//! The schema is adjusted as it is loaded, each adjustment an exact rewrite or one the
//! parser makes itself (`prepare`). Violations become errors a person can act on:
//! the object and field named, AsyncAPI 2.x fields pointed to their 3.0 place, one
//! error per place, none where another check already reported one.

use std::sync::OnceLock;

use asyncapi_runtime::{Keyword, Map, Schema, Value, Violation};

use super::object_kinds::{kind_at, moved_in_3, Kind};
use super::resolved::Resolved;
use super::Findings;
use crate::bundle::MOUNT;
use crate::error::{Error, Problem};
use crate::load::pointer;

/// The AsyncAPI versions there is a schema for, and their schemas as published.
const SCHEMAS: &[(&str, &str)] = &[
    ("3.0.0", include_str!("../../schemas/asyncapi-3.0.0.json")),
    ("3.1.0", include_str!("../../schemas/asyncapi-3.1.0.json")),
];

/// The versions of AsyncAPI this generator reads: those there is a schema for.
pub fn versions() -> impl Iterator<Item = &'static str> {
    SCHEMAS.iter().map(|(version, _)| *version)
}

/// A schema compiled twice: for the resolved document, and for the document as written;
/// and as published, for the fields of each object.
struct Compiled {
    resolved: Schema,
    as_written: Schema,
    published: Value,
}

/// Compiled once per version, on first use.
static COMPILED: [OnceLock<Result<Compiled, String>>; 2] = [OnceLock::new(), OnceLock::new()];

fn compiled(version: &str) -> Option<&'static Result<Compiled, String>> {
    let index = SCHEMAS.iter().position(|(v, _)| *v == version)?;
    let text = SCHEMAS[index].1;
    Some(COMPILED[index].get_or_init(|| {
        let schema = asyncapi_runtime::parse_json(text.as_bytes()).map_err(|e| e.to_string())?;
        let compile = |resolved: bool| {
            let prepared = prepare(&schema, resolved);
            Schema::compile(&prepared, &[""]).map_err(|e| e.to_string())
        };
        Ok(Compiled {
            resolved: compile(true)?,
            as_written: compile(false)?,
            published: schema,
        })
    }))
}

/// The published schema, adjusted:
///
/// - for the resolved document, the places where the schema allows only a reference
///   (an operation's `channel` and `messages`, a reply's, a channel's `servers`) take
///   the object referred to, as `@asyncapi/parser` makes them (its
///   `prepareV3ResolvedSchema`);
/// - `oneOf: [Reference, X]` becomes `if: {type: object, required: [$ref]}, then:
///   Reference, else: X`, so that a wrong object is reported by what is wrong in it,
///   not as "matches none of the 2 alternatives". It is exact because every X refuses
///   `$ref` or an object with it would match both;
/// - a Schema Object may be a boolean (`true`, `false`) wherever one stands, as JSON
///   Schema draft 07 and the specification say; the published `anySchema` tells a
///   Multi Format Schema Object by `required: [schema]`, which a boolean satisfies,
///   and then demands an object (a known disagreement with the parser, which follows
///   the schema).
fn prepare(schema: &Value, resolved: bool) -> Value {
    let mut schema = schema.clone();
    if resolved {
        for (definition, path, target) in [
            ("channel", &["properties", "servers", "items"][..], "server"),
            ("operation", &["properties", "channel"][..], "channel"),
            (
                "operation",
                &["properties", "messages", "items"][..],
                "messageObject",
            ),
            ("operationReply", &["properties", "channel"][..], "channel"),
            (
                "operationReply",
                &["properties", "messages", "items"][..],
                "messageObject",
            ),
        ] {
            let at = path
                .iter()
                .fold(pointer::join("/definitions", definition), |p, t| {
                    pointer::join(&p, t)
                });
            if let Some(Value::Object(slot)) = schema.pointer_mut(&at) {
                slot.insert("$ref", Value::from(format!("#/definitions/{target}")));
            }
        }
    }
    if let Some(Value::Object(any)) = schema.pointer_mut("/definitions/anySchema") {
        if let Some(Value::Object(condition)) = any.get_mut("if") {
            condition.insert("type", Value::from("object"));
        }
    }
    rewrite_reference_choices(&mut schema);
    schema
}

const REFERENCE: &str = "#/definitions/Reference";

/// Rewrites every `oneOf`/`anyOf` with a `Reference` branch (see [`prepare`]).
fn rewrite_reference_choices(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for key in ["oneOf", "anyOf"] {
                let Some(Value::Array(branches)) = map.get(key) else {
                    continue;
                };
                let is_reference =
                    |b: &Value| b.get("$ref").and_then(Value::as_str) == Some(REFERENCE);
                if branches.len() < 2 || !branches.iter().any(is_reference) {
                    continue;
                }
                let rest: Vec<Value> = branches
                    .iter()
                    .filter(|b| !is_reference(b))
                    .cloned()
                    .collect();
                let otherwise = match rest.len() {
                    1 => rest.into_iter().next().unwrap_or(Value::Bool(true)),
                    _ => {
                        let mut choice = Map::new();
                        choice.insert(key, Value::Array(rest));
                        Value::Object(choice)
                    }
                };
                let mut condition = Map::new();
                condition.insert("type", Value::from("object"));
                condition.insert("required", Value::Array(vec![Value::from("$ref")]));
                let mut reference = Map::new();
                reference.insert("$ref", Value::from(REFERENCE));
                let mut rewritten = Map::new();
                rewritten.insert("if", Value::Object(condition));
                rewritten.insert("then", Value::Object(reference));
                rewritten.insert("else", otherwise);
                map.remove(key);
                // Beside other keywords, as one more part of an allOf.
                let mut parts = match map.remove("allOf") {
                    Some(Value::Array(parts)) => parts,
                    _ => Vec::new(),
                };
                parts.push(Value::Object(rewritten));
                map.insert("allOf", Value::Array(parts));
            }
            for (key, child) in map.iter_mut() {
                // Examples and enum values are data, not schemas.
                if !matches!(key.as_str(), "examples" | "enum" | "const" | "default") {
                    rewrite_reference_choices(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite_reference_choices),
        _ => {}
    }
}

/// Checks the bundled document against the schema of its version; records errors
/// where no other check has reported one.
pub(crate) fn check(findings: &mut Findings<'_>) {
    let bundle = findings.bundle;
    let Some(version) = bundle.root.get("asyncapi").and_then(Value::as_str) else {
        return;
    };
    let compiled = match compiled(version) {
        Some(Ok(compiled)) => compiled,
        Some(Err(message)) => {
            // The vendored schema is tested to compile; say so rather than panic.
            findings.error(
                "",
                Problem::Invalid(format!(
                    "the AsyncAPI {version} schema does not compile: {message}"
                )),
            );
            return;
        }
        None => return,
    };
    let resolved = Resolved::new(bundle);
    if let Err(violations) = compiled.resolved.validate(0, &resolved.root) {
        for violation in violations.iter() {
            report(findings, &resolved, &compiled.published, violation);
        }
    }
    let mut as_written = bundle.root.clone();
    if let Some(map) = as_written.as_object_mut() {
        map.remove(MOUNT);
    }
    if let Err(violations) = compiled.as_written.validate(0, &as_written) {
        for violation in violations.iter() {
            if violation.keyword == Keyword::AdditionalProperties
                && pointer::last_token(&violation.pointer) == "$ref"
            {
                let kind = kind_at(pointer::parent(&violation.pointer));
                let problem = Problem::BadRef(format!(
                    "a reference is not allowed here: write {} in place",
                    kind.described()
                ));
                add(findings, &violation.pointer, None, problem);
            }
        }
    }
}

/// Records the error for one violation of the resolved document.
fn report(
    findings: &mut Findings<'_>,
    resolved: &Resolved,
    published: &Value,
    violation: &Violation,
) {
    let at = &violation.pointer;
    if let Some((inlined, site)) = resolved.reference_on_the_way(at) {
        // A reference to the wrong kind of object: one error where the reference is
        // written, not one for every field the object has or lacks as the other kind.
        let used_as = kind_at(&inlined);
        let target = resolved.origin(&inlined);
        let is = kind_at(&target);
        let wrong_kind =
            used_as.is_object() && !matches!(is, Kind::Other | Kind::Map(_)) && is != used_as;
        let ref_at = pointer::join(&site, "$ref");
        let written = findings
            .bundle
            .as_written(&ref_at, &crate::bundle::reference_to(&target));
        if wrong_kind {
            let problem = Problem::BadRef(format!(
                "{written:?} leads to {}, where {} belongs",
                is.described(),
                used_as.described()
            ));
            add(findings, &ref_at, None, problem);
            return;
        }
        if *at == inlined && violation.keyword == Keyword::Type {
            if let Some(expected) = expected_type(&violation.message) {
                let token = pointer::last_token(&inlined);
                let keyword = match token.parse::<usize>() {
                    Ok(i) => format!("{}[{i}]", pointer::last_token(pointer::parent(&inlined))),
                    Err(_) => token,
                };
                let problem = Problem::BadValue {
                    keyword,
                    expected: format!("{expected}, not a reference to {written}"),
                };
                // Unless what it leads to is reported as wrong already.
                add(findings, &site, Some(&target), problem);
                return;
            }
        }
    }
    let origin = resolved.origin(at);
    let field = pointer::last_token(at);
    let problem = match violation.keyword {
        Keyword::AdditionalProperties => {
            let kind = kind_at(pointer::parent(at));
            let hint = moved_in_3(kind, &field)
                .map(str::to_string)
                .unwrap_or_else(|| fields_hint(published, kind, &field));
            Problem::UnknownField {
                field,
                object: kind.described(),
                hint,
            }
        }
        Keyword::Required => {
            let name = violation
                .message
                .strip_prefix("missing required property ")
                .map(|quoted| quoted.trim_matches('"').to_string())
                .unwrap_or_else(|| violation.message.clone());
            Problem::Missing(format!("{name} of {}", kind_at(at).described()))
        }
        Keyword::Type => match expected_type(&violation.message) {
            Some(expected) if !field.is_empty() && field.parse::<usize>().is_err() => {
                Problem::BadValue {
                    keyword: field,
                    expected,
                }
            }
            Some(expected) => {
                Problem::Invalid(format!("{} must be {expected}", kind_at(at).described()))
            }
            None => Problem::Invalid(violation.message.clone()),
        },
        Keyword::OneOf | Keyword::AnyOf => Problem::Invalid(format!(
            "{} is none of the forms the specification allows here ({})",
            kind_at(at).described(),
            violation.message
        )),
        _ => Problem::Invalid(match field.is_empty() || field.parse::<usize>().is_ok() {
            true => violation.message.clone(),
            false => format!("{field:?}: {}", violation.message),
        }),
    };
    add(findings, &origin, Some(at), problem);
}

/// What to write instead of an unknown field: the object's fields, or how extensions
/// are named.
fn fields_hint(published: &Value, kind: Kind, field: &str) -> String {
    if field.to_ascii_lowercase().starts_with("x-") {
        return "an extension's name is \"x-\" followed by letters, digits, '.', '-' or '_'".into();
    }
    let fields: Vec<&String> = match kind {
        Kind::Document => published.get("properties"),
        other => other
            .definition()
            .and_then(|name| published.pointer(&pointer::join("/definitions", name)))
            .and_then(|definition| definition.get("properties")),
    }
    .and_then(Value::as_object)
    .map(|properties| properties.keys().collect())
    .unwrap_or_default();
    match fields.is_empty() {
        true => {
            "only the fields the specification gives it are allowed, and extensions (\"x-...\")"
                .into()
        }
        false => {
            let list: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
            format!(
                "its fields are {}, and extensions (\"x-...\")",
                list.join(", ")
            )
        }
    }
}

/// `expected` from the interpreter's `X is not of type T`, in the words of the other
/// checks (`a mapping`, `a string or null`).
fn expected_type(message: &str) -> Option<String> {
    let types = message.rsplit_once(" is not of type ")?.1;
    let words: Vec<String> = types
        .split([',', ' '])
        .filter(|t| !t.is_empty() && *t != "or")
        .map(|t| match t {
            "object" => "a mapping".to_string(),
            "array" => "a list".to_string(),
            "integer" => "an integer".to_string(),
            "null" => "null".to_string(),
            other => format!("a {other}"),
        })
        .collect();
    match words.split_last() {
        None => None,
        Some((last, [])) => Some(last.clone()),
        Some((last, rest)) => Some(format!("{} or {last}", rest.join(", "))),
    }
}

/// Records `problem` at `at` (a bundle pointer) unless another check already reported
/// an error there, or around it, or about a value inside it (it says it better), or
/// about a reference the value was reached through (`used_at`, the pointer in the
/// resolved document, passes through the object whose `$ref` it is: a reference to
/// the wrong object reports that, not every field the object lacks).
fn add(findings: &mut Findings<'_>, at: &str, used_at: Option<&str>, problem: Problem) {
    let location = findings.bundle.locate(at);
    let document = &findings.bundle.document.file;
    let overlaps = findings.errors.iter().any(|error| match error {
        Error::At {
            location: other, ..
        } => {
            let reported = other
                .pointer
                .strip_suffix("/$ref")
                .unwrap_or(&other.pointer);
            let here = other.file == location.file && overlap(reported, &location.pointer);
            let on_the_way =
                used_at.is_some_and(|used| &other.file == document && overlap(reported, used));
            here || on_the_way
        }
        _ => false,
    });
    if !overlaps {
        findings.error(at, problem);
    }
}

/// Whether one pointer is the other or inside it (the whole document overlaps only
/// itself: an error about the document as a whole says nothing about its parts).
fn overlap(a: &str, b: &str) -> bool {
    let within = |inner: &str, outer: &str| {
        inner == outer
            || (!outer.is_empty()
                && inner
                    .strip_prefix(outer)
                    .is_some_and(|rest| rest.starts_with('/')))
    };
    within(a, b) || within(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vendored_schema_compiles() {
        for version in versions() {
            assert!(matches!(compiled(version), Some(Ok(_))), "{version}");
        }
    }

    #[test]
    fn types_in_words() {
        assert_eq!(
            expected_type("3 is not of type string or null").as_deref(),
            Some("a string or null")
        );
        assert_eq!(
            expected_type("array is not of type object").as_deref(),
            Some("a mapping")
        );
    }
}
