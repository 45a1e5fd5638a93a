//! The translation is exact on data: for random OpenAPI 3.0 schemas (`nullable`
//! everywhere, boolean exclusive bounds, enums with and without `null`, nested
//! objects, arrays and compositions) and random documents, the runtime's JSON Schema
//! interpreter accepts a document under the translation exactly when OpenAPI 3.0.3's
//! reading, written out here independently, accepts it.

use asyncapi_runtime::{Map, Number, Value};
use proptest::prelude::*;

use super::super::testing::compile_at;
use super::to_json_schema;

const BASE: &str = "/components/messages/m/payload/schema";

const TYPES: [&str; 6] = ["integer", "number", "string", "boolean", "array", "object"];
/// Enum values and bounds are drawn from these.
const VALUES: [&str; 8] = ["0", "1", "2.5", "-3", "\"a\"", "\"bb\"", "null", "true"];
const BOUNDS: [&str; 5] = ["-3", "0", "1", "2.5", "10"];

#[derive(Debug, Clone)]
enum Shape {
    Typed {
        /// An index into [`TYPES`], or none.
        ty: Option<u8>,
        nullable: Option<bool>,
        minimum: Option<(u8, Option<bool>)>,
        maximum: Option<(u8, Option<bool>)>,
        length: Option<(u8, u8)>,
        enumeration: Option<Vec<u8>>,
        items: Option<Box<Shape>>,
        /// Properties (`p0`, `p1`, ...) and whether each is required.
        properties: Vec<(Shape, bool)>,
        closed: bool,
    },
    AllOf(Vec<Shape>, Option<bool>),
    AnyOf(Vec<Shape>),
    OneOf(Vec<Shape>),
    Not(Box<Shape>),
}

fn flag() -> impl Strategy<Value = Option<bool>> {
    prop_oneof![Just(None), Just(Some(false)), Just(Some(true))]
}

fn bound() -> impl Strategy<Value = Option<(u8, Option<bool>)>> {
    prop::option::of((0u8..5, flag()))
}

fn leaf() -> impl Strategy<Value = Shape> {
    (
        prop::option::weighted(0.9, 0u8..4),
        flag(),
        bound(),
        bound(),
        prop::option::weighted(0.2, (0u8..3, 0u8..3)),
        prop::option::weighted(0.3, prop::collection::vec(0u8..8, 1..4)),
    )
        .prop_map(
            |(ty, nullable, minimum, maximum, length, enumeration)| Shape::Typed {
                ty,
                nullable,
                minimum,
                maximum,
                length,
                enumeration,
                items: None,
                properties: Vec::new(),
                closed: false,
            },
        )
}

fn shape() -> impl Strategy<Value = Shape> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            3 => (inner.clone(), flag()).prop_map(|(items, nullable)| Shape::Typed {
                ty: Some(4),
                nullable,
                minimum: None,
                maximum: None,
                length: None,
                enumeration: None,
                items: Some(Box::new(items)),
                properties: Vec::new(),
                closed: false,
            }),
            3 => (prop::collection::vec((inner.clone(), any::<bool>()), 0..4), flag(), any::<bool>()).prop_map(
                |(properties, nullable, closed)| Shape::Typed {
                    ty: Some(5),
                    nullable,
                    minimum: None,
                    maximum: None,
                    length: None,
                    enumeration: None,
                    items: None,
                    properties,
                    closed,
                }
            ),
            1 => (prop::collection::vec(inner.clone(), 1..3), flag()).prop_map(|(s, n)| Shape::AllOf(s, n)),
            1 => prop::collection::vec(inner.clone(), 1..3).prop_map(Shape::AnyOf),
            1 => prop::collection::vec(inner.clone(), 1..3).prop_map(Shape::OneOf),
            1 => inner.prop_map(|s| Shape::Not(Box::new(s))),
        ]
    })
}

fn json(text: &str) -> Value {
    asyncapi_runtime::parse_json(text.as_bytes()).unwrap_or(Value::Null)
}

