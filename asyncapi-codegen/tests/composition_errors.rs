//! The exact errors of `allOf` parts that cannot be merged into one schema, and of
//! `$ref`s to other files that cannot be followed.

use std::path::PathBuf;

use asyncapi_codegen::Builder;

/// Writes `files` (path relative to a fresh directory, content) and generates from the
/// first; the error with that directory written as `{dir}`.
fn generate(test: &str, files: &[(&str, &str)]) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("composition_errors")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    for (path, content) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    match Builder::new(dir.join(files[0].0)).generate() {
        Ok(_) => panic!("{test}: generated"),
        Err(error) => error
            .to_string()
            .replace(&dir.display().to_string(), "{dir}"),
    }
}

/// A document whose only schema is `A`, given as YAML indented under it.
fn schema_doc(schema: &str) -> String {
    format!("asyncapi: 3.0.0\ninfo: {{title: t, version: '1'}}\ncomponents:\n  schemas:\n    A:\n{schema}")
}

#[test]
fn a_property_described_differently_by_two_parts() {
    let doc = schema_doc(
        "      allOf:\n        - type: object\n          properties:\n            x: {type: string}\n        - type: object\n          properties:\n            x: {type: integer}\n",
    );
    assert_eq!(
        generate("property_conflict", &[("main.yaml", &doc)]),
        "{dir}/main.yaml#/components/schemas/A/allOf/1/properties/x: this property's schema conflicts with the one at /components/schemas/A/allOf/0/properties/x; allOf can merge them only when they are equal or plain schemas of the same type"
    );
}

#[test]
fn additional_properties_false_against_a_property_of_another_part() {
    let doc = schema_doc(
        "      allOf:\n        - type: object\n          properties:\n            x: {type: string}\n          additionalProperties: false\n        - type: object\n          properties:\n            y: {type: string}\n",
    );
    assert_eq!(
        generate("additional_false", &[("main.yaml", &doc)]),
        "{dir}/main.yaml#/components/schemas/A/allOf/0/additionalProperties: additionalProperties here applies to this part's own properties only (JSON Schema draft 7), so property \"y\" that /components/schemas/A/allOf/1/properties/y declares could never be present; put every property next to it"
    );
}

#[test]
fn two_different_patterns() {
    let doc = schema_doc(
        "      allOf:\n        - {type: string, pattern: '^a'}\n        - {pattern: 'b$'}\n",
    );
    assert_eq!(
        generate("two_patterns", &[("main.yaml", &doc)]),
        "{dir}/main.yaml#/components/schemas/A/allOf/1/pattern: \"pattern\" \"b$\" cannot be combined with \"pattern\" \"^a\" at /components/schemas/A/allOf/0/pattern into one schema"
    );
}

#[test]
fn non_object_parts_with_conflicting_types() {
    let doc = schema_doc("      allOf:\n        - {type: string}\n        - {type: integer}\n");
    assert_eq!(
        generate("conflicting_types", &[("main.yaml", &doc)]),
        "{dir}/main.yaml#/components/schemas/A/allOf: the parts allow no common type ([\"string\"] and [\"integer\"] at /components/schemas/A/allOf/1): no value can conform"
    );
}

/// A document whose payload schema is `{$ref: <target>}`.
fn ref_doc(target: &str) -> String {
    format!(
        "asyncapi: 3.0.0\ninfo: {{title: t, version: '1'}}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        b: {{$ref: '{target}'}}\n"
    )
}

#[test]
fn a_missing_file() {
    let error = generate("missing_file", &[("main.yaml", &ref_doc("other.yaml#/B"))]);
    assert!(
        error.starts_with(
            "{dir}/main.yaml#/components/schemas/A/properties/b/$ref: bad $ref: \"other.yaml#/B\": cannot read {dir}/other.yaml: "
        ),
        "{error}"
    );
}

#[test]
fn an_absolute_path() {
    assert_eq!(
        generate("absolute_path", &[("main.yaml", &ref_doc("/etc/schemas.yaml#/B"))]),
        "{dir}/main.yaml#/components/schemas/A/properties/b/$ref: bad $ref: \"/etc/schemas.yaml#/B\": only relative paths to files next to the document are followed"
    );
}

#[test]
fn a_url() {
    assert_eq!(
        generate("url", &[("main.yaml", &ref_doc("https://example.com/s.yaml#/B"))]),
        "{dir}/main.yaml#/components/schemas/A/properties/b/$ref: bad $ref: \"https://example.com/s.yaml#/B\": only relative paths to files next to the document are followed"
    );
}

#[test]
fn a_pointer_that_does_not_exist_in_the_other_file() {
    assert_eq!(
        generate(
            "missing_pointer",
            &[
                ("main.yaml", &ref_doc("other.yaml#/components/schemas/Nope")),
                ("other.yaml", "components:\n  schemas:\n    B: {type: string}\n"),
            ]
        ),
        "{dir}/main.yaml#/components/schemas/A/properties/b/$ref: $ref \"other.yaml#/components/schemas/Nope\" points to nothing"
    );
}

#[test]
fn a_cycle_across_two_files() {
    assert_eq!(
        generate(
            "cycle",
            &[
                ("main.yaml", &ref_doc("one.yaml#/B")),
                ("one.yaml", "B: {$ref: 'two.yaml#/C'}\n"),
                ("two.yaml", "C: {$ref: 'one.yaml#/B'}\n"),
            ]
        ),
        "3 problems:\n  {dir}/main.yaml#/components/schemas/A/properties/b/$ref: $ref cycle: one.yaml#/B -> two.yaml#/C -> one.yaml#/B\n  {dir}/one.yaml#/B/$ref: $ref cycle: two.yaml#/C -> #/B -> two.yaml#/C\n  {dir}/two.yaml#/C/$ref: $ref cycle: one.yaml#/B -> #/C -> one.yaml#/B"
    );
}

#[test]
fn an_error_inside_the_other_file_is_told_against_it() {
    assert_eq!(
        generate(
            "inside_other",
            &[
                ("main.yaml", &ref_doc("shared/other.yaml#/components/schemas/B")),
                (
                    "shared/other.yaml",
                    "components:\n  schemas:\n    B:\n      type: object\n      properties:\n        c: {type: strin}\n",
                ),
            ]
        ),
        "{dir}/shared/other.yaml#/components/schemas/B/properties/c/type: unknown type \"strin\""
    );
}
