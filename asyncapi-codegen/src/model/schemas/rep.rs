//! How a schema is represented in Rust, and what its representation leaves for the
//! schema interpreter to check.
//!
//! A schema admits a set of JSON types (`type`, or all of them). When exactly one
//! remains (and maybe `null`), the value is that Rust type and the keywords of that
//! type become checks; the type enforces `type`, and keywords of other types can never
//! apply, so they are dropped. Keywords no Rust type or check expresses (`not`,
//! `if`/`then`/`else`, `contains`, `patternProperties`, `propertyNames`,
//! `dependencies`, tuple `items`, what an `allOf` could not merge) form the
//! *residual*: a schema checked on the value as JSON. Unions, `enum`/`const` and
//! values of several types are validated against the whole schema instead.

use asyncapi_runtime::{JsonType, Map, Value};

/// The JSON types a schema's `type` admits (`integer` for `["integer", "number"]`
/// is folded into `number`).
pub fn admitted(map: &Map) -> Option<Vec<JsonType>> {
    let names: Vec<&str> = match map.get("type")? {
        Value::String(name) => vec![name.as_str()],
        Value::Array(names) => names.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    let mut types: Vec<JsonType> = names
        .iter()
        .filter_map(|n| JsonType::from_name(n))
        .collect();
    if types.contains(&JsonType::Number) {
        types.retain(|t| *t != JsonType::Integer);
    }
    types.dedup();
    Some(types)
}

/// The kind of value a keyword constrains (`None`: any value).
pub fn kind_of(keyword: &str) -> Option<JsonType> {
    Some(match keyword {
        "multipleOf" | "maximum" | "exclusiveMaximum" | "minimum" | "exclusiveMinimum" => {
            JsonType::Number
        }
        "maxLength" | "minLength" | "pattern" => JsonType::String,
        "items" | "additionalItems" | "maxItems" | "minItems" | "uniqueItems" | "contains" => {
            JsonType::Array
        }
        "maxProperties"
        | "minProperties"
        | "required"
        | "properties"
        | "patternProperties"
        | "additionalProperties"
        | "dependencies"
        | "propertyNames" => JsonType::Object,
        _ => return None,
    })
}

/// Keywords that validate (every other keyword annotates). `format` validates only
/// as `byte`.
pub fn validates(keyword: &str, value: &Value) -> bool {
    match keyword {
        "format" => value.as_str() == Some("byte"),
        "type"
        | "enum"
        | "const"
        | "multipleOf"
        | "maximum"
        | "exclusiveMaximum"
        | "minimum"
        | "exclusiveMinimum"
        | "maxLength"
        | "minLength"
        | "pattern"
        | "items"
        | "additionalItems"
        | "maxItems"
        | "minItems"
        | "uniqueItems"
        | "contains"
        | "maxProperties"
        | "minProperties"
        | "required"
        | "properties"
        | "patternProperties"
        | "additionalProperties"
        | "dependencies"
        | "propertyNames"
        | "if"
        | "then"
        | "else"
        | "allOf"
        | "anyOf"
        | "oneOf"
        | "not"
        | "$ref" => true,
        _ => false,
    }
}

/// The JSON types whose keywords appear in `map`, in a fixed order.
pub fn constrained_kinds(map: &Map) -> Vec<JsonType> {
    let mut kinds = Vec::new();
    for kind in [
        JsonType::Object,
        JsonType::Array,
        JsonType::String,
        JsonType::Number,
    ] {
        let present = map
            .iter()
            .any(|(key, value)| kind_of(key) == Some(kind) && validates(key, value));
        let byte =
            kind == JsonType::String && map.get("format").and_then(Value::as_str) == Some("byte");
        if present || byte {
            kinds.push(kind);
        }
    }
    kinds
}

/// Whether the schema has any keyword that validates.
pub fn has_validation(map: &Map) -> bool {
    map.iter().any(|(key, value)| validates(key, value))
}

/// The keywords a value of JSON type `kind` takes into its Rust type and checks.
fn owned_by(kind: JsonType, map: &Map) -> &'static [&'static str] {
    match kind {
        JsonType::String => &["type", "minLength", "maxLength", "pattern", "format"],
        JsonType::Integer | JsonType::Number => &[
            "type",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ],
        JsonType::Boolean | JsonType::Null => &["type"],
        JsonType::Array => {
            if map.get("items").is_some_and(Value::is_array) {
                &["type", "minItems", "maxItems", "uniqueItems"]
            } else {
                // With one `items` schema, `additionalItems` means nothing.
                &[
                    "type",
                    "items",
                    "additionalItems",
                    "minItems",
                    "maxItems",
                    "uniqueItems",
                ]
            }
        }
        JsonType::Object => {
            if map.contains_key("patternProperties") {
                &[
                    "type",
                    "properties",
                    "required",
                    "minProperties",
                    "maxProperties",
                ]
            } else {
                &[
                    "type",
                    "properties",
                    "required",
                    "additionalProperties",
                    "minProperties",
                    "maxProperties",
                ]
            }
        }
    }
}

