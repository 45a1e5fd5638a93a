use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
#[validate(max_properties = -1)]
struct Record {
    #[validate(max_length = -1)]
    partition_key: String,
    #[validate(min_items = -2, items(min_length = -3))]
    tags: Vec<String>,
    #[validate(min_properties = -4)]
    attributes: std::collections::BTreeMap<String, String>,
}

fn main() {}
