//! The backtracking engine against JavaScript.
//!
//! `tests/data/oracle.json` holds patterns and strings with the answers of
//! Node.js (`new RegExp(pattern, "u").test(string)`): hand-picked cases for
//! lookaround, backreferences, capture resets and the empty-iteration rule,
//! and patterns from a seeded generator. [`corpus_agrees_with_javascript`]
//! checks the engine on it without Node. [`node_agrees`] asks Node itself
//! about the same patterns and more generated ones (skipped, saying so,
//! when `node` is not installed); with `ECMA262_ORACLE=overwrite` it
//! rewrites the corpus from Node's answers, and `ECMA262_ORACLE_PATTERNS=n`
//! sets how many generated patterns beyond the corpus it asks about
//! (`ECMA262_ORACLE_SEED` seeds them).
//!
//! Node 20 (V8 11.3) knows neither modifiers (`(?i:`) nor duplicate group
//! names, so neither is generated; `tests/engine.rs` covers them.

use std::io::Write as _;
use std::process::{Command, Stdio};

use ecma262_regex::{Engine, Pattern};
use serde_json::{json, Value};

const CORPUS: &str = "tests/data/oracle.json";

/// Patterns worth knowing the exact answer for.
const HAND_PICKED: &[&str] = &[
    // Lookahead.
    "^(?!admin$)[a-z]+$",
    "^(?=.*[A-Z])(?=.*\\d).{4,}$",
    "a(?=b)",
    "a(?!b)",
    "(?=(a+))a*b\\1",
    "(?=(a+?))(\\1)",
    "^(?:(?=(a))a)*\\1$",
    "(?!(a))\\1b",
    "(?=a|ab)(ab|a)c",
    "^(?:(?!ab).)*$",
    "(?=.*a)(?=.*b)(?=.*c)",
    "x(?=)y",
    "(?!)",
    // Lookbehind, of any length, right to left.
    "(?<=a)b",
    "(?<!a)b",
    "(?<=\\$)\\d+(\\.\\d\\d)?",
    "(?<=^|,)[^,]*(?=,|$)",
    "(?<=(\\d+)(\\d+))$",
    "(?<=(\\d+?)(\\d+))$",
    "(?<=\\1(a))b",
    "(?<=(a)\\1)b",
    "(?<=a(?=b)b)c",
    "(?<=a(?<=ba))c",
    "(?<=ab*)c",
    "(?<=^a*)b",
    "(?<!^)a",
    "(?<=a{2,3})b",
    "(?<=(?:ab|b)+)c",
    "(?<=\\bfoo)bar",
    "(?<=(?<n>a)b)\\k<n>",
    // Backreferences.
    "(a)\\1",
    "^(a|b)\\1+$",
    "^(\\w+)\\s\\1$",
    "(?<x>[ab])\\k<x>",
    "\\1(a)",
    "(a\\1)",
    "^(?:(a)|b)*\\1$",
    "^(?:(a)|(b))*\\1\\2$",
    "^(a*)*\\1$",
    "^(a*?)*\\1$",
    "^(?:(a)|b)+?\\1$",
    "(a)?b\\1",
    "^(a)?\\1$",
    "(.)(.)\\2\\1",
    "^(?:(a)\\1)*$",
    "^(?:a|(b))*\\1c$",
    "(?<a>.)(?<b>.)\\k<b>\\k<a>",
    // Quantifiers and the empty-iteration rule.
    "^(?:a?)*$",
    "^(a?)*$",
    "^(?:a|)*b$",
    "^(a|)*?b$",
    "(?:|a)*b",
    "^(?:a*)+$",
    "^(?:(a*))+?$",
    "^(?:(?=a)|a)*$",
    "^(?:\\b|a)+$",
    "^(a{0,2}){2}$",
    "^(?:a{2}){2,}$",
    "^(?:ab){1,2}?c",
    "a{2,}?b",
    "^(?:a+)+$",
    "^(a|ab)(c|bcd)(d*)$",
    "^(?:(a)|(b))*$",
    "(a*)*b",
    "(a|a)*b",
    // Assertions and sets.
    "\\bab\\b",
    "\\Ba\\B",
    "^$",
    "^\\s*$",
    "[^]",
    "[]",
    ".",
    "\\S+\\s\\S+",
    "[\\w-]+@[\\w-]+",
    "\\p{Lu}\\p{Ll}+",
];

