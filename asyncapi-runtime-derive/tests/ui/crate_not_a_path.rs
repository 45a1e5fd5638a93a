use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
#[validate(crate = "not a path")]
struct Record {
    a: String,
}

#[derive(serde::Deserialize, Validate)]
#[validate(crate = "")]
struct Empty {
    a: String,
}

fn main() {}
