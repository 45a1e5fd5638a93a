use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(max_length = 3)]
    count: u32,
    #[validate(minimum = 0)]
    name: String,
    #[validate(when(min_length = 1, then(max_length = 3)))]
    size: u64,
}

fn main() {}
