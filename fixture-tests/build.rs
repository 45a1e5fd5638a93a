//! Generates one module per fixture document in `asyncapi-codegen/tests/fixtures/`
//! (with its zero-copy `borrowed` twins), one module for the official
//! JSON-Schema-Test-Suite turned into an AsyncAPI document, and `fixtures.rs`, which
//! includes them and dispatches by fixture name.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use asyncapi_runtime::{Map, Value};

include!("suite/excluded.rs");

fn main() {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = manifest.join("../asyncapi-codegen/tests/fixtures");
    let suite = manifest.join("../testdata/json-schema-test-suite/tests/draft7");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed={}", suite.display());
    println!("cargo:rerun-if-changed=suite/excluded.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the fixtures directory exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let mut modules = String::new();
    let mut arms = String::new();
    let mut borrowed_arms = String::new();
    for file in &files {
        let builder = asyncapi_codegen::Builder::new(file).borrowed(true);
        let name = builder.output_name();
        let module = name.trim_end_matches(".rs").to_string();
        let has_messages = match builder.model() {
            Ok(checked) => !checked.model.messages.is_empty(),
            Err(error) => fail(&error.to_string()),
        };
        if let Err(error) = builder.out_dir(&out).build() {
            fail(&error.to_string());
        }
        let _ = writeln!(
            modules,
            "pub mod {module} {{ include!(concat!(env!(\"OUT_DIR\"), \"/{name}\")); }}"
        );
        let _ = writeln!(
            arms,
            "        {:?} => Ok(f.call::<{module}::MessageName>()),",
            file.file_name().unwrap_or_default().to_string_lossy()
        );
        if has_messages {
            let _ = writeln!(
                borrowed_arms,
                "        {:?} => {{\n\
                 \x20           let name = crate::find::<{module}::MessageName>(message)?;\n\
                 \x20           agree(name.parse(bytes), name.parse_borrowed(bytes), |b| b.into_owned())\n\
                 \x20       }}",
                file.file_name().unwrap_or_default().to_string_lossy()
            );
        }
    }
    let suite_doc = suite_document(&suite, &out);
    let suite_builder = asyncapi_codegen::Builder::new(&suite_doc)
        .file_name("json_schema_suite.rs")
        .out_dir(&out);
    if let Err(error) = suite_builder.build() {
        fail(&format!("the test suite document: {error}"));
    }
    // The differential corpus: random schemas (tools/differential/random_schemas.py).
    let random = manifest.join("differential/random_schemas.yaml");
    println!("cargo:rerun-if-changed={}", random.display());
    let random_builder = asyncapi_codegen::Builder::new(&random)
        .borrowed(true)
        .out_dir(&out);
    if let Err(error) = random_builder.build() {
        fail(&format!("the differential corpus: {error}"));
    }
    let source = format!(
        "{modules}\n/// Random schemas, one message each (`differential/random_schemas.yaml`).\n\
         pub mod random_schemas {{ include!(concat!(env!(\"OUT_DIR\"), \"/random_schemas.rs\")); }}\n\
         /// The JSON-Schema-Test-Suite (draft 7) as one AsyncAPI document: per group, a \
         message with the schema inline as its payload and one whose payload `$ref`s it.\n\
         pub mod json_schema_suite {{ include!(concat!(env!(\"OUT_DIR\"), \"/json_schema_suite.rs\")); }}\n\n\
         /// Calls `f` with the message set of fixture `fixture` (its file name).\n\
         pub fn with_fixture<F: ForFixture>(fixture: &str, f: F) -> Result<F::Output, String> {{\n\
         \x20   match fixture {{\n{arms}        other => Err(format!(\"no fixture {{other:?}}\")),\n    }}\n}}\n\n\
         /// Parses `bytes` as message `message` of fixture `fixture` both owned and \
         zero-copy, and gives the JSON written when the two agree.\n\
         pub fn round_trip_borrowed(fixture: &str, message: &str, bytes: &[u8]) -> Result<String, String> {{\n\
         \x20   match fixture {{\n{borrowed_arms}        other => Err(format!(\"no fixture with messages {{other:?}}\")),\n    }}\n}}\n"
    );
    std::fs::write(out.join("fixtures.rs"), source).unwrap_or_else(|e| fail(&e.to_string()));
}

fn fail(message: &str) -> ! {
    println!("cargo::error={}", message.replace('\n', " "));
    std::process::exit(1);
}

/// The files of the suite this crate runs: every draft-7 core file and the optional
/// ones whose semantics the generator implements.
fn suite_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for optional in OPTIONAL {
        files.push(dir.join("optional").join(format!("{optional}.json")));
    }
    files
}

