use asyncapi_runtime::Validate;

// Bounds as JSON number text: the text is checked, and bounds are compared exactly.
#[derive(serde::Deserialize, Validate)]
struct Record {
    #[validate(minimum = "1.")]
    a: asyncapi_runtime::Number,
    #[validate(maximum = "0x10")]
    b: asyncapi_runtime::Number,
    #[validate(multiple_of = -"1")]
    c: asyncapi_runtime::Number,
    #[validate(exclusive_maximum = " 1")]
    d: asyncapi_runtime::Number,
    #[validate(minimum = "1.00000000000000000001", maximum = "1.00000000000000000000")]
    e: asyncapi_runtime::Number,
    #[validate(minimum = "0.30000000000000000001", maximum = 0.3)]
    f: asyncapi_runtime::Number,
    #[validate(exclusive_minimum = "1e-400", exclusive_maximum = 0)]
    g: asyncapi_runtime::Number,
    #[validate(multiple_of = "0.000")]
    h: asyncapi_runtime::Number,
    // Equal as values, however written: fine for inclusive bounds.
    #[validate(minimum = "1e2", maximum = 100)]
    i: asyncapi_runtime::Number,
}

fn main() {}
