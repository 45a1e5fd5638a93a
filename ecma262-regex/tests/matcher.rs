//! `Matcher`: which strategy each pattern gets, and a differential test that
//! every strategy answers exactly as `Regex::is_match` on the translation.

use ecma262_regex::{compile, Matcher, MatcherKind as K};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use regex_syntax::hir::{Capture, Hir, HirKind, Repetition};

/// ECMA-262 patterns and the strategy each must get. The `Regex` rows are
/// patterns that must not be specialised (or that no strategy covers yet).
const KINDS: &[(&str, K)] = &[
    // Everything.
    ("", K::Everything),
    (".*", K::Everything),
    ("a*", K::Everything),
    ("^", K::Everything),
    ("$", K::Everything),
    ("x?$", K::Everything),
    ("^a*", K::Everything),
    ("(?:ab)*", K::Everything),
    (r"[0-9]{0,128}", K::Everything),
    (r"x|\d*", K::Everything),
    ("(?:)", K::Everything),
    // Nothing.
    ("[]", K::Nothing),
    ("a[]", K::Nothing),
    ("^[]$", K::Nothing),
    ("[]|b[]", K::Nothing),
    // Contains a character of a class.
    (r"0|([1-9]\d{0,128})", K::ContainsClass),
    ("[a-zA-Z0-9_.-]+", K::ContainsClass),
    (r"\d", K::ContainsClass),
    (r"\d+", K::ContainsClass),
    (r"\S", K::ContainsClass),
    (r"\S+", K::ContainsClass),
    (r"\s", K::ContainsClass),
    (".", K::ContainsClass),
    ("[^/]+", K::ContainsClass),
    (r"\p{L}+", K::ContainsClass),
    ("a", K::ContainsClass),
    ("a|b", K::ContainsClass),
    ("a|b|c", K::ContainsClass),
    (r"\d|x\d+", K::ContainsClass),
    ("[a-z]|[a-z]+foo", K::ContainsClass),
    ("(?:[0-9]|x)+", K::ContainsClass),
    (r"[\d-]+|\d{2,}", K::ContainsClass),
    // Contains a literal.
    ("foo", K::ContainsLiteral),
    ("(?:ab)+", K::ContainsLiteral),
    ("é", K::ContainsLiteral),
    (r"foo\d*", K::ContainsLiteral),
    (r"\.json", K::ContainsLiteral),
    (r"\uD83D\uDE80", K::ContainsLiteral),
    ("a{3}", K::ContainsLiteral),
    // Literal anchored at one end or both.
    ("^foo$", K::Equals),
    ("^$", K::Equals),
    ("^(?:ab){2}$", K::Equals),
    ("^foo", K::StartsWith),
    (r"^foo\d*", K::StartsWith),
    ("^(foo)", K::StartsWith),
    ("foo$", K::EndsWith),
    (r"\d*foo$", K::EndsWith),
    (r"\.json$", K::EndsWith),
    // The whole string over a class.
    ("^[a-z0-9-]{1,64}$", K::WholeClass),
    ("^.{1,64}$", K::WholeClass),
    (r"^\d+$", K::WholeClass),
    ("^[A-Za-z0-9+/]*$", K::WholeClass),
    (r"^\S*$", K::WholeClass),
    ("^[^]{2,3}$", K::WholeClass),
    (r"^\p{L}{1,3}$", K::WholeClass),
    (r"^\w{3}$", K::WholeClass),
    ("^[^/]+$", K::WholeClass),
    // Anchored sequences.
    ("^[A-Za-z0-9+/]*={0,2}$", K::Sequence),
    ("^partition-[0-9]{12}$", K::Sequence),
    (r"^v\d+\.\d+$", K::Sequence),
    (r"^\d{3}-\w+$", K::Sequence),
    ("^[a-z][a-z0-9-]*$", K::Sequence),
    (
        "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
        K::Sequence,
    ),
    ("^[a-z]", K::Sequence),
    (r"^\d{4}-\d{2}", K::Sequence),
    ("^é+x", K::Sequence),
    ("^[^:]*:[^:]*$", K::Sequence),
    // Segments.
    (r"arn:aws.*:example:.*:\d{12}:widget/\S+", K::Segments),
    ("[0-9]{4}-[0-9]{2}-[0-9]{2}", K::Segments),
    (r"\d{12}", K::Segments),
    (r"\p{L}{2}", K::Segments),
    (r"-v\d$", K::Segments),
    (r"\d{2}$", K::Segments),
    ("a.*b", K::Segments),
    ("a.+b", K::Segments),
    ("^a.*b$", K::Segments),
    ("^.*foo", K::Segments),
    ("foo.*$", K::Segments),
    ("a[^]*b", K::Segments),
    ("a(?s:.)*b", K::Segments),
    ("a.*b.*c", K::Segments),
    ("é.*🚀", K::Segments),
    ("a[^/]*b", K::Segments),
    ("^[^:]*x[^:]*$", K::Segments),
    (r"\d\d.*x\d", K::Segments),
    // Left to the regex.
    ("foo|bar", K::Regex),
    (r"\bword\b", K::Regex),
    (r"\Bx", K::Regex),
    ("^(a|bc)+$", K::Regex),
    (r"[a-z]+@[a-z]+\.com", K::Regex),
    (r"^\d+(\.\d+)?$", K::Regex),
    (r"a\d*b", K::Regex),
    ("^[a-z]*a$", K::Regex),
    (r"x\s*y", K::Regex),
    ("a.{2,5}b", K::Regex),
    ("(?:ab|cd)e", K::Regex),
    ("^a|b$", K::Regex),
    (r"\d{3}|x", K::Regex),
    ("a^b", K::Regex),
    ("$^", K::Regex),
    ("a.*b[^]*c", K::Regex),
    ("a.*\\nb", K::Regex),
    (r"[a-z]{2}", K::Segments),
    (r"[a-z]{2}\d", K::Regex),
    // A variable run ending a piece anchored with `$`.
    (r"^arn:aws.*:example:.*:\d{12}:widget/\S+$", K::Regex),
];