/// The OpenAPI 3.0 Schema Object of a shape.
fn write(shape: &Shape) -> Value {
    let mut map = Map::new();
    match shape {
        Shape::Typed {
            ty,
            nullable,
            minimum,
            maximum,
            length,
            enumeration,
            items,
            properties,
            closed,
        } => {
            if let Some(ty) = ty {
                map.insert("type", Value::from(TYPES[usize::from(*ty)]));
            }
            if let Some(nullable) = nullable {
                map.insert("nullable", Value::Bool(*nullable));
            }
            for (bound, exclusive_key, value) in [
                ("minimum", "exclusiveMinimum", minimum),
                ("maximum", "exclusiveMaximum", maximum),
            ] {
                if let Some((i, exclusive)) = value {
                    map.insert(bound, json(BOUNDS[usize::from(*i)]));
                    if let Some(exclusive) = exclusive {
                        map.insert(exclusive_key, Value::Bool(*exclusive));
                    }
                }
            }
            if let Some((min, extra)) = length {
                map.insert("minLength", Value::from(*min));
                map.insert("maxLength", Value::from(min + extra));
            }
            if let Some(values) = enumeration {
                map.insert(
                    "enum",
                    Value::Array(
                        values
                            .iter()
                            .map(|&i| json(VALUES[usize::from(i)]))
                            .collect(),
                    ),
                );
            }
            if let Some(items) = items {
                map.insert("items", write(items));
            }
            if !properties.is_empty() || *closed {
                let written: Map = properties
                    .iter()
                    .enumerate()
                    .map(|(i, (shape, _))| (format!("p{i}"), write(shape)))
                    .collect();
                map.insert("properties", Value::Object(written));
                let required: Vec<Value> = properties
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, required))| *required)
                    .map(|(i, _)| Value::from(format!("p{i}")))
                    .collect();
                if !required.is_empty() {
                    map.insert("required", Value::Array(required));
                }
                if *closed {
                    map.insert("additionalProperties", Value::Bool(false));
                }
            }
            map.insert("example", Value::from("an example"));
        }
        Shape::AllOf(parts, nullable) => {
            map.insert("type", Value::from("object"));
            if let Some(nullable) = nullable {
                map.insert("nullable", Value::Bool(*nullable));
            }
            map.insert("allOf", Value::Array(parts.iter().map(write).collect()));
        }
        Shape::AnyOf(parts) => {
            map.insert("anyOf", Value::Array(parts.iter().map(write).collect()));
        }
        Shape::OneOf(parts) => {
            map.insert("oneOf", Value::Array(parts.iter().map(write).collect()));
        }
        Shape::Not(inner) => {
            map.insert("not", write(inner));
        }
    }
    Value::Object(map)
}

fn is_type(name: &str, value: &Value) -> bool {
    match name {
        "integer" => value.as_number().is_some_and(Number::is_integer),
        "number" => value.is_number(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        _ => value.is_object(),
    }
}

/// Whether OpenAPI 3.0.3 accepts `value` under `shape`: `nullable` adds `null` to the
/// type written beside it and to nothing else; an exclusive flag makes its bound
/// strict; keywords apply to their own kind of value.
fn valid(shape: &Shape, value: &Value) -> bool {
    match shape {
        Shape::Typed {
            ty,
            nullable,
            minimum,
            maximum,
            length,
            enumeration,
            items,
            properties,
            closed,
        } => {
            if let Some(ty) = ty {
                let null_allowed = *nullable == Some(true) && value.is_null();
                if !null_allowed && !is_type(TYPES[usize::from(*ty)], value) {
                    return false;
                }
            }
            if let Some(values) = enumeration {
                if !values
                    .iter()
                    .any(|&i| json(VALUES[usize::from(i)]) == *value)
                {
                    return false;
                }
            }
            if let Some(n) = value.as_number() {
                if let Some((i, exclusive)) = minimum {
                    let bound = json(BOUNDS[usize::from(*i)]);
                    let bound = bound
                        .as_number()
                        .cloned()
                        .unwrap_or_else(|| Number::from(0u8));
                    let ok = if *exclusive == Some(true) {
                        *n > bound
                    } else {
                        *n >= bound
                    };
                    if !ok {
                        return false;
                    }
                }
                if let Some((i, exclusive)) = maximum {
                    let bound = json(BOUNDS[usize::from(*i)]);
                    let bound = bound
                        .as_number()
                        .cloned()
                        .unwrap_or_else(|| Number::from(0u8));
                    let ok = if *exclusive == Some(true) {
                        *n < bound
                    } else {
                        *n <= bound
                    };
                    if !ok {
                        return false;
                    }
                }
            }
            if let (Some((min, extra)), Some(text)) = (length, value.as_str()) {
                let count = text.chars().count();
                if count < usize::from(*min) || count > usize::from(min + extra) {
                    return false;
                }
            }
            if let (Some(items), Some(values)) = (items, value.as_array()) {
                if !values.iter().all(|v| valid(items, v)) {
                    return false;
                }
            }
            if let Some(map) = value.as_object() {
                for (i, (shape, required)) in properties.iter().enumerate() {
                    match map.get(&format!("p{i}")) {
                        Some(v) if !valid(shape, v) => return false,
                        None if *required => return false,
                        _ => {}
                    }
                }
                if *closed {
                    let known = |key: &String| {
                        key.strip_prefix('p')
                            .and_then(|i| i.parse::<usize>().ok())
                            .is_some_and(|i| i < properties.len() && key == &format!("p{i}"))
                    };
                    if !map.keys().all(known) {
                        return false;
                    }
                }
            }
            true
        }
        Shape::AllOf(parts, nullable) => {
            let typed = value.is_object() || (*nullable == Some(true) && value.is_null());
            typed && parts.iter().all(|p| valid(p, value))
        }
        Shape::AnyOf(parts) => parts.iter().any(|p| valid(p, value)),
        Shape::OneOf(parts) => parts.iter().filter(|p| valid(p, value)).count() == 1,
        Shape::Not(inner) => !valid(inner, value),
    }
}

/// Deterministic pseudo-random choices (SplitMix64).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n.max(1) as u64) as usize
    }
}

