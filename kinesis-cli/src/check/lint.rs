//! Stage 5 (warnings): likely mistakes that are valid AsyncAPI (see the module
//! documentation of `check`).

use std::collections::BTreeSet;

use serde_json::Value;

use super::messages::{message_objects, schema_pointer};
use super::pointers::{join, percent_decode};
use super::report::Finding;

/// Adds a warning for each likely mistake in the schemas of `root`.
pub fn check(root: &Value, findings: &mut Vec<Finding>) {
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
            let max = map.get("maxLength").and_then(Value::as_u64);
            if let Some(max) = max.filter(|&max| !encodes_a_round_size(max)) {
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
                // What applies to it is what applies to the properties not listed.
                let consequence = match map.get("additionalProperties") {
                    Some(Value::Bool(false)) => {
                        "and additionalProperties is false: no object is valid"
                    }
                    Some(Value::Object(rule)) if !rule.is_empty() => {
                        "so only additionalProperties describes its value"
                    }
                    _ => "so nothing constrains its value",
                };
                self.findings.push(Finding::warning(
                    "lint",
                    format!("{at}/required/{index}"),
                    format!(
                        "required property {name:?} is not listed in properties, \
                         {consequence} (a misspelt name?)"
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

/// Whether `max` base64 characters are exactly what a round number of bytes takes (a
/// power of two, or 1, 2 or 5 thousand, million, ...): then the author has already
/// converted bytes to characters (as the bundled document's 1398104 for 1 MiB), and
/// there is nothing to warn about. Base64 writes 1 to 3 bytes as 4 characters, so `max`
/// characters hold the sizes from `max / 4 * 3 - 2` to `max / 4 * 3`.
fn encodes_a_round_size(max: u64) -> bool {
    if max == 0 || max % 4 != 0 {
        return false;
    }
    let round_decimal = |mut n: u64| {
        let mut zeros = 0;
        while n >= 10 && n % 10 == 0 {
            n /= 10;
            zeros += 1;
        }
        zeros >= 3 && matches!(n, 1 | 2 | 5)
    };
    let most = max / 4 * 3;
    (most - 2..=most).any(|n| n.is_power_of_two() || round_decimal(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_sizes_already_in_characters_are_not_warned_about() {
        // 1 MiB, 1 MB, 256 bytes, written as base64 lengths.
        for max in [1_398_104, 1_333_336, 344] {
            assert!(encodes_a_round_size(max), "{max}");
        }
        // Byte counts written as if maxLength counted bytes, and odd sizes.
        for max in [1_048_576, 1_000_000, 100, 256, 1_398_105, 0] {
            assert!(!encodes_a_round_size(max), "{max}");
        }
    }

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
}
