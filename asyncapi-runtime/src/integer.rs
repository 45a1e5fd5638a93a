//! JSON Schema integers: any JSON number with a zero fractional part.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::check::{MaybeNumber, Number};
use crate::validate::{Path, Report, Validate};

/// A `type: integer` value whose schema sets no bounds that fit a Rust integer type.
///
/// JSON Schema calls any number with a zero fractional part an integer: `5`, `5.0`,
/// `1e3`, and `1e308` too. This type accepts all of them, keeps `i64`/`u64` values
/// exact, and keeps larger ones as the integral `f64` JSON parsing produced. Fields whose
/// schema bounds fit `i64` or `u64` are generated with those types instead.
#[derive(Clone, Copy, PartialEq)]
pub struct Integer(Repr);

#[derive(Clone, Copy, PartialEq, Debug)]
enum Repr {
    Signed(i64),
    Unsigned(u64),
    /// Integral, finite, and outside both `i64` and `u64`.
    Big(f64),
}

impl Integer {
    /// The value as `u64`, when it is one.
    pub fn as_u64(self) -> Option<u64> {
        match self.0 {
            Repr::Unsigned(u) => Some(u),
            Repr::Signed(i) => u64::try_from(i).ok(),
            Repr::Big(_) => None,
        }
    }

    /// The value as `i64`, when it is one.
    pub fn as_i64(self) -> Option<i64> {
        match self.0 {
            Repr::Signed(i) => Some(i),
            Repr::Unsigned(u) => i64::try_from(u).ok(),
            Repr::Big(_) => None,
        }
    }

    /// The value as `f64` (rounded beyond 2^53).
    pub fn as_f64(self) -> f64 {
        match self.0 {
            Repr::Signed(i) => i as f64,
            Repr::Unsigned(u) => u as f64,
            Repr::Big(f) => f,
        }
    }

    /// An integer from an `f64`, when it is finite with a zero fractional part.
    pub fn from_f64(value: f64) -> Option<Self> {
        if !value.is_finite() || value.fract() != 0.0 {
            return None;
        }
        // The casts are exact inside these ranges (bounds are powers of two).
        Some(if (0.0..18_446_744_073_709_551_616.0).contains(&value) {
            Integer(Repr::Unsigned(value as u64))
        } else if (-9_223_372_036_854_775_808.0..0.0).contains(&value) {
            Integer(Repr::Signed(value as i64))
        } else {
            Integer(Repr::Big(value))
        })
    }
}

impl From<i64> for Integer {
    fn from(value: i64) -> Self {
        if value >= 0 {
            Integer(Repr::Unsigned(value as u64))
        } else {
            Integer(Repr::Signed(value))
        }
    }
}

impl From<u64> for Integer {
    fn from(value: u64) -> Self {
        Integer(Repr::Unsigned(value))
    }
}

impl From<u32> for Integer {
    fn from(value: u32) -> Self {
        Integer(Repr::Unsigned(u64::from(value)))
    }
}

impl From<i32> for Integer {
    fn from(value: i32) -> Self {
        Integer::from(i64::from(value))
    }
}

impl PartialEq<u64> for Integer {
    fn eq(&self, other: &u64) -> bool {
        self.as_u64() == Some(*other)
    }
}

impl PartialEq<i64> for Integer {
    fn eq(&self, other: &i64) -> bool {
        self.as_i64() == Some(*other)
    }
}

impl fmt::Debug for Integer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Integer({self})")
    }
}

impl fmt::Display for Integer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Repr::Signed(i) => write!(f, "{i}"),
            Repr::Unsigned(u) => write!(f, "{u}"),
            Repr::Big(x) => write!(f, "{x:e}"),
        }
    }
}

impl Default for Integer {
    fn default() -> Self {
        Integer(Repr::Unsigned(0))
    }
}

