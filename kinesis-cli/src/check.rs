//! `kinesis check`: everything that can be said about an AsyncAPI 3.0 document before
//! code is generated from it.
//!
//! In order, each stage adding findings (severity, JSON pointer, message):
//!
//! 1. **version**: the document is AsyncAPI 3.x (else nothing else is checked).
//! 2. **schema**: its structure against the official AsyncAPI 3.0.0 JSON Schema
//!    (`data/asyncapi-3.0.0.json`, from `@asyncapi/specs`). Where the official schema
//!    says "none of the alternatives" (`oneOf`/`anyOf`), the errors of the alternative
//!    that got furthest are reported instead, as JSON Schema tools' "best match" does.
//! 3. **generator**: asyncapi-codegen's checks and model: every `$ref` resolves, every
//!    pattern translates from ECMA-262 and compiles, channel address parameters match the
//!    declared ones, operations name channels and messages that exist, every keyword is
//!    one the generator supports.
//! 4. **example**: every message example conforms to its message. For the bundled
//!    document, with the generated types (the validation this binary does); for any
//!    other, with the `jsonschema` crate against the payload (and headers) schema, its
//!    `$ref`s resolved in the document. There `format` is an annotation, as JSON Schema
//!    says (the generated types also enforce `format: byte`).
//! 5. **lint** (warnings): likely mistakes that are valid AsyncAPI:
//!    - a `pattern` that is unanchored (`ecma262_regex::is_unanchored`) and looks meant to
//!      match the whole value. JSON Schema patterns search: `[0-9]+` accepts `"x1y"`.
//!      The heuristic: the pattern repeats a character set, i.e. somewhere a character
//!      class (`[...]`, `\d`, `\w`, `\s`, their negations, `\p{..}`, `.`) is followed by
//!      a quantifier (`+`, `*`, `{`). Such a pattern describes the shape of a value
//!      (`[a-zA-Z0-9_.-]+`, `\d{12}`) rather than a word to look for (`error|warning`),
//!      which is the case where a search is usually not what was meant;
//!    - `maxLength` on a `format: byte` string: it counts base64 characters, not bytes;
//!    - a `required` property that the schema does not list in `properties` (nor in its
//!      `allOf` parts or an enclosing schema, nor matched by `patternProperties`).

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use asyncapi_codegen::{Document, Error as CodegenError};
use jsonschema::error::ValidationErrorKind;
use jsonschema::{ValidationError, Validator};
use kinesis_types::MessageName;
use serde_json::{Map, Value};

use crate::document;
use crate::error::{Fatal, Status};
use crate::output::{json_string, Stdout};

/// The official AsyncAPI 3.0.0 JSON Schema (see `data/README.md`).
const ASYNCAPI_3_0_0: &str = include_str!("../data/asyncapi-3.0.0.json");

/// Longest message of a finding, in characters (official schema errors quote values).
const MESSAGE_LIMIT: usize = 400;

/// Arguments of `kinesis check`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when the document has no errors (warnings are \
                        allowed), 1 when it has errors, 2 when it cannot be read."
)]
pub struct Args {
    /// The AsyncAPI 3.0 document (YAML or JSON); the bundled Kinesis document when none
    /// is given.
    #[arg(value_name = "SPEC")]
    pub spec: Option<PathBuf>,
    /// Print one JSON object:
    /// {"file","errors","warnings","findings":[{"severity","check","pointer","message"}]}.
    #[arg(long)]
    pub json: bool,
}

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The document is wrong: generation or validation would fail or mislead.
    Error,
    /// Probably a mistake, but valid.
    Warning,
}

impl Severity {
    fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing found in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How bad it is.
    pub severity: Severity,
    /// The stage that found it: `version`, `schema`, `generator`, `example`, `lint`.
    pub check: &'static str,
    /// RFC 6901 pointer into the document.
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

impl Finding {
    fn error(check: &'static str, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Error,
            check,
            pointer: pointer.into(),
            message: shorten(message.into()),
        }
    }

    fn warning(
        check: &'static str,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            severity: Severity::Warning,
            check,
            pointer: pointer.into(),
            message: shorten(message.into()),
        }
    }
}

fn shorten(message: String) -> String {
    if message.chars().count() <= MESSAGE_LIMIT {
        return message;
    }
    let mut short: String = message.chars().take(MESSAGE_LIMIT).collect();
    short.push('…');
    short
}

