//! The checked model (IR) that emission reads: named types, messages, channels,
//! operations and servers, with every name already a valid, unique Rust identifier.

use serde_json::Value;

/// Everything generated from one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// `info.title`, for the module docs.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.description`.
    pub description: Option<String>,
    /// Named types in emission order (document order, inline types after their parent).
    pub types: Vec<TypeDef>,
    /// `components/messages`, in document order.
    pub messages: Vec<MessageDef>,
    /// `channels`, in document order.
    pub channels: Vec<ChannelDef>,
    /// `operations`, in document order.
    pub operations: Vec<OperationDef>,
    /// `servers`, in document order.
    pub servers: Vec<ServerDef>,
}

/// Documentation gathered from a schema or object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Docs {
    /// `title`.
    pub title: Option<String>,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// A line stating constraints, when there are any.
    pub constraints: Option<String>,
    /// `examples`, rendered as JSON.
    pub examples: Vec<String>,
    /// `default`, rendered as JSON.
    pub default: Option<String>,
    /// Whether `deprecated: true`.
    pub deprecated: bool,
}

/// A named Rust type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// The Rust name.
    pub name: String,
    /// JSON pointer of the schema it comes from.
    pub pointer: String,
    /// Doc comment material.
    pub docs: Docs,
    /// What it is.
    pub kind: TypeKind,
}

/// The shapes a named type can take.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)] // a few per document; boxing would only add noise
pub enum TypeKind {
    /// A JSON object with known properties.
    Struct(StructDef),
    /// A string from a fixed set (`enum`), or exactly one value (`const`).
    Enum(EnumDef),
    /// One of several schemas (`oneOf`/`anyOf`).
    Union(UnionDef),
    /// A named wrapper around another type (a component schema that is not an object).
    Newtype(Field),
}

/// A struct.
#[derive(Debug, Clone, PartialEq)]
pub struct StructDef {
    /// Fields in document order.
    pub fields: Vec<Field>,
    /// What happens to properties the schema does not list.
    pub additional: Additional,
    /// Name of the field holding additional properties (unique among the fields).
    pub additional_field: String,
    /// `minProperties`/`maxProperties`, checked on the whole object.
    pub property_counts: (Option<u64>, Option<u64>),
}

/// Properties not listed in `properties`.
#[derive(Debug, Clone, PartialEq)]
pub enum Additional {
    /// Allowed and kept as JSON (`additionalProperties` absent or `true`).
    Keep,
    /// Refused (`additionalProperties: false`).
    Deny,
    /// Allowed, each checked against a schema (its type and the constraints of each
    /// value), kept as typed values.
    Typed(Ty, Box<Constraints>),
}

/// A struct field (or the inner value of a newtype).
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The property name on the wire.
    pub wire: String,
    /// The Rust field name.
    pub name: String,
    /// The value type (without the `Option` of an optional field).
    pub ty: Ty,
    /// Whether the property is required.
    pub required: bool,
    /// Whether JSON `null` is allowed too (`type: [T, "null"]`).
    pub nullable: bool,
    /// Constraints on the value.
    pub constraints: Constraints,
    /// Doc comment material.
    pub docs: Docs,
    /// `default`, when the schema gives one and the field is optional.
    pub default: Option<Value>,
    /// Whether the type must be boxed to break a cycle.
    pub boxed: bool,
}

/// A value type.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    /// `String`.
    String,
    /// Base64 data (`format: byte`).
    Bytes,
    /// `bool`.
    Bool,
    /// `f64`.
    Number,
    /// `i64` (bounds fit).
    I64,
    /// `u64` (bounds fit, lower bound >= 0, upper above `i64::MAX`).
    U64,
    /// Any JSON Schema integer.
    Integer,
    /// Any JSON value (`{}` or `true`).
    Any,
    /// A named type.
    Named(String),
    /// An array: the item type and the constraints of each item.
    Array(Box<Ty>, Box<Constraints>),
    /// An object used as a map: the value type and the constraints of each value.
    Map(Box<Ty>, Box<Constraints>),
}

