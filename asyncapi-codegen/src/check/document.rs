//! The document's structure: the AsyncAPI version, and the objects of the
//! specification that generation reads (channels, messages, operations, replies,
//! servers, traits), each with the shape the specification gives it.

use asyncapi_runtime::{Map, Value};

use super::Findings;
use crate::bundle::Bundle;
use crate::error::{Error, Problem};
use crate::load::pointer;

/// The document is of a version of AsyncAPI this generator reads (3.0.0, 3.1.0: those
/// there is an official schema for).
pub fn version(bundle: &Bundle) -> Result<(), Error> {
    let file = bundle.document.file.clone();
    match bundle.root.get("asyncapi") {
        Some(Value::String(version))
            if super::official_schema::versions().any(|v| v == version) =>
        {
            Ok(())
        }
        // `asyncapi: 3` in YAML is a number: say what is wrong with it, not that
        // version 3 is unsupported.
        Some(other @ (Value::Number(_) | Value::Bool(_) | Value::Null)) => Err(bundle.error_at(
            "/asyncapi",
            Problem::BadValue {
                keyword: "asyncapi".into(),
                expected: format!(
                    "a version string such as \"3.0.0\" (found {other}; quote it in YAML)"
                ),
            },
        )),
        Some(other) => Err(Error::Version {
            file,
            found: Some(match other {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            }),
        }),
        None => Err(Error::Version { file, found: None }),
    }
}

/// The object a value stands for: itself, or what its `$ref` names (bundling made
/// every reference local; a chain of them is followed a bounded number of times).
pub(crate) fn deref<'v>(bundle: &'v Bundle, value: &'v Value, at: &str) -> (String, &'v Value) {
    let mut current = (at.to_string(), value);
    for _ in 0..64 {
        match current
            .1
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(Bundle::target)
        {
            Some(target) => match bundle.get(&target) {
                Some(next) => current = (target, next),
                None => return current,
            },
            None => return current,
        }
    }
    current
}

/// Checks the structure of channels, operations, messages and servers.
/// The members of `components` (AsyncAPI 3.0), each a map from names to objects.
const COMPONENTS: &[&str] = &[
    "schemas",
    "servers",
    "channels",
    "operations",
    "messages",
    "securitySchemes",
    "serverVariables",
    "parameters",
    "correlationIds",
    "replies",
    "replyAddresses",
    "externalDocs",
    "tags",
    "operationTraits",
    "messageTraits",
    "serverBindings",
    "channelBindings",
    "operationBindings",
    "messageBindings",
];

pub(crate) fn structure(findings: &mut Findings<'_>) {
    let bundle = findings.bundle;
    let root = &bundle.root;
    match root.get("info") {
        Some(Value::Object(info)) => {
            for key in ["title", "version"] {
                match info.get(key) {
                    Some(Value::String(_)) => {}
                    Some(_) => findings.bad(&pointer::join("/info", key), key, "a string"),
                    None => findings.error("/info", Problem::Missing(format!("info.{key}"))),
                }
            }
        }
        Some(_) => findings.bad("/info", "info", "a mapping"),
        None => findings.error("", Problem::Missing("info (with title and version)".into())),
    }
    for (key, expected) in [
        ("channels", "a mapping of channels"),
        ("operations", "a mapping of operations"),
        ("servers", "a mapping of servers"),
        ("components", "a mapping"),
    ] {
        if let Some(value) = root.get(key) {
            if value.as_object().is_none() {
                findings.bad(&pointer::join("", key), key, expected);
            }
        }
    }
    if let Some(Value::Object(components)) = root.get("components") {
        for (key, value) in components.iter() {
            if COMPONENTS.contains(&key.as_str()) && !value.is_object() {
                let at = pointer::join("/components", key);
                findings.bad(&at, key, "a mapping of names to components");
            }
        }
    }
    if let Some(Value::String(_)) | None = root.get("defaultContentType") {
    } else {
        findings.bad("/defaultContentType", "defaultContentType", "a string");
    }
    for (at, channel) in named(root, "/channels").chain(named(root, "/components/channels")) {
        self::channel(findings, &at, channel);
    }
    for (at, message) in named(root, "/components/messages") {
        self::message(findings, &at, message);
    }
    for (at, message) in named(root, "/components/messageTraits") {
        self::message(findings, &at, message);
    }
    for (at, operation) in named(root, "/operations").chain(named(root, "/components/operations")) {
        self::operation(findings, &at, operation);
    }
    for (at, server) in named(root, "/servers").chain(named(root, "/components/servers")) {
        self::server(findings, &at, server);
    }
}

/// The members of the mapping at `at`, with their pointers.
pub(crate) fn named<'v>(root: &'v Value, at: &str) -> impl Iterator<Item = (String, &'v Value)> {
    let at = at.to_string();
    root.pointer(&at)
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(Map::iter)
        .map(move |(key, value)| (pointer::join(&at, key), value))
}

