//! What object of the specification stands at a path of the resolved document
//! ([`super::resolved`], where every object stands where it is used): a message, a
//! channel, a server variable, ... for messages that name what is wrong, and the
//! AsyncAPI 2.x fields that 3.0 moved elsewhere, for hints on how to fix them.

use crate::load::pointer;

/// An object of the AsyncAPI 3 specification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The top level.
    Document,
    /// `info`.
    Info,
    /// `info.contact`.
    Contact,
    /// `info.license`.
    License,
    /// A server.
    Server,
    /// A server variable.
    ServerVariable,
    /// A channel.
    Channel,
    /// A channel parameter.
    Parameter,
    /// A message.
    Message,
    /// A message trait.
    MessageTrait,
    /// A message example.
    MessageExample,
    /// An operation.
    Operation,
    /// An operation trait.
    OperationTrait,
    /// An operation reply.
    Reply,
    /// An operation reply address.
    ReplyAddress,
    /// A correlation ID.
    CorrelationId,
    /// A security scheme.
    SecurityScheme,
    /// A tag.
    Tag,
    /// An External Documentation Object.
    ExternalDocs,
    /// A bindings object (of a server, channel, operation or message).
    Bindings,
    /// The binding of one protocol, in a bindings object.
    ProtocolBinding,
    /// `components`.
    Components,
    /// A map of named objects (`channels`, `components/messages`, ...).
    Map(&'static str),
    /// A schema (or a Multi Format Schema Object).
    Schema,
    /// Anything else (inside bindings, examples, extensions).
    Other,
}

impl Kind {
    /// The definition of the official schema that describes this kind of object.
    pub fn definition(self) -> Option<&'static str> {
        Some(match self {
            Kind::Info => "info",
            Kind::Contact => "contact",
            Kind::License => "license",
            Kind::Server => "server",
            Kind::ServerVariable => "serverVariable",
            Kind::Channel => "channel",
            Kind::Parameter => "parameter",
            Kind::Message => "messageObject",
            Kind::MessageTrait => "messageTrait",
            Kind::MessageExample => "messageExampleObject",
            Kind::Operation => "operation",
            Kind::OperationTrait => "operationTrait",
            Kind::Reply => "operationReply",
            Kind::ReplyAddress => "operationReplyAddress",
            Kind::CorrelationId => "correlationId",
            Kind::Tag => "tag",
            Kind::ExternalDocs => "externalDocs",
            Kind::Components => "components",
            Kind::Bindings => return None,
            _ => return None,
        })
    }

    /// Whether this is an object of the specification (not a map of them, a schema or
    /// anything else).
    pub fn is_object(self) -> bool {
        self == Kind::Document
            || self.definition().is_some()
            || matches!(self, Kind::SecurityScheme | Kind::Bindings)
    }

    /// The object with an article: `a message`, `the document`.
    pub fn described(self) -> String {
        match self {
            Kind::Document => "the document".into(),
            Kind::Info => "info".into(),
            Kind::Components => "components".into(),
            Kind::Map(name) => format!("the {name} map"),
            other => {
                let name = other.name();
                let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                format!("{article} {name}")
            }
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Document => "document",
            Kind::Info => "info",
            Kind::Contact => "contact",
            Kind::License => "license",
            Kind::Server => "server",
            Kind::ServerVariable => "server variable",
            Kind::Channel => "channel",
            Kind::Parameter => "channel parameter",
            Kind::Message => "message",
            Kind::MessageTrait => "message trait",
            Kind::MessageExample => "message example",
            Kind::Operation => "operation",
            Kind::OperationTrait => "operation trait",
            Kind::Reply => "operation reply",
            Kind::ReplyAddress => "operation reply address",
            Kind::CorrelationId => "correlation ID",
            Kind::SecurityScheme => "security scheme",
            Kind::Tag => "tag",
            Kind::ExternalDocs => "external documentation object",
            Kind::Bindings => "bindings object",
            Kind::ProtocolBinding => "protocol binding",
            Kind::Components => "components",
            Kind::Map(name) => name,
            Kind::Schema => "schema",
            Kind::Other => "value",
        }
    }

    /// What a member `key` of an object of this kind is.
    fn child(self, key: &str) -> Kind {
        if key.starts_with("x-") {
            return Kind::Other;
        }
        match (self, key) {
            (Kind::Document, "info") => Kind::Info,
            (Kind::Document, "components") => Kind::Components,
            (Kind::Document, "servers") | (Kind::Components, "servers") => Kind::Map("servers"),
            (Kind::Document, "channels") | (Kind::Components, "channels") => Kind::Map("channels"),
            (Kind::Document, "operations") | (Kind::Components, "operations") => {
                Kind::Map("operations")
            }
            (Kind::Info, "contact") => Kind::Contact,
            (Kind::Info, "license") => Kind::License,
            (Kind::Components, "schemas") => Kind::Map("schemas"),
            (Kind::Components, "messages") => Kind::Map("messages"),
            (Kind::Components, "securitySchemes") => Kind::Map("securitySchemes"),
            (Kind::Components, "serverVariables") => Kind::Map("serverVariables"),
            (Kind::Components, "parameters") => Kind::Map("parameters"),
            (Kind::Components, "correlationIds") => Kind::Map("correlationIds"),
            (Kind::Components, "replies") => Kind::Map("replies"),
            (Kind::Components, "replyAddresses") => Kind::Map("replyAddresses"),
            (Kind::Components, "externalDocs") => Kind::Map("externalDocs"),
            (Kind::Components, "tags") => Kind::Map("tags"),
            (Kind::Components, "operationTraits") => Kind::Map("operationTraits"),
            (Kind::Components, "messageTraits") => Kind::Map("messageTraits"),
            (Kind::Components, _) if key.ends_with("Bindings") => Kind::Map("bindings"),
            (Kind::Map(map), _) => match map {
                "servers" => Kind::Server,
                "channels" => Kind::Channel,
                "operations" => Kind::Operation,
                "schemas" => Kind::Schema,
                "messages" => Kind::Message,
                "securitySchemes" | "security" => Kind::SecurityScheme,
                "serverVariables" | "variables" => Kind::ServerVariable,
                "parameters" => Kind::Parameter,
                "correlationIds" => Kind::CorrelationId,
                "replies" => Kind::Reply,
                "replyAddresses" => Kind::ReplyAddress,
                "externalDocs" => Kind::ExternalDocs,
                "tags" => Kind::Tag,
                "operationTraits" => Kind::OperationTrait,
                "messageTraits" => Kind::MessageTrait,
                "examples" => Kind::MessageExample,
                "bindings" => Kind::Bindings,
                _ => Kind::Other,
            },
            (_, "tags") => Kind::Map("tags"),
            (_, "externalDocs") if self != Kind::Schema => Kind::ExternalDocs,
            (_, "bindings") => Kind::Bindings,
            (Kind::Server, "variables") => Kind::Map("variables"),
            (Kind::Server | Kind::Operation | Kind::OperationTrait, "security") => {
                Kind::Map("security")
            }
            (Kind::Channel, "messages") | (Kind::Operation | Kind::Reply, "messages") => {
                Kind::Map("messages")
            }
            (Kind::Channel, "parameters") => Kind::Map("parameters"),
            (Kind::Channel, "servers") => Kind::Map("servers"),
            (Kind::Operation | Kind::Reply, "channel") => Kind::Channel,
            (Kind::Operation, "reply") => Kind::Reply,
            (Kind::Operation, "traits") => Kind::Map("operationTraits"),
            (Kind::Reply, "address") => Kind::ReplyAddress,
            (Kind::Message | Kind::MessageTrait, "traits") => Kind::Map("messageTraits"),
            (Kind::Message | Kind::MessageTrait, "examples") => Kind::Map("examples"),
            (Kind::Message | Kind::MessageTrait, "correlationId") => Kind::CorrelationId,
            (Kind::Message | Kind::MessageTrait, "payload" | "headers") => Kind::Schema,
            (Kind::Schema, _) => Kind::Schema,
            (Kind::Bindings, _) => Kind::ProtocolBinding,
            _ => Kind::Other,
        }
    }
}

