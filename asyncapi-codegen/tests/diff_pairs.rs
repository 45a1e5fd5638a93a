//! `diff` on pairs of documents under `tests/diff/`: a base (a copy of a fixture
//! document or of the Kinesis document) and a variant with one change, each with the
//! changes it must report and their verdicts for consumers, producers and the Rust
//! API.
//!
//! A variant is named `<base>--<change>.yaml` and compared with `<base>.yaml`.

use std::collections::BTreeSet;
use std::path::Path;

use asyncapi_codegen::diff::{self, Kind, Party, Verdict};
use asyncapi_codegen::Document;

const C: Verdict = Verdict::Compatible;
const B: Verdict = Verdict::Breaking;
const U: Verdict = Verdict::Unclassified;

/// (variant, the changes: kind and verdicts for consumers, producers, api).
type Case = (&'static str, &'static [(Kind, Verdict, Verdict, Verdict)]);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // The Kinesis document.
    ("kinesis--partition-key-max-length-narrowed", &[(Kind::MaxLengthNarrowed, C, B, C)]),
    ("kinesis--partition-key-max-length-widened", &[(Kind::MaxLengthWidened, B, C, C)]),
    ("kinesis--required-added", &[(Kind::RequiredAdded, C, B, B)]),
    ("kinesis--required-removed", &[(Kind::RequiredRemoved, B, C, B)]),
    ("kinesis--enum-value-removed", &[(Kind::EnumValueRemoved, C, B, B)]),
    ("kinesis--enum-value-added", &[(Kind::EnumValueAdded, B, C, B)]),
    // An open object accepted any value under the new name before.
    ("kinesis--property-added-open", &[(Kind::PropertyAdded, C, B, B)]),
    ("kinesis--property-removed-open", &[(Kind::PropertyRemoved, B, C, B)]),
    ("kinesis--type-changed", &[(Kind::TypeChanged, B, B, B)]),
    ("kinesis--multiple-of-added", &[(Kind::MultipleOfNarrowed, C, B, C)]),
    ("kinesis--format-byte-removed", &[(Kind::FormatByteRemoved, B, C, B)]),
    ("kinesis--description-edited", &[(Kind::AnnotationChanged, C, C, C)]),
    ("kinesis--example-edited", &[(Kind::AnnotationChanged, C, C, C)]),
    // Not a change at all, for anyone.
    ("kinesis--properties-reordered", &[]),
    // Only referenced: payloads are the same; the Rust type is renamed.
    ("kinesis--schema-renamed", &[(Kind::SchemaRenamed, C, C, B)]),
    // The inlined schema gets a type of its own, which the owner's `new` now takes.
    (
        "kinesis--schema-inlined",
        &[(Kind::ItemChanged, C, C, B), (Kind::TypeAdded, C, C, B)],
    ),
    ("kinesis--message-renamed", &[(Kind::MessageRenamed, B, B, C)]),
    ("kinesis--message-key-changed", &[(Kind::MessageKeyChanged, C, C, B)]),
    ("kinesis--message-added", &[(Kind::MessageAdded, B, C, B)]),
    ("kinesis--content-type-changed", &[(Kind::ContentTypeChanged, B, B, C)]),
    ("kinesis--channel-added", &[(Kind::ChannelAdded, C, C, C)]),
    ("kinesis--channel-removed", &[(Kind::ChannelRemoved, C, B, B), (Kind::OperationRemoved, C, C, B)]),
    ("kinesis--channel-address-changed", &[(Kind::ChannelAddressChanged, B, B, C)]),
    ("kinesis--address-parameter-renamed", &[(Kind::ChannelAddressChanged, C, C, B)]),
    ("kinesis--channel-message-added", &[(Kind::ChannelMessageAdded, B, C, B)]),
    ("kinesis--operation-action-changed", &[(Kind::OperationActionChanged, B, B, C)]),
    ("kinesis--operation-message-added", &[(Kind::OperationMessageAdded, B, C, B)]),
    ("kinesis--operation-added", &[(Kind::OperationAdded, C, C, B)]),
    ("kinesis--server-region-removed", &[(Kind::ServerChanged, C, C, B)]),
    ("kinesis--info-version-changed", &[(Kind::InfoChanged, C, C, C)]),
    // Numbers.
    ("numbers--exclusive-minimum-to-minimum", &[(Kind::MinimumWidened, B, C, C)]),
    ("numbers--maximum-narrowed", &[(Kind::MaximumNarrowed, C, B, C)]),
    // `small` is no longer bounded below: `i64` becomes the runtime's `Integer`.
    ("numbers--minimum-removed", &[(Kind::MinimumWidened, B, C, B)]),
    ("numbers--multiple-of-narrowed", &[(Kind::MultipleOfNarrowed, C, B, C)]),
    ("numbers--multiple-of-widened", &[(Kind::MultipleOfWidened, B, C, C)]),
    ("numbers--multiple-of-changed", &[(Kind::MultipleOfChanged, B, B, C)]),
    ("numbers--nullable-added", &[(Kind::NullableAdded, B, C, B)]),
    ("numbers--nullable-removed", &[(Kind::NullableRemoved, C, B, B)]),
    ("numbers--not-added", &[(Kind::NotAdded, C, B, C)]),
    // Under `not`, a value added narrows the whole.
    ("numbers-not--value-added-under-not", &[(Kind::EnumValueAdded, C, B, C)]),
    ("numbers--condition-added", &[(Kind::ConditionAdded, C, B, C)]),
    ("numbers--dependency-added", &[(Kind::DependencyAdded, C, B, C)]),
    ("numbers--default-annotation-changed", &[(Kind::AnnotationChanged, C, C, C)]),
    // Moved behind a `$ref`: the same payloads; the Rust type takes the component's name.
    ("numbers--schema-behind-ref", &[(Kind::SchemaAdded, C, C, B)]),
    // Unions.
    ("unions--any-of-alternative-added", &[(Kind::AnyOfAlternativeAdded, B, C, B)]),
    ("unions--any-of-alternative-removed", &[(Kind::AnyOfAlternativeRemoved, C, B, B)]),
    ("unions--any-of-branch-narrowed", &[(Kind::MaximumNarrowed, C, B, C)]),
    ("unions--const-changed", &[(Kind::EnumValueAdded, B, C, B), (Kind::EnumValueRemoved, C, B, B)]),
    // Cat and Dog overlap (Dog is open), so narrowing Cat makes values that matched
    // both match one: valid now. Producers: compatible in fact, not provable.
    ("unions--one-of-alternative-narrowed", &[(Kind::MaximumNarrowed, B, U, C)]),
    // Headers, parameters, correlation ids, bindings.
    ("headers--closed-property-added", &[(Kind::PropertyAdded, B, C, B)]),
    ("headers--header-min-length-narrowed", &[(Kind::MinLengthNarrowed, C, B, C)]),
    ("headers--message-removed", &[(Kind::MessageRemoved, C, B, B)]),
    ("headers--parameter-enum-narrowed", &[(Kind::ParameterEnumNarrowed, C, B, B)]),
    ("headers--parameter-enum-widened", &[(Kind::ParameterEnumWidened, B, C, B)]),
    ("headers--correlation-id-added", &[(Kind::CorrelationIdChanged, B, B, C)]),
    ("headers--bindings-added", &[(Kind::BindingsChanged, U, U, C)]),
    // Maps.
    ("maps--additional-max-length-narrowed", &[(Kind::MaxLengthNarrowed, C, B, C)]),
    ("maps--additional-properties-opened", &[(Kind::AdditionalPropertiesWidened, B, C, B)]),
    ("maps--property-names-added", &[(Kind::PropertyNamesAdded, C, B, C)]),
    // Before, `owner` took strings of at most 20 characters (additionalProperties).
    ("maps--property-added-over-additional", &[(Kind::PropertyAdded, B, C, B)]),
    // Arrays and patterns.
    ("arrays--max-items-narrowed", &[(Kind::MaxItemsNarrowed, C, B, C)]),
    ("arrays--min-items-narrowed", &[(Kind::MinItemsNarrowed, C, B, C)]),
    ("arrays--unique-items-removed", &[(Kind::UniqueItemsRemoved, B, C, C)]),
    ("arrays--contains-added", &[(Kind::ContainsAdded, C, B, C)]),
    ("arrays--items-typed", &[(Kind::ItemsNarrowed, C, B, B)]),
    ("arrays--pattern-anchor-removed", &[(Kind::PatternChanged, B, C, C)]),
    ("arrays--pattern-quantifier-widened", &[(Kind::PatternChanged, B, C, C)]),
    ("arrays--pattern-replaced", &[(Kind::PatternChanged, B, B, C)]),
    // The same language, by no rule this module proves: unclassified both ways.
    ("arrays--pattern-rewritten", &[(Kind::PatternChanged, U, U, C)]),
    // Order pipeline.
    ("order_pipeline--quantity-maximum-narrowed", &[(Kind::MaximumNarrowed, C, B, C)]),
    ("order_pipeline--currency-added", &[(Kind::EnumValueAdded, B, C, B)]),
    ("order_pipeline--tracking-required", &[(Kind::RequiredAdded, C, B, B)]),
    ("order_pipeline--action-flipped", &[(Kind::OperationActionChanged, B, B, C)]),
    // Headers where there were none: what old producers sent may lack `x-carrier-id`.
    ("order_pipeline--headers-added", &[(Kind::HeadersAdded, C, B, B)]),
    // allOf.
    ("composition--all-of-part-narrowed", &[(Kind::MaximumNarrowed, C, B, C)]),
    // A part added to an allOf is read with the others: `note` becomes required.
    ("composition--all-of-part-added", &[(Kind::RequiredAdded, C, B, B)]),
    ("composition--not-added", &[(Kind::NotAdded, C, B, C)]),
    // Formats other than `byte` are annotations.
    ("composition--format-annotation-changed", &[(Kind::AnnotationChanged, C, C, C)]),
];

