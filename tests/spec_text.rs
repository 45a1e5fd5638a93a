//! `spec/kinesis-data-streams.asyncapi.yaml` must say exactly what the seed document
//! says (the seed lost its YAML indentation, but its words are authoritative), plus
//! message examples under `components/messages/*/examples`.
//!
//! The seed is vendored in `spec/seed/` so that these tests do not depend on anything
//! outside the repository; `vendored_seed_matches_shared_seed` checks the copy against
//! the original in `../shared/seed/` whenever that folder is present.

use serde_json::Value;
use std::fs;
use std::path::Path;

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/spec/kinesis-data-streams.asyncapi.yaml"
);
const VENDORED_SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/spec/seed/kinesis-data-streams-asyncapi.txt"
);
const SHARED_SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seed/kinesis-data-streams-asyncapi.txt"
);

/// The line where the AsyncAPI document starts inside the seed file.
const DOCUMENT_START: &str = "asyncapi: 3.0.0";

const MESSAGES: [&str; 3] = [
    "KinesisRecord",
    "SubscribeToShardEvent",
    "LambdaKinesisEvent",
];

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn load_spec() -> Value {
    serde_yaml::from_str(&read(SPEC)).unwrap_or_else(|e| panic!("{SPEC} is not valid YAML: {e}"))
}

