//! [`Value`]: any JSON value, kept exactly: numbers as written ([`Number`]), object
//! members in their order, and [`parse`], a parser that refuses what is not JSON with
//! the line, column and JSON pointer of the problem.
//!
//! Generated types hold a `Value` wherever the schema allows any JSON (an untyped
//! schema, properties the schema does not list), so that what they read is written
//! back unchanged, digit for digit.

mod map;
mod parse;
mod serde_impl;

use std::fmt;

pub use map::Map;
pub use parse::{parse, parse_str, Parser, SyntaxError};
pub(crate) use serde_impl::{raw_text, unexpected, Key, KeySeed, TextSeed};

use crate::number::Number;

/// Any JSON value.
///
/// Equality is JSON Schema's: numbers compare by value (`1` equals `1.0`) and objects
/// regardless of member order.
#[derive(Clone, PartialEq, Eq, Default)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, exactly as written.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, members in document order.
    Object(Map),
}

/// The JSON types, as JSON Schema's `type` keyword names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum JsonType {
    /// `null`.
    Null,
    /// `boolean`.
    Boolean,
    /// `integer`: a number with no fractional part.
    Integer,
    /// `number`.
    Number,
    /// `string`.
    String,
    /// `array`.
    Array,
    /// `object`.
    Object,
}

impl JsonType {
    /// The name JSON Schema uses (`"boolean"`, `"integer"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "boolean",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }

    /// The type named `name` in a schema's `type` keyword.
    pub fn from_name(name: &str) -> Option<JsonType> {
        Some(match name {
            "null" => JsonType::Null,
            "boolean" => JsonType::Boolean,
            "integer" => JsonType::Integer,
            "number" => JsonType::Number,
            "string" => JsonType::String,
            "array" => JsonType::Array,
            "object" => JsonType::Object,
            _ => return None,
        })
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

static NULL: Value = Value::Null;

impl Value {
    /// The value's JSON type; numbers without a fractional part are
    /// [`JsonType::Integer`].
    pub fn json_type(&self) -> JsonType {
        match self {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(n) if n.is_integer() => JsonType::Integer,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }

    /// Whether the value is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Whether the value is `true` or `false`.
    pub fn is_boolean(&self) -> bool {
        matches!(self, Value::Bool(_))
    }

    /// Whether the value is a number.
    pub fn is_number(&self) -> bool {
        matches!(self, Value::Number(_))
    }

    /// Whether the value is a string.
    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    /// Whether the value is an array.
    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    /// Whether the value is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    /// The boolean, if it is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number, if it is one.
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The number as `u64`, if it is an integer that fits.
    pub fn as_u64(&self) -> Option<u64> {
        self.as_number().and_then(Number::as_u64)
    }

    /// The number as `i64`, if it is an integer that fits.
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number().and_then(Number::as_i64)
    }

    /// The number as the nearest `f64`.
    pub fn as_f64(&self) -> Option<f64> {
        self.as_number().map(Number::as_f64)
    }

    /// The string, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The items, if it is an array.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The items, mutably, if it is an array.
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members, if it is an object.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The members, mutably, if it is an object.
    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// Member `key` of an object (`None` for other values or a missing member).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|map| map.get(key))
    }

    /// The value at an RFC 6901 JSON pointer (`""` is the value itself).
    pub fn pointer(&self, pointer: &str) -> Option<&Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        rest.split('/').try_fold(self, |value, token| {
            let token = unescape_token(token);
            match value {
                Value::Object(map) => map.get(&token),
                Value::Array(items) => parse_index(&token).and_then(|i| items.get(i)),
                _ => None,
            }
        })
    }

    /// The value at an RFC 6901 JSON pointer, mutably.
    pub fn pointer_mut(&mut self, pointer: &str) -> Option<&mut Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        rest.split('/').try_fold(self, |value, token| {
            let token = unescape_token(token);
            match value {
                Value::Object(map) => map.get_mut(&token),
                Value::Array(items) => parse_index(&token).and_then(move |i| items.get_mut(i)),
                _ => None,
            }
        })
    }

    /// The value as compact JSON, numbers as written.
    pub fn to_json(&self) -> String {
        self.to_string()
    }

    /// The value as indented JSON (two spaces), numbers as written.
    pub fn to_json_pretty(&self) -> String {
        let mut out = String::new();
        write_pretty(self, 0, &mut out);
        out
    }

    /// The value as a `serde_json::Value`: numbers beyond `u64`/`i64` become the nearest
    /// `f64`, which may differ in the last digits.
    pub fn to_serde(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => number_to_serde(n),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Array(items) => {
                serde_json::Value::Array(items.iter().map(Value::to_serde).collect())
            }
            Value::Object(map) => serde_json::Value::Object(
                map.iter()
                    .map(|(key, value)| (key.clone(), value.to_serde()))
                    .collect(),
            ),
        }
    }
}