fn load(name: &str) -> Document {
    Document::load(Path::new(&format!("tests/diff/{name}.yaml"))).unwrap_or_else(|e| panic!("{e}"))
}

fn base_of(variant: &str) -> &str {
    variant.split_once("--").map_or(variant, |(base, _)| base)
}

#[test]
fn every_pair_reports_its_change_with_its_verdicts() {
    let mut failures = Vec::new();
    for (variant, expected) in CASES {
        let old = load(base_of(variant));
        let new = load(variant);
        let changes = match diff::diff(&old, &new) {
            Ok(changes) => changes,
            Err(error) => {
                failures.push(format!("{variant}: {error}"));
                continue;
            }
        };
        let found: Vec<(Kind, Verdict, Verdict, Verdict)> = changes
            .changes()
            .iter()
            .map(|c| {
                (
                    c.kind(),
                    c.verdict(Party::Consumers),
                    c.verdict(Party::Producers),
                    c.verdict(Party::Api),
                )
            })
            .collect();
        if found != *expected {
            failures.push(format!(
                "{variant}: expected {expected:?}, found:\n{changes}"
            ));
        }
        // A breaking verdict for a payload comes with its witness.
        for change in changes.changes() {
            for party in [Party::Consumers, Party::Producers] {
                let fixed = change.messages().is_empty();
                if change.verdict(party) == Verdict::Breaking
                    && !fixed
                    && change.witness(party).is_none()
                {
                    failures.push(format!("{variant}: no witness for {party}: {change}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_base_against_itself_reports_nothing() {
    let bases: BTreeSet<&str> = CASES.iter().map(|(v, _)| base_of(v)).collect();
    for base in bases {
        let doc = load(base);
        let changes = diff::diff(&doc, &doc).unwrap();
        assert!(changes.is_empty(), "{base}:\n{changes}");
    }
}

#[test]
fn every_file_under_tests_diff_is_a_case_or_a_base() {
    let bases: BTreeSet<&str> = CASES.iter().map(|(v, _)| base_of(v)).collect();
    for entry in std::fs::read_dir("tests/diff").unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let stem = name.strip_suffix(".yaml").unwrap_or(&name);
        assert!(
            bases.contains(stem) || CASES.iter().any(|(v, _)| *v == stem),
            "{name} is in no case"
        );
    }
}

#[test]
fn witnesses_are_what_they_claim() {
    // The witness of a narrowed maxLength: valid for the old schema, refused by the new.
    let old = load("kinesis");
    let new = load("kinesis--partition-key-max-length-narrowed");
    let changes = diff::diff(&old, &new).unwrap();
    let witness = changes.changes()[0].witness(Party::Producers).unwrap();
    assert_eq!(witness.message(), Some("KinesisRecord"));
    assert_eq!(witness.instance(), "/PartitionKey");
    let key = witness
        .value()
        .pointer("/PartitionKey")
        .and_then(|v| v.as_str())
        .unwrap();
    assert!((129..=256).contains(&key.chars().count()));
}

#[test]
fn the_display_and_json_forms_are_stable() {
    let old = load("numbers");
    let new = load("numbers--multiple-of-narrowed");
    let changes = diff::diff(&old, &new).unwrap();
    assert_eq!(
        changes.to_string(),
        "#/components/schemas/Reading/properties/step/multipleOf: multiple-of-narrowed: multipleOf 5 -> 10 \
         [consumers: compatible, producers: breaking, api: compatible]\n"
    );
    let json = changes.to_json();
    assert_eq!(json["summary"]["producers"].as_str(), Some("breaking"));
    assert_eq!(
        json["changes"][0]["kind"].as_str(),
        Some("multiple-of-narrowed")
    );
    assert_eq!(json["changes"][0]["in"].as_str(), Some("new"));
    assert_eq!(json["changes"][0]["messages"][0].as_str(), Some("Reading"));
    assert!(json["changes"][0]["witnesses"]["producers"]["value"].is_object());
    assert_eq!(
        Kind::parse("multiple-of-narrowed"),
        Some(Kind::MultipleOfNarrowed)
    );
    assert!(Kind::ALL
        .iter()
        .all(|k| Kind::parse(k.as_str()) == Some(*k)));
    assert_eq!(Party::parse("api"), Some(Party::Api));
    assert_eq!(changes.breaking_for(Party::Producers).len(), 1);
    assert!(changes.breaking_for(Party::Consumers).is_empty());
    assert_eq!(changes.verdict(Party::Api), Verdict::Compatible);
}

#[test]
fn a_build_refuses_a_breaking_change_against_its_baseline() {
    let baseline = "tests/diff/kinesis.yaml";
    let current = "tests/diff/kinesis--partition-key-max-length-narrowed.yaml";
    // Consumers are safe: accepted (with the change listed).
    let accepted = diff::check_against(baseline, current, &[Party::Consumers, Party::Api]).unwrap();
    assert_eq!(accepted.changes().len(), 1);
    // Producers are not: refused, naming the change.
    let refused = diff::check_against(baseline, current, &[Party::Producers]).unwrap_err();
    assert_eq!(refused.changes().len(), 1);
    let message = refused.to_string();
    assert!(
        message
            .starts_with("1 change(s) from the baseline tests/diff/kinesis.yaml break producers:"),
        "{message}"
    );
    assert!(message.contains("max-length-narrowed"), "{message}");
    // Through the builder too.
    let refused = asyncapi_codegen::Builder::new(current)
        .refuse_breaking(baseline, &[Party::Producers])
        .unwrap_err();
    assert!(matches!(refused, diff::Refusal::Breaking { .. }));
    // A baseline that is not there is the baseline's problem.
    let missing =
        diff::check_against("tests/diff/none.yaml", current, &[Party::Producers]).unwrap_err();
    assert!(matches!(missing, diff::Refusal::Baseline(_)), "{missing}");
}

#[test]
fn a_change_in_a_referenced_file_is_located_there() {
    // The fixture whose schemas live in `shared/`, copied twice; the copy edited.
    let root = std::env::temp_dir().join(format!("asyncapi-codegen-diff-{}", std::process::id()));
    for side in ["old", "new"] {
        let dir = root.join(side).join("shared");
        std::fs::create_dir_all(&dir).unwrap();
        for file in ["common.yaml", "address.yaml"] {
            std::fs::copy(format!("tests/fixtures/shared/{file}"), dir.join(file)).unwrap();
        }
        std::fs::copy(
            "tests/fixtures/external_refs.yaml",
            root.join(side).join("external_refs.yaml"),
        )
        .unwrap();
    }
    let common = root.join("new/shared/common.yaml");
    let text = std::fs::read_to_string(&common).unwrap();
    assert_eq!(text.matches("enum: [EUR, USD]").count(), 1);
    std::fs::write(
        &common,
        text.replace("enum: [EUR, USD]", "enum: [EUR, USD, GBP]"),
    )
    .unwrap();
    let old = Document::load(&root.join("old/external_refs.yaml")).unwrap();
    let new = Document::load(&root.join("new/external_refs.yaml")).unwrap();
    let changes = diff::diff(&old, &new).unwrap();
    let _ = std::fs::remove_dir_all(&root);
    assert_eq!(changes.changes().len(), 1, "{changes}");
    let change = &changes.changes()[0];
    assert_eq!(change.kind(), Kind::EnumValueAdded);
    assert!(
        change.location().file.ends_with("shared/common.yaml"),
        "{:?}",
        change.location()
    );
    assert_eq!(
        change.location().pointer,
        "/components/schemas/Currency/enum"
    );
    assert_eq!(
        (
            change.verdict(Party::Consumers),
            change.verdict(Party::Producers),
            change.verdict(Party::Api)
        ),
        (B, C, B)
    );
}
