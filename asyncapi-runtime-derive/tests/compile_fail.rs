//! Mistakes in `#[validate(...)]` are compile errors at the offending attribute.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
