use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Inner {
    a: String,
}

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[serde(skip)]
    #[validate(max_length = 3)]
    cache: String,
    #[serde(skip_deserializing)]
    #[validate(min_items = 1)]
    seen: Vec<String>,
    #[serde(flatten)]
    #[validate(max_properties = 3, values(max_length = 3))]
    extra: std::collections::BTreeMap<String, String>,
    #[serde(flatten)]
    #[validate(values(max_length = 3))]
    inner: Inner,
}

fn main() {}
