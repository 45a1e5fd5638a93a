//! Which changes between two versions of a document break whom.
//!
//! [`diff`] runs both documents through the pipeline (bundle, check, merge, model) and
//! reports every change, each with a verdict for three parties:
//!
//! - **consumers**: can a reader built for the old document read everything a producer
//!   built for the new one may send? (is every payload valid for NEW valid for OLD?)
//! - **producers**: does everything a producer built for the old document sends still
//!   conform to the new one? (is every payload valid for OLD valid for NEW?)
//! - **api**: does Rust code written against the old document's generated types still
//!   compile against the new ones?
//!
//! Each verdict is [`Verdict::Compatible`], [`Verdict::Breaking`] or
//! [`Verdict::Unclassified`], never guessed:
//!
//! - *compatible* is proven by rules that hold for every payload (JSON Schema draft-07
//!   semantics, exact numbers, patterns compared only where a superset is provable);
//! - *breaking* is shown by a witness: a value (and, where one can be built, a whole
//!   payload checked by the schema interpreter against both documents) that one
//!   document accepts and the other refuses, or a Rust item that changed;
//! - *unclassified* is what neither could establish (an arbitrary `pattern` edit, a
//!   change inside a `oneOf` alternative, ...).
//!
//! Schemas are compared semantically at each message's payload and headers, following
//! `$ref`s on both sides: moving a schema behind a `$ref`, reordering properties or
//! renaming a component schema changes nothing for payloads (the Rust API may still
//! change: types are named after components). See [`Kind`] for every kind of change and
//! how it is judged.
//!
//! ```no_run
//! use asyncapi_codegen::diff::{self, Party};
//! use asyncapi_codegen::Document;
//! use std::path::Path;
//!
//! let old = Document::load(Path::new("spec/orders.v1.yaml"))?;
//! let new = Document::load(Path::new("spec/orders.yaml"))?;
//! let changes = diff::diff(&old, &new)?;
//! print!("{changes}");
//! if changes.is_breaking_for(Party::Consumers) {
//!     eprintln!("readers built for v1 cannot read what v2 producers send");
//! }
//! # Ok::<(), asyncapi_codegen::Error>(())
//! ```
//!
//! For build scripts that must refuse a breaking change against a committed baseline,
//! see [`check_against`] and [`Builder::refuse_breaking`](crate::Builder::refuse_breaking).
//!
//! A command line prints [`Diff`]'s `Display` (one line per change) or
//! [`Diff::to_json`], and decides its exit status with [`Diff::is_breaking_for`] for
//! the parties asked about ([`Party::parse`] reads `consumers`, `producers`, `api`).
//! A document at a git revision is read with [`Document::parse`] from `git show`'s
//! output; one whose `$ref`s read other files needs those files at the same revision
//! next to it (a checkout of the revision), since references are resolved against the
//! document's path.

// Errors are the crate's `Error`, as every stage returns it.
#![allow(clippy::result_large_err)]

mod api;
mod document;
mod guard;
mod kind;
mod pattern;
mod sample;
mod schema;
mod witness;

use std::collections::BTreeMap;
use std::fmt;

use asyncapi_runtime::{Map, Value};

use crate::bundle::Bundle;
use crate::error::{Error, Location};
use crate::load::Document;
use crate::model::Model;

pub use guard::{check_against, Refusal};
pub use kind::Kind;
pub use sample::samples;

/// Whom a change may break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    /// Readers built for the old document, reading what new producers send.
    Consumers,
    /// Producers built for the old document, read by readers built for the new one.
    Producers,
    /// Rust code written against the old document's generated types.
    Api,
}

impl Party {
    /// Every party, in the order verdicts are shown.
    pub const ALL: [Party; 3] = [Party::Consumers, Party::Producers, Party::Api];

