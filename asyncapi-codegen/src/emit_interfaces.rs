//! Emission of what surrounds the payloads: the `channels`, `operations` and `servers`
//! modules.
//!
//! Each lives in its own module so that its names (`...Address`, `...Message`,
//! `OperationId`, variable enums) can never collide with the names of schema types,
//! which stay at the top level and are reached as `super::Name`.
//!
//! - `channels`: per channel, a typed address (`Display`, `FromStr`, constants
//!   `KEY`, `TITLE`, `DESCRIPTION`, `ADDRESS_TEMPLATE`, `MESSAGES`), an enum per
//!   parameter with `enum` values, and the enum of the messages it carries.
//! - `operations`: per operation, a unit type implementing the runtime's `Operation`
//!   trait and the enum of the messages it may carry; `OperationId` to look operations
//!   up at run time; `Payload` and `carrying` to ask which operations carry a type.
//! - `servers`: per server, a struct of its variables that renders the URL; an enum
//!   per variable with `enum` values.

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::{doc_lines, ident, string_enum_impls};
use crate::model::{MessageDef, Model, ParameterDef, Ty};

fn opt(text: &Option<String>) -> TokenStream {
    match text {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    }
}

/// A template's pieces: literal text, or the index of a parameter.
enum Piece<'a> {
    Text(&'a str),
    Parameter(usize),
}

