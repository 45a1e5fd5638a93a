//! Documentation from schemas: title, description, examples, default, deprecation,
//! and a sentence stating the constraints a field's checks make.

use asyncapi_runtime::{Map, Value};

use crate::model::ir::{Checks, Docs};

/// Doc comment material for a schema; `constraints` for a field's checks.
pub fn of(map: &Map, checks: Option<&Checks>) -> Docs {
    let text = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_string);
    Docs {
        title: text("title"),
        summary: None,
        description: text("description"),
        constraints: checks.and_then(describe),
        examples: map
            .get("examples")
            .and_then(Value::as_array)
            .map(|examples| examples.iter().map(Value::to_string).collect())
            .unwrap_or_default(),
        default: map.get("default").map(Value::to_string),
        deprecated: map.get("deprecated") == Some(&Value::Bool(true)),
    }
}

/// The constraints sentence (`Constraints: 1 to 256 characters; ...`).
pub fn describe(c: &Checks) -> Option<String> {
    let parts = parts(c);
    (!parts.is_empty()).then(|| format!("Constraints: {}.", parts.join("; ")))
}

/// The clauses of [`describe`].
fn parts(c: &Checks) -> Vec<String> {
    let mut out = Vec::new();
    let range = |lo: Option<u64>, hi: Option<u64>, unit: &str| match (lo, hi) {
        (Some(lo), Some(hi)) if lo == hi => Some(format!("exactly {lo} {unit}")),
        (Some(lo), Some(hi)) => Some(format!("{lo} to {hi} {unit}")),
        (Some(lo), None) => Some(format!("at least {lo} {unit}")),
        (None, Some(hi)) => Some(format!("at most {hi} {unit}")),
        (None, None) => None,
    };
    out.extend(range(
        c.min_length,
        c.max_length,
        "characters (code points)",
    ));
    if let Some(pattern) = &c.pattern {
        out.push(format!(
            "contains a match of `{pattern}` (ECMA-262, unanchored)"
        ));
    }
    for (label, value) in [
        ("minimum", &c.minimum),
        ("maximum", &c.maximum),
        ("exclusive minimum", &c.exclusive_minimum),
        ("exclusive maximum", &c.exclusive_maximum),
        ("multiple of", &c.multiple_of),
    ] {
        if let Some(value) = value {
            out.push(format!("{label} {value}"));
        }
    }
    out.extend(range(c.min_items, c.max_items, "items"));
    if c.unique_items {
        out.push("items unique".into());
    }
    out.extend(range(c.min_properties, c.max_properties, "properties"));
    match c.format.as_deref() {
        Some("byte") => out.push("format `byte`: standard padded base64, enforced".into()),
        Some(other) => out.push(format!("format `{other}` (annotation, not enforced)")),
        None => {}
    }
    if let Some(when) = &c.when {
        let clause = |c: &Checks| parts(c).join(", ");
        let mut text = format!("if {}", clause(&when.condition));
        if !when.then.is_empty() {
            text.push_str(&format!(", then {}", clause(&when.then)));
        }
        if !when.otherwise.is_empty() {
            text.push_str(&format!(", otherwise {}", clause(&when.otherwise)));
        }
        out.push(text);
    }
    if c.extra.is_some() {
        let clause = if out.is_empty() {
            "what the schema says (checked on the JSON value)"
        } else {
            "and what the schema says beyond these (checked on the JSON value)"
        };
        out.push(clause.into());
    }
    out
}
