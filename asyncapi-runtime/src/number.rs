//! [`Number`]: a JSON number exactly as written, compared and divided exactly.
//!
//! JSON puts no limit on the size or precision of numbers, and JSON Schema compares
//! them as the decimal values they spell: `1.0000000000000000001` is not an integer,
//! `0.0075` is a multiple of `0.0001`, and `1e308` is a multiple of `0.5`. A `f64`
//! answers all three wrongly or overflows. A `Number` keeps the text it was read
//! from, so it is written back digit for digit, and does its arithmetic on the
//! decimal digits.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

/// A JSON number, kept exactly as written and compared by value (`1` equals `1.0`).
///
/// ```
/// use asyncapi_runtime::Number;
///
/// let n: Number = "1.0000000000000000001".parse()?;
/// assert!(!n.is_integer());
/// assert_eq!(n.to_string(), "1.0000000000000000001");
/// let step: Number = "0.0001".parse()?;
/// assert!("0.0075".parse::<Number>()?.is_multiple_of(&step));
/// assert_eq!("5.0".parse::<Number>()?, Number::from(5u8));
/// # Ok::<(), asyncapi_runtime::NumberError>(())
/// ```
#[derive(Clone)]
pub struct Number(Repr);

#[derive(Clone)]
enum Repr {
    /// A non-negative integer written canonically (`0`, `42`).
    PosInt(u64),
    /// A negative integer written canonically (`-7`).
    NegInt(i64),
    /// Any other valid JSON number text up to [`INLINE`] bytes, as written (`1.5`,
    /// `1.50`, `1E3`, `-0`): most numbers, without an allocation.
    Inline { len: u8, bytes: [u8; INLINE] },
    /// Longer number text, as written.
    Text(Box<str>),
    /// Text known at compile time (bounds in generated code).
    Static(&'static str),
}

/// Number texts up to this length are stored inline (keeping `Number` 24 bytes).
const INLINE: usize = 22;

/// Why a text is not a JSON number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberError {
    text: String,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a JSON number",
            crate::check::excerpt(&self.text)
        )
    }
}

impl std::error::Error for NumberError {}

