//! [`Schema`]: JSON Schema draft 07, compiled and run over [`Value`]s.
//!
//! This is how generated code checks what no Rust type can say (`not`, `if`/`then`/
//! `else`, `patternProperties`, a value that may be of several types, ...) and how it
//! locates every problem in a payload that did not even parse into its type. It is
//! also what validates payloads against a document at run time, without generating
//! code. Every keyword follows the standard, applying only to its own instance types;
//! `format` is an annotation except `byte` (base64), enforced as the generated types
//! enforce it.
//!
//! ```
//! use asyncapi_runtime::{parse_json, Schema};
//!
//! let document = parse_json(br##"{
//!     "definitions": {"positive": {"type": "integer", "exclusiveMinimum": 0}},
//!     "type": "object",
//!     "properties": {"count": {"$ref": "#/definitions/positive"}},
//!     "not": {"required": ["legacy"]}
//! }"##)?;
//! let schema = Schema::compile(&document, &[""])?;
//! let payload = parse_json(br#"{"count": 0, "legacy": true}"#)?;
//! let violations = schema.validate(0, &payload).unwrap_err();
//! let found: Vec<_> = violations.iter().map(|v| (v.pointer.as_str(), v.keyword.as_str())).collect();
//! assert_eq!(found, [("/count", "exclusiveMinimum"), ("", "not")]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod compile;
mod interpret;
mod node;
mod standalone;

use std::fmt;
use std::sync::OnceLock;

use crate::json::{Map, Value};
use crate::validate::{Keyword, Path, Report, Violations};
use interpret::Instance;

pub(crate) use interpret::describe as describe_value;

/// Schemas compiled from one JSON document, each reached by its entry index.
pub struct Schema {
    nodes: Vec<node::Node>,
    entries: Vec<node::NodeId>,
}

/// Why a document cannot be compiled: where, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    /// RFC 6901 pointer into the document.
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}: {}", self.pointer, self.message)
    }
}

impl std::error::Error for SchemaError {}

impl Schema {
    /// Compiles the schemas at `entries` (JSON pointers into `document`) and every
    /// schema they reach. `$ref`s must be JSON pointers into `document` (`#/a/b`).
    pub fn compile(document: &Value, entries: &[&str]) -> Result<Schema, SchemaError> {
        let mut compiler = compile::Compiler::new(document);
        let entries = entries
            .iter()
            .map(|entry| compiler.node(entry))
            .collect::<Result<Vec<_>, _>>()?;
        compiler.finish()?;
        compiler.refuse_cycles()?;
        Ok(Schema {
            nodes: compiler.nodes,
            entries,
        })
    }

    /// The schema at `pointer` in `document` as one self-contained JSON Schema (draft
    /// 07) that any validator reads: that schema at the top (the target of a `$ref`
    /// that is all it says), `$schema` first, and every schema its `$ref`s reach under
    /// `definitions`. `None` when nothing is at `pointer`.
    pub fn standalone(document: &Value, pointer: &str) -> Option<Value> {
        let mut schema = standalone::standalone(document, pointer)?;
        if let Value::Object(map) = &mut schema {
            let mut with_version = Map::new();
            with_version.insert(
                "$schema",
                Value::from("http://json-schema.org/draft-07/schema#"),
            );
            with_version.extend(std::mem::take(map));
            *map = with_version;
        }
        Some(schema)
    }

    /// How many entries there are.
    pub fn entries(&self) -> usize {
        self.entries.len()
    }

    /// Every violation of `value` against entry `entry` (an index into the entries
    /// given to [`Schema::compile`]).
    pub fn validate(&self, entry: usize, value: &Value) -> Result<(), Violations> {
        let mut report = Report::new();
        self.validate_at(entry, value, &Path::ROOT, &mut report);
        report.into_result()
    }

    /// Reports every violation of `value` (found at `path`) against entry `entry`;
    /// returns whether it is valid. An entry that does not exist is a violation.
    pub fn validate_at(
        &self,
        entry: usize,
        value: &Value,
        path: &Path<'_>,
        report: &mut Report,
    ) -> bool {
        self.validate_instance(entry, Instance::Value(value), path, report)
    }

