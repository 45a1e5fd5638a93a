//! A deterministic corpus of payloads for one message, derived from the document.
//!
//! Every example of the message is walked together with its payload schema; every
//! location the schema describes (a *site*) gets the mutations its keywords call for,
//! and the locations the example leaves out get values inserted. Nothing here names a
//! Kinesis field: the schema decides what is mutated and how.
//!
//! Families (each case records its family, so a disagreement says where it came from):
//! - `wrong-type`: the value replaced by each JSON type (null, bool, number, string,
//!   array, object);
//! - `remove-required`, `remove-optional`, `remove-all-required`, `empty-object`;
//! - `extra-property`: unknown properties at every object, including names that differ
//!   from a listed one by case or whitespace;
//! - `insert-absent`: a property the example leaves out, with every candidate value;
//! - `length`: strings at and around each `minLength`/`maxLength` bound, in 1-, 2-, 3-
//!   and 4-byte UTF-8 characters and mixed;
//! - `pattern`: strings probing each `pattern` (digits anywhere, Unicode digits,
//!   line terminators, white space, the empty string), and the example's own value with
//!   characters inserted, replaced, deleted and truncated;
//! - `string`: generic strings for strings without a pattern;
//! - `enum`: `const` and `enum` near misses (case, white space, prefix, suffix);
//! - `number`: 0, -1, -0.0, 5.0, 1e3, 1.5, 2^53+1, 2^63, 2^64, 1e308, ...;
//! - `base64`: edge cases for `format: byte`;
//! - `array`: empty, long, and arrays with wrong items;
//! - `combined`: two or three of the above at once, at unrelated locations.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use serde_json::{json, Map, Value};

pub const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/spec/kinesis-data-streams.asyncapi.yaml"
);

/// The bundled document as JSON.
pub fn document() -> Value {
    let text = std::fs::read_to_string(SPEC).expect("the bundled document is readable");
    serde_yaml::from_str(&text).expect("the bundled document is YAML")
}

/// Escapes a key for a JSON pointer (RFC 6901).
pub fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The payload schema of message `key` as a standalone draft-07 schema: the payload's
/// own schema at the root, the document's `components/schemas` under `definitions`,
/// and every `#/components/schemas/X` reference rewritten to `#/definitions/X`.
pub fn oracle_schema(doc: &Value, key: &str) -> Value {
    let mut schema = doc
        .pointer(&format!("/components/messages/{}/payload", escape(key)))
        .unwrap_or_else(|| panic!("message {key} has a payload"));
    while let Some(target) = schema.get("$ref").and_then(Value::as_str) {
        schema = doc
            .pointer(target.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("{target} resolves"));
    }
    let mut root = schema.clone();
    let mut definitions = doc
        .pointer("/components/schemas")
        .cloned()
        .unwrap_or_else(|| json!({}));
    rewrite_refs(&mut root);
    rewrite_refs(&mut definitions);
    let map = root
        .as_object_mut()
        .expect("the payload schema is an object");
    map.insert("definitions".into(), definitions);
    map.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    root
}

fn rewrite_refs(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match (key.as_str(), child) {
                    ("$ref", Value::String(target)) => {
                        if let Some(name) = target.strip_prefix("#/components/schemas/") {
                            *target = format!("#/definitions/{name}");
                        }
                    }
                    (_, child) => rewrite_refs(child),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}

/// (example name, payload) of every example of message `key`.
pub fn examples(doc: &Value, key: &str) -> Vec<(String, Value)> {
    doc.pointer(&format!("/components/messages/{}/examples", escape(key)))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(i, example)| {
            let name = example["name"]
                .as_str()
                .map_or_else(|| format!("example{i}"), str::to_string);
            (name, example["payload"].clone())
        })
        .collect()
}

/// Follows `$ref`s (local to `root`) to the schema they name; also returns its location.
pub fn resolve<'a>(root: &'a Value, schema: &'a Value, location: &str) -> (&'a Value, String) {
    let mut schema = schema;
    let mut location = location.to_string();
    for _ in 0..32 {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(target) => {
                location = target.to_string();
                schema = root
                    .pointer(target.trim_start_matches('#'))
                    .unwrap_or_else(|| panic!("{target} resolves"));
            }
            None => break,
        }
    }
    (schema, location)
}

