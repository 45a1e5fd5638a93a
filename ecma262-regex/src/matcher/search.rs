//! The structured strategies: an anchored [`Sequence`] of literals and class
//! runs, and [`Segments`], fixed-width pieces separated by gaps (`.*`).

use memchr::arch::all::packedpair::Pair;
use memchr::memmem::Finder;

use super::charset::CharSet;

/// Whether `hay` starts with `lit`. Literals of a pattern are short and so are the
/// values they are checked against: two overlapping word compares beat a call to
/// `memcmp`.
#[inline(always)]
fn starts_with(hay: &[u8], lit: &[u8]) -> bool {
    hay.len() >= lit.len() && same(&hay[..lit.len()], lit)
}

/// `a == b` for slices of one length.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8 bytes"));
    let half = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().expect("4 bytes"));
    match n {
        0..4 => a == b,
        4..8 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        _ => a == b,
    }
}

/// Haystacks up to this many bytes are searched by [`Needle`]'s rare byte; longer ones
/// with `memmem`, whose set-up costs more than such a scan.
const SHORT_HAYSTACK: usize = 256;

/// A literal to find within a value.
#[derive(Clone, Debug)]
struct Needle {
    lit: Box<[u8]>,
    /// The offset in `lit` of its byte believed rarest in text.
    rare: usize,
    finder: Box<Finder<'static>>,
}

impl Needle {
    fn new(lit: &str) -> Needle {
        let lit = lit.as_bytes();
        Needle {
            lit: lit.into(),
            rare: Pair::new(lit).map_or(0, |pair| usize::from(pair.index1())),
            finder: Box::new(Finder::new(lit).into_owned()),
        }
    }

    /// The offset of the first occurrence in `hay`.
    #[inline]
    fn find(&self, hay: &[u8]) -> Option<usize> {
        if hay.len() > SHORT_HAYSTACK {
            return self.finder.find(hay);
        }
        let n = self.lit.len();
        let byte = self.lit[self.rare];
        // The rare byte of the last place the literal fits.
        let last = (hay.len().checked_sub(n)?) + self.rare;
        let mut from = self.rare;
        while from <= last {
            let at = from + memchr::memchr(byte, &hay[from..=last])?;
            let start = at - self.rare;
            if starts_with(&hay[start..], &self.lit) {
                return Some(start);
            }
            from = at + 1;
        }
        None
    }
}

/// One element of a pattern reduced to a sequence.
#[derive(Clone, Debug)]
pub(crate) enum Item {
    /// A literal string (never empty).
    Lit(Box<str>),
    /// `set{min,max}`; `max` is `None` when unbounded.
    Run {
        set: CharSet,
        min: u32,
        max: Option<u32>,
    },
}

impl Item {
    /// Whether the item always matches the same number of characters.
    pub(crate) fn is_fixed(&self) -> bool {
        match self {
            Item::Lit(_) => true,
            Item::Run { min, max, .. } => *max == Some(*min),
        }
    }

    /// Width in characters of a fixed item.
    fn chars(&self) -> usize {
        match self {
            Item::Lit(l) => l.chars().count(),
            Item::Run { min, .. } => *min as usize,
        }
    }

    /// Width in bytes, when it does not depend on the haystack.
    fn bytes(&self) -> Option<usize> {
        match self {
            Item::Lit(l) => Some(l.len()),
            Item::Run { set, min, max } if *max == Some(*min) && set.is_ascii() => {
                Some(*min as usize)
            }
            Item::Run { .. } => None,
        }
    }

    /// Whether every character this item can match is in `set`.
    pub(crate) fn within(&self, set: &CharSet) -> bool {
        match self {
            Item::Lit(l) => l.chars().all(|c| set.contains(c)),
            Item::Run { set: own, .. } => own.is_subset(set),
        }
    }
}

fn limit(max: Option<u32>) -> usize {
    max.map_or(usize::MAX, |m| m as usize)
}

/// Matches `items` at byte offset `at` of `s[..end]` (both character
/// boundaries), taking as many characters as allowed for every run; returns
/// the offset after the match.
#[inline]
fn match_items(items: &[Item], s: &str, at: usize, end: usize) -> Option<usize> {
    let s = &s[..end];
    let mut p = at;
    for item in items {
        match item {
            Item::Lit(l) => {
                if !starts_with(&s.as_bytes()[p..], l.as_bytes()) {
                    return None;
                }
                p += l.len();
            }
            Item::Run { set, min, max } => {
                let (n, q) = set.take(s, p, limit(*max));
                if n < *min as usize {
                    return None;
                }
                p = q;
            }
        }
    }
    Some(p)
}

