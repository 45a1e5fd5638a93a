//! The error collector of one expansion.
//!
//! Parsing and checking go on after a mistake, so that one compile shows every mistake
//! in the input rather than the first. Everything that finds one reports it here.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::Span;
use quote::ToTokens;

/// The errors found so far in one derive input.
///
/// Shared by reference (the parsers' closures and the checks all hold one), so the list
/// sits in a `RefCell`. It must be consumed with [`Ctxt::check`]: dropping it unchecked
/// panics, because errors collected and never reported would let a wrong expansion through.
pub struct Ctxt {
    /// `None` once checked: what `Drop` looks at.
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    /// A collector with no errors yet.
    pub fn new() -> Self {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// An error located at `tokens`: from their first token to their last.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        // One non-generic call per message keeps the generic part small.
        self.syn_error(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// An error located at `span`.
    pub fn error_at<M: Display>(&self, span: Span, message: M) {
        self.syn_error(syn::Error::new(span, message));
    }

    /// An error that `syn` made (a malformed attribute), kept as it is.
    pub fn syn_error(&self, error: syn::Error) {
        self.errors
            .borrow_mut()
            .as_mut()
            .expect("errors reported after Ctxt::check")
            .push(error);
    }

    /// Every error, combined into one in the order found, or `Ok` when there were none.
    pub fn check(self) -> syn::Result<()> {
        let errors = self
            .errors
            .borrow_mut()
            .take()
            .expect("Ctxt::check called twice");
        let mut errors = errors.into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            combined.combine(error);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        // While unwinding, the panic under way says more than this one would.
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("Ctxt dropped without check(): its errors would be lost");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_reports_every_error_in_order() {
        let cx = Ctxt::new();
        assert!(Ctxt::new().check().is_ok());
        cx.error_at(Span::call_site(), "first");
        cx.error_spanned_by(quote::quote!(a b), "second");
        let messages: Vec<String> = cx
            .check()
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(messages, ["first", "second"]);
    }

    #[test]
    #[should_panic(expected = "without check()")]
    fn an_unchecked_ctxt_panics() {
        drop(Ctxt::new());
    }
}
