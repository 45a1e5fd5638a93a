//! The backtracking machine: ECMA-262 matching semantics (the order in
//! which alternatives are tried, atomic lookarounds, captures reset on every
//! iteration, the empty-iteration check) with an explicit stack, and a memo
//! of the states known to fail.
//!
//! Every register write pushes an undo record on the stack, so backtracking
//! restores registers exactly; choice points push the state to resume. The
//! memo: on arriving at a memo point, the machine pushes a record of the
//! state's key (the instruction, the position and the registers the rest of
//! its body reads, see [`super::program`]); when backtracking pops that
//! record, everything tried from the state has failed, and the key is
//! remembered, so arriving there again fails at once. When a lookaround's
//! body succeeds, the records above its barrier are dropped unremembered
//! (their states succeeded). With the keys exact, each state is explored at
//! most once per run of the body it is in, which keeps patterns such as
//! `(a*)*b` or `(a|a)*c` polynomial.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use super::program::{Inst, Live, Program, UNBOUNDED};
use super::tree::Assert;

/// An undefined register (a capture group that has not matched).
const UNDEFINED: usize = usize::MAX;

/// What backtracking finds on the stack.
#[derive(Debug, Clone, Copy)]
enum Frame {
    /// Resume at `pc`, `pos`.
    Alt { pc: usize, pos: usize },
    /// Restore a register.
    Undo { reg: usize, old: usize },
    /// The state with this key (in the key arena from `key`, `len` long)
    /// has failed once this is popped.
    Memo { key: usize, len: usize },
    /// A greedy run at `pc` can give back characters down to `floor`.
    RunGreedy { pc: usize, floor: usize, pos: usize },
    /// Every way on from the greedy run (memo point `point`) that covered
    /// `floor..=top` failed once this is popped.
    RunDone {
        point: usize,
        floor: usize,
        top: usize,
        back: bool,
    },
    /// A lazy run at `pc` can take another character (`count` so far).
    RunLazy { pc: usize, pos: usize, count: u64 },
    /// A lookaround's body runs above this: entered at `pos`, going on at
    /// `cont`; `prev` is the barrier below.
    Barrier {
        prev: usize,
        pos: usize,
        negated: bool,
        cont: usize,
    },
}

/// A memo key, as [`Vm::key`] computes it.
#[derive(Clone, Copy)]
enum Key {
    /// The point is not memoised.
    Unmemoised,
    /// A key without registers, as a number.
    Bit(u64),
    /// A key with registers, in `Vm::scratch`.
    Registers,
}

/// No barrier.
const NONE: usize = usize::MAX;

/// A fast hash for memo keys (positions and small integers): FxHash's
/// multiply-rotate, which `std`'s SipHash outruns by far here.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type KeySet<K> = HashSet<K, BuildHasherDefault<KeyHasher>>;

/// States known to fail.
enum Failed {
    /// Keys without registers, as bits: `point * (len + 1) + pos`.
    Bits(Vec<u64>),
    /// The same as numbers, when a bit set would be too large.
    Numbers(KeySet<u64>),
}

/// At most this many bits (4 MiB) for [`Failed::Bits`].
const MAX_BITS: usize = 1 << 25;

/// One search of one haystack.
pub(crate) struct Vm<'a> {
    prog: &'a Program,
    text: &'a str,
    regs: Vec<usize>,
    stack: Vec<Frame>,
    /// Index in `stack` of the innermost barrier, or [`NONE`].
    barrier: usize,
    /// Keys of pending memo records, as a stack.
    keys: Vec<usize>,
    /// Scratch space for a key.
    scratch: Vec<usize>,
    failed: Failed,
    failed_with_registers: KeySet<Box<[usize]>>,
}

