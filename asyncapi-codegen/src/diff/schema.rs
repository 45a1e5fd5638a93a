//! Two versions of a schema, compared keyword group by keyword group.
//!
//! A draft-07 schema is the conjunction of its keywords' constraints, and each keyword
//! constrains only values of its own type. So the new schema accepts no more than the
//! old one (consumers are safe) when, group by group, the new constraint is at least as
//! strict as the old one, or the group only concerns a type the new schema does not
//! admit at all; and the reverse for producers. The groups are: `type`; `enum` and
//! `const` (exact value sets: when one side is finite the comparison is exact); each
//! bound; `multipleOf`; `pattern`; `format: byte`; `uniqueItems`; `required`;
//! `properties` with `patternProperties` and `additionalProperties` (compared name by
//! name, an unlisted name falling under `additionalProperties`); `propertyNames`;
//! `dependencies`; `items` with `additionalItems` (position by position); `contains`;
//! `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`. Subschemas are compared
//! recursively where the whole is monotone in them (properties, items, `allOf`,
//! `anyOf`), with the directions swapped under `not`, and as *opaque* where it is not
//! (a `oneOf` whose alternatives may overlap, the branches of a changed `if`): there a
//! local inclusion proves nothing and only a witness decides.
//!
//! Each difference is recorded as an [`Occurrence`] with what its rule established in
//! each direction ([`Rel`]); [`super::witness`] turns those into verdicts.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashSet};

use asyncapi_runtime::{JsonType, Map, Number, Value};

use super::kind::Kind;
use super::{pattern, sample, Changes, Check, Occurrence, Prepared, Rel, Side, Step};
use crate::bundle::Bundle;
use crate::load::pointer;
use crate::merge::all_of;

/// A schema at a place: its value, where it is in its document (`None` for one read
/// from several parts, or `true` standing for an absent keyword), and the pointer
/// changes under it are reported at.
#[derive(Debug, Clone)]
pub(crate) struct Node<'a> {
    pub value: Cow<'a, Value>,
    pub at: Option<String>,
    pub report: String,
}

impl<'a> Node<'a> {
    pub(crate) fn real(root: &'a Value, at: &str) -> Node<'a> {
        match root.pointer(at) {
            Some(value) => Node {
                value: Cow::Borrowed(value),
                at: Some(at.to_string()),
                report: at.to_string(),
            },
            None => Node::truth(at),
        }
    }

    /// `true`: what an absent schema keyword means.
    pub(crate) fn truth(report: &str) -> Node<'a> {
        Node {
            value: Cow::Owned(Value::Bool(true)),
            at: None,
            report: report.to_string(),
        }
    }

    fn child(&self, key: &str) -> Option<Node<'a>> {
        let report = pointer::join(&self.report, key);
        match &self.value {
            Cow::Borrowed(value) => {
                let value: &'a Value = value;
                value.get(key).map(|child| Node {
                    value: Cow::Borrowed(child),
                    at: self.at.as_ref().map(|at| pointer::join(at, key)),
                    report,
                })
            }
            Cow::Owned(value) => value.get(key).map(|child| Node {
                value: Cow::Owned(child.clone()),
                at: None,
                report,
            }),
        }
    }

    fn item(&self, key: &str, i: usize) -> Option<Node<'a>> {
        let list = self.child(key)?;
        let report = pointer::index(&list.report, i);
        match list.value {
            Cow::Borrowed(value) => value
                .as_array()
                .and_then(|items| items.get(i))
                .map(|child| Node {
                    value: Cow::Borrowed(child),
                    at: list.at.as_ref().map(|at| pointer::index(at, i)),
                    report,
                }),
            Cow::Owned(value) => value
                .as_array()
                .and_then(|items| items.get(i))
                .map(|child| Node {
                    value: Cow::Owned(child.clone()),
                    at: None,
                    report,
                }),
        }
    }

    /// The schema member `key` (a member `key` of `key`-map `group`), or `true`.
    fn member(&self, group: &str, key: &str) -> Option<Node<'a>> {
        self.child(group).and_then(|g| g.child(key))
    }

    pub(crate) fn check(&self) -> Check {
        match (&self.at, self.value.as_ref()) {
            (Some(at), _) => Check::At(at.clone()),
            (None, Value::Bool(b)) => Check::Bool(*b),
            (None, value) => Check::Owned(value.clone()),
        }
    }

    fn map(&self) -> Option<Cow<'_, Map>> {
        match self.value.as_ref() {
            Value::Object(map) => Some(Cow::Borrowed(map)),
            Value::Bool(false) => None,
            _ => Some(Cow::Owned(Map::new())),
        }
    }

    fn is_false(&self) -> bool {
        matches!(self.value.as_ref(), Value::Bool(false))
    }

    fn is_absent_or_true(&self) -> bool {
        match self.value.as_ref() {
            Value::Bool(true) => true,
            Value::Object(map) => map.is_empty(),
            _ => false,
        }
    }
}

/// Follows `$ref`s (in draft 07 a `$ref` stands alone: its siblings are ignored).
pub(crate) fn resolve<'a>(root: &'a Value, mut node: Node<'a>) -> Node<'a> {
    for _ in 0..64 {
        let Some(target) = node
            .value
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(Bundle::target)
        else {
            return node;
        };
        match root.pointer(&target) {
            Some(value) => {
                node = Node {
                    value: Cow::Borrowed(value),
                    at: Some(target.clone()),
                    report: target,
                }
            }
            None => return node,
        }
    }
    node
}

/// Where a comparison stands.
#[derive(Debug, Clone)]
pub(crate) struct Cx {
    pub negated: bool,
    pub opaque: bool,
    pub plain: bool,
    pub path: Option<Vec<Step>>,
    pub root: Option<usize>,
    depth: usize,
}

impl Cx {
    /// At the top of a message's payload (or headers): root `root`.
    pub(crate) fn payload(root: usize) -> Cx {
        Cx {
            negated: false,
            opaque: false,
            plain: true,
            path: Some(Vec::new()),
            root: Some(root),
            depth: 0,
        }
    }

    /// Outside any message (a component schema no message reaches).
    pub(crate) fn detached() -> Cx {
        Cx {
            negated: false,
            opaque: false,
            plain: false,
            path: None,
            root: None,
            depth: 0,
        }
    }

    fn deeper(&self) -> Cx {
        Cx {
            depth: self.depth + 1,
            ..self.clone()
        }
    }

    /// Into a part of the value (a property, an item).
    fn step(&self, step: Step, plain: bool) -> Cx {
        let mut cx = self.deeper();
        cx.plain = self.plain && plain;
        cx.path = self.path.as_ref().map(|p| {
            let mut p = p.clone();
            p.push(step);
            p
        });
        cx
    }

    /// A schema applied to the same value beside others (`allOf`, `anyOf`, ...).
    fn same(&self) -> Cx {
        let mut cx = self.deeper();
        cx.plain = false;
        cx
    }

    /// A schema applied to parts of the value not known in advance (`contains`,
    /// `patternProperties`) or to something else (`propertyNames`).
    fn elsewhere(&self) -> Cx {
        let mut cx = self.same();
        cx.path = None;
        cx
    }
}

/// One side of a node pair, read.
struct Side1<'n, 'a> {
    node: &'n Node<'a>,
    map: &'n Map,
    types: Option<BTreeSet<JsonType>>,
}

impl Side1<'_, '_> {
    fn admits(&self, kind: JsonType) -> bool {
        match &self.types {
            None => true,
            Some(types) => {
                types.contains(&kind)
                    || (kind == JsonType::Integer && types.contains(&JsonType::Number))
                    || (kind == JsonType::Number && types.contains(&JsonType::Integer))
            }
        }
    }

    fn at(&self, key: &str) -> String {
        pointer::join(&self.node.report, key)
    }
}

/// The keywords that validate (every other keyword is an annotation), and containers
/// of schemas that only matter through `$ref`s.
const VALIDATION: &[&str] = &[
    "type",
    "enum",
    "const",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "items",
    "additionalItems",
    "maxItems",
    "minItems",
    "uniqueItems",
    "contains",
    "maxProperties",
    "minProperties",
    "required",
    "properties",
    "patternProperties",
    "additionalProperties",
    "dependencies",
    "propertyNames",
    "if",
    "then",
    "else",
    "allOf",
    "anyOf",
    "oneOf",
    "not",
    "$ref",
    "definitions",
    "$defs",
];

