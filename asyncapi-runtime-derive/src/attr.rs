//! Parse: the attributes of a type, its variants and its fields, as typed structs.
//!
//! `#[validate]` is ours: every mistake in it (an unknown or duplicate key, a literal of
//! the wrong kind, a negative count, a flag given a value) is reported to the [`Ctxt`] at
//! the offending key or value, and parsing goes on, so that one compile shows them all.
//! Whether the keys make sense together (bounds, placement, patterns) is `check`'s
//! business. `#[serde]` is serde's: we read what decides the JSON shape and ignore the
//! rest (serde reports its own mistakes), so a serde attribute we do not know never
//! breaks the derive.
//!
//! The entry points are [`Container::from_ast`], [`Field::from_ast`] and
//! [`Variant::from_ast`]; none returns a `Result`.

mod case;
mod constraint;
mod literal;
mod serde;

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, Lit, LitStr, Token};

use crate::ctxt::Ctxt;
use crate::symbol::*;

pub use self::case::RenameRule;
pub use self::constraint::{Constraint, ConstraintKind};
pub use self::literal::Num;
pub use self::serde::{SerdeContainer, SerdeField, SerdeVariant};

/// The keys of `#[validate(...)]` on a field, in the order "unknown key" messages list them.
pub const FIELD_KEYS: &[Symbol] = &[
    PATTERN,
    MIN_LENGTH,
    MAX_LENGTH,
    MINIMUM,
    MAXIMUM,
    EXCLUSIVE_MINIMUM,
    EXCLUSIVE_MAXIMUM,
    MULTIPLE_OF,
    MIN_ITEMS,
    MAX_ITEMS,
    UNIQUE_ITEMS,
    MIN_PROPERTIES,
    MAX_PROPERTIES,
    FORMAT,
    ITEMS,
    VALUES,
    WHEN,
    THEN,
    OTHERWISE,
    SKIP,
    REQUIRED,
    EXTRA_SCHEMA,
];

/// The keys of `#[validate(...)]` on a type.
pub const CONTAINER_KEYS: &[Symbol] = &[
    CRATE,
    ONE_OF,
    ANY_OF,
    MIN_PROPERTIES,
    MAX_PROPERTIES,
    JSON_SCHEMA,
    EXTRA_SCHEMA,
];

/// Which derive is reading the attributes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Derive {
    /// `#[derive(Validate)]`: `#[validate]` is its own, every mistake in it reported.
    Validate,
    /// `#[derive(FromJson)]`: reads `#[serde]`, and only `crate` of `#[validate]`
    /// (whose mistakes are `Validate`'s to report).
    FromJson,
}

impl Derive {
    /// How the derive is written, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Derive::Validate => "#[derive(Validate)]",
            Derive::FromJson => "#[derive(FromJson)]",
        }
    }
}

/// `json_schema(SCHEMA, N)` or `extra_schema(SCHEMA, N)`: entry `N` of the
/// `asyncapi_runtime::LazySchema` in the `static` `SCHEMA`.
#[derive(Clone)]
pub struct SchemaRef {
    /// The path of the `static`.
    pub schema: syn::Path,
    /// The entry.
    pub entry: usize,
    /// Where the key is written.
    pub span: Span,
}

/// What a type's `#[validate]` and `#[serde]` attributes say.
pub struct Container {
    /// `crate = "path"`: where the runtime is.
    pub krate: Option<syn::Path>,
    /// `one_of`, with the span of its key.
    pub one_of: Option<Span>,
    /// `any_of`, with the span of its key.
    pub any_of: Option<Span>,
    /// `min_properties = N`, with the span of its key.
    pub min_properties: Option<(u64, Span)>,
    /// `max_properties = N`, with the span of its key.
    pub max_properties: Option<(u64, Span)>,
    /// `json_schema(SCHEMA, N)`: `ValidateJson` is the schema's entry `N`.
    pub json_schema: Option<SchemaRef>,
    /// `extra_schema(SCHEMA, N)`: `validate()` also checks the value's JSON against it.
    pub extra_schema: Option<SchemaRef>,
    /// What `#[serde]` says about the shape.
    pub serde: SerdeContainer,
}

/// What a field's `#[validate]` and `#[serde]` attributes say.
pub struct Field {
    /// The constraints, in the order written (the order their checks run in).
    pub constraints: Vec<Constraint>,
    /// `required`, with the span of its key: a missing property is a `required` violation.
    pub required: Option<Span>,
    /// `extra_schema(SCHEMA, N)`: the value's JSON is also checked against it.
    pub extra_schema: Option<SchemaRef>,
    /// What `#[serde]` says about the field.
    pub serde: SerdeField,
}

/// What a variant's attributes say.
pub struct Variant {
    /// Its `#[validate]` attributes, whole: they mean nothing on a variant, and `check`
    /// says so at each.
    pub validate: Vec<TokenStream>,
    /// What `#[serde]` says about the variant.
    pub serde: SerdeVariant,
}

