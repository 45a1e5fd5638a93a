//! [`Nullable`]: a value whose schema allows JSON `null` (`type: [T, "null"]`).
//!
//! JSON Schema tells an absent property from a property that is `null`; `Option` alone
//! cannot. Generated code therefore writes
//! - a required nullable property as `Nullable<T>`: present, `null` or a value;
//! - an optional nullable property as `Option<Nullable<T>>`: `None` when absent (and
//!   omitted when written), `Some(Nullable::Null)` when `null` (and written as `null`),
//!   `Some(Nullable::Value(v))` otherwise.
//!
//! Constraints (`maxLength`, `minimum`, ...) apply to the value and never to `null`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use std::borrow::Cow;

use crate::check::{MaybeItems, MaybeMap, MaybeNumber, MaybeObject, MaybeText};
use crate::json::Value;
use crate::number::Number;
use crate::shape::ValidateJson;
use crate::validate::{Path, Report, Validate};

/// JSON `null`, or a value of `T`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Nullable<T> {
    /// JSON `null`.
    Null,
    /// A value.
    Value(T),
}

impl<T> Nullable<T> {
    /// Whether this is `null`.
    pub const fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// The value, or `None` for `null`.
    pub fn value(&self) -> Option<&T> {
        match self {
            Nullable::Null => None,
            Nullable::Value(value) => Some(value),
        }
    }

    /// `Nullable<&T>`.
    pub const fn as_ref(&self) -> Nullable<&T> {
        match self {
            Nullable::Null => Nullable::Null,
            Nullable::Value(value) => Nullable::Value(value),
        }
    }

    /// The value, or `None` for `null`.
    pub fn into_option(self) -> Option<T> {
        self.into()
    }

    /// Applies `f` to the value.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Nullable<U> {
        match self {
            Nullable::Null => Nullable::Null,
            Nullable::Value(value) => Nullable::Value(f(value)),
        }
    }
}

impl<T> Default for Nullable<T> {
    /// `null`.
    fn default() -> Self {
        Nullable::Null
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    fn from(value: Option<T>) -> Self {
        match value {
            None => Nullable::Null,
            Some(value) => Nullable::Value(value),
        }
    }
}

impl<T> From<Nullable<T>> for Option<T> {
    fn from(value: Nullable<T>) -> Self {
        match value {
            Nullable::Null => None,
            Nullable::Value(value) => Some(value),
        }
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Null => serializer.serialize_none(),
            Nullable::Value(value) => serializer.serialize_some(value),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(Nullable::from)
    }
}

impl<T: Validate> Validate for Nullable<T> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        if let Nullable::Value(value) = self {
            value.validate_at(path, report)
        }
    }
}

/// `null` conforms; anything else is checked as `T`.
impl<T: ValidateJson> ValidateJson for Nullable<T> {
    fn validate_json(value: &Value, path: &Path<'_>, report: &mut Report) {
        if !value.is_null() {
            T::validate_json(value, path, report)
        }
    }
}

impl<T: MaybeText> MaybeText for Nullable<T> {
    fn as_text(&self) -> Option<&str> {
        self.value().and_then(MaybeText::as_text)
    }
}

impl<T: MaybeNumber> MaybeNumber for Nullable<T> {
    fn as_number(&self) -> Option<Cow<'_, Number>> {
        self.value().and_then(MaybeNumber::as_number)
    }
}

impl<T: MaybeItems> MaybeItems for Nullable<T> {
    type Item = T::Item;
    fn as_items(&self) -> Option<&[T::Item]> {
        self.value().and_then(MaybeItems::as_items)
    }
}

impl<T: MaybeObject> MaybeObject for Nullable<T> {
    fn property_count(&self) -> Option<usize> {
        self.value().and_then(MaybeObject::property_count)
    }
}

impl<T: MaybeMap> MaybeMap for Nullable<T> {
    type Value = T::Value;
    fn map_values(&self) -> Option<impl Iterator<Item = (&str, &T::Value)>> {
        self.value().and_then(MaybeMap::map_values)
    }
}

