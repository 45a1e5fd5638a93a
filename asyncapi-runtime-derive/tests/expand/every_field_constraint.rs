//! Every field-level constraint, in the order written; a pattern used twice is compiled
//! once; `format` other than `byte` and `unique_items = false` check nothing.

#[derive(serde::Deserialize, Validate)]
struct Everything {
    #[validate(max_length = 8, min_length = 2, pattern = "^a")]
    #[validate(format = "byte")]
    text: String,
    #[validate(exclusive_minimum = -2, exclusive_maximum = 3, multiple_of = 0.5)]
    ratio: f64,
    #[validate(minimum = -170141183460469231731687303715884105728, maximum = 1e300)]
    wide: f64,
    #[validate(min_items = 1, max_items = 3, unique_items)]
    list: Vec<String>,
    #[validate(min_properties = 1, max_properties = 2)]
    map: std::collections::BTreeMap<String, String>,
    #[validate(format = "date-time", unique_items = false, pattern = "^a")]
    stamp: Option<String>,
}
