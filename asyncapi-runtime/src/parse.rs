//! Parse and validate in one step.

use crate::error::Error;
use crate::json::Value;
use crate::shape::ValidateJson;
use crate::validate::{Keyword, Path, Report, Validate, Violation, Violations};

/// Parses `bytes` as JSON into `T` and validates it.
///
/// The typed parse and its checks run first; only when they fail is the input read
/// again as a `Value`, and the schema walk ([`validate_json`]) says every problem, so
/// valid input pays for one parse and every failure is reported as the walk (and the
/// schema interpreter behind it) reports it.
pub fn from_slice<T: ValidateJson>(bytes: &[u8]) -> Result<T, Error> {
    parse_bytes::<T, T>(bytes)
}

/// Parses `text` as JSON into `T` and validates it (see [`from_slice`]).
pub fn from_str<T: ValidateJson>(text: &str) -> Result<T, Error> {
    parse_text::<T, T>(text)
}

/// The UTF-8 byte order mark, which RFC 8259 (section 8.1) lets parsers ignore before
/// the text.
const BOM: &str = "\u{feff}";

/// `bytes` (a leading byte order mark ignored) parsed into `T`, and the verdict on it
/// ([`finish`]).
///
/// `serde_json::from_slice` checks the UTF-8 of each string as it reads it, one call
/// per string; `serde_json::from_str` trusts its input. One pass over the whole input
/// costs far less (a Lambda event of 100 records parses and validates about 20% faster).
/// Input that is not UTF-8 goes to `from_slice`, so it fails (or, when the bad bytes sit
/// where serde_json skips unchecked, passes) exactly as serde_json decides.
pub(crate) fn parse_bytes<'de, T, W>(bytes: &'de [u8]) -> Result<T, Error>
where
    T: serde::Deserialize<'de> + Validate,
    W: ValidateJson,
{
    let bytes = bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes);
    let parsed = match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(bytes),
    };
    finish::<T, W>(parsed, bytes)
}

/// `text` (a leading byte order mark ignored) parsed into `T`, and the verdict on it
/// ([`finish`]); a `str` is UTF-8 already, so nothing is checked again.
pub(crate) fn parse_text<'de, T, W>(text: &'de str) -> Result<T, Error>
where
    T: serde::Deserialize<'de> + Validate,
    W: ValidateJson,
{
    let text = text.strip_prefix(BOM).unwrap_or(text);
    finish::<T, W>(serde_json::from_str(text), text.as_bytes())
}

/// The verdict on `parsed`, the typed parse of `bytes`: its checks when it parsed; when
/// it did not, the input is read again as a [`Value`], since serde_json classifies some
/// shape errors as syntax (an enum read from `null` is "expected value") and only a
/// failed untyped parse proves bad syntax. `W` is the owned type whose schema walk
/// reports failures.
fn finish<T: Validate, W: ValidateJson>(
    parsed: Result<T, serde_json::Error>,
    bytes: &[u8],
) -> Result<T, Error> {
    match parsed {
        Ok(value) => validated_from::<T, W>(value, bytes),
        Err(error) => match crate::json::parse(bytes) {
            Ok(json) => Err(shape_error::<W>(&json, &error)),
            Err(syntax) => Err(Error::from_syntax(syntax)),
        },
    }
}

/// Reads an already parsed `serde_json::Value` into `T` and validates it.
///
/// serde_json has already rounded numbers it read as `f64`; parse the text with
/// [`from_slice`] to keep every digit.
pub fn from_value<T: ValidateJson>(json: &serde_json::Value) -> Result<T, Error> {
    // A Value can be built deeper than the parser allows; deserializing it recurses
    // (and serde buffers unknown properties recursively), so refuse it the same way.
    refuse_deep(json)?;
    match T::deserialize(json) {
        Ok(value) => match value.validate() {
            Ok(()) => Ok(value),
            // As `from_slice`: failures are reported as the walk reports them.
            Err(typed) => match validate_json::<T>(&Value::from(json)) {
                Err(walked) => Err(Error::Invalid(walked)),
                Ok(()) => Err(Error::Invalid(typed)),
            },
        },
        Err(error) => Err(shape_error::<T>(&Value::from(json), &error)),
    }
}

