//! Behaviour of translated patterns: the output text, and what the compiled
//! `regex` accepts and rejects compared with ECMA-262 (`u` flag) semantics.

use ecma262_regex::{
    compile, is_unanchored, translate, TranslateError, TranslateErrorKind as Kind,
};
use proptest::prelude::*;

fn re(pattern: &str) -> regex::Regex {
    compile(pattern).unwrap_or_else(|e| panic!("{e}"))
}

fn tr(pattern: &str) -> String {
    translate(pattern).unwrap_or_else(|e| panic!("{e}"))
}

fn err(pattern: &str) -> TranslateError {
    match translate(pattern) {
        Ok(out) => panic!("`{pattern}` translated to `{out}`, expected an error"),
        Err(e) => e,
    }
}

fn kind(pattern: &str) -> Kind {
    err(pattern).kind
}

fn is_syntax(pattern: &str) -> bool {
    matches!(kind(pattern), Kind::Syntax(_))
}

/// Asserts which haystacks `pattern` matches (as an unanchored search).
fn check(pattern: &str, matching: &[&str], not_matching: &[&str]) {
    let r = re(pattern);
    for h in matching {
        assert!(r.is_match(h), "`{pattern}` (as `{r}`) should match {h:?}");
    }
    for h in not_matching {
        assert!(
            !r.is_match(h),
            "`{pattern}` (as `{r}`) should not match {h:?}"
        );
    }
}

// ----- \d \w \s . -----------------------------------------------------------

#[test]
fn digit_is_ascii_only() {
    assert_eq!(tr(r"\d"), "[0-9]");
    assert_eq!(tr(r"\D"), "[^0-9]");
    check(r"\d", &["7", "a0"], &["٣", "３", "", "x"]);
    check(r"\D", &["٣", "３", "x"], &["7", ""]);
    check(r"^\d+$", &["0123456789"], &["12٣", "１２"]);
}

#[test]
fn digit_inside_classes() {
    assert_eq!(tr(r"[\d_]"), "[0-9_]");
    assert_eq!(tr(r"[^\d]"), "[^0-9]");
    assert_eq!(tr(r"[\D]"), "[[^0-9]]");
    check(r"^[\d_]+$", &["1_2"], &["٣", "a"]);
    check(r"^[^\d]$", &["٣", "a"], &["5"]);
    check(r"^[^\D]$", &["5"], &["٣", "a"]);
    check(r"^[\Da]$", &["٣", "a", "b"], &["5"]);
}

#[test]
fn word_is_ascii_only() {
    assert_eq!(tr(r"\w"), "[0-9A-Z_a-z]");
    check(r"\w", &["a", "Z", "_", "9"], &["é", "ß", "٣", "-", ""]);
    check(r"^\W$", &["é", "-", "\u{17F}", "\u{212A}"], &["a", "_"]);
    check(r"^[^\W]+$", &["abc_1"], &["aé"]);
}

#[test]
fn space_is_the_ecma_set() {
    let ecma_space = [
        "\t", "\n", "\u{B}", "\u{C}", "\r", " ", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}",
        "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}",
    ];
    let not_space = ["\u{85}", "\u{180E}", "\u{200B}", "a", "\u{1C}"];
    check(r"^\s$", &ecma_space, &not_space);
    check(r"^\S$", &not_space, &ecma_space);
    check(r"^[\s]$", &ecma_space, &not_space);
    check(r"^[^\S]$", &ecma_space, &not_space);
    check(r"\S", &["\u{85}"], &["\u{FEFF}", " \t"]);
}

#[test]
fn dot_excludes_line_terminators() {
    assert_eq!(tr("."), r"[^\n\r\x{2028}\x{2029}]");
    check(
        "^.$",
        &["a", "\u{85}", "🚀", "\u{FEFF}"],
        &["\n", "\r", "\u{2028}", "\u{2029}", ""],
    );
    check("^a.c$", &["abc", "a🚀c"], &["a\rc", "abbc"]);
}

#[test]
fn dot_all_modifier() {
    check("^(?s:.)$", &["\n", "\r", "\u{2028}", "a"], &[""]);
    check("^(?s:a(?-s:.))$", &["ab"], &["a\n"]);
    check("^(?s:a)(.)$", &["ab"], &["a\r"]);
}

// ----- anchors and search ---------------------------------------------------

