//! Loading YAML and JSON: where every value is, exact numbers, aliases and merge keys,
//! and every refusal with its message and position.

use std::path::Path;

use asyncapi_codegen::{Document, Error};

fn load(text: &str) -> Document {
    Document::parse(Path::new("doc.yaml"), text).unwrap_or_else(|e| panic!("{e}"))
}

/// The refusal's position and message.
fn refusal(text: &str) -> (Option<(usize, usize)>, String) {
    match Document::parse(Path::new("doc.yaml"), text) {
        Err(Error::Parse {
            position, message, ..
        }) => (position, message),
        Err(other) => panic!("not a parse error: {other}"),
        Ok(_) => panic!("loaded: {text}"),
    }
}

fn at(doc: &Document, pointer: &str) -> (usize, usize) {
    *doc.positions
        .get(pointer)
        .unwrap_or_else(|| panic!("no position for {pointer:?} in {:?}", doc.positions))
}

#[test]
fn block_values_are_located() {
    let doc = load(
        "asyncapi: 3.0.0\n\
         info:\n  title: T\n  version: '1'\n\
         tags:\n  - name: a\n  -   name: b\n      description: x\n\
         list:\n- 1\n- two\n",
    );
    assert_eq!(at(&doc, ""), (1, 1));
    assert_eq!(at(&doc, "/asyncapi"), (1, 11));
    assert_eq!(at(&doc, "/info"), (3, 3));
    assert_eq!(at(&doc, "/info/title"), (3, 10));
    assert_eq!(at(&doc, "/info/version"), (4, 12));
    assert_eq!(at(&doc, "/tags"), (6, 3));
    assert_eq!(at(&doc, "/tags/0"), (6, 5));
    assert_eq!(at(&doc, "/tags/0/name"), (6, 11));
    assert_eq!(at(&doc, "/tags/1"), (7, 7));
    assert_eq!(at(&doc, "/tags/1/description"), (8, 20));
    assert_eq!(at(&doc, "/list/0"), (10, 3));
    assert_eq!(at(&doc, "/list/1"), (11, 3));
    assert_eq!(doc.positions.len(), 14);
}

#[test]
fn flow_values_and_escaped_keys_are_located() {
    let doc = load("a: {b: [1, {c: d}], 'e/f': x, g~h: [ ]}\n\"i/~\": \"é\"\n");
    assert_eq!(at(&doc, "/a"), (1, 4));
    assert_eq!(at(&doc, "/a/b"), (1, 8));
    assert_eq!(at(&doc, "/a/b/0"), (1, 9));
    assert_eq!(at(&doc, "/a/b/1"), (1, 12));
    assert_eq!(at(&doc, "/a/b/1/c"), (1, 16));
    assert_eq!(at(&doc, "/a/e~1f"), (1, 28));
    assert_eq!(at(&doc, "/a/g~0h"), (1, 36));
    assert_eq!(at(&doc, "/i~1~0"), (2, 8));
    // The pointer helpers and `locate` agree.
    let location = doc.locate("/a/g~0h/0");
    assert_eq!(location.position, Some((1, 36)));
    assert_eq!(location.to_string(), "doc.yaml:1:36: #/a/g~0h/0");
}

#[test]
fn multi_line_scalars_are_located_where_they_start() {
    // A block scalar where its content starts (the parser's marker is there, not at
    // the `|` or `>` before it).
    let doc = load(
        "description: |\n  line one\n  line two\nfolded: >-\n  a\n  b\nplain: first\n  second\nquoted: \"a\n  b\"\nafter: 1\n",
    );
    assert_eq!(at(&doc, "/description"), (2, 3));
    assert_eq!(
        doc.root["description"].as_str(),
        Some("line one\nline two\n")
    );
    assert_eq!(at(&doc, "/folded"), (5, 3));
    assert_eq!(doc.root["folded"].as_str(), Some("a b"));
    assert_eq!(at(&doc, "/plain"), (7, 8));
    assert_eq!(doc.root["plain"].as_str(), Some("first second"));
    assert_eq!(at(&doc, "/quoted"), (9, 9));
    assert_eq!(at(&doc, "/after"), (11, 8));
}

#[test]
fn json_values_are_located() {
    let text = "{\n  \"asyncapi\": \"3.0.0\",\n  \"components\": {\"schemas\": {\"a/b\": {\"maximum\": 1e400}}}\n}";
    let doc = Document::parse(Path::new("doc.json"), text).unwrap();
    assert_eq!(at(&doc, ""), (1, 1));
    assert_eq!(at(&doc, "/asyncapi"), (2, 15));
    assert_eq!(at(&doc, "/components"), (3, 17));
    assert_eq!(at(&doc, "/components/schemas/a~1b"), (3, 37));
    assert_eq!(at(&doc, "/components/schemas/a~1b/maximum"), (3, 49));
    assert_eq!(
        doc.root["components"]["schemas"]["a/b"]["maximum"].to_string(),
        "1e400"
    );
}

