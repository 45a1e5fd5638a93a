//! The checked model of one derive input: what `emit` turns into tokens.
//!
//! Everything here has passed `check`: patterns are translated and compile, bounds are
//! consistent, names are resolved to wire names.

use proc_macro2::Span;
use syn::{Generics, Ident, Member, Type};

// Bounds reach the expansion as the attribute wrote them, and so do schema references.
pub use crate::attr::{Num, SchemaRef};

/// A type with everything needed to emit its `Validate` and `ValidateJson` impls.
pub struct Model {
    /// The type's name.
    pub ident: Ident,
    /// The type's generics, as written (`emit` adds the bounds).
    pub generics: Generics,
    /// Path of the runtime crate (`::asyncapi_runtime` unless `#[validate(crate = "...")]`).
    pub krate: syn::Path,
    /// Distinct patterns, each emitted as one `static`; checks refer to them by index.
    pub patterns: Vec<PatternDef>,
    /// `#[validate(json_schema(..))]`: `ValidateJson` runs this schema entry instead of
    /// the walk derived from the serde attributes.
    pub json_schema: Option<SchemaRef>,
    /// `#[validate(extra_schema(..))]` on the type: also checked against this entry.
    pub extra_schema: Option<SchemaRef>,
    /// The fields or variants.
    pub body: Body,
}

/// One distinct `pattern`.
pub struct PatternDef {
    /// The ECMA-262 source, as written (compiled at run time, and used in messages).
    pub source: String,
}

/// What the type is.
pub enum Body {
    /// A struct.
    Struct(StructBody),
    /// An enum.
    Enum(EnumBody),
}

/// A struct.
pub struct StructBody {
    /// Its fields and how they sit in JSON.
    pub shape: Shape,
    /// `#[serde(deny_unknown_fields)]`.
    pub deny_unknown_fields: bool,
    /// Container `min_properties`/`max_properties`: the number of properties of the
    /// whole object (named fields present plus flattened extra properties).
    pub property_counts: (Option<u64>, Option<u64>),
}

/// The JSON shape of a struct or of an enum variant's content.
pub struct Shape {
    /// What JSON value the fields make.
    pub kind: ShapeKind,
    /// Every field, skipped ones included (they keep their place in patterns).
    pub fields: Vec<Field>,
}

/// What JSON value a struct or variant is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ShapeKind {
    /// `struct S;` / `V`: JSON `null` (or nothing, inside a tagged enum).
    Unit,
    /// `struct S(T)`, `V(T)` or `#[serde(transparent)]`: the value of the one field read,
    /// at the same path.
    Newtype {
        /// The index of that field in [`Shape::fields`].
        field: usize,
    },
    /// `struct S(A, B)`: a JSON array of exactly that many items.
    Tuple,
    /// `struct S { .. }`: a JSON object.
    Named,
}

/// One field, with what serde and `#[validate]` say about it.
pub struct Field {
    /// How the value reaches it (`self.a`, `self.0`).
    pub member: Member,
    /// Its type, as written.
    pub ty: Type,
    /// The key this field is read from (serde's deserialize name).
    pub wire: String,
    /// Other keys serde accepts for it (`#[serde(alias)]`).
    pub aliases: Vec<String>,
    /// Whether a missing key is a `required` violation.
    pub required: bool,
    /// Whether the field is an `Option` that may be absent (counted only when `Some`).
    pub optional: bool,
    /// `#[serde(skip)]`/`skip_deserializing`: not read from JSON, not validated.
    pub serde_skip: bool,
    /// `#[serde(flatten)]`.
    pub flatten: Option<Flatten>,
    /// `#[validate(skip)]`: presence is still checked, the value is not.
    pub skip: bool,
    /// How serde reads the field, when not through `Deserialize`.
    pub deserialize_with: Option<DeserializeWith>,
    /// How JSON `null` is read.
    pub null: NullReading,
    /// The constraints on its value, in the order written.
    pub checks: Vec<Check>,
    /// `#[validate(extra_schema(..))]`: the value's JSON is also checked against it.
    pub extra_schema: Option<SchemaRef>,
}

/// How a field reads JSON `null`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NullReading {
    /// As any other value: the field's type decides.
    Value,
    /// As `None`, without a walk (`required` on an `Option` read by a function, or a
    /// plain `Option` that is the whole value: a newtype's field, a tuple's item).
    None,
    /// A plain `Option` property: serde's derive reads `null` as `None`,
    /// `#[derive(FromJson)]` hands it to the inner type. The walk asks which derive the
    /// type has.
    NoneUnlessFromJson,
}

