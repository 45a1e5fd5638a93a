//! Generates one module per fixture document in `asyncapi-codegen/tests/fixtures/`
//! (with its zero-copy `borrowed` twins), and `fixtures.rs`, which includes them and
//! dispatches by fixture name.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../asyncapi-codegen/tests/fixtures");
    println!("cargo:rerun-if-changed={}", dir.display());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the fixtures directory exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let mut modules = String::new();
    let mut arms = String::new();
    let mut header_arms = String::new();
    let mut borrowed_arms = String::new();
    for file in &files {
        let builder = asyncapi_codegen::Builder::new(file)
            .schemars_feature(None)
            .borrowed(true);
        let name = builder.output_name();
        let module = name.trim_end_matches(".rs").to_string();
        if let Err(error) = builder.out_dir(&out).build() {
            eprintln!("{error}");
            std::process::exit(1);
        }
        let _ = writeln!(
            modules,
            "#[allow(dead_code, clippy::all)]\npub mod {module} {{ include!(concat!(env!(\"OUT_DIR\"), \"/{name}\")); }}"
        );
        let _ = writeln!(
            arms,
            "        {:?} => {{ let name = {module}::MessageName::from_name(message).ok_or_else(|| format!(\"no message {{message:?}}\"))?; \
             let parsed = name.parse_value(payload).map_err(|e| e.to_string())?; \
             ::serde_json::to_value(&parsed).map_err(|e| e.to_string()) }}",
            file.file_name().unwrap_or_default().to_string_lossy()
        );
        let _ = writeln!(
            borrowed_arms,
            "        {:?} => {{ let name = {module}::MessageName::from_name(message).ok_or_else(|| format!(\"no message {{message:?}}\"))?; \
             let owned = name.parse(bytes).map_err(|e| e.to_string()); \
             let lent = name.parse_borrowed(bytes).map_err(|e| e.to_string()); \
             if let Ok(lent) = &lent {{ if lent.name() != name {{ return Err(format!(\"parsed as {{}}\", lent.name())); }} }} \
             crate::agree(lent, owned) }}",
            file.file_name().unwrap_or_default().to_string_lossy()
        );
        let _ = writeln!(
            header_arms,
            "        {:?} => {{ let name = {module}::MessageName::from_name(message).ok_or_else(|| format!(\"no message {{message:?}}\"))?; \
             match name.parse_headers(headers).map_err(|e| e.to_string())? {{ \
             Some(parsed) => ::serde_json::to_value(&parsed).map(Some).map_err(|e| e.to_string()), None => Ok(None) }} }}",
            file.file_name().unwrap_or_default().to_string_lossy()
        );
    }
    let source = format!(
        "{modules}\n/// Parses and validates `payload` as message `message` of fixture `fixture` (its file\n/// name), and writes it back as JSON.\npub fn round_trip(fixture: &str, message: &str, payload: &::serde_json::Value) -> Result<::serde_json::Value, String> {{\n    match fixture {{\n{arms}        other => Err(format!(\"no fixture {{other:?}}\")),\n    }}\n}}\n\n/// Parses and validates `headers` as the headers of message `message` of fixture\n/// `fixture`, and writes them back as JSON (`None` when the message declares none).\npub fn round_trip_headers(fixture: &str, message: &str, headers: &::serde_json::Value) -> Result<Option<::serde_json::Value>, String> {{\n    match fixture {{\n{header_arms}        other => Err(format!(\"no fixture {{other:?}}\")),\n    }}\n}}\n\n/// Parses and validates `bytes` as message `message` of fixture `fixture` both with\n/// `parse_borrowed` and `parse`, and writes the borrowed message back as JSON; an error\n/// when the two disagree in any respect (value, JSON written, error).\npub fn round_trip_borrowed(fixture: &str, message: &str, bytes: &[u8]) -> Result<::serde_json::Value, String> {{\n    match fixture {{\n{borrowed_arms}        other => Err(format!(\"no fixture {{other:?}}\")),\n    }}\n}}\n"
    );
    std::fs::write(out.join("fixtures.rs"), source).expect("OUT_DIR is writable");
}
