//! `allOf` as one schema, for typing: the parts' keywords combined where the
//! combination means exactly the same as the parts together, and the rest kept aside.
//!
//! `merged ∧ leftovers` accepts exactly what the original schema accepts: properties
//! are united (a name several parts describe gets `allOf` of their schemas), `required`
//! united, bounds tightened, `enum`s intersected, `items` and `additionalProperties`
//! combined with `allOf`, and a part's `additionalProperties` applied to the properties
//! only other parts list (for that part they are "additional"). Keywords without an
//! exact combination (`not`, `if`, `contains`, a second `pattern`, `oneOf`, ...) go to
//! `leftovers`, which generated code checks with the schema interpreter.

use asyncapi_runtime::{Map, Number, Value};

use crate::bundle::Bundle;

/// The result of merging.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// One schema object standing for every part.
    pub schema: Map,
    /// Schemas that must hold too (each applies to the whole value).
    pub leftovers: Vec<Value>,
    /// Whether some part is `false`, or two parts contradict in a way no value meets.
    pub impossible: bool,
}

/// Keywords merged here; every other keyword of a part is a leftover (annotations are
/// taken from the first part that has them).
const MERGED: &[&str] = &[
    "type",
    "properties",
    "required",
    "additionalProperties",
    "minProperties",
    "maxProperties",
    "items",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "pattern",
    "format",
    "enum",
    "const",
    "allOf",
];

const ANNOTATION: &[&str] = &[
    "title",
    "description",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "$comment",
    "$id",
    "$schema",
    "discriminator",
    "externalDocs",
];

/// Merges the schema object `map` with its `allOf` parts (followed through `$ref`s
/// into `root`, nested `allOf`s flattened).
pub fn all_of(root: &Value, map: &Map) -> Merged {
    let mut parts: Vec<Map> = Vec::new();
    let mut merged = Merged::default();
    collect(
        root,
        &Value::Object(map.clone()),
        &mut parts,
        &mut merged,
        0,
    );
    let mut out = Map::new();
    let mut types: Option<Vec<String>> = None;
    for part in &parts {
        for (key, value) in part.iter() {
            if ANNOTATION.contains(&key.as_str()) || key.starts_with("x-") {
                if !out.contains_key(key) {
                    out.insert(key.clone(), value.clone());
                }
                continue;
            }
            if !MERGED.contains(&key.as_str()) {
                let mut leftover = Map::new();
                leftover.insert(key.clone(), value.clone());
                // `if` needs its branches beside it.
                if key == "if" {
                    for branch in ["then", "else"] {
                        if let Some(b) = part.get(branch) {
                            leftover.insert(branch, b.clone());
                        }
                    }
                }
                if key == "then" || key == "else" {
                    continue;
                }
                // `additionalItems` depends on the part's tuple `items`.
                if key == "additionalItems" {
                    if let Some(items) = part.get("items") {
                        leftover.insert("items", items.clone());
                    }
                }
                merged.leftovers.push(Value::Object(leftover));
                continue;
            }
            match key.as_str() {
                "allOf" => {}
                "type" => {
                    let these = type_names(value);
                    types = Some(match types {
                        None => these,
                        Some(before) => intersect_types(&before, &these),
                    });
                }
                "required" => {
                    let mut list = out
                        .get("required")
                        .and_then(Value::as_array)
                        .cloned()
                        .unwrap_or_default();
                    for name in value.as_array().into_iter().flatten() {
                        if !list.contains(name) {
                            list.push(name.clone());
                        }
                    }
                    out.insert("required", Value::Array(list));
                }
                "properties" | "additionalProperties" => {}
                "items" if value.is_array() => merged.leftovers.push(single("items", value)),
                "items" => combine(&mut out, key, value),
                "minProperties" | "minItems" | "minLength" => tighten(&mut out, key, value, true),
                "maxProperties" | "maxItems" | "maxLength" => tighten(&mut out, key, value, false),
                "minimum" | "exclusiveMinimum" => tighten(&mut out, key, value, true),
                "maximum" | "exclusiveMaximum" => tighten(&mut out, key, value, false),
                "uniqueItems" => {
                    if value.as_bool() == Some(true) {
                        out.insert("uniqueItems", Value::Bool(true));
                    }
                }
                "multipleOf" | "pattern" => match out.get(key) {
                    None => {
                        out.insert(key.clone(), value.clone());
                    }
                    Some(existing) if existing == value => {}
                    Some(_) => merged.leftovers.push(single(key, value)),
                },
                "format" => match out.get("format").and_then(Value::as_str) {
                    None => {
                        out.insert("format", value.clone());
                    }
                    // `byte` is enforced: it must not be lost to an annotation.
                    Some(existing) if value.as_str() == Some("byte") && existing != "byte" => {
                        out.insert("format", value.clone());
                    }
                    Some(_) => {}
                },
                "enum" => {
                    let values = value.as_array().cloned().unwrap_or_default();
                    let kept = match out.get("enum").and_then(Value::as_array) {
                        None => values,
                        Some(before) => before
                            .iter()
                            .filter(|v| values.contains(v))
                            .cloned()
                            .collect(),
                    };
                    out.insert("enum", Value::Array(kept));
                }
                "const" => match out.get("const") {
                    None => {
                        out.insert("const", value.clone());
                    }
                    Some(existing) if existing == value => {}
                    Some(_) => merged.impossible = true,
                },
                _ => merged.leftovers.push(single(key, value)),
            }
        }
    }
    if let Some(types) = types {
        if types.is_empty() {
            merged.impossible = true;
        } else {
            out.insert(
                "type",
                if types.len() == 1 {
                    Value::String(types[0].clone())
                } else {
                    Value::Array(types.into_iter().map(Value::String).collect())
                },
            );
        }
    }
    objects(&parts, &mut out, &mut merged);
    merged.schema = out;
    merged
}

