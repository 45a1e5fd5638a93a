//! Apache Avro schemas (specification 1.9 to 1.11) as JSON Schema draft 07.
//!
//! # The JSON that is described
//! An AsyncAPI message whose payload is an Avro schema carries, in JSON, the value
//! the way AsyncAPI tools read it: a record is a JSON object of its fields, and every
//! other value is written as Avro's JSON encoding writes it (numbers, strings, arrays,
//! objects for maps; `bytes` and `fixed` as strings whose code points U+0000 to U+00FF
//! are the bytes). The one departure from Avro's own JSON encoding is the union:
//! Avro wraps a non-null union value in an object naming its branch (`{"string":
//! "a"}`), AsyncAPI tools write the bare value (`"a"`), and so does this translation.
//! The translation accepts exactly the JSON documents that are such values:
//!
//! | Avro | JSON Schema |
//! |---|---|
//! | `null`, `boolean` | `type: null`, `type: boolean` |
//! | `int`, `long` | `type: integer` with the two's-complement bounds of 32 and 64 bits |
//! | `float`, `double` | `type: number` (any JSON number; readers round to the nearest binary32/64, which may be infinite) |
//! | `string` | `type: string` |
//! | `bytes` | `type: string`, `pattern: ^[\u0000-\u00ff]*$` (one code point per byte) |
//! | `fixed` of size n | as `bytes`, with `minLength` = `maxLength` = n: n bytes are n code points |
//! | `enum` | `type: string`, `enum` of its symbols; its `default` as `default` |
//! | `array`, `map` | `type: array` with `items`; `type: object` with `additionalProperties` |
//! | `record` | `type: object`, a property per field; a field is `required` unless it has a `default` (a reader fills it in); other members are allowed, as a reader ignores fields its schema lacks |
//! | field `doc`, `default`, `aliases` | `description`, `default`, `x-avro-aliases` on the property |
//! | `["null", T]` (either order) | T with `null` added to its `type` (and to its `enum`), so it types as a nullable T; `oneOf: [T, {type: null}]` when T is a `$ref` |
//! | other unions | `oneOf` of the branches when no JSON value can belong to two of them, else `anyOf` (`int` and `long`, `string` and `bytes`, two records overlap in JSON): a value is valid when it is a value of some branch |
//! | named types (`record`, `enum`, `fixed`) | inline where defined when never referred to by name; otherwise under `definitions/<fullname>` of the translation's top, every use a `$ref` to `#<base>/definitions/<fullname>` (recursive types included) |
//! | `doc`, `aliases`, the fullname | `description`, `x-avro-aliases`, `x-avro-name` |
//! | logical types | their underlying type (Avro writes them as it), annotated with `x-avro-logicalType` (`decimal` also with `x-avro-precision`, `x-avro-scale`; `uuid` also with `format: uuid`); a logical type that is unknown or invalid for its type is ignored, as the specification says |
//! | `example`; `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf` on numbers; `pattern`, `minLength`, `maxLength` on strings; `minItems`, `maxItems`, `uniqueItems` on arrays (on the type or on its field) | applied as JSON Schema, as the AsyncAPI Avro parser applies them |
//!
//! Field `order` and other attributes are Avro metadata with no bearing on which
//! values are valid; they are not carried over. Where a field's annotations and those
//! of a named type written inline in it meet on one schema, the field's win and the
//! type's are kept as `x-avro-type-description`, `x-avro-type-default`,
//! `x-avro-type-aliases`. Constraint attributes meeting a bound already there (`int`'s
//! own, or the type's and the field's) combine to the stricter, or both hold through
//! `allOf`.
//!
//! Names resolve as the specification says: a name with a dot is a fullname, a simple
//! one is in the namespace of the innermost enclosing named type, and must be defined
//! earlier (depth first, left to right; a record's own name counts inside it). A
//! simple name that is not found there is looked up in the null namespace, as Avro's
//! Java implementation does, since the specification leaves no other way to refer
//! to it. Also accepted as Avro's implementations accept them: `{"type": <schema>}`
//! (the schema inside), and `error` as a record.
//!
//! # What cannot be carried over
//! - Avro's own JSON encoding of unions (`{"branch": value}`): documents in it are
//!   refused, as AsyncAPI tools do.
//! - Which branch of an overlapping union a value belongs to (`5` in `["int",
//!   "long"]`): JSON does not say, so neither can the translation.
//! - The precision of `float` (32 bits): a JSON number is accepted for a `float` as
//!   for a `double`, and rounded by whoever reads it.
//! - Schema resolution (reading with a schema other than the writer's): aliases and
//!   an enum's `default` are annotations; a value is checked against this schema.
//!
//! # What is refused
//! Everything the specification does not allow, with the pointer inside the Avro
//! schema: a missing `type`, `name`, `fields`, `symbols`, `size`, `items` or `values`;
//! a name that is not `[A-Za-z_][A-Za-z0-9_]*` (dot-separated for fullnames and
//! namespaces) or that is a primitive type's; a type name used before its definition
//! or never defined; a fullname, field or symbol defined twice; a union inside a
//! union or with two branches of the same type; a `default` that is not a value of
//! its field's type (of the first branch, for a union) or an enum `default` that is
//! not a symbol; an `order` other than `ascending`, `descending`, `ignore`; a `doc`
//! or `aliases` of the wrong kind; constraint attributes of the wrong kind (`minimum:
//! "0"`); and nesting deeper than [`MAX_DEPTH`].

use std::collections::{HashMap, HashSet};

use asyncapi_runtime::{Map, Number, Value};

use super::{FormatError, Language, MAX_DEPTH};
use crate::load::pointer;

/// The bytes of `bytes` and `fixed` values: one code point U+0000 to U+00FF each.
const BYTES_PATTERN: &str = "^[\\u0000-\\u00ff]*$";