/// Compares schema pairs and records what differs.
pub(crate) struct Comparator<'a, 'c> {
    pub old: &'a Prepared,
    pub new: &'a Prepared,
    pub changes: &'c mut Changes,
    done: HashSet<(String, String, bool, bool)>,
    /// How many [`Comparator::subset`]s this one runs within: each starts afresh, so
    /// a schema that contains itself could otherwise nest them without end.
    nesting: usize,
}

/// Nested [`Comparator::subset`]s beyond this prove nothing.
const MAX_NESTING: usize = 8;

impl<'a, 'c> Comparator<'a, 'c> {
    pub(crate) fn new(old: &'a Prepared, new: &'a Prepared, changes: &'c mut Changes) -> Self {
        Comparator {
            old,
            new,
            changes,
            done: HashSet::new(),
            nesting: 0,
        }
    }

    /// The pairs of places compared so far.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.done.iter().map(|(o, n, _, _)| (o.clone(), n.clone()))
    }

    /// `[new ⊆ old, old ⊆ new]` for two schemas, as far as the rules tell, without
    /// recording anything.
    pub(crate) fn subset(&self, old: Node<'a>, new: Node<'a>) -> [Rel; 2] {
        if self.nesting >= MAX_NESTING {
            return [Rel::Unknown, Rel::Unknown];
        }
        let mut scratch = Changes::default();
        let mut sub = Comparator::new(self.old, self.new, &mut scratch);
        sub.nesting = self.nesting + 1;
        sub.compare(old, new, &Cx::detached());
        aggregate(&scratch)
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &mut self,
        cx: &Cx,
        place: (Side, String),
        kind: Kind,
        detail: &str,
        message: String,
        rel: [Rel; 2],
        checks: (Check, Check),
        path: Option<Vec<Step>>,
        subjects: Vec<(Side, String)>,
    ) {
        let occurrence = Occurrence {
            rel,
            negated: cx.negated,
            opaque: cx.opaque,
            plain: cx.plain && !cx.negated && !cx.opaque,
            annotation: kind == Kind::AnnotationChanged,
            checks: Some(checks),
            path,
            root: cx.root,
            fixed: None,
        };
        self.changes.add(
            place.0, &place.1, kind, detail, message, occurrence, subjects,
        );
    }

    /// Records a change of the schemas `o`/`n` themselves (witnesses are values at
    /// their place).
    #[allow(clippy::too_many_arguments)]
    fn here(
        &mut self,
        cx: &Cx,
        o: &Side1<'_, 'a>,
        n: &Side1<'_, 'a>,
        place: (Side, String),
        kind: Kind,
        detail: &str,
        message: String,
        rel: [Rel; 2],
    ) {
        let subjects = vec![
            (Side::Old, o.node.report.clone()),
            (Side::New, n.node.report.clone()),
        ];
        let checks = (o.node.check(), n.node.check());
        self.record(
            cx,
            place,
            kind,
            detail,
            message,
            rel,
            checks,
            cx.path.clone(),
            subjects,
        );
    }

    /// Compares two schemas (either may be a `$ref`) at one place.
    pub(crate) fn compare(&mut self, o: Node<'a>, n: Node<'a>, cx: &Cx) {
        let o = resolve(self.old.root(), o);
        let n = resolve(self.new.root(), n);
        if let (Some(oa), Some(na)) = (&o.at, &n.at) {
            if !self
                .done
                .insert((oa.clone(), na.clone(), cx.negated, cx.opaque))
            {
                // Compared already (or being compared: a recursive schema, which is
                // judged the same at every depth).
                return;
            }
        }
        if cx.depth > 96 {
            if o.value != n.value {
                let place = (Side::New, n.report.clone());
                let checks = (o.check(), n.check());
                let subjects = Vec::new();
                self.record(
                    cx,
                    place,
                    Kind::SchemaChanged,
                    "depth",
                    "schemas nested too deep to compare".into(),
                    [Rel::Unknown, Rel::Unknown],
                    checks,
                    cx.path.clone(),
                    subjects,
                );
            }
            return;
        }
        let (om, nm) = match (o.map(), n.map()) {
            (Some(om), Some(nm)) => (om.into_owned(), nm.into_owned()),
            (None, None) => return,
            (old_map, _) => {
                let old_false = old_map.is_none();
                let place = (Side::New, n.report.clone());
                let (message, rel) = if old_false {
                    (
                        "the schema was `false` (no value valid)".to_string(),
                        [Rel::No, Rel::Yes],
                    )
                } else {
                    (
                        "the schema is now `false` (no value valid)".to_string(),
                        [Rel::Yes, Rel::No],
                    )
                };
                let checks = (o.check(), n.check());
                let subjects = vec![(Side::Old, o.report.clone()), (Side::New, n.report.clone())];
                self.record(
                    cx,
                    place,
                    Kind::SchemaChanged,
                    "false",
                    message,
                    rel,
                    checks,
                    cx.path.clone(),
                    subjects,
                );
                return;
            }
        };
        // `allOf` read as one schema where that is exact and the two sides do not line
        // up part by part.
        let (o, om, n, nm) = self.align_all_of(o, om, n, nm);
        let os = Side1 {
            node: &o,
            types: type_set(&om),
            map: &om,
        };
        let ns = Side1 {
            node: &n,
            types: type_set(&nm),
            map: &nm,
        };
        self.annotations(cx, &os, &ns);
        // A finite set of values on either side is compared exactly, types included.
        if self.values(cx, &os, &ns) {
            return;
        }
        self.types(cx, &os, &ns);
        self.bounds(cx, &os, &ns);
        self.multiple_of(cx, &os, &ns);
        self.pattern(cx, &os, &ns);
        self.flags(cx, &os, &ns);
        self.required(cx, &os, &ns);
        self.properties(cx, &os, &ns);
        self.property_names(cx, &os, &ns);
        self.dependencies(cx, &os, &ns);
        self.items(cx, &os, &ns);
        self.contains(cx, &os, &ns);
        self.all_of(cx, &os, &ns);
        self.alternatives(cx, &os, &ns, "anyOf");
        self.alternatives(cx, &os, &ns, "oneOf");
        self.not(cx, &os, &ns);
        self.condition(cx, &os, &ns);
    }

    #[allow(clippy::type_complexity)]
    fn align_all_of(
        &self,
        o: Node<'a>,
        om: Map,
        n: Node<'a>,
        nm: Map,
    ) -> (Node<'a>, Map, Node<'a>, Map) {
        let length = |m: &Map| m.get("allOf").and_then(Value::as_array).map(Vec::len);
        match (length(&om), length(&nm)) {
            (None, None) => (o, om, n, nm),
            (Some(a), Some(b)) if a == b => (o, om, n, nm),
            _ => {
                let (o, om) = merged_node(self.old.root(), o, om);
                let (n, nm) = merged_node(self.new.root(), n, nm);
                (o, om, n, nm)
            }
        }
    }

    fn annotations(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        let mut keys: Vec<&String> = n.map.keys().collect();
        keys.extend(o.map.keys().filter(|k| !n.map.contains_key(k.as_str())));
        for key in keys {
            if VALIDATION.contains(&key.as_str()) {
                continue;
            }
            let (a, b) = (o.map.get(key), n.map.get(key));
            if a == b {
                continue;
            }
            if key == "format" {
                let byte = |v: Option<&Value>| v.and_then(Value::as_str) == Some("byte");
                if byte(a) != byte(b) {
                    continue;
                }
            }
            let (place, what) = match (a, b) {
                (_, Some(_)) if a.is_none() => ((Side::New, n.at(key)), "added"),
                (_, Some(_)) => ((Side::New, n.at(key)), "changed"),
                _ => ((Side::Old, o.at(key)), "removed"),
            };
            let message =
                format!("{key} {what} (an annotation: no value is valid or invalid because of it)");
            self.here(
                cx,
                o,
                n,
                place,
                Kind::AnnotationChanged,
                key,
                message,
                [Rel::Yes, Rel::Yes],
            );
        }
    }

    fn types(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        if o.types == n.types {
            return;
        }
        let cons = Rel::from_bool(covers(&o.types, &n.types));
        let prod = Rel::from_bool(covers(&n.types, &o.types));
        let with_null = |t: &Option<BTreeSet<JsonType>>| {
            t.as_ref().map(|t| {
                let mut t = t.clone();
                t.insert(JsonType::Null);
                t
            })
        };
        let kind = if n.types.is_some()
            && with_null(&o.types) == n.types
            && !o.admits(JsonType::Null)
        {
            Kind::NullableAdded
        } else if o.types.is_some() && with_null(&n.types) == o.types && !n.admits(JsonType::Null) {
            Kind::NullableRemoved
        } else {
            Kind::TypeChanged
        };
        let place = if n.map.contains_key("type") {
            (Side::New, n.at("type"))
        } else {
            (Side::Old, o.at("type"))
        };
        let message = format!("type {} -> {}", show_types(&o.types), show_types(&n.types));
        self.here(cx, o, n, place, kind, "", message, [cons, prod]);
    }

    /// `enum`/`const`: when either side is a finite set of values, the comparison is
    /// exact and ends here (`true`).
    fn values(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) -> bool {
        let old_values = finite(o.map).map(|v| self.accepted(&self.old.probe, o.node, v));
        let new_values = finite(n.map).map(|v| self.accepted(&self.new.probe, n.node, v));
        let keyword = |s: &Side1<'_, 'a>| {
            if s.map.contains_key("enum") {
                "enum"
            } else {
                "const"
            }
        };
        match (old_values, new_values) {
            (None, None) => false,
            (Some(old_values), Some(new_values)) => {
                for v in old_values.iter().filter(|v| !new_values.contains(v)) {
                    let place = (Side::Old, o.at(keyword(o)));
                    let message = format!("value {v} no longer valid");
                    self.here(
                        cx,
                        o,
                        n,
                        place,
                        Kind::EnumValueRemoved,
                        &v.to_string(),
                        message,
                        [Rel::Yes, Rel::No],
                    );
                }
                for v in new_values.iter().filter(|v| !old_values.contains(v)) {
                    let place = (Side::New, n.at(keyword(n)));
                    let message = format!("value {v} now valid");
                    self.here(
                        cx,
                        o,
                        n,
                        place,
                        Kind::EnumValueAdded,
                        &v.to_string(),
                        message,
                        [Rel::No, Rel::Yes],
                    );
                }
                true
            }
            (None, Some(new_values)) => {
                let check = o.node.check();
                let all_old = new_values
                    .iter()
                    .all(|v| self.old.probe.valid(&check, v) == Some(true));
                let place = (Side::New, n.at(keyword(n)));
                let message = format!("{} added: only {} valid", keyword(n), list(&new_values));
                self.here(
                    cx,
                    o,
                    n,
                    place,
                    Kind::EnumAdded,
                    "",
                    message,
                    [Rel::from_bool(all_old), Rel::No],
                );
                true
            }
            (Some(old_values), None) => {
                let check = n.node.check();
                let all_new = old_values
                    .iter()
                    .all(|v| self.new.probe.valid(&check, v) == Some(true));
                let place = (Side::Old, o.at(keyword(o)));
                let message = format!("{} removed (was {})", keyword(o), list(&old_values));
                self.here(
                    cx,
                    o,
                    n,
                    place,
                    Kind::EnumRemoved,
                    "",
                    message,
                    [Rel::No, Rel::from_bool(all_new)],
                );
                true
            }
        }
    }

    /// The values of a finite set the whole schema accepts.
    fn accepted(&self, probe: &sample::Probe, node: &Node<'a>, values: Vec<Value>) -> Vec<Value> {
        let check = node.check();
        let mut out: Vec<Value> = Vec::new();
        for v in values {
            if probe.valid(&check, &v) != Some(false) && !out.contains(&v) {
                out.push(v);
            }
        }
        out
    }

    fn bounds(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        use JsonType::{Array, Number as Num, Object, String as Str};
        let counts: [(&str, JsonType, bool, Kind, Kind); 6] = [
            (
                "maxLength",
                Str,
                true,
                Kind::MaxLengthNarrowed,
                Kind::MaxLengthWidened,
            ),
            (
                "minLength",
                Str,
                false,
                Kind::MinLengthNarrowed,
                Kind::MinLengthWidened,
            ),
            (
                "maxItems",
                Array,
                true,
                Kind::MaxItemsNarrowed,
                Kind::MaxItemsWidened,
            ),
            (
                "minItems",
                Array,
                false,
                Kind::MinItemsNarrowed,
                Kind::MinItemsWidened,
            ),
            (
                "maxProperties",
                Object,
                true,
                Kind::MaxPropertiesNarrowed,
                Kind::MaxPropertiesWidened,
            ),
            (
                "minProperties",
                Object,
                false,
                Kind::MinPropertiesNarrowed,
                Kind::MinPropertiesWidened,
            ),
        ];
        for (key, kind, upper, narrowed, widened) in counts {
            let read = |s: &Side1<'_, 'a>| {
                s.map
                    .get(key)
                    .and_then(Value::as_number)
                    .cloned()
                    .filter(|v| upper || *v != Number::from(0u8))
            };
            let (a, b) = (read(o), read(n));
            if a == b {
                continue;
            }
            let bound = |v: Option<Number>| v.map(|v| (v, false));
            let (tighter_new, tighter_old) = if upper {
                (
                    upper_le(&bound(b.clone()), &bound(a.clone())),
                    upper_le(&bound(a.clone()), &bound(b.clone())),
                )
            } else {
                (
                    lower_ge(&bound(b.clone()), &bound(a.clone())),
                    lower_ge(&bound(a.clone()), &bound(b.clone())),
                )
            };
            let cons = Rel::from_bool(tighter_new || !n.admits(kind));
            let prod = Rel::from_bool(tighter_old || !o.admits(kind));
            let place = if b.is_some() {
                (Side::New, n.at(key))
            } else {
                (Side::Old, o.at(key))
            };
            let message = match (&a, &b) {
                (Some(a), Some(b)) => format!("{key} {a} -> {b}"),
                (None, Some(b)) => format!("{key} {b} added"),
                (Some(a), _) => format!("{key} {a} removed"),
                (None, None) => String::new(),
            };
            let kind = if tighter_new { narrowed } else { widened };
            self.here(cx, o, n, place, kind, key, message, [cons, prod]);
        }
        for upper in [false, true] {
            let (a, b) = (numeric_bound(o.map, upper), numeric_bound(n.map, upper));
            if a.as_ref().map(|(v, e, _)| (v, e)) == b.as_ref().map(|(v, e, _)| (v, e)) {
                continue;
            }
            let strip = |x: &Option<(Number, bool, &'static str)>| {
                x.as_ref().map(|(v, e, _)| (v.clone(), *e))
            };
            let (sa, sb) = (strip(&a), strip(&b));
            let (tighter_new, tighter_old) = if upper {
                (upper_le(&sb, &sa), upper_le(&sa, &sb))
            } else {
                (lower_ge(&sb, &sa), lower_ge(&sa, &sb))
            };
            let cons = Rel::from_bool(tighter_new || !n.admits(Num));
            let prod = Rel::from_bool(tighter_old || !o.admits(Num));
            let show = |x: &Option<(Number, bool, &'static str)>| match x {
                Some((v, _, key)) => format!("{key} {v}"),
                None => "no bound".to_string(),
            };
            let place = match (&b, &a) {
                (Some((_, _, key)), _) => (Side::New, n.at(key)),
                (None, Some((_, _, key))) => (Side::Old, o.at(key)),
                (None, None) => continue,
            };
            let (narrowed, widened, name) = if upper {
                (Kind::MaximumNarrowed, Kind::MaximumWidened, "upper bound")
            } else {
                (Kind::MinimumNarrowed, Kind::MinimumWidened, "lower bound")
            };
            let message = format!("{name}: {} -> {}", show(&a), show(&b));
            let kind = if tighter_new { narrowed } else { widened };
            self.here(cx, o, n, place, kind, name, message, [cons, prod]);
        }
    }

    fn multiple_of(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        let read = |s: &Side1<'_, 'a>| {
            let m = s
                .map
                .get("multipleOf")
                .and_then(Value::as_number)
                .cloned()?;
            // Every integer is a multiple of a divisor of 1: for integers only, vacuous.
            let integers_only = s.admits(JsonType::Integer)
                && s.types
                    .as_ref()
                    .is_some_and(|t| !t.contains(&JsonType::Number));
            if integers_only && Number::from(1u8).is_multiple_of(&m) {
                return None;
            }
            Some(m)
        };
        let (a, b) = (read(o), read(n));
        if a == b {
            return;
        }
        // Every multiple of `d` is a multiple of `c` exactly when `d` is a multiple of `c`.
        let within = |outer: &Option<Number>, inner: &Option<Number>| match (outer, inner) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(c), Some(d)) => d.is_multiple_of(c),
        };
        let tighter_new = within(&a, &b);
        let tighter_old = within(&b, &a);
        let cons = Rel::from_bool(tighter_new || !n.admits(JsonType::Number));
        let prod = Rel::from_bool(tighter_old || !o.admits(JsonType::Number));
        let kind = match (tighter_new, tighter_old) {
            (true, false) => Kind::MultipleOfNarrowed,
            (false, true) => Kind::MultipleOfWidened,
            _ => Kind::MultipleOfChanged,
        };
        if tighter_new && tighter_old {
            return;
        }
        let place = if b.is_some() {
            (Side::New, n.at("multipleOf"))
        } else {
            (Side::Old, o.at("multipleOf"))
        };
        let show = |x: &Option<Number>| x.as_ref().map_or("none".to_string(), Number::to_string);
        let message = format!("multipleOf {} -> {}", show(&a), show(&b));
        self.here(cx, o, n, place, kind, "", message, [cons, prod]);
    }

    fn pattern(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        let read = |s: &Side1<'_, 'a>| {
            s.map
                .get("pattern")
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let (a, b) = (read(o), read(n));
        if a == b {
            return;
        }
        // Whether every string `inner` accepts, `outer` accepts.
        let within = |outer: &Option<String>, inner: &Option<String>| match (outer, inner) {
            (None, _) => Rel::Yes,
            (Some(p), None) => {
                if pattern::is_universal(p) {
                    Rel::Yes
                } else {
                    Rel::No
                }
            }
            (Some(p), Some(q)) => {
                if pattern::covers(p, q) {
                    Rel::Yes
                } else {
                    Rel::Unknown
                }
            }
        };
        let mut cons = within(&a, &b);
        let mut prod = within(&b, &a);
        if cons == Rel::Yes && prod == Rel::Yes {
            // The same language, spelled differently.
            return;
        }
        if !n.admits(JsonType::String) {
            cons = Rel::Yes;
        }
        if !o.admits(JsonType::String) {
            prod = Rel::Yes;
        }
        let (place, kind, message) = match (&a, &b) {
            (None, Some(q)) => (
                (Side::New, n.at("pattern")),
                Kind::PatternAdded,
                format!("pattern {q:?} added"),
            ),
            (Some(p), None) => (
                (Side::Old, o.at("pattern")),
                Kind::PatternRemoved,
                format!("pattern {p:?} removed"),
            ),
            (Some(p), Some(q)) => {
                let how = match (cons, prod) {
                    (Rel::Yes, _) => "the old pattern accepts every string the new one does",
                    (_, Rel::Yes) => "the new pattern accepts every string the old one does",
                    _ => "no superset either way is provable",
                };
                (
                    (Side::New, n.at("pattern")),
                    Kind::PatternChanged,
                    format!("pattern {p:?} -> {q:?}: {how}"),
                )
            }
            (None, None) => return,
        };
        self.here(cx, o, n, place, kind, "", message, [cons, prod]);
    }

    /// `format: byte` and `uniqueItems`: on/off constraints.
    fn flags(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        type Flag<'f> = (&'f str, &'f dyn Fn(&Map) -> bool, JsonType, Kind, Kind);
        let flags: [Flag<'_>; 2] = [
            (
                "format",
                &|m: &Map| m.get("format").and_then(Value::as_str) == Some("byte"),
                JsonType::String,
                Kind::FormatByteAdded,
                Kind::FormatByteRemoved,
            ),
            (
                "uniqueItems",
                &|m: &Map| m.get("uniqueItems") == Some(&Value::Bool(true)),
                JsonType::Array,
                Kind::UniqueItemsAdded,
                Kind::UniqueItemsRemoved,
            ),
        ];
        for (key, on, kind, added, removed) in flags {
            let (a, b) = (on(o.map), on(n.map));
            if a == b {
                continue;
            }
            if b {
                let cons = Rel::Yes;
                let prod = Rel::from_bool(!o.admits(kind));
                let message = if key == "format" {
                    "format: byte added: the string must be base64".to_string()
                } else {
                    "uniqueItems: true added".to_string()
                };
                self.here(
                    cx,
                    o,
                    n,
                    (Side::New, n.at(key)),
                    added,
                    key,
                    message,
                    [cons, prod],
                );
            } else {
                let cons = Rel::from_bool(!n.admits(kind));
                let message = if key == "format" {
                    "format: byte removed: any string is valid".to_string()
                } else {
                    "uniqueItems: true removed".to_string()
                };
                self.here(
                    cx,
                    o,
                    n,
                    (Side::Old, o.at(key)),
                    removed,
                    key,
                    message,
                    [cons, Rel::Yes],
                );
            }
        }
    }

    fn required(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        let read = |s: &Side1<'_, 'a>| -> Vec<String> {
            let mut names: Vec<String> = s
                .map
                .get("required")
                .and_then(Value::as_array)
                .map(|r| {
                    r.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            names.dedup();
            names
        };
        let (a, b) = (read(o), read(n));
        let subjects = |name: &str| {
            vec![
                (Side::Old, pointer::join(&o.at("properties"), name)),
                (Side::New, pointer::join(&n.at("properties"), name)),
                (Side::Old, o.at("required")),
                (Side::New, n.at("required")),
                (Side::Old, o.node.report.clone()),
                (Side::New, n.node.report.clone()),
            ]
        };
        for name in b.iter().filter(|name| !a.contains(name)) {
            let prod = Rel::from_bool(!o.admits(JsonType::Object));
            let message = format!("{name:?} is now required");
            let checks = (o.node.check(), n.node.check());
            self.record(
                cx,
                (Side::New, n.at("required")),
                Kind::RequiredAdded,
                name,
                message,
                [Rel::Yes, prod],
                checks,
                cx.path.clone(),
                subjects(name),
            );
        }
        for name in a.iter().filter(|name| !b.contains(name)) {
            let cons = Rel::from_bool(!n.admits(JsonType::Object));
            let message = format!("{name:?} is no longer required");
            let checks = (o.node.check(), n.node.check());
            self.record(
                cx,
                (Side::Old, o.at("required")),
                Kind::RequiredRemoved,
                name,
                message,
                [cons, Rel::Yes],
                checks,
                cx.path.clone(),
                subjects(name),
            );
        }
    }

    fn properties(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        let names_of = |s: &Side1<'_, 'a>, key: &str| -> Vec<String> {
            s.map
                .get(key)
                .and_then(Value::as_object)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        };
        let (old_names, new_names) = (names_of(o, "properties"), names_of(n, "properties"));
        let (old_patterns, new_patterns) = (
            names_of(o, "patternProperties"),
            names_of(n, "patternProperties"),
        );
        let additional = |s: &Side1<'_, 'a>| {
            s.node
                .child("additionalProperties")
                .filter(|_| s.map.contains_key("additionalProperties"))
                .unwrap_or_else(|| Node::truth(&s.at("additionalProperties")))
        };
        let (old_additional, new_additional) = (additional(o), additional(n));
        let plain = plain_object(o.map) && plain_object(n.map);
        let matches_pattern = |probe: &sample::Probe, patterns: &[String], name: &str| {
            patterns.iter().any(|p| {
                let schema = pattern_schema(p);
                probe.valid(&Check::Owned(schema), &Value::from(name)) != Some(false)
            })
        };
        let mut names: Vec<String> = new_names.clone();
        names.extend(
            old_names
                .iter()
                .filter(|name| !new_names.contains(name))
                .cloned(),
        );
        for name in &names {
            let here = cx.step(Step::Key(name.clone()), plain);
            let old_node = o
                .node
                .member("properties", name)
                .filter(|_| old_names.contains(name));
            let new_node = n
                .node
                .member("properties", name)
                .filter(|_| new_names.contains(name));
            match (old_node, new_node) {
                (Some(a), Some(b)) => self.compare(a, b, &here),
                (None, Some(b)) => {
                    let patterned = matches_pattern(&self.old.probe, &old_patterns, name)
                        || matches_pattern(&self.new.probe, &new_patterns, name);
                    let rel = if patterned {
                        [Rel::Unknown, Rel::Unknown]
                    } else {
                        self.subset(old_additional.clone(), b.clone())
                    };
                    let rel = not_objects(rel, o, n);
                    let before = describe_additional(&old_additional);
                    let message =
                        format!("property {name:?} added; before, that name took {before}");
                    let place = (Side::New, b.report.clone());
                    let subjects = vec![(Side::New, b.report.clone())];
                    let checks = (old_additional.check(), b.check());
                    self.record(
                        &here,
                        place,
                        Kind::PropertyAdded,
                        name,
                        message,
                        rel,
                        checks,
                        here.path.clone(),
                        subjects,
                    );
                }
                (Some(a), None) => {
                    let patterned = matches_pattern(&self.old.probe, &old_patterns, name)
                        || matches_pattern(&self.new.probe, &new_patterns, name);
                    let rel = if patterned {
                        [Rel::Unknown, Rel::Unknown]
                    } else {
                        self.subset(a.clone(), new_additional.clone())
                    };
                    let rel = not_objects(rel, o, n);
                    let after = describe_additional(&new_additional);
                    let message = format!("property {name:?} removed; that name now takes {after}");
                    let place = (Side::Old, a.report.clone());
                    let subjects = vec![(Side::Old, a.report.clone())];
                    let checks = (a.check(), new_additional.check());
                    self.record(
                        &here,
                        place,
                        Kind::PropertyRemoved,
                        name,
                        message,
                        rel,
                        checks,
                        here.path.clone(),
                        subjects,
                    );
                }
                (None, None) => {}
            }
        }
        // Names matched by patterns.
        let same_patterns = old_patterns == new_patterns;
        for p in new_patterns.iter().filter(|p| old_patterns.contains(p)) {
            if let (Some(a), Some(b)) = (
                o.node.member("patternProperties", p),
                n.node.member("patternProperties", p),
            ) {
                self.compare(a, b, &cx.elsewhere());
            }
        }
        for p in new_patterns.iter().filter(|p| !old_patterns.contains(p)) {
            let place = (Side::New, pointer::join(&n.at("patternProperties"), p));
            let message = format!("patternProperties {p:?} added");
            self.here(
                cx,
                o,
                n,
                place,
                Kind::PatternPropertyAdded,
                p,
                message,
                not_objects([Rel::Unknown, Rel::Unknown], o, n),
            );
        }
        for p in old_patterns.iter().filter(|p| !new_patterns.contains(p)) {
            let place = (Side::Old, pointer::join(&o.at("patternProperties"), p));
            let message = format!("patternProperties {p:?} removed");
            self.here(
                cx,
                o,
                n,
                place,
                Kind::PatternPropertyRemoved,
                p,
                message,
                not_objects([Rel::Unknown, Rel::Unknown], o, n),
            );
        }
        // Every other name.
        let unlisted = fresh_name(&old_names, &new_names);
        let here = cx.step(
            Step::Key(unlisted),
            plain && old_patterns.is_empty() && new_patterns.is_empty(),
        );
        let both_schemas = matches!(old_additional.value.as_ref(), Value::Object(m) if !m.is_empty())
            && matches!(new_additional.value.as_ref(), Value::Object(m) if !m.is_empty());
        if both_schemas && same_patterns {
            self.compare(old_additional, new_additional, &here);
            return;
        }
        let same = old_additional.is_absent_or_true() && new_additional.is_absent_or_true()
            || old_additional.value == new_additional.value;
        if same {
            return;
        }
        let rel = if same_patterns {
            self.subset(old_additional.clone(), new_additional.clone())
        } else {
            [Rel::Unknown, Rel::Unknown]
        };
        let rel = not_objects(rel, o, n);
        let kind = match rel {
            [Rel::Yes, Rel::Yes] => return,
            [Rel::Yes, _] => Kind::AdditionalPropertiesNarrowed,
            [_, Rel::Yes] => Kind::AdditionalPropertiesWidened,
            _ => Kind::AdditionalPropertiesChanged,
        };
        let place = if n.map.contains_key("additionalProperties") {
            (Side::New, n.at("additionalProperties"))
        } else {
            (Side::Old, o.at("additionalProperties"))
        };
        let message = format!(
            "properties the schema does not list: {} -> {}",
            describe_additional(&old_additional),
            describe_additional(&new_additional)
        );
        let subjects = vec![
            (Side::Old, o.at("additionalProperties")),
            (Side::New, n.at("additionalProperties")),
            (Side::Old, o.node.report.clone()),
            (Side::New, n.node.report.clone()),
        ];
        let checks = (old_additional.check(), new_additional.check());
        self.record(
            &here,
            place,
            kind,
            "",
            message,
            rel,
            checks,
            here.path.clone(),
            subjects,
        );
    }

    /// A constraint keyword holding one schema, added or removed, or compared.
    #[allow(clippy::too_many_arguments)]
    fn constraint(
        &mut self,
        cx: &Cx,
        o: &Side1<'_, 'a>,
        n: &Side1<'_, 'a>,
        key: &str,
        kinds: (Kind, Kind),
        inner: &Cx,
        vacuous_when_true: bool,
    ) {
        let (a, b) = (
            o.node.child(key).filter(|_| o.map.contains_key(key)),
            n.node.child(key).filter(|_| n.map.contains_key(key)),
        );
        match (a, b) {
            (Some(a), Some(b)) => self.compare(a, b, inner),
            (None, Some(b)) => {
                // new = old ∧ C(b): narrower; as wide only when C(b) holds for all.
                let prod = if vacuous_when_true {
                    self.subset(Node::truth(&b.report), b.clone())[1]
                } else {
                    Rel::No
                };
                let message = format!("{key} added");
                self.here(
                    cx,
                    o,
                    n,
                    (Side::New, b.report.clone()),
                    kinds.0,
                    key,
                    message,
                    [Rel::Yes, prod],
                );
            }
            (Some(a), None) => {
                let cons = if vacuous_when_true {
                    self.subset(a.clone(), Node::truth(&a.report))[0]
                } else {
                    Rel::No
                };
                let message = format!("{key} removed");
                self.here(
                    cx,
                    o,
                    n,
                    (Side::Old, a.report.clone()),
                    kinds.1,
                    key,
                    message,
                    [cons, Rel::Yes],
                );
            }
            (None, None) => {}
        }
    }

    fn property_names(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        let inner = cx.elsewhere();
        self.constraint(
            cx,
            o,
            n,
            "propertyNames",
            (Kind::PropertyNamesAdded, Kind::PropertyNamesRemoved),
            &inner,
            true,
        );
    }

    fn contains(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        let inner = cx.elsewhere();
        // `contains: true` still requires an item: never vacuous.
        self.constraint(
            cx,
            o,
            n,
            "contains",
            (Kind::ContainsAdded, Kind::ContainsRemoved),
            &inner,
            false,
        );
    }

    fn dependencies(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        let keys_of = |s: &Side1<'_, 'a>| -> Vec<String> {
            s.map
                .get("dependencies")
                .and_then(Value::as_object)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        };
        let (old_keys, new_keys) = (keys_of(o), keys_of(n));
        let mut keys = new_keys.clone();
        keys.extend(old_keys.iter().filter(|k| !new_keys.contains(k)).cloned());
        let names = |v: &Value| -> Option<Vec<String>> {
            v.as_array().map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
        };
        for key in keys {
            let a = o
                .node
                .member("dependencies", &key)
                .filter(|_| old_keys.contains(&key));
            let b = n
                .node
                .member("dependencies", &key)
                .filter(|_| new_keys.contains(&key));
            match (a, b) {
                (Some(a), Some(b)) => match (names(&a.value), names(&b.value)) {
                    (Some(x), Some(y)) => {
                        for name in y.iter().filter(|v| !x.contains(v)) {
                            let message = format!("{name:?} now required when {key:?} is present");
                            let detail = format!("{key}:{name}");
                            self.here(
                                cx,
                                o,
                                n,
                                (Side::New, b.report.clone()),
                                Kind::DependencyAdded,
                                &detail,
                                message,
                                not_objects([Rel::Yes, Rel::No], o, n),
                            );
                        }
                        for name in x.iter().filter(|v| !y.contains(v)) {
                            let message =
                                format!("{name:?} no longer required when {key:?} is present");
                            let detail = format!("{key}:{name}");
                            self.here(
                                cx,
                                o,
                                n,
                                (Side::Old, a.report.clone()),
                                Kind::DependencyRemoved,
                                &detail,
                                message,
                                not_objects([Rel::No, Rel::Yes], o, n),
                            );
                        }
                    }
                    (None, None) => self.compare(a, b, &cx.same()),
                    _ => {
                        let message = format!(
                            "dependency of {key:?} changed between a list of names and a schema"
                        );
                        self.here(
                            cx,
                            o,
                            n,
                            (Side::New, b.report.clone()),
                            Kind::DependencyChanged,
                            &key,
                            message,
                            not_objects([Rel::Unknown, Rel::Unknown], o, n),
                        );
                    }
                },
                (None, Some(b)) => {
                    let prod = match names(&b.value) {
                        Some(list) => Rel::from_bool(list.is_empty()),
                        None => self.subset(Node::truth(&b.report), b.clone())[1],
                    };
                    let message = format!("dependency of {key:?} added");
                    self.here(
                        cx,
                        o,
                        n,
                        (Side::New, b.report.clone()),
                        Kind::DependencyAdded,
                        &key,
                        message,
                        not_objects([Rel::Yes, prod], o, n),
                    );
                }
                (Some(a), None) => {
                    let cons = match names(&a.value) {
                        Some(list) => Rel::from_bool(list.is_empty()),
                        None => self.subset(a.clone(), Node::truth(&a.report))[0],
                    };
                    let message = format!("dependency of {key:?} removed");
                    self.here(
                        cx,
                        o,
                        n,
                        (Side::Old, a.report.clone()),
                        Kind::DependencyRemoved,
                        &key,
                        message,
                        not_objects([cons, Rel::Yes], o, n),
                    );
                }
                (None, None) => {}
            }
        }
    }

    fn items(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        // `items: S` is `items: []` with `additionalItems: S`; no `items` is `true`.
        let read = |s: &Side1<'_, 'a>| -> (Vec<Node<'a>>, Node<'a>, &'static str) {
            match s.map.get("items") {
                Some(Value::Array(list)) => {
                    let tuple = (0..list.len())
                        .filter_map(|i| s.node.item("items", i))
                        .collect();
                    let rest = s
                        .node
                        .child("additionalItems")
                        .filter(|_| s.map.contains_key("additionalItems"))
                        .unwrap_or_else(|| Node::truth(&s.at("additionalItems")));
                    (tuple, rest, "additionalItems")
                }
                Some(_) => (
                    Vec::new(),
                    s.node
                        .child("items")
                        .unwrap_or_else(|| Node::truth(&s.at("items"))),
                    "items",
                ),
                None => (Vec::new(), Node::truth(&s.at("items")), "items"),
            }
        };
        let (old_tuple, old_rest, old_key) = read(o);
        let (new_tuple, new_rest, new_key) = read(n);
        let plain = plain_array(o.map) && plain_array(n.map);
        let longest = old_tuple.len().max(new_tuple.len());
        for i in 0..longest {
            let here = cx.step(Step::Index(i), plain);
            match (old_tuple.get(i), new_tuple.get(i)) {
                (Some(a), Some(b)) => self.compare(a.clone(), b.clone(), &here),
                (a, b) => {
                    let a = a.cloned().unwrap_or_else(|| old_rest.clone());
                    let b = b.cloned().unwrap_or_else(|| new_rest.clone());
                    let added = i >= old_tuple.len();
                    let rel = not_arrays(self.subset(a.clone(), b.clone()), o, n);
                    let (kind, place, message) = if added {
                        (
                            Kind::TupleItemAdded,
                            (Side::New, b.report.clone()),
                            format!("item {i} of the tuple added"),
                        )
                    } else {
                        (
                            Kind::TupleItemRemoved,
                            (Side::Old, a.report.clone()),
                            format!("item {i} of the tuple removed"),
                        )
                    };
                    let subjects = vec![
                        (Side::Old, o.node.report.clone()),
                        (Side::New, n.node.report.clone()),
                    ];
                    let checks = (a.check(), b.check());
                    self.record(
                        &here,
                        place,
                        kind,
                        &i.to_string(),
                        message,
                        rel,
                        checks,
                        here.path.clone(),
                        subjects,
                    );
                }
            }
        }
        let here = cx.step(Step::Index(longest), plain);
        let both_schemas = matches!(old_rest.value.as_ref(), Value::Object(m) if !m.is_empty())
            && matches!(new_rest.value.as_ref(), Value::Object(m) if !m.is_empty());
        if both_schemas {
            self.compare(old_rest, new_rest, &here);
            return;
        }
        if old_rest.is_absent_or_true() && new_rest.is_absent_or_true()
            || old_rest.value == new_rest.value
        {
            return;
        }
        let rel = not_arrays(self.subset(old_rest.clone(), new_rest.clone()), o, n);
        let kind = match rel {
            [Rel::Yes, Rel::Yes] => return,
            [Rel::Yes, _] => Kind::ItemsNarrowed,
            [_, Rel::Yes] => Kind::ItemsWidened,
            _ => Kind::ItemsChanged,
        };
        let place = if n.map.contains_key(new_key) {
            (Side::New, n.at(new_key))
        } else {
            (Side::Old, o.at(old_key))
        };
        let describe = |node: &Node<'_>| match node.value.as_ref() {
            Value::Bool(false) => "no items allowed".to_string(),
            v if node.is_absent_or_true() || *v == Value::Bool(true) => "any items".to_string(),
            _ => "items of a schema".to_string(),
        };
        let message = format!("{} -> {}", describe(&old_rest), describe(&new_rest));
        let subjects = vec![
            (Side::Old, o.at(old_key)),
            (Side::New, n.at(new_key)),
            (Side::Old, o.node.report.clone()),
            (Side::New, n.node.report.clone()),
        ];
        let checks = (old_rest.check(), new_rest.check());
        self.record(
            &here,
            place,
            kind,
            "",
            message,
            rel,
            checks,
            here.path.clone(),
            subjects,
        );
    }

    fn all_of(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        let (a, b) = (self.parts(o, "allOf"), self.parts(n, "allOf"));
        let (a, b) = match (a, b) {
            (None, None) => return,
            (a, b) => (a.unwrap_or_default(), b.unwrap_or_default()),
        };
        let (pairs, removed, added) = self.pair_up(a, b);
        for (x, y) in pairs {
            self.compare(x, y, &cx.same());
        }
        for x in added {
            let prod = self.subset(Node::truth(&x.report), x.clone())[1];
            self.here(
                cx,
                o,
                n,
                (Side::New, x.report.clone()),
                Kind::AllOfAdded,
                &x.report,
                "a schema added to allOf".into(),
                [Rel::Yes, prod],
            );
        }
        for x in removed {
            let cons = self.subset(x.clone(), Node::truth(&x.report))[0];
            self.here(
                cx,
                o,
                n,
                (Side::Old, x.report.clone()),
                Kind::AllOfRemoved,
                &x.report,
                "a schema removed from allOf".into(),
                [cons, Rel::Yes],
            );
        }
    }

    fn parts(&self, s: &Side1<'_, 'a>, key: &str) -> Option<Vec<Node<'a>>> {
        let len = s.map.get(key).and_then(Value::as_array)?.len();
        Some((0..len).filter_map(|i| s.node.item(key, i)).collect())
    }

    /// Pairs two lists of schemas: equal ones first, then by position when as many
    /// are left on each side; the rest removed (old) and added (new).
    #[allow(clippy::type_complexity)]
    fn pair_up(
        &self,
        a: Vec<Node<'a>>,
        b: Vec<Node<'a>>,
    ) -> (Vec<(Node<'a>, Node<'a>)>, Vec<Node<'a>>, Vec<Node<'a>>) {
        let resolved_old: Vec<Value> = a
            .iter()
            .map(|x| resolve(self.old.root(), x.clone()).value.into_owned())
            .collect();
        let resolved_new: Vec<Value> = b
            .iter()
            .map(|x| resolve(self.new.root(), x.clone()).value.into_owned())
            .collect();
        let mut used = vec![false; b.len()];
        let mut pairs = Vec::new();
        let mut left_old = Vec::new();
        for (i, x) in a.into_iter().enumerate() {
            match (0..b.len()).find(|&j| !used[j] && resolved_new[j] == resolved_old[i]) {
                Some(j) => {
                    used[j] = true;
                    pairs.push((x, b[j].clone()));
                }
                None => left_old.push(x),
            }
        }
        let left_new: Vec<Node<'a>> = b
            .into_iter()
            .zip(used)
            .filter(|(_, u)| !u)
            .map(|(y, _)| y)
            .collect();
        if left_old.len() == left_new.len() {
            pairs.extend(left_old.into_iter().zip(left_new));
            (pairs, Vec::new(), Vec::new())
        } else {
            (pairs, left_old, left_new)
        }
    }

    fn alternatives(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>, key: &str) {
        let (a, b) = (self.parts(o, key), self.parts(n, key));
        let one_of = key == "oneOf";
        let (added_kind, removed_kind, kind_added, kind_removed) = if one_of {
            (
                Kind::OneOfAlternativeAdded,
                Kind::OneOfAlternativeRemoved,
                Kind::OneOfAdded,
                Kind::OneOfRemoved,
            )
        } else {
            (
                Kind::AnyOfAlternativeAdded,
                Kind::AnyOfAlternativeRemoved,
                Kind::AnyOfAdded,
                Kind::AnyOfRemoved,
            )
        };
        match (a, b) {
            (None, None) => {}
            (None, Some(b)) => {
                // new = old ∧ (one of the alternatives): narrower. A `oneOf` is as
                // wide only in odd cases: left to witnesses.
                let prod = if one_of {
                    Rel::No
                } else if b
                    .iter()
                    .any(|x| self.subset(Node::truth(&x.report), x.clone())[1] == Rel::Yes)
                {
                    Rel::Yes
                } else {
                    Rel::No
                };
                self.here(
                    cx,
                    o,
                    n,
                    (Side::New, n.at(key)),
                    kind_added,
                    key,
                    format!("{key} added"),
                    [Rel::Yes, prod],
                );
            }
            (Some(a), None) => {
                let cons = if one_of {
                    Rel::No
                } else if a
                    .iter()
                    .any(|x| self.subset(x.clone(), Node::truth(&x.report))[0] == Rel::Yes)
                {
                    Rel::Yes
                } else {
                    Rel::No
                };
                self.here(
                    cx,
                    o,
                    n,
                    (Side::Old, o.at(key)),
                    kind_removed,
                    key,
                    format!("{key} removed"),
                    [cons, Rel::Yes],
                );
            }
            (Some(a), Some(b)) => {
                // A `oneOf` of alternatives that exclude each other is an `anyOf`.
                let exclusive =
                    !one_of || (self.disjoint(self.old, &a) && self.disjoint(self.new, &b));
                let inner = if exclusive {
                    cx.same()
                } else {
                    let mut inner = cx.same();
                    inner.opaque = true;
                    inner
                };
                let (pairs, removed, added) = self.pair_up(a.clone(), b.clone());
                for (x, y) in pairs {
                    self.compare(x, y, &inner);
                }
                for y in added {
                    // Narrower for consumers only if an old alternative takes all it takes.
                    let cons = if exclusive
                        && a.iter()
                            .any(|x| self.subset(x.clone(), y.clone())[0] == Rel::Yes)
                    {
                        Rel::Yes
                    } else if exclusive {
                        Rel::No
                    } else {
                        Rel::Unknown
                    };
                    let prod = if exclusive { Rel::Yes } else { Rel::Unknown };
                    let message = format!("an alternative added to {key}");
                    self.here(
                        cx,
                        o,
                        n,
                        (Side::New, y.report.clone()),
                        added_kind,
                        &y.report,
                        message,
                        [cons, prod],
                    );
                }
                for x in removed {
                    let prod = if exclusive
                        && b.iter()
                            .any(|y| self.subset(x.clone(), y.clone())[1] == Rel::Yes)
                    {
                        Rel::Yes
                    } else if exclusive {
                        Rel::No
                    } else {
                        Rel::Unknown
                    };
                    let cons = if exclusive { Rel::Yes } else { Rel::Unknown };
                    let message = format!("an alternative removed from {key}");
                    self.here(
                        cx,
                        o,
                        n,
                        (Side::Old, x.report.clone()),
                        removed_kind,
                        &x.report,
                        message,
                        [cons, prod],
                    );
                }
            }
        }
    }

    /// Whether no value can match two of `alternatives`: their types differ, or they
    /// are objects requiring one property with values that differ.
    fn disjoint(&self, side: &Prepared, alternatives: &[Node<'a>]) -> bool {
        let resolved: Vec<Map> = alternatives
            .iter()
            .map(|x| match resolve(side.root(), x.clone()).value.as_ref() {
                Value::Object(map) => merged(side.root(), map.clone()),
                Value::Bool(false) => {
                    let mut never = Map::new();
                    never.insert("not", Value::Bool(true));
                    never
                }
                _ => Map::new(),
            })
            .collect();
        for i in 0..resolved.len() {
            for j in i + 1..resolved.len() {
                if !exclusive(side.root(), &resolved[i], &resolved[j]) {
                    return false;
                }
            }
        }
        true
    }

    fn not(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        let (a, b) = (
            o.node.child("not").filter(|_| o.map.contains_key("not")),
            n.node.child("not").filter(|_| n.map.contains_key("not")),
        );
        match (a, b) {
            (Some(a), Some(b)) => {
                let mut inner = cx.same();
                inner.negated = !cx.negated;
                self.compare(a, b, &inner);
            }
            (None, Some(b)) => {
                let prod = Rel::from_bool(resolve(self.new.root(), b.clone()).is_false());
                self.here(
                    cx,
                    o,
                    n,
                    (Side::New, b.report.clone()),
                    Kind::NotAdded,
                    "",
                    "not added".into(),
                    [Rel::Yes, prod],
                );
            }
            (Some(a), None) => {
                let cons = Rel::from_bool(resolve(self.old.root(), a.clone()).is_false());
                self.here(
                    cx,
                    o,
                    n,
                    (Side::Old, a.report.clone()),
                    Kind::NotRemoved,
                    "",
                    "not removed".into(),
                    [cons, Rel::Yes],
                );
            }
            (None, None) => {}
        }
    }

    fn condition(&mut self, cx: &Cx, o: &Side1<'_, 'a>, n: &Side1<'_, 'a>) {
        let get =
            |s: &Side1<'_, 'a>, key: &str| s.node.child(key).filter(|_| s.map.contains_key(key));
        let (a, b) = (get(o, "if"), get(n, "if"));
        let branches = |s: &Side1<'_, 'a>| s.map.contains_key("then") || s.map.contains_key("else");
        match (a, b) {
            (None, None) => {}
            (Some(a), Some(b)) => {
                if self.subset(a.clone(), b.clone()) == [Rel::Yes, Rel::Yes] {
                    for key in ["then", "else"] {
                        let x = get(o, key).unwrap_or_else(|| Node::truth(&o.at(key)));
                        let y = get(n, key).unwrap_or_else(|| Node::truth(&n.at(key)));
                        self.compare(x, y, &cx.same());
                    }
                } else {
                    let message = "the if of a condition changed".to_string();
                    self.here(
                        cx,
                        o,
                        n,
                        (Side::New, b.report.clone()),
                        Kind::ConditionChanged,
                        "",
                        message,
                        [Rel::Unknown, Rel::Unknown],
                    );
                }
            }
            (None, Some(b)) => {
                let prod = Rel::from_bool(!branches(n));
                self.here(
                    cx,
                    o,
                    n,
                    (Side::New, b.report.clone()),
                    Kind::ConditionAdded,
                    "",
                    "if/then/else added".into(),
                    [Rel::Yes, prod],
                );
            }
            (Some(a), None) => {
                let cons = Rel::from_bool(!branches(o));
                self.here(
                    cx,
                    o,
                    n,
                    (Side::Old, a.report.clone()),
                    Kind::ConditionRemoved,
                    "",
                    "if/then/else removed".into(),
                    [cons, Rel::Yes],
                );
            }
        }
    }
}

/// What the comparison of two schemas recorded, as one relation per direction: a
/// direction is proven only when every occurrence proves it.
pub(crate) fn aggregate(changes: &Changes) -> [Rel; 2] {
    let mut out = [Rel::Yes, Rel::Yes];
    for pending in &changes.list {
        for occurrence in &pending.occurrences {
            let mut rel = occurrence.rel;
            if occurrence.negated {
                rel.swap(0, 1);
            }
            for i in 0..2 {
                let r = if occurrence.opaque && !occurrence.annotation && rel[i] == Rel::Yes {
                    Rel::Unknown
                } else {
                    rel[i]
                };
                out[i] = out[i].max(r);
            }
        }
    }
    out
}

/// A node whose `allOf` is merged into it, when that is exact: the merged schema
/// (its parts read from it), checked as the original (which means the same).
fn merged_node<'a>(root: &Value, node: Node<'a>, map: Map) -> (Node<'a>, Map) {
    if !map.contains_key("allOf") {
        return (node, map);
    }
    let merged = merged(root, map.clone());
    if merged.contains_key("allOf") {
        return (node, map);
    }
    let node = Node {
        value: Cow::Owned(Value::Object(merged.clone())),
        at: node.at,
        report: node.report,
    };
    (node, merged)
}

