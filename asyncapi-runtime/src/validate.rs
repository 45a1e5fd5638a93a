//! The [`Validate`] trait and what it reports: [`Violation`]s located by JSON pointers.

use std::fmt;

/// A location in a JSON document, built on the stack while validation descends.
///
/// Descending costs nothing: a `Path` is a borrowed linked list of segments, and a
/// JSON pointer string is only built when a violation is reported.
#[derive(Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl Path<'static> {
    /// The document root (JSON pointer `""`).
    pub const ROOT: Path<'static> = Path {
        parent: None,
        segment: Segment::Root,
    };
}

impl<'a> Path<'a> {
    /// The path of the member `key` of the object at this path (a wire name).
    pub fn key<'b>(&'b self, key: &'b str) -> Path<'b> {
        Path {
            parent: Some(self),
            segment: Segment::Key(key),
        }
    }

    /// The path of element `index` of the array at this path.
    pub fn index(&self, index: usize) -> Path<'_> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// This path as an RFC 6901 JSON pointer (`""` for the root, `/Records/0/kinesis`).
    pub fn to_pointer(&self) -> String {
        let mut segments = Vec::new();
        let mut node = Some(self);
        while let Some(path) = node {
            segments.push(path.segment);
            node = path.parent;
        }
        let mut pointer = String::new();
        for segment in segments.iter().rev() {
            match segment {
                Segment::Root => {}
                Segment::Key(key) => {
                    pointer.push('/');
                    push_escaped(&mut pointer, key);
                }
                Segment::Index(index) => {
                    pointer.push('/');
                    pointer.push_str(&index.to_string());
                }
            }
        }
        pointer
    }
}

impl fmt::Debug for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Path({:?})", self.to_pointer())
    }
}

/// Appends `key` to a JSON pointer with `~` and `/` escaped as RFC 6901 requires.
pub(crate) fn push_escaped(pointer: &mut String, key: &str) {
    for c in key.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// The JSON Schema keyword a value failed, named as JSON Schema names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Keyword {
    /// The value has the wrong JSON type (or is not an integer where one is required).
    Type,
    /// A required property is missing.
    Required,
    /// The value differs from the schema's `const`.
    Const,
    /// The value is not one of the schema's `enum` values.
    Enum,
    /// The string does not contain a match of `pattern`.
    Pattern,
    /// The string has fewer code points than `minLength`.
    MinLength,
    /// The string has more code points than `maxLength`.
    MaxLength,
    /// The number is below `minimum`.
    Minimum,
    /// The number is above `maximum`.
    Maximum,
    /// The number is not above `exclusiveMinimum`.
    ExclusiveMinimum,
    /// The number is not below `exclusiveMaximum`.
    ExclusiveMaximum,
    /// The number is not a multiple of `multipleOf`.
    MultipleOf,
    /// The array has fewer items than `minItems`.
    MinItems,
    /// The array has more items than `maxItems`.
    MaxItems,
    /// The array has duplicate items although `uniqueItems` is set.
    UniqueItems,
    /// The object has fewer properties than `minProperties`.
    MinProperties,
    /// The object has more properties than `maxProperties`.
    MaxProperties,
    /// The object has a property that `additionalProperties: false` forbids.
    AdditionalProperties,
    /// The string is not well-formed for its `format` (only `byte`, base64, is enforced).
    Format,
    /// The value matches none (or, for `oneOf`, more than one) of the alternatives.
    OneOf,
    /// The value matches none of the `anyOf` alternatives.
    AnyOf,
    /// A part of `allOf` could not be applied (its nesting is too deep to follow).
    AllOf,
    /// The value matches the schema under `not`.
    Not,
    /// No item of the array matches the `contains` schema.
    Contains,
    /// A property name does not match the `propertyNames` schema.
    PropertyNames,
    /// A property that `dependencies` requires when another is present is missing.
    Dependencies,
    /// The array has an item beyond the tuple that `additionalItems: false` forbids.
    AdditionalItems,
    /// The schema is `false`: no value is allowed here.
    False,
    /// The value is not valid JSON at all.
    Syntax,
}

impl Keyword {
    /// The keyword as JSON Schema spells it (`maxLength`), or `syntax`.
    pub fn as_str(self) -> &'static str {
        match self {
            Keyword::Type => "type",
            Keyword::Required => "required",
            Keyword::Const => "const",
            Keyword::Enum => "enum",
            Keyword::Pattern => "pattern",
            Keyword::MinLength => "minLength",
            Keyword::MaxLength => "maxLength",
            Keyword::Minimum => "minimum",
            Keyword::Maximum => "maximum",
            Keyword::ExclusiveMinimum => "exclusiveMinimum",
            Keyword::ExclusiveMaximum => "exclusiveMaximum",
            Keyword::MultipleOf => "multipleOf",
            Keyword::MinItems => "minItems",
            Keyword::MaxItems => "maxItems",
            Keyword::UniqueItems => "uniqueItems",
            Keyword::MinProperties => "minProperties",
            Keyword::MaxProperties => "maxProperties",
            Keyword::AdditionalProperties => "additionalProperties",
            Keyword::Format => "format",
            Keyword::OneOf => "oneOf",
            Keyword::AnyOf => "anyOf",
            Keyword::AllOf => "allOf",
            Keyword::Not => "not",
            Keyword::Contains => "contains",
            Keyword::PropertyNames => "propertyNames",
            Keyword::Dependencies => "dependencies",
            Keyword::AdditionalItems => "additionalItems",
            Keyword::False => "false",
            Keyword::Syntax => "syntax",
        }
    }
}

