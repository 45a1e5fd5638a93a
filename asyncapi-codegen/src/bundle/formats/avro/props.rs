//! The translation is exact on data: for random Avro schemas (records, unions, arrays,
//! maps, enums, fixed, nullable fields, recursive and named references, namespaces)
//! and random documents (values of the schema, and those values mutated), the
//! runtime's JSON Schema interpreter accepts a document under the translation exactly
//! when it is the JSON of a value of the Avro schema, as decided here independently.

use asyncapi_runtime::{Map, Number, Value};
use proptest::prelude::*;

use super::super::testing::compile_at;
use super::to_json_schema;

/// Where the translation is placed: a space and an escaped `/` test the `$ref`s.
const BASE: &str = "/channels/a~1b/messages/m 1/payload/schema";

const PRIMITIVES: [&str; 8] = [
    "null", "boolean", "int", "long", "float", "double", "bytes", "string",
];
const SYMBOLS: [&str; 5] = ["A", "B", "C", "D", "AB"];

/// The shape of a generated schema.
#[derive(Debug, Clone)]
enum Shape {
    Primitive(u8),
    Fixed(u8),
    Enum(Vec<u8>, bool),
    Array(Box<Shape>),
    Map(Box<Shape>),
    /// Fields: their shapes, and whether each has a default.
    Record(Vec<(Shape, bool)>),
    /// `["null", T]`, or `[T, "null"]`.
    Nullable(Box<Shape>, bool),
    Union(Vec<Shape>),
    /// `{"value": long, "next": ["null", <itself>]}`.
    List,
    /// A reference by name to the last named type completed so far.
    Again,
}

fn shape() -> impl Strategy<Value = Shape> {
    let leaf = prop_oneof![
        4 => (0u8..8).prop_map(Shape::Primitive),
        1 => (0u8..4).prop_map(Shape::Fixed),
        1 => (prop::collection::vec(0u8..5, 1..4), any::<bool>()).prop_map(|(s, d)| Shape::Enum(s, d)),
        1 => Just(Shape::List),
        1 => Just(Shape::Again),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            inner.clone().prop_map(|s| Shape::Array(Box::new(s))),
            inner.clone().prop_map(|s| Shape::Map(Box::new(s))),
            prop::collection::vec((inner.clone(), any::<bool>()), 0..5).prop_map(Shape::Record),
            (inner.clone(), any::<bool>())
                .prop_map(|(s, first)| Shape::Nullable(Box::new(s), first)),
            prop::collection::vec(inner, 1..4).prop_map(Shape::Union),
        ]
    })
}

