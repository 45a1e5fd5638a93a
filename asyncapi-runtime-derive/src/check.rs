//! From parsed attributes to the checked [`Model`]: every semantic mistake becomes a
//! `syn::Error` at the span of the attribute that made it, and all are reported at once.
//!
//! Checked here: patterns translate from ECMA-262 and compile; each key appears once per
//! field; lower bounds do not exceed upper bounds; `multiple_of` is positive; `skip`
//! stands alone; `#[validate]` appears only where it means something.

use std::collections::BTreeMap;

use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, GenericArgument, Member, PathArguments, Type};

use crate::attr::{self, Errors, RawCheck, RawKind, RenameRule};
use crate::model::{
    Body, Check, CheckKind, DeserializeWith, EnumBody, Field, Flatten, Model, Num, PatternDef,
    Repr, Shape, ShapeKind, StructBody, Variant,
};

/// Builds the checked model of `input`, or every error found in it.
pub fn model(input: &DeriveInput) -> syn::Result<Model> {
    let mut errors = Errors::default();
    let container = attr::container(&input.attrs, &mut errors);
    let mut patterns = Patterns::default();
    let serde = &container.serde;
    let rename_all = rule(serde.rename_all.as_deref());

    let one_of = container.one_of.is_some();
    if let (Some(_), Some(any)) = (container.one_of, container.any_of) {
        errors.push(syn::Error::new(
            any,
            "`one_of` and `any_of` exclude each other: an untagged enum is one or the other",
        ));
    }
    let untagged_enum = matches!(input.data, Data::Enum(_)) && serde.untagged;
    if !untagged_enum {
        for span in container.one_of.iter().chain(&container.any_of) {
            errors.push(syn::Error::new(
                *span,
                "`one_of`/`any_of` apply to `#[serde(untagged)]` enums only",
            ));
        }
    }

    let body = match &input.data {
        Data::Struct(data) => {
            let ctx = FieldCtx {
                rename: rename_all,
                container_default: serde.default,
                transparent: serde.transparent,
            };
            let shape = shape(&data.fields, ctx, &mut patterns, &mut errors);
            let counts = (
                container.min_properties.map(|(n, _)| n),
                container.max_properties.map(|(n, _)| n),
            );
            if let (Some((min, _)), Some((max, span))) =
                (container.min_properties, container.max_properties)
            {
                if min > max {
                    errors.push(syn::Error::new(
                        span,
                        format!(
                            "min_properties {min} is greater than max_properties {max}: no \
                             object can conform"
                        ),
                    ));
                }
            }
            if shape.kind != ShapeKind::Named {
                for (_, span) in container
                    .min_properties
                    .iter()
                    .chain(&container.max_properties)
                {
                    errors.push(syn::Error::new(
                        *span,
                        "`min_properties`/`max_properties` on a type apply to structs with \
                         named fields (JSON objects); put them on the field",
                    ));
                }
            }
            Body::Struct(StructBody {
                shape,
                deny_unknown_fields: serde.deny_unknown_fields,
                property_counts: counts,
            })
        }
        Data::Enum(data) => {
            for (_, span) in container
                .min_properties
                .iter()
                .chain(&container.max_properties)
            {
                errors.push(syn::Error::new(
                    *span,
                    "`min_properties`/`max_properties` on a type apply to structs with named \
                     fields; put them on the variants' fields",
                ));
            }
            let repr = if serde.untagged {
                Repr::Untagged
            } else {
                match (&serde.tag, &serde.content) {
                    (Some(tag), Some(content)) => Repr::Adjacent {
                        tag: tag.clone(),
                        content: content.clone(),
                    },
                    (Some(tag), None) => Repr::Internal { tag: tag.clone() },
                    _ => Repr::External,
                }
            };
            let fields_rule = rule(serde.rename_all_fields.as_deref());
            let mut variants = Vec::new();
            for variant in &data.variants {
                for attr in attr::validate_attrs(&variant.attrs) {
                    let message = if matches!(variant.fields, Fields::Unit) {
                        "#[validate] has nothing to check on a unit variant: its value is fixed"
                    } else {
                        "#[validate] on a variant is not supported: put it on the variant's fields"
                    };
                    errors.push(syn::Error::new_spanned(attr, message));
                }
                let s = attr::variant(&variant.attrs);
                let name = variant.ident.unraw().to_string();
                let wire = match (&s.rename, rename_all) {
                    (Some(rename), _) => rename.clone(),
                    (None, Some(rule)) => rule.apply_to_variant(&name),
                    (None, None) => name,
                };
                let ctx = FieldCtx {
                    rename: rule(s.rename_all.as_deref()).or(fields_rule),
                    container_default: false,
                    transparent: false,
                };
                variants.push(Variant {
                    ident: variant.ident.clone(),
                    wire,
                    aliases: s.aliases,
                    serde_skip: s.skip_deserializing,
                    other: s.other,
                    shape: shape(&variant.fields, ctx, &mut patterns, &mut errors),
                });
            }
            Body::Enum(EnumBody {
                repr,
                variants,
                one_of,
                deny_unknown_fields: serde.deny_unknown_fields,
            })
        }
        Data::Union(data) => {
            errors.push(syn::Error::new(
                data.union_token.span(),
                "#[derive(Validate)] does not support unions: JSON has no such shape",
            ));
            return Err(errors.finish().unwrap_err());
        }
    };
    errors.finish()?;
    Ok(Model {
        ident: input.ident.clone(),
        generics: input.generics.clone(),
        krate: container
            .krate
            .unwrap_or_else(|| syn::parse_quote!(::asyncapi_runtime)),
        patterns: patterns.defs,
        body,
    })
}

