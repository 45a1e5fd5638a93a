//! RFC 6901 JSON pointers: the one escape and join every stage uses.

/// Escapes one reference token (`~` -> `~0`, `/` -> `~1`).
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Reads one reference token back (`~1` -> `/`, `~0` -> `~`).
pub fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// `base` extended by `token`.
pub fn join(base: &str, token: &str) -> String {
    format!("{base}/{}", escape(token))
}

/// `base` extended by an array index.
pub fn index(base: &str, index: usize) -> String {
    format!("{base}/{index}")
}

/// The reference tokens of a pointer, unescaped (`/a~1b/c` -> `["a/b", "c"]`).
pub fn tokens(pointer: &str) -> Vec<String> {
    match pointer.strip_prefix('/') {
        Some(rest) => rest.split('/').map(unescape).collect(),
        None => Vec::new(),
    }
}

/// The last reference token of a pointer, unescaped.
pub fn last_token(pointer: &str) -> String {
    unescape(pointer.rsplit('/').next().unwrap_or(""))
}

/// The pointer without its last token (`""` stays `""`).
pub fn parent(pointer: &str) -> &str {
    match pointer.rfind('/') {
        Some(i) => &pointer[..i],
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_reads_back() {
        assert_eq!(join("/a", "b/c~d"), "/a/b~1c~0d");
        assert_eq!(last_token("/a/b~1c~0d"), "b/c~d");
        assert_eq!(tokens("/a/b~1c~0d"), ["a", "b/c~d"]);
        assert_eq!(tokens(""), Vec::<String>::new());
        assert_eq!(parent("/a/b"), "/a");
        assert_eq!(parent("/a"), "");
        assert_eq!(unescape("~01"), "~1");
    }
}
