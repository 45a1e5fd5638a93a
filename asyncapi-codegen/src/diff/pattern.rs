//! `pattern`s (ECMA-262, unanchored search), read far enough to prove simple supersets
//! and to write a string one matches.
//!
//! A superset is claimed only by rules that hold for every string: the same pattern
//! after normalising quantifiers (`+` is `{1,}`) and `\d` (`[0-9]`: both ASCII in
//! ECMA-262), anchors (`^`, `$`) dropped, quantifier ranges widened, or a pattern that
//! matches the empty string and asserts nothing (which every string contains). A
//! pattern with a lookaround or a backreference is compared only for equality:
//! widening a part under a negative lookahead narrows the whole.

/// A pattern read as a tree.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    /// Alternatives (`a|b`).
    Alt(Vec<Node>),
    /// A sequence.
    Seq(Vec<Node>),
    /// One character matcher: a literal, an escape, a class, `.` (normalised text).
    Atom(String),
    /// A group (capturing or not: both match the same strings).
    Group(Box<Node>),
    /// `^` or `$`.
    Anchor(char),
    /// A lookaround, `\b`/`\B` or a backreference: matched only as written.
    Opaque(String),
    /// `node{min,max}` (`max` `None` is unbounded); laziness does not change whether
    /// a string contains a match.
    Repeat(Box<Node>, u32, Option<u32>),
}

struct Reader {
    chars: Vec<char>,
    at: usize,
}

impl Reader {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn alternation(&mut self, depth: usize) -> Option<Node> {
        if depth > 64 {
            return None;
        }
        let mut alternatives = vec![self.sequence(depth)?];
        while self.peek() == Some('|') {
            self.at += 1;
            alternatives.push(self.sequence(depth)?);
        }
        Some(if alternatives.len() == 1 {
            alternatives.remove(0)
        } else {
            Node::Alt(alternatives)
        })
    }

