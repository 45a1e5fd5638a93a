use asyncapi_runtime::Validate;

#[derive(serde::Deserialize, Validate)]
struct Record {
    // No condition.
    #[validate(when(then(pattern = "a")))]
    a: String,
    // A keyword that cannot be a condition.
    #[validate(when(minimum = 1, then(pattern = "a")))]
    b: String,
    // `then` twice.
    #[validate(when(min_length = 1, then(pattern = "a"), then(pattern = "b")))]
    c: String,
    // `then` outside `when`.
    #[validate(then(pattern = "a"))]
    d: String,
    // `when` without parentheses.
    #[validate(when)]
    e: String,
    // A bad pattern in a condition, and in a branch.
    #[validate(when(pattern = "(", otherwise(pattern = "[")))]
    f: String,
}

fn main() {}
