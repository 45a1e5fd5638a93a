use asyncapi_runtime::FromJson;

// Strings from a fixed set: serde's Deserialize reads them.
#[derive(FromJson)]
enum Kind {
    A,
    B,
}

#[derive(FromJson)]
struct Pair(u8, u8);

#[derive(FromJson)]
struct Nothing;

#[derive(FromJson)]
enum External {
    A(u8),
    B { b: u8 },
}

#[derive(FromJson)]
#[serde(tag = "type")]
enum Internal {
    A { a: u8 },
}

#[derive(FromJson)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    A(u8),
}

#[derive(FromJson)]
#[serde(untagged)]
enum Mixed {
    Fine(u8),
    Pair(u8, u8),
    Fields { a: u8 },
}

#[derive(FromJson)]
#[serde(untagged)]
struct NotAnEnum {
    a: u8,
}

#[derive(FromJson)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
