//! `untagged` (`any_of`, the default): the first alternative that matches settles it.

#[derive(serde::Deserialize, serde::Serialize, Validate)]
#[serde(untagged)]
#[validate(any_of)]
enum Limit<T> {
    Count(#[validate(maximum = 100)] u32),
    Named { name: String, value: T },
}
