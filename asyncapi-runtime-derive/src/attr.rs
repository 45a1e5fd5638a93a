//! Parsing `#[validate(...)]` and the parts of `#[serde(...)]` that decide the JSON shape.
//!
//! `#[validate]` is ours: every mistake in it is an error at the span of the offending
//! meta. `#[serde]` is serde's: we read what we need and ignore the rest (serde reports
//! its own mistakes), so a serde attribute we do not know never breaks the derive.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, ExprUnary, Ident, Lit, LitStr, Token, UnOp};

use crate::model::Num;

/// Collects errors so that one expansion reports all of them.
#[derive(Default)]
pub struct Errors(Option<syn::Error>);

impl Errors {
    pub fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub fn finish(self) -> syn::Result<()> {
        match self.0 {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}

/// The field-level keys of `#[validate(...)]`, for "unknown key" messages.
pub const FIELD_KEYS: &[&str] = &[
    "pattern",
    "min_length",
    "max_length",
    "minimum",
    "maximum",
    "exclusive_minimum",
    "exclusive_maximum",
    "multiple_of",
    "min_items",
    "max_items",
    "unique_items",
    "min_properties",
    "max_properties",
    "format",
    "items",
    "values",
    "skip",
    "required",
];

/// The container-level keys of `#[validate(...)]`.
pub const CONTAINER_KEYS: &[&str] = &[
    "crate",
    "one_of",
    "any_of",
    "min_properties",
    "max_properties",
];

fn key_list(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One `key = value` (or flag, or `items(...)`) of a field's `#[validate]`.
pub struct RawCheck {
    pub key: Ident,
    /// The key and its value, for errors that concern the whole meta.
    pub tokens: TokenStream,
    pub kind: RawKind,
}

pub enum RawKind {
    Pattern(LitStr),
    Format(LitStr),
    /// `min_length`, `max_length`, `min_items`, `max_items`, `min_properties`, `max_properties`.
    Count(u64),
    /// `minimum`, `maximum`, `exclusive_minimum`, `exclusive_maximum`, `multiple_of`.
    Number(Num),
    UniqueItems(bool),
    Items(Vec<RawCheck>),
    /// `values(...)`: the checks for every value of a map.
    Values(Vec<RawCheck>),
    Skip,
}

/// What a field's attributes say.
#[derive(Default)]
pub struct RawField {
    pub checks: Vec<RawCheck>,
    /// `#[validate(required)]`: a missing property is a `required` violation.
    pub required: Option<Span>,
    pub serde: SerdeField,
}

#[derive(Default)]
pub struct SerdeField {
    pub rename: Option<String>,
    pub aliases: Vec<String>,
    pub skip_deserializing: bool,
    pub default: bool,
    pub flatten: bool,
    pub deserialize_with: Option<syn::Path>,
    pub with: Option<syn::Path>,
}

/// What a container's attributes say.
#[derive(Default)]
pub struct RawContainer {
    pub krate: Option<syn::Path>,
    pub one_of: Option<Span>,
    pub any_of: Option<Span>,
    /// `min_properties = N` on the type, with the span of its key.
    pub min_properties: Option<(u64, Span)>,
    /// `max_properties = N` on the type, with the span of its key.
    pub max_properties: Option<(u64, Span)>,
    pub serde: SerdeContainer,
}

#[derive(Default)]
pub struct SerdeContainer {
    pub rename_all: Option<String>,
    pub rename_all_fields: Option<String>,
    pub deny_unknown_fields: bool,
    pub tag: Option<String>,
    pub content: Option<String>,
    pub untagged: bool,
    pub transparent: bool,
    pub default: bool,
}

/// What a variant's attributes say.
#[derive(Default)]
pub struct SerdeVariant {
    pub rename: Option<String>,
    pub aliases: Vec<String>,
    pub rename_all: Option<String>,
    pub skip_deserializing: bool,
    pub other: bool,
}

fn is_validate(attr: &Attribute) -> bool {
    attr.path().is_ident("validate")
}

fn is_serde(attr: &Attribute) -> bool {
    attr.path().is_ident("serde")
}

/// The `#[validate]` attributes among `attrs` (to reject them where they mean nothing).
pub fn validate_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| is_validate(a))
}

/// Parses a container's `#[validate(...)]` and `#[serde(...)]`.
pub fn container(attrs: &[Attribute], errors: &mut Errors) -> RawContainer {
    let mut out = RawContainer::default();
    for attr in attrs {
        if is_validate(attr) {
            let result = attr.parse_nested_meta(|meta| {
                let key = meta.path.get_ident().map(|i| i.unraw().to_string());
                match key.as_deref() {
                    Some("crate") => {
                        let lit: LitStr = meta.value()?.parse()?;
                        match lit.parse::<syn::Path>() {
                            Ok(path) if out.krate.is_none() => out.krate = Some(path),
                            Ok(_) => errors.push(syn::Error::new(
                                meta.path.span(),
                                "duplicate `crate` in #[validate]",
                            )),
                            Err(_) => errors.push(syn::Error::new(
                                lit.span(),
                                format!(
                                    "`crate = {:?}` is not a path; expected something like \
                                     `crate = \"::asyncapi_runtime\"`",
                                    lit.value()
                                ),
                            )),
                        }
                    }
                    Some(flag @ ("one_of" | "any_of")) => {
                        reject_value(&meta, flag)?;
                        let slot = if flag == "one_of" {
                            &mut out.one_of
                        } else {
                            &mut out.any_of
                        };
                        if slot.is_some() {
                            errors.push(syn::Error::new(
                                meta.path.span(),
                                format!("duplicate `{flag}` in #[validate]"),
                            ));
                        }
                        *slot = Some(meta.path.span());
                    }
                    Some(key @ ("min_properties" | "max_properties")) => {
                        let expr: Expr = meta.value()?.parse()?;
                        match count(key, &expr) {
                            Ok(n) => {
                                let slot = if key == "min_properties" {
                                    &mut out.min_properties
                                } else {
                                    &mut out.max_properties
                                };
                                if slot.is_some() {
                                    errors.push(syn::Error::new(
                                        meta.path.span(),
                                        format!("duplicate `{key}` in #[validate]"),
                                    ));
                                }
                                *slot = Some((n, meta.path.span()));
                            }
                            Err(error) => errors.push(error),
                        }
                    }
                    _ => {
                        errors.push(unknown_key(&meta, CONTAINER_KEYS, "on a type"));
                        skip_value(&meta)?;
                    }
                }
                Ok(())
            });
            if let Err(error) = result {
                errors.push(error);
            }
        } else if is_serde(attr) {
            // Mistakes here are serde's to report.
            let _ = attr.parse_nested_meta(|meta| {
                let s = &mut out.serde;
                if meta.path.is_ident("rename_all") {
                    s.rename_all = deserialize_name(&meta)?;
                } else if meta.path.is_ident("rename_all_fields") {
                    s.rename_all_fields = deserialize_name(&meta)?;
                } else if meta.path.is_ident("deny_unknown_fields") {
                    s.deny_unknown_fields = true;
                } else if meta.path.is_ident("tag") {
                    s.tag = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if meta.path.is_ident("content") {
                    s.content = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if meta.path.is_ident("untagged") {
                    s.untagged = true;
                } else if meta.path.is_ident("transparent") {
                    s.transparent = true;
                } else if meta.path.is_ident("default") {
                    s.default = true;
                    skip_value(&meta)?;
                } else {
                    skip_value(&meta)?;
                }
                Ok(())
            });
        }
    }
    out
}

/// Parses a field's `#[validate(...)]` and `#[serde(...)]`.
pub fn field(attrs: &[Attribute], errors: &mut Errors) -> RawField {
    let mut out = RawField::default();
    for attr in attrs {
        if is_validate(attr) {
            let result = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("required") {
                    reject_value(&meta, "required")?;
                    if out.required.is_some() {
                        errors.push(syn::Error::new(
                            meta.path.span(),
                            "duplicate `required` in #[validate]",
                        ));
                    }
                    out.required = Some(meta.path.span());
                    return Ok(());
                }
                parse_check(meta, &mut out.checks, errors)
            });
            if let Err(error) = result {
                errors.push(error);
            }
        } else if is_serde(attr) {
            let _ = attr.parse_nested_meta(|meta| {
                let s = &mut out.serde;
                if meta.path.is_ident("rename") {
                    if let Some(name) = deserialize_name(&meta)? {
                        s.rename = Some(name);
                    }
                } else if meta.path.is_ident("alias") {
                    s.aliases.push(meta.value()?.parse::<LitStr>()?.value());
                } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_deserializing") {
                    s.skip_deserializing = true;
                } else if meta.path.is_ident("default") {
                    s.default = true;
                    skip_value(&meta)?;
                } else if meta.path.is_ident("flatten") {
                    s.flatten = true;
                } else if meta.path.is_ident("deserialize_with") {
                    s.deserialize_with = Some(meta.value()?.parse::<LitStr>()?.parse()?);
                } else if meta.path.is_ident("with") {
                    s.with = Some(meta.value()?.parse::<LitStr>()?.parse()?);
                } else {
                    skip_value(&meta)?;
                }
                Ok(())
            });
        }
    }
    out
}

