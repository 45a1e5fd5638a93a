//! [`Forbidden`]: the value type of properties that `additionalProperties: false`
//! rules out.
//!
//! A struct whose schema forbids other properties holds a flattened
//! `Map<Forbidden>` (or `BTreeMap<String, Forbidden>`, as generated code did before
//! `#[derive(FromJson)]`). Flattening makes serde read the struct as a map (with
//! `deny_unknown_fields` alone, serde's derive would also accept a JSON array, field by
//! field); no `Forbidden` value can exist, so any other property fails the typed parse,
//! and the JSON walk reports each one as an `additionalProperties` violation at its
//! pointer.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny};
use serde::{Serialize, Serializer};

use crate::json::Value;
use crate::shape::ValidateJson;
use crate::validate::{Keyword, Path, Report, Validate};

/// A property value that cannot exist: the schema allows no such property.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Forbidden {}

const MESSAGE: &str =
    "not allowed: the schema lists every property (additionalProperties is false)";

impl<'de> Deserialize<'de> for Forbidden {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Consume the value so the error is about the property, not its content.
        IgnoredAny::deserialize(deserializer)?;
        Err(de::Error::custom(format_args!("a property {MESSAGE}")))
    }
}

impl Serialize for Forbidden {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        match *self {}
    }
}

impl Validate for Forbidden {
    fn validate_at(&self, _: &Path<'_>, _: &mut Report) {
        match *self {}
    }
}

impl ValidateJson for Forbidden {
    fn validate_json(_: &Value, path: &Path<'_>, report: &mut Report) {
        report.push(
            path,
            Keyword::AdditionalProperties,
            format!("property {MESSAGE}"),
        );
    }
}

impl crate::IntoOwned for Forbidden {
    type Owned = Forbidden;
    fn into_owned(self) -> Forbidden {
        match self {}
    }
}

impl fmt::Display for Forbidden {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Forbidden {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Forbidden".into()
    }

    fn inline_schema() -> bool {
        true
    }

    /// The `false` schema: as the value of flattened extra properties, it makes the
    /// object's `additionalProperties` false.
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::Schema::from(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Debug, serde::Deserialize)]
    struct Strict {
        #[allow(dead_code)]
        a: u32,
        #[serde(flatten)]
        rest: BTreeMap<String, Forbidden>,
    }

    #[derive(Debug, asyncapi_runtime_derive::FromJson)]
    struct Read {
        #[allow(dead_code)]
        a: u32,
        #[serde(flatten)]
        rest: crate::Map<Forbidden>,
    }

    #[test]
    fn read_by_from_json() {
        let ok: Read = serde_json::from_str(r#"{"a": 1}"#).unwrap();
        assert!(ok.rest.is_empty());
        let extra = serde_json::from_str::<Read>(r#"{"a": 1, "b": [1, 2]}"#).unwrap_err();
        assert!(
            extra.to_string().contains("additionalProperties is false"),
            "{extra}"
        );
        assert!(serde_json::from_str::<Read>("[1]").is_err());
    }

    #[test]
    fn no_other_property_and_no_array() {
        let ok: Strict = serde_json::from_str(r#"{"a": 1}"#).unwrap();
        assert!(ok.rest.is_empty());
        let extra = serde_json::from_str::<Strict>(r#"{"a": 1, "b": [1, 2]}"#).unwrap_err();
        assert!(
            extra.to_string().contains("additionalProperties is false"),
            "{extra}"
        );
        assert!(serde_json::from_str::<Strict>("[1]").is_err());
        let mut report = Report::new();
        Forbidden::validate_json(&Value::Null, &Path::ROOT.key("b"), &mut report);
        let violations = report.into_violations();
        assert_eq!(violations[0].pointer, "/b");
        assert_eq!(violations[0].keyword, Keyword::AdditionalProperties);
    }
}