/// A schema object with its `allOf` merged into it, when that is exact.
fn merged(root: &Value, map: Map) -> Map {
    if !map.contains_key("allOf") {
        return map;
    }
    let result = all_of::all_of(root, &map);
    if result.impossible || !result.leftovers.is_empty() {
        return map;
    }
    let mut schema = result.schema;
    schema.remove("allOf");
    // Keywords the merge leaves to the caller stay as they were.
    for (key, value) in map.iter() {
        if key != "allOf" && !schema.contains_key(key) {
            schema.insert(key.clone(), value.clone());
        }
    }
    schema
}

/// The set of types `type` admits (`number` standing for `integer` too), `None` for
/// all.
fn type_set(map: &Map) -> Option<BTreeSet<JsonType>> {
    let mut set: BTreeSet<JsonType> = sample::type_list(map)?.into_iter().collect();
    if set.contains(&JsonType::Number) {
        set.remove(&JsonType::Integer);
    }
    Some(set)
}

/// Whether every type of `inner` is admitted by `outer`.
fn covers(outer: &Option<BTreeSet<JsonType>>, inner: &Option<BTreeSet<JsonType>>) -> bool {
    match (outer, inner) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(outer), Some(inner)) => inner.iter().all(|t| {
            outer.contains(t) || (*t == JsonType::Integer && outer.contains(&JsonType::Number))
        }),
    }
}

