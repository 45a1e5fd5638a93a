//! Generates the message types from the bundled AsyncAPI document.

fn main() {
    // With the zero-copy twins, and JsonSchema derives behind this crate's `schemars` feature.
    let builder = asyncapi_codegen::Builder::new("spec/kinesis-data-streams.asyncapi.yaml")
        .borrowed(true)
        .schemars_feature(Some("schemars"));
    if let Err(error) = builder.build() {
        // One line per problem, each naming the file and JSON pointer.
        for line in error.to_string().lines() {
            println!("cargo:warning={line}");
        }
        eprintln!("{error}");
        std::process::exit(1);
    }
}