/// A small deterministic generator (xorshift), so that the corpus can be
/// regenerated identically.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Random patterns over `a`, `b`, `c`: groups, lookaround, backreferences
/// (also to groups later in the pattern, or not taking part), quantifiers,
/// classes and assertions.
struct Generator {
    rng: Rng,
    groups: usize,
    names: Vec<String>,
}

impl Generator {
    fn pattern(&mut self) -> String {
        self.groups = 0;
        self.names.clear();
        let mut out = String::new();
        // Small patterns mostly: big random ones rarely match anything.
        let depth = [1, 2, 2, 3][self.rng.below(4)];
        self.alternation(&mut out, depth);
        // Backreferences were written as placeholders until the number of
        // groups was known.
        let groups = self.groups.max(1);
        let mut rendered = String::new();
        for c in out.chars() {
            match c {
                '\u{1}' => {
                    let n = 1 + self.rng.below(groups);
                    if self.groups == 0 {
                        rendered.push('a');
                    } else {
                        rendered.push_str(&format!("\\{n}"));
                    }
                }
                '\u{2}' => {
                    if self.names.is_empty() {
                        rendered.push('b');
                    } else {
                        let i = self.rng.below(self.names.len());
                        rendered.push_str(&format!("\\k<{}>", self.names[i]));
                    }
                }
                _ => rendered.push(c),
            }
        }
        rendered
    }

    fn alternation(&mut self, out: &mut String, depth: usize) {
        let n = if self.rng.chance(25) { 2 } else { 1 };
        for i in 0..n {
            if i > 0 {
                out.push('|');
            }
            let terms = 1 + self.rng.below(if depth > 1 { 2 } else { 3 });
            for _ in 0..terms {
                self.term(out, depth);
            }
        }
    }

    fn term(&mut self, out: &mut String, depth: usize) {
        let r = self.rng.below(100);
        let quantifiable = match r {
            0..=29 => {
                out.push(['a', 'b', 'c', 'a'][self.rng.below(4)]);
                true
            }
            30..=34 => {
                out.push_str(["[ab]", "[^a]", ".", "\\w", "\\s", "[a-c]"][self.rng.below(6)]);
                true
            }
            35..=39 => {
                out.push_str(["^", "$", "\\b", "\\B"][self.rng.below(4)]);
                false
            }
            40..=44 => {
                out.push('\u{1}');
                true
            }
            45..=46 => {
                out.push('\u{2}');
                true
            }
            _ if depth == 0 => {
                out.push('a');
                true
            }
            47..=64 => {
                self.groups += 1;
                out.push('(');
                self.alternation(out, depth - 1);
                out.push(')');
                true
            }
            65..=69 => {
                self.groups += 1;
                let name = format!("n{}", self.names.len());
                out.push_str(&format!("(?<{name}>"));
                self.names.push(name);
                self.alternation(out, depth - 1);
                out.push(')');
                true
            }
            70..=79 => {
                out.push_str("(?:");
                self.alternation(out, depth - 1);
                out.push(')');
                true
            }
            _ => {
                out.push_str(["(?=", "(?!", "(?<=", "(?<!"][self.rng.below(4)]);
                self.alternation(out, depth - 1);
                out.push(')');
                false
            }
        };
        if quantifiable && self.rng.chance(35) {
            out.push_str(["*", "+", "?", "{2}", "{1,}", "{0,2}", "{1,3}"][self.rng.below(7)]);
            if self.rng.chance(25) {
                out.push('?');
            }
        }
    }

    fn strings(&mut self, count: usize) -> Vec<String> {
        const ALPHABET: &[char] = &['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', ' ', '\n', 'A'];
        let mut out = vec![String::new()];
        while out.len() < count {
            let len = self.rng.below(7);
            out.push(
                (0..len)
                    .map(|_| ALPHABET[self.rng.below(ALPHABET.len())])
                    .collect(),
            );
        }
        out
    }
}

/// Strings for a hand-picked pattern: generated ones and some fitting the
/// pattern's alphabet.
fn hand_strings(rng: &mut Generator) -> Vec<String> {
    let mut out = rng.strings(10);
    out.extend(
        [
            "admin",
            "admins",
            "Ab1x",
            "$10.99",
            "1053",
            "x,yy,",
            "aab",
            "baaabac",
            "abab",
            "aaaa",
            "abcd",
            "hello hello",
            "foobar",
            "Élan",
            "ab ab",
            "a@b",
        ]
        .map(String::from),
    );
    out
}

/// One pattern to check: as this crate reads it, as Node is given it, with
/// which flags, and the strings.
struct Input {
    ours: String,
    node: String,
    flags: &'static str,
    strings: Vec<String>,
}

