//! `kinesis generate`: the Rust that asyncapi-codegen produces for a document.

use std::path::{Path, PathBuf};

use asyncapi_codegen::{Builder, Document};

use crate::document;
use crate::error::{Fatal, Status};
use crate::stdio::{self, Stdout};

/// Arguments of `kinesis generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The AsyncAPI 3.0 document (YAML or JSON); the bundled Kinesis document when
    /// none is given.
    #[arg(value_name = "SPEC")]
    pub spec: Option<PathBuf>,
    /// Write the code to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `kinesis generate`. A document the generator refuses is an error of the
/// document (exit status 1), with every problem listed.
pub fn run(args: &Args) -> Result<Status, Fatal> {
    let (doc, file_name) = match &args.spec {
        Some(path) => {
            let text = document::read(path)?;
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            );
            (Document::parse(path, &text), name)
        }
        None => {
            let name = Path::new(document::BUNDLED_PATH)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                Document::parse(Path::new(document::BUNDLED_PATH), document::BUNDLED_TEXT),
                name,
            )
        }
    };
    // The builder only uses the file name, for the header of the generated file.
    let code = doc.and_then(|doc| Builder::new(&file_name).generate_from(&doc));
    let code = match code {
        Ok(code) => code,
        Err(error) => {
            let problems = error.flatten();
            let mut text = String::new();
            for problem in &problems {
                text.push_str(&format!("{problem}\n"));
            }
            let count = problems.len();
            text.push_str(&format!(
                "kinesis: no code generated: {count} problem{}\n",
                if count == 1 { "" } else { "s" }
            ));
            stdio::say(&text);
            return Ok(Status::Failed);
        }
    };
    match &args.output {
        Some(path) => std::fs::write(path, &code).map_err(|error| Fatal::Write {
            path: path.clone(),
            error,
        })?,
        None => {
            let mut stdout = Stdout::new();
            stdout.write(&code)?;
            stdout.flush()?;
        }
    }
    Ok(Status::Ok)
}
