//! `FromJson` fields read by functions (`deserialize_with`, `with`) or lent by the
//! input (`borrow` on a `Cow<str>`), each through a wrapper type; a type with a lifetime
//! gets `'de: 'a`, a type parameter `T: Deserialize<'de>`.

#[derive(FromJson)]
struct Functions<'a, T> {
    #[serde(default, deserialize_with = "asyncapi_runtime::__private::non_null")]
    optional: Option<u8>,
    #[serde(with = "text")]
    text: String,
    #[serde(borrow)]
    name: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    note: Option<std::borrow::Cow<'a, str>>,
    value: T,
    #[serde(skip)]
    spare: Option<T>,
}