/// The translation of the Avro schema `schema` into JSON Schema draft 07, to be placed
/// at the JSON pointer `base` of its document: named types referred to by name are
/// put under `definitions` of the translation's top and referred to as
/// `#<base>/definitions/<fullname>`. See the module documentation for what each
/// construct becomes.
pub fn to_json_schema(schema: &Value, base: &str) -> Result<Value, FormatError> {
    let mut parser = Parser::default();
    let root = parser.parse(schema, "", "", 0)?;
    parser.check_defaults()?;
    let emitter = Emitter {
        types: &parser.types,
        base,
    };
    let mut out = emitter.schema(&root);
    let definitions: Map = parser
        .types
        .iter()
        .enumerate()
        .filter(|(_, named)| named.referenced)
        .map(|(index, named)| (named.fullname.clone(), Value::Object(emitter.body(index))))
        .collect();
    if !definitions.is_empty() {
        out.insert("definitions", Value::Object(definitions));
    }
    Ok(Value::Object(out))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Primitive {
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
}

impl Primitive {
    fn from_name(name: &str) -> Option<Primitive> {
        Some(match name {
            "null" => Primitive::Null,
            "boolean" => Primitive::Boolean,
            "int" => Primitive::Int,
            "long" => Primitive::Long,
            "float" => Primitive::Float,
            "double" => Primitive::Double,
            "bytes" => Primitive::Bytes,
            "string" => Primitive::String,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Primitive::Null => "null",
            Primitive::Boolean => "boolean",
            Primitive::Int => "int",
            Primitive::Long => "long",
            Primitive::Float => "float",
            Primitive::Double => "double",
            Primitive::Bytes => "bytes",
            Primitive::String => "string",
        }
    }

    /// Which constraint attributes apply (as the AsyncAPI Avro parser reads them).
    fn class(self) -> Option<Class> {
        match self {
            Primitive::Int | Primitive::Long | Primitive::Float | Primitive::Double => {
                Some(Class::Number)
            }
            Primitive::String => Some(Class::String),
            _ => None,
        }
    }
}

/// The kinds of value the AsyncAPI Avro parser applies constraint attributes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Number,
    String,
    Array,
}

impl Class {
    fn keywords(self) -> &'static [&'static str] {
        match self {
            Class::Number => &[
                "minimum",
                "maximum",
                "exclusiveMinimum",
                "exclusiveMaximum",
                "multipleOf",
            ],
            Class::String => &["pattern", "minLength", "maxLength"],
            Class::Array => &["minItems", "maxItems", "uniqueItems"],
        }
    }
}

/// A valid logical type (the others are ignored, as the specification requires).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Logical {
    Decimal {
        precision: u64,
        scale: u64,
    },
    /// `uuid`, `date`, `time-millis`, ... by name.
    Named(&'static str),
}

/// What a logical type annotates.
#[derive(Debug, Clone, Copy)]
enum Underlying {
    Primitive(Primitive),
    Fixed(u64),
}

#[derive(Debug)]
enum Type {
    Primitive {
        kind: Primitive,
        logical: Option<Logical>,
        /// Keywords added to the schema: `description`, `examples`, constraints.
        annotations: Map,
    },
    Array {
        items: Box<Type>,
        annotations: Map,
    },
    Map {
        values: Box<Type>,
        annotations: Map,
    },
    Union(Vec<Type>),
    /// A named type, where it is defined or referred to (an index into the types).
    Named(usize),
}

#[derive(Debug)]
struct Named {
    fullname: String,
    /// `description`, `x-avro-name`, `x-avro-aliases`.
    annotations: Map,
    kind: NamedKind,
    /// Whether it is referred to by name (then it goes under `definitions`).
    referenced: bool,
}

#[derive(Debug)]
enum NamedKind {
    /// A record (with no fields while they are being read).
    Record(Vec<Field>),
    Enum {
        symbols: Vec<String>,
    },
    Fixed {
        size: u64,
        logical: Option<Logical>,
    },
}

#[derive(Debug)]
struct Field {
    name: String,
    at: String,
    ty: Type,
    default: Option<Value>,
    /// `description`, `default`, `x-avro-aliases`, `examples` for the property.
    annotations: Map,
    /// Constraint attributes of the field, applied to its type (to the first non-null
    /// branch of a union).
    constraints: Map,
}

fn missing(pointer: &str, construct: &'static str, member: &'static str) -> FormatError {
    FormatError::Missing {
        language: Language::Avro,
        pointer: pointer.to_string(),
        construct,
        member,
    }
}

fn invalid(pointer: &str, construct: &'static str, expected: impl Into<String>) -> FormatError {
    FormatError::Invalid {
        language: Language::Avro,
        pointer: pointer.to_string(),
        construct,
        expected: expected.into(),
    }
}

/// Whether `name` is an Avro name: `[A-Za-z_][A-Za-z0-9_]*`.
fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether `name` is a fullname: names separated by dots.
fn is_fullname(name: &str) -> bool {
    name.split('.').all(is_name)
}

#[derive(Default)]
struct Parser {
    types: Vec<Named>,
    names: HashMap<String, usize>,
}

impl Parser {
    /// The type `value` (at `at`) declares, in the enclosing namespace `space`.
    fn parse(
        &mut self,
        value: &Value,
        at: &str,
        space: &str,
        depth: usize,
    ) -> Result<Type, FormatError> {
        if depth > MAX_DEPTH {
            return Err(FormatError::TooDeep {
                language: Language::Avro,
                pointer: at.to_string(),
            });
        }
        match value {
            Value::String(name) => self.by_name(name, at, space),
            Value::Array(branches) => self.union(branches, at, space, depth),
            Value::Object(map) => self.object(map, at, space, depth),
            _ => Err(invalid(
                at,
                "schema",
                "a schema is a type name (a string), a union (an array) or an object with \"type\"",
            )),
        }
    }

