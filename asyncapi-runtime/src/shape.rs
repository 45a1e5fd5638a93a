//! [`ValidateJson`]: validating a JSON [`Value`] against a type's schema.
//!
//! Typed deserialization stops at the first value of the wrong shape. When it fails,
//! [`crate::from_slice`] re-reads the document as an exact [`Value`] and walks it with
//! these impls, so that every shape problem (missing property, wrong type, unknown
//! `const` or `enum` value) and every constraint violation is reported, each with its
//! pointer.

use serde::de::DeserializeOwned;

use crate::json::Value;
use crate::number::Number;
use crate::validate::{Keyword, Path, Report, Validate};
use crate::{Base64Data, Integer};

/// A type that can check a JSON value against its schema without deserializing it.
///
/// `#[derive(Validate)]` implements this next to [`Validate`]; the impls here cover
/// leaf types and containers.
pub trait ValidateJson: Validate + DeserializeOwned {
    /// Reports every violation of `value` against `Self`'s schema at `path`: shape
    /// (`type`, `required`, `const`, `enum`, `additionalProperties`) and constraints.
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report);
}

/// The JSON type of `value` as JSON Schema names it, for messages.
pub fn json_type(value: &Value) -> &'static str {
    value.json_type().as_str()
}

/// Reports a `type` violation: `value` is not of JSON type `expected`.
pub fn type_error(value: &Value, expected: &str, path: &Path<'_>, report: &mut Report) {
    report.push(
        path,
        Keyword::Type,
        format!("{} is not of type {expected}", describe(value)),
    );
}

/// A short rendering of a JSON value for messages.
pub fn describe(value: &Value) -> String {
    match value {
        Value::String(s) => crate::check::excerpt(s),
        Value::Array(_) => "array".into(),
        Value::Object(_) => "object".into(),
        other => other.to_string(),
    }
}

impl ValidateJson for String {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        if value.as_str().is_none() {
            type_error(value, "string", path, report)
        }
    }
}

impl ValidateJson for Base64Data {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        String::validate_json(value, path, report)
    }
}

impl ValidateJson for bool {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        if value.as_bool().is_none() {
            type_error(value, "boolean", path, report)
        }
    }
}

/// Any number an `f64` holds: one beyond its range (`1e400`) does not deserialize.
impl ValidateJson for f64 {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        match value.as_number() {
            None => type_error(value, "number", path, report),
            Some(n) if !n.as_f64().is_finite() => report.push(
                path,
                Keyword::Type,
                format!("number {n} is out of the range of f64"),
            ),
            Some(_) => {}
        }
    }
}

fn as_integer(value: &Value) -> Option<Integer> {
    let number = value.as_number()?;
    Integer::try_from(number.clone()).ok()
}

impl ValidateJson for Integer {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        if as_integer(value).is_none() {
            type_error(value, "integer", path, report)
        }
    }
}

macro_rules! native_integer {
    ($($ty:ident => $as:ident),*) => {$(
        impl ValidateJson for $ty {
            fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
                match as_integer(value) {
                    None => type_error(value, "integer", path, report),
                    Some(n) if n.$as().and_then(|v| $ty::try_from(v).ok()).is_none() => report.push(
                        path,
                        Keyword::Type,
                        format!("integer {n} is out of the range of {}", stringify!($ty)),
                    ),
                    Some(_) => {}
                }
            }
        }
    )*};
}
native_integer!(
    i64 => as_i64, i32 => as_i64, i16 => as_i64, i8 => as_i64,
    u64 => as_u64, u32 => as_u64, u16 => as_u64, u8 => as_u64
);

impl ValidateJson for f32 {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        match value.as_number() {
            None => type_error(value, "number", path, report),
            Some(n) if !(n.as_f64() as f32).is_finite() => report.push(
                path,
                Keyword::Type,
                format!("number {n} is out of the range of f32"),
            ),
            Some(_) => {}
        }
    }
}

impl ValidateJson for Box<str> {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        String::validate_json(value, path, report)
    }
}

impl ValidateJson for Value {
    fn validate_json(_: &Value, _: &Path<'_>, _: &mut Report) {}
}

/// Any JSON value; numbers beyond `f64` are rounded when read into it.
impl ValidateJson for serde_json::Value {
    fn validate_json(_: &Value, _: &Path<'_>, _: &mut Report) {}
}

impl ValidateJson for Number {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        if value.as_number().is_none() {
            type_error(value, "number", path, report)
        }
    }
}

impl<T: ValidateJson> ValidateJson for crate::Map<T> {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        match value {
            Value::Object(map) => {
                for (key, item) in map {
                    T::validate_json(item, &path.key(key), report);
                }
            }
            other => type_error(other, "object", path, report),
        }
    }
}

impl ValidateJson for serde_json::Map<String, serde_json::Value> {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        if value.as_object().is_none() {
            type_error(value, "object", path, report)
        }
    }
}

