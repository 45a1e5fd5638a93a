//! What each value of an AsyncAPI 3.0 document is: an object of the specification, a
//! schema, a map of names, or data (examples, `enum` values, extensions) whose keys
//! mean nothing to the document (a property named `$ref` inside an example is not a
//! reference). Every stage that walks the document asks here.

use asyncapi_runtime::Value;

use super::pointer;

/// The place of `child`, the value at `key` of `parent` (a `place`): [`Place::child`],
/// with what depends on the parent's content (a Multi Format Schema Object's format,
/// a `dependencies` entry that lists names).
pub fn child_place(place: Place, parent: &Value, key: &str, child: &Value) -> Place {
    if place == Place::Schemas && child.is_array() {
        return Place::Data;
    }
    if place == Place::Schema && key == "schema" {
        return inner_schema_place(parent);
    }
    place.child(key, child)
}

/// What a value in the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The top level of a document (or of a file mounted into it).
    Document,
    /// `components`: each key names a map of reusable objects.
    Components,
    /// An object of the specification (channel, message, operation, ...): keywords.
    Object,
    /// A map from names to objects of the specification (`channels`, `messages`, ...).
    Objects,
    /// A list of objects of the specification (`traits`, `tags`, operation `messages`).
    ObjectList,
    /// A schema, or a Multi Format Schema Object (`{schemaFormat, schema}`).
    Schema,
    /// A map from names to schemas (`components/schemas`, `properties`, ...).
    Schemas,
    /// A list of schemas (`allOf`, `anyOf`, `oneOf`, tuple `items`).
    SchemaList,
    /// Data: examples, `enum`/`const`/`default` values, extensions.
    Data,
    /// Files mounted into a bundle: each value is a file's top level (a document, or
    /// a schema).
    Files,
}

/// The top-level key under which the bundle mounts other files.
pub const FILES: &str = "x-asyncapi-codegen-files";
/// The top-level key under which the model keeps the schemas it derives.
pub const DERIVED: &str = "x-asyncapi-codegen-derived";

/// Keywords of a schema whose value is one schema.
pub const SUBSCHEMA: &[&str] = &[
    "additionalItems",
    "additionalProperties",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
];

/// Keywords of a schema whose value is a list of schemas.
pub const SUBSCHEMA_LISTS: &[&str] = &["allOf", "anyOf", "oneOf"];

/// Keywords of a schema whose value maps names to schemas.
pub const SUBSCHEMA_MAPS: &[&str] = &["properties", "patternProperties", "definitions", "$defs"];

/// Keywords whose value is data in any object.
const DATA: &[&str] = &["examples", "example", "enum", "const", "default"];

/// Whether `map` (a schema position) is a Multi Format Schema Object rather than a
/// schema: it has `schemaFormat`, which no schema keyword is.
pub fn is_multi_format(value: &Value) -> bool {
    value.get("schemaFormat").is_some()
}

/// The schema languages a Multi Format Schema Object may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaFormat {
    /// JSON Schema draft 07, or the AsyncAPI Schema Object (a superset of it).
    JsonSchema,
    /// Apache Avro 1.x.
    Avro,
    /// An OpenAPI 3.0 Schema Object.
    OpenApi,
    /// Anything else (XML Schema, Protobuf, RAML, ...), as written.
    Other(String),
}

impl SchemaFormat {
    /// Reads a `schemaFormat` media type (`application/vnd.apache.avro+json;version=1.9.0`):
    /// case and spaces do not matter, the version is not checked.
    pub fn parse(media_type: &str) -> SchemaFormat {
        let essence: String = media_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "application/schema+json"
            | "application/schema+yaml"
            | "application/vnd.aai.asyncapi"
            | "application/vnd.aai.asyncapi+json"
            | "application/vnd.aai.asyncapi+yaml" => SchemaFormat::JsonSchema,
            "application/vnd.apache.avro"
            | "application/vnd.apache.avro+json"
            | "application/vnd.apache.avro+yaml" => SchemaFormat::Avro,
            "application/vnd.oai.openapi"
            | "application/vnd.oai.openapi+json"
            | "application/vnd.oai.openapi+yaml" => SchemaFormat::OpenApi,
            _ => SchemaFormat::Other(media_type.to_string()),
        }
    }
}

