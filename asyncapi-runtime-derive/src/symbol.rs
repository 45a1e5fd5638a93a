//! Every attribute key the derive reads, once: parsers compare paths against these
//! constants and messages print them, so no key is spelled twice.

use std::fmt::{self, Display};

use syn::ext::IdentExt;
use syn::{Ident, Path};

/// An attribute key (`validate`, `max_length`, `rename`, ...).
///
/// `PartialEq` and `Eq` are derived so that the constants work as `match` patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Symbol(&'static str);

/// `#[validate(...)]`, the derive's own attribute.
pub const VALIDATE: Symbol = Symbol("validate");
/// `#[serde(...)]`, read for the JSON shape.
pub const SERDE: Symbol = Symbol("serde");

/// Field: `pattern = "..."`, JSON Schema `pattern`.
pub const PATTERN: Symbol = Symbol("pattern");
/// Field: `min_length = N`, JSON Schema `minLength`.
pub const MIN_LENGTH: Symbol = Symbol("min_length");
/// Field: `max_length = N`, JSON Schema `maxLength`.
pub const MAX_LENGTH: Symbol = Symbol("max_length");
/// Field: `minimum = L`, JSON Schema `minimum`.
pub const MINIMUM: Symbol = Symbol("minimum");
/// Field: `maximum = L`, JSON Schema `maximum`.
pub const MAXIMUM: Symbol = Symbol("maximum");
/// Field: `exclusive_minimum = L`, JSON Schema `exclusiveMinimum`.
pub const EXCLUSIVE_MINIMUM: Symbol = Symbol("exclusive_minimum");
/// Field: `exclusive_maximum = L`, JSON Schema `exclusiveMaximum`.
pub const EXCLUSIVE_MAXIMUM: Symbol = Symbol("exclusive_maximum");
/// Field: `multiple_of = L`, JSON Schema `multipleOf`.
pub const MULTIPLE_OF: Symbol = Symbol("multiple_of");
/// Field: `min_items = N`, JSON Schema `minItems`.
pub const MIN_ITEMS: Symbol = Symbol("min_items");
/// Field: `max_items = N`, JSON Schema `maxItems`.
pub const MAX_ITEMS: Symbol = Symbol("max_items");
/// Field: `unique_items`, JSON Schema `uniqueItems`.
pub const UNIQUE_ITEMS: Symbol = Symbol("unique_items");
/// Field (a map) or type (the object): `min_properties = N`, JSON Schema `minProperties`.
pub const MIN_PROPERTIES: Symbol = Symbol("min_properties");
/// Field (a map) or type (the object): `max_properties = N`, JSON Schema `maxProperties`.
pub const MAX_PROPERTIES: Symbol = Symbol("max_properties");
/// Field: `format = "..."`, JSON Schema `format`.
pub const FORMAT: Symbol = Symbol("format");
/// Field: `items(...)`, the constraints of every item.
pub const ITEMS: Symbol = Symbol("items");
/// Field: `values(...)`, the constraints of every value of a map.
pub const VALUES: Symbol = Symbol("values");
/// Field: `when(conditions.., then(..), otherwise(..))`, JSON Schema `if`/`then`/`else`.
pub const WHEN: Symbol = Symbol("when");
/// Field: `then(...)` inside `when(...)`, the constraints when the conditions hold.
pub const THEN: Symbol = Symbol("then");
/// Field: `otherwise(...)` inside `when(...)`, the constraints when they do not.
pub const OTHERWISE: Symbol = Symbol("otherwise");
/// Field: `#[validate(skip)]`, and serde's `#[serde(skip)]`.
pub const SKIP: Symbol = Symbol("skip");
/// Field: `required`, on an `Option` that must be present.
pub const REQUIRED: Symbol = Symbol("required");

/// Type: `crate = "path"`, where the runtime is.
pub const CRATE: Symbol = Symbol("crate");
/// Type: `one_of`, an untagged enum matches exactly one variant.
pub const ONE_OF: Symbol = Symbol("one_of");
/// Type: `any_of`, an untagged enum matches at least one variant.
pub const ANY_OF: Symbol = Symbol("any_of");

