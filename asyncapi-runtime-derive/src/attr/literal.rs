//! The literals of `#[validate]`: counts and numbers.

use syn::{Expr, ExprLit, ExprUnary, Lit, UnOp};

use crate::symbol::Symbol;

/// A number literal from an attribute, as written: integers stay exact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    /// An integer literal (`-1`, `256`).
    Int(i128),
    /// A float literal (`2.5`, `-1e3`), finite.
    Float(f64),
}

impl Num {
    /// The value as an `f64` (rounded for integers beyond 2^53).
    pub fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    /// Compares exactly when both are integers, as floats otherwise.
    pub fn partial_cmp(self, other: Num) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Some(a.cmp(&b)),
            _ => self.as_f64().partial_cmp(&other.as_f64()),
        }
    }
}

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => write!(f, "{x}"),
        }
    }
}

/// A literal, possibly negated: `5`, `-1`, `0.5`, `-2.5e3`; `true` if negated.
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
        // What a macro_rules! expansion wraps a literal in.
        Expr::Group(group) => literal(&group.expr),
        Expr::Paren(paren) => literal(&paren.expr),
        _ => None,
    }
}

/// The value of `key = expr` for a count (a length, a number of items or properties):
/// a non-negative integer literal.
pub fn count(key: Symbol, expr: &Expr) -> syn::Result<u64> {
    match literal(expr) {
        Some((false, Lit::Int(int))) => int.base10_parse::<u64>().map_err(|_| {
            syn::Error::new_spanned(expr, format!("`{key}` = {int} does not fit in u64"))
        }),
        Some((true, Lit::Int(_))) => Err(syn::Error::new_spanned(
            expr,
            format!("`{key}` cannot be negative"),
        )),
        _ => Err(syn::Error::new_spanned(
            expr,
            format!("`{key}` expects a non-negative integer literal: `{key} = 10`"),
        )),
    }
}

/// The value of `key = expr` for a bound: an integer or float literal, possibly negative.
pub fn number(key: Symbol, expr: &Expr) -> syn::Result<Num> {
    let wrong = || {
        syn::Error::new_spanned(
            expr,
            format!("`{key}` expects a number literal: `{key} = 10` or `{key} = -0.5`"),
        )
    };
    let (negative, lit) = literal(expr).ok_or_else(wrong)?;
    match lit {
        Lit::Int(int) => {
            let digits = if negative {
                format!("-{}", int.base10_digits())
            } else {
                int.base10_digits().to_string()
            };
            digits.parse::<i128>().map(Num::Int).map_err(|_| {
                syn::Error::new_spanned(expr, format!("`{key}` = {digits} does not fit in i128"))
            })
        }
        Lit::Float(float) => {
            let value: f64 = float.base10_parse()?;
            if !value.is_finite() {
                return Err(syn::Error::new_spanned(
                    expr,
                    format!("`{key}` = {float} is not a finite f64"),
                ));
            }
            Ok(Num::Float(if negative { -value } else { value }))
        }
        _ => Err(wrong()),
    }
}
