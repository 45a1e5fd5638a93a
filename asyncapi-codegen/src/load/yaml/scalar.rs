//! What a YAML scalar is: the YAML 1.2 core schema's reading of plain scalars, with
//! numbers kept as the exact JSON number they spell.
//!
//! Where serde_yaml 0.9 (the loader before this one) read more than the core schema,
//! the same is read here so that documents keep their meaning: a sign before a hex,
//! octal or binary integer (`-0x1F`, `0b101`). Where it lost digits (integers beyond
//! 128 bits, floats beyond `f64`), the number is now kept exactly.

use asyncapi_runtime::Number;

/// A plain scalar's type under the core schema.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Plain {
    Null,
    Bool(bool),
    Number(Number),
    /// `.inf`, `-.inf`, `.nan`: floats that JSON cannot hold.
    NotJson,
    String,
}

/// Reads a plain (unquoted, untagged) scalar.
pub(super) fn plain(text: &str) -> Plain {
    if is_null(text) {
        return Plain::Null;
    }
    if let Some(b) = boolean(text) {
        return Plain::Bool(b);
    }
    match number(text) {
        Some(Some(n)) => Plain::Number(n),
        Some(None) => Plain::NotJson,
        None => Plain::String,
    }
}

pub(super) fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

pub(super) fn boolean(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// The number `text` spells: `None` when it is no number, `Some(None)` for the
/// infinities and NaN.
pub(super) fn number(text: &str) -> Option<Option<Number>> {
    if let Some(n) = integer(text) {
        return Some(Some(n));
    }
    float(text)
}

/// An integer: decimal (`[-+]?[0-9]+`, no leading zeros, as serde_yaml), or `0x`,
/// `0o`, `0b` with an optional sign, up to 128 bits (as serde_yaml; longer ones are
/// strings there, and stay strings).
pub(super) fn integer(text: &str) -> Option<Number> {
    let (negative, unsigned) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(digits) = unsigned.strip_prefix(prefix) {
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return None;
            }
            let magnitude = u128::from_str_radix(digits, radix).ok()?;
            if negative {
                // i128's range, as serde_yaml.
                if magnitude > 1u128 << 127 {
                    return None;
                }
                return Number::from_json(&format!("-{magnitude}")).ok();
            }
            return Number::from_json(&magnitude.to_string()).ok();
        }
    }
    if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if unsigned.len() > 1 && unsigned.starts_with('0') {
        // `007`: a string, as YAML 1.2 and serde_yaml read it.
        return None;
    }
    let json = if negative { text } else { unsigned };
    Number::from_json(json).ok()
}

/// A float: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, written as JSON
/// (`+1.` -> `1.0`, `.5` -> `0.5`, `01.5` -> `1.5`); `Some(None)` for `.inf`, `-.inf`,
/// `+.inf` and `.nan` in their three spellings.
pub(super) fn float(text: &str) -> Option<Option<Number>> {
    let (sign, unsigned) = match text.as_bytes().first()? {
        b'-' => ("-", &text[1..]),
        b'+' => ("", &text[1..]),
        _ => ("", text),
    };
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(text, ".nan" | ".NaN" | ".NAN") {
        return Some(None);
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], Some(&mantissa[i + 1..])),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !fraction.is_none_or(digits) {
        return None;
    }
    if whole.is_empty() && fraction.is_none_or(str::is_empty) {
        return None;
    }
    if let Some(exponent) = exponent {
        let exponent_digits = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
        if exponent_digits.is_empty() || !digits(exponent_digits) {
            return None;
        }
    }
    if fraction.is_none() && exponent.is_none() && whole.len() > 1 && whole.starts_with('0') {
        // `007`: a string, as serde_yaml reads it (`007e1` and `00.5` are numbers).
        return None;
    }
    let mut json = String::with_capacity(text.len() + 2);
    json.push_str(sign);
    let whole = whole.trim_start_matches('0');
    json.push_str(if whole.is_empty() { "0" } else { whole });
    if let Some(fraction) = fraction {
        json.push('.');
        json.push_str(if fraction.is_empty() { "0" } else { fraction });
    }
    if let Some(exponent) = exponent {
        // The exponent as written, `e` or `E`.
        json.push_str(&unsigned[mantissa.len()..mantissa.len() + 1]);
        json.push_str(exponent);
    }
    Some(Number::from_json(&json).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        match plain(s) {
            Plain::Number(n) => n.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn core_schema() {
        for null in ["", "~", "null", "Null", "NULL"] {
            assert_eq!(plain(null), Plain::Null, "{null:?}");
        }
        for (s, b) in [
            ("true", true),
            ("True", true),
            ("TRUE", true),
            ("false", false),
            ("FALSE", false),
        ] {
            assert_eq!(plain(s), Plain::Bool(b));
        }
        for string in [
            "nULL", "tRUE", "yes", "no", "on", "1_000", "0x", "0xG", "1e", "e1", ".", "-", "+",
            "007", "-007", "1.2.3", "0o8", "inf", "nan", "+.nan", "1:30", "0x+1", "--1", "+-1",
            "1e1.5",
        ] {
            assert_eq!(plain(string), Plain::String, "{string:?}");
        }
        for not_json in [
            ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN",
        ] {
            assert_eq!(plain(not_json), Plain::NotJson, "{not_json:?}");
        }
    }

    #[test]
    fn numbers_are_written_as_json_and_keep_every_digit() {
        for (yaml, json) in [
            ("0", "0"),
            ("-0", "-0"),
            ("+0", "0"),
            ("+1", "1"),
            ("-17", "-17"),
            ("0x1F", "31"),
            ("-0x1F", "-31"),
            ("0o17", "15"),
            ("0b101", "5"),
            (
                "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
                "340282366920938463463374607431768211455",
            ),
            (".5", "0.5"),
            ("-.5", "-0.5"),
            ("1.", "1.0"),
            ("1.e3", "1.0e3"),
            ("01.5", "1.5"),
            ("00.5", "0.5"),
            ("1e5", "1e5"),
            ("1E+05", "1E+05"),
            ("+1.5e-3", "1.5e-3"),
            ("1e400", "1e400"),
            (
                "123456789012345678901234567890123456789012",
                "123456789012345678901234567890123456789012",
            ),
            (
                "972783798187987123879878123.18878137",
                "972783798187987123879878123.18878137",
            ),
        ] {
            assert_eq!(text(yaml), json, "{yaml}");
        }
        // Beyond 128 bits a hex literal stays a string, as before.
        assert_eq!(plain("0x1FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"), Plain::String);
    }
}
