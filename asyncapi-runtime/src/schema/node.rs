//! The compiled form of a schema: one [`Node`] per schema location, keywords parsed.

pub(crate) use ecma262_regex::Pattern;

use crate::json::{JsonType, Value};
use crate::number::Number;

/// Index of a node in [`super::Schema`]'s arena.
pub(crate) type NodeId = usize;

/// One schema.
pub(crate) enum Node {
    /// `true` (anything) or `false` (nothing).
    Bool(bool),
    /// `{"$ref": ...}`: in draft 07 the target alone applies; siblings are ignored.
    Ref(NodeId),
    /// Any other schema object.
    Keywords(Box<Keywords>),
    /// A slot reserved while its schema is being compiled.
    Pending,
}

/// `items`: one schema for every item, or one per position (a tuple).
pub(crate) enum Items {
    None,
    All(NodeId),
    Tuple(Vec<NodeId>),
}

/// A `dependencies` entry.
pub(crate) enum Dependency {
    /// Properties that must be present too.
    Properties(Vec<String>),
    /// A schema the whole object must match.
    Schema(NodeId),
}

/// The validation keywords of a schema object (annotations are dropped).
pub(crate) struct Keywords {
    /// `type`: the allowed types in the order written (`integer` matches integral
    /// numbers only).
    pub types: Option<Vec<JsonType>>,
    pub enumeration: Option<Vec<Value>>,
    pub constant: Option<Value>,

    pub minimum: Option<Number>,
    pub maximum: Option<Number>,
    pub exclusive_minimum: Option<Number>,
    pub exclusive_maximum: Option<Number>,
    pub multiple_of: Option<Number>,

    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub pattern: Option<Pattern>,
    /// `format: byte` (base64), the one format enforced.
    pub format_byte: bool,

    pub items: Items,
    pub additional_items: Option<NodeId>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub unique_items: bool,
    pub contains: Option<NodeId>,

    pub properties: Vec<(String, NodeId)>,
    pub pattern_properties: Vec<(Pattern, NodeId)>,
    pub additional_properties: Option<NodeId>,
    pub required: Vec<String>,
    pub min_properties: Option<u64>,
    pub max_properties: Option<u64>,
    pub property_names: Option<NodeId>,
    pub dependencies: Vec<(String, Dependency)>,

    pub all_of: Vec<NodeId>,
    pub any_of: Vec<NodeId>,
    pub one_of: Vec<NodeId>,
    pub not: Option<NodeId>,
    pub condition: Option<NodeId>,
    pub then: Option<NodeId>,
    pub otherwise: Option<NodeId>,
}

impl Keywords {
    pub(crate) fn empty() -> Keywords {
        Keywords {
            types: None,
            enumeration: None,
            constant: None,
            minimum: None,
            maximum: None,
            exclusive_minimum: None,
            exclusive_maximum: None,
            multiple_of: None,
            min_length: None,
            max_length: None,
            pattern: None,
            format_byte: false,
            items: Items::None,
            additional_items: None,
            min_items: None,
            max_items: None,
            unique_items: false,
            contains: None,
            properties: Vec::new(),
            pattern_properties: Vec::new(),
            additional_properties: None,
            required: Vec::new(),
            min_properties: None,
            max_properties: None,
            property_names: None,
            dependencies: Vec::new(),
            all_of: Vec::new(),
            any_of: Vec::new(),
            one_of: Vec::new(),
            not: None,
            condition: None,
            then: None,
            otherwise: None,
        }
    }

    /// The schemas applied to the same value as this one (not to its parts): the
    /// edges along which a schema could refer back to itself without ever descending.
    pub(crate) fn same_value_children(&self) -> Vec<NodeId> {
        let mut out = Vec::new();
        out.extend(&self.all_of);
        out.extend(&self.any_of);
        out.extend(&self.one_of);
        out.extend(self.not);
        out.extend(self.condition);
        out.extend(self.then);
        out.extend(self.otherwise);
        for (_, dependency) in &self.dependencies {
            if let Dependency::Schema(id) = dependency {
                out.push(*id);
            }
        }
        out
    }
}