#[test]
fn patterns_are_not_anchored() {
    let pattern = r"0|([1-9]\d{0,128})";
    assert_eq!(tr(pattern), "0|([1-9][0-9]{0,128})");
    check(pattern, &["x1y", "0", "abc0", "123"], &["abc", "", "٣"]);
}

#[test]
fn anchors_mean_start_and_end_of_input() {
    check("^a$", &["a"], &["a\n", "\na", "ba", "ab"]);
    check("^$", &[""], &["\n"]);
    check("a$|^b", &["xa", "bx"], &["ax", "xb", "a\n"]);
}

#[test]
fn common_schema_patterns() {
    let p = "[a-zA-Z0-9_.-]+";
    assert_eq!(tr(p), r"[a-zA-Z0-9_\.\-]+");
    check(p, &["abc.DEF-1_2", "!x!"], &["!!!", "", "é"]);
    check("^[a-zA-Z0-9_.-]+$", &["a.b-c_1"], &["a b", "a/b", "aé"]);

    let arn = r"arn:aws.*:example:.*:\d{12}:widget/\S+";
    check(
        arn,
        &[
            "arn:aws:example:us-east-1:123456789012:widget/s",
            "arn:aws-cn:example:cn-north-1:123456789012:widget/my-widget",
            "prefix arn:aws:example:r:123456789012:widget/s suffix",
        ],
        &[
            "arn:aws:example:us-east-1\r:123456789012:widget/s",
            "arn:aws:example:us-east-1\n:123456789012:widget/s",
            "arn:aws:example:us-east-1\u{2028}:123456789012:widget/s",
            "arn:aws:example:us-east-1:12345678901:widget/s",
            "arn:aws:example:us-east-1:١٢٣٤٥٦٧٨٩٠١٢:widget/s",
            "arn:aws:example:us-east-1:123456789012:widget/ ",
            "arn:aws:example:us-east-1:123456789012:widget/\u{FEFF}",
        ],
    );
    check(arn, &["arn:aws:example:r:123456789012:widget/\u{85}"], &[]);
}

// ----- word boundaries ------------------------------------------------------

#[test]
fn word_boundary_is_ascii_based() {
    assert_eq!(tr(r"\b"), r"(?-u:\b)");
    check(
        r"\bfoo\b",
        &["foo", "a foo.", "éfooé", "٣foo"],
        &["afoo", "foo_", "foo1"],
    );
    check(r"\b", &["a", "é a"], &["", "é", "éé", " "]);
}

#[test]
fn non_word_boundary_never_splits_code_points() {
    assert_eq!(tr(r"\B"), r"(?-u:\B)");
    check(
        r"\B",
        &["", "é", "ab", " ", "aé🚀b"],
        &["a", "aéb", "a b", "a🚀b"],
    );
    check(r"a\B", &["ab"], &["aé", "a"]);
    check(r"\Bé", &["éé", "é"], &["aé"]);
    let r = re(r"\B");
    assert_eq!(r.find_iter("aéb").count(), 0);
    assert!(r.captures("aéb").is_none());
    assert_eq!(
        r.find_iter("é").map(|m| m.start()).collect::<Vec<_>>(),
        vec![0, 2]
    );
}

// ----- classes --------------------------------------------------------------

#[test]
fn empty_and_full_classes() {
    assert_eq!(tr("[]"), r"[^\x{0}-\x{10FFFF}]");
    assert_eq!(tr("[^]"), "(?s:.)");
    check("[]", &[], &["", "a", "[]", "\n"]);
    check("a[]|b", &["b"], &["a", "a[]"]);
    check("^[^]$", &["a", "\n", "\r", "🚀"], &["", "ab"]);
    check("a[]*b", &["ab"], &["a"]);
}