    /// `consumers`, `producers` or `api`.
    pub fn as_str(self) -> &'static str {
        match self {
            Party::Consumers => "consumers",
            Party::Producers => "producers",
            Party::Api => "api",
        }
    }

    /// Reads `consumers`, `producers` or `api` (as the CLI's `--for` takes them).
    pub fn parse(name: &str) -> Option<Party> {
        Party::ALL.into_iter().find(|p| p.as_str() == name)
    }
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A judgement about one change for one party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// Proven harmless for the party.
    Compatible,
    /// Could not be decided: neither proven harmless nor shown to break.
    Unclassified,
    /// Shown to break the party (with a witness, for payloads).
    Breaking,
}

impl Verdict {
    /// `compatible`, `unclassified` or `breaking`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Compatible => "compatible",
            Verdict::Unclassified => "unclassified",
            Verdict::Breaking => "breaking",
        }
    }

    /// The worse of two verdicts (breaking, then unclassified, then compatible).
    pub fn worst(self, other: Verdict) -> Verdict {
        self.max(other)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which document a pointer points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// The old document (for what was removed).
    Old,
    /// The new document.
    New,
}

impl Side {
    /// `old` or `new`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Old => "old",
            Side::New => "new",
        }
    }
}

/// A value that shows a change breaking a party: valid for one document and refused
/// by the other.
#[derive(Debug, Clone, PartialEq)]
pub struct Witness {
    message: Option<String>,
    instance: String,
    value: Value,
    whole: bool,
}

impl Witness {
    /// The message whose payload (or headers) it is, when it is a whole one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Where in the payload the change shows (a JSON pointer into [`Witness::value`]
    /// when it is a whole payload, else the place the value stands).
    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// The value: a whole payload checked against both documents' schemas by the
    /// interpreter, or (when none could be built) the value at [`Witness::instance`],
    /// checked against the two schemas at that place.
    pub fn value(&self) -> &Value {
        &self.value
    }

    /// Whether [`Witness::value`] is a whole payload.
    pub fn is_whole_payload(&self) -> bool {
        self.whole
    }
}

/// One change between the documents, judged for each party.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pointer: String,
    side: Side,
    location: Location,
    kind: Kind,
    message: String,
    consumers: Verdict,
    producers: Verdict,
    api: Verdict,
    messages: Vec<String>,
    rust: Vec<String>,
    witnesses: [Option<Witness>; 2],
}

impl Change {
    /// The JSON pointer of the change in the bundled document of [`Change::side`]: the
    /// new document, or the old one for what was removed.
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// Which document [`Change::pointer`] points into.
    pub fn side(&self) -> Side {
        self.side
    }

    /// The place in the file as written (files a `$ref` reads included).
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// What kind of change it is (a stable machine name: [`Kind::as_str`]).
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// What changed and why it is judged so, in words.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The verdict for `party`.
    pub fn verdict(&self, party: Party) -> Verdict {
        match party {
            Party::Consumers => self.consumers,
            Party::Producers => self.producers,
            Party::Api => self.api,
        }
    }

    /// The messages whose payload (`Name`) or headers (`Name (headers)`) the change is
    /// in, by their names in the new document (empty for changes outside payloads).
    pub fn messages(&self) -> &[String] {
        &self.messages
    }

    /// The generated Rust items the change alters (`type KinesisRecord`,
    /// `field KinesisRecord.partition_key: String -> Option<String>`, ...).
    pub fn rust_items(&self) -> &[String] {
        &self.rust
    }

    /// The value that shows the change breaking `party` (consumers or producers), when
    /// the verdict is [`Verdict::Breaking`] because of one.
    pub fn witness(&self, party: Party) -> Option<&Witness> {
        match party {
            Party::Consumers => self.witnesses[0].as_ref(),
            Party::Producers => self.witnesses[1].as_ref(),
            Party::Api => None,
        }
    }