/// An optional property is absent or valid: JSON `null` is not absence. (serde's
/// derive reads `null` as `None` for a plain `Option` field, and the walk
/// `#[derive(Validate)]` emits follows it; `#[derive(FromJson)]` and the runtime's
/// `non_null` refuse it.)
impl<T: ValidateJson> ValidateJson for Option<T> {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        T::validate_json(value, path, report)
    }
}

impl<T: ValidateJson> ValidateJson for Box<T> {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        T::validate_json(value, path, report)
    }
}

impl<T: ValidateJson> ValidateJson for Vec<T> {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        match value {
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    T::validate_json(item, &path.index(index), report);
                }
            }
            other => type_error(other, "array", path, report),
        }
    }
}

impl<T: ValidateJson, S> ValidateJson for std::collections::HashMap<String, T, S>
where
    S: std::hash::BuildHasher + Default,
{
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        std::collections::BTreeMap::<String, T>::validate_json(value, path, report)
    }
}

impl<T: ValidateJson> ValidateJson for std::collections::BTreeMap<String, T> {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        match value {
            Value::Object(map) => {
                for (key, item) in map {
                    T::validate_json(item, &path.key(key), report);
                }
            }
            other => type_error(other, "object", path, report),
        }
    }
}

/// A number of properties, for `min_properties`/`max_properties` on a whole struct
/// (`#[derive(Validate)]` counts the fields present and the flattened extra properties).
#[doc(hidden)]
pub struct PropertyCount(pub usize);

impl crate::check::MaybeObject for PropertyCount {
    fn property_count(&self) -> Option<usize> {
        Some(self.0)
    }
}

/// For a required property whose schema allows `null` (`type: [T, "null"]` and listed
/// in `required`): `null` is `None`, a value is `Some`, and a *missing* property is an
/// error. Use with `#[serde(deserialize_with = ...)]` and without `default`: serde then
/// refuses a missing property instead of reading it as `None`.
pub fn nullable<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(deserializer)
}

/// The number of properties a `#[serde(flatten)]`ed map contributes to its object.
#[doc(hidden)]
pub trait FlattenedCount {
    /// How many properties.
    fn flattened_count(&self) -> usize;
}

impl<V> FlattenedCount for std::collections::BTreeMap<String, V> {
    fn flattened_count(&self) -> usize {
        self.len()
    }
}

impl<V, S> FlattenedCount for std::collections::HashMap<String, V, S> {
    fn flattened_count(&self) -> usize {
        self.len()
    }
}

impl<V> FlattenedCount for crate::Map<V> {
    fn flattened_count(&self) -> usize {
        self.len()
    }
}

impl FlattenedCount for serde_json::Map<String, serde_json::Value> {
    fn flattened_count(&self) -> usize {
        self.len()
    }
}

impl FlattenedCount for serde_json::Value {
    fn flattened_count(&self) -> usize {
        self.as_object().map_or(0, serde_json::Map::len)
    }
}

impl FlattenedCount for Value {
    fn flattened_count(&self) -> usize {
        self.as_object().map_or(0, crate::Map::len)
    }
}

impl<T: FlattenedCount> FlattenedCount for Option<T> {
    fn flattened_count(&self) -> usize {
        self.as_ref().map_or(0, T::flattened_count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Value {
        crate::json::parse_str(text).unwrap()
    }

    fn check<T: ValidateJson>(text: &str) -> Vec<(String, Keyword)> {
        let mut report = Report::new();
        T::validate_json(&json(text), &Path::ROOT, &mut report);
        report
            .into_violations()
            .into_iter()
            .map(|v| (v.pointer, v.keyword))
            .collect()
    }

    #[test]
    fn leaves_check_their_json_type() {
        assert!(check::<String>(r#""x""#).is_empty());
        assert_eq!(check::<String>("null"), vec![("".into(), Keyword::Type)]);
        assert!(check::<Integer>("5.0").is_empty());
        assert_eq!(check::<Integer>("1.5").len(), 1);
        assert!(check::<Integer>("1e308").is_empty());
        assert!(check::<Integer>("1e400").is_empty());
        assert_eq!(check::<u64>("-1").len(), 1);
        assert!(check::<u64>("5.0").is_empty());
        assert_eq!(check::<u8>("256").len(), 1);
        assert!(check::<f64>("1").is_empty());
        assert_eq!(check::<f64>("1e400").len(), 1);
        assert!(check::<f64>("1e-400").is_empty());
        assert_eq!(check::<f32>("1e39").len(), 1);
        assert!(check::<Number>("1e400").is_empty());
        assert_eq!(check::<Option<String>>("null").len(), 1);
    }

    #[test]
    fn containers_locate_items() {
        assert_eq!(
            check::<Vec<String>>(r#"["a", 1, "b", null]"#),
            vec![("/1".into(), Keyword::Type), ("/3".into(), Keyword::Type)]
        );
        assert_eq!(check::<Vec<String>>("{}").len(), 1);
        assert_eq!(
            check::<crate::Map<u8>>(r#"{"a": 1, "b/c": "x"}"#),
            vec![("/b~1c".into(), Keyword::Type)]
        );
    }
}
