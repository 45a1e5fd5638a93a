//! What generated channel, operation and server types share: parsing a channel
//! address against its template ([`AddressError`]), the [`Action`] of an operation,
//! the [`Operation`] trait, and [`MessageError`] for channel and operation messages.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, UnknownValue};

/// Why an address string is not an address of a channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressError {
    /// The channel's key in the document (`kinesisStreamShard`).
    pub channel: &'static str,
    /// The channel's address template (`kinesis/{streamName}/{shardId}`).
    pub template: &'static str,
    /// The address that was given.
    pub given: String,
    /// What failed.
    pub reason: AddressReason,
}

/// What failed when parsing an address.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AddressReason {
    /// The text outside the parameters does not match the template.
    Mismatch,
    /// A parameter is empty.
    EmptyParameter(&'static str),
    /// A parameter holds a `/`, which separates address segments.
    SlashInParameter {
        /// The parameter's name in the template.
        parameter: &'static str,
        /// The value it would have had.
        value: String,
    },
    /// A parameter with an `enum` holds a value outside it.
    UnknownValue {
        /// The parameter's name in the template.
        parameter: &'static str,
        /// The value and the allowed ones.
        error: UnknownValue,
    },
}

impl fmt::Display for AddressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not an address of channel {} ({}): ",
            self.given, self.channel, self.template
        )?;
        match &self.reason {
            AddressReason::Mismatch => f.write_str("it does not match the template"),
            AddressReason::EmptyParameter(parameter) => {
                write!(f, "parameter {{{parameter}}} is empty")
            }
            AddressReason::SlashInParameter { parameter, value } => {
                write!(
                    f,
                    "parameter {{{parameter}}} would be {value:?}, which contains '/'"
                )
            }
            AddressReason::UnknownValue { parameter, error } => {
                write!(f, "parameter {{{parameter}}}: {error}")
            }
        }
    }
}

impl std::error::Error for AddressError {}

enum Segment {
    Text(&'static str),
    Parameter(&'static str),
}

fn segments(template: &'static str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push(Segment::Text(&rest[..open]));
        }
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(Segment::Parameter(&after[..close]));
                rest = &after[close + 1..];
            }
            None => {
                out.push(Segment::Text(&rest[open..]));
                rest = "";
            }
        }
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    out
}

/// Matches `input` against `segments`, parameters taking the shortest values that let
/// the rest match; `accept` decides which parameter values are allowed.
fn walk<'a>(
    segments: &[Segment],
    input: &'a str,
    accept: &dyn Fn(&str) -> bool,
    out: &mut Vec<&'a str>,
) -> bool {
    match segments.split_first() {
        None => input.is_empty(),
        Some((Segment::Text(text), rest)) => {
            input.starts_with(text) && walk(rest, &input[text.len()..], accept, out)
        }
        Some((Segment::Parameter(_), rest)) => {
            if rest.is_empty() {
                if accept(input) {
                    out.push(input);
                    return true;
                }
                return false;
            }
            let ends = input
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(input.len()));
            for end in ends {
                let value = &input[..end];
                if !accept(value) {
                    continue;
                }
                out.push(value);
                if walk(rest, &input[end..], accept, out) {
                    return true;
                }
                out.pop();
            }
            false
        }
    }
}

/// Splits `address` into the values of the parameters of `template`, in template
/// order. Each value must be non-empty and free of `/`. For generated code.
pub fn parse_address<'a>(
    channel: &'static str,
    template: &'static str,
    address: &'a str,
) -> Result<Vec<&'a str>, AddressError> {
    let segments = segments(template);
    let error = |reason| AddressError {
        channel,
        template,
        given: address.to_string(),
        reason,
    };
    let mut values = Vec::new();
    let strict = |v: &str| !v.is_empty() && !v.contains('/');
    if walk(&segments, address, &strict, &mut values) {
        return Ok(values);
    }
    // Explain the failure: does it match when parameters may be anything?
    values.clear();
    if !walk(&segments, address, &|_| true, &mut values) {
        return Err(error(AddressReason::Mismatch));
    }
    let names = segments.iter().filter_map(|s| match s {
        Segment::Parameter(name) => Some(*name),
        Segment::Text(_) => None,
    });
    for (name, value) in names.zip(values) {
        if value.is_empty() {
            return Err(error(AddressReason::EmptyParameter(name)));
        }
        if value.contains('/') {
            return Err(error(AddressReason::SlashInParameter {
                parameter: name,
                value: value.to_string(),
            }));
        }
    }
    Err(error(AddressReason::Mismatch))
}

