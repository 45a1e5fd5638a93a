//! Values to test schemas with: values a schema accepts (generated from its keywords,
//! checked with the runtime's interpreter), and variations of them built from every
//! bound, length, name and value the schemas mention, which is where two versions of
//! a schema differ. Witnesses of breaking changes are found among them.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;

use asyncapi_runtime::{JsonType, Map, Number, Schema, Value};

use super::{pattern, Check, Step};
use crate::bundle::Bundle;
use crate::load::pointer;
use crate::merge::all_of;

/// Where a schema that is not in the document is put to compile it.
const PROBE: &str = "x-asyncapi-codegen-diff-probe";

/// Strings are not made longer than this by default (a few MiB of candidates).
pub(crate) const MAX_LENGTH: usize = 1 << 21;

/// One document's schemas, compiled on demand.
pub(crate) struct Probe {
    root: Value,
    compiled: RefCell<HashMap<String, Option<Rc<Schema>>>>,
}

impl Probe {
    pub(crate) fn new(root: Value) -> Probe {
        Probe {
            root,
            compiled: RefCell::new(HashMap::new()),
        }
    }

    pub(crate) fn root(&self) -> &Value {
        &self.root
    }

    /// Whether `value` is valid against `check`; `None` when the schema does not
    /// compile (never for a checked document).
    pub(crate) fn valid(&self, check: &Check, value: &Value) -> Option<bool> {
        match check {
            Check::Bool(b) => Some(*b),
            _ => self.compiled(check).map(|schema| schema.is_valid(0, value)),
        }
    }

    fn compiled(&self, check: &Check) -> Option<Rc<Schema>> {
        let key = match check {
            Check::Bool(_) => return None,
            Check::At(at) => format!("@{at}"),
            Check::Owned(value) => format!("={value}"),
        };
        if let Some(found) = self.compiled.borrow().get(&key) {
            return found.clone();
        }
        let schema = match check {
            Check::At(at) => Schema::compile(&self.root, &[at.as_str()]).ok(),
            // Without references a schema compiles on its own.
            Check::Owned(value) if !value.to_string().contains("\"$ref\"") => {
                Schema::compile(value, &[""]).ok()
            }
            Check::Owned(value) => {
                let mut document = self.root.clone();
                match document.as_object_mut() {
                    Some(map) => {
                        map.insert(PROBE, value.clone());
                        Schema::compile(&document, &[&pointer::join("", PROBE)]).ok()
                    }
                    None => None,
                }
            }
            Check::Bool(_) => None,
        };
        let schema = schema.map(Rc::new);
        self.compiled.borrow_mut().insert(key, schema.clone());
        schema
    }

    /// The schema `check` stands for, as JSON.
    pub(crate) fn schema_of(&self, check: &Check) -> Value {
        match check {
            Check::Bool(b) => Value::Bool(*b),
            Check::At(at) => self.root.pointer(at).cloned().unwrap_or(Value::Bool(true)),
            Check::Owned(value) => value.clone(),
        }
    }

    /// Values `check` accepts (at most a few), generated from its keywords.
    pub(crate) fn generate(&self, check: &Check) -> Vec<Value> {
        let schema = self.schema_of(check);
        let at = match check {
            Check::At(at) => Some(at.as_str()),
            _ => None,
        };
        let generator = Generator { probe: self };
        let mut out: Vec<Value> = generator
            .values(&schema, at, 0)
            .into_iter()
            .filter(|v| self.valid(check, v) != Some(false))
            .collect();
        dedupe(&mut out);
        out
    }
}

fn dedupe(values: &mut Vec<Value>) {
    let mut seen = HashSet::new();
    values.retain(|v| seen.insert(v.to_string()));
}

/// The target of a schema's `$ref`, when it has one.
fn reference(schema: &Value) -> Option<String> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(Bundle::target)
}

