//! Modelling the parts of a document around the schemas: messages, channels,
//! operations and servers.

use serde_json::{Map, Value};

use crate::check::{address_parameters, locate, resolve};
use crate::error::{Error, Problem};
use crate::load::Document;
use crate::model::{ChannelDef, MessageDef, Model, OperationDef, ParameterDef, ServerDef, Variant};
use crate::naming::{self, Scope};
use crate::pointer;
use crate::schema::Schemas;

/// Names the generated module claims before any schema is named.
pub const RESERVED_TYPE_NAMES: &[&str] = &[
    "Message",
    "MessageName",
    "JsonMap",
    "JsonValue",
    "JsonSchema",
    "Base64Data",
    "Integer",
    "Validate",
    "Serialize",
    "Deserialize",
    "MessageHeaders",
];

/// Builds the whole model of a checked document.
pub fn model(doc: &Document) -> Result<Model, Error> {
    let reserved: Vec<&str> = RESERVED_TYPE_NAMES
        .iter()
        .chain(naming::PRELUDE)
        .copied()
        .collect();
    let mut schemas = Schemas::new(doc, &reserved);
    schemas.components()?;
    let text = |p: &str| doc.get(p).and_then(Value::as_str).map(str::to_string);
    let default_content_type = text("/defaultContentType");
    let mut messages = Vec::new();
    let mut variants = Scope::new();
    let mut errors = Vec::new();
    if let Some(Value::Object(map)) = doc.get("/components/messages") {
        for key in map.keys() {
            let at = pointer::join("/components/messages", key);
            match message(
                doc,
                &mut schemas,
                &at,
                key,
                &mut variants,
                &default_content_type,
            ) {
                Ok(message) => messages.push(message),
                Err(error) => errors.push(error),
            }
        }
    }
    // Messages defined inline in channels join the registry too.
    if let Some(Value::Object(channels)) = doc.get("/channels") {
        for (channel, value) in channels {
            // A channel given by `$ref`: its inline messages stand where it does.
            let channel_at = match value.get("$ref").and_then(Value::as_str) {
                Some(target) => target
                    .strip_prefix('#')
                    .and_then(|t| locate(doc, t))
                    .map(|(at, _)| at),
                None => Some(pointer::join("/channels", channel)),
            };
            let Some(channel_at) = channel_at else {
                continue;
            };
            let value = resolve(doc, value).unwrap_or(value);
            if let Some(Value::Object(map)) = value.get("messages") {
                for (key, message_value) in map {
                    if message_value.get("$ref").is_some() {
                        continue;
                    }
                    let at = pointer::join(&pointer::join(&channel_at, "messages"), key);
                    if messages.iter().any(|m: &MessageDef| m.pointer == at) {
                        continue;
                    }
                    let stem = format!("{}{}", naming::pascal(channel), naming::pascal(key));
                    match message(
                        doc,
                        &mut schemas,
                        &at,
                        &stem,
                        &mut variants,
                        &default_content_type,
                    ) {
                        Ok(message) => messages.push(message),
                        Err(error) => errors.push(error),
                    }
                }
            }
        }
    }
    Error::from_list(errors)?;
    let channels = channels(doc, &messages)?;
    let operations = operations(doc, &channels, &messages)?;
    let servers = servers(doc);
    Ok(Model {
        title: text("/info/title").unwrap_or_default(),
        version: text("/info/version").unwrap_or_default(),
        description: text("/info/description"),
        types: schemas.into_types(),
        messages,
        channels,
        operations,
        servers,
    })
}

fn message(
    doc: &Document,
    schemas: &mut Schemas<'_>,
    at: &str,
    key: &str,
    variants: &mut Scope,
    default_content_type: &Option<String>,
) -> Result<MessageDef, Error> {
    let error = |problem| Error::At {
        file: doc.file.clone(),
        pointer: at.to_string(),
        problem,
    };
    let Some(Value::Object(map)) = doc.get(at).and_then(|m| resolve(doc, m)) else {
        return Err(error(Problem::Invalid(
            "a message must be a mapping".into(),
        )));
    };
    let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_string);
    let stem = naming::pascal(key);
    let payload = match map.get("payload") {
        Some(_) => schemas.ty(&pointer::join(at, "payload"), &format!("{stem}Payload"))?,
        None => crate::model::Ty::Any,
    };
    let headers = match map.get("headers") {
        Some(_) => Some(schemas.ty(&pointer::join(at, "headers"), &format!("{stem}Headers"))?),
        None => None,
    };
    Ok(MessageDef {
        key: key.to_string(),
        variant: variants.claim(&naming::variant_name(key)),
        name: text("name").unwrap_or_else(|| key.to_string()),
        title: text("title"),
        summary: text("summary"),
        content_type: text("contentType").or_else(|| default_content_type.clone()),
        payload,
        headers,
        pointer: at.to_string(),
    })
}

