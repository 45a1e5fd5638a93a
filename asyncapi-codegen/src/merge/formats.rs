//! References to Multi Format Schema Objects, read as references to their schema.
//!
//! `components/schemas` may hold a Multi Format Schema Object (`{schemaFormat,
//! schema}`), and a payload, headers or any schema may `$ref` it. JSON Schema would
//! read the object's members as keywords of a schema (`schemaFormat` and `schema`,
//! both unknown, so anything is valid): every check of the schema would be lost. When
//! the object is in JSON Schema (the AsyncAPI Schema Object, or Avro and OpenAPI after
//! their translation when bundling), a `$ref` to it means its schema, and is rewritten
//! to lead there. Objects in formats that cannot be typed are left as they are: what
//! reaches them is an opaque payload, which the check stage warns about.

use asyncapi_runtime::Value;

use crate::bundle::{reference_to, Bundle};
use crate::load::pointer;
use crate::load::walk::{self, Place, SchemaFormat};

/// Rewrites, in `root`, every `$ref` to a Multi Format Schema Object in JSON Schema
/// into a `$ref` to its `schema`.
pub fn apply(root: &mut Value) {
    let mut rewrites: Vec<(String, String)> = Vec::new();
    walk::walk(root, Place::Document, "", &mut |at, value, place| {
        if !place.has_references() {
            return;
        }
        let Some(target) = value
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(Bundle::target)
        else {
            return;
        };
        let is_json_schema = root.pointer(&target).is_some_and(|object| {
            walk::schema_format(object) == Some(SchemaFormat::JsonSchema)
                && object.get("schema").is_some()
        });
        if is_json_schema {
            rewrites.push((pointer::join(at, "$ref"), pointer::join(&target, "schema")));
        }
    });
    for (at, target) in rewrites {
        if let Some(slot) = root.pointer_mut(&at) {
            *slot = Value::from(reference_to(&target));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use asyncapi_runtime::parse_json;

    #[test]
    fn references_lead_to_the_schema_of_json_schema_objects_only() {
        let mut root = parse_json(
            br##"{"components": {
                "schemas": {
                    "J": {"schemaFormat": "application/schema+yaml;version=draft-07", "schema": {"type": "string"}},
                    "X": {"schemaFormat": "application/xml", "schema": "<xs:schema/>"},
                    "P": {"type": "object", "properties": {"j": {"$ref": "#/components/schemas/J"}}}
                },
                "messages": {
                    "M": {"payload": {"$ref": "#/components/schemas/J"}, "headers": {"$ref": "#/components/schemas/X"},
                          "examples": [{"payload": {"$ref": "#/components/schemas/J"}}]}
                }}}"##,
        )
        .unwrap();
        apply(&mut root);
        let reference = |at: &str| {
            root.pointer(at)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(
            reference("/components/messages/M/payload/$ref"),
            "#/components/schemas/J/schema"
        );
        assert_eq!(
            reference("/components/schemas/P/properties/j/$ref"),
            "#/components/schemas/J/schema"
        );
        // Other formats stay; examples are data.
        assert_eq!(
            reference("/components/messages/M/headers/$ref"),
            "#/components/schemas/X"
        );
        assert_eq!(
            reference("/components/messages/M/examples/0/payload/$ref"),
            "#/components/schemas/J"
        );
    }
}
