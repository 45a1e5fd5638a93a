use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(max_length = "256")]
    partition_key: String,
    #[validate(pattern = 5)]
    sequence_number: String,
    #[validate(minimum = "0")]
    count: i64,
    #[validate(min_items = 1.5)]
    items: Vec<String>,
}

fn main() {}
