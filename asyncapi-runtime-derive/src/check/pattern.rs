//! Patterns: compiled once here with `ecma262_regex::Pattern`, which accepts every valid
//! ECMA-262 pattern (lookaround and backreferences included), so that invalid syntax, and
//! only that, is a compile error at the attribute, naming what is wrong.

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
    /// The index of `lit`'s pattern, or why it is not a valid ECMA-262 pattern.
    pub fn add(&mut self, lit: &syn::LitStr) -> syn::Result<usize> {
        let source = lit.value();
        if let Some(&index) = self.index.get(&source) {
            return Ok(index);
        }
        // The error's message names the pattern already (`pattern `..`: ..`).
        ecma262_regex::Pattern::new(&source)
            .map_err(|error| syn::Error::new(lit.span(), format!("invalid {error}")))?;
        let index = self.defs.len();
        self.defs.push(PatternDef {
            source: source.clone(),
        });
        self.index.insert(source, index);
        Ok(index)
    }

    /// The patterns, in the order first seen.
    pub fn into_defs(self) -> Vec<PatternDef> {
        self.defs
    }
}