/// The types `type` admits, `None` when it says nothing.
pub(crate) fn type_list(map: &Map) -> Option<Vec<JsonType>> {
    match map.get("type")? {
        Value::String(name) => Some(JsonType::from_name(name).into_iter().collect()),
        Value::Array(names) => Some(
            names
                .iter()
                .filter_map(Value::as_str)
                .filter_map(JsonType::from_name)
                .collect(),
        ),
        _ => None,
    }
}

struct Generator<'p> {
    probe: &'p Probe,
}

/// How many candidates each schema contributes.
const PER_SCHEMA: usize = 8;
const MAX_DEPTH: usize = 16;

impl Generator<'_> {
    /// Candidates for `schema` (at `at` in the document, when it is there), those the
    /// interpreter refuses left out when it can tell.
    fn values(&self, schema: &Value, at: Option<&str>, depth: usize) -> Vec<Value> {
        let mut out = self.raw(schema, at, depth);
        let check = match at {
            Some(at) => Check::At(at.to_string()),
            None => Check::Owned(schema.clone()),
        };
        out.retain(|v| self.probe.valid(&check, v) != Some(false));
        dedupe(&mut out);
        out.truncate(PER_SCHEMA);
        out
    }

    fn first(&self, schema: &Value, at: Option<&str>, depth: usize) -> Option<Value> {
        self.values(schema, at, depth).into_iter().next()
    }

    fn raw(&self, schema: &Value, at: Option<&str>, depth: usize) -> Vec<Value> {
        if depth > MAX_DEPTH {
            return Vec::new();
        }
        let map = match schema {
            Value::Bool(true) => return vec![Value::from("x"), Value::from(0u8), Value::Null],
            Value::Object(map) => map,
            _ => return Vec::new(),
        };
        if let Some(target) = reference(schema) {
            return match self.probe.root.pointer(&target) {
                Some(resolved) => self.values(resolved, Some(&target), depth + 1),
                None => Vec::new(),
            };
        }
        let mut out = Vec::new();
        let mut fixed: Option<Vec<Value>> = map.get("enum").and_then(Value::as_array).cloned();
        if let Some(constant) = map.get("const") {
            fixed = Some(match fixed {
                Some(values) => values.into_iter().filter(|v| v == constant).collect(),
                None => vec![constant.clone()],
            });
        }
        if let Some(values) = fixed {
            return values;
        }
        if let Some(Value::Array(examples)) = map.get("examples") {
            out.extend(examples.iter().take(4).cloned());
        }
        out.extend(map.get("default").cloned());
        if map.contains_key("allOf") {
            let merged = all_of::all_of(&self.probe.root, map);
            if merged.impossible {
                return out;
            }
            let mut schema = merged.schema;
            schema.remove("allOf");
            for key in ["anyOf", "oneOf"] {
                if let Some(value) = map.get(key) {
                    schema.insert(key, value.clone());
                }
            }
            out.extend(self.values(&Value::Object(schema), None, depth + 1));
            return out;
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(Value::Array(alternatives)) = map.get(key) {
                for alternative in alternatives.iter().take(8) {
                    let mut base = map.clone();
                    base.remove("anyOf");
                    base.remove("oneOf");
                    base.insert("allOf", Value::Array(vec![alternative.clone()]));
                    out.extend(self.values(&Value::Object(base), None, depth + 1));
                }
                return out;
            }
        }
        let mut types = type_list(map).unwrap_or_else(|| inferred(map));
        // Values of other types than null first: they say more.
        types.sort_by_key(|t| *t == JsonType::Null);
        for kind in types {
            out.extend(match kind {
                JsonType::Null => vec![Value::Null],
                JsonType::Boolean => vec![Value::Bool(true), Value::Bool(false)],
                JsonType::Integer => numbers(map, true),
                JsonType::Number => numbers(map, false),
                JsonType::String => strings(map),
                JsonType::Array => self.arrays(map, at, depth),
                JsonType::Object => self.objects(map, at, depth),
            });
        }
        out
    }

    fn arrays(&self, map: &Map, at: Option<&str>, depth: usize) -> Vec<Value> {
        let child = |key: &str| at.map(|at| pointer::join(at, key));
        let min = map
            .get("minItems")
            .and_then(Value::as_u64)
            .unwrap_or(0)
            .min(64) as usize;
        let max = map
            .get("maxItems")
            .and_then(Value::as_u64)
            .map(|m| m.min(1 << 20) as usize);
        let unique = map.get("uniqueItems") == Some(&Value::Bool(true));
        let mut out = Vec::new();
        match map.get("items") {
            Some(Value::Array(tuple)) => {
                let items_at = child("items");
                let mut items = Vec::new();
                for (i, schema) in tuple.iter().enumerate() {
                    let here = items_at.as_ref().map(|p| pointer::index(p, i));
                    match self.first(schema, here.as_deref(), depth + 1) {
                        Some(v) => items.push(v),
                        None => break,
                    }
                }
                for n in [min.min(items.len()), items.len()] {
                    out.push(Value::Array(items[..n].to_vec()));
                }
            }
            items => {
                let schema = items.cloned().unwrap_or(Value::Bool(true));
                let mut candidates = self.values(&schema, child("items").as_deref(), depth + 1);
                if candidates.is_empty() {
                    if min == 0 {
                        out.push(Value::Array(Vec::new()));
                    }
                    return out;
                }
                if unique {
                    // More distinct items, by varying the first.
                    let base = candidates[0].clone();
                    for i in 0..min.saturating_sub(candidates.len()) {
                        candidates.push(vary(&base, i));
                    }
                }
                let len = min.max(1).min(max.unwrap_or(usize::MAX));
                if min == 0 {
                    out.push(Value::Array(Vec::new()));
                }
                let items: Vec<Value> = (0..len)
                    .map(|i| {
                        if unique {
                            candidates
                                .get(i)
                                .cloned()
                                .unwrap_or_else(|| vary(&candidates[0], i))
                        } else {
                            candidates[0].clone()
                        }
                    })
                    .collect();
                out.push(Value::Array(items.clone()));
                if let Some(contains) = map.get("contains") {
                    if let Some(v) = self.first(contains, child("contains").as_deref(), depth + 1) {
                        let mut with = items;
                        with.push(v);
                        out.push(Value::Array(with));
                    }
                }
            }
        }
        out
    }

    fn objects(&self, map: &Map, at: Option<&str>, depth: usize) -> Vec<Value> {
        let child = |key: &str| at.map(|at| pointer::join(at, key));
        let properties = map.get("properties").and_then(Value::as_object);
        let required: Vec<String> = map
            .get("required")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let additional = map.get("additionalProperties");
        let value_for = |name: &str| -> Option<Value> {
            if let Some(schema) = properties.and_then(|p| p.get(name)) {
                let here = child("properties").map(|p| pointer::join(&p, name));
                return self.first(schema, here.as_deref(), depth + 1);
            }
            match additional {
                Some(Value::Bool(false)) => None,
                Some(schema) => {
                    self.first(schema, child("additionalProperties").as_deref(), depth + 1)
                }
                None => Some(Value::from("x")),
            }
        };
        let mut minimal = Map::new();
        for name in &required {
            match value_for(name) {
                Some(v) => {
                    minimal.insert(name.clone(), v);
                }
                None => return Vec::new(),
            }
        }
        let mut full = minimal.clone();
        if let Some(properties) = properties {
            for name in properties.keys() {
                if !full.contains_key(name) {
                    if let Some(v) = value_for(name) {
                        full.insert(name.clone(), v);
                    }
                }
            }
        }
        if let Some(Value::Object(dependencies)) = map.get("dependencies") {
            for (key, names) in dependencies.iter() {
                if let (true, Value::Array(names)) = (full.contains_key(key), names) {
                    for name in names.iter().filter_map(Value::as_str) {
                        if !full.contains_key(name) {
                            if let Some(v) = value_for(name) {
                                full.insert(name.to_string(), v);
                            }
                        }
                    }
                }
            }
        }
        let min = map
            .get("minProperties")
            .and_then(Value::as_u64)
            .unwrap_or(0)
            .min(64) as usize;
        let mut out = Vec::new();
        for mut object in [minimal, full] {
            let mut i = 0;
            while object.len() < min && i < 64 {
                let name = format!("x-extra-{i}");
                if let Some(v) = value_for(&name) {
                    object.insert(name, v);
                }
                i += 1;
            }
            out.push(Value::Object(object));
        }
        out
    }
}

