//! From the checked [`Model`] to the `Validate` and `ValidateJson` impls.
//!
//! The impls and one `static` per distinct pattern sit in an anonymous `const _: () = {..}`
//! block, so nothing leaks into the user's namespace. Constraint calls carry the span of
//! their attribute, so a constraint that does not fit the field's type (`max_length` on a
//! number) is reported there.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Generics;

use crate::model::{
    Body, Check, CheckKind, DeserializeWith, EnumBody, Field, Flatten, Model, Num, Repr, Shape,
    ShapeKind, StructBody, Variant,
};

pub fn emit(model: &Model) -> TokenStream {
    let e = Emitter { model };
    let krate = &model.krate;
    let ident = &model.ident;
    let statics = model.patterns.iter().enumerate().map(|(index, def)| {
        let name = pattern_static(index);
        let translated = &def.translated;
        quote! {
            static #name: ::std::sync::LazyLock<#krate::__private::Regex> =
                ::std::sync::LazyLock::new(|| #krate::__private::compile_pattern(#translated));
        }
    });
    let (validate, json) = match &model.body {
        Body::Struct(body) => (e.struct_validate(body), e.struct_json(body)),
        Body::Enum(body) => (e.enum_validate(body), e.enum_json(body)),
    };
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
                    value: &#krate::__private::serde_json::Value,
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
        #[allow(non_upper_case_globals, unused_qualifications, clippy::all, clippy::pedantic)]
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

/// A string literal listing names as JSON strings: `"A", "B"`.
fn name_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn number(n: Num) -> TokenStream {
    match n {
        Num::Int(i) => {
            let abs = Literal::u128_unsuffixed(i.unsigned_abs());
            if i < 0 {
                quote!(Int(-#abs))
            } else {
                quote!(Int(#abs))
            }
        }
        Num::Float(f) => {
            let abs = Literal::f64_unsuffixed(f.abs());
            if f.is_sign_negative() {
                quote!(Float(-#abs))
            } else {
                quote!(Float(#abs))
            }
        }
    }
}

struct Emitter<'a> {
    model: &'a Model,
}

impl Emitter<'_> {
    fn krate(&self) -> &syn::Path {
        &self.model.krate
    }

    fn value_ty(&self) -> TokenStream {
        let krate = self.krate();
        quote!(#krate::__private::serde_json::Value)
    }

    // ---------------------------------------------------------------- constraint calls

    /// Calls for `checks` on the value `v` (a `&T`) at the path `p` (a `Path`).
    fn checks(&self, checks: &[Check], v: &Ident, p: &Ident, depth: usize) -> TokenStream {
        let krate = self.krate();
        let private = quote!(#krate::__private);
        checks
            .iter()
            .map(|check| {
                let span = check.span;
                // The value carries the attribute's span too: a constraint that does not
                // fit the field's type is reported at the attribute.
                let v = &Ident::new(&v.to_string(), span);
                let call = |name: &str, arg: Option<TokenStream>| {
                    let name = Ident::new(name, span);
                    let arg = arg.map(|a| quote!(#a,));
                    quote_spanned!(span=> #private::#name(#v, #arg &#p, report);)
                };
                let count = |name: &str, n: u64| {
                    let n = Literal::u64_unsuffixed(n);
                    call(name, Some(quote!(#n)))
                };
                let bound = |name: &str, n: Num| {
                    let n = number(n);
                    call(name, Some(quote!(#private::Number::#n)))
                };
                match &check.kind {
                    CheckKind::Pattern(index) => {
                        let name = pattern_static(*index);
                        let source = &self.model.patterns[*index].source;
                        quote_spanned!(span=> #private::pattern(#v, &#name, #source, &#p, report);)
                    }
                    CheckKind::MinLength(n) => count("min_length", *n),
                    CheckKind::MaxLength(n) => count("max_length", *n),
                    CheckKind::Minimum(n) => bound("minimum", *n),
                    CheckKind::Maximum(n) => bound("maximum", *n),
                    CheckKind::ExclusiveMinimum(n) => bound("exclusive_minimum", *n),
                    CheckKind::ExclusiveMaximum(n) => bound("exclusive_maximum", *n),
                    CheckKind::MultipleOf(n) => bound("multiple_of", *n),
                    CheckKind::MinItems(n) => count("min_items", *n),
                    CheckKind::MaxItems(n) => count("max_items", *n),
                    CheckKind::UniqueItems => call("unique_items", None),
                    CheckKind::MinProperties(n) => count("min_properties", *n),
                    CheckKind::MaxProperties(n) => count("max_properties", *n),
                    CheckKind::FormatByte => call("format_byte", None),
                    CheckKind::Items(inner) => {
                        let items = format_ident!("__items{}", depth + 1);
                        let index = format_ident!("__i{}", depth + 1);
                        let vi = format_ident!("__v{}", depth + 1);
                        let pi = format_ident!("__p{}", depth + 1);
                        let inner = self.checks(inner, &vi, &pi, depth + 1);
                        quote_spanned! {span=>
                            if let ::core::option::Option::Some(#items) =
                                #private::MaybeItems::as_items(#v)
                            {
                                for (#index, #vi) in #items.iter().enumerate() {
                                    let #pi = #p.index(#index);
                                    #inner
                                }
                            }
                        }
                    }
                    CheckKind::Values(inner) => {
                        let values = format_ident!("__values{}", depth + 1);
                        let key = format_ident!("__k{}", depth + 1);
                        let vi = format_ident!("__v{}", depth + 1);
                        let pi = format_ident!("__p{}", depth + 1);
                        let inner = self.checks(inner, &vi, &pi, depth + 1);
                        quote_spanned! {span=>
                            if let ::core::option::Option::Some(#values) =
                                #private::MaybeMap::map_values(#v)
                            {
                                for (#key, #vi) in #values {
                                    let #pi = #p.key(#key);
                                    #inner
                                }
                            }
                        }
                    }
                }
            })
            .collect()
    }

    // ---------------------------------------------------------------- Validate

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
        quote! {
            {
                let #p: #krate::Path<'_> = #init;
                let #v = #access;
                #checks
                #krate::Validate::validate_at(#v, &#p, report);
            }
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

    fn struct_validate(&self, body: &StructBody) -> TokenStream {
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

    /// Container `min_properties`/`max_properties` on `value` (a `&impl MaybeObject`).
    fn property_count_checks(&self, body: &StructBody, value: &TokenStream) -> TokenStream {
        let krate = self.krate();
        let (min, max) = body.property_counts;
        let min = min.map(|n| {
            let n = Literal::usize_unsuffixed(n as usize);
            quote!(#krate::__private::min_properties(#value, #n, path, report);)
        });
        let max = max.map(|n| {
            let n = Literal::usize_unsuffixed(n as usize);
            quote!(#krate::__private::max_properties(#value, #n, path, report);)
        });
        quote!(#min #max)
    }

    fn enum_validate(&self, body: &EnumBody) -> TokenStream {
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
        let count = self.untagged_json(body, &variants);
        quote! {
            match #krate::__private::serde_json::to_value(self) {
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
    fn counts_alternatives(&self, body: &EnumBody) -> bool {
        matches!(body.repr, Repr::Untagged) && self.model.generics.lifetimes().next().is_none()
    }

    // ---------------------------------------------------------------- ValidateJson

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
            let de = match &field.deserialize_with {
                None => quote!(<#ty as #krate::__private::serde::Deserialize>::deserialize(#value)),
                Some(DeserializeWith::Function(function)) => quote!(#function(#value)),
                Some(DeserializeWith::Module(module)) => quote!(#module::deserialize(#value)),
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
        // The value's own constraints first, then what is inside it, as `Validate` does.
        let walk = quote! {
            #checks
            <#ty as #krate::ValidateJson>::validate_json(#value, &#p, report);
        };
        if field.null_is_none {
            // serde reads `null` as `None` for a plain `Option`.
            quote!(if !#value.is_null() { #walk })
        } else {
            walk
        }
    }

    /// Walks `value` (a `&Value` ident) as `shape` at `path` (a `&Path` expression).
    /// `claimed` are keys that belong to the enclosing enum (an internal tag).
    fn shape_json(
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
    fn object_json(
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
                                    <#item as #krate::__private::serde::Deserialize>::deserialize(__item);
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
                    if <#ty as #krate::__private::serde::Deserialize>::deserialize(#value).is_ok() {
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

    fn struct_json(&self, body: &StructBody) -> TokenStream {
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

    /// Reports that `value` (a `&Value` expression) is none of `names` at `path`:
    /// `const` for a single name, `enum` otherwise.
    fn not_one_of(&self, names: &[&str], value: TokenStream, path: TokenStream) -> TokenStream {
        let krate = self.krate();
        let list = name_list(names.iter().copied());
        let (keyword, template) = match names.len() {
            1 => (quote!(Const), "{} is not {}"),
            0 => (quote!(Enum), "{} is not allowed: the enum has no values{}"),
            _ => (quote!(Enum), "{} is not one of {}"),
        };
        quote! {
            report.push(
                #path,
                #krate::Keyword::#keyword,
                ::std::format!(#template, #krate::__private::describe(#value), #list),
            );
        }
    }

    fn enum_json(&self, body: &EnumBody) -> TokenStream {
        let variants: Vec<&Variant> = body.variants.iter().filter(|v| !v.serde_skip).collect();
        match &body.repr {
            Repr::External => self.external_json(body, &variants),
            Repr::Internal { tag } => self.internal_json(body, &variants, tag),
            Repr::Adjacent { tag, content } => self.adjacent_json(body, &variants, tag, content),
            Repr::Untagged => self.untagged_json(body, &variants),
        }
    }

    /// The match arms on a tag string (`Option<&str>`): one per variant, then `other`
    /// or the `enum`/`const` violation at `tag_path`.
    fn tag_arms(
        &self,
        variants: &[&Variant],
        tag_value: TokenStream,
        tag_path: TokenStream,
        arm: &dyn Fn(&Variant) -> TokenStream,
    ) -> TokenStream {
        let arms = variants.iter().filter(|v| !v.other).map(|variant| {
            let names = variant.names();
            let body = arm(variant);
            quote!(::core::option::Option::Some(#(#names)|*) => { #body })
        });
        let wires: Vec<&str> = variants
            .iter()
            .filter(|v| !v.other)
            .map(|v| v.wire.as_str())
            .collect();
        let unknown = self.not_one_of(&wires, tag_value, tag_path);
        let other = variants
            .iter()
            .any(|v| v.other)
            .then(|| quote!(::core::option::Option::Some(_) => {}));
        quote! {
            #(#arms)*
            #other
            _ => { #unknown }
        }
    }

    fn external_json(&self, body: &EnumBody, variants: &[&Variant]) -> TokenStream {
        let krate = self.krate();
        let value_ty = self.value_ty();
        let units: Vec<&Variant> = variants
            .iter()
            .copied()
            .filter(|v| v.shape.kind == ShapeKind::Unit)
            .collect();
        let data: Vec<&Variant> = variants
            .iter()
            .copied()
            .filter(|v| v.shape.kind != ShapeKind::Unit)
            .collect();
        let unit_arms = self.tag_arms(&units, quote!(value), quote!(path), &|_| TokenStream::new());
        if data.is_empty() {
            // What JSON Schema `enum`/`const` becomes: a string from a fixed set.
            return quote! {
                match value.as_str() {
                    #unit_arms
                }
            };
        }
        let all: Vec<&str> = variants.iter().map(|v| v.wire.as_str()).collect();
        let list = name_list(all.iter().copied());
        let content_arms = variants.iter().map(|variant| {
            let names = variant.names();
            let walk = if variant.shape.kind == ShapeKind::Unit {
                quote! {
                    if !__content.is_null() {
                        #krate::__private::type_error(__content, "null", &__base, report);
                    }
                }
            } else {
                self.shape_json(
                    &variant.shape,
                    &format_ident!("__content"),
                    &quote!((&__base)),
                    &[],
                    body.deny_unknown_fields,
                )
            };
            quote!(#(#names)|* => { #walk })
        });
        let string_arm = if units.is_empty() {
            quote!(#value_ty::String(_) => #krate::__private::type_error(value, "object", path, report),)
        } else {
            quote!(#value_ty::String(__s) => match ::core::option::Option::Some(__s.as_str()) { #unit_arms },)
        };
        let expected = if units.is_empty() {
            "object"
        } else {
            "string or object"
        };
        let zero = format!("missing the variant property, one of {list}");
        let many = "properties; a variant is an object with exactly one property, one of";
        quote! {
            match value {
                #string_arm
                #value_ty::Object(__obj) if __obj.len() == 1 => {
                    for (__key, __content) in __obj {
                        let __base: #krate::Path<'_> = path.key(__key);
                        match __key.as_str() {
                            #(#content_arms)*
                            _ => report.push(
                                &__base,
                                #krate::Keyword::AdditionalProperties,
                                ::std::format!("property {:?} is not allowed: expected one of {}", __key, #list),
                            ),
                        }
                    }
                }
                #value_ty::Object(__obj) if __obj.is_empty() => {
                    report.push(path, #krate::Keyword::Required, #zero);
                }
                #value_ty::Object(__obj) => {
                    report.push(
                        path,
                        #krate::Keyword::MaxProperties,
                        ::std::format!("{} {} {}", __obj.len(), #many, #list),
                    );
                }
                _ => #krate::__private::type_error(value, #expected, path, report),
            }
        }
    }

    fn internal_json(&self, body: &EnumBody, variants: &[&Variant], tag: &str) -> TokenStream {
        let krate = self.krate();
        let value_ty = self.value_ty();
        let missing = format!("missing required property {tag:?}");
        let arms = self.tag_arms(
            variants,
            quote!(__tag),
            quote!(&path.key(#tag)),
            &|variant| match variant.shape.kind {
                ShapeKind::Unit | ShapeKind::Tuple => TokenStream::new(),
                ShapeKind::Named => self.object_json(
                    &variant.shape,
                    &format_ident!("value"),
                    &format_ident!("__obj"),
                    &quote!(path),
                    &[tag],
                    body.deny_unknown_fields,
                ),
                ShapeKind::Newtype { .. } => {
                    // serde hands the content the object without its tag.
                    let walk = self.shape_json(
                        &variant.shape,
                        &format_ident!("__content"),
                        &quote!(path),
                        &[],
                        false,
                    );
                    quote! {
                        let __rest: #krate::__private::serde_json::Map<::std::string::String, #value_ty> = __obj
                            .iter()
                            .filter(|(__key, _)| __key.as_str() != #tag)
                            .map(|(__key, __item)| (__key.clone(), __item.clone()))
                            .collect();
                        let __rest = #value_ty::Object(__rest);
                        let __content = &__rest;
                        #walk
                    }
                }
            },
        );
        quote! {
            match value {
                #value_ty::Object(__obj) => match __obj.get(#tag) {
                    ::core::option::Option::None => {
                        report.push(path, #krate::Keyword::Required, #missing);
                    }
                    ::core::option::Option::Some(__tag) => match __tag.as_str() {
                        #arms
                    },
                },
                _ => #krate::__private::type_error(value, "object", path, report),
            }
        }
    }

    fn adjacent_json(
        &self,
        body: &EnumBody,
        variants: &[&Variant],
        tag: &str,
        content: &str,
    ) -> TokenStream {
        let krate = self.krate();
        let value_ty = self.value_ty();
        let missing_tag = format!("missing required property {tag:?}");
        let missing_content = format!("missing required property {content:?}");
        let arms = self.tag_arms(
            variants,
            quote!(__tag),
            quote!(&path.key(#tag)),
            &|variant| {
                if variant.shape.kind == ShapeKind::Unit {
                    return quote! {
                        if let ::core::option::Option::Some(__content) = __obj.get(#content) {
                            if !__content.is_null() {
                                #krate::__private::type_error(__content, "null", &path.key(#content), report);
                            }
                        }
                    };
                }
                let walk = self.shape_json(
                    &variant.shape,
                    &format_ident!("__content"),
                    &quote!((&__base)),
                    &[],
                    body.deny_unknown_fields,
                );
                quote! {
                    match __obj.get(#content) {
                        ::core::option::Option::None => {
                            report.push(path, #krate::Keyword::Required, #missing_content);
                        }
                        ::core::option::Option::Some(__content) => {
                            let __base: #krate::Path<'_> = path.key(#content);
                            #walk
                        }
                    }
                }
            },
        );
        let deny = body.deny_unknown_fields.then(|| {
            quote! {
                for __key in __obj.keys() {
                    if !::core::matches!(__key.as_str(), #tag | #content) {
                        let __p: #krate::Path<'_> = path.key(__key);
                        report.push(
                            &__p,
                            #krate::Keyword::AdditionalProperties,
                            ::std::format!("property {:?} is not allowed", __key),
                        );
                    }
                }
            }
        });
        quote! {
            match value {
                #value_ty::Object(__obj) => {
                    match __obj.get(#tag) {
                        ::core::option::Option::None => {
                            report.push(path, #krate::Keyword::Required, #missing_tag);
                        }
                        ::core::option::Option::Some(__tag) => match __tag.as_str() {
                            #arms
                        },
                    }
                    #deny
                }
                _ => #krate::__private::type_error(value, "object", path, report),
            }
        }
    }

    fn untagged_json(&self, body: &EnumBody, variants: &[&Variant]) -> TokenStream {
        let krate = self.krate();
        let count = variants.len();
        let none = format!("matches none of the {count} alternatives");
        let keyword = if body.one_of {
            quote!(OneOf)
        } else {
            quote!(AnyOf)
        };
        let alternatives = variants.iter().map(|variant| {
            let walk = self.shape_json(
                &variant.shape,
                &format_ident!("value"),
                &quote!(path),
                &[],
                body.deny_unknown_fields,
            );
            let attempt = quote! {
                let mut __scratch = #krate::Report::new();
                {
                    let report = &mut __scratch;
                    #walk
                }
                if __scratch.is_empty() {
                    __matched += 1;
                }
            };
            if body.one_of {
                quote!({ #attempt })
            } else {
                // anyOf: the first match settles it.
                quote!(if __matched == 0 { #attempt })
            }
        });
        let too_many = body.one_of.then(|| {
            quote! {
                if __matched > 1 {
                    report.push(
                        path,
                        #krate::Keyword::OneOf,
                        ::std::format!("matches {} alternatives, oneOf requires exactly one", __matched),
                    );
                }
            }
        });
        quote! {
            let mut __matched = 0usize;
            #(#alternatives)*
            if __matched == 0 {
                report.push(path, #krate::Keyword::#keyword, #none);
            }
            #too_many
        }
    }
}
