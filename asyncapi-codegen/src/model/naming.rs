//! Rust names from document names: case conversion, keywords, collisions.
//!
//! Rules, applied in this order, so the same document always gives the same names:
//! 1. Split the name into words at non-alphanumeric characters, at lower-to-upper case
//!    changes (`eventSourceARN` -> event, source, ARN) and at the end of an upper-case
//!    run followed by a capitalised word (`ARNValue` -> ARN, Value).
//! 2. Join them as `PascalCase` (types, variants) or `snake_case` (fields). A letter
//!    outside ASCII is spelt by its code point in the identifier's case (`Μ` is `U39C`
//!    in a type, `u39c` in a field), so no two names look alike.
//! 3. A name that would start with a digit gets a prefix (`V` for variants, `T` for
//!    types, `_` for fields); an empty name becomes `Empty`/`empty`.
//! 4. Rust keywords become raw identifiers (`r#type`); `self`, `Self`, `super`, `crate`
//!    and `_`, which cannot be raw, get a trailing `_`.
//! 5. Names that still collide within their scope get `2`, `3`, ... appended in
//!    document order (the first keeps its name).
//!
//! Scopes, each claimed in this order:
//! - top-level types: the runtime names generated code uses (`Message`, `MessageName`,
//!   `MessageHeaders`, `JsonMap`, `JsonValue`, `JsonSchema`, `Base64Data`, `Integer`,
//!   `Validate`, `Serialize`, `Deserialize`) and the [`PRELUDE`] names (`Option`,
//!   `String`, `Vec`, `Box`, `Result`, `Some`, ...), then every `components/schemas` key
//!   in document order, then inline types as they are built: parent + property
//!   (`Order` + `lineItems` -> `OrderLineItems`), `Item` for array items, `Value` for
//!   `additionalProperties`, the alternative's `$ref` token or `title` (else
//!   `Variant<i>`) for `oneOf`/`anyOf`, union + tag value for a tagged union's variant
//!   structs, `<Message>Payload`/`<Message>Headers` for inline message schemas, the last
//!   pointer token for other `$ref` targets, and the file name up to its first `.` for a
//!   whole other file;
//! - fields: per struct, `additional_properties` first, then properties in order;
//!   variants: per enum or union;
//! - `channels` module: prelude, then per channel `<Channel>Address` and
//!   `<Channel>Message`, then the enums of enum parameters (`<Channel><Parameter>`);
//! - `operations` module: prelude, `OperationId`, `Payload`, then each operation id,
//!   then `<Operation>Message`;
//! - `servers` module: prelude, each server, then the enums of enum variables: a
//!   variable with the same name and the same values as an earlier one shares its enum
//!   (named after the variable); otherwise it gets its own, named after the variable,
//!   or server + variable when that name is taken by a different enum.

use std::collections::HashSet;

/// Splits a document name into words (see the module docs).
pub fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(&prev) = current.chars().last().as_ref() {
            let next = chars.get(i + 1).copied();
            let boundary = (prev.is_lowercase() && c.is_uppercase())
                || (prev.is_numeric() && c.is_alphabetic() && c.is_uppercase())
                || (prev.is_uppercase()
                    && c.is_uppercase()
                    && next.is_some_and(|n| n.is_lowercase()));
            if boundary {
                words.push(std::mem::take(&mut current));
            }
        }
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// `PascalCase`, ASCII-folded where possible, as used for types and variants.
pub fn pascal(name: &str) -> String {
    words(name).iter().map(|w| capitalise(w)).collect()
}

/// `snake_case`, as used for fields.
pub fn snake(name: &str) -> String {
    words(name)
        .iter()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join("_")
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
    "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// How a character outside ASCII is spelt: in the case of the identifier it joins, so a
/// field stays `snake_case` (`ue9`) and a type `PascalCase` (`UE9`) without a lint.
#[derive(Clone, Copy)]
enum Spelling {
    Upper,
    Lower,
}

/// Makes `name` a valid identifier: prefix for a leading digit, raw or suffixed keywords.
/// Returns the text to use with `syn::Ident` (`r#type` for raw identifiers).
fn identifier(name: &str, digit_prefix: &str, empty: &str, spelling: Spelling) -> String {
    // ASCII only: a name from another script (`Μ`, `価格`) is spelt by its code points
    // (`U39C`), so no identifier can be confused with another that looks alike.
    let mut ident = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            ident.push(c);
        } else if c.is_alphanumeric() {
            ident.push_str(&match spelling {
                Spelling::Upper => format!("U{:X}", u32::from(c)),
                Spelling::Lower => format!("u{:x}", u32::from(c)),
            });
        } else {
            ident.push('_');
        }
    }
    if ident.is_empty() {
        ident = empty.to_string();
    }
    if ident.starts_with(|c: char| c.is_numeric()) {
        ident.insert_str(0, digit_prefix);
    }
    if NOT_RAW.contains(&ident.as_str()) {
        ident.push('_');
    } else if KEYWORDS.contains(&ident.as_str()) {
        ident.insert_str(0, "r#");
    }
    ident
}