    /// A primitive type, or a reference to a named type defined before.
    fn by_name(&mut self, name: &str, at: &str, space: &str) -> Result<Type, FormatError> {
        if let Some(kind) = Primitive::from_name(name) {
            return Ok(Type::Primitive {
                kind,
                logical: None,
                annotations: Map::new(),
            });
        }
        // A name with a dot is a fullname; a simple one is in the enclosing namespace.
        let fullname = if name.contains('.') || space.is_empty() {
            name.to_string()
        } else {
            format!("{space}.{name}")
        };
        // A simple name not defined in the enclosing namespace is looked up in the
        // null namespace, as Avro's Java implementation does: the specification gives
        // no other way to refer to a type of the null namespace from inside a
        // namespace, and the lookup changes nothing it resolves.
        let found = self
            .names
            .get(&fullname)
            .or_else(|| match name.contains('.') {
                false => self.names.get(name),
                true => None,
            });
        match found {
            Some(&index) => {
                self.types[index].referenced = true;
                Ok(Type::Named(index))
            }
            None => Err(FormatError::UnknownType {
                pointer: at.to_string(),
                name: name.to_string(),
                fullname,
            }),
        }
    }

    fn object(
        &mut self,
        map: &Map,
        at: &str,
        space: &str,
        depth: usize,
    ) -> Result<Type, FormatError> {
        let type_at = pointer::join(at, "type");
        let name = match map.get("type") {
            None => return Err(missing(at, "schema", "type")),
            Some(Value::String(name)) => name.as_str(),
            // `{"type": {...}}` and `{"type": [...]}`: the schema written inside, as
            // Avro's implementations read it.
            Some(inner @ (Value::Object(_) | Value::Array(_))) => {
                return self.parse(inner, &type_at, space, depth + 1)
            }
            Some(_) => return Err(invalid(&type_at, "schema", "\"type\" must be a type name")),
        };
        if let Some(kind) = Primitive::from_name(name) {
            return Ok(Type::Primitive {
                kind,
                logical: logical_type(map, Underlying::Primitive(kind)),
                annotations: annotations(map, at, kind.class())?,
            });
        }
        match name {
            // `error` is a record under another name (Avro protocols declare errors so).
            "record" | "error" => self.record(map, at, space, depth),
            "enum" => self.enumeration(map, at, space),
            "fixed" => self.fixed(map, at, space),
            "array" => {
                let items = map
                    .get("items")
                    .ok_or_else(|| missing(at, "array", "items"))?;
                let items = self.parse(items, &pointer::join(at, "items"), space, depth + 1)?;
                Ok(Type::Array {
                    items: Box::new(items),
                    annotations: annotations(map, at, Some(Class::Array))?,
                })
            }
            "map" => {
                let values = map
                    .get("values")
                    .ok_or_else(|| missing(at, "map", "values"))?;
                let values = self.parse(values, &pointer::join(at, "values"), space, depth + 1)?;
                Ok(Type::Map {
                    values: Box::new(values),
                    annotations: annotations(map, at, None)?,
                })
            }
            _ => self.by_name(name, &type_at, space),
        }
    }

    /// Registers the named type defined by `map`: its index and its namespace (the
    /// enclosing one for what it contains).
    fn define(
        &mut self,
        map: &Map,
        at: &str,
        space: &str,
        construct: &'static str,
    ) -> Result<(usize, String), FormatError> {
        let name_at = pointer::join(at, "name");
        let name = match map.get("name") {
            None => return Err(missing(at, construct, "name")),
            Some(Value::String(name)) => name.as_str(),
            Some(_) => return Err(invalid(&name_at, construct, "\"name\" must be a string")),
        };
        let namespace_at = pointer::join(at, "namespace");
        let namespace = match map.get("namespace") {
            None | Some(Value::Null) => None,
            Some(Value::String(namespace)) => Some(namespace.as_str()),
            Some(_) => {
                return Err(invalid(
                    &namespace_at,
                    construct,
                    "\"namespace\" must be a string",
                ))
            }
        };
        if !is_fullname(name) {
            return Err(invalid(
                &name_at,
                construct,
                format!("{name:?} is not a name: names match [A-Za-z_][A-Za-z0-9_]*, fullnames are names joined by dots"),
            ));
        }
        // A name with a dot is a fullname (its namespace attribute is ignored); the
        // empty namespace is the null namespace.
        let fullname = match (name.contains('.'), namespace) {
            (true, _) | (false, Some("")) => name.to_string(),
            (false, Some(namespace)) => {
                if !is_fullname(namespace) {
                    return Err(invalid(
                        &namespace_at,
                        construct,
                        format!("{namespace:?} is not a namespace: names joined by dots, or empty"),
                    ));
                }
                format!("{namespace}.{name}")
            }
            (false, None) if space.is_empty() => name.to_string(),
            (false, None) => format!("{space}.{name}"),
        };
        let (inner_space, simple) = fullname.rsplit_once('.').unwrap_or(("", fullname.as_str()));
        if Primitive::from_name(simple).is_some() {
            return Err(invalid(
                &name_at,
                construct,
                format!("{simple:?} is a primitive type's name, which no named type may have"),
            ));
        }
        if self.names.contains_key(&fullname) {
            return Err(FormatError::Duplicate {
                pointer: name_at,
                construct: "type name",
                name: fullname,
            });
        }
        let inner_space = inner_space.to_string();
        let mut annotations = Map::new();
        if let Some(doc) = doc(map, at, construct)? {
            annotations.insert("description", doc);
        }
        annotations.insert("x-avro-name", Value::from(fullname.as_str()));
        if let Some(aliases) = aliases(map, at, construct, is_fullname)? {
            annotations.insert("x-avro-aliases", aliases);
        }
        let index = self.types.len();
        self.names.insert(fullname.clone(), index);
        self.types.push(Named {
            fullname,
            annotations,
            kind: NamedKind::Record(Vec::new()),
            referenced: false,
        });
        Ok((index, inner_space))
    }

