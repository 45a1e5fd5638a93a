//! `kinesis check`.

use super::*;

// ---------------------------------------------------------------------------------------
// check

#[test]
fn the_bundled_document_has_no_errors() {
    let run = kinesis(&["check"], b"");
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("spec/kinesis-data-streams.asyncapi.yaml: 0 errors, ")),
        "{}",
        run.stdout
    );
    // The seed's patterns are unanchored; the check says so, as warnings.
    assert!(run.stdout.contains(
        "#/components/schemas/KinesisRecord/properties/SequenceNumber/pattern: warning: \
         pattern \"0|([1-9]\\d{0,128})\" is not anchored"
    ));
    // Data's maxLength is 1 MiB already converted to base64 characters: no warning.
    assert!(!run.stdout.contains("Data/maxLength"), "{}", run.stdout);
    let run = kinesis(&["check", "--json"], b"");
    assert_eq!(run.code, 0);
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(report["errors"], 0);
    let keys: Vec<&String> = report.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["file", "errors", "warnings", "findings"]);
    for finding in report["findings"].as_array().expect("findings") {
        assert_eq!(finding["severity"], "warning");
        let keys: Vec<&String> = finding.as_object().expect("object").keys().collect();
        assert_eq!(
            keys,
            ["severity", "check", "pointer", "line", "column", "message"]
        );
        assert!(finding["line"].as_u64() > Some(0), "{finding}");
    }
}

#[test]
fn the_bundled_document_checks_the_same_from_its_file() {
    let spec = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../spec/kinesis-data-streams.asyncapi.yaml"
    );
    let run = kinesis(&["check", "--json", spec], b"");
    assert_eq!(run.code, 0, "{}", run.stdout);
    let from_file: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let run = kinesis(&["check", "--json"], b"");
    let bundled: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(from_file["findings"], bundled["findings"]);
}

#[test]
fn examples_of_any_document_are_checked_against_their_schema() {
    let dir = dir("check_examples");
    let spec = write(&dir, "orders.yaml", ORDERS);
    let run = kinesis(&["check", &spec], b"");
    // Warnings: the official parser calls the document valid.
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(
        run.stdout,
        format!(
            "{spec}:35:19: #/components/messages/OrderPlaced/examples/1/payload/size: warning: \
             example \"bad\" does not conform to the message payload: 0 is less than minimum 1\n\
             {spec}:36:23: #/components/messages/OrderPlaced/examples/1/payload/customer: warning: \
             example \"bad\" does not conform to the message payload: missing required property \
             \"name\"\n\
             {spec}: 0 errors, 2 warnings\n"
        )
    );
    let good = ORDERS
        .replace("size: 0", "size: 3")
        .replace("customer: {}", "customer: {name: Bo}");
    let spec = write(&dir, "good.yaml", good);
    let run = kinesis(&["check", &spec], b"");
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, format!("{spec}: 0 errors, 0 warnings\n")); // Named as the other commands name a document.
    let run = kinesis(&["check", "--spec", &spec], b"");
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, format!("{spec}: 0 errors, 0 warnings\n"));
}

#[test]
fn a_broken_document_gets_errors_with_pointers() {
    let dir = dir("check_broken");
    let broken = ORDERS.replace("action: send", "action: publish").replace(
        "$ref: '#/components/schemas/Customer'",
        "$ref: '#/components/schemas/Client'",
    );
    let spec = write(&dir, "broken.yaml", broken);
    let run = kinesis(&["check", "--json", &spec], b"");
    assert_eq!(run.code, 1);
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let findings: Vec<(&str, &str, &str)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["severity"].as_str().expect("severity"),
                f["check"].as_str().expect("check"),
                f["pointer"].as_str().expect("pointer"),
            )
        })
        .collect();
    assert!(
        findings.contains(&("error", "generator", "/operations/placeOrder/action")),
        "{findings:?}"
    );
    assert!(
        findings.contains(&(
            "error",
            "generator",
            "/components/schemas/Order/properties/customer/$ref"
        )),
        "{findings:?}"
    );
    assert!(report["errors"].as_u64() >= Some(2));
}

#[test]
fn channel_parameters_must_match_the_address() {
    let dir = dir("check_parameters");
    let spec = write(
        &dir,
        "params.yaml",
        ORDERS.replace("      orderId:\n", "      orderNumber:\n"),
    );
    let run = kinesis(&["check", &spec], b"");
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains(&format!(
            "{spec}:7:14: #/channels/orders/address: error: address parameter {{orderId}} is not \
             declared under parameters\n"
        )),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("orderId"), "{}", run.stdout);
}

