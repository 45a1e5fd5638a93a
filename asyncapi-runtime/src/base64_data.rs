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
const fn in_alphabet(b: u8) -> bool {
    (b.wrapping_sub(b'A') < 26)
        | (b.wrapping_sub(b'a') < 26)
        | (b.wrapping_sub(b'0') < 10)
        | (b == b'+')
        | (b == b'/')
}

/// Whether every byte is in the standard alphabet: with AVX-512 VBMI or AVX2 when the
/// processor has them (a `format: byte` check reads every byte of the data, the
/// largest part of a record), else [`all_alphabet_portable`].
fn all_alphabet(bytes: &[u8]) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        if bytes.len() >= 64 && avx512::detected() {
            return avx512::checked_all_alphabet(bytes);
        }
        if bytes.len() >= 32 && std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2, which is all `all_alphabet` enables.
            return unsafe { avx2::all_alphabet(bytes) };
        }
    }
    all_alphabet_portable(bytes)
}

/// [`all_alphabet`] in portable code. Fixed-size blocks with no early exit inside let
/// the compiler turn the range checks into SIMD compares (a table lookup per byte does
/// not vectorise); the answer is only read once per block.
fn all_alphabet_portable(bytes: &[u8]) -> bool {
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

/// The alphabet check with AVX2: 32 bytes classified by two table lookups (`vpshufb`)
/// on their high and low nibbles, after Muła and Lemire's base64 validation.
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::*;

    /// Bytes read per step (four vectors, tested together).
    pub(super) const BLOCK: usize = 128;

    /// One bit per group of alphabet characters, set in both tables for the nibbles
    /// of that group's members: a byte is in the alphabet exactly when the entries of
    /// its high and its low nibble share a bit. Bit 0: `+` `/` (0x2B, 0x2F); bit 1:
    /// `0-9` (0x30-0x39); bit 2: `A-O` `a-o` (0x41-0x4F, 0x61-0x6F); bit 3: `P-Z`
    /// `p-z` (0x50-0x5A, 0x70-0x7A). High nibbles 8 to F (non-ASCII) have no bit.
    pub(super) const HIGH: [u8; 16] = [0, 0, 1, 2, 4, 8, 4, 8, 0, 0, 0, 0, 0, 0, 0, 0];
    pub(super) const LOW: [u8; 16] = {
        let mut table = [0u8; 16];
        let mut lo = 0;
        while lo < 16 {
            let mut bits = 0;
            if lo == 0xB || lo == 0xF {
                bits |= 1;
            }
            if lo <= 9 {
                bits |= 2;
            }
            if lo >= 1 {
                bits |= 4;
            }
            if lo <= 0xA {
                bits |= 8;
            }
            table[lo] = bits;
            lo += 1;
        }
        table
    };

    /// 32 bytes from `bytes[at..]`, which must hold them.
    #[inline]
    #[target_feature(enable = "avx2")]
    unsafe fn load(bytes: &[u8], at: usize) -> __m256i {
        debug_assert!(at + 32 <= bytes.len());
        _mm256_loadu_si256(bytes.as_ptr().add(at).cast())
    }

    /// A vector of 0xFF for each byte outside the alphabet, 0 for the others.
    #[inline]
    #[target_feature(enable = "avx2")]
    unsafe fn misses(v: __m256i, high: __m256i, low: __m256i) -> __m256i {
        let nibble = _mm256_set1_epi8(0x0f);
        let hi = _mm256_and_si256(_mm256_srli_epi16::<4>(v), nibble);
        // `vpshufb` reads the low nibble and gives 0 for bytes with bit 7 set, which
        // are not in the alphabet either.
        let bits = _mm256_and_si256(_mm256_shuffle_epi8(high, hi), _mm256_shuffle_epi8(low, v));
        _mm256_cmpeq_epi8(bits, _mm256_setzero_si256())
    }

    /// Whether every byte of `bytes` (at least 32 of them) is in the alphabet.
    ///
    /// # Safety
    ///
    /// The processor must have AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn all_alphabet(bytes: &[u8]) -> bool {
        debug_assert!(bytes.len() >= 32);
        let high = _mm256_broadcastsi128_si256(_mm_loadu_si128(HIGH.as_ptr().cast()));
        let low = _mm256_broadcastsi128_si256(_mm_loadu_si128(LOW.as_ptr().cast()));
        let mut at = 0;
        while at + BLOCK <= bytes.len() {
            let any = _mm256_or_si256(
                _mm256_or_si256(
                    misses(load(bytes, at), high, low),
                    misses(load(bytes, at + 32), high, low),
                ),
                _mm256_or_si256(
                    misses(load(bytes, at + 64), high, low),
                    misses(load(bytes, at + 96), high, low),
                ),
            );
            if _mm256_testz_si256(any, any) == 0 {
                return false;
            }
            at += BLOCK;
        }
        let mut any = _mm256_setzero_si256();
        while at + 32 <= bytes.len() {
            any = _mm256_or_si256(any, misses(load(bytes, at), high, low));
            at += 32;
        }
        // The last (partial) vector: the 32 bytes that end the input, some of them
        // checked twice.
        if at < bytes.len() {
            any = _mm256_or_si256(any, misses(load(bytes, bytes.len() - 32), high, low));
        }
        _mm256_testz_si256(any, any) == 1
    }
}