#[test]
fn regex_class_syntax_is_escaped() {
    assert_eq!(tr("[a&&b]"), r"[a\&\&b]");
    check("^[a&&b]$", &["&", "a", "b"], &["c", ""]);
    check("^[--]$", &["-"], &["a"]);
    check("^[%--]$", &["%", "&", ",", "-"], &["a", "."]);
    assert!(
        is_syntax("[a--b]"),
        "ECMA reads the range from `a` to `-`, which is out of order"
    );
    check("^[a~~b]$", &["~", "a", "b"], &["c"]);
    check("^[[a]$", &["[", "a"], &["]"]);
    check("^[[:alpha:]$", &["[", ":", "a", "p"], &["b", "]"]);
    assert!(
        is_syntax("[[:alpha:]]"),
        "ECMA reads `[[:alpha:]` then a lone `]`"
    );
    check(r"^[\]\[]$", &["]", "["], &["a"]);
    check("^[^^]$", &["a"], &["^"]);
    check("^[#]$", &["#"], &["a"]);
    check(r"^[a\-z]$", &["a", "-", "z"], &["b"]);
    check("^[-a]$|^[a-]$", &["-", "a"], &["b"]);
    check("^[--/]$", &["-", ".", "/"], &["a"]);
    check("^[a-b-d]$", &["a", "b", "-", "d"], &["c"]);
    assert!(is_syntax("[a[b]]"), "ECMA reads `[a[b]` then a lone `]`");
}

/// `regex-syntax` mis-negates sets that hold U+D7FF and U+E000 as separate
/// ranges; the translation has to work around it.
#[test]
fn negation_around_the_surrogate_block() {
    let edges = ["\u{D7FF}", "\u{E000}"];
    check(r"^[^\uD7FF\uE000]$", &["a", "\u{D7FE}", "\u{E001}"], &edges);
    check(r"^[^\uD7FF-\uE000]$", &["a"], &edges);
    check(r"^[^\uD7FF-\uDBFF\uDC00-\uE000]$", &["a"], &edges);
    check(r"^[^\u{D7FF}\p{Co}]$", &["a"], &edges);
    check(r"^[^\p{Cn}\p{Co}]$", &["a"], &edges);
    check(r"^\P{sc=Zzzz}$", &["a"], &edges);
    check(r"^[^\P{sc=Zzzz}]$", &edges, &["a"]);
    check(r"^[^\P{L}\P{N}]$", &[], &["a", "1", "\u{D7FF}", "\u{E000}"]);
    check(r"^[^\uD7FFa]$", &["\u{E000}"], &["\u{D7FF}", "a"]);
    check(r"^[\uD7FF\uE000]+$", &["\u{D7FF}\u{E000}"], &["a"]);
}

#[test]
fn class_escapes() {
    assert_eq!(tr(r"[\b]"), r"[\x{8}]");
    check(r"^[\b]$", &["\u{8}"], &["b"]);
    check(r"^[\cJ\t]$", &["\n", "\t"], &["c"]);
    check(r"^[\0]$", &["\0"], &["0"]);
    check(r"^[\x41-\u{43}]$", &["A", "B", "C"], &["D"]);
    check(r"^[\/\.\\]$", &["/", ".", "\\"], &["a"]);
    check(r"^[\d\s]$", &["1", " ", "\u{FEFF}"], &["a", "٣"]);
    check(r"^[\W\d]$", &["1", "é"], &["a"]);
    check(r"^[^\W\d]$", &["a", "_"], &["1", "é"]);
}

#[test]
fn class_errors() {
    assert!(is_syntax("[z-a]"));
    assert!(is_syntax(r"[\d-z]"));
    assert!(is_syntax(r"[a-\d]"));
    assert!(is_syntax("[a"));
    assert!(is_syntax("[^"));
    assert_eq!(kind(r"[\B]"), Kind::UnsupportedEscape(r"\B".into()));
    assert_eq!(kind(r"[\1]"), Kind::UnsupportedEscape(r"\1".into()));
    assert_eq!(kind(r"[\k]"), Kind::UnsupportedEscape(r"\k".into()));
    assert_eq!(kind(r"[\a]"), Kind::UnsupportedEscape(r"\a".into()));
}

// ----- escapes --------------------------------------------------------------

#[test]
fn character_escapes() {
    check(r"^\cJ\cj$", &["\n\n"], &["cJ"]);
    check(r"^\0$", &["\0"], &["0"]);
    check(r"^\x41\u0042\u{43}\u{000044}$", &["ABCD"], &[]);
    check(r"^\f\n\r\t\v$", &["\u{C}\n\r\t\u{B}"], &[]);
    check(
        r"^\^\$\\\.\*\+\?\(\)\[\]\{\}\|\/$",
        &[r"^$\.*+?()[]{}|/"],
        &[],
    );
    assert_eq!(tr(r"\/"), "/");
}

