//! `allOf`: every schema with `allOf` is replaced, before modelling, by one schema that
//! means the same, so that the model sees plain objects and plain values.
//!
//! - Object parts (a `type: object` part, or parts with `properties`, `required`,
//!   `additionalProperties`, `minProperties`/`maxProperties`), inline or reached by
//!   `$ref`, merge into one object: properties and `required` are unioned in document
//!   order (the keywords next to `allOf` first, then each part), `minProperties` takes
//!   the largest, `maxProperties` the smallest. A property described by several parts
//!   must be described the same way, or by `true`/`{}` in all but one, or by plain
//!   schemas of the same type whose keywords combine (below); anything else is an
//!   error that names both pointers.
//! - `additionalProperties` (other than `true`) in one part sees that part's
//!   `properties` only (JSON Schema draft 7): a property another part declares beyond
//!   them could never be present, so that is an error; otherwise it carries over.
//! - Non-object parts combine their keywords: lower bounds take the largest, upper
//!   bounds the smallest, `uniqueItems` holds if any part sets it, and `type` is the
//!   types every part allows (`integer` within `number`). Keywords that cannot be
//!   combined into one (two different `pattern`s, `enum`s, `const`s, `format`s,
//!   `multipleOf`s, `items`, or `oneOf`/`anyOf` next to properties) are errors.
//! - Annotations (`title`, `description`, ...) come from the schema holding `allOf`,
//!   else from the first part that has them.
//!
//! Errors point at the `allOf` keyword, or at the two conflicting schemas. Problems the
//! model finds later inside a merged property point at the merged schema.

use std::borrow::Cow;
use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::check::{Keys, ANNOTATIONS};
use crate::error::{Error, Problem};
use crate::load::Document;
use crate::pointer;

/// `doc` with every `allOf` merged (borrowed unchanged when it has none).
pub fn merge(doc: &Document) -> Result<Cow<'_, Document>, Error> {
    let mut found = Vec::new();
    collect(&doc.root, "", Keys::Root, &mut found);
    if found.is_empty() {
        return Ok(Cow::Borrowed(doc));
    }
    let mut merger = Merger {
        file: doc.file.clone(),
        root: doc.root.clone(),
        done: HashSet::new(),
        stack: Vec::new(),
    };
    let mut errors = Vec::new();
    for at in &found {
        if let Err(error) = merger.merge_at(at) {
            errors.push(error);
        }
    }
    Error::from_list(errors)?;
    Ok(Cow::Owned(Document {
        file: doc.file.clone(),
        root: merger.root,
    }))
}

/// Pointers of the schemas with `allOf`, children before parents.
fn collect(value: &Value, at: &str, keys: Keys, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                // Data (`examples`, `const`, ...) holds no schemas.
                if let Some(child_keys) = keys.child(key) {
                    collect(child, &pointer::join(at, key), child_keys, out);
                }
            }
            if keys.are_keywords() && matches!(map.get("allOf"), Some(Value::Array(_))) {
                out.push(at.to_string());
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect(item, &format!("{at}/{i}"), Keys::Keywords, out);
            }
        }
        _ => {}
    }
}

struct Merger {
    file: std::path::PathBuf,
    root: Value,
    done: HashSet<String>,
    stack: Vec<String>,
}

/// One part of an `allOf`: where it was written, and its keywords.
struct Part {
    origin: String,
    map: Map<String, Value>,
}

const OBJECT_KEYWORDS: &[&str] = &[
    "properties",
    "required",
    "additionalProperties",
    "minProperties",
    "maxProperties",
];

const LOWER: &[&str] = &[
    "minimum",
    "exclusiveMinimum",
    "minLength",
    "minItems",
    "minProperties",
];
const UPPER: &[&str] = &[
    "maximum",
    "exclusiveMaximum",
    "maxLength",
    "maxItems",
    "maxProperties",
];

impl Merger {
    fn error(&self, at: &str, message: String) -> Error {
        Error::At {
            file: self.file.clone(),
            pointer: at.to_string(),
            problem: Problem::Invalid(message),
        }
    }

