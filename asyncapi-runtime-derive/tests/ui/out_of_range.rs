use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(max_length = 18446744073709551616)]
    partition_key: String,
    #[validate(maximum = 170141183460469231731687303715884105728)]
    count: i128,
    #[validate(minimum = -1e400)]
    ratio: f64,
}

fn main() {}