impl fmt::Display for Keyword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One way in which a value breaks its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// RFC 6901 JSON pointer to the offending value, with wire names (`""` is the root).
    pub pointer: String,
    /// The keyword that failed.
    pub keyword: Keyword,
    /// What is wrong, readable on its own (`257 characters, more than maxLength 256`).
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "(root)"
        } else {
            &self.pointer
        };
        write!(f, "{pointer}: {}", self.message)
    }
}

impl std::error::Error for Violation {}

/// Every violation found in one value, in document order. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// Wraps a list of violations; `None` when the list is empty.
    pub fn new(violations: Vec<Violation>) -> Option<Self> {
        (!violations.is_empty()).then_some(Violations(violations))
    }

    /// Exactly one violation.
    pub fn one(violation: Violation) -> Self {
        Violations(vec![violation])
    }

    /// The violations, in document order.
    pub fn as_slice(&self) -> &[Violation] {
        &self.0
    }

    /// The violations, by value.
    pub fn into_vec(self) -> Vec<Violation> {
        self.0
    }

    /// How many violations there are (at least one).
    #[allow(clippy::len_without_is_empty)] // never empty by construction
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Iterates over the violations.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        write!(f, "{count} violation{}", if count == 1 { "" } else { "s" })?;
        for violation in &self.0 {
            write!(f, "\n  {violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

/// Collects violations during one validation pass.
#[derive(Debug, Default)]
pub struct Report {
    violations: Vec<Violation>,
}

impl Report {
    /// An empty report.
    pub fn new() -> Self {
        Report::default()
    }

    /// Records a violation at `path`.
    pub fn push(&mut self, path: &Path<'_>, keyword: Keyword, message: impl Into<String>) {
        self.violations.push(Violation {
            pointer: path.to_pointer(),
            keyword,
            message: message.into(),
        });
    }

    /// Whether nothing has been reported.
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// The violations recorded so far.
    pub fn into_violations(self) -> Vec<Violation> {
        self.violations
    }

    /// `Ok` when nothing was reported.
    pub fn into_result(self) -> Result<(), Violations> {
        match Violations::new(self.violations) {
            None => Ok(()),
            Some(violations) => Err(violations),
        }
    }
}

/// A value that can check itself against the constraints of its schema.
///
/// Implemented by `#[derive(Validate)]` for the generated types, and here for the
/// standard containers (`Option`, `Vec`, `Box`, maps) and leaf types, which have no
/// constraints of their own beyond what their type already guarantees.
pub trait Validate {
    /// Reports every violation in `self`, located relative to `path`.
    fn validate_at(&self, path: &Path<'_>, report: &mut Report);

    /// Checks every constraint and returns all violations, in document order.
    fn validate(&self) -> Result<(), Violations> {
        let mut report = Report::new();
        self.validate_at(&Path::ROOT, &mut report);
        report.into_result()
    }
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        (**self).validate_at(path, report)
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        (**self).validate_at(path, report)
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        if let Some(value) = self {
            value.validate_at(path, report)
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        for (index, item) in self.iter().enumerate() {
            item.validate_at(&path.index(index), report)
        }
    }
}

impl<T: Validate> Validate for std::collections::BTreeMap<String, T> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        for (key, value) in self {
            value.validate_at(&path.key(key), report)
        }
    }
}

impl<T: Validate, S> Validate for std::collections::HashMap<String, T, S> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        for (key, value) in self {
            value.validate_at(&path.key(key), report)
        }
    }
}

/// Leaf types: their constraints come from field attributes, not from the type.
macro_rules! leaf {
    ($($ty:ty),* $(,)?) => {
        $(impl Validate for $ty {
            #[inline]
            fn validate_at(&self, _: &Path<'_>, _: &mut Report) {}
        })*
    };
}

leaf!(
    String,
    str,
    bool,
    i8,
    i16,
    i32,
    i64,
    i128,
    u8,
    u16,
    u32,
    u64,
    u128,
    f32,
    f64,
    serde_json::Value,
    serde_json::Map<String, serde_json::Value>,
    std::borrow::Cow<'_, str>,
    crate::Value,
    crate::Number,
);

impl<V: Validate> Validate for crate::Map<V> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        for (key, value) in self {
            value.validate_at(&path.key(key), report)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape_and_nest() {
        let root = Path::ROOT;
        assert_eq!(root.to_pointer(), "");
        let records = root.key("Records");
        let first = records.index(0);
        let odd = first.key("a/b~c");
        assert_eq!(odd.to_pointer(), "/Records/0/a~1b~0c");
    }

    #[test]
    fn report_collects_in_order() {
        let mut report = Report::new();
        assert!(report.is_empty());
        report.push(&Path::ROOT.key("x"), Keyword::MinLength, "too short");
        report.push(&Path::ROOT, Keyword::Required, "missing");
        let violations = report.into_result().unwrap_err();
        assert_eq!(violations.len(), 2);
        assert_eq!(violations.as_slice()[0].pointer, "/x");
        assert_eq!(violations.as_slice()[1].to_string(), "(root): missing");
    }
}
