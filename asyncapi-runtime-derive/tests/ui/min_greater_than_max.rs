use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(min_length = 10, max_length = 2)]
    partition_key: String,
    #[validate(min_items = 3, max_items = 1)]
    tags: Vec<String>,
    #[validate(min_properties = 5, max_properties = 4)]
    attributes: std::collections::BTreeMap<String, String>,
    #[validate(minimum = 1.5)]
    #[validate(maximum = -1)]
    count: f64,
    // Equal bounds leave nothing when one of them is exclusive.
    #[validate(minimum = 3, exclusive_maximum = 3)]
    a: i64,
    #[validate(exclusive_minimum = 3, maximum = 3)]
    b: i64,
    #[validate(exclusive_minimum = 2.5, exclusive_maximum = 2.5)]
    c: f64,
    #[validate(items(min_length = 2, max_length = 1))]
    d: Vec<String>,
}

#[derive(serde::Deserialize, Validate)]
#[validate(min_properties = 3, max_properties = 2)]
struct Counted {
    a: String,
}

fn main() {}