/// Parses a variant's `#[serde(...)]` (its `#[validate]` is rejected by the caller).
pub fn variant(attrs: &[Attribute]) -> SerdeVariant {
    let mut s = SerdeVariant::default();
    for attr in attrs.iter().filter(|a| is_serde(a)) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                if let Some(name) = deserialize_name(&meta)? {
                    s.rename = Some(name);
                }
            } else if meta.path.is_ident("alias") {
                s.aliases.push(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("rename_all") {
                s.rename_all = deserialize_name(&meta)?;
            } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_deserializing") {
                s.skip_deserializing = true;
            } else if meta.path.is_ident("other") {
                s.other = true;
            } else {
                skip_value(&meta)?;
            }
            Ok(())
        });
    }
    s
}

/// `name = "x"` or `name(serialize = "a", deserialize = "b")`: the deserialize side.
fn deserialize_name(meta: &ParseNestedMeta) -> syn::Result<Option<String>> {
    if meta.input.peek(Token![=]) {
        return Ok(Some(meta.value()?.parse::<LitStr>()?.value()));
    }
    let mut name = None;
    meta.parse_nested_meta(|inner| {
        if inner.path.is_ident("deserialize") {
            name = Some(inner.value()?.parse::<LitStr>()?.value());
        } else {
            skip_value(&inner)?;
        }
        Ok(())
    })?;
    Ok(name)
}

