//! [`Null`]: the value of `type: null`.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::validate::{Path, Report, Validate};

/// JSON `null`, the one value of a `type: null` schema.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Null;

impl Serialize for Null {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit()
    }
}

impl<'de> Deserialize<'de> for Null {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Null, D::Error> {
        struct NullVisitor;

        impl<'de> Visitor<'de> for NullVisitor {
            type Value = Null;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("null")
            }

            fn visit_unit<E: de::Error>(self) -> Result<Null, E> {
                Ok(Null)
            }

            fn visit_none<E: de::Error>(self) -> Result<Null, E> {
                Ok(Null)
            }
        }

        deserializer.deserialize_option(NullVisitor)
    }
}

impl Validate for Null {
    fn validate_at(&self, _: &Path<'_>, _: &mut Report) {}
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Null {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Null".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "null" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_null() {
        assert_eq!(serde_json::from_str::<Null>("null").unwrap(), Null);
        assert!(serde_json::from_str::<Null>("0").is_err());
        assert!(serde_json::from_str::<Null>("{}").is_err());
        assert_eq!(serde_json::to_string(&Null).unwrap(), "null");
    }
}
