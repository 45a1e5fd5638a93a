//! The checked model of one derive input: what `emit` turns into tokens.
//!
//! Everything here has passed `check`: patterns are translated and compile, bounds are
//! consistent, names are resolved to wire names.

use proc_macro2::Span;
use syn::{Generics, Ident, Member, Type};

/// A type with everything needed to emit its `Validate` and `ValidateJson` impls.
pub struct Model {
    pub ident: Ident,
    pub generics: Generics,
    /// Path of the runtime crate (`::asyncapi_runtime` unless `#[validate(crate = "...")]`).
    pub krate: syn::Path,
    /// Distinct patterns, each emitted as one `static`; checks refer to them by index.
    pub patterns: Vec<PatternDef>,
    pub body: Body,
}

/// One distinct `pattern`.
pub struct PatternDef {
    /// The ECMA-262 source, as written (used in messages).
    pub source: String,
    /// The equivalent `regex`-crate pattern.
    pub translated: String,
}

pub enum Body {
    Struct(StructBody),
    Enum(EnumBody),
}

pub struct StructBody {
    pub shape: Shape,
    pub deny_unknown_fields: bool,
    /// Container `min_properties`/`max_properties`: the number of properties of the
    /// whole object (named fields present plus flattened extra properties).
    pub property_counts: (Option<u64>, Option<u64>),
}

/// The JSON shape of a struct or of an enum variant's content.
pub struct Shape {
    pub kind: ShapeKind,
    pub fields: Vec<Field>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ShapeKind {
    /// `struct S;` / `V`: JSON `null` (or nothing, inside a tagged enum).
    Unit,
    /// `struct S(T)`, `V(T)` or `#[serde(transparent)]`: the value of the one field
    /// (`fields[transparent]`), at the same path.
    Newtype { field: usize },
    /// `struct S(A, B)`: a JSON array of exactly that many items.
    Tuple,
    /// `struct S { .. }`: a JSON object.
    Named,
}

pub struct Field {
    pub member: Member,
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
    /// Whether JSON `null` is accepted without a walk (a plain `Option` serde reads as `None`).
    pub null_is_none: bool,
    pub checks: Vec<Check>,
}

pub enum Flatten {
    /// A map (`BTreeMap<String, V>`, `HashMap<String, V>`, `serde_json::Map<String,
    /// Value>`) collecting the properties no other field claims; each is checked as a `V`.
    Map { value: Type },
    /// `serde_json::Value`: any property is fine.
    AnyMap,
    /// A struct whose fields are read from the same object (`optional` for
    /// `Option<S>`, which serde reads as `None` when `S` does not fit).
    Struct { optional: bool, ty: Type },
}

pub enum DeserializeWith {
    /// `#[serde(deserialize_with = "path")]`.
    Function(syn::Path),
    /// `#[serde(with = "module")]`: `module::deserialize`.
    Module(syn::Path),
}

/// One constraint on a value, with the span of the attribute that asked for it.
pub struct Check {
    pub span: Span,
    pub kind: CheckKind,
}

pub enum CheckKind {
    /// Index into [`Model::patterns`].
    Pattern(usize),
    MinLength(u64),
    MaxLength(u64),
    Minimum(Num),
    Maximum(Num),
    ExclusiveMinimum(Num),
    ExclusiveMaximum(Num),
    MultipleOf(Num),
    MinItems(u64),
    MaxItems(u64),
    UniqueItems,
    MinProperties(u64),
    MaxProperties(u64),
    FormatByte,
    /// Checks applied to every item of an array.
    Items(Vec<Check>),
    /// Checks applied to every value of a map (located by its key).
    Values(Vec<Check>),
}

/// A number literal from an attribute.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Int(i128),
    Float(f64),
}

impl Num {
    pub fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    /// Compares exactly when both are integers, as floats otherwise.
    pub fn partial_cmp(self, other: Num) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Some(a.cmp(&b)),
            _ => self.as_f64().partial_cmp(&other.as_f64()),
        }
    }
}

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => write!(f, "{x}"),
        }
    }
}

pub struct EnumBody {
    pub repr: Repr,
    pub variants: Vec<Variant>,
    /// `#[validate(one_of)]`: an untagged value must match exactly one variant.
    pub one_of: bool,
    pub deny_unknown_fields: bool,
}

/// How serde represents the enum in JSON.
pub enum Repr {
    /// The default: `"Unit"` or `{"Variant": content}`.
    External,
    /// `#[serde(tag = "t")]`: `{"t": "Variant", ..fields}`.
    Internal { tag: String },
    /// `#[serde(tag = "t", content = "c")]`: `{"t": "Variant", "c": content}`.
    Adjacent { tag: String, content: String },
    /// `#[serde(untagged)]`: the content of whichever variant matches.
    Untagged,
}

pub struct Variant {
    pub ident: Ident,
    pub wire: String,
    pub aliases: Vec<String>,
    /// `#[serde(skip)]`/`skip_deserializing`: never read from JSON.
    pub serde_skip: bool,
    /// `#[serde(other)]`: stands for every unknown tag.
    pub other: bool,
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
