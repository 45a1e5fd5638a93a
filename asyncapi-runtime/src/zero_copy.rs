//! Zero-copy parsing: the `borrowed` twins of the generated types.
//!
//! Every generated type that holds text has a twin in the `borrowed` module of the
//! generated code (`borrowed::OrderPlaced<'a>`) with the same fields, the same
//! serde attributes and the same `#[validate]` constraints, whose strings are
//! `Cow<'a, str>` and whose base64 data is [`Base64Ref<'a>`]. A JSON string without
//! escapes is borrowed from the input; one with escapes (`"a\nb"`) is unescaped into an
//! owned `String`. Types without text (unit enums, numbers) are shared with the owned
//! module, and properties the schema does not list are kept as JSON, as in the owned
//! types (they are rare, and an empty map costs nothing).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::base64_data::check_base64;
use crate::error::Error;
use crate::shape::ValidateJson;
use crate::validate::{Path, Report, Validate};
use crate::{Base64Data, Base64Error, Integer};

/// A borrowed generated type, linked to the owned type it mirrors.
///
/// Implemented by the generated code for every type of its `borrowed` module. The owned
/// type's schema walk ([`ValidateJson`]) is what locates shape errors, so a document
/// refused by the borrowed parse is reported exactly as the owned parse reports it.
pub trait Borrowed<'de>: Deserialize<'de> + Validate {
    /// The owned type with the same schema.
    type Owned: ValidateJson;
}

/// Conversion of a borrowed value into its owned form (`Cow<str>` into `String`,
/// [`Base64Ref`] into [`Base64Data`], generated twins into their owned types).
pub trait IntoOwned {
    /// The owned form.
    type Owned;

    /// Converts, copying only what is still borrowed.
    fn into_owned(self) -> Self::Owned;
}

/// Parses `bytes` as JSON into a borrowed type and validates it: like
/// [`crate::from_slice`], with strings borrowed from `bytes` where they need no
/// unescaping. Errors are the same as [`crate::from_slice`] gives for the owned type.
///
/// ```
/// use std::borrow::Cow;
/// use asyncapi_runtime::{Borrowed, Validate};
///
/// #[derive(serde::Deserialize, Validate)]
/// struct Reading {
///     #[validate(min_length = 1)]
///     sensor: String,
/// }
///
/// // The zero-copy twin: the same fields and checks, strings lent by the input.
/// #[derive(Debug, serde::Deserialize, Validate)]
/// struct ReadingRef<'a> {
///     #[serde(borrow)]
///     #[validate(min_length = 1)]
///     sensor: Cow<'a, str>,
/// }
///
/// impl<'a> Borrowed<'a> for ReadingRef<'a> {
///     type Owned = Reading;
/// }
///
/// let input = br#"{"sensor": "hall-7"}"#;
/// let reading: ReadingRef = asyncapi_runtime::from_slice_borrowed(input)?;
/// assert!(matches!(reading.sensor, Cow::Borrowed("hall-7")));
/// let error = asyncapi_runtime::from_slice_borrowed::<ReadingRef>(br#"{"sensor": ""}"#);
/// assert_eq!(error.unwrap_err().violations()[0].pointer, "/sensor");
/// # Ok::<(), asyncapi_runtime::Error>(())
/// ```
pub fn from_slice_borrowed<'a, T: Borrowed<'a>>(bytes: &'a [u8]) -> Result<T, Error> {
    crate::parse::parse_bytes::<T, T::Owned>(bytes)
}

/// Parses `text` as JSON into a borrowed type and validates it (see
/// [`from_slice_borrowed`]).
pub fn from_str_borrowed<'a, T: Borrowed<'a>>(text: &'a str) -> Result<T, Error> {
    crate::parse::parse_text::<T, T::Owned>(text)
}

/// [`Base64Data`] borrowed from the input: standard, padded base64 text, kept exactly
/// as received, checked and decoded the same way.
#[derive(Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Base64Ref<'a>(Cow<'a, str>);

impl<'a> Base64Ref<'a> {
    /// Wraps base64 text as received, without checking it (see [`Base64Ref::check`]).
    pub fn from_text(text: impl Into<Cow<'a, str>>) -> Self {
        Base64Ref(text.into())
    }