/// A different value like `base` (for distinct array items).
fn vary(base: &Value, i: usize) -> Value {
    match base {
        // Lower-case letters: what most patterns of identifiers take.
        Value::String(s) => {
            let mut s = s.clone();
            let mut n = i;
            loop {
                s.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
                if n == 0 {
                    break;
                }
            }
            Value::String(s)
        }
        Value::Number(_) => Value::from(i as u64 + 1),
        Value::Bool(b) => Value::Bool(if i % 2 == 0 { !*b } else { *b }),
        Value::Object(map) => {
            let mut map = map.clone();
            map.insert(format!("x-{i}"), Value::from(i as u64));
            Value::Object(map)
        }
        Value::Array(items) => {
            let mut items = items.clone();
            items.push(Value::from(i as u64));
            Value::Array(items)
        }
        Value::Null => Value::from(i as u64),
    }
}

/// The JSON types a schema without `type` says something about.
fn inferred(map: &Map) -> Vec<JsonType> {
    let mut out = Vec::new();
    let has = |keys: &[&str]| keys.iter().any(|k| map.contains_key(k));
    if has(&[
        "properties",
        "required",
        "additionalProperties",
        "patternProperties",
        "minProperties",
        "maxProperties",
        "propertyNames",
        "dependencies",
    ]) {
        out.push(JsonType::Object);
    }
    if has(&[
        "items",
        "minItems",
        "maxItems",
        "uniqueItems",
        "contains",
        "additionalItems",
    ]) {
        out.push(JsonType::Array);
    }
    if has(&["minLength", "maxLength", "pattern", "format"]) {
        out.push(JsonType::String);
    }
    if has(&[
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
    ]) {
        out.push(JsonType::Number);
    }
    if out.is_empty() {
        out = vec![
            JsonType::String,
            JsonType::Integer,
            JsonType::Object,
            JsonType::Null,
        ];
    }
    out
}

