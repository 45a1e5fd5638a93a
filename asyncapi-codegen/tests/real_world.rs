//! AsyncAPI 3.0 constructs as public documents write them (traits, Multi Format
//! Schema Objects, replies, correlation ids, references to every kind of component),
//! each a regression test of the generator on a small document.

use std::path::Path;

use asyncapi_codegen::{Builder, Document};

/// Loads `yaml` as if it were the file `doc.yaml`.
fn document(yaml: &str) -> Document {
    Document::parse(Path::new("doc.yaml"), yaml).expect("the test document parses")
}

/// The generated code for `yaml` (with the zero-copy twins).
fn generate(yaml: &str) -> String {
    Builder::new("doc.yaml")
        .borrowed(true)
        .generate_from(&document(yaml))
        .unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn optional_fields_read_with_a_function_may_be_absent() {
    // Native integers are read by a function, which makes serde require the field
    // unless it also has `default`.
    let code = generate(
        "asyncapi: 3.0.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    S:\n      type: object\n      properties:\n        n: {type: integer, minimum: 0, maximum: 9}\n        s: {type: string}\n",
    );
    assert!(code.contains("skip_serializing_if = \"Option::is_none\",\n        default,\n        deserialize_with = \"::asyncapi_runtime::__private::native::some_i64\""), "{code}");
    assert!(code.contains("default,\n            deserialize_with = \"::asyncapi_runtime::__private::borrowed::non_null\""), "{code}");
}
