//! A type that borrows from its input gets `Validate` only (`ValidateJson` needs
//! `DeserializeOwned`); an untagged one checks the variant it holds.

#[derive(serde::Deserialize, Validate)]
struct Borrowed<'a> {
    #[validate(max_length = 4)]
    #[serde(borrow)]
    key: std::borrow::Cow<'a, str>,
}

#[derive(serde::Deserialize, serde::Serialize, Validate)]
#[serde(untagged)]
enum EitherRef<'a> {
    Text(#[validate(min_length = 1)] &'a str),
    Number(u64),
}