/// Whether `text` is a number by the JSON grammar (RFC 8259 section 6):
/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
pub(crate) const fn is_json_number(text: &[u8]) -> bool {
    let mut i = 0;
    let n = text.len();
    if i < n && text[i] == b'-' {
        i += 1;
    }
    if i >= n {
        return false;
    }
    if text[i] == b'0' {
        i += 1;
    } else if text[i] >= b'1' && text[i] <= b'9' {
        while i < n && text[i].is_ascii_digit() {
            i += 1;
        }
    } else {
        return false;
    }
    if i < n && text[i] == b'.' {
        i += 1;
        let start = i;
        while i < n && text[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    if i < n && (text[i] == b'e' || text[i] == b'E') {
        i += 1;
        if i < n && (text[i] == b'+' || text[i] == b'-') {
            i += 1;
        }
        let start = i;
        while i < n && text[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    i == n
}

pub(crate) fn not_a_number(text: &str) -> NumberError {
    NumberError {
        text: text.to_string(),
    }
}

impl Number {
    /// Reads JSON number text, keeping it exactly.
    pub fn from_json(text: &str) -> Result<Number, NumberError> {
        if !is_json_number(text.as_bytes()) {
            return Err(NumberError {
                text: text.to_string(),
            });
        }
        Ok(Number::from_valid(text))
    }

    /// `text` has passed [`is_json_number`].
    pub(crate) fn from_valid(text: &str) -> Number {
        let bytes = text.as_bytes();
        let plain_digits = bytes.iter().all(u8::is_ascii_digit);
        if plain_digits && (bytes.len() == 1 || bytes[0] != b'0') {
            if let Ok(u) = text.parse::<u64>() {
                return Number(Repr::PosInt(u));
            }
        } else if bytes[0] == b'-'
            && bytes.len() > 1
            && bytes[1] != b'0'
            && bytes[1..].iter().all(u8::is_ascii_digit)
        {
            if let Ok(i) = text.parse::<i64>() {
                return Number(Repr::NegInt(i));
            }
        }
        Number::text(text)
    }

    fn text(text: &str) -> Number {
        if text.len() <= INLINE {
            let mut bytes = [0u8; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            Number(Repr::Inline {
                len: text.len() as u8,
                bytes,
            })
        } else {
            Number(Repr::Text(text.into()))
        }
    }

    /// A number from text known at compile time; a compile error (in a `const`) or a
    /// panic when `text` is not JSON number text. For generated code.
    #[doc(hidden)]
    pub const fn from_static(text: &'static str) -> Number {
        assert!(is_json_number(text.as_bytes()), "not JSON number text");
        Number(Repr::Static(text))
    }

    /// `value` in its shortest exact rendering (`5.0`, `0.1`, `1e300`), or `None` for
    /// infinities and NaN, which JSON cannot hold.
    pub fn from_f64(value: f64) -> Option<Number> {
        value
            .is_finite()
            .then(|| Number::text(ryu::Buffer::new().format_finite(value)))
    }

    /// The nearest `f64` (infinite when the number is beyond `f64`'s range).
    pub fn as_f64(&self) -> f64 {
        match &self.0 {
            Repr::PosInt(u) => *u as f64,
            Repr::NegInt(i) => *i as f64,
            _ => self.write_text(|t| t.parse().unwrap_or(f64::NAN)),
        }
    }

    /// The value as `u64`, when it is an integer in range (`5.0` and `5e0` are 5).
    pub fn as_u64(&self) -> Option<u64> {
        match &self.0 {
            Repr::PosInt(u) => Some(*u),
            Repr::NegInt(_) => None,
            _ => self.integer_value().and_then(|i| u64::try_from(i).ok()),
        }
    }

    /// The value as `i64`, when it is an integer in range.
    pub fn as_i64(&self) -> Option<i64> {
        match &self.0 {
            Repr::PosInt(u) => i64::try_from(*u).ok(),
            Repr::NegInt(i) => Some(*i),
            _ => self.integer_value().and_then(|i| i64::try_from(i).ok()),
        }
    }

    /// The value as `i128`, when it is an integer that fits.
    fn integer_value(&self) -> Option<i128> {
        self.with_decimal(|d| {
            if !d.is_integer() {
                return None;
            }
            let mut value: i128 = 0;
            let len = d.digits.len() as i64;
            if d.point > 39 {
                return None;
            }
            for i in 0..d.point {
                let digit = if i < len { d.digits.get(i as usize) } else { 0 };
                value = value.checked_mul(10)?.checked_add(i128::from(digit))?;
            }
            Some(if d.negative { -value } else { value })
        })
    }

    /// Whether the number has no fractional part (`5`, `5.0`, `1e3`, `1e308`).
    pub fn is_integer(&self) -> bool {
        match &self.0 {
            Repr::PosInt(_) | Repr::NegInt(_) => true,
            _ => self.with_decimal(|d| d.is_integer()),
        }
    }

    /// Whether the number is below zero (`-0` is not).
    pub fn is_negative(&self) -> bool {
        self.with_decimal(|d| d.negative && !d.digits.is_empty())
    }

    /// Whether `self / divisor` is an integer, computed exactly. `false` when
    /// `divisor` is zero.
    pub fn is_multiple_of(&self, divisor: &Number) -> bool {
        if let (Some(v), Some(d)) = (self.small_int(), divisor.small_int()) {
            return d != 0 && v % d == 0;
        }
        self.with_decimal(|value| divisor.with_decimal(|div| multiple(&value, &div)))
    }

    /// The value in one canonical spelling, for messages and comparisons of spellings:
    /// `5.0` and `5e0` are `5`, `1.50` is `1.5`, `-0` is `0`, very large or small values
    /// use an exponent (`1e400`, `1.5e-9`).
    pub fn canonical(&self) -> String {
        match &self.0 {
            Repr::PosInt(u) => u.to_string(),
            Repr::NegInt(i) => i.to_string(),
            _ => self.with_decimal(|d| d.canonical()),
        }
    }

    fn small_int(&self) -> Option<i128> {
        match self.0 {
            Repr::PosInt(u) => Some(i128::from(u)),
            Repr::NegInt(i) => Some(i128::from(i)),
            _ => None,
        }
    }

    /// The text as it will be written.
    fn write_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        match &self.0 {
            Repr::PosInt(u) => f(itoa::Buffer::new().format(*u)),
            Repr::NegInt(i) => f(itoa::Buffer::new().format(*i)),
            // Only ASCII number text is ever stored.
            Repr::Inline { len, bytes } => {
                f(std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or("0"))
            }
            Repr::Text(t) => f(t),
            Repr::Static(t) => f(t),
        }
    }

    /// Runs `f` on the number's normalised decimal form.
    fn with_decimal<R>(&self, f: impl FnOnce(Decimal<'_>) -> R) -> R {
        self.write_text(|text| f(Decimal::parse(text)))
    }
}

/// A decimal value `±0.D × 10^point`, with `D` free of leading and trailing zeros
/// (empty for zero), read from valid JSON number text without copying it.
#[derive(Clone, Copy)]
struct Decimal<'a> {
    negative: bool,
    digits: Digits<'a>,
    point: i64,
}

/// The significant digits: the tail of the integer part followed by the head of the
/// fraction, as ASCII digits.
#[derive(Clone, Copy)]
struct Digits<'a> {
    head: &'a [u8],
    tail: &'a [u8],
}

impl Digits<'_> {
    fn len(&self) -> usize {
        self.head.len() + self.tail.len()
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get(&self, i: usize) -> u8 {
        if i < self.head.len() {
            self.head[i] - b'0'
        } else {
            self.tail[i - self.head.len()] - b'0'
        }
    }

    fn to_vec(self) -> Vec<u8> {
        (0..self.len()).map(|i| self.get(i)).collect()
    }
}

/// Exponents are saturated here: numbers beyond 10^(10^15) compare by their digits
/// only, far outside anything a document or payload holds.
const EXPONENT_LIMIT: i64 = 1_000_000_000_000_000;

impl<'a> Decimal<'a> {
    fn parse(text: &'a str) -> Decimal<'a> {
        let bytes = text.as_bytes();
        let (negative, rest) = match bytes.first() {
            Some(b'-') => (true, &bytes[1..]),
            _ => (false, bytes),
        };
        let mantissa_end = rest
            .iter()
            .position(|&b| b == b'e' || b == b'E')
            .unwrap_or(rest.len());
        let (mantissa, exponent) = rest.split_at(mantissa_end);
        let exponent = parse_exponent(exponent.get(1..).unwrap_or(&[]));
        let (int, frac) = match mantissa.iter().position(|&b| b == b'.') {
            Some(dot) => (&mantissa[..dot], &mantissa[dot + 1..]),
            None => (mantissa, &[][..]),
        };
        // Strip leading zeros across both parts, and trailing zeros likewise.
        let int_lead = int.iter().take_while(|&&b| b == b'0').count();
        let (head, tail, lead) = if int_lead < int.len() {
            (&int[int_lead..], frac, int_lead)
        } else {
            let frac_lead = frac.iter().take_while(|&&b| b == b'0').count();
            (&[][..], &frac[frac_lead..], int.len() + frac_lead)
        };
        let tail_trail = tail.iter().rev().take_while(|&&b| b == b'0').count();
        let tail = &tail[..tail.len() - tail_trail];
        let head = if tail.is_empty() {
            let head_trail = head.iter().rev().take_while(|&&b| b == b'0').count();
            &head[..head.len() - head_trail]
        } else {
            head
        };
        let digits = Digits { head, tail };
        let point = if digits.is_empty() {
            0
        } else {
            int.len() as i64 - lead as i64 + exponent
        };
        Decimal {
            negative,
            digits,
            point,
        }
    }

    fn is_integer(&self) -> bool {
        self.digits.is_empty() || self.point >= self.digits.len() as i64
    }

    fn canonical(&self) -> String {
        if self.digits.is_empty() {
            return "0".into();
        }
        let digits: String = (0..self.digits.len())
            .map(|i| char::from(b'0' + self.digits.get(i)))
            .collect();
        let len = digits.len() as i64;
        let mut out = String::new();
        if self.negative {
            out.push('-');
        }
        if (-5..=21).contains(&self.point) {
            if self.point <= 0 {
                out.push_str("0.");
                out.extend(std::iter::repeat_n('0', (-self.point) as usize));
                out.push_str(&digits);
            } else if self.point >= len {
                out.push_str(&digits);
                out.extend(std::iter::repeat_n('0', (self.point - len) as usize));
            } else {
                out.push_str(&digits[..self.point as usize]);
                out.push('.');
                out.push_str(&digits[self.point as usize..]);
            }
        } else {
            out.push_str(&digits[..1]);
            if len > 1 {
                out.push('.');
                out.push_str(&digits[1..]);
            }
            out.push('e');
            out.push_str(&(self.point - 1).to_string());
        }
        out
    }

    fn sign(&self) -> i8 {
        match (self.digits.is_empty(), self.negative) {
            (true, _) => 0,
            (false, true) => -1,
            (false, false) => 1,
        }
    }

    /// The exponent `p` of the integer form `A × 10^p`, `A` the digits.
    fn integer_exponent(&self) -> i64 {
        self.point - self.digits.len() as i64
    }
}

fn parse_exponent(digits: &[u8]) -> i64 {
    let (negative, digits) = match digits.first() {
        Some(b'-') => (true, &digits[1..]),
        Some(b'+') => (false, &digits[1..]),
        _ => (false, digits),
    };
    let mut value: i64 = 0;
    for &d in digits {
        value = (value * 10 + i64::from(d - b'0')).min(EXPONENT_LIMIT);
    }
    if negative {
        -value
    } else {
        value
    }
}

fn compare(a: &Decimal<'_>, b: &Decimal<'_>) -> Ordering {
    match a.sign().cmp(&b.sign()) {
        Ordering::Equal => {}
        other => return other,
    }
    let magnitude = compare_magnitude(a, b);
    if a.sign() < 0 {
        magnitude.reverse()
    } else {
        magnitude
    }
}

fn compare_magnitude(a: &Decimal<'_>, b: &Decimal<'_>) -> Ordering {
    if a.digits.is_empty() || b.digits.is_empty() {
        return a.digits.len().cmp(&b.digits.len());
    }
    match a.point.cmp(&b.point) {
        Ordering::Equal => {}
        other => return other,
    }
    let (la, lb) = (a.digits.len(), b.digits.len());
    for i in 0..la.min(lb) {
        match a.digits.get(i).cmp(&b.digits.get(i)) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    la.cmp(&lb)
}

/// `value / divisor` is an integer. With `value = A × 10^p` and `divisor = B × 10^q`
/// (`A`, `B` without trailing zeros) the quotient is `A / B × 10^(p-q)`. When `p < q`
/// it would need `10 | A`, which a normalised `A` never is. Otherwise, with
/// `B = 2^x 5^y C` and `k = p - q`, `B | A × 10^k` exactly when `C | A`,
/// `x <= v2(A) + k` and `y <= v5(A) + k`: no power of ten is ever built.
fn multiple(value: &Decimal<'_>, divisor: &Decimal<'_>) -> bool {
    if divisor.digits.is_empty() {
        return false;
    }
    if value.digits.is_empty() {
        return true;
    }
    let k = value.integer_exponent() - divisor.integer_exponent();
    if k < 0 {
        return false;
    }
    let a = value.digits.to_vec();
    let mut c = divisor.digits.to_vec();
    let x = strip_factor(&mut c, 2);
    let y = strip_factor(&mut c, 5);
    let enough = |power: u64, prime: u32| -> bool {
        let needed = i64::try_from(power).unwrap_or(i64::MAX).saturating_sub(k);
        needed <= 0 || valuation_at_least(&a, prime, needed as u64)
    };
    enough(x, 2) && enough(y, 5) && remainder_is_zero(&a, &c)
}

/// Divides the decimal digits `n` by `d` in place, returning the remainder.
fn divide_small(n: &mut Vec<u8>, d: u32) -> u32 {
    let mut remainder = 0u32;
    for digit in n.iter_mut() {
        let current = remainder * 10 + u32::from(*digit);
        *digit = (current / d) as u8;
        remainder = current % d;
    }
    let lead = n.iter().take_while(|&&digit| digit == 0).count();
    n.drain(..lead.min(n.len().saturating_sub(1)));
    remainder
}

fn remainder_small(n: &[u8], d: u32) -> u32 {
    n.iter()
        .fold(0u32, |r, &digit| (r * 10 + u32::from(digit)) % d)
}

/// Removes every factor `p` from `n`, returning how many there were.
fn strip_factor(n: &mut Vec<u8>, p: u32) -> u64 {
    let mut count = 0;
    while !(n.len() == 1 && n[0] <= 1) && remainder_small(n, p) == 0 {
        divide_small(n, p);
        count += 1;
    }
    count
}

/// Whether `p^needed` divides `n`.
fn valuation_at_least(n: &[u8], p: u32, needed: u64) -> bool {
    let mut n = n.to_vec();
    for _ in 0..needed {
        if n.len() == 1 && n[0] == 0 {
            return true;
        }
        if remainder_small(&n, p) != 0 {
            return false;
        }
        divide_small(&mut n, p);
    }
    true
}

/// Whether `c` divides `a`, both decimal digit strings (long division).
fn remainder_is_zero(a: &[u8], c: &[u8]) -> bool {
    if c.len() <= 18 {
        let d = c.iter().fold(0u128, |r, &digit| r * 10 + u128::from(digit));
        if d == 0 {
            return false;
        }
        return a
            .iter()
            .fold(0u128, |r, &digit| (r * 10 + u128::from(digit)) % d)
            == 0;
    }
    // Beyond 18 digits: schoolbook long division, the remainder kept below c.
    let mut remainder: Vec<u8> = Vec::new();
    for &digit in a {
        if !(remainder.is_empty() && digit == 0) {
            remainder.push(digit);
        }
        while digits_at_least(&remainder, c) {
            subtract(&mut remainder, c);
        }
    }
    remainder.is_empty()
}

fn digits_at_least(a: &[u8], b: &[u8]) -> bool {
    a.len() > b.len() || (a.len() == b.len() && a >= b)
}

/// `a -= b` for decimal digit strings with `a >= b`, leading zeros removed.
fn subtract(a: &mut Vec<u8>, b: &[u8]) {
    let offset = a.len() - b.len();
    let mut borrow = 0i16;
    for i in (0..a.len()).rev() {
        let sub = if i >= offset {
            i16::from(b[i - offset])
        } else {
            0
        };
        let mut digit = i16::from(a[i]) - sub - borrow;
        borrow = 0;
        if digit < 0 {
            digit += 10;
            borrow = 1;
        }
        a[i] = digit as u8;
    }
    let lead = a.iter().take_while(|&&digit| digit == 0).count();
    a.drain(..lead);
}

impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Number {}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Number) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Number {
    /// Compares values exactly, whatever their spelling.
    fn cmp(&self, other: &Number) -> Ordering {
        match (&self.0, &other.0) {
            (Repr::PosInt(a), Repr::PosInt(b)) => a.cmp(b),
            (Repr::NegInt(a), Repr::NegInt(b)) => a.cmp(b),
            (Repr::PosInt(_), Repr::NegInt(_)) => Ordering::Greater,
            (Repr::NegInt(_), Repr::PosInt(_)) => Ordering::Less,
            _ => self.with_decimal(|a| other.with_decimal(|b| compare(&a, &b))),
        }
    }
}

impl Hash for Number {
    /// Hashes the value, so numbers equal as values hash alike (`1`, `1.0`, `1e0`).
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.with_decimal(|d| {
            d.sign().hash(state);
            d.point.hash(state);
            for i in 0..d.digits.len() {
                d.digits.get(i).hash(state);
            }
        })
    }
}

impl fmt::Display for Number {
    /// The number as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_text(|text| f.write_str(text))
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Number({self})")
    }
}

impl FromStr for Number {
    type Err = NumberError;

    fn from_str(text: &str) -> Result<Number, NumberError> {
        Number::from_json(text)
    }
}

macro_rules! from_unsigned {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Number {
            fn from(value: $ty) -> Number {
                Number(Repr::PosInt(value as u64))
            }
        }
    )*};
}
from_unsigned!(u8, u16, u32, u64, usize);

