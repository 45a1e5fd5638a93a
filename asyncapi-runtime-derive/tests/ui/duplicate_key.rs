use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(max_length = 256)]
    #[validate(min_length = 1, max_length = 128)]
    partition_key: String,
    #[validate(items(pattern = "a", pattern = "b"))]
    tags: Vec<String>,
    #[validate(required, required)]
    #[serde(deserialize_with = "asyncapi_runtime::__private::nullable")]
    note: Option<String>,
}

#[derive(serde::Deserialize, Validate)]
#[serde(untagged)]
#[validate(crate = "asyncapi_runtime", crate = "asyncapi_runtime", one_of)]
#[validate(one_of)]
enum Either {
    A(String),
    B(u32),
}

#[derive(serde::Deserialize, Validate)]
#[validate(max_properties = 3, max_properties = 4)]
struct Counted {
    a: String,
}

fn main() {}
