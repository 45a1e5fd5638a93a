//! `FromJson` on a newtype (its field's `Deserialize`), a `transparent` struct, and an
//! untagged enum: the value buffered exactly, each variant tried in order, a unit
//! variant for `null`.

#[derive(FromJson)]
struct Key(String);

#[derive(FromJson)]
#[serde(transparent)]
struct Wrapper {
    items: Vec<u8>,
    #[serde(skip)]
    seen: bool,
}

#[derive(FromJson)]
#[serde(untagged)]
enum Either<'a> {
    Number(asyncapi_runtime::Number),
    #[serde(deserialize_with = "asyncapi_runtime::__private::borrowed::lend")]
    Text(std::borrow::Cow<'a, str>),
    Nothing,
}
