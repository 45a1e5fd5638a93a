//! Turns an AsyncAPI 3.0 document into typed, validated Rust.
//!
//! The pipeline reads top to bottom:
//! [`load`] (YAML or JSON, order kept) -> [`check`] (versions, `$ref`s, keywords,
//! patterns, parameters) -> model ([`model`], built by `schema` and `interfaces`) ->
//! emit (tokens, formatted by prettyplease). It knows AsyncAPI and JSON Schema, and
//! nothing about any particular document.
//!
//! From a build script, like prost-build:
//!
//! ```no_run
//! // build.rs
//! if let Err(error) = asyncapi_codegen::Builder::new("spec/service.asyncapi.yaml").build() {
//!     eprintln!("{error}");
//!     std::process::exit(1);
//! }
//! ```
//!
//! and in the crate: `include!(concat!(env!("OUT_DIR"), "/service.rs"));`, with the
//! runtime crate (`asyncapi-runtime`) as a dependency.
//!
//! # What is supported, and what it becomes
//!
//! | Document | Rust |
//! |---|---|
//! | `components/schemas` entry, inline object (any depth) | a struct named after its key, or parent + property (see [`naming`]) |
//! | `properties`, `required` | fields; optional ones are `Option<T>`, omitted when absent |
//! | `type: string` / `boolean` / `number` | `String` / `bool` / `f64` |
//! | `type: integer` (`format: int32`/`int64` are annotations) | `i64` or `u64` when `minimum`/`maximum` bound it, else the runtime's `Integer` (any size); `5.0` is accepted |
//! | `format: byte` | `Base64Data`, base64 enforced |
//! | `type: [T, "null"]` | `Nullable<T>` when required, `Option<Nullable<T>>` when not: `null` and absent stay apart |
//! | `enum`, `const` (strings) | a Rust enum (a one-variant enum for `const`); `default` becomes `#[default]` |
//! | `items`, arrays of arrays | `Vec<T>` |
//! | `additionalProperties` absent or `true` | extra properties kept in a flattened `JsonMap`, so they round-trip |
//! | `additionalProperties: false` | a flattened, always empty `BTreeMap<String, Forbidden>` (not `deny_unknown_fields`, with which serde would also read the struct from a JSON array); unknown properties are `additionalProperties` violations |
//! | `additionalProperties: {schema}` | a `BTreeMap<String, T>` (no named properties), or one flattened next to the fields; the schema's constraints apply to every value (`#[validate(values(...))]`) |
//! | `allOf` | merged into one schema first (see the `all_of` module): one struct, or one value with combined bounds |
//! | `oneOf`/`anyOf` with a `discriminator` or a required `const` property common to all alternatives | a `#[serde(tag)]` enum, one struct per alternative |
//! | other `oneOf`/`anyOf` | an untagged enum whose variants carry their alternative's constraints; the value is checked against every alternative (not just the one serde kept), and `oneOf` refuses a value matching several |
//! | `$ref` to a schema that refers back to itself | the field is boxed |
//! | `true`, `{}` | `JsonValue` |
//! | `pattern` (ECMA-262, unanchored), `minLength`/`maxLength` (code points), `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`, `minItems`, `maxItems`, `uniqueItems`, `minProperties`, `maxProperties` | `#[validate(...)]` checks, reported with JSON pointers |
//! | `title`, `description`, `examples`, `default`, `deprecated` | doc comments |
//! | messages (`payload`, `headers`, inline or by `$ref`) | `MessageName`, `Message`, `MessageHeaders`, parse and validate functions |
//! | channels (`address`, `parameters`, `components/channels`, `components/parameters`) | a typed address per channel (`Display`, `parse`; enum parameters as enums) and a message enum |
//! | operations | an item per operation with its action, channel address type and message enum |
//! | servers and their `variables` | a struct per server rendering its URL; enum variables as enums |
//! | `$ref` to a file next to the document (relative path) | read, checked and named like a local schema; `cargo:rerun-if-changed` for it |
//!
//! Refused with an error naming the file and the JSON pointer: AsyncAPI other than 3.x,
//! any keyword not listed above (`not`, `if`/`then`/`else`, `patternProperties`, tuple
//! `items`, ...), patterns that ECMA-262 and the `regex` crate would read differently
//! and that cannot be translated, `$ref`s to URLs or absolute paths, and `false`
//! schemas.
//!
//! ## The `false` schema
//!
//! A `false` schema accepts no value at all. Where a type is needed (a component
//! schema, a property, a payload, array items, an `allOf` part, a `$ref` target) the
//! generator refuses it with a build error (``the schema `false` accepts nothing; no
//! type can be generated``) rather than emit a type that can never be constructed or
//! read: such a schema is almost always a mistake, and a type that deserializes
//! nothing would only move the failure to run time. The one place where `false` has
//! a useful meaning, `additionalProperties: false`, is supported (above).