#[test]
fn each_pattern_gets_its_strategy() {
    let mut wrong = Vec::new();
    for &(pattern, kind) in KINDS {
        let m = Matcher::new(pattern).unwrap_or_else(|e| panic!("{e}"));
        if m.kind() != kind {
            wrong.push(format!("{pattern:?}: {:?}, expected {kind:?}", m.kind()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn matcher_is_clone_debug_send_sync() {
    fn check<T: Clone + std::fmt::Debug + Send + Sync>(_: &T) {}
    let m = Matcher::new(r"^\d+$").unwrap();
    check(&m);
    let copy = m.clone();
    assert!(copy.is_match("12") && !copy.is_match("1a"));
    assert!(format!("{m:?}").contains("WholeClass"));
    assert_eq!(m.as_str(), "^[0-9]+$");
}

#[test]
fn errors_are_those_of_compile() {
    for pattern in [r"(a)\1", "a(?=b)", r"\d{0,100000}", "(", "[z-a]"] {
        let expected = compile(pattern).unwrap_err();
        assert_eq!(Matcher::new(pattern).unwrap_err(), expected, "{pattern}");
    }
    assert!(Matcher::from_translated("(").is_err());
}

#[test]
fn from_translated_reads_regex_syntax() {
    let m = Matcher::from_translated(r"^\d+$").unwrap();
    // `regex` reads `\d` as Unicode.
    assert_eq!(m.kind(), K::WholeClass);
    assert!(m.is_match("١٢"));
    let m = Matcher::from_translated(r"(?i)^abc$").unwrap();
    assert!(m.is_match("ABC") && m.is_match("abc"));
}

// ----- differential -------------------------------------------------------------

/// Characters likely to sit on a boundary of some class or strategy.
const INTERESTING: &[char] = &[
    'a',
    'b',
    'f',
    'o',
    'x',
    'z',
    'A',
    'Z',
    '0',
    '1',
    '9',
    '_',
    '-',
    '.',
    ':',
    '/',
    '+',
    '=',
    ' ',
    '\t',
    '\n',
    '\r',
    '\u{B}',
    '\u{2028}',
    '\u{2029}',
    '\u{85}',
    '\u{A0}',
    '\u{FEFF}',
    'é',
    'ê',
    '٣',
    '３',
    '🚀',
    '\u{D7FF}',
    '\u{E000}',
    '\u{FFFF}',
    '\u{10FFFF}',
    '\0',
    '\u{7F}',
    '\u{80}',
    // Same first byte as U+2028 and U+2029.
    '…',
    '€',
];

/// Haystacks every pattern is checked on.
fn fixed_haystacks() -> Vec<String> {
    let mut out: Vec<String> = vec![String::new()];
    out.extend((0u8..0x80).map(|b| (b as char).to_string()));
    out.push((0u8..0x80).map(|b| b as char).collect());
    out.extend(INTERESTING.iter().map(|c| c.to_string()));
    out.extend(
        [
            "٣٤٥",
            "３４",
            "\u{2028}a\u{2029}",
            "foo\n",
            "\nfoo",
            "foo\r\nbar",
            "aGVsbG8=",
            "aGVsbG8=\n",
            "partition-000000000001",
            "partition-00000000001",
            "arn:aws:example:us-east-1:123456789012:widget/w",
            "arn:aws:example:us-east-1\n:123456789012:widget/w",
            "2024-01-02",
            "v1.2",
        ]
        .map(String::from),
    );
    // Literals are searched one way in values up to 256 bytes and another beyond:
    // matches and near misses on both sides of that length.
    for pad in [200, 209, 210, 216, 250, 300] {
        let arn = "arn:aws:example:us-east-1:123456789012:widget/w";
        out.push(format!("{}{arn}", ":".repeat(pad)));
        out.push(format!("{arn}{}", " ".repeat(pad)));
        out.push(format!(
            "{}{}",
            "arn:aws:exampl".repeat(pad / 14),
            &arn[4..]
        ));
        out.push(format!("{}:widget", "arn:aws:example:".repeat(pad / 16)));
        // The literal as the last bytes of the value.
        out.push(format!("a{}b", "-".repeat(pad)));
        out.push(format!("{}foo", "fo".repeat(pad / 2)));
    }
    out.push("0".repeat(10_000));
    out.push(format!("{}\n", "a".repeat(5_000)));
    out.push("é".repeat(3_000));
    out.push(format!("{}x", "ab.".repeat(3_000)));
    out
}

/// A HIR without assertions generating a superset of the pattern's matches
/// (assertions are dropped), or `None` when it matches nothing.
fn generator_hir(hir: &Hir) -> Option<Hir> {
    Some(match hir.kind() {
        HirKind::Look(_) => Hir::empty(),
        HirKind::Class(_) if hir.properties().minimum_len().is_none() => return None,
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => hir.clone(),
        HirKind::Repetition(rep) => match generator_hir(&rep.sub) {
            Some(sub) => Hir::repetition(Repetition {
                sub: Box::new(sub),
                ..rep.clone()
            }),
            None if rep.min == 0 => Hir::empty(),
            None => return None,
        },
        HirKind::Capture(cap) => Hir::capture(Capture {
            sub: Box::new(generator_hir(&cap.sub)?),
            ..cap.clone()
        }),
        HirKind::Concat(subs) => {
            Hir::concat(subs.iter().map(generator_hir).collect::<Option<_>>()?)
        }
        HirKind::Alternation(subs) => {
            let subs: Vec<Hir> = subs.iter().filter_map(generator_hir).collect();
            if subs.is_empty() {
                return None;
            }
            Hir::alternation(subs)
        }
    })
}

/// One change to a string.
#[derive(Debug, Clone)]
enum Edit {
    None,
    Replace(usize, char),
    Insert(usize, char),
    Delete(usize),
}

fn apply(s: &str, edit: &Edit) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    match *edit {
        Edit::None => {}
        Edit::Replace(i, c) if !chars.is_empty() => {
            let at = i % chars.len();
            chars[at] = c;
        }
        Edit::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
        Edit::Delete(i) if !chars.is_empty() => {
            chars.remove(i % chars.len());
        }
        _ => {}
    }
    chars.into_iter().collect()
}

fn interesting() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(INTERESTING),
        1 => any::<char>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        2 => Just(Edit::None),
        2 => (any::<usize>(), interesting()).prop_map(|(i, c)| Edit::Replace(i, c)),
        1 => (any::<usize>(), interesting()).prop_map(|(i, c)| Edit::Insert(i, c)),
        1 => any::<usize>().prop_map(Edit::Delete),
    ]
}

fn filler() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        3 => prop::collection::vec(interesting(), 1..4).prop_map(|v| v.into_iter().collect()),
    ]
}

