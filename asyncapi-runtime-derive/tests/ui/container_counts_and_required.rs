use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct S {
    #[validate(required)]
    a: Option<String>,
}

#[derive(serde::Deserialize, Validate)]
#[validate(min_properties = 3, max_properties = 2)]
struct T {
    a: String,
}

#[derive(serde::Deserialize, Validate)]
#[validate(min_properties = 1)]
enum U {
    A(String),
}

fn main() {}