    /// The base64 text, exactly as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, borrowed when it was borrowed from the input.
    pub fn as_cow(&self) -> &Cow<'a, str> {
        &self.0
    }

    /// Whether the text is standard, padded base64 with zero trailing bits.
    pub fn check(&self) -> Result<(), Base64Error> {
        check_base64(&self.0)
    }

    /// Decodes the data.
    pub fn decode(&self) -> Result<Vec<u8>, Base64Error> {
        Base64Data::from_text(self.as_str()).decode()
    }

    /// The number of bytes the text decodes to, when it is well-formed.
    pub fn decoded_len(&self) -> Option<usize> {
        check_base64(&self.0).ok()?;
        let padding = self.0.bytes().rev().take_while(|&b| b == b'=').count();
        Some(self.0.len() / 4 * 3 - padding)
    }

    /// The owned form.
    pub fn into_owned(self) -> Base64Data {
        Base64Data::from_text(self.0.into_owned())
    }
}

impl fmt::Debug for Base64Ref<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Base64Ref({:?})", crate::check::excerpt(&self.0))
    }
}

impl fmt::Display for Base64Ref<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Base64Ref<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<'a> From<&'a Base64Data> for Base64Ref<'a> {
    fn from(data: &'a Base64Data) -> Self {
        Base64Ref(Cow::Borrowed(data.as_str()))
    }
}

impl Serialize for Base64Ref<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Base64Ref<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_cow(deserializer).map(Base64Ref)
    }
}

impl crate::check::MaybeText for Base64Ref<'_> {
    fn as_text(&self) -> Option<&str> {
        Some(&self.0)
    }
}

impl Validate for Base64Ref<'_> {
    /// As for [`Base64Data`]: well-formedness is checked by the `format = "byte"`
    /// attribute next to the field.
    fn validate_at(&self, _: &Path<'_>, _: &mut Report) {}
}

impl IntoOwned for Base64Ref<'_> {
    type Owned = Base64Data;
    fn into_owned(self) -> Base64Data {
        Base64Ref::into_owned(self)
    }
}

impl IntoOwned for Cow<'_, str> {
    type Owned = String;
    fn into_owned(self) -> String {
        Cow::into_owned(self)
    }
}

impl<T: IntoOwned> IntoOwned for Option<T> {
    type Owned = Option<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        self.map(T::into_owned)
    }
}

impl<T: IntoOwned> IntoOwned for Vec<T> {
    type Owned = Vec<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        self.into_iter().map(T::into_owned).collect()
    }
}

impl<T: IntoOwned> IntoOwned for Box<T> {
    type Owned = Box<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        Box::new((*self).into_owned())
    }
}

impl<T: IntoOwned> IntoOwned for BTreeMap<String, T> {
    type Owned = BTreeMap<String, T::Owned>;
    fn into_owned(self) -> Self::Owned {
        self.into_iter().map(|(k, v)| (k, v.into_owned())).collect()
    }
}

/// Types that are already owned convert to themselves.
macro_rules! owned {
    ($($ty:ty),* $(,)?) => {
        $(impl IntoOwned for $ty {
            type Owned = $ty;
            #[inline]
            fn into_owned(self) -> $ty {
                self
            }
        })*
    };
}

owned!(
    String,
    bool,
    i64,
    u64,
    f64,
    Integer,
    Value,
    serde_json::Map<String, Value>,
    crate::Value,
    crate::Number,
);

impl<V: IntoOwned> IntoOwned for crate::Map<V> {
    type Owned = crate::Map<V::Owned>;
    fn into_owned(self) -> Self::Owned {
        self.into_iter()
            .map(|(key, value)| (key, value.into_owned()))
            .collect()
    }
}

/// A `Cow<str>` borrowed from the input when the deserializer can lend it.
fn deserialize_cow<'de: 'a, 'a, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Cow<'a, str>, D::Error> {
    struct CowVisitor;

    impl<'de> Visitor<'de> for CowVisitor {
        type Value = Cow<'de, str>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(v))
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_owned()))
        }

        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v))
        }
    }

    deserializer.deserialize_str(CowVisitor)
}

