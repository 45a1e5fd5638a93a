//! [`DataCheck`] for `--data-spec DOC --data-message NAME`: the message's payloads
//! checked by the generator's interpreter (see [`crate::catalog`]), so that the data of
//! a record gets the verdict, pointers and messages `kinesis validate --spec DOC
//! --message NAME` gives the same bytes.

use std::path::Path;

use kinesis_types::Error as PayloadError;

use super::data::{DataCheck, DataVerdict, DataViolation};
use crate::catalog::{Catalog, Message};
use crate::error::Fatal;

/// The check for `--data-spec` and `--data-message`.
pub fn load(spec: &Path, message: &str) -> Result<Box<dyn DataCheck>, Fatal> {
    Ok(Box::new(SpecCheck::new(
        Catalog::load(Some(spec))?,
        message,
    )?))
}

/// Data checked as one message of a document given on the command line.
pub struct SpecCheck {
    label: String,
    catalog: &'static Catalog,
    message: &'static Message,
}

impl SpecCheck {
    /// The check of message `name` (its `name`, its key, or the name generated code
    /// gives it) of `catalog`'s document. An unknown message is a usage error listing
    /// the known ones.
    pub fn new(catalog: &'static Catalog, name: &str) -> Result<SpecCheck, Fatal> {
        let message = catalog
            .find(name)
            .map_err(|error| Fatal::new(format!("--data-message: {error}")))?;
        Ok(SpecCheck {
            label: format!("{} of {}", message.name, catalog.file),
            catalog,
            message,
        })
    }
}

impl DataCheck for SpecCheck {
    fn label(&self) -> &str {
        &self.label
    }

    fn check(&self, data: &[u8]) -> DataVerdict {
        match self.catalog.parse(self.message, data) {
            Ok(_) => DataVerdict::Valid,
            Err(PayloadError::Syntax {
                line,
                column,
                message,
            }) => DataVerdict::NotJson {
                line,
                column,
                message,
            },
            Err(error) => DataVerdict::Invalid {
                violations: error.violations().iter().map(DataViolation::from).collect(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDERS: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/orders.asyncapi.yaml"
    );

    fn orders() -> SpecCheck {
        SpecCheck::new(
            Catalog::load(Some(Path::new(ORDERS))).unwrap(),
            "OrderPlaced",
        )
        .unwrap()
    }

    #[test]
    fn a_valid_order_is_valid() {
        let check = orders();
        assert!(
            check.label().starts_with("OrderPlaced of "),
            "{}",
            check.label()
        );
        assert!(
            check.label().ends_with("orders.asyncapi.yaml"),
            "{}",
            check.label()
        );
        let order = br#"{"orderId":"ORD-1","customerId":"C-42","amount":42.5,"currency":"EUR"}"#;
        assert_eq!(check.check(order), DataVerdict::Valid);
    }

    #[test]
    fn violations_point_into_the_data() {
        let verdict = orders().check(br#"{"orderId":"ORD-1","amount":-1,"currency":"eur"}"#);
        let DataVerdict::Invalid { violations } = verdict else {
            panic!("{verdict:?}")
        };
        let found: Vec<(&str, &str)> = violations
            .iter()
            .map(|v| (v.pointer.as_str(), v.keyword.as_str()))
            .collect();
        assert!(found.contains(&("", "required")), "{found:?}");
        assert!(found.contains(&("/amount", "minimum")), "{found:?}");
        assert!(found.contains(&("/currency", "enum")), "{found:?}");
    }

    #[test]
    fn data_that_is_not_json_says_where() {
        let verdict = orders().check(b"{\"orderId\":\n  oops}");
        let DataVerdict::NotJson { line, column, .. } = &verdict else {
            panic!("{verdict:?}")
        };
        assert_eq!((*line, *column), (2, 3));
        assert!(
            verdict.violations()[0]
                .message
                .starts_with("/Data decoded is not valid JSON at line 2 column 3: "),
            "{verdict:?}"
        );
    }

    #[test]
    fn unknown_messages_list_the_known_ones() {
        let catalog = Catalog::load(Some(Path::new(ORDERS))).unwrap();
        let error = SpecCheck::new(catalog, "Nope").err().unwrap().to_string();
        assert!(
            error.starts_with("--data-message: unknown message \"Nope\""),
            "{error}"
        );
        assert!(error.contains("OrderPlaced"), "{error}");
    }
}
