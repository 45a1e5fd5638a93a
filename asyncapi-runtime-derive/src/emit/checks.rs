//! The calls to the runtime's constraint checks, each spanned at its attribute.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::{located_at, pattern_static, Emitter};
use crate::model::{Check, CheckKind, ConditionKind, Num, StructBody};

impl Emitter<'_> {
    /// Calls for `checks` on the value `v` (a `&T`) at the path `p` (a `Path`).
    pub(super) fn checks(
        &self,
        checks: &[Check],
        v: &Ident,
        p: &Ident,
        depth: usize,
    ) -> TokenStream {
        let krate = self.krate();
        let private = quote!(#krate::__private);
        checks
            .iter()
            .map(|check| {
                let span = located_at(check.span);
                // The value carries the attribute's span too: a constraint that does not
                // fit the field's type is reported at the attribute.
                let v = &Ident::new(&v.to_string(), span);
                let call = |name: &str, arg: Option<TokenStream>| {
                    let name = Ident::new(name, span);
                    let arg = arg.map(|a| quote!(#a,));
                    quote_spanned!(span=> #private::#name(#v, #arg &#p, report);)
                };
                let count = |name: &str, n: u64| {
                    let n = Literal::u64_unsuffixed(n);
                    call(name, Some(quote!(#n)))
                };
                let bound = |name: &str, n: &Num| {
                    let n = number(krate, n);
                    call(name, Some(n))
                };
                match &check.kind {
                    CheckKind::Pattern(index) => {
                        let name = pattern_static(*index);
                        quote_spanned!(span=> #private::pattern(#v, &#name, &#p, report);)
                    }
                    CheckKind::MinLength(n) => count("min_length", *n),
                    CheckKind::MaxLength(n) => count("max_length", *n),
                    CheckKind::Minimum(n) => bound("minimum", n),
                    CheckKind::Maximum(n) => bound("maximum", n),
                    CheckKind::ExclusiveMinimum(n) => bound("exclusive_minimum", n),
                    CheckKind::ExclusiveMaximum(n) => bound("exclusive_maximum", n),
                    CheckKind::MultipleOf(n) => bound("multiple_of", n),
                    CheckKind::MinItems(n) => count("min_items", *n),
                    CheckKind::MaxItems(n) => count("max_items", *n),
                    CheckKind::UniqueItems => call("unique_items", None),
                    CheckKind::MinProperties(n) => count("min_properties", *n),
                    CheckKind::MaxProperties(n) => count("max_properties", *n),
                    CheckKind::FormatByte => call("format_byte", None),
                    CheckKind::Items(inner) => {
                        let items = format_ident!("__items{}", depth + 1);
                        let index = format_ident!("__i{}", depth + 1);
                        let vi = format_ident!("__v{}", depth + 1);
                        let pi = format_ident!("__p{}", depth + 1);
                        let inner = self.checks(inner, &vi, &pi, depth + 1);
                        quote_spanned! {span=>
                            if let ::core::option::Option::Some(#items) =
                                #private::MaybeItems::as_items(#v)
                            {
                                for (#index, #vi) in #items.iter().enumerate() {
                                    let #pi = #p.index(#index);
                                    #inner
                                }
                            }
                        }
                    }
                    CheckKind::When {
                        condition,
                        then,
                        otherwise,
                    } => {
                        let tests = condition.iter().map(|c| {
                            let span = located_at(c.span);
                            let v = &Ident::new(&v.to_string(), span);
                            match &c.kind {
                                ConditionKind::MinLength(n) => {
                                    let n = Literal::u64_unsuffixed(*n);
                                    quote_spanned!(span=> #private::satisfies_min_length(#v, #n))
                                }
                                ConditionKind::MaxLength(n) => {
                                    let n = Literal::u64_unsuffixed(*n);
                                    quote_spanned!(span=> #private::satisfies_max_length(#v, #n))
                                }
                                ConditionKind::Pattern(index) => {
                                    let name = pattern_static(*index);
                                    quote_spanned!(span=> #private::satisfies_pattern(#v, &#name))
                                }
                            }
                        });
                        let holds = quote!(#(#tests)&&*);
                        let then = self.checks(then, v, p, depth);
                        let otherwise = self.checks(otherwise, v, p, depth);
                        // No empty branch: generated code stays clippy-clean.
                        match (then.is_empty(), otherwise.is_empty()) {
                            (true, true) => quote!(),
                            (false, true) => quote_spanned!(span=> if #holds { #then }),
                            (true, false) => quote_spanned!(span=> if !(#holds) { #otherwise }),
                            (false, false) => quote_spanned! {span=>
                                if #holds { #then } else { #otherwise }
                            },
                        }
                    }
                    CheckKind::Values(inner) => {
                        let values = format_ident!("__values{}", depth + 1);
                        let key = format_ident!("__k{}", depth + 1);
                        let vi = format_ident!("__v{}", depth + 1);
                        let pi = format_ident!("__p{}", depth + 1);
                        let inner = self.checks(inner, &vi, &pi, depth + 1);
                        quote_spanned! {span=>
                            if let ::core::option::Option::Some(#values) =
                                #private::MaybeMap::map_values(#v)
                            {
                                for (#key, #vi) in #values {
                                    let #pi = #p.key(#key);
                                    #inner
                                }
                            }
                        }
                    }
                }
            })
            .collect()
    }

    /// Container `min_properties`/`max_properties` on `value` (a `&impl MaybeObject`).
    pub(super) fn property_count_checks(
        &self,
        body: &StructBody,
        value: &TokenStream,
    ) -> TokenStream {
        let krate = self.krate();
        let (min, max) = body.property_counts;
        let min = min.map(|n| {
            let n = Literal::usize_unsuffixed(n as usize);
            quote!(#krate::__private::min_properties(#value, #n, path, report);)
        });
        let max = max.map(|n| {
            let n = Literal::usize_unsuffixed(n as usize);
            quote!(#krate::__private::max_properties(#value, #n, path, report);)
        });
        quote!(#min #max)
    }
}

/// A bound as the runtime takes it: `__private::Number::Int(n)` or `::Float(x)` for a
/// literal, the exact `Number` for JSON number text (a constant, so the text is
/// checked once, at compile time).
fn number(krate: &syn::Path, n: &Num) -> TokenStream {
    let private = quote!(#krate::__private);
    match n {
        Num::Int(i) => {
            let abs = Literal::u128_unsuffixed(i.unsigned_abs());
            if *i < 0 {
                quote!(#private::Number::Int(-#abs))
            } else {
                quote!(#private::Number::Int(#abs))
            }
        }
        Num::Float(f) => {
            let abs = Literal::f64_unsuffixed(f.abs());
            if f.is_sign_negative() {
                quote!(#private::Number::Float(-#abs))
            } else {
                quote!(#private::Number::Float(#abs))
            }
        }
        Num::Text(text) => quote! {
            {
                const __BOUND: #krate::Number = #krate::Number::from_static(#text);
                __BOUND
            }
        },
    }
}
