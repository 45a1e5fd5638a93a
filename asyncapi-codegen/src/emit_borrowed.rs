//! The `borrowed` module: a zero-copy twin of every emitted type that holds text.
//!
//! The twins are derived from the owned items as emitted, so they carry the same field
//! names, serde attributes and `#[validate]` constraints by construction: `String`
//! becomes `Cow<'a, str>` (borrowed from the input when the JSON string has no escapes),
//! `Base64Data` becomes `Base64Ref<'a>`, a type with a twin becomes `Twin<'a>`, and
//! everything else (unit enums, numbers, JSON values, map keys, the bag of properties
//! the schema does not list) is shared with the owned module. Each twin converts into
//! its owned type (`into_owned`, `From`) and names it for the runtime's parse entry
//! points (`Borrowed::Owned`), whose schema walk reports errors.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::punctuated::Punctuated;
use syn::{
    parse_quote, Attribute, Fields, GenericArgument, Ident, Item, Meta, PathArguments, Type,
};

use crate::error::Error;
use crate::model::{MessageDef, Ty};

/// `pub mod borrowed { .. }` for the emitted owned `types` (one token stream per
/// model type, as `emit` produced them) and the document's `messages` (whose payload
/// types `ty` names), reaching the runtime through `rt`.
pub fn emit(
    types: &[TokenStream],
    messages: &[MessageDef],
    ty: impl Fn(&Ty) -> TokenStream,
    rt: &TokenStream,
    rt_text: &str,
) -> Result<TokenStream, Error> {
    let mut items = Vec::new();
    for tokens in types {
        let file: syn::File =
            syn::parse2(tokens.clone()).map_err(|e| Error::Emit(format!("borrowed: {e}")))?;
        for item in file.items {
            match item {
                Item::Struct(_) | Item::Enum(_) => items.push(item),
                _ => {}
            }
        }
    }
    let twins = twin_names(&items);
    let b = Borrower {
        twins: &twins,
        rt,
        rt_text,
    };
    let out: Vec<TokenStream> = items
        .iter()
        .filter(|item| twins.contains(&item_ident(item).to_string()))
        .map(|item| b.twin(item))
        .collect();
    let messages = crate::emit_messages::emit_borrowed(messages, rt, ty, |payload| {
        let ty: Type = syn::parse2(payload.clone()).ok()?;
        let segment = match &ty {
            Type::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
                p.path.segments.first()?
            }
            _ => return None,
        };
        let plain = matches!(segment.arguments, PathArguments::None);
        let ident = &segment.ident;
        (plain && twins.contains(&ident.to_string())).then(|| quote!(#ident<'a>))
    });
    if out.is_empty() && messages.is_empty() {
        return Ok(quote!());
    }
    let doc = [
        " Zero-copy twins of the types of this module that hold text, parsed with".to_string(),
        format!(" `{rt_text}::from_slice_borrowed`: the same fields, serde attributes and"),
        " constraints, with `Cow<'a, str>` borrowed from the input where the JSON string"
            .to_string(),
        " needs no unescaping. `into_owned()` gives the owned type.".to_string(),
    ];
    let doc = quote!(#(#[doc = #doc])*);
    Ok(quote! {
        #doc
        #[allow(deprecated)]
        pub mod borrowed {
            #[allow(unused_imports)]
            use super::*;

            #(#out)*

            #messages
        }
    })
}

fn item_ident(item: &Item) -> &Ident {
    match item {
        Item::Struct(s) => &s.ident,
        Item::Enum(e) => &e.ident,
        _ => unreachable!("only structs and enums are collected"),
    }
}

fn item_fields(item: &Item) -> Vec<&Fields> {
    match item {
        Item::Struct(s) => vec![&s.fields],
        Item::Enum(e) => e.variants.iter().map(|v| &v.fields).collect(),
        _ => Vec::new(),
    }
}

/// The names of the items that hold text, directly or through other items.
fn twin_names(items: &[Item]) -> BTreeSet<String> {
    let mut twins = BTreeSet::new();
    loop {
        let before = twins.len();
        for item in items {
            let holds_text = item_fields(item)
                .into_iter()
                .flat_map(|fields| fields.iter())
                .any(|field| holds_text(&field.ty, &twins));
            if holds_text {
                twins.insert(item_ident(item).to_string());
            }
        }
        if twins.len() == before {
            return twins;
        }
    }
}

/// The last segment of a plain path type.
fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        _ => None,
    }
}