fn show_types(types: &Option<BTreeSet<JsonType>>) -> String {
    // `null` last, as documents write it.
    let names = |types: &BTreeSet<JsonType>| -> Vec<&'static str> {
        let mut names: Vec<&'static str> = types
            .iter()
            .filter(|t| **t != JsonType::Null)
            .map(|t| t.as_str())
            .collect();
        if types.contains(&JsonType::Null) {
            names.push("null");
        }
        names
    };
    match types {
        None => "any".into(),
        Some(types) if types.len() == 1 => names(types).join(""),
        Some(types) => format!("[{}]", names(types).join(", ")),
    }
}

/// The values `enum` and `const` allow together, when either is there.
fn finite(map: &Map) -> Option<Vec<Value>> {
    let mut values: Option<Vec<Value>> = map.get("enum").and_then(Value::as_array).cloned();
    if let Some(constant) = map.get("const") {
        values = Some(match values {
            Some(values) => values.into_iter().filter(|v| v == constant).collect(),
            None => vec![constant.clone()],
        });
    }
    values
}

fn list(values: &[Value]) -> String {
    values
        .iter()
        .map(Value::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The tighter of `minimum`/`exclusiveMinimum` (or of the maxima): value, whether
/// exclusive, and the keyword.
fn numeric_bound(map: &Map, upper: bool) -> Option<(Number, bool, &'static str)> {
    let (inclusive, exclusive) = if upper {
        ("maximum", "exclusiveMaximum")
    } else {
        ("minimum", "exclusiveMinimum")
    };
    let a = map
        .get(inclusive)
        .and_then(Value::as_number)
        .map(|v| (v.clone(), false, inclusive));
    let b = map
        .get(exclusive)
        .and_then(Value::as_number)
        .map(|v| (v.clone(), true, exclusive));
    match (a, b) {
        (Some(a), Some(b)) => {
            let b_tighter = if upper { b.0 <= a.0 } else { b.0 >= a.0 };
            Some(if b_tighter { b } else { a })
        }
        (a, b) => a.or(b),
    }
}

/// Whether upper bound `a` is at or below `b` (`None` is no bound).
fn upper_le(a: &Option<(Number, bool)>, b: &Option<(Number, bool)>) -> bool {
    match (a, b) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some((x, xe)), Some((y, ye))) => x < y || (x == y && (*xe || !*ye)),
    }
}

