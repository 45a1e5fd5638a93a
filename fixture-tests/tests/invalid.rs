//! Invalid payloads for each construct of the fixtures: `asyncapi_runtime::from_slice`,
//! `validate_json` and the zero-copy `from_slice_borrowed` report the same violations,
//! each with its exact pointer and keyword.

use asyncapi_runtime::MessageSet;
use asyncapi_runtime::{Keyword, ValidateJson};
use fixture_tests::{
    arrays, composition, deep_chain, deep_containers, fan_out, headers, maps, names, nesting,
    numbers, unions,
};
use serde_json::{json, Value};

/// The (pointer, keyword) pairs both entry points report for `json` as `T`.
fn violations<T: ValidateJson>(json: Value) -> Vec<(String, Keyword)> {
    let parsed: Vec<(String, Keyword)> =
        match asyncapi_runtime::from_slice::<T>(json.to_string().as_bytes()) {
            Ok(_) => Vec::new(),
            Err(error) => error
                .violations()
                .into_iter()
                .map(|v| (v.pointer, v.keyword))
                .collect(),
        };
    let walked: Vec<(String, Keyword)> = match asyncapi_runtime::validate_json::<T>(&json) {
        Ok(()) => Vec::new(),
        Err(violations) => violations
            .into_vec()
            .into_iter()
            .map(|v| (v.pointer, v.keyword))
            .collect(),
    };
    assert_eq!(
        parsed, walked,
        "from_slice and validate_json disagree on {json}"
    );
    parsed
}

/// As [`violations`], for `$module::$ty`, and asserted identical for its zero-copy
/// twin `$module::borrowed::$ty`.
macro_rules! violations {
    ($module:ident :: $ty:ident, $json:expr) => {{
        let json: Value = $json;
        let owned = violations::<$module::$ty>(json.clone());
        let bytes = json.to_string();
        let lent =
            asyncapi_runtime::from_slice_borrowed::<$module::borrowed::$ty>(bytes.as_bytes());
        assert_eq!(
            pairs(lent.err()),
            owned,
            "from_slice_borrowed and from_slice disagree on {json}"
        );
        owned
    }};
}

fn pairs(error: Option<asyncapi_runtime::Error>) -> Vec<(String, Keyword)> {
    error
        .map(|e| {
            e.violations()
                .into_iter()
                .map(|v| (v.pointer, v.keyword))
                .collect()
        })
        .unwrap_or_default()
}

fn one(pointer: &str, keyword: Keyword) -> Vec<(String, Keyword)> {
    vec![(pointer.to_string(), keyword)]
}

#[test]
fn all_of_merged_required() {
    // `createdAt` is required by the second part (`Timestamped`).
    let account = json!({"id": "a", "owner": {"name": "Ada"}, "code": "AB12", "tier": 1});
    assert_eq!(
        violations!(composition::AccountOpened, account),
        one("", Keyword::Required)
    );
    let owner = json!({"id": "a", "createdAt": "t", "owner": {"email": "x"}, "code": "AB12"});
    assert_eq!(
        violations!(composition::AccountOpened, owner),
        one("/owner", Keyword::Required)
    );
    // Bounds merged from several parts: minLength 4 of the third part, maximum 5.
    let code =
        json!({"id": "a", "createdAt": "t", "owner": {"name": "A"}, "code": "AB1", "tier": 6});
    assert_eq!(
        violations!(composition::AccountOpened, code),
        [
            ("/code".to_string(), Keyword::MinLength),
            ("/tier".to_string(), Keyword::Maximum)
        ]
    );
}

#[test]
fn additional_properties() {
    let base = || json!({"name": "s", "limits": {}, "strict": {"a": 1}});
    // `additionalProperties: false`.
    let mut strict = base();
    strict["strict"]["x"] = json!(1);
    assert_eq!(
        violations!(maps::Settings, strict),
        one("/strict/x", Keyword::AdditionalProperties)
    );
    // An object with no other properties is still an object: serde would read a struct
    // from a JSON array field by field, the schema does not.
    let mut array = base();
    array["strict"] = json!([1]);
    assert_eq!(
        violations!(maps::Settings, array),
        one("/strict", Keyword::Type)
    );
    // A schema for the map's values, and for the extra properties next to named fields.
    let mut extra = base();
    extra["env"] = json!(1);
    assert_eq!(
        violations!(maps::Settings, extra),
        one("/env", Keyword::Type)
    );
}