    fn merge_at(&mut self, at: &str) -> Result<(), Error> {
        if self.done.contains(at) {
            return Ok(());
        }
        if self.stack.iter().any(|s| s == at) {
            return Err(self.error(
                &pointer::join(at, "allOf"),
                format!(
                    "allOf includes itself through $ref ({} -> {at}); a schema cannot be one of its own parts",
                    self.stack.join(" -> ")
                ),
            ));
        }
        self.stack.push(at.to_string());
        let result = self.merge_parts(at);
        self.stack.pop();
        let merged = result?;
        if let Some(slot) = self.root.pointer_mut(at) {
            *slot = Value::Object(merged);
        }
        self.done.insert(at.to_string());
        Ok(())
    }

    fn merge_parts(&mut self, at: &str) -> Result<Map<String, Value>, Error> {
        let Some(Value::Object(schema)) = self.root.pointer(at).cloned() else {
            return Err(self.error(at, "a schema with allOf must be a mapping".into()));
        };
        let mut parts = Vec::new();
        let mut sibling = schema.clone();
        sibling.remove("allOf");
        parts.push(Part {
            origin: at.to_string(),
            map: sibling,
        });
        let list = schema
            .get("allOf")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for (i, part) in list.iter().enumerate() {
            let here = format!("{}/{i}", pointer::join(at, "allOf"));
            let (origin, value) = self.resolve(part, &here)?;
            match value {
                Value::Bool(true) => {}
                Value::Object(map) => parts.push(Part { origin, map }),
                _ => {
                    return Err(self.error(
                        &here,
                        "this allOf part (`false`) accepts nothing; no type can be generated"
                            .into(),
                    ))
                }
            }
        }
        let is_object = parts.iter().any(|p| {
            types(&p.map).is_some_and(|t| t.contains(&"object".to_string()))
                || OBJECT_KEYWORDS.iter().any(|k| p.map.contains_key(*k))
        });
        let all_of_at = pointer::join(at, "allOf");
        if is_object {
            self.objects(&parts, &all_of_at)
        } else {
            self.values(&parts, &all_of_at)
        }
    }

    /// Follows `$ref`s (merging their targets first); the part's origin and value.
    fn resolve(&mut self, part: &Value, here: &str) -> Result<(String, Value), Error> {
        let mut origin = here.to_string();
        let mut value = part.clone();
        for _ in 0..64 {
            let Some(target) = value.get("$ref").and_then(Value::as_str) else {
                return Ok((origin, value));
            };
            let Some(local) = target.strip_prefix('#') else {
                return Err(self.error(here, format!("$ref {target:?} cannot be followed")));
            };
            let local = local.to_string();
            if matches!(self.root.pointer(&local), Some(Value::Object(m)) if m.contains_key("allOf"))
            {
                self.merge_at(&local)?;
            }
            value =
                self.root.pointer(&local).cloned().ok_or_else(|| {
                    self.error(here, format!("$ref {target:?} points to nothing"))
                })?;
            origin = local;
        }
        Err(self.error(here, "$ref chain too long".into()))
    }