/// The message key of group `group` of `file` in one placement (`inline`, `ref`).
fn key(file: &str, group: usize, placement: &str) -> String {
    format!("{file}_{group}_{placement}")
}

/// `schema` with a base URI of its own (when it sets none), so that its references
/// (`#/definitions/a`, `#`) mean what they mean in the suite: within the schema.
fn based(schema: &Value, base: &str) -> Value {
    match schema {
        Value::Object(map) if !map.contains_key("$id") => {
            let mut map = map.clone();
            map.insert("$id", Value::from(base));
            Value::Object(map)
        }
        other => other.clone(),
    }
}

/// Writes the suite's AsyncAPI document; its path. Groups on the exclusion list are
/// left out, after checking that each indeed cannot be generated alone (and that every
/// other group can), so the list stays true.
fn suite_document(dir: &Path, out: &Path) -> PathBuf {
    let mut schemas = Map::new();
    let mut messages = Map::new();
    for path in suite_files(dir) {
        let file = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .replace('-', "_");
        let bytes =
            std::fs::read(&path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        let groups = asyncapi_runtime::parse_json(&bytes).unwrap_or_else(|e| fail(&e.to_string()));
        for (g, group) in groups.as_array().into_iter().flatten().enumerate() {
            let description = group["description"].as_str().unwrap_or_default();
            let schema = &group["schema"];
            let base = format!("https://json-schema-test-suite.invalid/{file}/{g}/");
            let inline = based(schema, &format!("{base}inline/schema.json"));
            let component = based(schema, &format!("{base}component/schema.json"));
            let component_name = format!("S_{file}_{g}");
            let mut alone_schemas = Map::new();
            alone_schemas.insert(component_name.clone(), component.clone());
            let mut alone_messages = Map::new();
            alone_messages.insert(key(&file, g, "inline"), payload(inline.clone()));
            alone_messages.insert(key(&file, g, "ref"), payload(reference(&component_name)));
            let excluded = EXCLUDED
                .iter()
                .find(|(f, d, _)| *f == file && *d == description);
            let alone = document(alone_schemas.clone(), alone_messages.clone());
            let alone_path = out.join(format!("suite_{file}_{g}.json"));
            std::fs::write(&alone_path, alone.to_json_pretty())
                .unwrap_or_else(|e| fail(&e.to_string()));
            let generated = asyncapi_codegen::Builder::new(&alone_path).model();
            let _ = std::fs::remove_file(&alone_path);
            match (generated, excluded) {
                (Ok(_), None) => {
                    schemas.extend(alone_schemas);
                    messages.extend(alone_messages);
                }
                (Err(_), Some(_)) => {}
                (Ok(_), Some((_, _, reason))) => fail(&format!(
                    "{file}: {description:?} is excluded ({reason}) but generates: remove it from suite/excluded.rs"
                )),
                (Err(error), None) => fail(&format!("{file}: {description:?} does not generate: {error}")),
            }
        }
    }
    let doc = document(schemas, messages);
    let path = out.join("json_schema_suite.asyncapi.json");
    std::fs::write(&path, doc.to_json_pretty()).unwrap_or_else(|e| fail(&e.to_string()));
    path
}

fn payload(schema: Value) -> Value {
    let mut message = Map::new();
    message.insert("payload", schema);
    Value::Object(message)
}

fn reference(name: &str) -> Value {
    let mut map = Map::new();
    map.insert("$ref", Value::from(format!("#/components/schemas/{name}")));
    Value::Object(map)
}

fn document(schemas: Map, messages: Map) -> Value {
    let mut info = Map::new();
    info.insert("title", Value::from("JSON-Schema-Test-Suite draft 7"));
    info.insert("version", Value::from("1"));
    let mut components = Map::new();
    components.insert("schemas", Value::Object(schemas));
    components.insert("messages", Value::Object(messages));
    let mut root = Map::new();
    root.insert("asyncapi", Value::from("3.0.0"));
    root.insert("info", Value::Object(info));
    root.insert("components", Value::Object(components));
    Value::Object(root)
}
