//! `if`/`then`/`else` on a string, as typed checks (`#[validate(when(...))]`) rather
//! than a call into the schema interpreter for every value.
//!
//! Typed only when the outcome cannot differ: the value is a string, and each of the
//! three schemas is an object whose validating keywords are `minLength`, `maxLength`
//! and `pattern` (annotations may sit beside them). Anything else (`$ref`, `format:
//! byte`, `type`, a boolean schema, another keyword) stays in the residual schema.

use asyncapi_runtime::{Map, Value};

use super::rep::validates;
use crate::model::ir::{Checks, When};

/// The keywords a condition and its branches may hold to be typed.
const TYPED: &[&str] = &["minLength", "maxLength", "pattern"];

/// How a string schema's `if`/`then`/`else` is checked.
pub enum Conditional {
    /// There is no `if`: nothing to do.
    Absent,
    /// Typed: `None` when it has no effect (neither `then` nor `else`).
    Typed(Option<Box<When>>),
    /// Left to the residual schema.
    Residual,
}

/// How `map`'s `if`/`then`/`else` is checked on a string.
pub fn of(map: &Map) -> Conditional {
    let Some(condition) = map.get("if") else {
        return Conditional::Absent;
    };
    let (Some(condition), Some(then), Some(otherwise)) = (
        typed(Some(condition)),
        typed(map.get("then")),
        typed(map.get("else")),
    ) else {
        return Conditional::Residual;
    };
    if then.is_empty() && otherwise.is_empty() {
        return Conditional::Typed(None);
    }
    if condition.is_empty() {
        // `if: {}` always holds: not worth a form of its own.
        return Conditional::Residual;
    }
    Conditional::Typed(Some(Box::new(When {
        condition,
        then,
        otherwise,
    })))
}

/// The checks of one of the three schemas, when it can be typed (an absent one has
/// none).
fn typed(schema: Option<&Value>) -> Option<Checks> {
    let Some(schema) = schema else {
        return Some(Checks::default());
    };
    let map = schema.as_object()?;
    if !super::rep::contradictory(map).is_empty() {
        // The derive refuses bounds that admit nothing; the interpreter checks them.
        return None;
    }
    let mut checks = Checks::default();
    for (key, value) in map.iter() {
        if !validates(key, value) {
            continue;
        }
        if !TYPED.contains(&key.as_str()) {
            return None;
        }
        match key.as_str() {
            "minLength" => checks.min_length = Some(value.as_u64()?),
            "maxLength" => checks.max_length = Some(value.as_u64()?),
            _ => checks.pattern = Some(value.as_str()?.to_string()),
        }
    }
    Some(checks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(json: &str) -> Map {
        match serde_json::from_str::<Value>(json).expect("JSON") {
            Value::Object(map) => map,
            _ => panic!("an object"),
        }
    }

    fn when(json: &str) -> Option<Box<When>> {
        match of(&map(json)) {
            Conditional::Typed(when) => when,
            Conditional::Absent => panic!("absent: {json}"),
            Conditional::Residual => panic!("residual: {json}"),
        }
    }

    fn residual(json: &str) -> bool {
        matches!(of(&map(json)), Conditional::Residual)
    }

    #[test]
    fn string_keywords_are_typed() {
        let w = when(
            r#"{"if": {"minLength": 4, "description": "long"}, "then": {"pattern": "==$"},
                "else": {"maxLength": 2, "pattern": "^a"}}"#,
        )
        .expect("an effect");
        assert_eq!(w.condition.min_length, Some(4));
        assert_eq!(w.then.pattern.as_deref(), Some("==$"));
        assert_eq!(w.otherwise.max_length, Some(2));
        assert_eq!(w.otherwise.pattern.as_deref(), Some("^a"));
        // `format` other than `byte` is an annotation.
        assert!(
            when(r#"{"if": {"pattern": "x", "format": "email"}, "then": {"minLength": 1}}"#)
                .is_some()
        );
    }

    #[test]
    fn without_then_or_else_there_is_nothing_to_check() {
        assert!(when(r#"{"if": {"minLength": 4}}"#).is_none());
        // Whatever `if` says, with nothing to select it has no effect.
        assert!(residual(r#"{"if": {"const": "x"}}"#));
    }

    #[test]
    fn anything_else_stays_residual() {
        assert!(matches!(
            of(&map(r#"{"then": {"minLength": 1}}"#)),
            Conditional::Absent
        ));
        for json in [
            r#"{"if": {"const": "a"}, "then": {"minLength": 2}}"#,
            r#"{"if": {"minLength": 2}, "then": {"format": "byte"}}"#,
            r##"{"if": {"minLength": 2}, "then": {"$ref": "#/definitions/x"}}"##,
            r#"{"if": {"minLength": 2}, "else": {"type": "string"}}"#,
            r#"{"if": true, "then": {"minLength": 2}}"#,
            r#"{"if": {"minLength": 2}, "then": false}"#,
            r#"{"if": {"minLength": 2.5}, "then": {"maxLength": 3}}"#,
            r#"{"if": {"minLength": 2}, "then": {"not": {"pattern": "a"}}}"#,
            r#"{"if": {}, "then": {"maxLength": 3}}"#,
        ] {
            assert!(residual(json), "{json}");
        }
    }
}
