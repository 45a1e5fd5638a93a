//! A newtype is its field at the same path; `transparent` makes a named struct one; a
//! unit struct is `null`.

#[derive(serde::Deserialize, Validate)]
struct Key(#[validate(min_length = 1)] String);

#[derive(serde::Deserialize, Validate)]
#[serde(transparent)]
struct Wrapper {
    #[validate(max_items = 2)]
    items: Vec<u8>,
}

#[derive(serde::Deserialize, Validate)]
struct Nothing;