fn number(map: &Map, key: &str) -> Option<f64> {
    map.get(key)
        .and_then(Value::as_f64)
        .filter(|f| f.is_finite())
}

fn numbers(map: &Map, integer: bool) -> Vec<Value> {
    let step = number(map, "multipleOf").filter(|m| *m > 0.0);
    let low = [
        number(map, "minimum").map(|v| (v, false)),
        number(map, "exclusiveMinimum").map(|v| (v, true)),
    ]
    .into_iter()
    .flatten()
    .fold(None, |acc: Option<(f64, bool)>, b| match acc {
        Some(a) if a.0 > b.0 || (a.0 == b.0 && a.1) => Some(a),
        _ => Some(b),
    });
    let high = [
        number(map, "maximum").map(|v| (v, false)),
        number(map, "exclusiveMaximum").map(|v| (v, true)),
    ]
    .into_iter()
    .flatten()
    .fold(None, |acc: Option<(f64, bool)>, b| match acc {
        Some(a) if a.0 < b.0 || (a.0 == b.0 && a.1) => Some(a),
        _ => Some(b),
    });
    let mut raw = vec![0.0, 1.0, -1.0, 2.0];
    if let Some((v, exclusive)) = low {
        raw.push(if exclusive {
            v + if integer { 1.0 } else { 0.5 }
        } else {
            v
        });
        raw.push(v + 1.0);
    }
    if let Some((v, exclusive)) = high {
        raw.push(if exclusive {
            v - if integer { 1.0 } else { 0.5 }
        } else {
            v
        });
        raw.push(v - 1.0);
    }
    if let (Some((a, _)), Some((b, _))) = (low, high) {
        raw.push((a + b) / 2.0);
    }
    let mut out = Vec::new();
    for mut v in raw {
        if let Some(step) = step {
            v = (v / step).ceil() * step;
        }
        if integer {
            v = v.ceil();
        }
        if let Some(value) = float_value(v) {
            out.push(value);
        }
    }
    if let Some(step) = map.get("multipleOf").and_then(Value::as_number) {
        out.push(Value::Number(step.clone()));
    }
    out
}