fn single(key: &str, value: &Value) -> Value {
    let mut map = Map::new();
    map.insert(key, value.clone());
    Value::Object(map)
}

/// The parts, `$ref`s followed and nested `allOf`s flattened.
fn collect(root: &Value, schema: &Value, parts: &mut Vec<Map>, merged: &mut Merged, depth: usize) {
    if depth > 64 {
        merged.leftovers.push(schema.clone());
        return;
    }
    match schema {
        Value::Bool(true) => {}
        Value::Bool(false) => merged.impossible = true,
        Value::Object(map) => {
            if let Some(target) = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(Bundle::target)
            {
                match root.pointer(&target) {
                    Some(target) => collect(root, target, parts, merged, depth + 1),
                    None => merged.leftovers.push(schema.clone()),
                }
                return;
            }
            let mut own = map.clone();
            let nested = own.remove("allOf");
            parts.push(own);
            if let Some(Value::Array(nested)) = nested {
                for part in &nested {
                    collect(root, part, parts, merged, depth + 1);
                }
            }
        }
        _ => merged.leftovers.push(schema.clone()),
    }
}

fn type_names(value: &Value) -> Vec<String> {
    match value {
        Value::String(name) => vec![name.clone()],
        Value::Array(names) => names
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

fn intersect_types(a: &[String], b: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for t in a {
        let kept = if b.contains(t) {
            Some(t.clone())
        } else if (t == "number" && b.iter().any(|x| x == "integer"))
            || (t == "integer" && b.iter().any(|x| x == "number"))
        {
            // Integers are the numbers both allow.
            Some("integer".to_string())
        } else {
            None
        };
        if let Some(kept) = kept {
            if !out.contains(&kept) {
                out.push(kept);
            }
        }
    }
    out
}

/// `key` becomes `allOf` of its values.
fn combine(out: &mut Map, key: &str, value: &Value) {
    match out.get(key).cloned() {
        None => {
            out.insert(key, value.clone());
        }
        Some(existing) if existing == *value => {}
        Some(existing) => {
            let mut both = Map::new();
            both.insert("allOf", Value::Array(vec![existing, value.clone()]));
            out.insert(key, Value::Object(both));
        }
    }
}

/// Keeps the tighter of two bounds (the larger minimum, the smaller maximum).
fn tighten(out: &mut Map, key: &str, value: &Value, larger: bool) {
    let Value::Number(new) = value else {
        out.insert(key, value.clone());
        return;
    };
    let keep_new = match out.get(key) {
        Some(Value::Number(old)) => {
            if larger {
                new > old
            } else {
                new < old
            }
        }
        _ => true,
    };
    if keep_new {
        out.insert(key, Value::Number(Number::clone(new)));
    }
}

/// `properties` and `additionalProperties` of all parts. For a part with
/// `additionalProperties`, every property it does not list is additional to it, so
/// that property's schema gets the part's `additionalProperties` too. A part with
/// `patternProperties` makes "additional" depend on names: its object keywords stay
/// leftovers instead.
fn objects(parts: &[Map], out: &mut Map, merged: &mut Merged) {
    let has_patterns = parts.iter().any(|p| p.contains_key("patternProperties"));
    if has_patterns {
        for part in parts {
            let mut leftover = Map::new();
            for key in ["properties", "patternProperties", "additionalProperties"] {
                if let Some(value) = part.get(key) {
                    leftover.insert(key, value.clone());
                }
            }
            if !leftover.is_empty() {
                merged.leftovers.push(Value::Object(leftover));
            }
        }
        return;
    }
    let mut names: Vec<String> = Vec::new();
    for part in parts {
        if let Some(Value::Object(properties)) = part.get("properties") {
            for name in properties.keys() {
                if !names.contains(name) {
                    names.push(name.clone());
                }
            }
        }
    }
    let mut properties = Map::new();
    for name in &names {
        let mut schemas: Vec<Value> = Vec::new();
        for part in parts {
            let listed = part.get("properties").and_then(|p| p.get(name));
            match (listed, part.get("additionalProperties")) {
                (Some(schema), _) => schemas.push(schema.clone()),
                (None, Some(extra)) => schemas.push(extra.clone()),
                (None, None) => {}
            }
        }
        schemas.dedup();
        let schema = match schemas.len() {
            0 => Value::Bool(true),
            1 => schemas.remove(0),
            _ => {
                let mut both = Map::new();
                both.insert("allOf", Value::Array(schemas));
                Value::Object(both)
            }
        };
        properties.insert(name.clone(), schema);
    }
    if !properties.is_empty() {
        out.insert("properties", Value::Object(properties));
    }
    let extras: Vec<Value> = parts
        .iter()
        .filter_map(|p| p.get("additionalProperties").cloned())
        .collect();
    match extras.len() {
        0 => {}
        1 => {
            out.insert("additionalProperties", extras[0].clone());
        }
        _ => {
            let mut all = Map::new();
            all.insert("allOf", Value::Array(extras));
            out.insert("additionalProperties", Value::Object(all));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use asyncapi_runtime::parse_json;

    fn merge(root: &str, schema: &str) -> Merged {
        let root = parse_json(root.as_bytes()).unwrap();
        let schema = parse_json(schema.as_bytes()).unwrap();
        all_of(&root, schema.as_object().unwrap())
    }

    #[test]
    fn inheritance_becomes_one_object() {
        let m = merge(
            r##"{"Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}}"##,
            r##"{"allOf": [{"$ref": "#/Base"}, {"type": "object", "properties": {"total": {"type": "number"}}, "required": ["total"]}]}"##,
        );
        assert!(m.leftovers.is_empty() && !m.impossible);
        assert_eq!(
            Value::Object(m.schema),
            parse_json(br#"{"type":"object","required":["id","total"],"properties":{"id":{"type":"string"},"total":{"type":"number"}}}"#).unwrap()
        );
    }

    #[test]
    fn additional_properties_apply_to_the_other_parts_properties() {
        let m = merge(
            "{}",
            r#"{"allOf": [{"properties": {"a": {}}, "additionalProperties": false}, {"properties": {"b": {"type": "string"}}}]}"#,
        );
        assert_eq!(
            Value::Object(m.schema),
            parse_json(br#"{"properties":{"a":{},"b":{"allOf":[false,{"type":"string"}]}},"additionalProperties":false}"#).unwrap()
        );
    }

    #[test]
    fn what_does_not_combine_is_left_over() {
        let m = merge(
            "{}",
            r#"{"allOf": [{"pattern": "a", "maximum": 30}, {"pattern": "b", "minimum": 20, "maximum": 25, "not": {"const": 22}}]}"#,
        );
        assert_eq!(
            Value::Object(m.schema.clone()).to_string(),
            r#"{"pattern":"a","maximum":25,"minimum":20}"#
        );
        assert_eq!(m.leftovers.len(), 2);
        let m = merge(
            "{}",
            r#"{"allOf": [{"type": "string"}, {"type": "integer"}]}"#,
        );
        assert!(m.impossible);
        let m = merge(
            "{}",
            r#"{"allOf": [{"type": ["number", "null"]}, {"type": "integer"}]}"#,
        );
        assert_eq!(m.schema.get("type"), Some(&Value::from("integer")));
    }
}