    fn sequence(&mut self, depth: usize) -> Option<Node> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom(depth)?;
            let item = match self.quantifier()? {
                Some((min, max)) => {
                    if matches!(atom, Node::Anchor(_)) {
                        return None;
                    }
                    Node::Repeat(Box::new(atom), min, max)
                }
                None => atom,
            };
            items.push(item);
        }
        Some(Node::Seq(items))
    }

    fn atom(&mut self, depth: usize) -> Option<Node> {
        let c = self.peek()?;
        self.at += 1;
        Some(match c {
            '^' | '$' => Node::Anchor(c),
            '.' => Node::Atom(".".into()),
            '(' => {
                let mut opaque = None;
                if self.peek() == Some('?') {
                    let rest: String = self.chars[self.at..].iter().take(3).collect();
                    if rest.starts_with("?:") {
                        self.at += 2;
                    } else if rest.starts_with("?=") || rest.starts_with("?!") {
                        opaque = Some(rest[..2].to_string());
                        self.at += 2;
                    } else if rest.starts_with("?<=") || rest.starts_with("?<!") {
                        opaque = Some(rest.clone());
                        self.at += 3;
                    } else if rest.starts_with("?<") {
                        // A named group: skip the name.
                        while self.peek().is_some_and(|c| c != '>') {
                            self.at += 1;
                        }
                        self.at += 1;
                    } else {
                        return None;
                    }
                }
                let inner = self.alternation(depth + 1)?;
                if self.peek() != Some(')') {
                    return None;
                }
                self.at += 1;
                match opaque {
                    Some(kind) => Node::Opaque(format!("({kind}{inner:?})")),
                    None => Node::Group(Box::new(inner)),
                }
            }
            ')' => return None,
            '[' => {
                let start = self.at - 1;
                // In ECMA-262 the first `]` closes the class (`[]` matches nothing).
                let mut escaped = false;
                loop {
                    let c = self.peek()?;
                    self.at += 1;
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == ']' {
                        break;
                    }
                }
                let text: String = self.chars[start..self.at].iter().collect();
                Node::Atom(normalise_class(&text))
            }
            '\\' => {
                let e = self.peek()?;
                self.at += 1;
                match e {
                    'b' | 'B' => Node::Opaque(format!("\\{e}")),
                    '1'..='9' | 'k' => Node::Opaque(format!("\\{e}")),
                    'd' => Node::Atom("[0-9]".into()),
                    'u' | 'x' | 'p' | 'P' | 'c' => {
                        // Take the escape's argument as written.
                        let mut text = format!("\\{e}");
                        if self.peek() == Some('{') {
                            while let Some(c) = self.peek() {
                                self.at += 1;
                                text.push(c);
                                if c == '}' {
                                    break;
                                }
                            }
                        } else {
                            let n = match e {
                                'u' => 4,
                                'x' => 2,
                                'c' => 1,
                                _ => 0,
                            };
                            for _ in 0..n {
                                text.push(self.peek()?);
                                self.at += 1;
                            }
                        }
                        Node::Atom(text)
                    }
                    other => Node::Atom(format!("\\{other}")),
                }
            }
            '*' | '+' | '?' | '{' if c != '{' || self.looks_like_quantifier(self.at - 1) => {
                return None
            }
            other => Node::Atom(other.to_string()),
        })
    }

    /// Whether a `{` at `at` starts a quantifier (`{n}`, `{n,}`, `{n,m}`); otherwise it
    /// is a literal brace (Annex B).
    fn looks_like_quantifier(&self, at: usize) -> bool {
        let rest: String = self.chars[at..].iter().take(24).collect();
        parse_braces(&rest).is_some()
    }

    fn quantifier(&mut self) -> Option<Option<(u32, Option<u32>)>> {
        let range = match self.peek() {
            Some('*') => {
                self.at += 1;
                (0, None)
            }
            Some('+') => {
                self.at += 1;
                (1, None)
            }
            Some('?') => {
                self.at += 1;
                (0, Some(1))
            }
            Some('{') => {
                let rest: String = self.chars[self.at..].iter().take(24).collect();
                match parse_braces(&rest) {
                    Some((min, max, len)) => {
                        self.at += len;
                        if max.is_some_and(|max| max < min) {
                            return None;
                        }
                        (min, max)
                    }
                    None => return Some(None),
                }
            }
            _ => return Some(None),
        };
        // Laziness.
        if self.peek() == Some('?') {
            self.at += 1;
        }
        Some(Some(range))
    }
}

/// `{n}`, `{n,}` or `{n,m}` at the start of `text`: the range and its length.
fn parse_braces(text: &str) -> Option<(u32, Option<u32>, usize)> {
    let body = text.strip_prefix('{')?;
    let end = body.find('}')?;
    let inner = &body[..end];
    let (min, max) = match inner.split_once(',') {
        Some((min, "")) => (min.parse().ok()?, None),
        Some((min, max)) => (min.parse().ok()?, Some(max.parse().ok()?)),
        None => {
            let n = inner.parse().ok()?;
            (n, Some(n))
        }
    };
    if inner.chars().any(|c| !(c.is_ascii_digit() || c == ',')) {
        return None;
    }
    Some((min, max, end + 2))
}

/// A class as written, with `\d` inside spelled `0-9`.
fn normalise_class(text: &str) -> String {
    if text == "[0-9]" || text == "[\\d]" {
        return "[0-9]".into();
    }
    text.to_string()
}

fn read(pattern: &str) -> Option<Node> {
    let mut reader = Reader {
        chars: pattern.chars().collect(),
        at: 0,
    };
    let node = reader.alternation(0)?;
    (reader.at == reader.chars.len()).then_some(node)
}

/// Whether every string matching `narrow` (anywhere in it) also matches `wide`,
/// provably by the rules of this module. `false` means "not proven".
pub(crate) fn covers(wide: &str, narrow: &str) -> bool {
    if wide == narrow {
        return true;
    }
    let (Some(w), Some(n)) = (read(wide), read(narrow)) else {
        return false;
    };
    if universal(&w) {
        return true;
    }
    if has_opaque(&w) || has_opaque(&n) {
        return false;
    }
    node_covers(&flatten(w), &flatten(n))
}

