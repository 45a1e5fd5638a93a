//! Stage 3, check: everything about the bundled document that must hold before a
//! model is built, every problem collected (not just the first), each located.
//!
//! - the document is AsyncAPI 3.x ([`document`]);
//! - channels, messages, operations, servers and replies have the shape the
//!   specification gives them, operations name channels, and their messages are
//!   messages of those channels ([`document`]); channel address parameters match the
//!   declared ones ([`address`]);
//! - every schema is a valid draft-07 schema: each keyword's value has its type, every
//!   `pattern` translates from ECMA-262, no `$ref` chain or self-application loops
//!   ([`schema`]).
//!
//! What is valid but likely a mistake (a misspelt keyword, siblings of `$ref`, which
//! draft 07 ignores, `allOf` parts that contradict each other (`all_of`), a `discriminator` that
//! `oneOf` cannot rely on (`discriminator`)) is returned as [`Warning`]s.

pub mod address;
mod all_of;
mod discriminator;
pub mod document;
pub mod schema;

use crate::bundle::Bundle;
use crate::error::{Error, Problem, Warning};

/// Collects the problems of one document.
pub(crate) struct Findings<'b> {
    pub bundle: &'b Bundle,
    pub errors: Vec<Error>,
    pub warnings: Vec<Warning>,
}

impl<'b> Findings<'b> {
    pub(crate) fn new(bundle: &'b Bundle) -> Self {
        Findings {
            bundle,
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Records a problem at `at`; one per place: a value of the wrong kind is reported
    /// once, by whichever check reaches it first.
    pub(crate) fn error(&mut self, at: &str, problem: Problem) {
        let error = self.bundle.error_at(at, problem);
        let same_place = |e: &Error| matches!((e, &error), (Error::At { location: a, .. }, Error::At { location: b, .. }) if a.file == b.file && a.pointer == b.pointer);
        if !self.errors.iter().any(same_place) {
            self.errors.push(error);
        }
    }

    pub(crate) fn bad(&mut self, at: &str, keyword: &str, expected: &str) {
        self.error(
            at,
            Problem::BadValue {
                keyword: keyword.into(),
                expected: expected.into(),
            },
        );
    }

    pub(crate) fn warn(&mut self, at: &str, message: impl Into<String>) {
        self.warnings.push(Warning {
            location: self.bundle.locate(at),
            message: message.into(),
        });
    }
}

/// Checks a bundled document; its warnings, or every problem found.
pub fn check(bundle: &Bundle) -> Result<Vec<Warning>, Error> {
    document::version(bundle)?;
    let mut findings = Findings::new(bundle);
    document::structure(&mut findings);
    address::parameters(&mut findings);
    if findings.errors.is_empty() {
        schema::schemas(&mut findings);
    }
    Error::from_list(findings.errors)?;
    findings
        .warnings
        .sort_by(|a, b| a.location.pointer.cmp(&b.location.pointer));
    findings.warnings.dedup();
    Ok(findings.warnings)
}
