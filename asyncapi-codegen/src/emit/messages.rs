//! The message set: `MessageName` (implementing the runtime's `MessageSet`), the
//! `Message` enum of payloads and, when messages declare headers, `MessageHeaders`.

use proc_macro2::TokenStream;
use quote::quote;

use super::context::{ident, number};
use super::{docs, Context};
use crate::model::{MessageDef, Model, Payload};

/// The Rust type of a payload (or headers).
pub fn payload_ty(cx: &Context, payload: &Payload, prefix: &TokenStream) -> TokenStream {
    match payload {
        Payload::Typed { ty, .. } => {
            let name = ident(ty);
            quote!(#prefix #name)
        }
        Payload::Any | Payload::Opaque { .. } => {
            let value = cx.item("Value");
            quote!(#prefix #value)
        }
    }
}

fn payload_type_name(payload: &Payload) -> String {
    match payload {
        Payload::Typed { ty, .. } => ty.clone(),
        Payload::Any | Payload::Opaque { .. } => "Value".into(),
    }
}

fn schema_entry(payload: &Payload) -> TokenStream {
    match payload {
        Payload::Typed { schema, .. } => {
            let schema = number(*schema);
            quote!(Some(#schema))
        }
        Payload::Any | Payload::Opaque { .. } => quote!(None),
    }
}

fn opt(text: &Option<String>) -> TokenStream {
    match text {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    }
}

fn message_docs(m: &MessageDef) -> TokenStream {
    let mut text = match &m.title {
        Some(title) => docs::escape(title.trim()).to_string(),
        None => docs::code(&m.name),
    };
    if let Some(summary) = &m.summary {
        text.push_str(": ");
        text.push_str(&docs::escape(summary.trim()));
    }
    if let Payload::Opaque { format } = &m.payload {
        text.push_str(&format!(
            "\n\nIts payload is in a schema format that is not typed ({}): kept as JSON, not validated.",
            docs::code(format)
        ));
    }
    docs::lines(&text)
}

/// `MessageName`, `Message`, `MessageHeaders`, and the message set's implementation.
pub fn emit(cx: &Context, model: &Model, borrowed: bool) -> TokenStream {
    let rt = &cx.rt;
    let messages = &model.messages;
    let variants: Vec<_> = messages.iter().map(|m| ident(&m.variant)).collect();
    let docs: Vec<_> = messages.iter().map(message_docs).collect();
    let payloads: Vec<_> = messages
        .iter()
        .map(|m| payload_ty(cx, &m.payload, &quote!()))
        .collect();
    let with_headers: Vec<&MessageDef> = messages.iter().filter(|m| m.headers.is_some()).collect();
    let lints = super::value_enum_lints();
    let infos = messages.iter().map(|m| {
        let key = &m.key;
        let name = &m.name;
        let pointer = &m.pointer;
        let title = opt(&m.title);
        let summary = opt(&m.summary);
        let content_type = opt(&m.content_type);
        let payload_type = payload_type_name(&m.payload);
        let headers_type = opt(&m.headers.as_ref().map(payload_type_name));
        let correlation_id = opt(&m.correlation_id);
        let payload_schema = schema_entry(&m.payload);
        let headers_schema = m.headers.as_ref().map_or(quote!(None), schema_entry);
        let info = cx.item("MessageInfo");
        quote! {
            #info {
                key: #key,
                name: #name,
                pointer: #pointer,
                title: #title,
                summary: #summary,
                content_type: #content_type,
                payload_type: #payload_type,
                headers_type: #headers_type,
                correlation_id: #correlation_id,
                schemas: (#payload_schema, #headers_schema),
            }
        }
    });
    let count = number(messages.len());
    let set = cx.item("MessageSet");
    let info_ty = cx.item("MessageInfo");
    let lazy = cx.item("LazySchema");
    let validate = cx.item("Validate");
    let serialize = cx.serialize();
    let serde_crate = cx.serde_crate();
    let (headers_ty, headers_enum, parse_headers) = if with_headers.is_empty() {
        (quote!(#rt::NoHeaders), quote!(), quote!(Ok(None)))
    } else {
        let header_variants: Vec<_> = with_headers.iter().map(|m| ident(&m.variant)).collect();
        let header_types: Vec<_> = with_headers
            .iter()
            .filter_map(|m| m.headers.as_ref())
            .map(|h| payload_ty(cx, h, &quote!()))
            .collect();
        let header_docs = with_headers
            .iter()
            .map(|m| docs::lines(&format!("The headers of {}.", docs::code(&m.name))));
        (
            quote!(MessageHeaders),
            quote! {
                /// The headers of one of the document's messages (those that declare `headers`).
                #[derive(Debug, Clone, PartialEq, #serialize)]
                #[serde(crate = #serde_crate, untagged)]
                #lints
                pub enum MessageHeaders {
                    #(#header_docs #header_variants(#header_types),)*
                }

                impl MessageHeaders {
                    /// Which message these headers belong to.
                    pub fn name(&self) -> MessageName {
                        match self { #(MessageHeaders::#header_variants(_) => MessageName::#header_variants,)* }
                    }
                }

                impl #validate for MessageHeaders {
                    fn validate_at(&self, path: &#rt::Path<'_>, report: &mut #rt::Report) {
                        match self { #(MessageHeaders::#header_variants(headers) => headers.validate_at(path, report),)* }
                    }
                }
            },
            quote! {
                #[allow(unreachable_patterns)]
                Ok(match self {
                    #(MessageName::#header_variants => Some(MessageHeaders::#header_variants(#rt::from_slice(bytes)?)),)*
                    _ => None,
                })
            },
        )
    };
    let (info_body, parse_body, name_body, validate_body, header_arg) = if messages.is_empty() {
        (
            quote!(match self {}),
            quote!(match self {}),
            quote!(match *self {}),
            quote!(match *self {}),
            quote!(_bytes),
        )
    } else {
        (
            quote!(&MESSAGE_INFO[self as usize]),
            quote!(Ok(match self {
                #(MessageName::#variants => Message::#variants(#rt::from_slice(bytes)?),)*
            })),
            quote!(match self { #(Message::#variants(_) => MessageName::#variants,)* }),
            quote!(match self { #(Message::#variants(payload) => payload.validate_at(path, report),)* }),
            if with_headers.is_empty() {
                quote!(_bytes)
            } else {
                quote!(bytes)
            },
        )
    };
    let info_static = (!messages.is_empty()).then(|| {
        quote! {
            /// What the document declares about each message, in the order of `MessageName`.
            static MESSAGE_INFO: [#info_ty; #count] = [#(#infos),*];
        }
    });
    let parse_headers_body = if messages.is_empty() {
        quote!(match self {})
    } else {
        parse_headers
    };
    // Without messages the bodies are empty matches: their parameters go unused.
    let (bytes_arg, validate_params) = if messages.is_empty() {
        (
            quote!(_bytes),
            quote!(_: &#rt::Path<'_>, _: &mut #rt::Report),
        )
    } else {
        (
            quote!(bytes),
            quote!(path: &#rt::Path<'_>, report: &mut #rt::Report),
        )
    };
    let twins = super::borrowed::twins(model);
    let borrowed_reads = messages.iter().map(|m| match &m.payload {
        Payload::Typed { ty, .. } if twins.contains(ty) => quote!(#rt::from_slice_borrowed(bytes)?),
        _ => quote!(#rt::from_slice(bytes)?),
    });
    let borrowed_parse = (borrowed && !messages.is_empty()).then(|| {
        quote! {
            impl MessageName {
                /// Parses and validates a payload of this message zero-copy: strings are
                /// borrowed from `bytes` where they need no unescaping.
                pub fn parse_borrowed(self, bytes: &[u8]) -> Result<borrowed::Message<'_>, #rt::Error> {
                    Ok(match self {
                        #(MessageName::#variants => borrowed::Message::#variants(#borrowed_reads),)*
                    })
                }
            }
        }
    });
    quote! {
        /// The messages the document declares, by name (see the runtime's `MessageSet`
        /// for what can be asked of one).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum MessageName {
            #(#docs #variants,)*
        }

        #info_static

        impl #set for MessageName {
            type Message = Message;
            type Headers = #headers_ty;
            const ALL: &'static [MessageName] = &[#(MessageName::#variants),*];

            fn info(self) -> &'static #info_ty {
                #info_body
            }

            fn schemas() -> &'static #lazy {
                &SCHEMAS
            }

            fn parse(self, #bytes_arg: &[u8]) -> Result<Message, #rt::Error> {
                #parse_body
            }

            fn parse_headers(self, #header_arg: &[u8]) -> Result<Option<#headers_ty>, #rt::Error> {
                #parse_headers_body
            }
        }

        impl ::std::fmt::Display for MessageName {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(#set::name(*self))
            }
        }

        impl ::std::str::FromStr for MessageName {
            type Err = #rt::UnknownValue;

            fn from_str(name: &str) -> Result<Self, Self::Err> {
                <MessageName as #set>::from_name(name)
                    .ok_or_else(|| #rt::UnknownValue::new(name, MessageName::ALL.iter().map(|m| #set::name(*m))))
            }
        }

        #borrowed_parse

        /// A payload of one of the document's messages, written as the bare payload.
        #[derive(Debug, Clone, PartialEq, #serialize)]
        #[serde(crate = #serde_crate, untagged)]
        #lints
        pub enum Message {
            #(#docs #variants(#payloads),)*
        }

        impl Message {
            /// Which message this is.
            pub fn name(&self) -> MessageName {
                #name_body
            }
        }

        impl #validate for Message {
            fn validate_at(&self, #validate_params) {
                #validate_body
            }
        }

        #headers_enum
    }
}
