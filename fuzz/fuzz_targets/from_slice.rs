//! Parses arbitrary bytes as every message of the document.
//!
//! Must hold for any input: no panic; a refusal is a typed error whose message and
//! violations are readable; an accepted payload validates, and serialises to JSON that
//! parses back to an equal value; and where the input is JSON, reading it as a `Value`
//! first gives the same verdict and the same places.

#![no_main]

use kinesis_types::{Error, MessageName, Validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let json = serde_json::from_slice::<serde_json::Value>(data).ok();
    for message in MessageName::ALL {
        match message.parse(data) {
            Ok(parsed) => {
                assert!(parsed.validate().is_ok(), "{message}: accepted but invalid");
                let bytes = serde_json::to_vec(&parsed).expect("an accepted payload serialises");
                let again = message.parse(&bytes).expect("its own output is accepted");
                assert_eq!(again, parsed, "{message}: the round trip changed the value");
            }
            Err(error) => {
                assert!(!error.to_string().is_empty());
                let violations = error.violations();
                assert!(!violations.is_empty(), "{message}: an error without violations");
                if json.is_none() {
                    assert!(matches!(error, Error::Syntax { .. }), "{message}: {error}");
                }
            }
        }
        if let Some(json) = &json {
            // The same JSON as bytes (written back, so without repeated property names,
            // where the text and the Value may differ) and as a Value: the same verdict.
            let bytes = serde_json::to_vec(json).expect("a Value serialises");
            let from_bytes = message.parse(&bytes).map_err(|e| pointers(&e));
            let from_value = message.parse_value(json).map_err(|e| pointers(&e));
            assert_eq!(from_bytes, from_value, "{message}: bytes and Value disagree");
        }
    }
});

fn pointers(error: &Error) -> Vec<String> {
    let mut pointers: Vec<String> = error.violations().into_iter().map(|v| v.pointer).collect();
    pointers.sort();
    pointers
}