    fn record(
        &mut self,
        map: &Map,
        at: &str,
        space: &str,
        depth: usize,
    ) -> Result<Type, FormatError> {
        // Registered before its fields are read, so that they may refer to it.
        let (index, inner) = self.define(map, at, space, "record")?;
        let fields_at = pointer::join(at, "fields");
        let list = match map.get("fields") {
            None => return Err(missing(at, "record", "fields")),
            Some(Value::Array(list)) => list,
            Some(_) => {
                return Err(invalid(
                    &fields_at,
                    "record",
                    "\"fields\" must be an array of fields",
                ))
            }
        };
        let mut fields = Vec::with_capacity(list.len());
        let mut seen = HashSet::new();
        for (i, field) in list.iter().enumerate() {
            let field_at = pointer::index(&fields_at, i);
            let Value::Object(field) = field else {
                return Err(invalid(
                    &field_at,
                    "record field",
                    "a field is an object with \"name\" and \"type\"",
                ));
            };
            let name = match field.get("name") {
                None => return Err(missing(&field_at, "record field", "name")),
                Some(Value::String(name)) if is_name(name) => name.clone(),
                Some(_) => {
                    return Err(invalid(
                        &pointer::join(&field_at, "name"),
                        "record field",
                        "a field's name is a string matching [A-Za-z_][A-Za-z0-9_]*",
                    ))
                }
            };
            if !seen.insert(name.clone()) {
                return Err(FormatError::Duplicate {
                    pointer: pointer::join(&field_at, "name"),
                    construct: "record field",
                    name,
                });
            }
            let ty = field
                .get("type")
                .ok_or_else(|| missing(&field_at, "record field", "type"))?;
            let ty = self.parse(ty, &pointer::join(&field_at, "type"), &inner, depth + 1)?;
            if let Some(order) = field.get("order") {
                if !matches!(order.as_str(), Some("ascending" | "descending" | "ignore")) {
                    return Err(invalid(
                        &pointer::join(&field_at, "order"),
                        "record field",
                        "\"order\" must be \"ascending\", \"descending\" or \"ignore\"",
                    ));
                }
            }
            let mut field_annotations = Map::new();
            if let Some(doc) = doc(field, &field_at, "record field")? {
                field_annotations.insert("description", doc);
            }
            let default = field.get("default").cloned();
            if let Some(default) = &default {
                field_annotations.insert("default", default.clone());
            }
            if let Some(aliases) = aliases(field, &field_at, "record field", is_name)? {
                field_annotations.insert("x-avro-aliases", aliases);
            }
            if let Some(example) = field.get("example") {
                field_annotations.insert("examples", Value::Array(vec![example.clone()]));
            }
            let constraints = match self.class(&ty) {
                Some(class) => constraints(field, &field_at, class)?,
                None => Map::new(),
            };
            fields.push(Field {
                name,
                at: field_at,
                ty,
                default,
                annotations: field_annotations,
                constraints,
            });
        }
        self.types[index].kind = NamedKind::Record(fields);
        Ok(Type::Named(index))
    }

    fn enumeration(&mut self, map: &Map, at: &str, space: &str) -> Result<Type, FormatError> {
        let (index, _) = self.define(map, at, space, "enum")?;
        let symbols_at = pointer::join(at, "symbols");
        let list = match map.get("symbols") {
            None => return Err(missing(at, "enum", "symbols")),
            Some(Value::Array(list)) => list,
            Some(_) => {
                return Err(invalid(
                    &symbols_at,
                    "enum",
                    "\"symbols\" must be an array of names",
                ))
            }
        };
        let mut symbols = Vec::with_capacity(list.len());
        for (i, symbol) in list.iter().enumerate() {
            let symbol_at = pointer::index(&symbols_at, i);
            let symbol = match symbol.as_str() {
                Some(symbol) if is_name(symbol) => symbol.to_string(),
                _ => {
                    return Err(invalid(
                        &symbol_at,
                        "enum",
                        "a symbol is a string matching [A-Za-z_][A-Za-z0-9_]*",
                    ))
                }
            };
            if symbols.contains(&symbol) {
                return Err(FormatError::Duplicate {
                    pointer: symbol_at,
                    construct: "enum symbol",
                    name: symbol,
                });
            }
            symbols.push(symbol);
        }
        if let Some(default) = map.get("default") {
            if !default
                .as_str()
                .is_some_and(|d| symbols.iter().any(|s| s == d))
            {
                return Err(FormatError::Default {
                    pointer: pointer::join(at, "default"),
                    expected: "one of the enum's symbols".into(),
                });
            }
            self.types[index]
                .annotations
                .insert("default", default.clone());
        }
        self.types[index].kind = NamedKind::Enum { symbols };
        Ok(Type::Named(index))
    }

    fn fixed(&mut self, map: &Map, at: &str, space: &str) -> Result<Type, FormatError> {
        let (index, _) = self.define(map, at, space, "fixed")?;
        let size = match map.get("size") {
            None => return Err(missing(at, "fixed", "size")),
            Some(size) => size.as_u64().ok_or_else(|| {
                invalid(
                    &pointer::join(at, "size"),
                    "fixed",
                    "\"size\" must be a non-negative integer",
                )
            })?,
        };
        let logical = logical_type(map, Underlying::Fixed(size));
        self.types[index].kind = NamedKind::Fixed { size, logical };
        Ok(Type::Named(index))
    }

    fn union(
        &mut self,
        branches: &[Value],
        at: &str,
        space: &str,
        depth: usize,
    ) -> Result<Type, FormatError> {
        let mut types = Vec::with_capacity(branches.len());
        let mut seen: Vec<String> = Vec::new();
        for (i, branch) in branches.iter().enumerate() {
            let branch_at = pointer::index(at, i);
            let ty = self.parse(branch, &branch_at, space, depth + 1)?;
            // The specification names the branch by its type: a primitive's or
            // complex type's name, a named type's fullname.
            let key = match &ty {
                Type::Union(_) => {
                    return Err(FormatError::Union {
                        pointer: branch_at,
                        reason: "a union may not immediately contain another union".into(),
                    })
                }
                Type::Primitive { kind, .. } => kind.name().to_string(),
                Type::Array { .. } => "array".to_string(),
                Type::Map { .. } => "map".to_string(),
                Type::Named(index) => self.types[*index].fullname.clone(),
            };
            if seen.contains(&key) {
                return Err(FormatError::Union {
                    pointer: branch_at,
                    reason: format!(
                        "two branches of type {key:?}: a union may hold each unnamed type once, and each named type once"
                    ),
                });
            }
            seen.push(key);
            types.push(ty);
        }
        Ok(Type::Union(types))
    }

