//! The constraints of a field's `#[validate(...)]`: `key = literal`, flags,
//! `items(...)`/`values(...)` holding the constraints of each item or value, and
//! `when(...)` holding conditions and the constraints they select.

use proc_macro2::{Span, TokenStream};
use quote::{quote, ToTokens};
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Expr, ExprLit, Lit, LitStr, Token};

use super::literal::{self, Num};
use super::{reject_value, skip_value, unknown_key, FIELD_KEYS};
use crate::ctxt::Ctxt;
use crate::symbol::*;

/// One key of a field's `#[validate]` (or of an `items(...)`/`values(...)` in it).
pub struct Constraint {
    /// The key.
    pub key: Symbol,
    /// Where the key is written: errors about the constraint point here.
    pub span: Span,
    /// The key and its value, for errors that concern both (bounds, `multiple_of`).
    pub tokens: TokenStream,
    /// The key's value.
    pub kind: ConstraintKind,
}

/// A constraint with its value, typed.
pub enum ConstraintKind {
    /// `pattern = "..."`, ECMA-262, not translated yet.
    Pattern(LitStr),
    /// `format = "..."`.
    Format(LitStr),
    /// `min_length = N`.
    MinLength(u64),
    /// `max_length = N`.
    MaxLength(u64),
    /// `minimum = L`.
    Minimum(Num),
    /// `maximum = L`.
    Maximum(Num),
    /// `exclusive_minimum = L`.
    ExclusiveMinimum(Num),
    /// `exclusive_maximum = L`.
    ExclusiveMaximum(Num),
    /// `multiple_of = L`.
    MultipleOf(Num),
    /// `min_items = N`.
    MinItems(u64),
    /// `max_items = N`.
    MaxItems(u64),
    /// `unique_items` (`true`) or `unique_items = true/false`.
    UniqueItems(bool),
    /// `min_properties = N`.
    MinProperties(u64),
    /// `max_properties = N`.
    MaxProperties(u64),
    /// `items(...)`: the constraints of every item.
    Items(Vec<Constraint>),
    /// `values(...)`: the constraints of every value of a map.
    Values(Vec<Constraint>),
    /// `when(conditions.., then(..), otherwise(..))`: JSON Schema `if`/`then`/`else`.
    When {
        /// The constraints that must all hold for `then` to apply.
        condition: Vec<Constraint>,
        /// What applies when they hold.
        then: Vec<Constraint>,
        /// What applies when one does not.
        otherwise: Vec<Constraint>,
    },
    /// `skip`.
    Skip,
}

impl ConstraintKind {
    /// The bound this constraint sets, for comparing lower and upper bounds.
    pub fn bound(&self) -> Option<Num> {
        match self {
            ConstraintKind::MinLength(n)
            | ConstraintKind::MaxLength(n)
            | ConstraintKind::MinItems(n)
            | ConstraintKind::MaxItems(n)
            | ConstraintKind::MinProperties(n)
            | ConstraintKind::MaxProperties(n) => Some(Num::Int(i128::from(*n))),
            ConstraintKind::Minimum(n)
            | ConstraintKind::Maximum(n)
            | ConstraintKind::ExclusiveMinimum(n)
            | ConstraintKind::ExclusiveMaximum(n)
            | ConstraintKind::MultipleOf(n) => Some(n.clone()),
            _ => None,
        }
    }
}

