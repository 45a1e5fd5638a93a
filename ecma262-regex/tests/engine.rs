//! The backtracking engine on what the JavaScript oracle (`tests/oracle.rs`)
//! does not cover: ES2025 constructs Node 20 lacks, the JSON-Schema-Test-
//! Suite's regex cases, sizes the `regex` crate refuses, and patterns and
//! inputs built to make a backtracking matcher blow up (which must simply
//! return: no timing is asserted).

use ecma262_regex::{Engine, Pattern, SyntaxErrorKind};
use serde_json::Value;

/// Asserts what `p` matches, with the engine forced and with the engine
/// [`Pattern::new`] picks.
fn check(p: &str, yes: &[&str], no: &[&str]) {
    let patterns = [
        Pattern::backtracking(p).unwrap_or_else(|e| panic!("{e}")),
        Pattern::new(p).unwrap_or_else(|e| panic!("{e}")),
    ];
    for pat in &patterns {
        for s in yes {
            assert!(pat.is_match(s), "{p} ({}) should match {s:?}", pat.engine());
        }
        for s in no {
            assert!(
                !pat.is_match(s),
                "{p} ({}) should not match {s:?}",
                pat.engine()
            );
        }
    }
}

#[test]
fn lookaround_and_backreferences() {
    check(
        "^(?!admin$)[a-z]+$",
        &["alice", "admins"],
        &["admin", "Alice", ""],
    );
    check(r"(a)\1", &["aa", "xaay"], &["a", "ab"]);
    check(r"(?<=\$)\d+", &["$12"], &["12", "$x"]);
    check(r"(?<!\$)\b\d+", &["12", "a 12"], &["$12"]);
    check(r"(?<x>[ab])\k<x>", &["aa", "bb"], &["ab", "ba"]);
    check(r"(?=(a+))a*b\1", &["baaabac"], &["aab"]);
    check(r"^(?:(a)|b)*\1$", &["b", "ab", "aa", "baa"], &["aba", "ba"]);
    check(r"^(\w+)\s+\1$", &["hello hello"], &["hello world"]);
    check(r"(?<=^|,)x(?=,|$)", &["x", "a,x", "x,b"], &["ax", "xa"]);
    // A lookbehind is matched right to left: the greedy `\d+` nearest the
    // position takes all it can.
    check(r"(?<=(\d+)(\d+))$(?<=^\1\d{3}$)", &["1053"], &["10"]);
    check(r"^(?:(?=a)a|b)+$", &["abab"], &["abc"]);
    check(r"^(a*)*b$", &["aaab", "b"], &["aaaa"]);
}

#[test]
fn modifiers() {
    // `i`: simple case folding, also for classes, `\w`, `\b` and
    // backreferences.
    check("(?i:ab)c", &["ABc", "abc", "aBc"], &["ABC", "abC"]);
    check("a(?i:b)c", &["aBc"], &["ABc", "aBC"]);
    check("(?i:a(?-i:b))", &["Ab", "ab"], &["aB", "AB"]);
    check("(?i:k)", &["k", "K", "\u{212A}"], &["s"]);
    check(r"(?i:\w)", &["\u{17F}", "\u{212A}", "_"], &["-", "é"]);
    check(r"(?i:\W)", &["-", "é"], &["s", "\u{17F}"]);
    check(r"(?i:[^k])", &["s"], &["k", "K", "\u{212A}"]);
    check(r"(?i:(a)\1)", &["aA", "Aa"], &["ab"]);
    check(r"(a)(?i:\1)", &["aA"], &["Aa"]);
    check(r"(?i:ß)", &["ẞ"], &["ss"]);
    // `m`: `^` and `$` at line terminators (all four).
    check(
        "(?m:^b$)",
        &["a\nb", "b\r\nc", "a\u{2028}b\u{2029}"],
        &["ab", "abc\n"],
    );
    check("(?m:^a)|b$", &["x\na"], &["b\n"]);
    // `s`: `.` matches line terminators too.
    check("^(?s:.)$", &["\n", "\u{2028}"], &[""]);
    check("^(?s:(?-s:.))$", &["a"], &["\n"]);
}