    /// Which constraint attributes a field of type `ty` takes: those of the type, or of
    /// a union's first non-null branch (as the AsyncAPI Avro parser reads them).
    fn class(&self, ty: &Type) -> Option<Class> {
        match ty {
            Type::Primitive { kind, .. } => kind.class(),
            Type::Array { .. } => Some(Class::Array),
            Type::Union(branches) => branches
                .iter()
                .find(|b| !is_null(b))
                .and_then(|b| self.class(b)),
            Type::Map { .. } | Type::Named(_) => None,
        }
    }

    /// Refuses a field `default` that is not a value of the field's type; done once
    /// every type is read, as a default may be a value of the record it is in.
    fn check_defaults(&self) -> Result<(), FormatError> {
        for named in &self.types {
            let NamedKind::Record(fields) = &named.kind else {
                continue;
            };
            for field in fields {
                let Some(default) = &field.default else {
                    continue;
                };
                let pointer = pointer::join(&field.at, "default");
                let fits =
                    self.fits(&field.ty, default, 0)
                        .ok_or_else(|| FormatError::TooDeep {
                            language: Language::Avro,
                            pointer: pointer.clone(),
                        })?;
                if !fits {
                    return Err(FormatError::Default {
                        pointer,
                        expected: self.describe(&field.ty),
                    });
                }
            }
        }
        Ok(())
    }

    /// Whether `value` is a default value of type `ty`: its JSON encoding, a union's
    /// being its first branch's. `None` when nested too deeply to tell.
    fn fits(&self, ty: &Type, value: &Value, depth: usize) -> Option<bool> {
        if depth > MAX_DEPTH {
            return None;
        }
        Some(match ty {
            Type::Primitive { kind, .. } => primitive_accepts(*kind, value),
            Type::Array { items, .. } => match value {
                Value::Array(values) => {
                    for value in values {
                        if !self.fits(items, value, depth + 1)? {
                            return Some(false);
                        }
                    }
                    true
                }
                _ => false,
            },
            Type::Map { values, .. } => match value {
                Value::Object(map) => {
                    for value in map.values() {
                        if !self.fits(values, value, depth + 1)? {
                            return Some(false);
                        }
                    }
                    true
                }
                _ => false,
            },
            Type::Union(branches) => match branches.first() {
                Some(first) => self.fits(first, value, depth + 1)?,
                None => false,
            },
            Type::Named(index) => match &self.types[*index].kind {
                NamedKind::Record(fields) => match value {
                    Value::Object(map) => {
                        for field in fields {
                            let fits = match map.get(&field.name) {
                                Some(value) => self.fits(&field.ty, value, depth + 1)?,
                                None => field.default.is_some(),
                            };
                            if !fits {
                                return Some(false);
                            }
                        }
                        true
                    }
                    _ => false,
                },
                NamedKind::Enum { symbols } => value
                    .as_str()
                    .is_some_and(|s| symbols.iter().any(|x| x == s)),
                NamedKind::Fixed { size, .. } => is_bytes(value, Some(*size)),
            },
        })
    }

    /// The type in Avro's words, for messages.
    fn describe(&self, ty: &Type) -> String {
        match ty {
            Type::Primitive { kind, .. } => kind.name().to_string(),
            Type::Array { .. } => "array".to_string(),
            Type::Map { .. } => "map".to_string(),
            Type::Union(branches) => match branches.first() {
                Some(first) => format!(
                    "a union, whose default is a value of its first branch, {}",
                    self.describe(first)
                ),
                None => "the empty union, which has no values".to_string(),
            },
            Type::Named(index) => {
                let named = &self.types[*index];
                let kind = match named.kind {
                    NamedKind::Record(_) => "record",
                    NamedKind::Enum { .. } => "enum",
                    NamedKind::Fixed { .. } => "fixed",
                };
                format!("{kind} {}", named.fullname)
            }
        }
    }
}

fn is_null(ty: &Type) -> bool {
    matches!(
        ty,
        Type::Primitive {
            kind: Primitive::Null,
            ..
        }
    )
}

/// Whether `value` is the JSON of a value of the primitive type `kind`.
fn primitive_accepts(kind: Primitive, value: &Value) -> bool {
    let integer_in = |min: i64, max: i64| {
        value
            .as_number()
            .is_some_and(|n| n.is_integer() && n.as_i64().is_some_and(|i| (min..=max).contains(&i)))
    };
    match kind {
        Primitive::Null => value.is_null(),
        Primitive::Boolean => value.is_boolean(),
        Primitive::Int => integer_in(i64::from(i32::MIN), i64::from(i32::MAX)),
        Primitive::Long => integer_in(i64::MIN, i64::MAX),
        Primitive::Float | Primitive::Double => value.is_number(),
        Primitive::Bytes => is_bytes(value, None),
        Primitive::String => value.is_string(),
    }
}

/// Whether `value` is bytes in JSON (a string of code points up to U+00FF), of `size`
/// bytes when given.
fn is_bytes(value: &Value, size: Option<u64>) -> bool {
    let Some(text) = value.as_str() else {
        return false;
    };
    let mut count = 0u64;
    for c in text.chars() {
        if u32::from(c) > 0xff {
            return false;
        }
        count += 1;
    }
    size.is_none_or(|size| size == count)
}

