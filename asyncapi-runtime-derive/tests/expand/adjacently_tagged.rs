//! `tag` + `content`: the content sits under its own key.

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
enum Message {
    Ping,
    Text(#[validate(max_length = 140)] String),
    Move { x: i32, y: i32 },
}
