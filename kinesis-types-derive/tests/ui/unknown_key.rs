use kinesis_types::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(max_len = 256)]
    partition_key: String,
}

#[derive(serde::Deserialize, Validate)]
#[validate(krate = "kinesis_types")]
struct Container {
    a: String,
}

fn main() {}
