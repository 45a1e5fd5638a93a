//! What `kinesis check` found, and the [`Report`] of it: one JSON object with `--json`
//! (serde), lines for people otherwise (its `Display`).

use std::fmt;

use serde::Serialize;

/// Longest message of a finding, in characters (official schema errors quote values).
const MESSAGE_LIMIT: usize = 400;

/// How bad a finding is (`error`, `warning` in reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
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

/// One thing found in the document; in JSON
/// `{"severity":...,"check":...,"pointer":...,"message":...}`, with `"line"` and
/// `"column"` where the value is written, and `"file"` when that is another file than
/// the checked document (one it references).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// How bad it is.
    pub severity: Severity,
    /// The stage that found it: `version`, `generator`, `example`, `lint`.
    pub check: &'static str,
    /// The file the pointer is into, when it is not the checked document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// RFC 6901 pointer into the document (or into `file`).
    pub pointer: String,
    /// 1-based line where the value is written, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column where the value is written, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
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
            file: None,
            pointer: pointer.into(),
            line: None,
            column: None,
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
            file: None,
            pointer: pointer.into(),
            line: None,
            column: None,
            message: shorten(message.into()),
        }
    }
}

impl Finding {
    /// The finding, located at `position` (line, column) in `file` (`None`: the
    /// checked document).
    pub fn at(mut self, file: Option<String>, position: Option<(usize, usize)>) -> Self {
        self.file = file;
        if let Some((line, column)) = position {
            self.line = Some(line);
            self.column = Some(column);
        }
        self
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

/// The report on one document. In JSON
/// `{"file":...,"errors":N,"warnings":N,"findings":[...]}`; for people one line per
/// finding, `FILE:LINE:COLUMN: #POINTER: SEVERITY: MESSAGE` (as asyncapi-codegen
/// locates its errors; `FILE: #POINTER` where the position is not known), then
/// `FILE: N errors, N warnings`.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// How the document is named: its path as given, or the bundled document's path.
    pub file: &'a str,
    /// The number of errors.
    pub errors: usize,
    /// The number of warnings.
    pub warnings: usize,
    /// Every finding, in the order of the stages.
    pub findings: &'a [Finding],
}

impl<'a> Report<'a> {
    /// The report on `findings` in the document `file`.
    pub fn new(file: &'a str, findings: &'a [Finding]) -> Report<'a> {
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        Report {
            file,
            errors,
            warnings: findings.len() - errors,
            findings,
        }
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.file;
        for finding in self.findings {
            let file = finding.file.as_deref().unwrap_or(name);
            match (finding.line, finding.column) {
                (Some(line), Some(column)) => write!(f, "{file}:{line}:{column}: ")?,
                _ => write!(f, "{file}: ")?,
            }
            writeln!(
                f,
                "#{}: {}: {}",
                finding.pointer,
                finding.severity.as_str(),
                finding.message
            )?;
        }
        let (errors, warnings) = (self.errors, self.warnings);
        writeln!(
            f,
            "{name}: {errors} error{}, {warnings} warning{}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        )
    }
}