/// Whether lower bound `a` is at or above `b`.
fn lower_ge(a: &Option<(Number, bool)>, b: &Option<(Number, bool)>) -> bool {
    match (a, b) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some((x, xe)), Some((y, ye))) => x > y || (x == y && (*xe || !*ye)),
    }
}

/// Relations about object keywords hold trivially for a side that admits no object.
fn not_objects(mut rel: [Rel; 2], o: &Side1<'_, '_>, n: &Side1<'_, '_>) -> [Rel; 2] {
    if !n.admits(JsonType::Object) {
        rel[0] = Rel::Yes;
    }
    if !o.admits(JsonType::Object) {
        rel[1] = Rel::Yes;
    }
    rel
}

fn not_arrays(mut rel: [Rel; 2], o: &Side1<'_, '_>, n: &Side1<'_, '_>) -> [Rel; 2] {
    if !n.admits(JsonType::Array) {
        rel[0] = Rel::Yes;
    }
    if !o.admits(JsonType::Array) {
        rel[1] = Rel::Yes;
    }
    rel
}

fn describe_additional(node: &Node<'_>) -> String {
    match node.value.as_ref() {
        Value::Bool(false) => "no value (additionalProperties: false)".into(),
        _ if node.is_absent_or_true() => "any value".into(),
        _ => "values of the additionalProperties schema".into(),
    }
}

