//! Loading stays linear and refuses what would not be: deep nesting (flow or block,
//! YAML or JSON) at the place it goes too deep, aliases that expand without bound, and
//! large documents load whole, every value located.
//!
//! Timing is measured in release builds by `measure_large_documents` (ignored here;
//! run with `cargo test --release -p asyncapi-codegen --test load_limits -- --ignored
//! --nocapture`); the bounds asserted below only catch a return of the quadratic
//! behaviour (minutes for 100,000 levels), not speed.

use std::path::Path;
use std::time::{Duration, Instant};

use asyncapi_codegen::load::{MAX_ALIAS_VALUES, MAX_DEPTH};
use asyncapi_codegen::{Document, Error};

const DEEP: usize = 100_000;

fn refusal(name: &str, text: &str) -> (Option<(usize, usize)>, String, Duration) {
    let start = Instant::now();
    match Document::parse(Path::new(name), text) {
        Err(Error::Parse {
            position, message, ..
        }) => (position, message, start.elapsed()),
        Err(other) => panic!("not a parse error: {other}"),
        Ok(_) => panic!("loaded"),
    }
}

fn nested(open: &str, close: &str, n: usize) -> String {
    format!("{}x{}", open.repeat(n), close.repeat(n))
}

/// The YAML parser's limit on flow nesting alone, below `MAX_DEPTH`.
const TOO_DEEP_FLOW: &str = "flow collections nested deeper than 255 levels";

fn too_deep() -> String {
    format!("nested deeper than {MAX_DEPTH} levels")
}

#[test]
fn deep_flow_nesting_is_refused_where_it_goes_too_deep() {
    for (open, close, width) in [("[", "]", 1), ("{a: ", "}", 4)] {
        let text = format!("a: {}\n", nested(open, close, DEEP));
        let (position, message, took) = refusal("doc.yaml", &text);
        assert_eq!(message, TOO_DEEP_FLOW);
        // At the 256th bracket.
        assert_eq!(position, Some((1, 4 + width * (MAX_DEPTH - 1))), "{open}");
        assert!(took < Duration::from_secs(2), "{open}: {took:?}");
    }
    // Exactly the limit loads (the top mapping is one level).
    let text = format!("a: {}\n", nested("[", "]", MAX_DEPTH - 1));
    assert!(Document::parse(Path::new("doc.yaml"), &text).is_ok());
    let text = format!("a: {}\n", nested("[", "]", MAX_DEPTH));
    assert_eq!(refusal("doc.yaml", &text).1, TOO_DEEP_FLOW);
    // Flow collections alone stop at 255 levels, where the parser stops.
    let text = format!("--- {}\n", nested("[", "]", 256));
    let (position, message, _) = refusal("doc.yaml", &text);
    assert_eq!(position, Some((1, 5 + 255)));
    assert_eq!(message, TOO_DEEP_FLOW);
}

#[test]
fn deep_block_nesting_is_refused_where_it_goes_too_deep() {
    // Compact sequences: one line, 100,000 levels.
    let text = format!("a:\n{}x\n", "- ".repeat(DEEP));
    let (position, message, took) = refusal("doc.yaml", &text);
    assert_eq!(message, too_deep());
    assert_eq!(position, Some((2, 1 + 2 * (MAX_DEPTH - 1))));
    assert!(took < Duration::from_secs(2), "{took:?}");
    // Indented mappings.
    let mut text = String::new();
    for level in 0..MAX_DEPTH + 10 {
        text.push_str(&format!("{}k{level}:\n", " ".repeat(level)));
    }
    let (position, message, _) = refusal("doc.yaml", &text);
    assert_eq!(message, too_deep());
    assert_eq!(position, Some((MAX_DEPTH + 1, MAX_DEPTH + 1)));
    // Block and flow together.
    let text = format!("a:\n  b: {}\n", nested("[", "]", MAX_DEPTH - 1));
    let (position, message, _) = refusal("doc.yaml", &text);
    assert_eq!(message, too_deep());
    assert_eq!(position, Some((2, 6 + MAX_DEPTH - 2)));
}

