//! Cutting deep chains of types held by value.
//!
//! rustc computes a struct's layout, and its drop-check rules, by recursing into every
//! type it holds (`Option<Inner>` holds `Inner`, and so does `Box<Inner>` for drop
//! checking), and gives up past its recursion limit: a payload nested about 60 structs
//! deep does not compile. `Vec`s and maps do not count for layout, but do for drop
//! checking. So a field whose type would nest more than [`MAX_DEPTH`] levels deep (each
//! named type, `Option` and `Nullable` on the way is a level) is held as the runtime's
//! JSON `Value` instead, checked against that type's
//! whole schema: still validated exactly (same verdicts, pointers and messages, from
//! the schema interpreter), only not typed. A field that may also be `null` is checked
//! against `null` or that schema. Named wrappers (a component that is a nullable
//! object is a newtype around `Nullable<Struct>`) and unions count as a level but are
//! not cut; the field that holds them is. Real documents come nowhere near the limit, so their
//! types are as before; deeper ones compile instead of failing.

use std::collections::HashMap;

use asyncapi_runtime::{Map, Value};

use super::ir::{Checks, Entry, SchemaDocument, Ty, TypeDef, TypeKind};

/// The slot of a link that is counted but never cut: a newtype's one type, and a
/// union's variants (boxing a variant is not enough for drop checking, and a variant
/// held as JSON would change which one matches); the field holding them is cut.
const UNCUT: usize = usize::MAX;

/// How many levels of types (named types and the `Option`s and `Nullable`s around
/// them) may hold one another, one inside the next: half of rustc's default recursion
/// limit, which also counts what the derives wrap around them.
pub const MAX_DEPTH: usize = 64;

/// Cuts the chains in `types` that are too deep (see the module's documentation);
/// schemas a cut field is checked against are added to `schemas`.
pub fn cut_deep_chains(types: &mut [TypeDef], schemas: &mut SchemaDocument) {
    let index: HashMap<&str, usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.as_str(), i))
        .collect();
    // For each type, the types it holds by value: (field or variant index, target,
    // levels the link adds).
    let edges: Vec<Vec<(usize, usize, usize)>> = types
        .iter()
        .map(|t| {
            by_value(t)
                .into_iter()
                .filter_map(|(slot, name, levels)| {
                    index.get(name).map(|&target| (slot, target, levels))
                })
                .collect()
        })
        .collect();
    drop(index);
    // Depths after boxing, computed children first: a depth-first walk with an
    // explicit stack (chains are long), each type's links followed one at a time so
    // that a type shared by two links is finished before either is measured.
    let mut depth: Vec<Option<usize>> = vec![None; types.len()];
    let mut to_cut: Vec<(usize, usize, usize)> = Vec::new();
    let mut on_path: Vec<bool> = vec![false; types.len()];
    for start in 0..types.len() {
        if depth[start].is_some() {
            continue;
        }
        // (type, its next link to follow)
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        on_path[start] = true;
        while let Some(top) = stack.len().checked_sub(1) {
            let (node, next) = stack[top];
            if let Some(&(_, target, _)) = edges[node].get(next) {
                stack[top].1 += 1;
                if depth[target].is_none() && !on_path[target] {
                    on_path[target] = true;
                    stack.push((target, 0));
                }
                continue;
            }
            let mut deepest = 0;
            for &(slot, target, levels) in &edges[node] {
                // A target on the path is a cycle the model already boxed at another
                // field; it counts as nothing here.
                let below = depth[target].unwrap_or(0) + levels;
                if below > MAX_DEPTH && slot != UNCUT {
                    to_cut.push((node, slot, target));
                } else {
                    deepest = deepest.max(below);
                }
            }
            depth[node] = Some(deepest);
            on_path[node] = false;
            stack.pop();
        }
    }
    for (node, slot, target) in to_cut {
        let target_schema = types[target].schema;
        let note = format!(
            "Held as JSON, checked against the schema of {}: typed, it would nest \
             types deeper than rustc lays out.",
            types[target].name
        );
        // Only struct fields are cut (see `UNCUT`).
        if let TypeKind::Struct(s) = &mut types[node].kind {
            let field = &mut s.fields[slot];
            // What the field's value is checked against once held as JSON.
            let value_schema = match &field.ty {
                Ty::Named(_) => Some(target_schema),
                Ty::Nullable(_) => null_or(schemas, target_schema),
                _ => None,
            };
            let own_checks = Checks {
                extra: None,
                ..field.checks.clone()
            };
            let extra = match (value_schema, field.checks.extra) {
                (Some(value), None) => Some(value),
                (Some(value), Some(own)) => all_of(schemas, own, value),
                (None, _) => None,
            };
            match extra {
                Some(extra) if own_checks.is_empty() => {
                    field.ty = Ty::Any;
                    field.checks.extra = Some(extra);
                    field.docs.description = Some(match field.docs.description.take() {
                        Some(text) => format!("{text}\n\n{note}"),
                        None => note,
                    });
                }
                // Checks of its own that the type makes: boxed, which is enough
                // for the layout (not for drop checking, past about 60 levels).
                _ => field.boxed = true,
            }
        }
    }
}

