//! serde for [`Value`] and [`Map`], exact with serde_json.
//!
//! Read from serde_json, a `Value` asks for the raw text of the JSON value (serde_json's
//! `RawValue` protocol) and parses it with [`super::parse`], so numbers keep their
//! digits. Any other deserializer (serde's buffered content inside an untagged enum,
//! another format) is read value by value: numbers then arrive as `u64`, `i64` or
//! `f64`, and are kept as exactly as they arrived.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Map, Value};
use crate::number::{Number, RAW_TOKEN};

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) => n.serialize(serializer),
            Value::String(s) => serializer.serialize_str(s),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(map) => map.serialize(serializer),
        }
    }
}

impl<V: Serialize> Serialize for Map<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self {
            out.serialize_entry(key, value)?;
        }
        out.end()
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_newtype_struct(RAW_TOKEN, ValueVisitor)
    }
}

/// The text serde_json hands over for a raw value: the rest of a one-entry map whose
/// key (already recognised) is [`RAW_TOKEN`].
pub(crate) fn raw_text<'de, A: MapAccess<'de>>(
    map: &mut A,
    expected: &dyn de::Expected,
) -> Result<std::borrow::Cow<'de, str>, A::Error> {
    match map.next_key_seed(KeySeed)? {
        Some(Key::Raw) => map.next_value_seed(TextSeed),
        _ => Err(de::Error::invalid_type(de::Unexpected::Map, expected)),
    }
}

/// How a raw text that is not what was expected shows in an error.
pub(crate) fn unexpected(text: &str) -> de::Unexpected<'_> {
    match text.as_bytes().first() {
        Some(b'"') => de::Unexpected::Other("a string"),
        Some(b'[') => de::Unexpected::Seq,
        Some(b'{') => de::Unexpected::Map,
        Some(b't' | b'f') => de::Unexpected::Other("a boolean"),
        Some(b'n') => de::Unexpected::Unit,
        _ => de::Unexpected::Other(text),
    }
}

/// A member name read by a visitor: the raw-number token, or a name.
pub(crate) enum Key {
    Raw,
    Name(String),
}

/// Reads a member name as a [`Key`].
pub(crate) struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(KeySeed)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        Ok(if v == RAW_TOKEN {
            Key::Raw
        } else {
            Key::Name(v.to_string())
        })
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Key, E> {
        Ok(if v == RAW_TOKEN {
            Key::Raw
        } else {
            Key::Name(v)
        })
    }
}

/// Reads a string, borrowed from the input where it can be.
pub(crate) struct TextSeed;

impl<'de> DeserializeSeed<'de> for TextSeed {
    type Value = std::borrow::Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(TextSeed)
    }
}

impl<'de> Visitor<'de> for TextSeed {
    type Value = std::borrow::Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("raw JSON text")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(std::borrow::Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(std::borrow::Cow::Owned(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(std::borrow::Cow::Owned(v))
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Number(Number::from(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Float(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let first = match map.next_key_seed(KeySeed)? {
            None => return Ok(Value::Object(Map::new())),
            Some(Key::Raw) => {
                let text = map.next_value_seed(TextSeed)?;
                return super::parse_str(&text).map_err(de::Error::custom);
            }
            Some(Key::Name(name)) => name,
        };
        let mut members = Map::new();
        members.insert(first, map.next_value()?);
        while let Some(key) = map.next_key::<String>()? {
            if members.contains_key(&key) {
                return Err(de::Error::custom(format_args!("duplicate key {key:?}")));
            }
            let value = map.next_value()?;
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Map<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Map<V>, D::Error> {
        deserializer.deserialize_map(MapVisitor(std::marker::PhantomData))
    }
}

struct MapVisitor<V>(std::marker::PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
    type Value = Map<V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    /// A repeated key is refused: readers disagree on which of the values counts.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Map<V>, A::Error> {
        let mut members = Map::with_capacity(map.size_hint().unwrap_or(0).min(4096));
        while let Some(key) = map.next_key::<String>()? {
            if members.contains_key(&key) {
                return Err(de::Error::custom(format_args!("duplicate key {key:?}")));
            }
            let value = map.next_value()?;
            members.insert(key, value);
        }
        Ok(members)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_through_serde_json() {
        let text = r#"{"b":1.0000000000000000001,"a":[1e-400,-0,18446744073709551616]}"#;
        let v: Value = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), text);
        // Nested in a struct read by serde_json's derive.
        #[derive(Deserialize, Serialize)]
        struct Holder {
            inner: Value,
            map: Map<Value>,
        }
        let held: Holder =
            serde_json::from_str(r#"{"inner": 1.50, "map": {"x": 2.50e0}}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&held).unwrap(),
            r#"{"inner":1.50,"map":{"x":2.50e0}}"#
        );
    }

    #[test]
    fn from_serde_json_values_and_buffered_content() {
        let v: Value = serde_json::from_value(serde_json::json!({"a": [1, 2.5]})).unwrap();
        assert_eq!(v.to_string(), r#"{"a":[1,2.5]}"#);
        // serde's untagged enums buffer the input: values arrive one by one.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Text(String),
            Any(Value),
        }
        let Either::Any(v) = serde_json::from_str::<Either>(r#"{"a": [true, null, -3]}"#).unwrap()
        else {
            panic!("the object is not text")
        };
        assert!(
            matches!(serde_json::from_str::<Either>(r#""t""#).unwrap(), Either::Text(t) if t == "t")
        );
        assert_eq!(v.to_string(), r#"{"a":[true,null,-3]}"#);
    }

    #[test]
    fn duplicate_keys_are_refused() {
        assert!(serde_json::from_str::<Value>(r#"{"a":1,"a":2}"#).is_err());
        assert!(serde_json::from_str::<Map<u8>>(r#"{"a":1,"a":2}"#)
            .unwrap_err()
            .to_string()
            .contains("duplicate key \"a\""));
    }
}
