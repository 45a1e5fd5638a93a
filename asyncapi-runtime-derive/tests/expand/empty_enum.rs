//! An enum without variants has no value to check and no JSON it accepts.

#[derive(serde::Deserialize, Validate)]
enum Never {}
