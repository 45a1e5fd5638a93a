//! Refusing a breaking change against a committed baseline document, from a build
//! script or a test.
//!
//! Commit a copy of the document as it was released (say
//! `spec/orders.baseline.asyncapi.yaml`) and build with:
//!
//! ```no_run
//! // build.rs
//! use asyncapi_codegen::diff::Party;
//!
//! fn main() {
//!     asyncapi_codegen::Builder::new("spec/orders.asyncapi.yaml")
//!         .compile_refusing_breaking("spec/orders.baseline.asyncapi.yaml", &[Party::Consumers, Party::Api]);
//! }
//! ```
//!
//! A change that breaks one of the parties named fails the build with one
//! `cargo::error=` per change (`#/pointer: kind: message [verdicts]`); changes that
//! could not be classified for them are `cargo::warning=`s. To accept a breaking
//! change deliberately, copy the document over the baseline in the same commit: the
//! review then shows both. Files the baseline's `$ref`s read are resolved next to it,
//! so a baseline of a document split over several files is a copy of the folder.

use std::fmt;
use std::path::{Path, PathBuf};

use super::{diff_with, Change, Diff, Options, Party, Verdict};
use crate::error::Error;
use crate::load::Document;
use crate::Builder;

/// Why [`check_against`] refused a document.
#[derive(Debug)]
#[non_exhaustive]
pub enum Refusal {
    /// The baseline could not be read or is not a valid document.
    Baseline(Error),
    /// The current document could not be read or is not a valid document.
    Current(Error),
    /// Changes from the baseline break parties that were to be protected.
    Breaking {
        /// The baseline's path.
        baseline: PathBuf,
        /// Every change (breaking or not).
        diff: Diff,
        /// The parties checked.
        parties: Vec<Party>,
    },
}

impl Refusal {
    /// The changes that caused the refusal (empty when a document could not be read).
    pub fn changes(&self) -> Vec<&Change> {
        match self {
            Refusal::Breaking { diff, parties, .. } => diff
                .changes()
                .iter()
                .filter(|c| parties.iter().any(|p| c.verdict(*p) == Verdict::Breaking))
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Baseline(error) => write!(
                f,
                "the baseline document cannot be used: {error} (commit a copy of the released document as the baseline)"
            ),
            Refusal::Current(error) => write!(f, "{error}"),
            Refusal::Breaking { baseline, parties, .. } => {
                let names: Vec<&str> = parties.iter().map(|p| p.as_str()).collect();
                let changes = self.changes();
                write!(
                    f,
                    "{} change(s) from the baseline {} break {}:",
                    changes.len(),
                    baseline.display(),
                    names.join(", ")
                )?;
                for change in changes {
                    write!(f, "\n  {change}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Refusal {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Refusal::Baseline(error) | Refusal::Current(error) => Some(error),
            Refusal::Breaking { .. } => None,
        }
    }
}

/// Compares the document at `current` with the one at `baseline` and refuses it when a
/// change breaks one of `parties`; the diff otherwise (which may hold compatible and
/// unclassified changes).
pub fn check_against(
    baseline: impl AsRef<Path>,
    current: impl AsRef<Path>,
    parties: &[Party],
) -> Result<Diff, Refusal> {
    check_with(
        baseline.as_ref(),
        current.as_ref(),
        parties,
        &Options::default(),
    )
}

fn check_with(
    baseline: &Path,
    current: &Path,
    parties: &[Party],
    options: &Options,
) -> Result<Diff, Refusal> {
    let old = Document::load(baseline).map_err(Refusal::Baseline)?;
    let new = Document::load(current).map_err(Refusal::Current)?;
    // Which document is at fault for an error found past loading: try each alone.
    let diff = match diff_with(&old, &new, options) {
        Ok(diff) => diff,
        Err(error) => {
            return Err(match crate::model_of(&old) {
                Err(baseline_error) => Refusal::Baseline(baseline_error),
                Ok(_) => Refusal::Current(error),
            })
        }
    };
    if parties.iter().any(|p| diff.is_breaking_for(*p)) {
        return Err(Refusal::Breaking {
            baseline: baseline.to_path_buf(),
            diff,
            parties: parties.to_vec(),
        });
    }
    Ok(diff)
}

impl Builder {
    /// For build scripts: compares the document with a committed `baseline` and
    /// refuses it when a change breaks one of `parties` (see [`check_against`]). The
    /// generated code is compared as this builder generates it. Prints
    /// `cargo:rerun-if-changed` for the baseline.
    pub fn refuse_breaking(
        &self,
        baseline: impl Into<PathBuf>,
        parties: &[Party],
    ) -> Result<Diff, Refusal> {
        let baseline = baseline.into();
        println!("cargo:rerun-if-changed={}", baseline.display());
        let options = Options {
            borrowed: self.borrowed,
        };
        check_with(&baseline, &self.document, parties, &options)
    }

    /// For build scripts: [`Builder::refuse_breaking`], then [`Builder::compile`] when
    /// nothing breaks `parties`. A refusal fails the build with one `cargo::error=`
    /// per breaking change; changes unclassified for `parties` are
    /// `cargo::warning=`s.
    pub fn compile_refusing_breaking(&self, baseline: impl Into<PathBuf>, parties: &[Party]) {
        match self.refuse_breaking(baseline, parties) {
            Ok(diff) => {
                for change in diff.changes() {
                    let unclassified: Vec<&str> = parties
                        .iter()
                        .filter(|p| change.verdict(**p) == Verdict::Unclassified)
                        .map(|p| p.as_str())
                        .collect();
                    if !unclassified.is_empty() {
                        println!(
                            "cargo::warning=not classified for {}: {}",
                            unclassified.join(", "),
                            change.to_string().replace(['\n', '\r'], " ")
                        );
                    }
                }
                self.compile();
            }
            Err(refusal @ Refusal::Breaking { .. }) => {
                for change in refusal.changes() {
                    println!(
                        "cargo::error=breaking change: {}",
                        change.to_string().replace(['\n', '\r'], " ")
                    );
                }
            }
            Err(other) => println!(
                "cargo::error={}",
                other.to_string().replace(['\n', '\r'], " ")
            ),
        }
    }
}
