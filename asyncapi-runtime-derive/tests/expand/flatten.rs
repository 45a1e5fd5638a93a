//! Flattened maps take the properties no field names (`values(...)` checks each);
//! flattened structs read the same object; `Value` takes anything.

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    event_id: String,
    #[serde(alias = "kind")]
    event_type: Option<String>,
    #[serde(flatten)]
    inner: Inner,
    #[serde(flatten)]
    maybe: Option<Inner>,
    #[serde(flatten)]
    #[validate(values(max_length = 10))]
    extra: std::collections::BTreeMap<String, String>,
}

#[derive(serde::Deserialize, Validate)]
struct Open {
    id: u32,
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

#[derive(serde::Deserialize, Validate)]
struct RuntimeMap {
    id: u32,
    #[serde(flatten)]
    #[validate(values(max_length = 3))]
    rest: asyncapi_runtime::Map<String>,
}
