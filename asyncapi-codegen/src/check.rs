//! Checking: everything about the document that must hold before a model is built.
//!
//! - the document is AsyncAPI 3.x;
//! - every `$ref` resolves, and no chain of `$ref`s loops;
//! - every schema uses only keywords the generator supports, each with a value of the
//!   right type, and every `pattern` translates from ECMA-262 and compiles;
//! - channel address parameters match the declared parameters;
//! - operations name channels that exist, and messages of those channels.
//!
//! All problems are collected, not just the first, each with its JSON pointer.

use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::error::{Error, Problem};
use crate::load::Document;
use crate::pointer;

/// Checks `doc`; returns every problem found.
pub fn check(doc: &Document) -> Result<(), Error> {
    check_version(doc)?;
    let mut checker = Checker {
        doc,
        errors: Vec::new(),
        checked: HashSet::new(),
    };
    checker.refs(&doc.root, "", Keys::Root);
    if checker.errors.is_empty() {
        checker.schemas();
        checker.channels();
        checker.operations();
    }
    Error::from_list(checker.errors)
}

fn check_version(doc: &Document) -> Result<(), Error> {
    let found = doc.root.get("asyncapi");
    match found {
        Some(Value::String(version)) if version.starts_with("3.") => Ok(()),
        // `asyncapi: 3` in YAML is a number: say what is wrong with it, not that
        // version 3 is unsupported.
        Some(other @ (Value::Number(_) | Value::Bool(_) | Value::Null)) => Err(Error::At {
            file: doc.file.clone(),
            pointer: "/asyncapi".into(),
            problem: Problem::BadValue {
                keyword: "asyncapi".into(),
                expected: format!(
                    "a version string such as \"3.0.0\" (found {other}; quote it in YAML)"
                ),
            },
        }),
        Some(other) => Err(Error::Version {
            file: doc.file.clone(),
            found: Some(match other {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            }),
        }),
        None => Err(Error::Version {
            file: doc.file.clone(),
            found: None,
        }),
    }
}

/// Keywords that only annotate a schema.
pub(crate) const ANNOTATIONS: &[&str] = &[
    "title",
    "description",
    "examples",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "$comment",
    "externalDocs",
    "discriminator",
];

/// Keywords the generator turns into types or checks.
const SUPPORTED: &[&str] = &[
    "type",
    "properties",
    "required",
    "items",
    "additionalProperties",
    "enum",
    "const",
    "$ref",
    "allOf",
    "oneOf",
    "anyOf",
    "format",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
];

const TYPES: &[&str] = &[
    "string", "number", "integer", "boolean", "object", "array", "null",
];

struct Checker<'a> {
    doc: &'a Document,
    errors: Vec<Error>,
    /// Schemas checked already (a schema reached by several `$ref`s is checked once).
    checked: HashSet<String>,
}

