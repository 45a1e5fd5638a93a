//! `$ref`s to other files next to the document (`common.yaml#/components/schemas/Money`,
//! or `money.yaml` for a whole file that is one schema).
//!
//! Each file is read once and mounted into the document under the extension key
//! [`MOUNT`] (`x-asyncapi-codegen-files/<path relative to the document>`), and every
//! reference to it, or inside it, is rewritten to a local one, so that checking and
//! modelling see one document. Errors inside a mounted file are reported against that
//! file with its own pointers (see [`relocate`]).
//!
//! Only relative paths are followed, resolved against the directory of the file that
//! holds the `$ref`; URLs and absolute paths are refused.
//!
//! Types from another file are named like any schema reached by `$ref`: after the last
//! token of the pointer (`Money`), or, for a whole file, after the file name up to its
//! first `.` (`money.yaml` -> `Money`), with the collision rule of [`crate::naming`].

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

use serde_json::{Map, Value};

use crate::check::Keys;
use crate::error::{Error, Problem};
use crate::load::Document;
use crate::pointer;

/// The top-level key under which other files are mounted.
pub const MOUNT: &str = "x-asyncapi-codegen-files";

/// `doc` with every file it references mounted, and the files read (the document's
/// own file first).
pub fn bundle(doc: &Document) -> Result<(Cow<'_, Document>, Vec<PathBuf>), Error> {
    let mut files = vec![doc.file.clone()];
    if !has_external(&doc.root, Keys::Root) {
        return Ok((Cow::Borrowed(doc), files));
    }
    let base = doc.file.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut bundler = Bundler {
        base,
        mounted: Map::new(),
        files: Vec::new(),
        errors: Vec::new(),
    };
    let mut root = doc.root.clone();
    bundler.rewrite(&mut root, "", Keys::Root, &doc.file, None);
    Error::from_list(std::mem::take(&mut bundler.errors))?;
    if let Value::Object(map) = &mut root {
        map.insert(MOUNT.into(), Value::Object(bundler.mounted));
    }
    files.extend(bundler.files);
    Ok((
        Cow::Owned(Document {
            file: doc.file.clone(),
            root,
        }),
        files,
    ))
}

fn has_external(value: &Value, keys: Keys) -> bool {
    match value {
        Value::Object(map) => map.iter().any(|(key, child)| {
            if keys.are_keywords() && key == "$ref" {
                return child.as_str().is_some_and(|r| !r.starts_with('#'));
            }
            keys.child(key)
                .is_some_and(|child_keys| has_external(child, child_keys))
        }),
        Value::Array(items) => items.iter().any(|item| has_external(item, Keys::Keywords)),
        _ => false,
    }
}

struct Bundler {
    base: PathBuf,
    mounted: Map<String, Value>,
    files: Vec<PathBuf>,
    errors: Vec<Error>,
}

