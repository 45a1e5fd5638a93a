//! Lengths, a pattern and numeric bounds on the fields of a struct; wire names from
//! `rename_all`; the optional field is not required.

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "PascalCase")]
struct Record {
    #[validate(min_length = 1, max_length = 256)]
    partition_key: String,
    #[validate(pattern = "0|([1-9]\\d{0,128})")]
    explicit_hash_key: Option<String>,
    #[validate(minimum = -1, maximum = 2.5)]
    count: i64,
}