/// Consumes whatever follows a key we do not interpret: `= expr`, `(...)` or nothing.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}

fn reject_value(meta: &ParseNestedMeta, key: &str) -> syn::Result<()> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!(
            "`{key}` is a flag and takes no value: write `{key}`"
        )));
    }
    Ok(())
}

fn unknown_key(meta: &ParseNestedMeta, known: &[&str], place: &str) -> syn::Error {
    syn::Error::new(
        meta.path.span(),
        format!(
            "unknown #[validate] attribute `{}` {place}; expected one of {}",
            meta.path.to_token_stream().to_string().replace(' ', ""),
            key_list(known)
        ),
    )
}

/// Parses one field-level key (recursively for `items(...)` and `values(...)`) into `out`.
///
/// Errors about a value (wrong literal kind, negative count) are pushed to `errors` and
/// parsing goes on, so that one attribute can report several mistakes; syntax errors end
/// the attribute.
fn parse_check(
    meta: ParseNestedMeta,
    out: &mut Vec<RawCheck>,
    errors: &mut Errors,
) -> syn::Result<()> {
    let Some(key) = meta.path.get_ident().map(|i| i.unraw()) else {
        errors.push(unknown_key(&meta, FIELD_KEYS, "on a field"));
        return skip_value(&meta);
    };
    let name = key.to_string();
    let kind = match name.as_str() {
        "pattern" | "format" => {
            let expr: Expr = meta.value()?.parse()?;
            let tokens = quote::quote!(#key = #expr);
            match expr {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(lit), ..
                }) => {
                    let kind = if name == "pattern" {
                        RawKind::Pattern(lit)
                    } else {
                        RawKind::Format(lit)
                    };
                    out.push(RawCheck { key, tokens, kind });
                }
                other => errors.push(syn::Error::new_spanned(
                    other,
                    format!("`{name}` expects a string literal: `{name} = \"...\"`"),
                )),
            }
            return Ok(());
        }
        "min_length" | "max_length" | "min_items" | "max_items" | "min_properties"
        | "max_properties" => {
            let expr: Expr = meta.value()?.parse()?;
            let tokens = quote::quote!(#key = #expr);
            match count(&name, &expr) {
                Ok(n) => out.push(RawCheck {
                    key,
                    tokens,
                    kind: RawKind::Count(n),
                }),
                Err(error) => errors.push(error),
            }
            return Ok(());
        }
        "minimum" | "maximum" | "exclusive_minimum" | "exclusive_maximum" | "multiple_of" => {
            let expr: Expr = meta.value()?.parse()?;
            let tokens = quote::quote!(#key = #expr);
            match number(&name, &expr) {
                Ok(n) => out.push(RawCheck {
                    key,
                    tokens,
                    kind: RawKind::Number(n),
                }),
                Err(error) => errors.push(error),
            }
            return Ok(());
        }
        "unique_items" => {
            if meta.input.peek(Token![=]) {
                let expr: Expr = meta.value()?.parse()?;
                match &expr {
                    Expr::Lit(ExprLit {
                        lit: Lit::Bool(b), ..
                    }) => RawKind::UniqueItems(b.value),
                    other => {
                        errors.push(syn::Error::new_spanned(
                            other,
                            "`unique_items` is a flag (`unique_items`) or takes `true`/`false`",
                        ));
                        return Ok(());
                    }
                }
            } else {
                reject_value(&meta, "unique_items")?;
                RawKind::UniqueItems(true)
            }
        }
        "items" | "values" => {
            if !meta.input.peek(syn::token::Paren) {
                let what = if name == "items" { "item" } else { "value" };
                errors.push(syn::Error::new(
                    key.span(),
                    format!(
                        "`{name}` takes the constraints for each {what} in parentheses: \
                         `{name}(max_length = 10)`"
                    ),
                ));
                return skip_value(&meta);
            }
            let mut inner = Vec::new();
            meta.parse_nested_meta(|m| parse_check(m, &mut inner, errors))?;
            if name == "items" {
                RawKind::Items(inner)
            } else {
                RawKind::Values(inner)
            }
        }
        "skip" => {
            reject_value(&meta, "skip")?;
            RawKind::Skip
        }
        _ => {
            errors.push(unknown_key(&meta, FIELD_KEYS, "on a field"));
            return skip_value(&meta);
        }
    };
    let tokens = key.to_token_stream();
    out.push(RawCheck { key, tokens, kind });
    Ok(())
}

/// A literal number, possibly negated: `5`, `-1`, `0.5`, `-2.5e3`.
fn literal(expr: &Expr) -> Option<(bool, &Lit)> {
    match expr {
        Expr::Lit(ExprLit { lit, .. }) => Some((false, lit)),
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr,
            ..
        }) => match &**expr {
            Expr::Lit(ExprLit { lit, .. }) => Some((true, lit)),
            _ => None,
        },
        Expr::Group(group) => literal(&group.expr),
        Expr::Paren(paren) => literal(&paren.expr),
        _ => None,
    }
}