/// A pattern anchored at the start: `^` then literals and class runs, with
/// or without `$`. Every run that can vary in length is followed by
/// characters it cannot match, so taking as many characters as it allows is
/// the only choice that can succeed: the match needs no backtracking.
#[derive(Clone, Debug)]
pub(crate) struct Sequence {
    items: Vec<Item>,
    end: bool,
}

impl Sequence {
    /// `None` when some variable run may give characters back to what
    /// follows it (or may end the match, with no `$`).
    pub(crate) fn new(items: Vec<Item>, end: bool) -> Option<Sequence> {
        for (i, item) in items.iter().enumerate() {
            let Item::Run { set, .. } = item else {
                continue;
            };
            if item.is_fixed() {
                continue;
            }
            // The characters that can come right after the run.
            let mut follow = CharSet::empty();
            let mut closed = end;
            for next in &items[i + 1..] {
                match next {
                    Item::Lit(l) => {
                        let first = l.chars().next().expect("literals are not empty");
                        follow = follow.union(&CharSet::of_char(first));
                        closed = true;
                        break;
                    }
                    Item::Run { set, min, .. } => {
                        follow = follow.union(set);
                        if *min > 0 {
                            closed = true;
                            break;
                        }
                    }
                }
            }
            if !closed || set.intersects(&follow) {
                return None;
            }
        }
        Some(Sequence { items, end })
    }

    #[inline]
    pub(crate) fn is_match(&self, s: &str) -> bool {
        match match_items(&self.items, s, 0, s.len()) {
            Some(p) => !self.end || p == s.len(),
            None => false,
        }
    }
}

/// How a segment finds its first occurrence.
#[derive(Clone, Debug)]
enum Locate {
    /// A literal item at a fixed byte offset from the segment's start.
    Literal { needle: Needle, offset: usize },
    /// The segment is one run: a scan for enough members in a row.
    Run,
    /// The segment is empty.
    Empty,
    /// The segment is only ever placed by an anchor.
    Anchored,
}

/// Fixed-width items between two gaps.
#[derive(Clone, Debug)]
struct Segment {
    items: Vec<Item>,
    /// Width in characters.
    chars: usize,
    locate: Locate,
}

impl Segment {
    fn new(items: Vec<Item>, anchored: bool) -> Option<Segment> {
        debug_assert!(items.iter().all(Item::is_fixed));
        let chars = items.iter().map(Item::chars).sum();
        let locate = if items.is_empty() {
            Locate::Empty
        } else if anchored {
            Locate::Anchored
        } else if let [Item::Run { .. }] = items.as_slice() {
            Locate::Run
        } else {
            // The longest literal whose distance from the start is known.
            let mut best: Option<(usize, &str)> = None;
            let mut offset = Some(0);
            for item in &items {
                let Some(at) = offset else { break };
                if let Item::Lit(l) = item {
                    if best.is_none_or(|(_, b)| l.len() > b.len()) {
                        best = Some((at, l));
                    }
                }
                offset = item.bytes().map(|n| at + n);
            }
            let (offset, lit) = best?;
            Locate::Literal {
                needle: Needle::new(lit),
                offset,
            }
        };
        Some(Segment {
            items,
            chars,
            locate,
        })
    }

    /// Whether the segment occurs at `at` within `s[..end]`; the offset
    /// after it.
    #[inline]
    fn at(&self, s: &str, at: usize, end: usize) -> Option<usize> {
        if !s.is_char_boundary(at) {
            return None;
        }
        match_items(&self.items, s, at, end)
    }

    /// The first occurrence within `s[from..end]`, as (start, end) offsets.
    fn find(&self, s: &str, from: usize, end: usize) -> Option<(usize, usize)> {
        match &self.locate {
            Locate::Empty => Some((from, from)),
            Locate::Literal { needle, offset } => {
                let mut start = from;
                while start + offset <= end {
                    let hit = needle.find(&s.as_bytes()[start + offset..end])?;
                    start += hit;
                    if self.items.len() == 1 {
                        // The segment is the literal just found (its first byte starts
                        // a character, so `start` is a character boundary).
                        return Some((start, start + needle.lit.len()));
                    }
                    if let Some(e) = self.at(s, start, end) {
                        return Some((start, e));
                    }
                    start += 1;
                }
                None
            }
            Locate::Run => {
                let Some(Item::Run { set, min, .. }) = self.items.first() else {
                    unreachable!("a run segment holds one run")
                };
                let want = *min as usize;
                let mut run = 0;
                let mut run_start = from;
                if set.is_ascii() {
                    for (i, &b) in s.as_bytes()[from..end].iter().enumerate() {
                        if set.contains_byte(b) {
                            if run == 0 {
                                run_start = from + i;
                            }
                            run += 1;
                            if run == want {
                                return Some((run_start, from + i + 1));
                            }
                        } else {
                            run = 0;
                        }
                    }
                } else {
                    for (i, c) in s[from..end].char_indices() {
                        if set.contains(c) {
                            if run == 0 {
                                run_start = from + i;
                            }
                            run += 1;
                            if run == want {
                                return Some((run_start, from + i + c.len_utf8()));
                            }
                        } else {
                            run = 0;
                        }
                    }
                }
                None
            }
            Locate::Anchored => unreachable!("anchored segments are placed, not searched"),
        }
    }
}