/// A string member `doc`, as a `description`; another kind of value is refused where
/// the specification defines `doc` (named types and fields).
fn doc(map: &Map, at: &str, construct: &'static str) -> Result<Option<Value>, FormatError> {
    match map.get("doc") {
        None => Ok(None),
        Some(doc @ Value::String(_)) => Ok(Some(doc.clone())),
        Some(_) => Err(invalid(
            &pointer::join(at, "doc"),
            construct,
            "\"doc\" must be a string",
        )),
    }
}

/// The `aliases` member: a list of names (`valid` tells which).
fn aliases(
    map: &Map,
    at: &str,
    construct: &'static str,
    valid: fn(&str) -> bool,
) -> Result<Option<Value>, FormatError> {
    let Some(aliases) = map.get("aliases") else {
        return Ok(None);
    };
    let ok = aliases
        .as_array()
        .is_some_and(|list| list.iter().all(|alias| alias.as_str().is_some_and(valid)));
    if !ok {
        return Err(invalid(
            &pointer::join(at, "aliases"),
            construct,
            "\"aliases\" must be an array of names",
        ));
    }
    Ok(Some(aliases.clone()))
}

/// The keywords an unnamed type's schema object adds: `doc` (when a string: the
/// specification defines it only for named types and fields, so elsewhere it is
/// metadata), `example`, and the constraint attributes of `class`.
fn annotations(map: &Map, at: &str, class: Option<Class>) -> Result<Map, FormatError> {
    let mut out = match class {
        Some(class) => constraints(map, at, class)?,
        None => Map::new(),
    };
    if let Some(doc @ Value::String(_)) = map.get("doc") {
        out.insert("description", doc.clone());
    }
    if let Some(example) = map.get("example") {
        out.insert("examples", Value::Array(vec![example.clone()]));
    }
    Ok(out)
}

/// The constraint attributes of `class` present in `map`, checked to be what JSON
/// Schema requires of them.
fn constraints(map: &Map, at: &str, class: Class) -> Result<Map, FormatError> {
    let mut out = Map::new();
    for &key in class.keywords() {
        let Some(value) = map.get(key) else {
            continue;
        };
        let ok = match key {
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" => value.is_number(),
            "multipleOf" => value
                .as_number()
                .is_some_and(|n| !n.is_negative() && *n != Number::from(0u8)),
            "minLength" | "maxLength" | "minItems" | "maxItems" => value
                .as_number()
                .is_some_and(|n| n.is_integer() && !n.is_negative()),
            "pattern" => value.is_string(),
            _ => value.is_boolean(),
        };
        if !ok {
            let expected = match key {
                "multipleOf" => "a number greater than 0",
                "minLength" | "maxLength" | "minItems" | "maxItems" => "a non-negative integer",
                "pattern" => "a regular expression (a string)",
                "uniqueItems" => "a boolean",
                _ => "a number",
            };
            return Err(invalid(
                &pointer::join(at, key),
                "constraint attribute",
                format!("{key:?}, which the AsyncAPI reading of Avro applies as JSON Schema's, must be {expected}"),
            ));
        }
        out.insert(key, value.clone());
    }
    Ok(out)
}

/// The logical type `map` declares, when it is one the specification defines and valid
/// for its underlying type; others are ignored, as the specification requires.
fn logical_type(map: &Map, underlying: Underlying) -> Option<Logical> {
    let name = map.get("logicalType")?.as_str()?;
    use Primitive::{Bytes, Int, Long, String};
    use Underlying::{Fixed, Primitive as P};
    let valid = |name: &'static str| Some(Logical::Named(name));
    match (name, underlying) {
        ("decimal", P(Bytes) | Fixed(_)) => {
            let precision = map.get("precision")?.as_u64().filter(|&p| p > 0)?;
            let scale = match map.get("scale") {
                None => 0,
                Some(scale) => scale.as_u64().filter(|&s| s <= precision)?,
            };
            if let Fixed(size) = underlying {
                if !decimal_fits(precision, size) {
                    return None;
                }
            }
            Some(Logical::Decimal { precision, scale })
        }
        ("uuid", P(String)) => valid("uuid"),
        ("date", P(Int)) => valid("date"),
        ("time-millis", P(Int)) => valid("time-millis"),
        ("time-micros", P(Long)) => valid("time-micros"),
        ("timestamp-millis", P(Long)) => valid("timestamp-millis"),
        ("timestamp-micros", P(Long)) => valid("timestamp-micros"),
        ("local-timestamp-millis", P(Long)) => valid("local-timestamp-millis"),
        ("local-timestamp-micros", P(Long)) => valid("local-timestamp-micros"),
        ("duration", Fixed(12)) => valid("duration"),
        _ => None,
    }
}

/// Whether `size` bytes of two's complement hold every unscaled value of `precision`
/// decimal digits: the specification's precision <= floor(log10(2^(8 size - 1) - 1)),
/// that is 10^precision < 2^(8 size - 1), that is 10^precision needs at most
/// 8 size - 1 bits. 10^p needs floor(p log2 10) + 1 bits; log2 10 is taken to 27
/// decimals, which decides the floor exactly for any precision up to 10^9 digits (a
/// `fixed` of over 400 MB). Precisions too large to compute with are taken as not
/// fitting.
fn decimal_fits(precision: u64, size: u64) -> bool {
    const LOG2_10: u128 = 3_321_928_094_887_362_347_870_319_429;
    const SCALE: u128 = 1_000_000_000_000_000_000_000_000_000;
    let bits = u128::from(size).saturating_mul(8).saturating_sub(1);
    match u128::from(precision).checked_mul(LOG2_10) {
        // floor(p log2 10) + 1 <= bits.
        Some(product) => product / SCALE < bits,
        None => false,
    }
}

