//! The syntax tree of a pattern, built from the parser's events.
//!
//! Nodes live in one arena and refer to each other by index, children
//! always before their parent: analyses run bottom-up by walking the arena
//! in order, top-down in reverse order, and neither (nor dropping the tree)
//! recurses, however deeply the pattern nests.

use std::collections::HashMap;

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, HirKind};

use crate::matcher::charset::CharSet;
use crate::parse::{self, Assertion, Backreference, Flags, Group, Quantifier, Result, Set, Sink};
use crate::{TranslateError, TranslateErrorKind as Kind};

/// Index of a node in [`Tree::nodes`].
pub(crate) type NodeId = usize;

/// A zero-width assertion other than lookaround.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Assert {
    /// `^` without `m`.
    Start,
    /// `$` without `m`.
    End,
    /// `^` with `m`: start of input or after a line terminator.
    LineStart,
    /// `$` with `m`: end of input or before a line terminator.
    LineEnd,
    /// `\b`; `ignore_case` widens the word characters (see
    /// [`parse::WORD_IGNORE_CASE`]).
    WordBoundary { ignore_case: bool },
    /// `\B`.
    NotWordBoundary { ignore_case: bool },
}

/// One node of the tree.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    /// Matches the empty string (an empty alternative or group).
    Empty,
    /// One code point, compared exactly.
    Char(char),
    /// One code point of a set (index into [`Tree::sets`]).
    Set(usize),
    /// The children one after the other (in the direction of matching).
    Seq(Vec<NodeId>),
    /// The first child that leads to a match, in order.
    Alt(Vec<NodeId>),
    /// A capturing group (`index` from 1).
    Capture { index: usize, body: NodeId },
    /// A quantified atom; `max` is `None` when unbounded.
    Repeat {
        body: NodeId,
        min: u64,
        max: Option<u64>,
        greedy: bool,
    },
    /// A lookaround; `behind` bodies are matched right to left.
    Look {
        behind: bool,
        negated: bool,
        body: NodeId,
    },
    /// `^`, `$`, `\b`, `\B`.
    Assert(Assert),
    /// `\N` or `\k<name>`: the groups it may refer to (several when a
    /// name is used in different alternatives), compared with case folding
    /// under the `i` modifier.
    Backref {
        groups: Vec<usize>,
        ignore_case: bool,
    },
}

/// A parsed pattern.
#[derive(Debug)]
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
    /// For each node, the capture group indices inside it: `start..end`.
    /// Groups are numbered in the order they open, so the groups of a
    /// subtree are consecutive.
    pub captures: Vec<(usize, usize)>,
    pub sets: Vec<CharSet>,
    pub root: NodeId,
    /// Number of capturing groups.
    pub capture_count: usize,
}

/// Parses `pattern` into a tree. Errors are those of the grammar (the
/// parser's), and [`Kind::DuplicateGroupName`] for a name used twice where
/// both groups could take part in one match, [`Kind::Syntax`] for `\k<x>`
/// without a group `x`, and [`Kind::Compile`] in the unexpected case that
/// `regex-syntax` cannot read a set the parser wrote.
pub(crate) fn build(pattern: &str) -> Result<Tree> {
    let mut sink = TreeSink {
        pattern,
        tree: Tree {
            nodes: Vec::new(),
            captures: Vec::new(),
            sets: Vec::new(),
            root: 0,
            capture_count: 0,
        },
        levels: vec![Level::new(None, 0, 0)],
        next_level_id: 1,
        parents: vec![None],
        named: HashMap::new(),
        pending_names: Vec::new(),
        error: None,
    };
    parse::parse(pattern, &mut sink)?;
    if let Some(error) = sink.error.take() {
        return Err(error);
    }
    sink.finish()
}

/// A group being read (or the whole pattern, at the bottom).
struct Level {
    /// What the group is; `None` for the whole pattern.
    group: Option<Group>,
    /// Identifies the level, for the duplicate-name rule.
    id: usize,
    /// The finished alternatives.
    alternatives: Vec<NodeId>,
    /// The terms of the alternative being read.
    terms: Vec<NodeId>,
    /// Capture groups opened before this level opened.
    captures_before: usize,
}

impl Level {
    fn new(group: Option<Group>, id: usize, captures_before: usize) -> Level {
        Level {
            group,
            id,
            alternatives: Vec::new(),
            terms: Vec::new(),
            captures_before,
        }
    }
}

/// Where a named group sits: the innermost level around it (by id) and
/// the number of the alternative of that level it is in.
type Place = (usize, usize);