/// `S0 G* S1 G* ... Sk` where the `Si` are fixed-width sequences of literals
/// and class runs and `G*` is an unbounded run of one class `G` (typically
/// `.*`), optionally anchored at either end.
///
/// Every character of every segment is in `G`, so a match lies within one
/// stretch of the haystack free of characters outside `G` (for `.`, a
/// line). Within a stretch, placing each segment at its first occurrence
/// after the previous one is enough: it leaves the most room for the rest.
#[derive(Clone, Debug)]
pub(crate) struct Segments {
    segments: Vec<Segment>,
    /// `G`, when there are gaps and `G` is not every character.
    gap: Option<CharSet>,
    start: bool,
    end: bool,
}

impl Segments {
    /// `None` when the items do not have this shape.
    pub(crate) fn new(items: Vec<Item>, start: bool, end: bool) -> Option<Segments> {
        // The gap class: that of the first `G*`, else of the first `G{m,}`.
        // `G{m,}` is `G{m}G*`, so it is split when `G` is the gap class.
        let unbounded = |zero: bool| {
            items.iter().find_map(|item| match item {
                Item::Run {
                    set,
                    min,
                    max: None,
                } if zero == (*min == 0) => Some(set.clone()),
                _ => None,
            })
        };
        let gap = unbounded(true).or_else(|| unbounded(false));
        let mut pieces: Vec<Vec<Item>> = vec![Vec::new()];
        for item in items {
            match item {
                Item::Run {
                    set,
                    min,
                    max: None,
                } if Some(&set) == gap.as_ref() => {
                    if min > 0 {
                        let run = Item::Run {
                            set,
                            min,
                            max: Some(min),
                        };
                        pieces.last_mut().expect("never empty").push(run);
                    }
                    pieces.push(Vec::new());
                }
                item if item.is_fixed() => pieces.last_mut().expect("never empty").push(item),
                _ => return None,
            }
        }
        if let Some(g) = &gap {
            // The stretches are found with `find_miss`.
            if !g.has_rare_misses() || !pieces.iter().flatten().all(|item| item.within(g)) {
                return None;
            }
        }
        let gap = gap.filter(|g| !g.is_full());
        let last = pieces.len() - 1;
        let segments = pieces
            .into_iter()
            .enumerate()
            .map(|(i, items)| Segment::new(items, (i == 0 && start) || (i == last && end)))
            .collect::<Option<Vec<_>>>()?;
        Some(Segments {
            segments,
            gap,
            start,
            end,
        })
    }

    pub(crate) fn is_match(&self, s: &str) -> bool {
        let mut from = 0;
        loop {
            let (stretch_end, next) = match &self.gap {
                Some(gap) => match gap.find_miss(s, from) {
                    Some((at, len)) => (at, Some(at + len)),
                    None => (s.len(), None),
                },
                None => (s.len(), None),
            };
            if (!self.end || next.is_none()) && self.in_stretch(s, from, stretch_end) {
                return true;
            }
            match next {
                Some(n) if !self.start => from = n,
                _ => return false,
            }
        }
    }

    /// Whether a match lies within `s[from..end]`, which holds only
    /// characters of `G`.
    fn in_stretch(&self, s: &str, from: usize, end: usize) -> bool {
        let last = self.segments.len() - 1;
        let mut p = from;
        for (i, seg) in self.segments.iter().enumerate() {
            if i == last && self.end {
                // Placed at the end: its start is `chars` characters back.
                let start = if seg.chars == 0 {
                    Some(end)
                } else {
                    s[p..end]
                        .char_indices()
                        .nth_back(seg.chars - 1)
                        .map(|(i, _)| p + i)
                };
                let placed = i > 0 || !self.start || start == Some(p);
                return placed && start.is_some_and(|at| seg.at(s, at, end) == Some(end));
            }
            p = if i == 0 && self.start {
                match seg.at(s, p, end) {
                    Some(e) => e,
                    None => return false,
                }
            } else {
                match seg.find(s, p, end) {
                    Some((_, e)) => e,
                    None => return false,
                }
            };
        }
        true
    }
}