/// A key that may be given once, remembered with the span of its first occurrence.
struct Attr<'c, T> {
    /// Where a duplicate is reported.
    cx: &'c Ctxt,
    /// The key, for the message.
    name: Symbol,
    /// The value and the span of its key.
    value: Option<(T, Span)>,
}

impl<'c, T> Attr<'c, T> {
    /// Not given (yet).
    fn none(cx: &'c Ctxt, name: Symbol) -> Self {
        Attr {
            cx,
            name,
            value: None,
        }
    }

    /// Sets the value, or reports a duplicate at `span` and keeps the first.
    fn set(&mut self, span: Span, value: T) {
        if self.value.is_some() {
            let message = format!("duplicate `{}` in #[validate]", self.name);
            self.cx.error_at(span, message);
        } else {
            self.value = Some((value, span));
        }
    }

    /// The value, if given.
    fn get(self) -> Option<T> {
        self.value.map(|(value, _)| value)
    }

    /// The value, if given, with the span of its key.
    fn get_spanned(self) -> Option<(T, Span)> {
        self.value
    }
}

impl Container {
    /// Reads a type's `#[validate(...)]` and `#[serde(...)]`.
    pub fn from_ast(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut krate = Attr::none(cx, CRATE);
        let mut one_of = Attr::none(cx, ONE_OF);
        let mut any_of = Attr::none(cx, ANY_OF);
        let mut min_properties = Attr::none(cx, MIN_PROPERTIES);
        let mut max_properties = Attr::none(cx, MAX_PROPERTIES);
        let mut json_schema = Attr::none(cx, JSON_SCHEMA);
        let mut extra_schema = Attr::none(cx, EXTRA_SCHEMA);
        for attr in attrs.iter().filter(|attr| attr.path() == VALIDATE) {
            let result = attr.parse_nested_meta(|meta| {
                let span = meta.path.span();
                match Symbol::find(&meta.path, CONTAINER_KEYS) {
                    Some(CRATE) => {
                        let lit: LitStr = meta.value()?.parse()?;
                        match lit.parse::<syn::Path>() {
                            Ok(path) => krate.set(span, path),
                            Err(_) => cx.error_at(
                                lit.span(),
                                format!(
                                    "`{CRATE} = {:?}` is not a path; expected something like \
                                     `{CRATE} = \"::asyncapi_runtime\"`",
                                    lit.value()
                                ),
                            ),
                        }
                    }
                    Some(flag @ (ONE_OF | ANY_OF)) => {
                        reject_value(&meta, flag)?;
                        let slot = if flag == ONE_OF {
                            &mut one_of
                        } else {
                            &mut any_of
                        };
                        slot.set(span, ());
                    }
                    Some(key @ (MIN_PROPERTIES | MAX_PROPERTIES)) => {
                        let expr: Expr = meta.value()?.parse()?;
                        match literal::count(key, &expr) {
                            Ok(n) if key == MIN_PROPERTIES => min_properties.set(span, n),
                            Ok(n) => max_properties.set(span, n),
                            Err(error) => cx.syn_error(error),
                        }
                    }
                    Some(key @ (JSON_SCHEMA | EXTRA_SCHEMA)) => {
                        if let Some(schema) = schema_ref(cx, &meta, key)? {
                            let slot = if key == JSON_SCHEMA {
                                &mut json_schema
                            } else {
                                &mut extra_schema
                            };
                            slot.set(span, schema);
                        }
                    }
                    _ => {
                        unknown_key(cx, &meta, CONTAINER_KEYS, "on a type");
                        skip_value(&meta)?;
                    }
                }
                Ok(())
            });
            if let Err(error) = result {
                cx.syn_error(error);
            }
        }
        Container {
            krate: krate.get(),
            one_of: one_of.get_spanned().map(|((), span)| span),
            any_of: any_of.get_spanned().map(|((), span)| span),
            min_properties: min_properties.get_spanned(),
            max_properties: max_properties.get_spanned(),
            json_schema: json_schema.get(),
            extra_schema: extra_schema.get(),
            serde: SerdeContainer::from_ast(attrs),
        }
    }

    /// For `#[derive(FromJson)]`: `#[serde]`, and `crate` from `#[validate]`, silently
    /// (the rest of `#[validate]`, and its mistakes, are `#[derive(Validate)]`'s).
    pub fn serde_only(attrs: &[Attribute]) -> Self {
        let mut krate = None;
        for attr in attrs.iter().filter(|attr| attr.path() == VALIDATE) {
            let _ = attr.parse_nested_meta(|meta| {
                if meta.path == CRATE {
                    let lit: LitStr = meta.value()?.parse()?;
                    krate = lit.parse::<syn::Path>().ok();
                } else {
                    skip_value(&meta)?;
                }
                Ok(())
            });
        }
        Container {
            krate,
            one_of: None,
            any_of: None,
            min_properties: None,
            max_properties: None,
            json_schema: None,
            extra_schema: None,
            serde: SerdeContainer::from_ast(attrs),
        }
    }
}