struct TreeSink<'p> {
    pattern: &'p str,
    tree: Tree,
    levels: Vec<Level>,
    next_level_id: usize,
    /// For each level id: the level it opened in (by id) and the number of
    /// that level's alternative it opened in; `None` for the whole pattern.
    parents: Vec<Option<(usize, usize)>>,
    /// Named groups: name to (group index, place).
    named: HashMap<String, Vec<(usize, Place)>>,
    /// `\k<name>` nodes to resolve once every name is known: (node, name,
    /// offset).
    pending_names: Vec<(NodeId, String, usize)>,
    /// The first error of a method that cannot return one.
    error: Option<TranslateError>,
}

impl TreeSink<'_> {
    fn err(&self, offset: usize, kind: Kind) -> TranslateError {
        TranslateError::new(self.pattern, offset, kind)
    }

    fn level(&mut self) -> &mut Level {
        self.levels
            .last_mut()
            .expect("the bottom level is never closed")
    }

    /// Adds a node whose capture groups are `captures`.
    fn push(&mut self, node: Node, captures: (usize, usize)) -> NodeId {
        self.tree.nodes.push(node);
        self.tree.captures.push(captures);
        self.tree.nodes.len() - 1
    }

    /// Adds a leaf term to the current alternative.
    fn term(&mut self, node: Node) {
        let n = self.tree.capture_count;
        let id = self.push(node, (n, n));
        self.level().terms.push(id);
    }

    /// A set node for `class`, folded and complemented as asked.
    fn set_term(&mut self, class: Option<ClassUnicode>, ignore_case: bool, negated: bool) {
        let Some(mut class) = class else {
            self.fail(self.err(
                0,
                Kind::Compile("internal: a character set could not be read".into()),
            ));
            return;
        };
        if ignore_case {
            // ECMA `Canonicalize` with the `u` flag is simple case folding;
            // a character matches when some member folds like it, i.e. when
            // it is in the set closed under simple case folding.
            if class.try_case_fold_simple().is_err() {
                self.fail(self.err(0, Kind::Compile("internal: no case folding data".into())));
                return;
            }
        }
        if negated {
            class = complement(&class);
        }
        self.tree.sets.push(CharSet::new(class));
        let index = self.tree.sets.len() - 1;
        self.term(Node::Set(index));
    }

    fn fail(&mut self, error: TranslateError) {
        self.error.get_or_insert(error);
    }

    /// Ends the alternative being read: its terms become one node.
    fn end_alternative(&mut self) {
        let terms = std::mem::take(&mut self.level().terms);
        let node = match terms.len() {
            0 => Node::Empty,
            1 => {
                let only = terms[0];
                self.level().alternatives.push(only);
                return;
            }
            _ => Node::Seq(terms),
        };
        let captures = self.span_of(&node);
        let id = self.push(node, captures);
        self.level().alternatives.push(id);
    }

    /// The capture groups of a sequence or alternation: from its first
    /// child's to its last child's.
    fn span_of(&self, node: &Node) -> (usize, usize) {
        let children: &[NodeId] = match node {
            Node::Seq(c) | Node::Alt(c) => c,
            _ => &[],
        };
        match (children.first(), children.last()) {
            (Some(&a), Some(&b)) => (self.tree.captures[a].0, self.tree.captures[b].1),
            _ => {
                let n = self.tree.capture_count;
                (n, n)
            }
        }
    }

    /// Closes a level: its alternatives as one node.
    fn close_level(&mut self) -> (Level, NodeId) {
        self.end_alternative();
        let mut level = self.levels.pop().expect("a level to close");
        let alternatives = std::mem::take(&mut level.alternatives);
        let body = if alternatives.len() == 1 {
            alternatives[0]
        } else {
            let node = Node::Alt(alternatives);
            let captures = self.span_of(&node);
            self.push(node, captures)
        };
        (level, body)
    }

    /// Resolves `\k<name>`s and returns the tree.
    fn finish(mut self) -> Result<Tree> {
        let (_, root) = self.close_level();
        for (node, name, offset) in std::mem::take(&mut self.pending_names) {
            let Some(groups) = self.named.get(&name) else {
                return Err(self.err(
                    offset,
                    Kind::Syntax(format!(
                        "`\\k<{name}>` refers to a group name that does not exist"
                    )),
                ));
            };
            let indices = groups.iter().map(|(index, _)| *index).collect();
            if let Node::Backref { groups, .. } = &mut self.tree.nodes[node] {
                *groups = indices;
            }
        }
        self.tree.root = root;
        Ok(self.tree)
    }

    /// The place of a group opening now.
    fn place(&self) -> Place {
        let top = self
            .levels
            .last()
            .expect("the bottom level is never closed");
        (top.id, top.alternatives.len())
    }

    /// The places around `place`, from the whole pattern in.
    fn chain(&self, place: Place) -> Vec<Place> {
        let mut out = vec![place];
        let mut level = place.0;
        while let Some(Some(parent)) = self.parents.get(level) {
            out.push(*parent);
            level = parent.0;
        }
        out.reverse();
        out
    }

    /// Whether two groups of the same name may both take part in one
    /// match: ES2025 allows a name twice only in different alternatives of
    /// some disjunction around both.
    fn may_both_participate(&self, a: Place, b: Place) -> bool {
        // The innermost level around both: the groups are in different
        // alternatives there, or in the same one (and then both can match).
        let mut shared = None;
        for (x, y) in self.chain(a).into_iter().zip(self.chain(b)) {
            if x.0 != y.0 {
                break;
            }
            shared = Some((x.1, y.1));
        }
        match shared {
            Some((alt_a, alt_b)) => alt_a == alt_b,
            None => true,
        }
    }
}