#[test]
fn what_the_regex_crate_refuses() {
    // Names the `regex` crate does not take.
    check(r"(?<$x>a)\k<$x>", &["aa"], &["a"]);
    check(r"(?<\u{1d49c}>a)", &["a"], &["b"]);
    // A name twice, in different alternatives (ES2025): `\k` refers to the
    // one that took part.
    check(
        r"^(?:(?<y>a)|(?<y>b))\k<y>$",
        &["aa", "bb"],
        &["ab", "ba", "a"],
    );
    check(r"(?<y>a)|(?<y>b)\k<y>", &["a", "bb"], &["b", ""]);
    // Counts beyond the `regex` crate's limits.
    check(r"^\d{0,100000}$", &["", "123"], &["x"]);
    check("a{99999999999}", &[], &["aaaa", ""]);
    check("^a{0,99999999999}$", &["", "aaaa"], &["b"]);
    check("^(?:ab){2,99999999999}$", &["abab", "ababab"], &["ab"]);
    for p in [r"^\d{0,100000}$", "a{99999999999}", r"(?<$x>a)"] {
        assert_eq!(Pattern::new(p).unwrap().engine(), Engine::Backtracking);
    }
}

#[test]
fn syntax_errors_only() {
    for (p, at) in [
        ("a(", 1),
        ("a**", 2),
        ("(?<=a", 0),
        ("(?=a)+", 5),
        ("(?<!a){2}", 6),
        (r"\2(a)", 0),
        (r"\k<b>(?<a>x)", 0),
        ("(?<a>x)(?<a>y)", 7),
        ("[b-a]", 1),
        ("(?i)a", 0),
    ] {
        let err = Pattern::new(p).unwrap_err();
        assert_eq!(err.offset, at, "{p}: {err}");
        assert_eq!(Pattern::backtracking(p).unwrap_err(), err);
    }
    assert_eq!(
        Pattern::new(r"\p{Changes_When_NFKC_Casefolded}")
            .unwrap_err()
            .kind,
        SyntaxErrorKind::UnsupportedProperty(r"\p{Changes_When_NFKC_Casefolded}".into())
    );
}

// ----- JSON-Schema-Test-Suite -------------------------------------------------

/// What the suite's regex schemas use: `type` (string, integer), `pattern`,
/// `patternProperties`, `additionalProperties: false`, `true`.
fn valid(schema: &Value, data: &Value, engine: fn(&str) -> Pattern) -> bool {
    let Some(map) = schema.as_object() else {
        return schema.as_bool() != Some(false);
    };
    if let Some(t) = map.get("type").and_then(Value::as_str) {
        let ok = match t {
            "string" => data.is_string(),
            "integer" => data.as_i64().is_some(),
            "number" => data.is_number(),
            "object" => data.is_object(),
            "array" => data.is_array(),
            "boolean" => data.is_boolean(),
            "null" => data.is_null(),
            other => panic!("type {other}"),
        };
        if !ok {
            return false;
        }
    }
    if let (Some(p), Some(s)) = (map.get("pattern").and_then(Value::as_str), data.as_str()) {
        if !engine(p).is_match(s) {
            return false;
        }
    }
    if let Some(object) = data.as_object() {
        let patterns = map.get("patternProperties").and_then(Value::as_object);
        for (key, value) in object {
            let mut matched = false;
            for (p, sub) in patterns.into_iter().flatten() {
                if engine(p).is_match(key) {
                    matched = true;
                    if !valid(sub, value, engine) {
                        return false;
                    }
                }
            }
            if !matched && map.get("additionalProperties") == Some(&Value::Bool(false)) {
                return false;
            }
        }
    }
    true
}

