//! Messages: every message object of the document once, with its payload and headers
//! typed.

use asyncapi_runtime::Value;

use super::ir::{MessageDef, Payload};
use super::naming::{self, Scope};
use super::schemas::Typer;
use crate::bundle::Bundle;
use crate::check::document::{deref, named};
use crate::error::Warning;
use crate::load::pointer;
use crate::load::walk::{self, SchemaFormat};

/// Every message of the document, each once (by where it is defined), in order:
/// `components/messages`, then messages defined inline in channels, then messages that
/// channels reach by `$ref` elsewhere (another file, a channel of another file).
pub fn messages(root: &Value, typer: &mut Typer<'_>, bundle: &Bundle) -> Vec<MessageDef> {
    let default_content_type = root
        .get("defaultContentType")
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut found: Vec<(String, String)> = named(root, "/components/messages")
        .map(|(at, _)| (at.clone(), pointer::last_token(&at)))
        .collect();
    for place in ["/channels", "/components/channels"] {
        for (channel_at, channel) in named(root, place) {
            if channel.get("$ref").is_some() {
                continue;
            }
            let channel_key = pointer::last_token(&channel_at);
            for (at, message) in named(root, &pointer::join(&channel_at, "messages")) {
                if message.get("$ref").is_some() {
                    continue;
                }
                let stem = format!(
                    "{}{}",
                    naming::pascal(&channel_key),
                    naming::pascal(&pointer::last_token(&at))
                );
                found.push((at, stem));
            }
        }
    }
    // What channels reach by `$ref` and the passes above did not list: a message of
    // another file is a message of the document as much as one written here.
    for place in ["/channels", "/components/channels"] {
        for (channel_at, channel) in named(root, place) {
            let (channel_at, _) = deref(bundle, channel, &channel_at);
            let channel_key = pointer::last_token(&channel_at);
            for (at, message) in named(root, &pointer::join(&channel_at, "messages")) {
                let (defined, _) = deref(bundle, message, &at);
                let stem = if defined == at {
                    format!(
                        "{}{}",
                        naming::pascal(&channel_key),
                        naming::pascal(&pointer::last_token(&at))
                    )
                } else {
                    pointer::last_token(&defined)
                };
                found.push((defined, stem));
            }
        }
    }
    let mut variants = Scope::new();
    let mut out = Vec::new();
    for (at, stem) in found {
        let Some(message) = root.pointer(&at) else {
            continue;
        };
        let (at, message) = deref(bundle, message, &at);
        if out.iter().any(|m: &MessageDef| m.pointer == at) {
            continue;
        }
        let text = |k: &str| message.get(k).and_then(Value::as_str).map(str::to_string);
        let type_stem = naming::pascal(&stem);
        let payload = part(
            typer,
            bundle,
            message,
            &at,
            "payload",
            &format!("{type_stem}Payload"),
        )
        .unwrap_or(Payload::Any);
        let headers = part(
            typer,
            bundle,
            message,
            &at,
            "headers",
            &format!("{type_stem}Headers"),
        );
        let correlation_id = message.get("correlationId").and_then(|c| {
            let (c_at, c) = deref(bundle, c, &pointer::join(&at, "correlationId"));
            let location = c.get("location").and_then(Value::as_str)?;
            let location_at = pointer::join(&c_at, "location");
            typer.warnings.extend(expression_warning(bundle, &location_at, location, "correlationId.location"));
            if location.starts_with("$message.header") && headers.is_none() {
                typer.warnings.push(Warning {
                    location: bundle.locate(&location_at),
                    message: format!("the correlation id is looked for in the headers ({location}), but the message declares no headers"),
                });
            }
            Some(location.to_string())
        });
        out.push(MessageDef {
            key: pointer::last_token(&at),
            variant: variants.claim(&naming::variant_name(&stem)),
            name: text("name").unwrap_or_else(|| pointer::last_token(&at)),
            title: text("title"),
            summary: text("summary"),
            description: text("description"),
            content_type: text("contentType").or_else(|| default_content_type.clone()),
            payload,
            headers,
            correlation_id,
            pointer: at,
        });
    }
    names_shared(bundle, &out, &mut typer.warnings);
    out
}

/// Warns about messages that share a `name`: `MessageSet::from_name` finds only the
/// first of them (each is still its own `MessageName` variant).
fn names_shared(bundle: &Bundle, messages: &[MessageDef], warnings: &mut Vec<Warning>) {
    for (i, message) in messages.iter().enumerate() {
        if let Some(first) = messages[..i].iter().find(|m| m.name == message.name) {
            warnings.push(Warning {
                location: bundle.locate(&message.pointer),
                message: format!(
                    "message name {:?} is also the name of {}: looked up by name, the first is found; this one is MessageName::{}",
                    message.name,
                    crate::bundle::reference_to(&first.pointer),
                    message.variant
                ),
            });
        }
    }
}

/// A warning when `text`, the `what` at `at` (a `correlationId.location`, a reply's
/// `address.location`), is not a runtime expression that names a part of a message
/// (`$message.header#/...`, `$message.payload#/...`): no value can be found with it.
pub(crate) fn expression_warning(
    bundle: &Bundle,
    at: &str,
    text: &str,
    what: &str,
) -> Option<Warning> {
    if asyncapi_runtime::RuntimeExpression::parse(text).is_some() {
        return None;
    }
    Some(Warning {
        location: bundle.locate(at),
        message: format!(
            "{what} {text:?} is not a runtime expression of the form $message.header#/pointer or $message.payload#/pointer: nothing can be located with it"
        ),
    })
}

/// The payload or headers of the message at `at`. A schema in a format that cannot be
/// typed gives an opaque payload and a warning naming the format.
fn part(
    typer: &mut Typer<'_>,
    bundle: &Bundle,
    message: &Value,
    at: &str,
    key: &str,
    type_name: &str,
) -> Option<Payload> {
    let schema = message.get(key)?;
    let mut schema_at = pointer::join(at, key);
    // Where the Multi Format Schema Object is: here, or (in `components/schemas`) where
    // a `$ref` leads. References to objects in JSON Schema already lead to their
    // schema (see `merge::formats`).
    let (object_at, object) = match walk::schema_format(schema) {
        Some(_) => (schema_at.clone(), schema),
        None => deref(bundle, schema, &schema_at),
    };
    match walk::schema_format(object) {
        Some(SchemaFormat::JsonSchema) if object_at == schema_at => {
            schema_at = pointer::join(&schema_at, "schema")
        }
        None | Some(SchemaFormat::JsonSchema) => {}
        Some(_) => {
            let format = object
                .get("schemaFormat")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let name = message
                .get("name")
                .and_then(Value::as_str)
                .map_or_else(|| pointer::last_token(at), str::to_string);
            typer.warnings.push(Warning {
                location: bundle.locate(&pointer::join(&object_at, "schemaFormat")),
                message: format!(
                    "schema format {format:?} cannot be typed: the {key} of message {name:?} is kept as opaque JSON (any JSON value), not validated"
                ),
            });
            return Some(Payload::Opaque { format });
        }
    }
    let ty = typer.named_type(&schema_at, type_name);
    let schema = typer.entry(&schema_at);
    Some(Payload::Typed { ty, schema })
}

/// The message variant a channel or operation message (or a `$ref` to one) stands for.
pub fn variant_of(
    bundle: &Bundle,
    value: &Value,
    at: &str,
    messages: &[MessageDef],
) -> Option<String> {
    let (target, _) = deref(bundle, value, at);
    messages
        .iter()
        .find(|m| m.pointer == target)
        .map(|m| m.variant.clone())
}
