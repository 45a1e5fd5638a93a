use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(items(pattern = r"(a)\1"))]
    tags: Vec<String>,
}

fn main() {}