/// The seed text from the `asyncapi: 3.0.0` line to the end.
fn seed_document(seed: &str) -> String {
    let mut out = String::new();
    let mut started = false;
    for line in seed.lines() {
        started = started || line.trim() == DOCUMENT_START;
        if started {
            out.push_str(line);
            out.push('\n');
        }
    }
    assert!(started, "the seed has no `{DOCUMENT_START}` line");
    out
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The mapping key a line opens (`key:` or `key: value`), if it is a plain key line.
fn mapping_key(trimmed: &str) -> Option<&str> {
    if trimmed.starts_with("- ") || trimmed.starts_with('#') {
        return None;
    }
    let key = match trimmed.find(": ") {
        Some(i) => &trimmed[..i],
        None => trimmed.strip_suffix(':')?,
    };
    (!key.is_empty() && !key.contains(' ')).then_some(key)
}

/// Removes the `examples:` blocks that sit directly in a message of
/// `components/messages` (the line itself and every following line indented more
/// deeply, blank lines included). Other `examples:` keys, such as the property-level
/// ones of the schemas, are kept.
fn strip_message_examples(spec: &str) -> String {
    let mut out = String::new();
    // (indent, key) of the mapping keys enclosing the current line.
    let mut path: Vec<(usize, String)> = Vec::new();
    let mut skipping_deeper_than: Option<usize> = None;
    for line in spec.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if skipping_deeper_than.is_none() {
                out.push('\n');
            }
            continue;
        }
        let indent = indent_of(line);
        if let Some(level) = skipping_deeper_than {
            if indent > level {
                continue;
            }
            skipping_deeper_than = None;
        }
        while path.last().is_some_and(|(i, _)| *i >= indent) {
            path.pop();
        }
        let in_message = path.len() == 3 && path[0].1 == "components" && path[1].1 == "messages";
        if in_message && trimmed == "examples:" {
            skipping_deeper_than = Some(indent);
            continue;
        }
        if let Some(key) = mapping_key(trimmed) {
            path.push((indent, key.to_string()));
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

fn context(words: &[&str], at: usize) -> String {
    let from = at.saturating_sub(8);
    let to = (at + 8).min(words.len());
    let mut s = String::new();
    for (i, w) in words[from..to].iter().enumerate() {
        if from + i == at {
            s.push_str(">>>");
            s.push_str(w);
            s.push_str("<<< ");
        } else {
            s.push_str(w);
            s.push(' ');
        }
    }
    if at >= words.len() {
        s.push_str(">>>(end of text)<<<");
    }
    s
}

/// Where the spec deliberately says something else than the seed: (the spec's line,
/// the seed's line, or `None` for a line the spec adds). Each is explained by a YAML
/// comment above it in the spec, and each must occur exactly once, so a stale entry
/// fails the test.
const DEVIATIONS: [(&str, Option<&str>); 5] = [
    // The seed's maxLength counted bytes, but JSON Schema counts the base64
    // characters: 1 MiB of data is 1398104 of them.
    (
        "          maxLength: 1398104",
        Some("          maxLength: 1048576"),
    ),
    // And those 1398104 characters hold 1 MiB only when they end in "==".
    ("          if:", None),
    ("            minLength: 1398104", None),
    ("          then:", None),
    ("            pattern: '==$'", None),
];

/// The spec as the seed would say it: YAML comments (the spec's own explanations)
/// removed and each deviation put back to the seed's words.
fn as_the_seed_says(spec: &str) -> String {
    let mut out = String::new();
    let mut applied = [0; DEVIATIONS.len()];
    for line in spec.lines() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let line = match DEVIATIONS.iter().position(|(ours, _)| *ours == line) {
            Some(i) => {
                applied[i] += 1;
                match DEVIATIONS[i].1 {
                    Some(seed) => seed,
                    None => continue,
                }
            }
            None => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    assert_eq!(applied, [1; DEVIATIONS.len()], "each deviation occurs once");
    out
}

#[test]
fn spec_says_exactly_what_the_seed_says() {
    let seed = seed_document(&read(VENDORED_SEED));
    let spec = as_the_seed_says(&strip_message_examples(&read(SPEC)));
    let (seed_words, spec_words) = (words(&seed), words(&spec));
    if let Some(at) = (0..seed_words.len().max(spec_words.len()))
        .find(|&i| seed_words.get(i) != spec_words.get(i))
    {
        panic!(
            "the spec differs from the seed at word {at} (seed has {} words, spec without message \
             examples has {})\n  seed: {}\n  spec: {}",
            seed_words.len(),
            spec_words.len(),
            context(&seed_words, at),
            context(&spec_words, at),
        );
    }
    // The property-level `examples:` of the seed (eventID, eventVersion, awsRegion,
    // kinesisSchemaVersion) must still be there; only the message-level ones go.
    let kept = spec.lines().filter(|l| l.trim() == "examples:").count();
    assert_eq!(kept, 4, "property-level examples kept after stripping");
}

#[test]
fn stripping_removes_only_message_level_examples() {
    let text = "\
components:
  messages:
    M:
      payload:
        $ref: '#/components/schemas/M'
      examples:
        - name: a

          payload:
            examples:
              - deep
    N:
      name: N
  schemas:
    M:
      properties:
        p:
          examples:
            - '1.0'
";
    let stripped = strip_message_examples(text);
    assert!(!stripped.contains("name: a"), "{stripped}");
    assert!(!stripped.contains("deep"), "{stripped}");
    assert!(stripped.contains("    N:\n      name: N\n"), "{stripped}");
    assert!(
        stripped.contains("          examples:\n            - '1.0'\n"),
        "{stripped}"
    );
}

#[test]
fn vendored_seed_matches_shared_seed() {
    if !Path::new(SHARED_SEED).exists() {
        println!("skipped: {SHARED_SEED} is absent, nothing to compare the vendored seed with");
        return;
    }
    let shared = fs::read(SHARED_SEED).unwrap_or_else(|e| panic!("cannot read {SHARED_SEED}: {e}"));
    let vendored =
        fs::read(VENDORED_SEED).unwrap_or_else(|e| panic!("cannot read {VENDORED_SEED}: {e}"));
    assert!(
        shared == vendored,
        "{VENDORED_SEED} is not a byte-identical copy of {SHARED_SEED}"
    );
}

fn at<'a>(value: &'a Value, pointer: &str) -> &'a Value {
    value
        .pointer(pointer)
        .unwrap_or_else(|| panic!("the spec has nothing at {pointer}"))
}

fn len_at(value: &Value, pointer: &str) -> usize {
    match at(value, pointer) {
        Value::Array(a) => a.len(),
        Value::Object(o) => o.len(),
        other => panic!("{pointer} is neither an array nor a mapping: {other}"),
    }
}

#[test]
fn spec_structure() {
    let doc = load_spec();
    assert_eq!(at(&doc, "/asyncapi"), "3.0.0");
    assert_eq!(at(&doc, "/info/version"), "2013-12-02");
    assert_eq!(at(&doc, "/info/title"), "Amazon Kinesis Data Streams");
    assert_eq!(len_at(&doc, "/info/tags"), 4);
    assert_eq!(at(&doc, "/defaultContentType"), "application/json");
    assert_eq!(
        at(&doc, "/servers/production/host"),
        "kinesis.{region}.amazonaws.com"
    );
    assert_eq!(
        at(&doc, "/servers/production/variables/region/default"),
        "us-east-1"
    );
    assert_eq!(
        len_at(&doc, "/servers/production/variables/region/enum"),
        16
    );
    assert_eq!(
        at(&doc, "/servers/production/security/0/$ref"),
        "#/components/securitySchemes/awsSigV4"
    );
    assert_eq!(len_at(&doc, "/channels"), 3);
    assert_eq!(
        at(&doc, "/channels/enhancedFanOutSubscription/address"),
        "kinesis/{streamName}/{shardId}/consumer/{consumerName}"
    );
    assert_eq!(
        len_at(&doc, "/channels/enhancedFanOutSubscription/parameters"),
        3
    );
    assert_eq!(len_at(&doc, "/channels/kinesisStreamShard/messages"), 2);
    assert_eq!(len_at(&doc, "/operations"), 4);
    for (op, action) in [
        ("publishRecord", "send"),
        ("consumeRecordsByPolling", "receive"),
        ("consumeRecordsByEnhancedFanOut", "receive"),
        ("consumeRecordsByLambda", "receive"),
    ] {
        assert_eq!(at(&doc, &format!("/operations/{op}/action")), action);
        assert_eq!(len_at(&doc, &format!("/operations/{op}/messages")), 1);
        assert_eq!(len_at(&doc, &format!("/operations/{op}/tags")), 1);
    }
    assert_eq!(
        at(&doc, "/components/securitySchemes/awsSigV4/in"),
        "header"
    );
    assert_eq!(len_at(&doc, "/components/schemas"), 7);
    assert_eq!(
        at(
            &doc,
            "/components/schemas/KinesisRecord/properties/SequenceNumber/pattern"
        ),
        "0|([1-9]\\d{0,128})"
    );
    assert_eq!(
        at(&doc, "/components/schemas/SubscribeToShardEvent/properties/ContinuationSequenceNumber/pattern"),
        "0|([1-9]\\d{0,128})"
    );
    assert_eq!(
        at(
            &doc,
            "/components/schemas/LambdaKinesisEventRecord/properties/eventSourceARN/pattern"
        ),
        "arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+"
    );
    assert_eq!(
        at(
            &doc,
            "/components/schemas/ChildShard/properties/ShardId/pattern"
        ),
        "[a-zA-Z0-9_.-]+"
    );
    assert_eq!(
        at(
            &doc,
            "/components/schemas/KinesisRecord/properties/Data/maxLength"
        ),
        // 1 MiB of data in base64 characters (the seed's 1048576 counted bytes).
        1398104
    );
    assert_eq!(
        at(
            &doc,
            "/components/schemas/KinesisRecord/properties/PartitionKey/maxLength"
        ),
        256
    );
    assert_eq!(
        len_at(
            &doc,
            "/components/schemas/KinesisRecord/properties/EncryptionType/enum"
        ),
        2
    );
    assert_eq!(
        at(
            &doc,
            "/components/schemas/ChildShard/properties/ParentShards/items/type"
        ),
        "string"
    );
    assert_eq!(
        at(
            &doc,
            "/components/schemas/ChildShard/properties/ParentShards/description"
        ),
        "The list of parent shard IDs."
    );
    assert_eq!(
        at(
            &doc,
            "/components/schemas/LambdaKinesisEventRecord/properties/eventSource/const"
        ),
        "aws:kinesis"
    );
    assert_eq!(
        at(
            &doc,
            "/components/schemas/LambdaKinesisEventRecord/properties/eventName/const"
        ),
        "aws:kinesis:record"
    );
    assert_eq!(
        len_at(
            &doc,
            "/components/schemas/LambdaKinesisEventRecord/required"
        ),
        8
    );
    assert_eq!(
        at(
            &doc,
            "/components/schemas/LambdaKinesisEventRecord/properties/eventID/examples/0"
        ),
        "shardId-000000000001:21269319989652663814458848515492872193"
    );
    assert_eq!(
        at(
            &doc,
            "/components/schemas/LambdaKinesisData/properties/kinesisSchemaVersion/examples/0"
        ),
        "1.0"
    );
    // Folded block scalars fold their line breaks into spaces.
    assert_eq!(
        at(&doc, "/components/schemas/LambdaKinesisData/properties/approximateArrivalTimestamp/description"),
        "The approximate time that the record was inserted into the stream, as a Unix epoch timestamp."
    );
    assert_eq!(len_at(&doc, "/components/messages"), 3);
    for message in MESSAGES {
        let m = at(&doc, &format!("/components/messages/{message}"));
        assert_eq!(at(m, "/name"), message);
        assert_eq!(at(m, "/contentType"), "application/json");
        assert_eq!(
            at(m, "/payload/$ref"),
            &format!("#/components/schemas/{message}")
        );
        let examples = at(m, "/examples").as_array().expect("examples is a list");
        assert!(
            examples.len() >= 3,
            "{message} has {} examples",
            examples.len()
        );
        for (i, example) in examples.iter().enumerate() {
            for field in ["name", "summary"] {
                assert!(
                    example
                        .get(field)
                        .and_then(Value::as_str)
                        .is_some_and(|s| !s.is_empty()),
                    "{message} example {i} has no {field}"
                );
            }
            assert!(
                example.get("payload").is_some_and(Value::is_object),
                "{message} example {i}"
            );
        }
        let mut names: Vec<&str> = examples.iter().filter_map(|e| e["name"].as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            examples.len(),
            "{message} example names are unique"
        );
    }
}

/// What walking one example payload along its schema found.
#[derive(Default)]
struct Walk {
    /// Every object holds its required properties and nothing else.
    required_only: bool,
    /// Every object holds every property its schema lists, every array is non-empty.
    every_property: bool,
    /// Properties the schema does not list, at the top level and deeper down.
    extra_top: Vec<String>,
    extra_nested: Vec<String>,
    problems: Vec<String>,
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let pointer = r
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("non-local $ref {r}"));
            resolve(doc, at(doc, pointer))
        }
        None => schema,
    }
}

