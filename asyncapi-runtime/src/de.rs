//! What `#[derive(FromJson)]` expands to, and the bridges between typed values and
//! exact [`Value`]s that `#[derive(Validate)]` expands to. Not a stable API: reached
//! through `asyncapi_runtime::__private`.
//!
//! serde's own derive buffers every flattened struct and every untagged enum through
//! its private `Content`, in which a number is already a `u64`, `i64` or `f64`
//! (`1e-400` is `0.0` there). `FromJson` reads objects member by member and hands the
//! members no field claims to an [`Extras`] collection, so nothing is buffered; an
//! untagged enum keeps the JSON text of its value ([`Buffered`]) and reads each variant
//! from it, so numbers keep every digit there too.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::hash::BuildHasher;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;

use crate::json::{Key, KeySeed, Map, TextSeed, Value};
use crate::number::{Number, RAW_TOKEN};
use crate::schema::LazySchema;
use crate::validate::{Keyword, Path, Report};

// ---------------------------------------------------------------------------- objects

/// The collection a `#[serde(flatten)]` field of a `#[derive(FromJson)]` struct is: it
/// takes the members of the object that no field names, each read as a
/// [`Extras::Value`].
///
/// Implemented for the runtime's [`Map<V>`] (what generated code uses: `Map<Value>`
/// for properties the schema does not list, `Map<Forbidden>` for
/// `additionalProperties: false`), and for `BTreeMap<String, V>` and
/// `HashMap<String, V>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot take the extra members of an object",
    label = "a #[serde(flatten)] field of a #[derive(FromJson)] struct must be a map",
    note = "use `asyncapi_runtime::Map<V>` (or `BTreeMap<String, V>`, `HashMap<String, V>`)"
)]
pub trait Extras {
    /// What each member is read as.
    type Value;

    /// No members.
    fn empty() -> Self;

    /// Whether member `key` has been taken already.
    fn contains_extra(&self, key: &str) -> bool;

    /// Adds member `key` (not taken yet).
    fn insert_extra(&mut self, key: String, value: Self::Value);
}

impl<V> Extras for Map<V> {
    type Value = V;

    fn empty() -> Self {
        Map::new()
    }

    fn contains_extra(&self, key: &str) -> bool {
        self.contains_key(key)
    }

    fn insert_extra(&mut self, key: String, value: V) {
        self.insert(key, value);
    }
}

impl<V> Extras for BTreeMap<String, V> {
    type Value = V;

    fn empty() -> Self {
        BTreeMap::new()
    }

    fn contains_extra(&self, key: &str) -> bool {
        self.contains_key(key)
    }

    fn insert_extra(&mut self, key: String, value: V) {
        self.insert(key, value);
    }
}

impl<V, S: BuildHasher + Default> Extras for HashMap<String, V, S> {
    type Value = V;

    fn empty() -> Self {
        HashMap::default()
    }

    fn contains_extra(&self, key: &str) -> bool {
        self.contains_key(key)
    }

    fn insert_extra(&mut self, key: String, value: V) {
        self.insert(key, value);
    }
}

/// Reads the value of member `key`, which no field names, into `extras`; a member
/// `extras` holds already is refused before its value is read.
pub fn next_extra<'de, X, A>(map: &mut A, extras: &mut X, key: Cow<'_, str>) -> Result<(), A::Error>
where
    X: Extras,
    X::Value: Deserialize<'de>,
    A: MapAccess<'de>,
{
    if extras.contains_extra(&key) {
        return Err(duplicate_key(&key));
    }
    let value = map.next_value::<X::Value>()?;
    extras.insert_extra(key.into_owned(), value);
    Ok(())
}

/// A required property is missing.
pub fn missing_property<E: de::Error>(name: &str) -> E {
    E::custom(format_args!("missing required property {name:?}"))
}

/// An object repeats a member: readers disagree on which value counts.
pub fn duplicate_key<E: de::Error>(name: &str) -> E {
    E::custom(format_args!("duplicate key {name:?}"))
}

/// A member `#[serde(deny_unknown_fields)]` does not allow.
pub fn unknown_property<E: de::Error>(name: &str) -> E {
    E::custom(format_args!("property {name:?} is not allowed"))
}

/// The names of the members of one object that no field claims and that are skipped,
/// remembered only to refuse a repeated one. Borrowed from the input when the
/// deserializer lends them; the first few are kept inline, so an object with a few such
/// members allocates nothing for them.
pub struct UnknownKeys<'de> {
    inline: [Option<Cow<'de, str>>; INLINE_KEYS],
    /// Made only for an object with more such members (a hash set costs its seed).
    many: Option<HashSet<Cow<'de, str>>>,
}

