//! The document around the schemas: messages (matched by place, then by `name`, then
//! by content), their payload and headers (compared as schemas), content types and
//! correlation ids; channels (addresses, parameters, the messages they carry);
//! operations; servers; `info`; and component schemas no message reaches (compared
//! for the Rust types they become).

use std::collections::{BTreeSet, HashSet};

use asyncapi_runtime::Value;

use super::kind::Kind;
use super::schema::{Comparator, Cx, Node};
use super::witness::Root;
use super::{Changes, Occurrence, Prepared, Rel, Side, Verdict};
use crate::check::document::deref;
use crate::load::pointer;
use crate::model::{MessageDef, Payload};

use Verdict::{Breaking, Compatible, Unclassified};

/// How an old message was matched to a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Matched {
    /// At the same place.
    Place,
    /// By its `name`, at another place.
    Name,
    /// By its content, under another name.
    Content,
}

struct Context<'a, 'c> {
    old: &'a Prepared,
    new: &'a Prepared,
    changes: &'c mut Changes,
    roots: Vec<Root>,
    compared: HashSet<(String, String)>,
    /// For each old message, the new one it became.
    old_to_new: Vec<Option<usize>>,
    new_to_old: Vec<Option<usize>>,
}

/// Compares everything; the message payloads and headers compared (for witnesses).
pub(crate) fn compare(old: &Prepared, new: &Prepared, changes: &mut Changes) -> Vec<Root> {
    let mut cx = Context {
        old,
        new,
        changes,
        roots: Vec::new(),
        compared: HashSet::new(),
        old_to_new: vec![None; old.model.messages.len()],
        new_to_old: vec![None; new.model.messages.len()],
    };
    cx.messages();
    cx.components();
    cx.channels();
    cx.operations();
    cx.servers();
    cx.info();
    cx.roots
}

impl Context<'_, '_> {
    #[allow(clippy::too_many_arguments)]
    fn fixed(
        &mut self,
        side: Side,
        at: &str,
        kind: Kind,
        detail: &str,
        message: String,
        verdicts: [Verdict; 2],
        subjects: Vec<(Side, String)>,
    ) {
        let mut occurrence = Occurrence::fixed(verdicts[0], verdicts[1]);
        occurrence.annotation = kind == Kind::AnnotationChanged;
        self.changes
            .add(side, at, kind, detail, message, occurrence, subjects);
    }

    fn messages(&mut self) {
        let (old, new) = (&self.old.model.messages, &self.new.model.messages);
        let mut pairs: Vec<(usize, usize, Matched)> = Vec::new();
        for (i, m) in old.iter().enumerate() {
            if let Some(j) = new.iter().position(|n| n.pointer == m.pointer) {
                pairs.push((i, j, Matched::Place));
            }
        }
        let taken_old =
            |pairs: &[(usize, usize, Matched)], i: usize| pairs.iter().any(|p| p.0 == i);
        let taken_new =
            |pairs: &[(usize, usize, Matched)], j: usize| pairs.iter().any(|p| p.1 == j);
        // Moved: the same name elsewhere, once on each side.
        for (i, m) in old.iter().enumerate() {
            if taken_old(&pairs, i) {
                continue;
            }
            let candidates: Vec<usize> = (0..new.len())
                .filter(|&j| !taken_new(&pairs, j) && new[j].name == m.name)
                .collect();
            let back = old
                .iter()
                .enumerate()
                .filter(|(k, o)| !taken_old(&pairs, *k) && o.name == m.name)
                .count();
            if candidates.len() == 1 && back == 1 {
                pairs.push((i, candidates[0], Matched::Name));
            }
        }
        // Renamed: the same payload and headers, once on each side.
        for (i, m) in old.iter().enumerate() {
            if taken_old(&pairs, i) {
                continue;
            }
            let content = self.content(self.old, m);
            // Two messages without a payload are not the same message for that.
            if content.0.is_null() {
                continue;
            }
            let candidates: Vec<usize> = (0..new.len())
                .filter(|&j| !taken_new(&pairs, j) && self.content(self.new, &new[j]) == content)
                .collect();
            let back = old
                .iter()
                .enumerate()
                .filter(|(k, o)| !taken_old(&pairs, *k) && self.content(self.old, o) == content)
                .count();
            if candidates.len() == 1 && back == 1 {
                pairs.push((i, candidates[0], Matched::Content));
            }
        }
        for &(i, j, _) in &pairs {
            self.old_to_new[i] = Some(j);
            self.new_to_old[j] = Some(i);
        }
        for (i, j, how) in pairs {
            self.message_pair(i, j, how);
        }
        for (i, m) in old.iter().enumerate() {
            if self.old_to_new[i].is_none() {
                let channels = carried_by(self.old, &m.variant);
                let producers = if channels.is_empty() {
                    Compatible
                } else {
                    Breaking
                };
                let message = format!(
                    "message {:?} removed{}: a producer built for the old document may still send it",
                    m.name,
                    on(&channels)
                );
                self.fixed(
                    Side::Old,
                    &m.pointer,
                    Kind::MessageRemoved,
                    "",
                    message,
                    [Compatible, producers],
                    self.message_places(self.old, Side::Old, m),
                );
            }
        }
        for (j, m) in new.iter().enumerate() {
            if self.new_to_old[j].is_none() {
                let channels = carried_by(self.new, &m.variant);
                let consumers = if channels.is_empty() {
                    Compatible
                } else {
                    Breaking
                };
                let message = format!(
                    "message {:?} added{}: a reader built for the old document does not know it",
                    m.name,
                    on(&channels)
                );
                self.fixed(
                    Side::New,
                    &m.pointer,
                    Kind::MessageAdded,
                    "",
                    message,
                    [consumers, Compatible],
                    self.message_places(self.new, Side::New, m),
                );
            }
        }
    }