#[test]
fn astral_code_points() {
    assert_eq!(tr(r"\u{1F680}"), r"\x{1F680}");
    assert_eq!(tr(r"\uD83D\uDE80"), r"\x{1F680}");
    check(r"^\u{1F680}$", &["🚀"], &["\u{FFFD}"]);
    check(r"^\uD83D\uDE80$", &["🚀"], &[]);
    check(r"^[\uD83D\uDE80]$", &["🚀"], &[]);
    check(r"^[\uD83D\uDE80-\uD83D\uDE8F]+$", &["🚀🚏"], &["🚐"]);
    check("^🚀+$", &["🚀🚀"], &["🚀a"]);
    check("^.$", &["🚀"], &[]);
}

#[test]
fn lone_surrogates_never_match() {
    check(r"\uD83D", &[], &["🚀", "", "\u{D7FF}"]);
    check(r"\u{D83D}\u{DE80}", &[], &["🚀"]);
    check(r"\uDE80|a", &["a"], &["🚀"]);
    check(r"^[^\uD83D]$", &["🚀", "a"], &[]);
    check(r"^\uD83D*a$", &["a"], &[]);
}

#[test]
fn invalid_escapes_are_refused() {
    for (p, e) in [
        (r"\a", r"\a"),
        (r"\e", r"\e"),
        (r"\-", r"\-"),
        (r"\_", r"\_"),
        (r"\ ", r"\ "),
        (r"\z", r"\z"),
        (r"\A", r"\A"),
        (r"\01", r"\01"),
        (r"\c1", r"\c"),
        (r"\c", r"\c"),
        (r"\x4", r"\x"),
        (r"\u12", r"\u"),
        (r"\u{110000}", r"\u{110000}"),
        (r"\u{}", r"\u{}"),
        (r"\p", r"\p"),
    ] {
        assert_eq!(kind(p), Kind::UnsupportedEscape(e.into()), "{p}");
    }
    assert!(is_syntax("\\"));
    assert!(is_syntax("a\\"));
}

// ----- groups, lookaround, backreferences --------------------------------------

#[test]
fn named_groups() {
    assert_eq!(tr("(?<n>a)"), "(?P<n>a)");
    let r = re("(?<n>a+)b");
    assert_eq!(&r.captures("xaab").unwrap()["n"], "aa");
    check("(?<año>\\d)", &["1"], &[]);
    assert_eq!(kind("(?<a$>x)"), Kind::UnsupportedGroupName("a$".into()));
    assert_eq!(
        kind("(?<y>\\d{4})|(?<y>\\d{2})"),
        Kind::DuplicateGroupName("y".into())
    );
    assert!(is_syntax("(?<1x>a)"));
    assert!(is_syntax("(?<a"));
}

#[test]
fn groups_and_alternation() {
    assert_eq!(tr("(?:ab|c)(d)"), "(?:ab|c)(d)");
    check("^(?:ab|c)+$", &["abcab", "c"], &["a", "abd"]);
    check("^(|a)$", &["", "a"], &["b"]);
    check("", &["", "x"], &[]);
    check("a|", &["", "b"], &[]);
    check("^()*$", &[""], &["a"]);
    assert!(is_syntax("("));
    assert!(is_syntax("(a"));
    assert!(is_syntax("a)"));
    assert!(is_syntax("(?"));
}

#[test]
fn lookaround_is_refused_with_offsets() {
    let e = err("a(?=b)");
    assert_eq!((e.offset, &e.kind), (1, &Kind::Lookahead));
    assert_eq!(
        e.to_string(),
        "pattern `a(?=b)`: lookahead `(?=` at offset 1 is not supported by the regex engine"
    );
    let e = err("ab(?!c)");
    assert_eq!((e.offset, &e.kind), (2, &Kind::Lookahead));
    let e = err("(?<=a)b");
    assert_eq!((e.offset, &e.kind), (0, &Kind::Lookbehind));
    assert!(e.to_string().contains("lookbehind `(?<=` at offset 0"));
    let e = err("x(?<!a)b");
    assert_eq!((e.offset, &e.kind), (1, &Kind::Lookbehind));
    // Offsets are byte offsets.
    assert_eq!(err("é(?=x)").offset, 2);
}

