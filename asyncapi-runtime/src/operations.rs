//! What generated operation sets share: [`OperationSet`] (the operations of a
//! document, by id) and [`Payload`] (which messages a payload type is the payload of).

use std::fmt;

use crate::address::Action;
use crate::messages::MessageSet;

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
