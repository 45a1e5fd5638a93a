//! From the checked [`JsonModel`] to `FromJson`'s `serde::Deserialize` impl.
//!
//! Shaped as serde's derive shapes it (a property-name enum read by an identifier
//! visitor, a visitor over the object, wrapper types for `deserialize_with`), with
//! three differences: nothing is buffered (members no field names go straight to the
//! `Extras` field), an object is the only JSON type a struct accepts, and a repeated
//! member is an error.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{GenericParam, Generics, LifetimeParam, Member, Type};

use super::located_at;
use crate::model::{
    DefaultValue, JsonBody, JsonField, JsonModel, JsonVariant, MemberRead, Missing, NewtypeBody,
    ObjectBody, Read, ReadWith, Source, Unknown,
};

/// The `Deserialize` impl of `model` and its `ReadByFromJson` marker, in one anonymous
/// `const` block.
pub fn emit(model: &JsonModel) -> TokenStream {
    let e = JsonEmitter::new(model);
    let krate = &model.krate;
    let ident = &model.ident;
    let serde = &e.serde;
    let (impl_generics, _, where_clause) = e.de_generics.split_for_impl();
    let ty_generics = &e.ty_generics;
    let body = match &model.body {
        JsonBody::Object(body) => e.object(body),
        JsonBody::Newtype(body) => e.newtype(body),
        JsonBody::Untagged(variants) => e.untagged(variants),
    };
    let (marker_impl, _, marker_where) = model.generics.split_for_impl();
    quote! {
        #[doc(hidden)]
        #[allow(
            non_upper_case_globals,
            non_camel_case_types,
            unused_qualifications,
            unused_mut,
            clippy::all,
            clippy::pedantic
        )]
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #serde::Deserialize<'de> for #ident #ty_generics #where_clause {
                fn deserialize<__D>(
                    __deserializer: __D,
                ) -> ::core::result::Result<Self, <__D as #serde::Deserializer<'de>>::Error>
                where
                    __D: #serde::Deserializer<'de>,
                {
                    #body
                }
            }

            #[automatically_derived]
            impl #marker_impl #krate::__private::ReadByFromJson for #ident #ty_generics #marker_where {}
        };
    }
}

/// Emits the parts of one model's impl.
struct JsonEmitter<'a> {
    model: &'a JsonModel,
    /// `#krate::__private::serde`.
    serde: TokenStream,
    /// `#krate::__private`.
    private: TokenStream,
    /// The type's generics with `'de` first (outliving every lifetime of the type) and
    /// `T: Deserialize<'de>` for every type parameter `T`.
    de_generics: Generics,
    /// The type's own generics as arguments (`<'a, T>`).
    ty_generics: TokenStream,
}

