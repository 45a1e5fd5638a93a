//! The tree compiled to instructions for the backtracking machine
//! ([`super::vm`]), and what the machine needs to memoise safely.
//!
//! Compilation walks the tree with an explicit stack of tasks, so deep
//! nesting cannot overflow the call stack. The body of a lookbehind is
//! compiled for right-to-left matching: a sequence's terms in reverse order,
//! characters read before the position, a capture's end saved before its
//! start (ECMA-262 `CompileSubpattern` with direction backward).

use super::tree::{Assert, Node, NodeId, Tree};
use crate::matcher::charset::CharSet;

/// Marks an unbounded maximum.
pub(crate) const UNBOUNDED: u64 = u64::MAX;

/// An instruction. `back` means matching right to left (inside a
/// lookbehind).
#[derive(Debug, Clone)]
pub(crate) enum Inst {
    /// One code point, exactly.
    Char {
        c: char,
        back: bool,
    },
    /// One code point of `sets[set]`.
    Set {
        set: usize,
        back: bool,
    },
    /// `min..=max` code points of `sets[set]` (a quantified single
    /// character, which needs no capture resets nor empty checks): taken
    /// greedily then given back one at a time, or lazily.
    Run {
        set: usize,
        min: u64,
        max: u64,
        greedy: bool,
        back: bool,
    },
    /// Continue at the next instruction; on failure, at `alt`.
    Split {
        alt: usize,
    },
    Jump {
        to: usize,
    },
    /// Register `slot` := position (a capture bound).
    Save {
        slot: usize,
    },
    /// Counter := 0 (a loop is entered).
    CounterInit {
        reg: usize,
    },
    /// Decides whether a loop iterates: it must below `min` iterations
    /// done, must not at `max`, else may (iterating first when greedy).
    /// `counter` is `None` for `*` (bounds `0..`), which needs no count.
    RepeatHead {
        counter: Option<usize>,
        min: u64,
        max: u64,
        greedy: bool,
        exit: usize,
    },
    /// An iteration starts: the position is remembered for the empty check
    /// (`start`, when the body can match empty), and the captures inside
    /// the loop (registers `reset.0..reset.1`) are reset to undefined.
    LoopEnter {
        start: Option<usize>,
        reset: (usize, usize),
    },
    /// An iteration ends: it fails when it was optional and matched empty
    /// (ECMA-262 `RepeatMatcher` step 2), else the count goes up and the
    /// loop head decides again.
    RepeatTail {
        counter: Option<usize>,
        start: Option<usize>,
        min: u64,
        max: u64,
        head: usize,
    },
    Assert(Assert),
    /// The text of the first of `groups` that is defined (empty if none).
    Backref {
        groups: Box<[usize]>,
        ignore_case: bool,
        back: bool,
    },
    /// A lookaround starts; its body follows, ends with [`Inst::LookEnd`],
    /// and matching goes on at `cont`.
    Look {
        negated: bool,
        cont: usize,
    },
    LookEnd,
    Match,
}

/// A register the future of a memo point may read, and how much of its
/// value matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Live {
    /// A capture bound read by a backreference: its value.
    Slot(usize),
    /// A loop counter: its value, capped at `cap` (for an unbounded loop,
    /// every count from the minimum on behaves alike).
    Counter { reg: usize, cap: u64 },
    /// A loop's iteration start: only whether it equals the position.
    /// Inside the loop's body, positions only move away from the start (in
    /// the body's direction), so the empty check at the iteration's end
    /// fails exactly when nothing was consumed since the start and nothing
    /// will be.
    StartIsHere(usize),
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub(crate) struct Program {
    pub insts: Vec<Inst>,
    pub sets: Vec<CharSet>,
    /// Number of registers: capture bounds first (two per group, group 0
    /// unused), then counters and iteration starts.
    pub registers: usize,
    /// For each instruction, its memo point (index into `memo`), if any.
    pub memo_of: Vec<Option<usize>>,
    /// For each greedy unbounded [`Inst::Run`], the memo point of the state
    /// "inside the run at a position, past its minimum": once every way on
    /// from there failed, a later run reaching that position stops.
    /// Without it, a run inside a loop (`(a*)*b`) would scan the rest of
    /// the haystack again from every position.
    pub run_state: Vec<Option<usize>>,
    /// For each memo point: the registers its outcome depends on, besides
    /// the instruction and the position; `None` when they are too many to
    /// be worth keeping (the point is then not memoised).
    pub memo: Vec<Option<Box<[Live]>>>,
    /// Whether every match starts at position 0 (`^` first, without `m`).
    pub anchored: bool,
}

