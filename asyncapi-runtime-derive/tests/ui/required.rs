use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Inner {
    a: Option<String>,
}

#[derive(serde::Deserialize, Validate)]
struct Record {
    // serde reads a missing plain `Option` as `None`.
    #[validate(required)]
    a: Option<String>,
    #[validate(required)]
    #[serde(default)]
    b: String,
    #[validate(required)]
    #[serde(skip)]
    c: String,
    #[validate(required)]
    #[serde(flatten)]
    d: Inner,
}

fn main() {}
