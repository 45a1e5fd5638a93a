//! The constraint checks that `#[derive(Validate)]` expands into.
//!
//! The derive stays thin: it parses attributes and emits calls to these functions, so
//! the JSON Schema semantics (code-point lengths, unanchored patterns, exact number
//! comparison) live in one place and are tested here. Not a stable API: reached through
//! `asyncapi_runtime::__private`.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt::Write as _;

use crate::number::Number;
use crate::validate::{Keyword, Path, Report};

pub use ecma262_regex::Pattern;

/// Compiles an ECMA-262 pattern the derive has already compiled once at expansion time
/// with the same `ecma262-regex`: `Pattern::new` only refuses invalid syntax, which the
/// derive reported then, so failure here means the two disagree.
pub fn compile_pattern(source: &str) -> Pattern {
    match Pattern::new(source) {
        Ok(pattern) => pattern,
        Err(error) => panic!("pattern checked at compile time failed to compile: {error}"),
    }
}

/// A value that may hold a string: the string types, and `Option` of them.
pub trait MaybeText {
    /// The string, or `None` when the optional value is absent.
    fn as_text(&self) -> Option<&str>;
}

impl MaybeText for str {
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }
}
impl MaybeText for String {
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }
}
impl MaybeText for std::borrow::Cow<'_, str> {
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }
}
impl MaybeText for Box<str> {
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }
}
impl<T: MaybeText + ?Sized> MaybeText for &T {
    fn as_text(&self) -> Option<&str> {
        (**self).as_text()
    }
}
impl<T: MaybeText> MaybeText for Option<T> {
    fn as_text(&self) -> Option<&str> {
        self.as_ref().and_then(MaybeText::as_text)
    }
}

/// A bound written in a `#[validate(...)]` attribute (`minimum = -1`, `maximum = 2.5`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    /// An integer literal.
    Int(i128),
    /// A float literal, taken at its shortest rendering (`2.5`, `0.1`).
    Float(f64),
}

impl Bound {
    /// The bound as an exact number.
    pub fn to_number(self) -> Number {
        match self {
            Bound::Int(i) => Number::from(i),
            // Attribute literals are finite; a non-finite one bounds nothing sensible.
            Bound::Float(f) => Number::from_f64(f).unwrap_or_else(|| Number::from(0u8)),
        }
    }
}

impl From<Bound> for Number {
    fn from(bound: Bound) -> Number {
        bound.to_number()
    }
}

/// A value that may hold a number: the numeric types, [`Number`], [`crate::Integer`]
/// and `Option` of them.
pub trait MaybeNumber {
    /// The number, exactly, or `None` when the optional value is absent.
    fn as_number(&self) -> Option<Cow<'_, Number>>;
}

macro_rules! int_number {
    ($($ty:ty),*) => {$(
        impl MaybeNumber for $ty {
            fn as_number(&self) -> Option<Cow<'_, Number>> {
                Some(Cow::Owned(Number::from(*self)))
            }
        }
    )*};
}
int_number!(i8, i16, i32, i64, u8, u16, u32, u64, i128);

impl MaybeNumber for f64 {
    /// A `f64` counts as its shortest rendering (`0.1` is exactly one tenth); NaN and
    /// infinities, which JSON cannot hold, are not numbers.
    fn as_number(&self) -> Option<Cow<'_, Number>> {
        Number::from_f64(*self).map(Cow::Owned)
    }
}
impl MaybeNumber for f32 {
    fn as_number(&self) -> Option<Cow<'_, Number>> {
        // The shortest rendering of the f32, not of its widened f64.
        self.to_string().parse::<Number>().ok().map(Cow::Owned)
    }
}
impl MaybeNumber for Number {
    fn as_number(&self) -> Option<Cow<'_, Number>> {
        Some(Cow::Borrowed(self))
    }
}
impl<T: MaybeNumber> MaybeNumber for Option<T> {
    fn as_number(&self) -> Option<Cow<'_, Number>> {
        self.as_ref().and_then(MaybeNumber::as_number)
    }
}
impl<T: MaybeNumber + ?Sized> MaybeNumber for &T {
    fn as_number(&self) -> Option<Cow<'_, Number>> {
        (**self).as_number()
    }
}

