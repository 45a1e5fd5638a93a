//! The fields of a struct or variant as serde reads them: wire names, required
//! properties, flattened fields; and whether their constraints and `required` sit where
//! they mean something.

use syn::ext::IdentExt;
use syn::{GenericArgument, PathArguments, Type};

use super::constraints;
use super::pattern::Patterns;
use crate::ast::{self, Style};
use crate::attr::RenameRule;
use crate::ctxt::Ctxt;
use crate::model::{CheckKind, DeserializeWith, Field, Flatten, NullReading, Shape, ShapeKind};
use crate::symbol::*;

/// What the enclosing type says about its fields.
#[derive(Clone, Copy)]
pub struct FieldCtx {
    /// How field names become wire names, unless a field is renamed.
    pub rename: Option<RenameRule>,
    /// `#[serde(default)]` on the type: no field is required.
    pub container_default: bool,
    /// `#[serde(transparent)]`.
    pub transparent: bool,
}

/// The shape of `fields`, written in `style`, with every field checked.
pub fn shape(
    cx: &Ctxt,
    style: Style,
    fields: &[ast::Field],
    ctx: FieldCtx,
    patterns: &mut Patterns,
) -> Shape {
    let mut out = Vec::new();
    // Tuple positions count the fields serde reads.
    let mut position = 0;
    for field in fields {
        let serde = &field.attrs.serde;
        let wire = wire_name(field, ctx.rename).unwrap_or_else(|| position.to_string());
        if !serde.skip_deserializing {
            position += 1;
        }
        out.push(self::field(cx, field, wire, ctx, patterns));
    }
    let kind = match style {
        Style::Unit => ShapeKind::Unit,
        Style::Newtype => ShapeKind::Newtype { field: 0 },
        Style::Tuple | Style::Named if ctx.transparent => {
            match out.iter().position(|f| !f.serde_skip) {
                Some(field) => ShapeKind::Newtype { field },
                // serde rejects this; say nothing more.
                None if style == Style::Tuple => ShapeKind::Tuple,
                None => ShapeKind::Named,
            }
        }
        Style::Tuple => ShapeKind::Tuple,
        Style::Named => ShapeKind::Named,
    };
    if kind != ShapeKind::Named {
        // A value that is the field itself is read by the field's type: serde's
        // `Option` reads `null` as `None`, whichever derive the container has.
        for field in &mut out {
            if field.null == NullReading::NoneUnlessFromJson {
                field.null = NullReading::None;
            }
        }
    }
    Shape { kind, fields: out }
}

/// The name serde reads a named field from: its `rename`, else `rule` applied to its
/// name without `r#`. `None` for a positional field.
pub fn wire_name(field: &ast::Field, rule: Option<RenameRule>) -> Option<String> {
    let name = field.original.ident.as_ref()?.unraw().to_string();
    Some(match (&field.attrs.serde.rename, rule) {
        (Some(rename), _) => rename.clone(),
        (None, Some(rule)) => rule.apply_to_field(&name),
        (None, None) => name,
    })
}

