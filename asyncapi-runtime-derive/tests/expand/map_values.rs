//! `values(...)` on maps, nested with itself and with `items(...)`, located by key.

#[derive(serde::Deserialize, Validate)]
struct Tags {
    #[validate(max_properties = 4, values(max_length = 3))]
    labels: std::collections::BTreeMap<String, String>,
    #[validate(values(items(minimum = 0), values(max_items = 2)))]
    nested: std::collections::HashMap<String, std::collections::BTreeMap<String, Vec<i64>>>,
    #[validate(items(values(pattern = "^x")))]
    rows: Vec<std::collections::BTreeMap<String, String>>,
}