/// Whether every string contains a match of `pattern` (it matches the empty string
/// and asserts nothing).
pub(crate) fn is_universal(pattern: &str) -> bool {
    read(pattern).is_some_and(|node| universal(&node))
}

fn universal(node: &Node) -> bool {
    !has_assertion(node) && nullable(node)
}

fn has_opaque(node: &Node) -> bool {
    match node {
        Node::Opaque(_) => true,
        Node::Alt(items) | Node::Seq(items) => items.iter().any(has_opaque),
        Node::Group(inner) | Node::Repeat(inner, _, _) => has_opaque(inner),
        Node::Atom(_) | Node::Anchor(_) => false,
    }
}

fn has_assertion(node: &Node) -> bool {
    match node {
        Node::Opaque(_) | Node::Anchor(_) => true,
        Node::Alt(items) | Node::Seq(items) => items.iter().any(has_assertion),
        Node::Group(inner) | Node::Repeat(inner, _, _) => has_assertion(inner),
        Node::Atom(_) => false,
    }
}

fn nullable(node: &Node) -> bool {
    match node {
        Node::Alt(items) => items.iter().any(nullable),
        Node::Seq(items) => items.iter().all(nullable),
        Node::Group(inner) => nullable(inner),
        Node::Repeat(inner, min, _) => *min == 0 || nullable(inner),
        Node::Atom(_) => false,
        Node::Anchor(_) | Node::Opaque(_) => true,
    }
}

/// Every item of a sequence with a quantifier (`{1,1}` when written without one),
/// groups of one alternative unwrapped into their sequence where unquantified.
fn flatten(node: Node) -> Node {
    match node {
        Node::Alt(items) => Node::Alt(items.into_iter().map(flatten).collect()),
        Node::Seq(items) => {
            let mut out = Vec::new();
            for item in items {
                match item {
                    Node::Anchor(_) => out.push(item),
                    Node::Repeat(inner, min, max) => {
                        out.push(Node::Repeat(Box::new(flatten(*inner)), min, max))
                    }
                    Node::Group(inner) => match flatten(*inner) {
                        Node::Seq(inner_items) => out.extend(inner_items),
                        other => out.push(Node::Repeat(
                            Box::new(Node::Group(Box::new(other))),
                            1,
                            Some(1),
                        )),
                    },
                    other => out.push(Node::Repeat(Box::new(flatten(other)), 1, Some(1))),
                }
            }
            Node::Seq(out)
        }
        Node::Group(inner) => Node::Group(Box::new(flatten(*inner))),
        Node::Repeat(inner, min, max) => Node::Repeat(Box::new(flatten(*inner)), min, max),
        other => other,
    }
}

fn node_covers(wide: &Node, narrow: &Node) -> bool {
    match (wide, narrow) {
        (Node::Alt(w), Node::Alt(n)) => {
            w.len() == n.len() && w.iter().zip(n).all(|(w, n)| node_covers(w, n))
        }
        (Node::Seq(w), Node::Seq(n)) => seq_covers(w, n),
        (Node::Group(w), Node::Group(n)) => node_covers(w, n),
        (Node::Repeat(w, wmin, wmax), Node::Repeat(n, nmin, nmax)) => {
            let range = wmin <= nmin
                && match (wmax, nmax) {
                    (None, _) => true,
                    (Some(_), None) => false,
                    (Some(w), Some(n)) => w >= n,
                };
            range && node_covers(w, n)
        }
        (Node::Atom(w), Node::Atom(n)) => w == n,
        (Node::Anchor(w), Node::Anchor(n)) => w == n,
        _ => false,
    }
}