/// What a `#[serde(flatten)]` field takes from the object.
pub enum Flatten {
    /// A map (`BTreeMap<String, V>`, `HashMap<String, V>`, `serde_json::Map<String,
    /// Value>`) collecting the properties no other field claims; each is checked as a `V`.
    Map {
        /// `V`.
        value: Type,
    },
    /// `serde_json::Value`: any property is fine.
    AnyMap,
    /// A struct whose fields are read from the same object (`optional` for
    /// `Option<S>`, which serde reads as `None` when `S` does not fit).
    Struct {
        /// Whether the field is an `Option<S>`.
        optional: bool,
        /// `S`.
        ty: Type,
    },
}

/// A field serde reads with a function of the user's.
pub enum DeserializeWith {
    /// `#[serde(deserialize_with = "path")]`.
    Function(syn::Path),
    /// `#[serde(with = "module")]`: `module::deserialize`.
    Module(syn::Path),
}

/// One constraint on a value, with the span of the attribute that asked for it.
pub struct Check {
    /// The span of the key: a constraint that does not fit the value's type is
    /// reported there.
    pub span: Span,
    /// What to check.
    pub kind: CheckKind,
}

/// A constraint, checked: each is one call to the runtime.
pub enum CheckKind {
    /// `pattern`: an index into [`Model::patterns`].
    Pattern(usize),
    /// `minLength`.
    MinLength(u64),
    /// `maxLength`.
    MaxLength(u64),
    /// `minimum`.
    Minimum(Num),
    /// `maximum`.
    Maximum(Num),
    /// `exclusiveMinimum`.
    ExclusiveMinimum(Num),
    /// `exclusiveMaximum`.
    ExclusiveMaximum(Num),
    /// `multipleOf`, greater than 0.
    MultipleOf(Num),
    /// `minItems`.
    MinItems(u64),
    /// `maxItems`.
    MaxItems(u64),
    /// `uniqueItems: true`.
    UniqueItems,
    /// `minProperties`.
    MinProperties(u64),
    /// `maxProperties`.
    MaxProperties(u64),
    /// `format: byte`: standard, padded base64.
    FormatByte,
    /// Checks applied to every item of an array.
    Items(Vec<Check>),
    /// Checks applied to every value of a map (located by its key).
    Values(Vec<Check>),
    /// `if`/`then`/`else`: `then` when every condition holds, else `otherwise`.
    When {
        /// Tested without reporting anything.
        condition: Vec<Condition>,
        /// Checks when the conditions hold.
        then: Vec<Check>,
        /// Checks when one does not.
        otherwise: Vec<Check>,
    },
}

/// One condition of a `when`: a string keyword tested for its answer alone, so that
/// the common case (a condition that fails) costs no message.
pub struct Condition {
    /// Where the condition is written.
    pub span: Span,
    /// What it tests.
    pub kind: ConditionKind,
}

/// The keywords a condition can test.
pub enum ConditionKind {
    /// `minLength`.
    MinLength(u64),
    /// `maxLength`.
    MaxLength(u64),
    /// `pattern`: an index into [`Model::patterns`].
    Pattern(usize),
}

/// An enum.
pub struct EnumBody {
    /// How serde represents it.
    pub repr: Repr,
    /// Every variant, skipped ones included.
    pub variants: Vec<Variant>,
    /// `#[validate(one_of)]`: an untagged value must match exactly one variant.
    pub one_of: bool,
    /// `#[serde(deny_unknown_fields)]`, for the variants' objects.
    pub deny_unknown_fields: bool,
}

/// How serde represents the enum in JSON.
pub enum Repr {
    /// The default: `"Unit"` or `{"Variant": content}`.
    External,
    /// `#[serde(tag = "t")]`: `{"t": "Variant", ..fields}`.
    Internal {
        /// The tag's key.
        tag: String,
    },
    /// `#[serde(tag = "t", content = "c")]`: `{"t": "Variant", "c": content}`.
    Adjacent {
        /// The tag's key.
        tag: String,
        /// The content's key.
        content: String,
    },
    /// `#[serde(untagged)]`: the content of whichever variant matches.
    Untagged,
}

