//! Multi Format Schema Objects in Avro and OpenAPI replaced by their JSON Schema
//! translation, before references are resolved (so references inside an OpenAPI
//! schema resolve like any other). One that cannot be translated is left as written.

use std::path::Path;

use asyncapi_runtime::{Map, Value};

use super::translate;
use crate::error::{Error, Problem};
use crate::load::walk::{self, Place, SchemaFormat};
use crate::load::{pointer, Document};

/// Where the translated object keeps the original format and schema, for the record.
pub const SOURCE: &str = "x-asyncapi-codegen-source";

/// `doc` with every Avro or OpenAPI payload and headers schema translated in place.
pub fn normalize(doc: &Document) -> Result<Document, Error> {
    let mut found: Vec<(String, SchemaFormat)> = Vec::new();
    walk::walk(&doc.root, Place::Document, "", &mut |at, value, place| {
        if place == Place::Schema {
            if let Some(format @ (SchemaFormat::Avro | SchemaFormat::OpenApi)) =
                walk::schema_format(value)
            {
                found.push((at.to_string(), format));
            }
        }
    });
    if found.is_empty() {
        return Ok(doc.clone());
    }
    let mut out = doc.clone();
    let mut errors = Vec::new();
    for (at, format) in found {
        let Some(object) = doc.root.pointer(&at) else {
            continue;
        };
        let schema_at = pointer::join(&at, "schema");
        let schema = match object.get("schema") {
            Some(schema) => match schema.get("$ref").and_then(Value::as_str) {
                // A schema in its own file (`user.avsc`): read it, relative to the document.
                Some(reference) => match read_file(&doc.file, reference) {
                    Ok(schema) => schema,
                    Err(message) => {
                        errors.push(error(
                            doc,
                            &pointer::join(&schema_at, "$ref"),
                            Problem::BadRef(message),
                        ));
                        continue;
                    }
                },
                None => schema.clone(),
            },
            None => continue,
        };
        // A schema that does not translate stays as written: the payload is opaque to
        // the generator, and the check stage says why (the document is valid or not by
        // its own rules, not by what the generator can type).
        if let Ok(Some(translated)) = translate(&format, &schema, &schema_at) {
            let mut replaced = Map::new();
            replaced.insert(
                "schemaFormat",
                Value::from("application/schema+json;version=draft-07"),
            );
            replaced.insert("schema", translated);
            let mut source = Map::new();
            if let Some(original) = object.get("schemaFormat") {
                source.insert("schemaFormat", original.clone());
            }
            source.insert("schema", schema);
            replaced.insert(SOURCE, Value::Object(source));
            if let Some(slot) = out.root.pointer_mut(&at) {
                *slot = Value::Object(replaced);
            }
        }
    }
    Error::from_list(errors)?;
    Ok(out)
}

fn error(doc: &Document, at: &str, problem: Problem) -> Error {
    Error::At {
        location: Box::new(doc.locate(at)),
        problem,
    }
}

/// The JSON of the file a relative reference names (no fragment: a whole schema).
fn read_file(document: &Path, reference: &str) -> Result<Value, String> {
    if reference.contains("://") || reference.starts_with('#') || reference.contains('#') {
        return Err(format!(
            "{reference:?}: a schema in another format is referenced as a whole file next to the document"
        ));
    }
    let path = document.parent().unwrap_or(Path::new("")).join(reference);
    Document::load(&path)
        .map(|loaded| loaded.root)
        .map_err(|error| format!("{reference:?}: {error}"))
}