impl Sink for TreeSink<'_> {
    fn alternative(&mut self) {
        self.end_alternative();
    }

    fn open(&mut self, off: usize, group: &Group, _flags: Flags) -> Result<()> {
        if let Group::Capture { index, name } = group {
            self.tree.capture_count = *index;
            if let Some(name) = name {
                let place = self.place();
                let clash = self.named.get(name).is_some_and(|others| {
                    others
                        .iter()
                        .any(|&(_, other)| self.may_both_participate(other, place))
                });
                if clash {
                    return Err(self.err(off, Kind::DuplicateGroupName(name.clone())));
                }
                self.named
                    .entry(name.clone())
                    .or_default()
                    .push((*index, place));
            }
        }
        let id = self.next_level_id;
        self.next_level_id += 1;
        self.parents.push(Some(self.place()));
        let before = match group {
            Group::Capture { index, .. } => index - 1,
            _ => self.tree.capture_count,
        };
        self.levels
            .push(Level::new(Some(group.clone()), id, before));
        Ok(())
    }

    fn close(&mut self) {
        let (level, body) = self.close_level();
        let inner = (level.captures_before, self.tree.capture_count);
        let node = match level.group {
            Some(Group::Capture { index, .. }) => Node::Capture { index, body },
            Some(Group::Look { behind, negated }) => Node::Look {
                behind,
                negated,
                body,
            },
            // Non-capturing and modifier groups only group: the modifiers
            // were applied to the atoms inside as they were read.
            Some(Group::NonCapture | Group::Modifiers { .. }) | None => {
                self.level().terms.push(body);
                return;
            }
        };
        let id = self.push(node, inner);
        self.level().terms.push(id);
    }

    fn assertion(&mut self, assertion: Assertion, flags: Flags) {
        let ignore_case = flags.ignore_case;
        let assert = match assertion {
            Assertion::Start if flags.multiline => Assert::LineStart,
            Assertion::Start => Assert::Start,
            Assertion::End if flags.multiline => Assert::LineEnd,
            Assertion::End => Assert::End,
            Assertion::WordBoundary => Assert::WordBoundary { ignore_case },
            Assertion::NotWordBoundary => Assert::NotWordBoundary { ignore_case },
        };
        self.term(Node::Assert(assert));
    }

    fn quantifier(&mut self, _off: usize, quantifier: Quantifier<'_>, lazy: bool) -> Result<()> {
        let (min, max) = match quantifier {
            Quantifier::Star => (0, None),
            Quantifier::Plus => (1, None),
            Quantifier::Question => (0, Some(1)),
            Quantifier::Braced { min, max } => (
                count(min),
                match max {
                    None => Some(count(min)),
                    Some("") => None,
                    Some(max) => Some(count(max)),
                },
            ),
        };
        let body = self
            .level()
            .terms
            .pop()
            .expect("the parser checked there is an atom to repeat");
        let captures = self.tree.captures[body];
        let id = self.push(
            Node::Repeat {
                body,
                min,
                max,
                greedy: !lazy,
            },
            captures,
        );
        self.level().terms.push(id);
        Ok(())
    }

    fn literal(&mut self, cp: u32, flags: Flags) {
        match char::from_u32(cp) {
            // A lone surrogate: no `&str` holds one.
            None => self.set_term(Some(ClassUnicode::empty()), false, false),
            Some(c) if flags.ignore_case => {
                let class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
                self.set_term(Some(class), true, false);
            }
            Some(c) => self.term(Node::Char(c)),
        }
    }

    fn set(&mut self, set: &Set, flags: Flags) {
        let class = match set {
            Set::Empty => Some(ClassUnicode::empty()),
            Set::Full => Some(full()),
            Set::Text { atom, .. } => read_class(atom),
        };
        self.set_term(class, flags.ignore_case, false);
    }

    fn class(&mut self, items: &str, negated: bool, flags: Flags) {
        let class = if items.is_empty() {
            Some(ClassUnicode::empty())
        } else {
            read_class(&format!("[{items}]"))
        };
        // `[^...]` under `i`: a character matches when no member folds like
        // it, so the items are folded first and complemented after.
        self.set_term(class, flags.ignore_case, negated);
    }

    fn backreference(
        &mut self,
        off: usize,
        backreference: Backreference,
        flags: Flags,
    ) -> Result<()> {
        let ignore_case = flags.ignore_case;
        match backreference {
            Backreference::Number(n) => self.term(Node::Backref {
                groups: vec![n],
                ignore_case,
            }),
            Backreference::Name(name) => {
                self.term(Node::Backref {
                    groups: Vec::new(),
                    ignore_case,
                });
                let node = self.tree.nodes.len() - 1;
                self.pending_names.push((node, name, off));
            }
        }
        Ok(())
    }
}

