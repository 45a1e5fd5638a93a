//! The code `asyncapi-codegen` generates for each document in
//! `asyncapi-codegen/tests/fixtures/`, one module per document, compiled here so that
//! the tests prove it compiles and behaves.

use std::fmt::Debug;

use asyncapi_runtime::IntoOwned;
use serde::Serialize;

include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));

/// The JSON of a borrowed parse, once checked against the owned parse of the same
/// bytes: the same outcome, the same error, the same JSON written back, and the same
/// value once converted.
fn agree<B, O>(
    lent: Result<B, String>,
    owned: Result<O, String>,
) -> Result<serde_json::Value, String>
where
    B: Serialize + IntoOwned<Owned = O>,
    O: Serialize + PartialEq + Debug,
{
    match (lent, owned) {
        (Ok(lent), Ok(owned)) => {
            let written = serde_json::to_string(&lent).map_err(|e| e.to_string())?;
            let owned_written = serde_json::to_string(&owned).map_err(|e| e.to_string())?;
            if written != owned_written {
                return Err(format!(
                    "borrowed wrote {written}, owned wrote {owned_written}"
                ));
            }
            let converted = lent.into_owned();
            if converted != owned {
                return Err(format!(
                    "borrowed converts to {converted:?}, owned parse is {owned:?}"
                ));
            }
            serde_json::from_str(&written).map_err(|e| e.to_string())
        }
        (Err(lent), Err(owned)) if lent == owned => Err(lent),
        (Err(lent), Err(owned)) => Err(format!("borrowed: {lent}; owned: {owned}")),
        (Ok(_), Err(owned)) => Err(format!("only the owned parse refuses it: {owned}")),
        (Err(lent), Ok(_)) => Err(format!("only the borrowed parse refuses it: {lent}")),
    }
}
