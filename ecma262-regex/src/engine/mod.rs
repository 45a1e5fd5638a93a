//! An exact ECMA-262 (`u` flag) matcher for every valid pattern, including
//! what the `regex` crate cannot express: lookahead, lookbehind (of any
//! length, matched right to left), backreferences (numbered and named),
//! the `i` and `m` modifiers, group names the `regex` crate refuses,
//! duplicate names in different alternatives, and repetition counts of any
//! size.
//!
//! The pattern is parsed by the shared parser into a tree ([`tree`]),
//! compiled to instructions ([`program`]) and run by a backtracking machine
//! with a memo of failed states ([`vm`]). Nothing recurses on the pattern's
//! nesting or the haystack's length.

pub(crate) mod fold;
pub(crate) mod program;
pub(crate) mod tree;
pub(crate) mod vm;

pub(crate) use program::Program;

use crate::TranslateError;

/// Parses and compiles `pattern` for the machine.
pub(crate) fn compile(pattern: &str) -> Result<Program, TranslateError> {
    Ok(program::compile(tree::build(pattern)?))
}

impl Program {
    /// Whether the pattern matches somewhere in `haystack`.
    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        vm::Vm::new(self, haystack).search()
    }
}
