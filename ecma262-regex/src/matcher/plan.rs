//! Reading a pattern's HIR into a [`Strategy`], or `None` for the regex.
//!
//! The question is always the one [`regex::Regex::is_match`] answers: does
//! some substring of the haystack match? Two facts do most of the work:
//!
//! - A search without `^` (or without `$`) only needs the shortest form of
//!   a repetition at that edge of the pattern: every string matching `x{m,n}`
//!   starts and ends with a string matching `x{m}`, so a haystack holding a
//!   match of `x{m,n}y` also holds one of `x{m}y`, and `x{m}y` matches are
//!   `x{m,n}y` matches. `[1-9]\d{0,128}` and `[1-9]` accept the same
//!   haystacks. This holds for assertions inside `x` too: dropping the
//!   other iterations moves no assertion, and assertions only look at their
//!   position in the haystack.
//! - A search with several alternatives matches when one of them does, so
//!   `0|[1-9]` is "contains a character of `[0-9]`", and an alternative
//!   whose every match contains a character of such a class adds nothing.

use std::collections::VecDeque;

use regex_syntax::hir::{Class, Hir, HirKind, Look, Repetition};

use super::charset::CharSet;
use super::search::{Item, Segments, Sequence};
use super::Strategy;

/// Repetitions of a literal are written out up to this many bytes.
const MAX_UNROLLED: usize = 4096;

/// Alternations split into top-level alternatives at most this many times.
const MAX_SPLITS: usize = 16;

/// What one alternative reduces to.
enum Reduced {
    Branch(Branch),
    /// The alternative is one alternation (with anchors around it): these
    /// alternatives instead.
    Split(Vec<Hir>),
    /// Something no strategy handles.
    Complex,
}

/// One top-level alternative, reduced.
#[derive(Debug)]
struct Branch {
    /// Anchored with `^`.
    start: bool,
    /// Anchored with `$`.
    end: bool,
    items: Vec<Item>,
}

impl Branch {
    /// Matches every haystack (it matches the empty string at one end).
    fn is_everything(&self) -> bool {
        self.items.is_empty() && !(self.start && self.end)
    }

    /// Matches no haystack.
    fn is_nothing(&self) -> bool {
        self.items
            .iter()
            .any(|item| matches!(item, Item::Run { set, min, .. } if *min > 0 && set.is_empty()))
    }

    /// An unanchored single character of a class.
    fn as_class(&self) -> Option<CharSet> {
        if self.start || self.end {
            return None;
        }
        match self.items.as_slice() {
            [Item::Run {
                set,
                min: 1,
                max: Some(1),
            }] => Some(set.clone()),
            [Item::Lit(l)] => {
                let mut chars = l.chars();
                let c = chars.next()?;
                chars.next().is_none().then(|| CharSet::of_char(c))
            }
            _ => None,
        }
    }

    /// Whether every match holds a character of `set`.
    fn always_holds(&self, set: &CharSet) -> bool {
        self.items.iter().any(|item| match item {
            Item::Lit(l) => l.chars().any(|c| set.contains(c)),
            Item::Run { set: own, min, .. } => *min > 0 && own.is_subset(set),
        })
    }
}

/// The strategy for `hir`, or `None` when only the regex will do.
pub(crate) fn analyse(hir: &Hir) -> Option<Strategy> {
    let mut tops = Vec::new();
    alternatives(hir, &mut tops);
    let mut todo: Vec<Hir> = tops.into_iter().cloned().collect();
    let mut branches = Vec::with_capacity(todo.len());
    let mut complex = false;
    let mut splits = 0;
    while let Some(top) = todo.pop() {
        match branch(&top) {
            Reduced::Branch(b) if b.is_everything() => return Some(Strategy::Everything),
            Reduced::Branch(b) if b.is_nothing() => {}
            Reduced::Branch(b) => branches.push(b),
            Reduced::Split(more) if splits < MAX_SPLITS => {
                splits += 1;
                todo.extend(more);
            }
            Reduced::Split(_) | Reduced::Complex => complex = true,
        }
    }
    if complex {
        return None;
    }
    match branches.len() {
        0 => Some(Strategy::Nothing),
        1 => single(branches.pop().expect("one branch")),
        _ => {
            // Single characters decide; the other alternatives must only
            // match where one of those characters is.
            let mut class: Option<CharSet> = None;
            for b in &branches {
                if let Some(set) = b.as_class() {
                    class = Some(match class {
                        Some(c) => c.union(&set),
                        None => set,
                    });
                }
            }
            let class = class?;
            branches
                .iter()
                .all(|b| b.always_holds(&class))
                .then(|| Strategy::contains_class(class))
        }
    }
}