/// The type arguments that hold values: all of them, except a map's key.
fn value_args(segment: &syn::PathSegment) -> Vec<&Type> {
    let PathArguments::AngleBracketed(args) = &segment.arguments else {
        return Vec::new();
    };
    let types: Vec<&Type> = args
        .args
        .iter()
        .filter_map(|arg| match arg {
            GenericArgument::Type(ty) => Some(ty),
            _ => None,
        })
        .collect();
    if is_map(segment) {
        types.into_iter().skip(1).collect()
    } else {
        types
    }
}

fn is_map(segment: &syn::PathSegment) -> bool {
    segment.ident.to_string().ends_with("Map")
}

fn holds_text(ty: &Type, twins: &BTreeSet<String>) -> bool {
    let Some(segment) = last_segment(ty) else {
        return false;
    };
    let name = segment.ident.to_string();
    name == "String"
        || name == "Base64Data"
        || twins.contains(&name)
        || value_args(segment)
            .into_iter()
            .any(|t| holds_text(t, twins))
}

/// Whether `ty` (already borrowed) reaches a `Cow` through containers, which serde's
/// own container impls would copy.
fn lends_cow(ty: &Type) -> bool {
    let Some(segment) = last_segment(ty) else {
        return false;
    };
    segment.ident == "Cow" || value_args(segment).into_iter().any(lends_cow)
}

struct Borrower<'a> {
    twins: &'a BTreeSet<String>,
    rt: &'a TokenStream,
    rt_text: &'a str,
}

