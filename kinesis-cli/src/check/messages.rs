//! Where a document's messages and their schemas are.

use serde_json::{Map, Value};

use super::pointers::join;

/// Every message object written in the document (not `$ref`s): its pointer and value.
pub fn message_objects(root: &Value) -> Vec<(String, &Map<String, Value>)> {
    let mut messages = Vec::new();
    if let Some(Value::Object(map)) = root.pointer("/components/messages") {
        for (key, value) in map {
            if let Value::Object(message) = value {
                if !message.contains_key("$ref") {
                    messages.push((join("/components/messages", key), message));
                }
            }
        }
    }
    if let Some(Value::Object(channels)) = root.get("channels") {
        for (channel, value) in channels {
            let Some(Value::Object(map)) = value.get("messages") else {
                continue;
            };
            for (key, value) in map {
                if let Value::Object(message) = value {
                    if !message.contains_key("$ref") {
                        let at = join(&join(&join("/channels", channel), "messages"), key);
                        messages.push((at, message));
                    }
                }
            }
        }
    }
    messages
}

/// Where the JSON Schema of a message's `payload`/`headers` at `at` is: the value itself,
/// or the `schema` of a multi-format schema object whose format is JSON Schema. `None`
/// when there is none, or it is in another schema language (Avro, RAML, ...).
pub fn schema_pointer(root: &Value, at: &str) -> Option<String> {
    let value = root.pointer(at)?;
    let Some(format) = value.get("schemaFormat") else {
        return Some(at.to_string());
    };
    let format = format.as_str()?;
    let json_schema = format.starts_with("application/vnd.aai.asyncapi")
        || format.starts_with("application/schema+json")
        || format.starts_with("application/schema+yaml");
    (json_schema && value.get("schema").is_some()).then(|| format!("{at}/schema"))
}