fn pieces<'a>(template: &'a str, parameters: &[ParameterDef]) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            break;
        };
        let name = &after[..close];
        match parameters.iter().position(|p| p.wire == name) {
            Some(i) => out.push(Piece::Parameter(i)),
            None => out.push(Piece::Text(&rest[open..open + close + 2])),
        }
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// An expression: the template rendered with the fields of `self`, as a `String`.
fn render(template: &str, parameters: &[ParameterDef]) -> TokenStream {
    if template.is_empty() {
        return quote!(String::new());
    }
    let steps = pieces(template, parameters)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => quote!(out.push_str(#text);),
            Piece::Parameter(i) => {
                let field = ident(&parameters[i].name);
                match parameters[i].values {
                    Some(_) => quote!(out.push_str(self.#field.as_str());),
                    None => quote!(out.push_str(&self.#field);),
                }
            }
        });
    quote! {
        let mut out = String::new();
        #(#steps)*
        out
    }
}

fn parameter_docs(p: &ParameterDef, what: &str) -> TokenStream {
    let mut paragraphs = vec![format!("The `{{{}}}` {what}.", p.wire)];
    if let Some(description) = &p.description {
        paragraphs.push(description.trim().to_string());
    }
    if !p.examples.is_empty() {
        let list: Vec<String> = p.examples.iter().map(|e| format!("`{e}`")).collect();
        paragraphs.push(format!("Examples: {}.", list.join(", ")));
    }
    if let Some(default) = &p.default {
        paragraphs.push(format!("Default: `{default}`."));
    }
    doc_lines(&paragraphs.join("\n\n"))
}

/// The Rust type of a parameter or variable.
fn parameter_ty(p: &ParameterDef) -> TokenStream {
    match &p.values {
        Some((name, _)) => {
            let name = ident(name);
            quote!(#name)
        }
        None => quote!(String),
    }
}

/// The default value of a parameter, when it has one that the type can hold.
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
    parameters: impl Iterator<Item = &'a ParameterDef>,
    rt: &TokenStream,
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
            let doc = format!(" `{}`", v.wire);
            let marker = (Some(&v.wire) == default).then(|| quote!(#[default]));
            quote!(#[doc = #doc] #marker #variant,)
        });
        let default_derive = has_default.then(|| quote!(Default,));
        let impls = string_enum_impls(&name, variants, rt);
        out.extend(quote! {
            #docs
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, #default_derive)]
            pub enum #name { #(#items)* }

            #impls
        });
    }
    out
}

/// The enum of the messages a channel or operation carries (`carrier` names it in
/// errors).
fn message_enum(
    name: &str,
    carrier: &str,
    what: &str,
    carried: &[&MessageDef],
    rt: &TokenStream,
    ty: &impl Fn(&Ty) -> TokenStream,
) -> TokenStream {
    let name = ident(name);
    let variants: Vec<_> = carried.iter().map(|m| ident(&m.variant)).collect();
    let payloads: Vec<_> = carried.iter().map(|m| ty(&m.payload)).collect();
    let names: Vec<_> = carried.iter().map(|m| m.name.as_str()).collect();
    let docs = carried
        .iter()
        .map(|m| doc_lines(&format!("A `{}` payload.", m.name)));
    let serde_crate = format!("{}::__private::serde", rt.to_string().replace(' ', ""));
    let doc = doc_lines(&format!(
        "The messages {what} carries; serialised without an envelope, as the bare payload."
    ));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, #rt::__private::serde::Serialize)]
        #[serde(crate = #serde_crate, untagged)]
        pub enum #name {
            #(#docs #variants(#payloads),)*
        }

        impl #name {
            /// The messages, in document order.
            pub const MESSAGES: &'static [super::MessageName] = &[#(super::MessageName::#variants),*];

            /// Which message this is.
            pub fn name(&self) -> super::MessageName {
                match self { #(#name::#variants(_) => super::MessageName::#variants,)* }
            }

            /// Parses and validates a payload of the message named `message` (its
            /// `name`, or its key in the document).
            #[allow(unreachable_patterns)]
            pub fn parse(message: &str, bytes: &[u8]) -> Result<Self, #rt::MessageError> {
                match super::MessageName::from_name(message) {
                    #(Some(super::MessageName::#variants) => Ok(#name::#variants(#rt::from_slice(bytes)?)),)*
                    _ => Err(#rt::MessageError::NotCarried {
                        given: message.to_string(),
                        carrier: #carrier,
                        carried: vec![#(#names),*],
                    }),
                }
            }

            /// Reads and validates an already parsed payload of the message named `message`.
            #[allow(unreachable_patterns)]
            pub fn parse_value(message: &str, json: &#rt::__private::serde_json::Value) -> Result<Self, #rt::MessageError> {
                match super::MessageName::from_name(message) {
                    #(Some(super::MessageName::#variants) => Ok(#name::#variants(#rt::from_value(json)?)),)*
                    _ => Err(#rt::MessageError::NotCarried {
                        given: message.to_string(),
                        carrier: #carrier,
                        carried: vec![#(#names),*],
                    }),
                }
            }
        }

        impl #rt::Validate for #name {
            fn validate_at(&self, path: &#rt::Path<'_>, report: &mut #rt::Report) {
                let _ = (path, &report);
                match self { #(#name::#variants(payload) => payload.validate_at(path, report),)* }
            }
        }

        impl From<#name> for super::Message {
            fn from(message: #name) -> Self {
                match message { #(#name::#variants(payload) => super::Message::#variants(payload),)* }
            }
        }

        impl TryFrom<super::Message> for #name {
            type Error = super::Message;

            /// The message, when it is one of these; otherwise it is handed back.
            #[allow(unreachable_patterns)]
            fn try_from(message: super::Message) -> Result<Self, Self::Error> {
                match message {
                    #(super::Message::#variants(payload) => Ok(#name::#variants(payload)),)*
                    other => Err(other),
                }
            }
        }
    }
}

fn carried<'a>(messages: &'a [MessageDef], variants: &[String]) -> Vec<&'a MessageDef> {
    variants
        .iter()
        .filter_map(|v| messages.iter().find(|m| m.variant == *v))
        .collect()
}

const IMPORTS: &str =
    "#[allow(unused_imports)] use super::{Base64Data, Integer, JsonMap, JsonValue};";

fn imports() -> TokenStream {
    IMPORTS.parse().unwrap_or_default()
}