#[test]
fn backreferences_are_refused_with_offsets() {
    let e = err(r"(a)\1");
    assert_eq!((e.offset, &e.kind), (3, &Kind::Backreference));
    assert_eq!(
        e.to_string(),
        r"pattern `(a)\1`: backreference `\1` at offset 3 is not supported by the regex engine"
    );
    // A forward reference is still a reference.
    assert_eq!(kind(r"\1(a)"), Kind::Backreference);
    assert_eq!(err(r"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10").offset, 30);
    // ... but a reference to a group that does not exist is a syntax error.
    assert!(is_syntax(r"(a)\2"));
    assert!(is_syntax(r"\8"));

    let e = err(r"(?<n>a)\k<n>");
    assert_eq!((e.offset, &e.kind), (7, &Kind::NamedBackreference));
    assert!(e
        .to_string()
        .contains(r"named backreference `\k<n>` at offset 7"));
    assert!(is_syntax(r"\k"));
    assert!(is_syntax(r"\kx"));
}

#[test]
fn flag_groups_are_refused() {
    let e = err("a(?i)b");
    assert_eq!((e.offset, &e.kind), (1, &Kind::UnsupportedFlagGroup));
    assert!(e.to_string().contains("`(?i)` at offset 1"));
    assert_eq!(kind("(?i:a)"), Kind::UnsupportedFlagGroup);
    assert_eq!(kind("(?m:^a)"), Kind::UnsupportedFlagGroup);
    assert_eq!(kind("(?-i:a)(?i-s:b)"), Kind::UnsupportedFlagGroup);
    check("^(?-i:a)$", &["a"], &["A"]);
}

// ----- quantifiers ------------------------------------------------------------

#[test]
fn quantifiers() {
    assert_eq!(
        tr("a{2}b{2,}c{2,3}d*?e+?f??g{1,2}?"),
        "a{2}b{2,}c{2,3}d*?e+?f??g{1,2}?"
    );
    assert_eq!(tr("a{007,010}"), "a{7,10}");
    check("^a{2}$", &["aa"], &["a", "aaa"]);
    check("^a{2,}$", &["aa", "aaaa"], &["a"]);
    check("^a{0,1}$", &["", "a"], &["aa"]);
    check("^(?:ab){2}$", &["abab"], &["ab"]);
}

#[test]
fn quantifier_syntax_errors() {
    for p in [
        "a{,5}", "a{", "a{1", "a{1,", "a{a}", "{1}", "a{2,1}", "*", "a**", "a+*", "a???", "^*",
        r"\b+", "$?", "|*", "(*)", "}", "]", "a}", "x{,}",
    ] {
        assert!(is_syntax(p), "{p}: {:?}", translate(p));
    }
}

#[test]
fn repetition_limits_are_compile_errors() {
    assert!(matches!(kind("a{99999999999}"), Kind::Compile(_)));
    assert!(matches!(kind("a{1,99999999999}"), Kind::Compile(_)));
    // ECMA compares counts as numbers, not as 32-bit integers.
    assert!(is_syntax("a{99999999999,1}"));
    // Translation succeeds; the compiled size limit does not.
    assert_eq!(tr(r"\d{0,100000}"), "[0-9]{0,100000}");
    let e = compile(r"\d{0,100000}").unwrap_err();
    assert!(matches!(e.kind, Kind::Compile(_)), "{e}");
    assert!(e.to_string().contains("size limit"), "{e}");
    // Generous but sane counts are fine.
    check(r"^\d{0,128}$", &["", "1234"], &["a"]);
}

// ----- Unicode properties ---------------------------------------------------------

#[test]
fn general_category() {
    assert_eq!(tr(r"\p{Lu}"), r"\p{gc=Lu}");
    assert_eq!(tr(r"\p{General_Category=Letter}"), r"\p{gc=L}");
    assert_eq!(tr(r"\P{gc=Decimal_Number}"), r"\P{gc=Nd}");
    check(r"^\p{Lu}$", &["A", "Ä"], &["a", "1"]);
    check(r"^\p{L}+$", &["héllo", "ΑΒΓ"], &["a1"]);
    check(r"^\p{Nd}$", &["٣", "３", "7"], &["a"]);
    check(r"^\p{digit}$", &["٣"], &["a"]);
    check(r"^\P{L}$", &["1", " "], &["a"]);
    check(r"^[^\p{L}\d]$", &["-", "٣"], &["a", "1"]);
    check(r"^\p{LC}$", &["a", "A"], &["ª"]);
    check(r"^\p{Sc}$", &["$", "€"], &["s"]);
    check(r"^\p{Cn}$", &["\u{378}"], &["a"]);
    check(r"^\p{Zs}$", &[" ", "\u{3000}"], &["\t"]);
}

