//! The document as `@asyncapi/parser` validates it: every reference replaced by what
//! it names, so that each object is checked as what it is where it is used (a message
//! reached through `$ref` from a channel is checked as a message, wherever it is
//! written), and a map back from every place of that view to the place in the bundle,
//! hence in the file, where the value is written.
//!
//! References are followed only where they are references ([`Place::has_references`]:
//! not inside examples, enums or extensions); a reference back into one being
//! followed (a recursive schema) stays a `$ref`. Documents that share schemas a great
//! deal would grow without bound when every use is inlined, so past a budget of values
//! ([`NODES_PER_VALUE`] per value of the bundle, at least [`MIN_NODES`], at most
//! [`MAX_NODES`]: checking stays linear in the document's size) or [`MAX_DEPTH`]
//! levels, references are left as written: what they name is then checked where it is
//! written only.

use std::collections::HashMap;

use asyncapi_runtime::{Map, Value};

use crate::bundle::formats::normalize::SOURCE;
use crate::bundle::{Bundle, MOUNT};
use crate::load::pointer;
use crate::load::walk::{self, Place};

/// Values the view may hold at most before references are no longer inlined.
pub const MAX_NODES: usize = 1_000_000;
/// Values the view may hold before references are no longer inlined, whatever the size
/// of the document.
pub const MIN_NODES: usize = 50_000;
/// Values the view may hold per value of the bundle.
pub const NODES_PER_VALUE: usize = 8;
/// Levels the view may nest at most before references are no longer inlined.
pub const MAX_DEPTH: usize = 200;

/// The resolved view of a bundle.
pub struct Resolved {
    /// The document with references replaced by their targets.
    pub root: Value,
    /// For the pointer (in `root`) of each inlined value, the pointer (in the bundle)
    /// of what was inlined there.
    origins: HashMap<String, String>,
}

impl Resolved {
    /// Builds the view of `bundle`: the document without the files mounted into it
    /// (they are reached through the references to them), Avro and OpenAPI payloads
    /// as written rather than as translated.
    pub fn new(bundle: &Bundle) -> Resolved {
        let mut builder = Builder {
            bundle,
            origins: HashMap::new(),
            nodes: 0,
            budget: (count_values(&bundle.root) * NODES_PER_VALUE).clamp(MIN_NODES, MAX_NODES),
            following: Vec::new(),
        };
        let mut root = builder.value(&bundle.root, Place::Document, "", "", 0);
        if let Some(map) = root.as_object_mut() {
            map.remove(MOUNT);
        }
        Resolved {
            root,
            origins: builder.origins,
        }
    }

    /// The innermost reference on the way to `at` (a pointer into [`Resolved::root`]):
    /// the pointer in the view where it was inlined, and the bundle pointer of the
    /// object holding the `$ref` (where the reference is written).
    pub fn reference_on_the_way(&self, at: &str) -> Option<(String, String)> {
        let tokens = pointer::tokens(at);
        for cut in (1..=tokens.len()).rev() {
            let inlined = tokens[..cut]
                .iter()
                .fold(String::new(), |p, t| pointer::join(&p, t));
            if self.origins.contains_key(&inlined) {
                let site = pointer::join(&self.origin(pointer::parent(&inlined)), &tokens[cut - 1]);
                return Some((inlined, site));
            }
        }
        None
    }

    /// Where the value at `at` (a pointer into [`Resolved::root`]) is in the bundle.
    pub fn origin(&self, at: &str) -> String {
        let tokens = pointer::tokens(at);
        for cut in (0..=tokens.len()).rev() {
            let prefix = tokens[..cut]
                .iter()
                .fold(String::new(), |p, t| pointer::join(&p, t));
            if let Some(origin) = self.origins.get(&prefix) {
                return tokens[cut..]
                    .iter()
                    .fold(origin.clone(), |p, t| pointer::join(&p, t));
            }
        }
        at.to_string()
    }
}

struct Builder<'b> {
    bundle: &'b Bundle,
    origins: HashMap<String, String>,
    nodes: usize,
    /// How many values `nodes` may reach before references are no longer inlined.
    budget: usize,
    /// The bundle pointers of the references being followed (to stop on cycles).
    following: Vec<String>,
}

impl Builder<'_> {
    /// The view of `value`, a `place` at `origin` in the bundle and at `at` in the view.
    fn value(
        &mut self,
        value: &Value,
        place: Place,
        origin: &str,
        at: &str,
        depth: usize,
    ) -> Value {
        self.nodes += 1;
        if place == Place::Data {
            return value.clone();
        }
        if let Some(target) = self.target(value, place, depth) {
            if let Some(resolved) = self.bundle.get(&target) {
                self.following.push(target.clone());
                self.origins.insert(at.to_string(), target.clone());
                let out = self.value(resolved, place, &target, at, depth + 1);
                self.following.pop();
                return out;
            }
        }
        match value {
            Value::Object(map) => {
                if place == Place::Schema && map.contains_key(SOURCE) {
                    return self.as_written(map, origin, at);
                }
                let mut out = Map::with_capacity(map.len());
                for (key, child) in map.iter() {
                    let child_place = walk::child_place(place, value, key, child);
                    let resolved = self.value(
                        child,
                        child_place,
                        &pointer::join(origin, key),
                        &pointer::join(at, key),
                        depth + 1,
                    );
                    out.insert(key.clone(), resolved);
                }
                Value::Object(out)
            }
            Value::Array(items) => {
                let item_place = match place {
                    Place::SchemaList => Place::Schema,
                    Place::ObjectList => Place::Object,
                    _ => Place::Data,
                };
                let out = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        self.value(
                            item,
                            item_place,
                            &pointer::index(origin, i),
                            &pointer::index(at, i),
                            depth + 1,
                        )
                    })
                    .collect();
                Value::Array(out)
            }
            other => other.clone(),
        }
    }

    /// The bundle pointer a reference at this place leads to, when it is to be followed.
    fn target(&self, value: &Value, place: Place, depth: usize) -> Option<String> {
        if !place.has_references() || depth > MAX_DEPTH || self.nodes > self.budget {
            return None;
        }
        let target = value
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(Bundle::target)?;
        (!self.following.contains(&target)).then_some(target)
    }

    /// A Multi Format Schema Object the bundle translated (Avro, OpenAPI): as written,
    /// its schema checked as the parser checks it, in its own language.
    fn as_written(&mut self, map: &Map, origin: &str, at: &str) -> Value {
        let mut out = Map::with_capacity(map.len());
        let source = map.get(SOURCE).and_then(Value::as_object);
        for (key, child) in map.iter() {
            if key == SOURCE {
                continue;
            }
            let original = source.and_then(|s| s.get(key)).unwrap_or(child);
            self.nodes += 1;
            out.insert(key.clone(), original.clone());
        }
        // The original schema stands where the translation is: errors in it are located
        // by the same pointers in the file as written.
        self.origins
            .insert(pointer::join(at, "schema"), pointer::join(origin, "schema"));
        Value::Object(out)
    }
}

/// How many values `root` holds, itself included.
fn count_values(root: &Value) -> usize {
    let mut count = 0;
    let mut pending = vec![root];
    while let Some(value) = pending.pop() {
        count += 1;
        match value {
            Value::Object(map) => pending.extend(map.values()),
            Value::Array(items) => pending.extend(items.iter()),
            _ => {}
        }
    }
    count
}
