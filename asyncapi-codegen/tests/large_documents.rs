//! Documents large in breadth (many schemas) and in depth (long `$ref` chains):
//! generated without exhausting the stack, whatever thread generates them, and past
//! the limit refused where they go too deep. Time and memory are measured in release
//! builds by the `generate` benchmark (`cargo bench -p asyncapi-codegen --bench
//! generate`), not here.

use std::fmt::Write as _;
use std::path::Path;

use asyncapi_codegen::model::schemas::MAX_NESTED_TYPES;
use asyncapi_codegen::{Builder, Document, Error};

/// A document whose payload is `S0`, each `Si` holding `S(i+1)` in property `next`.
fn chain(levels: usize) -> String {
    let mut text = String::from(
        "asyncapi: 3.0.0\ninfo: {title: chain, version: '1'}\nchannels:\n  c:\n    messages:\n      \
         m: {$ref: '#/components/messages/M'}\ncomponents:\n  messages:\n    M:\n      \
         payload: {$ref: '#/components/schemas/S0'}\n  schemas:\n",
    );
    for i in 0..levels {
        let next = if i + 1 < levels {
            format!(", next: {{$ref: '#/components/schemas/S{}'}}", i + 1)
        } else {
            String::new()
        };
        writeln!(
            text,
            "    S{i}: {{type: object, properties: {{label: {{type: string, maxLength: 8}}{next}}}}}"
        )
        .unwrap();
    }
    text
}

fn generate(text: &str) -> Result<String, Error> {
    let doc = Document::parse(Path::new("chain.yaml"), text)?;
    Builder::new("chain.yaml").generate_from(&doc)
}

#[test]
fn long_ref_chains_generate_on_any_thread() {
    // A test thread's stack is 2 MiB; each level of the chain is a level of recursion
    // in the model and was one in the schema compiler too.
    let levels = 1_500;
    let source = generate(&chain(levels)).expect("generates");
    for i in 0..levels {
        assert!(source.contains(&format!("pub struct S{i} {{")), "S{i}");
    }
    // Links are held as checked JSON often enough that no type holds more than 32
    // others inside it (an `Option` and a type, two levels of rustc's walks, each; a
    // link the size pass boxed is two more).
    let links: Vec<&str> = source
        .match_indices("pub next: ")
        .map(|(at, _)| &source[at..at + source[at..].find(',').expect("a field")])
        .collect();
    assert_eq!(links.len(), levels - 1);
    let (mut levels_held, mut cuts) = (0, 0);
    for link in links.iter().rev() {
        if *link == "pub next: Option<Value>" {
            cuts += 1;
            levels_held = 0;
            continue;
        }
        levels_held += if link.contains("Box<") { 4 } else { 2 };
        assert!(
            levels_held <= 64,
            "a chain nested deeper than the cut allows: {link}"
        );
    }
    assert!(cuts >= levels / 33, "{cuts} links held as JSON");
    assert!(source.contains("Held as JSON, checked against the schema of S"));
}

#[test]
fn types_nested_past_the_limit_are_refused_where_they_go_too_deep() {
    let levels = MAX_NESTED_TYPES + 1;
    let error = generate(&chain(levels)).expect_err("too deep").to_string();
    // The schema that would be one type too many, built inside all the others.
    let last = levels - 1;
    let (line, column) = (12 + last, 4 + format!("S{last}: ").len() + 1);
    assert_eq!(
        error,
        format!(
            "chain.yaml:{line}:{column}: #/components/schemas/S{last}: schemas nest more than \
             {MAX_NESTED_TYPES} types deep here (through $ref or inline), deeper than \
             generation goes"
        )
    );
}