/// Type: `json_schema(SCHEMA, N)`, `ValidateJson` is entry `N` of a `LazySchema`.
pub const JSON_SCHEMA: Symbol = Symbol("json_schema");
/// Type or field: `extra_schema(SCHEMA, N)`, the value is also checked against entry
/// `N` of a `LazySchema`.
pub const EXTRA_SCHEMA: Symbol = Symbol("extra_schema");

/// serde: `alias = "..."`, another name a field or variant is read from.
pub const ALIAS: Symbol = Symbol("alias");
/// serde: `borrow`, a field that borrows from the input.
pub const BORROW: Symbol = Symbol("borrow");
/// serde: `content = "..."`, the content key of an adjacently tagged enum.
pub const CONTENT: Symbol = Symbol("content");
/// serde: `default`, a missing property takes a default value.
pub const DEFAULT: Symbol = Symbol("default");
/// serde: `deny_unknown_fields`.
pub const DENY_UNKNOWN_FIELDS: Symbol = Symbol("deny_unknown_fields");
/// serde: the `deserialize = "..."` half of `rename(...)`/`rename_all(...)`.
pub const DESERIALIZE: Symbol = Symbol("deserialize");
/// serde: `deserialize_with = "path"`.
pub const DESERIALIZE_WITH: Symbol = Symbol("deserialize_with");
/// serde: `flatten`.
pub const FLATTEN: Symbol = Symbol("flatten");
/// serde: `other`, the variant that stands for every unknown tag.
pub const OTHER: Symbol = Symbol("other");
/// serde: `rename = "..."` or `rename(deserialize = "...")`.
pub const RENAME: Symbol = Symbol("rename");
/// serde: `rename_all = "..."`.
pub const RENAME_ALL: Symbol = Symbol("rename_all");
/// serde: `rename_all_fields = "..."`, on enums.
pub const RENAME_ALL_FIELDS: Symbol = Symbol("rename_all_fields");
/// serde: `skip_deserializing`.
pub const SKIP_DESERIALIZING: Symbol = Symbol("skip_deserializing");
/// serde: `tag = "..."`, an internally (or adjacently) tagged enum.
pub const TAG: Symbol = Symbol("tag");
/// serde: `transparent`.
pub const TRANSPARENT: Symbol = Symbol("transparent");
/// serde: `untagged`.
pub const UNTAGGED: Symbol = Symbol("untagged");
/// serde: `with = "module"`.
pub const WITH: Symbol = Symbol("with");

impl Symbol {
    /// The first of `symbols` that `path` is, if any.
    pub fn find(path: &Path, symbols: &[Symbol]) -> Option<Symbol> {
        symbols.iter().copied().find(|&symbol| *path == symbol)
    }
}

// Raw identifiers name the key they spell (`r#type` is `type`).
impl PartialEq<Symbol> for Ident {
    fn eq(&self, symbol: &Symbol) -> bool {
        self.unraw() == symbol.0
    }
}

/// A path is a key when it is that one identifier (no `::`, no arguments).
impl PartialEq<Symbol> for Path {
    fn eq(&self, symbol: &Symbol) -> bool {
        self.get_ident().is_some_and(|ident| *ident == *symbol)
    }
}

impl PartialEq<Symbol> for &Path {
    fn eq(&self, symbol: &Symbol) -> bool {
        **self == *symbol
    }
}

impl Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_match_the_one_ident_they_are() {
        let path = |s: &str| syn::parse_str::<Path>(s).unwrap();
        assert!(path("max_length") == MAX_LENGTH);
        assert!(path("r#tag") == TAG);
        assert!(path("max_length") != MIN_LENGTH);
        assert!(path("serde::max_length") != MAX_LENGTH);
        assert!(path("::max_length") != MAX_LENGTH);
        assert_eq!(
            Symbol::find(&path("tag"), &[RENAME, TAG, CONTENT]),
            Some(TAG)
        );
        assert_eq!(MIN_PROPERTIES.to_string(), "min_properties");
    }
}