fn rule(name: Option<&str>) -> Option<RenameRule> {
    // An unknown rule is serde's error to report.
    name.and_then(RenameRule::from_str)
}

/// Distinct patterns, deduplicated by source.
#[derive(Default)]
struct Patterns {
    defs: Vec<PatternDef>,
    index: BTreeMap<String, usize>,
}

impl Patterns {
    /// Translates and compiles `lit`, or explains why it cannot be.
    fn add(&mut self, lit: &syn::LitStr) -> syn::Result<usize> {
        let source = lit.value();
        if let Some(&index) = self.index.get(&source) {
            return Ok(index);
        }
        let translated = translate(&source).map_err(|reason| {
            // The translator's message names the pattern already (`pattern `..`: ..`).
            let message = if reason.starts_with("pattern `") {
                format!("invalid {reason}")
            } else {
                format!("invalid pattern {source:?}: {reason}")
            };
            syn::Error::new(lit.span(), message)
        })?;
        let index = self.defs.len();
        self.defs.push(PatternDef {
            source: source.clone(),
            translated,
        });
        self.index.insert(source, index);
        Ok(index)
    }
}

/// An ECMA-262 pattern as a `regex` pattern that compiles, or why not.
pub fn translate(source: &str) -> Result<String, String> {
    let translated = ecma262_regex::translate(source).map_err(|error| error.to_string())?;
    match regex::Regex::new(&translated) {
        Ok(_) => Ok(translated),
        Err(regex::Error::CompiledTooBig(limit)) => Err(format!(
            "it compiles to more than the regex size limit ({limit} bytes)"
        )),
        Err(error) => Err(format!(
            "its translation {translated:?} does not compile: {}",
            error.to_string().lines().last().unwrap_or_default().trim()
        )),
    }
}

#[derive(Clone, Copy)]
struct FieldCtx {
    rename: Option<RenameRule>,
    container_default: bool,
    transparent: bool,
}

