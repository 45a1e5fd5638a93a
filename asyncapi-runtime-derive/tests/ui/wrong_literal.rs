use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(max_length = "256")]
    partition_key: String,
    #[validate(pattern = 5)]
    sequence_number: String,
    #[validate(minimum = true)]
    count: i64,
    #[validate(min_items = 1.5)]
    items: Vec<String>,
    #[validate(format = byte)]
    data: String,
    #[validate(unique_items = 1)]
    set: Vec<String>,
    #[validate(exclusive_maximum = LIMIT)]
    level: f64,
}

#[derive(serde::Deserialize, Validate)]
#[validate(min_properties = "1")]
struct Counted {
    a: String,
}

#[derive(serde::Deserialize, Validate)]
#[validate(crate = asyncapi_runtime)]
struct Unquoted {
    a: String,
}

fn main() {}