/// The strategy for a lone alternative.
fn single(b: Branch) -> Option<Strategy> {
    if let Some(set) = b.as_class() {
        // A lone non-ASCII character is found faster by `memmem`.
        if set.single().is_none_or(|c| c.is_ascii()) {
            return Some(Strategy::contains_class(set));
        }
    }
    Some(match (b.start, b.end, b.items.as_slice()) {
        (true, true, []) => Strategy::Equals(Box::from("")),
        (false, false, [Item::Lit(l)]) => Strategy::contains_literal(l),
        (true, true, [Item::Lit(l)]) => Strategy::Equals(l.clone()),
        (true, false, [Item::Lit(l)]) => Strategy::StartsWith(l.clone()),
        (false, true, [Item::Lit(l)]) => Strategy::EndsWith(l.clone()),
        (true, true, [Item::Run { set, min, max }]) => Strategy::WholeClass {
            set: set.clone(),
            min: *min as usize,
            max: max.map_or(usize::MAX, |m| m as usize),
        },
        _ => {
            if b.start {
                if let Some(seq) = Sequence::new(b.items.clone(), b.end) {
                    return Some(Strategy::Sequence(seq));
                }
            }
            Strategy::Segments(Segments::new(b.items, b.start, b.end)?)
        }
    })
}

/// The top-level alternatives of `hir` (through capture groups).
fn alternatives<'h>(hir: &'h Hir, out: &mut Vec<&'h Hir>) {
    match hir.kind() {
        HirKind::Capture(c) => alternatives(&c.sub, out),
        HirKind::Alternation(subs) => subs.iter().for_each(|s| alternatives(s, out)),
        _ => out.push(hir),
    }
}

/// The elements of a concatenation, through nested concatenations and
/// capture groups.
fn flatten(hir: &Hir, out: &mut Vec<Hir>) {
    match hir.kind() {
        HirKind::Concat(subs) => subs.iter().for_each(|s| flatten(s, out)),
        HirKind::Capture(c) => flatten(&c.sub, out),
        HirKind::Empty => {}
        _ => out.push(hir.clone()),
    }
}

/// An edge repetition replaced by its minimum: the elements that stand for
/// it, and whether the new edge may be reduced further.
fn reduce(rep: &Repetition) -> (Vec<Hir>, bool) {
    match rep.min {
        0 => (Vec::new(), true),
        1 => {
            let mut out = Vec::new();
            flatten(&rep.sub, &mut out);
            (out, true)
        }
        min => (
            vec![Hir::repetition(Repetition {
                min,
                max: Some(min),
                greedy: rep.greedy,
                sub: rep.sub.clone(),
            })],
            false,
        ),
    }
}

fn reducible(hir: &Hir) -> Option<&Repetition> {
    match hir.kind() {
        HirKind::Repetition(rep) => Some(rep),
        _ => None,
    }
}