/// The alphabet check with AVX-512 VBMI: 64 bytes classified by one 128-entry table
/// lookup (`vpermi2b`), where AVX2 needs two lookups and five more operations per 32.
/// Its intrinsics are stable since rustc 1.89: older compilers build the module
/// without it, and [`detected`] is then `false`.
#[cfg(target_arch = "x86_64")]
mod avx512 {
    #[rustversion::since(1.89)]
    pub(super) use self::since_1_89::*;

    /// Without the intrinsics, the check is never chosen.
    #[rustversion::before(1.89)]
    pub(super) fn detected() -> bool {
        false
    }

    /// The portable check: there is no other.
    #[rustversion::before(1.89)]
    pub(super) fn checked_all_alphabet(bytes: &[u8]) -> bool {
        super::all_alphabet_portable(bytes)
    }

    #[rustversion::since(1.89)]
    // Compiled only by the compilers that have these intrinsics (see above).
    #[allow(clippy::incompatible_msrv)]
    mod since_1_89 {
        use std::arch::x86_64::*;

        /// 0x80 for each ASCII byte outside the alphabet, 0 for its members.
        static MISSES: [u8; 128] = {
            let mut table = [0x80u8; 128];
            let mut b = 0;
            while b < 128 {
                if super::super::in_alphabet(b as u8) {
                    table[b] = 0;
                }
                b += 1;
            }
            table
        };

        /// Whether the processor has the features [`all_alphabet`] enables.
        #[inline]
        pub(in super::super) fn detected() -> bool {
            std::arch::is_x86_feature_detected!("avx512f")
                && std::arch::is_x86_feature_detected!("avx512bw")
                && std::arch::is_x86_feature_detected!("avx512vbmi")
        }

        /// Whether every byte of `bytes` is in the alphabet.
        ///
        /// # Safety
        ///
        /// The processor must have AVX-512 F, BW and VBMI ([`detected`]).
        #[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
        pub(in super::super) unsafe fn all_alphabet(bytes: &[u8]) -> bool {
            let low = _mm512_loadu_si512(MISSES.as_ptr().cast());
            let high = _mm512_loadu_si512(MISSES.as_ptr().add(64).cast());
            // `vpermi2b` indexes with a byte's low 7 bits; OR-ing in the byte itself
            // marks those with bit 7 set (not ASCII) as misses too.
            let classify = |v: __m512i| _mm512_or_si512(_mm512_permutex2var_epi8(low, v, high), v);
            let mut any = _mm512_setzero_si512();
            let mut at = 0;
            while at + 64 <= bytes.len() {
                // SAFETY: `at + 64 <= bytes.len()`.
                let v = unsafe { _mm512_loadu_si512(bytes.as_ptr().add(at).cast()) };
                any = _mm512_or_si512(any, classify(v));
                at += 64;
            }
            let mut misses = _mm512_movepi8_mask(any);
            let tail = bytes.len() - at;
            if tail > 0 {
                let lanes: __mmask64 = (1u64 << tail) - 1;
                // SAFETY: a masked load reads (and may fault on) only the lanes in `lanes`,
                // the `tail` bytes left.
                let v = unsafe { _mm512_maskz_loadu_epi8(lanes, bytes.as_ptr().add(at).cast()) };
                misses |= _mm512_movepi8_mask(classify(v)) & lanes;
            }
            misses == 0
        }