macro_rules! from_signed {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Number {
            fn from(value: $ty) -> Number {
                if value >= 0 {
                    Number(Repr::PosInt(value as u64))
                } else {
                    Number(Repr::NegInt(value as i64))
                }
            }
        }
    )*};
}
from_signed!(i8, i16, i32, i64, isize);

impl From<i128> for Number {
    fn from(value: i128) -> Number {
        if let Ok(u) = u64::try_from(value) {
            Number(Repr::PosInt(u))
        } else if let Ok(i) = i64::try_from(value) {
            Number(Repr::NegInt(i))
        } else {
            Number::text(&value.to_string())
        }
    }
}

impl From<serde_json::Number> for Number {
    /// The number as serde_json holds it (already rounded when it was read as `f64`).
    fn from(value: serde_json::Number) -> Number {
        Number::from(&value)
    }
}

impl From<&serde_json::Number> for Number {
    fn from(value: &serde_json::Number) -> Number {
        if let Some(u) = value.as_u64() {
            Number::from(u)
        } else if let Some(i) = value.as_i64() {
            Number::from(i)
        } else {
            // A serde_json number without arbitrary precision is finite.
            Number::from_f64(value.as_f64().unwrap_or(0.0)).unwrap_or(Number::from(0u8))
        }
    }
}

