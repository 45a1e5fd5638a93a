//! What `kinesis check` found, and how it is reported.

use std::fmt::Write as _;

use crate::output::json_string;

/// Longest message of a finding, in characters (official schema errors quote values).
const MESSAGE_LIMIT: usize = 400;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The document is wrong: generation or validation would fail or mislead.
    Error,
    /// Probably a mistake, but valid.
    Warning,
}

impl Severity {
    fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing found in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How bad it is.
    pub severity: Severity,
    /// The stage that found it: `version`, `schema`, `generator`, `example`, `lint`.
    pub check: &'static str,
    /// RFC 6901 pointer into the document.
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

impl Finding {
    /// An error found by the stage `check`.
    pub fn error(
        check: &'static str,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            severity: Severity::Error,
            check,
            pointer: pointer.into(),
            message: shorten(message.into()),
        }
    }

    /// A warning found by the stage `check`.
    pub fn warning(
        check: &'static str,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            severity: Severity::Warning,
            check,
            pointer: pointer.into(),
            message: shorten(message.into()),
        }
    }
}

/// `message`, cut at [`MESSAGE_LIMIT`] characters.
pub fn shorten(message: String) -> String {
    if message.chars().count() <= MESSAGE_LIMIT {
        return message;
    }
    let mut short: String = message.chars().take(MESSAGE_LIMIT).collect();
    short.push('…');
    short
}

fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

/// The report for people: one line per finding, then the counts.
pub fn render_human(name: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let _ = writeln!(
            out,
            "{name}#{}: {}: {}",
            finding.pointer,
            finding.severity.as_str(),
            finding.message
        );
    }
    let (errors, warnings) = counts(findings);
    let _ = writeln!(
        out,
        "{name}: {errors} error{}, {warnings} warning{}",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    );
    out
}

/// The report as one JSON object.
pub fn render_json(name: &str, findings: &[Finding]) -> String {
    let (errors, warnings) = counts(findings);
    let mut out = String::from("{\"file\":");
    json_string(&mut out, name);
    let _ = write!(
        out,
        ",\"errors\":{errors},\"warnings\":{warnings},\"findings\":["
    );
    for (i, finding) in findings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"severity\":");
        json_string(&mut out, finding.severity.as_str());
        out.push_str(",\"check\":");
        json_string(&mut out, finding.check);
        out.push_str(",\"pointer\":");
        json_string(&mut out, &finding.pointer);
        out.push_str(",\"message\":");
        json_string(&mut out, &finding.message);
        out.push('}');
    }
    out.push_str("]}\n");
    out
}
