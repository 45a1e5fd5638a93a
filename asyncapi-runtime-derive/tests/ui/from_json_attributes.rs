use asyncapi_runtime::{FromJson, Map};

#[derive(FromJson)]
struct TwoExtras {
    #[serde(flatten)]
    a: Map,
    #[serde(flatten)]
    b: Map,
}

#[derive(FromJson)]
#[serde(deny_unknown_fields)]
struct DeniedExtras {
    #[serde(flatten, default)]
    rest: Map,
}

#[derive(FromJson)]
#[serde(from = "u8")]
struct Converted {
    a: u8,
}

#[derive(FromJson)]
struct Bounded<T> {
    #[serde(bound = "T: Default")]
    a: T,
}

#[derive(FromJson)]
struct Named<'de> {
    a: &'de str,
}

#[derive(FromJson)]
struct SameName {
    a: u8,
    #[serde(rename = "a")]
    b: u8,
    #[serde(alias = "a")]
    c: u8,
}

#[derive(FromJson)]
#[serde(transparent)]
struct TwoRead {
    a: u8,
    b: u8,
}

#[derive(FromJson)]
struct NewtypeFlatten(#[serde(flatten)] Map);

#[derive(FromJson)]
#[serde(transparent)]
struct NothingRead {
    #[serde(skip)]
    a: u8,
}

#[derive(FromJson)]
#[serde(untagged)]
enum VariantBound<T> {
    #[serde(bound = "T: Default")]
    A(T),
}

fn main() {}