/// More registers than this in a memo key: the point is left unmemoised
/// (only patterns nesting loops this deep get there).
const MAX_KEY: usize = 256;

/// Compiles `tree`.
pub(crate) fn compile(mut tree: Tree) -> Program {
    let nullable = nullable(&tree);
    let anchored = anchored(&tree);
    let sets = std::mem::take(&mut tree.sets);
    let mut c = Compiler {
        tree: &tree,
        nullable: &nullable,
        insts: Vec::new(),
        sets,
        registers: 2 * (tree.capture_count + 1),
        loops: Vec::new(),
        looks: Vec::new(),
    };
    c.run();
    c.insts.push(Inst::Match);
    let Compiler {
        insts,
        sets,
        registers,
        loops,
        looks,
        ..
    } = c;
    let memo = memo_points(&insts, &loops, &looks, tree.capture_count);
    Program {
        insts,
        sets,
        registers,
        memo_of: memo.of,
        run_state: memo.run_state,
        memo: memo.keys,
        anchored,
    }
}

/// Whether each node can match the empty string.
fn nullable(tree: &Tree) -> Vec<bool> {
    let mut out = vec![false; tree.nodes.len()];
    // Children come before their parent.
    for (id, node) in tree.nodes.iter().enumerate() {
        out[id] = match node {
            Node::Empty | Node::Assert(_) | Node::Look { .. } | Node::Backref { .. } => true,
            Node::Char(_) | Node::Set(_) => false,
            Node::Seq(children) => children.iter().all(|&c| out[c]),
            Node::Alt(children) => children.iter().any(|&c| out[c]),
            Node::Capture { body, .. } => out[*body],
            Node::Repeat { body, min, .. } => *min == 0 || out[*body],
        };
    }
    out
}

/// Whether every match of the whole pattern starts at position 0.
fn anchored(tree: &Tree) -> bool {
    let mut out = vec![false; tree.nodes.len()];
    for (id, node) in tree.nodes.iter().enumerate() {
        out[id] = match node {
            Node::Assert(Assert::Start) => true,
            Node::Seq(children) => children.first().is_some_and(|&c| out[c]),
            Node::Alt(children) => children.iter().all(|&c| out[c]),
            Node::Capture { body, .. } => out[*body],
            Node::Repeat { body, min, .. } => *min > 0 && out[*body],
            _ => false,
        };
    }
    out[tree.root]
}

/// A general loop, for memo keys: its instructions span `head..=tail`.
struct LoopInfo {
    head: usize,
    tail: usize,
    counter: Option<(usize, u64)>,
    start: Option<usize>,
}

/// What is left to do.
enum Task {
    Node {
        id: NodeId,
        back: bool,
    },
    Emit(Inst),
    /// After alternative `i` of an alternation (not the last): a jump to
    /// the end, and the split before the alternative pointed at what
    /// follows, the next alternative.
    AltNext {
        children: Vec<NodeId>,
        i: usize,
        split: usize,
        jumps: Vec<usize>,
        back: bool,
    },
    /// After the last alternative: the jumps land here.
    AltEnd {
        jumps: Vec<usize>,
    },
    /// After a loop's body.
    LoopEnd {
        head: usize,
        counter: Option<usize>,
        start: Option<usize>,
        min: u64,
        max: u64,
    },
    /// After a lookaround's body.
    LookEnd {
        look: usize,
    },
}

struct Compiler<'t> {
    tree: &'t Tree,
    nullable: &'t [bool],
    insts: Vec<Inst>,
    sets: Vec<CharSet>,
    registers: usize,
    loops: Vec<LoopInfo>,
    /// Lookaround bodies: (the `Look` instruction, its `LookEnd`).
    looks: Vec<(usize, usize)>,
}

