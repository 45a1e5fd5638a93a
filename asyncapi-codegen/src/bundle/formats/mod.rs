//! Payload schemas in other schema languages, translated into JSON Schema draft 07.
//!
//! A Multi Format Schema Object (`{schemaFormat, schema}`) may give a message's payload
//! or headers in Apache Avro or as an OpenAPI 3.0 Schema Object. The generator types
//! JSON Schema, so [`translate`] rewrites those languages into a draft-07 schema that
//! accepts exactly the JSON documents the original describes (see [`avro`] and
//! [`openapi`] for the reading of each language, and for what cannot be carried over).
//! After the translation the usual typing and validation apply unchanged.
//!
//! JSON Schema (and the AsyncAPI Schema Object) needs no translation; formats the
//! generator does not know stay opaque payloads. Both give `None`.
//!
//! Every translation is total: a schema the language allows translates, a schema it
//! does not allow is a [`FormatError`] that names the construct and its JSON pointer
//! inside the translated schema, and no input panics.

pub mod avro;
pub mod normalize;
pub mod openapi;

use std::fmt;

use asyncapi_runtime::Value;

use crate::load::walk::SchemaFormat;

/// Nesting deeper than this is refused: the loader never produces deeper documents
/// ([`crate::load::MAX_DEPTH`]), and the limit keeps the recursion's stack bounded for
/// values built in memory.
pub const MAX_DEPTH: usize = crate::load::MAX_DEPTH;

/// The schema language a [`FormatError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// Apache Avro.
    Avro,
    /// The OpenAPI 3.0 Schema Object.
    OpenApi,
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Language::Avro => "Avro",
            Language::OpenApi => "OpenAPI 3.0",
        })
    }
}

/// Why a schema in another language cannot be translated. Every variant carries the
/// RFC 6901 pointer of the offending value inside the schema being translated (`""`
/// for its top); callers prefix the pointer of the schema in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormatError {
    /// A member the construct requires is absent (a record without `name`).
    Missing {
        /// The schema language.
        language: Language,
        /// Where the construct is.
        pointer: String,
        /// The construct (`record`, `record field`, `fixed`, ...).
        construct: &'static str,
        /// The missing member.
        member: &'static str,
    },
    /// A value is not what the language allows at its place (`"size": -1`, a name with
    /// a dash, `nullable: "yes"`).
    Invalid {
        /// The schema language.
        language: Language,
        /// Where the value is.
        pointer: String,
        /// The construct the value belongs to.
        construct: &'static str,
        /// What the language requires there.
        expected: String,
    },
    /// An Avro type name that names neither a primitive type nor a named type defined
    /// before it (Avro requires definition before use).
    UnknownType {
        /// Where the name is used.
        pointer: String,
        /// The name as written.
        name: String,
        /// The fullname it was looked up as.
        fullname: String,
    },
    /// A name defined twice where names must be unique: record fields, enum symbols,
    /// the fullnames of named types.
    Duplicate {
        /// Where the second definition is.
        pointer: String,
        /// What kind of name (`record field`, `enum symbol`, `type name`).
        construct: &'static str,
        /// The name.
        name: String,
    },
    /// An Avro union that the specification forbids: a union directly inside a union,
    /// or two branches of the same unnamed type (two `array`s, `int` twice) or of the
    /// same named type.
    Union {
        /// Where the offending branch is.
        pointer: String,
        /// Why the union is not allowed.
        reason: String,
    },
    /// An Avro `default` that is not a value of its type (for a union: of its first
    /// branch, as the specification requires).
    Default {
        /// Where the default is.
        pointer: String,
        /// The type the default must be a value of, in Avro's words.
        expected: String,
    },
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep {
        /// The schema language.
        language: Language,
        /// Where the limit was reached.
        pointer: String,
    },
}

impl FormatError {
    /// The RFC 6901 pointer of the offending value inside the translated schema.
    pub fn pointer(&self) -> &str {
        match self {
            FormatError::Missing { pointer, .. }
            | FormatError::Invalid { pointer, .. }
            | FormatError::UnknownType { pointer, .. }
            | FormatError::Duplicate { pointer, .. }
            | FormatError::Union { pointer, .. }
            | FormatError::Default { pointer, .. }
            | FormatError::TooDeep { pointer, .. } => pointer,
        }
    }

    /// The schema language the error is about.
    pub fn language(&self) -> Language {
        match self {
            FormatError::Missing { language, .. }
            | FormatError::Invalid { language, .. }
            | FormatError::TooDeep { language, .. } => *language,
            FormatError::UnknownType { .. }
            | FormatError::Duplicate { .. }
            | FormatError::Union { .. }
            | FormatError::Default { .. } => Language::Avro,
        }
    }

    /// The same error with `prefix` (the pointer of the translated schema in its
    /// document) put before its pointer.
    pub fn within(mut self, prefix: &str) -> FormatError {
        let pointer = match &mut self {
            FormatError::Missing { pointer, .. }
            | FormatError::Invalid { pointer, .. }
            | FormatError::UnknownType { pointer, .. }
            | FormatError::Duplicate { pointer, .. }
            | FormatError::Union { pointer, .. }
            | FormatError::Default { pointer, .. }
            | FormatError::TooDeep { pointer, .. } => pointer,
        };
        pointer.insert_str(0, prefix);
        self
    }
}

