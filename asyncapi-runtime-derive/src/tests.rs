//! Golden tests of the whole expansion: every `tests/expand/<case>.rs` is expanded (each
//! type in it that derives `Validate` or `FromJson`), pretty-printed, and compared with
//! `tests/expand/<case>.expanded.rs`. `UPDATE_EXPANDED=1 cargo test` rewrites the expected
//! files, so a change of the generated code shows up as a diff to review.
//!
//! Pretty-printing both sides compares what the expansion says, not how tokens are spaced.

use std::fs;
use std::path::{Path, PathBuf};

use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::{DeriveInput, Item, Token};

/// The derives' output for every `Validate` or `FromJson` type in `source`, after the
/// type itself (`FromJson`'s first when the type has both).
fn expand_file(source: &str) -> Result<String, String> {
    let file = syn::parse_file(source).map_err(|e| format!("input does not parse: {e}"))?;
    let mut items = Vec::new();
    for item in file.items {
        let derives = if matches!(&item, Item::Struct(_) | Item::Enum(_) | Item::Union(_)) {
            derives(&item)
        } else {
            Vec::new()
        };
        let tokens = item.to_token_stream();
        items.push(item);
        if derives.is_empty() {
            continue;
        }
        let input: DeriveInput = syn::parse2(tokens).map_err(|e| e.to_string())?;
        for derive in ["FromJson", "Validate"] {
            if !derives.iter().any(|d| d == derive) {
                continue;
            }
            let expansion = match derive {
                "FromJson" => crate::expand_from_json(&input),
                _ => crate::expand(&input),
            }
            .map_err(|errors| {
                let errors: Vec<String> = errors.into_iter().map(|e| e.to_string()).collect();
                format!("the {derive} derive failed: {errors:#?}")
            })?;
            let expansion: syn::File = syn::parse2(expansion)
                .map_err(|e| format!("the expansion is not a sequence of items: {e}"))?;
            items.extend(expansion.items);
        }
    }
    // One item at a time, so that a blank line separates them, as in written code.
    let header = prettyplease::unparse(&syn::File {
        items: Vec::new(),
        ..file
    });
    let parts: Vec<String> = std::iter::once(header)
        .chain(items.into_iter().map(|item| {
            prettyplease::unparse(&syn::File {
                shebang: None,
                frontmatter: None,
                attrs: Vec::new(),
                items: vec![item],
            })
        }))
        .filter(|part| !part.is_empty())
        .collect();
    Ok(parts.join("\n"))
}

/// The last segments of the paths in `item`'s `#[derive(..)]`s (`Validate`, `FromJson`).
fn derives(item: &Item) -> Vec<String> {
    let attrs = match item {
        Item::Struct(s) => &s.attrs,
        Item::Enum(e) => &e.attrs,
        Item::Union(u) => &u.attrs,
        _ => return Vec::new(),
    };
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("derive"))
        .filter_map(|attr| {
            attr.parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
                .ok()
        })
        .flatten()
        .filter_map(|path| path.segments.last().map(|s| s.ident.to_string()))
        .collect()
}

fn expand_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expand")
}

/// Where the expected expansion of `input` is kept.
fn expected_path(input: &Path) -> PathBuf {
    input.with_extension("expanded.rs")
}

fn is_expected(path: &Path) -> bool {
    path.to_string_lossy().ends_with(".expanded.rs")
}

/// The first line where `expected` and `actual` differ, with a little context.
fn first_difference(expected: &str, actual: &str) -> String {
    let expected: Vec<&str> = expected.lines().collect();
    let actual: Vec<&str> = actual.lines().collect();
    let line = expected
        .iter()
        .zip(&actual)
        .position(|(e, a)| e != a)
        .unwrap_or(expected.len().min(actual.len()));
    let context = |lines: &[&str]| {
        lines[line.saturating_sub(2)..(line + 3).min(lines.len())]
            .iter()
            .map(|l| format!("    | {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "first difference at line {}:\n  expected:\n{}\n  actual:\n{}",
        line + 1,
        context(&expected),
        context(&actual)
    )
}

#[test]
fn expansions_match_the_expected_files() {
    let update = std::env::var_os("UPDATE_EXPANDED").is_some_and(|v| v == "1");
    let mut files: Vec<PathBuf> = fs::read_dir(expand_dir())
        .expect("tests/expand is readable")
        .map(|entry| entry.expect("tests/expand is readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    let inputs: Vec<&PathBuf> = files.iter().filter(|p| !is_expected(p)).collect();
    assert!(!inputs.is_empty(), "no cases in {}", expand_dir().display());

    let mut failures = Vec::new();
    for input in &inputs {
        let name = input.file_name().unwrap_or_default().to_string_lossy();
        let source = fs::read_to_string(input).expect("case is readable");
        let actual = match expand_file(&source) {
            Ok(actual) => actual,
            Err(error) => {
                failures.push(format!("{name}: {error}"));
                continue;
            }
        };
        let expected_path = expected_path(input);
        let expected = fs::read_to_string(&expected_path).ok();
        if expected.as_deref() == Some(actual.as_str()) {
            continue;
        }
        if update {
            fs::write(&expected_path, &actual).expect("expected file is writable");
            continue;
        }
        failures.push(match expected {
            None => format!("{name}: no {}", expected_path.display()),
            Some(expected) => format!(
                "{name}: the expansion changed; {}",
                first_difference(&expected, &actual)
            ),
        });
    }
    // An expected file whose input is gone would never be checked again.
    for stale in files.iter().filter(|p| is_expected(p)) {
        let input = PathBuf::from(stale.to_string_lossy().replace(".expanded.rs", ".rs"));
        if !input.exists() {
            if update {
                fs::remove_file(stale).expect("stale file is removable");
            } else {
                failures.push(format!("{}: no input for it", stale.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\nrun `UPDATE_EXPANDED=1 cargo test -p asyncapi-runtime-derive` to accept the \
         new expansions, then review them with `git diff`",
        failures.join("\n\n")
    );
}

/// The source files of module `name` (its file and everything under its folder).
fn module_files(src: &Path, name: &str) -> Vec<PathBuf> {
    let mut files = vec![src.join(format!("{name}.rs"))];
    let mut dirs = vec![src.join(name)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.map(|entry| entry.expect("src is readable").path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn modules_import_only_from_those_declared_before_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = fs::read_to_string(src.join("lib.rs")).expect("lib.rs is readable");
    // The pipeline's order is the order of the `mod` lines in lib.rs.
    let order: Vec<&str> = lib
        .lines()
        .filter_map(|line| line.strip_prefix("mod ")?.strip_suffix(';'))
        .filter(|name| *name != "tests")
        .collect();
    assert!(order.len() > 3, "no pipeline in lib.rs: {order:?}");
    let mut backward = Vec::new();
    for (rank, module) in order.iter().enumerate() {
        for file in module_files(&src, module) {
            let text = fs::read_to_string(&file).expect("module is readable");
            for (at, _) in text.match_indices("crate::") {
                let used: String = text[at + "crate::".len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if order[rank + 1..].contains(&used.as_str()) {
                    backward.push(format!("{}: crate::{used}", file.display()));
                }
            }
        }
    }
    assert!(
        backward.is_empty(),
        "imports of modules declared later in lib.rs (order {order:?}):\n{}",
        backward.join("\n")
    );
}
