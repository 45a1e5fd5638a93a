//! URI references resolved against a base, as RFC 3986 (section 5) says: what `$ref`
//! and `$id` values mean.

/// A URI split into its parts (RFC 3986 section 3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uri {
    /// `http`, `file`, `urn`, ...
    pub scheme: Option<String>,
    /// The part after `//` (empty for `file:///`).
    pub authority: Option<String>,
    /// The path.
    pub path: String,
    /// The part after `?`.
    pub query: Option<String>,
    /// The part after `#`.
    pub fragment: Option<String>,
}

impl Uri {
    /// Splits a URI reference (RFC 3986 appendix B).
    pub fn parse(text: &str) -> Uri {
        let (rest, fragment) = match text.split_once('#') {
            Some((rest, fragment)) => (rest, Some(fragment.to_string())),
            None => (text, None),
        };
        let (rest, query) = match rest.split_once('?') {
            Some((rest, query)) => (rest, Some(query.to_string())),
            None => (rest, None),
        };
        let (scheme, rest) = match rest.find(':') {
            Some(colon)
                if colon > 0
                    && rest[..colon]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                    && rest.as_bytes()[0].is_ascii_alphabetic()
                    && !rest[..colon].contains('/') =>
            {
                (Some(rest[..colon].to_string()), &rest[colon + 1..])
            }
            _ => (None, rest),
        };
        let (authority, path) = match rest.strip_prefix("//") {
            Some(after) => {
                let end = after.find('/').unwrap_or(after.len());
                (Some(after[..end].to_string()), after[end..].to_string())
            }
            None => (None, rest.to_string()),
        };
        Uri {
            scheme,
            authority,
            path,
            query,
            fragment,
        }
    }

    /// `reference` resolved against `self` (RFC 3986 section 5.2.2).
    pub fn resolve(&self, reference: &str) -> Uri {
        let r = Uri::parse(reference);
        let (scheme, authority, path, query);
        if r.scheme.is_some() {
            scheme = r.scheme;
            authority = r.authority;
            path = remove_dot_segments(&r.path);
            query = r.query;
        } else {
            scheme = self.scheme.clone();
            if r.authority.is_some() {
                authority = r.authority;
                path = remove_dot_segments(&r.path);
                query = r.query;
            } else {
                authority = self.authority.clone();
                if r.path.is_empty() {
                    path = self.path.clone();
                    query = r.query.or_else(|| self.query.clone());
                } else {
                    path = if r.path.starts_with('/') {
                        remove_dot_segments(&r.path)
                    } else {
                        remove_dot_segments(&self.merge(&r.path))
                    };
                    query = r.query;
                }
            }
        }
        Uri {
            scheme,
            authority,
            path,
            query,
            fragment: r.fragment,
        }
    }

    /// RFC 3986 section 5.2.3.
    fn merge(&self, path: &str) -> String {
        if self.authority.is_some() && self.path.is_empty() {
            return format!("/{path}");
        }
        match self.path.rfind('/') {
            Some(slash) => format!("{}{path}", &self.path[..=slash]),
            None => path.to_string(),
        }
    }

    /// The URI without its fragment, as text: what names a resource.
    pub fn without_fragment(&self) -> String {
        let mut out = String::new();
        if let Some(scheme) = &self.scheme {
            out.push_str(scheme);
            out.push(':');
        }
        if let Some(authority) = &self.authority {
            out.push_str("//");
            out.push_str(authority);
        }
        out.push_str(&self.path);
        if let Some(query) = &self.query {
            out.push('?');
            out.push_str(query);
        }
        out
    }

    /// A `file:` URI for an absolute path.
    pub fn for_file(path: &std::path::Path) -> Uri {
        let mut text = String::new();
        for component in path.components() {
            match component {
                std::path::Component::RootDir => {}
                std::path::Component::Prefix(prefix) => {
                    text.push('/');
                    text.push_str(&prefix.as_os_str().to_string_lossy());
                }
                other => {
                    text.push('/');
                    text.push_str(&other.as_os_str().to_string_lossy());
                }
            }
        }
        Uri {
            scheme: Some("file".into()),
            authority: Some(String::new()),
            path: text,
            query: None,
            fragment: None,
        }
    }
}

/// RFC 3986 section 5.2.4.
fn remove_dot_segments(path: &str) -> String {
    let mut input = path.to_string();
    let mut output = String::new();
    while !input.is_empty() {
        if let Some(rest) = input.strip_prefix("../") {
            input = rest.to_string();
        } else if let Some(rest) = input.strip_prefix("./") {
            input = rest.to_string();
        } else if input.starts_with("/./") {
            input = input[2..].to_string();
        } else if input == "/." {
            input = "/".into();
        } else if input.starts_with("/../") || input == "/.." {
            input = if input == "/.." {
                "/".into()
            } else {
                input[3..].to_string()
            };
            match output.rfind('/') {
                Some(slash) => output.truncate(slash),
                None => output.clear(),
            }
        } else if input == "." || input == ".." {
            input.clear();
        } else {
            let start = usize::from(input.starts_with('/'));
            let end = input[start..].find('/').map_or(input.len(), |i| i + start);
            output.push_str(&input[..end]);
            input = input[end..].to_string();
        }
    }
    output
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(base: &str, reference: &str) -> String {
        let uri = Uri::parse(base).resolve(reference);
        match &uri.fragment {
            Some(fragment) => format!("{}#{fragment}", uri.without_fragment()),
            None => uri.without_fragment(),
        }
    }

    #[test]
    fn rfc_3986_examples() {
        let base = "http://a/b/c/d;p?q";
        for (reference, expected) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("g;x=1/../y", "http://a/b/c/y"),
        ] {
            assert_eq!(resolve(base, reference), expected, "{reference}");
        }
    }

    #[test]
    fn schema_ids() {
        assert_eq!(
            resolve("http://localhost:1234/sibling_id/base/", "foo.json"),
            "http://localhost:1234/sibling_id/base/foo.json"
        );
        assert_eq!(
            resolve(
                "urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed",
                "#/definitions/bar"
            ),
            "urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed#/definitions/bar"
        );
        assert_eq!(
            resolve("file:///a/b.yaml", "c.yaml#/x"),
            "file:///a/c.yaml#/x"
        );
        assert_eq!(
            resolve("http://example.com/ref/absref.json", "/absref/foobar.json"),
            "http://example.com/absref/foobar.json"
        );
    }
}
