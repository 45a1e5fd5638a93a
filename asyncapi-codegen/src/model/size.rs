//! Boxing fields whose value would be large.
//!
//! A struct holds the named types of its fields by value, so a schema that holds the
//! next level in several properties (`a`, `b` and `c` all `$ref` the same type, which
//! does the same) gives a type whose size grows as a power of the depth: 16 such
//! levels are hundreds of megabytes, and reading one overflows the stack, which holds
//! every level being read. So a field (or a union's variant) that would hold more
//! than [`BOX_ABOVE`] bytes by value holds a `Box` instead: a pointer, whatever the
//! size of what it points to. The sizes are estimates of rustc's layout (close enough
//! to find what grows); types of real documents stay far below the bound, so their
//! fields are as before.

use std::collections::HashMap;

use super::ir::{Ty, TypeDef, TypeKind};

/// The largest value (in bytes, estimated) a field holds without a `Box`.
pub const BOX_ABOVE: usize = 4096;

/// A pointer's size: what a boxed field, a `String`, a `Vec` take.
const POINTER: usize = 8;

/// Boxes the fields and union variants of `types` that would hold more than
/// [`BOX_ABOVE`] bytes by value.
pub fn box_large_values(types: &mut [TypeDef]) {
    let index: HashMap<String, usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.clone(), i))
        .collect();
    // Sizes depend on the sizes of the types held by value: computed children first,
    // with an explicit stack (chains are long). Links held by value form no cycle (the
    // model boxes those), but a shared type is reached by several links.
    let mut size: Vec<Option<usize>> = vec![None; types.len()];
    let mut on_path = vec![false; types.len()];
    for start in 0..types.len() {
        if size[start].is_some() {
            continue;
        }
        let mut stack = vec![start];
        on_path[start] = true;
        while let Some(&node) = stack.last() {
            let pending = held_by_value(&types[node])
                .into_iter()
                .filter_map(|name| index.get(name).copied())
                .find(|&target| size[target].is_none() && !on_path[target]);
            if let Some(target) = pending {
                on_path[target] = true;
                stack.push(target);
                continue;
            }
            let of = |ty: &Ty| estimate(ty, &|name| lookup(&index, &size, name));
            let total = match &mut types[node].kind {
                TypeKind::Struct(s) => {
                    let mut total = 0;
                    for field in &mut s.fields {
                        let value = of(&field.ty);
                        if !field.boxed && value > BOX_ABOVE {
                            field.boxed = true;
                        }
                        let held = if field.boxed { POINTER } else { value };
                        total += held + if field.required { 0 } else { POINTER };
                    }
                    // The map of the properties it does not list.
                    total + 72
                }
                TypeKind::Union(u) => {
                    let mut largest = 0;
                    for variant in &mut u.variants {
                        let value = of(&variant.ty);
                        if !variant.boxed && value > BOX_ABOVE {
                            variant.boxed = true;
                        }
                        largest = largest.max(if variant.boxed { POINTER } else { value });
                    }
                    largest + POINTER
                }
                TypeKind::Newtype(ty, _) => of(ty),
                TypeKind::Any => 72,
                TypeKind::Enum(_) | TypeKind::Literals(_) => POINTER,
            };
            size[node] = Some(total);
            on_path[node] = false;
            stack.pop();
        }
    }
}

/// The size of the named type `name`, as far as it is known (a type on the path being
/// measured is held through a `Box` elsewhere: a pointer).
fn lookup(index: &HashMap<String, usize>, size: &[Option<usize>], name: &str) -> usize {
    index.get(name).and_then(|&i| size[i]).unwrap_or(POINTER)
}

/// The estimated size of a value of `ty`.
fn estimate(ty: &Ty, named: &dyn Fn(&str) -> usize) -> usize {
    match ty {
        Ty::String | Ty::Bytes | Ty::Number | Ty::Integer | Ty::Array(..) => 3 * POINTER,
        Ty::Bool => 1,
        Ty::I64 | Ty::U64 => POINTER,
        Ty::Null => 0,
        Ty::Any | Ty::Map(..) => 72,
        Ty::Named(name) => named(name),
        Ty::Nullable(inner) => estimate(inner, named) + POINTER,
    }
}

/// The named types `def` holds by value (not through a `Box`, a `Vec` or a map).
fn held_by_value(def: &TypeDef) -> Vec<&str> {
    match &def.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .filter(|f| !f.boxed)
            .filter_map(|f| direct(&f.ty))
            .collect(),
        TypeKind::Union(u) => u
            .variants
            .iter()
            .filter(|v| !v.boxed)
            .filter_map(|v| direct(&v.ty))
            .collect(),
        TypeKind::Newtype(ty, _) => direct(ty).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// The named type a value of `ty` holds without indirection, if any.
fn direct(ty: &Ty) -> Option<&str> {
    match ty {
        Ty::Named(name) => Some(name),
        Ty::Nullable(inner) => match inner.as_ref() {
            Ty::Named(name) => Some(name),
            _ => None,
        },
        _ => None,
    }
}