fn is_reference(value: &Value) -> bool {
    value.get("$ref").is_some()
}

fn channel(findings: &mut Findings<'_>, at: &str, channel: &Value) {
    if is_reference(channel) {
        return;
    }
    let Value::Object(map) = channel else {
        findings.error(at, Problem::Invalid("a channel must be a mapping".into()));
        return;
    };
    match map.get("address") {
        None | Some(Value::Null) | Some(Value::String(_)) => {}
        Some(_) => findings.bad(&pointer::join(at, "address"), "address", "a string or null"),
    }
    match map.get("messages") {
        None => {}
        Some(Value::Object(messages)) => {
            for (key, message) in messages.iter() {
                self::message(
                    findings,
                    &pointer::join(&pointer::join(at, "messages"), key),
                    message,
                );
            }
        }
        Some(_) => findings.bad(
            &pointer::join(at, "messages"),
            "messages",
            "a mapping of messages",
        ),
    }
    match map.get("parameters") {
        None => {}
        Some(Value::Object(parameters)) => {
            for (name, parameter) in parameters.iter() {
                let here = pointer::join(&pointer::join(at, "parameters"), name);
                let (_, parameter) = deref(findings.bundle, parameter, &here);
                parameter_like(findings, &here, parameter);
            }
        }
        Some(_) => findings.bad(&pointer::join(at, "parameters"), "parameters", "a mapping"),
    }
}

/// A channel parameter or server variable: `enum` of strings, `default`, `examples`.
fn parameter_like(findings: &mut Findings<'_>, at: &str, value: &Value) {
    let Value::Object(map) = value else {
        // The official schema lets a parameter be any value (its Parameter Object has
        // no `type`); it must be a mapping to say anything.
        findings.warn(
            at,
            "a parameter is a mapping (enum, default, examples, description): this one says nothing, the value is any string",
        );
        return;
    };
    if let Some(values) = map.get("enum") {
        let ok = values
            .as_array()
            .is_some_and(|values| values.iter().all(|v| v.is_string()));
        if !ok {
            findings.bad(&pointer::join(at, "enum"), "enum", "a list of strings");
        }
    }
    for key in ["default", "description", "location"] {
        if let Some(value) = map.get(key) {
            if value.as_str().is_none() {
                findings.bad(&pointer::join(at, key), key, "a string");
            }
        }
    }
    if let Some(examples) = map.get("examples") {
        if !examples
            .as_array()
            .is_some_and(|e| e.iter().all(|v| v.is_string()))
        {
            findings.bad(
                &pointer::join(at, "examples"),
                "examples",
                "a list of strings",
            );
        }
    }
}

fn message(findings: &mut Findings<'_>, at: &str, message: &Value) {
    if is_reference(message) {
        return;
    }
    let Value::Object(map) = message else {
        findings.error(at, Problem::Invalid("a message must be a mapping".into()));
        return;
    };
    for key in ["name", "title", "summary", "description", "contentType"] {
        if let Some(value) = map.get(key) {
            if value.as_str().is_none() {
                findings.bad(&pointer::join(at, key), key, "a string");
            }
        }
    }
    match map.get("traits") {
        None => {}
        Some(Value::Array(traits)) => {
            for (i, item) in traits.iter().enumerate() {
                let here = pointer::index(&pointer::join(at, "traits"), i);
                let (_, item) = deref(findings.bundle, item, &here);
                if !item.is_object() {
                    findings.error(
                        &here,
                        Problem::Invalid("a message trait must be a mapping".into()),
                    );
                }
            }
        }
        Some(_) => findings.bad(
            &pointer::join(at, "traits"),
            "traits",
            "a list of message traits",
        ),
    }
    if let Some(examples) = map.get("examples") {
        let ok = examples
            .as_array()
            .is_some_and(|examples| examples.iter().all(Value::is_object));
        if !ok {
            findings.bad(
                &pointer::join(at, "examples"),
                "examples",
                "a list of message examples ({payload, headers, name, summary})",
            );
        }
    }
}