impl Checker<'_> {
    fn error(&mut self, pointer: &str, problem: Problem) {
        self.errors.push(Error::At {
            file: self.doc.file.clone(),
            pointer: pointer.to_string(),
            problem,
        });
    }

    /// Every `$ref` in the document resolves, and chains of refs end somewhere.
    fn refs(&mut self, value: &Value, at: &str, keys: Keys) {
        match value {
            Value::Object(map) => {
                if keys.are_keywords() {
                    if let Some(target) = map.get("$ref") {
                        self.one_ref(target, &pointer::join(at, "$ref"));
                    }
                }
                for (key, child) in map {
                    if keys.are_keywords() && key == "$ref" {
                        continue;
                    }
                    if let Some(child_keys) = keys.child(key) {
                        self.refs(child, &pointer::join(at, key), child_keys);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.refs(item, &format!("{at}/{i}"), Keys::Keywords);
                }
            }
            _ => {}
        }
    }

    fn one_ref(&mut self, target: &Value, at: &str) {
        let Value::String(target) = target else {
            self.error(at, Problem::BadRef("$ref must be a string".into()));
            return;
        };
        // References to other files were made local when they were read.
        let Some(local) = target.strip_prefix('#') else {
            self.error(
                at,
                Problem::BadRef(format!("{target:?} cannot be followed")),
            );
            return;
        };
        let mut seen = vec![target.clone()];
        let mut current = local.to_string();
        loop {
            let Some((_, resolved)) = locate(self.doc, &current) else {
                self.error(at, Problem::DanglingRef(format!("#{current}")));
                return;
            };
            match resolved.get("$ref").and_then(Value::as_str) {
                Some(next) => {
                    if seen.iter().any(|s| s == next) {
                        seen.push(next.to_string());
                        self.error(at, Problem::RefCycle(seen));
                        return;
                    }
                    seen.push(next.to_string());
                    match next.strip_prefix('#') {
                        Some(next) => current = next.to_string(),
                        // Reported where that $ref stands.
                        None => return,
                    }
                }
                None => return,
            }
        }
    }

    /// Every schema of the document.
    fn schemas(&mut self) {
        let root = &self.doc.root;
        if let Some(schemas) = root.pointer("/components/schemas") {
            match schemas {
                Value::Object(map) => {
                    for (name, schema) in map {
                        self.schema(schema, &pointer::join("/components/schemas", name));
                    }
                }
                _ => self.error(
                    "/components/schemas",
                    Problem::BadValue {
                        keyword: "schemas".into(),
                        expected: "a mapping of schemas".into(),
                    },
                ),
            }
        }
        let mut messages = Vec::new();
        if let Some(Value::Object(map)) = root.pointer("/components/messages") {
            for (name, message) in map {
                messages.push((pointer::join("/components/messages", name), message));
            }
        }
        for place in ["/channels", "/components/channels"] {
            let Some(Value::Object(channels)) = root.pointer(place) else {
                continue;
            };
            for (name, channel) in channels {
                if let Some(Value::Object(map)) = channel.get("messages") {
                    for (key, message) in map {
                        let at = pointer::join(
                            &pointer::join(&pointer::join(place, name), "messages"),
                            key,
                        );
                        messages.push((at, message));
                    }
                }
            }
        }
        for (at, message) in messages {
            if message.get("$ref").is_some() {
                continue;
            }
            let Value::Object(message) = message else {
                self.error(&at, Problem::Invalid("a message must be a mapping".into()));
                continue;
            };
            for part in ["payload", "headers"] {
                if let Some(schema) = message.get(part) {
                    self.schema(schema, &pointer::join(&at, part));
                }
            }
            if let Some(format) = message.get("schemaFormat") {
                let ok = format.as_str().is_some_and(|f| {
                    f.starts_with("application/vnd.aai.asyncapi")
                        || f.starts_with("application/schema+json")
                        || f.starts_with("application/schema+yaml")
                });
                if !ok {
                    self.error(
                        &pointer::join(&at, "schemaFormat"),
                        Problem::Invalid(format!(
                            "schema format {format} is not supported; only AsyncAPI and JSON Schema"
                        )),
                    );
                }
            }
        }
    }

    fn schema(&mut self, schema: &Value, at: &str) {
        if !self.checked.insert(at.to_string()) {
            return;
        }
        let map = match schema {
            Value::Bool(_) => return,
            Value::Object(map) => map,
            _ => {
                self.error(
                    at,
                    Problem::Invalid("a schema must be a mapping or a boolean".into()),
                );
                return;
            }
        };
        if map.contains_key("$ref") {
            for key in map.keys() {
                if key != "$ref" && !ANNOTATIONS.contains(&key.as_str()) && !key.starts_with("x-") {
                    self.error(
                        &pointer::join(at, key),
                        Problem::Invalid(format!(
                            "{key:?} next to $ref is ignored by JSON Schema draft 7; put both in allOf"
                        )),
                    );
                }
            }
            // What a `$ref` leads to is a schema too, wherever it stands (`#/info` is
            // not one).
            let target = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|t| t.strip_prefix('#'));
            if let Some((target, value)) = target.and_then(|t| locate(self.doc, t)) {
                self.schema(value, &target);
            }
            return;
        }
        for (key, value) in map {
            let here = pointer::join(at, key);
            if key.starts_with("x-") || ANNOTATIONS.contains(&key.as_str()) {
                self.annotation(key, value, &here);
                continue;
            }
            if !SUPPORTED.contains(&key.as_str()) {
                self.error(&here, Problem::UnsupportedKeyword(key.clone()));
                continue;
            }
            self.keyword(map, key, value, &here);
        }
    }

    fn bad(&mut self, at: &str, keyword: &str, expected: &str) {
        self.error(
            at,
            Problem::BadValue {
                keyword: keyword.into(),
                expected: expected.into(),
            },
        );
    }

    fn annotation(&mut self, key: &str, value: &Value, at: &str) {
        let ok = match key {
            "title" | "description" | "$comment" => value.is_string(),
            "examples" => value.is_array(),
            "deprecated" | "readOnly" | "writeOnly" => value.is_boolean(),
            "discriminator" => value.is_string(),
            _ => true,
        };
        if !ok {
            let expected = match key {
                "examples" => "an array",
                "deprecated" | "readOnly" | "writeOnly" => "a boolean",
                _ => "a string",
            };
            self.bad(at, key, expected);
        }
    }

    fn keyword(&mut self, map: &Map<String, Value>, key: &str, value: &Value, at: &str) {
        match key {
            "type" => match value {
                Value::String(ty) if TYPES.contains(&ty.as_str()) => {}
                Value::String(ty) => self.error(at, Problem::UnknownType(ty.clone())),
                Value::Array(types) => {
                    for (i, ty) in types.iter().enumerate() {
                        match ty.as_str() {
                            Some(t) if TYPES.contains(&t) => {}
                            Some(t) => {
                                self.error(&format!("{at}/{i}"), Problem::UnknownType(t.into()))
                            }
                            None => self.bad(&format!("{at}/{i}"), "type", "a type name"),
                        }
                    }
                }
                _ => self.bad(at, "type", "a type name or an array of them"),
            },
            "properties" => match value {
                Value::Object(properties) => {
                    for (name, schema) in properties {
                        self.schema(schema, &pointer::join(at, name));
                    }
                }
                _ => self.bad(at, "properties", "a mapping of schemas"),
            },
            "required" => {
                let ok = value
                    .as_array()
                    .is_some_and(|names| names.iter().all(Value::is_string));
                if !ok {
                    self.bad(at, "required", "an array of property names");
                }
            }
            "items" => match value {
                Value::Array(_) => self.error(
                    at,
                    Problem::Unsupported("\"items\" as an array (tuple validation)".into()),
                ),
                schema => self.schema(schema, at),
            },
            "additionalProperties" => self.schema(value, at),
            "allOf" | "oneOf" | "anyOf" => match value {
                Value::Array(schemas) if !schemas.is_empty() => {
                    for (i, schema) in schemas.iter().enumerate() {
                        self.schema(schema, &format!("{at}/{i}"));
                    }
                }
                _ => self.bad(at, key, "a non-empty array of schemas"),
            },
            "enum" if value.as_array().is_none_or(Vec::is_empty) => {
                self.bad(at, "enum", "a non-empty array");
            }
            "const" | "$ref" => {}
            "format" if !value.is_string() => self.bad(at, "format", "a string"),
            "pattern" => match value {
                Value::String(pattern) => {
                    if let Err(error) = ecma262_regex::compile(pattern) {
                        self.error(
                            at,
                            Problem::Pattern {
                                pattern: pattern.clone(),
                                reason: error.reason().to_string(),
                            },
                        );
                    }
                }
                _ => self.bad(at, "pattern", "a string (an ECMA-262 regular expression)"),
            },
            "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties"
            | "maxProperties" => {
                if count(value).is_none() {
                    self.bad(at, key, "a non-negative integer");
                }
                let (min, max) = match key {
                    "minLength" | "maxLength" => ("minLength", "maxLength"),
                    "minItems" | "maxItems" => ("minItems", "maxItems"),
                    _ => ("minProperties", "maxProperties"),
                };
                if key == min {
                    if let (Some(lo), Some(hi)) =
                        (map.get(min).and_then(count), map.get(max).and_then(count))
                    {
                        if lo > hi {
                            self.error(
                                at,
                                Problem::Invalid(format!(
                                    "{min} {lo} is greater than {max} {hi}: no value can conform"
                                )),
                            );
                        }
                    }
                }
            }
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum"
                if !value.is_number() =>
            {
                self.bad(at, key, "a number");
            }
            "multipleOf" if !value.as_f64().is_some_and(|m| m > 0.0) => {
                self.bad(at, key, "a number greater than 0");
            }
            "uniqueItems" if !value.is_boolean() => self.bad(at, key, "a boolean"),
            _ => {}
        }
    }

    fn channels(&mut self) {
        let Some(channels) = self.doc.root.get("channels") else {
            return;
        };
        let Value::Object(channels) = channels else {
            self.bad("/channels", "channels", "a mapping");
            return;
        };
        for (name, channel) in channels {
            let at = pointer::join("/channels", name);
            let channel = match resolve(self.doc, channel) {
                Some(Value::Object(map)) => map,
                _ => {
                    self.error(&at, Problem::Invalid("a channel must be a mapping".into()));
                    continue;
                }
            };
            let declared: Vec<String> = match channel.get("parameters") {
                Some(Value::Object(params)) => params.keys().cloned().collect(),
                Some(_) => {
                    self.bad(&pointer::join(&at, "parameters"), "parameters", "a mapping");
                    continue;
                }
                None => Vec::new(),
            };
            let used = match channel.get("address") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::String(address)) => match address_parameters(address) {
                    Ok(used) => used,
                    Err(message) => {
                        self.error(&pointer::join(&at, "address"), Problem::Parameters(message));
                        continue;
                    }
                },
                Some(_) => {
                    self.bad(
                        &pointer::join(&at, "address"),
                        "address",
                        "a string or null",
                    );
                    continue;
                }
            };
            for parameter in &used {
                if !declared.contains(parameter) {
                    self.error(
                        &pointer::join(&at, "address"),
                        Problem::Parameters(format!(
                            "address parameter {{{parameter}}} is not declared under parameters"
                        )),
                    );
                }
            }
            for parameter in &declared {
                if !used.contains(parameter) {
                    self.error(
                        &pointer::join(&pointer::join(&at, "parameters"), parameter),
                        Problem::Parameters(format!(
                            "parameter {parameter:?} does not appear in the address"
                        )),
                    );
                }
            }
        }
    }

    fn operations(&mut self) {
        let Some(operations) = self.doc.root.get("operations") else {
            return;
        };
        let Value::Object(operations) = operations else {
            self.bad("/operations", "operations", "a mapping");
            return;
        };
        for (name, operation) in operations {
            let at = pointer::join("/operations", name);
            let Some(Value::Object(operation)) = resolve(self.doc, operation) else {
                self.error(
                    &at,
                    Problem::Invalid("an operation must be a mapping".into()),
                );
                continue;
            };
            match operation.get("action").and_then(Value::as_str) {
                Some("send" | "receive") => {}
                _ => self.bad(
                    &pointer::join(&at, "action"),
                    "action",
                    "\"send\" or \"receive\"",
                ),
            }
            let channel_ref = operation
                .get("channel")
                .and_then(|c| c.get("$ref"))
                .and_then(Value::as_str);
            let Some(channel_ref) = channel_ref else {
                self.error(
                    &at,
                    Problem::Missing("channel: {$ref: '#/channels/...'}".into()),
                );
                continue;
            };
            if !channel_ref.starts_with("#/channels/") {
                self.error(
                    &pointer::join(&pointer::join(&at, "channel"), "$ref"),
                    Problem::BadRef(format!("{channel_ref:?} is not a channel of this document")),
                );
                continue;
            }
            let Some(Value::Array(messages)) = operation.get("messages") else {
                continue;
            };
            let prefix = format!("{channel_ref}/messages/");
            for (i, message) in messages.iter().enumerate() {
                let target = message.get("$ref").and_then(Value::as_str);
                if !target.is_some_and(|t| t.starts_with(&prefix)) {
                    self.error(
                        &format!("{at}/messages/{i}"),
                        Problem::BadRef(format!(
                            "operation messages must be messages of its channel ({prefix}...), found {}",
                            target.unwrap_or("no $ref")
                        )),
                    );
                }
            }
        }
    }
}

