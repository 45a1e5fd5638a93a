use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(pattern = "^(?=a)")]
    lookahead: String,
    #[validate(items(pattern = r"(a)\1"))]
    backreference: Vec<String>,
    #[validate(pattern = "a**")]
    syntax: String,
    #[validate(pattern = r"\d{0,100000}")]
    too_big: String,
}

fn main() {}
