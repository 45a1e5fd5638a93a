//! YAML into the runtime's `Value`.

use asyncapi_runtime::{Map, Number, Value};

use super::MAX_DEPTH;

type Failure = (Option<(usize, usize)>, String);

/// Parses YAML text (one document) into a `Value`.
pub(super) fn parse(text: &str) -> Result<Value, Failure> {
    refuse_deep_flow(text)?;
    let yaml: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| {
        let position = e.location().map(|l| (l.line(), l.column()));
        (position, e.to_string())
    })?;
    convert(yaml, "", 0)
}

/// Refuses flow collections (`[[[...]]]`) nested deeper than [`MAX_DEPTH`] before the
/// YAML parser sees them: its cost grows with the square of such nesting.
fn refuse_deep_flow(text: &str) -> Result<(), Failure> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut line = 1;
    let mut column = 0;
    let mut chars = text.chars().peekable();
    let mut comment = false;
    let mut previous = '\n';
    while let Some(c) = chars.next() {
        column += 1;
        if c == '\n' {
            line += 1;
            column = 0;
            comment = false;
            previous = c;
            continue;
        }
        if comment {
            continue;
        }
        match quote {
            Some('\'') if c == '\'' => {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    column += 1;
                } else {
                    quote = None;
                }
            }
            Some('"') if c == '\\' => {
                chars.next();
                column += 1;
            }
            Some('"') if c == '"' => quote = None,
            Some(_) => {}
            None => match c {
                '#' if previous.is_whitespace() => comment = true,
                '\'' | '"' => quote = Some(c),
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err((
                            Some((line, column)),
                            format!("nested deeper than {MAX_DEPTH} levels"),
                        ));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        previous = c;
    }
    Ok(())
}

fn convert(yaml: serde_yaml::Value, at: &str, depth: usize) -> Result<Value, Failure> {
    use serde_yaml::Value as Y;
    if depth > MAX_DEPTH {
        return Err((None, format!("at {at:?}: nested deeper than {MAX_DEPTH} levels")));
    }
    Ok(match yaml {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => Value::Number(number(&n).ok_or_else(|| {
            (None, format!("at {at:?}: {n} has no JSON representation"))
        })?),
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| convert(item, &format!("{at}/{i}"), depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Y::Mapping(mapping) => {
            let mut object = Map::new();
            for (key, value) in mapping {
                let key = match key {
                    Y::String(s) => s,
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    other => {
                        return Err((None, format!("at {at:?}: mapping key {other:?} is not a string")))
                    }
                };
                let child = super::pointer::join(at, &key);
                let value = convert(value, &child, depth + 1)?;
                if object.insert(key.clone(), value).is_some() {
                    return Err((None, format!("at {at:?}: duplicate key {key:?}")));
                }
            }
            Value::Object(object)
        }
        Y::Tagged(tagged) => {
            return Err((None, format!("at {at:?}: YAML tag {} is not supported", tagged.tag)))
        }
    })
}

fn number(n: &serde_yaml::Number) -> Option<Number> {
    if let Some(u) = n.as_u64() {
        Some(Number::from(u))
    } else if let Some(i) = n.as_i64() {
        Some(Number::from(i))
    } else {
        Number::from_f64(n.as_f64()?)
    }
}