/// Runs `kinesis check`.
pub fn run(args: &Args) -> Result<Status, Fatal> {
    let (name, findings) = match &args.spec {
        Some(path) => {
            let text = document::read(path)?;
            (path.display().to_string(), check_text(path, &text, false)?)
        }
        None => (
            document::BUNDLED_PATH.to_string(),
            check_text(
                Path::new(document::BUNDLED_PATH),
                document::BUNDLED_TEXT,
                true,
            )?,
        ),
    };
    let text = if args.json {
        render_json(&name, &findings)
    } else {
        render_human(&name, &findings)
    };
    let mut stdout = Stdout::new();
    stdout.write(&text)?;
    stdout.flush()?;
    Ok(Status::failed_if(
        findings.iter().any(|f| f.severity == Severity::Error),
    ))
}

/// Checks the document `text` read from `file`. `bundled` says it is the document the
/// generated types come from, so that examples are checked with them.
pub fn check_text(file: &Path, text: &str, bundled: bool) -> Result<Vec<Finding>, Fatal> {
    let doc = match Document::parse(file, text) {
        Ok(doc) => doc,
        Err(error) => return Ok(vec![codegen_finding("version", &error)]),
    };
    let mut findings = Vec::new();
    match doc.root.get("asyncapi") {
        Some(Value::String(version)) if version.starts_with("3.") => {}
        Some(other) => {
            findings.push(Finding::error(
                "version",
                "/asyncapi",
                format!(
                    "not an AsyncAPI 3 document: \"asyncapi\" is {other}; this command checks \
                     AsyncAPI 3.x documents"
                ),
            ));
            return Ok(findings);
        }
        None => {
            findings.push(Finding::error(
                "version",
                "",
                "not an AsyncAPI document: the top-level \"asyncapi\" field is missing",
            ));
            return Ok(findings);
        }
    }
    structure(&doc.root, &mut findings)?;
    generator(&doc, &mut findings);
    examples(&doc.root, bundled, &mut findings);
    lint(&doc.root, &mut findings);
    Ok(findings)
}

// ---------------------------------------------------------------------------------------
// Stage 2: the official JSON Schema.

fn structure(root: &Value, findings: &mut Vec<Finding>) -> Result<(), Fatal> {
    let schema: Value = serde_json::from_str(ASYNCAPI_3_0_0).map_err(|error| {
        Fatal::new(format!("the AsyncAPI 3.0.0 schema does not parse: {error}"))
    })?;
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(false)
        .build(&schema)
        .map_err(|error| {
            Fatal::new(format!(
                "the AsyncAPI 3.0.0 schema does not compile: {error}"
            ))
        })?;
    let mut seen = BTreeSet::new();
    for error in validator.iter_errors(root) {
        for (pointer, message) in best_errors(&error) {
            if seen.insert((pointer.clone(), message.clone())) {
                findings.push(Finding::error("schema", pointer, message));
            }
        }
    }
    Ok(())
}

