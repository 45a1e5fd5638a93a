//! From the checked [`Model`] to the `Validate` and `ValidateJson` impls.
//!
//! The impls and one `static` per distinct pattern sit in an anonymous `const _: () = {..}`
//! block, so nothing leaks into the user's namespace. Constraint calls carry the span of
//! their attribute, so a constraint that does not fit the field's type (`max_length` on a
//! number) is reported there.
//!
//! One file per part: [`checks`] (the constraint calls), [`validate`] (`Validate`, on the
//! typed value), [`validate_json`] (`ValidateJson` for structs and shapes) and
//! [`enum_json`] (`ValidateJson` for each enum representation). Emitting cannot fail:
//! `check` has refused everything that would not expand.

mod checks;
mod enum_json;
mod from_json;
mod validate;
mod validate_json;

pub use self::from_json::emit as emit_from_json;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use syn::Generics;

use crate::model::{Body, Model};

/// The `Validate` and `ValidateJson` impls of `model`, in one anonymous `const` block.
pub fn emit(model: &Model) -> TokenStream {
    let e = Emitter { model };
    let krate = &model.krate;
    let ident = &model.ident;
    let statics = model.patterns.iter().enumerate().map(|(index, def)| {
        let name = pattern_static(index);
        let source = &def.source;
        quote! {
            static #name: ::std::sync::LazyLock<#krate::__private::Pattern> =
                ::std::sync::LazyLock::new(|| #krate::__private::compile_pattern(#source));
        }
    });
    let (mut validate, walk) = match &model.body {
        Body::Struct(body) => (e.struct_validate(body), e.struct_json(body)),
        Body::Enum(body) => (e.enum_validate(body), e.enum_json(body)),
    };
    // `json_schema`: the document's own schema instead of the walk derived from serde's
    // attributes, so the two cannot disagree.
    let mut json = match &model.json_schema {
        Some(schema) => e.schema_walk(schema, &quote!(value), &quote!(path)),
        None => walk,
    };
    if let Some(schema) = &model.extra_schema {
        // `json_schema` is the value's whole schema, the extra one a part of it: where
        // the whole one is walked (by `validate_json`, and by `validate()` of an
        // untagged enum, which counts its alternatives with it), the part is not
        // walked again, or its violations would be reported twice.
        let whole = model.json_schema.is_some();
        let counted = matches!(&model.body, Body::Enum(body) if e.counts_alternatives(body));
        if !(whole && counted) {
            validate.extend(e.extra_schema_call(schema, &quote!(self), &quote!(path)));
        }
        if !whole {
            json.extend(e.schema_walk(schema, &quote!(value), &quote!(path)));
        }
    }
    let mut validate_generics = bounded(&model.generics, quote!(#krate::Validate));
    if let Body::Enum(body) = &model.body {
        if e.counts_alternatives(body) {
            // The alternatives are counted on the value's JSON.
            let more = bounded(
                &model.generics,
                quote!(#krate::ValidateJson + #krate::__private::serde::Serialize),
            );
            if let (Some(clause), Some(extra)) =
                (validate_generics.where_clause.as_mut(), more.where_clause)
            {
                clause.predicates.extend(extra.predicates);
            }
        }
    }
    let (v_impl, v_ty, v_where) = validate_generics.split_for_impl();
    let json_generics = bounded(&model.generics, quote!(#krate::ValidateJson));
    let (j_impl, j_ty, j_where) = json_generics.split_for_impl();
    // `ValidateJson` needs `DeserializeOwned`, which a type borrowing from its input
    // (one with a lifetime parameter) cannot be; such types get `Validate` only.
    let json = if model.generics.lifetimes().next().is_some() {
        quote!()
    } else {
        quote! {
            #[automatically_derived]
            impl #j_impl #krate::ValidateJson for #ident #j_ty #j_where {
                #[allow(unused_variables)]
                fn validate_json(
                    value: &#krate::Value,
                    path: &#krate::Path<'_>,
                    report: &mut #krate::Report,
                ) {
                    #json
                }
            }
        }
    };
    quote! {
        #[doc(hidden)]
        #[allow(
            non_upper_case_globals,
            unused_qualifications,
            unreachable_code,
            clippy::all,
            clippy::pedantic
        )]
        const _: () = {
            #(#statics)*

            #[automatically_derived]
            impl #v_impl #krate::Validate for #ident #v_ty #v_where {
                #[allow(unused_variables)]
                fn validate_at(&self, path: &#krate::Path<'_>, report: &mut #krate::Report) {
                    #validate
                }
            }

            #json
        };
    }
}

/// A span with the expansion's own hygiene, located at `span` (an attribute, a field's
/// type): errors point there, and the expansion's local names (`report`, `__map`) still
/// resolve when the input comes from a `macro_rules!` expansion.
fn located_at(span: proc_macro2::Span) -> proc_macro2::Span {
    proc_macro2::Span::call_site().located_at(span)
}

/// The name of the `static` holding pattern `index`.
fn pattern_static(index: usize) -> Ident {
    format_ident!("__KT_RE_{}", index)
}

/// `generics` with `T: bound` added for every type parameter.
fn bounded(generics: &Generics, bound: TokenStream) -> Generics {
    let mut generics = generics.clone();
    let params: Vec<Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    let where_clause = generics.make_where_clause();
    for param in params {
        where_clause
            .predicates
            .push(syn::parse_quote!(#param: #bound));
    }
    generics
}

/// Emits the parts of one model's impls; its methods are spread over this module's files.
struct Emitter<'a> {
    /// What to emit.
    model: &'a Model,
}

impl Emitter<'_> {
    /// The path of the runtime crate.
    fn krate(&self) -> &syn::Path {
        &self.model.krate
    }

    /// The runtime's exact `Value`.
    fn value_ty(&self) -> TokenStream {
        let krate = self.krate();
        quote!(#krate::Value)
    }
}
