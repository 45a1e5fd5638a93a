//! Tuple structs are arrays of exactly their length; a skipped position is not counted.

#[derive(serde::Deserialize, Validate)]
struct Pair(#[validate(max_length = 2)] String, #[serde(skip)] u8, #[validate(minimum = 0)] i32);
