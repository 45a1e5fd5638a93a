//! JSON Schema integers: any JSON number with a zero fractional part.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use crate::check::MaybeNumber;
use crate::number::Number;
use crate::validate::{Path, Report, Validate};

/// A `type: integer` value whose schema sets no bounds that fit a Rust integer type.
///
/// JSON Schema calls any number with a zero fractional part an integer: `5`, `5.0`,
/// `1e3`, and `1e308` too. This type accepts all of them, of any size, and keeps them
/// exactly as written (`5.0` is written back as `5.0`). Fields whose schema bounds fit
/// `i64` or `u64` are generated with those types instead.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Integer(Number);

impl Integer {
    /// The value as `u64`, when it is one.
    pub fn as_u64(&self) -> Option<u64> {
        self.0.as_u64()
    }

    /// The value as `i64`, when it is one.
    pub fn as_i64(&self) -> Option<i64> {
        self.0.as_i64()
    }

    /// The value as the nearest `f64`.
    pub fn as_f64(&self) -> f64 {
        self.0.as_f64()
    }

    /// The exact number.
    pub fn as_number(&self) -> &Number {
        &self.0
    }

    /// An integer from an `f64`, when it is finite with a zero fractional part.
    pub fn from_f64(value: f64) -> Option<Self> {
        Integer::try_from(Number::from_f64(value)?).ok()
    }
}

impl TryFrom<Number> for Integer {
    type Error = Number;

    /// The number, when it is an integer (`5.0` is); otherwise it is handed back.
    fn try_from(number: Number) -> Result<Integer, Number> {
        if number.is_integer() {
            Ok(Integer(number))
        } else {
            Err(number)
        }
    }
}

impl From<Integer> for Number {
    fn from(value: Integer) -> Number {
        value.0
    }
}

macro_rules! from_int {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Integer {
            fn from(value: $ty) -> Self {
                Integer(Number::from(value))
            }
        }
    )*};
}
from_int!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, i128);

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
    /// The integer as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Default for Integer {
    fn default() -> Self {
        Integer::from(0u8)
    }
}

impl std::str::FromStr for Integer {
    type Err = crate::NumberError;

    /// JSON number text with no fractional part.
    fn from_str(text: &str) -> Result<Integer, Self::Err> {
        let number: Number = text.parse()?;
        Integer::try_from(number).map_err(|_| crate::number::not_a_number(text))
    }
}

impl Serialize for Integer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Integer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let number = Number::deserialize(deserializer)?;
        Integer::try_from(number).map_err(|number| {
            de::Error::invalid_value(
                de::Unexpected::Other(&format!("the number {number}")),
                &"an integer",
            )
        })
    }
}

impl MaybeNumber for Integer {
    fn as_number(&self) -> Option<Cow<'_, Number>> {
        Some(Cow::Borrowed(&self.0))
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
        let fits = match (value.as_u64(), value.as_i64()) {
            (Some(u), _) => T::try_from(u).ok(),
            (None, Some(i)) => T::try_from(i).ok(),
            (None, None) => None,
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

    /// `Some(i64)`: an optional field that is present (absent is `None` without
    /// reading anything; JSON `null` is refused, as it is not absence).
    pub fn some_i64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
        i64(deserializer).map(Some)
    }

    /// `Some(u64)`, as [`some_i64`].
    pub fn some_u64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
        u64(deserializer).map(Some)
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
    fn round_trips_exactly() {
        for text in [
            "5",
            "-7",
            "18446744073709551615",
            "5.0",
            "1e3",
            "-0",
            "18446744073709551616",
            "1e308",
        ] {
            let n = parse(text).unwrap();
            assert_eq!(serde_json::to_string(&n).unwrap(), text);
        }
    }
}