/// Standard base64 with padding, in canonical form (unused bits zero).
fn is_standard_base64(s: &str) -> bool {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = s.as_bytes();
    if bytes.len() % 4 != 0 {
        return false;
    }
    let body = s.trim_end_matches('=');
    let padding = bytes.len() - body.len();
    if padding > 2 || !body.bytes().all(|b| ALPHABET.contains(&b)) {
        return false;
    }
    let last = match body.bytes().last() {
        Some(b) => ALPHABET.iter().position(|&a| a == b).unwrap_or(0),
        None => return true,
    };
    match padding {
        1 => last & 0b11 == 0,
        2 => last & 0b1111 == 0,
        _ => true,
    }
}

fn walk(
    doc: &Value,
    schema: &Value,
    instance: &Value,
    pointer: &str,
    depth: usize,
    out: &mut Walk,
) {
    let schema = resolve(doc, schema);
    let type_ok = match schema.get("type").and_then(Value::as_str) {
        Some("object") => instance.is_object(),
        Some("array") => instance.is_array(),
        Some("string") => instance.is_string(),
        Some("integer") => instance.as_f64().is_some_and(|f| f.fract() == 0.0),
        Some("number") => instance.is_number(),
        _ => true,
    };
    if !type_ok {
        out.problems.push(format!(
            "{pointer}: {instance} is not of type {}",
            schema["type"]
        ));
    }
    if let Some(expected) = schema.get("const") {
        if instance != expected {
            out.problems
                .push(format!("{pointer}: {instance} is not {expected}"));
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        if !allowed.contains(instance) {
            out.problems
                .push(format!("{pointer}: {instance} is not one of {allowed:?}"));
        }
    }
    if let Some(s) = instance.as_str() {
        let chars = s.chars().count() as u64;
        if schema
            .get("minLength")
            .and_then(Value::as_u64)
            .is_some_and(|min| chars < min)
        {
            out.problems
                .push(format!("{pointer}: shorter than minLength"));
        }
        if schema
            .get("maxLength")
            .and_then(Value::as_u64)
            .is_some_and(|max| chars > max)
        {
            out.problems
                .push(format!("{pointer}: longer than maxLength"));
        }
        if schema.get("format").and_then(Value::as_str) == Some("byte") && !is_standard_base64(s) {
            out.problems
                .push(format!("{pointer}: {s:?} is not standard padded base64"));
        }
    }
    if let Some(min) = schema.get("minimum").and_then(Value::as_f64) {
        if instance.as_f64().is_some_and(|n| n < min) {
            out.problems.push(format!("{pointer}: below minimum {min}"));
        }
    }
    match instance {
        Value::Object(object) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            for name in &required {
                if !object.contains_key(*name) {
                    out.problems
                        .push(format!("{pointer}: required property {name} is missing"));
                }
            }
            if let Some(properties) = properties {
                if properties.keys().any(|p| !object.contains_key(p)) {
                    out.every_property = false;
                }
            }
            for (name, value) in object {
                let child = format!("{pointer}/{name}");
                if !required.contains(&name.as_str()) {
                    out.required_only = false;
                }
                match properties.and_then(|p| p.get(name)) {
                    Some(sub) => walk(doc, sub, value, &child, depth + 1, out),
                    None if depth == 0 => out.extra_top.push(child),
                    None => out.extra_nested.push(child),
                }
            }
        }
        Value::Array(items) => {
            if items.is_empty() {
                out.every_property = false;
            }
            if let Some(item_schema) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    walk(
                        doc,
                        item_schema,
                        item,
                        &format!("{pointer}/{i}"),
                        depth + 1,
                        out,
                    );
                }
            }
        }
        _ => {}
    }
}