/// One field, read from `wire`.
fn field(
    cx: &Ctxt,
    field: &ast::Field,
    wire: String,
    ctx: FieldCtx,
    patterns: &mut Patterns,
) -> Field {
    let attrs = &field.attrs;
    let serde = &attrs.serde;
    let ty = &field.original.ty;
    let (checks, skip) = constraints::checks(cx, &attrs.constraints, patterns, true);
    if serde.skip_deserializing {
        if let Some(first) = checks.first() {
            cx.error_at(
                first.span,
                "this field is #[serde(skip)]ped: it is not read from JSON, so it is not \
                 validated; remove its #[validate] constraints",
            );
        }
    }
    let flatten = serde.flatten.then(|| flatten_kind(ty));
    // A flattened map's values are the extra properties: `values(...)` applies to each
    // of them; nothing else has a value of its own to check.
    let values_only = matches!(flatten, Some(Flatten::Map { .. }));
    if flatten.is_some() {
        let misplaced = checks
            .iter()
            .find(|check| !(values_only && matches!(check.kind, CheckKind::Values(_))));
        if let Some(first) = misplaced {
            let message = if values_only {
                format!(
                    "only `{VALUES}(...)` applies to a #[serde(flatten)] map: the constraints \
                     inside it apply to each property the map takes"
                )
            } else {
                "constraints on a #[serde(flatten)] field are not supported: put them on the \
                 fields of the flattened type"
                    .to_owned()
            };
            cx.error_at(first.span, message);
        }
    }
    let deserialize_with = match (&serde.deserialize_with, &serde.with) {
        (Some(path), _) => Some(DeserializeWith::Function(path.clone())),
        (None, Some(module)) => Some(DeserializeWith::Module(module.clone())),
        (None, None) => None,
    };
    // serde reads a missing plain `Option` as `None`; with `deserialize_with` it needs
    // `default` for that.
    let is_option = option_inner(ty).is_some();
    let plain_option = is_option && deserialize_with.is_none();
    if let Some(span) = attrs.required {
        if serde.skip_deserializing || serde.default || serde.flatten {
            cx.error_at(
                span,
                format!(
                    "`{REQUIRED}` contradicts #[serde(default)], #[serde(skip)] and \
                     #[serde(flatten)]: serde accepts the property missing"
                ),
            );
        } else if plain_option {
            cx.error_at(
                span,
                format!(
                    "serde reads a missing plain `Option` as `None`, so `{REQUIRED}` cannot \
                     hold: read the field with #[serde(deserialize_with = \"...\")] (such as \
                     the runtime's `nullable`), which makes serde refuse a missing property"
                ),
            );
        }
    }
    if let Some(schema) = &attrs.extra_schema {
        let reason = if serde.skip_deserializing {
            Some(
                "this field is #[serde(skip)]ped: it is not read from JSON, so it is not validated",
            )
        } else if skip {
            Some("`skip` turns off validation of this field")
        } else if serde.flatten {
            Some(
                "a #[serde(flatten)] field has no value of its own in the JSON: put it on the type",
            )
        } else {
            None
        };
        if let Some(reason) = reason {
            cx.error_at(
                schema.span,
                format!("`{EXTRA_SCHEMA}` cannot apply: {reason}"),
            );
        }
    }
    let required = attrs.required.is_some();
    Field {
        member: field.member.clone(),
        ty: ty.clone(),
        wire,
        aliases: serde.aliases.clone(),
        required: required
            || !(serde.skip_deserializing
                || serde.default
                || ctx.container_default
                || serde.flatten
                || plain_option),
        optional: is_option && !required,
        serde_skip: serde.skip_deserializing,
        flatten,
        skip,
        deserialize_with,
        null: if required && is_option {
            // `required` on an `Option`: present, and `null` is `None`.
            NullReading::None
        } else if plain_option {
            NullReading::NoneUnlessFromJson
        } else {
            NullReading::Value
        },
        checks,
        extra_schema: attrs.extra_schema.clone(),
    }
}

/// `T` when `ty` is syntactically `Option<T>`.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    generic_args(ty, &["Option"]).and_then(|args| match args.as_slice() {
        [inner] => Some(*inner),
        _ => None,
    })
}

/// The type arguments of `ty` when its last path segment is one of `names`.
pub fn generic_args<'a>(ty: &'a Type, names: &[&str]) -> Option<Vec<&'a Type>> {
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

/// What a `#[serde(flatten)]` field of type `ty` takes from the object.
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
        // The runtime's `Map<V>`: keys are property names already.
        if let ([value], true) = (args.as_slice(), last.ident == "Map") {
            if generic_args(value, &["Value"]).is_some() {
                return Flatten::AnyMap;
            }
            return Flatten::Map {
                value: (*value).clone(),
            };
        }
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
