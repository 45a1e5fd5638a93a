//! From what the rules established to verdicts: a direction a rule proves is
//! compatible; any other is breaking only with a witness, else unclassified.
//!
//! A witness is first sought where the change is: a value the schema at that place
//! accepts in one document and refuses in the other (both checked by the runtime's
//! interpreter). It is then put into a payload of the message the place belongs to
//! (an example of the message, or one generated from its schema) and the whole
//! payload checked against both documents' payload schemas: when one accepts it and
//! the other refuses it, that payload is the witness. When no payload can be built
//! that way, the value alone decides only where nothing around the place can refuse
//! it independently (properties, items and types all the way up: see
//! `Occurrence::plain`); elsewhere (under `not`, beside `allOf` parts, in
//! alternatives) the verdict stays unclassified.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use asyncapi_runtime::Value;

use super::sample::{self, Pool, Probe};
use super::{Check, Occurrence, Party, Prepared, Rel, Side, Step, Verdict, Witness};
use crate::load::pointer;

/// A message's payload (or headers) in both documents.
#[derive(Debug, Clone)]
pub(crate) struct Root {
    /// The message's name (in the new document).
    pub message: String,
    /// Whether this is the headers rather than the payload.
    pub headers: bool,
    /// The schema in each document (`None`: any value).
    pub old_at: Option<String>,
    pub new_at: Option<String>,
    /// The message's examples of it, in each document.
    pub old_examples: Vec<Value>,
    pub new_examples: Vec<Value>,
}

impl Root {
    fn check(&self, side: Side) -> Check {
        let at = match side {
            Side::Old => &self.old_at,
            Side::New => &self.new_at,
        };
        match at {
            Some(at) => Check::At(at.clone()),
            None => Check::Bool(true),
        }
    }
}

/// How many local witnesses are carried into payloads.
const LOCAL: usize = 6;

/// How many variations of the seeds a search for a local witness tries.
const BUDGET: usize = 8000;

pub(crate) struct Finder<'a> {
    old: &'a Prepared,
    new: &'a Prepared,
    roots: &'a [Root],
    bases: RefCell<Bases>,
}

/// Payloads of each root valid in each document, found once.
type Bases = HashMap<(usize, Side), Rc<Vec<Value>>>;