fn channels(model: &Model, rt: &TokenStream, ty: &impl Fn(&Ty) -> TokenStream) -> TokenStream {
    let mut emitted = Vec::new();
    let items = model.channels.iter().map(|c| {
        let address_name = ident(&c.address_type);
        let key = &c.key;
        let mut paragraphs = vec![match &c.address {
            Some(address) => format!("The address of channel `{key}`: `{address}`."),
            None => format!("The address of channel `{key}`, which the document leaves open."),
        }];
        if let Some(title) = &c.title {
            paragraphs.push(format!("**{}**", title.trim()));
        }
        if let Some(description) = &c.description {
            paragraphs.push(description.trim().to_string());
        }
        let docs = doc_lines(&paragraphs.join("\n\n"));
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
                let values: Vec<_> = (0..c.parameters.len())
                    .map(|i| quote::format_ident!("p{i}"))
                    .collect();
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
        let default = match &c.address {
            Some(_) => {
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
            }
            None => None,
        };
        let enums = value_enums(c.parameters.iter(), rt, "parameter", &mut emitted);
        let carried = carried(&model.messages, &c.messages.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>());
        let messages = message_enum(&c.message_type, key, &format!("channel `{key}`"), &carried, rt, ty);
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
    let imports = imports();
    quote! {
        /// The document's channels: typed addresses and the messages each carries.
        pub mod channels {
            #imports
            #(#items)*
        }
    }
}

fn operations(model: &Model, rt: &TokenStream, ty: &impl Fn(&Ty) -> TokenStream) -> TokenStream {
    let mut lookups = Vec::new();
    let items = model
        .operations
        .iter()
        .map(|o| {
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
                "Operation `{id}`: {} on channel `{channel_key}`.",
                o.action
            )];
            if let Some(title) = &o.title {
                paragraphs.push(format!("**{}**", title.trim()));
            }
            for text in [&o.summary, &o.description].into_iter().flatten() {
                paragraphs.push(text.trim().to_string());
            }
            if !o.tags.is_empty() {
                paragraphs.push(format!("Tags: {}.", o.tags.join(", ")));
            }
            let docs = doc_lines(&paragraphs.join("\n\n"));
            let title = opt(&o.title);
            let summary = opt(&o.summary);
            let description = opt(&o.description);
            let tags = &o.tags;
            let variants: Vec<_> = o.messages.iter().map(|v| ident(v)).collect();
            lookups.push((
                name.clone(),
                id.clone(),
                action.clone(),
                channel_key.clone(),
                title.clone(),
                summary.clone(),
                description.clone(),
                tags.clone(),
                variants,
            ));
            let carried = carried(&model.messages, &o.messages);
            let messages = message_enum(
                &o.message_type,
                id,
                &format!("operation `{id}`"),
                &carried,
                rt,
                ty,
            );
            quote! {
                #docs
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

                #messages
            }
        })
        .collect::<Vec<_>>();
    let names: Vec<_> = lookups.iter().map(|l| l.0.clone()).collect();
    let ids: Vec<_> = lookups.iter().map(|l| l.1.clone()).collect();
    let actions: Vec<_> = lookups.iter().map(|l| l.2.clone()).collect();
    let channels: Vec<_> = lookups.iter().map(|l| l.3.clone()).collect();
    let titles: Vec<_> = lookups.iter().map(|l| l.4.clone()).collect();
    let summaries: Vec<_> = lookups.iter().map(|l| l.5.clone()).collect();
    let descriptions: Vec<_> = lookups.iter().map(|l| l.6.clone()).collect();
    let tags = lookups.iter().map(|l| {
        let tags = &l.7;
        quote!(&[#(#tags),*])
    });
    let messages = lookups.iter().map(|l| {
        let variants = &l.8;
        quote!(&[#(super::MessageName::#variants),*])
    });
    let docs = lookups.iter().map(|l| doc_lines(&format!("`{}`", l.1)));
    // One `Payload` impl per payload type, listing every message that uses it.
    let mut payloads: Vec<(String, TokenStream, Vec<syn::Ident>)> = Vec::new();
    for m in &model.messages {
        let tokens = ty(&m.payload);
        let key = tokens.to_string();
        let variant = ident(&m.variant);
        match payloads.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, list)) => list.push(variant),
            None => payloads.push((key, tokens, vec![variant])),
        }
    }
    let payload_impls = payloads.iter().map(|(_, tokens, variants)| {
        quote! {
            impl Payload for #tokens {
                const MESSAGES: &'static [super::MessageName] = &[#(super::MessageName::#variants),*];
            }
        }
    });
    let imports = imports();
    quote! {
        /// The document's operations: who sends and receives which messages, where.
        pub mod operations {
            #imports

            #(#items)*

            /// Every operation of the document, for looking them up at run time.
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum OperationId {
                #(#docs #names,)*
            }

            impl OperationId {
                /// Every operation, in document order.
                pub const ALL: &'static [OperationId] = &[#(OperationId::#names),*];

                /// The operation id.
                pub const fn id(self) -> &'static str {
                    match self { #(OperationId::#names => #ids,)* }
                }

                /// `send` or `receive`.
                pub const fn action(self) -> #rt::Action {
                    match self { #(OperationId::#names => #actions,)* }
                }

                /// The key of its channel.
                pub const fn channel(self) -> &'static str {
                    match self { #(OperationId::#names => #channels,)* }
                }

                /// `title`.
                pub const fn title(self) -> Option<&'static str> {
                    match self { #(OperationId::#names => #titles,)* }
                }

                /// `summary`.
                pub const fn summary(self) -> Option<&'static str> {
                    match self { #(OperationId::#names => #summaries,)* }
                }

                /// `description`.
                pub const fn description(self) -> Option<&'static str> {
                    match self { #(OperationId::#names => #descriptions,)* }
                }

                /// The names of its tags.
                pub const fn tags(self) -> &'static [&'static str] {
                    match self { #(OperationId::#names => #tags,)* }
                }

                /// The messages it may carry.
                pub const fn messages(self) -> &'static [super::MessageName] {
                    match self { #(OperationId::#names => #messages,)* }
                }

                /// Finds an operation by id.
                pub fn from_id(id: &str) -> Option<OperationId> {
                    OperationId::ALL.iter().copied().find(|op| op.id() == id)
                }

                /// The operations that carry `message`, in document order.
                pub fn carrying(message: super::MessageName) -> Vec<OperationId> {
                    OperationId::ALL
                        .iter()
                        .copied()
                        .filter(|op| op.messages().contains(&message))
                        .collect()
                }
            }

            impl ::std::fmt::Display for OperationId {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.id())
                }
            }

            /// A type that is the payload of one or more of the document's messages.
            pub trait Payload {
                /// The messages whose payload it is.
                const MESSAGES: &'static [super::MessageName];
            }

            #(#payload_impls)*

            /// The operations that carry a message whose payload is `P`, in document order.
            pub fn carrying<P: Payload>() -> Vec<OperationId> {
                OperationId::ALL
                    .iter()
                    .copied()
                    .filter(|op| op.messages().iter().any(|m| P::MESSAGES.contains(m)))
                    .collect()
            }
        }
    }
}

