//! `tag = "..."`: the tag sits among the variant's fields.

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "type", deny_unknown_fields)]
enum Event {
    Start {
        #[validate(min_length = 1)]
        id: String,
    },
    Stop,
    Wrapped(Inner),
    #[serde(other)]
    Unknown,
}