/// `v` as a JSON number: an integer when it is one and fits.
pub(crate) fn float_value(v: f64) -> Option<Value> {
    if !v.is_finite() {
        return None;
    }
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        return Some(Value::from(v as i64));
    }
    Number::from_f64(v).map(Value::Number)
}

fn strings(map: &Map) -> Vec<Value> {
    let min = map
        .get("minLength")
        .and_then(Value::as_u64)
        .unwrap_or(0)
        .min(MAX_LENGTH as u64) as usize;
    let max = map
        .get("maxLength")
        .and_then(Value::as_u64)
        .map(|m| m.min(MAX_LENGTH as u64) as usize);
    let byte = map.get("format").and_then(Value::as_str) == Some("byte");
    let mut bases: Vec<String> = Vec::new();
    if let Some(p) = map.get("pattern").and_then(Value::as_str) {
        bases.extend(pattern::sample(p));
        bases.extend(pattern::sample_long(p, min.min(4096) as u32));
    }
    if byte {
        bases.push(String::new());
        bases.push("AAAA".into());
    }
    bases.push("a".into());
    bases.push(String::new());
    bases
        .into_iter()
        .map(|base| Value::String(fit(&base, min, max, byte)))
        .collect()
}

/// `base` padded to at least `min` characters and cut to at most `max`.
fn fit(base: &str, min: usize, max: Option<usize>, byte: bool) -> String {
    let mut s = base.to_string();
    let mut len = s.chars().count();
    if len < min {
        if byte {
            while len < min {
                s.push_str("AAAA");
                len += 4;
            }
        } else {
            let pad = s.chars().last().unwrap_or('a');
            s.extend(std::iter::repeat_n(pad, min - len));
            len = min;
        }
    }
    if let Some(max) = max {
        if len > max {
            s = s
                .chars()
                .take(if byte { max - max % 4 } else { max })
                .collect();
        }
    }
    s
}

/// Values worth trying against two versions of a schema: every value, bound, length
/// and name the schemas mention, and their neighbours.
#[derive(Debug, Default)]
pub(crate) struct Pool {
    pub values: Vec<Value>,
    pub lengths: BTreeSet<usize>,
    pub names: Vec<String>,
    /// How many of `values` (the first) are generic, not from a schema.
    pub generic: usize,
    seen: HashSet<String>,
}

impl Pool {
    pub(crate) fn new() -> Pool {
        let mut pool = Pool::default();
        for text in [
            "null",
            "true",
            "false",
            "0",
            "1",
            "-1",
            "0.5",
            "-0.5",
            "2",
            "1e3",
            "9007199254740993",
            "\"\"",
            "\"a\"",
            "\"0\"",
            "\"AAAA\"",
            "\"@@\"",
            "[]",
            "{}",
            "[\"x\"]",
            "{\"x\":1}",
        ] {
            if let Ok(v) = asyncapi_runtime::parse_json(text.as_bytes()) {
                pool.push(v);
            }
        }
        pool.lengths.extend([0, 1, 2]);
        pool.generic = pool.values.len();
        pool
    }

    fn push(&mut self, value: Value) {
        if self.values.len() < 400 && self.seen.insert(value.to_string()) {
            self.values.push(value);
        }
    }

    fn number(&mut self, v: f64) {
        self.push_opt(float_value(v));
    }

    fn push_opt(&mut self, value: Option<Value>) {
        if let Some(v) = value {
            self.push(v);
        }
    }

