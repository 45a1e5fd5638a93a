//! The rules of AsyncAPI 3 that its JSON Schema cannot say, as `@asyncapi/parser`
//! enforces them (its `v3CoreRuleset`, errors only), on references as written:
//!
//! - an operation under `operations` names a channel under `channels`
//!   (`#/channels/...`, in this file or another);
//! - an operation's messages are messages of its channel: each reference continues
//!   the channel's own (`#/channels/c` -> `#/channels/c/messages/...`);
//! - a channel under `channels` lists servers under `servers` (`#/servers/...`);
//! - the keys of `channels` have no `?` or `#` (they were addresses in AsyncAPI 2).
//!
//! The channel address parameters rule is [`super::address`].

use asyncapi_runtime::Value;

use super::document::named;
use super::Findings;
use crate::bundle::Bundle;
use crate::error::Problem;
use crate::load::pointer;

/// Checks every rule; records errors.
pub(crate) fn check(findings: &mut Findings<'_>) {
    let root = &findings.bundle.root;
    for (at, _) in named(root, "/channels") {
        let key = pointer::last_token(&at);
        if key.contains(['?', '#']) {
            findings.error(
                &at,
                Problem::Invalid(format!(
                    "channel name {key:?} has a '?' or '#': name channels by identifiers and give the address under address"
                )),
            );
        }
    }
    for (at, channel) in named(root, "/channels") {
        let Some(Value::Array(servers)) = channel.get("servers") else {
            continue;
        };
        for (i, server) in servers.iter().enumerate() {
            let here = pointer::join(&pointer::index(&pointer::join(&at, "servers"), i), "$ref");
            let Some(written) = written(findings.bundle, server, &here) else {
                continue;
            };
            if !written.contains("#/servers/") {
                findings.error(
                    &here,
                    Problem::BadRef(format!(
                        "{written:?} is not a server under the top-level servers: a channel under channels lists servers as {{$ref: '#/servers/...'}}"
                    )),
                );
            }
        }
    }
    for (at, operation) in named(root, "/operations") {
        let here = pointer::join(&pointer::join(&at, "channel"), "$ref");
        let Some(channel) = operation.get("channel") else {
            continue;
        };
        let Some(written) = written(findings.bundle, channel, &here) else {
            continue;
        };
        if !written.contains("#/channels/") {
            findings.error(
                &here,
                Problem::BadRef(format!(
                    "{written:?} is not a channel under the top-level channels: an operation under operations names one as {{$ref: '#/channels/...'}}"
                )),
            );
        }
    }
    for (at, operation) in named(root, "/operations").chain(named(root, "/components/operations")) {
        operation_messages(findings, &at, operation);
    }
}

/// A reference as its author wrote it: the `$ref` of `value` (whose `$ref` member is
/// at `ref_at`), when it is a string.
fn written(bundle: &Bundle, value: &Value, ref_at: &str) -> Option<String> {
    let local = value.get("$ref")?.as_str()?;
    Some(bundle.as_written(ref_at, local))
}

/// Every message reference of the operation at `at` continues its channel's reference.
fn operation_messages(findings: &mut Findings<'_>, at: &str, operation: &Value) {
    let bundle = findings.bundle;
    let Some(Value::Array(messages)) = operation.get("messages") else {
        return;
    };
    // The parser skips operations whose channel or messages are not references.
    let is_reference = |v: &Value| {
        v.as_object()
            .is_some_and(|m| m.get("$ref").is_none_or(Value::is_string))
    };
    if !operation.get("channel").is_none_or(is_reference) || !messages.iter().all(is_reference) {
        return;
    }
    let channel_ref = pointer::join(&pointer::join(at, "channel"), "$ref");
    let channel = operation
        .get("channel")
        .and_then(|c| written(bundle, c, &channel_ref));
    for (i, message) in messages.iter().enumerate() {
        let item = pointer::index(&pointer::join(at, "messages"), i);
        let Some(reference) = written(bundle, message, &pointer::join(&item, "$ref")) else {
            continue;
        };
        if reference.is_empty() {
            continue;
        }
        let carried = channel
            .as_deref()
            .is_some_and(|c| reference.starts_with(&format!("{c}/messages")));
        if !carried {
            let problem = match &channel {
                Some(channel) => format!("{reference:?} is not a message of the operation's channel {channel}"),
                None => format!(
                    "{reference:?} is not a message of the operation's channel: the operation names no channel by reference"
                ),
            };
            findings.error(&item, Problem::BadRef(problem));
        }
    }
}
