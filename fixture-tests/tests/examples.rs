//! Every message example of every fixture parses, validates and writes back unchanged.

mod common;

use common::{documents, examples, same_json};

#[test]
fn every_example_round_trips_and_validates() {
    let mut count = 0;
    let mut failures = Vec::new();
    for (name, doc) in documents() {
        let (payloads, headers) = examples(&name, &doc);
        for (message, value) in headers {
            count += 1;
            match fixture_tests::round_trip_headers(&name, &message, value.to_json().as_bytes()) {
                Ok(Some(written)) if same_json(&written, &value) => {}
                Ok(Some(written)) => failures.push(format!(
                    "{name} {message} headers: wrote {written} for {value}"
                )),
                Ok(None) => failures.push(format!(
                    "{name} {message}: example headers, but no headers type"
                )),
                Err(error) => failures.push(format!("{name} {message} headers: {error}")),
            }
        }
        for (message, payload) in payloads {
            count += 1;
            match fixture_tests::round_trip(&name, &message, payload.to_json().as_bytes()) {
                Ok(written) if same_json(&written, &payload) => {}
                Ok(written) => {
                    failures.push(format!("{name} {message}: wrote {written} for {payload}"))
                }
                Err(error) => failures.push(format!("{name} {message}: {error}")),
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(count >= 10, "only {count} examples");
}
