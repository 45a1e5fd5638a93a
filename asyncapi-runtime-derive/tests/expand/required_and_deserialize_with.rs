//! `required` on an `Option` read with `deserialize_with`; `with` modules and functions
//! read the typed value the constraints are checked on.

#[derive(serde::Deserialize, Validate)]
#[serde(default)]
struct Nullable {
    #[validate(required, max_length = 3)]
    #[serde(deserialize_with = "asyncapi_runtime::__private::nullable")]
    note: Option<String>,
    #[validate(min_length = 1)]
    #[serde(with = "text")]
    text: String,
    #[validate(maximum = 9)]
    #[serde(deserialize_with = "asyncapi_runtime::__private::non_null")]
    digit: Option<u8>,
    plain: String,
}
