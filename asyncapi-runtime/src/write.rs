//! Writing values back as JSON text, exactly: numbers as they were read (the runtime's
//! [`Number`](crate::Number) and [`Value`](crate::Value) keep their text), so that a
//! parse and a write change nothing. Users need no direct `serde_json` dependency for
//! the common path.

use std::fmt;
use std::io;

use serde::Serialize;

/// A value that could not be written: a map key that is not a string, a custom
/// `Serialize` that failed, or the writer's own error.
#[derive(Debug)]
pub struct WriteError(serde_json::Error);

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot write JSON: {}", self.0)
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

/// `value` as compact JSON text.
///
/// ```
/// let value: asyncapi_runtime::Value = r#"{"n": 1.0000000000000000001, "e": 1e-400}"#.parse()?;
/// assert_eq!(asyncapi_runtime::to_string(&value)?, r#"{"n":1.0000000000000000001,"e":1e-400}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, WriteError> {
    serde_json::to_string(value).map_err(WriteError)
}

/// `value` as indented JSON text.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, WriteError> {
    serde_json::to_string_pretty(value).map_err(WriteError)
}

/// `value` as compact JSON bytes.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, WriteError> {
    serde_json::to_vec(value).map_err(WriteError)
}

/// Writes `value` as compact JSON to `writer`.
pub fn to_writer<W: io::Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> Result<(), WriteError> {
    serde_json::to_writer(writer, value).map_err(WriteError)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Value;

    #[test]
    fn numbers_keep_their_text_and_failures_are_errors() {
        let value: Value = r#"[18446744073709551616, -0, 1E+2, 0.1]"#.parse().unwrap();
        assert_eq!(
            to_string(&value).unwrap(),
            "[18446744073709551616,-0,1E+2,0.1]"
        );
        assert_eq!(
            to_vec(&value).unwrap(),
            b"[18446744073709551616,-0,1E+2,0.1]"
        );
        assert!(to_string_pretty(&value)
            .unwrap()
            .starts_with("[\n  18446744073709551616,"));
        let mut out = Vec::new();
        to_writer(&mut out, &value).unwrap();
        assert_eq!(out, to_vec(&value).unwrap());
        let bad: std::collections::HashMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        let error = to_string(&bad).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("cannot write JSON: key must be a string"),
            "{error}"
        );
    }
}