impl Compiler<'_> {
    fn register(&mut self) -> usize {
        self.registers += 1;
        self.registers - 1
    }

    fn run(&mut self) {
        let mut tasks = vec![Task::Node {
            id: self.tree.root,
            back: false,
        }];
        while let Some(task) = tasks.pop() {
            match task {
                Task::Emit(inst) => self.insts.push(inst),
                Task::Node { id, back } => self.node(id, back, &mut tasks),
                Task::AltNext {
                    children,
                    i,
                    split,
                    mut jumps,
                    back,
                } => {
                    jumps.push(self.insts.len());
                    self.insts.push(Inst::Jump { to: usize::MAX });
                    let here = self.insts.len();
                    if let Inst::Split { alt } = &mut self.insts[split] {
                        *alt = here;
                    }
                    let next = i + 1;
                    let id = children[next];
                    if next + 1 < children.len() {
                        let split = self.insts.len();
                        self.insts.push(Inst::Split { alt: usize::MAX });
                        tasks.push(Task::AltNext {
                            children,
                            i: next,
                            split,
                            jumps,
                            back,
                        });
                    } else {
                        tasks.push(Task::AltEnd { jumps });
                    }
                    tasks.push(Task::Node { id, back });
                }
                Task::AltEnd { jumps } => {
                    let here = self.insts.len();
                    for jump in jumps {
                        if let Inst::Jump { to } = &mut self.insts[jump] {
                            *to = here;
                        }
                    }
                }
                Task::LoopEnd {
                    head,
                    counter,
                    start,
                    min,
                    max,
                } => {
                    let tail = self.insts.len();
                    self.insts.push(Inst::RepeatTail {
                        counter,
                        start,
                        min,
                        max,
                        head,
                    });
                    let exit = self.insts.len();
                    if let Inst::RepeatHead { exit: e, .. } = &mut self.insts[head] {
                        *e = exit;
                    }
                    let cap = if max == UNBOUNDED { min } else { max };
                    self.loops.push(LoopInfo {
                        head,
                        tail,
                        counter: counter.map(|reg| (reg, cap)),
                        start,
                    });
                }
                Task::LookEnd { look } => {
                    let end = self.insts.len();
                    self.insts.push(Inst::LookEnd);
                    let cont = self.insts.len();
                    if let Inst::Look { cont: c, .. } = &mut self.insts[look] {
                        *c = cont;
                    }
                    self.looks.push((look, end));
                }
            }
        }
    }

    fn node(&mut self, id: NodeId, back: bool, tasks: &mut Vec<Task>) {
        let tree = self.tree;
        match &tree.nodes[id] {
            Node::Empty => {}
            &Node::Char(c) => self.insts.push(Inst::Char { c, back }),
            &Node::Set(set) => self.insts.push(Inst::Set { set, back }),
            Node::Seq(children) => {
                // Tasks run last-pushed first.
                if back {
                    for &child in children {
                        tasks.push(Task::Node { id: child, back });
                    }
                } else {
                    for &child in children.iter().rev() {
                        tasks.push(Task::Node { id: child, back });
                    }
                }
            }
            Node::Alt(children) => {
                let split = self.insts.len();
                self.insts.push(Inst::Split { alt: usize::MAX });
                tasks.push(Task::AltNext {
                    children: children.clone(),
                    i: 0,
                    split,
                    jumps: Vec::new(),
                    back,
                });
                tasks.push(Task::Node {
                    id: children[0],
                    back,
                });
            }
            &Node::Capture { index, body } => {
                let (first, second) = if back {
                    (2 * index + 1, 2 * index)
                } else {
                    (2 * index, 2 * index + 1)
                };
                self.insts.push(Inst::Save { slot: first });
                tasks.push(Task::Emit(Inst::Save { slot: second }));
                tasks.push(Task::Node { id: body, back });
            }
            &Node::Repeat {
                body,
                min,
                max,
                greedy,
            } => {
                let max = max.unwrap_or(UNBOUNDED);
                if max == 0 {
                    // ECMA-262 `RepeatMatcher` step 1: nothing to match.
                    return;
                }
                match tree.nodes[body] {
                    Node::Char(c) => {
                        let set = self.char_set(c);
                        self.insts.push(Inst::Run {
                            set,
                            min,
                            max,
                            greedy,
                            back,
                        });
                        return;
                    }
                    Node::Set(set) => {
                        self.insts.push(Inst::Run {
                            set,
                            min,
                            max,
                            greedy,
                            back,
                        });
                        return;
                    }
                    _ => {}
                }
                let counter = (min > 0 || max != UNBOUNDED).then(|| self.register());
                let start = self.nullable[body].then(|| self.register());
                if let Some(reg) = counter {
                    self.insts.push(Inst::CounterInit { reg });
                }
                let head = self.insts.len();
                self.insts.push(Inst::RepeatHead {
                    counter,
                    min,
                    max,
                    greedy,
                    exit: usize::MAX,
                });
                let (lo, hi) = tree.captures[body];
                self.insts.push(Inst::LoopEnter {
                    start,
                    reset: (2 * (lo + 1), 2 * (hi + 1)),
                });
                tasks.push(Task::LoopEnd {
                    head,
                    counter,
                    start,
                    min,
                    max,
                });
                tasks.push(Task::Node { id: body, back });
            }
            &Node::Look {
                behind,
                negated,
                body,
            } => {
                let look = self.insts.len();
                self.insts.push(Inst::Look {
                    negated,
                    cont: usize::MAX,
                });
                tasks.push(Task::LookEnd { look });
                tasks.push(Task::Node {
                    id: body,
                    back: behind,
                });
            }
            &Node::Assert(assert) => self.insts.push(Inst::Assert(assert)),
            Node::Backref {
                groups,
                ignore_case,
            } => self.insts.push(Inst::Backref {
                groups: groups.clone().into_boxed_slice(),
                ignore_case: *ignore_case,
                back,
            }),
        }
    }

    /// A one-member set for a quantified character.
    fn char_set(&mut self, c: char) -> usize {
        self.sets.push(CharSet::of_char(c));
        self.sets.len() - 1
    }
}