/// The name by which serde_json passes a value's raw text to a deserializer (its
/// `RawValue` protocol, enabled by the `raw_value` feature).
pub(crate) const RAW_TOKEN: &str = "$serde_json::private::RawValue";

impl serde::Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Repr::PosInt(u) => serializer.serialize_u64(*u),
            Repr::NegInt(i) => serializer.serialize_i64(*i),
            // The text itself, as a raw value: serde_json writes it unchanged.
            _ => self.write_text(|text| {
                match serde_json::from_str::<&serde_json::value::RawValue>(text) {
                    Ok(raw) => serde::Serialize::serialize(raw, serializer),
                    Err(error) => Err(serde::ser::Error::custom(error)),
                }
            }),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Number {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Number, D::Error> {
        deserializer.deserialize_newtype_struct(RAW_TOKEN, NumberVisitor)
    }
}

struct NumberVisitor;

impl<'de> serde::de::Visitor<'de> for NumberVisitor {
    type Value = Number;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Number, E> {
        Ok(Number::from(v))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Number, E> {
        Ok(Number::from(v))
    }

    fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Number, E> {
        Ok(Number::text(&v.to_string()))
    }

    fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Number, E> {
        Ok(Number::from(v))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Number, E> {
        Number::from_f64(v).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Float(v), &self))
    }

