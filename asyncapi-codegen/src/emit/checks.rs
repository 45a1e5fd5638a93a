//! `#[validate(...)]` attributes from a value's checks.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::Context;
use crate::model::{Checks, Ty};

/// The items of `#[validate(...)]` for a value of type `ty` with `checks`, nested
/// checks of array items and map values included; `schemas` is the path of the
/// document's `SCHEMAS` where the attribute stands.
// Every emitter takes the context; these checks need none of it (yet), the
// recursion passes it on.
#[allow(clippy::only_used_in_recursion)]
pub fn items(cx: &Context, ty: &Ty, checks: &Checks, schemas: &TokenStream) -> Vec<TokenStream> {
    let mut out = Vec::new();
    if let Some(pattern) = &checks.pattern {
        out.push(quote!(pattern = #pattern));
    }
    let count = |name: &str, n: Option<u64>| {
        n.map(|n| {
            let name = quote::format_ident!("{}", name);
            let n = Literal::u64_unsuffixed(n);
            quote!(#name = #n)
        })
    };
    out.extend(count("min_length", checks.min_length));
    out.extend(count("max_length", checks.max_length));
    for (name, bound) in [
        ("minimum", &checks.minimum),
        ("maximum", &checks.maximum),
        ("exclusive_minimum", &checks.exclusive_minimum),
        ("exclusive_maximum", &checks.exclusive_maximum),
        ("multiple_of", &checks.multiple_of),
    ] {
        if let Some(bound) = bound {
            let name = quote::format_ident!("{}", name);
            // As text: the bound exactly as the document writes it.
            let text = bound.to_string();
            out.push(quote!(#name = #text));
        }
    }
    out.extend(count("min_items", checks.min_items));
    out.extend(count("max_items", checks.max_items));
    if checks.unique_items {
        out.push(quote!(unique_items));
    }
    out.extend(count("min_properties", checks.min_properties));
    out.extend(count("max_properties", checks.max_properties));
    if checks.format.as_deref() == Some("byte") {
        out.push(quote!(format = "byte"));
    }
    if let Some(when) = &checks.when {
        // The branches hold string keywords only (see `model::schemas::conditional`).
        let mut inside = items(cx, &Ty::String, &when.condition, schemas);
        for (name, branch) in [("then", &when.then), ("otherwise", &when.otherwise)] {
            let branch = items(cx, &Ty::String, branch, schemas);
            if !branch.is_empty() {
                let name = quote::format_ident!("{}", name);
                inside.push(quote!(#name(#(#branch),*)));
            }
        }
        out.push(quote!(when(#(#inside),*)));
    }
    if let Some(entry) = checks.extra {
        let entry = super::context::number(entry);
        out.push(quote!(extra_schema(#schemas, #entry)));
    }
    let inner = |ty: &Ty, checks: &Checks| items(cx, ty, checks, schemas);
    match ty {
        Ty::Array(item, item_checks) => {
            let nested = inner(item, item_checks);
            if !nested.is_empty() {
                out.push(quote!(items(#(#nested),*)));
            }
        }
        Ty::Map(value, value_checks) => {
            let nested = inner(value, value_checks);
            if !nested.is_empty() {
                out.push(quote!(values(#(#nested),*)));
            }
        }
        Ty::Nullable(inner_ty) => {
            // The checks apply to the value, never to `null`; nested ones likewise.
            if let Ty::Array(..) | Ty::Map(..) = **inner_ty {
                let nested = items(cx, inner_ty, &Checks::default(), schemas);
                out.extend(nested);
            }
        }
        _ => {}
    }
    out
}

/// `#[validate(...)]` for a value, or nothing.
pub fn attr(cx: &Context, ty: &Ty, checks: &Checks, schemas: &TokenStream) -> TokenStream {
    let items = items(cx, ty, checks, schemas);
    if items.is_empty() {
        quote!()
    } else {
        quote!(#[validate(#(#items),*)])
    }
}