/// The memo points of a program and the registers each one's outcome
/// depends on.
///
/// A memo point is where the machine branches (a split, a loop head, a
/// lookaround) or lands again and again (after a run it gives back). Its
/// outcome, reaching the end of the body it is in (the match, or the end of
/// its lookaround), depends on the position and on the registers read
/// before that end without being written first:
///
/// - capture bounds read by backreferences, found by a liveness analysis
///   over the instructions (a `LookEnd` has no successor: what follows a
///   lookaround belongs to the body around it);
/// - the counters and iteration starts of the loops around the point in
///   the same body, known from the loops' spans.
///
/// Nothing else is read: lookaround entry positions and the machine's
/// stack only matter after the body's end.
fn memo_points(
    insts: &[Inst],
    loops: &[LoopInfo],
    looks: &[(usize, usize)],
    capture_count: usize,
) -> MemoPoints {
    let n = insts.len();
    let mut is_point = vec![false; n];
    for (pc, inst) in insts.iter().enumerate() {
        match inst {
            Inst::Split { .. } | Inst::RepeatHead { .. } | Inst::Look { .. } => is_point[pc] = true,
            Inst::Run { min, max, .. } if min != max && pc + 1 < n => is_point[pc + 1] = true,
            _ => {}
        }
    }
    let live_slots = slot_liveness(insts, capture_count);

    // Spans of loops (`head..=tail`) and lookaround bodies, opened in
    // order: they nest, so a stack holds the ones around each instruction.
    enum Span {
        Loop(usize),
        Look,
    }
    let mut opening: Vec<Vec<(usize, Span)>> = (0..n).map(|_| Vec::new()).collect();
    for (i, l) in loops.iter().enumerate() {
        opening[l.head].push((l.tail, Span::Loop(i)));
    }
    for &(look, end) in looks {
        if look + 1 < n {
            opening[look + 1].push((end, Span::Look));
        }
    }
    let key_at = |pc: usize, stack: &[(usize, Span)]| -> Option<Box<[Live]>> {
        let mut key: Vec<Live> = live_slots(pc).map(Live::Slot).collect();
        for (_, span) in stack.iter().rev() {
            let Span::Loop(i) = span else {
                // Loops outside the lookaround are read after its end.
                break;
            };
            let l = &loops[*i];
            if let Some((reg, cap)) = l.counter {
                key.push(Live::Counter { reg, cap });
            }
            // At the head and at the iteration's entry the start is about
            // to be written.
            if let Some(reg) = l.start.filter(|_| pc >= l.head + 2) {
                key.push(Live::StartIsHere(reg));
            }
            if key.len() > MAX_KEY {
                return None;
            }
        }
        (key.len() <= MAX_KEY).then(|| key.into_boxed_slice())
    };
    let mut stack: Vec<(usize, Span)> = Vec::new();
    let mut out = MemoPoints {
        of: vec![None; n],
        run_state: vec![None; n],
        keys: Vec::new(),
    };
    for pc in 0..n {
        while stack.last().is_some_and(|&(end, _)| end < pc) {
            stack.pop();
        }
        let mut here = std::mem::take(&mut opening[pc]);
        // Outermost (furthest end) first.
        here.sort_by_key(|span| std::cmp::Reverse(span.0));
        stack.extend(here);
        if is_point[pc] {
            out.of[pc] = Some(out.keys.len());
            out.keys.push(key_at(pc, &stack));
        }
        if let Inst::Run {
            max: UNBOUNDED,
            greedy: true,
            ..
        } = insts[pc]
        {
            // The state "inside the run at this position, past its
            // minimum": what follows the run reads the same registers.
            out.run_state[pc] = Some(out.keys.len());
            out.keys.push(key_at(pc + 1, &stack));
        }
    }
    out
}

