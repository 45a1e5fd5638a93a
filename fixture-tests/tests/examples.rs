//! Every message example of every fixture parses, validates and writes back unchanged.

use serde_json::Value;

mod common;

use common::{examples, fixtures};

#[test]
fn every_example_round_trips_and_validates() {
    let mut count = 0;
    let mut failures = Vec::new();
    for file in fixtures() {
        let text = std::fs::read_to_string(&file).unwrap();
        let doc: Value = serde_yaml::from_str(&text).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let (payloads, headers) = examples(&doc);
        for (message, value) in headers {
            count += 1;
            match fixture_tests::round_trip_headers(&name, &message, &value) {
                Ok(Some(written)) if asyncapi_runtime::json_eq(&written, &value) => {}
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
            match fixture_tests::round_trip(&name, &message, &payload) {
                Ok(written) if asyncapi_runtime::json_eq(&written, &payload) => {}
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
