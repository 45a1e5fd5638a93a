//! Emission of the message registry: `MessageName` (what the document declares about
//! each message) and `Message` (a parsed payload of one of them).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::emit::doc_lines;
use crate::model::{MessageDef, Ty};

fn opt(text: &Option<String>) -> TokenStream {
    match text {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    }
}

/// `MessageName` and `Message` for the document's messages.
pub fn emit(
    messages: &[MessageDef],
    rt: &TokenStream,
    ty: impl Fn(&Ty) -> TokenStream,
    schemars_feature: Option<&str>,
) -> TokenStream {
    let variants: Vec<_> = messages
        .iter()
        .map(|m| format_ident!("{}", m.variant))
        .collect();
    let payloads: Vec<_> = messages.iter().map(|m| ty(&m.payload)).collect();
    let names: Vec<_> = messages.iter().map(|m| m.name.as_str()).collect();
    // Keys that differ from names are accepted too.
    let (keys, key_variants): (Vec<_>, Vec<_>) = messages
        .iter()
        .filter(|m| m.key != m.name)
        .map(|m| (m.key.as_str(), format_ident!("{}", m.variant)))
        .unzip();
    let titles: Vec<_> = messages.iter().map(|m| opt(&m.title)).collect();
    let summaries: Vec<_> = messages.iter().map(|m| opt(&m.summary)).collect();
    let content_types: Vec<_> = messages.iter().map(|m| opt(&m.content_type)).collect();
    let payload_names: Vec<_> = payloads
        .iter()
        .map(|p| p.to_string().replace(' ', ""))
        .collect();
    let name_docs = messages.iter().map(|m| {
        let mut text = m.title.clone().unwrap_or_else(|| m.name.clone());
        if let Some(summary) = &m.summary {
            text = format!("{text}: {summary}");
        }
        doc_lines(&text)
    });
    let message_docs: Vec<_> = messages
        .iter()
        .map(|m| doc_lines(&format!("A `{}` payload.", m.name)))
        .collect();
    let schema = schemars_feature.map(|feature| {
        quote! {
            /// The JSON Schema of this message's payload, as the generated type describes
            /// it (draft-07; optional properties are not nullable).
            #[cfg(feature = #feature)]
            pub fn payload_schema(self) -> #rt::__private::schemars::Schema {
                let generator = #rt::__private::schemars::generate::SchemaSettings::draft07().into_generator();
                match self {
                    #(MessageName::#variants => generator.into_root_schema_for::<#payloads>(),)*
                }
            }
        }
    });
    // Headers: messages that declare them, and the type of each.
    let with_headers: Vec<(&MessageDef, TokenStream)> = messages
        .iter()
        .filter_map(|m| m.headers.as_ref().map(|h| (m, ty(h))))
        .collect();
    let header_variants: Vec<_> = with_headers
        .iter()
        .map(|(m, _)| format_ident!("{}", m.variant))
        .collect();
    let header_types: Vec<_> = with_headers.iter().map(|(_, t)| t.clone()).collect();
    let header_type_names: Vec<_> = header_types
        .iter()
        .map(|t| t.to_string().replace(' ', ""))
        .collect();
    let header_docs = with_headers
        .iter()
        .map(|(m, _)| doc_lines(&format!("The headers of a `{}` message.", m.name)));
    let headers_schema = schemars_feature.map(|feature| {
        quote! {
            /// The JSON Schema of this message's headers, when it declares `headers`.
            #[cfg(feature = #feature)]
            pub fn headers_schema(self) -> Option<#rt::__private::schemars::Schema> {
                match self {
                    #(MessageName::#header_variants => Some(
                        #rt::__private::schemars::generate::SchemaSettings::draft07()
                            .into_generator()
                            .into_root_schema_for::<#header_types>(),
                    ),)*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }
        }
    });
    let serde_crate = format!("{}::__private::serde", rt.to_string().replace(' ', ""));
    quote! {
        /// The messages the document declares, by name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum MessageName {
            #(#name_docs #variants,)*
        }

        impl MessageName {
            /// Every message, in document order.
            pub const ALL: &'static [MessageName] = &[#(MessageName::#variants),*];

            /// The message's `name` (its key under `components/messages` when it has none).
            pub const fn name(self) -> &'static str {
                match self { #(MessageName::#variants => #names,)* }
            }

            /// The message's `title`.
            pub const fn title(self) -> Option<&'static str> {
                match self { #(MessageName::#variants => #titles,)* }
            }

            /// The message's `summary`.
            pub const fn summary(self) -> Option<&'static str> {
                match self { #(MessageName::#variants => #summaries,)* }
            }

            /// The message's content type (or the document's default).
            pub const fn content_type(self) -> Option<&'static str> {
                match self { #(MessageName::#variants => #content_types,)* }
            }

            /// The name of the Rust type of the payload.
            pub const fn payload_type(self) -> &'static str {
                match self { #(MessageName::#variants => #payload_names,)* }
            }

            /// Finds a message by `name` or by its key in the document.
            pub fn from_name(name: &str) -> Option<MessageName> {
                match name {
                    #(#names => Some(MessageName::#variants),)*
                    #(#keys => Some(MessageName::#key_variants),)*
                    _ => None,
                }
            }

            /// Parses and validates a payload of this message.
            pub fn parse(self, bytes: &[u8]) -> Result<Message, #rt::Error> {
                Ok(match self {
                    #(MessageName::#variants => Message::#variants(#rt::from_slice(bytes)?),)*
                })
            }

            /// Reads and validates an already parsed payload of this message.
            pub fn parse_value(self, json: &#rt::__private::serde_json::Value) -> Result<Message, #rt::Error> {
                Ok(match self {
                    #(MessageName::#variants => Message::#variants(#rt::from_value(json)?),)*
                })
            }

            /// Validates a JSON value as this message's payload without building it.
            pub fn validate_json(self, json: &#rt::__private::serde_json::Value) -> Result<(), #rt::Violations> {
                match self {
                    #(MessageName::#variants => #rt::validate_json::<#payloads>(json),)*
                }
            }

            #schema

            /// The name of the Rust type of the headers, when the message declares `headers`.
            pub const fn headers_type(self) -> Option<&'static str> {
                match self {
                    #(MessageName::#header_variants => Some(#header_type_names),)*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }

            /// Reads and validates the headers of this message (`Ok(None)` when the message
            /// declares no `headers`).
            pub fn parse_headers(self, json: &#rt::__private::serde_json::Value) -> Result<Option<MessageHeaders>, #rt::Error> {
                let _ = json;
                Ok(match self {
                    #(MessageName::#header_variants => Some(MessageHeaders::#header_variants(#rt::from_value(json)?)),)*
                    #[allow(unreachable_patterns)]
                    _ => None,
                })
            }

            /// Validates a JSON value as this message's headers without building them (any
            /// value passes when the message declares no `headers`).
            pub fn validate_headers(self, json: &#rt::__private::serde_json::Value) -> Result<(), #rt::Violations> {
                let _ = json;
                match self {
                    #(MessageName::#header_variants => #rt::validate_json::<#header_types>(json),)*
                    #[allow(unreachable_patterns)]
                    _ => Ok(()),
                }
            }

            #headers_schema
        }

        impl ::std::fmt::Display for MessageName {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl ::std::str::FromStr for MessageName {
            type Err = #rt::UnknownValue;

            fn from_str(name: &str) -> Result<Self, Self::Err> {
                MessageName::from_name(name).ok_or_else(|| {
                    #rt::UnknownValue::new(name, MessageName::ALL.iter().map(|m| m.name()))
                })
            }
        }

        /// A payload of one of the document's messages.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(crate = #serde_crate, untagged)]
        pub enum Message {
            #(#message_docs #variants(#payloads),)*
        }

        impl Message {
            /// Which message this is.
            pub fn name(&self) -> MessageName {
                match self { #(Message::#variants(_) => MessageName::#variants,)* }
            }
        }

        /// The headers of one of the document's messages (those that declare `headers`).
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(crate = #serde_crate, untagged)]
        pub enum MessageHeaders {
            #(#header_docs #header_variants(#header_types),)*
        }

        impl MessageHeaders {
            /// Which message these headers belong to.
            pub fn name(&self) -> MessageName {
                match *self { #(MessageHeaders::#header_variants(_) => MessageName::#header_variants,)* }
            }
        }

        impl #rt::Validate for MessageHeaders {
            fn validate_at(&self, path: &#rt::Path<'_>, report: &mut #rt::Report) {
                let _ = (path, &report);
                match *self { #(MessageHeaders::#header_variants(ref headers) => headers.validate_at(path, report),)* }
            }
        }

        impl #rt::Validate for Message {
            fn validate_at(&self, path: &#rt::Path<'_>, report: &mut #rt::Report) {
                match self { #(Message::#variants(payload) => payload.validate_at(path, report),)* }
            }
        }
    }
}

/// The borrowed `Message<'a>` and `MessageName::parse_borrowed`, emitted inside the
/// `borrowed` module. `twin` gives the borrowed type of a payload type when it has one;
/// payloads without one are held owned.
pub fn emit_borrowed(
    messages: &[MessageDef],
    rt: &TokenStream,
    ty: impl Fn(&Ty) -> TokenStream,
    twin: impl Fn(&TokenStream) -> Option<TokenStream>,
) -> TokenStream {
    if messages.is_empty() {
        return TokenStream::new();
    }
    let variants: Vec<_> = messages
        .iter()
        .map(|m| format_ident!("{}", m.variant))
        .collect();
    let payloads: Vec<(TokenStream, Option<TokenStream>)> = messages
        .iter()
        .map(|m| {
            let owned = ty(&m.payload);
            let borrowed = twin(&owned);
            (owned, borrowed)
        })
        .collect();
    if payloads.iter().all(|(_, twin)| twin.is_none()) {
        // Nothing to borrow: the owned messages, under the borrowed names.
        return quote! {
            /// A payload of one of the document's messages (none holds text to borrow).
            pub type Message<'a> = super::Message;

            impl super::MessageName {
                /// Parses and validates a payload of this message (as [`Self::parse`]:
                /// no payload holds text to borrow).
                pub fn parse_borrowed<'a>(self, bytes: &'a [u8]) -> Result<Message<'a>, #rt::Error> {
                    self.parse(bytes)
                }
            }
        };
    }
    let types = payloads.iter().map(|(owned, twin)| match twin {
        Some(twin) => twin.clone(),
        None => quote!(super::#owned),
    });
    let parses = payloads.iter().map(|(_, twin)| match twin {
        Some(_) => quote!(#rt::from_slice_borrowed(bytes)?),
        None => quote!(#rt::from_slice(bytes)?),
    });
    let converts = payloads.iter().map(|(_, twin)| match twin {
        Some(_) => quote!(#rt::IntoOwned::into_owned(payload)),
        None => quote!(payload),
    });
    let docs: Vec<_> = messages
        .iter()
        .map(|m| doc_lines(&format!("A `{}` payload.", m.name)))
        .collect();
    let serde_crate = format!("{}::__private::serde", rt.to_string().replace(' ', ""));
    quote! {
        /// A payload of one of the document's messages, borrowing from the input (see
        /// [`super::MessageName::parse_borrowed`]).
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(crate = #serde_crate, untagged)]
        pub enum Message<'a> {
            #(#docs #variants(#types),)*
        }

        impl<'a> Message<'a> {
            /// Which message this is.
            pub fn name(&self) -> super::MessageName {
                match self { #(Message::#variants(_) => super::MessageName::#variants,)* }
            }

            /// The owned message, copying only the strings still borrowed.
            pub fn into_owned(self) -> super::Message {
                #rt::IntoOwned::into_owned(self)
            }
        }

        impl<'a> #rt::IntoOwned for Message<'a> {
            type Owned = super::Message;

            fn into_owned(self) -> super::Message {
                match self { #(Message::#variants(payload) => super::Message::#variants(#converts),)* }
            }
        }

        impl<'a> ::std::convert::From<Message<'a>> for super::Message {
            fn from(value: Message<'a>) -> Self {
                value.into_owned()
            }
        }

        impl<'a> #rt::Validate for Message<'a> {
            fn validate_at(&self, path: &#rt::Path<'_>, report: &mut #rt::Report) {
                match self { #(Message::#variants(payload) => payload.validate_at(path, report),)* }
            }
        }

        impl super::MessageName {
            /// Parses and validates a payload of this message, borrowing its strings from
            /// `bytes` where they need no unescaping. Errors are those of [`Self::parse`].
            pub fn parse_borrowed<'a>(self, bytes: &'a [u8]) -> Result<Message<'a>, #rt::Error> {
                Ok(match self {
                    #(super::MessageName::#variants => Message::#variants(#parses),)*
                })
            }
        }
    }
}
