//! Rendering results for people (default) and for programs (`--json`).
//!
//! JSON objects are written field by field, so their key order is the documented one
//! whatever serde_json's map type.

use std::fmt::Write as _;

use kinesis_types::{MessageName, Violation};

use crate::verdict::{Outcome, Tally, Verdict};

/// Appends `text` as a JSON string.
pub fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends `["A","B"]`.
fn json_names(out: &mut String, names: &[MessageName]) {
    out.push('[');
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_string(out, name.name());
    }
    out.push(']');
}

/// Appends `[{"path":...,"keyword":...,"message":...}, ...]`.
fn json_violations(out: &mut String, violations: &[Violation]) {
    out.push('[');
    for (i, violation) in violations.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"path\":");
        json_string(out, &violation.pointer);
        out.push_str(",\"keyword\":");
        json_string(out, violation.keyword.as_str());
        out.push_str(",\"message\":");
        json_string(out, &violation.message);
        out.push('}');
    }
    out.push(']');
}

/// One payload as one line of JSON:
///
/// - `{"valid":true}` (`,"value":...` with `--emit`) when the message was named;
/// - `{"valid":true,"matches":["A"]}` when it was not (several names when several fit);
/// - `{"valid":false,"errors":[...]}`, and without a named message
///   `{"valid":false,"matches":[],"closest":"A","errors":[...]}` where `errors` are the
///   violations against the closest message (`closest` is left out for syntax errors).
///
/// `tried_all` is true when no message was named: then every object has `matches`.
pub fn payload_json(out: &mut String, outcome: &Outcome, tried_all: bool) {
    out.push_str("{\"valid\":");
    out.push_str(if outcome.verdict.is_valid() {
        "true"
    } else {
        "false"
    });
    match &outcome.verdict {
        Verdict::Valid {
            matches: Some(matches),
            ..
        } => {
            out.push_str(",\"matches\":");
            json_names(out, matches);
        }
        Verdict::Valid { .. } => {}
        Verdict::NoMatch { by_message } => {
            out.push_str(",\"matches\":[]");
            if let Some((closest, _)) = by_message.first() {
                out.push_str(",\"closest\":");
                json_string(out, closest.name());
            }
        }
        Verdict::Syntax { .. } | Verdict::Invalid { .. } => {
            if tried_all {
                out.push_str(",\"matches\":[]");
            }
        }
    }
    if !outcome.verdict.is_valid() {
        out.push_str(",\"errors\":");
        json_violations(out, &outcome.verdict.violations());
    }
    if let Some(value) = &outcome.value {
        out.push_str(",\"value\":");
        out.push_str(value);
    }
    out.push_str("}\n");
}

/// `FILE` or `FILE:LINE`.
fn location(source: &str, line: Option<u64>) -> String {
    match line {
        Some(line) => format!("{source}:{line}"),
        None => source.to_string(),
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn violation_lines(out: &mut String, indent: &str, violations: &[Violation]) {
    for violation in violations {
        let _ = writeln!(out, "{indent}{violation}");
    }
}

/// One payload for people:
///
/// ```text
/// FILE[:LINE]: valid KinesisRecord
/// FILE[:LINE]: invalid KinesisRecord: 2 violations
///   /PartitionKey: 257 characters, more than maxLength 256
/// FILE:LINE:COLUMN: not valid JSON: expected value
/// ```
pub fn payload_human(out: &mut String, source: &str, line: Option<u64>, verdict: &Verdict) {
    let at = location(source, line);
    match verdict {
        Verdict::Valid {
            message,
            matches: None,
        } => {
            let _ = writeln!(out, "{at}: valid {message}");
        }
        Verdict::Valid {
            matches: Some(matches),
            ..
        } => {
            if let [only] = matches.as_slice() {
                let _ = writeln!(out, "{at}: valid {only}");
            } else {
                let names: Vec<_> = matches.iter().map(|m| m.name()).collect();
                let _ = writeln!(
                    out,
                    "{at}: valid, fits {} messages: {}",
                    matches.len(),
                    names.join(", ")
                );
            }
        }
        Verdict::Syntax {
            line,
            column,
            message,
        } => {
            let _ = writeln!(out, "{source}:{line}:{column}: not valid JSON: {message}");
        }
        Verdict::Invalid {
            message,
            violations,
        } => {
            let _ = writeln!(
                out,
                "{at}: invalid {message}: {}",
                plural(violations.len(), "violation", "violations")
            );
            violation_lines(out, "  ", violations);
        }
        Verdict::NoMatch { by_message } => {
            let closest = by_message.first().map_or("", |(m, _)| m.name());
            let _ = writeln!(
                out,
                "{at}: invalid: fits none of the {} messages; closest is {closest}",
                by_message.len()
            );
            for (message, violations) in by_message {
                let _ = writeln!(
                    out,
                    "  as {message}: {}",
                    plural(violations.len(), "violation", "violations")
                );
                violation_lines(out, "    ", violations);
            }
        }
    }
}

/// The closing line of `kinesis validate` for people:
/// `N payloads: V valid, I invalid`.
pub fn summary(tally: &Tally) -> String {
    let total = tally.valid + tally.invalid;
    let mut line = format!(
        "{}: {} valid, {} invalid",
        plural(total as usize, "payload", "payloads"),
        tally.valid,
        tally.invalid
    );
    if tally.ambiguous > 0 {
        let _ = write!(line, " ({} fit more than one message)", tally.ambiguous);
    }
    line
}