#[test]
fn numbers_keep_every_digit() {
    let doc = load(
        "maximum: 972783798187987123879878123.18878137\n\
         big: 123456789012345678901234567890123456789012\n\
         huge: 1e400\nplus: +12\nhex: 0x1F\noctal: 0o17\nhalf: .5\nwhole: 1.\nexp: 2.5E-3\n\
         neg: -0.0\nzero: 007\nunderscore: 1_000\n",
    );
    let text = |key: &str| doc.root[key].to_string();
    assert_eq!(text("maximum"), "972783798187987123879878123.18878137");
    assert_eq!(text("big"), "123456789012345678901234567890123456789012");
    assert_eq!(text("huge"), "1e400");
    assert_eq!(text("plus"), "12");
    assert_eq!(text("hex"), "31");
    assert_eq!(text("octal"), "15");
    assert_eq!(text("half"), "0.5");
    assert_eq!(text("whole"), "1.0");
    assert_eq!(text("exp"), "2.5E-3");
    assert_eq!(text("neg"), "-0.0");
    assert_eq!(doc.root["zero"].as_str(), Some("007"));
    assert_eq!(doc.root["underscore"].as_str(), Some("1_000"));
}

#[test]
fn core_schema_typing() {
    let doc = load(
        "a: ~\nb:\nc: Null\nd: TRUE\ne: False\nf: yes\ng: 'true'\nh: \"1\"\ni: !!str 12\nj: !!int \"12\"\n\
         k: !!float 1\nl: !!bool true\nm: !!null ''\nn: ! 12\no: !!map {x: 1}\np: !!seq [1]\n\
         q: 2001-12-14\nr: .NaNa\n",
    );
    let root = &doc.root;
    for key in ["a", "b", "c", "m"] {
        assert!(root[key].is_null(), "{key}");
    }
    assert_eq!(root["d"].as_bool(), Some(true));
    assert_eq!(root["e"].as_bool(), Some(false));
    for (key, text) in [
        ("f", "yes"),
        ("g", "true"),
        ("h", "1"),
        ("i", "12"),
        ("n", "12"),
        ("q", "2001-12-14"),
        ("r", ".NaNa"),
    ] {
        assert_eq!(root[key].as_str(), Some(text), "{key}");
    }
    assert_eq!(root["j"].as_u64(), Some(12));
    assert_eq!(root["k"].as_u64(), Some(1));
    assert_eq!(root["l"].as_bool(), Some(true));
    assert_eq!(root["o"]["x"].as_u64(), Some(1));
    assert_eq!(root["p"][0].as_u64(), Some(1));
}

#[test]
fn keys_are_their_text() {
    let doc = load("200: ok\nTrue: t\n1.50: x\n'~': tilde\n? plain\n: explicit\n");
    let keys: Vec<_> = doc.root.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["200", "True", "1.50", "~", "plain"]);
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let doc = load("\u{feff}asyncapi: 3.0.0\ninfo: {title: T}\n");
    assert_eq!(doc.root["asyncapi"].as_str(), Some("3.0.0"));
    assert_eq!(at(&doc, "/asyncapi"), (1, 11));
    assert_eq!(at(&doc, "/info/title"), (2, 15));
    let doc = Document::parse(Path::new("doc.json"), "\u{feff}{\"a\": 1}").unwrap();
    assert_eq!(at(&doc, "/a"), (1, 7));
}

#[test]
fn aliases_copy_values_and_their_positions() {
    let doc =
        load("base: &base\n  type: object\n  x: [1, 2]\nother: *base\nlist: [*base, &n 3, *n]\n");
    assert_eq!(doc.root["other"], doc.root["base"]);
    assert_eq!(doc.root["list"][0], doc.root["base"]);
    assert_eq!(doc.root["list"][2].as_u64(), Some(3));
    // A node starts with its anchor; a copy is located where its original is written.
    assert_eq!(at(&doc, "/base"), (1, 7));
    assert_eq!(at(&doc, "/other"), (1, 7));
    assert_eq!(at(&doc, "/other/x/1"), (3, 10));
    assert_eq!(at(&doc, "/list/0/type"), (2, 9));
    assert_eq!(at(&doc, "/list/2"), (5, 15));
}