fn servers(model: &Model, rt: &TokenStream) -> TokenStream {
    let mut emitted = Vec::new();
    let items = model.servers.iter().map(|s| {
        let name = ident(&s.name);
        let key = &s.key;
        let mut paragraphs = vec![format!(
            "Server `{key}`: `{}://{}{}`.",
            s.protocol,
            s.host,
            s.pathname.as_deref().unwrap_or("")
        )];
        if let Some(description) = &s.description {
            paragraphs.push(description.trim().to_string());
        }
        let docs = doc_lines(&paragraphs.join("\n\n"));
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
        let enums = value_enums(s.variables.iter(), rt, "variable", &mut emitted);
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
    quote! {
        /// The document's servers, with their variables.
        pub mod servers {
            #(#items)*
        }
    }
}

/// The `channels`, `operations` and `servers` modules, each only when the document
/// has some. `ty` writes payload types as seen from inside them.
pub fn emit(model: &Model, rt: &TokenStream, ty: impl Fn(&Ty) -> TokenStream) -> TokenStream {
    let channels = (!model.channels.is_empty()).then(|| channels(model, rt, &ty));
    let operations = (!model.operations.is_empty()).then(|| operations(model, rt, &ty));
    let servers = (!model.servers.is_empty()).then(|| servers(model, rt));
    quote! {
        #channels
        #operations
        #servers
    }
}