/// Haystacks near the pattern: strings it generates (assertions dropped),
/// with text around them and one edit; and strings of interesting characters.
fn haystacks(translated: &str) -> BoxedStrategy<String> {
    let noise =
        prop::collection::vec(interesting(), 0..12).prop_map(|v| v.into_iter().collect::<String>());
    let hir = regex_syntax::parse(translated).expect("the translation parses");
    match generator_hir(&hir) {
        Some(gen) => {
            let matches = proptest::string::string_regex_parsed(&gen).expect("generator");
            prop_oneof![
                4 => (filler(), matches, filler(), edit())
                    .prop_map(|(a, m, b, e)| apply(&format!("{a}{m}{b}"), &e)),
                1 => noise,
            ]
            .boxed()
        }
        None => noise.boxed(),
    }
}

/// Checks `pattern` on the fixed haystacks, `cases` generated ones, and
/// every one-character change of a few generated matches.
fn differential(pattern: &str, cases: u32) {
    let m = Matcher::new(pattern).unwrap_or_else(|e| panic!("{e}"));
    let re = compile(pattern).unwrap();
    let check = |s: &str| {
        assert_eq!(
            m.is_match(s),
            re.is_match(s),
            "pattern {pattern:?} ({:?}, regex {:?}) on {s:?}",
            m.kind(),
            re.as_str()
        );
    };
    for s in fixed_haystacks() {
        check(&s);
    }
    let strategy = haystacks(re.as_str());
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    // Every single-character change of a few samples.
    for _ in 0..3 {
        let sample = strategy.new_tree(&mut runner).unwrap().current();
        let len = sample.chars().count();
        for i in 0..=len {
            check(&apply(&sample, &Edit::Delete(i)));
            for &c in &['a', '0', '-', '\n', '\u{2028}', 'é', '٣', '🚀'] {
                check(&apply(&sample, &Edit::Replace(i, c)));
                check(&apply(&sample, &Edit::Insert(i, c)));
            }
        }
    }
    runner
        .run(&strategy, |s| {
            prop_assert_eq!(
                m.is_match(&s),
                re.is_match(&s),
                "pattern {:?} ({:?}, regex {:?}) on {:?}",
                pattern,
                m.kind(),
                re.as_str(),
                s
            );
            Ok(())
        })
        .unwrap();
}