    /// The places whose Rust items a message's addition or removal accounts for: the
    /// message, its entries in channels, and its payload and headers schemas.
    fn message_places(&self, side: &Prepared, tag: Side, m: &MessageDef) -> Vec<(Side, String)> {
        let mut out = vec![(tag, m.pointer.clone())];
        for c in &side.model.channels {
            for (key, variant) in &c.messages {
                if *variant == m.variant {
                    let channel = self.resolved(side, &pointer::join("/channels", &c.key));
                    out.push((
                        tag,
                        pointer::join(&pointer::join(&channel, "messages"), key),
                    ));
                }
            }
        }
        for op in &side.model.operations {
            let at = self.resolved(side, &pointer::join("/operations", &op.id));
            if op.messages.contains(&m.variant) {
                out.push((tag, pointer::join(&at, "messages")));
            }
            if op
                .reply
                .as_ref()
                .is_some_and(|r| r.messages.contains(&m.variant))
            {
                out.push((tag, pointer::join(&at, "reply")));
            }
        }
        for key in ["payload", "headers"] {
            let at = pointer::join(&m.pointer, key);
            if side.root().pointer(&at).is_some() {
                out.push((tag, at.clone()));
                if let Some(target) =
                    super::schema::resolve(side.root(), Node::real(side.root(), &at)).at
                {
                    out.push((tag, target));
                }
            }
        }
        out
    }

    /// What identifies a message's content: its payload and headers schemas, resolved.
    fn content(&self, side: &Prepared, m: &MessageDef) -> (Value, Value) {
        let part = |key: &str| {
            let at = pointer::join(&m.pointer, key);
            if side.root().pointer(&at).is_none() {
                return Value::Null;
            }
            super::schema::resolve(side.root(), Node::real(side.root(), &at))
                .value
                .into_owned()
        };
        (part("payload"), part("headers"))
    }

    fn message_pair(&mut self, i: usize, j: usize, how: Matched) {
        let (o, n) = (&self.old.model.messages[i], &self.new.model.messages[j]);
        let (o, n) = (o.clone(), n.clone());
        let subjects = vec![
            (Side::Old, o.pointer.clone()),
            (Side::New, n.pointer.clone()),
        ];
        match how {
            Matched::Place if o.name != n.name => {
                let message = format!(
                    "message name {:?} -> {:?}: code that tells messages by name (MessageName::from_name, a header naming it) no longer recognises it",
                    o.name, n.name
                );
                let at = pointer::join(&n.pointer, "name");
                self.fixed(
                    Side::New,
                    &at,
                    Kind::MessageRenamed,
                    "",
                    message,
                    [Breaking, Breaking],
                    subjects.clone(),
                );
            }
            Matched::Place => {}
            Matched::Name => {
                let message = format!(
                    "message {:?} moved from #{} (its name is kept)",
                    n.name, o.pointer
                );
                // Its variants are renamed wherever it is carried.
                let mut places = self.message_places(self.old, Side::Old, &o);
                places.extend(self.message_places(self.new, Side::New, &n));
                self.fixed(
                    Side::New,
                    &n.pointer,
                    Kind::MessageKeyChanged,
                    "",
                    message,
                    [Compatible, Compatible],
                    places,
                );
            }
            Matched::Content => {
                let message = format!(
                    "message {:?} (#{}) renamed {:?}: code that tells messages by name no longer recognises it",
                    o.name, o.pointer, n.name
                );
                self.fixed(
                    Side::New,
                    &n.pointer,
                    Kind::MessageRenamed,
                    "",
                    message,
                    [Breaking, Breaking],
                    subjects.clone(),
                );
            }
        }
        let content_type = |m: &MessageDef| {
            m.content_type
                .as_deref()
                .map(|c| c.trim().to_ascii_lowercase())
        };
        if content_type(&o) != content_type(&n) {
            let show = |m: &MessageDef| m.content_type.clone().unwrap_or_else(|| "none".into());
            let message = format!(
                "content type {} -> {}: the payload is encoded differently",
                show(&o),
                show(&n)
            );
            let at = pointer::join(&n.pointer, "contentType");
            self.fixed(
                Side::New,
                &at,
                Kind::ContentTypeChanged,
                "",
                message,
                [Breaking, Breaking],
                subjects.clone(),
            );
        }
        self.part(&o, &n, false);
        self.part(&o, &n, true);
        if o.correlation_id != n.correlation_id {
            let message = format!(
                "correlationId location {:?} -> {:?}: replies are matched by it",
                o.correlation_id.as_deref().unwrap_or("none"),
                n.correlation_id.as_deref().unwrap_or("none")
            );
            let at = pointer::join(&n.pointer, "correlationId");
            self.fixed(
                Side::New,
                &at,
                Kind::CorrelationIdChanged,
                "",
                message,
                [Breaking, Breaking],
                subjects.clone(),
            );
        }
        let handled = [
            "payload",
            "headers",
            "name",
            "contentType",
            "correlationId",
            "traits",
            "$ref",
        ];
        self.raw_members(&o.pointer, &n.pointer, &handled);
    }