impl fmt::Display for FormatError {
    /// `<language> schema, #<pointer>: <what is wrong>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} schema, #{}: ", self.language(), self.pointer())?;
        match self {
            FormatError::Missing {
                construct, member, ..
            } => {
                write!(f, "{construct} has no {member:?}, which it requires")
            }
            FormatError::Invalid {
                construct,
                expected,
                ..
            } => write!(f, "{construct}: {expected}"),
            FormatError::UnknownType { name, fullname, .. } => {
                write!(f, "unknown type {name:?}")?;
                if name != fullname {
                    write!(f, " (looked up as {fullname:?})")?;
                }
                f.write_str(": not a primitive type, and no named type of that name is defined before this point")
            }
            FormatError::Duplicate {
                construct, name, ..
            } => {
                write!(f, "{construct} {name:?} is defined twice")
            }
            FormatError::Union { reason, .. } => write!(f, "union: {reason}"),
            FormatError::Default { expected, .. } => {
                write!(f, "default is not a value of its type ({expected})")
            }
            FormatError::TooDeep { .. } => write!(f, "nested deeper than {MAX_DEPTH} levels"),
        }
    }
}

impl std::error::Error for FormatError {}

/// The JSON Schema draft 07 translation of `schema`, the `schema` member of a Multi
/// Format Schema Object whose `schemaFormat` reads as `format`, to be placed at the
/// JSON pointer `base` of the document (Avro's named types are referred to by
/// `$ref`s that start with `base`).
///
/// `None` when there is nothing to translate: JSON Schema and the AsyncAPI Schema
/// Object are used as written, and [`SchemaFormat::Other`] formats stay opaque.
/// Errors are located inside `schema` ([`FormatError::within`] adds the document's
/// prefix).
pub fn translate(
    format: &SchemaFormat,
    schema: &Value,
    base: &str,
) -> Result<Option<Value>, FormatError> {
    match format {
        SchemaFormat::Avro => avro::to_json_schema(schema, base).map(Some),
        SchemaFormat::OpenApi => openapi::to_json_schema(schema).map(Some),
        SchemaFormat::JsonSchema | SchemaFormat::Other(_) => Ok(None),
    }
}

#[cfg(test)]
mod fixtures;

/// Checking translations with the runtime's JSON Schema interpreter.
#[cfg(test)]
pub(crate) mod testing {
    use asyncapi_runtime::{Map, Schema, Value};

    use crate::load::pointer;

    /// A document with `schema` at the JSON pointer `base` (inside objects named after
    /// its tokens), compiled there.
    pub fn compile_at(schema: &Value, base: &str) -> Schema {
        let mut document = schema.clone();
        for token in pointer::tokens(base).iter().rev() {
            let mut map = Map::new();
            map.insert(token.clone(), document);
            document = Value::Object(map);
        }
        match Schema::compile(&document, &[base]) {
            Ok(schema) => schema,
            Err(error) => panic!(
                "the translation does not compile: {error}\n{}",
                document.to_json_pretty()
            ),
        }
    }

    /// JSON text as a value (test input is written correctly).
    pub fn json(text: &str) -> Value {
        match asyncapi_runtime::parse_json(text.as_bytes()) {
            Ok(value) => value,
            Err(error) => panic!("bad test JSON {text}: {error}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use asyncapi_runtime::parse_json;

    #[test]
    fn dispatches_by_format() {
        let avro = parse_json(br#"{"type": "map", "values": "int"}"#).unwrap();
        let out = translate(
            &SchemaFormat::parse("application/vnd.apache.avro;version=1.9.0"),
            &avro,
            "/x",
        )
        .unwrap()
        .unwrap();
        assert_eq!(out["type"], Value::from("object"));
        let openapi = parse_json(br#"{"type": "string", "nullable": true}"#).unwrap();
        let out = translate(
            &SchemaFormat::parse("application/vnd.oai.openapi;version=3.0.0"),
            &openapi,
            "/x",
        )
        .unwrap()
        .unwrap();
        assert_eq!(out, parse_json(br#"{"type": ["string", "null"]}"#).unwrap());
        for format in [
            "application/schema+json;version=draft-07",
            "application/vnd.aai.asyncapi;version=3.0.0",
            "application/raml+yaml;version=1.0",
        ] {
            assert_eq!(
                translate(&SchemaFormat::parse(format), &openapi, "/x"),
                Ok(None),
                "{format}"
            );
        }
    }

    #[test]
    fn errors_name_language_pointer_and_construct() {
        let error = FormatError::Missing {
            language: Language::Avro,
            pointer: "/fields/0".into(),
            construct: "record field",
            member: "name",
        };
        assert_eq!(
            error.to_string(),
            "Avro schema, #/fields/0: record field has no \"name\", which it requires"
        );
        let error = error.within("/components/messages/m/payload/schema");
        assert_eq!(
            error.pointer(),
            "/components/messages/m/payload/schema/fields/0"
        );
        let error = FormatError::Invalid {
            language: Language::OpenApi,
            pointer: "/nullable".into(),
            construct: "nullable",
            expected: "must be a boolean".into(),
        };
        assert_eq!(
            error.to_string(),
            "OpenAPI 3.0 schema, #/nullable: nullable: must be a boolean"
        );
        assert_eq!(error.language(), Language::OpenApi);
        let error = FormatError::UnknownType {
            pointer: "/items".into(),
            name: "Adress".into(),
            fullname: "com.x.Adress".into(),
        };
        assert!(error
            .to_string()
            .contains("unknown type \"Adress\" (looked up as \"com.x.Adress\")"));
        let boxed: Box<dyn std::error::Error> = Box::new(error);
        assert!(boxed.to_string().starts_with("Avro schema, #/items"));
    }
}