/// See [`memo_points`].
struct MemoPoints {
    of: Vec<Option<usize>>,
    run_state: Vec<Option<usize>>,
    keys: Vec<Option<Box<[Live]>>>,
}

/// For each instruction, the capture bounds that backreferences may read
/// from there on before they are written, as a function from instruction to
/// registers. Up to 64 such registers are tracked exactly; beyond that,
/// every register a backreference reads counts as live everywhere (more
/// memo entries, never a wrong one).
fn slot_liveness(insts: &[Inst], capture_count: usize) -> impl Fn(usize) -> SlotIter + '_ {
    // The registers read by backreferences, numbered for a bit set.
    let mut bit_of = vec![None; 2 * (capture_count + 1)];
    let mut slots = Vec::new();
    for inst in insts {
        if let Inst::Backref { groups, .. } = inst {
            for &g in groups.iter() {
                for slot in [2 * g, 2 * g + 1] {
                    if bit_of[slot].is_none() {
                        bit_of[slot] = Some(slots.len());
                        slots.push(slot);
                    }
                }
            }
        }
    }
    let exact = slots.len() <= 64;
    let n = insts.len();
    let mut live = vec![0u64; n];
    if exact && !slots.is_empty() {
        let bits = |slot: usize| bit_of.get(slot).copied().flatten().map_or(0, |b| 1u64 << b);
        let mut uses = vec![0u64; n];
        let mut defs = vec![0u64; n];
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (pc, inst) in insts.iter().enumerate() {
            match inst {
                Inst::Backref { groups, .. } => {
                    for &g in groups.iter() {
                        uses[pc] |= bits(2 * g) | bits(2 * g + 1);
                    }
                }
                Inst::Save { slot } => defs[pc] |= bits(*slot),
                Inst::LoopEnter { reset, .. } => {
                    for slot in reset.0..reset.1 {
                        defs[pc] |= bits(slot);
                    }
                }
                _ => {}
            }
            for s in successors(inst, pc) {
                if s < n {
                    preds[s].push(pc);
                }
            }
        }
        // Backward dataflow to a fixed point, with a work list.
        let mut work: Vec<usize> = (0..n).collect();
        let mut queued = vec![true; n];
        while let Some(pc) = work.pop() {
            queued[pc] = false;
            let out = successors(&insts[pc], pc)
                .filter(|&s| s < n)
                .fold(0u64, |acc, s| acc | live[s]);
            let new = uses[pc] | (out & !defs[pc]);
            if new != live[pc] {
                live[pc] = new;
                for &p in &preds[pc] {
                    if !queued[p] {
                        queued[p] = true;
                        work.push(p);
                    }
                }
            }
        }
    }
    move |pc| SlotIter {
        slots: slots.clone(),
        mask: if exact { live[pc] } else { u64::MAX },
        exact,
        i: 0,
    }
}

/// The live capture registers at one instruction.
struct SlotIter {
    slots: Vec<usize>,
    mask: u64,
    exact: bool,
    i: usize,
}

impl Iterator for SlotIter {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.i < self.slots.len() {
            let i = self.i;
            self.i += 1;
            if !self.exact || self.mask & (1 << i) != 0 {
                return Some(self.slots[i]);
            }
        }
        None
    }
}

/// Where control may go after `inst` (at `pc`).
pub(crate) fn successors(inst: &Inst, pc: usize) -> impl Iterator<Item = usize> {
    let (a, b) = match *inst {
        Inst::Split { alt } => (Some(pc + 1), Some(alt)),
        Inst::Jump { to } => (Some(to), None),
        Inst::RepeatHead { exit, .. } => (Some(pc + 1), Some(exit)),
        Inst::RepeatTail { head, .. } => (Some(head), None),
        Inst::Look { cont, .. } => (Some(pc + 1), Some(cont)),
        Inst::LookEnd | Inst::Match => (None, None),
        _ => (Some(pc + 1), None),
    };
    a.into_iter().chain(b)
}
