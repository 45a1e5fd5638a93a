//! Parse: the derive input with the attributes of the type, of every variant and of every
//! field read into [`attr`]'s typed structs, ready for `check`.

use syn::spanned::Spanned;
use syn::{DeriveInput, Generics, Ident, Member};

use crate::attr::{self, Derive};
use crate::ctxt::Ctxt;

/// The type being derived for.
pub struct Container<'a> {
    /// Its name.
    pub ident: &'a Ident,
    /// Its generics, as written.
    pub generics: &'a Generics,
    /// Its own attributes.
    pub attrs: attr::Container,
    /// Its fields or variants.
    pub data: Data<'a>,
}

/// A struct's fields or an enum's variants.
pub enum Data<'a> {
    /// A struct: how its fields are written, and the fields.
    Struct(Style, Vec<Field<'a>>),
    /// An enum: its variants.
    Enum(Vec<Variant<'a>>),
}

/// How fields are written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `{ a: A, .. }`.
    Named,
    /// `(A, B, ..)`.
    Tuple,
    /// `(A)`.
    Newtype,
    /// Nothing.
    Unit,
}

/// One variant of an enum.
pub struct Variant<'a> {
    /// As written.
    pub original: &'a syn::Variant,
    /// Its attributes.
    pub attrs: attr::Variant,
    /// How its fields are written.
    pub style: Style,
    /// Its fields.
    pub fields: Vec<Field<'a>>,
}

/// One field of a struct or variant.
pub struct Field<'a> {
    /// As written.
    pub original: &'a syn::Field,
    /// How the value reaches it (`self.a`, `self.0`).
    pub member: Member,
    /// Its attributes.
    pub attrs: attr::Field,
}

impl<'a> Container<'a> {
    /// Reads every attribute of `input` for `#[derive(Validate)]`. `None` for a union
    /// (reported to `cx`): JSON has no such shape.
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        Self::from_ast_for(cx, input, Derive::Validate)
    }

    /// Reads the attributes of `input` that `derive` uses.
    pub fn from_ast_for(cx: &Ctxt, input: &'a DeriveInput, derive: Derive) -> Option<Self> {
        let attrs = match derive {
            Derive::Validate => attr::Container::from_ast(cx, &input.attrs),
            Derive::FromJson => attr::Container::serde_only(&input.attrs),
        };
        let data = match &input.data {
            syn::Data::Struct(data) => {
                let (style, fields) = fields_from_ast(cx, &data.fields, derive);
                Data::Struct(style, fields)
            }
            syn::Data::Enum(data) => Data::Enum(
                data.variants
                    .iter()
                    .map(|variant| {
                        let attrs = attr::Variant::from_ast(&variant.attrs);
                        let (style, fields) = fields_from_ast(cx, &variant.fields, derive);
                        Variant {
                            original: variant,
                            attrs,
                            style,
                            fields,
                        }
                    })
                    .collect(),
            ),
            syn::Data::Union(data) => {
                cx.error_at(
                    data.union_token.span(),
                    format!(
                        "{} does not support unions: JSON has no such shape",
                        derive.name()
                    ),
                );
                return None;
            }
        };
        Some(Container {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            data,
        })
    }
}

/// The style of `fields`, and each field with its attributes read.
fn fields_from_ast<'a>(
    cx: &Ctxt,
    fields: &'a syn::Fields,
    derive: Derive,
) -> (Style, Vec<Field<'a>>) {
    let style = match fields {
        syn::Fields::Named(_) => Style::Named,
        syn::Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => Style::Newtype,
        syn::Fields::Unnamed(_) => Style::Tuple,
        syn::Fields::Unit => Style::Unit,
    };
    let fields = fields
        .iter()
        .enumerate()
        .map(|(index, field)| Field {
            original: field,
            member: match &field.ident {
                Some(ident) => Member::Named(ident.clone()),
                None => Member::Unnamed(index.into()),
            },
            attrs: match derive {
                Derive::Validate => attr::Field::from_ast(cx, &field.attrs),
                Derive::FromJson => attr::Field::serde_only(&field.attrs),
            },
        })
        .collect();
    (style, fields)
}