/// A sequence covers another when they are item for item the same, except anchors
/// only the narrow one has (an assertion dropped only widens) and wider ranges.
fn seq_covers(wide: &[Node], narrow: &[Node]) -> bool {
    let mut w = 0;
    let mut n = 0;
    while n < narrow.len() {
        if w < wide.len() && node_covers(&wide[w], &narrow[n]) {
            w += 1;
            n += 1;
        } else if matches!(narrow[n], Node::Anchor(_)) {
            n += 1;
        } else {
            return false;
        }
    }
    w == wide.len()
}

/// A string `pattern` matches (the shortest the simple reading gives), when it can be
/// written; callers check it with the interpreter.
pub(crate) fn sample(pattern: &str) -> Option<String> {
    let node = read(pattern)?;
    let mut out = String::new();
    write_sample(&node, &mut out, 0).then_some(out)
}

/// Like [`sample`], with every repetition taken `extra` more times than its minimum
/// (within its maximum): a longer string the pattern matches.
pub(crate) fn sample_long(pattern: &str, extra: u32) -> Option<String> {
    let node = read(pattern)?;
    let mut out = String::new();
    write_long(&node, &mut out, extra, 0).then_some(out)
}

fn write_sample(node: &Node, out: &mut String, depth: usize) -> bool {
    write_long(node, out, 0, depth)
}

fn write_long(node: &Node, out: &mut String, extra: u32, depth: usize) -> bool {
    if depth > 64 || out.len() > 1 << 16 {
        return false;
    }
    match node {
        Node::Alt(items) => items.iter().any(|item| {
            let mark = out.len();
            let ok = write_long(item, out, extra, depth + 1);
            if !ok {
                out.truncate(mark);
            }
            ok
        }),
        Node::Seq(items) => items
            .iter()
            .all(|item| write_long(item, out, extra, depth + 1)),
        Node::Group(inner) => write_long(inner, out, extra, depth + 1),
        Node::Repeat(inner, min, max) => {
            let times = match max {
                Some(max) => (*min).saturating_add(extra).min(*max),
                None => (*min).saturating_add(extra),
            };
            (0..times.min(4096)).all(|_| write_long(inner, out, extra, depth + 1))
        }
        Node::Anchor(_) => true,
        Node::Opaque(_) => false,
        Node::Atom(text) => match atom_char(text) {
            Some(c) => {
                out.push(c);
                true
            }
            None => false,
        },
    }
}

/// A character an atom matches.
fn atom_char(text: &str) -> Option<char> {
    if let Some(escape) = text.strip_prefix('\\') {
        let mut chars = escape.chars();
        let e = chars.next()?;
        return Some(match e {
            'd' => '0',
            'D' | 'w' | 'S' | 'p' => 'a',
            'W' | 'P' => '-',
            's' => ' ',
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\u{c}',
            'v' => '\u{b}',
            '0' => '\0',
            'u' | 'x' => {
                let hex: String = chars.filter(|c| c.is_ascii_hexdigit()).collect();
                char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
            }
            'c' => return None,
            other => other,
        });
    }
    if text == "." {
        return Some('a');
    }
    if let Some(class) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        return class_char(class);
    }
    text.chars().next()
}

/// A character of a class body (`a-z0-9`, `^abc`, `\d_`).
fn class_char(body: &str) -> Option<char> {
    if let Some(negated) = body.strip_prefix('^') {
        let members = class_members(negated)?;
        return ['a', 'A', '0', '_', '-', ' ', 'x', 'Z', '9', '.', '~']
            .into_iter()
            .find(|c| !members.iter().any(|m| m.contains(*c)));
    }
    class_members(body)?.first().and_then(ClassItem::first)
}

enum ClassItem {
    Range(char, char),
    Digit,
    Word,
    Space,
    Other,
}

impl ClassItem {
    fn contains(&self, c: char) -> bool {
        match self {
            ClassItem::Range(a, b) => *a <= c && c <= *b,
            ClassItem::Digit => c.is_ascii_digit(),
            ClassItem::Word => c.is_ascii_alphanumeric() || c == '_',
            ClassItem::Space => c.is_whitespace(),
            // Unknown: say it contains everything, so a negated class picks nothing.
            ClassItem::Other => true,
        }
    }

