//! The `borrowed` module: a zero-copy twin of every struct that holds text, emitted
//! from the model with the same fields and checks as the owned struct, strings as
//! `Cow<'a, str>` borrowed from the input and base64 as `Base64Ref<'a>`. Types without
//! text (and unions, enums, maps) are shared with the owned module.

use std::collections::{BTreeSet, HashMap};

use proc_macro2::TokenStream;
use quote::quote;

use super::context::{ident, number};
use super::messages::payload_ty;
use super::writer::Module;
use super::{checks, docs, types, Context};
use crate::model::{Field, Model, Payload, StructDef, Ty, TypeKind};

/// The structs that get a twin: those with a field holding text, directly or through
/// another twin. A worklist over who refers to whom, so that a long chain of structs
/// costs its length, not its length squared.
pub(super) fn twins(model: &Model) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut referrers: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut pending = Vec::new();
    for def in &model.types {
        let TypeKind::Struct(s) = &def.kind else {
            continue;
        };
        for field in &s.fields {
            match text_held(&field.ty) {
                Held::Text => pending.push(def.name.as_str()),
                Held::Through(name) => referrers.entry(name).or_default().push(&def.name),
                Held::None => {}
            }
        }
    }
    while let Some(name) = pending.pop() {
        if out.insert(name.to_string()) {
            pending.extend(referrers.get(name).into_iter().flatten());
        }
    }
    out
}

/// Whether a field of this type holds text itself, or does when a named type does.
enum Held<'m> {
    Text,
    Through(&'m str),
    None,
}

fn text_held(ty: &Ty) -> Held<'_> {
    match ty {
        Ty::String | Ty::Bytes => Held::Text,
        Ty::Named(name) => Held::Through(name),
        Ty::Array(item, _) => text_held(item),
        Ty::Nullable(inner) => text_held(inner),
        _ => Held::None,
    }
}

fn holds_text(ty: &Ty, twins: &BTreeSet<String>) -> bool {
    match ty {
        Ty::String | Ty::Bytes => true,
        Ty::Named(name) => twins.contains(name),
        Ty::Array(item, _) => holds_text(item, twins),
        Ty::Nullable(inner) => holds_text(inner, twins),
        _ => false,
    }
}

/// Whether the type is a string somewhere a serde `Deserialize` impl would copy it
/// (`Cow` directly, or inside `Vec`/`Nullable`): it is read with the runtime's lending
/// functions instead.
fn lends(ty: &Ty) -> bool {
    match ty {
        Ty::String => true,
        Ty::Array(item, _) => lends(item),
        Ty::Nullable(inner) => lends(inner),
        _ => false,
    }
}

