//! `FromJson` with a `#[serde(flatten)]` field: the members no field names go to it,
//! read as its `Extras::Value`, without buffering anything.

#[derive(FromJson)]
struct Open {
    a: asyncapi_runtime::Number,
    #[serde(flatten)]
    rest: asyncapi_runtime::Map,
}

#[derive(FromJson)]
struct Closed {
    a: u8,
    #[serde(flatten)]
    forbidden: asyncapi_runtime::Map<asyncapi_runtime::Forbidden>,
}