    fn first(&self) -> Option<char> {
        match self {
            ClassItem::Range(a, _) => Some(*a),
            ClassItem::Digit => Some('0'),
            ClassItem::Word => Some('a'),
            ClassItem::Space => Some(' '),
            ClassItem::Other => None,
        }
    }
}

fn class_members(body: &str) -> Option<Vec<ClassItem>> {
    let chars: Vec<char> = body.chars().collect();
    let mut items = Vec::new();
    let mut i = 0;
    let read_char = |i: &mut usize| -> Option<Result<char, ClassItem>> {
        let c = *chars.get(*i)?;
        *i += 1;
        if c != '\\' {
            return Some(Ok(c));
        }
        let e = *chars.get(*i)?;
        *i += 1;
        Some(match e {
            'd' => Err(ClassItem::Digit),
            'w' => Err(ClassItem::Word),
            's' => Err(ClassItem::Space),
            'D' | 'W' | 'S' | 'p' | 'P' => Err(ClassItem::Other),
            'n' => Ok('\n'),
            't' => Ok('\t'),
            'r' => Ok('\r'),
            'u' | 'x' => {
                let n = if e == 'u' { 4 } else { 2 };
                let hex: String = chars.get(*i..*i + n)?.iter().collect();
                *i += n;
                Ok(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?)
            }
            other => Ok(other),
        })
    };
    while i < chars.len() {
        match read_char(&mut i)? {
            Err(item) => items.push(item),
            Ok(c) => {
                if chars.get(i) == Some(&'-') && i + 1 < chars.len() {
                    let mut j = i + 1;
                    match read_char(&mut j)? {
                        Ok(end) => {
                            i = j;
                            items.push(ClassItem::Range(c, end));
                        }
                        Err(item) => {
                            items.push(ClassItem::Range(c, c));
                            items.push(ClassItem::Range('-', '-'));
                            items.push(item);
                            i = j;
                        }
                    }
                } else {
                    items.push(ClassItem::Range(c, c));
                }
            }
        }
    }
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supersets_by_rule() {
        assert!(covers("[a-z]+", "[a-z]+"));
        assert!(covers("[a-z]+", "^[a-z]+$"));
        assert!(covers("^[a-z]+", "^[a-z]+$"));
        assert!(!covers("^[a-z]+$", "[a-z]+"));
        assert!(covers("^[a-z]{0,20}$", "^[a-z]{0,10}$"));
        assert!(!covers("^[a-z]{0,10}$", "^[a-z]{0,20}$"));
        assert!(covers("^a*$", "^a+$"));
        assert!(covers("^[0-9]+$", "^\\d+$"));
        assert!(covers("0|([1-9]\\d{0,200})", "0|([1-9]\\d{0,128})"));
        assert!(!covers("0|([1-9]\\d{0,128})", "0|([1-9]\\d{0,200})"));
        assert!(covers("", "^abc$"));
        assert!(covers(".*", "x"));
        assert!(!covers("^(?!a)b{0,5}$", "^(?!a)b{0,3}$"));
        assert!(!covers("[a-z]+", "[A-Z]+"));
        assert!(covers("ab?c", "abc"));
        assert!(!covers("abc", "ab?c"));
    }

    #[test]
    fn samples() {
        assert_eq!(sample("0|([1-9]\\d{0,128})").as_deref(), Some("0"));
        assert_eq!(sample("[a-zA-Z0-9_.-]+").as_deref(), Some("a"));
        assert_eq!(sample("^ORD-[0-9]+$").as_deref(), Some("ORD-0"));
        assert_eq!(
            sample("arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+").as_deref(),
            Some("arn:aws:kinesis::000000000000:stream/a")
        );
        assert_eq!(sample("[^a-z]").as_deref(), Some("A"));
        assert_eq!(sample_long("^[a-z]{2,4}$", 5).as_deref(), Some("aaaa"));
        assert_eq!(sample("(?=a)a"), None);
    }
}