/// A braced count (decimal digits): counts beyond `u64` are equivalent to
/// `u64::MAX`, since no string is that long.
fn count(digits: &str) -> u64 {
    digits.bytes().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    })
}

/// Every code point.
fn full() -> ClassUnicode {
    ClassUnicode::new([ClassUnicodeRange::new('\0', char::MAX)])
}

/// The complement of `class`, computed as a difference: `regex-syntax` 0.8's
/// `negate` mishandles the gap between U+D7FF and U+E000 (see
/// [`parse::negated_class`]).
fn complement(class: &ClassUnicode) -> ClassUnicode {
    let mut all = full();
    all.difference(class);
    all
}

/// The code points of a one-character class written by the parser.
fn read_class(text: &str) -> Option<ClassUnicode> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(text)
        .ok()?;
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(class)) => Some(class),
        // `regex-syntax` turns a one-member class into its literal.
        HirKind::Literal(literal) => {
            let text = std::str::from_utf8(&literal.0).ok()?;
            let mut chars = text.chars();
            let c = chars.next()?;
            chars
                .next()
                .is_none()
                .then(|| ClassUnicode::new([ClassUnicodeRange::new(c, c)]))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_characters_under_ignore_case() {
        // `WORD_IGNORE_CASE` is `[0-9A-Z_a-z]` closed under simple case
        // folding: exactly what ECMA `WordCharacters` is with `u` and `i`.
        let mut basic = read_class(&format!("[{}]", parse::WORD)).unwrap();
        basic.try_case_fold_simple().unwrap();
        let wide = read_class(&format!("[{}]", parse::WORD_IGNORE_CASE)).unwrap();
        assert_eq!(basic, wide);
    }

    #[test]
    fn duplicate_names() {
        assert!(build("(?<a>x)|(?<a>y)").is_ok());
        assert!(build("(?:(?<a>x)|(?<a>y))\\k<a>").is_ok());
        assert!(build("(?<a>x)|((?<a>y)|(?<a>z))").is_ok());
        assert_eq!(
            build("(?<a>x)(?<a>y)").unwrap_err().kind,
            Kind::DuplicateGroupName("a".into())
        );
        assert_eq!(
            build("((?<a>x)|y)(?<a>z)").unwrap_err().kind,
            Kind::DuplicateGroupName("a".into())
        );
        assert!(matches!(
            build("\\k<b>(?<a>x)").unwrap_err().kind,
            Kind::Syntax(_)
        ));
    }

    #[test]
    fn counts_saturate() {
        assert_eq!(count("007"), 7);
        assert_eq!(count("99999999999999999999999"), u64::MAX);
    }

    #[test]
    fn capture_spans() {
        let tree = build("(a)(?:(b)|c)(d)").unwrap();
        assert_eq!(tree.capture_count, 3);
        assert_eq!(tree.captures[tree.root], (0, 3));
    }
}