/// How many names are kept inline.
const INLINE_KEYS: usize = 8;

impl<'de> UnknownKeys<'de> {
    /// None yet.
    pub const fn new() -> Self {
        UnknownKeys {
            inline: [const { None }; INLINE_KEYS],
            many: None,
        }
    }

    /// Remembers `key`, refusing it when it was seen before.
    pub fn insert<E: de::Error>(&mut self, key: Cow<'de, str>) -> Result<(), E> {
        for slot in &mut self.inline {
            match slot {
                Some(seen) if *seen == key => return Err(duplicate_key(&key)),
                Some(_) => {}
                None => {
                    *slot = Some(key);
                    return Ok(());
                }
            }
        }
        let many = self.many.get_or_insert_with(HashSet::new);
        if many.contains(&key) {
            return Err(duplicate_key(&key));
        }
        many.insert(key);
        Ok(())
    }
}

impl Default for UnknownKeys<'_> {
    fn default() -> Self {
        UnknownKeys::new()
    }
}

/// Marks a type whose `Deserialize` is `#[derive(FromJson)]`'s, for the JSON walk
/// `#[derive(Validate)]` emits: serde's derive reads JSON `null` as `None` for a plain
/// `Option` field, `FromJson` refuses it unless the inner type takes `null`.
pub trait ReadByFromJson {}

/// Asks, with autoref specialization, whether a type is [`ReadByFromJson`]:
/// `(&&Probe::<T>::new()).option_null_is_none()` with [`ProbeFromJson`] and
/// [`ProbeSerde`] in scope is `false` for such types and `true` for the others.
pub struct Probe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Probe<T> {
    /// The probe for `T`.
    pub const fn new() -> Self {
        Probe(PhantomData)
    }
}

impl<T: ?Sized> Default for Probe<T> {
    fn default() -> Self {
        Probe::new()
    }
}

/// The answer for types read by `#[derive(FromJson)]`.
pub trait ProbeFromJson {
    /// `false`: `null` reaches the inner type.
    fn option_null_is_none(&self) -> bool {
        false
    }
}

impl<T: ReadByFromJson + ?Sized> ProbeFromJson for &Probe<T> {}

/// The answer for every other type: serde's derive.
pub trait ProbeSerde {
    /// `true`: serde's derive reads `null` as `None`.
    fn option_null_is_none(&self) -> bool {
        true
    }
}

impl<T: ?Sized> ProbeSerde for Probe<T> {}

// ------------------------------------------------------------------- untagged enums

/// The JSON text of one value, kept so that each variant of an untagged enum can be
/// read from it in turn.
///
/// Read from serde_json, it is the value's text exactly as written (serde_json's raw
/// value protocol), lent by the input when it can be; from any other deserializer, the
/// value is read into an exact [`Value`] and written out. Each variant then reads the
/// text with serde_json, so numbers are as exact as they are outside the enum.
pub struct Buffered<'de> {
    text: Cow<'de, str>,
}

/// How many untagged enums may be read inside one another: each reads its variants
/// with a new parser, whose own nesting limit starts afresh.
const MAX_BUFFERED_DEPTH: usize = 128;

thread_local! {
    static BUFFERED_DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// One level of [`Buffered`] reading; leaves it when dropped.
struct DepthGuard;

impl DepthGuard {
    fn enter() -> Result<DepthGuard, serde_json::Error> {
        let depth = BUFFERED_DEPTH.with(|d| {
            let depth = d.get() + 1;
            d.set(depth);
            depth
        });
        let guard = DepthGuard;
        if depth > MAX_BUFFERED_DEPTH {
            return Err(de::Error::custom(format_args!(
                "untagged values nested deeper than {MAX_BUFFERED_DEPTH} levels"
            )));
        }
        Ok(guard)
    }
}

impl Drop for DepthGuard {
    fn drop(&mut self) {
        BUFFERED_DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

impl<'de> Buffered<'de> {
    /// The value's JSON text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the value is `null` (what a unit variant of an untagged enum takes).
    pub fn is_null(&self) -> bool {
        self.text.trim_matches(is_json_space) == "null"
    }

    /// Reads the value as a `T`.
    pub fn attempt<T: Deserialize<'de>>(&self) -> Result<T, serde_json::Error> {
        let _depth = DepthGuard::enter()?;
        match &self.text {
            Cow::Borrowed(text) => serde_json::from_str(text),
            // A reader never lends, so `T` may borrow for any lifetime (it copies).
            Cow::Owned(text) => {
                let mut deserializer = serde_json::Deserializer::from_reader(text.as_bytes());
                let value = T::deserialize(&mut deserializer)?;
                deserializer.end()?;
                Ok(value)
            }
        }
    }

    fn owned(value: &Value) -> Self {
        Buffered {
            text: Cow::Owned(value.to_string()),
        }
    }
}

fn is_json_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl fmt::Debug for Buffered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Buffered({})", self.text)
    }
}

