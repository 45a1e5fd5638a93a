//! Message and operation traits, applied as AsyncAPI 3.0 defines them: each trait in
//! order is merged into the object with JSON Merge Patch (RFC 7386), and no trait
//! overrides a field the object sets itself.

use asyncapi_runtime::{Map, Value};

use crate::bundle::Bundle;
use crate::check::document::{deref, named};
use crate::load::pointer;

/// Applies every `traits` list of messages and operations in `root`.
pub fn apply(bundle: &Bundle, root: &mut Value) {
    let mut targets: Vec<String> = Vec::new();
    for place in [
        "/components/messages",
        "/components/operations",
        "/operations",
    ] {
        targets.extend(named(&bundle.root, place).map(|(at, _)| at));
    }
    for place in ["/channels", "/components/channels"] {
        for (channel_at, channel) in named(&bundle.root, place) {
            if channel.get("$ref").is_some() {
                continue;
            }
            targets.extend(
                named(&bundle.root, &pointer::join(&channel_at, "messages")).map(|(at, _)| at),
            );
        }
    }
    for at in targets {
        let Some(object) = bundle.get(&at) else {
            continue;
        };
        if object.get("$ref").is_some() {
            continue;
        }
        let Some(Value::Array(traits)) = object.get("traits") else {
            continue;
        };
        let mut merged = Value::Object(Map::new());
        for (i, item) in traits.iter().enumerate() {
            let here = pointer::index(&pointer::join(&at, "traits"), i);
            let (_, item) = deref(bundle, item, &here);
            merge_patch(&mut merged, item);
        }
        let mut own = object.clone();
        if let Value::Object(own) = &mut own {
            own.remove("traits");
        }
        merge_patch(&mut merged, &own);
        if let Some(slot) = root.pointer_mut(&at) {
            *slot = merged;
        }
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
