//! `rename_all` on variants, aliases, a skipped variant and `#[serde(other)]`.

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Level {
    #[serde(alias = "lo")]
    VeryLow,
    High,
    #[serde(skip)]
    Internal,
    #[serde(other)]
    Unknown,
}