    /// The rest of two objects of the specification, member by member: `bindings`
    /// unclassified, anything else an annotation.
    fn raw_members(&mut self, old_at: &str, new_at: &str, handled: &[&str]) {
        let empty = Value::Object(Default::default());
        let o = self.old.root().pointer(old_at).unwrap_or(&empty).clone();
        let n = self.new.root().pointer(new_at).unwrap_or(&empty).clone();
        let (Some(om), Some(nm)) = (o.as_object(), n.as_object()) else {
            return;
        };
        let mut keys: Vec<&String> = nm.keys().collect();
        keys.extend(om.keys().filter(|k| !nm.contains_key(k.as_str())));
        for key in keys {
            if handled.contains(&key.as_str()) || om.get(key) == nm.get(key) {
                continue;
            }
            let (side, at) = if nm.contains_key(key) {
                (Side::New, pointer::join(new_at, key))
            } else {
                (Side::Old, pointer::join(old_at, key))
            };
            if key == "bindings" {
                let message = "bindings changed: protocol-specific, not judged".to_string();
                self.fixed(
                    side,
                    &at,
                    Kind::BindingsChanged,
                    "",
                    message,
                    [Unclassified, Unclassified],
                    Vec::new(),
                );
            } else {
                let what = match (om.contains_key(key), nm.contains_key(key)) {
                    (false, _) => "added",
                    (_, false) => "removed",
                    _ => "changed",
                };
                let message = format!("{key} {what} (documentation only)");
                self.fixed(
                    side,
                    &at,
                    Kind::AnnotationChanged,
                    key,
                    message,
                    [Compatible, Compatible],
                    Vec::new(),
                );
            }
        }
    }