#[test]
fn every_table_pattern_agrees_with_the_regex() {
    for &(pattern, _) in KINDS {
        differential(pattern, 200);
    }
}

// ----- random patterns -------------------------------------------------------------

/// Pieces of ECMA-262 patterns, weighted towards the shapes the strategies
/// look for.
fn atom() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "a", "b", "0", "-", ":", "é", "🚀", r"\n", " ", ".", r"\d", r"\D", r"\w", r"\s", r"\S",
        "[a-z]", "[0-9]", "[^a]", "[ab]", "[^]", "[]", "[é-ê]", r"[\d-]", r"\p{L}", "(?s:.)",
        "[^\\n]", "(?:ab)", "(a)", "(?:a|b)", "(?:ab|c)", r"\u2028", "(?:^a)", "(?:a$)",
        r"(?:\ba)", "(?:^|a)", "(?:$|b)",
    ])
    .prop_map(String::from)
}

fn quantifier() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        6 => Just(""),
        1 => Just("*"),
        2 => Just("+"),
        1 => Just("?"),
        2 => Just("{2}"),
        1 => Just("{0,3}"),
        1 => Just("{1,}"),
        1 => Just("{2,3}"),
        1 => Just("+?"),
        1 => Just("{0,9}"),
    ]
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (atom(), quantifier()).prop_map(|(a, q)| format!("{a}{q}")),
        // Gaps.
        1 => prop::sample::select(vec![".*", ".+", "[^]*", "(?s:.)*", r"\S*"]).prop_map(String::from),
        // Literals.
        1 => prop::sample::select(vec!["ab", "a-", ":b:", "é0"]).prop_map(String::from),
    ]
}

