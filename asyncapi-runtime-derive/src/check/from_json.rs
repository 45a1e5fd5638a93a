//! Check for `#[derive(FromJson)]`: which shapes it reads (objects, newtypes, untagged
//! enums of newtype variants), where each field's value comes from, and every serde
//! attribute it cannot follow, reported at the attribute.

use syn::spanned::Spanned;
use syn::Type;

use super::shape::{generic_args, option_inner, wire_name};
use crate::ast::{self, Data, Style};
use crate::attr::{RenameRule, SerdeField};
use crate::ctxt::Ctxt;
use crate::model::{
    DefaultValue, JsonBody, JsonField, JsonModel, JsonVariant, MemberRead, Missing, NewtypeBody,
    ObjectBody, Read, ReadWith, Source, Unknown,
};

/// What the derive reads, said once for the messages that refuse a shape.
const SHAPES: &str = "#[derive(FromJson)] reads structs with named fields (JSON objects), \
                      newtype and #[serde(transparent)] structs, and #[serde(untagged)] enums \
                      of newtype and unit variants";

/// Builds the model of `container`, reporting what `FromJson` cannot read to `cx`.
pub fn check(cx: &Ctxt, container: &ast::Container) -> JsonModel {
    let serde = &container.attrs.serde;
    let ident = container.ident;
    for (key, span) in &serde.unsupported {
        cx.error_at(
            *span,
            format!("#[derive(FromJson)] does not support #[serde({key})]; derive serde's Deserialize instead"),
        );
    }
    for param in container.generics.lifetimes() {
        if param.lifetime.ident == "de" {
            cx.error_spanned_by(
                &param.lifetime,
                "#[derive(FromJson)] names the deserializer's lifetime `'de`: rename this one",
            );
        }
    }
    let container_default = serde.default.then(|| match &serde.default_with {
        Some(path) => DefaultValue::Function(path.clone()),
        None => DefaultValue::Trait,
    });
    let body = match &container.data {
        Data::Struct(style, fields) => {
            if let Some(span) = serde.representation_span {
                cx.error_at(
                    span,
                    "#[serde(tag/content/untagged)] apply to enums; a struct is read as an object",
                );
            }
            match style {
                Style::Named if serde.transparent => {
                    JsonBody::Newtype(newtype(cx, fields, container_default))
                }
                Style::Named => JsonBody::Object(object(
                    cx,
                    fields,
                    serde.rename_all,
                    serde.deny_unknown_fields,
                    container_default,
                )),
                Style::Newtype => JsonBody::Newtype(newtype(cx, fields, container_default)),
                Style::Tuple if serde.transparent => {
                    JsonBody::Newtype(newtype(cx, fields, container_default))
                }
                Style::Tuple => {
                    cx.error_spanned_by(
                        ident,
                        format!("{SHAPES}; a tuple struct (a JSON array) is not one of them"),
                    );
                    JsonBody::Untagged(Vec::new())
                }
                Style::Unit => {
                    cx.error_spanned_by(
                        ident,
                        format!("{SHAPES}; a unit struct is not one of them"),
                    );
                    JsonBody::Untagged(Vec::new())
                }
            }
        }
        Data::Enum(variants) => {
            if !serde.untagged {
                let (representation, advice) = match (&serde.tag, &serde.content) {
                    (Some(_), Some(_)) => ("an adjacently tagged enum", ""),
                    (Some(_), None) => ("an internally tagged enum", ""),
                    _ if variants.iter().all(|v| v.style == Style::Unit) => (
                        "an enum of unit variants (a string from a fixed set)",
                        ": derive serde's Deserialize for it, which reads it exactly",
                    ),
                    _ => ("an externally tagged enum", ""),
                };
                let message = format!("{SHAPES}; {representation} is not one of them{advice}");
                match serde.representation_span {
                    Some(span) => cx.error_at(span, message),
                    None => cx.error_spanned_by(ident, message),
                }
            }
            JsonBody::Untagged(
                variants
                    .iter()
                    .filter(|v| !v.attrs.serde.skip_deserializing)
                    .filter_map(|v| variant(cx, v))
                    .collect(),
            )
        }
    };
    JsonModel {
        ident: ident.clone(),
        generics: container.generics.clone(),
        krate: container
            .attrs
            .krate
            .clone()
            .unwrap_or_else(|| syn::parse_quote!(::asyncapi_runtime)),
        body,
    }
}

