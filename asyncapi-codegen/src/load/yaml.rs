//! YAML into the runtime's `Value`, with the line and column of every value.
//!
//! The text is read as events by `saphyr-parser`, and the value is built from them
//! here, so that numbers keep their digits (the core schema's reading is in
//! [`scalar`]) and every value is located. saphyr-parser rather than yaml-rust2 (the
//! same YAML 1.2 parser before its events carried spans): its events give where each
//! node starts and ends, borrow plain scalars from the text instead of allocating
//! them, and can be pulled one at a time, so a limit stops the parse where it is
//! reached; it has no other dependency of weight.
//!
//! Nesting stays cheap without a pass of our own before the parser: its scanner does
//! work in proportion to the flow depth for every token, but keeps that depth in a
//! byte and refuses the 256th nested flow collection as it reads it (the old loader's
//! scanner went on, and took 37 s over 100,000 `[`); deeper block nesting, and
//! nesting that flow and block reach together or through aliases, is refused here at
//! the event that goes deeper than [`MAX_DEPTH`], before anything deeper is built.

mod scalar;

use std::borrow::Cow;
use std::collections::HashMap;

use asyncapi_runtime::{Map, Value};
use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Tag};

use super::{pointer, MAX_ALIAS_VALUES, MAX_DEPTH};
use scalar::Plain;

/// Where (when known) and why a text is refused.
pub(super) type Failure = (Option<(usize, usize)>, String);

type Position = (usize, usize);

/// A document read: its value, and the position of each value by JSON pointer.
pub(super) struct Loaded {
    pub(super) root: Value,
    pub(super) positions: HashMap<String, Position>,
}

/// Parses YAML text (one document; none is `null`).
pub(super) fn parse(text: &str) -> Result<Loaded, Failure> {
    let mut builder = Builder {
        positions: HashMap::with_capacity(estimate_values(text)),
        ..Builder::default()
    };
    let mut parser = Parser::new_from_str(text);
    let mut documents = 0;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| {
            let message = if e.info() == "recursion limit exceeded" {
                // The scanner's own limit, on flow nesting alone.
                "flow collections nested deeper than 255 levels".to_string()
            } else {
                e.info().to_string()
            };
            (Some(position(*e.marker())), message)
        })?;
        let at = position(span.start);
        match event {
            Event::StreamEnd => break,
            Event::StreamStart | Event::Nothing | Event::DocumentEnd => {}
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err((
                        Some(at),
                        "more than one document in the stream: a file holds one document".into(),
                    ));
                }
            }
            Event::Alias(id) => builder.alias(id, at)?,
            Event::Scalar(text, style, anchor, tag) => {
                builder.scalar(text, style, anchor, tag.as_deref(), at)?
            }
            Event::SequenceStart(anchor, tag) => {
                builder.start(false, anchor, tag.as_deref(), at)?
            }
            Event::MappingStart(anchor, tag) => builder.start(true, anchor, tag.as_deref(), at)?,
            Event::SequenceEnd | Event::MappingEnd => builder.end()?,
        }
    }
    Ok(Loaded {
        root: builder.root.unwrap_or(Value::Null),
        positions: builder.positions,
    })
}

/// About how many values `text` holds (each member follows a `:`, each item a `-`
/// or `,`), so the positions map is allocated once.
fn estimate_values(text: &str) -> usize {
    let count = text
        .bytes()
        .filter(|b| matches!(b, b':' | b'-' | b','))
        .count();
    count.min(text.len() / 2) + 1
}

/// 1-based line and column of a marker (its column is 0-based, in characters).
fn position(marker: Marker) -> Position {
    (marker.line(), marker.col() + 1)
}

fn fail<T>(at: Position, message: impl Into<String>) -> Result<T, Failure> {
    Err((Some(at), message.into()))
}

/// The tags of the core schema, the only ones read.
#[derive(Debug, Clone, Copy, PartialEq)]
enum CoreTag {
    Str,
    Int,
    Float,
    Bool,
    Null,
    Map,
    Seq,
    /// `!`: not to be typed (a string, for a scalar).
    NonSpecific,
}