/// The message variant a channel message (or a `$ref` to one) stands for.
fn message_variant(
    doc: &Document,
    value: &Value,
    at: &str,
    messages: &[MessageDef],
) -> Option<String> {
    // Where the message really stands: through a channel given by `$ref`
    // (`#/channels/orders/messages/placed`), and a channel's message that refs a
    // component message.
    let mut target = at.to_string();
    let mut current = value;
    for _ in 0..64 {
        let Some(next) = current.get("$ref").and_then(Value::as_str) else {
            break;
        };
        (target, current) = locate(doc, next.strip_prefix('#')?)?;
    }
    messages
        .iter()
        .find(|m| m.pointer == target)
        .map(|m| m.variant.clone())
}

fn parameter(
    doc: &Document,
    wire: &str,
    value: &Value,
    scope: &mut Scope,
    enum_name: String,
) -> ParameterDef {
    let empty = Map::new();
    let map = resolve(doc, value)
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let strings = |k: &str| -> Vec<String> {
        map.get(k)
            .and_then(Value::as_array)
            .map(|values| {
                values
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    let values = strings("enum");
    let values = (!values.is_empty()).then(|| {
        let mut variants = Scope::new();
        let list = values
            .iter()
            .map(|wire| Variant {
                name: variants.claim(&naming::variant_name(wire)),
                wire: wire.clone(),
            })
            .collect();
        (enum_name, list)
    });
    ParameterDef {
        wire: wire.to_string(),
        name: scope.claim(&naming::field_name(wire)),
        description: map
            .get("description")
            .and_then(Value::as_str)
            .map(str::to_string),
        values,
        default: map
            .get("default")
            .and_then(Value::as_str)
            .map(str::to_string),
        examples: strings("examples"),
    }
}

fn channels(doc: &Document, messages: &[MessageDef]) -> Result<Vec<ChannelDef>, Error> {
    let Some(Value::Object(channels)) = doc.get("/channels") else {
        return Ok(Vec::new());
    };
    // Names in the generated `channels` module: each channel's address and message
    // types first, in document order, then the enums of its parameters.
    let mut names = Scope::with_prelude();
    let mut stems = Scope::new();
    let mut claimed = Vec::new();
    for key in channels.keys() {
        let name = stems.claim(&naming::type_name(key));
        let address_type = names.claim(&format!("{name}Address"));
        let message_type = names.claim(&format!("{name}Message"));
        claimed.push((name, address_type, message_type));
    }
    let mut out = Vec::new();
    for ((key, value), (name, address_type, message_type)) in channels.iter().zip(claimed) {
        let at = pointer::join("/channels", key);
        let Some(Value::Object(map)) = resolve(doc, value) else {
            continue;
        };
        let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_string);
        let address = text("address");
        let declared = map.get("parameters").and_then(Value::as_object);
        let mut fields = Scope::new();
        let mut parameters = Vec::new();
        if let Some(address) = &address {
            let used = address_parameters(address).map_err(|message| Error::At {
                file: doc.file.clone(),
                pointer: pointer::join(&at, "address"),
                problem: Problem::Parameters(message),
            })?;
            for wire in used {
                let value = declared
                    .and_then(|d| d.get(&wire))
                    .cloned()
                    .unwrap_or(Value::Null);
                let enum_name = format!("{name}{}", naming::pascal(&wire));
                let mut parameter = parameter(doc, &wire, &value, &mut fields, enum_name);
                if let Some((enum_name, _)) = &mut parameter.values {
                    *enum_name = names.claim(enum_name);
                }
                parameters.push(parameter);
            }
        }
        // Inline messages of a channel given by `$ref` stand where it does.
        let channel_at = value
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|t| t.strip_prefix('#'))
            .and_then(|t| locate(doc, t))
            .map_or_else(|| at.clone(), |(at, _)| at);
        let mut carried = Vec::new();
        if let Some(Value::Object(list)) = map.get("messages") {
            for (message_key, message) in list {
                let here = pointer::join(&pointer::join(&channel_at, "messages"), message_key);
                if let Some(variant) = message_variant(doc, message, &here, messages) {
                    carried.push((message_key.clone(), variant));
                }
            }
        }
        out.push(ChannelDef {
            key: key.clone(),
            name,
            address_type,
            message_type,
            address,
            title: text("title"),
            description: text("description"),
            parameters,
            messages: carried,
        });
    }
    Ok(out)
}

fn operations(
    doc: &Document,
    channels: &[ChannelDef],
    messages: &[MessageDef],
) -> Result<Vec<OperationDef>, Error> {
    let Some(Value::Object(operations)) = doc.get("/operations") else {
        return Ok(Vec::new());
    };
    // Names in the generated `operations` module.
    let mut names = Scope::with_prelude();
    names.claim("OperationId");
    names.claim("Payload");
    let claimed: Vec<String> = operations
        .keys()
        .map(|id| names.claim(&naming::type_name(id)))
        .collect();
    let mut out = Vec::new();
    for ((id, value), name) in operations.iter().zip(claimed) {
        let at = pointer::join("/operations", id);
        let Some(Value::Object(map)) = resolve(doc, value) else {
            continue;
        };
        let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_string);
        let channel_key = map
            .get("channel")
            .and_then(|c| c.get("$ref"))
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/channels/"))
            .map(|k| k.replace("~1", "/").replace("~0", "~"));
        let Some(channel) = channel_key.and_then(|k| channels.iter().position(|c| c.key == k))
        else {
            return Err(Error::At {
                file: doc.file.clone(),
                pointer: pointer::join(&at, "channel"),
                problem: Problem::DanglingRef("the operation's channel".into()),
            });
        };
        let carried: Vec<String> = match map.get("messages").and_then(Value::as_array) {
            Some(list) => list
                .iter()
                .enumerate()
                .filter_map(|(i, m)| {
                    message_variant(doc, m, &format!("{at}/messages/{i}"), messages)
                })
                .collect(),
            // No list: every message of the channel.
            None => channels[channel]
                .messages
                .iter()
                .map(|(_, v)| v.clone())
                .collect(),
        };
        let tags = map
            .get("tags")
            .and_then(Value::as_array)
            .map(|tags| {
                tags.iter()
                    .filter_map(|t| resolve(doc, t))
                    .filter_map(|t| t.get("name").and_then(Value::as_str).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        out.push(OperationDef {
            id: id.clone(),
            message_type: names.claim(&format!("{name}Message")),
            name,
            action: text("action").unwrap_or_default(),
            channel,
            messages: carried,
            title: text("title"),
            summary: text("summary"),
            description: text("description"),
            tags,
        });
    }
    Ok(out)
}

fn servers(doc: &Document) -> Vec<ServerDef> {
    let Some(Value::Object(servers)) = doc.get("/servers") else {
        return Vec::new();
    };
    // Names in the generated `servers` module: the servers first, then the enums of
    // their variables. Variables of the same name with the same values share one enum;
    // otherwise the later one is named after its server too.
    let mut names = Scope::with_prelude();
    let claimed: Vec<String> = servers
        .keys()
        .map(|key| names.claim(&naming::type_name(key)))
        .collect();
    let mut shared: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut out = Vec::new();
    for ((key, value), name) in servers.iter().zip(claimed) {
        let Some(Value::Object(map)) = resolve(doc, value) else {
            continue;
        };
        let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_string);
        let host = text("host").unwrap_or_default();
        let pathname = text("pathname");
        let template = format!("{host}{}", pathname.as_deref().unwrap_or(""));
        let declared = map.get("variables").and_then(Value::as_object);
        let mut fields = Scope::new();
        let mut variables = Vec::new();
        for wire in address_parameters(&template).unwrap_or_default() {
            let value = declared
                .and_then(|d| d.get(&wire))
                .cloned()
                .unwrap_or(Value::Null);
            let mut variable = parameter(doc, &wire, &value, &mut fields, String::new());
            if let Some((enum_name, list)) = &mut variable.values {
                let wires: Vec<String> = list.iter().map(|v| v.wire.clone()).collect();
                *enum_name = match shared.iter().find(|(w, _, v)| *w == wire && *v == wires) {
                    Some((_, existing, _)) => existing.clone(),
                    None => {
                        let bare = naming::type_name(&wire);
                        let candidate = if shared.iter().any(|(_, n, _)| *n == bare) {
                            format!("{name}{bare}")
                        } else {
                            bare
                        };
                        let claimed = names.claim(&candidate);
                        shared.push((wire.clone(), claimed.clone(), wires));
                        claimed
                    }
                };
            }
            variables.push(variable);
        }
        let security = map
            .get("security")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|s| s.get("$ref").and_then(Value::as_str))
                    .map(pointer::last_token)
                    .collect()
            })
            .unwrap_or_default();
        out.push(ServerDef {
            key: key.clone(),
            name,
            host,
            pathname,
            protocol: text("protocol").unwrap_or_default(),
            description: text("description"),
            security,
            variables,
        });
    }
    out
}
