//! `diff` never panics: on documents changed at random places (values removed or
//! replaced by values of other types, references pointed elsewhere), in both
//! directions, and on documents that have nothing to do with each other. Errors
//! are fine; a panic is a bug.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use asyncapi_codegen::{diff, Document};
use asyncapi_runtime::Value;

const BASES: &[&str] = &[
    "numbers",
    "unions",
    "headers",
    "maps",
    "arrays",
    "order_pipeline",
    "composition",
];

fn load(name: &str) -> Document {
    Document::load(Path::new(&format!("tests/diff/{name}.yaml"))).unwrap()
}

/// Every pointer in `value`.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter() {
                pointers(
                    child,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// A small deterministic generator (no dependency needed for this).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}

fn replacement(r: &mut Lcg) -> Value {
    let texts = [
        "null",
        "0",
        "-1",
        "1.5",
        "1e400",
        "\"x\"",
        "\"^(a\"",
        "true",
        "false",
        "[]",
        "{}",
        "[{}]",
        "{\"$ref\": \"#/components/schemas\"}",
        "{\"$ref\": \"#\"}",
        "{\"not\": {}}",
        "{\"type\": [\"string\", \"null\"], \"maxLength\": 0}",
        "{\"oneOf\": [true, true]}",
        "{\"items\": [true, false], \"additionalItems\": false}",
    ];
    asyncapi_runtime::parse_json(texts[r.next(texts.len())].as_bytes()).unwrap()
}

fn no_panic(label: &str, old: &Document, new: &Document) -> Option<String> {
    match catch_unwind(AssertUnwindSafe(|| {
        diff::diff(old, new).map(|d| d.to_string()).is_ok()
    })) {
        Ok(_) => None,
        Err(_) => Some(label.to_string()),
    }
}

#[test]
fn mutated_documents_never_panic() {
    let mut r = Lcg(7);
    let mut panics = Vec::new();
    for base in BASES {
        let doc = load(base);
        let mut all = Vec::new();
        pointers(&doc.root, String::new(), &mut all);
        for _ in 0..24 {
            let at = all[r.next(all.len())].clone();
            if at.is_empty() {
                continue;
            }
            let mut changed = doc.clone();
            let remove = r.next(3) == 0;
            if remove {
                let (parent, key) = at.rsplit_once('/').unwrap_or(("", ""));
                let key = key.replace("~1", "/").replace("~0", "~");
                match changed.root.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.remove(&key);
                    }
                    Some(Value::Array(items)) => {
                        if let Ok(i) = key.parse::<usize>() {
                            if i < items.len() {
                                items.remove(i);
                            }
                        }
                    }
                    _ => {}
                }
            } else if let Some(slot) = changed.root.pointer_mut(&at) {
                *slot = replacement(&mut r);
            }
            let what = format!(
                "{base}: {} {at}",
                if remove { "removed" } else { "replaced" }
            );
            panics.extend(no_panic(&format!("{what} (as new)"), &doc, &changed));
            panics.extend(no_panic(&format!("{what} (as old)"), &changed, &doc));
        }
    }
    assert!(panics.is_empty(), "panicked: {panics:#?}");
}

#[test]
fn unrelated_documents_never_panic() {
    let mut panics = Vec::new();
    let docs: Vec<(&str, Document)> = BASES.iter().map(|b| (*b, load(b))).collect();
    for (a, old) in &docs {
        for (b, new) in &docs {
            if a != b {
                panics.extend(no_panic(&format!("{a} -> {b}"), old, new));
            }
        }
    }
    assert!(panics.is_empty(), "panicked: {panics:#?}");
}

#[test]
fn every_fixture_against_itself_reports_nothing() {
    let mut names: Vec<String> = std::fs::read_dir("tests/fixtures")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in names {
        let doc = Document::load(Path::new(&format!("tests/fixtures/{name}"))).unwrap();
        let changes = diff::diff(&doc, &doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(changes.is_empty(), "{name}:\n{changes}");
    }
}