/// A type name.
pub fn type_name(name: &str) -> String {
    identifier(&pascal(name), "T", "Empty", Spelling::Upper)
}

/// An enum variant name.
pub fn variant_name(name: &str) -> String {
    identifier(&pascal(name), "V", "Empty", Spelling::Upper)
}

/// A field name.
pub fn field_name(name: &str) -> String {
    identifier(&snake(name), "_", "empty", Spelling::Lower)
}

/// A type name made of the type name `stem` and a `PascalCase` `suffix`: the `_` that
/// escapes `Self` goes (`Self_` + `Address` is `SelfAddress`, not `Self_Address`,
/// which is not camel case).
pub fn compound(stem: &str, suffix: &str) -> String {
    format!("{}{suffix}", stem.strip_suffix('_').unwrap_or(stem))
}

/// A constant name (`SCREAMING_SNAKE_CASE`).
pub fn const_name(name: &str) -> String {
    identifier(&snake(name).to_uppercase(), "_", "EMPTY", Spelling::Upper)
}

/// Prelude names that generated code uses unqualified (`Option<String>`, `Vec<T>`,
/// `Box<T>`, `Some(..)`, `Result<..>`, `Default`, ...): claimed in every type scope
/// before any document name, so a schema called `Option` becomes `Option2` instead of
/// shadowing the prelude.
pub const PRELUDE: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "ToString",
    "Default",
    "Clone",
    "Copy",
    "Debug",
    "PartialEq",
    "Eq",
    "Hash",
    "PartialOrd",
    "Ord",
    "From",
    "Into",
    "Send",
    "Sync",
    "Sized",
    "Iterator",
];

/// Hands out names unique within one scope (rule 5).
#[derive(Debug, Default)]
pub struct Scope {
    taken: HashSet<String>,
}

impl Scope {
    /// An empty scope.
    pub fn new() -> Self {
        Scope::default()
    }

    /// A scope with the [`PRELUDE`] names taken.
    pub fn with_prelude() -> Self {
        let mut scope = Scope::new();
        for name in PRELUDE {
            scope.claim(name);
        }
        scope
    }

    /// Reserves `name` (or `name2`, `name3`, ... when taken) and returns it.
    pub fn claim(&mut self, name: &str) -> String {
        let bare = name.trim_start_matches("r#");
        if self.taken.insert(bare.to_string()) {
            return name.to_string();
        }
        (2..)
            .map(|n| format!("{bare}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words() {
        assert_eq!(words("eventSourceARN"), ["event", "Source", "ARN"]);
        assert_eq!(words("ARNValue"), ["ARN", "Value"]);
        assert_eq!(words("aws:sqs:message"), ["aws", "sqs", "message"]);
        assert_eq!(words("us-east-1"), ["us", "east", "1"]);
    }

    #[test]
    fn converts_cases() {
        assert_eq!(field_name("eventSourceARN"), "event_source_arn");
        assert_eq!(field_name("SequenceNumber"), "sequence_number");
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("2fa"), "_2fa");
        assert_eq!(field_name("$%"), "empty");
        assert_eq!(variant_name("KMS"), "Kms");
        assert_eq!(variant_name("NONE"), "None");
        assert_eq!(variant_name("aws:sqs"), "AwsSqs");
        assert_eq!(variant_name("1.0"), "V10");
        assert_eq!(variant_name(""), "Empty");
        assert_eq!(type_name("Self"), "Self_");
        assert_eq!(const_name("streamName"), "STREAM_NAME");
        assert_eq!(variant_name("Μ"), "U39C");
        assert_eq!(field_name("prix_€"), "prix");
        assert_eq!(field_name("é"), "ue9");
        assert_eq!(field_name("größe"), "gruf6udfe");
        assert_eq!(field_name("価格"), "u4fa1u683c");
        assert_eq!(const_name("é"), "UC9");
        assert_eq!(compound(&type_name("self"), "Address"), "SelfAddress");
        assert_eq!(compound("Orders", "Message"), "OrdersMessage");
    }

    #[test]
    fn scopes_resolve_collisions_in_order() {
        let mut scope = Scope::new();
        assert_eq!(scope.claim("foo_bar"), "foo_bar");
        assert_eq!(scope.claim("foo_bar"), "foo_bar2");
        assert_eq!(scope.claim("foo_bar"), "foo_bar3");
        assert_eq!(scope.claim("r#type"), "r#type");
        assert_eq!(scope.claim("r#type"), "type2");
    }
}