#[test]
fn deep_json_is_refused_too() {
    let text = format!("{{\"a\": {}}}", nested("[", "]", DEEP).replace('x', "1"));
    let (position, message, took) = refusal("doc.json", &text);
    assert!(message.starts_with(&too_deep()), "{message}");
    assert_eq!(position, Some((1, 7 + MAX_DEPTH - 1)));
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[test]
fn aliases_cannot_nest_past_the_limit() {
    let inner = nested("[", "]", 200);
    let text = format!(
        "a: &a {inner}\nb: {}*a{}\n",
        "[".repeat(100),
        "]".repeat(100)
    );
    let (position, message, _) = refusal("doc.yaml", &text);
    assert_eq!(message, too_deep());
    assert_eq!(position, Some((2, 104)));
}

#[test]
fn aliases_that_expand_without_bound_are_refused() {
    // Nine levels of ten aliases each: a billion values from a few hundred bytes.
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..10 {
        let previous = format!("*a{}", level - 1);
        let items = [previous.as_str(); 10].join(", ");
        text.push_str(&format!("a{level}: &a{level} [{items}]\n"));
    }
    let (position, message, took) = refusal("doc.yaml", &text);
    assert_eq!(
        message,
        format!("aliases expand to more than {MAX_ALIAS_VALUES} values")
    );
    assert!(position.is_some_and(|(line, _)| line >= 6), "{position:?}");
    assert!(took < Duration::from_secs(10), "{took:?}");
    // Fewer levels stay within the limit and load.
    let small: String = text.lines().take(5).map(|l| format!("{l}\n")).collect();
    let doc = Document::parse(Path::new("doc.yaml"), &small).unwrap();
    assert_eq!(doc.root["a4"][9][9][9][9][9].as_str(), Some("x"));
    assert!(doc.positions.contains_key("/a4/9/9/9/9/9"));
}

/// A document of `schemas` component schemas, about 170 bytes each, in YAML or JSON.
fn large_document(schemas: usize, json: bool) -> String {
    let mut text = String::with_capacity(schemas * 180);
    if json {
        text.push_str("{\"asyncapi\": \"3.0.0\", \"info\": {\"title\": \"Large\", \"version\": \"1\"},\n \"components\": {\"schemas\": {\n");
        for i in 0..schemas {
            let comma = if i + 1 < schemas { "," } else { "" };
            text.push_str(&format!(
                "  \"S{i}\": {{\"type\": \"object\", \"required\": [\"id\"], \"properties\": {{\"id\": {{\"type\": \"string\", \"maxLength\": 64}}, \"n\": {{\"type\": \"number\", \"maximum\": 1.5e{}}}}}}}{comma}\n",
                i % 300
            ));
        }
        text.push_str("}}}\n");
    } else {
        text.push_str(
            "asyncapi: 3.0.0\ninfo:\n  title: Large\n  version: '1'\ncomponents:\n  schemas:\n",
        );
        for i in 0..schemas {
            text.push_str(&format!(
                "    S{i}:\n      type: object\n      required: [id]\n      properties:\n        id: {{type: string, maxLength: 64}}\n        n:\n          type: number\n          maximum: 1.5e{}\n",
                i % 300
            ));
        }
    }
    text
}

fn count_values(value: &asyncapi_runtime::Value) -> usize {
    1 + match value {
        asyncapi_runtime::Value::Object(map) => map.values().map(count_values).sum(),
        asyncapi_runtime::Value::Array(items) => items.iter().map(count_values).sum(),
        _ => 0,
    }
}

#[test]
fn large_documents_load_whole() {
    for json in [false, true] {
        let text = large_document(6_000, json);
        let doc =
            Document::parse(Path::new(if json { "doc.json" } else { "doc.yaml" }), &text).unwrap();
        let schemas = doc.root["components"]["schemas"].as_object().unwrap();
        assert_eq!(schemas.len(), 6_000);
        assert_eq!(
            schemas["S5999"]["properties"]["n"]["maximum"].to_string(),
            "1.5e299"
        );
        assert_eq!(doc.positions.len(), count_values(&doc.root));
        // A block mapping starts with its first key, on the line after its own.
        let line = if json { 6002 } else { 7 + 5999 * 8 + 1 };
        assert_eq!(doc.positions["/components/schemas/S5999"].0, line);
    }
}

/// Loads 10 MB documents (60,000 component schemas) and deep ones, printing the time
/// each takes; for release builds, under `/usr/bin/time -v` for the peak memory.
#[test]
#[ignore]
fn measure_large_documents() {
    let which = std::env::var("LOAD_MEASURE").unwrap_or_default();
    let cases: Vec<(&str, String)> = vec![
        ("yaml", large_document(60_000, false)),
        ("json", large_document(60_000, true)),
        ("deep-flow", format!("a: {}\n", nested("[", "]", DEEP))),
        ("deep-block", format!("a:\n{}x\n", "- ".repeat(DEEP))),
        (
            "flow-256-deep-10mb",
            format!(
                "a: {}{}{}\n",
                "[".repeat(MAX_DEPTH - 1),
                "x, ".repeat(3_500_000),
                "]".repeat(MAX_DEPTH - 1)
            ),
        ),
    ];
    for (name, text) in cases {
        if !which.is_empty() && which != name {
            continue;
        }
        let file = if name == "json" {
            "doc.json"
        } else {
            "doc.yaml"
        };
        let start = Instant::now();
        let result = Document::parse(Path::new(file), &text);
        let took = start.elapsed();
        let outcome = match &result {
            Ok(doc) => format!("loaded, {} positions", doc.positions.len()),
            Err(e) => format!("refused: {e}"),
        };
        println!("{name}: {} bytes in {took:?}: {outcome}", text.len());
    }
}