fn core_tag(tag: &Tag, at: Position) -> Result<CoreTag, Failure> {
    const CORE: &str = "tag:yaml.org,2002:";
    let full = format!("{}{}", tag.handle, tag.suffix);
    Ok(match full.strip_prefix(CORE) {
        Some("str") => CoreTag::Str,
        Some("int") => CoreTag::Int,
        Some("float") => CoreTag::Float,
        Some("bool") => CoreTag::Bool,
        Some("null") => CoreTag::Null,
        Some("map") => CoreTag::Map,
        Some("seq") => CoreTag::Seq,
        _ if tag.handle.is_empty() && tag.suffix == "!" => CoreTag::NonSpecific,
        _ => {
            let written = if tag.handle == "!" {
                format!("!{}", tag.suffix)
            } else if let Some(suffix) = full.strip_prefix(CORE) {
                format!("!!{suffix}")
            } else {
                full
            };
            return fail(at, format!("YAML tag {written} is not supported"));
        }
    })
}

/// A scalar's value: the core schema for plain ones, the tag's type for tagged ones.
fn scalar_value(
    text: &str,
    style: ScalarStyle,
    tag: Option<CoreTag>,
    at: Position,
) -> Result<Value, Failure> {
    let not = |what: &str| fail(at, format!("{text:?} is not {what}"));
    let number = |n: Option<Option<asyncapi_runtime::Number>>, what: &str| match n {
        Some(Some(n)) => Ok(Value::Number(n)),
        Some(None) => fail(at, format!("{text} has no JSON representation")),
        None => not(what),
    };
    match tag {
        None if style == ScalarStyle::Plain => match scalar::plain(text) {
            Plain::Null => Ok(Value::Null),
            Plain::Bool(b) => Ok(Value::Bool(b)),
            Plain::Number(n) => Ok(Value::Number(n)),
            Plain::NotJson => fail(at, format!("{text} has no JSON representation")),
            Plain::String => Ok(Value::String(text.to_string())),
        },
        None | Some(CoreTag::Str | CoreTag::NonSpecific) => Ok(Value::String(text.to_string())),
        Some(CoreTag::Null) if scalar::is_null(text) => Ok(Value::Null),
        Some(CoreTag::Null) => not("a null (!!null)"),
        Some(CoreTag::Bool) => match scalar::boolean(text) {
            Some(b) => Ok(Value::Bool(b)),
            None => not("a boolean (!!bool)"),
        },
        Some(CoreTag::Int) => number(scalar::integer(text).map(Some), "an integer (!!int)"),
        Some(CoreTag::Float) => number(scalar::number(text), "a number (!!float)"),
        Some(CoreTag::Map | CoreTag::Seq) => fail(
            at,
            format!(
                "a scalar ({text:?}) cannot be tagged !!{}",
                if tag == Some(CoreTag::Map) {
                    "map"
                } else {
                    "seq"
                }
            ),
        ),
    }
}

/// Refuses a scalar as a mapping key unless it is a string, a number or a boolean
/// (which stand as their text).
fn check_key(
    text: &str,
    style: ScalarStyle,
    tag: Option<CoreTag>,
    at: Position,
) -> Result<(), Failure> {
    let null = match tag {
        None if style == ScalarStyle::Plain => scalar::is_null(text),
        None | Some(CoreTag::Str | CoreTag::NonSpecific) => false,
        Some(_) => scalar_value(text, style, tag, at)?.is_null(),
    };
    if null {
        return fail(
            at,
            "a mapping key must be a string, a number or a boolean, not null",
        );
    }
    Ok(())
}

/// A node whose anchor aliases may copy.
struct Anchored {
    value: Value,
    /// The positions of its values, by pointer relative to it (`""`: itself).
    positions: Vec<(String, Position)>,
    /// How many collections deep it is (0 for a scalar).
    depth: usize,
    /// Its text, when it is a scalar that can be a mapping key.
    key: Option<String>,
}

/// What the parent of the next node expects.
enum Pending {
    /// The value of a member.
    Value(String),
    /// The value of a merge key `<<`.
    Merge,
}

enum Member {
    Own(String, Value),
    /// A merge key's value (a mapping or a list of them) and its positions, relative.
    Merge(Value, Vec<(String, Position)>, Position),
}

enum Content {
    Seq(Vec<Value>),
    Map {
        members: Vec<Member>,
        /// The mapping's own keys and where they are.
        own: HashMap<String, Position>,
        pending: Option<Pending>,
        merges: bool,
    },
}

struct Frame {
    pointer: String,
    at: Position,
    anchor: usize,
    /// Where this node's positions start in `Builder::captured`, when they are kept
    /// for an anchor or a merge.
    capture: Option<usize>,
    /// The depth of its deepest child collection.
    depth: usize,
    content: Content,
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    root: Option<Value>,
    positions: HashMap<String, Position>,
    /// Positions recorded while an anchored node or a merge value is open.
    captured: Vec<(String, Position)>,
    captures: usize,
    anchors: HashMap<usize, Anchored>,
    /// Values produced by aliases so far.
    aliased: usize,
}