/// The kind of the object at `at`, a pointer into the resolved document.
pub fn kind_at(at: &str) -> Kind {
    pointer::tokens(at)
        .iter()
        .fold(Kind::Document, |kind, token| kind.child(token))
}

/// How to write in AsyncAPI 3 what an AsyncAPI 2.x field of this kind of object said.
pub fn moved_in_3(kind: Kind, field: &str) -> Option<&'static str> {
    Some(match (kind, field) {
        (Kind::Message | Kind::MessageTrait, "schemaFormat") => {
            "AsyncAPI 3 gives the format with the payload: payload: {schemaFormat: ..., schema: ...}"
        }
        (Kind::Message | Kind::MessageTrait, "messageId") => {
            "AsyncAPI 3 names a message by its key under messages"
        }
        (Kind::Channel, "publish" | "subscribe") => {
            "AsyncAPI 3 describes what is sent and received under the top-level operations, each with action: send or receive and channel: {$ref: '#/channels/...'}"
        }
        (Kind::Message, "oneOf") => {
            "AsyncAPI 3 lists each message of a channel under its messages, by name"
        }
        (Kind::Operation | Kind::OperationTrait, "operationId") => {
            "AsyncAPI 3 names an operation by its key under operations"
        }
        (Kind::Operation | Kind::OperationTrait, "message") => {
            "AsyncAPI 3 lists an operation's messages under messages: [{$ref: '#/channels/.../messages/...'}]"
        }
        (Kind::Server, "url") => "AsyncAPI 3 splits a server's url into host and pathname",
        (Kind::Parameter, "schema") => {
            "AsyncAPI 3 parameters are strings: give enum, default, examples and description directly"
        }
        (Kind::Document, "tags" | "externalDocs") => "AsyncAPI 3 keeps them under info",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_specification() {
        assert_eq!(kind_at(""), Kind::Document);
        assert_eq!(kind_at("/channels/c/messages/m"), Kind::Message);
        assert_eq!(
            kind_at("/operations/o/channel/messages/m/payload/properties/x"),
            Kind::Schema
        );
        assert_eq!(kind_at("/operations/o/reply/address"), Kind::ReplyAddress);
        assert_eq!(
            kind_at("/components/messages/M/traits/0"),
            Kind::MessageTrait
        );
        assert_eq!(kind_at("/servers/s/variables/port"), Kind::ServerVariable);
        assert_eq!(kind_at("/info/tags/0"), Kind::Tag);
        assert_eq!(Kind::Message.described(), "a message");
        assert_eq!(Kind::Operation.described(), "an operation");
        assert!(moved_in_3(Kind::Message, "schemaFormat").is_some());
    }
}
