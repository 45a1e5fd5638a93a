//! Constructors for producers: `new` takes the required properties, `with_*` sets an
//! optional one, so that code building values keeps compiling when the document gains
//! an optional property (a struct literal would not). Structs without required
//! properties derive `Default` instead of having a `new`. What is built is checked
//! with the runtime's `Validate::validated`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::context::ident;
use super::types::{field_ty, ty};
use super::{docs, Context};
use crate::model::{Additional, StructDef};

/// Clippy's default for `too_many_arguments`.
const CLIPPY_ARGUMENTS: usize = 7;

/// Clippy's default `disallowed_names`.
const CLIPPY_PLACEHOLDERS: [&str; 3] = ["foo", "baz", "quux"];

/// `impl NAME { new(..), with_..(..) }` for a struct.
pub fn constructors(cx: &Context, name: &syn::Ident, s: &StructDef) -> TokenStream {
    let prefix = quote!();
    let required: Vec<_> = s.fields.iter().filter(|f| f.required).collect();
    let new = (!required.is_empty()).then(|| {
        let params = required.iter().map(|field| {
            let name = ident(&field.name);
            let ty = field_ty(cx, field, &prefix);
            quote!(#name: impl Into<#ty>)
        });
        let inits = s.fields.iter().map(|field| {
            let name = ident(&field.name);
            if field.required {
                quote!(#name: #name.into())
            } else {
                quote!(#name: None)
            }
        });
        let extra = ident(&s.additional_field);
        let map = cx.item("Map");
        let many = (required.len() > CLIPPY_ARGUMENTS)
            .then(|| quote!(#[allow(clippy::too_many_arguments)]));
        // Parameters are named after the document's properties, whatever they are.
        let placeholder = required
            .iter()
            .any(|f| CLIPPY_PLACEHOLDERS.contains(&f.name.as_str()))
            .then(|| quote!(#[allow(clippy::disallowed_names)]));
        let extra_doc = match s.additional {
            Additional::Deny => "",
            Additional::Keep | Additional::Typed(..) => " and no other properties",
        };
        let doc = format!(
            " A value with the required properties, the optional ones absent{extra_doc}; \
             `validated()` checks it."
        );
        quote! {
            #[doc = #doc]
            #many
            #placeholder
            pub fn new(#(#params),*) -> Self {
                Self {
                    #(#inits,)*
                    #extra: #map::default(),
                }
            }
        }
    });
    let mut methods = std::collections::BTreeSet::new();
    let mut setters = Vec::new();
    for field in s.fields.iter().filter(|f| !f.required) {
        let name = ident(&field.name);
        let method = setter_name(&field.name, &mut methods);
        let inner = ty(cx, &field.ty, &prefix);
        let inner = if field.boxed {
            quote!(Box<#inner>)
        } else {
            inner
        };
        let doc = format!(
            " With `{}` ({} on the wire) set.",
            field.name.trim_start_matches("r#"),
            docs::code(&field.wire)
        );
        setters.push(quote! {
            #[doc = #doc]
            #[must_use]
            pub fn #method(mut self, value: impl Into<#inner>) -> Self {
                self.#name = Some(value.into());
                self
            }
        });
    }
    if new.is_none() && setters.is_empty() {
        return quote!();
    }
    quote! {
        impl #name {
            #new
            #(#setters)*
        }
    }
}

/// `with_NAME` for field `field`, snake case (leading underscores of a field named
/// after a digit dropped: `_1st` gives `with_1st`), distinct from the names in `taken`.
fn setter_name(field: &str, taken: &mut std::collections::BTreeSet<String>) -> syn::Ident {
    let stem = field.trim_start_matches("r#").trim_start_matches('_');
    let mut name = format!("with_{stem}");
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("with_{stem}_{n}");
        n += 1;
    }
    format_ident!("{}", name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setter_names_are_snake_case_and_distinct() {
        let mut taken = std::collections::BTreeSet::new();
        let names: Vec<String> = ["r#type", "_1st", "a", "_a", "a_2"]
            .iter()
            .map(|f| setter_name(f, &mut taken).to_string())
            .collect();
        assert_eq!(
            names,
            ["with_type", "with_1st", "with_a", "with_a_2", "with_a_2_2"]
        );
    }
}
