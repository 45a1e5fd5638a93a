//! Message and operation traits, applied as AsyncAPI 3.0 defines them: each trait in
//! order is merged into the object with JSON Merge Patch (RFC 7386), and no trait
//! overrides a field the object sets itself.
//!
//! Traits apply to the object where it is defined, however it is reached: a message
//! of `components/messages`, one defined inline in a channel (of `channels` or of
//! `components/channels`), one in another file that a `$ref` reaches; operations of
//! `operations` and `components/operations` alike. Each object is merged once.
//!
//! The merge reads values as AsyncAPI tools do, after references are resolved: where a
//! trait and the object (or two traits) both give a mapping for the same field, a
//! `$ref` on either side stands for what it names, and a Multi Format Schema Object in
//! JSON Schema for its schema. Merging `{$ref}` with a sibling mapping key by key would
//! give a `$ref` with siblings, which draft 07 ignores: the object's own headers would
//! be silently dropped.
//!
//! Headers that only one reusable trait (`components/messageTraits`) gives are not
//! copied into each message but referenced, so every message with that trait has the
//! same headers type.

use asyncapi_runtime::{Map, Value};

use crate::bundle::Bundle;
use crate::check::document::{deref, named};
use crate::load::pointer;
use crate::load::walk::{self, Place, SchemaFormat};

/// Fields of a message whose value is a schema (or a Multi Format Schema Object) that
/// a trait may give.
const SCHEMA_FIELDS: &[&str] = &["headers", "payload"];

/// Applies every `traits` list of messages and operations in `root`.
pub fn apply(bundle: &Bundle, root: &mut Value) {
    for at in targets(bundle) {
        let Some(object) = bundle.get(&at) else {
            continue;
        };
        let Some(Value::Array(traits)) = object.get("traits") else {
            continue;
        };
        // Each trait as it is defined, with where: a reusable trait's fields can be
        // referenced rather than copied.
        let traits: Vec<(String, bool, &Value)> = traits
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let here = pointer::index(&pointer::join(&at, "traits"), i);
                let (defined, value) = deref(bundle, item, &here);
                let reusable = defined != here;
                (defined, reusable, value)
            })
            .collect();
        let mut merged = Value::Object(Map::new());
        for (_, _, item) in &traits {
            merge(bundle, &mut merged, item, Place::Object);
        }
        let mut own = object.clone();
        if let Value::Object(own) = &mut own {
            own.remove("traits");
        }
        merge(bundle, &mut merged, &own, Place::Object);
        if let Value::Object(merged) = &mut merged {
            share_trait_schemas(bundle, merged, &own, &traits);
        }
        if let Some(slot) = root.pointer_mut(&at) {
            *slot = merged;
        }
    }
}

/// The pointers of every message and operation definition the document reaches, each
/// once, in document order.
fn targets(bundle: &Bundle) -> Vec<String> {
    let root = &bundle.root;
    let mut candidates: Vec<String> = Vec::new();
    candidates.extend(named(root, "/components/messages").map(|(at, _)| at));
    for place in ["/channels", "/components/channels"] {
        for (channel_at, channel) in named(root, place) {
            // A channel given by `$ref` is followed: its messages may be in another file.
            let (channel_at, _) = deref(bundle, channel, &channel_at);
            candidates
                .extend(named(root, &pointer::join(&channel_at, "messages")).map(|(at, _)| at));
        }
    }
    for place in ["/components/operations", "/operations"] {
        candidates.extend(named(root, place).map(|(at, _)| at));
    }
    let mut out: Vec<String> = Vec::new();
    for at in candidates {
        let Some(value) = bundle.get(&at) else {
            continue;
        };
        let (defined, _) = deref(bundle, value, &at);
        if !out.contains(&defined) {
            out.push(defined);
        }
    }
    out
}