/// What the keys of a mapping are, for walks over the whole document: keywords
/// (`$ref` among them), or names chosen by the document's author (a property named
/// `$ref` is not a reference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keys {
    /// The document's top level: keywords, and `components` holds maps of names.
    Root,
    /// Keywords of an object of the specification or of a schema.
    Keywords,
    /// `components`: each of its keywords holds a map of names.
    Components,
    /// Names: the keys of `properties`, `channels`, `operations`, `servers`,
    /// `parameters`, `messages`, `variables` and of each `components` map.
    Names,
    /// The files mounted from other files (see [`crate::external`]): paths, each
    /// holding a file's top level.
    Files,
}

/// The keywords whose value is a mapping from names to objects.
const NAME_MAPS: &[&str] = &[
    "properties",
    "patternProperties",
    "definitions",
    "$defs",
    "channels",
    "operations",
    "servers",
    "parameters",
    "messages",
    "variables",
];

/// The keywords whose value is data, not document structure.
const DATA: &[&str] = &["examples", "example", "const", "enum", "default"];

impl Keys {
    /// What the keys of the value at `key` are, in a mapping whose keys are `self`;
    /// `None` when that value is data (`examples`, `const`, ...), to be left alone.
    pub(crate) fn child(self, key: &str) -> Option<Keys> {
        Some(match self {
            Keys::Names => Keys::Keywords,
            Keys::Files => Keys::Root,
            Keys::Components => Keys::Names,
            Keys::Root | Keys::Keywords if DATA.contains(&key) => return None,
            Keys::Root if key == "components" => Keys::Components,
            Keys::Root if key == crate::external::MOUNT => Keys::Files,
            Keys::Root | Keys::Keywords if NAME_MAPS.contains(&key) => Keys::Names,
            Keys::Root | Keys::Keywords => Keys::Keywords,
        })
    }

