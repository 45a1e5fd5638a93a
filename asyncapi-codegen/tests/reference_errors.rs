//! The exact errors of `$ref`s to other files that cannot be followed, each told
//! against the file and line where it is written.

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
            "{dir}/main.yaml:8:19: #/components/schemas/A/properties/b/$ref: bad $ref: \"other.yaml#/B\": cannot read {dir}/other.yaml: "
        ),
        "{error}"
    );
}

#[test]
fn an_absolute_path_that_does_not_exist() {
    let error = generate(
        "absolute_path",
        &[("main.yaml", &ref_doc("/nonexistent/schemas.yaml#/B"))],
    );
    assert!(
        error.starts_with(
            "{dir}/main.yaml:8:19: #/components/schemas/A/properties/b/$ref: bad $ref: \"/nonexistent/schemas.yaml#/B\": cannot read /nonexistent/schemas.yaml: "
        ),
        "{error}"
    );
}

#[test]
fn a_url() {
    assert_eq!(
        generate("url", &[("main.yaml", &ref_doc("https://example.com/s.yaml#/B"))]),
        "{dir}/main.yaml:8:19: #/components/schemas/A/properties/b/$ref: bad $ref: \"https://example.com/s.yaml#/B\" leaves the document: no $id in it names \"https://example.com/s.yaml\", and references are followed only to files next to the document"
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
        "{dir}/main.yaml:8:19: #/components/schemas/A/properties/b/$ref: $ref \"other.yaml#/components/schemas/Nope\" points to nothing"
    );
    // A near miss gets a suggestion, told against the file it is in.
    assert_eq!(
        generate(
            "near_pointer",
            &[
                ("main.yaml", &ref_doc("other.yaml#/components/schemas/Moneys")),
                ("other.yaml", "components:\n  schemas:\n    Money: {type: string}\n"),
            ]
        ),
        "{dir}/main.yaml:8:19: #/components/schemas/A/properties/b/$ref: $ref \"other.yaml#/components/schemas/Moneys\" points to nothing; did you mean \"other.yaml#/components/schemas/Money\"?"
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
        "3 problems:\n  {dir}/main.yaml:8:19: #/components/schemas/A/properties/b/$ref: $ref cycle: one.yaml#/B -> two.yaml#/C -> one.yaml#/B\n  {dir}/one.yaml:1:11: #/B/$ref: $ref cycle: two.yaml#/C -> one.yaml#/B\n  {dir}/two.yaml:1:11: #/C/$ref: $ref cycle: one.yaml#/B -> two.yaml#/C"
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
        "{dir}/shared/other.yaml:6:19: #/components/schemas/B/properties/c/type: unknown type \"strin\""
    );
}

#[test]
fn a_file_of_schemas_keyed_by_name_is_read_through_its_references() {
    // `schemas.yaml` is neither a document nor a schema: the references inside what
    // a `$ref` reaches are followed all the same.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("reference_errors/keyed_file");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("main.yaml"), ref_doc("schemas.yaml#/Outer")).unwrap();
    std::fs::write(
        dir.join("schemas.yaml"),
        "Outer: {type: object, properties: {inner: {$ref: '#/Inner'}}}\nInner: {$ref: 'more.yaml#/Leaf'}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("more.yaml"),
        "Leaf: {type: string, maxLength: 3}\n",
    )
    .unwrap();
    let source = Builder::new(dir.join("main.yaml"))
        .generate()
        .expect("generates");
    assert!(source.contains("max_length = 3"), "{source}");
}

/// `check_document` reports a reference that cannot be resolved and what the rest of the
/// document breaks together, each once, where `model_of` stops at the references.
#[test]
fn check_document_reports_references_and_the_rest_at_once() {
    let text = "asyncapi: 3.0.0\n\
                info: {title: t, version: '1'}\n\
                channels:\n  c: {address: c}\n\
                operations:\n  o: {action: publish, channel: {$ref: '#/channels/c'}}\n\
                components:\n  schemas:\n    A: {$ref: '#/components/schemas/Nowhere'}\n";
    let doc =
        asyncapi_codegen::Document::parse(std::path::Path::new("doc.yaml"), text).expect("parses");
    let error = asyncapi_codegen::check_document(&doc).expect_err("two errors");
    let found: Vec<String> = error.flatten().iter().map(|e| e.to_string()).collect();
    assert_eq!(
        found,
        [
            "doc.yaml:9:15: #/components/schemas/A/$ref: $ref \"#/components/schemas/Nowhere\" points to nothing",
            "doc.yaml:6:15: #/operations/o/action: \"action\" must be \"send\" or \"receive\"",
        ]
    );
    let stopped = asyncapi_codegen::model_of(&doc).expect_err("refused");
    assert_eq!(stopped.flatten().len(), 1);
    // A valid document: the check's and the model's warnings, nothing refused.
    let valid = text
        .replace("publish", "send")
        .replace("Nowhere", "B")
        .replace("    A:", "    B: {type: string}\n    A:");
    let doc = asyncapi_codegen::Document::parse(std::path::Path::new("doc.yaml"), &valid)
        .expect("parses");
    assert!(asyncapi_codegen::check_document(&doc).is_ok());
}
