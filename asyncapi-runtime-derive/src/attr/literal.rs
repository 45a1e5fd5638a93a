//! The literals of `#[validate]`: counts and numbers.

use std::cmp::Ordering;

use syn::{Expr, ExprLit, ExprUnary, Lit, UnOp};

use crate::symbol::Symbol;

/// A number literal from an attribute, as written: integers and JSON number text stay
/// exact.
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    /// An integer literal (`-1`, `256`).
    Int(i128),
    /// A float literal (`2.5`, `-1e3`), finite.
    Float(f64),
    /// JSON number text in a string literal (`"972783798187987123879878123.18878137"`),
    /// for bounds no Rust literal holds exactly.
    Text(String),
}

impl Num {
    /// Compares exactly, as the runtime's `Number` does: a float counts as its shortest
    /// rendering (`0.1` is one tenth), as the runtime reads it.
    pub fn cmp_exact(&self, other: &Num) -> Ordering {
        if let (Num::Int(a), Num::Int(b)) = (self, other) {
            return a.cmp(b);
        }
        Decimal::of(self).cmp(&Decimal::of(other))
    }
}

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => write!(f, "{x}"),
            Num::Text(text) => f.write_str(text),
        }
    }
}

/// A decimal value `±0.D × 10^point`, `D` without leading or trailing zeros (empty for
/// zero): the normal form two spellings of one value share.
#[derive(Debug, PartialEq, Eq)]
struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    point: i128,
}

impl Decimal {
    fn of(n: &Num) -> Decimal {
        match n {
            Num::Int(i) => Decimal::parse(&i.to_string()),
            // `{:?}` is the shortest rendering that reads back as the same f64 (the
            // runtime uses ryu for the same digits), possibly with an exponent.
            Num::Float(x) => Decimal::parse(&format!("{x:?}")),
            Num::Text(text) => Decimal::parse(text),
        }
    }

    /// Reads number text (JSON's, or Rust's rendering of a float). Exponents beyond
    /// `i128` saturate: no attribute compares numbers that far apart.
    fn parse(text: &str) -> Decimal {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = match rest.find(['e', 'E']) {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => (rest, "0"),
        };
        let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
        let exponent: i128 = exponent.parse().unwrap_or_else(|_| {
            if exponent.starts_with('-') {
                i128::MIN / 2
            } else {
                i128::MAX / 2
            }
        });
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
        let lead = all.iter().take_while(|&&d| d == 0).count();
        let mut digits = all[lead..].to_vec();
        while digits.last() == Some(&0) {
            digits.pop();
        }
        let point = (int.len() as i128 - lead as i128).saturating_add(exponent);
        Decimal {
            negative: negative && !digits.is_empty(),
            point: if digits.is_empty() { 0 } else { point },
            digits,
        }
    }

    fn cmp_magnitude(&self, other: &Decimal) -> Ordering {
        match (self.digits.is_empty(), other.digits.is_empty()) {
            (true, true) => return Ordering::Equal,
            (true, false) => return Ordering::Less,
            (false, true) => return Ordering::Greater,
            (false, false) => {}
        }
        self.point
            .cmp(&other.point)
            .then_with(|| self.digits.cmp(&other.digits))
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.cmp_magnitude(other),
            (true, true) => other.cmp_magnitude(self),
        }
    }
}

/// Whether `text` is JSON number text (RFC 8259): `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
pub fn is_json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < bytes.len() && bytes[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if bytes.first() == Some(&b'-') {
        i += 1;
    }
    match bytes.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == bytes.len()
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

/// The value of `key = expr` for a bound: an integer or float literal, possibly
/// negative, or JSON number text in a string literal.
pub fn number(key: Symbol, expr: &Expr) -> syn::Result<Num> {
    let wrong = || {
        syn::Error::new_spanned(
            expr,
            format!(
                "`{key}` expects a number literal or JSON number text: `{key} = 10`, \
                 `{key} = -0.5` or `{key} = \"0.1\"`"
            ),
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
                syn::Error::new_spanned(
                    expr,
                    format!(
                        "`{key}` = {digits} does not fit in i128; write it as JSON number \
                         text: `{key} = \"{digits}\"`"
                    ),
                )
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
        Lit::Str(text) if !negative => {
            let text = text.value();
            if is_json_number(&text) {
                Ok(Num::Text(text))
            } else {
                Err(syn::Error::new_spanned(
                    expr,
                    format!(
                        "`{key} = {text:?}` is not JSON number text (such as \"-12\", \"0.5\" \
                         or \"1e-3\")"
                    ),
                ))
            }
        }
        _ => Err(wrong()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Num {
        Num::Text(s.to_string())
    }

    #[test]
    fn json_number_text() {
        for good in [
            "0",
            "-0",
            "1.5",
            "1e3",
            "1E+3",
            "-0.0e-0",
            "123456789012345678901234567890",
        ] {
            assert!(is_json_number(good), "{good}");
        }
        for bad in [
            "", "-", "01", "1.", ".5", "+1", "1e", "1e+", "0x10", "1_000", " 1", "NaN",
        ] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }

    #[test]
    fn compares_exactly() {
        use Ordering::*;
        let cases = [
            (
                text("972783798187987123879878123.18878137"),
                text("972783798187987123879878123.18878136"),
                Greater,
            ),
            (text("1.0"), Num::Int(1), Equal),
            (text("10e-1"), text("0.1e1"), Equal),
            (text("-0"), Num::Int(0), Equal),
            (text("-0.5"), Num::Float(-0.5), Equal),
            (Num::Float(0.1), text("0.1"), Equal),
            (Num::Float(0.1), text("0.10000000000000001"), Less),
            (Num::Float(1e300), text("1e300"), Equal),
            (text("-2"), text("-10"), Greater),
            (text("1e-400"), Num::Int(0), Greater),
            (text("-1e-400"), Num::Int(0), Less),
            (
                text("1e99999999999999999999999999999999999999999"),
                text("1e400"),
                Greater,
            ),
            (Num::Int(i128::MAX), Num::Int(i128::MIN), Greater),
            (
                text("170141183460469231731687303715884105728"),
                Num::Int(i128::MAX),
                Greater,
            ),
        ];
        for (a, b, expected) in cases {
            assert_eq!(a.cmp_exact(&b), expected, "{a} vs {b}");
            assert_eq!(b.cmp_exact(&a), expected.reverse(), "{b} vs {a}");
        }
    }
}
