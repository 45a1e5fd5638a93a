//! Reading a value that may be one of several types (a union of alternatives, an
//! enum of JSON values): the value is read once, exactly, and then each candidate
//! type is tried on it, chosen by the schema it matches or by its JSON type.

use std::fmt;

use serde::de::{self, DeserializeOwned, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use crate::json::{JsonType, Value};
use crate::schema::LazySchema;

/// A value read for a choice among types.
pub struct Choice {
    value: Value,
    text: String,
}

impl Choice {
    /// Reads any JSON value (exactly, from serde_json).
    pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Choice, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let text = value.to_string();
        Ok(Choice { value, text })
    }

    /// The value read.
    pub fn value(&self) -> &Value {
        &self.value
    }

    /// The value read, owned.
    pub fn into_value(self) -> Value {
        self.value
    }

    /// The value's JSON type.
    pub fn json_type(&self) -> JsonType {
        self.value.json_type()
    }

    /// Whether the value's JSON type is one of `names` (`"integer"` counts as a
    /// `"number"` too).
    pub fn is(&self, names: &[&str]) -> bool {
        let own = self.json_type();
        names
            .iter()
            .any(|name| *name == own.as_str() || (*name == "number" && own == JsonType::Integer))
    }

    /// Whether the value matches entry `entry` of `schemas`.
    pub fn matches(&self, schemas: &LazySchema, entry: usize) -> bool {
        schemas.is_valid(entry, &self.value)
    }

    /// The value read as `T`.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(&self.text)
    }

    /// The error for a value no candidate takes.
    pub fn none<E: de::Error>(&self, what: &str) -> E {
        E::custom(format_args!(
            "{} is none of the alternatives of {what}",
            crate::schema::describe_value(&self.value)
        ))
    }
}

impl fmt::Debug for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Choice({})", self.text)
    }
}

/// Writes the JSON literal `text` (generated enums of JSON values).
pub fn write_literal<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    match crate::json::parse_str(text) {
        Ok(value) => value.serialize(serializer),
        Err(error) => Err(serde::ser::Error::custom(error)),
    }
}

/// Reads a value that must equal one of the JSON literals `texts` (as JSON Schema
/// compares: `1` equals `1.0`); its index.
pub fn read_literal<'de, D: Deserializer<'de>>(
    deserializer: D,
    texts: &[&str],
) -> Result<usize, D::Error> {
    let value = Value::deserialize(deserializer)?;
    texts
        .iter()
        .position(|text| crate::json::parse_str(text).is_ok_and(|literal| literal == value))
        .ok_or_else(|| {
            de::Error::custom(format_args!(
                "{} is not one of {}",
                crate::schema::describe_value(&value),
                texts.join(", ")
            ))
        })
}

/// `value` as the runtime's exact `Value`, through its JSON.
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    crate::json::to_value(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals() {
        let texts = ["3", "true", "null", "{\"a\":[1]}"];
        let mut de = serde_json::Deserializer::from_str("3.0");
        assert_eq!(read_literal(&mut de, &texts).unwrap(), 0);
        let mut de = serde_json::Deserializer::from_str("{\"a\": [1.0]}");
        assert_eq!(read_literal(&mut de, &texts).unwrap(), 3);
        let mut de = serde_json::Deserializer::from_str("4");
        assert!(read_literal(&mut de, &texts)
            .unwrap_err()
            .to_string()
            .contains("4 is not one of 3, true"));
        let mut out = Vec::new();
        write_literal("1.50", &mut serde_json::Serializer::new(&mut out)).unwrap();
        assert_eq!(out, b"1.50");
    }

    #[test]
    fn choices() {
        let mut de = serde_json::Deserializer::from_str("[1, 1e400]");
        let choice = Choice::read(&mut de).unwrap();
        assert!(choice.is(&["array"]));
        let back: Value = choice.parse().unwrap();
        assert_eq!(back.to_string(), "[1,1e400]");
        let mut de = serde_json::Deserializer::from_str("5");
        assert!(Choice::read(&mut de).unwrap().is(&["number"]));
    }
}
