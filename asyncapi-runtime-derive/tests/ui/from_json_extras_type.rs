use asyncapi_runtime::FromJson;

#[derive(FromJson)]
struct Extras {
    a: u8,
    #[serde(flatten)]
    rest: String,
}

fn main() {}