#![warn(missing_docs)]

mod all_of;
pub mod check;
mod emit;
mod emit_borrowed;
mod emit_interfaces;
mod emit_messages;
mod error;
mod external;
mod interfaces;
pub mod load;
pub mod model;
pub mod naming;
mod pointer;
mod schema;

use std::path::{Path, PathBuf};

pub use error::{Error, Problem};
pub use load::Document;
pub use model::Model;

/// Configures and runs generation for one document.
#[derive(Debug, Clone)]
pub struct Builder {
    document: PathBuf,
    runtime: String,
    schemars_feature: Option<String>,
    out_dir: Option<PathBuf>,
    file_name: Option<String>,
    borrowed: bool,
}

impl Builder {
    /// Generation for the document at `document` (YAML or JSON).
    pub fn new(document: impl Into<PathBuf>) -> Self {
        Builder {
            document: document.into(),
            runtime: "::asyncapi_runtime".into(),
            schemars_feature: None,
            out_dir: None,
            file_name: None,
            borrowed: false,
        }
    }

    /// The path by which generated code reaches the runtime (default `::asyncapi_runtime`).
    pub fn runtime_path(mut self, path: impl Into<String>) -> Self {
        self.runtime = path.into();
        self
    }

    /// The Cargo feature of the including crate that enables `JsonSchema` derives
    /// (`Some("schemars")`); `None`, the default, emits none, so a crate without such a
    /// feature compiles the generated code without `unexpected_cfgs` warnings.
    pub fn schemars_feature(mut self, feature: Option<&str>) -> Self {
        self.schemars_feature = feature.map(str::to_string);
        self
    }

    /// Whether to emit a `borrowed` module with a zero-copy twin of every type that
    /// holds text (`Cow<'a, str>` strings, `Base64Ref<'a>` data), parsed with the
    /// runtime's `from_slice_borrowed`, plus `borrowed::Message<'a>` and
    /// `MessageName::parse_borrowed` to parse by message name (default: off).
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
    /// snake case, plus `.rs`: `kinesis-data-streams.asyncapi.yaml` ->
    /// `kinesis_data_streams.rs`).
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// Loads, checks and models the document.
    pub fn model(&self) -> Result<Model, Error> {
        let doc = Document::load(&self.document)?;
        model_of(&doc)
    }

    /// The formatted Rust source for the document.
    pub fn generate(&self) -> Result<String, Error> {
        self.generate_and_list().0
    }

    /// The source, and every file read for it (the document and the files its `$ref`s
    /// name), as far as reading got.
    fn generate_and_list(&self) -> (Result<String, Error>, Vec<PathBuf>) {
        let doc = match Document::load(&self.document) {
            Ok(doc) => doc,
            Err(error) => return (Err(error), vec![self.document.clone()]),
        };
        let (model, files) = model_and_files(&doc);
        (
            model.and_then(|model| emit::emit(&model, &self.emit_options())),
            files,
        )
    }

    /// Generates from a document already in memory.
    pub fn generate_from(&self, doc: &Document) -> Result<String, Error> {
        let model = model_of(doc)?;
        emit::emit(&model, &self.emit_options())
    }

    fn emit_options(&self) -> emit::EmitOptions {
        emit::EmitOptions {
            runtime: self.runtime.clone(),
            schemars_feature: self.schemars_feature.clone(),
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
        format!("{}.rs", naming::snake(stem))
    }

    /// For build scripts: generates, writes the file into the output directory (only
    /// when its content changed, so dependants do not rebuild needlessly), and prints
    /// `cargo:rerun-if-changed` for the document and every file its `$ref`s read.
    /// Returns the written path.
    pub fn build(&self) -> Result<PathBuf, Error> {
        let (source, files) = self.generate_and_list();
        for file in &files {
            println!("cargo:rerun-if-changed={}", file.display());
        }
        let source = source?;
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
        Ok(path)
    }
}

/// Checks and models a loaded document (reading the files its `$ref`s name, relative
/// to its file).
pub fn model_of(doc: &Document) -> Result<Model, Error> {
    model_and_files(doc).0
}

fn model_and_files(doc: &Document) -> (Result<Model, Error>, Vec<PathBuf>) {
    let (bundled, files) = match external::bundle(doc) {
        Ok(found) => found,
        Err(error) => return (Err(error), vec![doc.file.clone()]),
    };
    let model = check::check(&bundled)
        .and_then(|()| all_of::merge(&bundled))
        .and_then(|merged| interfaces::model(&merged))
        .map_err(|error| external::relocate(error, &doc.file));
    (model, files)
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