fn number_to_serde(n: &Number) -> serde_json::Value {
    if let Some(u) = n
        .as_u64()
        .filter(|_| !n.to_string().contains(['.', 'e', 'E']))
    {
        return serde_json::Value::from(u);
    }
    if let Some(i) = n
        .as_i64()
        .filter(|_| !n.to_string().contains(['.', 'e', 'E']))
    {
        return serde_json::Value::from(i);
    }
    serde_json::Number::from_f64(n.as_f64())
        .map(serde_json::Value::Number)
        .unwrap_or(serde_json::Value::Null)
}

/// The first pair of items equal as JSON Schema compares them (`(earlier, later)`).
pub(crate) fn first_duplicate(items: &[Value]) -> Option<(usize, usize)> {
    if items.len() <= 32 {
        for (i, a) in items.iter().enumerate() {
            if let Some(j) = items[..i].iter().position(|b| a == b) {
                return Some((j, i));
            }
        }
        return None;
    }
    // Many items: compare canonical spellings through a hash map.
    let mut seen = std::collections::HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let mut key = String::new();
        canonical_key(item, &mut key);
        if let Some(&j) = seen.get(&key) {
            return Some((j, i));
        }
        seen.insert(key, i);
    }
    None
}

/// A spelling of `value` shared by exactly the values equal to it.
fn canonical_key(value: &Value, out: &mut String) {
    match value {
        Value::Number(n) => {
            out.push('#');
            out.push_str(&n.canonical());
        }
        Value::Array(items) => {
            out.push('[');
            for item in items {
                canonical_key(item, out);
                out.push(',');
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut members: Vec<_> = map.iter().collect();
            members.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (key, item) in members {
                write_string(key, out);
                out.push(':');
                canonical_key(item, out);
                out.push(',');
            }
            out.push('}');
        }
        other => write_compact(other, out),
    }
}

/// `value` as a [`Value`], through its JSON (exact for the runtime's number types);
/// `null` when it cannot be written as JSON.
pub(crate) fn to_value<T: serde::Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| parse_str(&text).ok())
        .unwrap_or(Value::Null)
}

/// Reads one RFC 6901 reference token.
pub(crate) fn unescape_token(token: &str) -> String {
    if token.contains('~') {
        token.replace("~1", "/").replace("~0", "~")
    } else {
        token.to_string()
    }
}

/// An array index token: digits without leading zeros.
fn parse_index(token: &str) -> Option<usize> {
    if token.is_empty() || (token.len() > 1 && token.starts_with('0')) {
        return None;
    }
    if !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

impl std::ops::Index<&str> for Value {
    type Output = Value;

    /// Member `key`, or `null` when there is none (as serde_json's `Value` does).
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

impl std::ops::Index<usize> for Value {
    type Output = Value;

    /// Item `index`, or `null` when there is none.
    fn index(&self, index: usize) -> &Value {
        self.as_array()
            .and_then(|items| items.get(index))
            .unwrap_or(&NULL)
    }
}

impl fmt::Display for Value {
    /// Compact JSON, numbers as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_compact(self, &mut out);
        f.write_str(&out)
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Value({self})")
    }
}

fn write_compact(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            use fmt::Write;
            let _ = write!(out, "{n}");
        }
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_compact(item, out);
            }
            out.push('}');
        }
    }
}

fn write_pretty(value: &Value, indent: usize, out: &mut String) {
    let pad = |out: &mut String, level: usize| {
        for _ in 0..level {
            out.push_str("  ");
        }
    };
    match value {
        Value::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                pad(out, indent + 1);
                write_pretty(item, indent + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            pad(out, indent);
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            out.push_str("{\n");
            for (i, (key, item)) in map.iter().enumerate() {
                pad(out, indent + 1);
                write_string(key, out);
                out.push_str(": ");
                write_pretty(item, indent + 1, out);
                out.push_str(if i + 1 < map.len() { ",\n" } else { "\n" });
            }
            pad(out, indent);
            out.push('}');
        }
        other => write_compact(other, out),
    }
}

/// Writes `s` as a JSON string, escaping as serde_json does.
pub(crate) fn write_string(s: &str, out: &mut String) {
    out.push('"');
    let mut start = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            use fmt::Write;
            let _ = write!(out, "\\u{byte:04x}");
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<Number> for Value {
    fn from(n: Number) -> Value {
        Value::Number(n)
    }
}

macro_rules! from_number {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Value {
            fn from(n: $ty) -> Value {
                Value::Number(Number::from(n))
            }
        }
    )*};
}
from_number!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Value {
        Value::Array(items)
    }
}

