//! Compiling a JSON Schema (draft 07) document into [`Node`]s.
//!
//! References are local JSON pointers (`#`, `#/definitions/a`, percent-encoded as URI
//! fragments are): the generator rewrites every other reference it can resolve into
//! one, so that what runs here never needs to resolve URIs.

use std::collections::HashMap;

use super::node::{Dependency, Items, Keywords, Node, NodeId, Pattern};
use super::SchemaError;
use crate::json::{unescape_token, JsonType, Map, Value};
use crate::number::Number;

pub(crate) struct Compiler<'a> {
    document: &'a Value,
    pub nodes: Vec<Node>,
    by_pointer: HashMap<String, NodeId>,
    /// Where each node was compiled from, for errors found after compiling.
    pub pointers: Vec<String>,
    /// Nodes asked for and not compiled yet.
    todo: Vec<NodeId>,
}

type Compiled<T> = Result<T, SchemaError>;

impl<'a> Compiler<'a> {
    pub(crate) fn new(document: &'a Value) -> Compiler<'a> {
        Compiler {
            document,
            nodes: Vec::new(),
            by_pointer: HashMap::new(),
            pointers: Vec::new(),
            todo: Vec::new(),
        }
    }

    fn error(pointer: &str, message: impl Into<String>) -> SchemaError {
        SchemaError {
            pointer: pointer.to_string(),
            message: message.into(),
        }
    }

    /// The node of the schema at `pointer`, compiled by [`Compiler::finish`] (once,
    /// however many schemas refer to it).
    pub(crate) fn node(&mut self, pointer: &str) -> Compiled<NodeId> {
        if let Some(&id) = self.by_pointer.get(pointer) {
            return Ok(id);
        }
        if self.document.pointer(pointer).is_none() {
            return Err(Self::error(pointer, "no schema here"));
        }
        let id = self.nodes.len();
        self.nodes.push(Node::Pending);
        self.pointers.push(pointer.to_string());
        self.by_pointer.insert(pointer.to_string(), id);
        self.todo.push(id);
        Ok(id)
    }

    /// Compiles every node asked for, and those they reach. A worklist, not recursion:
    /// a chain of thousands of `$ref`s must not exhaust the stack. Nodes are compiled
    /// in the order recursion would take (a schema, then its subschemas in order), so
    /// the first error reported is the same.
    pub(crate) fn finish(&mut self) -> Compiled<()> {
        let mut todo = std::mem::take(&mut self.todo);
        todo.reverse();
        while let Some(id) = todo.pop() {
            let pointer = self.pointers[id].clone();
            let document = self.document;
            let schema = document
                .pointer(&pointer)
                .ok_or_else(|| Self::error(&pointer, "no schema here"))?;
            self.nodes[id] = self.compile(schema, &pointer)?;
            // What this node asked for, first child on top.
            todo.extend(self.todo.drain(..).rev());
        }
        Ok(())
    }

    fn child(&mut self, pointer: &str, token: &str) -> Compiled<NodeId> {
        self.node(&join(pointer, token))
    }

    fn compile(&mut self, schema: &Value, at: &str) -> Compiled<Node> {
        let map = match schema {
            Value::Bool(b) => return Ok(Node::Bool(*b)),
            Value::Object(map) => map,
            _ => return Err(Self::error(at, "a schema must be an object or a boolean")),
        };
        if let Some(reference) = map.get("$ref") {
            let Value::String(reference) = reference else {
                return Err(Self::error(&join(at, "$ref"), "$ref must be a string"));
            };
            let target = local_pointer(reference).ok_or_else(|| {
                Self::error(
                    &join(at, "$ref"),
                    format!("$ref {reference:?} is not a reference within this document"),
                )
            })?;
            if self.document.pointer(&target).is_none() {
                return Err(Self::error(
                    &join(at, "$ref"),
                    format!("$ref {reference:?} points to nothing"),
                ));
            }
            return Ok(Node::Ref(self.node(&target)?));
        }
        self.keywords(map, at).map(|k| Node::Keywords(Box::new(k)))
    }

    fn keywords(&mut self, map: &Map, at: &str) -> Compiled<Keywords> {
        let mut k = Keywords::empty();
        let here = |key: &str| join(at, key);
        if let Some(types) = map.get("type") {
            k.types = Some(parse_types(types).ok_or_else(|| {
                Self::error(&here("type"), "type must be a type name or a list of them")
            })?);
        }
        if let Some(values) = map.get("enum") {
            let Value::Array(values) = values else {
                return Err(Self::error(&here("enum"), "enum must be an array"));
            };
            k.enumeration = Some(values.clone());
        }
        k.constant = map.get("const").cloned();

        let number = |key: &str| -> Compiled<Option<Number>> {
            match map.get(key) {
                None => Ok(None),
                Some(Value::Number(n)) => Ok(Some(n.clone())),
                Some(_) => Err(Self::error(
                    &join(at, key),
                    format!("{key} must be a number"),
                )),
            }
        };
        k.minimum = number("minimum")?;
        k.maximum = number("maximum")?;
        k.exclusive_minimum = number("exclusiveMinimum")?;
        k.exclusive_maximum = number("exclusiveMaximum")?;
        k.multiple_of = number("multipleOf")?;
        if let Some(divisor) = &k.multiple_of {
            if divisor.is_negative() || *divisor == Number::from(0u8) {
                return Err(Self::error(
                    &here("multipleOf"),
                    "multipleOf must be greater than 0",
                ));
            }
        }

        let count = |key: &str| -> Compiled<Option<u64>> {
            match map.get(key) {
                None => Ok(None),
                Some(Value::Number(n)) if n.is_integer() && !n.is_negative() => {
                    // Beyond u64, no string, array or object can reach the bound.
                    Ok(Some(n.as_u64().unwrap_or(u64::MAX)))
                }
                Some(_) => Err(Self::error(
                    &join(at, key),
                    format!("{key} must be a non-negative integer"),
                )),
            }
        };
        k.min_length = count("minLength")?;
        k.max_length = count("maxLength")?;
        k.min_items = count("minItems")?;
        k.max_items = count("maxItems")?;
        k.min_properties = count("minProperties")?;
        k.max_properties = count("maxProperties")?;

        if let Some(pattern) = map.get("pattern") {
            let Value::String(source) = pattern else {
                return Err(Self::error(&here("pattern"), "pattern must be a string"));
            };
            k.pattern = Some(compile_pattern(source, &here("pattern"))?);
        }
        k.format_byte = map.get("format").and_then(Value::as_str) == Some("byte");

        match map.get("items") {
            None => {}
            Some(Value::Array(schemas)) => {
                let items_at = here("items");
                let ids = (0..schemas.len())
                    .map(|i| self.child(&items_at, &i.to_string()))
                    .collect::<Compiled<Vec<_>>>()?;
                k.items = Items::Tuple(ids);
            }
            Some(_) => k.items = Items::All(self.child(at, "items")?),
        }
        if map.contains_key("additionalItems") {
            k.additional_items = Some(self.child(at, "additionalItems")?);
        }
        if let Some(unique) = map.get("uniqueItems") {
            k.unique_items = unique.as_bool().ok_or_else(|| {
                Self::error(&here("uniqueItems"), "uniqueItems must be a boolean")
            })?;
        }
        if map.contains_key("contains") {
            k.contains = Some(self.child(at, "contains")?);
        }

        if let Some(properties) = map.get("properties") {
            let Value::Object(properties) = properties else {
                return Err(Self::error(
                    &here("properties"),
                    "properties must be an object",
                ));
            };
            let properties_at = here("properties");
            for name in properties.keys() {
                let id = self.child(&properties_at, name)?;
                k.properties.push((name.clone(), id));
            }
        }
        if let Some(patterns) = map.get("patternProperties") {
            let Value::Object(patterns) = patterns else {
                return Err(Self::error(
                    &here("patternProperties"),
                    "patternProperties must be an object",
                ));
            };
            let patterns_at = here("patternProperties");
            for source in patterns.keys() {
                let pattern = compile_pattern(source, &join(&patterns_at, source))?;
                let id = self.child(&patterns_at, source)?;
                k.pattern_properties.push((pattern, id));
            }
        }
        if map.contains_key("additionalProperties") {
            k.additional_properties = Some(self.child(at, "additionalProperties")?);
        }
        if let Some(required) = map.get("required") {
            k.required = string_list(required).ok_or_else(|| {
                Self::error(&here("required"), "required must be a list of strings")
            })?;
        }
        if map.contains_key("propertyNames") {
            k.property_names = Some(self.child(at, "propertyNames")?);
        }
        if let Some(dependencies) = map.get("dependencies") {
            let Value::Object(dependencies) = dependencies else {
                return Err(Self::error(
                    &here("dependencies"),
                    "dependencies must be an object",
                ));
            };
            let dependencies_at = here("dependencies");
            for (name, dependency) in dependencies {
                let dependency = match dependency {
                    Value::Array(_) => {
                        Dependency::Properties(string_list(dependency).ok_or_else(|| {
                            Self::error(
                                &join(&dependencies_at, name),
                                "a dependency must be a list of strings or a schema",
                            )
                        })?)
                    }
                    _ => Dependency::Schema(self.child(&dependencies_at, name)?),
                };
                k.dependencies.push((name.clone(), dependency));
            }
        }

        for (key, list) in [("allOf", 0), ("anyOf", 1), ("oneOf", 2)] {
            let Some(schemas) = map.get(key) else {
                continue;
            };
            let Value::Array(schemas) = schemas else {
                return Err(Self::error(&here(key), format!("{key} must be an array")));
            };
            if schemas.is_empty() {
                return Err(Self::error(&here(key), format!("{key} must not be empty")));
            }
            let list_at = here(key);
            let ids = (0..schemas.len())
                .map(|i| self.child(&list_at, &i.to_string()))
                .collect::<Compiled<Vec<_>>>()?;
            match list {
                0 => k.all_of = ids,
                1 => k.any_of = ids,
                _ => k.one_of = ids,
            }
        }
        if map.contains_key("not") {
            k.not = Some(self.child(at, "not")?);
        }
        if map.contains_key("if") {
            k.condition = Some(self.child(at, "if")?);
            if map.contains_key("then") {
                k.then = Some(self.child(at, "then")?);
            }
            if map.contains_key("else") {
                k.otherwise = Some(self.child(at, "else")?);
            }
        }
        Ok(k)
    }

    /// Refuses schemas that apply themselves to the same value again without
    /// descending into it (`{"allOf": [{"$ref": "#"}]}`): validating with them never
    /// ends.
    pub(crate) fn refuse_cycles(&self) -> Compiled<()> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Active,
            Done,
        }
        let mut marks = vec![Mark::New; self.nodes.len()];
        for start in 0..self.nodes.len() {
            if marks[start] != Mark::New {
                continue;
            }
            // Iterative depth-first search: (node, next child index).
            let mut stack = vec![(start, 0usize)];
            marks[start] = Mark::Active;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                let children = self.same_value_children(node);
                if let Some(&child) = children.get(*next) {
                    *next += 1;
                    match marks[child] {
                        Mark::Active => {
                            return Err(Self::error(
                                &self.pointers[child],
                                "the schema applies itself to the same value again (through \
                                 $ref, allOf, anyOf, oneOf, not, if/then/else or dependencies) \
                                 without descending into it: validation would never end",
                            ))
                        }
                        Mark::New => {
                            marks[child] = Mark::Active;
                            stack.push((child, 0));
                        }
                        Mark::Done => {}
                    }
                } else {
                    marks[node] = Mark::Done;
                    stack.pop();
                }
            }
        }
        Ok(())
    }

    fn same_value_children(&self, node: NodeId) -> Vec<NodeId> {
        match &self.nodes[node] {
            Node::Ref(target) => vec![*target],
            Node::Keywords(k) => k.same_value_children(),
            Node::Bool(_) | Node::Pending => Vec::new(),
        }
    }
}