/// A non-negative integer literal: lengths, item and property counts.
fn count(name: &str, expr: &Expr) -> syn::Result<u64> {
    let wrong = || {
        syn::Error::new_spanned(
            expr,
            format!("`{name}` expects a non-negative integer literal: `{name} = 10`"),
        )
    };
    match literal(expr) {
        Some((false, Lit::Int(int))) => int.base10_parse::<u64>().map_err(|_| {
            syn::Error::new_spanned(expr, format!("`{name}` = {int} does not fit in u64"))
        }),
        Some((true, Lit::Int(_))) => Err(syn::Error::new_spanned(
            expr,
            format!("`{name}` cannot be negative"),
        )),
        _ => Err(wrong()),
    }
}

/// An integer or float literal, possibly negative.
fn number(name: &str, expr: &Expr) -> syn::Result<Num> {
    let (negative, lit) = literal(expr).ok_or_else(|| {
        syn::Error::new_spanned(
            expr,
            format!("`{name}` expects a number literal: `{name} = 10` or `{name} = -0.5`"),
        )
    })?;
    match lit {
        Lit::Int(int) => {
            let digits = if negative {
                format!("-{}", int.base10_digits())
            } else {
                int.base10_digits().to_string()
            };
            digits.parse::<i128>().map(Num::Int).map_err(|_| {
                syn::Error::new_spanned(expr, format!("`{name}` = {digits} does not fit in i128"))
            })
        }
        Lit::Float(float) => {
            let value: f64 = float.base10_parse()?;
            if !value.is_finite() {
                return Err(syn::Error::new_spanned(
                    expr,
                    format!("`{name}` = {float} is not a finite f64"),
                ));
            }
            Ok(Num::Float(if negative { -value } else { value }))
        }
        _ => Err(syn::Error::new_spanned(
            expr,
            format!("`{name}` expects a number literal: `{name} = 10` or `{name} = -0.5`"),
        )),
    }
}