/// The format of a Multi Format Schema Object, when `value` is one.
pub fn schema_format(value: &Value) -> Option<SchemaFormat> {
    value
        .get("schemaFormat")
        .map(|format| match format.as_str() {
            Some(text) => SchemaFormat::parse(text),
            None => SchemaFormat::Other(format.to_string()),
        })
}

/// The place of the `schema` member of a Multi Format Schema Object: a JSON schema,
/// or data in another language.
fn inner_schema_place(value: &Value) -> Place {
    match schema_format(value) {
        Some(SchemaFormat::JsonSchema) => Place::Schema,
        _ => Place::Data,
    }
}

impl Place {
    /// What the value `child` at `key` of a value of this kind is.
    pub fn child(self, key: &str, child: &Value) -> Place {
        match self {
            Place::Data => Place::Data,
            Place::Files => {
                if ["asyncapi", "components", "channels", "operations"]
                    .iter()
                    .any(|k| child.get(k).is_some())
                {
                    Place::Document
                } else {
                    Place::Schema
                }
            }
            Place::Objects => Place::Object,
            Place::ObjectList => Place::Object,
            Place::Schemas => Place::Schema,
            Place::SchemaList => Place::Schema,
            Place::Components => match key {
                "schemas" => Place::Schemas,
                _ if key.starts_with("x-") => Place::Data,
                _ => Place::Objects,
            },
            Place::Document | Place::Object => {
                if self == Place::Document && key == FILES {
                    return Place::Files;
                }
                if self == Place::Document && key == DERIVED {
                    return Place::SchemaList;
                }
                if key.starts_with("x-") || DATA.contains(&key) {
                    return Place::Data;
                }
                match (self, key) {
                    (Place::Document, "components") => Place::Components,
                    (_, "payload" | "headers") => Place::Schema,
                    (Place::Document, "channels" | "operations" | "servers") => Place::Objects,
                    (_, "messages" | "parameters" | "variables" | "channels" | "servers") => {
                        match child {
                            Value::Array(_) => Place::ObjectList,
                            _ => Place::Objects,
                        }
                    }
                    (_, "traits" | "tags" | "security") => Place::ObjectList,
                    _ => Place::Object,
                }
            }
            Place::Schema => {
                if key.starts_with("x-") || DATA.contains(&key) {
                    return Place::Data;
                }
                match key {
                    // Inside a Multi Format Schema Object: the schema itself.
                    "schema" => Place::Schema,
                    "items" => match child {
                        Value::Array(_) => Place::SchemaList,
                        _ => Place::Schema,
                    },
                    "dependencies" => Place::Schemas,
                    "externalDocs" => Place::Object,
                    _ if SUBSCHEMA.contains(&key) => Place::Schema,
                    _ if SUBSCHEMA_LISTS.contains(&key) => Place::SchemaList,
                    _ if SUBSCHEMA_MAPS.contains(&key) => Place::Schemas,
                    // Other keywords are annotations, unknown ones included: data.
                    _ => Place::Data,
                }
            }
        }
    }

    /// Whether a `$ref` in an object of this kind is a reference (not data).
    pub fn has_references(self) -> bool {
        !matches!(self, Place::Data | Place::Components | Place::Files)
    }
}

/// Visits every value under `value` (which is a `place` at `at`), before its children:
/// `visit(pointer, value, place)`. Data is visited but not entered. A `dependencies`
/// entry that is a list of names is data.
pub fn walk(value: &Value, place: Place, at: &str, visit: &mut impl FnMut(&str, &Value, Place)) {
    visit(at, value, place);
    match (value, place) {
        (_, Place::Data) => {}
        (Value::Object(map), _) => {
            for (key, child) in map.iter() {
                let mut child_place = place.child(key, child);
                if place == Place::Schemas && child.is_array() {
                    // `dependencies: {a: ["b"]}`: names, not a schema.
                    child_place = Place::Data;
                }
                if place == Place::Schema && key == "schema" {
                    child_place = inner_schema_place(value);
                }
                walk(child, child_place, &pointer::join(at, key), visit);
            }
        }
        (Value::Array(items), _) => {
            let item_place = match place {
                Place::SchemaList => Place::Schema,
                Place::ObjectList => Place::Object,
                _ => Place::Data,
            };
            for (i, item) in items.iter().enumerate() {
                walk(item, item_place, &pointer::index(at, i), visit);
            }
        }
        _ => {}
    }
}

