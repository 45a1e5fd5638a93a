//! The generator on documents it must refuse, or must treat with care: each fixture
//! under `tests/broken/` with the exact error it produces, and mutated copies of the
//! bundled Kinesis document, none of which may panic the generator.
//!
//! Fixtures are read by path relative to the package root (the working directory of
//! integration tests), so every message starts with `tests/broken/<fixture>`.

use std::path::Path;

use asyncapi_codegen::{Builder, Document};
use serde_json::{Map, Value};

const BUNDLED: &str = "../spec/kinesis-data-streams.asyncapi.yaml";

/// Runs the whole pipeline on a fixture; the error as its user sees it.
fn generate(fixture: &str) -> Result<String, String> {
    Builder::new(format!("tests/broken/{fixture}"))
        .generate()
        .map_err(|error| error.to_string())
}

/// Runs the whole pipeline on a document held in memory, named `name`.
fn generate_text(name: &str, text: &str) -> Result<String, String> {
    Document::parse(Path::new(name), text)
        .and_then(|doc| Builder::new(name).generate_from(&doc))
        .map_err(|error| error.to_string())
}

/// (fixture, exact error); `{file}` stands for `tests/broken/<fixture>`.
const REFUSED: &[(&str, &str)] = &[
    // Not a document at all.
    (
        "empty.yaml",
        "{file}: not a YAML or JSON document: the document is empty",
    ),
    (
        "only_comment.yaml",
        "{file}: not a YAML or JSON document: the document is empty",
    ),
    (
        "not_yaml.yaml",
        "{file}:3:1: not a YAML or JSON document: while parsing a flow sequence, expected ',' or ']'",
    ),
    (
        "not_json.json",
        "{file}:1:31: not a YAML or JSON document: expected a value, found `}` (in /info)",
    ),
    (
        "scalar.yaml",
        "{file}:1:1: not a YAML or JSON document: the document must be a mapping, found a string",
    ),
    (
        "sequence.yaml",
        "{file}:1:1: not a YAML or JSON document: the document must be a mapping, found a sequence",
    ),
    (
        "yaml_tag.yaml",
        "{file}:5:8: not a YAML or JSON document: YAML tag !custom is not supported",
    ),
    (
        "duplicate_key.yaml",
        "{file}:6:5: not a YAML or JSON document: duplicate key \"A\" (first at line 5 column 5)",
    ),
    (
        "key_not_string.yaml",
        "{file}:5:7: not a YAML or JSON document: a mapping key must be a string, a number or a boolean, not a sequence",
    ),
    (
        "minimum_nan.yaml",
        "{file}:5:32: not a YAML or JSON document: .nan has no JSON representation",
    ),
    // Not AsyncAPI 3.
    (
        "asyncapi_2_6.yaml",
        "{file}: AsyncAPI version 2.6.0 is not supported: this generator reads AsyncAPI 3.x",
    ),
    (
        "asyncapi_number.yaml",
        "{file}:1:11: #/asyncapi: \"asyncapi\" must be a version string such as \"3.0.0\" (found 3; quote it in YAML)",
    ),
    (
        "missing_asyncapi.yaml",
        "{file}: not an AsyncAPI document: the top-level \"asyncapi\" field is missing",
    ),
    // References.
    (
        "dangling_ref.yaml",
        "{file}:8:19: #/components/schemas/A/properties/b/$ref: $ref \"#/components/schemas/B\" points to nothing; did you mean \"#/components/schemas/A\"?",
    ),
    (
        "payload_dangling_ref.yaml",
        "{file}:5:25: #/components/messages/M/payload/$ref: $ref \"#/components/schemas/Nope\" points to nothing",
    ),
    (
        "channel_message_dangling_ref.yaml",
        "{file}:7:17: #/channels/c/messages/m/$ref: $ref \"#/components/messages/Nope\" points to nothing",
    ),
    (
        "ref_without_slash.yaml",
        "{file}:5:15: #/components/schemas/A/$ref: $ref \"#components/schemas/B\" points to nothing",
    ),
    (
        "ref_self.yaml",
        "{file}:5:15: #/components/schemas/A/$ref: $ref cycle: #/components/schemas/A",
    ),
    (
        "ref_other_file.yaml",
        "{file}:5:15: #/components/schemas/A/$ref: bad $ref: \"other.yaml#/components/schemas/B\": cannot read {dir}/tests/broken/other.yaml: No such file or directory (os error 2)",
    ),
    (
        "ref_not_string.yaml",
        "{file}:5:15: #/components/schemas/A/$ref: bad $ref: $ref must be a string",
    ),
    // Patterns the ECMA-262 translation cannot express, or that do not parse.
    (
        "pattern_lookahead.yaml",
        "{file}:5:32: #/components/schemas/A/pattern: pattern \"a(?=b)\" cannot be used: lookahead `(?=` at offset 1 is not supported by the regex engine",
    ),
    (
        "pattern_lookbehind.yaml",
        "{file}:5:32: #/components/schemas/A/pattern: pattern \"(?<=a)b\" cannot be used: lookbehind `(?<=` at offset 0 is not supported by the regex engine",
    ),
    (
        "pattern_backreference.yaml",
        "{file}:5:32: #/components/schemas/A/pattern: pattern \"(a)\\\\1\" cannot be used: backreference `\\1` at offset 3 is not supported by the regex engine",
    ),
    (
        "pattern_named_backreference.yaml",
        "{file}:5:32: #/components/schemas/A/pattern: pattern \"(?<x>a)\\\\k<x>\" cannot be used: named backreference `\\k<x>` at offset 7 is not supported by the regex engine",
    ),
    (
        "pattern_unclosed.yaml",
        "{file}:5:32: #/components/schemas/A/pattern: pattern \"[a-\" cannot be used: invalid ECMA-262 syntax at offset 0: unterminated character class",
    ),
    // Keywords with values of the wrong type or range.
    (
        "min_length_string.yaml",
        "{file}:5:34: #/components/schemas/A/minLength: \"minLength\" must be a non-negative integer",
    ),
    (
        "max_length_negative.yaml",
        "{file}:5:34: #/components/schemas/A/maxLength: \"maxLength\" must be a non-negative integer",
    ),
    (
        "required_not_array.yaml",
        "{file}:5:33: #/components/schemas/A/required: \"required\" must be an array of distinct property names",
    ),
    (
        "minimum_string.yaml",
        "{file}:5:33: #/components/schemas/A/minimum: \"minimum\" must be a number",
    ),
    (
        "multiple_of_zero.yaml",
        "{file}:5:35: #/components/schemas/A/multipleOf: \"multipleOf\" must be a number greater than 0",
    ),
    (
        "properties_not_mapping.yaml",
        "{file}:5:35: #/components/schemas/A/properties: \"properties\" must be a mapping of schemas",
    ),
    (
        "type_not_name.yaml",
        "{file}:5:15: #/components/schemas/A/type: \"type\" must be a type name or a non-empty array of them",
    ),
    (
        "description_not_string.yaml",
        "{file}:5:37: #/components/schemas/A/description: \"description\" must be a string",
    ),
    (
        "items_not_schema.yaml",
        "{file}:5:29: #/components/schemas/A/items: \"items\" must be a schema or an array of schemas",
    ),
    (
        "schema_number.yaml",
        "{file}:5:8: #/components/schemas/A: a schema must be a mapping or a boolean",
    ),
    (
        "schemas_not_mapping.yaml",
        "{file}:4:12: #/components/schemas: \"schemas\" must be a mapping of names to components",
    ),
    // Types and keywords the generator does not support.
    (
        "unknown_type.yaml",
        "{file}:5:15: #/components/schemas/A/type: unknown type \"strnig\"",
    ),
    // Messages.
    (
        "message_not_mapping.yaml",
        "{file}:5:8: #/components/messages/M: a message must be a mapping",
    ),
    // Channels and operations.
    (
        "channels_not_mapping.yaml",
        "{file}:3:11: #/channels: \"channels\" must be a mapping of channels",
    ),
    (
        "address_not_string.yaml",
        "{file}:4:16: #/channels/c/address: \"address\" must be a string or null",
    ),
    (
        "address_parameter_undeclared.yaml",
        "{file}:5:14: #/channels/c/address: address parameter {y} is not declared under parameters",
    ),
    (
        "parameter_not_in_address.yaml",
        "{file}:8:10: #/channels/c/parameters/z: parameter \"z\" does not appear in the address",
    ),
    (
        "address_unclosed.yaml",
        "{file}:5:14: #/channels/c/address: unclosed '{' in address \"a/{x\"",
    ),
    (
        "operation_action.yaml",
        "{file}:7:13: #/operations/o/action: \"action\" must be \"send\" or \"receive\"",
    ),
    (
        "operation_channel_not_channel.yaml",
        "{file}:8:21: #/operations/o/channel/$ref: bad $ref: \"#/components/schemas/A\" is not a channel of this document",
    ),
    (
        "operation_without_channel.yaml",
        "{file}:7:5: #/operations/o: missing channel: {$ref: '#/channels/...'}",
    ),
    (
        "operation_message_of_other_channel.yaml",
        "{file}:16:16: #/operations/o/messages/0: bad $ref: \"#/channels/d/messages/m\" is not a message of the operation's channel #/channels/c",
    ),
    // Several problems: all are listed, in document order. `$ref` problems come alone,
    // since the rest of the checks walk through references.
    (
        "several_problems.yaml",
        "{file}:8:19: #/components/schemas/A/properties/x/$ref: $ref \"#/components/schemas/Nope\" points to nothing",
    ),
    (
        "ref_cycle.yaml",
        "3 problems:\n  \
         {file}:5:15: #/components/schemas/A/$ref: $ref cycle: #/components/schemas/B -> #/components/schemas/C -> #/components/schemas/A\n  \
         {file}:6:15: #/components/schemas/B/$ref: $ref cycle: #/components/schemas/C -> #/components/schemas/A -> #/components/schemas/B\n  \
         {file}:7:15: #/components/schemas/C/$ref: $ref cycle: #/components/schemas/A -> #/components/schemas/B -> #/components/schemas/C",
    ),
    (
        "several_problems_after_refs.yaml",
        "2 problems:\n  \
         {file}:8:36: #/components/schemas/A/properties/y/pattern: pattern \"(?=a)\" cannot be used: lookahead `(?=` at offset 0 is not supported by the regex engine\n  \
         {file}:9:19: #/components/schemas/A/properties/z/type: unknown type \"strin\"",
    ),
];