#[test]
fn merge_keys_merge_mappings_the_own_keys_winning() {
    let doc = load(
        "defaults: &d {a: 1, b: 2}\n\
         more: &m {b: 3, c: 4}\n\
         one:\n  <<: *d\n  b: own\n\
         list:\n  a: own\n  <<: [*m, *d]\n  z: 0\n\
         inline:\n  <<: {k: v}\n\
         quoted:\n  '<<': not a merge\n",
    );
    let keys =
        |key: &str| -> Vec<String> { doc.root[key].as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys("one"), ["a", "b"]);
    assert_eq!(doc.root["one"]["a"].as_u64(), Some(1));
    assert_eq!(doc.root["one"]["b"].as_str(), Some("own"));
    // The first mapping listed gives `b`; the own `a` wins wherever it is written.
    assert_eq!(keys("list"), ["a", "b", "c", "z"]);
    assert_eq!(doc.root["list"]["a"].as_str(), Some("own"));
    assert_eq!(doc.root["list"]["b"].as_u64(), Some(3));
    assert_eq!(doc.root["inline"]["k"].as_str(), Some("v"));
    assert_eq!(doc.root["quoted"]["<<"].as_str(), Some("not a merge"));
    // Merged members are located where they are written.
    assert_eq!(at(&doc, "/one/a"), (1, 18));
    assert_eq!(at(&doc, "/one/b"), (5, 6));
    assert_eq!(at(&doc, "/list/c"), (2, 20));
    assert_eq!(at(&doc, "/inline/k"), (11, 11));
    assert!(!doc
        .positions
        .keys()
        .any(|p| p.contains("<<") && !p.starts_with("/quoted")));
}

/// A refused document: its text, where the error is (line, column), what it says.
type Refusal = (&'static str, Option<(usize, usize)>, &'static str);

#[test]
fn refusals_say_what_and_where() {
    let cases: &[Refusal] = &[
        (
            "a: [1,\n",
            Some((2, 1)),
            "while parsing a node, did not find expected node content",
        ),
        ("a: .nan\n", Some((1, 4)), ".nan has no JSON representation"),
        (
            "a:\n  b: -.inf\n",
            Some((2, 6)),
            "-.inf has no JSON representation",
        ),
        (
            "a: !custom 1\n",
            Some((1, 4)),
            "YAML tag !custom is not supported",
        ),
        (
            "a: !!binary aGk=\n",
            Some((1, 4)),
            "YAML tag !!binary is not supported",
        ),
        (
            "a: !!int x\n",
            Some((1, 4)),
            "\"x\" is not an integer (!!int)",
        ),
        (
            "a: !!map [1]\n",
            Some((1, 4)),
            "a sequence cannot be tagged !!map",
        ),
        (
            "a: !!seq x\n",
            Some((1, 4)),
            "a scalar (\"x\") cannot be tagged !!seq",
        ),
        (
            "a: 1\nb: 2\na: 3\n",
            Some((3, 1)),
            "duplicate key \"a\" (first at line 1 column 1)",
        ),
        (
            "x:\n  1: a\n  '1': b\n",
            Some((3, 3)),
            "duplicate key \"1\" (first at line 2 column 3)",
        ),
        (
            "? [a, b]\n: c\n",
            Some((1, 3)),
            "a mapping key must be a string, a number or a boolean, not a sequence",
        ),
        (
            "~: a\n",
            Some((1, 1)),
            "a mapping key must be a string, a number or a boolean, not null",
        ),
        (
            "a: 1\n---\nb: 2\n",
            Some((2, 1)),
            "more than one document in the stream: a file holds one document",
        ),
        (
            "a: &x [*x]\n",
            Some((1, 8)),
            "an alias inside the node it names (a recursive alias)",
        ),
        (
            "a: *nope\n",
            Some((1, 4)),
            "while parsing node, found unknown anchor",
        ),
        (
            "a: {<<: 1}\n",
            Some((1, 9)),
            "a merge key (<<) takes a mapping or a list of mappings",
        ),
        (
            "d: &d {x: 1}\na:\n  <<: [*d, 2]\n",
            Some((3, 12)),
            "a merge key (<<) list holds mappings only",
        ),
        (
            "- a\n- b\n",
            Some((1, 1)),
            "the document must be a mapping, found a sequence",
        ),
        (
            "just text\n",
            Some((1, 1)),
            "the document must be a mapping, found a string",
        ),
        ("", None, "the document is empty"),
        ("# only a comment\n", None, "the document is empty"),
        (
            "{\"a\": }",
            Some((1, 7)),
            "expected a value, found `}` (in /a)",
        ),
    ];
    for (text, position, message) in cases {
        assert_eq!(refusal(text), (*position, message.to_string()), "{text:?}");
    }
}

#[test]
fn a_refusal_reads_file_line_column() {
    let error = Document::parse(Path::new("spec/doc.yaml"), "a: .inf\n").unwrap_err();
    assert_eq!(
        error.to_string(),
        "spec/doc.yaml:1:4: not a YAML or JSON document: .inf has no JSON representation"
    );
}
