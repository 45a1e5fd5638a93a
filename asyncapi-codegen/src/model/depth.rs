//! Cutting deep chains of types held by value.
//!
//! rustc computes a struct's layout, and its drop-check rules, by recursing into every
//! type it holds (`Option<Inner>` holds `Inner`, and so does `Box<Inner>` for drop
//! checking), and gives up past its recursion limit: a payload nested about 60 structs
//! deep does not compile. `Vec`s and maps do not count for layout, but do for drop
//! checking. So a field whose named type would nest more than [`MAX_DEPTH`] types
//! deep is held as the runtime's JSON `Value` instead, checked against that type's
//! whole schema: still validated exactly (same verdicts, pointers and messages, from
//! the schema interpreter), only not typed. Real documents come nowhere near the
//! limit, so their types are as before; deeper ones compile instead of failing.

use std::collections::HashMap;

use super::ir::{Ty, TypeDef, TypeKind};

/// How many named types may hold one another, one inside the next.
pub const MAX_DEPTH: usize = 32;

/// Cuts the chains in `types` that are too deep (see the module's documentation).
pub fn cut_deep_chains(types: &mut [TypeDef]) {
    let index: HashMap<&str, usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.as_str(), i))
        .collect();
    // For each type, the types it holds by value: (field or variant index, target).
    let edges: Vec<Vec<(usize, usize)>> = types
        .iter()
        .map(|t| {
            by_value(t)
                .into_iter()
                .filter_map(|(slot, name)| index.get(name).map(|&target| (slot, target)))
                .collect()
        })
        .collect();
    drop(index);
    // Depths after boxing, computed children first (iteratively: chains are long).
    let mut depth: Vec<Option<usize>> = vec![None; types.len()];
    let mut to_cut: Vec<(usize, usize, usize)> = Vec::new();
    // How many times each type is on the stack (a type reached twice before it is
    // done is pushed twice).
    let mut on_stack: Vec<u32> = vec![0; types.len()];
    for start in 0..types.len() {
        let mut stack = vec![start];
        on_stack[start] += 1;
        while let Some(&node) = stack.last() {
            if depth[node].is_some() {
                stack.pop();
                on_stack[node] -= 1;
                continue;
            }
            let pending: Vec<usize> = edges[node]
                .iter()
                .map(|&(_, target)| target)
                .filter(|&target| depth[target].is_none() && on_stack[target] == 0)
                .collect();
            if !pending.is_empty() {
                for &target in &pending {
                    on_stack[target] += 1;
                }
                stack.extend(pending);
                continue;
            }
            let mut deepest = 0;
            for &(slot, target) in &edges[node] {
                // A target still on the stack is a cycle the model already boxed at
                // another field; it counts as nothing here.
                let below = depth[target].unwrap_or(0) + 1;
                if below > MAX_DEPTH {
                    to_cut.push((node, slot, target));
                } else {
                    deepest = deepest.max(below);
                }
            }
            depth[node] = Some(deepest);
            stack.pop();
            on_stack[node] -= 1;
        }
    }
    for (node, slot, target) in to_cut {
        let target_schema = types[target].schema;
        let note = format!(
            "Held as JSON, checked against the schema of {}: typed, it would nest \
             types deeper than rustc lays out.",
            types[target].name
        );
        match &mut types[node].kind {
            TypeKind::Struct(s) => {
                let field = &mut s.fields[slot];
                match field.ty {
                    Ty::Named(_) if field.checks.extra.is_none() => {
                        field.ty = Ty::Any;
                        field.checks.extra = Some(target_schema);
                        field.docs.description = Some(match field.docs.description.take() {
                            Some(text) => format!("{text}\n\n{note}"),
                            None => note,
                        });
                    }
                    // `null` or the type (its schema refuses `null`), or a field with
                    // checks of its own that only the interpreter makes: boxed, which
                    // is enough for the layout.
                    _ => field.boxed = true,
                }
            }
            TypeKind::Union(u) => u.variants[slot].boxed = true,
            _ => {}
        }
    }
}

/// The named types `def` holds by value, with the index of the field or variant that
/// holds each (a newtype's one type cannot be boxed, and is left out).
fn by_value(def: &TypeDef) -> Vec<(usize, &str)> {
    match &def.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.boxed)
            .filter_map(|(i, f)| named(&f.ty).map(|n| (i, n)))
            .collect(),
        TypeKind::Union(u) => u
            .variants
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.boxed)
            .filter_map(|(i, v)| named(&v.ty).map(|n| (i, n)))
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
