//! A unit-only enum: one of its names (`enum`).

#[derive(serde::Deserialize, Validate)]
enum Encryption {
    #[serde(rename = "NONE")]
    None,
    #[serde(rename = "KMS")]
    Kms,
}