    fn visit_newtype_struct<D: serde::Deserializer<'de>>(self, d: D) -> Result<Number, D::Error> {
        d.deserialize_any(self)
    }

    /// serde_json hands over the raw text of the value as a one-entry map.
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Number, A::Error> {
        let raw = crate::json::raw_text(&mut map, &self)?;
        let text = raw.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r'));
        if is_json_number(text.as_bytes()) {
            Ok(Number::from_valid(text))
        } else {
            Err(serde::de::Error::invalid_type(
                crate::json::unexpected(text),
                &self,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> Number {
        Number::from_json(text).unwrap()
    }

    #[test]
    fn grammar() {
        for ok in [
            "0",
            "-0",
            "1",
            "-1",
            "1.5",
            "1e5",
            "1E+5",
            "1e-5",
            "0.0",
            "123.456e-78",
        ] {
            assert!(is_json_number(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "", "-", "01", "1.", ".5", "+1", "1e", "1e+", "0x1", "1.5.5", " 1", "NaN",
        ] {
            assert!(!is_json_number(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn keeps_text() {
        for text in [
            "0",
            "-0",
            "5",
            "5.0",
            "1.50",
            "1E3",
            "1e400",
            "-1e-400",
            "1.0000000000000000001",
            "18446744073709551616",
            "-9223372036854775809",
            "0.1",
            "1e300",
            "123456789012345678901234567890",
        ] {
            assert_eq!(n(text).to_string(), text);
            assert_eq!(serde_json::to_string(&n(text)).unwrap(), text);
        }
    }

    #[test]
    fn compares_by_value() {
        assert_eq!(n("1"), n("1.0"));
        assert_eq!(n("1"), n("1e0"));
        assert_eq!(n("0"), n("-0"));
        assert_eq!(n("100"), n("1e2"));
        assert_eq!(n("0.0075"), n("75e-4"));
        assert!(n("1.0000000000000000001") > n("1"));
        assert!(n("-1.0000000000000000001") < n("-1"));
        assert!(n("18446744073709551616") > n("18446744073709551615"));
        assert!(n("9007199254740993") > n("9007199254740992"));
        assert!(n("1e400") > n("1e399"));
        assert!(n("-1e400") < n("-1e399"));
        assert!(n("0.1") < n("0.10000000000000001"));
        assert!(n("-5") < n("0.001"));
        assert!(n("2") > n("1.99999999999999999999"));
        assert_eq!(
            n("972783798187987123879878123.18878137"),
            n("972783798187987123879878123.18878137000")
        );
        assert!(
            n("972783798187987123879878123.188781371") > n("972783798187987123879878123.18878137")
        );
    }

    #[test]
    fn integers() {
        for int in [
            "5",
            "5.0",
            "1e3",
            "1e308",
            "-0",
            "-0.0",
            "12345678910111213141516171819202122232425262728293031",
            "1.5e1",
        ] {
            assert!(n(int).is_integer(), "{int}");
        }
        for frac in [
            "1.5",
            "1.0000000000000000001",
            "1e-1",
            "0.1",
            "12345678910111213141516171819202122232425262728293031.5",
        ] {
            assert!(!n(frac).is_integer(), "{frac}");
        }
        assert_eq!(n("5.0").as_u64(), Some(5));
        assert_eq!(n("1e3").as_i64(), Some(1000));
        assert_eq!(n("-0").as_i64(), Some(0));
        assert_eq!(n("18446744073709551616").as_u64(), None);
        assert_eq!(n("1.5").as_i64(), None);
    }

    #[test]
    fn multiples() {
        let m = |a: &str, b: &str| n(a).is_multiple_of(&n(b));
        assert!(m("10", "2"));
        assert!(!m("7", "2"));
        assert!(m("4.5", "1.5"));
        assert!(!m("35", "1.5"));
        assert!(m("0.0075", "0.0001"));
        assert!(!m("0.00751", "0.0001"));
        assert!(m("1e308", "0.5"));
        assert!(m("0", "0.3"));
        assert!(m("0.3", "0.1e0"));
        assert!(m("0.3", "0.1"));
        assert!(m("1.23456789e9", "0.123456789"));
        assert!(m("1.23456789", "0.123456789e1"));
        assert!(m("19.99999999999999999998", "0.00000000000000000002"));
        assert!(!m("19.99999999999999999999", "0.00000000000000000002"));
        assert!(m("-6", "3"));
        assert!(m(
            "123456789012345678901234567890",
            "1234567890123456789012345678900e-1"
        ));
        assert!(!m(
            "123456789012345678901234567891",
            "1234567890123456789012345678900e-1"
        ));
        assert!(m("1e20", "4"));
        assert!(!m("5", "0"));
        assert!(!m("1", "3"));
    }

    #[test]
    fn reads_from_serde_json_exactly() {
        let x: Number = serde_json::from_str("1.0000000000000000001").unwrap();
        assert_eq!(x.to_string(), "1.0000000000000000001");
        let x: Number = serde_json::from_str(" 1e400 ").unwrap();
        assert_eq!(x.to_string(), "1e400");
        assert!(serde_json::from_str::<Number>("\"1\"").is_err());
        let from_value: Number = serde_json::from_value(serde_json::json!(2.5)).unwrap();
        assert_eq!(from_value, n("2.5"));
        let list: Vec<Number> = serde_json::from_str("[1, -0, 1.50]").unwrap();
        assert_eq!(serde_json::to_string(&list).unwrap(), "[1,-0,1.50]");
    }

    #[test]
    fn canonical_spelling() {
        for (text, canonical) in [
            ("5.0", "5"),
            ("5e0", "5"),
            ("1.50", "1.5"),
            ("-0", "0"),
            ("-0.0", "0"),
            ("1e400", "1e400"),
            ("0.0075", "0.0075"),
            ("1.5e-9", "1.5e-9"),
            ("-12.5e1", "-125"),
            ("1e20", "100000000000000000000"),
            ("1e21", "1e21"),
            ("1e22", "1e22"),
            ("123456789012345678901234", "1.23456789012345678901234e23"),
            ("0.000001", "0.000001"),
            ("0.0000001", "1e-7"),
        ] {
            assert_eq!(n(text).canonical(), canonical, "{text}");
        }
    }

    #[test]
    fn static_and_float() {
        const HALF: Number = Number::from_static("0.5");
        assert_eq!(HALF, n("0.50"));
        assert_eq!(Number::from_f64(5.0).unwrap().to_string(), "5.0");
        assert_eq!(Number::from_f64(1e300).unwrap().to_string(), "1e300");
        assert_eq!(std::mem::size_of::<Number>(), 24);
        assert!(Number::from_f64(f64::NAN).is_none());
        assert_eq!(n("1.5").as_f64(), 1.5);
    }
}