/// Adds `value` for constraint `key` to `schema`, keeping both when one is there:
/// bounds and counts combine to the stricter, `uniqueItems` to either, anything else
/// (`multipleOf`, `pattern`) goes to an `allOf` beside.
fn constrain(schema: &mut Map, key: &str, value: &Value) {
    let Some(old) = schema.get(key) else {
        schema.insert(key, value.clone());
        return;
    };
    if old == value {
        return;
    }
    let (Some(a), Some(b)) = (old.as_number(), value.as_number()) else {
        if key == "uniqueItems" {
            let either = old.as_bool() == Some(true) || value.as_bool() == Some(true);
            schema.insert(key, Value::Bool(either));
            return;
        }
        return also(schema, key, value);
    };
    let stricter = match key {
        "minimum" | "exclusiveMinimum" | "minLength" | "minItems" => Some(a.max(b)),
        "maximum" | "exclusiveMaximum" | "maxLength" | "maxItems" => Some(a.min(b)),
        _ => None,
    };
    match stricter {
        Some(n) => {
            let n = n.clone();
            schema.insert(key, Value::Number(n));
        }
        None => also(schema, key, value),
    }
}

/// `{key: value}` as one more part of `schema`'s `allOf`.
fn also(schema: &mut Map, key: &str, value: &Value) {
    let mut part = Map::new();
    part.insert(key, value.clone());
    match schema.get_mut("allOf") {
        Some(Value::Array(parts)) => parts.push(Value::Object(part)),
        _ => {
            schema.insert("allOf", Value::Array(vec![Value::Object(part)]));
        }
    }
}

/// The JSON values a type's values can be, to tell overlapping union branches.
mod kinds {
    pub const NULL: u8 = 1;
    pub const BOOLEAN: u8 = 2;
    pub const INTEGER: u8 = 4;
    /// Numbers with a fractional part.
    pub const FRACTION: u8 = 8;
    pub const STRING: u8 = 16;
    pub const ARRAY: u8 = 32;
    pub const OBJECT: u8 = 64;
}

struct Emitter<'a> {
    types: &'a [Named],
    base: &'a str,
}

impl Emitter<'_> {
    /// The JSON Schema of a use of `ty`.
    fn schema(&self, ty: &Type) -> Map {
        match ty {
            Type::Primitive {
                kind,
                logical,
                annotations,
            } => {
                let mut out = primitive(*kind);
                annotate_logical(&mut out, logical.as_ref());
                add(&mut out, annotations);
                out
            }
            Type::Array { items, annotations } => {
                let mut out = Map::new();
                out.insert("type", Value::from("array"));
                out.insert("items", Value::Object(self.schema(items)));
                add(&mut out, annotations);
                out
            }
            Type::Map {
                values,
                annotations,
            } => {
                let mut out = Map::new();
                out.insert("type", Value::from("object"));
                out.insert("additionalProperties", Value::Object(self.schema(values)));
                add(&mut out, annotations);
                out
            }
            Type::Union(branches) => self.union(branches),
            Type::Named(index) => {
                let named = &self.types[*index];
                if named.referenced {
                    let mut out = Map::new();
                    let target = format!(
                        "{}/definitions/{}",
                        self.base,
                        pointer::escape(&named.fullname)
                    );
                    out.insert("$ref", Value::from(crate::bundle::reference_to(&target)));
                    out
                } else {
                    self.body(*index)
                }
            }
        }
    }

    /// The JSON Schema of the named type `index` itself.
    fn body(&self, index: usize) -> Map {
        let named = &self.types[index];
        let mut out = Map::new();
        match &named.kind {
            NamedKind::Record(fields) => {
                out.insert("type", Value::from("object"));
                let mut properties = Map::new();
                let mut required = Vec::new();
                for field in fields {
                    properties.insert(field.name.clone(), Value::Object(self.property(field)));
                    if field.default.is_none() {
                        required.push(Value::from(field.name.as_str()));
                    }
                }
                out.insert("properties", Value::Object(properties));
                if !required.is_empty() {
                    out.insert("required", Value::Array(required));
                }
            }
            NamedKind::Enum { symbols } => {
                out.insert("type", Value::from("string"));
                out.insert(
                    "enum",
                    Value::Array(symbols.iter().map(|s| Value::from(s.as_str())).collect()),
                );
            }
            NamedKind::Fixed { size, logical } => {
                out = primitive(Primitive::Bytes);
                out.insert("minLength", Value::from(*size));
                out.insert("maxLength", Value::from(*size));
                annotate_logical(&mut out, logical.as_ref());
            }
        }
        add(&mut out, &named.annotations);
        out
    }

    /// The schema of a record field's property: its type's, with the field's
    /// constraints and annotations (which take the place of the type's own
    /// `description`, `default` and aliases, kept as `x-avro-type-*`).
    fn property(&self, field: &Field) -> Map {
        let mut out = self.schema(&field.ty);
        if !field.constraints.is_empty() {
            // A union's constraints go to its first non-null branch.
            let target = match (&field.ty, first_list(&mut out)) {
                (Type::Union(branches), Some(list)) => branches
                    .iter()
                    .position(|b| !is_null(b))
                    .and_then(|i| list.get_mut(i))
                    .and_then(Value::as_object_mut),
                _ => None,
            };
            match target {
                Some(branch) => constrain_all(branch, &field.constraints),
                None => constrain_all(&mut out, &field.constraints),
            }
        }
        for (key, value) in field.annotations.iter() {
            if let Some(displaced) = out.remove(key) {
                let key = key.strip_prefix("x-avro-").unwrap_or(key);
                out.insert(format!("x-avro-type-{key}"), displaced);
            }
            out.insert(key.clone(), value.clone());
        }
        out
    }

    fn union(&self, branches: &[Type]) -> Map {
        let others: Vec<&Type> = branches.iter().filter(|b| !is_null(b)).collect();
        let has_null = others.len() < branches.len();
        match (others.as_slice(), has_null) {
            ([], false) => {
                // The empty union: no value at all.
                let mut out = Map::new();
                out.insert("not", Value::Bool(true));
                out
            }
            ([], true) => primitive(Primitive::Null),
            ([one], false) => self.schema(one),
            ([one], true) => nullable(self.schema(one)),
            _ => {
                let mut out = Map::new();
                let keyword = if self.pairwise_disjoint(branches) {
                    "oneOf"
                } else {
                    "anyOf"
                };
                let schemas = branches
                    .iter()
                    .map(|b| Value::Object(self.schema(b)))
                    .collect();
                out.insert(keyword, Value::Array(schemas));
                out
            }
        }
    }

    /// Whether no JSON value is a value of two of the branches.
    fn pairwise_disjoint(&self, branches: &[Type]) -> bool {
        branches
            .iter()
            .enumerate()
            .all(|(i, a)| branches[i + 1..].iter().all(|b| self.disjoint(a, b)))
    }

    fn disjoint(&self, a: &Type, b: &Type) -> bool {
        if self.kinds(a) & self.kinds(b) == 0 {
            return true;
        }
        // Strings that no value of the other can be: symbols against symbols or
        // against fixed lengths, fixed lengths against each other.
        match (self.named_kind(a), self.named_kind(b)) {
            (Some(NamedKind::Enum { symbols: x }), Some(NamedKind::Enum { symbols: y })) => {
                !x.iter().any(|s| y.contains(s))
            }
            (Some(NamedKind::Fixed { size: x, .. }), Some(NamedKind::Fixed { size: y, .. })) => {
                x != y
            }
            (Some(NamedKind::Enum { symbols }), Some(NamedKind::Fixed { size, .. }))
            | (Some(NamedKind::Fixed { size, .. }), Some(NamedKind::Enum { symbols })) => {
                !symbols.iter().any(|s| s.chars().count() as u64 == *size)
            }
            _ => false,
        }
    }

    fn named_kind(&self, ty: &Type) -> Option<&NamedKind> {
        match ty {
            Type::Named(index) => Some(&self.types[*index].kind),
            _ => None,
        }
    }

    /// The JSON values a value of `ty` can be (see [`kinds`]).
    fn kinds(&self, ty: &Type) -> u8 {
        use kinds::*;
        match ty {
            Type::Primitive { kind, .. } => match kind {
                Primitive::Null => NULL,
                Primitive::Boolean => BOOLEAN,
                Primitive::Int | Primitive::Long => INTEGER,
                Primitive::Float | Primitive::Double => INTEGER | FRACTION,
                Primitive::Bytes | Primitive::String => STRING,
            },
            Type::Array { .. } => ARRAY,
            Type::Map { .. } => OBJECT,
            Type::Union(branches) => branches.iter().fold(0, |all, b| all | self.kinds(b)),
            Type::Named(index) => match self.types[*index].kind {
                NamedKind::Record(_) => OBJECT,
                NamedKind::Enum { .. } | NamedKind::Fixed { .. } => STRING,
            },
        }
    }
}