    /// A message's payload (or headers) in both documents.
    fn part(&mut self, o: &MessageDef, n: &MessageDef, headers: bool) {
        let key = if headers { "headers" } else { "payload" };
        let read = |side: &Prepared, m: &MessageDef| -> Option<Part> {
            let payload = if headers {
                m.headers.as_ref()
            } else {
                Some(&m.payload)
            };
            Some(match payload {
                None => Part::Schema(None),
                Some(Payload::Any) => Part::Schema(None),
                Some(Payload::Typed { schema, .. }) => {
                    Part::Schema(side.model.schemas.entries.get(*schema).cloned())
                }
                Some(Payload::Opaque { format }) => Part::Opaque(
                    side.root()
                        .pointer(&pointer::join(&m.pointer, key))
                        .cloned()
                        .unwrap_or(Value::Null),
                    format.clone(),
                ),
            })
        };
        let (Some(a), Some(b)) = (read(self.old, o), read(self.new, n)) else {
            return;
        };
        match (a, b) {
            (Part::Schema(None), Part::Schema(None)) => {}
            (Part::Schema(a), Part::Schema(b)) => {
                let root = self.roots.len();
                self.roots.push(Root {
                    message: n.name.clone(),
                    headers,
                    old_at: a.clone(),
                    new_at: b.clone(),
                    old_examples: examples(self.old, o, key),
                    new_examples: examples(self.new, n, key),
                });
                let old_report = pointer::join(&o.pointer, key);
                let new_report = pointer::join(&n.pointer, key);
                let old_node = match &a {
                    Some(at) => Node::real(self.old.root(), at),
                    None => Node::truth(&old_report),
                };
                let new_node = match &b {
                    Some(at) => Node::real(self.new.root(), at),
                    None => Node::truth(&new_report),
                };
                let mut comparator = Comparator::new(self.old, self.new, self.changes);
                if a.is_some() == b.is_some() {
                    comparator.compare(old_node, new_node, &Cx::payload(root));
                    self.compared.extend(comparator.pairs());
                    return;
                }
                // A schema where there was none (any value), or the reverse: one change.
                let rel = comparator.subset(old_node.clone(), new_node.clone());
                let added = b.is_some();
                let (kind, place, message) = match (headers, added) {
                    (true, true) => (
                        Kind::HeadersAdded,
                        (Side::New, new_report.clone()),
                        "headers added: a schema where any value was valid",
                    ),
                    (true, false) => (
                        Kind::HeadersRemoved,
                        (Side::Old, old_report.clone()),
                        "headers removed: any value is valid",
                    ),
                    (false, true) => (
                        Kind::PayloadAdded,
                        (Side::New, new_report.clone()),
                        "payload added: a schema where any value was valid",
                    ),
                    (false, false) => (
                        Kind::PayloadRemoved,
                        (Side::Old, old_report.clone()),
                        "payload removed: any value is valid",
                    ),
                };
                let mut subjects = vec![(Side::Old, old_report), (Side::New, new_report)];
                subjects.extend(a.map(|at| (Side::Old, at)));
                subjects.extend(b.map(|at| (Side::New, at)));
                let occurrence = Occurrence {
                    rel,
                    negated: false,
                    opaque: false,
                    plain: true,
                    annotation: false,
                    checks: Some((old_node.check(), new_node.check())),
                    path: Some(Vec::new()),
                    root: Some(root),
                    fixed: None,
                };
                self.changes.add(
                    place.0,
                    &place.1,
                    kind,
                    "",
                    message.to_string(),
                    occurrence,
                    subjects,
                );
            }
            (Part::Opaque(x, f), Part::Opaque(y, g)) if x == y && f == g => {}
            (a, b) => {
                let describe = |p: &Part| match p {
                    Part::Schema(_) => "a JSON schema".to_string(),
                    Part::Opaque(_, format) => format!("a schema in {format}"),
                };
                let message = format!("{key}: {} -> {} (not compared)", describe(&a), describe(&b));
                let at = pointer::join(&n.pointer, key);
                let subjects = vec![
                    (Side::Old, pointer::join(&o.pointer, key)),
                    (Side::New, at.clone()),
                ];
                self.fixed(
                    Side::New,
                    &at,
                    Kind::PayloadFormatChanged,
                    key,
                    message,
                    [Unclassified, Unclassified],
                    subjects,
                );
            }
        }
    }

    /// Component schemas: those no message reaches compared for their Rust types;
    /// renamed ones recognised by their content.
    fn components(&mut self) {
        let keys = |side: &Prepared| -> Vec<String> {
            side.root()
                .pointer("/components/schemas")
                .and_then(Value::as_object)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        };
        let (old_keys, new_keys) = (keys(self.old), keys(self.new));
        let at = |key: &str| pointer::join("/components/schemas", key);
        for key in new_keys.iter().filter(|k| old_keys.contains(k)) {
            let here = at(key);
            if self.compared.contains(&(here.clone(), here.clone())) {
                continue;
            }
            let mut comparator = Comparator::new(self.old, self.new, self.changes);
            comparator.compare(
                Node::real(self.old.root(), &here),
                Node::real(self.new.root(), &here),
                &Cx::detached(),
            );
            self.compared.extend(comparator.pairs());
        }
        let removed: Vec<&String> = old_keys.iter().filter(|k| !new_keys.contains(k)).collect();
        let added: Vec<&String> = new_keys.iter().filter(|k| !old_keys.contains(k)).collect();
        let mut renamed: Vec<(String, String)> = Vec::new();
        {
            let mut scratch = Changes::default();
            let probe = Comparator::new(self.old, self.new, &mut scratch);
            let same = |a: &str, b: &str| {
                probe.subset(
                    Node::real(self.old.root(), &at(a)),
                    Node::real(self.new.root(), &at(b)),
                ) == [Rel::Yes, Rel::Yes]
            };
            for r in &removed {
                let matches: Vec<&&String> = added.iter().filter(|a| same(r, a)).collect();
                if matches.len() == 1 && removed.iter().filter(|o| same(o, matches[0])).count() == 1
                {
                    renamed.push(((*r).clone(), (*matches[0]).clone()));
                }
            }
        }
        for (r, a) in &renamed {
            let message = format!("schema {r:?} renamed {a:?} (the same schema: payloads that reach it by $ref do not change)");
            let subjects = vec![(Side::Old, at(r)), (Side::New, at(a))];
            self.fixed(
                Side::New,
                &at(a),
                Kind::SchemaRenamed,
                "",
                message,
                [Compatible, Compatible],
                subjects,
            );
        }
        for r in removed
            .iter()
            .filter(|r| !renamed.iter().any(|(x, _)| x == **r))
        {
            let message =
                format!("schema {r:?} removed (payloads that used it are compared where they are)");
            self.fixed(
                Side::Old,
                &at(r),
                Kind::SchemaRemoved,
                "",
                message,
                [Compatible, Compatible],
                vec![(Side::Old, at(r))],
            );
        }
        for a in added
            .iter()
            .filter(|a| !renamed.iter().any(|(_, y)| y == **a))
        {
            let message = format!("schema {a:?} added");
            self.fixed(
                Side::New,
                &at(a),
                Kind::SchemaAdded,
                "",
                message,
                [Compatible, Compatible],
                vec![(Side::New, at(a))],
            );
        }
    }