impl<'a> Finder<'a> {
    pub(crate) fn new(old: &'a Prepared, new: &'a Prepared, roots: &'a [Root]) -> Finder<'a> {
        Finder {
            old,
            new,
            roots,
            bases: RefCell::new(HashMap::new()),
        }
    }

    fn probe(&self, side: Side) -> &Probe {
        match side {
            Side::Old => &self.old.probe,
            Side::New => &self.new.probe,
        }
    }

    /// The message a root belongs to (`Name (headers)` for its headers).
    pub(crate) fn message_name(&self, root: usize) -> String {
        match self.roots.get(root) {
            Some(r) if r.headers => format!("{} (headers)", r.message),
            Some(r) => r.message.clone(),
            None => String::new(),
        }
    }

    /// The verdict of one occurrence for consumers or producers, and its witness.
    pub(crate) fn judge(
        &self,
        occurrence: &Occurrence,
        party: Party,
    ) -> (Verdict, Option<Witness>) {
        let i = match party {
            Party::Consumers => 0,
            Party::Producers => 1,
            Party::Api => return (Verdict::Compatible, None),
        };
        if let Some(fixed) = occurrence.fixed {
            return (fixed[i], None);
        }
        let Some(root) = occurrence.root else {
            // A schema no message's payload reaches: nothing on the wire changes.
            return (Verdict::Compatible, None);
        };
        // Under `not` the place's inclusions run the other way round.
        let local = if occurrence.negated { 1 - i } else { i };
        let rel = occurrence.rel[local];
        if rel == Rel::Yes && (!occurrence.opaque || occurrence.annotation) {
            return (Verdict::Compatible, None);
        }
        let Some((old_check, new_check)) = &occurrence.checks else {
            return (Verdict::Unclassified, None);
        };
        // Local direction: producers (1) want a value the old schema takes and the new
        // one refuses; consumers (0) the reverse.
        let (from, to) = if local == 1 {
            (Side::Old, Side::New)
        } else {
            (Side::New, Side::Old)
        };
        let (from_check, to_check) = if local == 1 {
            (old_check, new_check)
        } else {
            (new_check, old_check)
        };
        let path = occurrence.path.clone();
        let mut locals = self.local(root, path.as_deref(), (from, from_check), (to, to_check));
        if occurrence.opaque {
            // Where a smaller part can make a larger whole (an alternative of a
            // `oneOf`), a value the place gained or lost may show either way.
            locals.extend(self.local(root, path.as_deref(), (to, to_check), (from, from_check)));
        }
        if locals.is_empty() {
            return (Verdict::Unclassified, None);
        }
        // The whole payload: producers want one the old document takes and the new
        // one refuses, whatever the direction at the place.
        let (whole_from, whole_to) = if i == 1 {
            (Side::Old, Side::New)
        } else {
            (Side::New, Side::Old)
        };
        if let (Some(path), Some(r)) = (&path, self.roots.get(root)) {
            let from_root = r.check(whole_from);
            let to_root = r.check(whole_to);
            for base in self.bases(root, whole_from).iter() {
                for x in &locals {
                    let Some(payload) = sample::replace(base, path, x.clone()) else {
                        continue;
                    };
                    let accepted = self.probe(whole_from).valid(&from_root, &payload) == Some(true);
                    if accepted && self.probe(whole_to).valid(&to_root, &payload) == Some(false) {
                        return (
                            Verdict::Breaking,
                            Some(Witness {
                                message: Some(self.message_name(root)),
                                instance: instance(path),
                                value: payload,
                                whole: true,
                            }),
                        );
                    }
                }
            }
        }
        if occurrence.plain && !occurrence.negated && !occurrence.opaque {
            let first = locals.into_iter().next().unwrap_or(Value::Null);
            return (
                Verdict::Breaking,
                Some(Witness {
                    message: Some(self.message_name(root)),
                    instance: path.as_deref().map(instance).unwrap_or_default(),
                    value: first,
                    whole: false,
                }),
            );
        }
        (Verdict::Unclassified, None)
    }

    /// Values `from_check` accepts and `to_check` refuses, at most a few.
    fn local(
        &self,
        root: usize,
        path: Option<&[Step]>,
        from: (Side, &Check),
        to: (Side, &Check),
    ) -> Vec<Value> {
        let (from_probe, to_probe) = (self.probe(from.0), self.probe(to.0));
        let mut pool = Pool::new();
        let mut visited = HashSet::new();
        pool.collect(
            from_probe.root(),
            &from_probe.schema_of(from.1),
            0,
            &mut visited,
        );
        let mut visited = HashSet::new();
        pool.collect(to_probe.root(), &to_probe.schema_of(to.1), 0, &mut visited);
        let mut seeds = from_probe.generate(from.1);
        seeds.extend(to_probe.generate(to.1));
        if let Some(path) = path {
            for side in [Side::Old, Side::New] {
                for base in self.bases(root, side).iter() {
                    if let Some(v) = sample::at_path(base, path) {
                        seeds.push(v.clone());
                    }
                }
            }
        }
        let mut found = Vec::new();
        let mut seen = HashSet::new();
        let mut consider = |v: &Value, found: &mut Vec<Value>| {
            if found.len() < LOCAL
                && seen.insert(v.to_string())
                && from_probe.valid(from.1, v) == Some(true)
                && to_probe.valid(to.1, v) == Some(false)
            {
                found.push(v.clone());
            }
        };
        for v in seeds.iter().chain(pool.values.iter()) {
            consider(v, &mut found);
        }
        // The search is bounded: where no witness exists it would find none anyway.
        let each = (BUDGET / seeds.len().max(1)).max(200);
        for seed in &seeds {
            if found.len() >= LOCAL {
                break;
            }
            for v in sample::mutations(seed, &pool, sample::MAX_LENGTH, each) {
                consider(&v, &mut found);
                if found.len() >= LOCAL {
                    break;
                }
            }
        }
        found
    }

    /// Payloads of the root's schema valid in `side`'s document: its examples and
    /// generated ones.
    fn bases(&self, root: usize, side: Side) -> Rc<Vec<Value>> {
        if let Some(found) = self.bases.borrow().get(&(root, side)) {
            return found.clone();
        }
        let mut values = Vec::new();
        if let Some(r) = self.roots.get(root) {
            let check = r.check(side);
            let probe = self.probe(side);
            let (examples, other) = match side {
                Side::Old => (&r.old_examples, &r.new_examples),
                Side::New => (&r.new_examples, &r.old_examples),
            };
            values.extend(
                examples
                    .iter()
                    .chain(other)
                    .filter(|v| probe.valid(&check, v) == Some(true))
                    .cloned(),
            );
            values.extend(probe.generate(&check));
        }
        let values = Rc::new(values);
        self.bases.borrow_mut().insert((root, side), values.clone());
        values
    }
}

/// A JSON pointer for a path into a value.
fn instance(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => out = pointer::join(&out, k),
            Step::Index(i) => out = pointer::index(&out, *i),
        }
    }
    out
}