impl Bundler {
    /// Rewrites the `$ref`s in `value`, which is in `file` (mounted under `mount`, or the
    /// document itself when `None`).
    fn rewrite(
        &mut self,
        value: &mut Value,
        at: &str,
        keys: Keys,
        file: &Path,
        mount: Option<&str>,
    ) {
        match value {
            Value::Object(map) => {
                let here = pointer::join(at, "$ref");
                let target = match map.get_mut("$ref") {
                    Some(Value::String(target)) if keys.are_keywords() => Some(target),
                    _ => None,
                };
                if let Some(target) = target {
                    match self.target(target, file, mount) {
                        Ok(Some(new)) => *target = new,
                        Ok(None) => {}
                        Err(problem) => self.errors.push(Error::At {
                            file: file.to_path_buf(),
                            pointer: here,
                            problem,
                        }),
                    }
                }
                for (key, child) in map.iter_mut() {
                    if keys.are_keywords() && key == "$ref" {
                        continue;
                    }
                    if let Some(child_keys) = keys.child(key) {
                        let child_at = pointer::join(at, key);
                        self.rewrite(child, &child_at, child_keys, file, mount);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    self.rewrite(item, &format!("{at}/{i}"), Keys::Keywords, file, mount);
                }
            }
            _ => {}
        }
    }

    /// The local form of `target` (a `$ref` in `file`), loading the file it names.
    fn target(
        &mut self,
        target: &str,
        file: &Path,
        mount: Option<&str>,
    ) -> Result<Option<String>, Problem> {
        let (path, fragment) = match target.split_once('#') {
            Some((path, fragment)) => (path, fragment),
            None => (target, ""),
        };
        if !fragment.is_empty() && !fragment.starts_with('/') {
            return Err(Problem::BadRef(format!(
                "{target:?}: the part after # must be a JSON pointer (#/...)"
            )));
        }
        if path.is_empty() {
            // Local to `file`.
            return Ok(mount.map(|m| format!("#{m}{fragment}")));
        }
        if path.contains("://") || Path::new(path).is_absolute() {
            return Err(Problem::BadRef(format!(
                "{target:?}: only relative paths to files next to the document are followed"
            )));
        }
        let dir = file.parent().unwrap_or(Path::new(""));
        let resolved = normalize(&dir.join(path));
        let key = relative_key(&resolved, &normalize(&self.base));
        let mount_at = pointer::join(&pointer::join("", MOUNT), &key);
        if !self.mounted.contains_key(&key) {
            let mut loaded = match Document::load(&resolved) {
                Ok(doc) => doc.root,
                Err(Error::Io { source, .. }) => {
                    return Err(Problem::BadRef(format!(
                        "{target:?}: cannot read {}: {source}",
                        resolved.display()
                    )))
                }
                Err(error) => return Err(Problem::BadRef(format!("{target}: {error}"))),
            };
            // Claim the key first: files may reference each other.
            self.mounted.insert(key.clone(), Value::Null);
            self.files.push(resolved.clone());
            self.rewrite(&mut loaded, "", Keys::Root, &resolved, Some(&mount_at));
            self.mounted.insert(key, loaded);
        }
        Ok(Some(format!("#{mount_at}{fragment}")))
    }
}

/// `a/./b/../c` -> `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to `base`, `/`-separated (`../shared/x.yaml` when outside it).
fn relative_key(path: &Path, base: &Path) -> String {
    let path: Vec<_> = path.components().collect();
    let base: Vec<_> = base.components().collect();
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = base[common..].iter().map(|_| "..".to_string()).collect();
    parts.extend(
        path[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// The type name stem for a `$ref` target: a whole mounted file is named after its
/// file name up to the first `.`.
pub fn mounted_file_stem(target: &str) -> Option<String> {
    let rest = target.strip_prefix(&format!("/{MOUNT}/"))?;
    if rest.contains('/') {
        return None;
    }
    let key = rest.replace("~1", "/").replace("~0", "~");
    let name = key.rsplit('/').next().unwrap_or(&key);
    Some(name.split('.').next().unwrap_or(name).to_string())
}

/// An error about the bundled document, told against the file it concerns.
pub fn relocate(error: Error, root_file: &Path) -> Error {
    match error {
        Error::Many(errors) => {
            Error::Many(errors.into_iter().map(|e| relocate(e, root_file)).collect())
        }
        Error::At {
            file,
            pointer,
            problem,
        } if file == root_file => {
            let prefix = format!("/{MOUNT}/");
            let Some(rest) = pointer.strip_prefix(&prefix) else {
                let dir = root_file.parent().unwrap_or(Path::new(""));
                return Error::At {
                    problem: retell_problem(problem, dir, &file),
                    file,
                    pointer,
                };
            };
            let (key, inner) = match rest.find('/') {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, ""),
            };
            let key = key.replace("~1", "/").replace("~0", "~");
            let dir = root_file.parent().unwrap_or(Path::new(""));
            let file = normalize(&dir.join(key));
            Error::At {
                problem: retell_problem(problem, dir, &file),
                file,
                pointer: inner.to_string(),
            }
        }
        Error::At {
            file,
            pointer,
            problem,
        } => {
            let dir = root_file.parent().unwrap_or(Path::new(""));
            Error::At {
                problem: retell_problem(problem, dir, &file),
                file,
                pointer,
            }
        }
        other => other,
    }
}

/// `problem` with the `$ref` targets it names into mounted files written as their
/// author wrote them, relative to `told` (the file the error is told against).
fn retell_problem(problem: Problem, dir: &Path, told: &Path) -> Problem {
    let retell = |text: &str| retell(text, dir, told);
    match problem {
        Problem::DanglingRef(target) => Problem::DanglingRef(retell(&target)),
        Problem::RefCycle(chain) => Problem::RefCycle(chain.iter().map(|t| retell(t)).collect()),
        Problem::BadRef(text) => Problem::BadRef(retell(&text)),
        Problem::Invalid(text) => Problem::Invalid(retell(&text)),
        other => other,
    }
}

/// Every `#/x-asyncapi-codegen-files/<file>/...` in `text` as `<file>#/...`, the file
/// relative to the directory of `told` (just `#/...` within `told` itself).
fn retell(text: &str, dir: &Path, told: &Path) -> String {
    let marker = format!("#/{MOUNT}/");
    let told_dir = normalize(told.parent().unwrap_or(Path::new("")));
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(&marker) {
        out.push_str(&rest[..start]);
        let after = &rest[start + marker.len()..];
        let end = after
            .find(|c: char| c == '/' || c == '"' || c.is_whitespace())
            .unwrap_or(after.len());
        let key = after[..end].replace("~1", "/").replace("~0", "~");
        let file = normalize(&dir.join(&key));
        if file != normalize(told) {
            out.push_str(&relative_key(&file, &told_dir));
        }
        out.push('#');
        rest = &after[end..];
        if !rest.starts_with('/') {
            out.push('/');
        }
    }
    out.push_str(rest);
    out
}
