//! Channel addresses and their parameters: every `{name}` in an address is declared
//! under `parameters`, and every declared parameter appears in the address.

use asyncapi_runtime::Value;

use super::document::{deref, named};
use super::Findings;
use crate::error::Problem;
use crate::load::{address, pointer};

/// Checks every channel's address against its parameters.
pub(crate) fn parameters(findings: &mut Findings<'_>) {
    let bundle = findings.bundle;
    for (at, channel) in
        named(&bundle.root, "/channels").chain(named(&bundle.root, "/components/channels"))
    {
        let (at, channel) = deref(bundle, channel, &at);
        let Value::Object(map) = channel else {
            continue;
        };
        let declared: Vec<String> = match map.get("parameters") {
            Some(Value::Object(params)) => params.keys().cloned().collect(),
            _ => Vec::new(),
        };
        let used = match map.get("address") {
            Some(Value::String(text)) => match address::parameters(text) {
                Ok(used) => used,
                Err(message) => {
                    findings.error(&pointer::join(&at, "address"), Problem::Parameters(message));
                    continue;
                }
            },
            _ => Vec::new(),
        };
        for parameter in &used {
            if !declared.contains(parameter) {
                findings.error(
                    &pointer::join(&at, "address"),
                    Problem::Parameters(format!(
                        "address parameter {{{parameter}}} is not declared under parameters"
                    )),
                );
            }
        }
        for parameter in &declared {
            if !used.contains(parameter) {
                findings.error(
                    &pointer::join(&pointer::join(&at, "parameters"), parameter),
                    Problem::Parameters(format!(
                        "parameter {parameter:?} does not appear in the address"
                    )),
                );
            }
        }
    }
}
