//! [`Base64Data`]: a `format: byte` string, kept exactly as received.

use std::fmt;

use base64::Engine as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validate::{Path, Report, Validate};

/// Binary data carried in JSON as standard, padded base64 (`format: byte`).
///
/// The text is kept exactly as received, so a round trip writes back the same
/// characters and `maxLength` counts base64 characters, as JSON Schema does.
/// Deserializing accepts any string; [`Validate`] reports text that is not well-formed
/// base64 under the `format` keyword, so one bad blob does not hide other violations.
#[derive(Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Base64Data(String);

impl Base64Data {
    /// Encodes bytes as standard, padded base64.
    pub fn encode(bytes: &[u8]) -> Self {
        Base64Data(base64::engine::general_purpose::STANDARD.encode(bytes))
    }

    /// Wraps base64 text as received, without checking it (see [`Base64Data::check`]).
    pub fn from_text(text: impl Into<String>) -> Self {
        Base64Data(text.into())
    }

    /// The base64 text, exactly as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The base64 text, by value.
    pub fn into_string(self) -> String {
        self.0
    }

    /// Whether the text is standard, padded base64 with zero trailing bits.
    pub fn check(&self) -> Result<(), Base64Error> {
        check_base64(&self.0)
    }

    /// Decodes the data.
    pub fn decode(&self) -> Result<Vec<u8>, Base64Error> {
        check_base64(&self.0)?;
        base64::engine::general_purpose::STANDARD
            .decode(&self.0)
            .map_err(|error| Base64Error {
                offset: 0,
                reason: Base64Reason::Other(error.to_string()),
            })
    }

    /// The number of bytes the text decodes to, when it is well-formed.
    pub fn decoded_len(&self) -> Option<usize> {
        check_base64(&self.0).ok()?;
        let padding = self.0.bytes().rev().take_while(|&b| b == b'=').count();
        Some(self.0.len() / 4 * 3 - padding)
    }
}

impl fmt::Debug for Base64Data {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Base64Data({:?})", crate::check::excerpt(&self.0))
    }
}

