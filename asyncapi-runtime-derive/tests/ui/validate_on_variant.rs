use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
enum Encryption {
    #[validate(max_length = 4)]
    None,
    Kms,
}

#[derive(serde::Deserialize, Validate)]
enum Payload {
    #[validate(max_length = 4)]
    Text(String),
    #[validate(min_properties = 1)]
    Object { a: Option<String> },
}

fn main() {}