    fn objects(&self, parts: &[Part], all_of_at: &str) -> Result<Map<String, Value>, Error> {
        let mut out = Map::new();
        self.merge_types(parts, all_of_at, &mut out)?;
        annotations(parts, &mut out);
        let mut properties = Map::new();
        let mut origins: Vec<(String, String)> = Vec::new();
        let mut required: Vec<Value> = Vec::new();
        for part in parts {
            for (key, value) in &part.map {
                let ok = OBJECT_KEYWORDS.contains(&key.as_str())
                    || ANNOTATIONS.contains(&key.as_str())
                    || key == "type"
                    || key.starts_with("x-");
                if !ok {
                    return Err(self.error(
                        &pointer::join(&part.origin, key),
                        format!(
                            "{key:?} in an allOf part that describes an object cannot be merged into one struct"
                        ),
                    ));
                }
                let _ = value;
            }
            if let Some(Value::Object(props)) = part.map.get("properties") {
                for (name, schema) in props {
                    let here = pointer::join(&pointer::join(&part.origin, "properties"), name);
                    match properties.get(name) {
                        None => {
                            properties.insert(name.clone(), schema.clone());
                            origins.push((name.clone(), here));
                        }
                        Some(existing) => {
                            let first = origins
                                .iter()
                                .find(|(n, _)| n == name)
                                .map(|(_, o)| o.clone())
                                .unwrap_or_default();
                            let combined = self.property(existing, schema, &first, &here)?;
                            properties.insert(name.clone(), combined);
                        }
                    }
                }
            }
            if let Some(Value::Array(names)) = part.map.get("required") {
                for name in names {
                    if !required.contains(name) {
                        required.push(name.clone());
                    }
                }
            }
        }
        // additionalProperties sees its own part's properties only.
        let mut additional: Option<(Value, String)> = None;
        for part in parts {
            let Some(value) = part.map.get("additionalProperties") else {
                continue;
            };
            if *value == Value::Bool(true) {
                continue;
            }
            let own: Vec<&String> = part
                .map
                .get("properties")
                .and_then(Value::as_object)
                .map(|p| p.keys().collect())
                .unwrap_or_default();
            let here = pointer::join(&part.origin, "additionalProperties");
            if let Some((name, origin)) = origins.iter().find(|(n, _)| !own.contains(&n)) {
                return Err(self.error(
                    &here,
                    format!(
                        "additionalProperties here applies to this part's own properties only (JSON Schema draft 7), so property {name:?} that {origin} declares could never be present; put every property next to it"
                    ),
                ));
            }
            match &additional {
                Some((existing, origin)) if existing != value => {
                    return Err(self.error(
                        &here,
                        format!("additionalProperties differs from the one at {origin}"),
                    ))
                }
                _ => additional = Some((value.clone(), here)),
            }
        }
        if !properties.is_empty() {
            out.insert("properties".into(), Value::Object(properties));
        }
        if !required.is_empty() {
            out.insert("required".into(), Value::Array(required));
        }
        if let Some((value, _)) = additional {
            out.insert("additionalProperties".into(), value);
        }
        bounds(parts, &["minProperties"], &["maxProperties"], &mut out);
        if !out.contains_key("type") {
            out.insert("type".into(), Value::String("object".into()));
        }
        Ok(out)
    }

    /// One property described by two parts.
    fn property(&self, a: &Value, b: &Value, at_a: &str, at_b: &str) -> Result<Value, Error> {
        let trivial =
            |v: &Value| *v == Value::Bool(true) || v.as_object().is_some_and(Map::is_empty);
        if a == b || trivial(b) {
            return Ok(a.clone());
        }
        if trivial(a) {
            return Ok(b.clone());
        }
        let conflict = || {
            self.error(
                at_b,
                format!("this property's schema conflicts with the one at {at_a}; allOf can merge them only when they are equal or plain schemas of the same type"),
            )
        };
        let (Value::Object(x), Value::Object(y)) = (a, b) else {
            return Err(conflict());
        };
        let plain = |m: &Map<String, Value>| {
            ![
                "$ref",
                "properties",
                "allOf",
                "oneOf",
                "anyOf",
                "items",
                "additionalProperties",
            ]
            .iter()
            .any(|k| m.contains_key(*k))
        };
        if !plain(x) || !plain(y) || types(x) != types(y) {
            return Err(conflict());
        }
        let parts = [
            Part {
                origin: at_a.to_string(),
                map: x.clone(),
            },
            Part {
                origin: at_b.to_string(),
                map: y.clone(),
            },
        ];
        self.values(&parts, at_b).map(Value::Object)
    }