/// The validation keywords of one value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// `pattern` (ECMA-262, as written).
    pub pattern: Option<String>,
    /// `minLength`.
    pub min_length: Option<u64>,
    /// `maxLength`.
    pub max_length: Option<u64>,
    /// `minimum`.
    pub minimum: Option<serde_json::Number>,
    /// `maximum`.
    pub maximum: Option<serde_json::Number>,
    /// `exclusiveMinimum`.
    pub exclusive_minimum: Option<serde_json::Number>,
    /// `exclusiveMaximum`.
    pub exclusive_maximum: Option<serde_json::Number>,
    /// `multipleOf`.
    pub multiple_of: Option<serde_json::Number>,
    /// `minItems`.
    pub min_items: Option<u64>,
    /// `maxItems`.
    pub max_items: Option<u64>,
    /// `uniqueItems`.
    pub unique_items: bool,
    /// `minProperties`.
    pub min_properties: Option<u64>,
    /// `maxProperties`.
    pub max_properties: Option<u64>,
    /// `format`.
    pub format: Option<String>,
}

impl Constraints {
    /// Whether any keyword is set (the format annotation included).
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }
}

/// An enum of string values.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    /// Variants in document order.
    pub variants: Vec<Variant>,
    /// Whether it came from `const` (exactly one value).
    pub is_const: bool,
    /// Index of the `default` variant, when the schema gives one.
    pub default: Option<usize>,
}

/// One enum value.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The Rust name.
    pub name: String,
    /// The exact value.
    pub wire: String,
}

/// `oneOf`/`anyOf`.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionDef {
    /// `true` for `oneOf`.
    pub one_of: bool,
    /// The alternatives.
    pub variants: Vec<(String, Ty)>,
    /// Each alternative's constraints beside its type (same order as `variants`; empty
    /// when none has any).
    pub constraints: Vec<Constraints>,
    /// The discriminating property, when there is one (a `#[serde(tag)]` enum whose
    /// variants hold the alternatives' other properties).
    pub tag: Option<String>,
    /// Each alternative's value of the tag (same order as `variants`; empty untagged).
    pub tag_values: Vec<String>,
}

/// A message of `components/messages`.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageDef {
    /// The key under `components/messages`.
    pub key: String,
    /// The Rust variant name.
    pub variant: String,
    /// `name` (defaults to the key).
    pub name: String,
    /// `title`.
    pub title: Option<String>,
    /// `summary`.
    pub summary: Option<String>,
    /// `contentType` (or the document's `defaultContentType`).
    pub content_type: Option<String>,
    /// The payload type.
    pub payload: Ty,
    /// The headers type, when the message has `headers`.
    pub headers: Option<Ty>,
    /// JSON pointer of the message.
    pub pointer: String,
}

/// A channel.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelDef {
    /// The key under `channels`.
    pub key: String,
    /// Rust name stem (`KinesisStreamShard`).
    pub name: String,
    /// The address type's name in the `channels` module (`KinesisStreamShardAddress`).
    pub address_type: String,
    /// The message enum's name in the `channels` module (`KinesisStreamShardMessage`).
    pub message_type: String,
    /// `address` (`None` for channels without one).
    pub address: Option<String>,
    /// `title`.
    pub title: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// Parameters in address order.
    pub parameters: Vec<ParameterDef>,
    /// Messages: (key in the channel, message variant name).
    pub messages: Vec<(String, String)>,
}

/// A channel parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct ParameterDef {
    /// The name in the address template.
    pub wire: String,
    /// The Rust field name.
    pub name: String,
    /// `description`.
    pub description: Option<String>,
    /// `enum`: the allowed values and the Rust enum name.
    pub values: Option<(String, Vec<Variant>)>,
    /// `default`.
    pub default: Option<String>,
    /// `examples`.
    pub examples: Vec<String>,
}

/// An operation.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationDef {
    /// The operation id (its key under `operations`).
    pub id: String,
    /// Rust name stem (the operation's type in the `operations` module).
    pub name: String,
    /// The name of the enum of its messages in the `operations` module.
    pub message_type: String,
    /// `send` or `receive`.
    pub action: String,
    /// Index of its channel in [`Model::channels`].
    pub channel: usize,
    /// The message variant names it may carry.
    pub messages: Vec<String>,
    /// `title`.
    pub title: Option<String>,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// Tag names.
    pub tags: Vec<String>,
}

/// A server.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerDef {
    /// The key under `servers`.
    pub key: String,
    /// Rust name stem (the server's type in the `servers` module).
    pub name: String,
    /// `host` (a template).
    pub host: String,
    /// `pathname`, when given.
    pub pathname: Option<String>,
    /// `protocol`.
    pub protocol: String,
    /// `description`.
    pub description: Option<String>,
    /// Names of the security schemes it uses.
    pub security: Vec<String>,
    /// Variables in template order.
    pub variables: Vec<ParameterDef>,
}