impl From<Map> for Value {
    fn from(map: Map) -> Value {
        Value::Object(map)
    }
}

impl From<serde_json::Value> for Value {
    /// The same value (serde_json has already rounded numbers it read as `f64`).
    fn from(value: serde_json::Value) -> Value {
        Value::from(&value)
    }
}

impl From<&serde_json::Value> for Value {
    fn from(value: &serde_json::Value) -> Value {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(Number::from(n)),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(items) => {
                Value::Array(items.iter().map(Value::from).collect())
            }
            serde_json::Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(key, value)| (key.clone(), Value::from(value)))
                    .collect(),
            ),
        }
    }
}

impl From<Value> for serde_json::Value {
    fn from(value: Value) -> serde_json::Value {
        value.to_serde()
    }
}

impl std::str::FromStr for Value {
    type Err = SyntaxError;

    fn from_str(text: &str) -> Result<Value, SyntaxError> {
        parse_str(text)
    }
}

/// Any JSON value: the schema `true`.
#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Value {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AnyValue".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::Schema::from(true)
    }
}

/// An object whose members are `V`s.
#[cfg(feature = "schemars")]
impl<V: schemars::JsonSchema> schemars::JsonSchema for Map<V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Map_of_{}", V::schema_name()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, V> as schemars::JsonSchema>::json_schema(generator)
    }
}

/// Any JSON number.
#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Number {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers() {
        let v = parse_str(r#"{"a": {"b/c": [1, {"~d": true}]}}"#).unwrap();
        assert_eq!(v.pointer("/a/b~1c/1/~0d"), Some(&Value::Bool(true)));
        assert_eq!(v.pointer("/a/b~1c/01"), None);
        assert_eq!(v.pointer(""), Some(&v));
        assert_eq!(v.pointer("a"), None);
        assert_eq!(v["a"]["b/c"][0], Value::from(1));
        assert!(v["nope"][3].is_null());
    }

    #[test]
    fn equality_is_json_schemas() {
        assert_eq!(parse_str("1").unwrap(), parse_str("1.0").unwrap());
        assert_eq!(
            parse_str(r#"{"a":1,"b":2}"#).unwrap(),
            parse_str(r#"{"b":2.0,"a":1}"#).unwrap()
        );
        assert_ne!(parse_str("[1,2]").unwrap(), parse_str("[2,1]").unwrap());
        assert_ne!(parse_str("0").unwrap(), parse_str("false").unwrap());
    }

    #[test]
    fn writes_exactly() {
        let text = r#"{"z":1.50,"a":[-0,1e400,"\u0001\"\\\n"],"m":{}}"#;
        let v = parse_str(text).unwrap();
        assert_eq!(
            v.to_string(),
            r#"{"z":1.50,"a":[-0,1e400,"\u0001\"\\\n"],"m":{}}"#
        );
        assert_eq!(serde_json::to_string(&v).unwrap(), v.to_string());
        assert_eq!(
            v.to_json_pretty(),
            "{\n  \"z\": 1.50,\n  \"a\": [\n    -0,\n    1e400,\n    \"\\u0001\\\"\\\\\\n\"\n  ],\n  \"m\": {}\n}"
        );
    }

    #[test]
    fn duplicates_as_json_schema_sees_them() {
        let few = parse_str(r#"[1, {"a": 1, "b": [2]}, "x", {"b": [2.0], "a": 1.0}]"#).unwrap();
        assert_eq!(first_duplicate(few.as_array().unwrap()), Some((1, 3)));
        let many: Vec<Value> = (0..100)
            .map(Value::from)
            .chain([parse_str("42.0").unwrap()])
            .collect();
        assert_eq!(first_duplicate(&many), Some((42, 100)));
        let distinct: Vec<Value> = (0..100).map(Value::from).collect();
        assert_eq!(first_duplicate(&distinct), None);
    }

    #[test]
    fn converts_to_and_from_serde_json() {
        let v = parse_str(r#"{"a": [1, -2, 1.5, "x", null, true, 18446744073709551616]}"#).unwrap();
        let s = v.to_serde();
        assert_eq!(s["a"][0], serde_json::json!(1));
        assert_eq!(s["a"][6], serde_json::json!(18446744073709551616.0));
        assert_eq!(
            Value::from(serde_json::json!({"a": [1.5]})),
            parse_str(r#"{"a":[1.5]}"#).unwrap()
        );
    }
}
