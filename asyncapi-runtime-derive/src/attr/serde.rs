//! The parts of `#[serde(...)]` that decide the JSON shape.
//!
//! Mistakes in them are serde's to report: a malformed `#[serde]` ends our reading of it
//! silently, and keys we do not need are skipped. Keys that change how a value is read
//! in ways `#[derive(FromJson)]` does not follow are remembered with their spans, for it
//! to refuse.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Token};

use super::case::RenameRule;
use super::skip_value;
use crate::symbol::*;

/// What a type's `#[serde]` says.
#[derive(Default)]
pub struct SerdeContainer {
    /// `rename_all` (its deserialize side), when it names a rule serde knows.
    pub rename_all: Option<RenameRule>,
    /// `rename_all_fields`: the rule for the fields of every variant.
    pub rename_all_fields: Option<RenameRule>,
    /// `deny_unknown_fields`.
    pub deny_unknown_fields: bool,
    /// `tag = "..."`.
    pub tag: Option<String>,
    /// `content = "..."`.
    pub content: Option<String>,
    /// `untagged`.
    pub untagged: bool,
    /// `transparent`.
    pub transparent: bool,
    /// `default` or `default = "..."`: every missing field takes its default.
    pub default: bool,
    /// The function of `default = "..."`.
    pub default_with: Option<syn::Path>,
    /// Where `tag`, `content` or `untagged` is written.
    pub representation_span: Option<Span>,
    /// Keys `#[derive(FromJson)]` does not follow (`from`, `try_from`, `remote`, ...),
    /// with their spans.
    pub unsupported: Vec<(String, Span)>,
}

/// What a field's `#[serde]` says.
#[derive(Default)]
pub struct SerdeField {
    /// `rename` (its deserialize side).
    pub rename: Option<String>,
    /// Every `alias`.
    pub aliases: Vec<String>,
    /// `skip` or `skip_deserializing`: not read from JSON.
    pub skip_deserializing: bool,
    /// `default` or `default = "..."`.
    pub default: bool,
    /// `flatten`.
    pub flatten: bool,
    /// `deserialize_with = "path"`.
    pub deserialize_with: Option<syn::Path>,
    /// `with = "module"`.
    pub with: Option<syn::Path>,
    /// The function of `default = "..."`.
    pub default_with: Option<syn::Path>,
    /// `borrow` or `borrow = "..."`: the value borrows from the input.
    pub borrow: bool,
    /// Where `flatten` is written.
    pub flatten_span: Option<Span>,
    /// Keys `#[derive(FromJson)]` does not follow, with their spans.
    pub unsupported: Vec<(String, Span)>,
}

/// What a variant's `#[serde]` says.
#[derive(Default)]
pub struct SerdeVariant {
    /// `rename` (its deserialize side).
    pub rename: Option<String>,
    /// Every `alias`.
    pub aliases: Vec<String>,
    /// `rename_all`: the rule for this variant's fields.
    pub rename_all: Option<RenameRule>,
    /// `skip` or `skip_deserializing`: never read from JSON.
    pub skip_deserializing: bool,
    /// `other`.
    pub other: bool,
    /// `deserialize_with = "path"`.
    pub deserialize_with: Option<syn::Path>,
    /// `with = "module"`.
    pub with: Option<syn::Path>,
    /// Keys `#[derive(FromJson)]` does not follow, with their spans.
    pub unsupported: Vec<(String, Span)>,
}

/// Container keys that replace or redirect serde's reading of the type.
const UNSUPPORTED_CONTAINER: &[&str] = &[
    "from",
    "try_from",
    "remote",
    "bound",
    "variant_identifier",
    "field_identifier",
];

/// Field keys that change how the field is read beyond what `FromJson` follows.
const UNSUPPORTED_FIELD: &[&str] = &["bound", "getter"];

/// Variant keys that change how the variant is read beyond what `FromJson` follows.
const UNSUPPORTED_VARIANT: &[&str] = &["bound", "untagged", "borrow"];

/// Remembers `meta`'s key when it is one of `keys`.
fn note_unsupported(meta: &ParseNestedMeta, keys: &[&str], out: &mut Vec<(String, Span)>) {
    if let Some(ident) = meta.path.get_ident() {
        let name = ident.to_string();
        if keys.contains(&name.as_str()) {
            out.push((name, meta.path.span()));
        }
    }
}

/// Calls `read` for every key of every `#[serde(...)]` in `attrs`.
fn for_each_key(attrs: &[Attribute], mut read: impl FnMut(&ParseNestedMeta) -> syn::Result<()>) {
    for attr in attrs.iter().filter(|attr| attr.path() == SERDE) {
        // Mistakes here are serde's to report.
        let _ = attr.parse_nested_meta(|meta| read(&meta));
    }
}

