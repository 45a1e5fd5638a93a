use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Bare {
    #[validate]
    a: String,
}

#[derive(serde::Deserialize, Validate)]
struct NoValue {
    #[validate(max_length)]
    a: String,
}

#[derive(serde::Deserialize, Validate)]
struct Unfinished {
    #[validate(max_length = )]
    a: String,
}

fn main() {}
