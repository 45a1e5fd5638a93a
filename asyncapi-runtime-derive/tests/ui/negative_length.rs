use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(max_length = -1)]
    partition_key: String,
}

fn main() {}
