//! Parse and validate in one step.

use serde_json::Value;

use crate::error::Error;
use crate::shape::ValidateJson;
use crate::validate::{Keyword, Path, Report, Validate, Violation, Violations};

/// Parses `bytes` as JSON into `T` and validates it.
///
/// The typed parse runs first; only when it fails on shape is the input read again as
/// a `Value` to locate every problem, so valid input pays for one parse.
pub fn from_slice<T: ValidateJson>(bytes: &[u8]) -> Result<T, Error> {
    let bytes = without_bom(bytes);
    match serde_json::from_slice::<T>(bytes) {
        Ok(value) => validated(value),
        // serde_json classifies some shape errors as syntax (an enum read from `null`
        // is "expected value"), so only a failed untyped parse proves bad syntax.
        Err(error) => match crate::json::parse(bytes) {
            Ok(json) => Err(shape_error::<T>(&json.to_serde(), &error)),
            Err(syntax) => Err(Error::from_syntax(syntax)),
        },
    }
}

/// `bytes` without a leading UTF-8 byte order mark, which RFC 8259 (section 8.1) lets
/// parsers ignore.
pub(crate) fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes)
}

/// Parses `text` as JSON into `T` and validates it.
pub fn from_str<T: ValidateJson>(text: &str) -> Result<T, Error> {
    from_slice(text.as_bytes())
}

/// Reads an already parsed JSON value into `T` and validates it.
pub fn from_value<T: ValidateJson>(json: &Value) -> Result<T, Error> {
    // A Value can be built deeper than the parser allows; deserializing it recurses
    // (and serde buffers unknown properties recursively), so refuse it the same way.
    if depth_exceeds(json, MAX_DEPTH) {
        return Err(Error::Syntax {
            line: 0,
            column: 0,
            message: format!("JSON nested deeper than {MAX_DEPTH} levels"),
        });
    }
    match T::deserialize(json) {
        Ok(value) => validated(value),
        Err(error) => Err(shape_error::<T>(json, &error)),
    }
}

/// Validates a JSON value against `T`'s schema without building a `T`: every shape
/// problem and constraint violation, each with its pointer.
pub fn validate_json<T: ValidateJson>(json: &Value) -> Result<(), Violations> {
    let mut report = Report::new();
    T::validate_json(json, &Path::ROOT, &mut report);
    report.into_result()
}

/// serde_json's own recursion limit for parsing text.
const MAX_DEPTH: usize = 128;

/// Whether `json` nests arrays/objects more than `limit` deep, without recursing.
fn depth_exceeds(json: &Value, limit: usize) -> bool {
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

pub(crate) fn validated<T: Validate>(value: T) -> Result<T, Error> {
    match value.validate() {
        Ok(()) => Ok(value),
        Err(violations) => Err(Error::Invalid(violations)),
    }
}

pub(crate) fn shape_error<T: ValidateJson>(json: &Value, error: &serde_json::Error) -> Error {
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