#[test]
fn required_properties_that_only_other_keywords_describe() {
    let with = |key: &str, value: Value| {
        let mut payload = json!({"name": "s", "limits": {}, "strict": {"a": 1}});
        payload[key] = value;
        payload
    };
    // `additionalProperties` with a schema describes the required `id`.
    assert_eq!(
        violations!(maps::Settings, with("owner", json!({"id": "abcd"}))),
        []
    );
    assert_eq!(
        violations!(maps::Settings, with("owner", json!({"id": 5}))),
        one("/owner/id", Keyword::Type)
    );
    assert_eq!(
        violations!(
            maps::Settings,
            with("owner", json!({"id": "abcde", "kind": "k"}))
        ),
        one("/owner/id", Keyword::MaxLength)
    );
    // `additionalProperties: false` forbids it: no object is valid.
    assert_eq!(
        violations!(maps::Settings, with("sealed", json!({"id": "x"}))),
        one("/sealed/id", Keyword::AdditionalProperties)
    );
    assert_eq!(
        violations!(maps::Settings, with("sealed", json!({"kind": "k"}))),
        one("/sealed", Keyword::Required)
    );
    // `patternProperties` describes it, and is reported once.
    assert_eq!(
        violations!(
            maps::Settings,
            with("tagged", json!({"id": "x", "kind": "k"}))
        ),
        []
    );
    assert_eq!(
        violations!(maps::Settings, with("tagged", json!({"id": 5, "item": 6}))),
        [
            ("/tagged/id".to_string(), Keyword::Type),
            ("/tagged/item".to_string(), Keyword::Type)
        ]
    );
    // Built in code and validated: the typed checks say the same.
    let owner: maps::SettingsOwner =
        asyncapi_runtime::from_slice(br#"{"id": "abcd"}"#).expect("a valid owner");
    assert_eq!(owner.id, "abcd");
}

#[test]
fn values_of_a_nullable_map_are_checked() {
    let with = |nicknames: Value| json!({"name": "s", "limits": {}, "strict": {"a": 1}, "nicknames": nicknames});
    assert_eq!(violations!(maps::Settings, with(json!(null))), []);
    assert_eq!(violations!(maps::Settings, with(json!({"a": "abc"}))), []);
    assert_eq!(
        violations!(maps::Settings, with(json!({"a": "abc", "b": "abcd"}))),
        one("/nicknames/b", Keyword::MaxLength)
    );
}

#[test]
fn property_counts() {
    assert_eq!(
        violations!(maps::Settings, json!({"name": "s", "limits": {}})),
        [
            ("".to_string(), Keyword::Required),
            ("".to_string(), Keyword::MinProperties)
        ]
    );
    let seven = json!({"name": "s", "limits": {}, "strict": {"a": 1}, "a": "1", "b": "2", "c": "3", "d": "4"});
    assert_eq!(
        violations!(maps::Settings, seven),
        one("", Keyword::MaxProperties)
    );
}

#[test]
fn tagged_unions() {
    // `discriminator` is an annotation: the failure is the `oneOf`'s, and its message
    // names the alternative that came closest and what is wrong there.
    let pet = |json: Value| {
        let bytes = json.to_string();
        let error = asyncapi_runtime::from_slice::<unions::Pet>(bytes.as_bytes()).unwrap_err();
        let found = error.violations();
        assert_eq!(found.len(), 1, "{error}");
        assert_eq!(
            (found[0].pointer.as_str(), found[0].keyword),
            ("", Keyword::OneOf)
        );
        assert_eq!(violations::<unions::Pet>(json), one("", Keyword::OneOf));
        found[0].message.clone()
    };
    assert_eq!(
        pet(json!({"petType": "Fish", "name": "x"})),
        "matches none of the 2 alternatives; closest ones: oneOf/0: /petType: \"Fish\" is not \"Cat\" | oneOf/1: /petType: \"Fish\" is not \"Dog\""
    );
    assert!(pet(json!({"name": "x"})).contains("missing required property \"petType\""));
    assert_eq!(
        pet(json!({"petType": "Cat", "name": "Tom", "lives": 10})),
        "matches none of the 2 alternatives; closest: oneOf/0: /lives: 10 is greater than maximum 9"
    );
    // `Shape` holds no text, so it has no zero-copy twin.
    let shape = |json: Value| {
        assert_eq!(
            violations::<unions::Shape>(json.clone()),
            one("", Keyword::AnyOf)
        );
        let bytes = json.to_string();
        let error = asyncapi_runtime::from_slice::<unions::Shape>(bytes.as_bytes()).unwrap_err();
        error.violations()[0].message.clone()
    };
    assert_eq!(
        shape(json!({"kind": "circle", "radius": 0})),
        "matches none of the 2 alternatives; closest: anyOf/0: /radius: 0 is not greater than exclusiveMinimum 0"
    );
    assert!(shape(json!({"kind": "square", "side": 1, "radius": 1}))
        .contains("closest: anyOf/1: /radius: property \"radius\" is not allowed"),);
}

#[test]
fn untagged_unions() {
    let none = json!({"value": {"a": 1}, "either": "origin"});
    assert_eq!(
        violations::<unions::AnyValuePayload>(none),
        one("/value", Keyword::OneOf)
    );
    let either = json!({"value": "x", "either": {"x": 1}});
    assert_eq!(
        violations::<unions::AnyValuePayload>(either),
        one("/either", Keyword::AnyOf)
    );
}

#[test]
fn nullable_and_numbers() {
    let valid = || json!({"small": 1, "big": 2, "ratio": 0.5, "step": 5, "percent": 1, "note": null, "count": null});
    assert_eq!(violations!(numbers::Reading, valid()), []);
    let mut unit = valid();
    unit["unit"] = Value::Null;
    // Every keyword that fails is reported, as JSON Schema validators do.
    assert_eq!(
        violations!(numbers::Reading, unit),
        [
            ("/unit".to_string(), Keyword::Type),
            ("/unit".to_string(), Keyword::Enum)
        ]
    );
    let mut missing = valid();
    missing.as_object_mut().unwrap().remove("note");
    assert_eq!(
        violations!(numbers::Reading, missing),
        one("", Keyword::Required)
    );
    let mut note = valid();
    note["note"] = json!("x".repeat(21));
    assert_eq!(
        violations!(numbers::Reading, note),
        one("/note", Keyword::MaxLength)
    );
    let mut retries = valid();
    retries["retries"] = json!(11);
    assert_eq!(
        violations!(numbers::Reading, retries),
        one("/retries", Keyword::Maximum)
    );
    let mut ratio = valid();
    ratio["ratio"] = json!(1);
    assert_eq!(
        violations!(numbers::Reading, ratio),
        one("/ratio", Keyword::ExclusiveMaximum)
    );
    let mut ratio = valid();
    ratio["ratio"] = json!(0);
    assert_eq!(
        violations!(numbers::Reading, ratio),
        one("/ratio", Keyword::ExclusiveMinimum)
    );
    let mut step = valid();
    step["step"] = json!(7);
    assert_eq!(
        violations!(numbers::Reading, step),
        one("/step", Keyword::MultipleOf)
    );
    let mut percent = valid();
    percent["percent"] = json!(0.25);
    assert_eq!(
        violations!(numbers::Reading, percent),
        one("/percent", Keyword::MultipleOf)
    );
    let mut small = valid();
    small["small"] = json!(2147483648i64);
    assert_eq!(
        violations!(numbers::Reading, small),
        one("/small", Keyword::Maximum)
    );
    let mut small = valid();
    small["small"] = json!(-2147483649i64);
    assert_eq!(
        violations!(numbers::Reading, small),
        one("/small", Keyword::Minimum)
    );
}

#[test]
fn arrays() {
    let batch = |ids: Value, matrix: Value| json!({"ids": ids, "matrix": matrix});
    assert_eq!(
        violations!(arrays::BatchPayload, batch(json!([]), json!([]))),
        one("/ids", Keyword::MinItems)
    );
    assert_eq!(
        violations!(
            arrays::BatchPayload,
            batch(json!(["a", "b", "c", "d", "e"]), json!([]))
        ),
        one("/ids", Keyword::MaxItems)
    );
    assert_eq!(
        violations!(arrays::BatchPayload, batch(json!(["a", "a"]), json!([]))),
        one("/ids", Keyword::UniqueItems)
    );
    assert_eq!(
        violations!(
            arrays::BatchPayload,
            batch(json!(["a", "B"]), json!([[1, 2], [3]]))
        ),
        [
            ("/ids/1".to_string(), Keyword::Pattern),
            ("/matrix/1".to_string(), Keyword::MinItems)
        ]
    );
}

#[test]
fn recursion_deep_inside() {
    let tree = json!({"label": "r", "children": [{"label": "a", "children": [{"label": "b", "parent": {"label": 5}}]}]});
    assert_eq!(
        violations!(nesting::Node, tree),
        one("/children/0/children/0/parent/label", Keyword::Type)
    );
}

#[test]
fn names() {
    let event = json!({"type": "sign-in", "$ref": "x"});
    assert_eq!(
        violations!(names::UserEvent, event),
        one("/$ref", Keyword::MinLength)
    );
    // Fields named by code points (`größe` is `gruf6udfe`) keep their wire names.
    let event = json!({"type": "login", "größe": 1.5, "価格": -1});
    assert_eq!(
        violations!(names::UserEvent, event),
        one("/価格", Keyword::Minimum)
    );
    let parsed: names::UserEvent =
        asyncapi_runtime::from_slice(br#"{"type": "login", "\u4fa1\u683c": 7}"#).unwrap();
    assert_eq!(
        parsed.u4fa1u683c.map(|n| n.to_string()).as_deref(),
        Some("7")
    );
}

#[test]
fn headers() {
    use headers::MessageName;
    let pairs = |result: Result<(), asyncapi_runtime::Violations>| -> Vec<(String, Keyword)> {
        result
            .err()
            .map(|v| {
                v.into_vec()
                    .into_iter()
                    .map(|v| (v.pointer, v.keyword))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        pairs(MessageName::JobSubmitted.validate_headers(&json!({"traceparent": "00-x"}).into())),
        []
    );
    assert_eq!(
        pairs(MessageName::JobSubmitted.validate_headers(
            &json!({"traceparent": "01-x", "contentEncoding": "br", "x": 1}).into()
        )),
        [
            ("/traceparent".to_string(), Keyword::Pattern),
            ("/contentEncoding".to_string(), Keyword::Enum),
            ("/x".to_string(), Keyword::AdditionalProperties)
        ]
    );
    assert_eq!(
        pairs(MessageName::JobSubmitted.validate_headers(&json!({}).into())),
        one("", Keyword::Required)
    );
    assert_eq!(
        pairs(
            MessageName::JobsCancelled
                .validate_headers(&json!({"x-request-id": "short", "x-attempt": 6}).into())
        ),
        [
            ("/x-request-id".to_string(), Keyword::MinLength),
            ("/x-attempt".to_string(), Keyword::Maximum)
        ]
    );
    // parse_headers reports the same.
    let error = MessageName::JobsCancelled
        .parse_headers(json!({"x-request-id": "short"}).to_string().as_bytes())
        .unwrap_err();
    assert_eq!(
        error
            .violations()
            .into_iter()
            .map(|v| (v.pointer, v.keyword))
            .collect::<Vec<_>>(),
        one("/x-request-id", Keyword::MinLength)
    );
}

// Map values and counts, items two arrays deep, and a oneOf value matching two
// alternatives.

#[test]
fn map_values_and_map_counts() {
    let base = || json!({"name": "s", "limits": {}, "strict": {"a": 1}});
    let mut labels = base();
    labels["labels"] = json!({"team": "core", "owner": "a very long label indeed, too long"});
    assert_eq!(
        violations!(maps::Settings, labels),
        one("/labels/owner", Keyword::MaxLength)
    );
    let mut limits = base();
    limits["limits"]["cpu"] = json!(-1);
    assert_eq!(
        violations!(maps::Settings, limits),
        one("/limits/cpu", Keyword::Minimum)
    );
    let many = json!({"name": "s", "limits": {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}, "strict": {"a": 1}});
    assert_eq!(
        violations!(maps::Settings, many),
        one("/limits", Keyword::MaxProperties)
    );
}

#[test]
fn items_of_nested_arrays() {
    let grid = json!({"rows": [[[1, -1]]], "deep": {"level2": {"level3": {"level4": {"value": "toolong"}}}}});
    assert_eq!(
        violations!(nesting::GridPayload, grid),
        [
            ("/rows/0/0/1".to_string(), Keyword::Minimum),
            (
                "/deep/level2/level3/level4/value".to_string(),
                Keyword::MaxLength
            )
        ]
    );
}

#[test]
fn one_of_matching_two() {
    let both = json!({"value": "x", "either": "o", "amount": 50});
    assert_eq!(
        violations::<unions::AnyValuePayload>(both),
        one("/amount", Keyword::OneOf)
    );
    // The alternatives' own bounds: -1 is only the integer, 500.5 only the number, and
    // -0.5 (read as the first alternative, below its minimum) neither.
    for amount in [json!(-1), json!(500.5)] {
        let only = json!({"value": "x", "either": "o", "amount": amount});
        assert_eq!(violations::<unions::AnyValuePayload>(only), []);
    }
    let neither = json!({"value": "x", "either": "o", "amount": -0.5});
    assert_eq!(
        violations::<unions::AnyValuePayload>(neither),
        one("/amount", Keyword::OneOf)
    );
}

/// A `deep_chain` payload nested `levels` deep, with `label` at level `bad_label`
/// too long and `depth` at level `bad_depth` wrong.
fn chain(levels: usize, bad_label: usize, bad_depth: usize) -> Value {
    let mut value: Option<Value> = None;
    for level in (0..levels).rev() {
        let label = if level == bad_label {
            "far too long".to_string()
        } else {
            format!("l{level}")
        };
        let depth = if level == bad_depth { level + 1 } else { level };
        let mut object = json!({"depth": depth, "label": label});
        if let Some(next) = value.take() {
            object["next"] = next;
        }
        value = Some(object);
    }
    value.expect("at least one level")
}

#[test]
fn deep_chains_are_checked_below_the_typed_levels() {
    // The generated types stop short of rustc's recursion limit; deeper links are JSON
    // checked against their schema, with the same pointers and keywords.
    let next = |levels: usize| "/next".repeat(levels);
    assert_eq!(violations!(deep_chain::Level0, chain(60, 99, 99)), vec![]);
    assert_eq!(
        violations!(deep_chain::Level0, chain(60, 3, 50)),
        vec![
            (format!("{}/label", next(3)), Keyword::MaxLength),
            (format!("{}/depth", next(50)), Keyword::Const),
        ]
    );
    assert_eq!(
        violations!(deep_chain::Level0, chain(70, 69, 40)),
        vec![
            (format!("{}/depth", next(40)), Keyword::Const),
            (format!("{}/label", next(69)), Keyword::MaxLength),
        ]
    );
}

/// A `deep_containers` payload nested `levels` deep (through an array, a map, an
/// unlisted property and a nullable array in turn), with `label` too long at level
/// `bad_label` and `depth` wrong at level `bad_depth`; and the pointer of each level.
fn container_chain(levels: usize, bad_label: usize, bad_depth: usize) -> (Value, Vec<String>) {
    let step = |level: usize| match level % 4 {
        0 | 3 => "/children/0",
        1 => "/children/only",
        _ => "/next",
    };
    let mut pointers = vec![String::new()];
    for level in 1..levels {
        let above = &pointers[level - 1];
        pointers.push(format!("{above}{}", step(level - 1)));
    }
    let mut value: Option<Value> = None;
    for level in (0..levels).rev() {
        let label = if level == bad_label {
            "far too long".to_string()
        } else {
            format!("l{level}")
        };
        let depth = if level == bad_depth { level + 1 } else { level };
        let mut object = json!({"depth": depth, "label": label});
        if let Some(next) = value.take() {
            match level % 4 {
                0 | 3 => object["children"] = json!([next]),
                1 => object["children"] = json!({"only": next}),
                _ => object["next"] = next,
            }
        }
        value = Some(object);
    }
    (value.expect("at least one level"), pointers)
}

#[test]
fn chains_through_containers_are_checked_below_the_typed_levels() {
    // Items, map values and unlisted properties past the typed levels are JSON checked
    // against their schema, with the same pointers and keywords at every depth.
    let (valid, _) = container_chain(70, 99, 99);
    assert_eq!(violations!(deep_containers::Level0, valid), vec![]);
    let (payload, at) = container_chain(70, 3, 50);
    assert_eq!(
        violations!(deep_containers::Level0, payload),
        vec![
            (format!("{}/label", at[3]), Keyword::MaxLength),
            (format!("{}/depth", at[50]), Keyword::Const),
        ]
    );
    let (payload, at) = container_chain(70, 69, 27);
    assert_eq!(
        violations!(deep_containers::Level0, payload),
        vec![
            (format!("{}/depth", at[27]), Keyword::Const),
            (format!("{}/label", at[69]), Keyword::MaxLength),
        ]
    );
    // A wrong type past the cut is a shape error of the JSON held there.
    let (mut payload, at) = container_chain(60, 99, 99);
    *payload.pointer_mut(&at[55]).expect("level 55") = json!("not an object");
    assert_eq!(
        violations!(deep_containers::Level0, payload),
        vec![(at[55].clone(), Keyword::Type)]
    );
}

/// The checks every level of a chain of newtype components makes, 69 levels deep to a
/// string of at most 4 characters: `nest` wraps a value in one level, `step` is the
/// pointer of one level, `wide` is a level with one item or entry too many (failing
/// `too_many`), and `wrong` a level of the wrong type.
fn newtype_chain_checks<T: ValidateJson>(
    nest: impl Fn(Value, usize) -> Value,
    step: &str,
    (wide, too_many): (Value, Keyword),
    wrong: Value,
) {
    let chain = |leaf: Value| (0..69).rev().fold(leaf, &nest);
    let at = |level: usize| step.repeat(level);
    assert_eq!(violations::<T>(chain(json!("leaf"))), vec![]);
    assert_eq!(
        violations::<T>(chain(json!("leaves"))),
        vec![(at(69), Keyword::MaxLength)]
    );
    let mut payload = chain(json!("leaf"));
    *payload.pointer_mut(&at(50)).expect("level 50") = wide;
    assert_eq!(violations::<T>(payload), vec![(at(50), too_many)]);
    let mut payload = chain(json!("leaf"));
    *payload.pointer_mut(&at(3)).expect("level 3") = wrong;
    assert_eq!(violations::<T>(payload), vec![(at(3), Keyword::Type)]);
}

#[test]
fn chains_of_newtypes_are_checked_below_the_typed_levels() {
    // `Grid0` to `Grid68` are each a nullable array (at most 2 items) of the next,
    // `Grid69` a string of at most 4 characters: with no field between them, the
    // newtypes further down hold their items as JSON.
    newtype_chain_checks::<deep_containers::Grid0>(
        // A null item where the next level is a nullable array.
        |value, level| {
            if level < 68 {
                json!([value, null])
            } else {
                json!([value])
            }
        },
        "/0",
        (json!([[], null, null]), Keyword::MaxItems),
        json!({}),
    );
}

#[test]
fn chains_of_map_newtypes_are_checked_below_the_typed_levels() {
    // `Atlas0` to `Atlas68` are each a map (at most 2 entries) of the next, `Atlas69` a
    // string of at most 4 characters: newtypes around maps.
    newtype_chain_checks::<deep_containers::Atlas0>(
        |value, _| json!({ "a": value }),
        "/a",
        (json!({"a": {}, "b": {}, "c": {}}), Keyword::MaxProperties),
        json!([]),
    );
}

#[test]
fn boxed_values_are_read_and_checked_like_the_others() {
    // Each level holds the next in `a`, `b` or the union `either`, in turn: the deeper
    // levels are boxed, the payload reads and fails the same at every depth. (The types hold
    // no text to lend: they have no zero-copy twins.)
    let key = |level: usize| ["a", "b", "either"][level % 3];
    let mut payload = json!({"depth": 29});
    let mut pointer = String::new();
    for level in (0..29).rev() {
        payload = json!({"depth": level, key(level): payload});
    }
    for level in 0..29 {
        pointer.push('/');
        pointer.push_str(key(level));
    }
    assert_eq!(violations::<fan_out::Level0>(payload.clone()), vec![]);
    // Above the first union, the wrong value itself is reported.
    let mut shallow = payload.clone();
    *shallow.pointer_mut("/a/b/depth").expect("level 2") = json!(3);
    assert_eq!(
        violations::<fan_out::Level0>(shallow),
        vec![("/a/b/depth".to_string(), Keyword::Const)]
    );
    // Below it, the union has no alternative left: `oneOf` fails at the first one.
    *payload
        .pointer_mut(&format!("{pointer}/depth"))
        .expect("level 29") = json!(30);
    assert_eq!(
        violations::<fan_out::Level0>(payload),
        vec![("/a/b/either".to_string(), Keyword::OneOf)]
    );
}

/// Requires `T: Send + Sync`, and the unwind-safety traits rustdoc works out for every
/// type it documents: rustc decides each by walking every type `T` holds, and gives up
/// on chains deeper than its recursion limit.
fn movable_between_threads<
    T: Send + Sync + Unpin + std::panic::UnwindSafe + std::panic::RefUnwindSafe,
>() {
}

/// [`movable_between_threads`] for each of the named types of a module.
macro_rules! every_level {
    ($module:ident: $($ty:ident)*) => {
        $(movable_between_threads::<$module::$ty>();)*
    };
}

#[test]
fn deep_types_can_move_between_threads() {
    movable_between_threads::<deep_chain::Level0>();
    movable_between_threads::<deep_chain::borrowed::Level0<'static>>();
    movable_between_threads::<fixture_tests::deep_nullable::Level0>();
    movable_between_threads::<deep_containers::Level0>();
    movable_between_threads::<deep_containers::borrowed::Level0<'static>>();
    // Every level of the newtype chains: rustc walks from each type down to the next
    // level held as JSON, so the longest typed run starts just below a cut.
    every_level!(deep_containers:
        Atlas0 Atlas1 Atlas2 Atlas3 Atlas4 Atlas5 Atlas6 Atlas7 Atlas8 Atlas9 Atlas10
        Atlas11 Atlas12 Atlas13 Atlas14 Atlas15 Atlas16 Atlas17 Atlas18 Atlas19 Atlas20
        Atlas21 Atlas22 Atlas23 Atlas24 Atlas25 Atlas26 Atlas27 Atlas28 Atlas29 Atlas30
        Atlas31 Atlas32 Atlas33 Atlas34 Atlas35 Atlas36 Atlas37 Atlas38 Atlas39 Atlas40
        Atlas41 Atlas42 Atlas43 Atlas44 Atlas45 Atlas46 Atlas47 Atlas48 Atlas49 Atlas50
        Atlas51 Atlas52 Atlas53 Atlas54 Atlas55 Atlas56 Atlas57 Atlas58 Atlas59 Atlas60
        Atlas61 Atlas62 Atlas63 Atlas64 Atlas65 Atlas66 Atlas67 Atlas68 Atlas69
    );
    every_level!(deep_containers:
        Grid0 Grid1 Grid2 Grid3 Grid4 Grid5 Grid6 Grid7 Grid8 Grid9 Grid10 Grid11 Grid12
        Grid13 Grid14 Grid15 Grid16 Grid17 Grid18 Grid19 Grid20 Grid21 Grid22 Grid23 Grid24
        Grid25 Grid26 Grid27 Grid28 Grid29 Grid30 Grid31 Grid32 Grid33 Grid34 Grid35 Grid36
        Grid37 Grid38 Grid39 Grid40 Grid41 Grid42 Grid43 Grid44 Grid45 Grid46 Grid47 Grid48
        Grid49 Grid50 Grid51 Grid52 Grid53 Grid54 Grid55 Grid56 Grid57 Grid58 Grid59 Grid60
        Grid61 Grid62 Grid63 Grid64 Grid65 Grid66 Grid67 Grid68 Grid69
    );
    movable_between_threads::<fan_out::Level0>();
}

#[test]
fn integers_written_with_a_fraction_are_integers_in_newtypes_and_unions() {
    // JSON Schema counts 2.0 as an integer: a nullable component integer and a union's
    // integer alternative read it, and check its bounds.
    assert_eq!(violations::<numbers::MaybeFew>(json!(2.0)), []);
    assert_eq!(violations::<numbers::MaybeFew>(json!(null)), []);
    assert_eq!(
        violations::<numbers::MaybeFew>(json!(8.0)),
        one("", Keyword::Maximum)
    );
    assert_eq!(
        violations::<numbers::MaybeFew>(json!(2.5)),
        one("", Keyword::Type)
    );
    assert_eq!(violations::<numbers::FewList>(json!([2.0, -2, 4.0])), []);
    assert_eq!(
        violations::<numbers::FewList>(json!([1, 5.0])),
        one("/1", Keyword::Maximum)
    );
    assert_eq!(violations::<numbers::FewOrFlag>(json!(2.0)), []);
    assert_eq!(violations::<numbers::FewOrFlag>(json!(true)), []);
    assert_eq!(
        violations::<numbers::FewOrFlag>(json!(9.0)),
        one("", Keyword::OneOf)
    );
}

#[test]
fn keywords_beside_a_nullable_type_apply_to_null() {
    assert_eq!(violations::<composition::NeverNull>(json!("text")), []);
    assert_eq!(
        violations::<composition::NeverNull>(json!(null)),
        one("", Keyword::Not)
    );
}

#[test]
fn bounds_that_admit_nothing_are_checked_not_refused() {
    // Valid JSON Schema that no value satisfies: the generated code compiles, and every
    // value fails with the keywords the interpreter names.
    assert_eq!(
        violations::<composition::NoArray>(json!([1])),
        one("", Keyword::MinItems)
    );
    assert_eq!(
        violations::<composition::NoArray>(json!([1, 2])),
        one("", Keyword::MaxItems)
    );
    assert_eq!(
        violations::<composition::NoText>(json!("ab")),
        one("", Keyword::MinLength)
    );
    assert_eq!(
        violations::<composition::NoNumber>(json!(5)),
        one("", Keyword::ExclusiveMinimum)
    );
    assert_eq!(
        violations::<composition::NoNumber>(json!(6)),
        one("", Keyword::Maximum)
    );
}

#[test]
fn keywords_beside_a_nullable_object_apply_to_null() {
    assert_eq!(
        violations::<composition::NeverNullRecord>(json!({"name": "a"})),
        []
    );
    assert_eq!(
        violations::<composition::NeverNullRecord>(json!(null)),
        one("", Keyword::Not)
    );
    assert_eq!(
        violations::<composition::NeverNullRecord>(json!({"name": 1})),
        one("/name", Keyword::Type)
    );
    let inline = json!({"record": null});
    assert_eq!(
        violations!(composition::Narrowed, inline),
        one("/record", Keyword::Not)
    );
}

#[test]
fn all_of_parts_the_merge_leaves_aside_are_checked() {
    // On a nullable object: for objects and for `null`.
    assert_eq!(violations::<composition::NamelessRecord>(json!({})), []);
    assert_eq!(
        violations::<composition::NamelessRecord>(json!(null)),
        one("", Keyword::Not)
    );
    assert_eq!(
        violations::<composition::NamelessRecord>(json!({"name": "a"})),
        one("", Keyword::Not)
    );
    assert_eq!(
        violations!(composition::Narrowed, json!({"nameless": {"name": "a"}})),
        one("/nameless", Keyword::Not)
    );
    // On an enum: the values the other parts refuse are not values of the type.
    assert_eq!(violations::<composition::NarrowedCode>(json!("ab")), []);
    assert_eq!(
        violations::<composition::NarrowedCode>(json!("1.5")),
        one("", Keyword::OneOf)
    );
    assert_eq!(composition::NarrowedCode::ALL.len(), 1);
    assert_eq!(violations!(composition::Narrowed, json!({"code": "y"})), []);
    assert_eq!(
        violations!(composition::Narrowed, json!({"code": "x"})),
        one("/code", Keyword::Not)
    );
    // On a value no merged keyword checks.
    assert_eq!(
        violations!(composition::Narrowed, json!({"short": "abc"})),
        []
    );
    assert_eq!(
        violations!(composition::Narrowed, json!({"short": "xyz"})),
        one("/short", Keyword::OneOf)
    );
    assert_eq!(
        violations!(composition::Narrowed, json!({"short": 1})),
        one("/short", Keyword::OneOf)
    );
}