/// Reads one parameter value of an address as `T` (an enum parameter). For generated code.
pub fn parse_parameter<T: FromStr<Err = UnknownValue>>(
    channel: &'static str,
    template: &'static str,
    address: &str,
    parameter: &'static str,
    value: &str,
) -> Result<T, AddressError> {
    value.parse().map_err(|error| AddressError {
        channel,
        template,
        given: address.to_string(),
        reason: AddressReason::UnknownValue { parameter, error },
    })
}

/// Whether an operation sends or receives its messages (AsyncAPI `action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// `send`: the application sends the messages.
    Send,
    /// `receive`: the application receives the messages.
    Receive,
}

impl Action {
    /// `send` or `receive`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Action::Send => "send",
            Action::Receive => "receive",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Action {
    type Err = UnknownValue;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        match value {
            "send" => Ok(Action::Send),
            "receive" => Ok(Action::Receive),
            _ => Err(UnknownValue::new(value, ["send", "receive"])),
        }
    }
}

/// What the document declares about one operation; implemented by generated types.
pub trait Operation {
    /// The operation id (its key under `operations`).
    const ID: &'static str;
    /// `send` or `receive`.
    const ACTION: Action;
    /// The key of its channel under `channels`.
    const CHANNEL: &'static str;
    /// `title`.
    const TITLE: Option<&'static str>;
    /// `summary`.
    const SUMMARY: Option<&'static str>;
    /// `description`.
    const DESCRIPTION: Option<&'static str>;
    /// The names of its tags.
    const TAGS: &'static [&'static str];
    /// The typed address of its channel.
    type Address: fmt::Display + FromStr<Err = AddressError>;
    /// The messages it may carry, and only those.
    type Message;
}

/// Why a payload could not be read as a message of a channel or an operation.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum MessageError {
    /// The message name is not one the channel or operation carries.
    NotCarried {
        /// The name that was given.
        given: String,
        /// The channel key or operation id.
        carrier: &'static str,
        /// The names of the messages it carries.
        carried: Vec<&'static str>,
    },
    /// The payload is not a valid payload of the named message.
    Payload(Error),
}

impl fmt::Display for MessageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageError::NotCarried {
                given,
                carrier,
                carried,
            } => write!(
                f,
                "{carrier} does not carry message {given:?}; it carries: {}",
                carried.join(", ")
            ),
            MessageError::Payload(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for MessageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            MessageError::Payload(error) => Some(error),
            MessageError::NotCarried { .. } => None,
        }
    }
}

impl From<Error> for MessageError {
    fn from(error: Error) -> Self {
        MessageError::Payload(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "kinesis/{streamName}/{shardId}";

    fn reason(address: &str) -> AddressReason {
        parse_address("c", T, address).unwrap_err().reason
    }

    #[test]
    fn matches_templates() {
        assert_eq!(parse_address("c", T, "kinesis/a/b").unwrap(), ["a", "b"]);
        assert_eq!(
            parse_address("c", "{a}.x.{b}", "1.x.2.x.3").unwrap(),
            ["1", "2.x.3"]
        );
        assert_eq!(
            parse_address("c", "{a}-{b}", "x-y-z").unwrap(),
            ["x", "y-z"]
        );
        assert_eq!(
            parse_address("c", "plain", "plain").unwrap(),
            Vec::<&str>::new()
        );
        assert_eq!(reason("kinesis/a"), AddressReason::Mismatch);
        assert_eq!(reason("other/a/b"), AddressReason::Mismatch);
        assert_eq!(
            reason("kinesis//b"),
            AddressReason::EmptyParameter("streamName")
        );
        assert_eq!(
            reason("kinesis/a/"),
            AddressReason::EmptyParameter("shardId")
        );
        assert_eq!(
            reason("kinesis/a/b/c"),
            AddressReason::SlashInParameter {
                parameter: "shardId",
                value: "b/c".into()
            }
        );
    }
}