/// Every string found under a key for which `key_matches` holds.
fn strings_under<'a>(value: &'a Value, key_matches: &dyn Fn(&str) -> bool, out: &mut Vec<&'a str>) {
    match value {
        Value::Object(object) => {
            for (k, v) in object {
                if let (true, Some(s)) = (key_matches(k), v.as_str()) {
                    out.push(s);
                }
                strings_under(v, key_matches, out);
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|v| strings_under(v, key_matches, out)),
        _ => {}
    }
}

fn examples<'a>(doc: &'a Value, message: &str) -> &'a Vec<Value> {
    at(doc, &format!("/components/messages/{message}/examples"))
        .as_array()
        .expect("examples is a list")
}

#[test]
fn message_examples_are_valid_and_cover_the_edges() {
    let doc = load_spec();
    let mut extra_top = Vec::new();
    let mut extra_nested = Vec::new();
    for message in MESSAGES {
        let schema = at(&doc, &format!("/components/messages/{message}/payload"));
        let (mut minimal, mut full, mut extra) = (false, false, false);
        for example in examples(&doc, message) {
            let name = example["name"].as_str().unwrap_or_default();
            let mut w = Walk {
                required_only: true,
                every_property: true,
                ..Walk::default()
            };
            walk(&doc, schema, &example["payload"], "", 0, &mut w);
            assert!(
                w.problems.is_empty(),
                "{message} example {name}: {:#?}",
                w.problems
            );
            let has_extra = !(w.extra_top.is_empty() && w.extra_nested.is_empty());
            minimal |= w.required_only && !has_extra;
            full |= w.every_property;
            extra |= has_extra;
            extra_top.extend(
                w.extra_top
                    .into_iter()
                    .map(|p| format!("{message} {name} {p}")),
            );
            extra_nested.extend(
                w.extra_nested
                    .into_iter()
                    .map(|p| format!("{message} {name} {p}")),
            );
        }
        assert!(
            minimal,
            "{message} has no example with only the required properties"
        );
        assert!(full, "{message} has no example with every property");
        assert!(
            extra,
            "{message} has no example with a property the schema does not list"
        );
    }
    assert!(
        !extra_top.is_empty(),
        "no unlisted property at the top level of a payload"
    );
    assert!(
        !extra_nested.is_empty(),
        "no unlisted property inside a nested object"
    );

    let all: Vec<&Value> = MESSAGES
        .iter()
        .flat_map(|m| examples(&doc, m))
        .map(|e| &e["payload"])
        .collect();
    let found = |key_matches: &dyn Fn(&str) -> bool| {
        let mut out = Vec::new();
        for payload in &all {
            strings_under(payload, key_matches, &mut out);
        }
        out
    };

    let keys = found(&|k| k.eq_ignore_ascii_case("PartitionKey"));
    assert!(
        keys.iter().any(|k| {
            let widths: Vec<usize> = k.chars().map(char::len_utf8).collect();
            widths.len() == 256 && [2, 3, 4].iter().all(|w| widths.contains(w))
        }),
        "no partition key of exactly 256 code points mixing 2-, 3- and 4-byte UTF-8 characters"
    );

    let sequence_numbers = found(&|k| k.to_ascii_lowercase().ends_with("sequencenumber"));
    assert!(
        sequence_numbers.iter().any(|s| {
            s.len() == 129 && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0')
        }),
        "no 129-digit sequence number"
    );

    assert!(
        found(&|k| k == "EncryptionType").contains(&"KMS"),
        "no record with EncryptionType KMS"
    );

    let halves = [
        ("0", "170141183460469231731687303715884105727"),
        (
            "170141183460469231731687303715884105728",
            "340282366920938463463374607431768211455",
        ),
    ];
    let split = examples(&doc, "SubscribeToShardEvent").iter().any(|e| {
        let p = &e["payload"];
        let Some(children) = p["ChildShards"].as_array() else {
            return false;
        };
        let parents: Vec<&Value> = children.iter().map(|c| &c["ParentShards"]).collect();
        p["Records"].as_array().is_some_and(Vec::is_empty)
            && children.len() == 2
            && children.iter().zip(halves).all(|(c, (start, end))| {
                c["HashKeyRange"]["StartingHashKey"] == start
                    && c["HashKeyRange"]["EndingHashKey"] == end
            })
            && parents[0]
                .as_array()
                .is_some_and(|a| a.len() == 1 && a[0].is_string())
            && parents[0] == parents[1]
            && children.iter().all(|c| c["ShardId"] != parents[0][0])
    });
    assert!(
        split,
        "no end-of-shard event after a split into two halves of the hash key space"
    );
}

#[test]
fn base64_check_is_strict() {
    for good in [
        "",
        "SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==",
        "VGhpcyBpcyBvbmx5IGEgdGVzdC4=",
        "AAAA",
    ] {
        assert!(is_standard_base64(good), "{good}");
    }
    for bad in [
        "SGVsbG8",
        "SGVsbG8=x",
        "SGVs-G8_",
        "A===",
        "SGVsbG9=",
        "QR==",
    ] {
        assert!(!is_standard_base64(bad), "{bad}");
    }
}