const SCALARS: [&str; 16] = [
    "null",
    "true",
    "false",
    "0",
    "1",
    "-3",
    "2.5",
    "10",
    "-2.9999",
    "10.0",
    "\"\"",
    "\"a\"",
    "\"bb\"",
    "\"ccc\"",
    "\"😀😀\"",
    "\"null\"",
];

/// A document shaped like `shape` (often valid), or any document.
fn document(shape: &Shape, rng: &mut Rng, depth: usize) -> Value {
    let scalar = |rng: &mut Rng| json(SCALARS[rng.below(SCALARS.len())]);
    if depth > 4 || rng.below(5) == 0 {
        return scalar(rng);
    }
    match shape {
        Shape::Typed {
            items, properties, ..
        } => match (items, properties.is_empty()) {
            (Some(items), _) => Value::Array(
                (0..rng.below(3))
                    .map(|_| document(items, rng, depth + 1))
                    .collect(),
            ),
            (None, false) => {
                let mut map = Map::new();
                for (i, (shape, _)) in properties.iter().enumerate() {
                    if rng.below(4) != 0 {
                        map.insert(format!("p{i}"), document(shape, rng, depth + 1));
                    }
                }
                if rng.below(4) == 0 {
                    map.insert("other", scalar(rng));
                }
                Value::Object(map)
            }
            (None, true) => match rng.below(4) {
                0 => Value::Array(vec![scalar(rng)]),
                1 => Value::Object(Map::new()),
                _ => scalar(rng),
            },
        },
        Shape::AllOf(parts, _) | Shape::AnyOf(parts) | Shape::OneOf(parts) => {
            let part = rng.below(parts.len());
            document(&parts[part], rng, depth + 1)
        }
        Shape::Not(inner) => document(inner, rng, depth + 1),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn translation_accepts_what_openapi_accepts(shape in shape(), seed in any::<u64>()) {
        let openapi = write(&shape);
        let translated = match to_json_schema(&openapi) {
            Ok(translated) => translated,
            Err(error) => return Err(TestCaseError::fail(format!("{openapi} does not translate: {error}"))),
        };
        let schema = compile_at(&translated, BASE);
        let mut rng = Rng(seed);
        for _ in 0..24 {
            let value = document(&shape, &mut rng, 0);
            prop_assert_eq!(
                schema.is_valid(0, &value),
                valid(&shape, &value),
                "{} on {}\n{}",
                openapi,
                value,
                translated.to_json_pretty()
            );
        }
    }
}

/// Any JSON made of OpenAPI's words: much of it is not a valid Schema Object.
fn openapi_like() -> impl Strategy<Value = Value> {
    let keys = vec![
        "type",
        "nullable",
        "minimum",
        "exclusiveMinimum",
        "maximum",
        "exclusiveMaximum",
        "example",
        "examples",
        "properties",
        "items",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "additionalProperties",
        "enum",
        "$ref",
        "required",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..20).prop_map(Value::from),
        prop::sample::select(vec!["string", "integer", "null", "#/x", "a"]).prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 80, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(keys.clone()), inner), 0..6).prop_map(
                |members| {
                    Value::Object(
                        members
                            .into_iter()
                            .map(|(k, v)| (k.to_string(), v))
                            .collect(),
                    )
                }
            ),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any input translates or is refused, and never panics.
    #[test]
    fn any_input_translates_or_is_refused(schema in openapi_like()) {
        let _ = to_json_schema(&schema);
    }
}