/// Deserialization that lends strings inside containers (`Vec<Cow<str>>`,
/// `Option<Cow<str>>`), which serde's own impls always copy. Used by generated code
/// through `#[serde(deserialize_with)]`. Not a stable API.
#[doc(hidden)]
pub mod de {
    use super::*;

    /// Deserialization borrowing from the input where it can.
    pub trait BorrowDeserialize<'de>: Sized {
        /// Deserializes, borrowing strings from `'de` where possible.
        fn borrow_deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
    }

    impl<'de: 'a, 'a> BorrowDeserialize<'de> for Cow<'a, str> {
        fn borrow_deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize_cow(deserializer)
        }
    }

    impl<'de, T: BorrowDeserialize<'de>> BorrowDeserialize<'de> for Box<T> {
        fn borrow_deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            T::borrow_deserialize(deserializer).map(Box::new)
        }
    }

    /// `Option<T>` from a value that may be JSON `null` (`None`).
    impl<'de, T: BorrowDeserialize<'de>> BorrowDeserialize<'de> for Option<T> {
        fn borrow_deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            Option::<Lend<T>>::deserialize(deserializer).map(|v| v.map(|Lend(v)| v))
        }
    }

    impl<'de, T: BorrowDeserialize<'de>> BorrowDeserialize<'de> for Vec<T> {
        fn borrow_deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct SeqVisitor<T>(std::marker::PhantomData<T>);

            impl<'de, T: BorrowDeserialize<'de>> Visitor<'de> for SeqVisitor<T> {
                type Value = Vec<T>;

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an array")
                }

                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                    let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                    while let Some(Lend(item)) = seq.next_element::<Lend<T>>()? {
                        out.push(item);
                    }
                    Ok(out)
                }
            }

            deserializer.deserialize_seq(SeqVisitor(std::marker::PhantomData))
        }
    }

    impl<'de, T: BorrowDeserialize<'de>> BorrowDeserialize<'de> for BTreeMap<String, T> {
        fn borrow_deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct MapVisitor<T>(std::marker::PhantomData<T>);

            impl<'de, T: BorrowDeserialize<'de>> Visitor<'de> for MapVisitor<T> {
                type Value = BTreeMap<String, T>;

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an object")
                }

                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                    let mut out = BTreeMap::new();
                    while let Some((key, Lend(value))) = map.next_entry::<String, Lend<T>>()? {
                        out.insert(key, value);
                    }
                    Ok(out)
                }
            }

            deserializer.deserialize_map(MapVisitor(std::marker::PhantomData))
        }
    }

    /// `null` or a value.
    impl<'de, T: BorrowDeserialize<'de>> BorrowDeserialize<'de> for crate::Nullable<T> {
        fn borrow_deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            Option::<T>::borrow_deserialize(deserializer).map(crate::Nullable::from)
        }
    }

    /// Adapts [`BorrowDeserialize`] to serde's `Deserialize`.
    struct Lend<T>(T);

    impl<'de, T: BorrowDeserialize<'de>> Deserialize<'de> for Lend<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            T::borrow_deserialize(deserializer).map(Lend)
        }
    }

    /// For required fields: `#[serde(deserialize_with = ...)]`.
    pub fn lend<'de, D: Deserializer<'de>, T: BorrowDeserialize<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        T::borrow_deserialize(deserializer)
    }

    /// For optional fields, as [`crate::__private::non_null`]: absent is `None`
    /// (with `#[serde(default)]`), JSON `null` is refused.
    pub fn non_null<'de, D: Deserializer<'de>, T: BorrowDeserialize<'de>>(
        deserializer: D,
    ) -> Result<Option<T>, D::Error> {
        T::borrow_deserialize(deserializer).map(Some)
    }

    /// For nullable fields, as [`crate::__private::nullable`]: JSON `null` is `None`.
    pub fn nullable<'de, D: Deserializer<'de>, T: BorrowDeserialize<'de>>(
        deserializer: D,
    ) -> Result<Option<T>, D::Error> {
        Option::<T>::borrow_deserialize(deserializer)
    }

    /// For required nullable fields, as `nullables::required`: `Nullable<T>`.
    pub fn nullable_required<'de, D: Deserializer<'de>, T: BorrowDeserialize<'de>>(
        deserializer: D,
    ) -> Result<crate::Nullable<T>, D::Error> {
        crate::Nullable::<T>::borrow_deserialize(deserializer)
    }

    /// For optional nullable fields, as `nullables::optional`: `Option<Nullable<T>>`,
    /// absent is `None` (with `#[serde(default)]`), `null` is `Some(Nullable::Null)`.
    pub fn nullable_optional<'de, D: Deserializer<'de>, T: BorrowDeserialize<'de>>(
        deserializer: D,
    ) -> Result<Option<crate::Nullable<T>>, D::Error> {
        nullable_required(deserializer).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::de::{lend, non_null, nullable_optional, nullable_required};
    use super::*;
    use crate::Nullable;

    #[derive(serde::Deserialize)]
    struct Containers<'a> {
        #[serde(borrow, deserialize_with = "lend")]
        list: Vec<Cow<'a, str>>,
        #[serde(borrow, default, deserialize_with = "non_null")]
        optional: Option<Cow<'a, str>>,
        #[serde(borrow, deserialize_with = "nullable_required")]
        nullable: Nullable<Cow<'a, str>>,
        #[serde(borrow, default, deserialize_with = "nullable_optional")]
        maybe_null: Option<Nullable<Cow<'a, str>>>,
        #[serde(borrow, deserialize_with = "lend")]
        map: BTreeMap<String, Vec<Cow<'a, str>>>,
        #[serde(borrow)]
        data: Base64Ref<'a>,
    }

    #[allow(clippy::ptr_arg)] // the variant is what is looked at
    fn borrowed(cow: &Cow<'_, str>) -> bool {
        matches!(cow, Cow::Borrowed(_))
    }

    #[test]
    fn strings_in_containers_are_lent_unless_escaped() {
        let text = r#"{"list": ["a", "b\n"], "optional": "o", "nullable": "n",
            "maybe_null": null, "map": {"k": ["v"]}, "data": "AA=="}"#;
        let c: Containers = serde_json::from_str(text).unwrap();
        assert!(borrowed(&c.list[0]) && !borrowed(&c.list[1]));
        assert_eq!(c.list[1], "b\n");
        assert!(c.optional.as_ref().is_some_and(borrowed));
        assert!(matches!(&c.nullable, Nullable::Value(v) if borrowed(v)));
        assert_eq!(c.maybe_null, Some(Nullable::Null));
        assert!(borrowed(&c.map["k"][0]));
        assert!(borrowed(c.data.as_cow()));
        assert_eq!(c.data.decoded_len(), Some(1));
        assert_eq!(c.data.clone().into_owned().decode().unwrap(), [0]);

        // Absent optional properties are `None`; `null` is refused where it is not a value.
        let text = r#"{"list": [], "nullable": null, "map": {}, "data": ""}"#;
        let c: Containers = serde_json::from_str(text).unwrap();
        assert_eq!((c.optional, c.maybe_null), (None, None));
        assert_eq!(c.nullable, Nullable::Null);
        let text = r#"{"list": [], "optional": null, "nullable": null, "map": {}, "data": ""}"#;
        assert!(serde_json::from_str::<Containers>(text).is_err());
        let text = r#"{"list": [null], "nullable": null, "map": {}, "data": ""}"#;
        assert!(serde_json::from_str::<Containers>(text).is_err());
    }

    #[test]
    fn into_owned_copies_what_is_borrowed() {
        let list: Vec<Cow<'_, str>> = vec![Cow::Borrowed("a"), Cow::Owned("b".into())];
        assert_eq!(
            IntoOwned::into_owned(list),
            vec!["a".to_string(), "b".into()]
        );
        let nested: Option<Box<Nullable<Cow<'_, str>>>> = Some(Box::new(Nullable::Null));
        assert_eq!(
            IntoOwned::into_owned(nested),
            Some(Box::new(Nullable::Null))
        );
    }
}