/// A property name neither version lists.
fn fresh_name(a: &[String], b: &[String]) -> String {
    let mut name = "x-unlisted".to_string();
    let mut i = 0;
    while a.contains(&name) || b.contains(&name) {
        i += 1;
        name = format!("x-unlisted-{i}");
    }
    name
}

/// `{"type": "string", "pattern": p}`: tells whether a name matches a pattern.
fn pattern_schema(p: &str) -> Value {
    let mut map = Map::new();
    map.insert("type", Value::from("string"));
    map.insert("pattern", Value::from(p));
    Value::Object(map)
}

/// Annotations and keywords of other types never keep a value (a property, an item)
/// out: they let a value at a place vary alone.
const ANY_TYPE_FREE: &[&str] = &[
    "type",
    "title",
    "description",
    "examples",
    "default",
    "$comment",
    "deprecated",
    "readOnly",
    "writeOnly",
    "format",
    "discriminator",
    "externalDocs",
    "$id",
    "$schema",
    "definitions",
    "$defs",
    "contentEncoding",
    "contentMediaType",
];

fn plain_object(map: &Map) -> bool {
    // A `type` without `object` makes every property unreachable.
    if type_set(map).is_some_and(|t| !t.contains(&JsonType::Object)) {
        return false;
    }
    const OBJECT: &[&str] = &[
        "properties",
        "required",
        "additionalProperties",
        "minProperties",
    ];
    const OTHER_TYPES: &[&str] = &[
        "minLength",
        "maxLength",
        "pattern",
        "multipleOf",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "items",
        "additionalItems",
        "minItems",
        "maxItems",
        "uniqueItems",
        "contains",
    ];
    map.keys().all(|k| {
        ANY_TYPE_FREE.contains(&k.as_str())
            || OBJECT.contains(&k.as_str())
            || OTHER_TYPES.contains(&k.as_str())
            || k.starts_with("x-")
    })
}

