//! Differential test: random ECMA-262 patterns are run both through the
//! translation (compiled with the `regex` crate) and through a small
//! backtracking matcher written from the ECMA-262 `u`-mode semantics, and the
//! two must agree on whether, and where first, a match exists.

use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Item {
    Char(char),
    Range(char, char),
    Escape(char),
}

#[derive(Debug, Clone)]
enum Node {
    Char(char),
    /// `\d`, `\D`, `\w`, `\W`, `\s`, `\S`.
    Escape(char),
    Dot,
    Class {
        negated: bool,
        items: Vec<Item>,
    },
    Start,
    End,
    WordBoundary,
    NotWordBoundary,
    Group {
        body: Box<Node>,
        capturing: bool,
    },
    /// Only ever the body of a group or the whole pattern.
    Alt(Vec<Node>),
    Concat(Vec<Node>),
    Repeat {
        body: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
}

// ----- ECMA-262 definitions ----------------------------------------------------

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{B}' | '\u{C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

fn escape_matches(e: char, c: char) -> bool {
    match e {
        'd' => c.is_ascii_digit(),
        'D' => !c.is_ascii_digit(),
        'w' => is_word(c),
        'W' => !is_word(c),
        's' => is_space(c),
        _ => !is_space(c),
    }
}

fn item_matches(item: &Item, c: char) -> bool {
    match *item {
        Item::Char(x) => x == c,
        Item::Range(lo, hi) => (lo..=hi).contains(&c),
        Item::Escape(e) => escape_matches(e, c),
    }
}

fn is_boundary(s: &[char], i: usize) -> bool {
    let before = i > 0 && is_word(s[i - 1]);
    let after = i < s.len() && is_word(s[i]);
    before != after
}

// ----- reference matcher (continuation passing, as in the spec) ---------------------

type Cont<'a> = &'a mut dyn FnMut(usize) -> bool;

fn matches_at(node: &Node, s: &[char], i: usize, k: Cont<'_>) -> bool {
    let one = |pred: &dyn Fn(char) -> bool| i < s.len() && pred(s[i]);
    match node {
        Node::Char(c) => one(&|x| x == *c) && k(i + 1),
        Node::Escape(e) => one(&|x| escape_matches(*e, x)) && k(i + 1),
        Node::Dot => one(&|x| !matches!(x, '\n' | '\r' | '\u{2028}' | '\u{2029}')) && k(i + 1),
        Node::Class { negated, items } => {
            one(&|x| items.iter().any(|it| item_matches(it, x)) != *negated) && k(i + 1)
        }
        Node::Start => i == 0 && k(i),
        Node::End => i == s.len() && k(i),
        Node::WordBoundary => is_boundary(s, i) && k(i),
        Node::NotWordBoundary => !is_boundary(s, i) && k(i),
        Node::Group { body, .. } => matches_at(body, s, i, k),
        Node::Alt(branches) => {
            for b in branches {
                if matches_at(b, s, i, k) {
                    return true;
                }
            }
            false
        }
        Node::Concat(items) => sequence(items, s, i, k),
        Node::Repeat { body, min, max, .. } => repeat(body, *min, *max, s, i, k),
    }
}

fn sequence(items: &[Node], s: &[char], i: usize, k: Cont<'_>) -> bool {
    match items.split_first() {
        None => k(i),
        Some((head, tail)) => matches_at(head, s, i, &mut |j| sequence(tail, s, j, k)),
    }
}

/// ECMA-262 RepeatMatcher, including the rule that an iteration beyond the
/// minimum may not match the empty string. Greedy and lazy repetition only
/// differ in which choice is tried first, which does not matter here: the
/// search only asks whether a match starts at a given position.
fn repeat(body: &Node, min: u32, max: Option<u32>, s: &[char], i: usize, k: Cont<'_>) -> bool {
    if max == Some(0) {
        return k(i);
    }
    let iterate = |k: Cont<'_>| {
        matches_at(body, s, i, &mut |j| {
            if min == 0 && j == i {
                return false;
            }
            repeat(body, min.saturating_sub(1), max.map(|m| m - 1), s, j, k)
        })
    };
    if min > 0 {
        iterate(k)
    } else {
        iterate(k) || k(i)
    }
}

/// Index (in chars) where the first match starts, if any.
fn reference_search(node: &Node, s: &[char]) -> Option<usize> {
    (0..=s.len()).find(|&i| matches_at(node, s, i, &mut |_| true))
}

// ----- rendering as ECMA-262 source ----------------------------------------------------

const SYNTAX: &str = r"^$\.*+?()[]{}|/";

fn render_char(out: &mut String, c: char, in_class: bool) {
    if (c as u32) > 0xFFFF {
        // Written as a surrogate pair, which `u` mode joins into one code point.
        let mut units = [0u16; 2];
        for u in c.encode_utf16(&mut units) {
            out.push_str(&format!("\\u{u:04X}"));
        }
    } else if (in_class && matches!(c, ']' | '\\' | '-' | '^')) || (!in_class && SYNTAX.contains(c))
    {
        out.push('\\');
        out.push(c);
    } else if c.is_control() {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    } else {
        out.push(c);
    }
}

fn render(node: &Node, out: &mut String) {
    match node {
        Node::Char(c) => render_char(out, *c, false),
        Node::Escape(e) => {
            out.push('\\');
            out.push(*e);
        }
        Node::Dot => out.push('.'),
        Node::Class { negated, items } => {
            out.push('[');
            if *negated {
                out.push('^');
            }
            for item in items {
                match *item {
                    Item::Char(c) => render_char(out, c, true),
                    Item::Range(lo, hi) => {
                        render_char(out, lo, true);
                        out.push('-');
                        render_char(out, hi, true);
                    }
                    Item::Escape(e) => {
                        out.push('\\');
                        out.push(e);
                    }
                }
            }
            out.push(']');
        }
        Node::Start => out.push('^'),
        Node::End => out.push('$'),
        Node::WordBoundary => out.push_str(r"\b"),
        Node::NotWordBoundary => out.push_str(r"\B"),
        Node::Group { body, capturing } => {
            out.push_str(if *capturing { "(" } else { "(?:" });
            render(body, out);
            out.push(')');
        }
        Node::Alt(branches) => {
            for (n, b) in branches.iter().enumerate() {
                if n > 0 {
                    out.push('|');
                }
                render(b, out);
            }
        }
        Node::Concat(items) => items.iter().for_each(|n| render(n, out)),
        Node::Repeat {
            body,
            min,
            max,
            greedy,
        } => {
            render(body, out);
            match (min, max) {
                (0, None) => out.push('*'),
                (1, None) => out.push('+'),
                (0, Some(1)) => out.push('?'),
                (n, None) => out.push_str(&format!("{{{n},}}")),
                (n, Some(m)) if n == m => out.push_str(&format!("{{{n}}}")),
                (n, Some(m)) => out.push_str(&format!("{{{n},{m}}}")),
            }
            if !greedy {
                out.push('?');
            }
        }
    }
}

// ----- generators ------------------------------------------------------------------------

const ALPHABET: &[char] = &[
    'a', 'b', 'A', '0', '_', ' ', '\n', '\r', '\u{2028}', '\u{85}', '\u{A0}', '\u{FEFF}', 'é', '٣',
    '🚀', '-', '&', '~', '[', ']', '^', '.', '$', '\\', '\u{D7FF}', '\u{E000}',
];

fn any_char() -> impl Strategy<Value = char> {
    prop::sample::select(ALPHABET)
}

fn escape_letter() -> impl Strategy<Value = char> {
    prop::sample::select(vec!['d', 'D', 'w', 'W', 's', 'S'])
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        3 => any_char().prop_map(Item::Char),
        2 => (any_char(), any_char()).prop_map(|(a, b)| Item::Range(a.min(b), a.max(b))),
        1 => escape_letter().prop_map(Item::Escape),
    ]
}

