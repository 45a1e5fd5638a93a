//! Generates the message types from the bundled AsyncAPI document.

fn main() {
    // With the zero-copy twins (`kinesis_types::borrowed`). Problems with the document
    // are reported to Cargo, each once, with its file, line, column and JSON pointer.
    asyncapi_codegen::Builder::new("spec/kinesis-data-streams.asyncapi.yaml")
        .borrowed(true)
        .compile();
}
