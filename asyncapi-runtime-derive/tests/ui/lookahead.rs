use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(pattern = "^(?=a)")]
    partition_key: String,
}

fn main() {}
