//! Parse and check together, on inputs written inline: which mistakes are reported, and
//! what the model says for inputs without any.

use syn::DeriveInput;

use crate::ast;
use crate::ctxt::Ctxt;
use crate::model::{Body, Flatten, Model, NullReading};

/// Parse and check `input`: its model, or the messages of every error.
fn model(input: &DeriveInput) -> Result<Model, Vec<String>> {
    let cx = Ctxt::new();
    let model = ast::Container::from_ast(&cx, input).map(|c| super::check(&cx, &c));
    match cx.check() {
        Ok(()) => Ok(model.expect("no error, so not a union")),
        Err(error) => Err(error.into_iter().map(|e| e.to_string()).collect()),
    }
}

fn errors(input: proc_macro2::TokenStream) -> Vec<String> {
    let input: DeriveInput = syn::parse2(input).unwrap();
    model(&input).err().unwrap_or_default()
}

#[test]
fn accepts_every_attribute() {
    let found = errors(quote::quote! {
        #[validate(crate = "::asyncapi_runtime")]
        struct S {
            #[validate(pattern = "^a$", min_length = 1, max_length = 2)]
            #[validate(format = "byte")]
            a: String,
            #[validate(minimum = -1, maximum = 2.5, exclusive_minimum = -2)]
            #[validate(exclusive_maximum = 3, multiple_of = 0.5)]
            b: f64,
            #[validate(min_items = 0, max_items = 3, unique_items, items(max_length = 3, items(minimum = 0)))]
            c: Vec<Vec<u8>>,
            #[validate(min_properties = 1, max_properties = 1)]
            d: std::collections::BTreeMap<String, String>,
            #[validate(skip)]
            e: String,
            #[validate(format = "date-time", unique_items = false)]
            f: String,
        }
    });
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn reports_every_mistake() {
    let found = errors(quote::quote! {
        struct S {
            #[validate(max_len = 3, max_length = "3", min_length = -1)]
            a: String,
            #[validate(min_length = 5, max_length = 3, max_length = 4)]
            b: String,
            #[validate(multiple_of = 0, minimum = 2, maximum = 1.5)]
            c: f64,
            #[validate(pattern = "(?=a", skip)]
            d: String,
            // Lookaround is valid ECMA-262: accepted.
            #[validate(pattern = "(?<!a)b(?=c)")]
            e: String,
        }
    });
    let expected = [
        "unknown #[validate] attribute `max_len` on a field",
        "`max_length` expects a non-negative integer literal",
        "`min_length` cannot be negative",
        "duplicate `max_length`",
        "`min_length = 5` is greater than `max_length = 3`",
        "`multiple_of` must be greater than 0, not 0",
        "`minimum = 2` is greater than `maximum = 1.5`",
        "`skip` turns off validation",
        "invalid pattern `(?=a`: invalid ECMA-262 syntax at offset 0: unterminated group",
    ];
    for want in expected {
        assert!(
            found.iter().any(|e| e.starts_with(want)),
            "missing {want:?} in {found:#?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
}

#[test]
fn attribute_mistakes_come_before_inconsistencies() {
    // Parsing reads every attribute before checking begins.
    let found = errors(quote::quote! {
        struct S {
            #[validate(min_length = 5, max_length = 3)]
            a: String,
            #[validate(max_len = 1)]
            b: String,
        }
    });
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("unknown #[validate] attribute `max_len`"));
    assert!(found[1].starts_with("`min_length = 5` is greater than `max_length = 3`"));
}

#[test]
fn flattened_maps_take_values_only() {
    let found = errors(quote::quote! {
        struct S {
            #[serde(flatten)]
            #[validate(values(max_length = 3, values(minimum = 0)))]
            a: std::collections::BTreeMap<String, String>,
        }
    });
    assert!(found.is_empty(), "{found:?}");
    let found = errors(quote::quote! {
        struct S {
            #[serde(flatten)]
            #[validate(max_properties = 3, values(max_length = 3))]
            a: std::collections::BTreeMap<String, String>,
            #[serde(flatten)]
            #[validate(values(max_length = 3))]
            b: Inner,
            #[validate(values(skip))]
            c: std::collections::BTreeMap<String, String>,
        }
    });
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].starts_with("only `values(...)` applies"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("constraints on a #[serde(flatten)]"),
        "{found:?}"
    );
    assert!(
        found[2].contains("not inside `items(...)` or `values(...)`"),
        "{found:?}"
    );
}

#[test]
fn container_mistakes() {
    let found = errors(quote::quote! {
        #[validate(one_of, crate = "not a path")]
        struct S;
    });
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].contains("`crate = \"not a path\"` is not a path"),
        "{found:?}"
    );
    assert!(found[1].contains("untagged"), "{found:?}");

    let found = errors(quote::quote! {
        enum E {
            #[validate(skip)]
            A,
            B(#[validate(max_length = 1)] String),
        }
    });
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("unit variant"), "{found:?}");

    let found = errors(quote::quote! { union U { a: u32 } });
    assert!(found[0].contains("unions"), "{found:?}");
}

#[test]
fn wire_names_follow_serde() {
    let input: DeriveInput = syn::parse_quote! {
        #[serde(rename_all = "PascalCase", deny_unknown_fields)]
        struct S {
            partition_key: String,
            #[serde(rename = "x-y", alias = "xy")]
            r#type: Option<String>,
            #[serde(rename(serialize = "a", deserialize = "b"))]
            c: String,
            r#loop: String,
            #[serde(default)]
            d: String,
            #[serde(default, deserialize_with = "nn")]
            e: Option<String>,
            #[serde(deserialize_with = "nn")]
            f: Option<String>,
            #[serde(skip)]
            g: String,
            #[serde(flatten)]
            h: std::collections::BTreeMap<String, u32>,
        }
    };
    let model = model(&input).unwrap_or_else(|e| panic!("{e:?}"));
    let Body::Struct(body) = &model.body else {
        panic!()
    };
    assert!(body.deny_unknown_fields);
    let summary: Vec<_> = body
        .shape
        .fields
        .iter()
        .map(|f| {
            (
                f.wire.as_str(),
                f.required,
                f.null == NullReading::NoneUnlessFromJson,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("PartitionKey", true, false),
            ("x-y", false, true),
            ("b", true, false),
            ("Loop", true, false),
            ("D", false, false),
            ("E", false, false),
            ("F", true, false),
            ("G", false, false),
            ("H", false, false),
        ]
    );
    assert_eq!(body.shape.fields[1].aliases, ["xy"]);
    assert!(matches!(
        body.shape.fields[8].flatten,
        Some(Flatten::Map { .. })
    ));
}

#[test]
fn compiles_patterns_once() {
    let input: DeriveInput = syn::parse_quote! {
        struct S {
            #[validate(pattern = "\\d")]
            a: String,
            #[validate(items(pattern = "\\d"))]
            b: Vec<String>,
            #[validate(pattern = "x")]
            c: String,
        }
    };
    let model = model(&input).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(model.patterns.len(), 2);
    assert_eq!(model.patterns[0].source, "\\d");
    let re = ecma262_regex::Pattern::new(&model.patterns[0].source).unwrap();
    assert!(re.is_match("x1y"));
    assert!(!re.is_match("\u{663}"));
    let default: syn::Path = syn::parse_quote!(::asyncapi_runtime);
    assert_eq!(model.krate, default);
}