/// Refuses field attributes that `FromJson` does not follow.
fn unsupported(cx: &Ctxt, serde: &SerdeField) {
    for (key, span) in &serde.unsupported {
        cx.error_at(
            *span,
            format!("#[derive(FromJson)] does not support #[serde({key})] on a field"),
        );
    }
}

/// How a field's value is read, from `deserialize_with`, `with` and `borrow`.
fn read(serde: &SerdeField, ty: &Type) -> Read {
    Read {
        ty: ty.clone(),
        with: read_with(
            serde.deserialize_with.as_ref(),
            serde.with.as_ref(),
            serde.borrow,
            ty,
        ),
    }
}

fn read_with(
    deserialize_with: Option<&syn::Path>,
    with: Option<&syn::Path>,
    borrow: bool,
    ty: &Type,
) -> ReadWith {
    if let Some(path) = deserialize_with {
        return ReadWith::Function(path.clone());
    }
    if let Some(module) = with {
        let mut path = module.clone();
        path.segments.push(syn::parse_quote!(deserialize));
        return ReadWith::Function(path);
    }
    // serde's derive borrows a `Cow<str>` marked `borrow`; other types borrow (or not)
    // through their own `Deserialize`.
    if borrow && generic_args(ty, &["Cow"]).is_some() {
        return ReadWith::Lend;
    }
    ReadWith::Deserialize
}

/// What a field that is not read, or whose member is missing, takes by its own
/// `default` (or the container's).
fn default_of(serde: &SerdeField, container_default: bool) -> Option<Missing> {
    if serde.default {
        Some(Missing::Default(match &serde.default_with {
            Some(path) => DefaultValue::Function(path.clone()),
            None => DefaultValue::Trait,
        }))
    } else if container_default {
        Some(Missing::ContainerDefault)
    } else {
        None
    }
}

/// A struct read from an object.
fn object(
    cx: &Ctxt,
    fields: &[ast::Field],
    rename: Option<RenameRule>,
    deny_unknown_fields: bool,
    container_default: Option<DefaultValue>,
) -> ObjectBody {
    let mut extras: Option<usize> = None;
    let mut out = Vec::new();
    // Every name read so far, with the field that reads it.
    let mut names: Vec<(String, usize)> = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        let serde = &field.attrs.serde;
        unsupported(cx, serde);
        let ty = &field.original.ty;
        let source = if serde.skip_deserializing {
            Source::Skipped(
                default_of(serde, container_default.is_some())
                    .unwrap_or(Missing::Default(DefaultValue::Trait)),
            )
        } else if serde.flatten {
            let span = serde.flatten_span.unwrap_or_else(|| field.original.span());
            if extras.is_some() {
                cx.error_at(
                    span,
                    "#[derive(FromJson)] takes one #[serde(flatten)] field: the members no \
                     other field names go to it",
                );
            } else if deny_unknown_fields {
                cx.error_at(
                    span,
                    "#[serde(flatten)] takes the members #[serde(deny_unknown_fields)] would \
                     refuse: use one or the other (a flattened Map<Forbidden> refuses them)",
                );
            }
            if serde.deserialize_with.is_some() || serde.with.is_some() || serde.default {
                cx.error_at(
                    span,
                    "a #[serde(flatten)] field is filled member by member: it takes no \
                     deserialize_with, with or default",
                );
            }
            extras.get_or_insert(index);
            Source::Extras
        } else {
            let wire = wire_name(field, rename).unwrap_or_default();
            let mut field_names = vec![wire.clone()];
            field_names.extend(serde.aliases.iter().cloned());
            for name in &field_names {
                if let Some((_, other)) = names.iter().find(|(n, _)| n == name) {
                    let other = fields[*other]
                        .original
                        .ident
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    cx.error_spanned_by(
                        field.original.ident.as_ref(),
                        format!("property {name:?} is already read by field `{other}`"),
                    );
                }
                names.push((name.clone(), index));
            }
            let plain_option = serde.deserialize_with.is_none() && serde.with.is_none();
            let member = match option_inner(ty).filter(|_| plain_option) {
                // Present is `Some(T)`, whatever `T` makes of `null`; absent is `None`.
                Some(inner) => MemberRead {
                    wire,
                    names: field_names,
                    read: read(serde, inner),
                    some: true,
                    missing: match (&serde.default_with, serde.default) {
                        (Some(path), _) => Missing::Default(DefaultValue::Function(path.clone())),
                        (None, true) => Missing::None,
                        (None, false) if container_default.is_some() => Missing::ContainerDefault,
                        (None, false) => Missing::None,
                    },
                },
                // As serde's derive (and the walk of `#[derive(Validate)]`) has it, a
                // field read by a function is required unless it has a default, even an
                // `Option`.
                None => MemberRead {
                    wire,
                    names: field_names,
                    read: read(serde, ty),
                    some: false,
                    missing: default_of(serde, container_default.is_some())
                        .unwrap_or(Missing::Required),
                },
            };
            Source::Member(Box::new(member))
        };
        out.push(JsonField {
            member: field.member.clone(),
            ty: ty.clone(),
            source,
        });
    }
    ObjectBody {
        fields: out,
        unknown: match extras {
            Some(index) => Unknown::Extras(index),
            None if deny_unknown_fields => Unknown::Deny,
            None => Unknown::Skip,
        },
        container_default,
    }
}

