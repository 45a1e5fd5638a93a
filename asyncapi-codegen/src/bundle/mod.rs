//! Stage 2, bundle: one self-contained document whose every `$ref` is a JSON pointer
//! into it.
//!
//! References are resolved as JSON Schema and AsyncAPI define them: against the base
//! URI in force where they stand (the file's own, or one set by a schema's `$id`),
//! to a schema's `$id`, an anchor (`$id: "#name"`), a JSON pointer, or another file
//! next to the document, which is then read and mounted under [`MOUNT`]. Every `$ref`
//! is rewritten to the local pointer it names (`#/x-asyncapi-codegen-files/...` for a
//! mounted file), so later stages never resolve URIs. The bundle keeps what it
//! mounted where ([`Bundle::locate`]), so errors are told against the file and
//! pointer the author wrote, and each rewritten reference as it was written.
//!
//! Only references that leave the document set are refused: URLs that no `$id` in
//! the document names, and files that cannot be read.

mod files;
pub mod formats;
mod refs;
pub mod uri;

use std::collections::HashMap;
use std::path::PathBuf;

use asyncapi_runtime::Value;

use crate::error::{Error, Location};
use crate::load::{pointer, Document};

/// The top-level key under which other files are mounted.
pub const MOUNT: &str = crate::load::walk::FILES;

/// A document with everything it references made local.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// The document, other files mounted under [`MOUNT`], every `$ref` local.
    pub root: Value,
    /// The document as loaded (its file, its positions).
    pub document: Document,
    /// Files mounted: their pointer prefix in `root` and the document loaded.
    pub mounts: Vec<(String, Document)>,
    /// Each rewritten `$ref` (by the pointer of its `$ref` member) as written.
    pub written: HashMap<String, String>,
}

impl Bundle {
    /// Every file read: the document first, then the files it references.
    pub fn files(&self) -> Vec<PathBuf> {
        std::iter::once(self.document.file.clone())
            .chain(self.mounts.iter().map(|(_, doc)| doc.file.clone()))
            .collect()
    }

    /// The value at a pointer into the bundled document.
    pub fn get(&self, pointer: &str) -> Option<&Value> {
        self.root.pointer(pointer)
    }

    /// Where a pointer into the bundled document is in the files as written.
    pub fn locate(&self, at: &str) -> Location {
        for (prefix, doc) in &self.mounts {
            if let Some(inner) = at.strip_prefix(prefix.as_str()) {
                if inner.is_empty() || inner.starts_with('/') {
                    return doc.locate(inner);
                }
            }
        }
        self.document.locate(at)
    }

    /// A reference as its author wrote it: the original text of the `$ref` at
    /// `ref_pointer` (the pointer of the `$ref` member), else the local form given.
    pub fn as_written(&self, ref_pointer: &str, local: &str) -> String {
        self.written
            .get(ref_pointer)
            .cloned()
            .unwrap_or_else(|| local.to_string())
    }

    /// The pointer a (rewritten) `$ref` value names.
    pub fn target(reference: &str) -> Option<String> {
        let fragment = reference.strip_prefix('#')?;
        let decoded = percent_decode(fragment)?;
        (decoded.is_empty() || decoded.starts_with('/')).then_some(decoded)
    }

    /// An error about the value at `at`, located in the files as written.
    pub fn error_at(&self, at: &str, problem: crate::error::Problem) -> Error {
        Error::At {
            location: Box::new(self.locate(at)),
            problem,
        }
    }
}

/// Bundles `doc`: reads the files it references, resolves and rewrites every `$ref`.
pub fn bundle(doc: &Document) -> Result<Bundle, Error> {
    let doc = formats::normalize::normalize(doc)?;
    refs::Resolver::new(&doc).run()
}

/// Like [`bundle`], but a reference that cannot be resolved is left as written and its
/// error returned beside the bundle, so that the rest of the document can still be
/// checked (every error reported at once). Only a schema in another format that cannot
/// be read refuses the document outright.
pub fn bundle_leniently(doc: &Document) -> Result<(Bundle, Vec<Error>), Error> {
    let doc = formats::normalize::normalize(doc)?;
    Ok(refs::Resolver::new(&doc).run_leniently())
}

/// `pointer` as a URI fragment in a `$ref` (`%` escaped, so it reads back exactly).
pub fn reference_to(at: &str) -> String {
    let mut out = String::from("#");
    for c in at.chars() {
        match c {
            '%' => out.push_str("%25"),
            '"' => out.push_str("%22"),
            ' ' => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

pub(crate) fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The names near `missing` among `candidates`, for "did you mean".
pub(crate) fn closest<'a>(
    missing: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = edit_distance(&missing.to_lowercase(), &candidate.to_lowercase());
        let limit = (missing.chars().count() / 3).clamp(1, 3);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, name)| name.to_string())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut previous = row[0];
        row[0] = i;
        for j in 1..=b.len() {
            let current = row[j];
            row[j] = if a[i - 1] == b[j - 1] {
                previous
            } else {
                1 + previous.min(row[j]).min(row[j - 1])
            };
            previous = current;
        }
    }
    row[b.len()]
}

/// The pointer `at` with its first token that does not exist replaced by the closest
/// existing name, when there is one: a suggestion for a dangling reference.
pub(crate) fn suggest(root: &Value, at: &str) -> Option<String> {
    let mut value = root;
    let mut found = String::new();
    let tokens = pointer::tokens(at);
    for (i, token) in tokens.iter().enumerate() {
        match value.get(token) {
            Some(child) => {
                value = child;
                found = pointer::join(&found, token);
            }
            None => {
                let map = value.as_object()?;
                let name = closest(token, map.keys().map(String::as_str))?;
                let mut suggestion = pointer::join(&found, &name);
                for rest in &tokens[i + 1..] {
                    suggestion = pointer::join(&suggestion, rest);
                }
                return Some(reference_to(&suggestion));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let root = asyncapi_runtime::parse_json(
            br#"{"components": {"schemas": {"Money": {}, "Address": {}}}}"#,
        )
        .unwrap();
        assert_eq!(
            suggest(&root, "/components/schemas/Mony"),
            Some("#/components/schemas/Money".into())
        );
        assert_eq!(suggest(&root, "/components/schemas/Zebra"), None);
        assert_eq!(
            suggest(&root, "/components/schema/Money"),
            Some("#/components/schemas/Money".into())
        );
        assert_eq!(reference_to("/a/b%c d"), "#/a/b%25c%20d");
        assert_eq!(Bundle::target("#/a/b%25c%20d").as_deref(), Some("/a/b%c d"));
    }
}
