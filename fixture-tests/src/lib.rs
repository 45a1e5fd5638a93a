//! The code `asyncapi-codegen` generates for each document in
//! `asyncapi-codegen/tests/fixtures/`, and for the official JSON-Schema-Test-Suite,
//! one module per document, compiled here so that the tests prove it compiles and
//! behaves.

use asyncapi_runtime::{MessageSet, Value};
use serde::Serialize;

include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));

/// Something to do with a fixture's message set (see [`with_fixture`]).
pub trait ForFixture {
    /// What it gives.
    type Output;
    /// Does it with the message set `M`.
    fn call<M: Fixture>(self) -> Self::Output;
}

/// What the tests need of a generated message set.
pub trait Fixture: MessageSet<Message = Self::Payload, Headers = Self::HeaderSet> {
    /// The `Message` enum.
    type Payload: Serialize + std::fmt::Debug;
    /// The headers enum.
    type HeaderSet: Serialize;
}

impl<M> Fixture for M
where
    M: MessageSet,
    M::Message: Serialize + std::fmt::Debug,
    M::Headers: Serialize,
{
    type Payload = M::Message;
    type HeaderSet = M::Headers;
}

/// The name of the message that fixture `fixture` declares at `pointer`.
pub fn message_at(fixture: &str, pointer: &str) -> Result<Option<String>, String> {
    struct At<'a>(&'a str);
    impl ForFixture for At<'_> {
        type Output = Option<String>;
        fn call<M: Fixture>(self) -> Self::Output {
            M::ALL
                .iter()
                .find(|m| m.info().pointer == self.0)
                .map(|m| m.info().name.to_string())
        }
    }
    with_fixture(fixture, At(pointer))
}

/// Parses and validates `bytes` as message `message` of fixture `fixture` (its file
/// name), and writes it back as JSON text.
pub fn round_trip(fixture: &str, message: &str, bytes: &[u8]) -> Result<String, String> {
    struct RoundTrip<'a>(&'a str, &'a [u8]);
    impl ForFixture for RoundTrip<'_> {
        type Output = Result<String, String>;
        fn call<M: Fixture>(self) -> Self::Output {
            let name = M::from_name(self.0).ok_or_else(|| format!("no message {:?}", self.0))?;
            let parsed = name.parse(self.1).map_err(|e| e.to_string())?;
            serde_json::to_string(&parsed).map_err(|e| e.to_string())
        }
    }
    with_fixture(fixture, RoundTrip(message, bytes))?
}

/// Parses and validates `bytes` as the headers of message `message` of fixture
/// `fixture`, and writes them back (`None` when the message declares none).
pub fn round_trip_headers(
    fixture: &str,
    message: &str,
    bytes: &[u8],
) -> Result<Option<String>, String> {
    struct Headers<'a>(&'a str, &'a [u8]);
    impl ForFixture for Headers<'_> {
        type Output = Result<Option<String>, String>;
        fn call<M: Fixture>(self) -> Self::Output {
            let name = M::from_name(self.0).ok_or_else(|| format!("no message {:?}", self.0))?;
            match name.parse_headers(self.1).map_err(|e| e.to_string())? {
                Some(headers) => serde_json::to_string(&headers)
                    .map(Some)
                    .map_err(|e| e.to_string()),
                None => Ok(None),
            }
        }
    }
    with_fixture(fixture, Headers(message, bytes))?
}

/// Validates `value` as message `message` of fixture `fixture` without building it.
pub fn validate_json(
    fixture: &str,
    message: &str,
    value: &Value,
) -> Result<Result<(), asyncapi_runtime::Violations>, String> {
    struct Check<'a>(&'a str, &'a Value);
    impl ForFixture for Check<'_> {
        type Output = Result<Result<(), asyncapi_runtime::Violations>, String>;
        fn call<M: Fixture>(self) -> Self::Output {
            let name = M::from_name(self.0).ok_or_else(|| format!("no message {:?}", self.0))?;
            Ok(name.validate_json(self.1))
        }
    }
    with_fixture(fixture, Check(message, value))?
}

/// The owned and the zero-copy parse of the same bytes, compared: both refuse with
/// the same error, or both accept, the borrowed payload converts to the owned one
/// and both write the same JSON. Errors that start with `borrowed`, `only` or
/// `parsed as` are disagreements; any other error is the parses' shared refusal.
pub fn agree<O, B>(
    owned: Result<O, asyncapi_runtime::Error>,
    borrowed: Result<B, asyncapi_runtime::Error>,
    into_owned: impl FnOnce(B) -> O,
) -> Result<String, String>
where
    O: Serialize + PartialEq + std::fmt::Debug,
    B: Serialize,
{
    match (owned, borrowed) {
        (Ok(owned), Ok(borrowed)) => {
            let written = serde_json::to_string(&owned).map_err(|e| e.to_string())?;
            let lent = serde_json::to_string(&borrowed).map_err(|e| e.to_string())?;
            if written != lent {
                return Err(format!("borrowed parse wrote {lent}, owned {written}"));
            }
            let converted = into_owned(borrowed);
            if converted != owned {
                return Err(format!("parsed as {converted:?} borrowed, {owned:?} owned"));
            }
            Ok(written)
        }
        (Err(owned), Err(borrowed)) if owned.to_string() == borrowed.to_string() => {
            Err(owned.to_string())
        }
        (Err(owned), Err(borrowed)) => Err(format!(
            "borrowed error {borrowed} differs from owned error {owned}"
        )),
        (Ok(_), Err(error)) => Err(format!("only the borrowed parse refused: {error}")),
        (Err(error), Ok(_)) => Err(format!("only the owned parse refused: {error}")),
    }
}

/// What a parse concluded, as `kinesis validate` reports it: valid, or every
/// violation (pointer, keyword, message; a syntax error is one violation at the root).
pub type Verdict = Result<(), Vec<(String, asyncapi_runtime::Keyword, String)>>;

/// The verdict of a payload parse, as [`Verdict`].
pub fn verdict<T>(parsed: &Result<T, asyncapi_runtime::Error>) -> Verdict {
    match parsed {
        Ok(_) => Ok(()),
        Err(error) => Err(error
            .violations()
            .into_iter()
            .map(|v| (v.pointer, v.keyword, v.message))
            .collect()),
    }
}

/// The verdict of the generated `MessageName::parse` of fixture `fixture` (or
/// `json_schema_suite`) on `bytes` as message `message`.
pub fn generated_verdict(fixture: &str, message: &str, bytes: &[u8]) -> Result<Verdict, String> {
    struct Parse<'a>(&'a str, &'a [u8]);
    impl ForFixture for Parse<'_> {
        type Output = Result<Verdict, String>;
        fn call<M: Fixture>(self) -> Self::Output {
            let name = M::from_name(self.0).ok_or_else(|| format!("no message {:?}", self.0))?;
            Ok(verdict(&name.parse(self.1)))
        }
    }
    if fixture == "json_schema_suite" {
        return Parse(message, bytes).call::<json_schema_suite::MessageName>();
    }
    with_fixture(fixture, Parse(message, bytes))?
}