impl<'de> Deserialize<'de> for Buffered<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_newtype_struct(RAW_TOKEN, BufferedVisitor)
    }
}

struct BufferedVisitor;

/// Values a deserializer hands over one by one become a [`Value`] first.
macro_rules! buffer_scalar {
    ($($method:ident($ty:ty) => $convert:expr;)*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<Buffered<'de>, E> {
            #[allow(clippy::redundant_closure_call)]
            let value: Result<Value, E> = ($convert)(v);
            Ok(Buffered::owned(&value?))
        }
    )*};
}

impl<'de> Visitor<'de> for BufferedVisitor {
    type Value = Buffered<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    buffer_scalar! {
        visit_bool(bool) => |v| Ok(Value::Bool(v));
        visit_i64(i64) => |v| Ok(Value::from(v));
        visit_u64(u64) => |v| Ok(Value::from(v));
        visit_i128(i128) => |v| Ok(Value::Number(Number::from(v)));
        visit_f64(f64) => |v: f64| Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Float(v), &"a finite number"));
        visit_str(&str) => |v: &str| Ok(Value::from(v));
        visit_string(String) => |v| Ok(Value::String(v));
    }

    fn visit_unit<E: de::Error>(self) -> Result<Buffered<'de>, E> {
        Ok(Buffered::owned(&Value::Null))
    }

    fn visit_none<E: de::Error>(self) -> Result<Buffered<'de>, E> {
        Ok(Buffered::owned(&Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Buffered<'de>, D::Error> {
        Buffered::deserialize(d)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Buffered<'de>, D::Error> {
        Value::deserialize(d).map(|value| Buffered::owned(&value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Buffered<'de>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(|value| Buffered::owned(&value))
    }

    /// serde_json hands over the raw text of the value as a one-entry map; any other
    /// map is an object to read whole.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Buffered<'de>, A::Error> {
        let first = match map.next_key_seed(KeySeed)? {
            None => return Ok(Buffered::owned(&Value::Object(Map::new()))),
            Some(Key::Raw) => {
                let text = map.next_value_seed(TextSeed)?;
                return Ok(Buffered { text });
            }
            Some(Key::Name(name)) => name,
        };
        let first_value: Value = map.next_value()?;
        let rest = Map::<Value>::deserialize(MapAccessDeserializer::new(map))?;
        if rest.contains_key(&first) {
            return Err(duplicate_key(&first));
        }
        let mut members = Map::with_capacity(rest.len() + 1);
        members.insert(first, first_value);
        members.extend(rest);
        Ok(Buffered::owned(&Value::Object(members)))
    }
}

/// The variants of an untagged enum tried so far, for the error when none fits.
pub struct Attempts {
    tried: usize,
    first: Option<(&'static str, serde_json::Error)>,
}

impl Attempts {
    /// None yet.
    pub fn new() -> Self {
        Attempts {
            tried: 0,
            first: None,
        }
    }

    /// Variant `variant` did not fit.
    pub fn failed(&mut self, variant: &'static str, error: serde_json::Error) {
        self.tried += 1;
        if self.first.is_none() {
            self.first = Some((variant, error));
        }
    }

    /// A unit variant did not fit (the value is not `null`).
    pub fn not_null(&mut self, variant: &'static str) {
        self.failed(
            variant,
            de::Error::invalid_type(de::Unexpected::Other("a value other than null"), &"null"),
        );
    }

    /// The error when no variant of `enum_name` fits.
    pub fn into_error<E: de::Error>(self, enum_name: &str) -> E {
        match self.first {
            Some((variant, error)) => E::custom(format_args!(
                "the value matches none of the {} variants of untagged enum {enum_name}; \
                 the first, {variant}, says: {error}",
                self.tried
            )),
            None => E::custom(format_args!("untagged enum {enum_name} has no variants")),
        }
    }
}

impl Default for Attempts {
    fn default() -> Self {
        Attempts::new()
    }
}

// ---------------------------------------------------------- typed values and Values

/// `value` as an exact [`Value`], through its JSON: the runtime's number types write
/// their exact text, so nothing is rounded. Fails when `value` cannot be written as
/// JSON (a map with non-string keys, say) or writes an object with a repeated key.
pub fn to_json_value<T: Serialize + ?Sized>(value: &T) -> Result<Value, serde_json::Error> {
    let text = serde_json::to_string(value)?;
    crate::json::parse_str(&text).map_err(serde::ser::Error::custom)
}

/// Reads `value` as a `T`, exactly as the typed parse would read its text.
pub fn from_json_value<T: serde::de::DeserializeOwned>(
    value: &Value,
) -> Result<T, serde_json::Error> {
    serde_json::from_str(&value.to_string())
}

/// Reads `value` with `read` (a `#[serde(deserialize_with)]` function), exactly as the
/// typed parse would read its text.
pub fn read_json_value<T>(
    value: &Value,
    read: impl FnOnce(
        &mut serde_json::Deserializer<serde_json::de::StrRead<'_>>,
    ) -> Result<T, serde_json::Error>,
) -> Result<T, serde_json::Error> {
    let text = value.to_string();
    let mut deserializer = serde_json::Deserializer::from_str(&text);
    let read = read(&mut deserializer)?;
    deserializer.end()?;
    Ok(read)
}

/// `#[validate(extra_schema(SCHEMA, entry))]` on a typed value: checks its JSON against
/// entry `entry` of `schema`, at `path`.
pub fn extra_schema<T: Serialize + ?Sized>(
    schema: &LazySchema,
    entry: usize,
    value: &T,
    path: &Path<'_>,
    report: &mut Report,
) {
    // A value that serializes as a string (text, base64 data) is checked as the string
    // it lends, not copied into a `Value` first: this runs on every record.
    let probe = StrProbe {
        schema,
        entry,
        path,
        report: &mut *report,
    };
    if let Ok(true) = value.serialize(probe) {
        return;
    }
    match to_json_value(value) {
        Ok(json) => {
            schema.validate_at(entry, &json, path, report);
        }
        Err(error) => report.push(
            path,
            Keyword::Type,
            format!("the value cannot be written as JSON: {error}"),
        ),
    }
}

/// A serializer that validates a value serialized as a string (through `Option`s and
/// newtypes) against a schema entry, and declines anything else (`Ok(false)` or an
/// error), for [`extra_schema`] to take the general way.
struct StrProbe<'a, 'p, 'r> {
    schema: &'a LazySchema,
    entry: usize,
    path: &'a Path<'p>,
    report: &'r mut Report,
}

/// Why [`StrProbe`] declined: the value is not a string.
#[derive(Debug)]
struct NotAString;

impl fmt::Display for NotAString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a string")
    }
}