fn leaf() -> impl Strategy<Value = Node> {
    prop_oneof![
        6 => any_char().prop_map(Node::Char),
        2 => escape_letter().prop_map(Node::Escape),
        1 => Just(Node::Dot),
        2 => (any::<bool>(), prop::collection::vec(item(), 0..4))
            .prop_map(|(negated, items)| Node::Class { negated, items }),
        1 => Just(Node::Start),
        1 => Just(Node::End),
        1 => Just(Node::WordBoundary),
        1 => Just(Node::NotWordBoundary),
    ]
}

fn quantifier() -> impl Strategy<Value = (u32, Option<u32>, bool)> {
    (
        prop::sample::select(vec![
            (0, None),
            (1, None),
            (0, Some(1)),
            (0, Some(0)),
            (2, Some(2)),
            (0, Some(2)),
            (2, None),
            (1, Some(3)),
        ]),
        any::<bool>(),
    )
        .prop_map(|((min, max), greedy)| (min, max, greedy))
}

fn is_atom(node: &Node) -> bool {
    matches!(
        node,
        Node::Char(_) | Node::Escape(_) | Node::Dot | Node::Class { .. } | Node::Group { .. }
    )
}

fn node() -> impl Strategy<Value = Node> {
    leaf().prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Node::Concat),
            (prop::collection::vec(inner.clone(), 1..4), any::<bool>()).prop_map(
                |(branches, capturing)| Node::Group {
                    body: Box::new(Node::Alt(branches)),
                    capturing,
                }
            ),
            (inner, quantifier()).prop_map(|(body, (min, max, greedy))| {
                let body = if is_atom(&body) {
                    body
                } else {
                    Node::Group {
                        body: Box::new(body),
                        capturing: false,
                    }
                };
                Node::Repeat {
                    body: Box::new(body),
                    min,
                    max,
                    greedy,
                }
            }),
        ]
    })
}