fn shape(fields: &Fields, ctx: FieldCtx, patterns: &mut Patterns, errors: &mut Errors) -> Shape {
    let mut out = Vec::new();
    let mut position = 0;
    for (index, f) in fields.iter().enumerate() {
        let raw = attr::field(&f.attrs, errors);
        let s = raw.serde;
        let (member, wire) = match &f.ident {
            Some(ident) => {
                let name = ident.unraw().to_string();
                let wire = match (&s.rename, ctx.rename) {
                    (Some(rename), _) => rename.clone(),
                    (None, Some(rule)) => rule.apply_to_field(&name),
                    (None, None) => name,
                };
                (Member::Named(ident.clone()), wire)
            }
            None => {
                // Tuple positions count the fields serde reads.
                let wire = position.to_string();
                (Member::Unnamed(index.into()), wire)
            }
        };
        if !s.skip_deserializing {
            position += 1;
        }
        let (checks, skip) = checks(raw.checks, patterns, errors, true);
        if s.skip_deserializing {
            if let Some(first) = checks.first() {
                errors.push(syn::Error::new(
                    first.span,
                    "this field is #[serde(skip)]ped: it is not read from JSON, so it is not \
                     validated; remove its #[validate] constraints",
                ));
            }
        }
        let flatten = s.flatten.then(|| flatten_kind(&f.ty));
        // A flattened map's values are the extra properties: `values(...)` applies to
        // each of them; nothing else has a value of its own to check.
        let values_only = matches!(flatten, Some(Flatten::Map { .. }));
        if flatten.is_some() {
            let misplaced = checks
                .iter()
                .find(|check| !(values_only && matches!(check.kind, CheckKind::Values(_))));
            if let Some(first) = misplaced {
                let message = if values_only {
                    "only `values(...)` applies to a #[serde(flatten)] map: the constraints \
                     inside it apply to each property the map takes"
                } else {
                    "constraints on a #[serde(flatten)] field are not supported: put them on \
                     the fields of the flattened type"
                };
                errors.push(syn::Error::new(first.span, message));
            }
        }
        let deserialize_with = match (s.deserialize_with, s.with) {
            (Some(path), _) => Some(DeserializeWith::Function(path)),
            (None, Some(module)) => Some(DeserializeWith::Module(module)),
            (None, None) => None,
        };
        // serde reads a missing plain `Option` as `None`; with `deserialize_with` it
        // needs `default` for that.
        let is_option = option_inner(&f.ty).is_some();
        let plain_option = is_option && deserialize_with.is_none();
        if let Some(span) = raw.required {
            if s.skip_deserializing || s.default || s.flatten {
                errors.push(syn::Error::new(
                    span,
                    "`required` contradicts #[serde(default)], #[serde(skip)] and \
                     #[serde(flatten)]: serde accepts the property missing",
                ));
            } else if plain_option {
                errors.push(syn::Error::new(
                    span,
                    "serde reads a missing plain `Option` as `None`, so `required` cannot \
                     hold: read the field with #[serde(deserialize_with = \"...\")] (such as \
                     the runtime's `nullable`), which makes serde refuse a missing property",
                ));
            }
        }
        let required_flag = raw.required.is_some();
        out.push(Field {
            member,
            ty: f.ty.clone(),
            wire,
            aliases: s.aliases,
            required: required_flag
                || !(s.skip_deserializing
                    || s.default
                    || ctx.container_default
                    || s.flatten
                    || plain_option),
            optional: is_option && !required_flag,
            serde_skip: s.skip_deserializing,
            flatten,
            skip,
            deserialize_with,
            // `required` on an `Option`: present, and `null` is `None`.
            null_is_none: plain_option || (required_flag && is_option),
            checks,
        });
    }
    let kind = match fields {
        Fields::Unit => ShapeKind::Unit,
        Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => ShapeKind::Newtype { field: 0 },
        Fields::Unnamed(_) => ShapeKind::Tuple,
        Fields::Named(_) if ctx.transparent => {
            match out.iter().position(|f| !f.serde_skip) {
                Some(field) => ShapeKind::Newtype { field },
                // serde rejects this; say nothing more.
                None => ShapeKind::Named,
            }
        }
        Fields::Named(_) => ShapeKind::Named,
    };
    if ctx.transparent && kind == ShapeKind::Tuple {
        if let Some(field) = out.iter().position(|f| !f.serde_skip) {
            return Shape {
                kind: ShapeKind::Newtype { field },
                fields: out,
            };
        }
    }
    Shape { kind, fields: out }
}

