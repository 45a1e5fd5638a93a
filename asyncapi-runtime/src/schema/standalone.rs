//! One schema of a document as a self-contained JSON Schema (draft 07): the schema
//! itself at the top, and every schema its `$ref`s reach (directly or not) under
//! `definitions`, each `$ref` rewritten to the new place. What any validator reads,
//! and what a person reads top-down.
//!
//! A reference into the schema's own subtree keeps pointing into it; a reference
//! elsewhere gets the referenced schema copied into `definitions` once (a reference
//! into the middle of a copied schema points into the copy). Only the places JSON
//! Schema reads as schemas are walked for references: data (`enum`, `const`,
//! `default`, `examples`) is copied as it is, however it looks.

use std::collections::{BTreeSet, HashMap};

use super::compile::{join, local_pointer};
use crate::json::{Map, Value};

/// Keywords whose value is one schema.
const ONE: &[&str] = &[
    "additionalItems",
    "additionalProperties",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
];
/// Keywords whose value is a list of schemas.
const LIST: &[&str] = &["allOf", "anyOf", "oneOf"];
/// Keywords whose value maps names to schemas.
const MAP: &[&str] = &["properties", "patternProperties", "definitions"];

/// The schema at `entry` in `document`, self-contained; `None` when nothing is there.
pub(crate) fn standalone(document: &Value, entry: &str) -> Option<Value> {
    // An entry that is only a `$ref` (draft 07 ignores its siblings) is its target:
    // the schema at the top is then the one a person looks for.
    let mut entry = entry.to_string();
    for _ in 0..64 {
        let Some(target) = document
            .pointer(&entry)?
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(local_pointer)
        else {
            break;
        };
        if document.pointer(&target).is_none() || target == entry {
            break;
        }
        entry = target;
    }
    let entry = entry.as_str();
    let root = document.pointer(entry)?.clone();
    let mut out = Standalone {
        document,
        copies: Vec::new(),
        names: HashMap::new(),
        taken: BTreeSet::new(),
    };
    // Names the schema's own `definitions` use are not free for copies.
    if let Some(Value::Object(own)) = root.get("definitions") {
        out.taken.extend(own.keys().cloned());
    }
    let mut places = BTreeSet::new();
    schema_places(&root, entry, &mut places);
    let base = Base {
        pointer: entry.to_string(),
        reference: "#".to_string(),
        places,
    };
    let mut root = out.rewrite(root, entry, &base);
    let mut definitions = Map::new();
    let mut next = 0;
    while next < out.copies.len() {
        let (pointer, name) = out.copies[next].clone();
        next += 1;
        let Some(value) = document.pointer(&pointer).cloned() else {
            continue;
        };
        let mut places = BTreeSet::new();
        schema_places(&value, &pointer, &mut places);
        let base = Base {
            pointer: pointer.clone(),
            reference: reference_to(&join("/definitions", &name)),
            places,
        };
        let value = out.rewrite(value, &pointer, &base);
        definitions.insert(name, value);
    }
    if definitions.is_empty() {
        return Some(root);
    }
    match &mut root {
        Value::Object(map) => {
            match map.get_mut("definitions") {
                Some(Value::Object(own)) => own.extend(definitions),
                _ => {
                    map.insert("definitions", Value::Object(definitions));
                }
            }
            Some(root)
        }
        // A boolean schema refers to nothing; unreachable, kept total.
        _ => Some(root),
    }
}

/// A schema being copied: where it is in the document, the reference to its copy, and
/// the pointers (in the document) of the schemas inside it.
struct Base {
    pointer: String,
    reference: String,
    places: BTreeSet<String>,
}

struct Standalone<'d> {
    document: &'d Value,
    /// Schemas copied into `definitions`: document pointer, definition name.
    copies: Vec<(String, String)>,
    names: HashMap<String, String>,
    taken: BTreeSet<String>,
}