    /// Whether these keys are keywords (`$ref` among them).
    pub(crate) fn are_keywords(self) -> bool {
        matches!(self, Keys::Root | Keys::Keywords)
    }
}

/// A non-negative integer count.
fn count(value: &Value) -> Option<u64> {
    value.as_u64().or_else(|| {
        value
            .as_f64()
            .filter(|f| *f >= 0.0 && f.fract() == 0.0)
            .map(|f| f as u64)
    })
}

/// Follows one `$ref` hop chain to the object it names.
pub(crate) fn resolve<'a>(doc: &'a Document, value: &'a Value) -> Option<&'a Value> {
    let mut current = value;
    for _ in 0..64 {
        match current.get("$ref").and_then(Value::as_str) {
            Some(target) => current = locate(doc, target.strip_prefix('#')?)?.1,
            None => return Some(current),
        }
    }
    None
}

/// The value at the local JSON pointer `pointer`, and the pointer where it stands,
/// following the `$ref`s of the objects passed through: in
/// `/channels/orders/messages/placed`, `channels/orders` may be
/// `{$ref: '#/components/channels/orders'}`, and the message is found at
/// `/components/channels/orders/messages/placed`. A member the object has is taken
/// before its `$ref` (a property may be named `$ref`).
pub(crate) fn locate<'a>(doc: &'a Document, pointer: &str) -> Option<(String, &'a Value)> {
    locate_within(doc, pointer, 0)
}