/// A type as the oracle reads it.
#[derive(Debug, Clone)]
enum Ty {
    Primitive(&'static str),
    Fixed(usize),
    Enum(Vec<String>),
    Array(Box<Ty>),
    Map(Box<Ty>),
    Record(usize),
    Union(Vec<Ty>),
}

#[derive(Debug, Clone)]
struct Record {
    /// Name, type, default.
    fields: Vec<(String, Ty, Option<Value>)>,
}

/// A named type that can be referred to again.
#[derive(Debug, Clone)]
struct Defined {
    fullname: String,
    namespace: String,
    ty: Ty,
}

/// Writes shapes as Avro schemas, and the types the oracle reads from them.
#[derive(Default)]
struct Writer {
    next: usize,
    records: Vec<Record>,
    defined: Vec<Defined>,
}

fn object(members: Vec<(&str, Value)>) -> Value {
    Value::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

impl Writer {
    /// A name attribute (and namespace attribute) for a new named type in the
    /// enclosing namespace `space`: its members, its fullname and namespace.
    fn name(&mut self, prefix: &str, space: &str) -> (Vec<(&'static str, Value)>, String, String) {
        let id = self.next;
        self.next += 1;
        let simple = format!("{prefix}{id}");
        match id % 3 {
            0 => {
                let fullname = if space.is_empty() {
                    simple.clone()
                } else {
                    format!("{space}.{simple}")
                };
                (
                    vec![("name", Value::from(simple))],
                    fullname,
                    space.to_string(),
                )
            }
            1 => {
                let namespace = format!("ns.n{id}");
                let fullname = format!("{namespace}.{simple}");
                (
                    vec![
                        ("name", Value::from(simple)),
                        ("namespace", Value::from(namespace.as_str())),
                    ],
                    fullname,
                    namespace,
                )
            }
            _ => {
                let namespace = format!("q{id}");
                let fullname = format!("{namespace}.{simple}");
                (
                    vec![("name", Value::from(fullname.as_str()))],
                    fullname,
                    namespace,
                )
            }
        }
    }

    fn write(&mut self, shape: &Shape, space: &str) -> (Value, Ty) {
        match shape {
            Shape::Primitive(i) => {
                let name = PRIMITIVES[usize::from(*i) % PRIMITIVES.len()];
                (Value::from(name), Ty::Primitive(name))
            }
            Shape::Fixed(size) => {
                let (mut members, fullname, namespace) = self.name("F", space);
                members.insert(0, ("type", Value::from("fixed")));
                members.push(("size", Value::from(*size)));
                let ty = Ty::Fixed(usize::from(*size));
                self.defined.push(Defined {
                    fullname,
                    namespace,
                    ty: ty.clone(),
                });
                (object(members), ty)
            }
            Shape::Enum(indices, with_default) => {
                let mut symbols: Vec<String> = Vec::new();
                for &i in indices {
                    let symbol = SYMBOLS[usize::from(i) % SYMBOLS.len()].to_string();
                    if !symbols.contains(&symbol) {
                        symbols.push(symbol);
                    }
                }
                let (mut members, fullname, namespace) = self.name("E", space);
                members.insert(0, ("type", Value::from("enum")));
                members.push((
                    "symbols",
                    Value::Array(symbols.iter().map(|s| Value::from(s.as_str())).collect()),
                ));
                if *with_default {
                    members.push(("default", Value::from(symbols[symbols.len() - 1].as_str())));
                }
                let ty = Ty::Enum(symbols);
                self.defined.push(Defined {
                    fullname,
                    namespace,
                    ty: ty.clone(),
                });
                (object(members), ty)
            }
            Shape::Array(items) => {
                let (items, ty) = self.write(items, space);
                (
                    object(vec![("type", Value::from("array")), ("items", items)]),
                    Ty::Array(Box::new(ty)),
                )
            }
            Shape::Map(values) => {
                let (values, ty) = self.write(values, space);
                (
                    object(vec![("type", Value::from("map")), ("values", values)]),
                    Ty::Map(Box::new(ty)),
                )
            }
            Shape::Record(fields) => {
                let (mut members, fullname, namespace) = self.name("R", space);
                let index = self.records.len();
                self.records.push(Record { fields: Vec::new() });
                let mut written = Vec::new();
                let mut read = Vec::new();
                for (i, (shape, with_default)) in fields.iter().enumerate() {
                    let name = format!("f{i}");
                    let (schema, ty) = self.write(shape, &namespace);
                    let default = with_default.then(|| self.minimal(&first_branch(&ty)));
                    let mut field = vec![("name", Value::from(name.as_str())), ("type", schema)];
                    if let Some(default) = &default {
                        field.push(("default", default.clone()));
                    }
                    written.push(object(field));
                    read.push((name, ty, default));
                }
                self.records[index].fields = read;
                members.insert(0, ("type", Value::from("record")));
                members.push(("fields", Value::Array(written)));
                let ty = Ty::Record(index);
                self.defined.push(Defined {
                    fullname,
                    namespace,
                    ty: ty.clone(),
                });
                (object(members), ty)
            }
            Shape::List => {
                let (mut members, fullname, namespace) = self.name("L", space);
                let simple = fullname.rsplit('.').next().unwrap_or_default().to_string();
                let index = self.records.len();
                let ty = Ty::Record(index);
                let next = Ty::Union(vec![Ty::Primitive("null"), ty.clone()]);
                self.records.push(Record {
                    fields: vec![
                        ("value".into(), Ty::Primitive("long"), None),
                        ("next".into(), next, None),
                    ],
                });
                members.insert(0, ("type", Value::from("record")));
                members.push((
                    "fields",
                    Value::Array(vec![
                        object(vec![
                            ("name", Value::from("value")),
                            ("type", Value::from("long")),
                        ]),
                        object(vec![
                            ("name", Value::from("next")),
                            (
                                "type",
                                Value::Array(vec![Value::from("null"), Value::from(simple)]),
                            ),
                        ]),
                    ]),
                ));
                self.defined.push(Defined {
                    fullname,
                    namespace,
                    ty: ty.clone(),
                });
                (object(members), ty)
            }
            Shape::Again => match self.defined.last().cloned() {
                // A simple name reads in the enclosing namespace, then in the null one.
                Some(defined) => {
                    let name = if defined.namespace == space || defined.namespace.is_empty() {
                        defined
                            .fullname
                            .rsplit('.')
                            .next()
                            .unwrap_or_default()
                            .to_string()
                    } else {
                        defined.fullname.clone()
                    };
                    (Value::from(name), defined.ty)
                }
                None => (Value::from("string"), Ty::Primitive("string")),
            },
            Shape::Nullable(inner, null_first) => {
                let mut branches = vec![Shape::Primitive(0), (**inner).clone()];
                if !null_first {
                    branches.reverse();
                }
                self.union(&branches, space)
            }
            Shape::Union(branches) => self.union(branches, space),
        }
    }

    /// A union of `shapes` as Avro allows it: unions inside are flattened into it, and
    /// a branch of a type already in it is left out.
    fn union(&mut self, shapes: &[Shape], space: &str) -> (Value, Ty) {
        let mut flat = Vec::new();
        for shape in shapes {
            match shape {
                Shape::Union(inner) => flat.extend(inner.iter().cloned()),
                Shape::Nullable(inner, _) => flat.extend([Shape::Primitive(0), (**inner).clone()]),
                other => flat.push(other.clone()),
            }
        }
        let mut written = Vec::new();
        let mut read = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        for shape in &flat {
            if matches!(shape, Shape::Union(_) | Shape::Nullable(..)) {
                continue;
            }
            let (schema, ty) = self.write(shape, space);
            let key = match (&schema, &ty) {
                (Value::String(name), _) => self.fullname_of(name, space),
                (_, Ty::Array(_)) => "array".into(),
                (_, Ty::Map(_)) => "map".into(),
                // A named type written here is the last one defined.
                _ => self.last_fullname(),
            };
            if keys.contains(&key) {
                continue;
            }
            keys.push(key);
            written.push(schema);
            read.push(ty);
        }
        if written.is_empty() {
            return (
                Value::Array(vec![Value::from("null")]),
                Ty::Union(vec![Ty::Primitive("null")]),
            );
        }
        (Value::Array(written), Ty::Union(read))
    }

    fn last_fullname(&self) -> String {
        self.defined
            .last()
            .map(|d| d.fullname.clone())
            .unwrap_or_default()
    }

    /// The fullname a type name in a union stands for (primitives are their own).
    fn fullname_of(&self, name: &str, space: &str) -> String {
        if PRIMITIVES.contains(&name) || name.contains('.') {
            return name.to_string();
        }
        let qualified = if space.is_empty() {
            name.to_string()
        } else {
            format!("{space}.{name}")
        };
        if self.defined.iter().any(|d| d.fullname == qualified) {
            qualified
        } else {
            name.to_string()
        }
    }

    /// The simplest value of `ty` (defaults are these).
    fn minimal(&self, ty: &Ty) -> Value {
        match ty {
            Ty::Primitive(name) => match *name {
                "null" => Value::Null,
                "boolean" => Value::Bool(false),
                "int" | "long" => Value::from(0u8),
                "float" | "double" => number("0.5"),
                _ => Value::from(""),
            },
            Ty::Fixed(size) => Value::from("a".repeat(*size)),
            Ty::Enum(symbols) => Value::from(symbols[0].as_str()),
            Ty::Array(_) => Value::Array(Vec::new()),
            Ty::Map(_) => Value::Object(Map::new()),
            Ty::Record(index) => Value::Object(
                self.records[*index]
                    .fields
                    .iter()
                    .filter(|(_, _, default)| default.is_none())
                    .map(|(name, ty, _)| (name.clone(), self.minimal(&first_branch(ty))))
                    .collect(),
            ),
            Ty::Union(branches) => branches
                .first()
                .map(|b| self.minimal(b))
                .unwrap_or(Value::Null),
        }
    }
}

fn first_branch(ty: &Ty) -> Ty {
    match ty {
        Ty::Union(branches) => branches.first().cloned().unwrap_or(Ty::Primitive("null")),
        other => other.clone(),
    }
}

fn number(text: &str) -> Value {
    Value::Number(text.parse::<Number>().unwrap_or_else(|_| Number::from(0u8)))
}

/// Whether `value` is the JSON of a value of `ty`: the reading of the Avro rules the
/// translation implements, written independently of it.
fn valid(records: &[Record], ty: &Ty, value: &Value) -> bool {
    match ty {
        Ty::Primitive(name) => match *name {
            "null" => value.is_null(),
            "boolean" => value.is_boolean(),
            "int" => value
                .as_number()
                .and_then(Number::as_i64)
                .is_some_and(|i| i32::try_from(i).is_ok()),
            "long" => value.as_number().and_then(Number::as_i64).is_some(),
            "float" | "double" => value.is_number(),
            "bytes" => value
                .as_str()
                .is_some_and(|s| s.chars().all(|c| (c as u32) < 256)),
            _ => value.is_string(),
        },
        Ty::Fixed(size) => value
            .as_str()
            .is_some_and(|s| s.chars().all(|c| (c as u32) < 256) && s.chars().count() == *size),
        Ty::Enum(symbols) => value
            .as_str()
            .is_some_and(|s| symbols.iter().any(|x| x == s)),
        Ty::Array(items) => value
            .as_array()
            .is_some_and(|a| a.iter().all(|v| valid(records, items, v))),
        Ty::Map(values) => value
            .as_object()
            .is_some_and(|m| m.values().all(|v| valid(records, values, v))),
        Ty::Record(index) => value.as_object().is_some_and(|m| {
            records[*index]
                .fields
                .iter()
                .all(|(name, ty, default)| match m.get(name) {
                    Some(v) => valid(records, ty, v),
                    None => default.is_some(),
                })
        }),
        Ty::Union(branches) => branches.iter().any(|b| valid(records, b, value)),
    }
}

/// A small deterministic generator for documents (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn text<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Text made of code points of every width, and bytes (code points up to U+00FF).
const TEXTS: [&str; 7] = ["", "a", "AB", "\u{ff}\u{0}x", "Ā", "😀z", "null"];
const BYTES: [&str; 5] = ["", "a", "\u{0}\u{ff}", "abc", "\u{80}\u{7f}\u{1}"];

/// A value of `ty`, chosen at random.
fn value_of(records: &[Record], ty: &Ty, rng: &mut Rng, depth: usize) -> Value {
    match ty {
        Ty::Primitive(name) => match *name {
            "null" => Value::Null,
            "boolean" => Value::Bool(rng.below(2) == 0),
            "int" => number(rng.text(&[
                "0",
                "-1",
                "2147483647",
                "-2147483648",
                "7.0",
                "1e3",
                "12345",
            ])),
            "long" => number(rng.text(&[
                "0",
                "9223372036854775807",
                "-9223372036854775808",
                "2147483648",
                "-5",
                "4.0",
            ])),
            "float" | "double" => {
                number(rng.text(&["0", "1.5", "-2.25e10", "3", "1e300", "-0.0001"]))
            }
            "bytes" => Value::from(*rng.pick(&BYTES)),
            _ => Value::from(*rng.pick(&TEXTS)),
        },
        Ty::Fixed(size) => {
            let text: String = (0..*size)
                .map(|_| char::from(rng.below(256) as u8))
                .collect();
            Value::from(text)
        }
        Ty::Enum(symbols) => Value::from(rng.pick(symbols).as_str()),
        Ty::Array(items) => {
            let n = if depth > 5 { 0 } else { rng.below(4) };
            Value::Array(
                (0..n)
                    .map(|_| value_of(records, items, rng, depth + 1))
                    .collect(),
            )
        }
        Ty::Map(values) => {
            let n = if depth > 5 { 0 } else { rng.below(4) };
            Value::Object(
                (0..n)
                    .map(|i| (format!("k{i}"), value_of(records, values, rng, depth + 1)))
                    .collect(),
            )
        }
        Ty::Record(index) => {
            let mut map = Map::new();
            for (name, ty, default) in &records[*index].fields {
                if default.is_some() && rng.below(2) == 0 {
                    continue;
                }
                map.insert(name.clone(), value_of(records, ty, rng, depth + 1));
            }
            if rng.below(4) == 0 {
                map.insert("extra", Value::from("kept"));
            }
            Value::Object(map)
        }
        Ty::Union(branches) => {
            // Deep down, prefer null, so that recursive values end.
            let null = branches
                .iter()
                .position(|b| matches!(b, Ty::Primitive("null")));
            let branch = match null {
                Some(i) if depth > 5 => &branches[i],
                _ => rng.pick(branches),
            };
            value_of(records, branch, rng, depth + 1)
        }
    }
}

/// Values that break some type or other.
fn odd(rng: &mut Rng) -> Value {
    let texts = [
        "null",
        "true",
        "0",
        "-1",
        "2147483648",
        "-2147483649",
        "9223372036854775808",
        "1.5",
        "7.0",
        "\"\"",
        "\"A\"",
        "\"B\"",
        "\"AB\"",
        "\"Ā\"",
        "\"\\u00ff\"",
        "[]",
        "[1]",
        "{}",
        "{\"value\": 1}",
        "[null]",
    ];
    match asyncapi_runtime::parse_json(rng.pick(&texts).as_bytes()) {
        Ok(value) => value,
        Err(_) => Value::Null,
    }
}

/// `value` with one random change somewhere inside: a value replaced, a member taken
/// away or added, an item added.
fn mutate(value: &mut Value, rng: &mut Rng) {
    let descend = rng.below(3) != 0;
    match value {
        Value::Array(items) if descend && !items.is_empty() => {
            let i = rng.below(items.len());
            mutate(&mut items[i], rng);
        }
        Value::Object(map) if descend && !map.is_empty() => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let key = rng.pick(&keys).clone();
            if let Some(member) = map.get_mut(&key) {
                mutate(member, rng);
            }
        }
        Value::Array(items) if rng.below(2) == 0 => items.push(odd(rng)),
        Value::Object(map) if rng.below(2) == 0 => match rng.below(2) {
            0 => {
                let keys: Vec<String> = map.keys().cloned().collect();
                if !keys.is_empty() {
                    let key = rng.pick(&keys).clone();
                    map.remove(&key);
                }
            }
            _ => {
                let key = rng.pick(&["f0", "f1", "value", "next", "k9"]).to_string();
                map.insert(key, odd(rng));
            }
        },
        _ => *value = odd(rng),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn translation_accepts_exactly_the_values_of_the_schema(shape in shape(), seed in any::<u64>()) {
        let mut writer = Writer::default();
        let (avro, ty) = writer.write(&shape, "");
        let translated = match to_json_schema(&avro, BASE) {
            Ok(translated) => translated,
            Err(error) => return Err(TestCaseError::fail(format!("{avro} does not translate: {error}"))),
        };
        let schema = compile_at(&translated, BASE);
        let records = &writer.records;
        let mut rng = Rng(seed);
        for _ in 0..12 {
            let value = value_of(records, &ty, &mut rng, 0);
            prop_assert!(valid(records, &ty, &value), "generated {} is not a value of {}", value, avro);
            prop_assert!(schema.is_valid(0, &value), "{} refuses {}\n{}", avro, value, translated.to_json_pretty());
            for _ in 0..3 {
                let mut changed = value.clone();
                mutate(&mut changed, &mut rng);
                let expected = valid(records, &ty, &changed);
                prop_assert_eq!(
                    schema.is_valid(0, &changed),
                    expected,
                    "{} on {}\n{}",
                    avro,
                    changed,
                    translated.to_json_pretty()
                );
            }
        }
    }
}

/// Any JSON made of Avro's words: most of it is not a valid schema.
fn avro_like() -> impl Strategy<Value = Value> {
    let words = vec![
        "null",
        "int",
        "long",
        "string",
        "bytes",
        "record",
        "enum",
        "array",
        "map",
        "fixed",
        "error",
        "R",
        "a.R",
        "x-y",
        "",
        "decimal",
        "uuid",
        "date",
        "duration",
        "ascending",
        "A",
        "B",
    ];
    let keys = vec![
        "type",
        "name",
        "namespace",
        "fields",
        "symbols",
        "items",
        "values",
        "size",
        "default",
        "doc",
        "aliases",
        "logicalType",
        "precision",
        "scale",
        "order",
        "minimum",
        "maxLength",
        "pattern",
        "example",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..20).prop_map(Value::from),
        prop::sample::select(words).prop_map(Value::from),
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

    /// Any input translates or is refused, never panics; what translates is a schema
    /// the runtime compiles.
    #[test]
    fn any_input_translates_or_is_refused(schema in avro_like()) {
        if let Ok(translated) = to_json_schema(&schema, BASE) {
            compile_at(&translated, BASE);
        }
    }
}