impl Serialize for Integer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Repr::Signed(i) => serializer.serialize_i64(i),
            Repr::Unsigned(u) => serializer.serialize_u64(u),
            Repr::Big(x) => serializer.serialize_f64(x),
        }
    }
}

impl<'de> Deserialize<'de> for Integer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(IntegerVisitor)
    }
}

struct IntegerVisitor;

impl Visitor<'_> for IntegerVisitor {
    type Value = Integer;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Integer, E> {
        Ok(Integer::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Integer, E> {
        Ok(Integer::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Integer, E> {
        Integer::from_f64(v).ok_or_else(|| E::invalid_type(de::Unexpected::Float(v), &self))
    }
}

impl MaybeNumber for Integer {
    fn as_number(&self) -> Option<Number> {
        Some(match self.0 {
            Repr::Signed(i) => Number::Int(i128::from(i)),
            Repr::Unsigned(u) => Number::Int(i128::from(u)),
            Repr::Big(x) => Number::Float(x),
        })
    }
}

impl Validate for Integer {
    fn validate_at(&self, _: &Path<'_>, _: &mut Report) {}
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Integer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Integer".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "integer" })
    }
}

/// Deserializers for native integer fields that accept `5.0` as JSON Schema does.
///
/// The generator points `#[serde(deserialize_with)]` at these for `i64`/`u64` fields.
pub mod native {
    use super::*;

    fn to<T: TryFrom<i64> + TryFrom<u64>, E: de::Error>(value: Integer) -> Result<T, E> {
        let fits = match value.0 {
            Repr::Signed(i) => T::try_from(i).ok(),
            Repr::Unsigned(u) => T::try_from(u).ok(),
            Repr::Big(_) => None,
        };
        fits.ok_or_else(|| {
            E::custom(format_args!(
                "integer {value} is out of the range of {}",
                std::any::type_name::<T>()
            ))
        })
    }

    /// `i64`, accepting integral floats.
    pub fn i64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        to(Integer::deserialize(deserializer)?)
    }

    /// `u64`, accepting integral floats.
    pub fn u64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
        to(Integer::deserialize(deserializer)?)
    }

    /// `Option<i64>` (with `#[serde(default)]`), accepting integral floats.
    pub fn option_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        Option::<Integer>::deserialize(d)?.map(to).transpose()
    }

    /// `Option<u64>` (with `#[serde(default)]`), accepting integral floats.
    pub fn option_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        Option::<Integer>::deserialize(d)?.map(to).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Integer, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    #[test]
    fn accepts_integral_numbers() {
        assert_eq!(parse("5").unwrap(), 5u64);
        assert_eq!(parse("5.0").unwrap(), 5u64);
        assert_eq!(parse("-0.0").unwrap(), 0u64);
        assert_eq!(parse("1e3").unwrap(), 1000u64);
        assert_eq!(parse("-1").unwrap(), -1i64);
        assert_eq!(parse("18446744073709551615").unwrap(), u64::MAX);
        assert_eq!(
            parse("18446744073709551616").unwrap().as_f64(),
            2f64.powi(64)
        );
        assert_eq!(parse("1e308").unwrap().as_f64(), 1e308);
        assert_eq!(parse("9007199254740993").unwrap(), 9_007_199_254_740_993u64);
    }

    #[test]
    fn refuses_fractions_and_non_numbers() {
        assert!(parse("1.5").unwrap_err().contains("expected an integer"));
        assert!(parse("\"5\"").is_err());
        assert!(parse("null").is_err());
    }

    #[test]
    fn round_trips_by_value() {
        for text in ["5", "-7", "18446744073709551615"] {
            let n = parse(text).unwrap();
            assert_eq!(serde_json::to_string(&n).unwrap(), text);
        }
        let big = parse("1e308").unwrap();
        let back: f64 = serde_json::from_str(&serde_json::to_string(&big).unwrap()).unwrap();
        assert_eq!(back, 1e308);
    }
}