    fn channels(&mut self) {
        let (old, new) = (&self.old.model.channels, &self.new.model.channels);
        for c in new.iter().filter(|c| !old.iter().any(|o| o.key == c.key)) {
            let at = pointer::join("/channels", &c.key);
            let message = format!("channel {:?} added", c.key);
            self.fixed(
                Side::New,
                &at,
                Kind::ChannelAdded,
                "",
                message,
                [Compatible, Compatible],
                vec![(Side::New, at.clone())],
            );
        }
        for c in old.iter().filter(|c| !new.iter().any(|n| n.key == c.key)) {
            let at = pointer::join("/channels", &c.key);
            let producers = if c.messages.is_empty() {
                Compatible
            } else {
                Breaking
            };
            let message = format!(
                "channel {:?} removed: producers built for the old document still publish there",
                c.key
            );
            self.fixed(
                Side::Old,
                &at,
                Kind::ChannelRemoved,
                "",
                message,
                [Compatible, producers],
                vec![(Side::Old, at.clone())],
            );
        }
        for (o, n) in old.iter().filter_map(|o| {
            new.iter()
                .find(|n| n.key == o.key)
                .map(|n| (o.clone(), n.clone()))
        }) {
            let listed = pointer::join("/channels", &o.key);
            let old_at = self.resolved(self.old, &listed);
            let new_at = self.resolved(self.new, &listed);
            let subjects = vec![(Side::Old, listed.clone()), (Side::New, listed.clone())];
            if o.address != n.address {
                let same_addresses =
                    o.address.as_deref().map(shape) == n.address.as_deref().map(shape);
                let (verdicts, why) = if same_addresses {
                    (
                        [Compatible, Compatible],
                        "only parameter names changed: every address stays the same",
                    )
                } else {
                    (
                        [Breaking, Breaking],
                        "publishers and subscribers built for different versions no longer meet",
                    )
                };
                let message = format!(
                    "address {:?} -> {:?}: {why}",
                    o.address.as_deref().unwrap_or("none"),
                    n.address.as_deref().unwrap_or("none")
                );
                self.fixed(
                    Side::New,
                    &pointer::join(&new_at, "address"),
                    Kind::ChannelAddressChanged,
                    "",
                    message,
                    verdicts,
                    subjects.clone(),
                );
            }
            for p in &n.parameters {
                let Some(q) = o.parameters.iter().find(|q| q.wire == p.wire) else {
                    continue;
                };
                let p_at = pointer::join(&pointer::join(&new_at, "parameters"), &p.wire);
                let q_at = pointer::join(&pointer::join(&old_at, "parameters"), &q.wire);
                let values = |d: &crate::model::ParameterDef| {
                    d.values
                        .as_ref()
                        .map(|(_, v)| v.iter().map(|v| v.wire.clone()).collect::<Vec<_>>())
                };
                let (a, b) = (values(q), values(p));
                let psubjects = vec![
                    (Side::Old, q_at.clone()),
                    (Side::New, p_at.clone()),
                    (Side::Old, listed.clone()),
                    (Side::New, listed.clone()),
                ];
                match (&a, &b) {
                    (None, Some(b)) => {
                        let message = format!(
                            "parameter {:?} limited to {}: an old producer may use any other value",
                            p.wire,
                            b.join(", ")
                        );
                        self.fixed(
                            Side::New,
                            &pointer::join(&p_at, "enum"),
                            Kind::ParameterEnumNarrowed,
                            &p.wire,
                            message,
                            [Compatible, Breaking],
                            psubjects.clone(),
                        );
                    }
                    (Some(a), None) => {
                        let message = format!(
                            "parameter {:?} no longer limited to {}",
                            p.wire,
                            a.join(", ")
                        );
                        self.fixed(
                            Side::Old,
                            &pointer::join(&q_at, "enum"),
                            Kind::ParameterEnumWidened,
                            &p.wire,
                            message,
                            [Breaking, Compatible],
                            psubjects.clone(),
                        );
                    }
                    (Some(a), Some(b)) => {
                        let gone: Vec<&String> = a.iter().filter(|v| !b.contains(v)).collect();
                        let new_values: Vec<&String> =
                            b.iter().filter(|v| !a.contains(v)).collect();
                        if !gone.is_empty() {
                            let message = format!(
                                "parameter {:?}: {} no longer allowed",
                                p.wire,
                                join(&gone)
                            );
                            self.fixed(
                                Side::Old,
                                &pointer::join(&q_at, "enum"),
                                Kind::ParameterEnumNarrowed,
                                &p.wire,
                                message,
                                [Compatible, Breaking],
                                psubjects.clone(),
                            );
                        }
                        if !new_values.is_empty() {
                            let message = format!(
                                "parameter {:?}: {} now allowed",
                                p.wire,
                                join(&new_values)
                            );
                            self.fixed(
                                Side::New,
                                &pointer::join(&p_at, "enum"),
                                Kind::ParameterEnumWidened,
                                &p.wire,
                                message,
                                [Breaking, Compatible],
                                psubjects.clone(),
                            );
                        }
                    }
                    (None, None) => {}
                }
                let location = |side: &Prepared, at: &str| {
                    side.root()
                        .pointer(at)
                        .map(|v| deref(&side.bundle, v, at).1.clone())
                        .and_then(|v| v.get("location").cloned())
                };
                if location(self.old, &q_at) != location(self.new, &p_at) {
                    let message = format!(
                        "parameter {:?}: location changed (where its value is read from)",
                        p.wire
                    );
                    self.fixed(
                        Side::New,
                        &p_at,
                        Kind::ParameterChanged,
                        &p.wire,
                        message,
                        [Unclassified, Unclassified],
                        psubjects.clone(),
                    );
                }
                if p.default != q.default
                    || p.description != q.description
                    || p.examples != q.examples
                {
                    let message = format!("parameter {:?}: documentation changed", p.wire);
                    self.fixed(
                        Side::New,
                        &p_at,
                        Kind::AnnotationChanged,
                        &p.wire,
                        message,
                        [Compatible, Compatible],
                        Vec::new(),
                    );
                }
            }
            // Messages of the channel, by what they are (not by key).
            let old_set: Vec<usize> = o
                .messages
                .iter()
                .filter_map(|(_, v)| variant_index(self.old, v))
                .collect();
            let new_set: Vec<usize> = n
                .messages
                .iter()
                .filter_map(|(_, v)| variant_index(self.new, v))
                .collect();
            for (key, variant) in &n.messages {
                let Some(j) = variant_index(self.new, variant) else {
                    continue;
                };
                if let Some(i) = self.new_to_old[j] {
                    if !old_set.contains(&i) {
                        let at = pointer::join(&pointer::join(&new_at, "messages"), key);
                        let name = &self.new.model.messages[j].name;
                        let message = format!("channel {:?} now carries message {name:?}: readers built for the old document do not expect it there", n.key);
                        self.fixed(
                            Side::New,
                            &at,
                            Kind::ChannelMessageAdded,
                            name,
                            message,
                            [Breaking, Compatible],
                            subjects.clone(),
                        );
                    }
                }
            }
            for (key, variant) in &o.messages {
                let Some(i) = variant_index(self.old, variant) else {
                    continue;
                };
                if let Some(j) = self.old_to_new[i] {
                    if !new_set.contains(&j) {
                        let at = pointer::join(&pointer::join(&old_at, "messages"), key);
                        let name = &self.old.model.messages[i].name;
                        let message = format!("channel {:?} no longer carries message {name:?}: producers built for the old document still send it", o.key);
                        self.fixed(
                            Side::Old,
                            &at,
                            Kind::ChannelMessageRemoved,
                            name,
                            message,
                            [Compatible, Breaking],
                            subjects.clone(),
                        );
                    }
                }
            }
            let handled = ["address", "parameters", "messages", "$ref"];
            self.raw_members(&old_at, &new_at, &handled);
        }
    }

