//! `Validate::validate_at`: the constraints of a typed value and of everything in it.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use super::{located_at, Emitter};
use crate::model::{
    EnumBody, Field, Flatten, Repr, SchemaRef, Shape, ShapeKind, StructBody, Variant,
};

impl Emitter<'_> {
    /// Validates one field: `access` is a `&T` expression, `init` builds its `Path`.
    fn field_validate(&self, field: &Field, access: TokenStream, init: TokenStream) -> TokenStream {
        let krate = self.krate();
        if field.skip || field.serde_skip {
            return TokenStream::new();
        }
        if field.flatten.is_some() {
            // A flattened value's members sit in the same object; `values(...)` of a
            // flattened map applies to each of them, at its key.
            let v = format_ident!("__v0");
            let p = format_ident!("__p0");
            let checks = self.checks(&field.checks, &v, &p, 0);
            return quote! {
                {
                    let #p: #krate::Path<'_> = *path;
                    let #v = #access;
                    #checks
                    #krate::Validate::validate_at(#v, path, report);
                }
            };
        }
        let v = format_ident!("__v0");
        let p = format_ident!("__p0");
        let checks = self.checks(&field.checks, &v, &p, 0);
        let extra = field.extra_schema.as_ref().map(|schema| {
            // At the attribute: a value that cannot be written as JSON is reported there.
            let value = proc_macro2::Ident::new("__present", located_at(schema.span));
            let call = self.extra_schema_call(schema, &quote!(#value), &quote!(&#p));
            if field.optional {
                // Absent is not checked; JSON `null` is a value.
                quote!(if let ::core::option::Option::Some(#value) = ::core::option::Option::as_ref(#v) { #call })
            } else {
                quote!({ let #value = #v; #call })
            }
        });
        quote! {
            {
                let #p: #krate::Path<'_> = #init;
                let #v = #access;
                #checks
                #extra
                #krate::Validate::validate_at(#v, &#p, report);
            }
        }
    }

    /// `validate()`'s check of `value` (a reference) against `schema`, at `path`.
    pub(super) fn extra_schema_call(
        &self,
        schema: &SchemaRef,
        value: &TokenStream,
        path: &TokenStream,
    ) -> TokenStream {
        let krate = self.krate();
        let (static_path, entry) = (&schema.schema, schema.entry);
        // Spanned at the attribute: a value that cannot be serialized is reported there.
        quote_spanned! {located_at(schema.span)=>
            #krate::__private::extra_schema(&#static_path, #entry, #value, #path, report);
        }
    }

    /// Validates the fields of `shape`, located relative to `base` (a `&Path`).
    /// `access(i)` is a `&T` expression for field `i`.
    fn shape_validate(
        &self,
        shape: &Shape,
        base: &TokenStream,
        access: &dyn Fn(usize, &Field) -> TokenStream,
    ) -> TokenStream {
        let mut position = 0usize;
        let mut out = TokenStream::new();
        for (index, field) in shape.fields.iter().enumerate() {
            let init = match shape.kind {
                ShapeKind::Unit => continue,
                ShapeKind::Newtype { field: the } if the == index => quote!(*#base),
                ShapeKind::Newtype { .. } => continue,
                ShapeKind::Tuple => {
                    if field.serde_skip {
                        continue;
                    }
                    position += 1;
                    let at = position - 1;
                    quote!(#base.index(#at))
                }
                ShapeKind::Named => {
                    let wire = &field.wire;
                    quote!(#base.key(#wire))
                }
            };
            let field_tokens = self.field_validate(field, access(index, field), init);
            // Flattened fields are validated at `path`; rebind it to the base.
            if field.flatten.is_some() {
                out.extend(quote!({ let path: &_ = #base; #field_tokens }));
            } else {
                out.extend(field_tokens);
            }
        }
        out
    }

    /// The body of `validate_at` for a struct: its fields, then the container's
    /// property counts.
    pub(super) fn struct_validate(&self, body: &StructBody) -> TokenStream {
        let fields = self.shape_validate(&body.shape, &quote!(path), &|_, field| {
            let member = &field.member;
            quote!(&self.#member)
        });
        if body.property_counts == (None, None) {
            return fields;
        }
        let krate = self.krate();
        // The properties the value would be written with: named fields present, and
        // the extra properties of flattened maps.
        let terms = body
            .shape
            .fields
            .iter()
            .filter(|f| !f.serde_skip)
            .map(|field| {
                let member = &field.member;
                match &field.flatten {
                    Some(Flatten::Map { .. } | Flatten::AnyMap) => {
                        quote!(#krate::__private::FlattenedCount::flattened_count(&self.#member))
                    }
                    Some(Flatten::Struct { .. }) => quote!(0),
                    None if field.optional => quote!(usize::from(self.#member.is_some())),
                    None => quote!(1),
                }
            });
        let count = quote!(#krate::__private::PropertyCount(0 #(+ #terms)*));
        let checks = self.property_count_checks(body, &quote!(&__count));
        quote! {
            #fields
            let __count = #count;
            #checks
        }
    }

    /// The body of `validate_at` for an enum: the held variant's fields, at the path
    /// its representation puts them; for untagged enums, every alternative counted.
    pub(super) fn enum_validate(&self, body: &EnumBody) -> TokenStream {
        if body.variants.is_empty() {
            return quote!(match *self {});
        }
        if body
            .variants
            .iter()
            .all(|v| v.shape.kind == ShapeKind::Unit)
        {
            return TokenStream::new();
        }
        let krate = self.krate();
        let arms = body.variants.iter().map(|variant| {
            let ident = &variant.ident;
            let fields = &variant.shape.fields;
            let binding = |i: usize| format_ident!("__f{}", i);
            let ignored = |f: &Field| f.skip || f.serde_skip;
            let pattern = match variant.shape.kind {
                ShapeKind::Unit => quote!(Self::#ident),
                ShapeKind::Named => {
                    let parts = fields.iter().enumerate().map(|(i, f)| {
                        let member = &f.member;
                        if ignored(f) {
                            quote!(#member: _)
                        } else {
                            let b = binding(i);
                            quote!(#member: #b)
                        }
                    });
                    quote!(Self::#ident { #(#parts),* })
                }
                ShapeKind::Newtype { .. } | ShapeKind::Tuple => {
                    let parts = fields.iter().enumerate().map(|(i, f)| {
                        if ignored(f) {
                            quote!(_)
                        } else {
                            let b = binding(i);
                            quote!(#b)
                        }
                    });
                    quote!(Self::#ident(#(#parts),*))
                }
            };
            if variant.shape.kind == ShapeKind::Unit || fields.iter().all(ignored) {
                return quote!(#pattern => {});
            }
            let (setup, base) = match &body.repr {
                Repr::External => {
                    let wire = &variant.wire;
                    (
                        quote!(let __base: #krate::Path<'_> = path.key(#wire);),
                        quote!((&__base)),
                    )
                }
                Repr::Adjacent { content, .. } => (
                    quote!(let __base: #krate::Path<'_> = path.key(#content);),
                    quote!((&__base)),
                ),
                Repr::Internal { .. } | Repr::Untagged => (TokenStream::new(), quote!(path)),
            };
            let validate = self.shape_validate(&variant.shape, &base, &|i, _| {
                let b = binding(i);
                quote!(#b)
            });
            quote!(#pattern => { #setup #validate })
        });
        let held = quote! {
            match self {
                #(#arms)*
            }
        };
        if !self.counts_alternatives(body) {
            return held;
        }
        // oneOf: serde took the first variant that deserializes, but the value may match
        // others too, or fail that variant's constraints and match another. Count the
        // alternatives its JSON matches, exactly as `validate_json` does, so that both
        // report the same: nothing for one match (whichever variant holds it), `oneOf`
        // for none or several.
        let variants: Vec<&Variant> = body.variants.iter().filter(|v| !v.serde_skip).collect();
        // With `json_schema`, the schema stands for the walk here too.
        let count = match &self.model.json_schema {
            Some(schema) => self.schema_walk(schema, &quote!(value), &quote!(path)),
            None => self.untagged_json(body, &variants),
        };
        quote! {
            match #krate::__private::to_json_value(self) {
                ::core::result::Result::Ok(__json) => {
                    let value = &__json;
                    #count
                }
                ::core::result::Result::Err(_) => { #held }
            }
        }
    }

    /// Whether `validate()` counts the alternatives an untagged value matches, as
    /// `validate_json` does: serde keeps the first alternative that deserializes, but
    /// JSON Schema's verdict depends on all of them (`anyOf`: a later one may accept a
    /// value the held one refuses; `oneOf`: a second match is a violation). Not for a
    /// type with a lifetime parameter, which has no `ValidateJson`.
    pub(super) fn counts_alternatives(&self, body: &EnumBody) -> bool {
        matches!(body.repr, Repr::Untagged) && self.model.generics.lifetimes().next().is_none()
    }
}