/// A value that may hold an array: `Vec`, slices, and `Option` of them.
pub trait MaybeItems {
    /// The element type.
    type Item;
    /// The elements, or `None` when the optional value is absent.
    fn as_items(&self) -> Option<&[Self::Item]>;
}

impl<T> MaybeItems for Vec<T> {
    type Item = T;
    fn as_items(&self) -> Option<&[T]> {
        Some(self)
    }
}
impl<T> MaybeItems for [T] {
    type Item = T;
    fn as_items(&self) -> Option<&[T]> {
        Some(self)
    }
}
impl<T: MaybeItems> MaybeItems for Option<T> {
    type Item = T::Item;
    fn as_items(&self) -> Option<&[T::Item]> {
        self.as_ref().and_then(MaybeItems::as_items)
    }
}

/// A value that may hold a JSON object: maps, and `Option` of them.
pub trait MaybeObject {
    /// The number of properties, or `None` when the optional value is absent.
    fn property_count(&self) -> Option<usize>;
}

impl<V> MaybeObject for std::collections::BTreeMap<String, V> {
    fn property_count(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<V, S> MaybeObject for std::collections::HashMap<String, V, S> {
    fn property_count(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<V> MaybeObject for crate::Map<V> {
    fn property_count(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl MaybeObject for serde_json::Map<String, serde_json::Value> {
    fn property_count(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<T: MaybeObject> MaybeObject for Option<T> {
    fn property_count(&self) -> Option<usize> {
        self.as_ref().and_then(MaybeObject::property_count)
    }
}

/// A value that may hold a map from property names: maps, and `Option` of them.
pub trait MaybeMap {
    /// The value type.
    type Value;
    /// The entries in the map's order, or `None` when the optional value is absent.
    fn map_values(&self) -> Option<impl Iterator<Item = (&str, &Self::Value)>>;
}

impl<V> MaybeMap for std::collections::BTreeMap<String, V> {
    type Value = V;
    fn map_values(&self) -> Option<impl Iterator<Item = (&str, &V)>> {
        Some(self.iter().map(|(key, value)| (key.as_str(), value)))
    }
}
impl<V, S> MaybeMap for std::collections::HashMap<String, V, S> {
    type Value = V;
    fn map_values(&self) -> Option<impl Iterator<Item = (&str, &V)>> {
        Some(self.iter().map(|(key, value)| (key.as_str(), value)))
    }
}
impl<V> MaybeMap for crate::Map<V> {
    type Value = V;
    fn map_values(&self) -> Option<impl Iterator<Item = (&str, &V)>> {
        Some(self.iter().map(|(key, value)| (key.as_str(), value)))
    }
}
impl MaybeMap for serde_json::Map<String, serde_json::Value> {
    type Value = serde_json::Value;
    fn map_values(&self) -> Option<impl Iterator<Item = (&str, &serde_json::Value)>> {
        Some(self.iter().map(|(key, value)| (key.as_str(), value)))
    }
}
impl<T: MaybeMap> MaybeMap for Option<T> {
    type Value = T::Value;
    fn map_values(&self) -> Option<impl Iterator<Item = (&str, &T::Value)>> {
        self.as_ref().and_then(MaybeMap::map_values)
    }
}

/// Counts code points only when the byte length leaves the answer open.
#[inline]
fn code_points_below(text: &str, bound: u64) -> Option<u64> {
    // A code point is 1 to 4 bytes: len/4 <= count <= len.
    let len = text.len() as u64;
    if len < bound {
        return Some(text.chars().count() as u64);
    }
    if len >= bound.saturating_mul(4) {
        return None;
    }
    let count = text.chars().count() as u64;
    (count < bound).then_some(count)
}

#[inline]
fn code_points_above(text: &str, bound: u64) -> Option<u64> {
    if text.len() as u64 <= bound {
        return None;
    }
    let count = text.chars().count() as u64;
    (count > bound).then_some(count)
}

/// Whether `text` has fewer than `bound` code points (counted only when its length in
/// bytes cannot tell).
#[inline]
pub(crate) fn fewer_code_points(text: &str, bound: u64) -> bool {
    let len = text.len() as u64;
    len < bound || (len < bound.saturating_mul(4) && (text.chars().count() as u64) < bound)
}

/// Whether `text` has more than `bound` code points (counted only when its length in
/// bytes cannot tell).
#[inline]
pub(crate) fn more_code_points(text: &str, bound: u64) -> bool {
    text.len() as u64 > bound && text.chars().count() as u64 > bound
}

/// Whether `text` contains a match of `pattern` (remembering recent matches).
pub(crate) fn matches(text: &str, pattern: &Pattern) -> bool {
    is_match_memo(pattern, text)
}

fn plural(count: u64, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

// ------------------------------------------------------------------------ judgements
//
// Each keyword's verdict and message, shared by the checks generated code calls
// (below) and by the schema interpreter, so both report alike. The verdicts are
// `#[inline]` so that they are inlined into generated `validate_at`s, in the crate
// that includes them: a passing check, nearly every check, then costs a compare or
// two there instead of calls into this crate; messages are built out of line
// (`#[cold]`).

/// `minLength`: at least `min` code points.
#[inline]
pub(crate) fn judge_min_length(text: &str, min: u64) -> Option<String> {
    code_points_below(text, min).map(|count| length_message(count, "fewer than minLength", min))
}

/// `maxLength`: at most `max` code points.
#[inline]
pub(crate) fn judge_max_length(text: &str, max: u64) -> Option<String> {
    code_points_above(text, max).map(|count| length_message(count, "more than maxLength", max))
}

/// The message of a failed `minLength` or `maxLength`: `5 characters, more than
/// maxLength 4`.
#[cold]
fn length_message(count: u64, beyond: &str, bound: u64) -> String {
    format!(
        "{}, {beyond} {bound}",
        plural(count, "character", "characters")
    )
}

/// `pattern`: the string contains a match (JSON Schema patterns are not anchored).
#[inline]
pub(crate) fn judge_pattern(text: &str, pattern: &Pattern) -> Option<String> {
    (!is_match_memo(pattern, text)).then(|| pattern_message(text, pattern))
}

#[cold]
fn pattern_message(text: &str, pattern: &Pattern) -> String {
    format!(
        "{} does not match pattern {}",
        excerpt(text),
        pattern.source()
    )
}

/// Which bound a number is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BoundKind {
    Minimum,
    Maximum,
    ExclusiveMinimum,
    ExclusiveMaximum,
}

impl BoundKind {
    pub(crate) fn keyword(self) -> Keyword {
        match self {
            BoundKind::Minimum => Keyword::Minimum,
            BoundKind::Maximum => Keyword::Maximum,
            BoundKind::ExclusiveMinimum => Keyword::ExclusiveMinimum,
            BoundKind::ExclusiveMaximum => Keyword::ExclusiveMaximum,
        }
    }
}

/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, compared exactly.
pub(crate) fn judge_bound(value: &Number, bound: &Number, kind: BoundKind) -> Option<String> {
    let order = value.cmp(bound);
    let (fails, relation) = match kind {
        BoundKind::Minimum => (order == Ordering::Less, "less than"),
        BoundKind::Maximum => (order == Ordering::Greater, "greater than"),
        BoundKind::ExclusiveMinimum => (order != Ordering::Greater, "not greater than"),
        BoundKind::ExclusiveMaximum => (order != Ordering::Less, "not less than"),
    };
    fails.then(|| {
        format!(
            "{} is {relation} {} {}",
            value.canonical(),
            kind.keyword(),
            bound.canonical()
        )
    })
}

/// `multipleOf`: value / divisor is an integer, computed exactly.
pub(crate) fn judge_multiple_of(value: &Number, divisor: &Number) -> Option<String> {
    (!value.is_multiple_of(divisor)).then(|| {
        format!(
            "{} is not a multiple of {}",
            value.canonical(),
            divisor.canonical()
        )
    })
}

/// `minItems`.
pub(crate) fn judge_min_items(len: usize, min: u64) -> Option<String> {
    let len = len as u64;
    (len < min).then(|| {
        format!(
            "{}, fewer than minItems {min}",
            plural(len, "item", "items")
        )
    })
}

/// `maxItems`.
pub(crate) fn judge_max_items(len: usize, max: u64) -> Option<String> {
    let len = len as u64;
    (len > max).then(|| format!("{}, more than maxItems {max}", plural(len, "item", "items")))
}

/// `uniqueItems: true`: the first pair of equal items (as JSON Schema compares).
pub(crate) fn judge_unique_items(items: &[crate::Value]) -> Option<String> {
    let (j, i) = crate::json::first_duplicate(items)?;
    Some(format!(
        "items {j} and {i} are equal, but uniqueItems is set"
    ))
}

/// `minProperties`.
pub(crate) fn judge_min_properties(count: usize, min: u64) -> Option<String> {
    let count = count as u64;
    (count < min).then(|| {
        format!(
            "{}, fewer than minProperties {min}",
            plural(count, "property", "properties")
        )
    })
}

/// `maxProperties`.
pub(crate) fn judge_max_properties(count: usize, max: u64) -> Option<String> {
    let count = count as u64;
    (count > max).then(|| {
        format!(
            "{}, more than maxProperties {max}",
            plural(count, "property", "properties")
        )
    })
}

/// `format: byte`: standard, padded base64 (RFC 4648 section 4).
#[inline]
pub(crate) fn judge_format_byte(text: &str) -> Option<String> {
    crate::base64_data::check_base64(text)
        .err()
        .map(format_byte_message)
}

#[cold]
fn format_byte_message(error: crate::base64_data::Base64Error) -> String {
    let mut message = String::from("not valid base64 (format byte): ");
    let _ = write!(message, "{error}");
    message
}

/// Shortens a value for a message so a 1 MiB string does not become a 1 MiB error.
pub fn excerpt(text: &str) -> String {
    const LIMIT: usize = 64;
    let mut out = String::new();
    let mut chars = text.chars();
    for c in chars.by_ref().take(LIMIT) {
        out.push(c);
    }
    let mut quoted = format!("{out:?}");
    if chars.next().is_some() {
        quoted.pop();
        quoted.push_str("\u{2026}\"");
    }
    quoted
}

/// The last few strings that matched, per pattern, on this thread.
///
/// Payloads repeat values that carry patterns (every record of a Lambda event has the
/// same `eventSourceARN`), and a run of the `regex` crate's engine, of the backtracking
/// one, or a `Segments` check (several literal searches, as for an ARN: about 900
/// instructions) costs several times comparing the string with the last match. Only
/// those patterns are remembered ([`worth_remembering`]): the other specialised checks
/// (one byte scan or literal comparison) cost less than the lookup and the copy into a
/// slot, which would only slow down values that differ from record to record, as
/// sequence numbers do. A slot holds a clone of its `Pattern`, which keeps the compiled pattern alive,
/// so that `Pattern::same_as` identifies the pattern (and its clones) for as long as
/// the slot exists.
struct MatchMemo {
    slots: [Option<(Pattern, String)>; MEMO_SLOTS],
    next: usize,
}

const MEMO_SLOTS: usize = 4;
/// Longer strings are not remembered: comparing them costs about what matching does.
const MEMO_MAX_LEN: usize = 512;

thread_local! {
    static MATCH_MEMO: std::cell::RefCell<MatchMemo> = const {
        std::cell::RefCell::new(MatchMemo { slots: [const { None }; MEMO_SLOTS], next: 0 })
    };
}

/// Whether matches of `pattern` go through [`MatchMemo`]: those run by an engine or by
/// the `Segments` check, not by a single scan.
#[inline]
fn worth_remembering(pattern: &Pattern) -> bool {
    use ecma262_regex::{Engine, MatcherKind};
    matches!(
        pattern.engine(),
        Engine::Backtracking | Engine::Matcher(MatcherKind::Regex | MatcherKind::Segments)
    )
}

/// `pattern.is_match(text)`, answered from [`MatchMemo`] when `text` matched last time.
#[inline]
fn is_match_memo(pattern: &Pattern, text: &str) -> bool {
    if text.len() > MEMO_MAX_LEN || !worth_remembering(pattern) {
        return pattern.is_match(text);
    }
    is_match_remembered(pattern, text)
}

/// [`is_match_memo`] for a pattern worth remembering.
fn is_match_remembered(pattern: &Pattern, text: &str) -> bool {
    let remembered = MATCH_MEMO.try_with(|memo| {
        let Ok(memo) = memo.try_borrow() else {
            return false;
        };
        memo.slots
            .iter()
            .flatten()
            .any(|(p, t)| p.same_as(pattern) && t == text)
    });
    if remembered == Ok(true) {
        return true;
    }
    let matched = pattern.is_match(text);
    if matched {
        let _ = MATCH_MEMO.try_with(|memo| {
            let Ok(mut memo) = memo.try_borrow_mut() else {
                return;
            };
            let memo = &mut *memo;
            let index = memo
                .slots
                .iter()
                .position(|slot| slot.as_ref().is_some_and(|(p, _)| p.same_as(pattern)))
                .unwrap_or_else(|| {
                    let index = memo.next;
                    memo.next = (memo.next + 1) % MEMO_SLOTS;
                    index
                });
            match &mut memo.slots[index] {
                Some((p, t)) if p.same_as(pattern) => {
                    t.clear();
                    t.push_str(text);
                }
                slot => *slot = Some((pattern.clone(), text.to_owned())),
            }
        });
    }
    matched
}

// ------------------------------------------------------------------- checks for the derive

#[inline]
fn report_if(judgement: Option<String>, keyword: Keyword, path: &Path<'_>, report: &mut Report) {
    if let Some(message) = judgement {
        report.push(path, keyword, message);
    }
}

/// `minLength`: at least `min` code points.
pub fn min_length(value: &impl MaybeText, min: u64, path: &Path<'_>, report: &mut Report) {
    let Some(text) = value.as_text() else { return };
    report_if(
        judge_min_length(text, min),
        Keyword::MinLength,
        path,
        report,
    );
}

/// `maxLength`: at most `max` code points.
pub fn max_length(value: &impl MaybeText, max: u64, path: &Path<'_>, report: &mut Report) {
    let Some(text) = value.as_text() else { return };
    report_if(
        judge_max_length(text, max),
        Keyword::MaxLength,
        path,
        report,
    );
}

/// `pattern`: the string contains a match (JSON Schema patterns are not anchored).
pub fn pattern(value: &impl MaybeText, pattern: &Pattern, path: &Path<'_>, report: &mut Report) {
    let Some(text) = value.as_text() else { return };
    report_if(judge_pattern(text, pattern), Keyword::Pattern, path, report);
}

// ----------------------------------------------------------- conditions of `if`

/// Whether `value` passes `minLength: min` as the condition of an `if`: what is not
/// text passes, as in JSON Schema, and a failure writes nothing.
pub fn satisfies_min_length(value: &impl MaybeText, min: u64) -> bool {
    value
        .as_text()
        .is_none_or(|text| !fewer_code_points(text, min))
}

/// Whether `value` passes `maxLength: max` as the condition of an `if`.
pub fn satisfies_max_length(value: &impl MaybeText, max: u64) -> bool {
    value
        .as_text()
        .is_none_or(|text| !more_code_points(text, max))
}

/// Whether `value` passes `pattern` as the condition of an `if`.
pub fn satisfies_pattern(value: &impl MaybeText, pattern: &Pattern) -> bool {
    value.as_text().is_none_or(|text| matches(text, pattern))
}

fn bound_check(
    value: &impl MaybeNumber,
    bound: impl Into<Number>,
    kind: BoundKind,
    path: &Path<'_>,
    report: &mut Report,
) {
    let Some(number) = value.as_number() else {
        return;
    };
    report_if(
        judge_bound(&number, &bound.into(), kind),
        kind.keyword(),
        path,
        report,
    );
}

/// `minimum`: value >= bound.
pub fn minimum(
    value: &impl MaybeNumber,
    bound: impl Into<Number>,
    path: &Path<'_>,
    report: &mut Report,
) {
    bound_check(value, bound, BoundKind::Minimum, path, report)
}

/// `maximum`: value <= bound.
pub fn maximum(
    value: &impl MaybeNumber,
    bound: impl Into<Number>,
    path: &Path<'_>,
    report: &mut Report,
) {
    bound_check(value, bound, BoundKind::Maximum, path, report)
}

/// `exclusiveMinimum` (draft 6+ form): value > bound.
pub fn exclusive_minimum(
    value: &impl MaybeNumber,
    bound: impl Into<Number>,
    path: &Path<'_>,
    report: &mut Report,
) {
    bound_check(value, bound, BoundKind::ExclusiveMinimum, path, report)
}

/// `exclusiveMaximum` (draft 6+ form): value < bound.
pub fn exclusive_maximum(
    value: &impl MaybeNumber,
    bound: impl Into<Number>,
    path: &Path<'_>,
    report: &mut Report,
) {
    bound_check(value, bound, BoundKind::ExclusiveMaximum, path, report)
}

/// `multipleOf`: value / divisor is an integer, computed exactly.
pub fn multiple_of(
    value: &impl MaybeNumber,
    divisor: impl Into<Number>,
    path: &Path<'_>,
    report: &mut Report,
) {
    let Some(number) = value.as_number() else {
        return;
    };
    report_if(
        judge_multiple_of(&number, &divisor.into()),
        Keyword::MultipleOf,
        path,
        report,
    );
}

/// `minItems`.
pub fn min_items<T: MaybeItems + ?Sized>(
    value: &T,
    min: u64,
    path: &Path<'_>,
    report: &mut Report,
) {
    let Some(items) = value.as_items() else {
        return;
    };
    report_if(
        judge_min_items(items.len(), min),
        Keyword::MinItems,
        path,
        report,
    );
}

/// `maxItems`.
pub fn max_items<T: MaybeItems + ?Sized>(
    value: &T,
    max: u64,
    path: &Path<'_>,
    report: &mut Report,
) {
    let Some(items) = value.as_items() else {
        return;
    };
    report_if(
        judge_max_items(items.len(), max),
        Keyword::MaxItems,
        path,
        report,
    );
}

/// `uniqueItems: true`, comparing items as JSON values (so 1 and 1.0 are equal).
pub fn unique_items<T>(value: &T, path: &Path<'_>, report: &mut Report)
where
    T: MaybeItems + ?Sized,
    T::Item: serde::Serialize,
{
    let Some(items) = value.as_items() else {
        return;
    };
    let values: Vec<crate::Value> = items.iter().map(crate::json::to_value).collect();
    report_if(
        judge_unique_items(&values),
        Keyword::UniqueItems,
        path,
        report,
    );
}

/// `minProperties`.
pub fn min_properties(value: &impl MaybeObject, min: u64, path: &Path<'_>, report: &mut Report) {
    let Some(count) = value.property_count() else {
        return;
    };
    report_if(
        judge_min_properties(count, min),
        Keyword::MinProperties,
        path,
        report,
    );
}

/// `maxProperties`.
pub fn max_properties(value: &impl MaybeObject, max: u64, path: &Path<'_>, report: &mut Report) {
    let Some(count) = value.property_count() else {
        return;
    };
    report_if(
        judge_max_properties(count, max),
        Keyword::MaxProperties,
        path,
        report,
    );
}

/// `format: byte`: standard, padded base64 (RFC 4648 section 4).
pub fn format_byte(value: &impl MaybeText, path: &Path<'_>, report: &mut Report) {
    let Some(text) = value.as_text() else { return };
    report_if(judge_format_byte(text), Keyword::Format, path, report);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(f: impl FnOnce(&Path<'_>, &mut Report)) -> Vec<(String, Keyword, String)> {
        let mut report = Report::new();
        f(&Path::ROOT.key("v"), &mut report);
        report
            .into_violations()
            .into_iter()
            .map(|v| (v.pointer, v.keyword, v.message))
            .collect()
    }

    #[test]
    fn lengths_count_code_points() {
        let rocket = "\u{1F680}".repeat(256);
        assert!(run(|p, r| max_length(&rocket, 256, p, r)).is_empty());
        let too_long = "\u{1F680}".repeat(257);
        assert_eq!(
            run(|p, r| max_length(&too_long, 256, p, r)),
            vec![(
                "/v".into(),
                Keyword::MaxLength,
                "257 characters, more than maxLength 256".into()
            )]
        );
        assert_eq!(run(|p, r| min_length(&"", 1, p, r)).len(), 1);
        assert!(run(|p, r| min_length(&"\u{1F680}", 1, p, r)).is_empty());
        assert!(run(|p, r| min_length(&"\u{e9}\u{e9}", 2, p, r)).is_empty());
        assert_eq!(run(|p, r| min_length(&"\u{1F680}", 2, p, r)).len(), 1);
        let none: Option<String> = None;
        assert!(run(|p, r| min_length(&none, 1, p, r)).is_empty());
    }

    #[test]
    fn numbers_compare_exactly() {
        let big: u64 = u64::MAX;
        assert!(run(|p, r| minimum(&big, Bound::Int(0), p, r)).is_empty());
        assert_eq!(run(|p, r| minimum(&-1i64, Bound::Int(0), p, r)).len(), 1);
        assert_eq!(
            run(|p, r| minimum(&-1i64, Bound::Int(0), p, r))[0].2,
            "-1 is less than minimum 0"
        );
        assert!(run(|p, r| maximum(&5.0f64, Bound::Int(5), p, r)).is_empty());
        assert_eq!(
            run(|p, r| exclusive_maximum(&5i64, Bound::Int(5), p, r)).len(),
            1
        );
        assert_eq!(
            run(|p, r| exclusive_minimum(&5i64, Bound::Float(4.5), p, r)).len(),
            0
        );
        // 2^53 + 1 is not equal to 2^53 even though both round to the same f64.
        let above: i64 = (1 << 53) + 1;
        assert_eq!(
            run(|p, r| maximum(&above, Bound::Int(1 << 53), p, r)).len(),
            1
        );
        assert_eq!(run(|p, r| multiple_of(&7i64, Bound::Int(2), p, r)).len(), 1);
        assert!(run(|p, r| multiple_of(&7.5f64, Bound::Float(2.5), p, r)).is_empty());
    }

    #[test]
    fn pattern_is_a_search() {
        let re = compile_pattern("0|([1-9]\\d{0,128})");
        assert!(run(|p, r| pattern(&"x1y", &re, p, r)).is_empty());
        let out = run(|p, r| pattern(&"abc", &re, p, r));
        assert_eq!(
            out[0].2,
            "\"abc\" does not match pattern 0|([1-9]\\d{0,128})"
        );
    }

    #[test]
    fn patterns_the_regex_crate_cannot_express_are_checked() {
        let not_admin = compile_pattern("^(?!admin$)[a-z]+$");
        assert!(run(|p, r| pattern(&"alice", &not_admin, p, r)).is_empty());
        let out = run(|p, r| pattern(&"admin", &not_admin, p, r));
        assert_eq!(
            out[0].2,
            "\"admin\" does not match pattern ^(?!admin$)[a-z]+$"
        );
        let twice = compile_pattern(r"(a)\1");
        assert!(run(|p, r| pattern(&"xaa", &twice, p, r)).is_empty());
        assert_eq!(run(|p, r| pattern(&"aba", &twice, p, r)).len(), 1);
        // The memo remembers matches of these too, per pattern.
        for _ in 0..2 {
            assert!(is_match_memo(&not_admin, "bob"));
            assert!(!is_match_memo(&twice, "bob"));
        }
    }

    /// Whether a slot of this thread's memo holds `pattern`.
    fn remembered(pattern: &Pattern) -> bool {
        MATCH_MEMO.with(|memo| {
            memo.borrow()
                .slots
                .iter()
                .flatten()
                .any(|(p, _)| p.same_as(pattern))
        })
    }

    #[test]
    fn specialised_checks_are_not_remembered() {
        let digit = compile_pattern("0|([1-9]\\d{0,128})");
        let name = compile_pattern("^[a-z0-9-]{1,64}$");
        assert!(!worth_remembering(&digit) && !worth_remembering(&name));
        for _ in 0..2 {
            assert!(is_match_memo(&digit, "x1y"));
            assert!(is_match_memo(&name, "stream-1"));
        }
        assert!(!remembered(&digit) && !remembered(&name));
        let engine = compile_pattern("\\b[0-9]+$");
        let arn = compile_pattern("arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+");
        assert!(worth_remembering(&engine) && worth_remembering(&arn));
        assert!(is_match_memo(&engine, "x 12"));
        assert!(is_match_memo(
            &arn,
            "arn:aws:kinesis:eu-west-1:123456789012:stream/s"
        ));
        assert!(remembered(&engine) && remembered(&arn));
    }

    #[test]
    fn remembered_matches_belong_to_their_pattern() {
        // Patterns the `regex` crate's engine runs, which the memo remembers.
        let digits = compile_pattern("\\b[0-9]+$");
        let letters = compile_pattern("\\b[a-z]+$");
        assert!(worth_remembering(&digits) && worth_remembering(&letters));
        for _ in 0..3 {
            assert!(is_match_memo(&digits, "123"));
            assert!(!is_match_memo(&letters, "123"));
            assert!(is_match_memo(&letters, "abc"));
            assert!(!is_match_memo(&digits, "abc"));
        }
        // A pattern built after another is dropped, at whatever address, starts afresh.
        for source in ["\\b1", "\\b2", "\\b3", "\\b4", "\\b5", "\\b6"] {
            let pattern = compile_pattern(source);
            assert!(worth_remembering(&pattern));
            assert_eq!(is_match_memo(&pattern, "1"), source.ends_with('1'));
            assert_eq!(is_match_memo(&pattern, "1"), source.ends_with('1'));
        }
        let long = "1".repeat(MEMO_MAX_LEN + 1);
        assert!(is_match_memo(&digits, &long));
        assert!(!is_match_memo(&letters, &long));
    }

    #[test]
    fn items_and_properties() {
        let items = vec![1, 2];
        assert_eq!(run(|p, r| min_items(&items, 3, p, r)).len(), 1);
        assert_eq!(run(|p, r| max_items(&items, 1, p, r)).len(), 1);
        let dup = vec![serde_json::json!(1), serde_json::json!(1.0)];
        assert_eq!(run(|p, r| unique_items(&dup, p, r)).len(), 1);
        let map: std::collections::BTreeMap<String, i32> = [("a".to_string(), 1)].into();
        assert_eq!(run(|p, r| min_properties(&map, 2, p, r)).len(), 1);
        assert_eq!(run(|p, r| max_properties(&map, 0, p, r)).len(), 1);
    }

    #[test]
    fn excerpt_truncates() {
        assert_eq!(excerpt("ab"), "\"ab\"");
        let long = "a".repeat(100);
        assert!(excerpt(&long).ends_with("\u{2026}\""));
    }
}