/// The `oneOf`/`anyOf` list of a union's schema.
fn first_list(schema: &mut Map) -> Option<&mut Vec<Value>> {
    if schema.contains_key("oneOf") {
        schema.get_mut("oneOf").and_then(Value::as_array_mut)
    } else {
        schema.get_mut("anyOf").and_then(Value::as_array_mut)
    }
}

fn constrain_all(schema: &mut Map, constraints: &Map) {
    for (key, value) in constraints.iter() {
        constrain(schema, key, value);
    }
}

/// The schema of a primitive type's values.
fn primitive(kind: Primitive) -> Map {
    let mut out = Map::new();
    let json_type = match kind {
        Primitive::Null => "null",
        Primitive::Boolean => "boolean",
        Primitive::Int | Primitive::Long => "integer",
        Primitive::Float | Primitive::Double => "number",
        Primitive::Bytes | Primitive::String => "string",
    };
    out.insert("type", Value::from(json_type));
    match kind {
        Primitive::Int => {
            out.insert("minimum", Value::from(i32::MIN));
            out.insert("maximum", Value::from(i32::MAX));
        }
        Primitive::Long => {
            out.insert("minimum", Value::from(i64::MIN));
            out.insert("maximum", Value::from(i64::MAX));
        }
        Primitive::Bytes => {
            out.insert("pattern", Value::from(BYTES_PATTERN));
        }
        _ => {}
    }
    out
}

fn annotate_logical(schema: &mut Map, logical: Option<&Logical>) {
    match logical {
        None => {}
        Some(Logical::Decimal { precision, scale }) => {
            schema.insert("x-avro-logicalType", Value::from("decimal"));
            schema.insert("x-avro-precision", Value::from(*precision));
            schema.insert("x-avro-scale", Value::from(*scale));
        }
        Some(Logical::Named(name)) => {
            if *name == "uuid" {
                schema.insert("format", Value::from("uuid"));
            }
            schema.insert("x-avro-logicalType", Value::from(*name));
        }
    }
}

/// Adds `annotations` (and constraints) to `schema`.
fn add(schema: &mut Map, annotations: &Map) {
    for (key, value) in annotations.iter() {
        if Class::Number.keywords().contains(&key.as_str())
            || Class::String.keywords().contains(&key.as_str())
            || Class::Array.keywords().contains(&key.as_str())
        {
            constrain(schema, key, value);
        } else {
            schema.insert(key.clone(), value.clone());
        }
    }
}

/// `schema` also admitting `null`: `null` added to its `type` (and `enum`), or, for a
/// `$ref`, a `oneOf` of it and `null`.
fn nullable(mut schema: Map) -> Map {
    if let Some(Value::String(json_type)) = schema.get("type") {
        let types = vec![Value::from(json_type.as_str()), Value::from("null")];
        schema.insert("type", Value::Array(types));
        if let Some(Value::Array(values)) = schema.get_mut("enum") {
            values.push(Value::Null);
        }
        return schema;
    }
    let mut out = Map::new();
    out.insert(
        "oneOf",
        Value::Array(vec![
            Value::Object(schema),
            Value::Object(primitive(Primitive::Null)),
        ]),
    );
    out
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