#[test]
fn scripts() {
    assert_eq!(tr(r"\p{Script=Greek}"), r"\p{sc=Greek}");
    assert_eq!(tr(r"\p{sc=Grek}"), r"\p{sc=Greek}");
    assert_eq!(tr(r"\p{scx=Grek}"), r"\p{scx=Greek}");
    assert_eq!(tr(r"\p{Script_Extensions=Latn}"), r"\p{scx=Latin}");
    check(r"^\p{Script=Greek}+$", &["αβγ"], &["abc", "\u{342}"]);
    check(r"^\p{scx=Greek}$", &["α", "\u{342}"], &["a"]);
    check(r"^\P{sc=Latin}$", &["α", "1"], &["a"]);
    check(r"^\p{sc=Qaai}$", &["\u{300}"], &["a"]);
    // Valid values that the `regex` crate has no table for.
    check(
        r"\p{sc=Hrkt}|\p{scx=Katakana_Or_Hiragana}",
        &[],
        &["あ", "ア", "a"],
    );
    check(r"^\P{sc=Hrkt}$", &["あ"], &[]);
    check(
        r"^\p{sc=Zzzz}$",
        &["\u{378}", "\u{E000}", "\u{FFFF}"],
        &["a", "\0"],
    );
    check(r"^[^\p{scx=Unknown}]$", &["a", "\0"], &["\u{378}"]);
    check(r"^\P{Script=Unknown}$", &["a"], &["\u{10FFFD}"]);
}

#[test]
fn binary_properties() {
    assert_eq!(tr(r"\p{Alpha}"), r"\p{Alphabetic}");
    check(r"^\p{Alphabetic}$", &["a", "ж"], &["1"]);
    check(r"^\p{ASCII}$", &["a", "\0", "\u{7F}"], &["é"]);
    check(r"^\p{Any}$", &["a", "\n"], &[""]);
    check(r"\P{Any}", &[], &["a", "\n", ""]);
    check(r"^\p{Assigned}$", &["a"], &["\u{378}"]);
    check(r"^\p{space}$", &[" ", "\u{85}"], &["a"]);
    check(r"^\p{Emoji_Presentation}$", &["🚀"], &["a"]);
    check(r"^\p{AHex}+$", &["09afAF"], &["g"]);
}

#[test]
fn surrogate_category_matches_nothing() {
    check(r"\p{Cs}", &[], &["a", "\u{D7FF}", "\u{E000}"]);
    check(r"^\P{Cs}$", &["a", "\n"], &[""]);
    check(r"^[^\p{Cs}]$", &["a", "\n"], &[]);
    check(r"^[\p{Cs}a]$", &["a"], &["b"]);
    check(r"[^\P{Cs}]", &[], &["a"]);
    check(r"^\p{Surrogate}*$", &[""], &["a"]);
}

#[test]
fn unknown_or_unsupported_properties() {
    for p in [
        r"\p{lu}",
        r"\p{Greek}",
        r"\p{Script=greek}",
        r"\p{sc=Latn_}",
        r"\p{Block=Basic_Latin}",
        r"\p{General_Category=Any}",
        r"\p{Changes_When_NFKC_Casefolded}",
        r"\p{CWKCF}",
        r"\p{Hyphen}",
        r"\p{InBasic_Latin}",
        r"\P{Letter_}",
        r"\p{}",
        r"\p{=}",
    ] {
        assert_eq!(kind(p), Kind::UnsupportedProperty(p.into()), "{p}");
    }
    assert_eq!(
        kind(r"[a\p{XX}]"),
        Kind::UnsupportedProperty(r"\p{XX}".into())
    );
    assert!(is_syntax(r"\p{L"));
    assert!(is_syntax(r"\p{L-u}"));
}

// ----- errors and nesting -----------------------------------------------------------

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
    assert!(matches!(kind(&deep), Kind::Compile(_)));
    let ok = format!("{}a{}", "(?:".repeat(50), ")".repeat(50));
    check(&ok, &["a"], &["b"]);
    let deep_classes = "[".repeat(10_000);
    assert!(is_syntax(&deep_classes));
}

