use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
#[serde(untagged)]
#[validate(one_of, any_of)]
enum Both {
    A(String),
    B(u32),
}

#[derive(serde::Deserialize, Validate)]
#[validate(one_of)]
struct NotAnEnum {
    a: String,
}

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "type")]
#[validate(any_of)]
enum Tagged {
    A { a: String },
}

#[derive(serde::Deserialize, Validate)]
#[validate(min_properties = 1)]
struct Pair(String, String);

#[derive(serde::Deserialize, Validate)]
#[validate(max_properties = 1)]
enum Variants {
    A(String),
}

fn main() {}