/// The errors to show for `error`: itself, or for a failed `oneOf`/`anyOf` the errors of
/// the alternative that fits best: the only one left once alternatives that merely want a
/// `$ref` are set aside (the value is not a reference), else the one that got furthest
/// into the value (deepest error, then fewest errors).
fn best_errors(error: &ValidationError<'_>) -> Vec<(String, String)> {
    let context = match error.kind() {
        ValidationErrorKind::OneOfNotValid { context } | ValidationErrorKind::AnyOf { context } => {
            context
        }
        _ => return vec![plain(error)],
    };
    let depth = |e: &ValidationError<'_>| e.instance_path().as_str().matches('/').count();
    let deepest = |branch: &[ValidationError<'_>]| branch.iter().map(depth).max().unwrap_or(0);
    let branches: Vec<&Vec<ValidationError<'static>>> = context
        .iter()
        .filter(|branch| !branch.is_empty() && !wants_only_a_ref(branch))
        .collect();
    if let [only] = branches.as_slice() {
        return only.iter().flat_map(best_errors).collect();
    }
    let best = branches.iter().max_by(|a, b| {
        deepest(a)
            .cmp(&deepest(b))
            .then_with(|| b.len().cmp(&a.len()))
    });
    if let Some(best) = best {
        if deepest(best) > depth(error) {
            return best.iter().flat_map(best_errors).collect();
        }
    }
    let at = error.instance_path().as_str().to_string();
    // Every alternative failed right here: name what each wanted, when that is short.
    if !branches.is_empty() && branches.iter().all(|branch| branch.len() == 1) {
        let wanted: Vec<String> = branches
            .iter()
            .flat_map(|branch| branch.iter().map(|e| plain(e).1))
            .collect();
        return vec![(
            at,
            format!(
                "matches none of the allowed forms: {}",
                wanted.join("; or ")
            ),
        )];
    }
    vec![(
        at,
        format!(
            "matches none of the {} forms the AsyncAPI 3.0.0 schema allows here",
            context.len()
        ),
    )]
}

/// Whether the only complaint of an alternative is a missing `$ref`: it is the
/// "Reference Object" alternative, and the value is not a reference.
fn wants_only_a_ref(branch: &[ValidationError<'_>]) -> bool {
    matches!(branch, [only] if matches!(
        only.kind(),
        ValidationErrorKind::Required { property } if property == "$ref"
    ))
}

fn plain(error: &ValidationError<'_>) -> (String, String) {
    let message = match error.kind() {
        ValidationErrorKind::Type { .. } => {
            // "VALUE is not of type T" quotes the value, which may be a whole object.
            let text = error.to_string();
            match text.rfind(" is not of type ") {
                Some(at) => format!(
                    "{} is not of type {}",
                    describe(error.instance()),
                    &text[at + " is not of type ".len()..]
                ),
                None => text,
            }
        }
        _ => error.to_string(),
    };
    (error.instance_path().as_str().to_string(), message)
}

fn describe(value: &Value) -> String {
    match value {
        Value::Object(_) => "an object".into(),
        Value::Array(_) => "an array".into(),
        other => shorten(other.to_string()),
    }
}

// ---------------------------------------------------------------------------------------
// Stage 3: the generator.

fn generator(doc: &Document, findings: &mut Vec<Finding>) {
    if let Err(error) = asyncapi_codegen::model_of(doc) {
        for problem in error.flatten() {
            findings.push(codegen_finding("generator", problem));
        }
    }
}

fn codegen_finding(check: &'static str, error: &CodegenError) -> Finding {
    match error {
        CodegenError::At {
            pointer, problem, ..
        } => Finding::error(check, pointer.clone(), problem.to_string()),
        CodegenError::Version { found, .. } => Finding::error(
            check,
            "/asyncapi",
            match found {
                Some(found) => format!("AsyncAPI version {found} is not supported"),
                None => "the top-level \"asyncapi\" field is missing".into(),
            },
        ),
        CodegenError::Parse { message, .. } => {
            Finding::error(check, "", format!("not a YAML or JSON document: {message}"))
        }
        other => Finding::error(check, "", other.to_string()),
    }
}

// ---------------------------------------------------------------------------------------
// Stage 4: examples.

/// Every message object written in the document (not `$ref`s): its pointer and value.
fn message_objects(root: &Value) -> Vec<(String, &Map<String, Value>)> {
    let mut messages = Vec::new();
    if let Some(Value::Object(map)) = root.pointer("/components/messages") {
        for (key, value) in map {
            if let Value::Object(message) = value {
                if !message.contains_key("$ref") {
                    messages.push((join("/components/messages", key), message));
                }
            }
        }
    }
    if let Some(Value::Object(channels)) = root.get("channels") {
        for (channel, value) in channels {
            let Some(Value::Object(map)) = value.get("messages") else {
                continue;
            };
            for (key, value) in map {
                if let Value::Object(message) = value {
                    if !message.contains_key("$ref") {
                        let at = join(&join(&join("/channels", channel), "messages"), key);
                        messages.push((at, message));
                    }
                }
            }
        }
    }
    messages
}

fn examples(root: &Value, bundled: bool, findings: &mut Vec<Finding>) {
    let mut compiled: HashMap<String, Option<Validator>> = HashMap::new();
    for (at, message) in message_objects(root) {
        let Some(Value::Array(examples)) = message.get("examples") else {
            continue;
        };
        let key = at.rsplit('/').next().unwrap_or_default().to_string();
        let generated = bundled
            .then(|| {
                let name = message.get("name").and_then(Value::as_str).unwrap_or(&key);
                MessageName::from_name(name)
            })
            .flatten();
        for (index, example) in examples.iter().enumerate() {
            let example_at = format!("{at}/examples/{index}");
            let label = example
                .get("name")
                .and_then(Value::as_str)
                .map_or_else(|| format!("#{index}"), |name| format!("{name:?}"));
            for part in ["payload", "headers"] {
                let Some(value) = example.get(part) else {
                    continue;
                };
                let value_at = format!("{example_at}/{part}");
                let violations = match (part, generated) {
                    ("payload", Some(name)) => match name.validate_json(value) {
                        Ok(()) => Vec::new(),
                        Err(violations) => violations
                            .iter()
                            .map(|v| (v.pointer.clone(), v.message.clone()))
                            .collect(),
                    },
                    _ => {
                        let Some(schema_at) = schema_pointer(root, &format!("{at}/{part}")) else {
                            continue;
                        };
                        let validator = compiled
                            .entry(schema_at.clone())
                            .or_insert_with(|| compile_in_document(root, &schema_at, findings));
                        match validator {
                            Some(validator) => validator
                                .iter_errors(value)
                                .flat_map(|error| best_errors(&error))
                                .collect(),
                            None => continue,
                        }
                    }
                };
                for (pointer, problem) in violations {
                    findings.push(Finding::error(
                        "example",
                        format!("{value_at}{pointer}"),
                        format!(
                            "example {label} does not conform to the message {part}: {problem}"
                        ),
                    ));
                }
            }
        }
    }
}

/// Where the JSON Schema of a message's `payload`/`headers` at `at` is: the value itself,
/// or the `schema` of a multi-format schema object whose format is JSON Schema. `None`
/// when there is none, or it is in another schema language (Avro, RAML, ...).
fn schema_pointer(root: &Value, at: &str) -> Option<String> {
    let value = root.pointer(at)?;
    let Some(format) = value.get("schemaFormat") else {
        return Some(at.to_string());
    };
    let format = format.as_str()?;
    let json_schema = format.starts_with("application/vnd.aai.asyncapi")
        || format.starts_with("application/schema+json")
        || format.starts_with("application/schema+yaml");
    (json_schema && value.get("schema").is_some()).then(|| format!("{at}/schema"))
}

/// A validator for the schema at `at`, its `$ref`s resolved in the document: the
/// document itself is the root schema, with a `$ref` to `at` (draft 7 ignores the other
/// keys of a schema with `$ref`, and `#/components/...` resolves in the document).
fn compile_in_document(root: &Value, at: &str, findings: &mut Vec<Finding>) -> Option<Validator> {
    let mut wrapper = match root {
        Value::Object(map) => map.clone(),
        _ => Map::new(),
    };
    for identifier in ["$id", "id", "$schema"] {
        wrapper.remove(identifier);
    }
    wrapper.insert("$ref".into(), Value::String(format!("#{}", fragment(at))));
    let built = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(false)
        .build(&Value::Object(wrapper));
    match built {
        Ok(validator) => Some(validator),
        Err(error) => {
            findings.push(Finding::warning(
                "example",
                at,
                format!("examples not checked: the schema cannot be compiled: {error}"),
            ));
            None
        }
    }
}

/// A JSON pointer as a URI fragment: bytes outside the unreserved and sub-delimiter
/// characters percent-encoded.
fn fragment(pointer: &str) -> String {
    let mut out = String::new();
    for byte in pointer.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => out.push(byte as char),
            b'-' | b'.' | b'_' | b'~' | b'/' | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*'
            | b'+' | b',' | b';' | b'=' | b':' | b'@' => out.push(byte as char),
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

fn join(pointer: &str, key: &str) -> String {
    format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"))
}

// ---------------------------------------------------------------------------------------
// Stage 5: likely mistakes.

fn lint(root: &Value, findings: &mut Vec<Finding>) {
    let mut walker = Lint {
        root,
        findings,
        visited: BTreeSet::new(),
    };
    if let Some(Value::Object(schemas)) = root.pointer("/components/schemas") {
        for (key, schema) in schemas {
            walker.schema(schema, &join("/components/schemas", key), &[]);
        }
    }
    for (at, message) in message_objects(root) {
        for part in ["payload", "headers"] {
            if message.contains_key(part) {
                if let Some(schema_at) = schema_pointer(root, &format!("{at}/{part}")) {
                    if let Some(schema) = root.pointer(&schema_at) {
                        walker.schema(schema, &schema_at, &[]);
                    }
                }
            }
        }
    }
    if let Some(Value::Object(traits)) = root.pointer("/components/messageTraits") {
        for key in traits.keys() {
            let at = join(&join("/components/messageTraits", key), "headers");
            if let Some(schema_at) = schema_pointer(root, &at) {
                if let Some(schema) = root.pointer(&schema_at) {
                    walker.schema(schema, &schema_at, &[]);
                }
            }
        }
    }
}

struct Lint<'a> {
    root: &'a Value,
    findings: &'a mut Vec<Finding>,
    visited: BTreeSet<String>,
}

impl Lint<'_> {
    /// Looks at the schema at `at`; `outer` are the property names of the schemas it is a
    /// part of (through `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`).
    fn schema(&mut self, schema: &Value, at: &str, outer: &[String]) {
        let Value::Object(map) = schema else { return };
        if map.contains_key("$ref") || !self.visited.insert(at.to_string()) {
            return;
        }
        if let Some(Value::String(pattern)) = map.get("pattern") {
            if ecma262_regex::is_unanchored(pattern) && repeats_a_class(pattern) {
                self.findings.push(Finding::warning(
                    "lint",
                    format!("{at}/pattern"),
                    format!(
                        "pattern \"{pattern}\" is not anchored: JSON Schema patterns search the \
                         string, so values with other characters around a match are accepted \
                         too; to match the whole value, write \"^(?:{pattern})$\""
                    ),
                ));
            }
        }
        if map.get("format").and_then(Value::as_str) == Some("byte") {
            if let Some(max) = map.get("maxLength").and_then(Value::as_u64) {
                self.findings.push(Finding::warning(
                    "lint",
                    format!("{at}/maxLength"),
                    format!(
                        "maxLength {max} on a format: byte string counts base64 characters, \
                         not bytes: it allows at most {} bytes of data; if {max} bytes are \
                         meant, write maxLength {}",
                        max / 4 * 3,
                        max.div_ceil(3) * 4
                    ),
                ));
            }
        }
        let mut known: Vec<String> = outer.to_vec();
        known.extend(self.property_names(schema, 0));
        if let Some(Value::Array(required)) = map.get("required") {
            let patterns: Vec<_> = match map.get("patternProperties") {
                Some(Value::Object(patterns)) => patterns
                    .keys()
                    .filter_map(|p| ecma262_regex::compile(p).ok())
                    .collect(),
                _ => Vec::new(),
            };
            for (index, name) in required.iter().enumerate() {
                let Some(name) = name.as_str() else { continue };
                if known.iter().any(|k| k == name) || patterns.iter().any(|p| p.is_match(name)) {
                    continue;
                }
                self.findings.push(Finding::warning(
                    "lint",
                    format!("{at}/required/{index}"),
                    format!(
                        "required property {name:?} is not listed in properties, so nothing \
                         constrains its value (a misspelt name?)"
                    ),
                ));
            }
        }
        // Sub-schemas: applicators see this schema's property names; the others start
        // afresh.
        for keyword in ["allOf", "anyOf", "oneOf"] {
            if let Some(Value::Array(parts)) = map.get(keyword) {
                for (index, part) in parts.iter().enumerate() {
                    self.schema(part, &format!("{at}/{keyword}/{index}"), &known);
                }
            }
        }
        for keyword in ["not", "if", "then", "else"] {
            if let Some(part) = map.get(keyword) {
                self.schema(part, &format!("{at}/{keyword}"), &known);
            }
        }
        for keyword in [
            "properties",
            "patternProperties",
            "definitions",
            "$defs",
            "dependencies",
        ] {
            if let Some(Value::Object(parts)) = map.get(keyword) {
                for (key, part) in parts {
                    self.schema(part, &join(&format!("{at}/{keyword}"), key), &[]);
                }
            }
        }
        for keyword in [
            "additionalProperties",
            "additionalItems",
            "contains",
            "propertyNames",
        ] {
            if let Some(part) = map.get(keyword) {
                self.schema(part, &format!("{at}/{keyword}"), &[]);
            }
        }
        match map.get("items") {
            Some(Value::Array(items)) => {
                for (index, item) in items.iter().enumerate() {
                    self.schema(item, &format!("{at}/items/{index}"), &[]);
                }
            }
            Some(items) => self.schema(items, &format!("{at}/items"), &[]),
            None => {}
        }
    }

    /// The names in `properties` of `schema` and of its `allOf` parts, following local
    /// `$ref`s (to a small depth, against cycles).
    fn property_names(&self, schema: &Value, depth: usize) -> Vec<String> {
        if depth > 16 {
            return Vec::new();
        }
        let Value::Object(map) = schema else {
            return Vec::new();
        };
        if let Some(Value::String(reference)) = map.get("$ref") {
            return match self.resolve(reference) {
                Some(target) => self.property_names(target, depth + 1),
                None => Vec::new(),
            };
        }
        let mut names: Vec<String> = match map.get("properties") {
            Some(Value::Object(properties)) => properties.keys().cloned().collect(),
            _ => Vec::new(),
        };
        if let Some(Value::Array(parts)) = map.get("allOf") {
            for part in parts {
                names.extend(self.property_names(part, depth + 1));
            }
        }
        names
    }

    /// The target of a local `$ref` (`#/...`).
    fn resolve(&self, reference: &str) -> Option<&Value> {
        let pointer = reference.strip_prefix('#')?;
        self.root.pointer(&percent_decode(pointer))
    }
}

fn percent_decode(text: &str) -> String {
    let hex = |byte: u8| (byte as char).to_digit(16);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether `pattern` repeats a character set: a class (`[...]`, `\d`, `\D`, `\w`, `\W`,
/// `\s`, `\S`, `\p{..}`, `\P{..}`, `.`) directly followed by `+`, `*` or `{`.
pub fn repeats_a_class(pattern: &str) -> bool {
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let class_end = match chars[i] {
            '\\' => match chars.get(i + 1) {
                Some('d' | 'D' | 'w' | 'W' | 's' | 'S') => Some(i + 2),
                Some('p' | 'P') if chars.get(i + 2) == Some(&'{') => chars[i + 2..]
                    .iter()
                    .position(|&c| c == '}')
                    .map(|end| i + 2 + end + 1),
                _ => {
                    i += 2;
                    continue;
                }
            },
            '[' => {
                // The class ends at the first unescaped `]` (a `]` right after `[` or
                // `[^` closes an empty class in ECMA-262).
                let mut j = i + 1;
                let mut end = None;
                while j < chars.len() {
                    match chars[j] {
                        '\\' => j += 2,
                        ']' => {
                            end = Some(j + 1);
                            break;
                        }
                        _ => j += 1,
                    }
                }
                end
            }
            '.' => Some(i + 1),
            _ => None,
        };
        match class_end {
            Some(end) => {
                if matches!(chars.get(end), Some('+' | '*' | '{')) {
                    return true;
                }
                i = end;
            }
            None => i += 1,
        }
    }
    false
}

// ---------------------------------------------------------------------------------------
// Output.

fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

fn render_human(name: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let _ = writeln!(
            out,
            "{name}#{}: {}: {}",
            finding.pointer,
            finding.severity.as_str(),
            finding.message
        );
    }
    let (errors, warnings) = counts(findings);
    let _ = writeln!(
        out,
        "{name}: {errors} error{}, {warnings} warning{}",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    );
    out
}

fn render_json(name: &str, findings: &[Finding]) -> String {
    let (errors, warnings) = counts(findings);
    let mut out = String::from("{\"file\":");
    json_string(&mut out, name);
    let _ = write!(
        out,
        ",\"errors\":{errors},\"warnings\":{warnings},\"findings\":["
    );
    for (i, finding) in findings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"severity\":");
        json_string(&mut out, finding.severity.as_str());
        out.push_str(",\"check\":");
        json_string(&mut out, finding.check);
        out.push_str(",\"pointer\":");
        json_string(&mut out, &finding.pointer);
        out.push_str(",\"message\":");
        json_string(&mut out, &finding.message);
        out.push('}');
    }
    out.push_str("]}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heuristic_looks_for_repeated_classes() {
        for pattern in [
            r"0|([1-9]\d{0,128})",
            "[a-zA-Z0-9_.-]+",
            r"arn:aws.*:kinesis",
            r"\p{L}+",
            r"[\]x]*",
        ] {
            assert!(repeats_a_class(pattern), "{pattern}");
        }
        for pattern in ["error|warning", r"\d", "[abc]", r"a\.+", r"\\d+x", "a+"] {
            assert!(!repeats_a_class(pattern), "{pattern}");
        }
    }

    #[test]
    fn fragments_are_percent_encoded() {
        assert_eq!(
            fragment("/channels/a{b} c/messages"),
            "/channels/a%7Bb%7D%20c/messages"
        );
        assert_eq!(percent_decode("/a%7Bb%7D%20c"), "/a{b} c");
        assert_eq!(percent_decode("/a%7"), "/a%7");
    }
}