/// The places of the values at `pointer` of a document, by walking down from its top
/// (`None` when there is no such value).
pub fn place_of(root: &Value, pointer: &str) -> Option<Place> {
    let mut place = Place::Document;
    let mut value = root;
    for token in pointer::tokens(pointer) {
        let (child, child_place) = match value {
            Value::Object(map) => {
                let child = map.get(&token)?;
                let mut child_place = place.child(&token, child);
                if place == Place::Schemas && child.is_array() {
                    child_place = Place::Data;
                }
                if place == Place::Schema && token == "schema" {
                    child_place = inner_schema_place(value);
                }
                (child, child_place)
            }
            Value::Array(items) => {
                let child = items.get(token.parse::<usize>().ok()?)?;
                let child_place = match place {
                    Place::SchemaList => Place::Schema,
                    Place::ObjectList => Place::Object,
                    _ => Place::Data,
                };
                (child, child_place)
            }
            _ => return None,
        };
        value = child;
        place = child_place;
    }
    Some(place)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(json: &str) -> Vec<(String, Place)> {
        let root = asyncapi_runtime::parse_json(json.as_bytes()).unwrap();
        let mut out = Vec::new();
        walk(&root, Place::Document, "", &mut |at, _, place| {
            out.push((at.to_string(), place))
        });
        out
    }

    #[test]
    fn tells_schemas_from_data_and_objects() {
        let found = places(
            r##"{"components": {"schemas": {"A": {"properties": {"$ref": {"enum": [{"$ref": 1}]}},
                "items": [{}], "dependencies": {"a": ["b"], "c": {}}}},
               "messages": {"M": {"payload": {"type": "string"}, "examples": [{"payload": {"$ref": "x"}}]}}},
               "operations": {"o": {"messages": [{"$ref": "#/x"}]}}}"##,
        );
        let place = |p: &str| {
            found
                .iter()
                .find(|(at, _)| at == p)
                .map(|(_, place)| *place)
        };
        assert_eq!(place("/components"), Some(Place::Components));
        assert_eq!(place("/components/schemas"), Some(Place::Schemas));
        assert_eq!(
            place("/components/schemas/A/properties/$ref"),
            Some(Place::Schema)
        );
        assert_eq!(
            place("/components/schemas/A/properties/$ref/enum"),
            Some(Place::Data)
        );
        assert_eq!(place("/components/schemas/A/properties/$ref/enum/0"), None);
        assert_eq!(
            place("/components/schemas/A/items"),
            Some(Place::SchemaList)
        );
        assert_eq!(place("/components/schemas/A/items/0"), Some(Place::Schema));
        assert_eq!(
            place("/components/schemas/A/dependencies/a"),
            Some(Place::Data)
        );
        assert_eq!(
            place("/components/schemas/A/dependencies/c"),
            Some(Place::Schema)
        );
        assert_eq!(place("/components/messages/M/payload"), Some(Place::Schema));
        assert_eq!(place("/components/messages/M/examples"), Some(Place::Data));
        assert_eq!(place("/operations/o/messages"), Some(Place::ObjectList));
        assert_eq!(place("/operations/o/messages/0"), Some(Place::Object));
        let root = asyncapi_runtime::parse_json(
            br#"{"channels": {"c": {"messages": {"m": {"headers": {}}}}}}"#,
        )
        .unwrap();
        assert_eq!(
            place_of(&root, "/channels/c/messages/m/headers"),
            Some(Place::Schema)
        );
        assert_eq!(place_of(&root, "/channels/x"), None);
    }
}
