//! Cutting deep chains of types held by value.
//!
//! rustc walks into every type a type holds (`Option<Inner>` holds `Inner`, and so do
//! `Box<Inner>`, `Vec<Inner>` and maps) to lay it out, to check its drops and to decide
//! whether it is `Send` and `Sync`, and gives up past its recursion limit: a payload
//! nested about 60 structs deep does not compile, nor does one 10 maps deep once
//! rustdoc (or a call that needs `Send`) asks. So where a type would nest more than
//! [`MAX_DEPTH`] levels deep (counted as rustc counts them: each named type, `Option`
//! and `Nullable` one level, a `Box` two more, a `Vec` three, a map ten), the link on
//! the way is changed to hold the deeper type's values as the runtime's JSON `Value`,
//! checked against that type's whole schema: still validated exactly (same verdicts,
//! pointers and messages, from the schema interpreter), only not typed. A field that
//! may also be `null` is checked against `null` or that schema; an array or a map keeps
//! its type and its own checks, and holds its items or values as JSON. Named wrappers
//! (a component that is a nullable object is a newtype around `Nullable<Struct>`) and
//! unions count but are not cut; the field that holds them is (a chain of wrappers
//! alone, with no field to cut, is cut at a wrapper further down). Real documents come
//! nowhere near the limit, so their types are as before; deeper ones compile instead
//! of failing.

use std::collections::HashMap;

use asyncapi_runtime::{Map, Value};

use super::ir::{Additional, Checks, Entry, SchemaDocument, Ty, TypeDef, TypeKind};

/// The slot of a link that is counted but never cut: a union's variants (boxing a
/// variant is not enough for drop checking, and a variant held as JSON would change
/// which one matches); the field holding them is cut.
const UNCUT: usize = usize::MAX;

/// The slot of a struct's link through its map of the properties it does not list.
const ADDITIONAL: usize = usize::MAX - 1;

/// The slot of a newtype's link to the type it wraps: cut only past
/// [`NEWTYPE_DEPTH`], so that the field holding the newtype is cut first and the
/// newtype (a component's public type) keeps its type; but a chain of newtypes (arrays
/// of arrays of ..., each a component) has no field to cut.
const NEWTYPE: usize = usize::MAX - 2;

/// How deep a newtype's link may go before the newtype itself is cut: past
/// [`MAX_DEPTH`], still short of rustc's limit (128).
const NEWTYPE_DEPTH: usize = MAX_DEPTH + 32;

/// How many levels of types may hold one another, one inside the next: half of
/// rustc's default recursion limit (128), which also counts what the derives wrap
/// around them.
pub const MAX_DEPTH: usize = 64;

/// The levels rustc goes through in an `Option` or a `Nullable` to the type inside,
/// when it checks whether a type is `Send` (the most demanding of its walks, which
/// rustdoc and any code moving a value to another thread make): measured, as the
/// longest chain that compiles.
const OPTION_LEVELS: usize = 1;

/// The levels in a `Box` (`Unique`, `NonNull`, the type), measured as above.
const BOX_LEVELS: usize = 2;

/// The levels in a `Vec` (`RawVec`, `PhantomData`, the type), measured as above.
const VEC_LEVELS: usize = 3;

/// The levels in the runtime's `Map` (an `Option<Box<IndexMap>>`: the `Option`, the
/// box, the map's core, a `Vec` of buckets, the bucket), measured as above: with 9, a
/// chain of components each a map of the next (`deep_containers`' `Atlas`) is cut
/// every ten and fails rustdoc's auto-trait walk; with 10, every nine, and passes.
const MAP_LEVELS: usize = 10;

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
                let limit = if slot == NEWTYPE {
                    NEWTYPE_DEPTH
                } else {
                    MAX_DEPTH
                };
                if below > limit && slot != UNCUT {
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
        let target_name = types[target].name.clone();
        let target_schema = types[target].schema;
        if slot == NEWTYPE {
            if let TypeKind::Newtype(ty, checks) = &mut types[node].kind {
                if hold_as_json(ty, checks, target_schema, schemas) {
                    let note = format!(
                        "Its {target_name} values are held as JSON, checked against the \
                         schema of {target_name}: typed, they would nest types deeper than \
                         rustc checks drops of."
                    );
                    let docs = &mut types[node].docs;
                    docs.description = Some(match docs.description.take() {
                        Some(text) => format!("{text}\n\n{note}"),
                        None => note,
                    });
                }
            }
            continue;
        }
        // Otherwise only struct fields are cut (see `UNCUT`).
        let def = &mut types[node];
        let TypeKind::Struct(s) = &mut def.kind else {
            continue;
        };
        if slot == ADDITIONAL {
            // Each property the struct does not list is checked from the whole object.
            let Additional::Typed(ty, checks) = &mut s.additional else {
                continue;
            };
            let Some(values) = checked_as(ty, checks, reference(schemas, target_schema)) else {
                continue;
            };
            let names: Map = s
                .fields
                .iter()
                .map(|f| (f.wire.clone(), Value::Bool(true)))
                .collect();
            let mut rule = Map::new();
            rule.insert("properties", Value::Object(names));
            rule.insert("additionalProperties", values);
            let rule = derive(schemas, Value::Object(rule));
            if let Some(extra) = rule.and_then(|rule| also(schemas, def.extra, rule)) {
                untype(ty);
                def.extra = Some(extra);
            }
            continue;
        }
        let field = &mut s.fields[slot];
        let direct = format!(
            "Held as JSON, checked against the schema of {target_name}: typed, it would \
             nest types deeper than rustc lays out."
        );
        let note = match &field.ty {
            Ty::Named(_) => direct,
            Ty::Nullable(inner) if matches!(**inner, Ty::Named(_)) => direct,
            _ => format!(
                "The {target_name} values in it are held as JSON, checked against the \
                 schema of {target_name}: typed, they would nest types deeper than rustc \
                 checks drops of."
            ),
        };
        if hold_as_json(&mut field.ty, &mut field.checks, target_schema, schemas) {
            // JSON needs no box (`Value` is a fixed size).
            field.boxed = false;
            field.docs.description = Some(match field.docs.description.take() {
                Some(text) => format!("{text}\n\n{note}"),
                None => note,
            });
        } else {
            // Checks of its own that the type makes: boxed, which is enough for the
            // layout (not for drop checking, past about 60 levels).
            field.boxed = true;
        }
    }
}

