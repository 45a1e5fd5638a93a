//! `deny_unknown_fields`: every property no field (or alias) names is reported.

#[derive(serde::Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Strict {
    #[serde(rename = "a-b", alias = "ab", alias = "AB")]
    a: String,
    #[serde(default)]
    b: u32,
    #[serde(skip)]
    c: u32,
    #[serde(rename(serialize = "ser", deserialize = "de"))]
    d: Option<u8>,
    r#type: String,
}