/// A location in an instance and the schema that describes it.
struct Site<'a> {
    pointer: String,
    schema: &'a Value,
    /// Where the schema is (`#/definitions/KinesisRecord/properties/Data`): the same for
    /// every instance location the same schema describes.
    location: String,
}

/// A property that the schema lists and the instance leaves out.
struct Absent<'a> {
    parent: String,
    name: String,
    schema: &'a Value,
    location: String,
}

fn walk<'a>(
    root: &'a Value,
    instance: &Value,
    schema: &'a Value,
    pointer: &str,
    location: &str,
    sites: &mut Vec<Site<'a>>,
    absent: &mut Vec<Absent<'a>>,
) {
    let (schema, location) = resolve(root, schema, location);
    sites.push(Site {
        pointer: pointer.to_string(),
        schema,
        location: location.clone(),
    });
    match instance {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = schema.get("properties") {
                for (name, sub) in properties {
                    let sub_location = format!("{location}/properties/{}", escape(name));
                    match map.get(name) {
                        Some(child) => walk(
                            root,
                            child,
                            sub,
                            &format!("{pointer}/{}", escape(name)),
                            &sub_location,
                            sites,
                            absent,
                        ),
                        None => absent.push(Absent {
                            parent: pointer.to_string(),
                            name: name.clone(),
                            schema: resolve(root, sub, &sub_location).0,
                            location: resolve(root, sub, &sub_location).1,
                        }),
                    }
                }
            }
        }
        Value::Array(items) => {
            if let Some(sub) = schema.get("items").filter(|s| s.is_object()) {
                for (i, item) in items.iter().enumerate() {
                    walk(
                        root,
                        item,
                        sub,
                        &format!("{pointer}/{i}"),
                        &format!("{location}/items"),
                        sites,
                        absent,
                    );
                }
            }
        }
        _ => {}
    }
}

/// Every `format: byte` string of `instance` (by the schema), with its pointer.
pub fn byte_strings<'v>(
    root: &Value,
    instance: &'v Value,
    schema: &Value,
    pointer: &str,
    out: &mut Vec<(String, &'v str)>,
) {
    let (schema, _) = resolve(root, schema, "");
    match instance {
        Value::String(text) if schema.get("format") == Some(&json!("byte")) => {
            out.push((pointer.to_string(), text));
        }
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = schema.get("properties") {
                for (name, child) in map {
                    if let Some(sub) = properties.get(name) {
                        byte_strings(
                            root,
                            child,
                            sub,
                            &format!("{pointer}/{}", escape(name)),
                            out,
                        );
                    }
                }
            }
        }
        Value::Array(items) => {
            if let Some(sub) = schema.get("items").filter(|s| s.is_object()) {
                for (i, item) in items.iter().enumerate() {
                    byte_strings(root, item, sub, &format!("{pointer}/{i}"), out);
                }
            }
        }
        _ => {}
    }
}

/// Whether `text` is canonical, padded, standard-alphabet base64 (RFC 4648 section 4,
/// with the section 3.5 requirement that unused bits are zero). Written here
/// independently of the library's own check.
pub fn is_canonical_base64(text: &str) -> bool {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = text.as_bytes();
    if bytes.len() % 4 != 0 {
        return false;
    }
    let padding = bytes.iter().rev().take_while(|&&b| b == b'=').count();
    if padding > 2 {
        return false;
    }
    let data = &bytes[..bytes.len() - padding];
    let mut last = 0;
    for &b in data {
        match ALPHABET.iter().position(|&a| a == b) {
            Some(value) => last = value,
            None => return false,
        }
    }
    match padding {
        1 => last & 0b11 == 0,
        2 => last & 0b1111 == 0,
        _ => true,
    }
}

#[derive(Clone, Debug)]
pub enum Op {
    Replace(Value),
    Remove,
    Insert(String, Value),
}

/// One change to an example.
#[derive(Clone, Debug)]
pub struct Mutation {
    pub family: &'static str,
    /// The location changed (for `Insert`, the object that receives the property).
    pub pointer: String,
    pub op: Op,
}

impl Mutation {
    fn replace(family: &'static str, pointer: &str, value: Value) -> Self {
        Mutation {
            family,
            pointer: pointer.to_string(),
            op: Op::Replace(value),
        }
    }