/// `T`'s schema, or `null` (as schemars describes `Option<T>`); unlike an `Option`
/// field, a `Nullable` field is required unless it is an `Option<Nullable<T>>`.
#[cfg(feature = "schemars")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Nullable<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Nullable_{}", T::schema_name()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Option<T> as schemars::JsonSchema>::json_schema(generator)
    }
}

impl<T: crate::IntoOwned> crate::IntoOwned for Nullable<T> {
    type Owned = Nullable<T::Owned>;
    fn into_owned(self) -> Nullable<T::Owned> {
        self.map(T::into_owned)
    }
}

/// Deserializers for nullable fields, named by the generator in
/// `#[serde(deserialize_with)]`.
pub mod de {
    use super::*;
    use crate::integer::native;

    /// A required nullable property (`Nullable<T>`, without `default`: serde refuses it
    /// missing).
    pub fn required<'de, D, T>(deserializer: D) -> Result<Nullable<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        Nullable::deserialize(deserializer)
    }

    /// An optional nullable property (`Option<Nullable<T>>`, with `default`: absent is
    /// `None`, `null` is `Some(Nullable::Null)`).
    pub fn optional<'de, D, T>(deserializer: D) -> Result<Option<Nullable<T>>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        Nullable::deserialize(deserializer).map(Some)
    }

    /// [`required`] for `i64`, accepting integral floats (`5.0`).
    pub fn required_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Nullable<i64>, D::Error> {
        native::option_i64(d).map(Nullable::from)
    }

    /// [`required`] for `u64`, accepting integral floats (`5.0`).
    pub fn required_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Nullable<u64>, D::Error> {
        native::option_u64(d).map(Nullable::from)
    }

    /// [`optional`] for `i64`, accepting integral floats (`5.0`).
    pub fn optional_i64<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Nullable<i64>>, D::Error> {
        required_i64(d).map(Some)
    }

    /// [`optional`] for `u64`, accepting integral floats (`5.0`).
    pub fn optional_u64<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Nullable<u64>>, D::Error> {
        required_u64(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Holder {
        #[serde(deserialize_with = "de::required")]
        required: Nullable<String>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "de::optional_i64"
        )]
        optional: Option<Nullable<i64>>,
    }

    fn read(value: serde_json::Value) -> Result<Holder, String> {
        serde_json::from_value(value).map_err(|e| e.to_string())
    }

    #[test]
    fn absent_null_and_value_are_three_things() {
        let absent = read(json!({"required": null})).unwrap();
        assert_eq!(absent.required, Nullable::Null);
        assert_eq!(absent.optional, None);
        assert_eq!(
            serde_json::to_value(&absent).unwrap(),
            json!({"required": null})
        );
        let null = read(json!({"required": "x", "optional": null})).unwrap();
        assert_eq!(null.required, Nullable::Value("x".into()));
        assert_eq!(null.optional, Some(Nullable::Null));
        assert_eq!(
            serde_json::to_value(&null).unwrap(),
            json!({"required": "x", "optional": null})
        );
        let value = read(json!({"required": null, "optional": 5.0})).unwrap();
        assert_eq!(value.optional, Some(Nullable::Value(5)));
        assert_eq!(
            serde_json::to_value(&value).unwrap(),
            json!({"required": null, "optional": 5})
        );
        assert!(read(json!({}))
            .unwrap_err()
            .contains("missing field `required`"));
        assert!(read(json!({"required": null, "optional": 1.5})).is_err());
    }

    #[test]
    fn constraints_see_the_value_only() {
        let null: Nullable<String> = Nullable::Null;
        assert_eq!(null.as_text(), None);
        assert_eq!(Nullable::Value("ab".to_string()).as_text(), Some("ab"));
        assert_eq!(
            Some(Nullable::Value(3i64)).as_number(),
            Some(std::borrow::Cow::Owned(Number::from(3u8)))
        );
        let mut report = Report::new();
        Nullable::<String>::validate_json(&Value::Null, &Path::ROOT, &mut report);
        Nullable::<String>::validate_json(&Value::from("x"), &Path::ROOT, &mut report);
        assert!(report.into_violations().is_empty());
        let mut report = Report::new();
        Nullable::<String>::validate_json(&Value::from(1), &Path::ROOT, &mut report);
        assert_eq!(report.into_violations().len(), 1);
    }
}