    /// The change as a JSON object (what `kinesis diff --json` prints): `pointer`,
    /// `in` (`old`/`new`), `file` and `filePointer` (and `line`, `column` when known:
    /// the place as written, in the file a `$ref` read it from), `kind`, `message`,
    /// `consumers`, `producers`, `api`, `messages`, `rust`, and `witnesses` (by
    /// party) when there are any.
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("pointer", Value::from(self.pointer.as_str()));
        map.insert("in", Value::from(self.side.as_str()));
        // Where it is in the file as written (another file a `$ref` reads, say).
        map.insert(
            "file",
            Value::from(self.location.file.display().to_string()),
        );
        map.insert("filePointer", Value::from(self.location.pointer.as_str()));
        if let Some((line, column)) = self.location.position {
            map.insert("line", Value::from(line));
            map.insert("column", Value::from(column));
        }
        map.insert("kind", Value::from(self.kind.as_str()));
        map.insert("message", Value::from(self.message.as_str()));
        for party in Party::ALL {
            map.insert(party.as_str(), Value::from(self.verdict(party).as_str()));
        }
        let strings =
            |list: &[String]| Value::Array(list.iter().map(|s| Value::from(s.as_str())).collect());
        map.insert("messages", strings(&self.messages));
        map.insert("rust", strings(&self.rust));
        let mut witnesses = Map::new();
        for party in [Party::Consumers, Party::Producers] {
            if let Some(w) = self.witness(party) {
                let mut item = Map::new();
                if let Some(message) = &w.message {
                    item.insert("message", Value::from(message.as_str()));
                }
                item.insert("instance", Value::from(w.instance.as_str()));
                item.insert("wholePayload", Value::Bool(w.whole));
                item.insert("value", w.value.clone());
                witnesses.insert(party.as_str(), Value::Object(item));
            }
        }
        if !witnesses.is_empty() {
            map.insert("witnesses", Value::Object(witnesses));
        }
        Value::Object(map)
    }
}

impl fmt::Display for Change {
    /// `pointer: kind: message [consumers: breaking, producers: compatible, api: compatible]`
    /// (the pointer as `#/...`, `#` for the whole document; one line).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = self.message.replace(['\n', '\r'], " ");
        write!(
            f,
            "#{}: {}: {} [consumers: {}, producers: {}, api: {}]",
            self.pointer, self.kind, message, self.consumers, self.producers, self.api
        )
    }
}

/// Every change between two documents (see [`diff`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diff {
    changes: Vec<Change>,
}

impl Diff {
    /// Every change, ordered by pointer, then kind.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Whether the documents are the same for every party (no change at all).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The changes that break `party`.
    pub fn breaking_for(&self, party: Party) -> Vec<&Change> {
        self.with_verdict(party, Verdict::Breaking)
    }

    /// The changes whose verdict for `party` could not be decided.
    pub fn unclassified_for(&self, party: Party) -> Vec<&Change> {
        self.with_verdict(party, Verdict::Unclassified)
    }

    /// Whether some change breaks `party`.
    pub fn is_breaking_for(&self, party: Party) -> bool {
        self.changes
            .iter()
            .any(|c| c.verdict(party) == Verdict::Breaking)
    }

    /// The overall verdict for `party`: the worst of its changes' (compatible when
    /// there are none).
    pub fn verdict(&self, party: Party) -> Verdict {
        self.changes
            .iter()
            .map(|c| c.verdict(party))
            .fold(Verdict::Compatible, Verdict::worst)
    }

    fn with_verdict(&self, party: Party, verdict: Verdict) -> Vec<&Change> {
        self.changes
            .iter()
            .filter(|c| c.verdict(party) == verdict)
            .collect()
    }

    /// The diff as JSON: `{"changes": [...], "summary": {"consumers": "breaking", ...}}`,
    /// each change as [`Change::to_json`] writes it.
    pub fn to_json(&self) -> Value {
        let mut summary = Map::new();
        for party in Party::ALL {
            summary.insert(party.as_str(), Value::from(self.verdict(party).as_str()));
        }
        let mut map = Map::new();
        map.insert(
            "changes",
            Value::Array(self.changes.iter().map(Change::to_json).collect()),
        );
        map.insert("summary", Value::Object(summary));
        Value::Object(map)
    }
}

impl fmt::Display for Diff {
    /// One line per change (see [`Change`]'s `Display`); nothing when there are none.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for change in &self.changes {
            writeln!(f, "{change}")?;
        }
        Ok(())
    }
}