impl std::error::Error for NotAString {}

impl serde::ser::Error for NotAString {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotAString
    }
}

macro_rules! decline {
    ($($method:ident($($ty:ty),*);)*) => {
        $(fn $method(self, $(_: $ty),*) -> Result<bool, NotAString> {
            Ok(false)
        })*
    };
}

impl serde::Serializer for StrProbe<'_, '_, '_> {
    type Ok = bool;
    type Error = NotAString;
    type SerializeSeq = serde::ser::Impossible<bool, NotAString>;
    type SerializeTuple = serde::ser::Impossible<bool, NotAString>;
    type SerializeTupleStruct = serde::ser::Impossible<bool, NotAString>;
    type SerializeTupleVariant = serde::ser::Impossible<bool, NotAString>;
    type SerializeMap = serde::ser::Impossible<bool, NotAString>;
    type SerializeStruct = serde::ser::Impossible<bool, NotAString>;
    type SerializeStructVariant = serde::ser::Impossible<bool, NotAString>;

    fn serialize_str(self, text: &str) -> Result<bool, NotAString> {
        self.schema
            .validate_str_at(self.entry, text, self.path, self.report);
        Ok(true)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<bool, NotAString> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<bool, NotAString> {
        // serde_json's private tokens (raw values, exact numbers) are text that is
        // not a JSON string.
        if name.starts_with("$serde_json") {
            return Ok(false);
        }
        value.serialize(self)
    }

    decline! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_char(char);
        serialize_bytes(&[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(&'static str);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<bool, NotAString> {
        Ok(false)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotAString> {
        Err(NotAString)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotAString> {
        Err(NotAString)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotAString> {
        Err(NotAString)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotAString> {
        Err(NotAString)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotAString> {
        Err(NotAString)
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotAString> {
        Err(NotAString)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotAString> {
        Err(NotAString)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(untagged)]
    enum Plain {
        N(u8),
        S(String),
    }

    #[test]
    fn buffered_keeps_the_text_exactly() {
        let b: Buffered = serde_json::from_str(" [1.50, 1e-400, {\"a\": -0}] ").unwrap();
        assert!(matches!(b.text, Cow::Borrowed(_)));
        assert_eq!(b.text(), "[1.50, 1e-400, {\"a\": -0}]");
        let v: Value = b.attempt().unwrap();
        assert_eq!(v.to_string(), "[1.50,1e-400,{\"a\":-0}]");
        // From a reader nothing is lent; from serde_json's Value the text is rebuilt.
        let mut reader = serde_json::Deserializer::from_reader(&b"{\"x\": 2.50}"[..]);
        let b = Buffered::deserialize(&mut reader).unwrap();
        assert!(matches!(b.text, Cow::Owned(_)));
        assert_eq!(b.attempt::<Value>().unwrap().to_string(), "{\"x\":2.50}");
        let json = serde_json::json!({"x": [1, "y"]});
        let b = Buffered::deserialize(&json).unwrap();
        assert_eq!(
            b.attempt::<Value>().unwrap().to_string(),
            r#"{"x":[1,"y"]}"#
        );
    }

    #[test]
    fn buffered_from_buffered_content() {
        // serde's own untagged enums hand values over one by one.
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Outer<'a> {
            #[serde(borrow)]
            B(Buffered<'a>),
        }
        for text in [r#"{"a": [true, null, -3, 2.5, "s"]}"#, "null", "[]", "{}"] {
            let Outer::B(b) = serde_json::from_str::<Outer>(text).unwrap();
            let v: Value = b.attempt().unwrap();
            assert_eq!(v, crate::json::parse_str(text).unwrap());
        }
        assert!(serde_json::from_str::<Buffered>("null").unwrap().is_null());
        let Outer::B(b) = serde_json::from_str::<Outer>(r#"{"a": 1}"#).unwrap();
        assert!(!b.is_null());
    }

    #[test]
    fn attempts_name_the_first_failure() {
        let b: Buffered = serde_json::from_str("true").unwrap();
        let mut attempts = Attempts::new();
        attempts.failed("N", b.attempt::<u8>().unwrap_err());
        attempts.failed("S", b.attempt::<String>().unwrap_err());
        let error: serde_json::Error = attempts.into_error("Plain");
        let message = error.to_string();
        assert!(
            message.starts_with(
                "the value matches none of the 2 variants of untagged enum Plain; the first, N, \
                 says: invalid type: boolean `true`, expected u8"
            ),
            "{message}"
        );
        assert_eq!(
            serde_json::from_str::<Plain>("7").unwrap(),
            Plain::N(7),
            "serde's derive for comparison"
        );
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let mut value = Value::Null;
        for _ in 0..MAX_BUFFERED_DEPTH + 5 {
            value = Value::Array(vec![value]);
        }
        // A type that reads itself through Buffered at every level.
        struct Nest;
        impl<'de> Deserialize<'de> for Nest {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Nest, D::Error> {
                let b = Buffered::deserialize(d)?;
                if b.is_null() {
                    return Ok(Nest);
                }
                let items: Vec<Nest> = b.attempt().map_err(de::Error::custom)?;
                drop(items);
                Ok(Nest)
            }
        }
        assert!(serde_json::from_str::<Nest>(&value.to_string()).is_err());
        assert!(serde_json::from_str::<Nest>(&deep).is_err());
        assert!(serde_json::from_str::<Nest>("[[[null]]]").is_ok());
        assert_eq!(BUFFERED_DEPTH.with(Cell::get), 0);
    }

    #[test]
    fn unknown_keys_refuse_repeats() {
        let mut keys = UnknownKeys::new();
        for i in 0..100 {
            keys.insert::<serde_json::Error>(Cow::Owned(format!("k{i}")))
                .unwrap();
        }
        for i in [0, 7, 8, 99] {
            let error = keys
                .insert::<serde_json::Error>(Cow::Owned(format!("k{i}")))
                .unwrap_err();
            assert_eq!(error.to_string(), format!("duplicate key \"k{i}\""));
        }
    }

    #[test]
    fn values_round_trip_exactly() {
        let v = crate::json::parse_str(r#"{"a": 1.0000000000000000001, "b": [1e-400]}"#).unwrap();
        assert_eq!(to_json_value(&v).unwrap().to_string(), v.to_string());
        let n: Number = from_json_value(&Value::from(Number::from_json("1.50").unwrap())).unwrap();
        assert_eq!(n.to_string(), "1.50");
        let mut map = std::collections::HashMap::new();
        map.insert(1u8, 2u8);
        assert_eq!(to_json_value(&map).unwrap().to_string(), r#"{"1":2}"#);
        let nested = read_json_value(&v, |d| Value::deserialize(d)).unwrap();
        assert_eq!(nested.to_string(), v.to_string());
    }
}