    /// Gathers what `schema` (and every schema under it, `$ref`s followed once)
    /// mentions.
    pub(crate) fn collect(
        &mut self,
        root: &Value,
        schema: &Value,
        depth: usize,
        visited: &mut HashSet<String>,
    ) {
        if depth > 48 {
            return;
        }
        let Value::Object(map) = schema else { return };
        if let Some(target) = reference(schema) {
            if visited.insert(target.clone()) {
                if let Some(resolved) = root.pointer(&target) {
                    self.collect(root, resolved, depth + 1, visited);
                }
            }
            return;
        }
        for key in [
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ] {
            if let Some(Value::Number(n)) = map.get(key) {
                self.push(Value::Number(n.clone()));
                let v = n.as_f64();
                if v.is_finite() {
                    for other in [
                        v - 1.0,
                        v + 1.0,
                        v - 0.5,
                        v + 0.5,
                        v * 2.0,
                        v * 3.0,
                        v / 2.0,
                        -v,
                    ] {
                        self.number(other);
                    }
                }
            }
        }
        for key in [
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "minProperties",
            "maxProperties",
        ] {
            if let Some(n) = map.get(key).and_then(Value::as_u64) {
                let n = n.min(usize::MAX as u64 >> 1) as usize;
                self.lengths.extend([n.saturating_sub(1), n, n + 1]);
            }
        }
        for key in ["enum", "examples"] {
            if let Some(Value::Array(values)) = map.get(key) {
                for v in values.iter().take(32) {
                    self.push(v.clone());
                }
            }
        }
        for key in ["const", "default"] {
            if let Some(v) = map.get(key) {
                self.push(v.clone());
            }
        }
        if let Some(p) = map.get("pattern").and_then(Value::as_str) {
            self.push_opt(pattern::sample(p).map(Value::String));
            self.push_opt(pattern::sample_long(p, 3).map(Value::String));
        }
        if map.get("format").and_then(Value::as_str) == Some("byte") {
            for text in ["AAAA", "AAA=", "A", "@@@@"] {
                self.push(Value::from(text));
            }
        }
        let mut names: Vec<String> = Vec::new();
        for key in ["properties", "dependencies", "patternProperties"] {
            if let Some(Value::Object(members)) = map.get(key) {
                names.extend(
                    members
                        .keys()
                        .filter(|_| key != "patternProperties")
                        .cloned(),
                );
                for (name, sub) in members.iter() {
                    if key == "patternProperties" {
                        self.push_opt(pattern::sample(name).map(|s| Value::String(s.clone())));
                        if let Some(s) = pattern::sample(name) {
                            names.push(s);
                        }
                    }
                    if let Value::Array(list) = sub {
                        names.extend(list.iter().filter_map(Value::as_str).map(str::to_string));
                    } else {
                        self.collect(root, sub, depth + 1, visited);
                    }
                }
            }
        }
        if let Some(Value::Array(required)) = map.get("required") {
            names.extend(
                required
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string),
            );
        }
        for name in names {
            if !self.names.contains(&name) && self.names.len() < 64 {
                self.names.push(name);
            }
        }
        for key in [
            "items",
            "additionalItems",
            "additionalProperties",
            "contains",
            "propertyNames",
            "not",
            "if",
            "then",
            "else",
        ] {
            match map.get(key) {
                Some(Value::Array(list)) => {
                    for sub in list {
                        self.collect(root, sub, depth + 1, visited);
                    }
                }
                Some(sub) => self.collect(root, sub, depth + 1, visited),
                None => {}
            }
        }
        for key in ["allOf", "anyOf", "oneOf"] {
            if let Some(Value::Array(list)) = map.get(key) {
                for sub in list {
                    self.collect(root, sub, depth + 1, visited);
                }
            }
        }
    }
}