fn parse_types(types: &Value) -> Option<Vec<JsonType>> {
    match types {
        Value::String(name) => JsonType::from_name(name).map(|t| vec![t]),
        Value::Array(names) => names
            .iter()
            .map(|name| name.as_str().and_then(JsonType::from_name))
            .collect(),
        _ => None,
    }
}

fn string_list(value: &Value) -> Option<Vec<String>> {
    value
        .as_array()?
        .iter()
        .map(|item| item.as_str().map(str::to_string))
        .collect()
}

/// A `pattern` or `patternProperties` key: every valid ECMA-262 pattern compiles
/// (lookaround and backreferences included); only invalid syntax is refused.
fn compile_pattern(source: &str, at: &str) -> Compiled<Pattern> {
    Pattern::new(source).map_err(|error| SchemaError {
        pointer: at.to_string(),
        message: format!("pattern {source:?} cannot be used: {}", error.reason()),
    })
}

/// `pointer` extended by one reference token.
pub(crate) fn join(pointer: &str, token: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + token.len() + 1);
    out.push_str(pointer);
    out.push('/');
    crate::validate::push_escaped(&mut out, token);
    out
}

/// The JSON pointer a `$ref` names when it is a fragment of this document (`#`,
/// `#/a/b%20c`), percent-decoded as URI fragments are.
pub(crate) fn local_pointer(reference: &str) -> Option<String> {
    let fragment = reference.strip_prefix('#')?;
    let decoded = percent_decode(fragment)?;
    if decoded.is_empty() || decoded.starts_with('/') {
        // Check every token reads back (an invalid `~` escape is not a pointer).
        let valid = decoded
            .split('/')
            .skip(1)
            .all(|token| unescape_token(token).len() <= token.len());
        valid.then_some(decoded)
    } else {
        None
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
