use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    // Valid ECMA-262 that the `regex` crate cannot express: accepted.
    #[validate(pattern = "^(?=a)")]
    lookahead: String,
    #[validate(items(pattern = r"(a)\1"))]
    backreference: Vec<String>,
    #[validate(pattern = r"(?<!x)\d{0,100000}")]
    too_big_for_regex: String,
    // Invalid ECMA-262: refused at the attribute.
    #[validate(pattern = "a**")]
    syntax: String,
    #[validate(items(pattern = "(?<=a"))]
    unclosed_lookbehind: Vec<String>,
    #[validate(pattern = r"\k<x>")]
    unknown_group_name: String,
}

fn main() {}
