//! The model (IR) that emission reads: named types, messages, channels, operations
//! and servers, every name already a valid, unique Rust identifier, and the schema
//! document generated code validates with.

use asyncapi_runtime::{Number, Value};

use crate::error::Warning;

/// Index of a schema in [`SchemaDocument::entries`].
pub type Entry = usize;

/// Everything generated from one document.
#[derive(Debug, Clone)]
pub struct Model {
    /// `info.title`, for the module docs.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.description`.
    pub description: Option<String>,
    /// Named types in emission order (document order, inline types after their parent).
    pub types: Vec<TypeDef>,
    /// The messages: `components/messages`, then messages defined only in channels.
    pub messages: Vec<MessageDef>,
    /// `channels`, in document order.
    pub channels: Vec<ChannelDef>,
    /// `operations`, in document order.
    pub operations: Vec<OperationDef>,
    /// `servers`, in document order.
    pub servers: Vec<ServerDef>,
    /// The schemas generated code validates with, by the interpreter.
    pub schemas: SchemaDocument,
    /// What is worth knowing about the document and the code generated for it.
    pub warnings: Vec<Warning>,
}

/// A JSON document of schemas and the entries generated code refers to by index.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaDocument {
    /// The document (the bundled AsyncAPI document's schemas, and schemas the model
    /// derived: parts of `allOf`s merged, checks no Rust type makes).
    pub document: Value,
    /// JSON pointers into `document`.
    pub entries: Vec<String>,
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
    /// JSON pointer of the schema it comes from (in the schema document).
    pub pointer: String,
    /// Doc comment material.
    pub docs: Docs,
    /// What it is.
    pub kind: TypeKind,
    /// The whole schema: what a JSON value is checked against when it does not even
    /// read as this type (`ValidateJson`).
    pub schema: Entry,
    /// What the type's checks leave out, checked on the value as JSON (`None`: the
    /// type and its checks say everything).
    pub extra: Option<Entry>,
}

/// The shapes a named type can take.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// A JSON object with known properties.
    Struct(StructDef),
    /// A string from a fixed set (`enum` or `const` of strings).
    Enum(EnumDef),
    /// Any JSON values from a fixed set (`const: 3`, `enum: [14, 30, true, null]`).
    Literals(LiteralsDef),
    /// One of several alternatives (`oneOf`/`anyOf`, or a value of several JSON types);
    /// validated against the whole schema.
    Union(UnionDef),
    /// A named wrapper around another type, with its checks.
    Newtype(Ty, Box<Checks>),
    /// Any JSON value, checked against the schema: what no Rust type can say more
    /// precisely (`not`, `if`/`then`/`else`, an impossible schema, ...).
    Any,
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
    /// Allowed, each a value of this type with these checks.
    Typed(Ty, Box<Checks>),
}

/// A struct field.
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
    /// Checks on the value.
    pub checks: Checks,
    /// Doc comment material.
    pub docs: Docs,
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
    /// The runtime's exact `Number`.
    Number,
    /// `i64` (bounds fit).
    I64,
    /// `u64` (bounds fit, lower bound >= 0, upper above `i64::MAX`).
    U64,
    /// Any JSON Schema integer (the runtime's `Integer`).
    Integer,
    /// JSON `null` (the runtime's `Null`).
    Null,
    /// Any JSON value (the runtime's `Value`).
    Any,
    /// A named type.
    Named(String),
    /// An array: the item type and the checks of each item.
    Array(Box<Ty>, Box<Checks>),
    /// An object used as a map: the value type and the checks of each value.
    Map(Box<Ty>, Box<Checks>),
    /// `null` or a value (`type: [T, "null"]`).
    Nullable(Box<Ty>),
}

impl Ty {
    /// Whether a value of this type may hold text (for the zero-copy twins).
    pub fn is_named(&self) -> bool {
        matches!(self, Ty::Named(_))
    }
}

/// The checks of one value that its Rust type does not make.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checks {
    /// `pattern` (ECMA-262, as written).
    pub pattern: Option<String>,
    /// `minLength`.
    pub min_length: Option<u64>,
    /// `maxLength`.
    pub max_length: Option<u64>,
    /// `minimum`.
    pub minimum: Option<Number>,
    /// `maximum`.
    pub maximum: Option<Number>,
    /// `exclusiveMinimum`.
    pub exclusive_minimum: Option<Number>,
    /// `exclusiveMaximum`.
    pub exclusive_maximum: Option<Number>,
    /// `multipleOf`.
    pub multiple_of: Option<Number>,
    /// `minItems`.
    pub min_items: Option<u64>,
    /// `maxItems`.
    pub max_items: Option<u64>,
    /// `uniqueItems`.
    pub unique_items: bool,
    /// `minProperties` (of a map).
    pub min_properties: Option<u64>,
    /// `maxProperties` (of a map).
    pub max_properties: Option<u64>,
    /// `format` (enforced only for `byte`; others are documented).
    pub format: Option<String>,
    /// `if`/`then`/`else` over string keywords, as typed checks.
    pub when: Option<Box<When>>,
    /// A schema the value must also match, checked on it as JSON.
    pub extra: Option<Entry>,
}

