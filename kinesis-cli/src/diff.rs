//! `kinesis diff OLD NEW`: every change between two versions of an AsyncAPI 3.0
//! document, judged for consumers, producers and the Rust API by
//! `asyncapi_codegen::diff`, reported by message, with an exit status for CI.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use asyncapi_codegen::diff::{Change, Diff, Party, Verdict};
use asyncapi_codegen::Document;

use crate::error::{Fatal, Status};
use crate::stdio::Stdout;

/// Arguments of `kinesis diff`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "A document is a file, or git:REV:PATH for the document at a git \
                        revision of the repository the command runs in (its $refs to other \
                        files are read from the working tree).\n\n\
                        Exit status: 0 when no change breaks the parties asked about \
                        (--for), 1 when one does (or, with --strict, cannot be classified), \
                        2 for usage errors and documents that cannot be read or that the \
                        generator refuses."
)]
pub struct Args {
    /// The document as it was.
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The document as it is now.
    #[arg(value_name = "NEW")]
    pub new: String,
    /// The parties whose breakage fails the run: consumers (readers built for OLD
    /// reading what NEW producers send), producers (what OLD producers send, read
    /// against NEW), api (Rust code written against OLD's generated types), or all.
    #[arg(long = "for", value_name = "PARTY", default_value = "all", value_parser = parties)]
    pub parties: Parties,
    /// Changes that cannot be classified for a party asked about fail the run too.
    #[arg(long)]
    pub strict: bool,
    /// Print one JSON object: {"changes":[{"pointer","side","kind","message",
    /// "consumers","producers","api","messages","rust",...}],"summary":{...}}.
    #[arg(long)]
    pub json: bool,
}

/// The parties of `--for`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parties(pub Vec<Party>);

/// `--for`: one party, or `all`.
fn parties(text: &str) -> Result<Parties, String> {
    if text == "all" {
        return Ok(Parties(Party::ALL.to_vec()));
    }
    Party::parse(text)
        .map(|party| Parties(vec![party]))
        .ok_or_else(|| format!("{text:?} is not consumers, producers, api or all"))
}

/// Runs `kinesis diff`.
pub fn run(args: &Args) -> Result<Status, Fatal> {
    let old = load(&args.old)?;
    let new = load(&args.new)?;
    let diff = asyncapi_codegen::diff::diff(&old, &new).map_err(|error| {
        let problems: Vec<String> = error.flatten().iter().map(ToString::to_string).collect();
        Fatal::new(format!(
            "the documents cannot be compared:\n{}",
            problems.join("\n")
        ))
    })?;
    let parties = &args.parties.0;
    let mut stdout = Stdout::new();
    if args.json {
        stdout.write(&diff.to_json().to_json())?;
        stdout.line("")?;
    } else {
        stdout.write(&report(&diff))?;
    }
    stdout.flush()?;
    let fails = |party: Party| match diff.verdict(party) {
        Verdict::Breaking => true,
        Verdict::Unclassified => args.strict,
        Verdict::Compatible => false,
    };
    Ok(Status::failed_if(parties.iter().any(|&party| fails(party))))
}

/// A document named on the command line: a file, or `git:REV:PATH`.
fn load(name: &str) -> Result<Document, Fatal> {
    let Some(spec) = name.strip_prefix("git:") else {
        return Document::load(Path::new(name))
            .map_err(|error| Fatal::new(format!("{name}: {error}")));
    };
    let Some((rev, path)) = spec.split_once(':') else {
        return Err(Fatal::new(format!(
            "{name}: a document in git history is git:REV:PATH (git:HEAD~1:spec/orders.yaml)"
        )));
    };
    let output = Command::new("git")
        .args(["show", &format!("{rev}:{path}")])
        .output()
        .map_err(|error| Fatal::new(format!("{name}: cannot run git: {error}")))?;
    if !output.status.success() {
        return Err(Fatal::new(format!(
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    let text = String::from_utf8(output.stdout)
        .map_err(|_| Fatal::new(format!("{name}: the document is not UTF-8")))?;
    // Named by its path, so that `$ref`s to other files resolve next to it and
    // messages point at the file people know.
    Document::parse(&PathBuf::from(path), &text)
        .map_err(|error| Fatal::new(format!("{name}: {error}")))
}

/// The report for people: changes grouped by the message they affect (changes outside
/// messages last, under "document"), then one verdict line per party.
pub fn report(diff: &Diff) -> String {
    let mut out = String::new();
    if diff.is_empty() {
        out.push_str("no changes\n");
    } else {
        let mut groups: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
        let mut outside = Vec::new();
        for change in diff.changes() {
            if change.messages().is_empty() {
                outside.push(change);
            }
            for message in change.messages() {
                groups.entry(message).or_default().push(change);
            }
        }
        for (message, changes) in groups {
            out.push_str(&format!("message {message}:\n"));
            for change in changes {
                out.push_str(&line(change));
            }
        }
        if !outside.is_empty() {
            out.push_str("document:\n");
            for change in outside {
                out.push_str(&line(change));
            }
        }
        out.push('\n');
    }
    for party in Party::ALL {
        let count = diff.breaking_for(party).len();
        let unclassified = diff.unclassified_for(party).len();
        out.push_str(&format!("{party}: {}", diff.verdict(party)));
        if count > 0 || unclassified > 0 {
            out.push_str(&format!(" ({count} breaking, {unclassified} unclassified)"));
        }
        out.push('\n');
    }
    out
}

fn line(change: &Change) -> String {
    let mut text = format!(
        "  {}: {}: {}\n    consumers: {}, producers: {}, api: {}\n",
        change.location(),
        change.kind().as_str(),
        change.message().replace(['\n', '\r'], " "),
        change.verdict(Party::Consumers),
        change.verdict(Party::Producers),
        change.verdict(Party::Api),
    );
    for party in [Party::Consumers, Party::Producers] {
        if let Some(witness) = change.witness(party) {
            let at = if witness.instance().is_empty() {
                String::new()
            } else {
                format!(" (at {})", witness.instance())
            };
            let what = match (witness.is_whole_payload(), witness.message()) {
                (true, Some(message)) => format!("for example this {message} payload"),
                (true, None) => "for example this payload".to_string(),
                (false, _) => "for example this value".to_string(),
            };
            text.push_str(&format!(
                "    breaks {party}, {what}{at}: {}\n",
                witness.value().to_json()
            ));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties_are_read_by_name() {
        assert_eq!(parties("all").unwrap().0, Party::ALL.to_vec());
        assert_eq!(parties("api").unwrap().0, vec![Party::Api]);
        assert!(parties("readers").unwrap_err().contains("readers"));
    }

    #[test]
    fn git_names_need_a_revision_and_a_path() {
        let error = load("git:HEAD").err().unwrap().to_string();
        assert!(error.contains("git:REV:PATH"), "{error}");
    }
}