/// Fixtures that generate, each with its exact warnings (`{file}` as above): valid
/// documents, however odd, are generated and validated as written.
const GENERATED: &[(&str, &[&str])] = &[
    ("const_not_string.yaml", &[]),
    (
        "enum_empty.yaml",
        &["{file}:5:29: #/components/schemas/A/enum: enum is empty: no value is valid here"],
    ),
    (
        "enum_not_string.yaml",
        &["{file}:5:29: #/components/schemas/A/enum: no enum value is of type string: no value is valid here"],
    ),
    ("if_then_else.yaml", &[]),
    (
        "min_above_max.yaml",
        &["{file}:5:34: #/components/schemas/A/minLength: minLength 5 is greater than maxLength 2: no string is valid here"],
    ),
    ("name_collisions.yaml", &[]),
    ("not_keyword.yaml", &[]),
    ("pattern_properties.yaml", &[]),
    ("property_schema_false.yaml", &[]),
    (
        "ref_to_non_schema.yaml",
        &["{file}:5:46: #/components/schemas/A/properties/x/$ref: $ref leads to #/info, which is not a schema of the document: it is read as one"],
    ),
    (
        "ref_with_sibling.yaml",
        &["{file}:5:52: #/components/schemas/A/maxLength: \"maxLength\" beside $ref is ignored (JSON Schema draft 07 reads only the $ref); to apply both, write allOf: [{$ref: ...}, {maxLength: ...}]"],
    ),
    ("reserved_words.yaml", &[]),
    ("schema_false.yaml", &[]),
    ("schema_format_avro.yaml", &[]),
    ("several_types.yaml", &[]),
    ("tuple_items.yaml", &[]),
];