    /// The pointer of the value this mutation puts, removes or replaces.
    pub fn target(&self) -> String {
        match &self.op {
            Op::Insert(name, _) => format!("{}/{}", self.pointer, escape(name)),
            _ => self.pointer.clone(),
        }
    }

    fn apply(&self, value: &mut Value) -> bool {
        match &self.op {
            Op::Replace(new) => match value.pointer_mut(&self.pointer) {
                Some(slot) => {
                    *slot = new.clone();
                    true
                }
                None => false,
            },
            Op::Remove => {
                let Some((parent, key)) = self.pointer.rsplit_once('/') else {
                    return false;
                };
                let key = key.replace("~1", "/").replace("~0", "~");
                match value.pointer_mut(parent) {
                    Some(Value::Object(map)) => map.remove(&key).is_some(),
                    _ => false,
                }
            }
            Op::Insert(name, new) => match value.pointer_mut(&self.pointer) {
                Some(Value::Object(map)) => {
                    map.insert(name.clone(), new.clone());
                    true
                }
                _ => false,
            },
        }
    }

    fn describe(&self) -> String {
        let shown = |v: &Value| match v {
            // Not serialised whole: some are megabytes long.
            Value::String(text) if text.len() > 240 => format!("{:?}", short(text)),
            other => short(&other.to_string()),
        };
        match &self.op {
            Op::Replace(v) => format!("{} {:?} = {}", self.family, self.pointer, shown(v)),
            Op::Remove => format!("{} remove {:?}", self.family, self.pointer),
            Op::Insert(name, v) => format!(
                "{} insert {:?} into {:?} = {}",
                self.family,
                name,
                self.pointer,
                shown(v)
            ),
        }
    }
}

/// Long values shortened for messages: the head, the length, the tail.
pub fn short(text: &str) -> String {
    if text.len() <= 240 {
        return text.to_string();
    }
    let chars = text.chars().count();
    if chars <= 240 {
        return text.to_string();
    }
    let head: String = text.chars().take(100).collect();
    let tail: String = text.chars().skip(chars - 60).collect();
    format!("{head}...<{chars} characters>...{tail}")
}

/// One payload of the corpus.
pub struct Case {
    /// The family of its (first) mutation, or `example`.
    pub family: &'static str,
    /// Which example, and what was changed.
    pub description: String,
    pub value: Value,
    pub bytes: Vec<u8>,
}

const WRONG_TYPES: fn() -> Vec<Value> = || {
    vec![
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(""),
        json!("s"),
        json!([]),
        json!([null]),
        json!({}),
        json!({"a": 1}),
    ]
};

fn numbers() -> Vec<Value> {
    vec![
        json!(0),
        json!(1),
        json!(-1),
        json!(-0.0),
        json!(0.0),
        json!(5.0),
        json!(1e3),
        json!(1.5),
        json!(-0.5),
        json!(0.1),
        json!(1e-300),
        json!(5e-324),
        json!(1.0000000000000002),
        json!(4294967296u64),
        json!(9007199254740992.0),
        json!(9007199254740993u64),     // 2^53 + 1, exact as an integer
        json!(9223372036854775807i64),  // 2^63 - 1
        json!(9223372036854775808u64),  // 2^63
        json!(18446744073709551615u64), // 2^64 - 1
        json!(18446744073709551616.0),  // 2^64, only as a float
        json!(-9223372036854775808i64), // -2^63
        json!(-9223372036854775809.0),  // below i64, only as a float
        json!(1e308),
        json!(-1e308),
        json!(1.7976931348623157e308),
        json!(-1.5),
    ]
}

/// Characters inserted into and substituted in pattern-checked strings: line
/// terminators and white space as ECMA-262 and Unicode define them differently,
/// non-ASCII digits, case-folding look-alikes, structure characters.
const PROBES: &[char] = &[
    '\n',
    '\r',
    '\u{2028}',
    '\u{2029}',
    '\u{85}',
    '\u{a0}',
    '\u{feff}',
    '\u{3000}',
    '\u{180e}',
    ' ',
    '\t',
    '\u{b}',
    '\u{c}',
    '\u{0}',
    '\u{1}',
    '\u{200b}',
    '\u{663}',
    '\u{ff13}',
    '\u{1d7d1}',
    '\u{e9}',
    '\u{1f680}',
    '\u{212a}',
    '\u{17f}',
    ':',
    '/',
    '0',
    '1',
    'a',
    'A',
];