/// How the generated code the API verdicts are about is generated (as the
/// [`Builder`](crate::Builder) options of the same names).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Whether the `borrowed` module of zero-copy twins is generated.
    pub borrowed: bool,
}

/// Every change from `old` to `new` (both loaded documents), each judged for
/// consumers, producers and the Rust API.
pub fn diff(old: &Document, new: &Document) -> Result<Diff, Error> {
    diff_with(old, new, &Options::default())
}

/// [`diff`], with the generated code compared as `options` generate it.
pub fn diff_with(old: &Document, new: &Document, options: &Options) -> Result<Diff, Error> {
    let old = Prepared::new(old, options)?;
    let new = Prepared::new(new, options)?;
    let mut changes = Changes::default();
    let roots = document::compare(&old, &new, &mut changes);
    let api_changes = api::compare(&old, &new);
    api::attach(&mut changes, api_changes);
    let witnesses = witness::Finder::new(&old, &new, &roots);
    Ok(changes.finish(&old, &new, &witnesses))
}

/// One document, through the pipeline.
pub(crate) struct Prepared {
    /// The bundled document with traits applied (`$ref`s all local).
    pub bundle: Bundle,
    pub model: Model,
    pub api: api::Catalog,
    pub probe: sample::Probe,
}

impl Prepared {
    fn new(doc: &Document, options: &Options) -> Result<Prepared, Error> {
        let bundled = crate::bundle::bundle(doc)?;
        crate::check::check(&bundled)?;
        let merged = crate::merge::merge(&bundled);
        let model = crate::model::model(&merged)?;
        let source = crate::emit::emit(
            &model,
            &crate::emit::EmitOptions {
                runtime: "::asyncapi_runtime".into(),
                source_name: String::new(),
                borrowed: options.borrowed,
            },
        )?;
        let api = api::Catalog::parse(&source)?;
        let probe = sample::Probe::new(merged.root.clone());
        Ok(Prepared {
            bundle: merged,
            model,
            api,
            probe,
        })
    }

    pub fn root(&self) -> &Value {
        &self.bundle.root
    }
}

/// The relation a rule established between the old and the new value sets at one
/// place, for one direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rel {
    /// Proven: the inclusion holds.
    Yes,
    /// The rule could not decide.
    Unknown,
    /// The rule says it does not hold (to be shown by a witness).
    No,
}

impl Rel {
    fn from_bool(holds: bool) -> Rel {
        if holds {
            Rel::Yes
        } else {
            Rel::No
        }
    }
}

/// A step from a value into one of its parts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Step {
    Key(String),
    Index(usize),
}

/// A schema a value can be checked against in one document: a place in it, a schema
/// value not in it (an `allOf` read as one), or `true`/`false`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Check {
    Bool(bool),
    At(String),
    Owned(Value),
}

/// What a schema comparison found at one place, reached from one message (or none).
#[derive(Debug, Clone)]
pub(crate) struct Occurrence {
    /// `[new ⊆ old, old ⊆ new]` at the place (before negation).
    pub rel: [Rel; 2],
    /// Whether the place is under an odd number of `not`s.
    pub negated: bool,
    /// Whether the place is where a local inclusion says nothing about the whole value
    /// (inside a `oneOf` alternative, an `if`).
    pub opaque: bool,
    /// Whether a value at the place can be varied alone: every schema on the way from
    /// the payload only describes properties, items and types.
    pub plain: bool,
    /// Whether the change never affects validation (an annotation).
    pub annotation: bool,
    /// The two schemas at the place (old, new), for witnesses.
    pub checks: Option<(Check, Check)>,
    /// The place in the payload, when known.
    pub path: Option<Vec<Step>>,
    /// The payload or headers it was reached from (index into the roots).
    pub root: Option<usize>,
    /// Verdicts decided without a witness (consumers, producers).
    pub fixed: Option<[Verdict; 2]>,
}

