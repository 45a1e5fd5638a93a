//! Validating a [`Value`] against compiled [`Node`]s.
//!
//! One walk serves two purposes: collecting every violation (a [`Report`] is given),
//! and deciding validity alone (no report: it stops at the first failure), which
//! `anyOf`, `oneOf`, `not`, `if` and `contains` need for their alternatives. Verdicts
//! and messages come from the same judgements the generated types' checks use.

use super::node::{Dependency, Items, Keywords, Node, NodeId};
use crate::alternatives;
use crate::check::{self, BoundKind};
use crate::json::{JsonType, Value};
use crate::validate::{Keyword, Path, Report, Violation};

/// Applications of schemas to one value, nested, beyond which validation gives up
/// rather than risk the stack (compiling refuses schemas that loop on one value, so
/// only an absurdly long chain of `allOf`s reaches it).
const MAX_NESTING: usize = 512;

/// What is validated: a JSON value, or a string lent by a typed value (a generated
/// field's text, checked without copying it into a [`Value`]).
#[derive(Clone, Copy)]
pub(crate) enum Instance<'v> {
    Value(&'v Value),
    Str(&'v str),
}

impl Instance<'_> {
    /// JSON equality with `other` (`const`, `enum`).
    fn equals(self, other: &Value) -> bool {
        match self {
            Instance::Value(value) => value == other,
            Instance::Str(s) => other.as_str() == Some(s),
        }
    }

    fn describe(self) -> String {
        match self {
            Instance::Value(value) => describe(value),
            Instance::Str(s) => check::excerpt(s),
        }
    }
}

pub(crate) struct Interpreter<'s> {
    pub nodes: &'s [Node],
}

/// Where failures go: a report, or nowhere (validity only).
struct Out<'r> {
    report: Option<&'r mut Report>,
    valid: bool,
    /// Whether a failed `anyOf`/`oneOf` says which alternative came closest (not
    /// inside such an explanation: that would cost alternatives to the power of depth).
    explain: bool,
}

impl Out<'_> {
    /// Records a failure; returns whether to go on looking for more.
    fn fail(
        &mut self,
        path: &Path<'_>,
        keyword: Keyword,
        message: impl FnOnce() -> String,
    ) -> bool {
        self.valid = false;
        match &mut self.report {
            Some(report) => {
                report.push(path, keyword, message());
                true
            }
            None => false,
        }
    }

    fn collecting(&self) -> bool {
        self.report.is_some()
    }
}

