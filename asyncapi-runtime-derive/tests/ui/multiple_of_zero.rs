use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(multiple_of = 0)]
    count: i64,
    #[validate(multiple_of = -0.5)]
    ratio: f64,
}

fn main() {}
