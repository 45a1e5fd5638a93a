//! `ValidateJson::validate_json` for enums, one function per serde representation:
//! external, internal (`tag`), adjacent (`tag` + `content`) and untagged.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::Emitter;
use crate::model::{EnumBody, Repr, ShapeKind, Variant};

impl Emitter<'_> {
    /// Reports that `value` (a `&Value` expression) is none of `names` at `path`:
    /// `const` for a single name, `enum` otherwise.
    fn not_one_of(&self, names: &[&str], value: TokenStream, path: TokenStream) -> TokenStream {
        let krate = self.krate();
        let list = name_list(names.iter().copied());
        let (keyword, template) = match names.len() {
            1 => (quote!(Const), "{} is not {}"),
            0 => (quote!(Enum), "{} is not allowed: the enum has no values{}"),
            _ => (quote!(Enum), "{} is not one of {}"),
        };
        quote! {
            report.push(
                #path,
                #krate::Keyword::#keyword,
                ::std::format!(#template, #krate::__private::describe(#value), #list),
            );
        }
    }

    /// The body of `validate_json` for an enum, by its representation.
    pub(super) fn enum_json(&self, body: &EnumBody) -> TokenStream {
        let variants: Vec<&Variant> = body.variants.iter().filter(|v| !v.serde_skip).collect();
        match &body.repr {
            Repr::External => self.external_json(body, &variants),
            Repr::Internal { tag } => self.internal_json(body, &variants, tag),
            Repr::Adjacent { tag, content } => self.adjacent_json(body, &variants, tag, content),
            Repr::Untagged => self.untagged_json(body, &variants),
        }
    }

    /// The match arms on a tag string (`Option<&str>`): one per variant, then `other`
    /// or the `enum`/`const` violation at `tag_path`.
    fn tag_arms(
        &self,
        variants: &[&Variant],
        tag_value: TokenStream,
        tag_path: TokenStream,
        arm: &dyn Fn(&Variant) -> TokenStream,
    ) -> TokenStream {
        let arms = variants.iter().filter(|v| !v.other).map(|variant| {
            let names = variant.names();
            let body = arm(variant);
            quote!(::core::option::Option::Some(#(#names)|*) => { #body })
        });
        let wires: Vec<&str> = variants
            .iter()
            .filter(|v| !v.other)
            .map(|v| v.wire.as_str())
            .collect();
        let unknown = self.not_one_of(&wires, tag_value, tag_path);
        let other = variants
            .iter()
            .any(|v| v.other)
            .then(|| quote!(::core::option::Option::Some(_) => {}));
        quote! {
            #(#arms)*
            #other
            _ => { #unknown }
        }
    }

    /// The default representation: a unit variant's name, or an object whose one
    /// property is a variant's name and holds its content.
    fn external_json(&self, body: &EnumBody, variants: &[&Variant]) -> TokenStream {
        let krate = self.krate();
        let value_ty = self.value_ty();
        let units: Vec<&Variant> = variants
            .iter()
            .copied()
            .filter(|v| v.shape.kind == ShapeKind::Unit)
            .collect();
        let data: Vec<&Variant> = variants
            .iter()
            .copied()
            .filter(|v| v.shape.kind != ShapeKind::Unit)
            .collect();
        let unit_arms = self.tag_arms(&units, quote!(value), quote!(path), &|_| TokenStream::new());
        if data.is_empty() {
            // What JSON Schema `enum`/`const` becomes: a string from a fixed set.
            return quote! {
                match value.as_str() {
                    #unit_arms
                }
            };
        }
        let all: Vec<&str> = variants.iter().map(|v| v.wire.as_str()).collect();
        let list = name_list(all.iter().copied());
        let content_arms = variants.iter().map(|variant| {
            let names = variant.names();
            let walk = if variant.shape.kind == ShapeKind::Unit {
                quote! {
                    if !__content.is_null() {
                        #krate::__private::type_error(__content, "null", &__base, report);
                    }
                }
            } else {
                self.shape_json(
                    &variant.shape,
                    &format_ident!("__content"),
                    &quote!((&__base)),
                    &[],
                    body.deny_unknown_fields,
                )
            };
            quote!(#(#names)|* => { #walk })
        });
        let string_arm = if units.is_empty() {
            quote!(#value_ty::String(_) => #krate::__private::type_error(value, "object", path, report),)
        } else {
            quote!(#value_ty::String(__s) => match ::core::option::Option::Some(__s.as_str()) { #unit_arms },)
        };
        let expected = if units.is_empty() {
            "object"
        } else {
            "string or object"
        };
        let zero = format!("missing the variant property, one of {list}");
        let many = "properties; a variant is an object with exactly one property, one of";
        quote! {
            match value {
                #string_arm
                #value_ty::Object(__obj) if __obj.len() == 1 => {
                    for (__key, __content) in __obj {
                        let __base: #krate::Path<'_> = path.key(__key);
                        match __key.as_str() {
                            #(#content_arms)*
                            _ => report.push(
                                &__base,
                                #krate::Keyword::AdditionalProperties,
                                ::std::format!("property {:?} is not allowed: expected one of {}", __key, #list),
                            ),
                        }
                    }
                }
                #value_ty::Object(__obj) if __obj.is_empty() => {
                    report.push(path, #krate::Keyword::Required, #zero);
                }
                #value_ty::Object(__obj) => {
                    report.push(
                        path,
                        #krate::Keyword::MaxProperties,
                        ::std::format!("{} {} {}", __obj.len(), #many, #list),
                    );
                }
                _ => #krate::__private::type_error(value, #expected, path, report),
            }
        }
    }

    /// `#[serde(tag = "..")]`: an object whose tag names the variant, the variant's
    /// fields beside it.
    fn internal_json(&self, body: &EnumBody, variants: &[&Variant], tag: &str) -> TokenStream {
        let krate = self.krate();
        let value_ty = self.value_ty();
        let missing = format!("missing required property {tag:?}");
        let arms = self.tag_arms(
            variants,
            quote!(__tag),
            quote!(&path.key(#tag)),
            &|variant| match variant.shape.kind {
                ShapeKind::Unit | ShapeKind::Tuple => TokenStream::new(),
                ShapeKind::Named => self.object_json(
                    &variant.shape,
                    &format_ident!("value"),
                    &format_ident!("__obj"),
                    &quote!(path),
                    &[tag],
                    body.deny_unknown_fields,
                ),
                ShapeKind::Newtype { .. } => {
                    // serde hands the content the object without its tag.
                    let walk = self.shape_json(
                        &variant.shape,
                        &format_ident!("__content"),
                        &quote!(path),
                        &[],
                        false,
                    );
                    quote! {
                        let __rest: #krate::Map = __obj
                            .iter()
                            .filter(|(__key, _)| __key.as_str() != #tag)
                            .map(|(__key, __item)| (__key.clone(), __item.clone()))
                            .collect();
                        let __rest = #value_ty::Object(__rest);
                        let __content = &__rest;
                        #walk
                    }
                }
            },
        );
        quote! {
            match value {
                #value_ty::Object(__obj) => match __obj.get(#tag) {
                    ::core::option::Option::None => {
                        report.push(path, #krate::Keyword::Required, #missing);
                    }
                    ::core::option::Option::Some(__tag) => match __tag.as_str() {
                        #arms
                    },
                },
                _ => #krate::__private::type_error(value, "object", path, report),
            }
        }
    }

    /// `#[serde(tag = "..", content = "..")]`: an object with the tag and the content.
    fn adjacent_json(
        &self,
        body: &EnumBody,
        variants: &[&Variant],
        tag: &str,
        content: &str,
    ) -> TokenStream {
        let krate = self.krate();
        let value_ty = self.value_ty();
        let missing_tag = format!("missing required property {tag:?}");
        let missing_content = format!("missing required property {content:?}");
        let arms = self.tag_arms(
            variants,
            quote!(__tag),
            quote!(&path.key(#tag)),
            &|variant| {
                if variant.shape.kind == ShapeKind::Unit {
                    return quote! {
                        if let ::core::option::Option::Some(__content) = __obj.get(#content) {
                            if !__content.is_null() {
                                #krate::__private::type_error(__content, "null", &path.key(#content), report);
                            }
                        }
                    };
                }
                let walk = self.shape_json(
                    &variant.shape,
                    &format_ident!("__content"),
                    &quote!((&__base)),
                    &[],
                    body.deny_unknown_fields,
                );
                quote! {
                    match __obj.get(#content) {
                        ::core::option::Option::None => {
                            report.push(path, #krate::Keyword::Required, #missing_content);
                        }
                        ::core::option::Option::Some(__content) => {
                            let __base: #krate::Path<'_> = path.key(#content);
                            #walk
                        }
                    }
                }
            },
        );
        let deny = body.deny_unknown_fields.then(|| {
            quote! {
                for __key in __obj.keys() {
                    if !::core::matches!(__key.as_str(), #tag | #content) {
                        let __p: #krate::Path<'_> = path.key(__key);
                        report.push(
                            &__p,
                            #krate::Keyword::AdditionalProperties,
                            ::std::format!("property {:?} is not allowed", __key),
                        );
                    }
                }
            }
        });
        quote! {
            match value {
                #value_ty::Object(__obj) => {
                    match __obj.get(#tag) {
                        ::core::option::Option::None => {
                            report.push(path, #krate::Keyword::Required, #missing_tag);
                        }
                        ::core::option::Option::Some(__tag) => match __tag.as_str() {
                            #arms
                        },
                    }
                    #deny
                }
                _ => #krate::__private::type_error(value, "object", path, report),
            }
        }
    }

    /// `#[serde(untagged)]`: counts the variants `value` matches (`anyOf` stops at the
    /// first, `oneOf` counts them all) and reports none, or more than one for `oneOf`.
    pub(super) fn untagged_json(&self, body: &EnumBody, variants: &[&Variant]) -> TokenStream {
        let krate = self.krate();
        let count = variants.len();
        let none = format!("matches none of the {count} alternatives");
        let keyword = if body.one_of {
            quote!(OneOf)
        } else {
            quote!(AnyOf)
        };
        let alternatives = variants.iter().map(|variant| {
            let walk = self.shape_json(
                &variant.shape,
                &format_ident!("value"),
                &quote!(path),
                &[],
                body.deny_unknown_fields,
            );
            let attempt = quote! {
                let mut __scratch = #krate::Report::new();
                {
                    let report = &mut __scratch;
                    #walk
                }
                if __scratch.is_empty() {
                    __matched += 1;
                }
            };
            if body.one_of {
                quote!({ #attempt })
            } else {
                // anyOf: the first match settles it.
                quote!(if __matched == 0 { #attempt })
            }
        });
        let too_many = body.one_of.then(|| {
            quote! {
                if __matched > 1 {
                    report.push(
                        path,
                        #krate::Keyword::OneOf,
                        ::std::format!("matches {} alternatives, oneOf requires exactly one", __matched),
                    );
                }
            }
        });
        quote! {
            let mut __matched = 0usize;
            #(#alternatives)*
            if __matched == 0 {
                report.push(path, #krate::Keyword::#keyword, #none);
            }
            #too_many
        }
    }
}

/// A string literal listing names as JSON strings: `"A", "B"`.
fn name_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}