#[test]
fn errors_display_and_implement_error() {
    let e: Box<dyn std::error::Error> = Box::new(err(r"\a"));
    assert_eq!(
        e.to_string(),
        r"pattern `\a`: escape `\a` at offset 0 is not valid in an ECMA-262 pattern with the `u` flag"
    );
    let e = err("a{2,1}");
    assert_eq!(
        e.to_string(),
        "pattern `a{2,1}`: invalid ECMA-262 syntax at offset 1: numbers out of order in `{}` quantifier"
    );
    assert!(err(r"\p{Foo}")
        .to_string()
        .contains(r"`\p{Foo}` at offset 0"));
    assert!(err("(?<a$>.)").to_string().contains("group name `a$`"));
    assert!(err("(?<a>.)(?<a>.)")
        .to_string()
        .contains("duplicate group name `a` at offset 7"));
}

// ----- is_unanchored ---------------------------------------------------------------

#[test]
fn unanchored_heuristic() {
    assert!(is_unanchored(r"0|([1-9]\d{0,128})"));
    assert!(is_unanchored("[a-zA-Z0-9_.-]+"));
    assert!(is_unanchored(r"arn:aws.*:example:.*:\d{12}:widget/\S+"));
    assert!(is_unanchored("^a|b"));
    assert!(is_unanchored(r"[\^$]"));
    assert!(is_unanchored("a(?=$)"));
    assert!(!is_unanchored("^[a-z]+$"));
    assert!(!is_unanchored("^foo"));
    assert!(!is_unanchored("bar$"));
    assert!(!is_unanchored("^a|b$"));
    assert!(!is_unanchored("^(?:a|b)$"));
    assert!(!is_unanchored("(?:^a|^b)"));
}

// ----- property tests: class escapes against ECMA-262 definitions -------------------

fn ecma_digit(c: char) -> bool {
    c.is_ascii_digit()
}

fn ecma_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// ECMA-262 `WhiteSpace` and `LineTerminator` (`Zs` as of Unicode 16).
fn ecma_space(c: char) -> bool {
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

fn ecma_dot(c: char) -> bool {
    !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Characters where the ECMA and Unicode-aware definitions disagree, plus
/// ordinary ones.
fn interesting_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        'a', 'Z', '_', '0', '9', '-', ' ', '\t', '\n', '\r', '\u{B}', '\u{C}', '\u{85}', '\u{A0}',
        '\u{1680}', '\u{180E}', '\u{2000}', '\u{200A}', '\u{200B}', '\u{2028}', '\u{2029}',
        '\u{202F}', '\u{205F}', '\u{3000}', '\u{FEFF}', '\u{1C}', '٣', '３', '²', 'é', 'ß', 'ж',
        '\u{17F}', '\u{212A}', '\u{300}', '🚀', '\0', '&', '[', ']', '^', '\u{D7FF}', '\u{E000}',
    ])
}

/// An ECMA-262 definition of a set of characters.
type Predicate = fn(char) -> bool;

fn class_cases() -> Vec<(&'static str, Predicate)> {
    vec![
        (r"\d", ecma_digit),
        (r"\D", |c| !ecma_digit(c)),
        (r"\w", ecma_word),
        (r"\W", |c| !ecma_word(c)),
        (r"\s", ecma_space),
        (r"\S", |c| !ecma_space(c)),
        (".", ecma_dot),
        (r"[\d]", ecma_digit),
        (r"[^\d]", |c| !ecma_digit(c)),
        (r"[\D]", |c| !ecma_digit(c)),
        (r"[^\D]", ecma_digit),
        (r"[\w]", ecma_word),
        (r"[^\w]", |c| !ecma_word(c)),
        (r"[\W]", |c| !ecma_word(c)),
        (r"[\s]", ecma_space),
        (r"[^\s]", |c| !ecma_space(c)),
        (r"[\S]", |c| !ecma_space(c)),
        (r"[^\S]", ecma_space),
        (r"[\d\s]", |c| ecma_digit(c) || ecma_space(c)),
        (r"[^\W\d]", |c| ecma_word(c) && !ecma_digit(c)),
        (r"[\s\S]", |_| true),
        (r"[^]", |_| true),
        (r"[]", |_| false),
    ]
}

fn ecma_word_at(chars: &[char], i: usize) -> bool {
    i < chars.len() && ecma_word(chars[i])
}