    /// As [`Schema::validate_at`], for the JSON string `text`, without making a
    /// [`Value`] of it (the check generated code runs on text fields).
    pub fn validate_str_at(
        &self,
        entry: usize,
        text: &str,
        path: &Path<'_>,
        report: &mut Report,
    ) -> bool {
        self.validate_instance(entry, Instance::Str(text), path, report)
    }

    fn validate_instance(
        &self,
        entry: usize,
        value: Instance<'_>,
        path: &Path<'_>,
        report: &mut Report,
    ) -> bool {
        let interpreter = interpret::Interpreter { nodes: &self.nodes };
        let Some(&id) = self.entries.get(entry) else {
            report.push(path, Keyword::False, format!("no schema number {entry}"));
            return false;
        };
        // Valid values, the common case, are told apart without collecting anything;
        // an invalid one is walked again for every violation.
        interpreter.is_valid(id, value) || interpreter.validate(id, value, path, report)
    }

    /// Whether `value` is valid against entry `entry`.
    pub fn is_valid(&self, entry: usize, value: &Value) -> bool {
        self.entries.get(entry).is_some_and(|&id| {
            interpret::Interpreter { nodes: &self.nodes }.is_valid(id, Instance::Value(value))
        })
    }
}

impl fmt::Debug for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Schema({} entries, {} nodes)",
            self.entries.len(),
            self.nodes.len()
        )
    }
}

/// A [`Schema`] written into generated code as JSON text, compiled on first use.
///
/// The generator checks the document before writing it, so compiling cannot fail for
/// generated code; if it ever did, every validation reports it as a violation rather
/// than panicking.
pub struct LazySchema {
    json: &'static str,
    entries: &'static [&'static str],
    compiled: OnceLock<Result<Schema, SchemaError>>,
}

impl LazySchema {
    /// The schemas at `entries` of the JSON document `json`.
    pub const fn new(json: &'static str, entries: &'static [&'static str]) -> LazySchema {
        LazySchema {
            json,
            entries,
            compiled: OnceLock::new(),
        }
    }

    /// The compiled schemas (compiled once).
    pub fn get(&self) -> Result<&Schema, &SchemaError> {
        self.compiled
            .get_or_init(|| {
                let document = crate::json::parse_str(self.json).map_err(|error| SchemaError {
                    pointer: error.pointer.clone(),
                    message: error.to_string(),
                })?;
                Schema::compile(&document, self.entries)
            })
            .as_ref()
    }

    /// Reports every violation of `value` against entry `entry`; whether it is valid.
    pub fn validate_at(
        &self,
        entry: usize,
        value: &Value,
        path: &Path<'_>,
        report: &mut Report,
    ) -> bool {
        match self.get() {
            Ok(schema) => schema.validate_at(entry, value, path, report),
            Err(error) => {
                report.push(
                    path,
                    Keyword::False,
                    format!("the generated schema does not compile: {error}"),
                );
                false
            }
        }
    }

    /// As [`LazySchema::validate_at`], for the JSON string `text`, without making a
    /// [`Value`] of it.
    pub fn validate_str_at(
        &self,
        entry: usize,
        text: &str,
        path: &Path<'_>,
        report: &mut Report,
    ) -> bool {
        match self.get() {
            Ok(schema) => schema.validate_str_at(entry, text, path, report),
            Err(error) => {
                report.push(
                    path,
                    Keyword::False,
                    format!("the generated schema does not compile: {error}"),
                );
                false
            }
        }
    }

    /// Whether `value` is valid against entry `entry`.
    pub fn is_valid(&self, entry: usize, value: &Value) -> bool {
        self.get().is_ok_and(|schema| schema.is_valid(entry, value))
    }

    /// Entry `entry` as one self-contained JSON Schema (draft 07) that any validator
    /// reads: the entry's schema at the top, with `$schema`, and every schema its
    /// `$ref`s reach under `definitions`.
    pub fn standalone(&self, entry: usize) -> Option<Value> {
        let pointer = self.entries.get(entry)?;
        let document = crate::json::parse_str(self.json).ok()?;
        Schema::standalone(&document, pointer)
    }
}

impl fmt::Debug for LazySchema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LazySchema({} entries)", self.entries.len())
    }
}