impl<'a> Vm<'a> {
    pub(crate) fn new(prog: &'a Program, text: &'a str) -> Vm<'a> {
        let positions = text.len() + 1;
        let failed = match prog.memo.len().checked_mul(positions) {
            Some(bits) if bits <= MAX_BITS => Failed::Bits(vec![0; bits.div_ceil(64)]),
            _ => Failed::Numbers(KeySet::default()),
        };
        Vm {
            prog,
            text,
            regs: vec![UNDEFINED; prog.registers],
            stack: Vec::new(),
            barrier: NONE,
            keys: Vec::new(),
            scratch: Vec::new(),
            failed,
            failed_with_registers: KeySet::default(),
        }
    }

    /// Whether the pattern matches somewhere in the text.
    pub(crate) fn search(&mut self) -> bool {
        if self.prog.anchored {
            return self.run(0);
        }
        let bytes = self.text.as_bytes();
        // Every character boundary, the end included. The memo carries over
        // from one start to the next: what failed, failed whatever the start.
        (0..=bytes.len())
            .filter(|&i| i == bytes.len() || !is_continuation(bytes[i]))
            .any(|start| self.run(start))
    }

    fn set(&mut self, reg: usize, value: usize) {
        let old = self.regs[reg];
        if old != value {
            self.stack.push(Frame::Undo { reg, old });
            self.regs[reg] = value;
        }
    }

    /// Runs from `start`; the stack is empty again when it returns false.
    fn run(&mut self, start: usize) -> bool {
        let prog = self.prog;
        let text = self.text;
        let mut pc = 0;
        let mut pos = start;
        loop {
            let mut ok = true;
            if let Some(point) = prog.memo_of[pc] {
                ok = self.arrive(point, pos);
            }
            if ok {
                match &prog.insts[pc] {
                    &Inst::Char { c, back } => match step(text, pos, back) {
                        Some((d, next)) if d == c => {
                            pos = next;
                            pc += 1;
                        }
                        _ => ok = false,
                    },
                    &Inst::Set { set, back } => match step(text, pos, back) {
                        Some((d, next)) if prog.sets[set].contains(d) => {
                            pos = next;
                            pc += 1;
                        }
                        _ => ok = false,
                    },
                    &Inst::Run {
                        set,
                        min,
                        max,
                        greedy,
                        back,
                    } => {
                        let set = &prog.sets[set];
                        let mut count = 0;
                        while count < min {
                            match step(text, pos, back) {
                                Some((d, next)) if set.contains(d) => {
                                    pos = next;
                                    count += 1;
                                }
                                _ => break,
                            }
                        }
                        if count < min {
                            ok = false;
                        } else if greedy {
                            let floor = pos;
                            let point = prog.run_state[pc];
                            let mut known = false;
                            while count < max {
                                if let Some(point) = point {
                                    if self.known(point, pos) {
                                        known = true;
                                        break;
                                    }
                                }
                                match step(text, pos, back) {
                                    Some((d, next)) if set.contains(d) => {
                                        pos = next;
                                        count += 1;
                                    }
                                    _ => break,
                                }
                            }
                            if known {
                                // Every way on from here failed before: only
                                // shorter runs are left.
                                match step(text, pos, !back) {
                                    Some((_, before)) if pos != floor => pos = before,
                                    _ => ok = false,
                                }
                            }
                            if ok {
                                if let Some(point) = point {
                                    self.stack.push(Frame::RunDone {
                                        point,
                                        floor,
                                        top: pos,
                                        back,
                                    });
                                }
                                if pos != floor {
                                    self.stack.push(Frame::RunGreedy { pc, floor, pos });
                                }
                                pc += 1;
                            }
                        } else {
                            if count < max {
                                self.stack.push(Frame::RunLazy { pc, pos, count });
                            }
                            pc += 1;
                        }
                    }
                    &Inst::Split { alt } => {
                        self.stack.push(Frame::Alt { pc: alt, pos });
                        pc += 1;
                    }
                    &Inst::Jump { to } => pc = to,
                    &Inst::Save { slot } => {
                        self.set(slot, pos);
                        pc += 1;
                    }
                    &Inst::CounterInit { reg } => {
                        self.set(reg, 0);
                        pc += 1;
                    }
                    &Inst::RepeatHead {
                        counter,
                        min,
                        max,
                        greedy,
                        exit,
                    } => {
                        let done = counter.map_or(0, |reg| self.regs[reg] as u64);
                        if max != UNBOUNDED && done >= max {
                            pc = exit;
                        } else if done < min {
                            pc += 1;
                        } else if greedy {
                            self.stack.push(Frame::Alt { pc: exit, pos });
                            pc += 1;
                        } else {
                            self.stack.push(Frame::Alt { pc: pc + 1, pos });
                            pc = exit;
                        }
                    }
                    &Inst::LoopEnter { start, reset } => {
                        if let Some(reg) = start {
                            self.set(reg, pos);
                        }
                        for reg in reset.0..reset.1 {
                            self.set(reg, UNDEFINED);
                        }
                        pc += 1;
                    }
                    &Inst::RepeatTail {
                        counter,
                        start,
                        min,
                        max,
                        head,
                    } => {
                        let done = counter.map_or(0, |reg| self.regs[reg] as u64);
                        if start.is_some_and(|reg| done >= min && self.regs[reg] == pos) {
                            // An optional iteration that matched empty.
                            ok = false;
                        } else {
                            if let Some(reg) = counter {
                                // Past the minimum, an unbounded loop's count
                                // no longer matters: it stays at the minimum,
                                // which keeps memo keys few.
                                let next = if max == UNBOUNDED {
                                    (done + 1).min(min)
                                } else {
                                    done + 1
                                };
                                self.set(reg, next as usize);
                            }
                            pc = head;
                        }
                    }
                    Inst::Assert(assert) => {
                        if self.assert(*assert, pos) {
                            pc += 1;
                        } else {
                            ok = false;
                        }
                    }
                    Inst::Backref {
                        groups,
                        ignore_case,
                        back,
                    } => match self.backref(groups, *ignore_case, *back, pos) {
                        Some(next) => {
                            pos = next;
                            pc += 1;
                        }
                        None => ok = false,
                    },
                    &Inst::Look { negated, cont } => {
                        self.stack.push(Frame::Barrier {
                            prev: self.barrier,
                            pos,
                            negated,
                            cont,
                        });
                        self.barrier = self.stack.len() - 1;
                        pc += 1;
                    }
                    Inst::LookEnd => match self.look_end() {
                        Some((next_pc, next_pos)) => {
                            pc = next_pc;
                            pos = next_pos;
                        }
                        None => ok = false,
                    },
                    Inst::Match => {
                        // Leave the machine clean for the next search.
                        self.stack.clear();
                        self.keys.clear();
                        self.barrier = NONE;
                        return true;
                    }
                }
            }
            if !ok {
                match self.backtrack() {
                    Some((next_pc, next_pos)) => {
                        pc = next_pc;
                        pos = next_pos;
                    }
                    None => return false,
                }
            }
        }
    }

    /// The key of memo point `point` at `pos` (in `scratch` when it holds
    /// registers).
    fn key(&mut self, point: usize, pos: usize) -> Key {
        let Some(live) = &self.prog.memo[point] else {
            return Key::Unmemoised;
        };
        if live.is_empty() {
            return Key::Bit((point * (self.text.len() + 1) + pos) as u64);
        }
        self.scratch.clear();
        self.scratch.push(point);
        self.scratch.push(pos);
        for l in live.iter() {
            self.scratch.push(match *l {
                Live::Slot(reg) => self.regs[reg],
                Live::Counter { reg, cap } => (self.regs[reg] as u64).min(cap) as usize,
                Live::StartIsHere(reg) => usize::from(self.regs[reg] == pos),
            });
        }
        Key::Registers
    }

    fn is_known(&self, key: Key) -> bool {
        match key {
            Key::Unmemoised => false,
            Key::Bit(n) => match &self.failed {
                Failed::Bits(bits) => bits[(n / 64) as usize] & (1 << (n % 64)) != 0,
                Failed::Numbers(set) => set.contains(&n),
            },
            Key::Registers => self.failed_with_registers.contains(&self.scratch[..]),
        }
    }

    /// Whether the state of memo point `point` at `pos` is known to fail.
    fn known(&mut self, point: usize, pos: usize) -> bool {
        let key = self.key(point, pos);
        self.is_known(key)
    }

    fn remember_bit(&mut self, n: u64) {
        match &mut self.failed {
            Failed::Bits(bits) => bits[(n / 64) as usize] |= 1 << (n % 64),
            Failed::Numbers(set) => {
                set.insert(n);
            }
        }
    }

    /// At memo point `point`: false when the state is known to fail, else
    /// records it as pending.
    fn arrive(&mut self, point: usize, pos: usize) -> bool {
        let key = self.key(point, pos);
        if self.is_known(key) {
            return false;
        }
        match key {
            Key::Unmemoised => {}
            Key::Bit(n) => self.stack.push(Frame::Memo {
                key: n as usize,
                len: 0,
            }),
            Key::Registers => {
                let key = self.keys.len();
                self.keys.extend_from_slice(&self.scratch);
                self.stack.push(Frame::Memo {
                    key,
                    len: self.scratch.len(),
                });
            }
        }
        true
    }

    /// Pops the stack to the next state to try; `None` when there is none.
    fn backtrack(&mut self) -> Option<(usize, usize)> {
        let text = self.text;
        while let Some(frame) = self.stack.pop() {
            match frame {
                Frame::Alt { pc, pos } => return Some((pc, pos)),
                Frame::Undo { reg, old } => self.regs[reg] = old,
                Frame::Memo { key, len } => self.remember(key, len),
                Frame::RunDone {
                    point,
                    floor,
                    top,
                    back,
                } => self.remember_run(point, floor, top, back),
                Frame::RunGreedy { pc, floor, pos } => {
                    let back = matches!(self.prog.insts[pc], Inst::Run { back: true, .. });
                    // Give one character back: step against the run's
                    // direction.
                    let Some((_, next)) = step(text, pos, !back) else {
                        continue;
                    };
                    if next != floor {
                        self.stack.push(Frame::RunGreedy {
                            pc,
                            floor,
                            pos: next,
                        });
                    }
                    return Some((pc + 1, next));
                }
                Frame::RunLazy { pc, pos, count } => {
                    let Inst::Run { set, max, back, .. } = self.prog.insts[pc] else {
                        continue;
                    };
                    match step(text, pos, back) {
                        Some((d, next)) if self.prog.sets[set].contains(d) => {
                            if count + 1 < max {
                                self.stack.push(Frame::RunLazy {
                                    pc,
                                    pos: next,
                                    count: count + 1,
                                });
                            }
                            return Some((pc + 1, next));
                        }
                        _ => {}
                    }
                }
                Frame::Barrier {
                    prev,
                    pos,
                    negated,
                    cont,
                } => {
                    // Every way through the body failed.
                    self.barrier = prev;
                    if negated {
                        return Some((cont, pos));
                    }
                }
            }
        }
        None
    }

    /// Records that the state with this key failed.
    fn remember(&mut self, key: usize, len: usize) {
        if len == 0 {
            self.remember_bit(key as u64);
        } else {
            let k: Box<[usize]> = self.keys[key..key + len].into();
            self.failed_with_registers.insert(k);
            self.keys.truncate(key);
        }
    }

    /// Records that every run state from `floor` to `top` failed.
    fn remember_run(&mut self, point: usize, floor: usize, top: usize, back: bool) {
        let mut pos = floor;
        loop {
            match self.key(point, pos) {
                Key::Unmemoised => return,
                Key::Bit(n) => self.remember_bit(n),
                Key::Registers => {
                    let k: Box<[usize]> = self.scratch[..].into();
                    self.failed_with_registers.insert(k);
                }
            }
            if pos == top {
                return;
            }
            match step(self.text, pos, back) {
                Some((_, next)) => pos = next,
                None => return,
            }
        }
    }

    /// The body of the innermost lookaround reached its end: where to go on,
    /// or `None` for a failure.
    fn look_end(&mut self) -> Option<(usize, usize)> {
        let b = self.barrier;
        let Some(&Frame::Barrier {
            prev,
            pos,
            negated,
            cont,
        }) = self.stack.get(b)
        else {
            // Cannot happen: a `LookEnd` is only reached inside a body.
            return None;
        };
        self.barrier = prev;
        if negated {
            // The body matched, so the lookaround fails: undo the body's
            // writes; the states above the barrier did not fail, so nothing
            // is remembered.
            while self.stack.len() > b {
                if let Some(Frame::Undo { reg, old }) = self.stack.pop() {
                    self.regs[reg] = old;
                }
            }
            return None;
        }
        // A lookaround is atomic: the body's other choices are dropped, its
        // register writes kept (with their undo records, for when matching
        // backtracks past the lookaround).
        let mut kept = b;
        for i in b + 1..self.stack.len() {
            if let frame @ Frame::Undo { .. } = self.stack[i] {
                self.stack[kept] = frame;
                kept += 1;
            }
        }
        self.stack.truncate(kept);
        Some((cont, pos))
    }

    fn assert(&self, assert: Assert, pos: usize) -> bool {
        let text = self.text;
        match assert {
            Assert::Start => pos == 0,
            Assert::End => pos == text.len(),
            Assert::LineStart => step(text, pos, true).is_none_or(|(c, _)| is_line_terminator(c)),
            Assert::LineEnd => step(text, pos, false).is_none_or(|(c, _)| is_line_terminator(c)),
            Assert::WordBoundary { ignore_case } => {
                is_word_at(text, pos, true, ignore_case)
                    != is_word_at(text, pos, false, ignore_case)
            }
            Assert::NotWordBoundary { ignore_case } => {
                is_word_at(text, pos, true, ignore_case)
                    == is_word_at(text, pos, false, ignore_case)
            }
        }
    }

    /// Matches the text of the first defined group of `groups` at `pos`;
    /// the position after it, or `None`.
    fn backref(
        &self,
        groups: &[usize],
        ignore_case: bool,
        back: bool,
        pos: usize,
    ) -> Option<usize> {
        let text = self.text;
        // A group counts as defined once both bounds are set: inside the
        // group itself only one is.
        let Some((s, e)) = groups.iter().find_map(|&g| {
            let (s, e) = (self.regs[2 * g], self.regs[2 * g + 1]);
            (s != UNDEFINED && e != UNDEFINED).then_some((s, e))
        }) else {
            // ECMA-262: a group that did not take part matches empty.
            return Some(pos);
        };
        let captured = text.get(s..e)?;
        if !ignore_case {
            return if back {
                text[..pos]
                    .ends_with(captured)
                    .then(|| pos - captured.len())
            } else {
                text[pos..]
                    .starts_with(captured)
                    .then(|| pos + captured.len())
            };
        }
        let mut at = pos;
        if back {
            for c in captured.chars().rev() {
                let (d, next) = step(text, at, true)?;
                if !super::fold::same(c, d) {
                    return None;
                }
                at = next;
            }
        } else {
            for c in captured.chars() {
                let (d, next) = step(text, at, false)?;
                if !super::fold::same(c, d) {
                    return None;
                }
                at = next;
            }
        }
        Some(at)
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The character after `pos` (before it when `back`) and the position past
/// it. `pos` is a character boundary of `text`.
#[inline]
fn step(text: &str, pos: usize, back: bool) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    if back {
        let &last = bytes[..pos].last()?;
        if last < 0x80 {
            return Some((char::from(last), pos - 1));
        }
        let c = text[..pos].chars().next_back()?;
        Some((c, pos - c.len_utf8()))
    } else {
        let &first = bytes.get(pos)?;
        if first < 0x80 {
            return Some((char::from(first), pos + 1));
        }
        let c = text[pos..].chars().next()?;
        Some((c, pos + c.len_utf8()))
    }
}

/// ECMA-262 `LineTerminator`.
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Whether the character before (`before`) or after `pos` is an ECMA-262
/// word character (`IsWordChar`); false at the ends.
fn is_word_at(text: &str, pos: usize, before: bool, ignore_case: bool) -> bool {
    step(text, pos, before).is_some_and(|(c, _)| {
        c.is_ascii_alphanumeric()
            || c == '_'
            || (ignore_case && matches!(c, '\u{17F}' | '\u{212A}'))
    })
}
