//! `#[validate(skip)]` keeps the presence check and drops the value's; `#[serde(skip)]`
//! fields are not part of the JSON at all.

#[derive(serde::Deserialize, Validate)]
struct Partly {
    #[validate(skip)]
    opaque: Opaque,
    #[serde(skip_deserializing)]
    cache: Vec<u8>,
    #[validate(max_length = 3)]
    name: String,
}