/// The bound keywords of `map` that together admit no value (`minItems: 2` with
/// `maxItems: 1`): valid JSON Schema, which the derive refuses as typed checks (a
/// mistake in hand-written code), so they are left to the residual, where the
/// interpreter reports them as the document says.
pub fn contradictory(map: &Map) -> Vec<&'static str> {
    const PAIRS: [(&str, &str, bool); 7] = [
        ("minLength", "maxLength", false),
        ("minItems", "maxItems", false),
        ("minProperties", "maxProperties", false),
        ("minimum", "maximum", false),
        ("minimum", "exclusiveMaximum", true),
        ("exclusiveMinimum", "maximum", true),
        ("exclusiveMinimum", "exclusiveMaximum", true),
    ];
    let mut out = Vec::new();
    for (lower, upper, strict) in PAIRS {
        let (Some(low), Some(high)) = (
            map.get(lower).and_then(Value::as_number),
            map.get(upper).and_then(Value::as_number),
        ) else {
            continue;
        };
        let empty = match low.cmp(high) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => strict,
            std::cmp::Ordering::Less => false,
        };
        if empty {
            for key in [lower, upper] {
                if !out.contains(&key) {
                    out.push(key);
                }
            }
        }
    }
    out
}

/// What remains to check of `map` once a value is known to be of type `kind` (or
/// `null`) and its Rust type and checks took their keywords: `None` when nothing
/// remains. Keywords of other types never apply and are dropped.
pub fn residual(kind: JsonType, map: &Map) -> Option<Map> {
    let contradictory = contradictory(map);
    let owned: Vec<&str> = owned_by(kind, map)
        .iter()
        .copied()
        .filter(|key| !contradictory.contains(key))
        .collect();
    let same_kind = |k: Option<JsonType>| match (k, kind) {
        (None, _) => true,
        (Some(JsonType::Number), JsonType::Integer) => true,
        (Some(k), kind) => k == kind,
    };
    // A string's `if`/`then`/`else` over its own keywords is a typed check.
    let typed_condition = kind == JsonType::String
        && matches!(
            super::conditional::of(map),
            super::conditional::Conditional::Typed(_)
        );
    let mut out = Map::new();
    for (key, value) in map.iter() {
        if !validates(key, value) || owned.contains(&key.as_str()) || !same_kind(kind_of(key)) {
            continue;
        }
        if typed_condition && matches!(key.as_str(), "if" | "then" | "else") {
            continue;
        }
        // `enum`, `const`, `oneOf`, `anyOf` and `allOf` are resolved before a schema is
        // given one type; `then`/`else` go with `if`.
        if matches!(key.as_str(), "then" | "else") && !map.contains_key("if") {
            continue;
        }
        out.insert(key.clone(), value.clone());
    }
    if kind == JsonType::Array && map.get("items").is_some_and(Value::is_array) {
        if let Some(extra) = map.get("additionalItems") {
            out.insert("additionalItems", extra.clone());
        }
    }
    if kind == JsonType::Object && map.contains_key("patternProperties") {
        // Whether a property is additional depends on the listed names too.
        if let Some(extra) = map.get("additionalProperties") {
            let names: Map = map
                .get("properties")
                .and_then(Value::as_object)
                .map(|properties| {
                    properties
                        .keys()
                        .map(|k| (k.clone(), Value::Bool(true)))
                        .collect()
                })
                .unwrap_or_default();
            out.insert("properties", Value::Object(names));
            out.insert("additionalProperties", extra.clone());
        }
    }
    if out.is_empty() {
        return None;
    }
    // Applied to `null` as well: the keywords of `kind` ignore it, as JSON Schema says,
    // and the others (`not`, `if`, ...) must hold for it too.
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use asyncapi_runtime::parse_json;

    fn map(json: &str) -> Map {
        parse_json(json.as_bytes())
            .unwrap()
            .as_object()
            .unwrap()
            .clone()
    }

    #[test]
    fn residuals() {
        assert!(residual(
            JsonType::String,
            &map(r#"{"type": "string", "maxLength": 3, "minimum": 2}"#)
        )
        .is_none());
        assert_eq!(
            Value::Object(
                residual(
                    JsonType::String,
                    &map(r#"{"type": "string", "not": {"const": "x"}}"#)
                )
                .unwrap()
            )
            .to_string(),
            r#"{"not":{"const":"x"}}"#
        );
        assert_eq!(
            Value::Object(
                residual(JsonType::Object, &map(r#"{"type": "object", "properties": {"a": {}}, "patternProperties": {"^x": {}}, "additionalProperties": false}"#)).unwrap()
            )
            .to_string(),
            r#"{"patternProperties":{"^x":{}},"additionalProperties":false,"properties":{"a":true}}"#
        );
        assert_eq!(
            Value::Object(
                residual(
                    JsonType::Array,
                    &map(r#"{"type": "array", "items": [{}], "additionalItems": false}"#)
                )
                .unwrap()
            )
            .to_string(),
            r#"{"items":[{}],"additionalItems":false}"#
        );
    }

    #[test]
    fn kinds() {
        assert_eq!(
            constrained_kinds(&map(r#"{"properties": {}, "maxLength": 2}"#)),
            [JsonType::Object, JsonType::String]
        );
        assert_eq!(
            admitted(&map(r#"{"type": ["integer", "number", "null"]}"#)),
            Some(vec![JsonType::Number, JsonType::Null])
        );
    }
}
