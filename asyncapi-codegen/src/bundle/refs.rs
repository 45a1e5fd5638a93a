//! Resolving every `$ref` of a document (and of the files it reads) to a local pointer.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use asyncapi_runtime::{Map, Value};

use super::files;
use super::uri::Uri;
use super::{reference_to, suggest, Bundle, MOUNT};
use crate::error::{Error, Problem};
use crate::load::walk::Place;
use crate::load::{pointer, Document};

/// Files a document may pull in through references, at most.
const MAX_FILES: usize = 1000;

/// A `$ref` found: where its `$ref` member is, the base URI in force, its text, and
/// what the object holding it is (a schema, an object of the specification).
struct Found {
    at: String,
    base: Uri,
    reference: String,
    place: Place,
}

pub(super) struct Resolver<'a> {
    doc: &'a Document,
    root: Value,
    mounts: Vec<(String, Document)>,
    /// Resource URIs (without fragment) -> pointer in `root`.
    resources: HashMap<String, String>,
    /// (resource URI, anchor name) -> pointer.
    anchors: HashMap<(String, String), String>,
    /// Mounted files by absolute path -> pointer prefix.
    mounted: HashMap<PathBuf, String>,
    /// Pointers of the values whose references have been looked for.
    indexed: HashSet<String>,
    found: Vec<Found>,
    errors: Vec<Error>,
}

