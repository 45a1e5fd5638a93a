use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(skip, max_length = 3)]
    a: String,
    #[validate(items(skip))]
    b: Vec<String>,
    #[validate(values(skip))]
    c: std::collections::BTreeMap<String, String>,
}

fn main() {}