/// A string's `if`/`then`/`else` whose schemas hold only `minLength`, `maxLength` and
/// `pattern`: `then` applies when every check of `condition` passes, else `otherwise`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct When {
    /// The `if` schema's checks, tested without reporting.
    pub condition: Checks,
    /// The `then` schema's checks (none when absent).
    pub then: Checks,
    /// The `else` schema's checks (none when absent).
    pub otherwise: Checks,
}

impl Checks {
    /// Whether there is nothing to check (a format annotation may remain).
    pub fn is_empty(&self) -> bool {
        Checks {
            format: None,
            ..self.clone()
        } == Checks::default()
            && self.format.as_deref() != Some("byte")
    }
}

/// An enum of string values.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    /// Variants in document order.
    pub variants: Vec<Variant>,
    /// Index of the `default` variant, when the schema gives one.
    pub default: Option<usize>,
}

/// One string value.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The Rust name.
    pub name: String,
    /// The exact value.
    pub wire: String,
}

/// An enum of JSON values.
#[derive(Debug, Clone, PartialEq)]
pub struct LiteralsDef {
    /// Variants in document order: Rust name and value.
    pub variants: Vec<(String, Value)>,
}

/// Alternatives.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionDef {
    /// How the alternatives are told apart when reading.
    pub by: UnionBy,
    /// The variants: Rust name, type, and (for [`UnionBy::OneOf`] and
    /// [`UnionBy::AnyOf`]) the entry of the alternative's schema.
    pub variants: Vec<UnionVariant>,
}

/// One alternative of a union.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    /// The Rust variant name.
    pub name: String,
    /// Its type.
    pub ty: Ty,
    /// Whether the type must be boxed (it contains the union).
    pub boxed: bool,
    /// Its schema, when the value is matched against it to choose the variant.
    pub schema: Option<Entry>,
    /// The JSON types it takes, when chosen by type.
    pub json_types: Vec<&'static str>,
}

/// How a union's value picks its variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnionBy {
    /// `oneOf`: the alternative the value matches (the first if several).
    OneOf,
    /// `anyOf`: the first alternative the value matches.
    AnyOf,
    /// The value's JSON type.
    JsonType,
}

/// The payload (or headers) of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// No schema: any JSON value (the runtime's `Value`).
    Any,
    /// A named type generated for the schema.
    Typed {
        /// The type's name.
        ty: String,
        /// The schema's entry.
        schema: Entry,
    },
    /// A schema in a format that cannot be typed: the raw JSON value.
    Opaque {
        /// The `schemaFormat` as written.
        format: String,
    },
}

/// A message.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageDef {
    /// The key under `components/messages` (or in its channel).
    pub key: String,
    /// The Rust variant name.
    pub variant: String,
    /// `name` (defaults to the key).
    pub name: String,
    /// `title`.
    pub title: Option<String>,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `contentType` (or the document's `defaultContentType`).
    pub content_type: Option<String>,
    /// The payload.
    pub payload: Payload,
    /// The headers, when the message (or a trait) has them.
    pub headers: Option<Payload>,
    /// `correlationId.location`, when given.
    pub correlation_id: Option<String>,
    /// JSON pointer of the message.
    pub pointer: String,
}

/// A channel.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelDef {
    /// The key under `channels`.
    pub key: String,
    /// Rust name stem (`OrderEvents`).
    pub name: String,
    /// The address type's name in the `channels` module.
    pub address_type: String,
    /// The message enum's name in the `channels` module.
    pub message_type: String,
    /// `address` (`None` for channels without one).
    pub address: Option<String>,
    /// `title`.
    pub title: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// Parameters in address order.
    pub parameters: Vec<ParameterDef>,
    /// Messages: (key in the channel, message variant name), each message once.
    pub messages: Vec<(String, String)>,
}

/// A channel parameter or server variable.
#[derive(Debug, Clone, PartialEq)]
pub struct ParameterDef {
    /// The name in the template.
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
    /// The message variant names it may carry, each once.
    pub messages: Vec<String>,
    /// The reply, when the operation expects one.
    pub reply: Option<ReplyDef>,
    /// `title`.
    pub title: Option<String>,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// Tag names.
    pub tags: Vec<String>,
}

/// An operation's reply.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyDef {
    /// The name of the enum of its messages in the `operations` module.
    pub message_type: String,
    /// Index of its channel in [`Model::channels`], when it names one.
    pub channel: Option<usize>,
    /// `address.location` (a runtime expression), when given.
    pub address: Option<String>,
    /// The message variant names it may carry.
    pub messages: Vec<String>,
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
