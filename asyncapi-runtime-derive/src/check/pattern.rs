//! Patterns: translated from ECMA-262 and compiled once here, so that a pattern the
//! `regex` crate cannot express is a compile error naming it, never a silent difference.

use std::collections::BTreeMap;

use crate::model::PatternDef;

/// The distinct patterns of one type, by source: each becomes one `static`.
#[derive(Default)]
pub struct Patterns {
    /// In the order first seen: the `static`s are numbered so.
    defs: Vec<PatternDef>,
    /// Index into `defs` by source.
    index: BTreeMap<String, usize>,
}

impl Patterns {
    /// The index of `lit`'s pattern, translated and compiled, or why it cannot be.
    pub fn add(&mut self, lit: &syn::LitStr) -> syn::Result<usize> {
        let source = lit.value();
        if let Some(&index) = self.index.get(&source) {
            return Ok(index);
        }
        let translated = translate(&source).map_err(|reason| {
            // The translator's message names the pattern already (`pattern `..`: ..`).
            let message = if reason.starts_with("pattern `") {
                format!("invalid {reason}")
            } else {
                format!("invalid pattern {source:?}: {reason}")
            };
            syn::Error::new(lit.span(), message)
        })?;
        let index = self.defs.len();
        self.defs.push(PatternDef {
            source: source.clone(),
            translated,
        });
        self.index.insert(source, index);
        Ok(index)
    }

    /// The patterns, in the order first seen.
    pub fn into_defs(self) -> Vec<PatternDef> {
        self.defs
    }
}

/// An ECMA-262 pattern as a `regex` pattern that compiles, or why not.
fn translate(source: &str) -> Result<String, String> {
    let translated = ecma262_regex::translate(source).map_err(|error| error.to_string())?;
    match regex::Regex::new(&translated) {
        Ok(_) => Ok(translated),
        Err(regex::Error::CompiledTooBig(limit)) => Err(format!(
            "it compiles to more than the regex size limit ({limit} bytes)"
        )),
        Err(error) => Err(format!(
            "its translation {translated:?} does not compile: {}",
            error.to_string().lines().last().unwrap_or_default().trim()
        )),
    }
}