impl Interpreter<'_> {
    /// Reports every violation of `value` against node `id`; returns whether it is valid.
    pub(crate) fn validate(
        &self,
        id: NodeId,
        value: Instance<'_>,
        path: &Path<'_>,
        report: &mut Report,
    ) -> bool {
        let mut out = Out {
            report: Some(report),
            valid: true,
            explain: true,
        };
        self.apply(id, value, path, &mut out, 0);
        out.valid
    }

    /// Whether `value` is valid against node `id`.
    pub(crate) fn is_valid(&self, id: NodeId, value: Instance<'_>) -> bool {
        let mut out = Out {
            report: None,
            valid: true,
            explain: false,
        };
        self.apply(id, value, &Path::ROOT, &mut out, 0);
        out.valid
    }

    fn apply(
        &self,
        id: NodeId,
        value: Instance<'_>,
        path: &Path<'_>,
        out: &mut Out<'_>,
        depth: usize,
    ) {
        if depth > MAX_NESTING {
            out.fail(path, Keyword::AllOf, || {
                format!("the schema nests more than {MAX_NESTING} levels deep for one value")
            });
            return;
        }
        match &self.nodes[id] {
            Node::Bool(true) | Node::Pending => {}
            Node::Bool(false) => {
                out.fail(path, Keyword::False, || "no value is allowed here".into());
            }
            Node::Ref(target) => self.apply(*target, value, path, out, depth + 1),
            Node::Keywords(k) => self.keywords(k, value, path, out, depth),
        }
    }

    fn keywords(
        &self,
        k: &Keywords,
        value: Instance<'_>,
        path: &Path<'_>,
        out: &mut Out<'_>,
        depth: usize,
    ) {
        // Each step returns early once validity alone is known to be false.
        macro_rules! stop {
            () => {
                if !out.valid && !out.collecting() {
                    return;
                }
            };
        }
        if let Some(types) = &k.types {
            if !types.iter().any(|&t| has_type(value, t)) {
                out.fail(path, Keyword::Type, || {
                    format!("{} is not of type {}", value.describe(), type_list(types))
                });
                stop!();
            }
        }
        if let Some(constant) = &k.constant {
            if !value.equals(constant) {
                out.fail(path, Keyword::Const, || {
                    format!("{} is not {}", value.describe(), constant)
                });
                stop!();
            }
        }
        if let Some(values) = &k.enumeration {
            if !values.iter().any(|v| value.equals(v)) {
                out.fail(path, Keyword::Enum, || match values.len() {
                    0 => format!(
                        "{} is not allowed: the enum has no values",
                        value.describe()
                    ),
                    _ => format!("{} is not one of {}", value.describe(), value_list(values)),
                });
                stop!();
            }
        }
        match value {
            Instance::Str(s) => self.string(k, s, path, out),
            Instance::Value(Value::String(s)) => self.string(k, s, path, out),
            Instance::Value(Value::Number(n)) => self.number(k, n, path, out),
            Instance::Value(Value::Array(items)) => self.array(k, items, path, out, depth),
            Instance::Value(value @ Value::Object(_)) => self.object(k, value, path, out, depth),
            Instance::Value(Value::Null | Value::Bool(_)) => {}
        }
        stop!();
        for &part in &k.all_of {
            self.apply(part, value, path, out, depth + 1);
            stop!();
        }
        let explain = out.explain;
        if !k.any_of.is_empty() && !k.any_of.iter().any(|&alt| self.valid_at(alt, value, depth)) {
            out.fail(path, Keyword::AnyOf, || {
                let tried = if explain {
                    self.tried(&k.any_of, value, path, depth)
                } else {
                    Vec::new()
                };
                alternatives::none_matched("anyOf", k.any_of.len(), &tried)
            });
            stop!();
        }
        if !k.one_of.is_empty() {
            let mut matched = Vec::new();
            for (i, &alt) in k.one_of.iter().enumerate() {
                if self.valid_at(alt, value, depth) {
                    matched.push(i);
                    if matched.len() > 1 && !out.collecting() {
                        break;
                    }
                }
            }
            if matched.len() != 1 {
                out.fail(path, Keyword::OneOf, || match matched.len() {
                    0 => {
                        let tried = if explain {
                            self.tried(&k.one_of, value, path, depth)
                        } else {
                            Vec::new()
                        };
                        alternatives::none_matched("oneOf", k.one_of.len(), &tried)
                    }
                    _ => alternatives::several_matched(&matched),
                });
                stop!();
            }
        }
        if let Some(not) = k.not {
            if self.valid_at(not, value, depth) {
                out.fail(path, Keyword::Not, || {
                    "matches the schema under `not`".into()
                });
                stop!();
            }
        }
        if let Some(condition) = k.condition {
            let branch = if self.valid_at(condition, value, depth) {
                k.then
            } else {
                k.otherwise
            };
            if let Some(branch) = branch {
                self.apply(branch, value, path, out, depth + 1);
            }
        }
    }

    /// Each alternative's violations on `value` (only computed to explain a failure).
    fn tried(
        &self,
        alternatives: &[NodeId],
        value: Instance<'_>,
        path: &Path<'_>,
        depth: usize,
    ) -> Vec<(usize, Vec<Violation>)> {
        alternatives
            .iter()
            .enumerate()
            .map(|(i, &alt)| {
                let mut report = Report::new();
                let mut out = Out {
                    report: Some(&mut report),
                    valid: true,
                    explain: false,
                };
                self.apply(alt, value, path, &mut out, depth + 1);
                (i, report.into_violations())
            })
            .collect()
    }

    fn valid_at(&self, id: NodeId, value: Instance<'_>, depth: usize) -> bool {
        let mut out = Out {
            report: None,
            valid: true,
            explain: false,
        };
        self.apply(id, value, &Path::ROOT, &mut out, depth + 1);
        out.valid
    }

    fn number(&self, k: &Keywords, n: &crate::Number, path: &Path<'_>, out: &mut Out<'_>) {
        for (bound, kind) in [
            (&k.minimum, BoundKind::Minimum),
            (&k.maximum, BoundKind::Maximum),
            (&k.exclusive_minimum, BoundKind::ExclusiveMinimum),
            (&k.exclusive_maximum, BoundKind::ExclusiveMaximum),
        ] {
            if let Some(bound) = bound {
                if let Some(message) = check::judge_bound(n, bound, kind) {
                    if !out.fail(path, kind.keyword(), || message) {
                        return;
                    }
                }
            }
        }
        if let Some(divisor) = &k.multiple_of {
            if let Some(message) = check::judge_multiple_of(n, divisor) {
                out.fail(path, Keyword::MultipleOf, || message);
            }
        }
    }

    fn string(&self, k: &Keywords, s: &str, path: &Path<'_>, out: &mut Out<'_>) {
        // Each verdict is decided first without a message, which is written only when
        // a report collects it: `if`, `anyOf`, `not` ask validity alone, often of
        // strings that fail (`if: {minLength: ...}` on every short one).
        if let Some(pattern) = &k.pattern {
            if !check::matches(s, pattern)
                && !out.fail(path, Keyword::Pattern, || {
                    check::judge_pattern(s, pattern).unwrap_or_default()
                })
            {
                return;
            }
        }
        if let Some(min) = k.min_length {
            if check::fewer_code_points(s, min)
                && !out.fail(path, Keyword::MinLength, || {
                    check::judge_min_length(s, min).unwrap_or_default()
                })
            {
                return;
            }
        }
        if let Some(max) = k.max_length {
            if check::more_code_points(s, max)
                && !out.fail(path, Keyword::MaxLength, || {
                    check::judge_max_length(s, max).unwrap_or_default()
                })
            {
                return;
            }
        }
        if k.format_byte && crate::base64_data::check_base64(s).is_err() {
            out.fail(path, Keyword::Format, || {
                check::judge_format_byte(s).unwrap_or_default()
            });
        }
    }

    fn array(
        &self,
        k: &Keywords,
        items: &[Value],
        path: &Path<'_>,
        out: &mut Out<'_>,
        depth: usize,
    ) {
        macro_rules! judged {
            ($judgement:expr, $keyword:expr) => {
                if let Some(message) = $judgement {
                    if !out.fail(path, $keyword, || message) {
                        return;
                    }
                }
            };
        }
        if let Some(min) = k.min_items {
            judged!(check::judge_min_items(items.len(), min), Keyword::MinItems);
        }
        if let Some(max) = k.max_items {
            judged!(check::judge_max_items(items.len(), max), Keyword::MaxItems);
        }
        if k.unique_items {
            judged!(check::judge_unique_items(items), Keyword::UniqueItems);
        }
        match &k.items {
            Items::None => {}
            Items::All(schema) => {
                for (i, item) in items.iter().enumerate() {
                    self.apply(
                        *schema,
                        Instance::Value(item),
                        &path.index(i),
                        out,
                        depth + 1,
                    );
                    if !out.valid && !out.collecting() {
                        return;
                    }
                }
            }
            Items::Tuple(schemas) => {
                for (i, item) in items.iter().enumerate() {
                    let item_path = path.index(i);
                    match schemas.get(i) {
                        Some(schema) => {
                            self.apply(*schema, Instance::Value(item), &item_path, out, depth + 1)
                        }
                        None => match k.additional_items {
                            None => break,
                            Some(extra) if matches!(self.nodes[extra], Node::Bool(false)) => {
                                let len = schemas.len();
                                out.fail(&item_path, Keyword::AdditionalItems, || {
                                    format!("item not allowed: the schema describes {len} items and additionalItems is false")
                                });
                            }
                            Some(extra) => {
                                self.apply(extra, Instance::Value(item), &item_path, out, depth + 1)
                            }
                        },
                    }
                    if !out.valid && !out.collecting() {
                        return;
                    }
                }
            }
        }
        if let Some(contains) = k.contains {
            if !items
                .iter()
                .any(|item| self.valid_at(contains, Instance::Value(item), depth))
            {
                out.fail(path, Keyword::Contains, || {
                    "no item matches the contains schema".into()
                });
            }
        }
    }

    fn object(
        &self,
        k: &Keywords,
        value: &Value,
        path: &Path<'_>,
        out: &mut Out<'_>,
        depth: usize,
    ) {
        let Value::Object(map) = value else { return };
        macro_rules! go_on {
            () => {
                if !out.valid && !out.collecting() {
                    return;
                }
            };
        }
        for name in &k.required {
            if !map.contains_key(name) {
                out.fail(path, Keyword::Required, || {
                    format!("missing required property {name:?}")
                });
                go_on!();
            }
        }
        if let Some(min) = k.min_properties {
            if let Some(message) = check::judge_min_properties(map.len(), min) {
                out.fail(path, Keyword::MinProperties, || message);
                go_on!();
            }
        }
        if let Some(max) = k.max_properties {
            if let Some(message) = check::judge_max_properties(map.len(), max) {
                out.fail(path, Keyword::MaxProperties, || message);
                go_on!();
            }
        }
        for (name, schema) in &k.properties {
            if let Some(item) = map.get(name) {
                self.apply(
                    *schema,
                    Instance::Value(item),
                    &path.key(name),
                    out,
                    depth + 1,
                );
                go_on!();
            }
        }
        let check_additional =
            !k.pattern_properties.is_empty() || k.additional_properties.is_some();
        if check_additional {
            for (key, item) in map.iter() {
                let item_path = path.key(key);
                let mut matched = k.properties.iter().any(|(name, _)| name == key);
                for (pattern, schema) in &k.pattern_properties {
                    if pattern.is_match(key) {
                        matched = true;
                        self.apply(*schema, Instance::Value(item), &item_path, out, depth + 1);
                        go_on!();
                    }
                }
                match k.additional_properties {
                    Some(extra) if !matched => {
                        if matches!(self.nodes[extra], Node::Bool(false)) {
                            out.fail(&item_path, Keyword::AdditionalProperties, || {
                                format!("property {key:?} is not allowed (additionalProperties is false)")
                            });
                        } else {
                            self.apply(extra, Instance::Value(item), &item_path, out, depth + 1);
                        }
                        go_on!();
                    }
                    _ => {}
                }
            }
        }
        if let Some(names) = k.property_names {
            for key in map.keys() {
                let name = Value::String(key.clone());
                if !out.collecting() {
                    if !self.valid_at(names, Instance::Value(&name), depth) {
                        out.valid = false;
                        return;
                    }
                    continue;
                }
                let mut inner = Report::new();
                let mut name_out = Out {
                    report: Some(&mut inner),
                    valid: true,
                    explain: out.explain,
                };
                self.apply(
                    names,
                    Instance::Value(&name),
                    &Path::ROOT,
                    &mut name_out,
                    depth + 1,
                );
                if !name_out.valid {
                    let reasons: Vec<String> = inner
                        .into_violations()
                        .into_iter()
                        .map(|v| v.message)
                        .collect();
                    out.fail(path, Keyword::PropertyNames, || {
                        format!(
                            "property name {key:?} is not allowed: {}",
                            reasons.join("; ")
                        )
                    });
                }
            }
        }
        for (name, dependency) in &k.dependencies {
            if !map.contains_key(name) {
                continue;
            }
            match dependency {
                Dependency::Properties(needed) => {
                    for other in needed {
                        if !map.contains_key(other) {
                            out.fail(path, Keyword::Dependencies, || {
                                format!(
                                    "missing property {other:?}, required when {name:?} is present"
                                )
                            });
                            go_on!();
                        }
                    }
                }
                Dependency::Schema(schema) => {
                    self.apply(*schema, Instance::Value(value), path, out, depth + 1);
                    go_on!();
                }
            }
        }
    }
}

fn has_type(value: Instance<'_>, t: JsonType) -> bool {
    let value = match value {
        Instance::Str(_) => return t == JsonType::String,
        Instance::Value(value) => value,
    };
    match (value, t) {
        (Value::Null, JsonType::Null) => true,
        (Value::Bool(_), JsonType::Boolean) => true,
        (Value::Number(_), JsonType::Number) => true,
        (Value::Number(n), JsonType::Integer) => n.is_integer(),
        (Value::String(_), JsonType::String) => true,
        (Value::Array(_), JsonType::Array) => true,
        (Value::Object(_), JsonType::Object) => true,
        _ => false,
    }
}

/// `string`, `string or null`, `integer, string or null`.
pub(crate) fn type_list(types: &[JsonType]) -> String {
    let names: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
    match names.split_last() {
        None => "nothing".into(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

fn value_list(values: &[Value]) -> String {
    values
        .iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A short rendering of a value for messages: strings shortened, containers by kind,
/// numbers in their canonical spelling.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::String(s) => check::excerpt(s),
        Value::Array(_) => "array".into(),
        Value::Object(_) => "object".into(),
        Value::Number(n) => n.canonical(),
        other => other.to_string(),
    }
}