fn generic_strings() -> Vec<String> {
    [
        "",
        " ",
        "0",
        "1",
        "9",
        "00",
        "x1y",
        "abc",
        "abc7def",
        "\u{663}",
        "\u{ff13}",
        "\u{1d7d1}",
        "\u{663}\u{663}\u{663}",
        "\n",
        "1\n",
        "\n1",
        "\r",
        "\t",
        "\u{0}",
        "-",
        "_",
        ".",
        "!",
        "\u{e9}",
        "\u{1f680}",
        "\u{feff}",
        "\u{85}",
        "\u{2028}",
        "a\u{e9}\u{6771}\u{1f680}",
        "null",
        "true",
        "[]",
        "{}",
        "\"",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn base64_strings() -> Vec<String> {
    let mut out: Vec<String> = [
        "",
        "QQ==",
        "QUI=",
        "QUJD",
        "QUJDRA==",
        "AAAA",
        "AA==",
        "AAE=",
        "Q+/=",
        "++//",
        "////",
        "QQ",
        "Q",
        "QQ=",
        "Q===",
        "QR==",
        "AB==",
        "AAB=",
        "QUJ=",
        "QUI",
        "====",
        "=",
        "==",
        "QQ==QQ==",
        "QUJD====",
        "=QUJ",
        "QU=J",
        "QU J",
        " QUJD",
        "QUJD ",
        "QUJD\n",
        "QUJD\r\n",
        "QU\nJD",
        "QUJ-",
        "QUJ_",
        "QUJD-_==",
        "\u{e9}",
        "QUJD\u{0}",
        "QUJ*",
        "QUJ\u{ff21}",
        "SGVsbG8sIFdvcmxkIQ",
        "SGVsbG8sIFdvcmxkIQ===",
        "SGVsbG8sIFdvcmxkIQ==\n",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Every alphabet character in the last position before one and two '='.
    for c in ['A', 'B', 'E', 'Q', 'R', 'g', 'w', '/'] {
        out.push(format!("QU{c}="));
        out.push(format!("Q{c}=="));
    }
    out
}

/// Near misses of an allowed `const`/`enum` string.
fn near_misses(value: &str) -> Vec<String> {
    let mut out = vec![
        value.to_lowercase(),
        value.to_uppercase(),
        value
            .chars()
            .map(|c| {
                if c.is_uppercase() {
                    c.to_lowercase().next().unwrap_or(c)
                } else {
                    c.to_uppercase().next().unwrap_or(c)
                }
            })
            .collect(),
        format!(" {value}"),
        format!("{value} "),
        format!("{value}\n"),
        format!("\t{value}"),
        format!("{value}\u{0}"),
        format!("{value}x"),
        format!("x{value}"),
        format!("{value}{value}"),
        value.chars().skip(1).collect(),
        value
            .chars()
            .take(value.chars().count().saturating_sub(1))
            .collect(),
        String::new(),
    ];
    let mut chars: Vec<char> = value.chars().collect();
    if !chars.is_empty() {
        let mid = chars.len() / 2;
        chars.insert(mid, '\u{200b}');
        out.push(chars.iter().collect());
        chars.remove(mid);
        // A look-alike: the first letter in its fullwidth form.
        if let Some(first) = chars.first().copied().filter(char::is_ascii_alphanumeric) {
            let wide = char::from_u32(first as u32 - 0x21 + 0xff01).unwrap_or(first);
            chars[0] = wide;
            out.push(chars.iter().collect());
        }
    }
    out.retain(|s| s != value);
    out
}

/// Strings of `len` characters of each UTF-8 width, and mixed (when short).
fn strings_of_length(len: usize, fill: char) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for c in [fill, '\u{e9}', '\u{6771}', '\u{1f680}'] {
        out.push((std::iter::repeat_n(c, len).collect(), "length"));
    }
    if len > BIG {
        return out;
    }
    let cycle = [fill, '\u{e9}', '\u{6771}', '\u{1f680}'];
    out.push(((0..len).map(|i| cycle[i % 4]).collect(), "length"));
    out
}

/// The lengths at and around a bound.
fn around(bound: u64) -> Vec<usize> {
    let b = bound as usize;
    [b.checked_sub(1), Some(b), Some(b + 1)]
        .into_iter()
        .flatten()
        .collect()
}

/// Lengths above this are generated once per message and schema location, not for
/// every example: they are large.
const BIG: usize = 4096;

/// Candidate replacement values for a site (or values to insert for an absent property).
fn candidates(
    schema: &Value,
    current: Option<&Value>,
    dense: bool,
    big: bool,
) -> Vec<(&'static str, Value)> {
    let mut out: Vec<(&'static str, Value)> = Vec::new();
    for v in WRONG_TYPES() {
        out.push(("wrong-type", v));
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let allowed: Vec<&Value> = match (schema.get("enum"), schema.get("const")) {
        (Some(Value::Array(values)), _) => values.iter().collect(),
        (_, Some(value)) => vec![value],
        _ => vec![],
    };
    for value in &allowed {
        out.push(("enum", (*value).clone()));
        if let Some(text) = value.as_str() {
            for miss in near_misses(text) {
                out.push(("enum", json!(miss)));
            }
            out.push(("enum", json!([text])));
            out.push(("enum", json!({ text: text })));
        }
    }
    if types.contains(&"number") || types.contains(&"integer") {
        for n in numbers() {
            out.push(("number", n));
        }
    }
    if types.contains(&"string") && allowed.is_empty() {
        let is_byte = schema.get("format") == Some(&json!("byte"));
        let pattern = schema.get("pattern").and_then(Value::as_str);
        if is_byte {
            for s in base64_strings() {
                out.push(("base64", json!(s)));
            }
        }
        for s in generic_strings() {
            out.push((
                if pattern.is_some() {
                    "pattern"
                } else {
                    "string"
                },
                json!(s),
            ));
        }
        let fill = if is_byte { 'A' } else { 'a' };
        for key in ["minLength", "maxLength"] {
            if let Some(bound) = schema.get(key).and_then(Value::as_u64) {
                for len in around(bound) {
                    if len > BIG && !big {
                        continue;
                    }
                    for (s, family) in strings_of_length(len, fill) {
                        out.push((family, json!(s)));
                    }
                    if is_byte && len > 4 {
                        // Valid base64 just inside and outside the bound.
                        for l in [len - len % 4, len - len % 4 + 4] {
                            out.push(("length", json!("A".repeat(l))));
                        }
                    }
                }
            }
        }
        if let Some(text) = current.and_then(Value::as_str) {
            let family = if pattern.is_some() {
                "pattern"
            } else if is_byte {
                "base64"
            } else {
                "string"
            };
            for s in edits(text, dense && (pattern.is_some() || is_byte)) {
                out.push((family, json!(s)));
            }
        }
    }
    out
}

/// The example's own string with characters inserted, replaced, deleted, truncated.
/// `dense` edits every position; otherwise a few key positions.
fn edits(text: &str, dense: bool) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    if n > BIG {
        return Vec::new();
    }
    let mut key: Vec<usize> = vec![0, 1.min(n), n / 2, n.saturating_sub(1), n];
    for (i, c) in chars.iter().enumerate() {
        if dense && !c.is_alphanumeric() && key.len() < 24 {
            key.push(i);
            key.push(i + 1);
        }
    }
    key.sort_unstable();
    key.dedup();
    let insert = |at: usize, c: char| -> String {
        let mut v = chars.clone();
        v.insert(at.min(n), c);
        v.into_iter().collect()
    };
    let replace = |at: usize, c: char| -> String {
        let mut v = chars.clone();
        if at < n {
            v[at] = c;
        }
        v.into_iter().collect()
    };
    let mut out = Vec::new();
    for &at in &key {
        for &c in PROBES {
            out.push(insert(at, c));
            if at < n {
                out.push(replace(at, c));
            }
        }
    }
    if dense {
        for at in 0..n {
            if chars[at].is_ascii_digit() {
                for c in ['\u{663}', '\u{ff13}', '\u{1d7d1}'] {
                    out.push(replace(at, c));
                }
            } else {
                out.push(replace(at, PROBES[at % PROBES.len()]));
            }
            out.push(insert(at, PROBES[(at * 7 + 3) % PROBES.len()]));
            let mut v = chars.clone();
            v.remove(at);
            out.push(v.into_iter().collect());
            out.push(chars[..at].iter().collect());
            out.push(chars[at..].iter().collect());
        }
        // Every ASCII digit replaced at once.
        out.push(
            chars
                .iter()
                .map(|c| if c.is_ascii_digit() { '\u{663}' } else { *c })
                .collect(),
        );
    } else {
        out.push(chars[..n / 2].iter().collect());
    }
    out
}

/// Extra property names for an object whose schema lists `listed`.
fn extra_names(listed: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = [
        "extra",
        "",
        "~",
        "/",
        "~1",
        "a/b~c",
        "\u{e9}",
        "\u{1f680}",
        "\u{0}",
        "$ref",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for name in listed {
        let mut chars: Vec<char> = name.chars().collect();
        if let Some(first) = chars.first_mut() {
            *first = if first.is_uppercase() {
                first.to_ascii_lowercase()
            } else {
                first.to_ascii_uppercase()
            };
        }
        names.push(chars.into_iter().collect());
        names.push(name.to_uppercase());
        names.push(format!("{name} "));
    }
    names.retain(|n| !listed.contains(&n.as_str()));
    names.dedup();
    names
}

/// Every single mutation of one example.
fn single_mutations(
    root: &Value,
    schema: &Value,
    example: &Value,
    first_example: bool,
) -> Vec<Mutation> {
    let mut sites = Vec::new();
    let mut absent = Vec::new();
    walk(root, example, schema, "", "#", &mut sites, &mut absent);
    let mut out = Vec::new();
    let mut seen_locations = HashSet::new();
    for site in &sites {
        // The first occurrence of a schema location in an example gets every edit.
        let dense = seen_locations.insert(site.location.clone());
        let big = first_example && dense;
        let current = example.pointer(&site.pointer);
        for (family, value) in candidates(site.schema, current, dense, big) {
            out.push(Mutation::replace(family, &site.pointer, value));
        }
        match current {
            Some(Value::Object(map)) => {
                let required: Vec<&str> = site
                    .schema
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let listed: Vec<&str> = site
                    .schema
                    .get("properties")
                    .and_then(Value::as_object)
                    .map(|p| p.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                for name in map.keys() {
                    out.push(Mutation {
                        family: if required.contains(&name.as_str()) {
                            "remove-required"
                        } else {
                            "remove-optional"
                        },
                        pointer: format!("{}/{}", site.pointer, escape(name)),
                        op: Op::Remove,
                    });
                }
                let mut without_required = map.clone();
                without_required.retain(|k, _| !required.contains(&k.as_str()));
                out.push(Mutation::replace(
                    "remove-all-required",
                    &site.pointer,
                    Value::Object(without_required),
                ));
                out.push(Mutation::replace("empty-object", &site.pointer, json!({})));
                let values = [
                    json!(null),
                    json!("s"),
                    json!({"a": [1, {"b": null}], "c": -0.0}),
                ];
                for (i, name) in extra_names(&listed).into_iter().enumerate() {
                    let value = if dense {
                        values.to_vec()
                    } else {
                        vec![values[i % 3].clone()]
                    };
                    for v in value {
                        out.push(Mutation {
                            family: "extra-property",
                            pointer: site.pointer.clone(),
                            op: Op::Insert(name.clone(), v),
                        });
                    }
                }
            }
            Some(Value::Array(items)) => {
                let first = items.first().cloned().unwrap_or(json!({}));
                let mut lengths = vec![0, 1, 2, 10];
                if dense {
                    lengths.push(100);
                }
                for len in lengths {
                    out.push(Mutation::replace(
                        "array",
                        &site.pointer,
                        Value::Array(vec![first.clone(); len]),
                    ));
                }
                for wrong in [
                    json!(null),
                    json!("s"),
                    json!(1),
                    json!({}),
                    json!([first.clone()]),
                ] {
                    out.push(Mutation::replace(
                        "array",
                        &site.pointer,
                        Value::Array(vec![first.clone(), wrong.clone()]),
                    ));
                    out.push(Mutation::replace(
                        "array",
                        &site.pointer,
                        Value::Array(vec![wrong]),
                    ));
                }
            }
            _ => {}
        }
    }
    for gap in &absent {
        let dense = seen_locations.insert(gap.location.clone());
        // A value of the right kind to start from, when the schema says what that is.
        let sample = sample_value(root, gap.schema);
        let mut values = candidates(gap.schema, sample.as_ref(), dense, false);
        if let Some(sample) = sample {
            values.insert(0, ("insert-absent", sample));
        }
        for (family, value) in values {
            out.push(Mutation {
                family: if family == "wrong-type" {
                    "insert-absent"
                } else {
                    family
                },
                pointer: gap.parent.clone(),
                op: Op::Insert(gap.name.clone(), value),
            });
        }
    }
    out
}

/// A value the schema accepts, when one is easy to build: the first `enum`/`const`
/// value, 1 for numbers, "x" for plain strings, an empty array, or an object with its
/// required properties sampled.
fn sample_value(root: &Value, schema: &Value) -> Option<Value> {
    let (schema, _) = resolve(root, schema, "");
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.first().cloned();
    }
    if let Some(value) = schema.get("const") {
        return Some(value.clone());
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("number" | "integer") => Some(json!(1)),
        Some("string") if schema.get("pattern").is_none() && schema.get("format").is_none() => {
            Some(json!("x"))
        }
        Some("array") => Some(json!([])),
        Some("boolean") => Some(json!(true)),
        Some("object") => {
            let mut map = Map::new();
            let properties = schema.get("properties");
            for name in schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                let sub = properties.and_then(|p| p.get(name))?;
                map.insert(name.to_string(), sample_value(root, sub)?);
            }
            Some(Value::Object(map))
        }
        _ => None,
    }
}

/// A small deterministic generator (SplitMix64).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Whether two pointers name unrelated locations (neither contains the other).
fn unrelated(a: &str, b: &str) -> bool {
    let within = |inner: &str, outer: &str| {
        inner == outer || inner.starts_with(&format!("{outer}/")) || outer.is_empty()
    };
    !within(a, b) && !within(b, a)
}

/// Combinations of mutations per example.
const COMBINED_PER_EXAMPLE: usize = 400;

/// The corpus for the message whose oracle schema is `schema`, from its examples.
pub fn corpus(schema: &Value, examples: &[(String, Value)]) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |family: &'static str, description: String, value: Value| {
        let bytes = serde_json::to_vec(&value).expect("a Value serialises");
        // Deduplicated by a hash of the bytes (SipHash with fixed keys: deterministic);
        // the few megabyte-long cases are distinct by construction.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        if bytes.len() > BIG * 16 {
            hasher.write_usize(seen.len());
            hasher.write(b"big");
        } else {
            bytes.hash(&mut hasher);
        }
        if seen.insert(hasher.finish()) {
            cases.push(Case {
                family,
                description,
                value,
                bytes,
            });
        }
    };
    let mut rng = Rng(0x636f_6e66_6f72_6d73);
    for (index, (name, example)) in examples.iter().enumerate() {
        push("example", format!("{name} unchanged"), example.clone());
        let singles = single_mutations(schema, schema, example, index == 0);
        for mutation in &singles {
            let mut value = example.clone();
            if mutation.apply(&mut value) {
                push(
                    mutation.family,
                    format!("{name}: {}", mutation.describe()),
                    value,
                );
            }
        }
        // Structural changes are not combined (they move what the others point at).
        let combinable: Vec<&Mutation> = singles
            .iter()
            .filter(|m| {
                !m.pointer.is_empty()
                    && !matches!(m.family, "array" | "empty-object" | "remove-all-required")
            })
            .collect();
        if combinable.len() < 2 {
            continue;
        }
        for _ in 0..COMBINED_PER_EXAMPLE {
            let count = 2 + rng.below(2);
            let mut chosen: Vec<&Mutation> = Vec::new();
            for _ in 0..count * 8 {
                let candidate = combinable[rng.below(combinable.len())];
                if chosen
                    .iter()
                    .all(|c| unrelated(&c.target(), &candidate.target()))
                {
                    chosen.push(candidate);
                }
                if chosen.len() == count {
                    break;
                }
            }
            let mut value = example.clone();
            if chosen.iter().all(|m| m.apply(&mut value)) {
                let description = chosen
                    .iter()
                    .map(|m| m.describe())
                    .collect::<Vec<_>>()
                    .join(" + ");
                push("combined", format!("{name}: {description}"), value);
            }
        }
    }
    cases
}
