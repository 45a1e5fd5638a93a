//! `FromJson` on a struct with named fields: an object read member by member, by wire
//! name (`rename`, `rename_all`, `alias`); `Option`s absent are `None`, `default`s take
//! their default, the rest are required; other members are skipped (a repeated one is
//! refused) or refused (`deny_unknown_fields`).

#[derive(FromJson)]
#[serde(rename_all = "camelCase")]
struct Record {
    partition_key: String,
    #[serde(rename = "SequenceNumber", alias = "seq")]
    sequence_number: String,
    approximate_arrival_timestamp: Option<f64>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default = "one")]
    weight: u32,
    #[serde(skip)]
    cached: Option<usize>,
    r#type: u8,
}

#[derive(FromJson)]
#[serde(deny_unknown_fields, default)]
struct Strict {
    a: u8,
    #[serde(skip_deserializing)]
    b: u8,
}
