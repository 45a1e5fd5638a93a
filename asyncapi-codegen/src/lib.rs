//! Turns an AsyncAPI 3.0 document into typed, validated Rust.
//!
//! The pipeline reads top to bottom, one module per stage, each importing only the
//! stages before it:
//!
//! 1. [`load`]: YAML or JSON into an exact JSON value (numbers as written, keys in
//!    order), with the line and column of every value;
//! 2. [`bundle`]: one self-contained document: files it references mounted, every
//!    `$ref` (JSON pointers, `$id`s, anchors, relative files) rewritten to a local
//!    pointer;
//! 3. [`check`]: everything that must hold (the AsyncAPI structure, valid draft-07
//!    schemas, patterns that translate, addresses that match their parameters), every
//!    problem located, and warnings for likely mistakes;
//! 4. [`merge`]: message and operation traits applied; `allOf` readable as one schema;
//! 5. [`model`]: schemas as Rust types as precise as each allows, the rest checked by
//!    the schema interpreter, never dropped; messages, channels, operations, servers;
//! 6. [`emit`]: tokens formatted by prettyplease into one file; or, with no code
//!    generated, [`interpret`]: the model's schemas compiled by the runtime's
//!    interpreter, payloads validated as the generated types would.
//!
//! It knows AsyncAPI and JSON Schema, and nothing about any particular document.
//! Generated code depends on the runtime crate `asyncapi-runtime` (and nothing else).
//!
//! From a build script, like prost-build:
//!
//! ```no_run
//! // build.rs: fn main() { ... }
//! asyncapi_codegen::Builder::new("spec/orders.asyncapi.yaml").compile();
//! ```
//!
//! and in the crate: `include!(concat!(env!("OUT_DIR"), "/orders.rs"));`, with
//! `asyncapi-runtime` as a dependency.
//!
//! # What the document becomes
//!
//! | Document | Rust |
//! |---|---|
//! | `components/schemas` entry, inline object (any depth) | a struct named after its key, or parent + property (see [`model::naming`]) |
//! | `properties`, `required` | fields; optional ones are `Option<T>`, omitted when absent; JSON `null` is not absence |
//! | `type: string` / `boolean` / `number` / `null` | `String` / `bool` / the runtime's exact `Number` / `Null` |
//! | `type: integer` | `i64` or `u64` when the bounds fit, else the runtime's `Integer` (any size, kept as written) |
//! | `format: byte` | `Base64Data`, base64 enforced |
//! | `type: [T, "null"]` | `Nullable<T>` |
//! | `enum`, `const` of strings | a Rust enum |
//! | `enum`, `const` of other values (`3`, `true`, `null`, objects) | an enum whose variants are the JSON values, written back exactly |
//! | `items` | `Vec<T>` |
//! | `additionalProperties` absent or `true` | unlisted properties kept in a flattened `Map`, exactly as read |
//! | `additionalProperties: false` | unlisted properties refused |
//! | `additionalProperties: {schema}` | a `Map<T>` (no properties), or one flattened next to the fields |
//! | `allOf` | merged into one schema where the merge is exact; the rest checked beside it |
//! | `oneOf` / `anyOf` | an enum of the alternatives, chosen by the schema the value matches |
//! | a value of several types (`type` lists, no `type` with keywords of some types) | an enum with a variant per JSON type (and `Other`) |
//! | `not`, `if`/`then`/`else`, `contains`, `patternProperties`, `propertyNames`, `dependencies`, tuple `items`, a `false` schema | checked by the schema interpreter on the value, beside its type |
//! | every check (`pattern` (ECMA-262, unanchored), `minLength`/`maxLength` (code points), bounds, `multipleOf` (exact decimals), counts, `uniqueItems`) | `#[validate(...)]` checks, reported with JSON pointers |
//! | `title`, `description`, `examples`, `default`, `deprecated` | doc comments |
//! | messages (payload and headers, traits applied) | `MessageName` (the runtime's `MessageSet`), `Message`, `MessageHeaders` |
//! | channels | a typed address per channel and an enum of its messages (`MessageGroup`) |
//! | operations (and replies) | a type per operation (`Operation`), `OperationId` (`OperationSet`) |
//! | servers and their `variables` | a struct per server rendering its URL |
//!
//! Every keyword of JSON Schema draft 07 is enforced, wherever it stands; unknown
//! keywords are annotations. Refused, with the file, pointer, line and reason: a
//! document that is not AsyncAPI 3.x, a reference that leaves the document set (a URL
//! no `$id` names), a pattern ECMA-262 and the `regex` crate would read differently
//! and that cannot be translated, and schemas that are not valid draft-07 schemas.
//! Payloads in a schema format other than JSON Schema and AsyncAPI's are kept as
//! opaque JSON, with a warning.

