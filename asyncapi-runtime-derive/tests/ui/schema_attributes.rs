use asyncapi_runtime::{LazySchema, Validate};

static SCHEMA: LazySchema = LazySchema::new(r#"{"type": "object"}"#, &[""]);

#[derive(serde::Deserialize, serde::Serialize, Validate)]
#[validate(json_schema)]
#[validate(extra_schema(SCHEMA))]
struct Malformed {
    #[validate(extra_schema(SCHEMA, 0, 1))]
    a: u8,
    #[validate(extra_schema("SCHEMA", 0))]
    b: u8,
    #[validate(extra_schema(SCHEMA, "0"))]
    c: u8,
    #[validate(extra_schema(SCHEMA, -1))]
    d: u8,
    #[validate(extra_schema())]
    e: u8,
}

#[derive(serde::Deserialize, serde::Serialize, Validate)]
#[validate(json_schema(SCHEMA, 0), json_schema(SCHEMA, 1))]
struct Twice {
    #[validate(json_schema(SCHEMA, 0))]
    a: u8,
    #[validate(items(extra_schema(SCHEMA, 0)))]
    b: Vec<u8>,
}

#[derive(serde::Deserialize, serde::Serialize, Validate)]
struct Misplaced {
    #[validate(skip, extra_schema(SCHEMA, 0))]
    a: u8,
    #[serde(skip)]
    #[validate(extra_schema(SCHEMA, 0))]
    b: u8,
    #[serde(flatten)]
    #[validate(extra_schema(SCHEMA, 0))]
    c: std::collections::BTreeMap<String, u8>,
}

#[derive(serde::Deserialize, Validate)]
#[validate(json_schema(SCHEMA, 0))]
struct Borrowing<'a> {
    #[serde(borrow)]
    a: std::borrow::Cow<'a, str>,
}

fn main() {}