/// Replaces the named type `ty` holds (itself, or in arrays, maps and `null`-or) by
/// JSON, and adds to `checks` the schema that checks it against `target` from this
/// value; false, changing nothing, when the named type carries checks of its own that
/// only the type makes.
fn hold_as_json(
    ty: &mut Ty,
    checks: &mut Checks,
    target: Entry,
    schemas: &mut SchemaDocument,
) -> bool {
    let value_schema = match ty {
        // The target's schema itself, not a reference to it.
        Ty::Named(_) if own_checks_are_empty(checks) => Some(target),
        _ => match checked_as(ty, checks, reference(schemas, target)) {
            Some(schema) => derive(schemas, schema),
            None => None,
        },
    };
    let extra = value_schema.and_then(|value| also(schemas, checks.extra, value));
    match extra {
        Some(extra) => {
            untype(ty);
            checks.extra = Some(extra);
            true
        }
        None => false,
    }
}

/// The schema a value of `ty` is checked against once the named type it holds is
/// JSON checked against `target` (a reference to the type's schema): `None` when that
/// type carries checks of its own.
fn checked_as(ty: &Ty, checks: &Checks, target: Value) -> Option<Value> {
    let wrap = |keyword: &str, schema: Value| {
        let mut map = Map::new();
        map.insert(keyword, schema);
        Value::Object(map)
    };
    match ty {
        Ty::Named(_) => own_checks_are_empty(checks).then_some(target),
        Ty::Nullable(inner) if matches!(**inner, Ty::Named(_)) => own_checks_are_empty(checks)
            .then(|| {
                wrap(
                    "anyOf",
                    Value::Array(vec![wrap("type", Value::from("null")), target]),
                )
            }),
        Ty::Nullable(inner) => checked_as(inner, checks, target),
        Ty::Array(inner, item) => checked_as(inner, item, target).map(|s| wrap("items", s)),
        Ty::Map(inner, value) => {
            checked_as(inner, value, target).map(|s| wrap("additionalProperties", s))
        }
        _ => None,
    }
}

/// Whether `checks` holds nothing but a schema checked on the value as JSON.
fn own_checks_are_empty(checks: &Checks) -> bool {
    Checks {
        extra: None,
        ..checks.clone()
    }
    .is_empty()
}

/// Makes the named type `ty` holds JSON.
fn untype(ty: &mut Ty) {
    match ty {
        Ty::Nullable(inner) if matches!(**inner, Ty::Named(_)) => *ty = Ty::Any,
        Ty::Nullable(inner) | Ty::Array(inner, _) | Ty::Map(inner, _) => untype(inner),
        _ => *ty = Ty::Any,
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

/// What a value with the extra schema `own` (if any) is checked against once `added`
/// applies too.
fn also(schemas: &mut SchemaDocument, own: Option<Entry>, added: Entry) -> Option<Entry> {
    match own {
        None => Some(added),
        Some(own) => all_of(schemas, own, added),
    }
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

/// The named types `def` holds (by value, boxed, or in arrays and maps), with the index
/// of the field or variant that holds each ([`UNCUT`], [`NEWTYPE`] or [`ADDITIONAL`]
/// for the other links) and the levels of types the link adds.
fn by_value(def: &TypeDef) -> Vec<(usize, &str, usize)> {
    match &def.kind {
        TypeKind::Newtype(ty, _) => held(ty)
            .map(|(n, levels)| (NEWTYPE, n, levels))
            .into_iter()
            .collect(),
        TypeKind::Struct(s) => {
            let additional = match &s.additional {
                Additional::Typed(ty, _) => {
                    held(ty).map(|(n, levels)| (ADDITIONAL, n, levels + MAP_LEVELS))
                }
                _ => None,
            };
            s.fields
                .iter()
                .enumerate()
                .filter_map(|(i, f)| {
                    let around = usize::from(!f.required) * OPTION_LEVELS
                        + usize::from(f.boxed) * BOX_LEVELS;
                    held(&f.ty).map(|(n, levels)| (i, n, levels + around))
                })
                .chain(additional)
                .collect()
        }
        TypeKind::Union(u) => u
            .variants
            .iter()
            .filter_map(|v| {
                let around = usize::from(v.boxed) * BOX_LEVELS;
                held(&v.ty).map(|(n, levels)| (UNCUT, n, levels + around))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The named type a value of `ty` holds (by value, or in arrays and maps, which rustc
/// looks into too), and the levels down to it, itself included.
fn held(ty: &Ty) -> Option<(&str, usize)> {
    match ty {
        Ty::Named(name) => Some((name, 1)),
        Ty::Nullable(inner) => held(inner).map(|(name, levels)| (name, levels + OPTION_LEVELS)),
        Ty::Array(inner, _) => held(inner).map(|(name, levels)| (name, levels + VEC_LEVELS)),
        Ty::Map(inner, _) => held(inner).map(|(name, levels)| (name, levels + MAP_LEVELS)),
        _ => None,
    }
}