/// One variant of an enum.
pub struct Variant {
    /// Its name in Rust.
    pub ident: Ident,
    /// The name serde reads it from.
    pub wire: String,
    /// Other names serde accepts for it (`#[serde(alias)]`).
    pub aliases: Vec<String>,
    /// `#[serde(skip)]`/`skip_deserializing`: never read from JSON.
    pub serde_skip: bool,
    /// `#[serde(other)]`: stands for every unknown tag.
    pub other: bool,
    /// Its content.
    pub shape: Shape,
}

impl Variant {
    /// The names serde reads this variant from.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.wire.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

impl Field {
    /// The keys serde reads this field from.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.wire.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

// ------------------------------------------------------------------ #[derive(FromJson)]

/// A type with everything needed to emit its `FromJson` `Deserialize` impl.
pub struct JsonModel {
    /// The type's name.
    pub ident: Ident,
    /// The type's generics, as written (`emit` adds `'de` and the bounds).
    pub generics: Generics,
    /// Path of the runtime crate.
    pub krate: syn::Path,
    /// How the type is read.
    pub body: JsonBody,
}

/// How a `FromJson` type is read.
pub enum JsonBody {
    /// A struct with named fields: a JSON object, member by member.
    Object(ObjectBody),
    /// A newtype struct or a `transparent` one: its one read field's value.
    Newtype(NewtypeBody),
    /// An untagged enum: the value buffered, then each variant tried in order.
    Untagged(Vec<JsonVariant>),
}

/// A struct read from an object.
pub struct ObjectBody {
    /// Every field, in declaration order.
    pub fields: Vec<JsonField>,
    /// What becomes of members no field names.
    pub unknown: Unknown,
    /// `#[serde(default)]` on the type: where missing fields take their value from.
    pub container_default: Option<DefaultValue>,
}

/// What becomes of the members of an object that no field names.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// Skipped (a repeated one is still refused).
    Skip,
    /// Refused (`#[serde(deny_unknown_fields)]`).
    Deny,
    /// Taken by the field at this index (`#[serde(flatten)]`).
    Extras(usize),
}

/// One field of a `FromJson` struct.
pub struct JsonField {
    /// How the value reaches it (`self.a`, `self.0`).
    pub member: Member,
    /// Its type, as written.
    pub ty: Type,
    /// Where its value comes from.
    pub source: Source,
}

/// Where a field's value comes from.
pub enum Source {
    /// A member of the object (or, in a newtype, the whole value).
    Member(Box<MemberRead>),
    /// The members no other field names (`#[serde(flatten)]`).
    Extras,
    /// Not read (`#[serde(skip)]`): its default, or the container's.
    Skipped(Missing),
}

/// A field read from a member.
pub struct MemberRead {
    /// The name the member is written with (for messages).
    pub wire: String,
    /// Every name it is read from: `wire`, then the aliases.
    pub names: Vec<String>,
    /// How the member's value is read.
    pub read: Read,
    /// Whether the value read is wrapped in `Some` (a plain `Option<T>` field reads a `T`).
    pub some: bool,
    /// What the field is when the member is missing.
    pub missing: Missing,
}

/// How one value is read.
pub struct Read {
    /// The type read.
    pub ty: Type,
    /// With what.
    pub with: ReadWith,
}

/// What reads a value.
pub enum ReadWith {
    /// Its type's `Deserialize`.
    Deserialize,
    /// `#[serde(deserialize_with = "path")]`, or `with = "module"` (`module::deserialize`).
    Function(syn::Path),
    /// `#[serde(borrow)]` on a `Cow<str>`: the runtime's lending reader, borrowing from
    /// the input where it can (as serde's derive borrows such fields).
    Lend,
}

/// What a field is when its member is missing.
pub enum Missing {
    /// An error naming the property.
    Required,
    /// `None` (a plain `Option`).
    None,
    /// Its default.
    Default(DefaultValue),
    /// The same field of the container's default.
    ContainerDefault,
}

/// A default value.
#[derive(Clone)]
pub enum DefaultValue {
    /// `Default::default()`.
    Trait,
    /// A function's (`#[serde(default = "path")]`).
    Function(syn::Path),
}

/// A struct read as its one field.
pub struct NewtypeBody {
    /// Every field: one is read, the others take their defaults.
    pub fields: Vec<JsonField>,
    /// `#[serde(default)]` on the type: where skipped fields take their value from.
    pub container_default: Option<DefaultValue>,
}

/// One variant of an untagged `FromJson` enum.
pub struct JsonVariant {
    /// Its name in Rust.
    pub ident: Ident,
    /// `None` for a unit variant (JSON `null`), else how its one field is read.
    pub read: Option<Read>,
}
