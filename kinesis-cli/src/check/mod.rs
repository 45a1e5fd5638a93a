//! `kinesis check`: everything that can be said about an AsyncAPI 3.0 document before
//! code is generated from it.
//!
//! In order, each stage adding findings (severity, JSON pointer, line and column,
//! message); stages 2 to 4 have a file each (`generator`, `examples`, `lint`),
//! `report` holds the findings and renders them:
//!
//! 1. **version**: the document is AsyncAPI 3.x (else nothing else is checked).
//! 2. **generator**: asyncapi-codegen's check and model, errors and warnings: the
//!    document against the official AsyncAPI JSON Schema of its version (3.0.0 or
//!    3.1.0) with the official parser's own rules (valid or not as `@asyncapi/parser`
//!    says), every `$ref` resolves, every pattern translates from ECMA-262, channel
//!    address parameters match the declared ones, operations name channels and
//!    messages that exist; what the generator cannot type is a warning.
//! 3. **example** (warnings, as `@asyncapi/parser` does not check examples of
//!    AsyncAPI 3 documents): every message example (payload and headers, traits
//!    applied) conforms to its message, judged by the generator's interpreter: the
//!    verdict `kinesis validate` gives the same payload (`format: byte` enforced).
//! 4. **lint** (warnings): likely mistakes that are valid AsyncAPI:
//!    - a `pattern` that is unanchored (`ecma262_regex::is_unanchored`) and looks meant to
//!      match the whole value. JSON Schema patterns search: `[0-9]+` accepts `"x1y"`.
//!      The heuristic: the pattern repeats a character set, i.e. somewhere a character
//!      class (`[...]`, `\d`, `\w`, `\s`, their negations, `\p{..}`, `.`) is followed by
//!      a quantifier (`+`, `*`, `{`). Such a pattern describes the shape of a value
//!      (`[a-zA-Z0-9_.-]+`, `\d{12}`) rather than a word to look for (`error|warning`),
//!      which is the case where a search is usually not what was meant;
//!    - `maxLength` on a `format: byte` string: it counts base64 characters, not bytes;
//!    - a `required` property that the schema does not list in `properties` (nor in its
//!      `allOf` parts or an enclosing schema, nor matched by `patternProperties`).

pub mod examples;
mod generator;
mod lint;
pub mod messages;
pub mod pointers;
mod report;

use std::path::{Path, PathBuf};

use asyncapi_codegen::Document;
use serde_json::Value;

use crate::document;
use crate::error::{Fatal, Status};
use crate::stdio::Stdout;

use report::{Finding, Report};

/// Arguments of `kinesis check`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when the document has no errors (warnings are \
                        allowed), 1 when it has errors, 2 when it cannot be read."
)]
pub struct Args {
    /// The AsyncAPI 3.0 document (YAML or JSON); the bundled Kinesis document when none
    /// is given.
    #[arg(value_name = "SPEC")]
    pub spec: Option<PathBuf>,
    /// The document, named as the other commands name it (the same as SPEC).
    #[arg(long = "spec", value_name = "DOC", conflicts_with = "spec")]
    pub spec_option: Option<PathBuf>,
    /// Print one JSON object:
    /// {"file","errors","warnings","findings":[{"severity","check","pointer","message"}]}.
    #[arg(long)]
    pub json: bool,
}

/// Runs `kinesis check`.
pub fn run(args: &Args) -> Result<Status, Fatal> {
    let (name, findings) = match args.spec.as_ref().or(args.spec_option.as_ref()) {
        Some(path) => {
            let text = document::read(path)?;
            (path.display().to_string(), check_text(path, &text)?)
        }
        None => (
            document::BUNDLED_PATH.to_string(),
            check_text(Path::new(document::BUNDLED_PATH), document::BUNDLED_TEXT)?,
        ),
    };
    let report = Report::new(&name, &findings);
    let mut stdout = Stdout::new();
    if args.json {
        stdout.json(&report)?;
        stdout.line("")?;
    } else {
        stdout.write(&report.to_string())?;
    }
    stdout.flush()?;
    Ok(Status::failed_if(report.errors > 0))
}

/// Checks the document `text` read from `file`.
pub fn check_text(file: &Path, text: &str) -> Result<Vec<Finding>, Fatal> {
    let doc = match Document::parse(file, text) {
        Ok(doc) => doc,
        Err(error) => return Ok(vec![generator::codegen_finding("version", &error, file)]),
    };
    let mut findings = stages(&doc);
    // The stages after the generator's know pointers only: where each is written.
    for finding in &mut findings {
        if finding.file.is_none() && finding.line.is_none() {
            let position = doc.position(&finding.pointer);
            *finding = finding.clone().at(None, position);
        }
    }
    Ok(findings)
}

/// The findings of every stage on `doc`, in order.
fn stages(doc: &Document) -> Vec<Finding> {
    let mut findings = Vec::new();
    // The checks below read the document as serde_json values.
    let root = doc.root.to_serde();
    match root.get("asyncapi") {
        Some(Value::String(version)) if version.starts_with("3.") => {}
        Some(other) => {
            findings.push(Finding::error(
                "version",
                "/asyncapi",
                format!(
                    "not an AsyncAPI 3 document: \"asyncapi\" is {other}; this command checks \
                     AsyncAPI 3.x documents"
                ),
            ));
            return findings;
        }
        None => {
            findings.push(Finding::error(
                "version",
                "",
                "not an AsyncAPI document: the top-level \"asyncapi\" field is missing",
            ));
            return findings;
        }
    }
    generator::check(doc, &mut findings);
    examples::check(doc, &mut findings);
    lint::check(&root, &mut findings);
    findings
}