fn plain_array(map: &Map) -> bool {
    if type_set(map).is_some_and(|t| !t.contains(&JsonType::Array)) {
        return false;
    }
    const ARRAY: &[&str] = &["items", "minItems", "uniqueItems", "additionalItems"];
    const OTHER_TYPES: &[&str] = &[
        "minLength",
        "maxLength",
        "pattern",
        "multipleOf",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "properties",
        "required",
        "additionalProperties",
        "minProperties",
        "maxProperties",
        "patternProperties",
        "propertyNames",
        "dependencies",
    ];
    let max_ok = map
        .get("maxItems")
        .is_none_or(|m| m.as_u64().is_some_and(|m| m >= 1));
    max_ok
        && map.keys().all(|k| {
            ANY_TYPE_FREE.contains(&k.as_str())
                || ARRAY.contains(&k.as_str())
                || OTHER_TYPES.contains(&k.as_str())
                || k == "maxItems"
                || k.starts_with("x-")
        })
}

/// Whether no value matches both schemas, by simple rules.
fn exclusive(root: &Value, a: &Map, b: &Map) -> bool {
    if let (Some(x), Some(y)) = (type_set(a), type_set(b)) {
        let overlap = x.iter().any(|t| {
            y.contains(t)
                || (*t == JsonType::Integer && y.contains(&JsonType::Number))
                || (*t == JsonType::Number && y.contains(&JsonType::Integer))
        });
        if !overlap {
            return true;
        }
    }
    if let (Some(x), Some(y)) = (finite(a), finite(b)) {
        if !x.iter().any(|v| y.contains(v)) {
            return true;
        }
    }
    // Objects (only) requiring one property whose allowed values differ.
    let objects_only =
        |m: &Map| type_set(m).is_some_and(|t| t.len() == 1 && t.contains(&JsonType::Object));
    if !(objects_only(a) && objects_only(b)) {
        return false;
    }
    let required = |m: &Map| -> Vec<String> {
        m.get("required")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    let property = |m: &Map, name: &str| -> Option<Vec<Value>> {
        let schema = m.get("properties")?.get(name)?;
        let schema = match schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(Bundle::target)
        {
            Some(target) => root.pointer(&target)?,
            None => schema,
        };
        finite(schema.as_object()?)
    };
    let (ra, rb) = (required(a), required(b));
    ra.iter()
        .filter(|p| rb.contains(p))
        .any(|p| match (property(a, p), property(b, p)) {
            (Some(x), Some(y)) => !x.iter().any(|v| y.contains(v)),
            _ => false,
        })
}
