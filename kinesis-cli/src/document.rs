//! The bundled AsyncAPI document, and loading another one named on the command line.

use std::path::Path;

use asyncapi_codegen::Document;

use crate::error::{Fatal, ReadError};

/// The document the generated types come from, as it was when this binary was built
/// (held by kinesis-types, so that the published crate carries it).
pub const BUNDLED_TEXT: &str = kinesis_types::SPEC_YAML;

/// The bundled document's path in the repository, used to name it in messages.
pub const BUNDLED_PATH: &str = kinesis_types::SPEC_PATH;

/// The bundled document, parsed.
pub fn bundled() -> Result<Document, Fatal> {
    Document::parse(Path::new(BUNDLED_PATH), BUNDLED_TEXT)
        .map_err(|error| Fatal::new(format!("the bundled document does not load: {error}")))
}

/// Reads the text of the document at `path`.
pub fn read(path: &Path) -> Result<String, ReadError> {
    std::fs::read_to_string(path).map_err(|error| ReadError {
        name: path.display().to_string(),
        error,
    })
}
