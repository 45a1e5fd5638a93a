use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
enum Encryption {
    #[validate(max_length = 4)]
    None,
    Kms,
}

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "type")]
#[validate(one_of)]
enum Tagged {
    A { a: String },
}

fn main() {}
