//! `ValidateJson::validate_json` for structs and for the content of variants: the JSON
//! walked as serde would read it, every misfit reported.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::{located_at, Emitter};
use crate::model::{
    CheckKind, DeserializeWith, Field, Flatten, NullReading, SchemaRef, Shape, ShapeKind,
    StructBody,
};

impl Emitter<'_> {
    /// Walks one field's JSON `value` (a `&Value` ident) at `p` (a `Path` ident).
    fn field_json(&self, field: &Field, value: &Ident, p: &Ident) -> TokenStream {
        if field.skip {
            return TokenStream::new();
        }
        let krate = self.krate();
        let ty = &field.ty;
        let checks = if field.checks.is_empty() {
            TokenStream::new()
        } else {
            // A value that deserializes has the field's shape: check its constraints
            // on the typed value, exactly as `Validate` does.
            // Read from the value's text as the typed parse reads it.
            let de = match &field.deserialize_with {
                None => quote!(#krate::__private::from_json_value::<#ty>(#value)),
                Some(DeserializeWith::Function(function)) => {
                    quote!(#krate::__private::read_json_value(#value, |__d| #function(__d)))
                }
                Some(DeserializeWith::Module(module)) => {
                    quote!(#krate::__private::read_json_value(#value, |__d| #module::deserialize(__d)))
                }
            };
            let v = format_ident!("__v0");
            let checks = self.checks(&field.checks, &v, p, 0);
            quote! {
                let __typed: ::core::result::Result<#ty, #krate::__private::serde_json::Error> = #de;
                if let ::core::result::Result::Ok(__typed) = __typed {
                    let #v = &__typed;
                    #checks
                }
            }
        };
        let extra = field
            .extra_schema
            .as_ref()
            .map(|schema| self.schema_walk(schema, &quote!(#value), &quote!(&#p)));
        // The value's own constraints first, then what is inside it, as `Validate` does.
        let walk = quote! {
            #checks
            #extra
            <#ty as #krate::ValidateJson>::validate_json(#value, &#p, report);
        };
        match field.null {
            NullReading::Value => walk,
            NullReading::None => quote!(if !#value.is_null() { #walk }),
            // serde's derive reads `null` as `None` for a plain `Option`; FromJson's
            // hands it to the inner type. Which derive `Self` has decides.
            NullReading::NoneUnlessFromJson => quote! {
                let __null_is_none = {
                    #[allow(unused_imports)]
                    use #krate::__private::{ProbeFromJson as _, ProbeSerde as _};
                    (&&#krate::__private::Probe::<Self>::new()).option_null_is_none()
                };
                if !(#value.is_null() && __null_is_none) { #walk }
            },
        }
    }

    /// Walks `value` (a `&Value` ident) as `shape` at `path` (a `&Path` expression).
    /// `claimed` are keys that belong to the enclosing enum (an internal tag).
    pub(super) fn shape_json(
        &self,
        shape: &Shape,
        value: &Ident,
        path: &TokenStream,
        claimed: &[&str],
        deny_unknown_fields: bool,
    ) -> TokenStream {
        let krate = self.krate();
        let value_ty = self.value_ty();
        match shape.kind {
            ShapeKind::Unit => quote! {
                if !#value.is_null() {
                    #krate::__private::type_error(#value, "null", #path, report);
                }
            },
            ShapeKind::Newtype { field } => {
                let p = format_ident!("__p");
                let walk = self.field_json(&shape.fields[field], value, &p);
                quote!({ let #p: #krate::Path<'_> = *#path; #walk })
            }
            ShapeKind::Tuple => {
                let fields: Vec<&Field> = shape.fields.iter().filter(|f| !f.serde_skip).collect();
                let len = fields.len();
                let fewer = format!("fewer than minItems {len}");
                let more = format!("more than maxItems {len}");
                let items = fields.iter().enumerate().map(|(index, field)| {
                    let item = format_ident!("__item");
                    let p = format_ident!("__p");
                    let walk = self.field_json(field, &item, &p);
                    quote! {
                        if let ::core::option::Option::Some(#item) = __items.get(#index) {
                            let #p: #krate::Path<'_> = #path.index(#index);
                            #walk
                        }
                    }
                });
                quote! {
                    match #value {
                        #value_ty::Array(__items) => {
                            let __n = __items.len();
                            let __what = if __n == 1 { "item" } else { "items" };
                            if __n < #len {
                                report.push(#path, #krate::Keyword::MinItems,
                                    ::std::format!("{} {}, {}", __n, __what, #fewer));
                            }
                            if __n > #len {
                                report.push(#path, #krate::Keyword::MaxItems,
                                    ::std::format!("{} {}, {}", __n, __what, #more));
                            }
                            #(#items)*
                        }
                        _ => #krate::__private::type_error(#value, "array", #path, report),
                    }
                }
            }
            ShapeKind::Named => {
                let obj = format_ident!("__obj");
                let fields =
                    self.object_json(shape, value, &obj, path, claimed, deny_unknown_fields);
                quote! {
                    match #value {
                        #value_ty::Object(#obj) => { #fields }
                        _ => #krate::__private::type_error(#value, "object", #path, report),
                    }
                }
            }
        }
    }

    /// Walks the members of the object `obj` (a `&Map` ident; `value` is the same object
    /// as a `&Value`) as the named fields of `shape`, at `path` (a `&Path` expression).
    pub(super) fn object_json(
        &self,
        shape: &Shape,
        value: &Ident,
        obj: &Ident,
        path: &TokenStream,
        claimed: &[&str],
        deny_unknown_fields: bool,
    ) -> TokenStream {
        let krate = self.krate();
        let value_ty = self.value_ty();
        let mut out = TokenStream::new();
        let mut keys: Vec<&str> = claimed.to_vec();
        for field in &shape.fields {
            if field.serde_skip || field.flatten.is_some() {
                continue;
            }
            keys.extend(field.names());
            let mut names = field.names();
            let first = names.next().unwrap_or_default();
            let lookup = names.fold(
                quote!(#obj.get(#first).map(|__x| (#first, __x))),
                |acc, alias| quote!(#acc.or_else(|| #obj.get(#alias).map(|__x| (#alias, __x)))),
            );
            let missing = if field.required {
                let message = format!("missing required property {:?}", field.wire);
                quote!(report.push(#path, #krate::Keyword::Required, #message);)
            } else {
                TokenStream::new()
            };
            let fv = format_ident!("__fv");
            let p = format_ident!("__p");
            let walk = self.field_json(field, &fv, &p);
            out.extend(quote! {
                match #lookup {
                    ::core::option::Option::Some((__key, #fv)) => {
                        let #p: #krate::Path<'_> = #path.key(__key);
                        #walk
                    }
                    ::core::option::Option::None => { #missing }
                }
            });
        }
        let is_claimed = if keys.is_empty() {
            quote!(false)
        } else {
            quote!(::core::matches!(__key.as_str(), #(#keys)|*))
        };
        let mut flattened = false;
        for field in &shape.fields {
            let Some(flatten) = &field.flatten else {
                continue;
            };
            flattened = true;
            if field.skip || field.serde_skip {
                continue;
            }
            out.extend(match flatten {
                Flatten::Map { value: item } => {
                    // `values(...)`: each property's constraints, checked on its typed
                    // value as `Validate` does, before what is inside the properties.
                    let values = field.checks.iter().filter_map(|check| match &check.kind {
                        CheckKind::Values(inner) => Some(inner),
                        _ => None,
                    });
                    let value_checks = values.map(|inner| {
                        let v = format_ident!("__v1");
                        let p = format_ident!("__p1");
                        let checks = self.checks(inner, &v, &p, 1);
                        // In key order, as the typed map (a `BTreeMap`) holds them.
                        quote! {
                            let mut __extra: ::std::vec::Vec<(&::std::string::String, &#value_ty)> =
                                #obj.iter().filter(|(__key, _)| !#is_claimed).collect();
                            __extra.sort_by(|a, b| a.0.cmp(b.0));
                            for (__key, __item) in __extra {
                                let __typed: ::core::result::Result<#item, #krate::__private::serde_json::Error> =
                                    #krate::__private::from_json_value::<#item>(__item);
                                if let ::core::result::Result::Ok(__typed) = __typed {
                                    let #p: #krate::Path<'_> = #path.key(__key);
                                    let #v = &__typed;
                                    #checks
                                }
                            }
                        }
                    });
                    quote! {
                        #(#value_checks)*
                        for (__key, __item) in #obj {
                            if !#is_claimed {
                                let __p: #krate::Path<'_> = #path.key(__key);
                                <#item as #krate::ValidateJson>::validate_json(__item, &__p, report);
                            }
                        }
                    }
                }
                Flatten::AnyMap => TokenStream::new(),
                Flatten::Struct {
                    optional: false,
                    ty,
                } => quote! {
                    <#ty as #krate::ValidateJson>::validate_json(#value, #path, report);
                },
                Flatten::Struct { optional: true, ty } => quote! {
                    // serde reads a flattened `Option` as `None` when it does not fit.
                    if #krate::__private::from_json_value::<#ty>(#value).is_ok() {
                        <#ty as #krate::ValidateJson>::validate_json(#value, #path, report);
                    }
                },
            });
        }
        // serde does not combine `deny_unknown_fields` with `flatten`: the flattened
        // value takes the rest.
        if deny_unknown_fields && !flattened {
            out.extend(quote! {
                for __key in #obj.keys() {
                    if !#is_claimed {
                        let __p: #krate::Path<'_> = #path.key(__key);
                        report.push(
                            &__p,
                            #krate::Keyword::AdditionalProperties,
                            ::std::format!("property {:?} is not allowed", __key),
                        );
                    }
                }
            });
        }
        out
    }

    /// Checks `value` (a `&Value`) against `schema` at `path` (a `&Path`).
    pub(super) fn schema_walk(
        &self,
        schema: &SchemaRef,
        value: &TokenStream,
        path: &TokenStream,
    ) -> TokenStream {
        let krate = self.krate();
        let (static_path, entry) = (&schema.schema, schema.entry);
        quote_spanned! {located_at(schema.span)=>
            #krate::LazySchema::validate_at(&#static_path, #entry, #value, #path, report);
        }
    }

    /// The body of `validate_json` for a struct: its shape, then the container's
    /// property counts.
    pub(super) fn struct_json(&self, body: &StructBody) -> TokenStream {
        let shape = self.shape_json(
            &body.shape,
            &format_ident!("value"),
            &quote!(path),
            &[],
            body.deny_unknown_fields,
        );
        if body.property_counts == (None, None) {
            return shape;
        }
        let value_ty = self.value_ty();
        let checks = self.property_count_checks(body, &quote!(__counted));
        quote! {
            #shape
            if let #value_ty::Object(__counted) = value {
                #checks
            }
        }
    }
}