impl Field {
    /// Reads a field's `#[validate(...)]` and `#[serde(...)]`.
    pub fn from_ast(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut constraints = Vec::new();
        let mut required = Attr::none(cx, REQUIRED);
        let mut extra_schema = Attr::none(cx, EXTRA_SCHEMA);
        for attr in attrs.iter().filter(|attr| attr.path() == VALIDATE) {
            let result = attr.parse_nested_meta(|meta| {
                if meta.path == REQUIRED {
                    reject_value(&meta, REQUIRED)?;
                    required.set(meta.path.span(), ());
                    return Ok(());
                }
                if meta.path == EXTRA_SCHEMA {
                    if let Some(schema) = schema_ref(cx, &meta, EXTRA_SCHEMA)? {
                        extra_schema.set(meta.path.span(), schema);
                    }
                    return Ok(());
                }
                if meta.path == JSON_SCHEMA {
                    cx.error_at(
                        meta.path.span(),
                        format!(
                            "`{JSON_SCHEMA}` replaces the JSON walk of a whole type: put it on \
                             the type; on a field, `{EXTRA_SCHEMA}(SCHEMA, N)` adds a schema's \
                             checks to the field's"
                        ),
                    );
                    return skip_value(&meta);
                }
                constraint::parse(cx, meta, &mut constraints)
            });
            if let Err(error) = result {
                cx.syn_error(error);
            }
        }
        Field {
            constraints,
            required: required.get_spanned().map(|((), span)| span),
            extra_schema: extra_schema.get(),
            serde: SerdeField::from_ast(attrs),
        }
    }

    /// For `#[derive(FromJson)]`: `#[serde]` only.
    pub fn serde_only(attrs: &[Attribute]) -> Self {
        Field {
            constraints: Vec::new(),
            required: None,
            extra_schema: None,
            serde: SerdeField::from_ast(attrs),
        }
    }
}

impl Variant {
    /// Reads a variant's `#[serde(...)]` and keeps its `#[validate]` for `check`.
    pub fn from_ast(attrs: &[Attribute]) -> Self {
        Variant {
            validate: attrs
                .iter()
                .filter(|attr| attr.path() == VALIDATE)
                .map(ToTokens::to_token_stream)
                .collect(),
            serde: SerdeVariant::from_ast(attrs),
        }
    }
}

/// `key(SCHEMA, N)`: a path to a `static` and an entry index. Mistakes in the two go
/// to `cx` (`None`); a malformed list ends the attribute.
fn schema_ref(cx: &Ctxt, meta: &ParseNestedMeta, key: Symbol) -> syn::Result<Option<SchemaRef>> {
    let usage = format!(
        "`{key}` takes the path of a `static` LazySchema and an entry index: \
         `{key}(SCHEMA, 0)`"
    );
    if !meta.input.peek(syn::token::Paren) {
        cx.error_spanned_by(&meta.path, &usage);
        return skip_value(meta).map(|()| None);
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let args = Punctuated::<Expr, Token![,]>::parse_terminated(&content)?;
    let [schema, entry] = [args.get(0), args.get(1)];
    let (Some(schema), Some(entry), 2) = (schema, entry, args.len()) else {
        if args.is_empty() {
            cx.error_spanned_by(&meta.path, &usage);
        } else {
            cx.error_spanned_by(&args, &usage);
        }
        return Ok(None);
    };
    let schema = match schema {
        Expr::Path(path) if path.qself.is_none() && path.attrs.is_empty() => path.path.clone(),
        other => {
            cx.error_spanned_by(
                other,
                format!(
                    "`{key}`: the schema is the path of a `static` (`SCHEMA`, `crate::SCHEMAS`)"
                ),
            );
            return Ok(None);
        }
    };
    let entry = match entry {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => match int.base10_parse::<usize>() {
            Ok(entry) => entry,
            Err(_) => {
                cx.error_spanned_by(
                    int,
                    format!("`{key}`: the entry {int} does not fit in usize"),
                );
                return Ok(None);
            }
        },
        other => {
            cx.error_spanned_by(
                other,
                format!(
                    "`{key}`: the entry is a non-negative integer literal (`{key}(SCHEMA, 0)`)"
                ),
            );
            return Ok(None);
        }
    };
    Ok(Some(SchemaRef {
        schema,
        entry,
        span: meta.path.span(),
    }))
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

/// Refuses `key = ...` and `key(...)` for a key that is a flag.
fn reject_value(meta: &ParseNestedMeta, key: Symbol) -> syn::Result<()> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!(
            "`{key}` is a flag and takes no value: write `{key}`"
        )));
    }
    Ok(())
}

/// Reports `meta`'s key as unknown `place` ("on a field"), listing the `known` ones.
fn unknown_key(cx: &Ctxt, meta: &ParseNestedMeta, known: &[Symbol], place: &str) {
    let list: Vec<String> = known.iter().map(|key| format!("`{key}`")).collect();
    // The whole path, so that `a::b` is underlined whole.
    cx.error_spanned_by(
        &meta.path,
        format!(
            "unknown #[validate] attribute `{}` {place}; expected one of {}",
            meta.path.to_token_stream().to_string().replace(' ', ""),
            list.join(", ")
        ),
    );
}