impl Input {
    fn plain(pattern: String, strings: Vec<String>) -> Input {
        Input {
            ours: pattern.clone(),
            node: pattern,
            flags: "u",
            strings,
        }
    }

    /// `(?i:p)` for us is `p` with the `i` flag for Node (which has no
    /// modifier groups), and so for `m`.
    fn modified(pattern: &str, flag: char, strings: Vec<String>) -> Input {
        Input {
            ours: format!("(?{flag}:{pattern})"),
            node: pattern.to_owned(),
            flags: if flag == 'i' { "ui" } else { "um" },
            strings,
        }
    }
}

/// Patterns whose meaning case folding changes, for the `i` modifier.
const FOLDING: &[&str] = &[
    "k",
    "K",
    "s",
    "\\w",
    "\\W",
    "[^k]",
    "[^\\w]",
    "\\bk",
    "k\\b",
    "\\Bs",
    "[a-z]+$",
    "^[^a-z]*$",
    "(k)\\1",
    "(?<x>s)\\k<x>",
    "(?<=(s))\\1",
    "\\u212A",
    "[\\u212A]",
    "[\\u017F-\\u0180]",
    "ß",
    "\\u1E9E",
    "σ",
    "\\p{Lu}",
    "\\P{Lu}",
    "[^\\p{Lu}]",
    "[\\P{Ll}]",
    "\\p{Ll}+$",
    "(?<=K)s",
    "(?<!k)s",
    "[k-s]",
    "[^k-s]",
    ".",
    "\\S",
    "[\\s\\S]k",
];

/// Strings for [`FOLDING`].
const FOLDED: &[&str] = &[
    "",
    "k",
    "K",
    "\u{212A}",
    "s",
    "S",
    "\u{17F}",
    "ß",
    "ẞ",
    "σ",
    "ς",
    "Σ",
    "a",
    "A",
    " ",
    "kS",
    "\u{212A}\u{17F}",
    "Ks",
    "sK",
    "xk",
    "k!",
    "_",
    "\u{180}",
    "kK",
    "K\u{212A}",
    "s\u{17F}",
    "Ss",
];

/// The patterns of the corpus with their strings.
fn corpus_inputs() -> Vec<Input> {
    let mut g = Generator {
        rng: Rng(0x9E37_79B9_7F4A_7C15),
        groups: 0,
        names: Vec::new(),
    };
    let mut out: Vec<Input> = HAND_PICKED
        .iter()
        .map(|p| Input::plain(p.to_string(), hand_strings(&mut g)))
        .collect();
    let folded: Vec<String> = FOLDED.iter().map(|s| s.to_string()).collect();
    for p in FOLDING {
        out.push(Input::modified(p, 'i', folded.clone()));
    }
    for i in 0..400 {
        let p = g.pattern();
        let strings = g.strings(12);
        // Some with a modifier around the whole pattern.
        out.push(match i % 8 {
            0 => Input::modified(&p, 'i', strings),
            1 => Input::modified(&p, 'm', strings),
            _ => Input::plain(p, strings),
        });
    }
    out
}

/// Asks Node for `new RegExp(p, "u").test(s)` on every input: per
/// pattern, `Some(answers)`, or `None` when Node refuses the pattern.
fn ask_node(inputs: &[Input]) -> Option<Vec<Option<Vec<bool>>>> {
    let script = r#"
        let data = '';
        process.stdin.on('data', d => data += d);
        process.stdin.on('end', () => {
            const out = JSON.parse(data).map(({node, flags, strings}) => {
                let re;
                try { re = new RegExp(node, flags); } catch (e) { return null; }
                return strings.map(s => re.test(s));
            });
            process.stdout.write(JSON.stringify(out));
        });
    "#;
    let mut child = Command::new("node")
        .arg("-e")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let input: Vec<Value> = inputs
        .iter()
        .map(|i| json!({"node": i.node, "flags": i.flags, "strings": i.strings}))
        .collect();
    let input = serde_json::to_vec(&input).expect("JSON");
    child.stdin.take()?.write_all(&input).ok()?;
    let output = child.wait_with_output().ok()?;
    assert!(output.status.success(), "node failed");
    let answers: Value = serde_json::from_slice(&output.stdout).expect("node's JSON");
    Some(
        answers
            .as_array()?
            .iter()
            .map(|a| {
                a.as_array()
                    .map(|v| v.iter().map(|b| b.as_bool() == Some(true)).collect())
            })
            .collect(),
    )
}

