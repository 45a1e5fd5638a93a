//! Documents under `tests/fixtures/` that the generator must refuse. (Those it accepts
//! are compiled and exercised by the `fixture-tests` crate.)

use asyncapi_codegen::Builder;

#[test]
fn asyncapi_2_6_is_refused_with_its_version() {
    let error = Builder::new("tests/fixtures/refused/asyncapi_2_6.yaml")
        .generate()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "tests/fixtures/refused/asyncapi_2_6.yaml: AsyncAPI version 2.6.0 is not supported: this generator reads AsyncAPI 3.0.0 and 3.1.0"
    );
}