        /// [`all_alphabet`] after [`detected`] said yes.
        pub(in super::super) fn checked_all_alphabet(bytes: &[u8]) -> bool {
            debug_assert!(detected());
            // SAFETY: the caller checked `detected()`.
            unsafe { all_alphabet(bytes) }
        }
    }
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

    /// The definition: every byte is one of the 64 characters.
    fn all_alphabet_by_table(bytes: &[u8]) -> bool {
        bytes.iter().all(|&b| DECODE[b as usize] < 64)
    }

    /// An alphabet check, `None` for lengths it does not take.
    type Check = fn(&[u8]) -> Option<bool>;

    /// Each implementation of the alphabet check this processor runs, by name: the
    /// dispatcher picks one by length, so each is also called directly.
    fn implementations() -> Vec<(&'static str, Check)> {
        let mut out: Vec<(&'static str, Check)> = vec![
            ("dispatch", |b| Some(all_alphabet(b))),
            ("portable", |b| Some(all_alphabet_portable(b))),
        ];
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: AVX2 is there; the function needs 32 bytes at least.
                out.push(("avx2", |b| {
                    (b.len() >= 32).then(|| unsafe { avx2::all_alphabet(b) })
                }));
            }
            if avx512::detected() {
                out.push(("avx512", |b| Some(avx512::checked_all_alphabet(b))));
            }
        }
        out
    }

    /// Asserts that every implementation says `expected` of `bytes`.
    fn assert_all(bytes: &[u8], expected: bool, context: &str) {
        for (name, check) in implementations() {
            if let Some(verdict) = check(bytes) {
                assert_eq!(verdict, expected, "{name}: {context}");
            }
        }
    }

    #[test]
    fn the_vector_checks_run_here() {
        // The machines this crate is tested on have them; elsewhere, say what ran.
        let names: Vec<&str> = implementations().iter().map(|(n, _)| *n).collect();
        println!("alphabet checks tested: {names:?}");
        assert!(names.len() >= 2);
    }

    #[test]
    fn every_byte_at_every_position() {
        // 160 bytes: a 128-byte block, a whole vector, and an overlapping last one;
        // each prefix length covers the other ways a length splits into steps.
        let good: Vec<u8> = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            .iter()
            .copied()
            .cycle()
            .take(160)
            .collect();
        for len in [0, 1, 31, 32, 33, 63, 64, 65, 96, 127, 128, 129, 159, 160] {
            assert_all(&good[..len], true, &format!("{len} good bytes"));
        }
        for b in 0..=255u8 {
            let expected = DECODE[b as usize] < 64;
            for at in 0..good.len() {
                let mut text = good.clone();
                text[at] = b;
                for len in [at + 1, 33.max(at + 1), 65.max(at + 1), 129.max(at + 1), 160] {
                    assert_all(
                        &text[..len],
                        expected,
                        &format!("byte {b:#04x} at {at} of {len}"),
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn alphabet_check_is_the_definition(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    8 => proptest::sample::select(
                        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".to_vec()
                    ),
                    1 => proptest::num::u8::ANY,
                ],
                0..400,
            )
        ) {
            let expected = all_alphabet_by_table(&bytes);
            for (name, check) in implementations() {
                if let Some(verdict) = check(&bytes) {
                    proptest::prop_assert_eq!(verdict, expected, "{}", name);
                }
            }
        }
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