/// The twin's type of a value.
fn twin_ty(cx: &Context, ty: &Ty, twins: &BTreeSet<String>) -> TokenStream {
    let rt = &cx.rt;
    match ty {
        Ty::String => quote!(::std::borrow::Cow<'a, str>),
        Ty::Bytes => quote!(#rt::Base64Ref<'a>),
        Ty::Named(name) if twins.contains(name) => {
            let name = ident(name);
            quote!(#name<'a>)
        }
        Ty::Array(item, _) if holds_text(item, twins) => {
            let item = twin_ty(cx, item, twins);
            quote!(Vec<#item>)
        }
        Ty::Nullable(inner) if holds_text(inner, twins) => {
            let inner = twin_ty(cx, inner, twins);
            quote!(#rt::Nullable<#inner>)
        }
        other => types::ty(cx, other, &quote!(super::)),
    }
}

fn field(cx: &Context, f: &Field, twins: &BTreeSet<String>) -> (TokenStream, TokenStream) {
    let docs = types::field_docs(f);
    let name = ident(&f.name);
    let inner = twin_ty(cx, &f.ty, twins);
    let inner = if f.boxed { quote!(Box<#inner>) } else { inner };
    let ty = if f.required {
        inner
    } else {
        quote!(Option<#inner>)
    };
    let mut serde = Vec::new();
    if f.wire != f.name.trim_start_matches("r#") {
        let wire = &f.wire;
        serde.push(quote!(rename = #wire));
    }
    if !f.required {
        serde.push(quote!(skip_serializing_if = "Option::is_none"));
    }
    let twin_text = holds_text(&f.ty, twins);
    if twin_text && lends(&f.ty) && !f.boxed {
        let function = match (&f.ty, f.required) {
            (Ty::Nullable(_), true) => "borrowed::nullable_required",
            (Ty::Nullable(_), false) => "borrowed::nullable_optional",
            (_, true) => "borrowed::lend",
            (_, false) => "borrowed::non_null",
        };
        let path = cx.private_path(function);
        serde.push(quote!(deserialize_with = #path));
        // With its own reading, an `Option` field is absent only when it says so.
        if !f.required {
            serde.push(quote!(default));
        }
    } else if !twin_text {
        // The owned field's own reading (native integers take `5.0`).
        let owned = types::field_serde(cx, f);
        let validate = checks::attr(cx, &f.ty, &f.checks, &quote!(super::SCHEMAS));
        return (
            quote! {
                #docs
                #owned
                #validate
                pub #name: #ty,
            },
            quote!(#name: self.#name,),
        );
    }
    let serde = (!serde.is_empty()).then(|| quote!(#[serde(#(#serde),*)]));
    let validate = checks::attr(cx, &f.ty, &f.checks, &quote!(super::SCHEMAS));
    (
        quote! {
            #docs
            #serde
            #validate
            pub #name: #ty,
        },
        quote!(#name: IntoOwned::into_owned(self.#name),),
    )
}

fn twin(
    cx: &Context,
    name: &str,
    s: &StructDef,
    entry: usize,
    extra: Option<usize>,
    doc_text: &str,
    twins: &BTreeSet<String>,
) -> TokenStream {
    let rt = &cx.rt;
    let ident_name = ident(name);
    let (fields, moves): (Vec<_>, Vec<_>) = s.fields.iter().map(|f| field(cx, f, twins)).unzip();
    // Properties the schema does not list stay owned, as in the owned struct.
    let extra_name = ident(&s.additional_field);
    let extra_field = types::struct_fields(
        cx,
        &StructDef {
            fields: Vec::new(),
            ..s.clone()
        },
        &quote!(super::),
    );
    let extra_move = quote!(#extra_name: self.#extra_name,);
    let serde_crate = cx.serde_crate();
    let extra_attr = extra.map(|e| {
        let e = number(e);
        quote!(#[validate(extra_schema(super::SCHEMAS, #e))])
    });
    let _ = entry;
    let docs = docs::lines(doc_text);
    let counts = {
        let mut items = Vec::new();
        if let Some(min) = s.property_counts.0 {
            let min = proc_macro2::Literal::u64_unsuffixed(min);
            items.push(quote!(min_properties = #min));
        }
        if let Some(max) = s.property_counts.1 {
            let max = proc_macro2::Literal::u64_unsuffixed(max);
            items.push(quote!(max_properties = #max));
        }
        (!items.is_empty()).then(|| quote!(#[validate(#(#items),*)]))
    };
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #rt::__private::serde::Serialize, #rt::FromJson, #rt::Validate)]
        #[serde(crate = #serde_crate)]
        #extra_attr
        #counts
        pub struct #ident_name<'a> {
            #(#fields)*
            #extra_field
        }

        impl<'a> #ident_name<'a> {
            /// The owned value, copying only the strings still borrowed.
            pub fn into_owned(self) -> super::#ident_name {
                #rt::IntoOwned::into_owned(self)
            }
        }

        impl #rt::IntoOwned for #ident_name<'_> {
            type Owned = super::#ident_name;

            fn into_owned(self) -> super::#ident_name {
                use #rt::IntoOwned;
                super::#ident_name {
                    #(#moves)*
                    #extra_move
                }
            }
        }

        impl<'a> From<#ident_name<'a>> for super::#ident_name {
            fn from(value: #ident_name<'a>) -> Self {
                value.into_owned()
            }
        }

        impl<'a> #rt::Borrowed<'a> for #ident_name<'a> {
            type Owned = super::#ident_name;
        }
    }
}

/// The `borrowed` module, its twins made one at a time as the writer asks for them.
pub fn emit<'a>(cx: &'a Context, model: &'a Model) -> Module<'a> {
    let rt = &cx.rt;
    let twins = twins(model);
    let variants: Vec<_> = model.messages.iter().map(|m| ident(&m.variant)).collect();
    let payloads: Vec<TokenStream> = model
        .messages
        .iter()
        .map(|m| match &m.payload {
            Payload::Typed { ty, .. } if twins.contains(ty) => {
                let name = ident(ty);
                quote!(#name<'a>)
            }
            other => payload_ty(cx, other, &quote!(super::)),
        })
        .collect();
    let converts: Vec<TokenStream> = model
        .messages
        .iter()
        .map(|m| {
            let variant = ident(&m.variant);
            match &m.payload {
                Payload::Typed { ty, .. } if twins.contains(ty) => {
                    quote!(Message::#variant(payload) => super::Message::#variant(payload.into_owned()),)
                }
                _ => quote!(Message::#variant(payload) => super::Message::#variant(payload),),
            }
        })
        .collect();
    let serde_crate = cx.serde_crate();
    let message_docs = model
        .messages
        .iter()
        .map(|m| docs::lines(&format!("A {} payload.", docs::code(&m.name))));
    // When no payload has a twin, the lifetime is held by a variant no value has.
    let any_twin = model
        .messages
        .iter()
        .any(|m| matches!(&m.payload, Payload::Typed { ty, .. } if twins.contains(ty)));
    let (lifetime_variant, lifetime_arm) = if any_twin {
        (quote!(), quote!())
    } else {
        (
            quote!(#[doc(hidden)] #[serde(skip)] Unreachable(::std::convert::Infallible, ::std::marker::PhantomData<&'a ()>),),
            quote!(Message::Unreachable(never, _) => match *never {},),
        )
    };
    let lifetime_arm_owned = if any_twin {
        quote!()
    } else {
        quote!(Message::Unreachable(never, _) => match never {},)
    };
    let lints = super::value_enum_lints();
    let message = (!variants.is_empty()).then(|| {
        quote! {
                /// A payload of one of the document's messages, borrowing from its input.
                #[derive(Debug, Clone, PartialEq, #rt::__private::serde::Serialize)]
                #[serde(crate = #serde_crate, untagged)]
                #lints
                pub enum Message<'a> {
                    #(#message_docs #variants(#payloads),)*
                    #lifetime_variant
                }

                impl Message<'_> {
                    /// Which message this is.
                    pub fn name(&self) -> super::MessageName {
                        match self {
                            #(Message::#variants(_) => super::MessageName::#variants,)*
                            #lifetime_arm
                        }
                    }

                    /// The owned payload.
                    pub fn into_owned(self) -> super::Message {
                        match self {
                            #(#converts)*
                            #lifetime_arm_owned
                        }
                    }
                }

                impl<'a> From<Message<'a>> for super::Message {
                    fn from(message: Message<'a>) -> Self {
                        message.into_owned()
                    }
                }

                impl #rt::IntoOwned for Message<'_> {
                    type Owned = super::Message;

                    fn into_owned(self) -> super::Message {
                        Message::into_owned(self)
                    }
                }

                impl #rt::Validate for Message<'_> {
                    fn validate_at(&self, path: &#rt::Path<'_>, report: &mut #rt::Report) {
                        match self {
                            #(Message::#variants(payload) => payload.validate_at(path, report),)*
                            #lifetime_arm
                        }
                    }
                }
        }
    });
    let items = model.types.iter().filter_map(move |def| match &def.kind {
        TypeKind::Struct(s) if twins.contains(&def.name) => {
            let doc = format!("Borrowed form of [`super::{}`].", def.name);
            Some(twin(cx, &def.name, s, def.schema, def.extra, &doc, &twins))
        }
        _ => None,
    });
    Module {
        head: quote! {
            /// Zero-copy twins of the structs of this module that hold text, parsed with
            /// the runtime's `from_slice_borrowed`: the same fields and checks, strings as
            /// `Cow<'a, str>` borrowed from the input where the JSON string needs no
            /// unescaping. `into_owned()` gives the owned type.
            pub mod borrowed
        },
        items: Box::new(items.chain(message)),
    }
}
