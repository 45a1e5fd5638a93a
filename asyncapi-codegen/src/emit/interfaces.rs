//! What surrounds the payloads: the `channels`, `operations` and `servers` modules.
//!
//! Each lives in its own module so that its names (`...Address`, `...Message`,
//! `OperationId`, variable enums) can never collide with the names of schema types,
//! which stay at the top level and are reached as `super::Name`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::context::{ident, number};
use super::messages::payload_ty;
use super::types::string_enum_impls;
use super::writer::Module;
use super::{docs, Context};
use crate::load::address::{self, Piece};
use crate::model::{MessageDef, Model, ParameterDef, Payload};

fn opt(text: &Option<String>) -> TokenStream {
    match text {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    }
}

/// A statement appending `text` to `out`: one character is pushed as a `char`, as
/// clippy asks of the code using it (`single_char_add_str`).
fn push_text(text: &str) -> TokenStream {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => quote!(out.push(#c);),
        _ => quote!(out.push_str(#text);),
    }
}

/// An expression: the template rendered with the fields of `self`, as a `String`.
fn render(template: &str, parameters: &[ParameterDef]) -> TokenStream {
    if template.is_empty() {
        return quote!(String::new());
    }
    let pieces =
        address::parse(template).unwrap_or_else(|_| vec![Piece::Text(template.to_string())]);
    let steps = pieces.iter().map(|piece| match piece {
        Piece::Text(text) => push_text(text),
        Piece::Parameter(name) => match parameters.iter().find(|p| p.wire == *name) {
            Some(p) => {
                let field = ident(&p.name);
                match p.values {
                    Some(_) => quote!(out.push_str(self.#field.as_str());),
                    None => quote!(out.push_str(&self.#field);),
                }
            }
            None => push_text(&format!("{{{name}}}")),
        },
    });
    quote! {
        let mut out = String::new();
        #(#steps)*
        out
    }
}

fn parameter_docs(p: &ParameterDef, what: &str) -> TokenStream {
    let mut paragraphs = vec![format!(
        "The {} {what}.",
        docs::code(&format!("{{{}}}", p.wire))
    )];
    if let Some(description) = &p.description {
        paragraphs.push(docs::escape(description.trim()));
    }
    if !p.examples.is_empty() {
        let list: Vec<String> = p.examples.iter().map(|e| docs::code(e)).collect();
        paragraphs.push(format!("Examples: {}.", list.join(", ")));
    }
    if let Some(default) = &p.default {
        paragraphs.push(format!("Default: {}.", docs::code(default)));
    }
    docs::lines(&paragraphs.join("\n\n"))
}

fn parameter_ty(p: &ParameterDef) -> TokenStream {
    match &p.values {
        Some((name, _)) => {
            let name = ident(name);
            quote!(#name)
        }
        None => quote!(String),
    }
}

fn parameter_default(p: &ParameterDef) -> Option<TokenStream> {
    let default = p.default.as_ref()?;
    match &p.values {
        Some((name, variants)) => {
            let variant = variants.iter().find(|v| v.wire == *default)?;
            let name = ident(name);
            let variant = ident(&variant.name);
            Some(quote!(#name::#variant))
        }
        None => Some(quote!(#default.to_string())),
    }
}

/// The enums of parameters (or variables) with `enum` values, each emitted once.
fn value_enums<'a>(
    cx: &Context,
    parameters: impl Iterator<Item = &'a ParameterDef>,
    what: &str,
    emitted: &mut Vec<String>,
) -> TokenStream {
    let mut out = TokenStream::new();
    for p in parameters {
        let Some((name, variants)) = &p.values else {
            continue;
        };
        if emitted.contains(name) {
            continue;
        }
        emitted.push(name.clone());
        let docs = parameter_docs(p, what);
        let name = ident(name);
        let default = p.default.as_ref();
        let has_default = variants.iter().any(|v| Some(&v.wire) == default);
        let items = variants.iter().map(|v| {
            let variant = ident(&v.name);
            let doc = format!(" {}", docs::code(&v.wire));
            let marker = (Some(&v.wire) == default).then(|| quote!(#[default]));
            quote!(#[doc = #doc] #marker #variant,)
        });
        let default_derive = has_default.then(|| quote!(Default,));
        let impls = string_enum_impls(cx, &name, variants);
        out.extend(quote! {
            #docs
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, #default_derive)]
            pub enum #name { #(#items)* }

            #impls
        });
    }
    out
}

fn carried<'a>(messages: &'a [MessageDef], variants: &[String]) -> Vec<&'a MessageDef> {
    variants
        .iter()
        .filter_map(|v| messages.iter().find(|m| m.variant == *v))
        .collect()
}

/// The enum of the messages a channel, operation or reply carries, implementing the
/// runtime's `MessageGroup`.
fn message_group(
    cx: &Context,
    name: &str,
    carrier: &str,
    what: &str,
    carried: &[&MessageDef],
) -> TokenStream {
    let rt = &cx.rt;
    let name = ident(name);
    let variants: Vec<_> = carried.iter().map(|m| ident(&m.variant)).collect();
    let payloads: Vec<_> = carried
        .iter()
        .map(|m| payload_ty(cx, &m.payload, &quote!(super::)))
        .collect();
    let docs = carried
        .iter()
        .map(|m| docs::lines(&format!("A {} payload.", docs::code(&m.name))));
    let serde_crate = cx.serde_crate();
    // Inside a submodule: the runtime's items by path.
    let group = quote!(#rt::MessageGroup);
    let validate = quote!(#rt::Validate);
    let serialize = quote!(#rt::__private::serde::Serialize);
    let doc = docs::lines(&format!(
        "The messages {what} carries, written as the bare payload (see the runtime's `MessageGroup` for parsing one by name)."
    ));
    let (name_body, into_body, validate_body, from_body) = if carried.is_empty() {
        (
            quote!(match *self {}),
            quote!(match self {}),
            quote!(match *self {}),
            quote!(Err(message)),
        )
    } else {
        (
            quote!(match self { #(#name::#variants(_) => super::MessageName::#variants,)* }),
            quote!(match self { #(#name::#variants(payload) => super::Message::#variants(payload),)* }),
            quote!(match self { #(#name::#variants(payload) => payload.validate_at(path, report),)* }),
            quote! {
                #[allow(unreachable_patterns)]
                match message {
                    #(super::Message::#variants(payload) => Ok(#name::#variants(payload)),)*
                    other => Err(other),
                }
            },
        )
    };
    let validate_params = if carried.is_empty() {
        quote!(_: &#rt::Path<'_>, _: &mut #rt::Report)
    } else {
        quote!(path: &#rt::Path<'_>, report: &mut #rt::Report)
    };
    let lints = super::value_enum_lints();
    // A group without messages in a document without messages converts from a
    // `Message` that has no value: clippy calls that conversion infallible. It is kept,
    // so that every group has the same conversions.
    let try_from_lints = carried
        .is_empty()
        .then(|| quote!(#[allow(clippy::infallible_try_from)]));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, #serialize)]
        #[serde(crate = #serde_crate, untagged)]
        #lints
        pub enum #name {
            #(#docs #variants(#payloads),)*
        }

        impl #group for #name {
            type Set = super::MessageName;
            const CARRIER: &'static str = #carrier;
            const MESSAGES: &'static [super::MessageName] = &[#(super::MessageName::#variants),*];

            fn name(&self) -> super::MessageName {
                #name_body
            }

            fn from_message(message: super::Message) -> Result<Self, super::Message> {
                #from_body
            }

            fn into_message(self) -> super::Message {
                #into_body
            }
        }

        impl #validate for #name {
            fn validate_at(&self, #validate_params) {
                #validate_body
            }
        }

        impl From<#name> for super::Message {
            fn from(message: #name) -> Self {
                #group::into_message(message)
            }
        }

        #try_from_lints
        impl TryFrom<super::Message> for #name {
            type Error = super::Message;

            /// The message, when it is one of these; otherwise it is handed back.
            fn try_from(message: super::Message) -> Result<Self, super::Message> {
                <#name as #group>::from_message(message)
            }
        }
    }
}

fn channels<'a>(cx: &'a Context, model: &'a Model) -> Module<'a> {
    let rt = &cx.rt;
    let mut emitted = Vec::new();
    let items = model.channels.iter().map(move |c| {
        let address_name = ident(&c.address_type);
        let key = &c.key;
        let mut paragraphs = vec![match &c.address {
            Some(address) => format!("The address of channel {}: {}.", docs::code(key), docs::code(address)),
            None => format!("The address of channel {}, which the document leaves open.", docs::code(key)),
        }];
        if let Some(title) = &c.title {
            paragraphs.push(format!("**{}**", docs::escape(title.trim())));
        }
        if let Some(description) = &c.description {
            paragraphs.push(docs::escape(description.trim()));
        }
        let docs = docs::lines(&paragraphs.join("\n\n"));
        let title = opt(&c.title);
        let description = opt(&c.description);
        let template = opt(&c.address);
        let variants: Vec<_> = c.messages.iter().map(|(_, v)| ident(v)).collect();
        let (fields, parse, to_address) = match &c.address {
            Some(address) => {
                let fields = c.parameters.iter().map(|p| {
                    let docs = parameter_docs(p, "parameter");
                    let name = ident(&p.name);
                    let ty = parameter_ty(p);
                    quote!(#docs pub #name: #ty,)
                });
                let values: Vec<_> = (0..c.parameters.len()).map(|i| format_ident!("p{i}")).collect();
                let builds = c.parameters.iter().zip(&values).map(|(p, value)| {
                    let name = ident(&p.name);
                    let wire = &p.wire;
                    match &p.values {
                        Some(_) => quote!(#name: #rt::__private::parse_parameter(#key, #address, address, #wire, #value)?,),
                        None => quote!(#name: #value.to_string(),),
                    }
                });
                let render = render(address, &c.parameters);
                (
                    quote!({ #(#fields)* }),
                    quote! {
                        let values = #rt::__private::parse_address(#key, #address, address)?;
                        match values.as_slice() {
                            [#(#values),*] => Ok(#address_name { #(#builds)* }),
                            _ => Err(#rt::AddressError {
                                channel: #key,
                                template: #address,
                                given: address.to_string(),
                                reason: #rt::AddressReason::Mismatch,
                            }),
                        }
                    },
                    render,
                )
            }
            None => (
                quote! {{
                    /// The address, as the application knows it.
                    pub address: String,
                }},
                quote!(Ok(#address_name { address: address.to_string() })),
                quote!(self.address.clone()),
            ),
        };
        let default = c.address.as_ref().and_then(|_| {
            let defaults: Option<Vec<_>> = c
                .parameters
                .iter()
                .map(|p| {
                    let name = ident(&p.name);
                    parameter_default(p).map(|value| quote!(#name: #value,))
                })
                .collect();
            defaults.map(|defaults| {
                quote! {
                    impl Default for #address_name {
                        /// Every parameter at its `default`.
                        fn default() -> Self {
                            #address_name { #(#defaults)* }
                        }
                    }
                }
            })
        });
        let enums = value_enums(cx, c.parameters.iter(), "parameter", &mut emitted);
        let carried_messages = carried(&model.messages, &c.messages.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>());
        let messages = message_group(cx, &c.message_type, key, &format!("channel {}", docs::code(key)), &carried_messages);
        quote! {
            #docs
            #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct #address_name #fields

            impl #address_name {
                /// The channel's key in the document.
                pub const KEY: &'static str = #key;
                /// The channel's `title`.
                pub const TITLE: Option<&'static str> = #title;
                /// The channel's `description`.
                pub const DESCRIPTION: Option<&'static str> = #description;
                /// The channel's `address` template (`None` when the document leaves it open).
                pub const ADDRESS_TEMPLATE: Option<&'static str> = #template;
                /// The messages the channel carries.
                pub const MESSAGES: &'static [super::MessageName] = &[#(super::MessageName::#variants),*];

                /// Reads an address: it must match the template, and every parameter must
                /// be non-empty, free of `/`, and one of its `enum` values when it has them.
                pub fn parse(address: &str) -> Result<Self, #rt::AddressError> {
                    #parse
                }

                /// The address, with the parameters filled in (as `Display` writes it).
                pub fn to_address(&self) -> String {
                    #to_address
                }
            }

            impl ::std::fmt::Display for #address_name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(&self.to_address())
                }
            }

            impl ::std::str::FromStr for #address_name {
                type Err = #rt::AddressError;

                fn from_str(address: &str) -> Result<Self, Self::Err> {
                    #address_name::parse(address)
                }
            }

            #default
            #enums
            #messages
        }
    });
    Module {
        head: quote! {
            /// The document's channels: typed addresses and the messages each carries.
            pub mod channels
        },
        items: Box::new(items),
    }
}

fn operations<'a>(cx: &'a Context, model: &'a Model) -> Module<'a> {
    let rt = &cx.rt;
    let set = quote!(#rt::OperationSet);
    let info_ty = quote!(#rt::OperationInfo);
    let mut items = Vec::new();
    let mut infos = Vec::new();
    let mut messages = Vec::new();
    let mut reply_messages = Vec::new();
    for o in &model.operations {
        let name = ident(&o.name);
        let id = &o.id;
        let channel = &model.channels[o.channel];
        let channel_key = &channel.key;
        let address = ident(&channel.address_type);
        let message_type = ident(&o.message_type);
        let action = if o.action == "send" {
            quote!(#rt::Action::Send)
        } else {
            quote!(#rt::Action::Receive)
        };
        let mut paragraphs = vec![format!(
            "Operation {}: {} on channel {}.",
            docs::code(id),
            o.action,
            docs::code(channel_key)
        )];
        if let Some(title) = &o.title {
            paragraphs.push(format!("**{}**", docs::escape(title.trim())));
        }
        for text in [&o.summary, &o.description].into_iter().flatten() {
            paragraphs.push(docs::escape(text.trim()));
        }
        if !o.tags.is_empty() {
            paragraphs.push(format!("Tags: {}.", docs::escape(&o.tags.join(", "))));
        }
        let docs = docs::lines(&paragraphs.join("\n\n"));
        let title = opt(&o.title);
        let summary = opt(&o.summary);
        let description = opt(&o.description);
        let tags = &o.tags;
        let variants: Vec<_> = o.messages.iter().map(|v| ident(v)).collect();
        let reply_info = o.reply.as_ref().map(|reply| {
            let channel = opt(&reply.channel.map(|c| model.channels[c].key.clone()));
            let address = opt(&reply.address);
            quote!(#rt::ReplyInfo { channel: #channel, address: #address })
        });
        let reply_field = match &reply_info {
            Some(info) => quote!(Some(#info)),
            None => quote!(None),
        };
        let reply_variants: Vec<_> = o
            .reply
            .iter()
            .flat_map(|r| &r.messages)
            .map(|v| ident(v))
            .collect();
        reply_messages.push(quote!(&[#(super::MessageName::#reply_variants),*]));
        infos.push(quote! {
            #info_ty {
                id: #id,
                action: #action,
                channel: #channel_key,
                title: #title,
                summary: #summary,
                description: #description,
                tags: &[#(#tags),*],
                reply: #reply_field,
            }
        });
        messages.push(quote!(&[#(super::MessageName::#variants),*]));
        let carried_messages = carried(&model.messages, &o.messages);
        let group = message_group(
            cx,
            &o.message_type,
            id,
            &format!("operation {}", docs::code(id)),
            &carried_messages,
        );
        let reply = o.reply.as_ref().zip(reply_info).map(|(reply, info)| {
            let carried_replies = carried(&model.messages, &reply.messages);
            let group = message_group(
                cx,
                &reply.message_type,
                id,
                &format!("the reply to operation {}", docs::code(id)),
                &carried_replies,
            );
            let reply_type = ident(&reply.message_type);
            quote! {
                #group

                impl #rt::RequestReply for #name {
                    type Reply = #reply_type;
                    const REPLY: #rt::ReplyInfo = #info;
                }
            }
        });
        let reply_doc = o.reply.as_ref().map(|reply| {
            let where_to = match (&reply.address, reply.channel) {
                (Some(location), _) => {
                    format!(" Replies go to the address at {}.", docs::code(location))
                }
                (None, Some(channel)) => format!(
                    " Replies go to channel {}.",
                    docs::code(&model.channels[channel].key)
                ),
                (None, None) => String::new(),
            };
            let text = format!(
                " It expects a reply: {}.{where_to}",
                docs::code(&reply.message_type)
            );
            quote!(#[doc = ""] #[doc = #text])
        });
        items.push(quote! {
            #docs
            #reply_doc
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
            pub struct #name;

            impl #rt::Operation for #name {
                const ID: &'static str = #id;
                const ACTION: #rt::Action = #action;
                const CHANNEL: &'static str = #channel_key;
                const TITLE: Option<&'static str> = #title;
                const SUMMARY: Option<&'static str> = #summary;
                const DESCRIPTION: Option<&'static str> = #description;
                const TAGS: &'static [&'static str] = &[#(#tags),*];
                type Address = super::channels::#address;
                type Message = #message_type;
            }

            #group
            #reply
        });
    }
    let names: Vec<_> = model.operations.iter().map(|o| ident(&o.name)).collect();
    let id_docs = model
        .operations
        .iter()
        .map(|o| docs::lines(&docs::code(&o.id)));
    let count = number(model.operations.len());
    // One `Payload` impl per payload type, listing every message that uses it.
    let mut payloads: Vec<(String, Vec<syn::Ident>)> = Vec::new();
    for m in &model.messages {
        let Payload::Typed { ty, .. } = &m.payload else {
            continue;
        };
        let variant = ident(&m.variant);
        match payloads.iter_mut().find(|(k, _)| k == ty) {
            Some((_, list)) => list.push(variant),
            None => payloads.push((ty.clone(), vec![variant])),
        }
    }
    let payload_impls = payloads.iter().map(|(ty, variants)| {
        let ty = ident(ty);
        quote! {
            impl #rt::Payload for super::#ty {
                type Messages = super::MessageName;
                const MESSAGES: &'static [super::MessageName] = &[#(super::MessageName::#variants),*];
            }
        }
    });
    let set_items = quote! {
            /// Every operation of the document, for looking them up at run time (see the
            /// runtime's `OperationSet`).
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum OperationId {
                #(#id_docs #names,)*
            }

            /// What the document declares about each operation, in the order of `OperationId`.
            static OPERATION_INFO: [#info_ty; #count] = [#(#infos),*];

            /// The messages of each operation, in the order of `OperationId`.
            static OPERATION_MESSAGES: [&[super::MessageName]; #count] = [#(#messages),*];

            /// The messages of each operation's reply, in the order of `OperationId`.
            static OPERATION_REPLY_MESSAGES: [&[super::MessageName]; #count] = [#(#reply_messages),*];

            impl #set for OperationId {
                type Messages = super::MessageName;
                const ALL: &'static [OperationId] = &[#(OperationId::#names),*];

                fn info(self) -> &'static #info_ty {
                    &OPERATION_INFO[self as usize]
                }

                fn messages(self) -> &'static [super::MessageName] {
                    OPERATION_MESSAGES[self as usize]
                }

                fn reply_messages(self) -> &'static [super::MessageName] {
                    OPERATION_REPLY_MESSAGES[self as usize]
                }
            }

            impl ::std::fmt::Display for OperationId {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(#set::id(*self))
                }
            }

            #(#payload_impls)*
    };
    Module {
        head: quote! {
            /// The document's operations: who sends and receives which messages, where.
            pub mod operations
        },
        items: Box::new(items.into_iter().chain(std::iter::once(set_items))),
    }
}

fn servers<'a>(cx: &'a Context, model: &'a Model) -> Module<'a> {
    let mut emitted = Vec::new();
    let items = model.servers.iter().map(move |s| {
        let name = ident(&s.name);
        let key = &s.key;
        let paragraphs = {
            let mut p = vec![format!(
                "Server {}: {}.",
                docs::code(key),
                docs::code(&format!(
                    "{}://{}{}",
                    s.protocol,
                    s.host,
                    s.pathname.as_deref().unwrap_or("")
                ))
            )];
            if let Some(description) = &s.description {
                p.push(docs::escape(description.trim()));
            }
            p
        };
        let docs = docs::lines(&paragraphs.join("\n\n"));
        let fields = s.variables.iter().map(|p| {
            let docs = parameter_docs(p, "variable");
            let name = ident(&p.name);
            let ty = parameter_ty(p);
            quote!(#docs pub #name: #ty,)
        });
        let host = &s.host;
        let pathname = opt(&s.pathname);
        let protocol = &s.protocol;
        let description = opt(&s.description);
        let security = &s.security;
        let render_host = render(&s.host, &s.variables);
        let render_path = render(s.pathname.as_deref().unwrap_or(""), &s.variables);
        let defaults: Option<Vec<_>> = s
            .variables
            .iter()
            .map(|p| {
                let name = ident(&p.name);
                parameter_default(p).map(|value| quote!(#name: #value,))
            })
            .collect();
        let default = defaults.map(|defaults| {
            quote! {
                impl Default for #name {
                    /// Every variable at its `default`.
                    fn default() -> Self {
                        #name { #(#defaults)* }
                    }
                }
            }
        });
        let enums = value_enums(cx, s.variables.iter(), "variable", &mut emitted);
        quote! {
            #docs
            #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct #name { #(#fields)* }

            impl #name {
                /// The server's key in the document.
                pub const KEY: &'static str = #key;
                /// The `host` template.
                pub const HOST: &'static str = #host;
                /// The `pathname` template.
                pub const PATHNAME: Option<&'static str> = #pathname;
                /// The `protocol`.
                pub const PROTOCOL: &'static str = #protocol;
                /// The `description`.
                pub const DESCRIPTION: Option<&'static str> = #description;
                /// The names of the security schemes it uses.
                pub const SECURITY: &'static [&'static str] = &[#(#security),*];

                /// The host, with the variables filled in.
                pub fn host(&self) -> String {
                    #render_host
                }

                /// The path, with the variables filled in (empty without `pathname`).
                pub fn pathname(&self) -> String {
                    #render_path
                }

                /// `protocol://host` followed by the path.
                pub fn url(&self) -> String {
                    format!("{}://{}{}", Self::PROTOCOL, self.host(), self.pathname())
                }
            }

            impl ::std::fmt::Display for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(&self.url())
                }
            }

            #default
            #enums
        }
    });
    Module {
        head: quote! {
            /// The document's servers, with their variables.
            pub mod servers
        },
        items: Box::new(items),
    }
}

/// The `channels`, `operations` and `servers` modules, each only when the document
/// has some.
pub fn emit<'a>(cx: &'a Context, model: &'a Model) -> Vec<Module<'a>> {
    let mut modules = Vec::new();
    if !model.channels.is_empty() {
        modules.push(channels(cx, model));
    }
    if !model.operations.is_empty() {
        modules.push(operations(cx, model));
    }
    if !model.servers.is_empty() {
        modules.push(servers(cx, model));
    }
    modules
}