#[test]
fn every_broken_fixture_gives_its_exact_error() {
    let mut wrong = Vec::new();
    for (fixture, expected) in REFUSED {
        // `{dir}`: where this crate is checked out, which absolute paths in messages name.
        let expected = expected
            .replace("{file}", &format!("tests/broken/{fixture}"))
            .replace("{dir}", env!("CARGO_MANIFEST_DIR"));
        match generate(fixture) {
            Err(got) if got == expected => {}
            Err(got) => wrong.push(format!(
                "{fixture}:\n  expected: {expected}\n  got:      {got}"
            )),
            Ok(_) => wrong.push(format!("{fixture}: accepted; expected: {expected}")),
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} fixtures:\n{}",
        wrong.len(),
        REFUSED.len(),
        wrong.join("\n")
    );
    assert!(REFUSED.len() >= 25);
}

#[test]
fn every_odd_but_valid_fixture_generates_with_its_exact_warnings() {
    let mut wrong = Vec::new();
    for (fixture, expected) in GENERATED {
        let file = format!("tests/broken/{fixture}");
        let expected: Vec<String> = expected
            .iter()
            .map(|w| w.replace("{file}", &file))
            .collect();
        let builder = Builder::new(&file);
        if let Err(error) = builder.generate() {
            wrong.push(format!("{fixture}: refused: {error}"));
            continue;
        }
        let got: Vec<String> = match builder.model() {
            Ok(checked) => checked.warnings.iter().map(ToString::to_string).collect(),
            Err(error) => vec![format!("model refused: {error}")],
        };
        if got != expected {
            wrong.push(format!(
                "{fixture}:\n  expected: {expected:#?}\n  got:      {got:#?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_fixture_is_in_the_catalogue() {
    let listed: Vec<&str> = REFUSED
        .iter()
        .map(|(f, _)| *f)
        .chain(GENERATED.iter().map(|(f, _)| *f))
        .collect();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir("tests/broken").expect("tests/broken") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if !listed.contains(&name.as_str()) {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "fixtures without an expected outcome: {missing:?}"
    );
}

/// The generated item names (`pub struct X`, `pub enum X`) and field names, in order.
fn declared(source: &str, item: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|line| line.trim().strip_prefix(item))
        .map(|rest| {
            rest.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '#'))
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[test]
fn colliding_names_get_2_3_in_document_order() {
    let source = generate("name_collisions.yaml").expect("collisions are resolved, not refused");
    // foo-bar, FooBar and foo_bar all want `FooBar`; the first keeps it.
    assert_eq!(
        declared(&source, "pub struct "),
        ["FooBar", "FooBar3", "FooBarKind"],
        "{source}"
    );
    assert_eq!(
        declared(&source, "pub enum "),
        ["FooBar2", "FooBar3Kind", "MessageName", "Message"]
    );
    // Properties a-b, a_b and "A B" all want `a_b`; `additional_properties` is the
    // field that keeps unknown properties, so the property of that name yields.
    assert_eq!(
        declared_fields(&source, "FooBar"),
        [
            "a_b",
            "a_b2",
            "a_b3",
            "additional_properties2",
            "additional_properties"
        ]
    );
    for (wire, field) in [
        ("a-b", "a_b"),
        ("a_b", "a_b2"),
        ("A B", "a_b3"),
        ("additional_properties", "additional_properties2"),
    ] {
        assert!(
            source.contains(&format!("rename = \"{wire}\"")),
            "{wire} keeps its wire name on {field}"
        );
    }
    // Enum values x-y, X_Y and xY all want `XY`.
    assert!(
        source.contains(
            "pub const ALL: &'static [FooBar2] = &[FooBar2::XY, FooBar2::XY2, FooBar2::XY3];"
        ),
        "{source}"
    );
    // The same document, the same names.
    assert_eq!(generate("name_collisions.yaml").unwrap(), source);
}

/// The field names of `pub struct <name> { ... }`.
fn declared_fields(source: &str, name: &str) -> Vec<String> {
    let start = source
        .find(&format!("pub struct {name} {{"))
        .unwrap_or_else(|| panic!("no struct {name}"));
    let body = &source[start..];
    let end = body.find("\n}").unwrap_or(body.len());
    declared(&body[..end], "pub ").into_iter().skip(1).collect()
}

#[test]
fn reserved_words_become_valid_identifiers() {
    let source = generate("reserved_words.yaml").expect("reserved words are renamed, not refused");
    // `Message`, `MessageName` and `Validate` are names the generated module itself
    // uses; `Option`, `String`, `Vec`, `Result`, `Box` and `Some` are prelude names it
    // uses unqualified.
    assert_eq!(
        declared(&source, "pub struct "),
        [
            "Message2",
            "Self_",
            "MessageName2",
            "Validate2",
            "T2fa",
            "Option2",
            "String2",
            "Vec2",
            "Result2",
            "Box2",
            "Some2"
        ],
        "{source}"
    );
    assert!(
        source.contains("pub struct T2fa("),
        "a leading digit gets a prefix"
    );
    assert_eq!(
        declared_fields(&source, "Message2"),
        [
            "r#type",
            "self_",
            "crate_",
            "r#fn",
            "self_2",
            "super_",
            "empty",
            "_2fa",
            "r#async",
            "additional_properties"
        ]
    );
    for wire in ["self", "crate", "Self", "super", "_", "2fa"] {
        assert!(
            source.contains(&format!("rename = \"{wire}\"")),
            "{wire} keeps its wire name"
        );
    }
}

#[test]
fn nesting_10_000_deep_is_refused_cleanly() {
    let n = 10_000;
    let yaml = format!(
        "asyncapi: 3.0.0\nx-deep: {}{}\n",
        "[".repeat(n),
        "]".repeat(n)
    );
    assert_eq!(
        generate_text("deep.yaml", &yaml).unwrap_err(),
        "deep.yaml:2:264: not a YAML or JSON document: flow collections nested deeper than 255 levels"
    );
    let json = format!(
        "{{\"asyncapi\": \"3.0.0\", \"x-deep\": {}{}}}",
        "[".repeat(n),
        "]".repeat(n)
    );
    let error = generate_text("deep.json", &json).unwrap_err();
    assert!(
        error.starts_with("deep.json:1:288: not a YAML or JSON document: nested deeper than 256 levels (in /x-deep/0/0/"),
        "{error}"
    );
    let mut block = String::from("asyncapi: 3.0.0\nx-deep:\n");
    for depth in 1..=2_000 {
        block.push_str(&" ".repeat(depth));
        block.push_str("a:\n");
    }
    assert_eq!(
        generate_text("deep_block.yaml", &block).unwrap_err(),
        "deep_block.yaml:258:257: not a YAML or JSON document: nested deeper than 256 levels"
    );
}

#[test]
fn a_json_document_may_start_with_a_byte_order_mark() {
    let text =
        "\u{feff}{\"asyncapi\": \"3.0.0\", \"info\": {\"title\": \"B\", \"version\": \"1\"}}";
    assert!(generate_text("bom.json", text).is_ok());
}

/// The bundled document padded to 10 MB with message examples (which the generator reads
/// but does not emit): it generates exactly what the bundled document does, and a broken
/// `$ref` at its very end is found and named.
#[test]
fn a_10_mb_document() {
    let text = std::fs::read_to_string(BUNDLED).expect("bundled document");
    let mut doc: Value = serde_yaml::from_str(&text).expect("YAML");
    let examples = doc
        .pointer_mut("/components/messages/KinesisRecord/examples")
        .and_then(Value::as_array_mut)
        .expect("KinesisRecord examples");
    let template = examples[0].clone();
    let mut size = text.len();
    let mut i = 0;
    while size < 10 * 1024 * 1024 {
        let mut example = template.clone();
        example["name"] = Value::from(format!("padding{i}"));
        example["payload"]["PartitionKey"] = Value::from(format!("{i:0>400}"));
        size += serde_json::to_string(&example).unwrap().len();
        examples.push(example);
        i += 1;
    }
    let big = serde_json::to_string_pretty(&doc).unwrap();
    assert!(big.len() >= 10 * 1024 * 1024, "{} bytes", big.len());
    let expected = Builder::new("big.json")
        .generate_from(
            &Document::parse(
                Path::new("big.json"),
                &serde_json::to_string(&serde_yaml::from_str::<Value>(&text).unwrap()).unwrap(),
            )
            .unwrap(),
        )
        .expect("bundled document generates");
    assert_eq!(
        generate_text("big.json", &big).expect("10 MB generates"),
        expected
    );

    doc["components"]["schemas"]["Zlast"] =
        serde_json::json!({"$ref": "#/components/schemas/Nowhere"});
    let broken = serde_json::to_string(&doc).unwrap();
    let error = generate_text("big.json", &broken).unwrap_err();
    assert!(
        error.starts_with("big.json:1:")
            && error.ends_with(": #/components/schemas/Zlast/$ref: $ref \"#/components/schemas/Nowhere\" points to nothing"),
        "{error}"
    );
}

/// A small deterministic generator (SplitMix64), so every run mutates the same way.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Every node of `value` as a list of steps from the root (the root itself excluded).
fn node_paths(value: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                at.push(Step::Key(key.clone()));
                out.push(at.clone());
                node_paths(child, at, out);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                at.push(Step::Index(i));
                out.push(at.clone());
                node_paths(child, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn parent_of<'a>(root: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut node = root;
    for step in &path[..path.len() - 1] {
        node = match (step, node) {
            (Step::Key(key), Value::Object(map)) => map.get_mut(key)?,
            (Step::Index(i), Value::Array(items)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

/// What a mutated node becomes: every JSON type, and values a document tends to hold.
fn replacement(rng: &mut Rng) -> Value {
    match rng.below(12) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => Value::from(-1),
        3 => Value::from(1.5),
        4 => Value::from(""),
        5 => Value::from("string"),
        6 => Value::Array(vec![]),
        7 => Value::Array(vec![Value::from(1), Value::Null]),
        8 => Value::Object(Map::new()),
        9 => serde_json::json!({"$ref": "#/components/schemas/Nowhere"}),
        10 => serde_json::json!({"$ref": "#/components/schemas/KinesisRecord"}),
        _ => serde_json::json!({"type": "object", "properties": {"x": {"type": "string"}}}),
    }
}

/// Deletes a node or swaps it for a value of another type.
fn mutate(root: &mut Value, rng: &mut Rng) -> String {
    let mut paths = Vec::new();
    node_paths(root, &mut Vec::new(), &mut paths);
    let path = paths[rng.below(paths.len())].clone();
    let delete = rng.below(2) == 0;
    let value = replacement(rng);
    let description = format!("{} {:?}", if delete { "delete" } else { "replace" }, path);
    let Some(parent) = parent_of(root, &path) else {
        return description;
    };
    match (path.last().expect("not the root"), parent) {
        (Step::Key(key), Value::Object(map)) => {
            if delete {
                map.remove(key);
            } else {
                map.insert(key.clone(), value);
            }
        }
        (Step::Index(i), Value::Array(items)) => {
            if delete {
                items.remove(*i);
            } else {
                items[*i] = value;
            }
        }
        _ => {}
    }
    format!(
        "{description} -> {}",
        if delete {
            String::new()
        } else {
            value_kind(root, &path)
        }
    )
}

fn value_kind(root: &Value, path: &[Step]) -> String {
    let mut node = root;
    for step in path {
        node = match (step, node) {
            (Step::Key(key), Value::Object(map)) => match map.get(key) {
                Some(n) => n,
                None => return String::new(),
            },
            (Step::Index(i), Value::Array(items)) => match items.get(*i) {
                Some(n) => n,
                None => return String::new(),
            },
            _ => return String::new(),
        };
    }
    node.to_string()
}

/// Mutated copies of the bundled document (1 to 3 deletions or type swaps each): the
/// generator returns (`Ok` or a typed error naming the file), and never panics.
#[test]
fn mutated_bundled_documents_never_panic_the_generator() {
    let text = std::fs::read_to_string(BUNDLED).expect("bundled document");
    let original: Value = serde_yaml::from_str(&text).expect("YAML");
    let mut rng = Rng(0x6b69_6e65_7369_7321);
    let (mut accepted, mut refused) = (0, 0);
    for case in 0..300 {
        let mut root = original.clone();
        let mutations: Vec<String> = (0..1 + rng.below(3))
            .map(|_| mutate(&mut root, &mut rng))
            .collect();
        let text = serde_json::to_string(&root).expect("JSON");
        let doc = match Document::parse(std::path::Path::new("mutant.yaml"), &text) {
            Ok(doc) => doc,
            Err(error) => panic!("case {case}: JSON text does not load: {error}"),
        };
        match Builder::new("mutant.yaml").generate_from(&doc) {
            Ok(source) => {
                accepted += 1;
                assert!(
                    source.starts_with("// @generated"),
                    "case {case}: {mutations:?}"
                );
            }
            Err(error) => {
                refused += 1;
                let message = error.to_string();
                assert!(
                    message.starts_with("mutant.yaml")
                        || message.contains(" problems:\n  mutant.yaml"),
                    "case {case} {mutations:?}: the error does not name the file: {message}"
                );
            }
        }
    }
    eprintln!("{accepted} mutants generated, {refused} refused with an error");
    assert!(
        accepted > 0 && refused > 0,
        "{accepted} accepted, {refused} refused"
    );
}

/// A document whose schemas are named like the prelude types that generated code uses
/// unqualified (`Option<String>`, `Vec<T>`, `Box<T>`) must not shadow them.
#[test]
fn schema_names_do_not_shadow_the_prelude() {
    let source = generate("reserved_words.yaml").expect("generates");
    for prelude in ["Option", "String", "Vec", "Box", "Result", "Some"] {
        let shadowing = [
            format!("pub struct {prelude} "),
            format!("pub struct {prelude}("),
            format!("pub enum {prelude} "),
        ]
        .iter()
        .any(|d| source.contains(d.as_str()));
        let used_bare = source.match_indices(prelude).any(|(at, _)| {
            let before = source[..at].chars().last();
            let after = source[at + prelude.len()..].chars().next();
            !matches!(before, Some(c) if c.is_alphanumeric() || c == '_' || c == ':' || c == '"')
                && matches!(after, Some('<' | ':' | '>' | ','))
        });
        assert!(
            !(shadowing && used_bare),
            "a schema named {prelude} shadows the prelude {prelude} that the generated code uses:\n{source}"
        );
    }
}