impl Occurrence {
    pub(crate) fn fixed(consumers: Verdict, producers: Verdict) -> Occurrence {
        Occurrence {
            rel: [Rel::Yes, Rel::Yes],
            negated: false,
            opaque: false,
            plain: false,
            annotation: false,
            checks: None,
            path: None,
            root: None,
            fixed: Some([consumers, producers]),
        }
    }
}

/// A change being collected: found once or more (from several messages).
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    pub pointer: String,
    pub side: Side,
    pub kind: Kind,
    pub message: String,
    pub occurrences: Vec<Occurrence>,
    /// Places (in either document) whose generated Rust items this change accounts for.
    pub subjects: Vec<(Side, String)>,
    pub api: Verdict,
    pub rust: Vec<String>,
}

/// The changes found so far, one per pointer, kind and detail.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    pub list: Vec<Pending>,
    index: BTreeMap<(Side, String, Kind, String), usize>,
}

impl Changes {
    /// Records a change (or one more occurrence of it). `detail` tells apart changes
    /// of one kind at one pointer (the property, the value).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn add(
        &mut self,
        side: Side,
        pointer: &str,
        kind: Kind,
        detail: &str,
        message: String,
        occurrence: Occurrence,
        subjects: Vec<(Side, String)>,
    ) -> usize {
        let key = (side, pointer.to_string(), kind, detail.to_string());
        if let Some(&i) = self.index.get(&key) {
            let pending = &mut self.list[i];
            pending.occurrences.push(occurrence);
            for subject in subjects {
                if !pending.subjects.contains(&subject) {
                    pending.subjects.push(subject);
                }
            }
            return i;
        }
        self.list.push(Pending {
            pointer: pointer.to_string(),
            side,
            kind,
            message,
            occurrences: vec![occurrence],
            subjects,
            api: Verdict::Compatible,
            rust: Vec::new(),
        });
        self.index.insert(key, self.list.len() - 1);
        self.list.len() - 1
    }

    /// The judged changes, in order.
    fn finish(self, old: &Prepared, new: &Prepared, witnesses: &witness::Finder<'_>) -> Diff {
        let mut changes: Vec<Change> = self
            .list
            .into_iter()
            .map(|pending| {
                let mut verdicts = [Verdict::Compatible; 2];
                let mut found: [Option<Witness>; 2] = [None, None];
                let mut messages: Vec<String> = Vec::new();
                for occurrence in &pending.occurrences {
                    if let Some(root) = occurrence.root {
                        let name = witnesses.message_name(root);
                        if !messages.contains(&name) {
                            messages.push(name);
                        }
                    }
                    for (i, party) in [Party::Consumers, Party::Producers].into_iter().enumerate() {
                        if verdicts[i] == Verdict::Breaking {
                            continue;
                        }
                        let (verdict, witness) = witnesses.judge(occurrence, party);
                        verdicts[i] = verdicts[i].worst(verdict);
                        if verdict == Verdict::Breaking {
                            found[i] = witness;
                        }
                    }
                }
                let location = match pending.side {
                    Side::Old => old.bundle.locate(&pending.pointer),
                    Side::New => new.bundle.locate(&pending.pointer),
                };
                // A schema change no message's payload reaches changes nothing on the wire.
                let detached = pending
                    .occurrences
                    .iter()
                    .all(|o| o.fixed.is_none() && o.root.is_none());
                let mut message = pending.message;
                if detached {
                    message.push_str(" (in a schema no message's payload or headers uses)");
                }
                Change {
                    pointer: pending.pointer,
                    side: pending.side,
                    location,
                    kind: pending.kind,
                    message,
                    consumers: verdicts[0],
                    producers: verdicts[1],
                    api: pending.api,
                    messages,
                    rust: pending.rust,
                    witnesses: found,
                }
            })
            .collect();
        changes.sort_by(|a, b| {
            (&a.pointer, a.kind.as_str(), &a.message, a.side).cmp(&(
                &b.pointer,
                b.kind.as_str(),
                &b.message,
                b.side,
            ))
        });
        Diff { changes }
    }
}