/// Adds `schema` to the schema document; its entry (`None` when the document is not
/// an object, which the bundle never gives).
fn derive(schemas: &mut SchemaDocument, schema: Value) -> Option<Entry> {
    let Value::Object(document) = &mut schemas.document else {
        return None;
    };
    let derived = match document.get_mut(super::schemas::DERIVED) {
        Some(Value::Array(items)) => items,
        Some(_) => return None,
        None => {
            document.insert(super::schemas::DERIVED, Value::Array(Vec::new()));
            match document.get_mut(super::schemas::DERIVED) {
                Some(Value::Array(items)) => items,
                _ => return None,
            }
        }
    };
    derived.push(schema);
    let at = crate::load::pointer::index(
        &crate::load::pointer::join("", super::schemas::DERIVED),
        derived.len() - 1,
    );
    schemas.entries.push(at);
    Some(schemas.entries.len() - 1)
}

/// `{"$ref": <entry>}`.
fn reference(schemas: &SchemaDocument, entry: Entry) -> Value {
    let mut map = Map::new();
    map.insert(
        "$ref",
        Value::from(crate::bundle::reference_to(&schemas.entries[entry])),
    );
    Value::Object(map)
}

/// A schema admitting `null` and what `entry` admits.
fn null_or(schemas: &mut SchemaDocument, entry: Entry) -> Option<Entry> {
    let mut null = Map::new();
    null.insert("type", Value::from("null"));
    let mut any_of = Map::new();
    any_of.insert(
        "anyOf",
        Value::Array(vec![Value::Object(null), reference(schemas, entry)]),
    );
    derive(schemas, Value::Object(any_of))
}

/// A schema admitting what both entries admit.
fn all_of(schemas: &mut SchemaDocument, a: Entry, b: Entry) -> Option<Entry> {
    let mut all = Map::new();
    all.insert(
        "allOf",
        Value::Array(vec![reference(schemas, a), reference(schemas, b)]),
    );
    derive(schemas, Value::Object(all))
}

/// The named types `def` holds by value, with the index of the field or variant that
/// holds each ([`UNCUT`] for links that are not cut) and the
/// levels of types the link adds (the named type, and an `Option` or `Nullable`).
fn by_value(def: &TypeDef) -> Vec<(usize, &str, usize)> {
    let levels = |ty: &Ty, optional: bool| {
        1 + usize::from(optional) + usize::from(matches!(ty, Ty::Nullable(_)))
    };
    match &def.kind {
        TypeKind::Newtype(ty, _) => named(ty)
            .map(|n| (UNCUT, n, levels(ty, false)))
            .into_iter()
            .collect(),
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.boxed)
            .filter_map(|(i, f)| named(&f.ty).map(|n| (i, n, levels(&f.ty, !f.required))))
            .collect(),
        TypeKind::Union(u) => u
            .variants
            .iter()
            .filter(|v| !v.boxed)
            .filter_map(|v| named(&v.ty).map(|n| (UNCUT, n, levels(&v.ty, false))))
            .collect(),
        _ => Vec::new(),
    }
}

/// The named type a value of `ty` holds by value, if any.
fn named(ty: &Ty) -> Option<&str> {
    match ty {
        Ty::Named(name) => Some(name),
        Ty::Nullable(inner) => match inner.as_ref() {
            Ty::Named(name) => Some(name),
            _ => None,
        },
        _ => None,
    }
}
