//! The loader against serde_yaml 0.9 (the loader before it) on every YAML document of
//! the repository: the same value (numbers compared as values, keys in the same
//! order), the same documents refused, and a position for every value.

use std::path::{Path, PathBuf};

use asyncapi_codegen::Document;
use asyncapi_runtime::{Map, Number, Value};

/// Every `.yaml` file under `dir`, recursively, in a stable order.
fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

/// What the loader before this one made of a text: serde_yaml's value, converted as it
/// did (tags, non-finite numbers and keys other than strings, numbers and booleans
/// refused).
fn serde_yaml_value(text: &str) -> Result<Value, String> {
    let yaml: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    convert(yaml)
}

fn convert(yaml: serde_yaml::Value) -> Result<Value, String> {
    use serde_yaml::Value as Y;
    Ok(match yaml {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => Value::Number(if let Some(u) = n.as_u64() {
            Number::from(u)
        } else if let Some(i) = n.as_i64() {
            Number::from(i)
        } else {
            Number::from_f64(n.as_f64().unwrap()).ok_or("not finite")?
        }),
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => {
            Value::Array(items.into_iter().map(convert).collect::<Result<_, _>>()?)
        }
        Y::Mapping(mapping) => {
            let mut map = Map::new();
            for (key, value) in mapping {
                let key = match key {
                    Y::String(s) => s,
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    other => return Err(format!("key {other:?}")),
                };
                map.insert(key, convert(value)?);
            }
            Value::Object(map)
        }
        Y::Tagged(tagged) => return Err(format!("tag {}", tagged.tag)),
    })
}

/// Equal values with object keys in the same order.
fn same_order(a: &Value, b: &Value, at: &str) -> Result<(), String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let xs: Vec<_> = x.keys().collect();
            let ys: Vec<_> = y.keys().collect();
            if xs != ys {
                return Err(format!("{at}: keys {xs:?} != {ys:?}"));
            }
            for (key, value) in x.iter() {
                same_order(value, &y[key.as_str()], &format!("{at}/{key}"))?;
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                same_order(p, q, &format!("{at}/{i}"))?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Every pointer of `value`, escaped.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter() {
                let key = key.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

#[test]
fn every_repository_document_loads_as_serde_yaml_read_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    yaml_files(&root.join("tests"), &mut files);
    yaml_files(&root.join("../spec"), &mut files);
    assert!(files.len() > 50, "found only {} documents", files.len());
    let mut problems = Vec::new();
    let mut loaded = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let ours = Document::parse(file, &text);
        let theirs = serde_yaml_value(&text);
        match (&ours, &theirs) {
            (Ok(doc), Ok(value)) => {
                loaded += 1;
                if &doc.root != value {
                    problems.push(format!("{}: values differ", file.display()));
                } else if let Err(e) = same_order(&doc.root, value, "") {
                    problems.push(format!("{}: {e}", file.display()));
                }
                let mut all = Vec::new();
                pointers(&doc.root, String::new(), &mut all);
                for pointer in all {
                    if !doc.positions.contains_key(&pointer) {
                        problems.push(format!("{}: no position for {pointer:?}", file.display()));
                    }
                }
            }
            // Documents that are not mappings were refused after either parse.
            (Err(_), Ok(value)) if !value.is_object() => {}
            (Err(_), Err(_)) => {}
            (Ok(_), Err(e)) => problems.push(format!("{}: loads, serde_yaml: {e}", file.display())),
            (Err(e), Ok(_)) => problems.push(format!(
                "{}: refused ({e}), serde_yaml reads it",
                file.display()
            )),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(loaded > 40, "only {loaded} documents loaded");
}