impl<'a> Resolver<'a> {
    pub(super) fn new(doc: &'a Document) -> Resolver<'a> {
        Resolver {
            doc,
            root: doc.root.clone(),
            mounts: Vec::new(),
            resources: HashMap::new(),
            anchors: HashMap::new(),
            mounted: HashMap::new(),
            indexed: HashSet::new(),
            found: Vec::new(),
            errors: Vec::new(),
        }
    }

    fn error(&self, at: &str, problem: Problem) -> Error {
        Error::At {
            location: Box::new(self.locate(at)),
            problem,
        }
    }

    fn locate(&self, at: &str) -> crate::error::Location {
        for (prefix, doc) in &self.mounts {
            if let Some(inner) = at.strip_prefix(prefix.as_str()) {
                if inner.is_empty() || inner.starts_with('/') {
                    return doc.locate(inner);
                }
            }
        }
        self.doc.locate(at)
    }

    pub(super) fn run(self) -> Result<Bundle, Error> {
        let (bundle, errors) = self.run_leniently();
        Error::from_list(errors)?;
        Ok(bundle)
    }

    /// Resolves every reference that can be; the others are left as written, and their
    /// errors returned beside the bundle.
    pub(super) fn run_leniently(mut self) -> (Bundle, Vec<Error>) {
        let file = files::absolute(&self.doc.file);
        let base = Uri::for_file(&file);
        self.resources
            .insert(base.without_fragment(), String::new());
        let root = self.root.clone();
        self.index(&root, Place::Document, "", &base);
        // Resolving may mount files, whose references join the list.
        let mut raw: HashMap<String, (String, String)> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut next = 0;
        while next < self.found.len() {
            let (at, base, reference, place) = {
                let f = &self.found[next];
                (f.at.clone(), f.base.clone(), f.reference.clone(), f.place)
            };
            next += 1;
            match self.resolve(&base, &reference, &at) {
                Ok(target) => {
                    self.index_target(&target, place);
                    order.push(at.clone());
                    raw.insert(at, (target, reference));
                }
                Err(error) => self.errors.push(error),
            }
        }
        // A pointer may pass through a reference on its way (`#/channels/orders/messages/
        // placed` where `orders` is `{$ref: ...}`): it is followed, as JSON reference
        // resolvers do.
        let mut targets: Vec<(String, String)> = Vec::new();
        for at in order {
            let (target, reference) = &raw[&at];
            match follow(&self.root, target, &raw, 0) {
                Some(found) => targets.push((at, found)),
                None => {
                    let suggestion = suggest(&self.root, target).map(|s| self.retell(&s));
                    let error = self.error(
                        &at,
                        Problem::DanglingRef {
                            target: reference.clone(),
                            suggestion,
                        },
                    );
                    self.errors.push(error);
                }
            }
        }
        let errors = std::mem::take(&mut self.errors);
        let mut written = HashMap::new();
        for (at, target) in targets {
            if let Some(slot) = self.root.pointer_mut(&at) {
                let local = reference_to(&target);
                if let Value::String(text) = slot {
                    if *text != local {
                        written.insert(at, std::mem::replace(text, local));
                    }
                }
            }
        }
        let bundle = Bundle {
            root: self.root,
            document: self.doc.clone(),
            mounts: self.mounts,
            written,
        };
        (bundle, errors)
    }

    /// Looks for references in what a reference leads to, read as what the referrer
    /// expects there (a schema for a schema's `$ref`): a file of schemas keyed by name,
    /// or a schema under a keyword JSON Schema does not know, is not reached by the
    /// walk of the document's structure.
    fn index_target(&mut self, target: &str, place: Place) {
        if self.indexed.contains(target) {
            return;
        }
        let Some(value) = self.root.pointer(target).cloned() else {
            // A pointer through a reference: what it reaches is indexed where it is.
            return;
        };
        let file = self
            .mounts
            .iter()
            .find(|(prefix, _)| target == prefix || target.starts_with(&format!("{prefix}/")))
            .map_or_else(
                || files::absolute(&self.doc.file),
                |(_, doc)| doc.file.clone(),
            );
        self.index(&value, place, target, &Uri::for_file(&file));
    }

    /// Records the resources, anchors and references under `value` (at `at`).
    fn index(&mut self, value: &Value, place: Place, at: &str, base: &Uri) {
        match value {
            Value::Object(map) => {
                let references = matches!(place, Place::Schema | Place::Object | Place::Document);
                if references && !self.indexed.insert(at.to_string()) {
                    return;
                }
                if references {
                    if let Some(reference) = map.get("$ref") {
                        let ref_at = pointer::join(at, "$ref");
                        match reference {
                            Value::String(text) => self.found.push(Found {
                                at: ref_at,
                                base: base.clone(),
                                reference: text.clone(),
                                place,
                            }),
                            _ => {
                                let error = self.error(
                                    &ref_at,
                                    Problem::BadRef("$ref must be a string".into()),
                                );
                                self.errors.push(error);
                            }
                        }
                        // Everything beside a `$ref` is ignored (JSON Schema draft 07,
                        // AsyncAPI's Reference Object): `$id` there sets no base.
                        return;
                    }
                }
                let mut base = base.clone();
                if place == Place::Schema {
                    if let Some(Value::String(id)) = map.get("$id") {
                        base = self.identify(&base, id, at);
                    }
                }
                for (key, child) in map.iter() {
                    let child_place = crate::load::walk::child_place(place, value, key, child);
                    if child_place != Place::Data {
                        self.index(child, child_place, &pointer::join(at, key), &base);
                    }
                }
            }
            Value::Array(items) => {
                let item_place = match place {
                    Place::SchemaList => Place::Schema,
                    Place::ObjectList => Place::Object,
                    _ => return,
                };
                for (i, item) in items.iter().enumerate() {
                    self.index(item, item_place, &pointer::index(at, i), base);
                }
            }
            _ => {}
        }
    }

    /// Records the `$id` of the schema at `at`; returns the base URI inside it.
    fn identify(&mut self, base: &Uri, id: &str, at: &str) -> Uri {
        let resolved = base.resolve(id);
        let resource = if id.starts_with('#') {
            // `$id: "#name"`: an anchor in the enclosing resource.
            base.without_fragment()
        } else {
            let resource = resolved.without_fragment();
            self.resources
                .entry(resource.clone())
                .or_insert_with(|| at.to_string());
            resource
        };
        if let Some(name) = resolved.fragment.as_deref().filter(|f| !f.is_empty()) {
            self.anchors
                .entry((resource.clone(), name.to_string()))
                .or_insert_with(|| at.to_string());
        }
        if id.starts_with('#') {
            base.clone()
        } else {
            Uri {
                fragment: None,
                ..resolved
            }
        }
    }

    /// The pointer in the bundle that `reference` (standing at `at`, base `base`) names.
    fn resolve(&mut self, base: &Uri, reference: &str, at: &str) -> Result<String, Error> {
        let uri = base.resolve(reference);
        let resource = uri.without_fragment();
        let prefix = match self.resources.get(&resource) {
            Some(prefix) => prefix.clone(),
            None => match files::path_of(&uri) {
                Some(path) => self.mount(&path, reference, at)?,
                None => {
                    return Err(self.error(
                        at,
                        Problem::BadRef(format!(
                            "{reference:?} leaves the document: no $id in it names {resource:?}, \
                             and references are followed only to files next to the document"
                        )),
                    ))
                }
            },
        };
        let fragment = uri.fragment.unwrap_or_default();
        let target = if fragment.is_empty() {
            prefix
        } else {
            let decoded = super::percent_decode(&fragment).ok_or_else(|| {
                self.error(
                    at,
                    Problem::BadRef(format!("{reference:?}: bad percent-encoding")),
                )
            })?;
            if decoded.starts_with('/') {
                format!("{prefix}{decoded}")
            } else {
                match self.anchors.get(&(resource.clone(), fragment.clone())) {
                    Some(target) => target.clone(),
                    None => {
                        return Err(self.error(
                            at,
                            Problem::DanglingRef {
                                target: reference.to_string(),
                                suggestion: None,
                            },
                        ))
                    }
                }
            }
        };
        Ok(target)
    }

    /// A suggested local reference, retold against the file it is in.
    fn retell(&self, local: &str) -> String {
        let Some(target) = Bundle::target(local) else {
            return local.to_string();
        };
        for (prefix, doc) in &self.mounts {
            if let Some(inner) = target.strip_prefix(prefix.as_str()) {
                let file = files::display_path(&doc.file, &self.doc.file);
                return format!("{file}{}", reference_to(inner));
            }
        }
        local.to_string()
    }

    /// Reads `path` and mounts it; returns its pointer prefix.
    fn mount(&mut self, path: &Path, reference: &str, at: &str) -> Result<String, Error> {
        let path = files::normalize(path);
        if let Some(prefix) = self.mounted.get(&path) {
            return Ok(prefix.clone());
        }
        if self.mounted.len() >= MAX_FILES {
            return Err(self.error(
                at,
                Problem::Limit(format!("more than {MAX_FILES} files are referenced")),
            ));
        }
        let loaded = Document::load(&path).map_err(|error| match error {
            Error::Io { source, .. } => self.error(
                at,
                Problem::BadRef(format!(
                    "{reference:?}: cannot read {}: {source}",
                    path.display()
                )),
            ),
            other => other,
        })?;
        let key = files::display_path(&path, &self.doc.file);
        let prefix = pointer::join(&pointer::join("", MOUNT), &key);
        self.mounted.insert(path.clone(), prefix.clone());
        let base = Uri::for_file(&path);
        self.resources
            .insert(base.without_fragment(), prefix.clone());
        if let Value::Object(root) = &mut self.root {
            let files = root
                .get_mut(MOUNT)
                .and_then(Value::as_object_mut)
                .map(|_| ())
                .is_some();
            if !files {
                root.insert(MOUNT, Value::Object(Map::new()));
            }
            if let Some(Value::Object(files)) = root.get_mut(MOUNT) {
                files.insert(key, loaded.root.clone());
            }
        }
        let place = if ["asyncapi", "components", "channels", "operations"]
            .iter()
            .any(|k| loaded.root.get(k).is_some())
        {
            Place::Document
        } else {
            Place::Schema
        };
        let content = loaded.root.clone();
        self.mounts.push((prefix.clone(), loaded));
        self.index(&content, place, &prefix, &base);
        Ok(prefix)
    }
}

/// The pointer where `target` leads in `root`, following the references met on the
/// way (`raw`: the pointer of each `$ref` member and the pointer it names).
fn follow(
    root: &Value,
    target: &str,
    raw: &HashMap<String, (String, String)>,
    depth: usize,
) -> Option<String> {
    if root.pointer(target).is_some() {
        return Some(target.to_string());
    }
    if depth > 32 {
        return None;
    }
    let mut here = String::new();
    let tokens = pointer::tokens(target);
    for (i, token) in tokens.iter().enumerate() {
        let value = root.pointer(&here)?;
        if value.get(token).is_some()
            || value.as_array().is_some() && value.pointer(&pointer::join("", token)).is_some()
        {
            here = pointer::join(&here, token);
            continue;
        }
        // Through this object's reference.
        let (through, _) = raw.get(&pointer::join(&here, "$ref"))?;
        let mut rest = follow(root, through, raw, depth + 1)?;
        for token in &tokens[i..] {
            rest = pointer::join(&rest, token);
        }
        return follow(root, &rest, raw, depth + 1);
    }
    Some(here)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(json: &str) -> Result<Value, String> {
        let doc = Document::parse(Path::new("/tmp/doc.json"), json).map_err(|e| e.to_string())?;
        super::super::bundle(&doc)
            .map(|b| b.root)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn local_pointers_stay() {
        let root = bundle(
            r##"{"components": {"schemas": {"A": {"$ref": "#/components/schemas/B"}, "B": {}}}}"##,
        )
        .unwrap();
        assert_eq!(
            root["components"]["schemas"]["A"]["$ref"].as_str(),
            Some("#/components/schemas/B")
        );
    }

    #[test]
    fn ids_set_bases_and_anchors() {
        let root = bundle(
            r##"{"components": {"schemas": {"S": {"$id": "http://x/root", "allOf": [
                {"$ref": "nested.json#foo"}, {"$ref": "#/definitions/A"}, {"$ref": "http://x/nested.json"}],
              "definitions": {"A": {"$id": "nested.json", "definitions": {"B": {"$id": "#foo"}}}}}}}}"##,
        )
        .unwrap();
        let s = &root["components"]["schemas"]["S"]["allOf"];
        assert_eq!(
            s[0]["$ref"].as_str(),
            Some("#/components/schemas/S/definitions/A/definitions/B")
        );
        assert_eq!(
            s[1]["$ref"].as_str(),
            Some("#/components/schemas/S/definitions/A")
        );
        assert_eq!(
            s[2]["$ref"].as_str(),
            Some("#/components/schemas/S/definitions/A")
        );
    }

    #[test]
    fn a_ref_beside_an_id_is_read_against_the_outer_base() {
        let root = bundle(
            r##"{"components": {"schemas": {"S": {"$id": "http://x/base/",
                "definitions": {"foo": {"$id": "http://x/foo.json"}, "base_foo": {"$id": "foo.json"}},
                "allOf": [{"$id": "http://x/", "$ref": "foo.json"}]}}}}"##,
        )
        .unwrap();
        assert_eq!(
            root["components"]["schemas"]["S"]["allOf"][0]["$ref"].as_str(),
            Some("#/components/schemas/S/definitions/base_foo")
        );
    }

    #[test]
    fn refusals_name_the_reference() {
        assert_eq!(
            bundle(r##"{"components": {"schemas": {"A": {"$ref": "#/components/schemas/Mone"}, "Money": {}}}}"##).unwrap_err(),
            "/tmp/doc.json:1:43: #/components/schemas/A/$ref: $ref \"#/components/schemas/Mone\" points to nothing; did you mean \"#/components/schemas/Money\"?"
        );
        assert!(bundle(
            r##"{"components": {"schemas": {"A": {"$ref": "https://example.com/s.json"}}}}"##
        )
        .unwrap_err()
        .contains("leaves the document"));
        assert!(
            bundle(r##"{"components": {"schemas": {"A": {"$ref": "missing.yaml"}}}}"##)
                .unwrap_err()
                .contains("cannot read /tmp/missing.yaml")
        );
        // A pointer through a reference is followed.
        let root = bundle(
            r##"{"channels": {"o": {"$ref": "#/components/channels/O"}},
                "operations": {"p": {"messages": [{"$ref": "#/channels/o/messages/m"}]}},
                "components": {"channels": {"O": {"messages": {"m": {}}}}}}"##,
        )
        .unwrap();
        assert_eq!(
            root["operations"]["p"]["messages"][0]["$ref"].as_str(),
            Some("#/components/channels/O/messages/m")
        );
        // Data is not followed.
        assert!(
            bundle(r##"{"components": {"schemas": {"A": {"enum": [{"$ref": "nowhere"}]}}}}"##)
                .is_ok()
        );
    }
}