impl fmt::Display for Base64Data {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Base64Data {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Serialize for Base64Data {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Base64Data {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Base64Data)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Base64Data {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Base64Data".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "byte" })
    }
}

impl crate::check::MaybeText for Base64Data {
    fn as_text(&self) -> Option<&str> {
        Some(&self.0)
    }
}

impl Validate for Base64Data {
    /// Well-formedness is checked by the `format = "byte"` attribute the generator
    /// emits next to this type, so that the check is visible where the schema says it.
    fn validate_at(&self, _: &Path<'_>, _: &mut Report) {}
}

/// Why a string is not standard, padded base64.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base64Error {
    /// Byte offset of the problem in the text.
    pub offset: usize,
    /// What is wrong there.
    pub reason: Base64Reason,
}

/// The kinds of [`Base64Error`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Base64Reason {
    /// A character outside `A-Z a-z 0-9 + /` and the final `=` padding.
    InvalidCharacter(char),
    /// The length is not a multiple of 4 (padding missing or text truncated).
    Length(usize),
    /// `=` somewhere other than the last one or two positions.
    Padding,
    /// The last character encodes bits that the data does not have (not canonical).
    TrailingBits,
    /// Anything else the decoder reported.
    Other(String),
}

impl fmt::Display for Base64Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            Base64Reason::InvalidCharacter(c) => {
                write!(f, "invalid character {c:?} at offset {}", self.offset)
            }
            Base64Reason::Length(len) => {
                write!(f, "length {len} is not a multiple of 4")
            }
            Base64Reason::Padding => write!(f, "misplaced '=' padding at offset {}", self.offset),
            Base64Reason::TrailingBits => write!(
                f,
                "non-zero trailing bits in the last character at offset {}",
                self.offset
            ),
            Base64Reason::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Base64Error {}

const INVALID: u8 = 0xff;
const PAD: u8 = 0xfe;

/// Maps each byte to its 6-bit value, `PAD` for `=`, `INVALID` otherwise.
static DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < 64 {
        table[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    table[b'=' as usize] = PAD;
    table
};

/// Whether `b` is in the standard alphabet, branch-free so that loops vectorise.
#[inline(always)]
fn in_alphabet(b: u8) -> bool {
    (b.wrapping_sub(b'A') < 26)
        | (b.wrapping_sub(b'a') < 26)
        | (b.wrapping_sub(b'0') < 10)
        | (b == b'+')
        | (b == b'/')
}

/// Whether every byte is in the standard alphabet. Fixed-size blocks with no early exit
/// inside let the compiler turn the range checks into SIMD compares (a table lookup per
/// byte does not vectorise); the answer is only read once per block.
fn all_alphabet(bytes: &[u8]) -> bool {
    const BLOCK: usize = 64;
    let mut blocks = bytes.chunks_exact(BLOCK);
    for block in &mut blocks {
        let mut ok = true;
        for &b in block {
            ok &= in_alphabet(b);
        }
        if !ok {
            return false;
        }
    }
    // The tail goes through the same vector code, padded with a valid byte.
    let tail = blocks.remainder();
    let mut block = [b'A'; BLOCK];
    block[..tail.len()].copy_from_slice(tail);
    let mut ok = true;
    for &b in &block {
        ok &= in_alphabet(b);
    }
    ok
}

/// Checks standard, padded base64 (RFC 4648 section 4) without allocating.
pub(crate) fn check_base64(text: &str) -> Result<(), Base64Error> {
    let bytes = text.as_bytes();
    let padding = bytes
        .iter()
        .rev()
        .take(2)
        .take_while(|&&b| b == b'=')
        .count();
    let body = &bytes[..bytes.len() - padding];
    if !all_alphabet(body) {
        let offset = body
            .iter()
            .position(|&b| DECODE[b as usize] >= 64)
            .unwrap_or(0);
        let reason = if body[offset] == b'=' {
            Base64Reason::Padding
        } else {
            // Offsets are byte offsets; report the whole character there.
            let c = text[offset..].chars().next().unwrap_or('\u{fffd}');
            Base64Reason::InvalidCharacter(c)
        };
        return Err(Base64Error { offset, reason });
    }
    if bytes.len() % 4 != 0 {
        return Err(Base64Error {
            offset: bytes.len(),
            reason: Base64Reason::Length(bytes.len()),
        });
    }
    if padding > 0 {
        let last = DECODE[body[body.len() - 1] as usize];
        let unused_bits = if padding == 1 { 0b11 } else { 0b1111 };
        if last & unused_bits != 0 {
            return Err(Base64Error {
                offset: body.len() - 1,
                reason: Base64Reason::TrailingBits,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_canonical_base64() {
        for text in ["", "QQ==", "QUI=", "QUJD", "SGVsbG8sIFdvcmxkIQ==", "+/+/"] {
            assert_eq!(check_base64(text), Ok(()), "{text}");
        }
        assert_eq!(Base64Data::encode(b"Hello").as_str(), "SGVsbG8=");
        assert_eq!(
            Base64Data::from_text("SGVsbG8=").decode().unwrap(),
            b"Hello"
        );
        assert_eq!(Base64Data::from_text("SGVsbG8=").decoded_len(), Some(5));
    }

    #[test]
    fn rejects_malformed_base64() {
        let reason = |t: &str| check_base64(t).unwrap_err().reason;
        assert_eq!(reason("QQ"), Base64Reason::Length(2));
        assert_eq!(reason("Q==="), Base64Reason::Padding);
        assert_eq!(reason("Q=QQ"), Base64Reason::Padding);
        assert_eq!(reason("QR=="), Base64Reason::TrailingBits);
        assert_eq!(reason("QUJ-"), Base64Reason::InvalidCharacter('-'));
        assert_eq!(reason("QU J"), Base64Reason::InvalidCharacter(' '));
        assert_eq!(
            reason("QU\u{e9}="),
            Base64Reason::InvalidCharacter('\u{e9}')
        );
        assert_eq!(reason("QUJD\n"), Base64Reason::InvalidCharacter('\n'));
        assert!(Base64Data::from_text("QR==").decode().is_err());
    }

    #[test]
    fn alphabet_check_agrees_with_the_table() {
        for b in 0..=255u8 {
            assert_eq!(in_alphabet(b), DECODE[b as usize] < 64, "byte {b}");
        }
        // A bad byte at every position of a long body, inside a block and in the tail.
        let good = "QUJD".repeat(50);
        assert!(all_alphabet(good.as_bytes()));
        for at in 0..good.len() {
            let mut bad = good.clone().into_bytes();
            bad[at] = b'-';
            assert!(!all_alphabet(&bad), "bad byte at {at} not found");
            let text = String::from_utf8(bad).unwrap();
            assert_eq!(
                check_base64(&text),
                Err(Base64Error {
                    offset: at,
                    reason: Base64Reason::InvalidCharacter('-')
                })
            );
        }
    }
}
