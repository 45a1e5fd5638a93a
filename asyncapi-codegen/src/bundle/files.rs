//! Other files named by `$ref`s: where they are, and under which key they are mounted.

use std::path::{Component, Path, PathBuf};

use super::uri::Uri;

/// The file a `file:` URI names, when it is one.
pub(super) fn path_of(uri: &Uri) -> Option<PathBuf> {
    if uri.scheme.as_deref() != Some("file")
        || uri.authority.as_deref().is_some_and(|a| !a.is_empty())
    {
        return None;
    }
    let path = super::percent_decode(&uri.path)?;
    Some(PathBuf::from(path))
}

/// The absolute form of `path`, without touching the file system.
pub(super) fn absolute(path: &Path) -> PathBuf {
    normalize(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// `a/./b/../c` -> `a/c`, without touching the file system.
pub(super) fn normalize(path: &Path) -> PathBuf {
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
pub(super) fn relative_key(path: &Path, base: &Path) -> String {
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

/// The path of a mounted file as the document's author would write it: relative to
/// the directory of the document.
pub(super) fn display_path(file: &Path, document: &Path) -> String {
    let dir = absolute(document.parent().unwrap_or(Path::new("")));
    relative_key(&absolute(file), &dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_relative_to_the_document() {
        assert_eq!(
            relative_key(Path::new("/a/b/c.yaml"), Path::new("/a")),
            "b/c.yaml"
        );
        assert_eq!(
            relative_key(Path::new("/a/c.yaml"), Path::new("/a/b")),
            "../c.yaml"
        );
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
        let uri = Uri::parse("file:///tmp/x%20y.yaml");
        assert_eq!(path_of(&uri), Some(PathBuf::from("/tmp/x y.yaml")));
        assert_eq!(path_of(&Uri::parse("http://x/y")), None);
    }
}
