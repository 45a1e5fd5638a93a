//! Generates the message types from the bundled AsyncAPI document.

fn main() {
    // With the zero-copy `borrowed` twins (`kinesis_types::from_slice_borrowed`).
    let builder =
        asyncapi_codegen::Builder::new("spec/kinesis-data-streams.asyncapi.yaml").borrowed(true);
    if let Err(error) = builder.build() {
        // One line per problem, each naming the file and JSON pointer.
        for line in error.to_string().lines() {
            println!("cargo:warning={line}");
        }
        eprintln!("{error}");
        std::process::exit(1);
    }
}