/// `patch` merged into `target` (a value at a `place` of the document) as RFC 7386
/// does, except that where both are mappings, each is first read as what it stands
/// for ([`resolved`]).
fn merge(bundle: &Bundle, target: &mut Value, patch: &Value, place: Place) {
    let Value::Object(patch_map) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        // Nothing to combine with: the patch as RFC 7386 applies it to an empty object.
        let mut fresh = Value::Object(Map::new());
        merge_patch(&mut fresh, patch);
        *target = fresh;
        return;
    }
    if place.has_references() && (is_indirect(target) || is_indirect(patch)) {
        *target = resolved(bundle, target);
        let patch = resolved(bundle, patch);
        return merge(bundle, target, &patch, place);
    }
    let Value::Object(target_map) = target else {
        return;
    };
    let parent = Value::Object(patch_map.clone());
    for (key, value) in patch_map.iter() {
        if value.is_null() {
            target_map.remove(key);
            continue;
        }
        let child_place = walk::child_place(place, &parent, key, value);
        match target_map.get_mut(key) {
            Some(existing) => merge(bundle, existing, value, child_place),
            None => {
                let mut fresh = Value::Null;
                merge_patch(&mut fresh, value);
                target_map.insert(key.clone(), fresh);
            }
        }
    }
}

/// Whether a mapping stands for another value: a `$ref`, or a Multi Format Schema
/// Object whose schema is JSON Schema.
fn is_indirect(value: &Value) -> bool {
    value.get("$ref").is_some() || is_json_multi_format(value)
}

fn is_json_multi_format(value: &Value) -> bool {
    matches!(walk::schema_format(value), Some(SchemaFormat::JsonSchema))
        && value.get("schema").is_some()
}

/// What `value` stands for: the value a `$ref` (chain) names, a JSON Schema Multi
/// Format Schema Object's schema; `value` itself otherwise (and for a `$ref` that names
/// nothing, which the check stage reports).
fn resolved(bundle: &Bundle, value: &Value) -> Value {
    let mut current = value.clone();
    // Bounded like `deref`: each step follows one reference or unwraps one object.
    for _ in 0..64 {
        if current.get("$ref").is_some() {
            let next = deref(bundle, &current, "").1.clone();
            if next == current {
                return current;
            }
            current = next;
        } else if is_json_multi_format(&current) {
            current = current.get("schema").cloned().unwrap_or(Value::Bool(true));
        } else {
            return current;
        }
    }
    current
}

/// Replaces each schema field of `merged` that exactly one trait gave, when that
/// trait is reusable and the object sets no such field itself, by a `$ref` to the
/// trait's field: the same schema, one type for every message with the trait.
fn share_trait_schemas(
    bundle: &Bundle,
    merged: &mut Map,
    own: &Value,
    traits: &[(String, bool, &Value)],
) {
    for field in SCHEMA_FIELDS {
        if own.get(field).is_some() {
            continue;
        }
        let givers: Vec<&(String, bool, &Value)> = traits
            .iter()
            .filter(|(_, _, t)| t.get(field).is_some())
            .collect();
        let [(defined, true, _)] = givers.as_slice() else {
            continue;
        };
        let at = pointer::join(defined, field);
        // A Multi Format Schema Object in JSON Schema is referenced at its schema (a
        // schema `$ref` to the object would read its keywords as a schema's).
        let target = match bundle.get(&at) {
            Some(value) if is_json_multi_format(value) => pointer::join(&at, "schema"),
            Some(value) if walk::schema_format(value).is_some() => continue,
            Some(_) => at,
            None => continue,
        };
        let mut reference = Map::new();
        reference.insert("$ref", Value::from(crate::bundle::reference_to(&target)));
        merged.insert(*field, Value::Object(reference));
    }
}

/// RFC 7386: `patch` merged into `target`.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    let Value::Object(target) = target else {
        return;
    };
    for (key, value) in patch.iter() {
        if value.is_null() {
            target.remove(key);
        } else {
            match target.get_mut(key) {
                Some(existing) => merge_patch(existing, value),
                None => {
                    let mut fresh = Value::Null;
                    merge_patch(&mut fresh, value);
                    target.insert(key.clone(), fresh);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use asyncapi_runtime::parse_json;

    #[test]
    fn rfc_7386() {
        let mut target = parse_json(br#"{"a": "b", "c": {"d": "e", "f": "g"}}"#).unwrap();
        merge_patch(
            &mut target,
            &parse_json(br#"{"a": "z", "c": {"f": null}}"#).unwrap(),
        );
        assert_eq!(
            target,
            parse_json(br#"{"a": "z", "c": {"d": "e"}}"#).unwrap()
        );
        let mut target = parse_json(br#"{"a": [1]}"#).unwrap();
        merge_patch(&mut target, &parse_json(br#"{"a": [2, 3]}"#).unwrap());
        assert_eq!(target, parse_json(br#"{"a": [2, 3]}"#).unwrap());
    }
}