/// Checks both engines against `expected`; returns the disagreements.
fn disagreements(pattern: &str, strings: &[String], expected: &[bool]) -> Vec<String> {
    let mut out = Vec::new();
    let engines = [Pattern::backtracking(pattern), Pattern::new(pattern)];
    for engine in engines {
        let p = match engine {
            Ok(p) => p,
            Err(e) => {
                out.push(format!("{pattern:?}: refused: {e}"));
                continue;
            }
        };
        for (s, &want) in strings.iter().zip(expected) {
            if p.is_match(s) != want {
                out.push(format!(
                    "{pattern:?} on {s:?} ({}): expected {want}",
                    p.engine()
                ));
            }
        }
    }
    out
}

#[test]
fn corpus_agrees_with_javascript() {
    let text = std::fs::read_to_string(CORPUS).expect("the corpus");
    let corpus: Value = serde_json::from_str(&text).expect("corpus JSON");
    let mut wrong = Vec::new();
    let mut cases = 0;
    let mut backtracking = 0;
    for entry in corpus.as_array().expect("an array") {
        let pattern = entry["pattern"].as_str().expect("pattern");
        let mut strings = Vec::new();
        let mut expected = Vec::new();
        for case in entry["cases"].as_array().expect("cases") {
            strings.push(case[0].as_str().expect("string").to_owned());
            expected.push(case[1].as_bool().expect("answer"));
        }
        cases += strings.len();
        if Pattern::new(pattern).is_ok_and(|p| p.engine() == Engine::Backtracking) {
            backtracking += 1;
        }
        wrong.extend(disagreements(pattern, &strings, &expected));
    }
    assert!(
        wrong.is_empty(),
        "{} disagreements:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert!(cases > 5000, "{cases} cases");
    assert!(
        backtracking > 200,
        "{backtracking} patterns need the engine"
    );
}

#[test]
fn node_agrees() {
    if Command::new("node").arg("--version").output().is_err() {
        eprintln!("skipped: `node` is not installed, so JavaScript cannot be asked; the committed corpus is checked by `corpus_agrees_with_javascript`");
        return;
    }
    let mut inputs = corpus_inputs();
    let corpus_len = inputs.len();
    // More generated patterns than the corpus keeps.
    // `ECMA262_ORACLE_SEED=n` changes the generated patterns.
    let seed = std::env::var("ECMA262_ORACLE_SEED")
        .ok()
        .and_then(|n| n.parse::<u64>().ok())
        .map_or(0xD1B5_4A32_D192_ED03, |n| n | 1);
    let mut g = Generator {
        rng: Rng(seed),
        groups: 0,
        names: Vec::new(),
    };
    // `ECMA262_ORACLE_PATTERNS=n` asks about `n` instead (a long hunt).
    let extra = std::env::var("ECMA262_ORACLE_PATTERNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1500);
    for i in 0..extra {
        let p = g.pattern();
        let strings = g.strings(12);
        inputs.push(match i % 6 {
            0 => Input::modified(&p, 'i', strings),
            1 => Input::modified(&p, 'm', strings),
            _ => Input::plain(p, strings),
        });
    }
    let answers = ask_node(&inputs).expect("node runs");
    let mut wrong = Vec::new();
    let mut corpus = Vec::new();
    for (i, (input, answer)) in inputs.iter().zip(&answers).enumerate() {
        let (pattern, strings) = (&input.ours, &input.strings);
        let Some(expected) = answer else {
            // Node refuses it: so must we.
            if Pattern::new(pattern).is_ok() {
                wrong.push(format!("{pattern:?}: node refuses it, we accept it"));
            }
            continue;
        };
        wrong.extend(disagreements(pattern, strings, expected));
        if i < corpus_len {
            let cases: Vec<Value> = strings
                .iter()
                .zip(expected)
                .map(|(s, b)| json!([s, b]))
                .collect();
            corpus.push(json!({"pattern": pattern, "cases": cases}));
        }
    }
    if std::env::var("ECMA262_ORACLE").as_deref() == Ok("overwrite") {
        let mut text = String::from("[\n");
        for (i, entry) in corpus.iter().enumerate() {
            if i > 0 {
                text.push_str(",\n");
            }
            text.push_str(&serde_json::to_string(entry).expect("JSON"));
        }
        text.push_str("\n]\n");
        std::fs::write(CORPUS, text).expect("write the corpus");
    }
    assert!(
        wrong.is_empty(),
        "{} disagreements with node:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
