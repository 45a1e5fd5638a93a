//! What generated operation sets share: [`OperationSet`] (the operations of a
//! document, by id), [`RequestReply`] (an operation that expects a reply) and
//! [`Payload`] (which messages a payload type is the payload of).

use std::fmt;

use crate::address::{Action, Operation};
use crate::expression::RuntimeExpression;
use crate::messages::{MessageGroup, MessageSet};

/// What a document declares about the reply an operation expects (its `reply`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReplyInfo {
    /// The key under `channels` of the channel replies are sent on, when the reply
    /// names one.
    pub channel: Option<&'static str>,
    /// `address.location` as written: a runtime expression saying where in the
    /// request the address to reply to is (`$message.header#/replyTo`), when given.
    pub address: Option<&'static str>,
}

impl ReplyInfo {
    /// `address.location` read (see [`RuntimeExpression::locate`] for finding the
    /// address in a request).
    pub fn address(&self) -> Option<RuntimeExpression<'static>> {
        self.address.and_then(RuntimeExpression::parse)
    }
}

/// An operation that expects a reply (request/reply); implemented by the generated
/// operation types whose operation has a `reply`.
pub trait RequestReply: Operation {
    /// The messages a reply may carry, and only those.
    type Reply: MessageGroup;
    /// Where replies go.
    const REPLY: ReplyInfo;
}

/// What a document declares about one operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationInfo {
    /// The operation id (its key under `operations`).
    pub id: &'static str,
    /// `send` or `receive`.
    pub action: Action,
    /// The key of its channel under `channels`.
    pub channel: &'static str,
    /// `title`.
    pub title: Option<&'static str>,
    /// `summary`.
    pub summary: Option<&'static str>,
    /// `description`.
    pub description: Option<&'static str>,
    /// The names of its tags.
    pub tags: &'static [&'static str],
    /// The reply it expects, when it has one.
    pub reply: Option<ReplyInfo>,
}

/// The operations of one document; implemented by the generated `OperationId` enum.
pub trait OperationSet: Copy + Eq + fmt::Debug + 'static {
    /// The document's messages.
    type Messages: MessageSet;
    /// Every operation, in document order.
    const ALL: &'static [Self];

    /// What the document declares about this operation.
    fn info(self) -> &'static OperationInfo;

    /// The messages it may carry.
    fn messages(self) -> &'static [Self::Messages];

    /// The messages a reply to it may carry (none when it expects no reply).
    fn reply_messages(self) -> &'static [Self::Messages];

    /// The reply it expects, when it has one.
    fn reply(self) -> Option<&'static ReplyInfo> {
        self.info().reply.as_ref()
    }

    /// The operation id.
    fn id(self) -> &'static str {
        self.info().id
    }

    /// `send` or `receive`.
    fn action(self) -> Action {
        self.info().action
    }

    /// The key of its channel.
    fn channel(self) -> &'static str {
        self.info().channel
    }

    /// `title`.
    fn title(self) -> Option<&'static str> {
        self.info().title
    }

    /// `summary`.
    fn summary(self) -> Option<&'static str> {
        self.info().summary
    }

    /// `description`.
    fn description(self) -> Option<&'static str> {
        self.info().description
    }

    /// The names of its tags.
    fn tags(self) -> &'static [&'static str] {
        self.info().tags
    }

    /// Finds an operation by id.
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|op| op.id() == id)
    }

    /// The operations that carry `message`, in document order.
    fn carrying(message: Self::Messages) -> Vec<Self> {
        Self::ALL
            .iter()
            .copied()
            .filter(|op| op.messages().contains(&message))
            .collect()
    }

    /// The operations that carry a message whose payload is `P`, in document order.
    fn carrying_payload<P: Payload<Messages = Self::Messages>>() -> Vec<Self> {
        Self::ALL
            .iter()
            .copied()
            .filter(|op| op.messages().iter().any(|m| P::MESSAGES.contains(m)))
            .collect()
    }
}

/// A type that is the payload of one or more of a document's messages.
pub trait Payload {
    /// The document's messages.
    type Messages: MessageSet;
    /// The messages whose payload it is.
    const MESSAGES: &'static [Self::Messages];
}