    /// The place an entry of a map stands for (itself, or what its `$ref` names).
    fn resolved(&self, side: &Prepared, at: &str) -> String {
        match side.root().pointer(at) {
            Some(value) => deref(&side.bundle, value, at).0,
            None => at.to_string(),
        }
    }

    fn operations(&mut self) {
        let (old, new) = (&self.old.model.operations, &self.new.model.operations);
        for op in new.iter().filter(|n| !old.iter().any(|o| o.id == n.id)) {
            let at = pointer::join("/operations", &op.id);
            let message = format!("operation {:?} added", op.id);
            self.fixed(
                Side::New,
                &at,
                Kind::OperationAdded,
                "",
                message,
                [Compatible, Compatible],
                vec![(Side::New, at.clone())],
            );
        }
        for op in old.iter().filter(|o| !new.iter().any(|n| n.id == o.id)) {
            let at = pointer::join("/operations", &op.id);
            let message = format!(
                "operation {:?} removed (the messages of its channel are compared on their own)",
                op.id
            );
            self.fixed(
                Side::Old,
                &at,
                Kind::OperationRemoved,
                "",
                message,
                [Compatible, Compatible],
                vec![(Side::Old, at.clone())],
            );
        }
        for (o, n) in old.iter().filter_map(|o| {
            new.iter()
                .find(|n| n.id == o.id)
                .map(|n| (o.clone(), n.clone()))
        }) {
            let listed = pointer::join("/operations", &o.id);
            let old_at = self.resolved(self.old, &listed);
            let new_at = self.resolved(self.new, &listed);
            let subjects = vec![(Side::Old, listed.clone()), (Side::New, listed.clone())];
            if o.action != n.action {
                let message = format!(
                    "action {} -> {}: the application's side of the exchange is reversed",
                    o.action, n.action
                );
                self.fixed(
                    Side::New,
                    &pointer::join(&new_at, "action"),
                    Kind::OperationActionChanged,
                    "",
                    message,
                    [Breaking, Breaking],
                    subjects.clone(),
                );
            }
            let channel_key =
                |side: &Prepared, i: usize| side.model.channels.get(i).map(|c| c.key.clone());
            let (a, b) = (
                channel_key(self.old, o.channel),
                channel_key(self.new, n.channel),
            );
            if a != b {
                let message = format!(
                    "channel {:?} -> {:?}",
                    a.unwrap_or_default(),
                    b.unwrap_or_default()
                );
                self.fixed(
                    Side::New,
                    &pointer::join(&new_at, "channel"),
                    Kind::OperationChannelChanged,
                    "",
                    message,
                    [Breaking, Breaking],
                    subjects.clone(),
                );
            }
            let old_set: Vec<usize> = o
                .messages
                .iter()
                .filter_map(|v| variant_index(self.old, v))
                .collect();
            let new_set: Vec<usize> = n
                .messages
                .iter()
                .filter_map(|v| variant_index(self.new, v))
                .collect();
            for &j in &new_set {
                if let Some(i) = self.new_to_old[j] {
                    if !old_set.contains(&i) {
                        let name = self.new.model.messages[j].name.clone();
                        let message = format!("operation {:?} now carries message {name:?}", n.id);
                        self.fixed(
                            Side::New,
                            &pointer::join(&new_at, "messages"),
                            Kind::OperationMessageAdded,
                            &name,
                            message,
                            [Breaking, Compatible],
                            subjects.clone(),
                        );
                    }
                }
            }
            for &i in &old_set {
                if let Some(j) = self.old_to_new[i] {
                    if !new_set.contains(&j) {
                        let name = self.old.model.messages[i].name.clone();
                        let message =
                            format!("operation {:?} no longer carries message {name:?}", o.id);
                        self.fixed(
                            Side::Old,
                            &pointer::join(&old_at, "messages"),
                            Kind::OperationMessageRemoved,
                            &name,
                            message,
                            [Compatible, Breaking],
                            subjects.clone(),
                        );
                    }
                }
            }
            let reply = |side: &Prepared,
                         r: &Option<crate::model::ReplyDef>,
                         map: &dyn Fn(usize) -> Option<usize>| {
                r.as_ref().map(|r| {
                    let channel = r
                        .channel
                        .and_then(|c| side.model.channels.get(c))
                        .map(|c| c.key.clone());
                    let messages: BTreeSet<Option<usize>> = r
                        .messages
                        .iter()
                        .map(|v| variant_index(side, v).and_then(map))
                        .collect();
                    (channel, r.address.clone(), messages)
                })
            };
            let old_to_new = self.old_to_new.clone();
            let a = reply(self.old, &o.reply, &|i| {
                old_to_new.get(i).copied().flatten()
            });
            let b = reply(self.new, &n.reply, &|j| Some(j));
            if a != b {
                let message = format!(
                    "the reply of operation {:?} changed (its channel, address or messages)",
                    n.id
                );
                self.fixed(
                    Side::New,
                    &pointer::join(&new_at, "reply"),
                    Kind::OperationReplyChanged,
                    "",
                    message,
                    [Breaking, Breaking],
                    subjects.clone(),
                );
            }
            let handled = ["action", "channel", "messages", "reply", "traits", "$ref"];
            self.raw_members(&old_at, &new_at, &handled);
        }
    }