fn locate_within<'a>(
    doc: &'a Document,
    pointer: &str,
    depth: usize,
) -> Option<(String, &'a Value)> {
    let mut at = String::new();
    let mut current = &doc.root;
    let Some(rest) = pointer.strip_prefix('/') else {
        return pointer.is_empty().then_some((at, current));
    };
    for token in rest.split('/') {
        let key = token.replace("~1", "/").replace("~0", "~");
        let mut hops = 0;
        loop {
            let found = match current {
                Value::Object(map) => map.get(&key),
                Value::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            };
            if let Some(found) = found {
                current = found;
                at = pointer::join(&at, &key);
                break;
            }
            // Through this object's `$ref` (a bounded number of times: refs may loop).
            let target = current.get("$ref")?.as_str()?.strip_prefix('#')?;
            hops += 1;
            if depth >= 32 || hops > 32 {
                return None;
            }
            (at, current) = locate_within(doc, target, depth + 1)?;
        }
    }
    Some((at, current))
}

/// The `{name}` parameters of an address template, in order.
pub fn address_parameters(address: &str) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    let mut rest = address;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err(format!("unbalanced '}}' in address {address:?}"));
        }
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("unclosed '{{' in address {address:?}"))?;
        let name = &after[..close];
        if name.is_empty() || name.contains('{') {
            return Err(format!("bad parameter {{{name}}} in address {address:?}"));
        }
        names.push(name.to_string());
        rest = &after[close + 1..];
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn problems(yaml: &str) -> Vec<String> {
        let doc = Document::parse(Path::new("d.yaml"), yaml).unwrap();
        match check(&doc) {
            Ok(()) => Vec::new(),
            Err(error) => error.flatten().iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn address_templates() {
        assert_eq!(address_parameters("a/{x}/{y}").unwrap(), ["x", "y"]);
        assert!(address_parameters("a/{x").is_err());
        assert!(address_parameters("a/}").is_err());
        assert!(address_parameters("a/{}").is_err());
    }

    #[test]
    fn version_must_be_3() {
        assert_eq!(
            problems("asyncapi: 2.6.0\n"),
            ["d.yaml: AsyncAPI version 2.6.0 is not supported: this generator reads AsyncAPI 3.x"]
        );
        assert_eq!(
            problems("info: {}\n"),
            ["d.yaml: not an AsyncAPI document: the top-level \"asyncapi\" field is missing"]
        );
    }

    #[test]
    fn finds_every_problem() {
        let found = problems(
            "asyncapi: 3.0.0\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        x: {$ref: '#/components/schemas/Nope'}\n        y: {type: string, pattern: '(?=a)'}\n        z: {type: strin}\n        w: {type: string, not: {}}\n        v: {type: string, minLength: -1}\n",
        );
        assert_eq!(
            found,
            [
                "d.yaml#/components/schemas/A/properties/x/$ref: $ref \"#/components/schemas/Nope\" points to nothing",
            ]
        );
        let found = problems(
            "asyncapi: 3.0.0\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        y: {type: string, pattern: '(?=a)'}\n        z: {type: strin}\n        w: {type: string, not: {}}\n        v: {type: string, minLength: -1}\n",
        );
        assert_eq!(found.len(), 4, "{found:#?}");
        assert!(found[0].starts_with(
            "d.yaml#/components/schemas/A/properties/y/pattern: pattern \"(?=a)\" cannot be used"
        ));
        assert_eq!(
            found[1],
            "d.yaml#/components/schemas/A/properties/z/type: unknown type \"strin\""
        );
        assert_eq!(found[2], "d.yaml#/components/schemas/A/properties/w/not: keyword \"not\" is not supported by the generator");
        assert_eq!(found[3], "d.yaml#/components/schemas/A/properties/v/minLength: \"minLength\" must be a non-negative integer");
    }

    #[test]
    fn ref_cycles_are_found() {
        let found = problems(
            "asyncapi: 3.0.0\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n",
        );
        assert!(found[0].contains("$ref cycle: #/components/schemas/B -> #/components/schemas/A -> #/components/schemas/B"), "{found:?}");
    }

    #[test]
    fn channel_parameters_match_addresses() {
        let found = problems(
            "asyncapi: 3.0.0\nchannels:\n  c:\n    address: 'a/{x}/{y}'\n    parameters:\n      x: {}\n      z: {}\n",
        );
        assert_eq!(
            found,
            [
                "d.yaml#/channels/c/address: address parameter {y} is not declared under parameters",
                "d.yaml#/channels/c/parameters/z: parameter \"z\" does not appear in the address",
            ]
        );
    }
}