/// Every position (as a list of steps) in `value`, parents first, at most `limit`.
fn positions(value: &Value, limit: usize) -> Vec<Vec<Step>> {
    let mut out = vec![Vec::new()];
    let mut i = 0;
    while i < out.len() && out.len() < limit {
        let path = out[i].clone();
        if let Some(v) = at_path(value, &path) {
            match v {
                Value::Object(map) => {
                    for key in map.keys() {
                        let mut p = path.clone();
                        p.push(Step::Key(key.clone()));
                        out.push(p);
                    }
                }
                Value::Array(items) => {
                    for j in 0..items.len().min(4) {
                        let mut p = path.clone();
                        p.push(Step::Index(j));
                        out.push(p);
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
    out.truncate(limit);
    out
}

pub(crate) fn at_path<'v>(value: &'v Value, path: &[Step]) -> Option<&'v Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get(k),
        Step::Index(i) => v.as_array().and_then(|items| items.get(*i)),
    })
}

/// `value` with the value at `path` replaced by `with` (a missing last member or
/// the next item of an array added); `None` when the path does not lead there.
pub(crate) fn replace(value: &Value, path: &[Step], with: Value) -> Option<Value> {
    let mut out = value.clone();
    let mut slot = &mut out;
    for (i, step) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        slot = match step {
            Step::Key(k) => {
                let map = slot.as_object_mut()?;
                if !map.contains_key(k) {
                    if !last {
                        return None;
                    }
                    map.insert(k.clone(), Value::Null);
                }
                map.get_mut(k)?
            }
            Step::Index(j) => {
                let items = slot.as_array_mut()?;
                if *j == items.len() && last {
                    items.push(Value::Null);
                }
                items.get_mut(*j)?
            }
        };
    }
    *slot = with;
    Some(out)
}

/// Values like `seed`, each differing at one position: replaced by a pool value,
/// resized, a member removed or added. At most `limit`, taken from every position in
/// turn, what the schemas mention before generic values.
pub(crate) fn mutations(seed: &Value, pool: &Pool, max_length: usize, limit: usize) -> Vec<Value> {
    let (generic, specific) = pool.values.split_at(pool.generic.min(pool.values.len()));
    let mut lists: Vec<(Vec<Step>, Vec<Value>)> = Vec::new();
    for path in positions(seed, 48) {
        let Some(here) = at_path(seed, &path) else {
            continue;
        };
        let mut replacements: Vec<Value> = Vec::new();
        match here {
            Value::String(s) => {
                let pad = s.chars().last().unwrap_or('a');
                let len = s.chars().count();
                for &n in pool.lengths.iter().filter(|&&n| n <= max_length) {
                    let resized: String = if n <= len {
                        s.chars().take(n).collect()
                    } else {
                        s.chars().chain(std::iter::repeat_n(pad, n - len)).collect()
                    };
                    replacements.push(Value::String(resized));
                }
                // Characters of other classes around it (where patterns are anchored).
                for affix in ["0", "A", "a", " ", "-", "_", "."] {
                    replacements.push(Value::String(format!("{s}{affix}")));
                    replacements.push(Value::String(format!("{affix}{s}")));
                }
                replacements.push(Value::String(s.to_uppercase()));
                replacements.push(Value::String(s.to_lowercase()));
            }
            Value::Object(map) => {
                for key in map.keys() {
                    let mut smaller = map.clone();
                    smaller.remove(key);
                    replacements.push(Value::Object(smaller));
                }
                let unlisted = "x-unlisted".to_string();
                for name in pool.names.iter().chain(std::iter::once(&unlisted)) {
                    if map.contains_key(name) {
                        continue;
                    }
                    for v in specific.iter().chain(generic).take(12) {
                        let mut bigger = map.clone();
                        bigger.insert(name.clone(), v.clone());
                        replacements.push(Value::Object(bigger));
                    }
                }
            }
            Value::Array(items) => {
                if let Some(first) = items.first() {
                    let mut doubled = items.clone();
                    doubled.push(first.clone());
                    replacements.push(Value::Array(doubled));
                    let mut shorter = items.clone();
                    shorter.pop();
                    replacements.push(Value::Array(shorter));
                    for &n in pool.lengths.iter().filter(|&&n| n <= 64) {
                        let resized: Vec<Value> = (0..n)
                            .map(|i| items.get(i).unwrap_or(first).clone())
                            .collect();
                        replacements.push(Value::Array(resized));
                        // Grown with distinct items too (for `uniqueItems`).
                        if n > items.len() {
                            let last = items.last().unwrap_or(first);
                            let grown: Vec<Value> = (0..n)
                                .map(|i| items.get(i).cloned().unwrap_or_else(|| vary(last, i)))
                                .collect();
                            replacements.push(Value::Array(grown));
                        }
                    }
                }
                for v in specific.iter().chain(generic).take(16) {
                    let mut longer = items.clone();
                    longer.push(v.clone());
                    replacements.push(Value::Array(longer));
                }
            }
            _ => {}
        }
        // Values of the same type first: an enum value for a string, a bound for a number.
        let kind = here.json_type();
        let same = |v: &&Value| v.json_type() == kind;
        replacements.extend(specific.iter().filter(same).cloned());
        replacements.extend(specific.iter().filter(|v| !same(v)).cloned());
        replacements.extend(generic.iter().cloned());
        lists.push((path, replacements));
    }
    let mut out = Vec::new();
    let mut round = 0;
    while out.len() < limit {
        let mut any = false;
        for (path, replacements) in &lists {
            if let Some(replacement) = replacements.get(round) {
                any = true;
                if let Some(v) = replace(seed, path, replacement.clone()) {
                    out.push(v);
                    if out.len() >= limit {
                        break;
                    }
                }
            }
        }
        if !any {
            break;
        }
        round += 1;
    }
    out
}

