use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(multiple_of = 0)]
    count: i64,
    #[validate(multiple_of = -0.5)]
    ratio: f64,
    #[validate(values(multiple_of = -3))]
    steps: std::collections::BTreeMap<String, i64>,
}

fn main() {}
