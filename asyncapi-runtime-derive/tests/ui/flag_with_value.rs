use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(skip = true)]
    a: String,
    #[validate(required = true)]
    #[serde(deserialize_with = "asyncapi_runtime::__private::nullable")]
    b: Option<String>,
    #[validate(unique_items(true))]
    c: Vec<String>,
    #[validate(items = 3)]
    d: Vec<String>,
    #[validate(values)]
    e: std::collections::BTreeMap<String, String>,
}

#[derive(serde::Deserialize, Validate)]
#[serde(untagged)]
#[validate(one_of = true)]
enum Either {
    A(String),
    B(u32),
}

#[derive(serde::Deserialize, Validate)]
#[serde(untagged)]
#[validate(any_of(A, B))]
enum Any {
    A(String),
    B(u32),
}

fn main() {}