/// Values to test two (or more) versions of a schema with: values each schema at
/// `(document, pointer)` accepts (generated from its keywords), the `seeds` given
/// (examples, say), and for each of those, variations at every position built from
/// every bound, length, property name and value the schemas mention (strings made no
/// longer than `max_length`). Whether each is valid is for the caller to ask (the
/// runtime's [`Schema`](asyncapi_runtime::Schema)).
///
/// `kinesis diff` uses the same values to find witnesses of breaking changes; tests
/// use them to check that what is claimed compatible is.
pub fn samples(
    schemas: &[(&Value, &str)],
    seeds: &[Value],
    max_length: usize,
    limit: usize,
) -> Vec<Value> {
    let mut pool = Pool::new();
    let mut bases: Vec<Value> = seeds.to_vec();
    for (root, at) in schemas {
        let probe = Probe::new((*root).clone());
        bases.extend(probe.generate(&Check::At(at.to_string())));
        if let Some(schema) = root.pointer(at) {
            pool.collect(root, schema, 0, &mut HashSet::new());
        }
    }
    dedupe(&mut bases);
    let mut out = bases.clone();
    let each = (limit.saturating_sub(bases.len()) / bases.len().max(1)).max(1);
    for base in &bases {
        out.extend(mutations(base, &pool, max_length, each));
    }
    dedupe(&mut out);
    out.truncate(limit.max(bases.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe(json: &str) -> Probe {
        Probe::new(asyncapi_runtime::parse_json(json.as_bytes()).unwrap())
    }

    #[test]
    fn generates_valid_values() {
        let p = probe(
            r#"{"s": {"type": "object", "required": ["a", "n", "list"], "properties": {
                "a": {"type": "string", "pattern": "^ORD-[0-9]+$", "minLength": 8},
                "n": {"type": "integer", "exclusiveMinimum": 3, "multipleOf": 5},
                "list": {"type": "array", "minItems": 2, "uniqueItems": true, "items": {"type": "string", "maxLength": 3}},
                "b": {"type": "string", "format": "byte", "minLength": 5}},
                "additionalProperties": false}}"#,
        );
        let values = p.generate(&Check::At("/s".into()));
        assert!(!values.is_empty());
        assert!(values
            .iter()
            .all(|v| p.valid(&Check::At("/s".into()), v) == Some(true)));
    }

    #[test]
    fn mutations_cross_every_bound() {
        let root =
            asyncapi_runtime::parse_json(br#"{"s": {"type": "string", "maxLength": 5}}"#).unwrap();
        let found = samples(&[(&root, "/s")], &[Value::from("abc")], 100, 1000);
        let lengths: BTreeSet<usize> = found
            .iter()
            .filter_map(Value::as_str)
            .map(|s| s.chars().count())
            .collect();
        assert!(lengths.contains(&5) && lengths.contains(&6));
    }
}