#![warn(missing_docs)]

pub mod bundle;
pub mod check;
pub mod diff;
pub mod emit;
mod error;
pub mod interpret;
pub mod load;
pub mod merge;
pub mod model;

use std::path::{Path, PathBuf};

pub use diff::{Diff, Party, Verdict};
pub use error::{Error, Location, Problem, Warning};
pub use load::Document;
pub use model::Model;

/// Configures and runs generation for one document.
#[derive(Debug, Clone)]
pub struct Builder {
    document: PathBuf,
    runtime: String,
    out_dir: Option<PathBuf>,
    file_name: Option<String>,
    borrowed: bool,
}

/// What [`model_of`] (and [`Builder::model`]) found: the model and what is worth knowing.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The model.
    pub model: Model,
    /// Warnings about the document (likely mistakes) and about what was generated.
    pub warnings: Vec<Warning>,
}

impl Builder {
    /// Generation for the document at `document` (YAML or JSON).
    pub fn new(document: impl Into<PathBuf>) -> Self {
        Builder {
            document: document.into(),
            runtime: "::asyncapi_runtime".into(),
            out_dir: None,
            file_name: None,
            borrowed: false,
        }
    }

    /// The path by which generated code reaches the runtime (default
    /// `::asyncapi_runtime`).
    pub fn runtime_path(mut self, path: impl Into<String>) -> Self {
        self.runtime = path.into();
        self
    }

    /// Whether to emit a `borrowed` module with a zero-copy twin of every struct that
    /// holds text (`Cow<'a, str>` strings, `Base64Ref<'a>` data), parsed with the
    /// runtime's `from_slice_borrowed`, plus `borrowed::Message<'a>` and
    /// `MessageName::parse_borrowed` (default: off).
    pub fn borrowed(mut self, on: bool) -> Self {
        self.borrowed = on;
        self
    }

    /// Where [`Builder::build`] writes (default: `$OUT_DIR`).
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// The output file name (default: the document's name up to its first `.`, in
    /// snake case, plus `.rs`: `order-events.asyncapi.yaml` -> `order_events.rs`).
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// Loads, bundles, checks, merges and models the document.
    pub fn model(&self) -> Result<Checked, Error> {
        let doc = Document::load(&self.document)?;
        model_of(&doc).map(|(checked, _)| checked)
    }

    /// The formatted Rust source for the document.
    pub fn generate(&self) -> Result<String, Error> {
        let doc = Document::load(&self.document)?;
        self.generate_from(&doc)
    }

    /// Generates from a document already in memory.
    pub fn generate_from(&self, doc: &Document) -> Result<String, Error> {
        let (checked, _) = model_of(doc)?;
        emit::emit(&checked.model, &self.emit_options())
    }

    fn emit_options(&self) -> emit::EmitOptions {
        emit::EmitOptions {
            runtime: self.runtime.clone(),
            source_name: self
                .document
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            borrowed: self.borrowed,
        }
    }

    /// The output file name (see [`Builder::file_name`]).
    pub fn output_name(&self) -> String {
        if let Some(name) = &self.file_name {
            return name.clone();
        }
        let stem = self
            .document
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = stem.split('.').next().unwrap_or("generated");
        format!("{}.rs", model::naming::snake(stem))
    }