/// Where the next node goes.
enum Slot {
    Root,
    Item(String),
    Key,
    Value(String),
    Merge(String),
}

impl Builder {
    fn slot(&self) -> Slot {
        match self.stack.last() {
            None => Slot::Root,
            Some(frame) => match &frame.content {
                Content::Seq(items) => Slot::Item(pointer::index(&frame.pointer, items.len())),
                Content::Map { pending: None, .. } => Slot::Key,
                Content::Map {
                    pending: Some(Pending::Value(key)),
                    ..
                } => Slot::Value(child_pointer(&frame.pointer, key)),
                Content::Map {
                    pending: Some(Pending::Merge),
                    ..
                } => {
                    // `~<` is no escape, so no key's pointer is this one.
                    Slot::Merge(format!("{}/~<<", frame.pointer))
                }
            },
        }
    }

    /// Whether the next node is a merge key's value.
    fn expects_merge(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                content: Content::Map {
                    pending: Some(Pending::Merge),
                    ..
                },
                ..
            })
        )
    }

    fn record(&mut self, at_pointer: String, at: Position) {
        if self.captures > 0 {
            self.captured.push((at_pointer.clone(), at));
        }
        self.positions.insert(at_pointer, at);
    }

    fn scalar(
        &mut self,
        text: Cow<'_, str>,
        style: ScalarStyle,
        anchor: usize,
        tag: Option<&Tag>,
        at: Position,
    ) -> Result<(), Failure> {
        let tag = tag.map(|tag| core_tag(tag, at)).transpose()?;
        match self.slot() {
            Slot::Key => {
                let merge = tag.is_none() && style == ScalarStyle::Plain && text == "<<";
                if !merge {
                    check_key(&text, style, tag, at)?;
                }
                if anchor != 0 {
                    // Aliased as a value, the key reads as any scalar (a key that no
                    // value can be, `.inf`, as its text).
                    let value = scalar_value(&text, style, tag, at)
                        .unwrap_or_else(|_| Value::String(text.to_string()));
                    self.anchors.insert(
                        anchor,
                        Anchored {
                            value,
                            positions: vec![(String::new(), at)],
                            depth: 0,
                            key: (!merge).then(|| text.to_string()),
                        },
                    );
                }
                if merge {
                    self.merge_key();
                    Ok(())
                } else {
                    self.key(text.into_owned(), at)
                }
            }
            slot => {
                let value = scalar_value(&text, style, tag, at)?;
                if anchor != 0 {
                    let key = match value {
                        Value::String(_) | Value::Number(_) | Value::Bool(_) => {
                            Some(text.to_string())
                        }
                        _ => None,
                    };
                    self.anchors.insert(
                        anchor,
                        Anchored {
                            value: value.clone(),
                            positions: vec![(String::new(), at)],
                            depth: 0,
                            key,
                        },
                    );
                }
                match slot {
                    Slot::Merge(..) => self.attach(value, 0, Some(Vec::new()), at),
                    Slot::Root => {
                        self.record(String::new(), at);
                        self.attach(value, 0, None, at)
                    }
                    Slot::Item(p) | Slot::Value(p) => {
                        self.record(p, at);
                        self.attach(value, 0, None, at)
                    }
                    Slot::Key => unreachable!("handled above"),
                }
            }
        }
    }

    /// A member's key was read.
    fn key(&mut self, key: String, at: Position) -> Result<(), Failure> {
        let Some(Frame {
            content: Content::Map { own, pending, .. },
            ..
        }) = self.stack.last_mut()
        else {
            return Ok(());
        };
        if let Some(&(line, column)) = own.get(&key) {
            return fail(
                at,
                format!("duplicate key {key:?} (first at line {line} column {column})"),
            );
        }
        own.insert(key.clone(), at);
        *pending = Some(Pending::Value(key));
        Ok(())
    }

    fn merge_key(&mut self) {
        if let Some(Frame {
            content: Content::Map {
                pending, merges, ..
            },
            ..
        }) = self.stack.last_mut()
        {
            *pending = Some(Pending::Merge);
            *merges = true;
        }
    }

    fn alias(&mut self, id: usize, at: Position) -> Result<(), Failure> {
        let Some(anchored) = self.anchors.get(&id) else {
            return fail(at, "an alias inside the node it names (a recursive alias)");
        };
        let slot = self.slot();
        if let Slot::Key = slot {
            return match anchored.key.clone() {
                Some(key) => self.key(key, at),
                None => fail(at, "a mapping key must be a string, a number or a boolean"),
            };
        }
        self.aliased = self.aliased.saturating_add(anchored.positions.len());
        if self.aliased > MAX_ALIAS_VALUES {
            return fail(
                at,
                format!("aliases expand to more than {MAX_ALIAS_VALUES} values"),
            );
        }
        if self.stack.len() + anchored.depth > MAX_DEPTH {
            return fail(at, format!("nested deeper than {MAX_DEPTH} levels"));
        }
        let value = anchored.value.clone();
        let depth = anchored.depth;
        match slot {
            Slot::Merge(..) => {
                let positions = anchored.positions.clone();
                self.attach(value, depth, Some(positions), at)
            }
            Slot::Root | Slot::Item(_) | Slot::Value(_) => {
                let base = match slot {
                    Slot::Item(p) | Slot::Value(p) => p,
                    _ => String::new(),
                };
                let copies: Vec<(String, Position)> = anchored
                    .positions
                    .iter()
                    .map(|(suffix, position)| (format!("{base}{suffix}"), *position))
                    .collect();
                for (p, position) in copies {
                    self.record(p, position);
                }
                self.attach(value, depth, None, at)
            }
            Slot::Key => unreachable!("handled above"),
        }
    }

    fn start(
        &mut self,
        mapping: bool,
        anchor: usize,
        tag: Option<&Tag>,
        at: Position,
    ) -> Result<(), Failure> {
        if let Some(tag) = tag {
            match (core_tag(tag, at)?, mapping) {
                (CoreTag::Map, true) | (CoreTag::Seq, false) | (CoreTag::NonSpecific, _) => {}
                (other, _) => {
                    let kind = if mapping { "a mapping" } else { "a sequence" };
                    return fail(at, format!("{kind} cannot be tagged {}", tag_name(other)));
                }
            }
        }
        if self.stack.len() >= MAX_DEPTH {
            return fail(at, format!("nested deeper than {MAX_DEPTH} levels"));
        }
        let slot = self.slot();
        let merge = matches!(slot, Slot::Merge(_));
        let pointer = match slot {
            Slot::Key => {
                let kind = if mapping { "a mapping" } else { "a sequence" };
                return fail(
                    at,
                    format!("a mapping key must be a string, a number or a boolean, not {kind}"),
                );
            }
            Slot::Root => String::new(),
            Slot::Item(p) | Slot::Value(p) | Slot::Merge(p) => p,
        };
        let capture = (anchor != 0 || merge).then(|| {
            self.captures += 1;
            self.captured.len()
        });
        self.record(pointer.clone(), at);
        self.stack.push(Frame {
            pointer,
            at,
            anchor,
            capture,
            depth: 0,
            content: if mapping {
                Content::Map {
                    members: Vec::new(),
                    own: HashMap::new(),
                    pending: None,
                    merges: false,
                }
            } else {
                Content::Seq(Vec::new())
            },
        });
        Ok(())
    }

    fn end(&mut self) -> Result<(), Failure> {
        let Some(frame) = self.stack.pop() else {
            return Ok(());
        };
        let value = match frame.content {
            Content::Seq(items) => Value::Array(items),
            Content::Map {
                members,
                own,
                merges,
                ..
            } => Value::Object(self.assemble(&frame.pointer, members, &own, merges)?),
        };
        let depth = frame.depth + 1;
        let merge = self.expects_merge();
        let mut relative = None;
        if let Some(start) = frame.capture {
            self.captures -= 1;
            let base = frame.pointer.len();
            let taken: Vec<(String, Position)> = if self.captures == 0 || merge {
                self.captured.drain(start..).collect()
            } else {
                self.captured[start..].to_vec()
            };
            if merge {
                // Recorded under a pointer of no value: the members are recorded
                // where they land, when the mapping is assembled.
                for (p, _) in &taken {
                    self.positions.remove(p);
                }
            }
            relative = Some(
                taken
                    .into_iter()
                    .map(|(p, position)| (p[base..].to_string(), position))
                    .collect::<Vec<_>>(),
            );
        }
        if frame.anchor != 0 {
            self.anchors.insert(
                frame.anchor,
                Anchored {
                    value: value.clone(),
                    positions: relative.clone().unwrap_or_default(),
                    depth,
                    key: None,
                },
            );
        }
        let merge_positions = if merge { relative } else { None };
        self.attach(value, depth, merge_positions, frame.at)
    }

    /// Puts a finished value where its parent expects it. `merge` carries the
    /// positions of a merge key's value.
    fn attach(
        &mut self,
        value: Value,
        depth: usize,
        merge: Option<Vec<(String, Position)>>,
        at: Position,
    ) -> Result<(), Failure> {
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(value);
            return Ok(());
        };
        frame.depth = frame.depth.max(depth);
        match &mut frame.content {
            Content::Seq(items) => items.push(value),
            Content::Map {
                members, pending, ..
            } => match pending.take() {
                Some(Pending::Value(key)) => members.push(Member::Own(key, value)),
                Some(Pending::Merge) => {
                    members.push(Member::Merge(value, merge.unwrap_or_default(), at))
                }
                None => {}
            },
        }
        Ok(())
    }

    /// A mapping's members, merge keys applied: the mapping's own keys win, and of
    /// the mappings merged, the first that has a key gives it (as YAML's merge key and
    /// the JavaScript parser of AsyncAPI documents read it). Merged members stand
    /// where the merge key stands.
    fn assemble(
        &mut self,
        at_pointer: &str,
        members: Vec<Member>,
        own: &HashMap<String, Position>,
        merges: bool,
    ) -> Result<Map, Failure> {
        let mut map = Map::with_capacity(members.len());
        if !merges {
            for member in members {
                if let Member::Own(key, value) = member {
                    map.insert(key, value);
                }
            }
            return Ok(map);
        }
        for member in members {
            match member {
                Member::Own(key, value) => {
                    map.insert(key, value);
                }
                Member::Merge(value, positions, at) => {
                    let mut by_token = group(positions);
                    let sources = match value {
                        Value::Object(source) => vec![(source, by_token)],
                        Value::Array(items) => {
                            let mut sources = Vec::with_capacity(items.len());
                            for (i, item) in items.into_iter().enumerate() {
                                let item_positions =
                                    by_token.remove(&i.to_string()).unwrap_or_default();
                                let item_at = item_positions
                                    .iter()
                                    .find(|(p, _)| p.is_empty())
                                    .map_or(at, |(_, position)| *position);
                                match item {
                                    Value::Object(source) => {
                                        sources.push((source, group(item_positions)))
                                    }
                                    _ => {
                                        return fail(
                                            item_at,
                                            "a merge key (<<) list holds mappings only",
                                        )
                                    }
                                }
                            }
                            sources
                        }
                        _ => {
                            return fail(
                                at,
                                "a merge key (<<) takes a mapping or a list of mappings",
                            )
                        }
                    };
                    for (source, mut source_positions) in sources {
                        for (key, value) in source {
                            if own.contains_key(&key) || map.contains_key(&key) {
                                continue;
                            }
                            let base = child_pointer(at_pointer, &key);
                            for (suffix, position) in
                                source_positions.remove(&key).unwrap_or_default()
                            {
                                self.record(format!("{base}{suffix}"), position);
                            }
                            map.insert(key, value);
                        }
                    }
                }
            }
        }
        Ok(map)
    }
}