    fn servers(&mut self) {
        let (old, new) = (&self.old.model.servers, &self.new.model.servers);
        for s in new.iter().filter(|n| !old.iter().any(|o| o.key == n.key)) {
            let at = pointer::join("/servers", &s.key);
            let message = format!("server {:?} added", s.key);
            self.fixed(
                Side::New,
                &at,
                Kind::ServerAdded,
                "",
                message,
                [Compatible, Compatible],
                vec![(Side::New, at.clone())],
            );
        }
        for s in old.iter().filter(|o| !new.iter().any(|n| n.key == o.key)) {
            let at = pointer::join("/servers", &s.key);
            let message = format!("server {:?} removed", s.key);
            self.fixed(
                Side::Old,
                &at,
                Kind::ServerRemoved,
                "",
                message,
                [Compatible, Compatible],
                vec![(Side::Old, at.clone())],
            );
        }
        for s in old.iter().filter(|o| new.iter().any(|n| n.key == o.key)) {
            let listed = pointer::join("/servers", &s.key);
            let a = self
                .old
                .root()
                .pointer(&listed)
                .map(|v| deref(&self.old.bundle, v, &listed).1.clone());
            let b = self
                .new
                .root()
                .pointer(&listed)
                .map(|v| deref(&self.new.bundle, v, &listed).1.clone());
            let (Some(Value::Object(a)), Some(Value::Object(b))) = (a, b) else {
                continue;
            };
            let mut changed: Vec<&String> = b
                .keys()
                .filter(|k| a.get(k.as_str()) != b.get(k.as_str()))
                .collect();
            changed.extend(a.keys().filter(|k| !b.contains_key(k.as_str())));
            if !changed.is_empty() {
                let names: Vec<&str> = changed.iter().map(|k| k.as_str()).collect();
                let message = format!(
                    "server {:?}: {} changed (informational)",
                    s.key,
                    names.join(", ")
                );
                let subjects = vec![(Side::Old, listed.clone()), (Side::New, listed.clone())];
                self.fixed(
                    Side::New,
                    &listed,
                    Kind::ServerChanged,
                    "",
                    message,
                    [Compatible, Compatible],
                    subjects,
                );
            }
        }
    }