fn concat() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..6).prop_map(|parts| parts.concat())
}

fn branch() -> impl Strategy<Value = String> {
    (
        prop_oneof![6 => Just(""), 5 => Just("^"), 1 => Just(r"\b")],
        concat(),
        prop_oneof![6 => Just(""), 5 => Just("$"), 1 => Just("^")],
        prop::option::weighted(0.1, (concat(), concat())),
    )
        .prop_map(|(start, body, end, group)| match group {
            // A group in the middle, sometimes holding an anchor.
            Some((a, b)) => format!("{start}{body}(?:{a}|^{b}){end}"),
            None => format!("{start}{body}{end}"),
        })
}

fn pattern() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => branch(),
        1 => prop::collection::vec(branch(), 2..4).prop_map(|b| b.join("|")),
        // Alternatives of classes, with one that a class may decide.
        1 => (atom(), atom(), concat()).prop_map(|(a, b, c)| format!("{a}|{b}+{c}")),
    ]
}

fn random_haystack() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            'a', 'b', 'c', '0', '1', '-', ':', 'é', 'ê', '🚀', ' ', '\n', '\r', '\u{2028}',
            '\u{2029}', '\u{85}', '\u{A0}', '٣', '３', '_', '\u{D7FF}', '\u{E000}', '…',
        ]),
        0..12,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1200,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_patterns_agree_with_the_regex(
        source in pattern(),
        plain in prop::collection::vec(random_haystack(), 1..8),
        seed in any::<u64>(),
    ) {
        let Ok(re) = compile(&source) else { return Ok(()) };
        let m = Matcher::new(&source).unwrap();
        let mut all = plain;
        // Strings the pattern generates, with text around them.
        let mut runner = TestRunner::new_with_rng(
            Config::default(),
            proptest::test_runner::TestRng::from_seed(
                proptest::test_runner::RngAlgorithm::ChaCha,
                &[seed.to_le_bytes(), [7; 8], [1; 8], [2; 8]].concat(),
            ),
        );
        let near = haystacks(re.as_str());
        for _ in 0..6 {
            all.push(near.new_tree(&mut runner).unwrap().current());
        }
        for s in all {
            prop_assert_eq!(
                m.is_match(&s),
                re.is_match(&s),
                "pattern {:?} ({:?}, regex {:?}) on {:?}",
                source,
                m.kind(),
                re.as_str(),
                s
            );
        }
    }
}

/// The random patterns reach every strategy, and a good share of them get a
/// specialised one, so the test above checks strategies rather than the
/// regex against itself.
#[test]
fn random_patterns_reach_every_strategy() {
    let mut runner = TestRunner::deterministic();
    let mut counts = std::collections::HashMap::new();
    let total = 1000;
    for _ in 0..total {
        let p = pattern().new_tree(&mut runner).unwrap().current();
        if let Ok(m) = Matcher::new(&p) {
            *counts.entry(m.kind()).or_insert(0) += 1;
        }
    }
    for &(_, kind) in KINDS {
        assert!(
            counts.contains_key(&kind),
            "{kind:?} never chosen: {counts:?}"
        );
    }
    let specialised = total - counts.get(&K::Regex).copied().unwrap_or(0);
    assert!(specialised * 3 > total, "{counts:?}");
}