/// `T` when `ty` is syntactically `Option<T>`.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    generic_args(ty, &["Option"]).and_then(|args| match args.as_slice() {
        [inner] => Some(*inner),
        _ => None,
    })
}

/// The type arguments of `ty` when its last path segment is one of `names`.
fn generic_args<'a>(ty: &'a Type, names: &[&str]) -> Option<Vec<&'a Type>> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if !names.iter().any(|n| last.ident == n) {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return Some(Vec::new());
    };
    Some(
        args.args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
    )
}

fn flatten_kind(ty: &Type) -> Flatten {
    let (optional, inner) = match option_inner(ty) {
        Some(inner) => (true, inner),
        None => (false, ty),
    };
    if generic_args(inner, &["Value"]).is_some() {
        return Flatten::AnyMap;
    }
    // Any `M<String, V>` is a map from property names (`BTreeMap`, `HashMap`,
    // `serde_json::Map`, or an alias of one), checked as `V`.
    let Type::Path(path) = inner else {
        return Flatten::Struct {
            optional,
            ty: inner.clone(),
        };
    };
    if let Some(last) = path.path.segments.last() {
        let args = generic_args(inner, &[&last.ident.to_string()]).unwrap_or_default();
        if let [key, value, ..] = args.as_slice() {
            if generic_args(key, &["String"]).is_some() {
                if generic_args(value, &["Value"]).is_some() {
                    return Flatten::AnyMap;
                }
                return Flatten::Map {
                    value: (*value).clone(),
                };
            }
        }
    }
    Flatten::Struct {
        optional,
        ty: inner.clone(),
    }
}

/// Which pairs of keys bound each other: (lower, upper, whether equal bounds are empty).
const BOUND_PAIRS: &[(&str, &str, bool)] = &[
    ("min_length", "max_length", false),
    ("min_items", "max_items", false),
    ("min_properties", "max_properties", false),
    ("minimum", "maximum", false),
    ("minimum", "exclusive_maximum", true),
    ("exclusive_minimum", "maximum", true),
    ("exclusive_minimum", "exclusive_maximum", true),
];