    fn info(&mut self) {
        let (a, b) = (self.old.root().get("info"), self.new.root().get("info"));
        let (Some(Value::Object(a)), Some(Value::Object(b))) = (a, b) else {
            return;
        };
        let mut changed: Vec<&String> = b
            .keys()
            .filter(|k| a.get(k.as_str()) != b.get(k.as_str()))
            .collect();
        changed.extend(a.keys().filter(|k| !b.contains_key(k.as_str())));
        if !changed.is_empty() {
            let names: Vec<&str> = changed.iter().map(|k| k.as_str()).collect();
            let message = format!("info: {} changed (informational)", names.join(", "));
            self.fixed(
                Side::New,
                "/info",
                Kind::InfoChanged,
                "",
                message,
                [Compatible, Compatible],
                Vec::new(),
            );
        }
    }
}

enum Part {
    /// A JSON schema at a place (`None`: any value).
    Schema(Option<String>),
    /// A schema in another language, as written, and its format.
    Opaque(Value, String),
}

/// The message's examples of its payload (or headers).
fn examples(side: &Prepared, m: &MessageDef, key: &str) -> Vec<Value> {
    side.root()
        .pointer(&pointer::join(&m.pointer, "examples"))
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(|e| e.get(key).cloned()).collect())
        .unwrap_or_default()
}

fn variant_index(side: &Prepared, variant: &str) -> Option<usize> {
    side.model
        .messages
        .iter()
        .position(|m| m.variant == variant)
}

fn carried_by(side: &Prepared, variant: &str) -> Vec<String> {
    side.model
        .channels
        .iter()
        .filter(|c| c.messages.iter().any(|(_, v)| v == variant))
        .map(|c| c.key.clone())
        .collect()
}

fn on(channels: &[String]) -> String {
    if channels.is_empty() {
        " (on no channel)".into()
    } else {
        format!(" (on {})", channels.join(", "))
    }
}

fn join(values: &[&String]) -> String {
    values
        .iter()
        .map(|v| format!("{v:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An address with its parameter names left out: `a/{x}/b` -> `a/{}/b`.
fn shape(address: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in address.chars() {
        match c {
            '{' => {
                inside = true;
                out.push('{');
            }
            '}' => {
                inside = false;
                out.push('}');
            }
            _ if inside => {}
            c => out.push(c),
        }
    }
    out
}