#[test]
fn json_schema_test_suite_regex_cases() {
    let dir = "../testdata/json-schema-test-suite/tests/draft7/optional";
    let engines: [fn(&str) -> Pattern; 2] = [
        |p| Pattern::backtracking(p).unwrap_or_else(|e| panic!("{e}")),
        |p| Pattern::new(p).unwrap_or_else(|e| panic!("{e}")),
    ];
    let mut count = 0;
    for file in ["ecmascript-regex.json", "non-bmp-regex.json"] {
        let text = std::fs::read_to_string(format!("{dir}/{file}")).expect("the suite");
        let groups: Value = serde_json::from_str(&text).expect("JSON");
        for group in groups.as_array().expect("groups") {
            for test in group["tests"].as_array().expect("tests") {
                for engine in engines {
                    assert_eq!(
                        valid(&group["schema"], &test["data"], engine),
                        test["valid"].as_bool().expect("valid"),
                        "{file}: {} / {}",
                        group["description"],
                        test["description"]
                    );
                }
                count += 1;
            }
        }
    }
    assert!(count > 70, "{count} cases");
}

// ----- size and pathology -------------------------------------------------------

/// Inputs that make a plain backtracking matcher take exponential time.
/// Without backreferences, the memo makes each state fail once; with them,
/// the captured positions are part of a state, so the work stays polynomial
/// but of a higher degree (`(.*)*\1b` has a state per pair of positions), and
/// their inputs are shorter.
#[test]
fn pathological_patterns_return() {
    let long = format!("{}!", "a".repeat(3000));
    let words = format!("{}!", "word ".repeat(600));
    for p in [
        r"(a*)*b",
        r"(a|a)*b",
        r"(a|aa)*b",
        r"^(a+)+$",
        r"(x+x+)+y",
        r"(?:a*)*(?=b)",
        r"^(\w+\s?)*$",
        r"(?=(a*)*b)",
        r"((a*)*|b)*c",
        r"(?<=(a*)*b)c",
        r"(?<!(a|aa)*b)c",
        r"^(a?){25}a{25}$",
        r"^(?:a|a?)+$(?<=b)",
        r"(?:(?!b).)*b",
        r"^(?=(a+)+b)",
        r"^(?:a|b|ab)*(?<=b)c",
    ] {
        let pattern = Pattern::backtracking(p).unwrap();
        for hay in [&long, &words] {
            assert!(!pattern.is_match(hay), "{p}");
        }
    }
    let short = format!("{}!", "a".repeat(200));
    for p in [
        r"^(?:(a)|\1a)*b$",
        r"(.*)*\1b",
        r"^(a+)+\1b",
        r"(a|aa)*\1b",
        r"(?=(a*)*b)\1",
    ] {
        let pattern = Pattern::backtracking(p).unwrap();
        assert!(!pattern.is_match(&short), "{p}");
    }
}

#[test]
fn long_haystacks() {
    let n = 200_000;
    let a = "a".repeat(n);
    check(r"(?:a|b)*c", &[&format!("{a}c")], &[&a]);
    check(r"(?<=a{3})b", &[&format!("{a}b")], &[&a]);
    check(r"^(a)\1*$", &[&a], &[&format!("{a}b")]);
    check(r"(?=a*b)", &[&format!("{a}b")], &[&a]);
    check(r"^(?!a)", &["b"], &[&a]);
}

#[test]
fn deep_nesting() {
    let n = 10_000;
    for (open, close) in [
        ("(", ")"),
        ("(?:", ")*"),
        ("(?=", ")"),
        ("(?<=", ")"),
        ("(?<n", ")"),
    ] {
        let mut p = String::new();
        for i in 0..n {
            p.push_str(open);
            if open == "(?<n" {
                p.push_str(&format!("{i}>"));
            }
        }
        p.push('a');
        for _ in 0..n {
            p.push_str(close);
        }
        let pattern = Pattern::new(&p).unwrap_or_else(|e| panic!("{open}: {e}"));
        assert!(pattern.is_match("xa"), "{open}");
        assert_eq!(pattern.is_match("x"), open == "(?:", "{open}");
    }
    let backrefs = format!("{}a{}\\{n}", "(".repeat(n), ")".repeat(n));
    check(&backrefs, &["aa"], &["a"]);
}