impl Borrower<'_> {
    /// The borrowed form of an owned field type.
    fn ty(&self, ty: &Type) -> Type {
        let Some(segment) = last_segment(ty) else {
            return ty.clone();
        };
        let name = segment.ident.to_string();
        let plain = matches!(segment.arguments, PathArguments::None);
        if plain && name == "String" {
            return parse_quote!(::std::borrow::Cow<'a, str>);
        }
        if plain && name == "Base64Data" {
            let rt = self.rt;
            return parse_quote!(#rt::Base64Ref<'a>);
        }
        if plain && self.twins.contains(&name) {
            let ident = &segment.ident;
            return parse_quote!(#ident<'a>);
        }
        let mut out = ty.clone();
        if let Type::Path(p) = &mut out {
            if let Some(segment) = p.path.segments.last_mut() {
                let skip = usize::from(is_map(segment));
                if let PathArguments::AngleBracketed(args) = &mut segment.arguments {
                    let types = args.args.iter_mut().filter_map(|arg| match arg {
                        GenericArgument::Type(ty) => Some(ty),
                        _ => None,
                    });
                    for ty in types.skip(skip) {
                        *ty = self.ty(ty);
                    }
                }
            }
        }
        out
    }

    fn twin(&self, item: &Item) -> TokenStream {
        let name = item_ident(item);
        let owned_doc = format!(" Borrowed form of [`super::{name}`].");
        let (attrs, body, into_owned) = match item {
            Item::Struct(s) => {
                let fields = self.fields(&s.fields);
                let body = match &s.fields {
                    Fields::Named(_) => quote!({ #fields }),
                    Fields::Unnamed(_) => quote!((#fields);),
                    Fields::Unit => quote!(;),
                };
                let convert = self.convert(&s.fields, quote!(super::#name), quote!(self.));
                (&s.attrs, quote!(pub struct #name<'a> #body), convert)
            }
            Item::Enum(e) => {
                let variants = e.variants.iter().map(|v| {
                    let attrs = self.attrs(&v.attrs, None);
                    let ident = &v.ident;
                    let fields = self.fields(&v.fields);
                    match &v.fields {
                        Fields::Named(_) => quote!(#attrs #ident { #fields },),
                        Fields::Unnamed(_) => quote!(#attrs #ident(#fields),),
                        Fields::Unit => quote!(#attrs #ident,),
                    }
                });
                let arms = e.variants.iter().map(|v| {
                    let ident = &v.ident;
                    let bindings: Vec<Ident> = (0..v.fields.len())
                        .map(|i| quote::format_ident!("f{}", i))
                        .collect();
                    let converted = v.fields.iter().zip(&bindings).map(|(field, binding)| {
                        let value = self.convert_value(&field.ty, quote!(#binding));
                        match &field.ident {
                            Some(ident) => quote!(#ident: #value),
                            None => value,
                        }
                    });
                    match &v.fields {
                        Fields::Named(named) => {
                            let idents = named.named.iter().map(|f| &f.ident);
                            quote!(#name::#ident { #(#idents: #bindings),* } => super::#name::#ident { #(#converted),* },)
                        }
                        Fields::Unnamed(_) => {
                            quote!(#name::#ident(#(#bindings),*) => super::#name::#ident(#(#converted),*),)
                        }
                        Fields::Unit => quote!(#name::#ident => super::#name::#ident,),
                    }
                });
                (
                    &e.attrs,
                    quote!(pub enum #name<'a> { #(#variants)* }),
                    quote!(match self { #(#arms)* }),
                )
            }
            _ => unreachable!("only structs and enums are collected"),
        };
        let attrs = self.attrs(attrs, Some(&owned_doc));
        let rt = self.rt;
        quote! {
            #attrs
            #body

            impl<'a> #name<'a> {
                /// The owned value, copying only the strings still borrowed.
                pub fn into_owned(self) -> super::#name {
                    #rt::IntoOwned::into_owned(self)
                }
            }

            impl<'a> #rt::IntoOwned for #name<'a> {
                type Owned = super::#name;

                fn into_owned(self) -> super::#name {
                    #into_owned
                }
            }

            impl<'a> ::std::convert::From<#name<'a>> for super::#name {
                fn from(value: #name<'a>) -> Self {
                    value.into_owned()
                }
            }

            impl<'a> #rt::Borrowed<'a> for #name<'a> {
                type Owned = super::#name;
            }
        }
    }

    /// The owned value of `fields`, read through `access` (`self.`).
    fn convert(&self, fields: &Fields, path: TokenStream, access: TokenStream) -> TokenStream {
        match fields {
            Fields::Named(named) => {
                let inits = named.named.iter().map(|f| {
                    let ident = &f.ident;
                    let value = self.convert_value(&f.ty, quote!(#access #ident));
                    quote!(#ident: #value)
                });
                quote!(#path { #(#inits),* })
            }
            Fields::Unnamed(unnamed) => {
                let values = unnamed.unnamed.iter().enumerate().map(|(i, f)| {
                    let index = syn::Index::from(i);
                    self.convert_value(&f.ty, quote!(#access #index))
                });
                quote!(#path(#(#values),*))
            }
            Fields::Unit => path,
        }
    }

    /// `value` (of owned type `ty`) in owned form: converted when its type changed.
    fn convert_value(&self, ty: &Type, value: TokenStream) -> TokenStream {
        if holds_text(ty, self.twins) {
            let rt = self.rt;
            quote!(#rt::IntoOwned::into_owned(#value))
        } else {
            value
        }
    }

    fn fields(&self, fields: &Fields) -> TokenStream {
        let fields = fields.iter().map(|field| {
            let borrowed = self.ty(&field.ty);
            let changed = holds_text(&field.ty, self.twins);
            let serde = changed.then(|| self.serde_borrow(&field.attrs, &borrowed));
            let attrs = self.attrs(&field.attrs, None);
            let attrs = if changed {
                // Docs first, then the serde attributes `serde_borrow` rewrote.
                let docs = field.attrs.iter().filter(|a| a.path().is_ident("doc"));
                let others = field.attrs.iter().filter(|a| {
                    let path = a.path();
                    !["doc", "serde", "cfg_attr"]
                        .iter()
                        .any(|name| path.is_ident(name))
                });
                quote!(#(#docs)* #serde #(#others)*)
            } else {
                attrs
            };
            let vis = &field.vis;
            match &field.ident {
                Some(ident) => quote!(#attrs #vis #ident: #borrowed,),
                None => quote!(#attrs #vis #borrowed,),
            }
        });
        quote!(#(#fields)*)
    }

    /// The field's serde attributes with `borrow`, and strings inside containers (which
    /// serde's own impls copy) read by the runtime's lending deserializers.
    fn serde_borrow(&self, attrs: &[Attribute], borrowed: &Type) -> TokenStream {
        let private = format!("{}::__private::", self.rt_text);
        let lending = lends_cow(borrowed);
        let exact_cow = last_segment(borrowed).is_some_and(|s| s.ident == "Cow");
        let mut metas: Vec<TokenStream> = Vec::new();
        let mut with = false;
        for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
            let Ok(list) =
                attr.parse_args_with(Punctuated::<Meta, syn::Token![,]>::parse_terminated)
            else {
                metas.push(
                    attr.meta
                        .require_list()
                        .map(|l| l.tokens.clone())
                        .unwrap_or_default(),
                );
                continue;
            };
            for meta in list {
                if let Meta::NameValue(nv) = &meta {
                    if nv.path.is_ident("deserialize_with") {
                        with = true;
                        let function = nv.value.to_token_stream().to_string();
                        let function = function.trim_matches('"');
                        // The runtime's lending twin of each deserializer that would
                        // copy strings.
                        let lent = function
                            .strip_prefix(&private)
                            .filter(|_| lending)
                            .and_then(|f| match f {
                                "non_null" | "nullable" => Some(f),
                                "nullables::required" => Some("nullable_required"),
                                "nullables::optional" => Some("nullable_optional"),
                                _ => None,
                            });
                        if let Some(f) = lent {
                            let path = format!("{private}borrowed::{f}");
                            metas.push(quote!(deserialize_with = #path));
                            continue;
                        }
                    }
                }
                metas.push(meta.to_token_stream());
            }
        }
        if lending && !with && !exact_cow {
            let path = format!("{private}borrowed::lend");
            metas.push(quote!(deserialize_with = #path));
        }
        metas.push(quote!(borrow));
        quote!(#[serde(#(#metas),*)])
    }

    /// `attrs` for the twin: docs, serde and validate attributes kept; derives replaced;
    /// schemars attributes (`cfg_attr`) dropped, the twins not being schemas.
    fn attrs(&self, attrs: &[Attribute], doc: Option<&str>) -> TokenStream {
        let mut out = Vec::new();
        if let Some(doc) = doc {
            out.push(quote!(#[doc = #doc]));
            out.push(quote!(#[doc = ""]));
        }
        for attr in attrs {
            let path = attr.path();
            if path.is_ident("derive") {
                out.push(
                    quote!(#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]),
                );
            } else if path.is_ident("cfg_attr") || path.is_ident("default") {
                continue;
            } else {
                out.push(attr.to_token_stream());
            }
        }
        quote!(#(#out)*)
    }
}

#[cfg(test)]
mod tests {
    use crate::Builder;

    fn generate(fixture: &str, borrowed: bool) -> String {
        let path = format!("{}/tests/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
        Builder::new(path)
            .schemars_feature(None)
            .borrowed(borrowed)
            .generate()
            .expect("the fixture generates")
    }

    #[test]
    fn off_by_default_and_the_owned_code_unchanged_when_on() {
        let off = generate("numbers.yaml", false);
        let on = generate("numbers.yaml", true);
        assert!(!off.contains("pub mod borrowed"));
        let start = on.find("/// Zero-copy twins").expect("a borrowed module");
        assert_eq!(&on[..start].trim_end(), &off.trim_end());
    }

    #[test]
    fn strings_in_containers_are_lent_and_text_free_types_are_shared() {
        let code = generate("numbers.yaml", true);
        // A required nullable string: the lending twin of its deserializer.
        assert!(code.contains(
            "deserialize_with = \"::asyncapi_runtime::__private::borrowed::nullable_required\",\n            borrow\n        )]\n        #[validate(required)]\n        #[validate(max_length = 20)]\n        pub note: ::asyncapi_runtime::Nullable<::std::borrow::Cow<'a, str>>,"
        ), "{code}");
        let code = generate("arrays.yaml", true);
        assert!(
            code.contains("pub ids: Vec<::std::borrow::Cow<'a, str>>,"),
            "{code}"
        );
        assert!(code.contains("::asyncapi_runtime::__private::borrowed::lend"));
        // Every twin converts into, and names, its owned type.
        let twins = code
            .matches("<'a> ::asyncapi_runtime::Borrowed<'a> for ")
            .count();
        assert!(twins > 0);
        assert_eq!(
            twins + 1,
            code.matches("pub fn into_owned(self) -> super::").count(),
            "each twin and the borrowed Message"
        );
    }

    #[test]
    fn messages_are_parsed_borrowed_by_name_and_payloads_without_text_are_held_owned() {
        let code = generate("unions.yaml", true);
        let module = &code[code.find("pub mod borrowed").expect("a borrowed module")..];
        assert!(module.contains("pub enum Message<'a> {"), "{module}");
        assert!(module.contains("PetEvent(Pet<'a>),"), "{module}");
        // `Shape` holds no text: the owned type, parsed by the owned entry point.
        assert!(module.contains("ShapeEvent(super::Shape),"), "{module}");
        assert!(module.contains("Message::ShapeEvent(::asyncapi_runtime::from_slice(bytes)?)"));
        assert!(module.contains("impl super::MessageName {"));
        assert!(module.contains("pub fn parse_borrowed<'a>("));
        // Nothing of it outside the borrowed module.
        assert!(!generate("unions.yaml", false).contains("parse_borrowed"));
    }

    #[test]
    fn a_document_without_text_parses_borrowed_into_the_owned_messages() {
        let text = "asyncapi: 3.0.0\ninfo: {title: T, version: '1'}\n\
            components:\n  messages:\n    Tick:\n      payload:\n        type: object\n\
            \x20       properties: {n: {type: integer}}\n";
        let path = std::path::Path::new("ticks.yaml");
        let doc = crate::Document::parse(path, text).expect("the document parses");
        let code = Builder::new(path)
            .schemars_feature(None)
            .borrowed(true)
            .generate_from(&doc)
            .expect("the document generates");
        assert!(
            code.contains("pub type Message<'a> = super::Message;"),
            "{code}"
        );
        assert!(code.contains("self.parse(bytes)"), "{code}");
        assert!(!code.contains("pub enum Message<'a>"), "{code}");
    }

    #[test]
    fn types_without_text_have_no_twin() {
        let code = generate("unions.yaml", true);
        let module = &code[code.find("pub mod borrowed").expect("a borrowed module")..];
        // Unit enums are shared with the owned module, never twinned.
        for line in module
            .lines()
            .filter(|l| l.trim_start().starts_with("pub enum "))
        {
            assert!(line.contains("<'a>"), "{line}");
        }
    }
}