/// One alternative as anchors and items, reduced at its unanchored edges.
fn branch(hir: &Hir) -> Reduced {
    let mut flat = Vec::new();
    flatten(hir, &mut flat);
    let mut elems = VecDeque::from(flat);
    let mut start = false;
    let mut end = false;
    while let Some(first) = elems.front() {
        if *first.kind() == HirKind::Look(Look::Start) {
            while elems.front().map(Hir::kind) == Some(&HirKind::Look(Look::Start)) {
                elems.pop_front();
            }
            start = true;
            break;
        }
        let Some(rep) = reducible(first) else { break };
        let (with, more) = reduce(rep);
        elems.pop_front();
        for h in with.into_iter().rev() {
            elems.push_front(h);
        }
        if !more {
            break;
        }
    }
    while let Some(last) = elems.back() {
        if *last.kind() == HirKind::Look(Look::End) {
            while elems.back().map(Hir::kind) == Some(&HirKind::Look(Look::End)) {
                elems.pop_back();
            }
            end = true;
            break;
        }
        let Some(rep) = reducible(last) else { break };
        let (with, more) = reduce(rep);
        elems.pop_back();
        elems.extend(with);
        if !more {
            break;
        }
    }
    if let ([only], []) = elems.as_slices() {
        if let HirKind::Alternation(subs) = only.kind() {
            // `^(?:a|b)$` is `^a$|^b$`.
            let anchor = |yes: bool, look: Look| {
                if yes {
                    Hir::look(look)
                } else {
                    Hir::empty()
                }
            };
            return Reduced::Split(
                subs.iter()
                    .map(|sub| {
                        Hir::concat(vec![
                            anchor(start, Look::Start),
                            sub.clone(),
                            anchor(end, Look::End),
                        ])
                    })
                    .collect(),
            );
        }
    }
    let mut items: Vec<Item> = Vec::new();
    for h in &elems {
        let Some(more) = to_items(h) else {
            return Reduced::Complex;
        };
        for item in more {
            match (items.last_mut(), item) {
                // `[]*` only matches the empty string.
                (_, Item::Run { set, min: 0, .. }) if set.is_empty() => {}
                (Some(Item::Lit(prev)), Item::Lit(l)) => *prev = format!("{prev}{l}").into(),
                // `C{a,b}C{c,d}` is `C{a+c,b+d}`.
                (
                    Some(Item::Run { set, min, max }),
                    Item::Run {
                        set: next,
                        min: more,
                        max: more_max,
                    },
                ) if *set == next && min.checked_add(more).is_some() => {
                    *min += more;
                    *max = max.zip(more_max).and_then(|(a, b)| a.checked_add(b));
                }
                (_, item) => items.push(item),
            }
        }
    }
    Reduced::Branch(Branch { start, end, items })
}

/// The items for one element, `None` when it is not a literal, a class or a
/// repeated class.
fn to_items(hir: &Hir) -> Option<Vec<Item>> {
    if let Some(set) = char_class(hir) {
        return Some(vec![run(set, 1, Some(1))]);
    }
    Some(match hir.kind() {
        HirKind::Literal(lit) => vec![Item::Lit(std::str::from_utf8(&lit.0).ok()?.into())],
        HirKind::Repetition(rep) => {
            let mut sub = &*rep.sub;
            while let HirKind::Capture(c) = sub.kind() {
                sub = &c.sub;
            }
            if let Some(set) = char_class(sub) {
                return Some(vec![run(set, rep.min, rep.max)]);
            }
            match sub.kind() {
                HirKind::Literal(lit) => {
                    let text = std::str::from_utf8(&lit.0).ok()?;
                    if rep.max == Some(rep.min)
                        && text.len().saturating_mul(rep.min as usize) <= MAX_UNROLLED
                    {
                        vec![Item::Lit(text.repeat(rep.min as usize).into())]
                    } else {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        HirKind::Empty => Vec::new(),
        _ => return None,
    })
}

/// The set of characters `hir` matches, when it matches exactly one
/// character: a class, a one-character literal, or an alternation of those.
fn char_class(hir: &Hir) -> Option<CharSet> {
    match hir.kind() {
        HirKind::Class(class) => set(class),
        HirKind::Literal(lit) => {
            let text = std::str::from_utf8(&lit.0).ok()?;
            let mut chars = text.chars();
            let c = chars.next()?;
            chars.next().is_none().then(|| CharSet::of_char(c))
        }
        HirKind::Capture(c) => char_class(&c.sub),
        HirKind::Alternation(subs) => subs
            .iter()
            .map(char_class)
            .reduce(|a, b| Some(a?.union(&b?)))?,
        _ => None,
    }
}

fn set(class: &Class) -> Option<CharSet> {
    match class {
        Class::Unicode(u) => Some(CharSet::new(u.clone())),
        // `Hir::fail()`, the empty class, is a byte class.
        Class::Bytes(b) if b.ranges().is_empty() => Some(CharSet::empty()),
        Class::Bytes(_) => None,
    }
}

/// `set{min,max}`, written as a literal when it is one character a fixed
/// number of times.
fn run(set: CharSet, min: u32, max: Option<u32>) -> Item {
    match set.single() {
        Some(c) if max == Some(min) && min > 0 && (min as usize) * 4 <= MAX_UNROLLED => {
            Item::Lit(c.to_string().repeat(min as usize).into())
        }
        _ => Item::Run { set, min, max },
    }
}
