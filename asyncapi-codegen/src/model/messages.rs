//! Messages: every message object of the document once, with its payload and headers
//! typed.

use asyncapi_runtime::Value;

use super::ir::{MessageDef, Payload};
use super::naming::{self, Scope};
use super::schemas::Typer;
use crate::bundle::Bundle;
use crate::check::document::{deref, named};
use crate::load::pointer;
use crate::load::walk::{self, SchemaFormat};

/// Every message of the document, each once (by where it is defined), in order:
/// `components/messages`, then messages defined inline in channels.
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
            message,
            &at,
            "payload",
            &format!("{type_stem}Payload"),
        )
        .unwrap_or(Payload::Any);
        let headers = part(
            typer,
            message,
            &at,
            "headers",
            &format!("{type_stem}Headers"),
        );
        let correlation_id = message.get("correlationId").and_then(|c| {
            let (_, c) = deref(bundle, c, &pointer::join(&at, "correlationId"));
            c.get("location")
                .and_then(Value::as_str)
                .map(str::to_string)
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
    out
}

/// The payload or headers of the message at `at`.
fn part(
    typer: &mut Typer<'_>,
    message: &Value,
    at: &str,
    key: &str,
    type_name: &str,
) -> Option<Payload> {
    let schema = message.get(key)?;
    let mut schema_at = pointer::join(at, key);
    match walk::schema_format(schema) {
        Some(SchemaFormat::JsonSchema) => schema_at = pointer::join(&schema_at, "schema"),
        Some(SchemaFormat::Avro | SchemaFormat::OpenApi) | Some(SchemaFormat::Other(_)) => {
            let format = schema
                .get("schemaFormat")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            return Some(Payload::Opaque { format });
        }
        None => {}
    }
    let ty = typer.named_type(&schema_at, type_name);
    let schema = typer.entry(&schema_at);
    Some(Payload::Typed { ty, schema })
}

/// The message variant a channel or operation message (or a `$ref` to one) stands for.
pub fn variant_of(
    bundle: &Bundle,
    root: &Value,
    value: &Value,
    at: &str,
    messages: &[MessageDef],
) -> Option<String> {
    let _ = root;
    let (target, _) = deref(bundle, value, at);
    messages
        .iter()
        .find(|m| m.pointer == target)
        .map(|m| m.variant.clone())
}