/// Parses one field-level key (recursively for `items(...)` and `values(...)`) into `out`.
///
/// Errors about a value (wrong literal kind, negative count) and duplicate keys go to
/// `cx` and parsing goes on, so that one attribute can report several mistakes; syntax
/// errors end the attribute.
pub fn parse(cx: &Ctxt, meta: ParseNestedMeta, out: &mut Vec<Constraint>) -> syn::Result<()> {
    let Some(key) = Symbol::find(&meta.path, FIELD_KEYS) else {
        unknown_key(cx, &meta, FIELD_KEYS, "on a field");
        return skip_value(&meta);
    };
    let span = meta.path.span();
    let path = &meta.path;
    let (kind, tokens) = match key {
        PATTERN | FORMAT => {
            let expr: Expr = meta.value()?.parse()?;
            let tokens = quote!(#path = #expr);
            let Expr::Lit(ExprLit {
                lit: Lit::Str(lit), ..
            }) = expr
            else {
                cx.error_spanned_by(
                    expr,
                    format!("`{key}` expects a string literal: `{key} = \"...\"`"),
                );
                return Ok(());
            };
            let kind = if key == PATTERN {
                ConstraintKind::Pattern(lit)
            } else {
                ConstraintKind::Format(lit)
            };
            (kind, tokens)
        }
        MIN_LENGTH | MAX_LENGTH | MIN_ITEMS | MAX_ITEMS | MIN_PROPERTIES | MAX_PROPERTIES => {
            let expr: Expr = meta.value()?.parse()?;
            let n = match literal::count(key, &expr) {
                Ok(n) => n,
                Err(error) => {
                    cx.syn_error(error);
                    return Ok(());
                }
            };
            let kind = match key {
                MIN_LENGTH => ConstraintKind::MinLength(n),
                MAX_LENGTH => ConstraintKind::MaxLength(n),
                MIN_ITEMS => ConstraintKind::MinItems(n),
                MAX_ITEMS => ConstraintKind::MaxItems(n),
                MIN_PROPERTIES => ConstraintKind::MinProperties(n),
                _ => ConstraintKind::MaxProperties(n),
            };
            (kind, quote!(#path = #expr))
        }
        MINIMUM | MAXIMUM | EXCLUSIVE_MINIMUM | EXCLUSIVE_MAXIMUM | MULTIPLE_OF => {
            let expr: Expr = meta.value()?.parse()?;
            let n = match literal::number(key, &expr) {
                Ok(n) => n,
                Err(error) => {
                    cx.syn_error(error);
                    return Ok(());
                }
            };
            let kind = match key {
                MINIMUM => ConstraintKind::Minimum(n),
                MAXIMUM => ConstraintKind::Maximum(n),
                EXCLUSIVE_MINIMUM => ConstraintKind::ExclusiveMinimum(n),
                EXCLUSIVE_MAXIMUM => ConstraintKind::ExclusiveMaximum(n),
                _ => ConstraintKind::MultipleOf(n),
            };
            (kind, quote!(#path = #expr))
        }
        UNIQUE_ITEMS => {
            let unique = if meta.input.peek(Token![=]) {
                let expr: Expr = meta.value()?.parse()?;
                let Expr::Lit(ExprLit {
                    lit: Lit::Bool(b), ..
                }) = &expr
                else {
                    cx.error_spanned_by(
                        expr,
                        format!("`{key}` is a flag (`{key}`) or takes `true`/`false`"),
                    );
                    return Ok(());
                };
                b.value
            } else {
                reject_value(&meta, key)?;
                true
            };
            (ConstraintKind::UniqueItems(unique), path.to_token_stream())
        }
        ITEMS | VALUES => {
            if !meta.input.peek(syn::token::Paren) {
                let what = if key == ITEMS { "item" } else { "value" };
                cx.error_at(
                    span,
                    format!(
                        "`{key}` takes the constraints for each {what} in parentheses: \
                         `{key}({MAX_LENGTH} = 10)`"
                    ),
                );
                return skip_value(&meta);
            }
            let mut inner = Vec::new();
            meta.parse_nested_meta(|nested| parse(cx, nested, &mut inner))?;
            let kind = if key == ITEMS {
                ConstraintKind::Items(inner)
            } else {
                ConstraintKind::Values(inner)
            };
            (kind, path.to_token_stream())
        }
        WHEN => {
            if !meta.input.peek(syn::token::Paren) {
                cx.error_at(
                    span,
                    format!(
                        "`{WHEN}` takes its conditions and what they select in parentheses: \
                         `{WHEN}({MIN_LENGTH} = 10, {THEN}({PATTERN} = \"==$\"))`"
                    ),
                );
                return skip_value(&meta);
            }
            let (condition, then, otherwise) = parse_when(cx, &meta)?;
            let kind = ConstraintKind::When {
                condition,
                then,
                otherwise,
            };
            (kind, path.to_token_stream())
        }
        THEN | OTHERWISE => {
            cx.error_at(
                span,
                format!("`{key}(...)` belongs inside `{WHEN}(...)`, after its conditions"),
            );
            return skip_value(&meta);
        }
        SKIP => {
            reject_value(&meta, SKIP)?;
            (ConstraintKind::Skip, path.to_token_stream())
        }
        _ => {
            // `required`, `extra_schema`: the field's caller takes them before this, so
            // here they are inside `items(...)`/`values(...)`, where they mean nothing.
            cx.error_at(
                span,
                format!(
                    "`{key}` applies to a whole field, not inside `{ITEMS}(...)` or \
                     `{VALUES}(...)`"
                ),
            );
            return skip_value(&meta);
        }
    };
    if out.iter().any(|earlier| earlier.key == key) {
        // The first one counts; a second is a mistake whatever its value.
        cx.error_at(
            span,
            format!("duplicate `{key}`: each constraint may be given once per value"),
        );
        return Ok(());
    }
    out.push(Constraint {
        key,
        span,
        tokens,
        kind,
    });
    Ok(())
}

/// The inside of `when(...)`: `then(...)` and `otherwise(...)`, each at most once, and
/// every other key a condition.
fn parse_when(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
) -> syn::Result<(Vec<Constraint>, Vec<Constraint>, Vec<Constraint>)> {
    let mut condition = Vec::new();
    let mut branches: [Option<Vec<Constraint>>; 2] = [None, None];
    meta.parse_nested_meta(|nested| {
        let Some(key) = Symbol::find(&nested.path, &[THEN, OTHERWISE]) else {
            return parse(cx, nested, &mut condition);
        };
        let span = nested.path.span();
        if !nested.input.peek(syn::token::Paren) {
            cx.error_at(
                span,
                format!("`{key}` takes constraints in parentheses: `{key}({PATTERN} = \"...\")`"),
            );
            return skip_value(&nested);
        }
        let mut inner = Vec::new();
        nested.parse_nested_meta(|n| parse(cx, n, &mut inner))?;
        let slot = &mut branches[usize::from(key == OTHERWISE)];
        if slot.is_some() {
            cx.error_at(
                span,
                format!("duplicate `{key}`: a `{WHEN}` has at most one"),
            );
        } else {
            *slot = Some(inner);
        }
        Ok(())
    })?;
    let [then, otherwise] = branches;
    Ok((
        condition,
        then.unwrap_or_default(),
        otherwise.unwrap_or_default(),
    ))
}
