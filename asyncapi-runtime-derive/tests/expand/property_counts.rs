//! Container `min_properties`/`max_properties`: fields present plus flattened extras.

#[derive(serde::Deserialize, Validate)]
#[validate(min_properties = 1, max_properties = 3)]
struct Sparse {
    a: Option<String>,
    b: String,
    #[serde(skip)]
    c: u8,
    #[serde(flatten)]
    extra: std::collections::BTreeMap<String, u32>,
    #[serde(flatten)]
    inner: Inner,
}