    fn values(&self, parts: &[Part], all_of_at: &str) -> Result<Map<String, Value>, Error> {
        let mut out = Map::new();
        self.merge_types(parts, all_of_at, &mut out)?;
        annotations(parts, &mut out);
        bounds(parts, LOWER, UPPER, &mut out);
        let mut origin_of: Vec<(String, String)> = Vec::new();
        for part in parts {
            for (key, value) in &part.map {
                let key = key.as_str();
                if key == "type"
                    || ANNOTATIONS.contains(&key)
                    || key.starts_with("x-")
                    || LOWER.contains(&key)
                    || UPPER.contains(&key)
                {
                    continue;
                }
                if key == "uniqueItems" {
                    if *value == Value::Bool(true) || !out.contains_key(key) {
                        out.insert(key.into(), value.clone());
                    }
                    continue;
                }
                let here = pointer::join(&part.origin, key);
                match out.get(key) {
                    Some(existing) if existing != value => {
                        let first = origin_of
                            .iter()
                            .find(|(k, _)| k == key)
                            .map(|(_, o)| o.clone())
                            .unwrap_or_default();
                        return Err(self.error(
                            &here,
                            format!("{key:?} {value} cannot be combined with {key:?} {existing} at {first} into one schema"),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        out.insert(key.into(), value.clone());
                        origin_of.push((key.to_string(), here));
                    }
                }
            }
        }
        Ok(out)
    }

    /// `type`: what every part that names types allows.
    fn merge_types(
        &self,
        parts: &[Part],
        all_of_at: &str,
        out: &mut Map<String, Value>,
    ) -> Result<(), Error> {
        let mut allowed: Option<Vec<String>> = None;
        for part in parts {
            let Some(types) = types(&part.map) else {
                continue;
            };
            allowed = Some(match allowed {
                None => types,
                Some(previous) => {
                    let mut both = Vec::new();
                    for t in &previous {
                        let keep = types.contains(t)
                            || (t == "integer" && types.iter().any(|u| u == "number"));
                        if keep {
                            both.push(t.clone());
                        } else if t == "number" && types.iter().any(|u| u == "integer") {
                            both.push("integer".into());
                        }
                    }
                    if both.is_empty() {
                        return Err(self.error(
                            all_of_at,
                            format!(
                                "the parts allow no common type ({previous:?} and {types:?} at {}): no value can conform",
                                part.origin
                            ),
                        ));
                    }
                    both
                }
            });
        }
        if let Some(types) = allowed {
            let value = match types.as_slice() {
                [one] => Value::String(one.clone()),
                _ => Value::Array(types.into_iter().map(Value::String).collect()),
            };
            out.insert("type".into(), value);
        }
        Ok(())
    }
}

/// The `type` keyword as a list, when given.
fn types(map: &Map<String, Value>) -> Option<Vec<String>> {
    match map.get("type")? {
        Value::String(t) => Some(vec![t.clone()]),
        Value::Array(list) => Some(
            list.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
        ),
        _ => None,
    }
}

/// Annotations: the first part that has each wins (the schema holding `allOf` first).
fn annotations(parts: &[Part], out: &mut Map<String, Value>) {
    for part in parts {
        for (key, value) in &part.map {
            if (ANNOTATIONS.contains(&key.as_str()) || key.starts_with("x-"))
                && !out.contains_key(key)
            {
                out.insert(key.clone(), value.clone());
            }
        }
    }
}

/// Lower bounds take the largest, upper bounds the smallest.
fn bounds(parts: &[Part], lower: &[&str], upper: &[&str], out: &mut Map<String, Value>) {
    for (keys, pick_max) in [(lower, true), (upper, false)] {
        for key in keys {
            let mut best: Option<&Value> = None;
            for part in parts {
                let Some(value) = part.map.get(*key) else {
                    continue;
                };
                let (Some(v), Some(b)) = (value.as_f64(), best.and_then(Value::as_f64)) else {
                    best = best.or(Some(value));
                    continue;
                };
                if (pick_max && v > b) || (!pick_max && v < b) {
                    best = Some(value);
                }
            }
            if let Some(best) = best {
                out.insert((*key).to_string(), best.clone());
            }
        }
    }
}