/// `base` extended by `key`, escaped, in one allocation (this runs for every member).
fn child_pointer(base: &str, key: &str) -> String {
    let mut out = String::with_capacity(base.len() + key.len() + 1);
    out.push_str(base);
    out.push('/');
    push_escaped(&mut out, key);
    out
}

/// Appends `token` escaped as RFC 6901 requires (`~` -> `~0`, `/` -> `~1`).
pub(super) fn push_escaped(out: &mut String, token: &str) {
    if !token.contains(['~', '/']) {
        out.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

fn tag_name(tag: CoreTag) -> &'static str {
    match tag {
        CoreTag::Str => "!!str",
        CoreTag::Int => "!!int",
        CoreTag::Float => "!!float",
        CoreTag::Bool => "!!bool",
        CoreTag::Null => "!!null",
        CoreTag::Map => "!!map",
        CoreTag::Seq => "!!seq",
        CoreTag::NonSpecific => "!",
    }
}

/// Positions relative to a value, grouped by their first reference token (unescaped),
/// each with the rest of its pointer; the value's own position is left out.
fn group(positions: Vec<(String, Position)>) -> HashMap<String, Vec<(String, Position)>> {
    let mut groups: HashMap<String, Vec<(String, Position)>> = HashMap::new();
    for (p, position) in positions {
        match p.strip_prefix('/') {
            None => {}
            Some(rest) => {
                let (token, tail) = match rest.find('/') {
                    Some(i) => (&rest[..i], &rest[i..]),
                    None => (rest, ""),
                };
                groups
                    .entry(pointer::unescape(token))
                    .or_default()
                    .push((tail.to_string(), position));
            }
        }
    }
    groups
}
