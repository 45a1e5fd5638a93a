//! Constructors for producers: `new` takes the required properties, `with_*` sets an
//! optional one, so that code building values keeps compiling when the document gains
//! an optional property (a struct literal would not). Structs without required
//! properties derive `Default` instead of having a `new`. What is built is checked
//! with the runtime's `Validate::validated`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::context::ident;
use super::docs;
use super::types::{field_ty, ty};
use super::Context;
use crate::model::{Additional, StructDef};

/// Clippy's default for `too_many_arguments`.
const CLIPPY_ARGUMENTS: usize = 7;

/// Clippy's default `disallowed_names`: parameters are named after the document's
/// properties, which may well be these (the JSON-Schema-Test-Suite's are).
const CLIPPY_DISALLOWED_NAMES: [&str; 3] = ["foo", "baz", "quux"];

/// `#[allow(clippy::disallowed_names)]` when a parameter is named after one of `fields`
/// that clippy's default configuration refuses as a placeholder.
fn allow_placeholder_names<'a>(
    mut fields: impl Iterator<Item = &'a crate::model::Field>,
) -> Option<TokenStream> {
    fields
        .any(|f| CLIPPY_DISALLOWED_NAMES.contains(&f.name.as_str()))
        .then(|| quote!(#[allow(clippy::disallowed_names)]))
}

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
        let placeholders = allow_placeholder_names(required.iter().copied());
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
            #placeholders
            pub fn new(#(#params),*) -> Self {
                Self {
                    #(#inits,)*
                    #extra: #map::default(),
                }
            }
        }
    });
    let setters = s.fields.iter().filter(|f| !f.required).map(|field| {
        let name = ident(&field.name);
        let method = format_ident!("with_{}", field.name.trim_start_matches("r#"));
        // A field named `_2fa` (a property starting with a digit) makes `with__2fa`,
        // which the snake-case lint refuses; dropping an underscore could collide with
        // the setter of a property `x` beside one `_x`.
        let snake = field
            .name
            .starts_with('_')
            .then(|| quote!(#[allow(non_snake_case)]));
        let placeholders = allow_placeholder_names(std::iter::once(field));
        let inner = ty(cx, &field.ty, &prefix);
        let inner = if field.boxed {
            quote!(Box<#inner>)
        } else {
            inner
        };
        // The wire name may hold any character (backticks, CR, tabs): `docs::code` keeps
        // it one line of inline code, which a raw CR in a doc comment would not be.
        let doc = format!(
            " With {} ({} on the wire) set.",
            docs::code(&name.to_string()),
            docs::code(&field.wire)
        );
        quote! {
            #[doc = #doc]
            #[must_use]
            #snake
            #placeholders
            pub fn #method(mut self, #name: impl Into<#inner>) -> Self {
                self.#name = Some(#name.into());
                self
            }
        }
    });
    let setters: Vec<_> = setters.collect();
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