/// `(pattern, ECMA predicate, ^X$, ^X*$, X)` compiled once.
type ClassCase = (
    &'static str,
    fn(char) -> bool,
    regex::Regex,
    regex::Regex,
    regex::Regex,
);

fn compiled_class_cases() -> &'static [ClassCase] {
    static CASES: std::sync::OnceLock<Vec<ClassCase>> = std::sync::OnceLock::new();
    CASES.get_or_init(|| {
        class_cases()
            .into_iter()
            .map(|(p, ecma)| {
                (
                    p,
                    ecma,
                    re(&format!("^{p}$")),
                    re(&format!("^{p}*$")),
                    re(p),
                )
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn class_escapes_agree_with_ecma(chars in prop::collection::vec(interesting_char(), 0..12)) {
        let s: String = chars.iter().collect();
        for (pattern, ecma, single, all, search) in compiled_class_cases() {
            for &c in &chars {
                prop_assert_eq!(
                    single.is_match(c.encode_utf8(&mut [0; 4])),
                    ecma(c),
                    "`{}` on {:?}", pattern, c
                );
            }
            prop_assert_eq!(all.is_match(&s), chars.iter().all(|&c| ecma(c)), "`{}*` on {:?}", pattern, s);
            let count = search.find_iter(&s).count();
            prop_assert_eq!(count, chars.iter().filter(|&&c| ecma(c)).count(), "`{}` in {:?}", pattern, s);
        }
    }

    #[test]
    fn word_boundaries_agree_with_ecma(chars in prop::collection::vec(interesting_char(), 0..12)) {
        let s: String = chars.iter().collect();
        let boundaries = (0..=chars.len())
            .filter(|&i| (i > 0 && ecma_word_at(&chars, i - 1)) != ecma_word_at(&chars, i))
            .count();
        let non_boundaries = chars.len() + 1 - boundaries;
        static B: std::sync::OnceLock<(regex::Regex, regex::Regex)> = std::sync::OnceLock::new();
        let (b, nb) = B.get_or_init(|| (re(r"\b"), re(r"\B")));
        prop_assert_eq!(b.find_iter(&s).count(), boundaries, "\\b in {:?}", s);
        prop_assert_eq!(nb.find_iter(&s).count(), non_boundaries, "\\B in {:?}", s);
        prop_assert_eq!(nb.is_match(&s), non_boundaries > 0, "\\B in {:?}", s);
    }
}

/// Fragments of ECMA-262 syntax, valid and invalid, to glue together.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "(",
        ")",
        "(?:",
        "(?<n>",
        "(?<m>",
        "(?=",
        "(?<!",
        "(?s:",
        "(?i)",
        "(?-i:",
        "[",
        "]",
        "[^",
        "{",
        "}",
        "{2}",
        "{1,3}",
        "{0,}",
        ",",
        "\\",
        "\\u",
        "\\u{",
        "1F680}",
        "D83D",
        "\\uD83D",
        "\\uDE80",
        "\\u{D7FF}",
        "\\uE000",
        "\\p{",
        "\\P{",
        "L}",
        "sc=Grek}",
        "}",
        "-",
        "^",
        "$",
        ".",
        "*",
        "+",
        "?",
        "|",
        "a",
        "0",
        "é",
        "🚀",
        "\\b",
        "\\B",
        "\\d",
        "\\S",
        "\\w",
        "\\k<n>",
        "\\1",
        "\\0",
        "&&",
        "--",
        "~~",
        "\\c",
        "J",
        "\\x4",
        "1",
        "\\-",
        "\\/",
        "#",
        " ",
    ])
}

proptest! {
    /// Arbitrary input never panics, and an accepted pattern always compiles.
    #[test]
    fn arbitrary_input_is_translated_or_refused(parts in prop::collection::vec(fragment(), 0..16)) {
        let pattern = parts.concat();
        match translate(&pattern) {
            Ok(out) => {
                let compiled = compile(&pattern);
                prop_assert!(compiled.is_ok(), "{:?} -> {:?}: {:?}", pattern, out, compiled.err());
            }
            Err(e) => {
                prop_assert!(pattern.is_char_boundary(e.offset));
                prop_assert!(!e.to_string().is_empty());
            }
        }
        let _ = is_unanchored(&pattern);
    }
}
