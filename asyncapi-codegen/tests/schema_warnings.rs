//! Schemas that are valid JSON Schema but likely mistakes (`allOf` parts that
//! contradict each other, a `discriminator` that `oneOf` cannot rely on): the
//! generator generates them, validates as written, and warns, exactly, where the
//! problem is. Schemas without the problem warn about nothing.

use std::path::PathBuf;

use asyncapi_codegen::Builder;

/// A document whose only schema is `A`, given as YAML indented under it.
fn schema_doc(schema: &str) -> String {
    format!("asyncapi: 3.0.0\ninfo: {{title: t, version: '1'}}\ncomponents:\n  schemas:\n    A:\n{schema}")
}

/// Generates from `doc` (written to a fresh file); the warnings, with the file
/// written as `{file}`.
fn warnings(test: &str, doc: &str) -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("schema_warnings");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{test}.yaml"));
    std::fs::write(&file, doc).unwrap();
    let builder = Builder::new(&file);
    builder.generate().unwrap_or_else(|e| panic!("{test}: {e}"));
    let checked = builder.model().unwrap();
    checked
        .warnings
        .iter()
        .map(|w| w.to_string().replace(&file.display().to_string(), "{file}"))
        .collect()
}

#[test]
fn a_property_described_differently_by_two_parts() {
    let doc = schema_doc(
        "      allOf:\n        - type: object\n          properties:\n            x: {type: string}\n        - type: object\n          properties:\n            x: {type: integer}\n",
    );
    assert_eq!(
        warnings("property_conflict", &doc),
        ["{file}:12:16: #/components/schemas/A/allOf/1/properties/x: property \"x\" is integer here and string at #/components/schemas/A/allOf/0/properties/x: an object conforms only without it"]
    );
}

#[test]
fn additional_properties_false_against_a_property_of_another_part() {
    let doc = schema_doc(
        "      allOf:\n        - type: object\n          properties:\n            x: {type: string}\n          additionalProperties: false\n        - type: object\n          properties:\n            y: {type: string}\n",
    );
    assert_eq!(
        warnings("additional_false", &doc),
        ["{file}:10:33: #/components/schemas/A/allOf/0/additionalProperties: additionalProperties: false applies to this schema's own properties only (JSON Schema draft 07), so property \"y\" that #/components/schemas/A/allOf/1 declares is refused here: an object conforms only without it; declare every property beside additionalProperties, or use it in one schema only"]
    );
}

#[test]
fn additional_properties_false_beside_all_of() {
    let doc = schema_doc(
        "      type: object\n      properties:\n        x: {type: string}\n      additionalProperties: false\n      allOf:\n        - properties:\n            y: {type: string}\n",
    );
    let found = warnings("beside", &doc);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("#/components/schemas/A/additionalProperties: additionalProperties: false applies to this schema's own properties only"), "{found:#?}");
    assert!(
        found[0].contains("property \"y\" that #/components/schemas/A/allOf/0 declares"),
        "{found:#?}"
    );
}

#[test]
fn non_object_parts_with_conflicting_types() {
    let doc = schema_doc("      allOf:\n        - {type: string}\n        - {type: integer}\n");
    assert_eq!(
        warnings("conflicting_types", &doc),
        ["{file}:7:9: #/components/schemas/A/allOf: no value conforms: allOf/0 allows string and allOf/1 allows integer"]
    );
}

#[test]
fn the_schema_own_type_takes_part() {
    let doc = schema_doc(
        "      type: [string, 'null']\n      allOf:\n        - {type: [integer, boolean]}\n",
    );
    assert_eq!(
        warnings("own_type", &doc),
        ["{file}:8:9: #/components/schemas/A/allOf: no value conforms: the schema allows null or string and allOf/0 allows boolean or integer"]
    );
}

#[test]
fn compatible_parts_warn_about_nothing() {
    let doc = schema_doc(
        "      allOf:\n        - {type: object, properties: {x: {type: number}}, additionalProperties: false}\n        - {type: object, properties: {x: {type: integer}}}\n        - {$ref: '#/components/schemas/B'}\n    B: {type: object, properties: {x: {minimum: 0}}}\n",
    );
    assert_eq!(warnings("compatible", &doc), Vec::<String>::new());
    let doc = schema_doc(
        "      allOf:\n        - {type: string, pattern: '^a'}\n        - {pattern: 'b$'}\n",
    );
    assert_eq!(warnings("two_patterns", &doc), Vec::<String>::new());
    let doc = schema_doc(
        "      type: object\n      additionalProperties: false\n      patternProperties: {'^y': {}}\n      allOf:\n        - properties: {y: {type: string}}\n",
    );
    assert_eq!(warnings("patterns_allow", &doc), Vec::<String>::new());
}

#[test]
fn a_discriminator_whose_alternatives_do_not_fix_the_tag() {
    let doc = "asyncapi: 3.0.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    Pet:\n      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]\n      discriminator: petType\n    Cat: {type: object, properties: {petType: {const: Cat}}}\n    Dog: {type: object, properties: {petType: {type: string}}}\n";
    assert_eq!(
        warnings("discriminator_loose", doc),
        ["{file}:7:22: #/components/schemas/Pet/discriminator: JSON Schema reads `discriminator` as an annotation: oneOf/1 does not fix property \"petType\" to values of its own (with `const` or `enum`), so a value may match several alternatives, which oneOf refuses"]
    );
    let fixed = doc.replace("petType: {type: string}", "petType: {enum: [Dog, Puppy]}");
    assert_eq!(
        warnings("discriminator_fixed", &fixed),
        Vec::<String>::new()
    );
    let same = doc.replace("petType: {type: string}", "petType: {const: Cat}");
    assert_eq!(warnings("discriminator_same", &same).len(), 1);
}
