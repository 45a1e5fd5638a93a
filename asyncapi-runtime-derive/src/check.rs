//! Check: from the parsed input to the [`Model`] `emit` needs. Every inconsistency is
//! reported to the [`Ctxt`] at the span of the attribute that made it.
//!
//! Checked here: lower bounds do not exceed upper bounds and `multiple_of` is positive
//! ([`constraints`]); patterns translate from ECMA-262 and compile ([`pattern`]); `skip`
//! stands alone, and constraints, `required`, `one_of`/`any_of`, container
//! `min_properties`/`max_properties` and `#[validate]` itself appear only where they
//! mean something (here, [`constraints`] and [`shape`]). Resolved here too: wire names,
//! which properties are required, what a flattened field takes.

mod constraints;
mod from_json;
mod pattern;
mod shape;
#[cfg(test)]
mod tests;

use crate::ast::{self, Style};
use crate::attr::RenameRule;
use crate::ctxt::Ctxt;
use crate::model::{Body, EnumBody, JsonModel, Model, Repr, ShapeKind, StructBody, Variant};
use crate::symbol::{ANY_OF, JSON_SCHEMA, MAX_PROPERTIES, MIN_PROPERTIES, ONE_OF};

use self::pattern::Patterns;
use self::shape::FieldCtx;

/// Builds the model of `container`, reporting every inconsistency to `cx`. With errors
/// reported, the model may lack what they concern; it is only for emitting without them.
pub fn check(cx: &Ctxt, container: &ast::Container) -> Model {
    let attrs = &container.attrs;
    let serde = &attrs.serde;
    let mut patterns = Patterns::default();

    if let (Some(_), Some(any)) = (attrs.one_of, attrs.any_of) {
        cx.error_at(
            any,
            format!(
                "`{ONE_OF}` and `{ANY_OF}` exclude each other: an untagged enum is one or the \
                 other"
            ),
        );
    }
    let untagged_enum = matches!(container.data, ast::Data::Enum(_)) && serde.untagged;
    if !untagged_enum {
        for span in attrs.one_of.iter().chain(&attrs.any_of) {
            cx.error_at(
                *span,
                format!("`{ONE_OF}`/`{ANY_OF}` apply to `#[serde(untagged)]` enums only"),
            );
        }
    }
    if let Some(schema) = &attrs.json_schema {
        if container.generics.lifetimes().next().is_some() {
            cx.error_at(
                schema.span,
                format!(
                    "`{JSON_SCHEMA}` sets the type's ValidateJson, which a type with a lifetime \
                     parameter does not have (it needs DeserializeOwned)"
                ),
            );
        }
    }
    let property_count_spans = || {
        attrs
            .min_properties
            .iter()
            .chain(&attrs.max_properties)
            .map(|(_, span)| *span)
    };

    let body = match &container.data {
        ast::Data::Struct(style, fields) => {
            let ctx = FieldCtx {
                rename: serde.rename_all,
                container_default: serde.default,
                transparent: serde.transparent,
            };
            let shape = shape::shape(cx, *style, fields, ctx, &mut patterns);
            if let (Some((min, _)), Some((max, span))) =
                (attrs.min_properties, attrs.max_properties)
            {
                if min > max {
                    cx.error_at(
                        span,
                        format!(
                            "{MIN_PROPERTIES} {min} is greater than {MAX_PROPERTIES} {max}: no \
                             object can conform"
                        ),
                    );
                }
            }
            if shape.kind != ShapeKind::Named {
                for span in property_count_spans() {
                    cx.error_at(
                        span,
                        format!(
                            "`{MIN_PROPERTIES}`/`{MAX_PROPERTIES}` on a type apply to structs \
                             with named fields (JSON objects); put them on the field"
                        ),
                    );
                }
            }
            Body::Struct(StructBody {
                shape,
                deny_unknown_fields: serde.deny_unknown_fields,
                property_counts: (
                    attrs.min_properties.map(|(n, _)| n),
                    attrs.max_properties.map(|(n, _)| n),
                ),
            })
        }
        ast::Data::Enum(variants) => {
            for span in property_count_spans() {
                cx.error_at(
                    span,
                    format!(
                        "`{MIN_PROPERTIES}`/`{MAX_PROPERTIES}` on a type apply to structs with \
                         named fields; put them on the variants' fields"
                    ),
                );
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
            let variants = variants
                .iter()
                .map(|v| {
                    variant(
                        cx,
                        v,
                        serde.rename_all,
                        serde.rename_all_fields,
                        &mut patterns,
                    )
                })
                .collect();
            Body::Enum(EnumBody {
                repr,
                variants,
                one_of: attrs.one_of.is_some(),
                deny_unknown_fields: serde.deny_unknown_fields,
            })
        }
    };
    Model {
        ident: container.ident.clone(),
        generics: container.generics.clone(),
        krate: attrs
            .krate
            .clone()
            .unwrap_or_else(|| syn::parse_quote!(::asyncapi_runtime)),
        patterns: patterns.into_defs(),
        json_schema: attrs.json_schema.clone(),
        extra_schema: attrs.extra_schema.clone(),
        body,
    }
}

/// Builds the model `#[derive(FromJson)]` emits from, reporting every shape and serde
/// attribute it cannot read to `cx`.
pub fn check_from_json(cx: &Ctxt, container: &ast::Container) -> JsonModel {
    from_json::check(cx, container)
}

/// One variant: its wire name (from `rename_all` on the enum) and its fields (named by
/// its own `rename_all`, else the enum's `rename_all_fields`).
fn variant(
    cx: &Ctxt,
    variant: &ast::Variant,
    rename_all: Option<RenameRule>,
    rename_all_fields: Option<RenameRule>,
    patterns: &mut Patterns,
) -> Variant {
    for attr in &variant.attrs.validate {
        let message = if variant.style == Style::Unit {
            "#[validate] has nothing to check on a unit variant: its value is fixed"
        } else {
            "#[validate] on a variant is not supported: put it on the variant's fields"
        };
        cx.error_spanned_by(attr, message);
    }
    let serde = &variant.attrs.serde;
    let ident = &variant.original.ident;
    let name = syn::ext::IdentExt::unraw(ident).to_string();
    let wire = match (&serde.rename, rename_all) {
        (Some(rename), _) => rename.clone(),
        (None, Some(rule)) => rule.apply_to_variant(&name),
        (None, None) => name,
    };
    let ctx = FieldCtx {
        rename: serde.rename_all.or(rename_all_fields),
        container_default: false,
        transparent: false,
    };
    Variant {
        ident: ident.clone(),
        wire,
        aliases: serde.aliases.clone(),
        serde_skip: serde.skip_deserializing,
        other: serde.other,
        shape: shape::shape(cx, variant.style, &variant.fields, ctx, patterns),
    }
}