impl SerdeContainer {
    /// Reads a type's `#[serde(...)]`.
    pub fn from_ast(attrs: &[Attribute]) -> Self {
        let mut s = SerdeContainer::default();
        for_each_key(attrs, |meta| {
            let path = &meta.path;
            if path == RENAME_ALL {
                s.rename_all = rename_rule(meta)?;
            } else if path == RENAME_ALL_FIELDS {
                s.rename_all_fields = rename_rule(meta)?;
            } else if path == DENY_UNKNOWN_FIELDS {
                s.deny_unknown_fields = true;
            } else if path == TAG {
                s.representation_span.get_or_insert(path.span());
                s.tag = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if path == CONTENT {
                s.representation_span.get_or_insert(path.span());
                s.content = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if path == UNTAGGED {
                s.representation_span.get_or_insert(path.span());
                s.untagged = true;
            } else if path == TRANSPARENT {
                s.transparent = true;
            } else if path == DEFAULT {
                s.default = true;
                s.default_with = default_function(meta)?;
            } else {
                note_unsupported(meta, UNSUPPORTED_CONTAINER, &mut s.unsupported);
                skip_value(meta)?;
            }
            Ok(())
        });
        s
    }
}

impl SerdeField {
    /// Reads a field's `#[serde(...)]`.
    pub fn from_ast(attrs: &[Attribute]) -> Self {
        let mut s = SerdeField::default();
        for_each_key(attrs, |meta| {
            let path = &meta.path;
            if path == RENAME {
                if let Some(name) = deserialize_name(meta)? {
                    s.rename = Some(name);
                }
            } else if path == ALIAS {
                s.aliases.push(meta.value()?.parse::<LitStr>()?.value());
            } else if path == SKIP || path == SKIP_DESERIALIZING {
                s.skip_deserializing = true;
            } else if path == DEFAULT {
                s.default = true;
                s.default_with = default_function(meta)?;
            } else if path == FLATTEN {
                s.flatten = true;
                s.flatten_span.get_or_insert(path.span());
            } else if path == DESERIALIZE_WITH {
                s.deserialize_with = Some(meta.value()?.parse::<LitStr>()?.parse()?);
            } else if path == WITH {
                s.with = Some(meta.value()?.parse::<LitStr>()?.parse()?);
            } else if path == BORROW {
                s.borrow = true;
                skip_value(meta)?;
            } else {
                note_unsupported(meta, UNSUPPORTED_FIELD, &mut s.unsupported);
                skip_value(meta)?;
            }
            Ok(())
        });
        s
    }
}

impl SerdeVariant {
    /// Reads a variant's `#[serde(...)]`.
    pub fn from_ast(attrs: &[Attribute]) -> Self {
        let mut s = SerdeVariant::default();
        for_each_key(attrs, |meta| {
            let path = &meta.path;
            if path == RENAME {
                if let Some(name) = deserialize_name(meta)? {
                    s.rename = Some(name);
                }
            } else if path == ALIAS {
                s.aliases.push(meta.value()?.parse::<LitStr>()?.value());
            } else if path == RENAME_ALL {
                s.rename_all = rename_rule(meta)?;
            } else if path == SKIP || path == SKIP_DESERIALIZING {
                s.skip_deserializing = true;
            } else if path == OTHER {
                s.other = true;
            } else if path == DESERIALIZE_WITH {
                s.deserialize_with = Some(meta.value()?.parse::<LitStr>()?.parse()?);
            } else if path == WITH {
                s.with = Some(meta.value()?.parse::<LitStr>()?.parse()?);
            } else {
                note_unsupported(meta, UNSUPPORTED_VARIANT, &mut s.unsupported);
                skip_value(meta)?;
            }
            Ok(())
        });
        s
    }
}

/// `name = "x"` or `name(serialize = "a", deserialize = "b")`: the deserialize side.
fn deserialize_name(meta: &ParseNestedMeta) -> syn::Result<Option<String>> {
    if meta.input.peek(Token![=]) {
        return Ok(Some(meta.value()?.parse::<LitStr>()?.value()));
    }
    let mut name = None;
    meta.parse_nested_meta(|inner| {
        if inner.path == DESERIALIZE {
            name = Some(inner.value()?.parse::<LitStr>()?.value());
        } else {
            skip_value(&inner)?;
        }
        Ok(())
    })?;
    Ok(name)
}

/// `default` (`None`) or `default = "path"` (the function).
fn default_function(meta: &ParseNestedMeta) -> syn::Result<Option<syn::Path>> {
    if meta.input.peek(Token![=]) {
        return Ok(Some(meta.value()?.parse::<LitStr>()?.parse()?));
    }
    skip_value(meta)?;
    Ok(None)
}

/// A `rename_all`-like key's rule; `None` for one serde itself rejects.
fn rename_rule(meta: &ParseNestedMeta) -> syn::Result<Option<RenameRule>> {
    Ok(deserialize_name(meta)?.and_then(|name| RenameRule::from_str(&name)))
}