fn pattern() -> impl Strategy<Value = Node> {
    prop::collection::vec(node(), 1..3).prop_map(|branches| {
        if branches.len() == 1 {
            branches.into_iter().next().unwrap()
        } else {
            Node::Alt(branches)
        }
    })
}

fn haystack() -> impl Strategy<Value = Vec<char>> {
    prop::collection::vec(any_char(), 0..7)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn translation_agrees_with_ecma_semantics(
        node in pattern(),
        haystacks in prop::collection::vec(haystack(), 1..6),
    ) {
        let mut source = String::new();
        render(&node, &mut source);
        let re = ecma262_regex::compile(&source)
            .map_err(|e| TestCaseError::fail(format!("{e}")))?;
        for chars in haystacks {
            let s: String = chars.iter().collect();
            let expected = reference_search(&node, &chars);
            let actual = re.find(&s).map(|m| s[..m.start()].chars().count());
            prop_assert_eq!(
                actual, expected,
                "pattern {:?} (translated {:?}) on {:?}", source, re.as_str(), s
            );
        }
    }
}

#[test]
fn reference_matcher_sanity() {
    let chars: Vec<char> = "xab".chars().collect();
    let node = Node::Concat(vec![Node::Char('a'), Node::Char('b')]);
    assert_eq!(reference_search(&node, &chars), Some(1));
    let node = Node::Repeat {
        body: Box::new(Node::Group {
            body: Box::new(Node::Alt(vec![Node::Concat(vec![]), Node::Char('a')])),
            capturing: false,
        }),
        min: 0,
        max: None,
        greedy: true,
    };
    let mut source = String::new();
    render(&node, &mut source);
    assert_eq!(source, "(?:|a)*");
    assert_eq!(reference_search(&node, &chars), Some(0));
}
