//! `untagged` with `one_of`: exactly one alternative; `validate()` counts them on the
//! value's JSON.

#[derive(serde::Deserialize, serde::Serialize, Validate)]
#[serde(untagged)]
#[validate(one_of)]
enum Id {
    Number(#[validate(minimum = 0)] i64),
    Text(#[validate(pattern = "^[a-z]+$")] String),
    Unit,
}