/// Checks and converts one level of constraints; `top` is the field itself (not `items`).
/// Returns the checks and whether the field is `skip`ped.
fn checks(
    raw: Vec<RawCheck>,
    patterns: &mut Patterns,
    errors: &mut Errors,
    top: bool,
) -> (Vec<Check>, bool) {
    let mut seen: BTreeMap<String, &RawCheck> = BTreeMap::new();
    let mut numbers: BTreeMap<String, (Num, &RawCheck)> = BTreeMap::new();
    let mut skip = None;
    for check in &raw {
        let name = check.key.to_string();
        if seen.contains_key(&name) {
            errors.push(syn::Error::new(
                check.key.span(),
                format!("duplicate `{name}`: each constraint may be given once per value"),
            ));
            continue;
        }
        seen.insert(name.clone(), check);
        match &check.kind {
            RawKind::Count(n) => {
                numbers.insert(name, (Num::Int(i128::from(*n)), check));
            }
            RawKind::Number(n) => {
                if name == "multiple_of"
                    && n.partial_cmp(Num::Int(0)) != Some(std::cmp::Ordering::Greater)
                {
                    errors.push(syn::Error::new_spanned(
                        &check.tokens,
                        format!("`multiple_of` must be greater than 0, not {n}"),
                    ));
                }
                numbers.insert(name, (*n, check));
            }
            RawKind::Skip if top => skip = Some(check),
            RawKind::Skip => errors.push(syn::Error::new(
                check.key.span(),
                "`skip` applies to a whole field, not inside `items(...)` or `values(...)`",
            )),
            _ => {}
        }
    }
    for (lower, upper, strict) in BOUND_PAIRS {
        if let (Some((low, low_check)), Some((high, _))) =
            (numbers.get(*lower), numbers.get(*upper))
        {
            let empty = match low.partial_cmp(*high) {
                Some(std::cmp::Ordering::Greater) => true,
                Some(std::cmp::Ordering::Equal) => *strict,
                _ => false,
            };
            if empty {
                errors.push(syn::Error::new_spanned(
                    &low_check.tokens,
                    format!(
                        "`{lower} = {low}` is {} `{upper} = {high}`: no value can satisfy both",
                        if *strict {
                            "not less than"
                        } else {
                            "greater than"
                        }
                    ),
                ));
            }
        }
    }
    if let Some(skip) = skip {
        if raw.len() > 1 {
            errors.push(syn::Error::new(
                skip.key.span(),
                "`skip` turns off validation of this field: it cannot be combined with \
                 constraints",
            ));
        }
    }
    let skipped = skip.is_some();

    let mut out = Vec::new();
    let mut done = std::collections::BTreeSet::new();
    for check in raw {
        let name = check.key.to_string();
        if !done.insert(name.clone()) {
            continue;
        }
        let span = check.key.span();
        let kind = match check.kind {
            RawKind::Pattern(lit) => match patterns.add(&lit) {
                Ok(index) => CheckKind::Pattern(index),
                Err(error) => {
                    errors.push(error);
                    continue;
                }
            },
            RawKind::Format(lit) => match lit.value().as_str() {
                "byte" => CheckKind::FormatByte,
                // Other formats are annotations, as in JSON Schema.
                _ => continue,
            },
            RawKind::Count(n) => match name.as_str() {
                "min_length" => CheckKind::MinLength(n),
                "max_length" => CheckKind::MaxLength(n),
                "min_items" => CheckKind::MinItems(n),
                "max_items" => CheckKind::MaxItems(n),
                "min_properties" => CheckKind::MinProperties(n),
                _ => CheckKind::MaxProperties(n),
            },
            RawKind::Number(n) => match name.as_str() {
                "minimum" => CheckKind::Minimum(n),
                "maximum" => CheckKind::Maximum(n),
                "exclusive_minimum" => CheckKind::ExclusiveMinimum(n),
                "exclusive_maximum" => CheckKind::ExclusiveMaximum(n),
                _ => CheckKind::MultipleOf(n),
            },
            RawKind::UniqueItems(true) => CheckKind::UniqueItems,
            RawKind::UniqueItems(false) => continue,
            RawKind::Items(inner) => {
                let (inner, _) = checks(inner, patterns, errors, false);
                CheckKind::Items(inner)
            }
            RawKind::Values(inner) => {
                let (inner, _) = checks(inner, patterns, errors, false);
                CheckKind::Values(inner)
            }
            RawKind::Skip => continue,
        };
        out.push(Check { span, kind });
    }
    if skipped {
        out.clear();
    }
    (out, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::ToTokens;

    fn errors(input: proc_macro2::TokenStream) -> Vec<String> {
        let input: DeriveInput = syn::parse2(input).unwrap();
        match model(&input) {
            Ok(_) => Vec::new(),
            Err(error) => error.into_iter().map(|e| e.to_string()).collect(),
        }
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
                #[validate(pattern = "(?=a)", skip)]
                d: String,
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
            "invalid pattern `(?=a)`: lookahead",
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
        let model = model(&input).unwrap_or_else(|e| panic!("{e}"));
        let Body::Struct(body) = &model.body else {
            panic!()
        };
        assert!(body.deny_unknown_fields);
        let summary: Vec<_> = body
            .shape
            .fields
            .iter()
            .map(|f| (f.wire.as_str(), f.required, f.null_is_none))
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
    fn translates_patterns_once() {
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
        let model = model(&input).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(model.patterns.len(), 2);
        assert_eq!(model.patterns[0].source, "\\d");
        let re = regex::Regex::new(&model.patterns[0].translated).unwrap();
        assert!(re.is_match("x1y"));
        assert!(!re.is_match("\u{663}"));
        assert_eq!(
            model.krate.to_token_stream().to_string(),
            ":: asyncapi_runtime"
        );
    }
}