impl<'a> JsonEmitter<'a> {
    fn new(model: &'a JsonModel) -> Self {
        let krate = &model.krate;
        let serde = quote!(#krate::__private::serde);
        let private = quote!(#krate::__private);
        let mut de_generics = model.generics.clone();
        let mut de: LifetimeParam = syn::parse_quote!('de);
        for param in model.generics.lifetimes() {
            de.bounds.push(param.lifetime.clone());
        }
        de_generics.params.insert(0, GenericParam::Lifetime(de));
        let params: Vec<Ident> = model
            .generics
            .type_params()
            .map(|p| p.ident.clone())
            .collect();
        let defaulted: Vec<&Type> = defaulted_types(model)
            .into_iter()
            .filter(|ty| mentions_any(ty, &params))
            .collect();
        let where_clause = de_generics.make_where_clause();
        for param in &params {
            where_clause
                .predicates
                .push(syn::parse_quote!(#param: #serde::Deserialize<'de>));
        }
        for ty in defaulted {
            where_clause
                .predicates
                .push(syn::parse_quote!(#ty: ::core::default::Default));
        }
        let (_, ty_generics, _) = model.generics.split_for_impl();
        let ty_generics = quote!(#ty_generics);
        JsonEmitter {
            model,
            serde,
            private,
            de_generics,
            ty_generics,
        }
    }

    /// The type being read, with its generics (`S<'a, T>`).
    fn this(&self) -> TokenStream {
        let ident = &self.model.ident;
        let ty_generics = &self.ty_generics;
        quote!(#ident #ty_generics)
    }

    /// `'de` and the type's generics as arguments, for the helper types declared with
    /// [`Self::de_generics`] (`<'de, 'a, T>`).
    fn de_args(&self) -> TokenStream {
        let (_, args, _) = self.de_generics.split_for_impl();
        quote!(#args)
    }

    /// A helper type that reads a `ty` with `read` (a function or the lending reader),
    /// named `name`, as serde's derive wraps `deserialize_with`.
    fn wrapper(&self, name: &Ident, read: &Read) -> TokenStream {
        let serde = &self.serde;
        let (impl_generics, _, where_clause) = self.de_generics.split_for_impl();
        let args = self.de_args();
        let this = self.this();
        let ty = &read.ty;
        let function = match &read.with {
            ReadWith::Function(path) => quote!(#path),
            ReadWith::Lend => {
                let private = &self.private;
                quote!(#private::borrowed::lend)
            }
            ReadWith::Deserialize => quote!(<#ty as #serde::Deserialize<'de>>::deserialize),
        };
        quote! {
            struct #name #impl_generics #where_clause {
                __value: #ty,
                __marker: ::core::marker::PhantomData<#this>,
                __lifetime: ::core::marker::PhantomData<&'de ()>,
            }

            impl #impl_generics #serde::Deserialize<'de> for #name #args #where_clause {
                fn deserialize<__W>(
                    __deserializer: __W,
                ) -> ::core::result::Result<Self, <__W as #serde::Deserializer<'de>>::Error>
                where
                    __W: #serde::Deserializer<'de>,
                {
                    ::core::result::Result::Ok(#name {
                        __value: #function(__deserializer)?,
                        __marker: ::core::marker::PhantomData,
                        __lifetime: ::core::marker::PhantomData,
                    })
                }
            }
        }
    }

    /// The value a field takes when nothing is read for it.
    fn missing(&self, missing: &Missing, member: &Member, wire: &str) -> TokenStream {
        let private = &self.private;
        match missing {
            Missing::Required => {
                quote!(return ::core::result::Result::Err(#private::missing_property(#wire)))
            }
            Missing::None => quote!(::core::option::Option::None),
            Missing::Default(value) => default_value(value),
            Missing::ContainerDefault => quote!(__default.#member),
        }
    }

    /// `let __default = ...;` when a field takes its value from the container's default.
    fn container_default(
        &self,
        default: Option<&DefaultValue>,
        fields: &[JsonField],
    ) -> TokenStream {
        let uses = fields.iter().any(|field| match &field.source {
            Source::Member(read) => matches!(read.missing, Missing::ContainerDefault),
            Source::Skipped(missing) => matches!(missing, Missing::ContainerDefault),
            Source::Extras => false,
        });
        let this = self.this();
        match default {
            Some(value) if uses => {
                let value = default_value(value);
                quote!(let __default: #this = #value;)
            }
            _ => TokenStream::new(),
        }
    }

    /// The body of `deserialize` for a struct read from an object.
    fn object(&self, body: &ObjectBody) -> TokenStream {
        let serde = &self.serde;
        let private = &self.private;
        let this = self.this();
        let (impl_generics, _, where_clause) = self.de_generics.split_for_impl();
        let args = self.de_args();
        let error = quote!(<__A as #serde::de::MapAccess<'de>>::Error);

        let mut variants = Vec::new();
        let mut known_arms = Vec::new();
        let mut wrappers = Vec::new();
        let mut locals = Vec::new();
        let mut arms = Vec::new();
        let mut finals = Vec::new();
        let mut inits = Vec::new();
        for (index, field) in body.fields.iter().enumerate() {
            let member = &field.member;
            let local = format_ident!("__f{}", index);
            match &field.source {
                Source::Member(read) => {
                    let variant = format_ident!("__f{}", index);
                    let names = &read.names;
                    variants.push(quote!(#variant));
                    known_arms.push(
                        quote!(#(#names)|* => ::core::option::Option::Some(__Field::#variant),),
                    );
                    let ty = &read.read.ty;
                    let value = self.read_value(&read.read, index, &mut wrappers, &args);
                    let wire = &read.wire;
                    locals.push(quote!(let mut #local: ::core::option::Option<#ty> = ::core::option::Option::None;));
                    arms.push(quote! {
                        __Field::#variant => {
                            if ::core::option::Option::is_some(&#local) {
                                return ::core::result::Result::Err(#private::duplicate_key(#wire));
                            }
                            #local = ::core::option::Option::Some(#value);
                        }
                    });
                    finals.push(self.final_value(read, &local, member));
                    inits.push(quote!(#member: #local));
                }
                Source::Extras => {
                    inits.push(quote!(#member: __extras));
                }
                Source::Skipped(missing) => {
                    let value = self.missing(missing, member, "");
                    inits.push(quote!(#member: #value));
                }
            }
        }

        let (extras_init, other_arm) = match body.unknown {
            Unknown::Extras(index) => {
                let ty = &body.fields[index].ty;
                (
                    quote_spanned! {located_at(ty.span())=>
                        let mut __extras: #ty = <#ty as #private::Extras>::empty();
                    },
                    quote! {
                        __Field::__other(__name) => {
                            #private::next_extra(&mut __map, &mut __extras, __name)?;
                        }
                    },
                )
            }
            Unknown::Skip => (
                quote!(let mut __unknown = #private::UnknownKeys::<'de>::new();),
                quote! {
                    __Field::__other(__name) => {
                        __unknown.insert::<#error>(__name)?;
                        let _ = #serde::de::MapAccess::next_value::<#serde::de::IgnoredAny>(&mut __map)?;
                    }
                },
            ),
            Unknown::Deny => (
                TokenStream::new(),
                quote! {
                    __Field::__other(__name) => {
                        return ::core::result::Result::Err(#private::unknown_property(&__name));
                    }
                },
            ),
        };
        let container_default =
            self.container_default(body.container_default.as_ref(), &body.fields);
        let ident = &self.model.ident;
        let field_enum = field_enum(serde, &variants, &known_arms);
        quote! {
            #field_enum
            #(#wrappers)*

            struct __Visitor #impl_generics #where_clause {
                __marker: ::core::marker::PhantomData<#this>,
                __lifetime: ::core::marker::PhantomData<&'de ()>,
            }

            impl #impl_generics #serde::de::Visitor<'de> for __Visitor #args #where_clause {
                type Value = #this;

                fn expecting(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Formatter::write_str(__f, "an object")
                }

                fn visit_map<__A>(self, mut __map: __A) -> ::core::result::Result<#this, #error>
                where
                    __A: #serde::de::MapAccess<'de>,
                {
                    #(#locals)*
                    #extras_init
                    while let ::core::option::Option::Some(__key) =
                        #serde::de::MapAccess::next_key::<__Field<'de>>(&mut __map)?
                    {
                        match __key {
                            #(#arms)*
                            #other_arm
                        }
                    }
                    #container_default
                    #(#finals)*
                    ::core::result::Result::Ok(#ident { #(#inits),* })
                }
            }

            // A map, never a sequence: JSON Schema's object is not an array.
            #serde::Deserializer::deserialize_map(
                __deserializer,
                __Visitor {
                    __marker: ::core::marker::PhantomData,
                    __lifetime: ::core::marker::PhantomData,
                },
            )
        }
    }

    /// The expression reading one value from `__map`, for field `index`.
    fn read_value(
        &self,
        read: &Read,
        index: usize,
        wrappers: &mut Vec<TokenStream>,
        args: &TokenStream,
    ) -> TokenStream {
        let serde = &self.serde;
        let ty = &read.ty;
        match read.with {
            ReadWith::Deserialize => quote_spanned! {located_at(ty.span())=>
                #serde::de::MapAccess::next_value::<#ty>(&mut __map)?
            },
            ReadWith::Function(_) | ReadWith::Lend => {
                let name = format_ident!("__With{}", index);
                wrappers.push(self.wrapper(&name, read));
                quote!(#serde::de::MapAccess::next_value::<#name #args>(&mut __map)?.__value)
            }
        }
    }

    /// `let __fN = ...;`: the field's value once the object is read.
    fn final_value(&self, read: &MemberRead, local: &Ident, member: &Member) -> TokenStream {
        if read.some && matches!(read.missing, Missing::None) {
            // Already the field's value: `Some` when present, `None` when absent.
            return TokenStream::new();
        }
        let present = if read.some {
            quote!(::core::option::Option::Some(__v))
        } else {
            quote!(__v)
        };
        let missing = self.missing(&read.missing, member, &read.wire);
        quote! {
            let #local = match #local {
                ::core::option::Option::Some(__v) => #present,
                ::core::option::Option::None => #missing,
            };
        }
    }

    /// The body of `deserialize` for a newtype: the one read field's value, the others'
    /// defaults.
    fn newtype(&self, body: &NewtypeBody) -> TokenStream {
        let serde = &self.serde;
        let private = &self.private;
        let ident = &self.model.ident;
        let mut read_value = TokenStream::new();
        let mut inits = Vec::new();
        for field in &body.fields {
            let member = &field.member;
            match &field.source {
                Source::Member(read) => {
                    let ty = &read.read.ty;
                    let call = match &read.read.with {
                        ReadWith::Deserialize => quote_spanned! {located_at(ty.span())=>
                            <#ty as #serde::Deserialize<'de>>::deserialize(__deserializer)?
                        },
                        ReadWith::Function(path) => quote!(#path(__deserializer)?),
                        ReadWith::Lend => quote!(#private::borrowed::lend(__deserializer)?),
                    };
                    read_value = quote!(let __value: #ty = #call;);
                    inits.push(quote!(#member: __value));
                }
                Source::Skipped(missing) => {
                    let value = self.missing(missing, member, "");
                    inits.push(quote!(#member: #value));
                }
                Source::Extras => {}
            }
        }
        let container_default =
            self.container_default(body.container_default.as_ref(), &body.fields);
        quote! {
            #container_default
            #read_value
            ::core::result::Result::Ok(#ident { #(#inits),* })
        }
    }

    /// The body of `deserialize` for an untagged enum: the value buffered, then each
    /// variant tried in order.
    fn untagged(&self, variants: &[JsonVariant]) -> TokenStream {
        let serde = &self.serde;
        let private = &self.private;
        let ident = &self.model.ident;
        let args = self.de_args();
        let mut wrappers = Vec::new();
        let attempts = variants.iter().enumerate().map(|(index, variant)| {
            let name = &variant.ident;
            let label = name.to_string();
            match &variant.read {
                None => quote! {
                    if __buffered.is_null() {
                        return ::core::result::Result::Ok(#ident::#name);
                    }
                    __attempts.not_null(#label);
                },
                Some(read) => {
                    let (ty, value) = match read.with {
                        ReadWith::Deserialize => {
                            let ty = &read.ty;
                            (quote_spanned!(located_at(ty.span())=> #ty), quote!(__v))
                        }
                        ReadWith::Function(_) | ReadWith::Lend => {
                            let wrapper = format_ident!("__With{}", index);
                            wrappers.push(self.wrapper(&wrapper, read));
                            (quote!(#wrapper #args), quote!(__v.__value))
                        }
                    };
                    quote! {
                        match __buffered.attempt::<#ty>() {
                            ::core::result::Result::Ok(__v) => {
                                return ::core::result::Result::Ok(#ident::#name(#value));
                            }
                            ::core::result::Result::Err(__e) => __attempts.failed(#label, __e),
                        }
                    }
                }
            }
        });
        let attempts: Vec<TokenStream> = attempts.collect();
        let enum_name = ident.to_string();
        quote! {
            #(#wrappers)*
            let __buffered = <#private::Buffered<'de> as #serde::Deserialize<'de>>::deserialize(__deserializer)?;
            let mut __attempts = #private::Attempts::new();
            #(#attempts)*
            ::core::result::Result::Err(__attempts.into_error::<<__D as #serde::Deserializer<'de>>::Error>(#enum_name))
        }
    }
}

/// The property-name enum and its identifier visitor: known names match without
/// allocating; any other name is kept, borrowed from the input when it can be.
fn field_enum(
    serde: &TokenStream,
    variants: &[TokenStream],
    known_arms: &[TokenStream],
) -> TokenStream {
    quote! {
        enum __Field<'__k> {
            #(#variants,)*
            __other(::std::borrow::Cow<'__k, str>),
        }

        fn __known<'__k>(__name: &str) -> ::core::option::Option<__Field<'__k>> {
            match __name {
                #(#known_arms)*
                _ => ::core::option::Option::None,
            }
        }

        struct __FieldVisitor;

        impl<'__k> #serde::de::Visitor<'__k> for __FieldVisitor {
            type Value = __Field<'__k>;

            fn expecting(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Formatter::write_str(__f, "a property name")
            }

            fn visit_str<__E: #serde::de::Error>(self, __v: &str) -> ::core::result::Result<__Field<'__k>, __E> {
                ::core::result::Result::Ok(match __known(__v) {
                    ::core::option::Option::Some(__f) => __f,
                    ::core::option::Option::None => {
                        __Field::__other(::std::borrow::Cow::Owned(::std::borrow::ToOwned::to_owned(__v)))
                    }
                })
            }

            fn visit_borrowed_str<__E: #serde::de::Error>(self, __v: &'__k str) -> ::core::result::Result<__Field<'__k>, __E> {
                ::core::result::Result::Ok(match __known(__v) {
                    ::core::option::Option::Some(__f) => __f,
                    ::core::option::Option::None => __Field::__other(::std::borrow::Cow::Borrowed(__v)),
                })
            }

            fn visit_string<__E: #serde::de::Error>(self, __v: ::std::string::String) -> ::core::result::Result<__Field<'__k>, __E> {
                ::core::result::Result::Ok(match __known(&__v) {
                    ::core::option::Option::Some(__f) => __f,
                    ::core::option::Option::None => __Field::__other(::std::borrow::Cow::Owned(__v)),
                })
            }

            fn visit_bytes<__E: #serde::de::Error>(self, __v: &[u8]) -> ::core::result::Result<__Field<'__k>, __E> {
                match ::core::str::from_utf8(__v) {
                    ::core::result::Result::Ok(__s) => self.visit_str(__s),
                    ::core::result::Result::Err(_) => ::core::result::Result::Err(
                        #serde::de::Error::invalid_value(#serde::de::Unexpected::Bytes(__v), &self),
                    ),
                }
            }
        }

        impl<'__k> #serde::Deserialize<'__k> for __Field<'__k> {
            fn deserialize<__K>(__deserializer: __K) -> ::core::result::Result<Self, <__K as #serde::Deserializer<'__k>>::Error>
            where
                __K: #serde::Deserializer<'__k>,
            {
                #serde::Deserializer::deserialize_identifier(__deserializer, __FieldVisitor)
            }
        }
    }
}

/// `Default::default()` or `path()`.
fn default_value(value: &DefaultValue) -> TokenStream {
    match value {
        DefaultValue::Trait => quote!(::core::default::Default::default()),
        DefaultValue::Function(path) => quote!(#path()),
    }
}

/// The types of fields that take `Default::default()` (skipped, or missing with
/// `default`): they need a `Default` bound when they mention a type parameter.
fn defaulted_types(model: &JsonModel) -> Vec<&Type> {
    let fields = match &model.body {
        JsonBody::Object(body) => &body.fields,
        JsonBody::Newtype(body) => &body.fields,
        JsonBody::Untagged(_) => return Vec::new(),
    };
    fields
        .iter()
        .filter(|field| match &field.source {
            Source::Skipped(Missing::Default(DefaultValue::Trait)) => true,
            Source::Member(read) => {
                matches!(read.missing, Missing::Default(DefaultValue::Trait))
            }
            _ => false,
        })
        .map(|field| &field.ty)
        .collect()
}

/// Whether `ty` names any of `params` (anywhere in it).
fn mentions_any(ty: &Type, params: &[Ident]) -> bool {
    fn walk(tokens: TokenStream, params: &[Ident]) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(ident) => params.contains(&ident),
            proc_macro2::TokenTree::Group(group) => walk(group.stream(), params),
            _ => false,
        })
    }
    !params.is_empty() && walk(quote!(#ty), params)
}