impl Standalone<'_> {
    /// `value` (a schema at `at` inside `base`) with its references rewritten.
    fn rewrite(&mut self, value: Value, at: &str, base: &Base) -> Value {
        let Value::Object(map) = value else {
            return value;
        };
        let mut out = Map::new();
        for (key, child) in map {
            let here = join(at, &key);
            let child = match key.as_str() {
                "$ref" => match &child {
                    Value::String(reference) => Value::String(self.reference(reference, base)),
                    _ => child,
                },
                k if ONE.contains(&k) => self.rewrite(child, &here, base),
                "items" => match child {
                    Value::Array(items) => Value::Array(
                        items
                            .into_iter()
                            .enumerate()
                            .map(|(i, item)| self.rewrite(item, &join(&here, &i.to_string()), base))
                            .collect(),
                    ),
                    other => self.rewrite(other, &here, base),
                },
                k if LIST.contains(&k) => match child {
                    Value::Array(items) => Value::Array(
                        items
                            .into_iter()
                            .enumerate()
                            .map(|(i, item)| self.rewrite(item, &join(&here, &i.to_string()), base))
                            .collect(),
                    ),
                    other => other,
                },
                k if MAP.contains(&k) || k == "dependencies" => match child {
                    Value::Object(members) => Value::Object(
                        members
                            .into_iter()
                            .map(|(name, schema)| {
                                let at = join(&here, &name);
                                // A `dependencies` list of names is data.
                                let schema = if schema.is_array() {
                                    schema
                                } else {
                                    self.rewrite(schema, &at, base)
                                };
                                (name, schema)
                            })
                            .collect(),
                    ),
                    other => other,
                },
                _ => child,
            };
            out.insert(key, child);
        }
        Value::Object(out)
    }

    /// The reference that replaces `reference` inside `base`.
    fn reference(&mut self, reference: &str, base: &Base) -> String {
        let Some(target) = local_pointer(reference) else {
            // Not a pointer into the document: left as written (compiling refuses it).
            return reference.to_string();
        };
        if let Some(suffix) = within(&target, &base.pointer) {
            if base.places.contains(&target) {
                return format!("{}{}", base.reference, escape_fragment(suffix));
            }
        }
        if self.document.pointer(&target).is_none() {
            return reference.to_string();
        }
        let name = match self.names.get(&target) {
            Some(name) => name.clone(),
            None => {
                let name = self.name_for(&target);
                self.names.insert(target.clone(), name.clone());
                self.copies.push((target, name.clone()));
                name
            }
        };
        reference_to(&join("/definitions", &name))
    }

    /// A definition name for the schema at `pointer`: its last token, made unique.
    fn name_for(&mut self, pointer: &str) -> String {
        let last = pointer
            .rsplit('/')
            .next()
            .map(crate::json::unescape_token)
            .unwrap_or_default();
        let stem = if last.is_empty() {
            "schema".to_string()
        } else {
            last
        };
        let mut name = stem.clone();
        let mut n = 2;
        while !self.taken.insert(name.clone()) {
            name = format!("{stem}{n}");
            n += 1;
        }
        name
    }
}

/// The pointers of the schemas inside `value` (a schema at `at`), `at` included.
fn schema_places(value: &Value, at: &str, out: &mut BTreeSet<String>) {
    out.insert(at.to_string());
    let Value::Object(map) = value else { return };
    if map.contains_key("$ref") {
        return;
    }
    for (key, child) in map.iter() {
        let here = join(at, key);
        match key.as_str() {
            k if ONE.contains(&k) => schema_places(child, &here, out),
            "items" | "allOf" | "anyOf" | "oneOf" => match child {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        schema_places(item, &join(&here, &i.to_string()), out);
                    }
                }
                other if key == "items" => schema_places(other, &here, out),
                _ => {}
            },
            k if MAP.contains(&k) || k == "dependencies" => {
                if let Value::Object(members) = child {
                    for (name, schema) in members.iter().filter(|(_, s)| !s.is_array()) {
                        schema_places(schema, &join(&here, name), out);
                    }
                }
            }
            _ => {}
        }
    }
}

/// What follows `base` in `pointer` (`""` for `base` itself), when `pointer` is in it.
fn within<'p>(pointer: &'p str, base: &str) -> Option<&'p str> {
    let rest = pointer.strip_prefix(base)?;
    (rest.is_empty() || rest.starts_with('/')).then_some(rest)
}

/// `pointer` as a `$ref` fragment.
fn reference_to(pointer: &str) -> String {
    format!("#{}", escape_fragment(pointer))
}