#[test]
fn likely_mistakes_are_warnings() {
    let dir = dir("check_warnings");
    // Without the examples, which would not have the misspelt required property.
    let start = ORDERS.find("      examples:").expect("examples");
    let end = ORDERS.find("  schemas:").expect("schemas");
    let orders = format!("{}{}", &ORDERS[..start], &ORDERS[end..]);
    let spec = write(
        &dir,
        "warnings.yaml",
        orders
            .replace("required: [id, size]", "required: [id, size, totl]")
            .replace(
                "        id:\n          type: string\n",
                "        id:\n          type: string\n          pattern: '[a-z]+-\\d+'\n        \
                 blob:\n          type: string\n          format: byte\n          maxLength: 100\n",
            ),
    );
    let run = kinesis(&["check", &spec], b"");
    assert_eq!(run.code, 0, "warnings only: {}", run.stdout);
    let warnings: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains(": warning: "))
        .map(|l| l.split(": warning: ").next().unwrap_or_default())
        .collect();
    assert_eq!(
        warnings,
        [
            format!("{spec}:29:28: #/components/schemas/Order/required/2"),
            format!("{spec}:33:20: #/components/schemas/Order/properties/id/pattern"),
            format!("{spec}:37:22: #/components/schemas/Order/properties/blob/maxLength"),
        ]
    );
    assert!(
        run.stdout.ends_with(": 0 errors, 3 warnings\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "required property \"totl\" is not listed in properties, so nothing constrains \
             its value (a misspelt name?)"
        ),
        "{}",
        run.stdout
    );
    // What applies to the properties not listed applies to it: say so.
    for (rule, consequence) in [
        (
            "additionalProperties: false",
            "and additionalProperties is false: no object is valid",
        ),
        (
            "additionalProperties: {type: string}",
            "so only additionalProperties describes its value",
        ),
    ] {
        let spec = write(
            &dir,
            "additional.yaml",
            orders.replace(
                "required: [id, size]",
                &format!("required: [id, size, totl]\n      {rule}"),
            ),
        );
        let run = kinesis(&["check", &spec], b"");
        assert!(
            run.stdout.contains(&format!(
                "required property \"totl\" is not listed in properties, {consequence} (a \
                 misspelt name?)"
            )),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn a_document_that_is_not_asyncapi_3_is_refused() {
    let dir = dir("check_version");
    let v2 = write(
        &dir,
        "v2.yaml",
        "asyncapi: 2.6.0\ninfo: {title: x, version: '1'}\nchannels: {}\n",
    );
    let run = kinesis(&["check", &v2], b"");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        format!(
            "{v2}:1:11: #/asyncapi: error: not an AsyncAPI 3 document: \"asyncapi\" is \"2.6.0\"; \
             this command checks AsyncAPI 3.x documents\n{v2}: 1 error, 0 warnings\n"
        )
    );
    let openapi = write(&dir, "openapi.json", r#"{"openapi":"3.1.0"}"#);
    let run = kinesis(&["check", &openapi], b"");
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("\"asyncapi\" field is missing"),
        "{}",
        run.stdout
    );
    let garbage = write(&dir, "garbage.yaml", "a: [\n");
    let run = kinesis(&["check", &garbage], b"");
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("not a YAML or JSON document"),
        "{}",
        run.stdout
    );
    let run = kinesis(&["check", "/nonexistent/spec.yaml"], b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("kinesis: cannot read /nonexistent/spec.yaml: "),
        "{}",
        run.stderr
    );
}

/// `kinesis check` calls a document valid (exit 0) exactly where the official AsyncAPI
/// parser does, on the corpus asyncapi-codegen's `parser_agreement` test reads (its
/// verdicts recorded in `asyncapi-codegen/tests/parser_agreement/verdicts.json`).
#[test]
fn check_agrees_with_the_official_parser_on_the_corpus() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    // The generator's deliberate disagreements, with their reasons, are listed in
    // asyncapi-codegen/tests/parser_agreement.rs: 2.x documents, YAML without a JSON
    // form, schemas that are only references to themselves, patterns that are not
    // ECMA-262, `$ref` inside example data, boolean schemas, a document the parser does
    // not finish.
    const DELIBERATE: &[&str] = &[
        "asyncapi-codegen/tests/broken/asyncapi_2_6.yaml",
        "asyncapi-codegen/tests/broken/minimum_nan.yaml",
        "asyncapi-codegen/tests/broken/key_not_string.yaml",
        "asyncapi-codegen/tests/broken/ref_self.yaml",
        "asyncapi-codegen/tests/broken/ref_cycle.yaml",
        "asyncapi-codegen/tests/broken/pattern_unclosed.yaml",
        "asyncapi-codegen/tests/broken/pattern_properties_invalid.yaml",
        "asyncapi-codegen/tests/fixtures/names.yaml",
        "asyncapi-codegen/tests/fixtures/deep_nullable.yaml",
        "asyncapi-codegen/tests/fixtures/deep_containers.yaml",
        "asyncapi-codegen/tests/fixtures/fan_out.yaml",
        "asyncapi-codegen/tests/fixtures/nesting.yaml",
        "asyncapi-codegen/tests/broken/schema_false.yaml",
        "asyncapi-codegen/tests/parser_agreement/mutants/kitchen_sink__message_payload_true.json",
        "asyncapi-codegen/tests/parser_agreement/mutants/kitchen_sink__schema_true.json",
    ];
    let text = std::fs::read_to_string(format!(
        "{root}/asyncapi-codegen/tests/parser_agreement/verdicts.json"
    ))
    .expect("recorded verdicts");
    let recorded: Value = serde_json::from_str(&text).expect("JSON");
    let documents = recorded["documents"].as_object().expect("documents");
    let (mut agreed, mut deliberate, mut disagreements) = (0, 0, Vec::new());
    for (file, verdict) in documents {
        if DELIBERATE.contains(&file.as_str()) {
            deliberate += 1;
            continue;
        }
        let theirs = verdict["valid"].as_bool();
        let run = kinesis(&["check", &format!("{root}/{file}")], b"");
        let ours = match run.code {
            0 => Some(true),
            1 => Some(false),
            _ => None,
        };
        if ours == theirs {
            agreed += 1;
        } else {
            disagreements.push(format!(
                "{file}: the parser says {theirs:?}, kinesis check {ours:?}:\n{}",
                run.stdout
            ));
        }
    }
    eprintln!(
        "{} documents: {agreed} agreed, {deliberate} deliberate disagreements, {} disagreements",
        documents.len(),
        disagreements.len()
    );
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    assert_eq!(deliberate, DELIBERATE.len());
}
