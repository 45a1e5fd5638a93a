use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(min_length = 10, max_length = 2)]
    partition_key: String,
    #[validate(minimum = 1.5)]
    #[validate(maximum = -1)]
    count: f64,
}

fn main() {}
