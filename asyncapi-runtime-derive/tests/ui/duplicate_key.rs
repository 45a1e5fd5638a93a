use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(max_length = 256)]
    #[validate(min_length = 1, max_length = 128)]
    partition_key: String,
}

fn main() {}