fn operation(findings: &mut Findings<'_>, at: &str, operation: &Value) {
    if is_reference(operation) {
        return;
    }
    let bundle = findings.bundle;
    let Value::Object(map) = operation else {
        findings.error(
            at,
            Problem::Invalid("an operation must be a mapping".into()),
        );
        return;
    };
    match map.get("action").and_then(Value::as_str) {
        Some("send" | "receive") => {}
        _ => findings.bad(
            &pointer::join(at, "action"),
            "action",
            "\"send\" or \"receive\"",
        ),
    }
    let channel_at = pointer::join(at, "channel");
    let channel = match map.get("channel") {
        Some(channel) => channel_target(findings, &channel_at, channel),
        None => {
            findings.error(
                at,
                Problem::Missing("channel: {$ref: '#/channels/...'}".into()),
            );
            None
        }
    };
    // Whether each message is one of the channel's is `spec_rules`' (on references as
    // written, as the parser decides it); a message written in place is valid, but the
    // generated operation cannot name it among its channel's messages.
    if let (Some(Value::Array(messages)), Some(_)) = (map.get("messages"), &channel) {
        for (i, message) in messages.iter().enumerate() {
            if message.is_object() && !is_reference(message) {
                findings.warn(
                    &pointer::index(&pointer::join(at, "messages"), i),
                    "an operation's messages are references to messages of its channel ({$ref: '#/channels/.../messages/...'}): this one is not one of them",
                );
            }
        }
    }
    if let Some(reply) = map.get("reply") {
        let here = pointer::join(at, "reply");
        let (reply_at, reply) = deref(bundle, reply, &here);
        match reply {
            Value::Object(reply_map) => {
                let reply_channel = match reply_map.get("channel") {
                    Some(channel) => {
                        channel_target(findings, &pointer::join(&reply_at, "channel"), channel)
                    }
                    None => None,
                };
                if let (Some(Value::Array(messages)), Some(channel_at)) =
                    (reply_map.get("messages"), reply_channel)
                {
                    let carried = channel_messages(bundle, &channel_at);
                    for (i, message) in messages.iter().enumerate() {
                        let item = pointer::index(&pointer::join(&reply_at, "messages"), i);
                        let target = message
                            .get("$ref")
                            .and_then(Value::as_str)
                            .and_then(Bundle::target);
                        let resolved = target
                            .as_deref()
                            .and_then(|t| bundle.get(t).map(|v| deref(bundle, v, t).0));
                        // The specification asks it; the parser does not check it.
                        if !resolved.is_some_and(|r| {
                            carried.contains(&r)
                                || target
                                    .as_deref()
                                    .is_some_and(|t| carried.iter().any(|c| c == t))
                        }) {
                            findings.warn(
                                &item,
                                "a reply's messages should be messages of the reply's channel",
                            );
                        }
                    }
                }
            }
            _ => findings.error(
                &reply_at,
                Problem::Invalid("a reply must be a mapping".into()),
            ),
        }
    }
}

/// The channel a `channel` reference names, when it is a channel.
fn channel_target(findings: &mut Findings<'_>, at: &str, channel: &Value) -> Option<String> {
    let bundle = findings.bundle;
    let Some(reference) = channel.get("$ref").and_then(Value::as_str) else {
        // Valid to the official schema (a resolved reference looks the same), but not a
        // channel of the document that generated code can name.
        if channel.is_object() {
            findings.warn(
                at,
                "channel is a reference to a channel of the document ({$ref: '#/channels/...'}): a channel written in place is not generated",
            );
        }
        return None;
    };
    let target = Bundle::target(reference)?;
    let is_channel = |t: &str| {
        let parent = pointer::parent(t);
        parent == "/channels"
            || parent == "/components/channels"
            || parent.ends_with("/components/channels")
    };
    let (resolved, value) = deref(bundle, bundle.get(&target)?, &target);
    if !is_channel(&target) && !is_channel(&resolved) || !value.is_object() {
        let written = bundle.as_written(&pointer::join(at, "$ref"), reference);
        findings.error(
            &pointer::join(at, "$ref"),
            Problem::BadRef(format!("{written:?} is not a channel of this document")),
        );
        return None;
    }
    Some(resolved)
}

/// The pointers of the messages a channel carries, both as referenced and resolved.
pub(crate) fn channel_messages(bundle: &Bundle, channel_at: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Some(Value::Object(messages)) = bundle.get(channel_at).and_then(|c| c.get("messages"))
    else {
        return out;
    };
    for (key, message) in messages.iter() {
        let at = pointer::join(&pointer::join(channel_at, "messages"), key);
        out.push(at.clone());
        out.push(deref(bundle, message, &at).0);
    }
    out
}

fn server(findings: &mut Findings<'_>, at: &str, server: &Value) {
    if is_reference(server) {
        return;
    }
    let Value::Object(map) = server else {
        findings.error(at, Problem::Invalid("a server must be a mapping".into()));
        return;
    };
    for key in ["host", "protocol"] {
        match map.get(key) {
            Some(Value::String(_)) => {}
            Some(_) => findings.bad(&pointer::join(at, key), key, "a string"),
            None => findings.error(at, Problem::Missing(format!("{key} of the server"))),
        }
    }
    if let Some(Value::Object(variables)) = map.get("variables") {
        for (name, variable) in variables.iter() {
            let here = pointer::join(&pointer::join(at, "variables"), name);
            let (_, variable) = deref(findings.bundle, variable, &here);
            parameter_like(findings, &here, variable);
        }
    }
}
