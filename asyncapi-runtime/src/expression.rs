//! AsyncAPI runtime expressions: where in a message a value is.
//!
//! A message's `correlationId.location` and a reply's `address.location` are runtime
//! expressions, `$message.header#/replyTo` or `$message.payload#/id`: a part of the
//! message and an RFC 6901 JSON pointer into it. [`RuntimeExpression::parse`] reads
//! one, [`RuntimeExpression::locate`] finds the value it names in a message.

use std::fmt;

use crate::json::Value;

/// The part of a message a runtime expression reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessagePart {
    /// `$message.header`: the message's headers.
    Header,
    /// `$message.payload`: the message's payload.
    Payload,
}

/// A runtime expression: a part of a message and a JSON pointer into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RuntimeExpression<'a> {
    /// The part of the message.
    pub part: MessagePart,
    /// The RFC 6901 JSON pointer into that part (`""` for the whole part).
    pub pointer: &'a str,
}

impl<'a> RuntimeExpression<'a> {
    /// Reads `$message.header#<pointer>` or `$message.payload#<pointer>`; `None` for
    /// anything else (another source, no `#`, a fragment that is not a JSON pointer).
    pub fn parse(text: &'a str) -> Option<Self> {
        let (source, pointer) = text.split_once('#')?;
        let part = match source {
            "$message.header" => MessagePart::Header,
            "$message.payload" => MessagePart::Payload,
            _ => return None,
        };
        (pointer.is_empty() || pointer.starts_with('/'))
            .then_some(RuntimeExpression { part, pointer })
    }

    /// The value the expression names in a message with these headers (if it has
    /// any) and this payload; `None` when there is no such value.
    pub fn locate<'v>(&self, headers: Option<&'v Value>, payload: &'v Value) -> Option<&'v Value> {
        let part = match self.part {
            MessagePart::Header => headers?,
            MessagePart::Payload => payload,
        };
        part.pointer(self.pointer)
    }
}

impl fmt::Display for RuntimeExpression<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = match self.part {
            MessagePart::Header => "$message.header",
            MessagePart::Payload => "$message.payload",
        };
        write!(f, "{source}#{}", self.pointer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_locates() {
        let expression = RuntimeExpression::parse("$message.header#/correlation~1id").unwrap();
        assert_eq!(expression.part, MessagePart::Header);
        assert_eq!(expression.to_string(), "$message.header#/correlation~1id");
        let headers: Value = r#"{"correlation/id": "c-1"}"#.parse().unwrap();
        let payload: Value = r#"{"id": 7, "items": [{"sku": "a"}]}"#.parse().unwrap();
        assert_eq!(
            expression.locate(Some(&headers), &payload),
            Some(&Value::from("c-1"))
        );
        assert_eq!(expression.locate(None, &payload), None);
        let sku = RuntimeExpression::parse("$message.payload#/items/0/sku").unwrap();
        assert_eq!(sku.locate(None, &payload), Some(&Value::from("a")));
        let whole = RuntimeExpression::parse("$message.payload#").unwrap();
        assert_eq!(whole.locate(None, &payload), Some(&payload));
        for bad in [
            "$message.body#/id",
            "$message.header",
            "$message.payload#id",
            "",
            "#/id",
        ] {
            assert_eq!(RuntimeExpression::parse(bad), None, "{bad}");
        }
    }
}
