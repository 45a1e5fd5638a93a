//! What surrounds the messages: channels (typed addresses and the messages they
//! carry), operations (with their replies) and servers.

use asyncapi_runtime::{Map, Value};

use super::ir::{ChannelDef, MessageDef, OperationDef, ParameterDef, ReplyDef, ServerDef, Variant};
use super::messages::{expression_warning, variant_of};
use super::naming::{self, Scope};
use crate::bundle::Bundle;
use crate::check::document::{deref, named};
use crate::error::Warning;
use crate::load::{address, pointer};

fn strings(map: &Map, key: &str) -> Vec<String> {
    map.get(key)
        .and_then(Value::as_array)
        .map(|values| {
            values
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn parameter(
    bundle: &Bundle,
    wire: &str,
    value: &Value,
    at: &str,
    scope: &mut Scope,
    enum_name: String,
) -> ParameterDef {
    let empty = Map::new();
    let (_, value) = deref(bundle, value, at);
    let map = value.as_object().unwrap_or(&empty);
    let values = strings(map, "enum");
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
        examples: strings(map, "examples"),
    }
}

/// The channels under `channels`, in document order.
pub fn channels(bundle: &Bundle, messages: &[MessageDef]) -> Vec<ChannelDef> {
    let root = &bundle.root;
    let listed: Vec<(String, &Value)> = named(root, "/channels").collect();
    // Names in the generated `channels` module: each channel's address and message
    // types first, in document order, then the enums of its parameters.
    let mut names = Scope::with_prelude();
    let mut stems = Scope::new();
    let claimed: Vec<(String, String, String)> = listed
        .iter()
        .map(|(at, _)| {
            let name = stems.claim(&naming::type_name(&pointer::last_token(at)));
            let address_type = names.claim(&naming::compound(&name, "Address"));
            let message_type = names.claim(&naming::compound(&name, "Message"));
            (name, address_type, message_type)
        })
        .collect();
    let mut out = Vec::new();
    for ((at, value), (name, address_type, message_type)) in listed.into_iter().zip(claimed) {
        let (channel_at, channel) = deref(bundle, value, &at);
        let Value::Object(map) = channel else {
            continue;
        };
        let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_string);
        let address = text("address");
        let declared = map.get("parameters").and_then(Value::as_object);
        let mut fields = Scope::new();
        let mut parameters = Vec::new();
        for wire in address
            .as_deref()
            .map(address::parameters)
            .and_then(Result::ok)
            .unwrap_or_default()
        {
            let value = declared
                .and_then(|d| d.get(&wire))
                .cloned()
                .unwrap_or(Value::Null);
            let here = pointer::join(&pointer::join(&channel_at, "parameters"), &wire);
            let enum_name = naming::compound(&name, &naming::pascal(&wire));
            let mut parameter = parameter(bundle, &wire, &value, &here, &mut fields, enum_name);
            if let Some((enum_name, _)) = &mut parameter.values {
                *enum_name = names.claim(enum_name);
            }
            parameters.push(parameter);
        }
        let mut carried: Vec<(String, String)> = Vec::new();
        for (message_at, message) in named(root, &pointer::join(&channel_at, "messages")) {
            if let Some(variant) = variant_of(bundle, message, &message_at, messages) {
                // The same message under two keys is carried once.
                if !carried.iter().any(|(_, v)| *v == variant) {
                    carried.push((pointer::last_token(&message_at), variant));
                }
            }
        }
        out.push(ChannelDef {
            key: pointer::last_token(&at),
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
    out
}

/// The index in `channels` of the channel a `channel` reference names.
fn channel_index(
    bundle: &Bundle,
    channels: &[ChannelDef],
    value: Option<&Value>,
    at: &str,
) -> Option<usize> {
    let value = value?;
    let (target, _) = deref(bundle, value, at);
    channels.iter().position(|c| {
        let listed = pointer::join("/channels", &c.key);
        listed == target
            || bundle
                .get(&listed)
                .is_some_and(|v| deref(bundle, v, &listed).0 == target)
    })
}

fn message_list(
    bundle: &Bundle,
    list: Option<&Value>,
    at: &str,
    messages: &[MessageDef],
) -> Option<Vec<String>> {
    let list = list?.as_array()?;
    let mut out: Vec<String> = Vec::new();
    for (i, message) in list.iter().enumerate() {
        let here = pointer::index(at, i);
        if let Some(variant) = variant_of(bundle, message, &here, messages) {
            if !out.contains(&variant) {
                out.push(variant);
            }
        }
    }
    Some(out)
}

/// The operations under `operations`, in document order; what is worth knowing about
/// them goes to `warnings`.
pub fn operations(
    bundle: &Bundle,
    channels: &[ChannelDef],
    messages: &[MessageDef],
    warnings: &mut Vec<Warning>,
) -> Vec<OperationDef> {
    let root = &bundle.root;
    let listed: Vec<(String, &Value)> = named(root, "/operations").collect();
    // Names in the generated `operations` module.
    let mut names = Scope::with_prelude();
    names.claim("OperationId");
    names.claim("Payload");
    let claimed: Vec<String> = listed
        .iter()
        .map(|(at, _)| names.claim(&naming::type_name(&pointer::last_token(at))))
        .collect();
    let mut out = Vec::new();
    for ((at, value), name) in listed.into_iter().zip(claimed) {
        let (at_resolved, operation) = deref(bundle, value, &at);
        let Value::Object(map) = operation else {
            continue;
        };
        let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_string);
        let Some(channel) = channel_index(
            bundle,
            channels,
            map.get("channel"),
            &pointer::join(&at_resolved, "channel"),
        ) else {
            continue;
        };
        let carried = message_list(
            bundle,
            map.get("messages"),
            &pointer::join(&at_resolved, "messages"),
            messages,
        )
        // No list: every message of the channel.
        .unwrap_or_else(|| {
            channels[channel]
                .messages
                .iter()
                .map(|(_, v)| v.clone())
                .collect()
        });
        let tags = map
            .get("tags")
            .and_then(Value::as_array)
            .map(|tags| {
                tags.iter()
                    .enumerate()
                    .map(|(i, t)| {
                        deref(
                            bundle,
                            t,
                            &pointer::index(&pointer::join(&at_resolved, "tags"), i),
                        )
                        .1
                    })
                    .filter_map(|t| t.get("name").and_then(Value::as_str).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let message_type = names.claim(&naming::compound(&name, "Message"));
        let reply = map.get("reply").map(|reply| {
            let reply_at = pointer::join(&at_resolved, "reply");
            let (reply_at, reply) = deref(bundle, reply, &reply_at);
            let reply_channel = channel_index(
                bundle,
                channels,
                reply.get("channel"),
                &pointer::join(&reply_at, "channel"),
            );
            let address = reply.get("address").and_then(|a| {
                let (address_at, a) = deref(bundle, a, &pointer::join(&reply_at, "address"));
                let location = a.get("location").and_then(Value::as_str)?;
                warnings.extend(expression_warning(
                    bundle,
                    &pointer::join(&address_at, "location"),
                    location,
                    "address.location",
                ));
                Some(location.to_string())
            });
            let messages = message_list(
                bundle,
                reply.get("messages"),
                &pointer::join(&reply_at, "messages"),
                messages,
            )
            .or_else(|| {
                reply_channel.map(|c| {
                    channels[c]
                        .messages
                        .iter()
                        .map(|(_, v)| v.clone())
                        .collect()
                })
            })
            .unwrap_or_default();
            ReplyDef {
                message_type: names.claim(&naming::compound(&name, "Reply")),
                channel: reply_channel,
                address,
                messages,
            }
        });
        out.push(OperationDef {
            id: pointer::last_token(&at),
            message_type,
            name,
            action: text("action").unwrap_or_default(),
            channel,
            messages: carried,
            reply,
            title: text("title"),
            summary: text("summary"),
            description: text("description"),
            tags,
        });
    }
    out
}

/// The servers under `servers`, in document order.
pub fn servers(bundle: &Bundle) -> Vec<ServerDef> {
    let root = &bundle.root;
    let listed: Vec<(String, &Value)> = named(root, "/servers").collect();
    // Names in the generated `servers` module: the servers first, then the enums of
    // their variables. Variables of the same name with the same values share one enum;
    // otherwise the later one is named after its server too.
    let mut names = Scope::with_prelude();
    let claimed: Vec<String> = listed
        .iter()
        .map(|(at, _)| names.claim(&naming::type_name(&pointer::last_token(at))))
        .collect();
    let mut shared: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut out = Vec::new();
    for ((at, value), name) in listed.into_iter().zip(claimed) {
        let (server_at, server) = deref(bundle, value, &at);
        let Value::Object(map) = server else { continue };
        let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_string);
        let host = text("host").unwrap_or_default();
        let pathname = text("pathname");
        let template = format!("{host}{}", pathname.as_deref().unwrap_or(""));
        let declared = map.get("variables").and_then(Value::as_object);
        let mut fields = Scope::new();
        let mut variables = Vec::new();
        for wire in address::parameters(&template).unwrap_or_default() {
            let value = declared
                .and_then(|d| d.get(&wire))
                .cloned()
                .unwrap_or(Value::Null);
            let here = pointer::join(&pointer::join(&server_at, "variables"), &wire);
            let mut variable = parameter(bundle, &wire, &value, &here, &mut fields, String::new());
            if let Some((enum_name, list)) = &mut variable.values {
                let wires: Vec<String> = list.iter().map(|v| v.wire.clone()).collect();
                *enum_name = match shared.iter().find(|(w, _, v)| *w == wire && *v == wires) {
                    Some((_, existing, _)) => existing.clone(),
                    None => {
                        let bare = naming::type_name(&wire);
                        let candidate = if shared.iter().any(|(_, n, _)| *n == bare) {
                            naming::compound(&name, &bare)
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
                    .filter_map(Bundle::target)
                    .map(|t| pointer::last_token(&t))
                    .collect()
            })
            .unwrap_or_default();
        out.push(ServerDef {
            key: pointer::last_token(&at),
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