/// serde's `rename_all` rules, applied as serde applies them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameRule {
    /// The rule a `rename_all` string names; `None` for one serde itself rejects.
    pub fn from_str(name: &str) -> Option<Self> {
        Some(match name {
            "lowercase" => RenameRule::Lower,
            "UPPERCASE" => RenameRule::Upper,
            "PascalCase" => RenameRule::Pascal,
            "camelCase" => RenameRule::Camel,
            "snake_case" => RenameRule::Snake,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
            "kebab-case" => RenameRule::Kebab,
            "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
            _ => return None,
        })
    }

    /// Renames a variant (written in PascalCase).
    pub fn apply_to_variant(self, variant: &str) -> String {
        match self {
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Camel => {
                let mut chars = variant.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => String::new(),
                }
            }
            RenameRule::Snake => {
                let mut snake = String::new();
                for (i, ch) in variant.char_indices() {
                    if i > 0 && ch.is_uppercase() {
                        snake.push('_');
                    }
                    snake.push(ch.to_ascii_lowercase());
                }
                snake
            }
            RenameRule::ScreamingSnake => RenameRule::Snake
                .apply_to_variant(variant)
                .to_ascii_uppercase(),
            RenameRule::Kebab => RenameRule::Snake
                .apply_to_variant(variant)
                .replace('_', "-"),
            RenameRule::ScreamingKebab => RenameRule::ScreamingSnake
                .apply_to_variant(variant)
                .replace('_', "-"),
        }
    }

    /// Renames a field (written in snake_case).
    pub fn apply_to_field(self, field: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => {
                let mut pascal = String::new();
                let mut capitalize = true;
                for ch in field.chars() {
                    if ch == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(ch.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(ch);
                    }
                }
                pascal
            }
            RenameRule::Camel => {
                let pascal = RenameRule::Pascal.apply_to_field(field);
                let mut chars = pascal.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => String::new(),
                }
            }
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rename_rules_match_serde() {
        let v = |rule: &str, name: &str| RenameRule::from_str(rule).unwrap().apply_to_variant(name);
        let f = |rule: &str, name: &str| RenameRule::from_str(rule).unwrap().apply_to_field(name);
        assert_eq!(v("lowercase", "VeryTasty"), "verytasty");
        assert_eq!(v("UPPERCASE", "VeryTasty"), "VERYTASTY");
        assert_eq!(v("camelCase", "VeryTasty"), "veryTasty");
        assert_eq!(v("snake_case", "VeryTasty"), "very_tasty");
        assert_eq!(v("SCREAMING_SNAKE_CASE", "VeryTasty"), "VERY_TASTY");
        assert_eq!(v("kebab-case", "VeryTasty"), "very-tasty");
        assert_eq!(v("SCREAMING-KEBAB-CASE", "VeryTasty"), "VERY-TASTY");
        assert_eq!(v("PascalCase", "VeryTasty"), "VeryTasty");
        assert_eq!(f("PascalCase", "very_tasty"), "VeryTasty");
        assert_eq!(f("camelCase", "very_tasty"), "veryTasty");
        assert_eq!(f("UPPERCASE", "very_tasty"), "VERY_TASTY");
        assert_eq!(f("SCREAMING_SNAKE_CASE", "very_tasty"), "VERY_TASTY");
        assert_eq!(f("kebab-case", "very_tasty"), "very-tasty");
        assert_eq!(f("SCREAMING-KEBAB-CASE", "very_tasty"), "VERY-TASTY");
        assert_eq!(f("lowercase", "very_tasty"), "very_tasty");
        assert_eq!(f("snake_case", "very_tasty"), "very_tasty");
        assert_eq!(RenameRule::from_str("Title Case"), None);
    }
}
