//! Channel address templates (`orders/{region}/{id}`): the one parser of them.

/// One piece of an address template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Literal text.
    Text(String),
    /// A `{parameter}`.
    Parameter(String),
}

/// The pieces of an address template, or why it is malformed.
pub fn parse(address: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut rest = address;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err(format!("unbalanced '}}' in address {address:?}"));
        }
        if open > 0 {
            pieces.push(Piece::Text(rest[..open].to_string()));
        }
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("unclosed '{{' in address {address:?}"))?;
        let name = &after[..close];
        if name.is_empty() || name.contains('{') {
            return Err(format!("bad parameter {{{name}}} in address {address:?}"));
        }
        pieces.push(Piece::Parameter(name.to_string()));
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    Ok(pieces)
}

/// The `{name}` parameters of an address template, in order.
pub fn parameters(address: &str) -> Result<Vec<String>, String> {
    Ok(parse(address)?
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Parameter(name) => Some(name),
            Piece::Text(_) => None,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        assert_eq!(parameters("a/{x}/{y}").unwrap(), ["x", "y"]);
        assert_eq!(
            parse("a/{x}b").unwrap(),
            [
                Piece::Text("a/".into()),
                Piece::Parameter("x".into()),
                Piece::Text("b".into())
            ]
        );
        assert!(parameters("a/{x").is_err());
        assert!(parameters("a/}").is_err());
        assert!(parameters("a/{}").is_err());
        assert!(parameters("{a{b}}").is_err());
    }
}
