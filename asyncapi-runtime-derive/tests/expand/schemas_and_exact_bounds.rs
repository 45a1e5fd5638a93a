//! `json_schema` makes `ValidateJson` a schema's entry; `extra_schema` adds a schema's
//! checks to `validate()` and to the walk; bounds written as JSON number text are exact
//! `Number` constants.

#[derive(serde::Deserialize, serde::Serialize, Validate)]
#[validate(json_schema(SCHEMAS, 3), extra_schema(crate::SCHEMAS, 4))]
struct Reading {
    #[validate(extra_schema(SCHEMAS, 5))]
    id: Option<String>,
    #[validate(minimum = "972783798187987123879878123.18878137", multiple_of = "0.01")]
    amount: asyncapi_runtime::Number,
    #[validate(exclusive_maximum = 1e300, maximum = 7)]
    scale: f64,
}
