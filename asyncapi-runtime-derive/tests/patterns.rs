//! Patterns the `regex` crate cannot express (lookaround, backreferences) are checked
//! exactly, from `validate()` on typed values and from the JSON walk alike.

use asyncapi_runtime::{Keyword, Validate, Violation};
use serde::Deserialize;
use serde_json::json;

#[derive(Debug, Deserialize, Validate)]
struct Account {
    #[validate(pattern = "^(?!admin$)[a-z]+$")]
    name: String,
    #[validate(pattern = "(a)\\1")]
    doubled: Option<String>,
    #[validate(items(pattern = r"(?<=\$)\d+"))]
    prices: Vec<String>,
}

fn account(name: &str, doubled: Option<&str>, prices: &[&str]) -> Account {
    Account {
        name: name.to_string(),
        doubled: doubled.map(str::to_string),
        prices: prices.iter().map(|p| p.to_string()).collect(),
    }
}

fn found<V: IntoIterator<Item = Violation>>(
    result: Result<(), V>,
) -> Vec<(String, Keyword, String)> {
    match result {
        Ok(()) => Vec::new(),
        Err(violations) => violations
            .into_iter()
            .map(|v| (v.pointer, v.keyword, v.message))
            .collect(),
    }
}

#[test]
fn accepts_what_matches() {
    assert!(account("alice", Some("xaay"), &["$10"]).validate().is_ok());
    assert!(account("admins", None, &[]).validate().is_ok());
    let value = json!({"name": "bob", "doubled": "aa", "prices": ["cost $3"]});
    assert!(asyncapi_runtime::validate_json::<Account>(&value).is_ok());
}

#[test]
fn refuses_what_does_not() {
    let expected = vec![
        (
            "/name".to_string(),
            Keyword::Pattern,
            "\"admin\" does not match pattern ^(?!admin$)[a-z]+$".to_string(),
        ),
        (
            "/doubled".to_string(),
            Keyword::Pattern,
            "\"aba\" does not match pattern (a)\\1".to_string(),
        ),
        (
            "/prices/1".to_string(),
            Keyword::Pattern,
            "\"10\" does not match pattern (?<=\\$)\\d+".to_string(),
        ),
    ];
    let typed = account("admin", Some("aba"), &["$5", "10"]);
    assert_eq!(found(typed.validate()), expected);
    let value = json!({"name": "admin", "doubled": "aba", "prices": ["$5", "10"]});
    assert_eq!(
        found(asyncapi_runtime::validate_json::<Account>(&value)),
        expected
    );
    // Uppercase is refused too: the lookahead does not replace the class.
    assert_eq!(found(account("Alice", None, &[]).validate()).len(), 1);
}
