use asyncapi_runtime::{LazySchema, Validate};

static SCHEMA: LazySchema = LazySchema::new(r#"{"type": "object"}"#, &[""]);
static NOT_A_SCHEMA: &str = "{}";

#[derive(serde::Deserialize)]
struct Opaque;

// The value must be written as JSON to be checked against a schema.
#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(extra_schema(SCHEMA, 0))]
    opaque: Opaque,
}

impl Validate for Opaque {
    fn validate_at(&self, _: &asyncapi_runtime::Path<'_>, _: &mut asyncapi_runtime::Report) {}
}

impl asyncapi_runtime::ValidateJson for Opaque {
    fn validate_json(
        _: &asyncapi_runtime::Value,
        _: &asyncapi_runtime::Path<'_>,
        _: &mut asyncapi_runtime::Report,
    ) {
    }
}

#[derive(serde::Deserialize, serde::Serialize, Validate)]
#[validate(json_schema(NOT_A_SCHEMA, 0))]
struct WrongStatic {
    a: u8,
}

fn main() {}