/// A JSON pointer written as a URI fragment: `%` and characters a fragment cannot hold
/// percent-encoded.
fn escape_fragment(pointer: &str) -> String {
    let mut out = String::with_capacity(pointer.len());
    for c in pointer.chars() {
        match c {
            '%' | '"' | ' ' | '#' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Schema;

    fn doc(text: &str) -> Value {
        text.parse().expect("JSON")
    }

    #[test]
    fn the_schema_is_at_the_top_and_what_it_reaches_under_definitions() {
        let document = doc(r##"{"components": {"schemas": {
            "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}, "self": {"$ref": "#/components/schemas/A"}}},
            "B": {"type": "array", "items": {"$ref": "#/components/schemas/C/properties/x"}},
            "C": {"properties": {"x": {"type": "integer", "not": {"enum": [{"$ref": "not a reference"}]}}}}
        }}}"##);
        let schema = standalone(&document, "/components/schemas/A").unwrap();
        assert_eq!(
            schema,
            doc(
                r##"{"type": "object", "properties": {"b": {"$ref": "#/definitions/B"}, "self": {"$ref": "#"}},
                "definitions": {
                    "B": {"type": "array", "items": {"$ref": "#/definitions/x"}},
                    "x": {"type": "integer", "not": {"enum": [{"$ref": "not a reference"}]}}
                }}"##
            )
        );
        let compiled = Schema::compile(&schema, &[""]).unwrap();
        assert!(compiled.is_valid(0, &doc(r#"{"b": [1], "self": {"b": []}}"#)));
        assert!(!compiled.is_valid(0, &doc(r#"{"self": {"b": ["x"]}}"#)));
    }

    #[test]
    fn names_do_not_collide_with_the_schema_own_definitions() {
        let document = doc(
            r##"{"s": {"A": {"definitions": {"B": {"type": "string"}}, "properties": {
            "own": {"$ref": "#/s/A/definitions/B"}, "other": {"$ref": "#/t/B"}}}},
            "t": {"B": {"type": "number"}}}"##,
        );
        let schema = standalone(&document, "/s/A").unwrap();
        assert_eq!(
            schema["properties"]["own"]["$ref"].as_str(),
            Some("#/definitions/B")
        );
        assert_eq!(
            schema["properties"]["other"]["$ref"].as_str(),
            Some("#/definitions/B2")
        );
        assert_eq!(schema["definitions"]["B2"], doc(r#"{"type": "number"}"#));
    }

    #[test]
    fn a_reference_into_data_of_the_schema_is_copied_and_walked() {
        // `x-defs` is no keyword: what is under it is only a schema because a `$ref`
        // says so, so it is copied, and its own references rewritten.
        let document = doc(
            r##"{"A": {"x-defs": {"n": {"$ref": "#/B"}}, "$comment": "", "allOf": [{"$ref": "#/A/x-defs/n"}]}, "B": {"minimum": 3}}"##,
        );
        let schema = standalone(&document, "/A").unwrap();
        assert_eq!(schema["allOf"][0]["$ref"].as_str(), Some("#/definitions/n"));
        assert_eq!(
            schema["definitions"]["n"]["$ref"].as_str(),
            Some("#/definitions/B")
        );
        let compiled = Schema::compile(&schema, &[""]).unwrap();
        assert!(!compiled.is_valid(0, &doc("2")));
        assert!(compiled.is_valid(0, &doc("3")));
    }

    #[test]
    fn awkward_names_are_escaped() {
        let document =
            doc(r##"{"A": {"$ref": "#/d/a~1b%25c%20d"}, "d": {"a/b%c d": {"const": 1}}}"##);
        let schema = standalone(&document, "/A").unwrap();
        assert_eq!(schema, doc(r#"{"const": 1}"#));
        let document = doc(
            r##"{"A": {"items": {"$ref": "#/d/a~1b%25c%20d"}}, "d": {"a/b%c d": {"const": 1}}}"##,
        );
        let schema = standalone(&document, "/A").unwrap();
        assert_eq!(
            schema["items"]["$ref"].as_str(),
            Some("#/definitions/a~1b%25c%20d")
        );
        let compiled = Schema::compile(&schema, &[""]).unwrap();
        assert!(compiled.is_valid(0, &doc("[1]")));
        assert!(!compiled.is_valid(0, &doc("[2]")));
    }

    #[test]
    fn an_entry_that_is_a_reference_is_its_target() {
        let document = doc(
            r##"{"m": {"payload": {"$ref": "#/s/A"}}, "s": {"A": {"$ref": "#/s/B"}, "B": {"type": "string"}}}"##,
        );
        assert_eq!(
            standalone(&document, "/m/payload").unwrap(),
            doc(r#"{"type": "string"}"#)
        );
        let looping = doc(r##"{"A": {"$ref": "#/A"}}"##);
        assert_eq!(
            standalone(&looping, "/A").unwrap(),
            doc(r##"{"$ref": "#"}"##)
        );
    }
}
