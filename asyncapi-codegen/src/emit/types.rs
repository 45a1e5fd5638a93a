//! Named types: structs, string enums, enums of JSON values, unions, newtypes and
//! values checked by their schema.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::context::{ident, number};
use super::{builders, checks, docs, Context};
use crate::model::{
    Additional, Docs, EnumDef, Field, LiteralsDef, StructDef, Ty, TypeDef, TypeKind, UnionBy,
    UnionDef, Variant,
};

/// The type `ty`, named types reached through `prefix` (`super::` from a submodule).
pub fn ty(cx: &Context, ty: &Ty, prefix: &TokenStream) -> TokenStream {
    // Runtime items are imported at the top; a submodule reaches them through `prefix`.
    let item = |name: &'static str| {
        let item = cx.item(name);
        quote!(#prefix #item)
    };
    match ty {
        Ty::String => quote!(String),
        Ty::Bytes => item("Base64Data"),
        Ty::Bool => quote!(bool),
        Ty::Number => item("Number"),
        Ty::I64 => quote!(i64),
        Ty::U64 => quote!(u64),
        Ty::Integer => item("Integer"),
        Ty::Null => item("Null"),
        Ty::Any => item("Value"),
        Ty::Named(name) => {
            let name = ident(name);
            quote!(#prefix #name)
        }
        Ty::Array(item, _) => {
            let item = self::ty(cx, item, prefix);
            quote!(Vec<#item>)
        }
        Ty::Map(value, _) => {
            let map = item("Map");
            match **value {
                Ty::Any => map,
                _ => {
                    let value = self::ty(cx, value, prefix);
                    quote!(#map<#value>)
                }
            }
        }
        Ty::Nullable(inner) => {
            let nullable = item("Nullable");
            let inner = self::ty(cx, inner, prefix);
            quote!(#nullable<#inner>)
        }
    }
}

/// One named type.
pub fn type_def(cx: &Context, def: &TypeDef) -> TokenStream {
    let docs = docs::attrs(&def.docs);
    let name = ident(&def.name);
    let deprecated = def.docs.deprecated.then(|| quote!(#[deprecated]));
    let body = match &def.kind {
        TypeKind::Struct(s) => struct_def(cx, &name, s, def),
        TypeKind::Enum(e) => enum_def(cx, &name, e, def),
        TypeKind::Literals(l) => literals_def(cx, &name, l, def),
        TypeKind::Union(u) => union_def(cx, &name, u, def),
        TypeKind::Newtype(inner, checks) => newtype_def(cx, &name, inner, checks, def),
        TypeKind::Any => any_def(cx, &name, def),
    };
    quote! {
        #docs
        #deprecated
        #body
    }
}

/// `#[validate(json_schema(..))]`, and `extra_schema(..)` when the type has a residual.
fn schema_attrs(def: &TypeDef) -> TokenStream {
    let entry = number(def.schema);
    let extra = def.extra.map(|extra| {
        let extra = number(extra);
        quote!(#[validate(extra_schema(SCHEMAS, #extra))])
    });
    quote! {
        #[validate(json_schema(SCHEMAS, #entry))]
        #extra
    }
}

/// The Rust type of a struct field (`Option`, `Box` applied).
pub fn field_ty(cx: &Context, field: &Field, prefix: &TokenStream) -> TokenStream {
    let inner = ty(cx, &field.ty, prefix);
    let inner = if field.boxed {
        quote!(Box<#inner>)
    } else {
        inner
    };
    if field.required {
        inner
    } else {
        quote!(Option<#inner>)
    }
}

/// The serde attribute of a field: its wire name, omission when absent, and how
/// native integers read `5.0`.
pub fn field_serde(cx: &Context, field: &Field) -> TokenStream {
    let mut items = Vec::new();
    if field.wire != field.name.trim_start_matches("r#") {
        let wire = &field.wire;
        items.push(quote!(rename = #wire));
    }
    if !field.required {
        items.push(quote!(skip_serializing_if = "Option::is_none"));
    }
    let native = match &field.ty {
        Ty::I64 => Some(("i64", false)),
        Ty::U64 => Some(("u64", false)),
        Ty::Nullable(inner) if **inner == Ty::I64 => Some(("i64", true)),
        Ty::Nullable(inner) if **inner == Ty::U64 => Some(("u64", true)),
        _ => None,
    };
    if let (Some((native, nullable)), false) = (native, field.boxed) {
        let function = match (nullable, field.required) {
            (false, true) => format!("native::{native}"),
            (false, false) => format!("native::some_{native}"),
            (true, true) => format!("nullables::required_{native}"),
            (true, false) => format!("nullables::optional_{native}"),
        };
        let path = cx.private_path(&function);
        items.push(quote!(deserialize_with = #path));
        // With its own reading, an `Option` field is absent only when it says so.
        if !field.required {
            items.push(quote!(default));
        }
    }
    if items.is_empty() {
        quote!()
    } else {
        quote!(#[serde(#(#items),*)])
    }
}

/// A field's doc comment (a plain one naming the property when the schema says nothing).
pub fn field_docs(field: &Field) -> TokenStream {
    if field.docs == Docs::default() {
        docs::lines(&format!("The {} property.", docs::code(&field.wire)))
    } else {
        docs::attrs(&field.docs)
    }
}

/// The fields of a struct, with the field holding extra properties last.
pub fn struct_fields(cx: &Context, s: &StructDef, prefix: &TokenStream) -> TokenStream {
    let fields = s.fields.iter().map(|field| {
        let docs = field_docs(field);
        let name = ident(&field.name);
        let ty = field_ty(cx, field, prefix);
        let serde = field_serde(cx, field);
        let validate = checks::attr(cx, &field.ty, &field.checks, &quote!(#prefix SCHEMAS));
        quote! {
            #docs
            #serde
            #validate
            pub #name: #ty,
        }
    });
    let extra_name = ident(&s.additional_field);
    let map_item = cx.item("Map");
    let map_ty = quote!(#prefix #map_item);
    let extra = match &s.additional {
        Additional::Keep => {
            let map = &map_ty;
            quote! {
                /// Properties the schema does not list, kept as they came so that they survive a round trip.
                #[serde(flatten)]
                pub #extra_name: #map,
            }
        }
        Additional::Deny => {
            let map = &map_ty;
            let rt = &cx.rt;
            quote! {
                /// Always empty: the schema allows no other properties (`additionalProperties: false`).
                #[serde(flatten)]
                pub #extra_name: #map<#rt::Forbidden>,
            }
        }
        Additional::Typed(value, value_checks) => {
            let nested = checks::items(cx, value, value_checks, &quote!(#prefix SCHEMAS));
            let values = (!nested.is_empty()).then(|| quote!(#[validate(values(#(#nested),*))]));
            let map = &map_ty;
            let value = ty(cx, value, prefix);
            quote! {
                /// Properties the schema does not list, each checked against `additionalProperties`.
                #[serde(flatten)]
                #values
                pub #extra_name: #map<#value>,
            }
        }
    };
    quote! {
        #(#fields)*
        #extra
    }
}

fn counts(s: &StructDef) -> TokenStream {
    let mut items = Vec::new();
    if let Some(min) = s.property_counts.0 {
        let min = Literal::u64_unsuffixed(min);
        items.push(quote!(min_properties = #min));
    }
    if let Some(max) = s.property_counts.1 {
        let max = Literal::u64_unsuffixed(max);
        items.push(quote!(max_properties = #max));
    }
    if items.is_empty() {
        quote!()
    } else {
        quote!(#[validate(#(#items),*)])
    }
}

fn struct_def(cx: &Context, name: &syn::Ident, s: &StructDef, def: &TypeDef) -> TokenStream {
    let fields = struct_fields(cx, s, &quote!());
    let serialize = cx.serialize();
    let from_json = cx.item("FromJson");
    let validate = cx.item("Validate");
    let serde_crate = cx.serde_crate();
    let validate_crate = cx.validate_crate();
    let schema = schema_attrs(def);
    let counts = counts(s);
    let constructors = builders::constructors(cx, name, s);
    let default = s
        .fields
        .iter()
        .all(|f| !f.required)
        .then(|| quote!(Default,));
    quote! {
        #[derive(Debug, Clone, PartialEq, #default #serialize, #from_json, #validate)]
        #[serde(crate = #serde_crate)]
        #validate_crate
        #schema
        #counts
        pub struct #name {
            #fields
        }
        #constructors
    }
}

/// `ALL`, `as_str`, `Display` and `FromStr` of an enum of strings.
pub fn string_enum_impls(cx: &Context, name: &syn::Ident, variants: &[Variant]) -> TokenStream {
    let rt = &cx.rt;
    let idents: Vec<_> = variants.iter().map(|v| ident(&v.name)).collect();
    let wires: Vec<_> = variants.iter().map(|v| v.wire.as_str()).collect();
    quote! {
        impl #name {
            /// Every value, in document order.
            pub const ALL: &'static [#name] = &[#(#name::#idents),*];

            /// The exact value on the wire.
            pub const fn as_str(&self) -> &'static str {
                match self { #(#name::#idents => #wires,)* }
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = #rt::UnknownValue;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                #name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == value)
                    .ok_or_else(|| #rt::UnknownValue::new(value, #name::ALL.iter().map(#name::as_str)))
            }
        }
    }
}

fn enum_def(cx: &Context, name: &syn::Ident, e: &EnumDef, def: &TypeDef) -> TokenStream {
    let variants = e.variants.iter().enumerate().map(|(i, v)| {
        let variant = ident(&v.name);
        let wire = &v.wire;
        let doc = format!(" {}", docs::code(wire));
        let default =
            (e.default == Some(i) || (e.variants.len() == 1 && i == 0)).then(|| quote!(#[default]));
        quote! {
            #[doc = #doc]
            #default
            #[serde(rename = #wire)]
            #variant,
        }
    });
    let default_derive = (e.default.is_some() || e.variants.len() == 1).then(|| quote!(Default,));
    let serialize = cx.serialize();
    let deserialize = cx.deserialize();
    let validate = cx.item("Validate");
    let serde_crate = cx.serde_crate();
    let validate_crate = cx.validate_crate();
    let schema = schema_attrs(def);
    let impls = string_enum_impls(cx, name, &e.variants);
    quote! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, #default_derive #serialize, #deserialize, #validate)]
        #[serde(crate = #serde_crate)]
        #validate_crate
        #schema
        pub enum #name {
            #(#variants)*
        }

        #impls
    }
}

/// `Validate` and `ValidateJson` by the schema interpreter, for types whose whole
/// schema is their check.
fn schema_checked(
    cx: &Context,
    name: &syn::Ident,
    entry: usize,
    value: TokenStream,
) -> TokenStream {
    let rt = &cx.rt;
    let entry = number(entry);
    let validate = cx.item("Validate");
    let validate_json = cx.item("ValidateJson");
    let value_ty = cx.item("Value");
    quote! {
        impl #validate for #name {
            fn validate_at(&self, path: &#rt::Path<'_>, report: &mut #rt::Report) {
                SCHEMAS.validate_at(#entry, #value, path, report);
            }
        }

        impl #validate_json for #name {
            fn validate_json(value: &#value_ty, path: &#rt::Path<'_>, report: &mut #rt::Report) {
                SCHEMAS.validate_at(#entry, value, path, report);
            }
        }
    }
}

fn literals_def(cx: &Context, name: &syn::Ident, l: &LiteralsDef, def: &TypeDef) -> TokenStream {
    let rt = &cx.rt;
    let idents: Vec<_> = l.variants.iter().map(|(v, _)| ident(v)).collect();
    let texts: Vec<String> = l
        .variants
        .iter()
        .map(|(_, value)| value.to_string())
        .collect();
    let variant_docs = texts.iter().map(|t| format!(" {}", docs::code(t)));
    let serialize = cx.serialize();
    let entry = def.schema;
    let indices = (0..idents.len()).map(number);
    let checked = schema_checked(cx, name, entry, quote!(&#rt::__private::to_value(self)));
    quote! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum #name {
            #(#[doc = #variant_docs] #idents,)*
        }

        impl #name {
            /// Every value, in document order.
            pub const ALL: &'static [#name] = &[#(#name::#idents),*];

            /// The value as JSON, exactly as the document writes it.
            pub const fn as_json(&self) -> &'static str {
                match self { #(#name::#idents => #texts,)* }
            }
        }

        impl #serialize for #name {
            fn serialize<S: #rt::__private::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                #rt::__private::write_literal(self.as_json(), serializer)
            }
        }

        impl<'de> #rt::__private::serde::Deserialize<'de> for #name {
            fn deserialize<D: #rt::__private::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let texts = [#(#texts),*];
                match #rt::__private::read_literal(deserializer, &texts)? {
                    #(#indices => Ok(#name::#idents),)*
                    _ => Err(#rt::__private::serde::de::Error::custom("no such value")),
                }
            }
        }

        #checked
    }
}

/// The type a newtype or a union's variant holds for `ty`: native integers (also as
/// items, map values, or `null`-or) as the runtime's `Integer`, which reads `5.0` (an
/// integer in JSON Schema) where `i64` would refuse it. (Fields read native integers
/// with `deserialize_with` instead.)
fn held_as(ty: &Ty) -> std::borrow::Cow<'_, Ty> {
    use std::borrow::Cow;
    let inner = match ty {
        Ty::I64 | Ty::U64 => return Cow::Owned(Ty::Integer),
        Ty::Nullable(inner) | Ty::Array(inner, _) | Ty::Map(inner, _) => inner,
        other => return Cow::Borrowed(other),
    };
    let Cow::Owned(held) = held_as(inner) else {
        return Cow::Borrowed(ty);
    };
    let held = Box::new(held);
    Cow::Owned(match ty {
        Ty::Array(_, checks) => Ty::Array(held, checks.clone()),
        Ty::Map(_, checks) => Ty::Map(held, checks.clone()),
        _ => Ty::Nullable(held),
    })
}

fn union_def(cx: &Context, name: &syn::Ident, u: &UnionDef, def: &TypeDef) -> TokenStream {
    let rt = &cx.rt;
    let serialize = cx.serialize();
    let serde_crate = cx.serde_crate();
    let variants = u.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let inner = ty(cx, &held_as(&v.ty), &quote!());
        let inner = if v.boxed { quote!(Box<#inner>) } else { inner };
        let doc = match &v.ty {
            Ty::Named(n) => format!(" A value of {}.", docs::code(n)),
            _ => format!(" The {} alternative.", docs::code(&v.name)),
        };
        quote!(#[doc = #doc] #variant(#inner),)
    });
    let wrap = |v: &crate::model::UnionVariant| {
        let variant = ident(&v.name);
        if v.boxed {
            quote!(#name::#variant(Box::new(value)))
        } else {
            quote!(#name::#variant(value))
        }
    };
    let choose = match u.by {
        UnionBy::OneOf | UnionBy::AnyOf => {
            let by_schema = u.variants.iter().filter_map(|v| {
                let entry = number(v.schema?);
                let build = wrap(v);
                Some(quote! {
                    if choice.matches(&SCHEMAS, #entry) {
                        if let Ok(value) = choice.parse() {
                            return Ok(#build);
                        }
                    }
                })
            });
            // A value no alternative matches still reads as the first that takes it,
            // so that validation can say what is wrong with it.
            let by_shape = u.variants.iter().map(|v| {
                let build = wrap(v);
                quote! {
                    if let Ok(value) = choice.parse() {
                        return Ok(#build);
                    }
                }
            });
            quote!(#(#by_schema)* #(#by_shape)*)
        }
        UnionBy::JsonType => {
            let arms = u.variants.iter().map(|v| {
                let build = wrap(v);
                if v.json_types.is_empty() {
                    quote! {
                        if let Ok(value) = choice.parse() {
                            return Ok(#build);
                        }
                    }
                } else {
                    let types = &v.json_types;
                    quote! {
                        if choice.is(&[#(#types),*]) {
                            if let Ok(value) = choice.parse() {
                                return Ok(#build);
                            }
                        }
                    }
                }
            });
            quote!(#(#arms)*)
        }
    };
    let what = name.to_string();
    let checked = schema_checked(
        cx,
        name,
        def.schema,
        quote!(&#rt::__private::to_value(self)),
    );
    let lints = super::value_enum_lints();
    quote! {
        #[derive(Debug, Clone, PartialEq, #serialize)]
        #[serde(crate = #serde_crate, untagged)]
        #lints
        pub enum #name {
            #(#variants)*
        }

        impl<'de> #rt::__private::serde::Deserialize<'de> for #name {
            fn deserialize<D: #rt::__private::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let choice = #rt::__private::Choice::read(deserializer)?;
                #choose
                Err(choice.none(#what))
            }
        }

        #checked
    }
}

fn newtype_def(
    cx: &Context,
    name: &syn::Ident,
    inner: &Ty,
    checks: &crate::model::Checks,
    def: &TypeDef,
) -> TokenStream {
    let inner = &*held_as(inner);
    let inner_ty = ty(cx, inner, &quote!());
    let validate_attr = checks::attr(cx, inner, checks, &quote!(SCHEMAS));
    let serialize = cx.serialize();
    let from_json = cx.item("FromJson");
    let validate = cx.item("Validate");
    let serde_crate = cx.serde_crate();
    let validate_crate = cx.validate_crate();
    let schema = schema_attrs(def);
    quote! {
        #[derive(Debug, Clone, PartialEq, #serialize, #from_json, #validate)]
        #[serde(crate = #serde_crate, transparent)]
        #validate_crate
        #schema
        pub struct #name(#validate_attr pub #inner_ty);
    }
}

fn any_def(cx: &Context, name: &syn::Ident, def: &TypeDef) -> TokenStream {
    let value = cx.item("Value");
    let serialize = cx.serialize();
    let from_json = cx.item("FromJson");
    let serde_crate = cx.serde_crate();
    let checked = schema_checked(cx, name, def.schema, quote!(&self.0));
    quote! {
        #[derive(Debug, Clone, PartialEq, #serialize, #from_json)]
        #[serde(crate = #serde_crate, transparent)]
        pub struct #name(pub #value);

        #checked
    }
}