    /// For build scripts: generates and writes the file into the output directory
    /// (only when its content changed, so dependants do not rebuild needlessly), and
    /// prints `cargo:rerun-if-changed` for the document and every file its `$ref`s
    /// read. Returns the written path and the warnings.
    pub fn build(&self) -> Result<(PathBuf, Vec<Warning>), Error> {
        let doc = match Document::load(&self.document) {
            Ok(doc) => doc,
            Err(error) => {
                println!("cargo:rerun-if-changed={}", self.document.display());
                return Err(error);
            }
        };
        let modelled = model_of(&doc);
        let files = match &modelled {
            Ok((_, files)) => files.clone(),
            Err(_) => vec![doc.file.clone()],
        };
        for file in &files {
            println!("cargo:rerun-if-changed={}", file.display());
        }
        let (checked, _) = modelled?;
        let source = emit::emit(&checked.model, &self.emit_options())?;
        let dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or_else(|| Error::Write {
                    file: PathBuf::from("$OUT_DIR"),
                    source: std::io::Error::other(
                        "OUT_DIR is not set: call from a build script or set out_dir",
                    ),
                })?,
        };
        let path = dir.join(self.output_name());
        write_if_changed(&path, &source)?;
        Ok((path, checked.warnings))
    }

    /// For build scripts: [`Builder::build`], then every warning reported with
    /// `cargo::warning=` and every error with `cargo::error=` (which fails the build),
    /// each once, as `file:line:column: #/pointer: message`.
    pub fn compile(&self) {
        for directive in self.directives() {
            println!("{directive}");
        }
    }

    /// What [`Builder::compile`] prints: the `cargo::warning=` and `cargo::error=`
    /// lines of [`Builder::build`] (its `cargo:rerun-if-changed=` lines it prints itself).
    fn directives(&self) -> Vec<String> {
        match self.build() {
            Ok((_, warnings)) => warnings
                .iter()
                .map(|warning| format!("cargo::warning={}", one_line(&warning.to_string())))
                .collect(),
            Err(error) => error
                .flatten()
                .into_iter()
                .map(|error| format!("cargo::error={}", one_line(&error.to_string())))
                .collect(),
        }
    }
}

/// Cargo reads one directive per line.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// Bundles, checks, merges and models a loaded document; the model, the warnings, and
/// every file read.
pub fn model_of(doc: &Document) -> Result<(Checked, Vec<PathBuf>), Error> {
    let bundled = bundle::bundle(doc)?;
    let files = bundled.files();
    let mut warnings = check::check(&bundled)?;
    let merged = merge::merge(&bundled);
    let model = model::model(&merged)?;
    warnings.extend(model.warnings.iter().cloned());
    Ok((Checked { model, warnings }, files))
}

fn write_if_changed(path: &Path, content: &str) -> Result<(), Error> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == content) {
        return Ok(());
    }
    std::fs::write(path, content).map_err(|source| Error::Write {
        file: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory under the target's temporary directory.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "asyncapi-codegen-lib-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn build_scripts_get_each_problem_once_with_its_line() {
        let dir = scratch("errors");
        let doc = dir.join("doc.yaml");
        std::fs::write(
            &doc,
            "asyncapi: 3.0.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    Money: {type: string}\n    A: {$ref: '#/components/schemas/Mony'}\n    B: {type: strin}\n",
        )
        .unwrap();
        let directives = Builder::new(&doc).out_dir(&dir).directives();
        let file = doc.display().to_string();
        assert_eq!(
            directives,
            [
                format!("cargo::error={file}:6:15: #/components/schemas/A/$ref: $ref \"#/components/schemas/Mony\" points to nothing; did you mean \"#/components/schemas/Money\"?"),
            ]
        );
        // With the reference fixed, the next problem, once.
        std::fs::write(&doc, "asyncapi: 3.0.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    B: {type: strin}\n").unwrap();
        assert_eq!(
            Builder::new(&doc).out_dir(&dir).directives(),
            [format!(
                "cargo::error={file}:5:15: #/components/schemas/B/type: unknown type \"strin\""
            )]
        );
    }

    #[test]
    fn build_scripts_get_warnings_and_nothing_else_when_all_is_well() {
        let dir = scratch("warnings");
        let doc = dir.join("doc.yaml");
        std::fs::write(
            &doc,
            "asyncapi: 3.0.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A: {type: string, proeprties: {}}\n",
        )
        .unwrap();
        let directives = Builder::new(&doc).out_dir(&dir).directives();
        assert_eq!(directives.len(), 1, "{directives:?}");
        assert!(
            directives[0].starts_with(&format!("cargo::warning={}:5:", doc.display())),
            "{directives:?}"
        );
        assert!(
            directives[0].contains("did you mean \"properties\""),
            "{directives:?}"
        );
        assert!(dir.join("doc.rs").exists());
        std::fs::write(&doc, "asyncapi: 3.0.0\ninfo: {title: t, version: '1'}\n").unwrap();
        assert_eq!(
            Builder::new(&doc).out_dir(&dir).directives(),
            Vec::<String>::new()
        );
    }
}
