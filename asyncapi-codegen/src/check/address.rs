//! Channel addresses and their parameters, as `@asyncapi/parser` checks them: when a
//! channel declares `parameters`, every `{name}` of its address is declared there, and
//! every declared parameter appears in the address. A `{name}` is what the parser
//! takes for one: the shortest text of at least one character between `{` and `}`.
//!
//! What the generator reads differently is a warning: an address parameter of a channel
//! that declares none (typed as any string), and an address it cannot split into text
//! and parameters (an unclosed `{`: kept as text).

use asyncapi_runtime::Value;

use super::document::{deref, named};
use super::Findings;
use crate::error::Problem;
use crate::load::{address, pointer};

/// Checks every channel's address against its parameters.
pub(crate) fn parameters(findings: &mut Findings<'_>) {
    let bundle = findings.bundle;
    for (at, channel) in
        named(&bundle.root, "/channels").chain(named(&bundle.root, "/components/channels"))
    {
        let (at, channel) = deref(bundle, channel, &at);
        let Value::Object(map) = channel else {
            continue;
        };
        let text = match map.get("address") {
            Some(Value::String(text)) => text.as_str(),
            None | Some(Value::Null) => "",
            // Not a string: the schema check says so.
            Some(_) => continue,
        };
        let address_at = pointer::join(&at, "address");
        if let Err(message) = address::parse(text) {
            findings.warn(
                &address_at,
                format!("{message}: the address is kept as text, without parameters"),
            );
        }
        let used = variables(text);
        let Some(declared) = map.get("parameters") else {
            for parameter in &used {
                findings.warn(
                    &address_at,
                    format!("address parameter {{{parameter}}} is not declared under parameters: it is typed as any string"),
                );
            }
            continue;
        };
        let Value::Object(declared) = declared else {
            continue;
        };
        for parameter in &used {
            if !declared.contains_key(parameter) {
                findings.error(
                    &address_at,
                    Problem::Parameters(format!(
                        "address parameter {{{parameter}}} is not declared under parameters"
                    )),
                );
            }
        }
        for parameter in declared.keys() {
            if !used.contains(parameter) {
                findings.error(
                    &pointer::join(&pointer::join(&at, "parameters"), parameter),
                    Problem::Parameters(format!(
                        "parameter {parameter:?} does not appear in the address"
                    )),
                );
            }
        }
    }
}

/// The `{name}`s of an address as the parser finds them (`/{(.+?)}/g`): from each `{`,
/// the shortest run of one or more characters other than a line break, up to a `}`.
pub fn variables(address: &str) -> Vec<String> {
    let chars: Vec<char> = address.chars().collect();
    let mut found = Vec::new();
    let mut start = 0;
    'scan: while start < chars.len() {
        if chars[start] != '{' {
            start += 1;
            continue;
        }
        let mut end = start + 1;
        while end < chars.len() && chars[end] != '\n' {
            if chars[end] == '}' && end > start + 1 {
                found.push(chars[start + 1..end].iter().collect());
                start = end + 1;
                continue 'scan;
            }
            end += 1;
        }
        start += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::variables;

    #[test]
    fn variables_as_the_parser_finds_them() {
        assert_eq!(variables("a/{x}/{y}"), ["x", "y"]);
        assert_eq!(variables("a/{x"), Vec::<String>::new());
        assert_eq!(variables("{}x}"), ["}x"]);
        assert_eq!(variables("{{x}}"), ["{x"]);
        assert_eq!(variables("{a\n}{b}"), ["b"]);
        assert_eq!(variables(""), Vec::<String>::new());
    }
}