/// Validates a JSON value against `T`'s schema without building a `T`: every shape
/// problem and constraint violation, each with its pointer.
///
/// `json` is the runtime's exact [`Value`] (from [`crate::parse_json`], or
/// `Value::from(&serde_json_value)`); a `serde_json::Value` is also accepted and
/// converted, for code generated before this took a [`Value`].
///
/// ```
/// use asyncapi_runtime::{parse_json, validate_json, Validate};
///
/// #[derive(asyncapi_runtime::FromJson, Validate)]
/// struct Reading {
///     #[validate(maximum = "125.000000000000000000001")]
///     celsius: asyncapi_runtime::Number,
/// }
///
/// let json = parse_json(br#"{"celsius": 125.000000000000000000002}"#)?;
/// let violations = validate_json::<Reading>(&json).unwrap_err();
/// assert_eq!(violations.as_slice()[0].pointer, "/celsius");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate_json<T: ValidateJson>(json: &(impl JsonInput + ?Sized)) -> Result<(), Violations> {
    json.with_value(|json| {
        let mut report = Report::new();
        T::validate_json(json, &Path::ROOT, &mut report);
        report.into_result()
    })
}

/// What [`validate_json`] accepts: the runtime's exact [`Value`], or a
/// `serde_json::Value` (converted first; its numbers are as serde_json read them).
pub trait JsonInput {
    /// Calls `f` with the value as a [`Value`].
    fn with_value<R>(&self, f: impl FnOnce(&Value) -> R) -> R;
}

impl JsonInput for Value {
    fn with_value<R>(&self, f: impl FnOnce(&Value) -> R) -> R {
        f(self)
    }
}

impl JsonInput for serde_json::Value {
    fn with_value<R>(&self, f: impl FnOnce(&Value) -> R) -> R {
        f(&Value::from(self))
    }
}

/// serde_json's own recursion limit for parsing text.
const MAX_DEPTH: usize = 128;

/// Whether `json` nests arrays/objects more than `limit` deep, without recursing.
/// Refuses a `serde_json::Value` nested deeper than the parser allows: writing it
/// out or deserializing it recurses once per level.
pub(crate) fn refuse_deep(json: &serde_json::Value) -> Result<(), Error> {
    if depth_exceeds(json, MAX_DEPTH) {
        return Err(Error::Syntax {
            line: 0,
            column: 0,
            message: format!("JSON nested deeper than {MAX_DEPTH} levels"),
        });
    }
    Ok(())
}

fn depth_exceeds(json: &serde_json::Value, limit: usize) -> bool {
    use serde_json::Value;
    let mut stack = vec![(json, 0usize)];
    while let Some((value, depth)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match value {
            Value::Array(items) => Box::new(items.iter()),
            Value::Object(map) => Box::new(map.values()),
            _ => continue,
        };
        if depth >= limit {
            return true;
        }
        stack.extend(children.map(|child| (child, depth + 1)));
    }
    false
}

/// `value`, read from `bytes`, when its checks pass; else the violations the walk of
/// `W` (the value's owned type) finds in `bytes`. The walk follows the document's
/// schemas as written (both `minLength`s of two `allOf` parts) where the typed checks
/// may hold a merged equivalent (only the larger): the verdict is the same, the report
/// the one every other way of validating gives.
fn validated_from<T: Validate, W: ValidateJson>(value: T, bytes: &[u8]) -> Result<T, Error> {
    match value.validate() {
        Ok(()) => Ok(value),
        Err(typed) => match crate::json::parse(bytes).map(|json| validate_json::<W>(&json)) {
            Ok(Err(walked)) => Err(Error::Invalid(walked)),
            // The walk accepting what the checks refuse would be a bug; keep the
            // checks' word rather than report a refused payload as having no problem.
            _ => Err(Error::Invalid(typed)),
        },
    }
}

fn shape_error<T: ValidateJson>(json: &Value, error: &serde_json::Error) -> Error {
    match validate_json::<T>(json) {
        Err(violations) => Error::Shape(violations),
        // The walk and serde disagreeing would be a bug; keep serde's word rather than
        // reporting a refused document as having no problems.
        Ok(()) => Error::Shape(Violations::one(Violation {
            pointer: String::new(),
            keyword: Keyword::Type,
            message: error.to_string(),
        })),
    }
}