/// A struct read as its one field (the others skipped).
fn newtype(
    cx: &Ctxt,
    fields: &[ast::Field],
    container_default: Option<DefaultValue>,
) -> NewtypeBody {
    let mut read_one = false;
    let mut out = Vec::new();
    for field in fields {
        let serde = &field.attrs.serde;
        unsupported(cx, serde);
        let ty = &field.original.ty;
        let source = if serde.skip_deserializing {
            Source::Skipped(
                default_of(serde, container_default.is_some())
                    .unwrap_or(Missing::Default(DefaultValue::Trait)),
            )
        } else {
            if read_one {
                cx.error_spanned_by(
                    field.original,
                    "a #[serde(transparent)] struct reads one field; #[serde(skip)] the others",
                );
            }
            if let Some(span) = serde.flatten_span {
                cx.error_at(
                    span,
                    "the one field of a newtype is the whole value: no flatten",
                );
            }
            read_one = true;
            Source::Member(Box::new(MemberRead {
                wire: String::new(),
                names: Vec::new(),
                read: read(serde, ty),
                some: false,
                missing: Missing::Required,
            }))
        };
        out.push(JsonField {
            member: field.member.clone(),
            ty: ty.clone(),
            source,
        });
    }
    if !read_one {
        match fields.first() {
            Some(field) => cx.error_spanned_by(
                field.original,
                "a newtype or #[serde(transparent)] struct needs one field that is not skipped",
            ),
            None => cx.error_at(
                proc_macro2::Span::call_site(),
                "a #[serde(transparent)] struct needs a field",
            ),
        }
    }
    NewtypeBody {
        fields: out,
        container_default,
    }
}

/// One variant of an untagged enum; `None` (reported) for one `FromJson` cannot read.
fn variant(cx: &Ctxt, variant: &ast::Variant) -> Option<JsonVariant> {
    let serde = &variant.attrs.serde;
    for (key, span) in &serde.unsupported {
        cx.error_at(
            *span,
            format!("#[derive(FromJson)] does not support #[serde({key})] on a variant"),
        );
    }
    let ident = &variant.original.ident;
    match variant.style {
        Style::Unit => Some(JsonVariant {
            ident: ident.clone(),
            read: None,
        }),
        Style::Newtype => {
            let field = &variant.fields[0];
            let field_serde = &field.attrs.serde;
            unsupported(cx, field_serde);
            let ty = &field.original.ty;
            Some(JsonVariant {
                ident: ident.clone(),
                read: Some(Read {
                    ty: ty.clone(),
                    with: read_with(
                        field_serde
                            .deserialize_with
                            .as_ref()
                            .or(serde.deserialize_with.as_ref()),
                        field_serde.with.as_ref().or(serde.with.as_ref()),
                        field_serde.borrow,
                        ty,
                    ),
                }),
            })
        }
        Style::Tuple | Style::Named => {
            cx.error_spanned_by(
                ident,
                format!(
                    "variant `{ident}`: #[derive(FromJson)] reads untagged variants that hold \
                     one value (`{ident}(T)`) or none (`{ident}`, JSON null); put the fields \
                     in a struct and hold that"
                ),
            );
            None
        }
    }
}
