//! Documents whose patterns the `regex` crate cannot express (lookahead, lookbehind,
//! backreferences): they generate, the generated source carries each pattern as
//! written, and the schema, compiled by the runtime as generated code compiles it,
//! accepts the values the pattern matches and refuses the others. Only invalid
//! ECMA-262 syntax is refused (`broken_documents.rs`).

use asyncapi_codegen::{interpret::Interpreted, Builder, Document};
use asyncapi_runtime::{Keyword, Schema, Value};

/// A fixture under `tests/patterns/`: its pattern as written in the document, values
/// it matches and values it does not.
struct Case {
    fixture: &'static str,
    pattern: &'static str,
    matching: &'static [&'static str],
    not_matching: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        fixture: "pattern_lookahead.yaml",
        pattern: "a(?=b)",
        matching: &["ab", "xaby"],
        not_matching: &["a", "ac", "ba"],
    },
    Case {
        fixture: "pattern_lookbehind.yaml",
        pattern: "(?<=a)b",
        matching: &["ab", "xaby"],
        not_matching: &["b", "cb", "ba"],
    },
    Case {
        fixture: "pattern_backreference.yaml",
        pattern: r"(a)\1",
        matching: &["aa", "xaay"],
        not_matching: &["a", "aba"],
    },
    Case {
        fixture: "pattern_named_backreference.yaml",
        pattern: r"(?<x>a)\k<x>",
        matching: &["aa", "baab"],
        not_matching: &["a", "a-a"],
    },
];

#[test]
fn patterns_beyond_the_regex_crate_generate() {
    for case in CASES {
        let fixture = case.fixture;
        let source = Builder::new(format!("tests/patterns/{fixture}"))
            .generate()
            .unwrap_or_else(|error| panic!("{fixture}: {error}"));
        // The pattern as a Rust string literal in `#[validate(pattern = "...")]`.
        let literal = format!("pattern = {:?}", case.pattern);
        assert!(
            source.contains(&literal),
            "{fixture}: no `{literal}` in the generated source:\n{source}"
        );
    }
}

#[test]
fn values_are_judged_by_the_pattern_exactly() {
    for case in CASES {
        let fixture = case.fixture;
        let doc = Document::load(format!("tests/patterns/{fixture}").as_ref())
            .unwrap_or_else(|error| panic!("{fixture}: {error}"));
        let schema = Schema::compile(&doc.root, &["/components/schemas/A"])
            .unwrap_or_else(|error| panic!("{fixture}: {error}"));
        for text in case.matching {
            let value = Value::String((*text).into());
            assert_eq!(schema.validate(0, &value), Ok(()), "{fixture}: {text:?}");
        }
        for text in case.not_matching {
            let value = Value::String((*text).into());
            let violations = schema
                .validate(0, &value)
                .expect_err(&format!("{fixture}: {text:?} must be refused"));
            let keywords: Vec<Keyword> = violations.into_iter().map(|v| v.keyword).collect();
            assert_eq!(keywords, [Keyword::Pattern], "{fixture}: {text:?}");
        }
    }
}

/// The interpreter (what `kinesis validate --spec` runs) refuses an invalid pattern
/// with the generator's located error, not a panic; each valid pattern compiles.
#[test]
fn the_interpreter_refuses_invalid_patterns_as_the_generator_does() {
    for fixture in ["pattern_unclosed.yaml", "pattern_properties_invalid.yaml"] {
        let path = format!("tests/broken/{fixture}");
        let generated = Builder::new(&path).generate().unwrap_err().to_string();
        let doc = Document::load(path.as_ref()).unwrap();
        let interpreted = Interpreted::from_document(&doc).unwrap_err().to_string();
        assert_eq!(interpreted, generated, "{fixture}");
        // Each problem (one per line after an "N problems:" heading) is located.
        for problem in interpreted
            .lines()
            .filter(|line| !line.ends_with("problems:"))
        {
            assert!(
                problem.trim_start().starts_with(&format!("{path}:"))
                    && problem.contains("/pattern")
                    && problem.contains("invalid ECMA-262 syntax"),
                "{problem}"
            );
        }
    }
    for case in CASES {
        let doc = Document::load(format!("tests/patterns/{}", case.fixture).as_ref()).unwrap();
        if let Err(error) = Interpreted::from_document(&doc) {
            panic!("{}: {error}", case.fixture);
        }
    }
}

#[test]
fn every_pattern_fixture_is_listed() {
    let mut found: Vec<String> = std::fs::read_dir("tests/patterns")
        .expect("tests/patterns")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    found.sort();
    let mut listed: Vec<&str> = CASES.iter().map(|case| case.fixture).collect();
    listed.sort();
    assert_eq!(found, listed);
}
