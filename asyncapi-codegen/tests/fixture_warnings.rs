//! The warnings the generator gives on each fixture document, exactly: payloads in a
//! format it cannot type (Protobuf, RAML, XML) are opaque and the warning names the
//! format; messages sharing a name are pointed out; bounds that admit no value are
//! pointed out; every other fixture generates without a warning.

use asyncapi_codegen::Builder;

/// Fixtures with warnings, and those warnings in order; `{file}` stands for
/// `tests/fixtures/<fixture>`.
const WARNED: &[(&str, &[&str])] = &[
    (
        "composition.yaml",
        &[
            "{file}:70:17: #/components/schemas/NoArray/minItems: minItems 2 is greater than maxItems 1: no array is valid here",
            "{file}:80:25: #/components/schemas/NoNumber/exclusiveMinimum: exclusiveMinimum 5 equals maximum 5: no number is valid here",
            "{file}:75:18: #/components/schemas/NoText/minLength: minLength 3 is greater than maxLength 2: no string is valid here",
        ],
    ),
    (
        "name_collisions.yaml",
        &[
            "{file}:91:7: #/components/messages/UserSignedUpV2: message name \"UserSignedUp\" is also the name of #/components/messages/UserSignedUpV1: looked up by name, the first is found; this one is MessageName::UserSignedUpV2",
            "{file}:102:7: #/components/messages/OrderPlaced: message name \"UserEvents\" is also the name of #/components/messages/UserEvents: looked up by name, the first is found; this one is MessageName::OrderPlaced",
            "{file}:41:9: #/channels/user_signups/messages/ping: message name \"ping\" is also the name of #/channels/user-signups/messages/ping: looked up by name, the first is found; this one is MessageName::UserSignupsPing2",
        ],
    ),
    (
        "protobuf_payloads.yaml",
        &[
            "{file}:56:23: #/components/messages/MetricSample/payload/schemaFormat: schema format \"application/vnd.google.protobuf;version=3\" cannot be typed: the payload of message \"MetricSample\" is kept as opaque JSON (any JSON value), not validated",
            "{file}:71:23: #/components/messages/Alert/payload/schemaFormat: schema format \"application/raml+yaml;version=1.0\" cannot be typed: the payload of message \"Alert\" is kept as opaque JSON (any JSON value), not validated",
            "{file}:27:25: #/channels/metrics/messages/batch/payload/schemaFormat: schema format \"application/vnd.google.protobuf;version=3\" cannot be typed: the payload of message \"MetricBatch\" is kept as opaque JSON (any JSON value), not validated",
        ],
    ),
    (
        "xml_payloads.yaml",
        &[
            "{file}:45:23: #/components/messages/PurchaseOrder/payload/schemaFormat: schema format \"application/xml\" cannot be typed: the payload of message \"PurchaseOrder\" is kept as opaque JSON (any JSON value), not validated",
            "{file}:77:21: #/components/schemas/ReceiptXsd/schemaFormat: schema format \"application/xsd+xml;version=1.1\" cannot be typed: the payload of message \"Receipt\" is kept as opaque JSON (any JSON value), not validated",
        ],
    ),
];

#[test]
fn every_fixture_gives_exactly_its_warnings() {
    let mut names: Vec<String> = std::fs::read_dir("tests/fixtures")
        .expect("the fixtures directory exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .map(|path| {
            path.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert!(names.len() >= 29, "only {} fixtures", names.len());
    let mut failures = Vec::new();
    for name in &names {
        let file = format!("tests/fixtures/{name}");
        let checked = Builder::new(&file)
            .model()
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        let got: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
        let expected: Vec<String> = WARNED
            .iter()
            .find(|(fixture, _)| fixture == name)
            .map_or(&[][..], |(_, warnings)| warnings)
            .iter()
            .map(|w| w.replace("{file}", &file))
            .collect();
        if got != expected {
            failures.push(format!(
                "{name}:\n  expected: {expected:#?}\n  got:      {got:#?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
