use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(max_len = 256)]
    partition_key: String,
    #[validate(items(required))]
    tags: Vec<String>,
    #[validate(serde::max_length = 3)]
    name: String,
}

#[derive(serde::Deserialize, Validate)]
#[validate(krate = "asyncapi_runtime")]
struct Container {
    a: String,
}

fn main() {}
