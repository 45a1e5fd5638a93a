//! [`Context`]: what every part of emission needs.

use std::cell::RefCell;
use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::error::Error;

/// The runtime's path, and the runtime items used (imported once at the top).
pub struct Context {
    /// The runtime's path as tokens (`::asyncapi_runtime`).
    pub rt: TokenStream,
    /// The runtime's path as text, for attributes that take a path in a string.
    pub rt_text: String,
    used: RefCell<BTreeSet<&'static str>>,
}

/// Runtime items generated code may import by name.
const IMPORTABLE: &[&str] = &[
    "Base64Data",
    "FromJson",
    "Integer",
    "LazySchema",
    "Map",
    "MessageGroup",
    "MessageInfo",
    "MessageSet",
    "Null",
    "Nullable",
    "Number",
    "OperationInfo",
    "OperationSet",
    "Validate",
    "ValidateJson",
    "Value",
];

impl Context {
    /// A context for code reaching its runtime at `runtime`.
    pub fn new(runtime: &str) -> Result<Context, Error> {
        let path: syn::Path = syn::parse_str(runtime)
            .map_err(|e| Error::Emit(format!("runtime path {runtime:?}: {e}")))?;
        Ok(Context {
            rt: quote!(#path),
            rt_text: runtime.to_string(),
            used: RefCell::new(BTreeSet::new()),
        })
    }

    /// A runtime item by its name, imported at the top (`Number`, `Value`, ...).
    pub fn item(&self, name: &'static str) -> TokenStream {
        debug_assert!(IMPORTABLE.contains(&name), "{name} is not importable");
        self.used.borrow_mut().insert(name);
        let ident = format_ident!("{}", name);
        quote!(#ident)
    }

    /// serde's `Serialize` (always imported: every type derives it).
    pub fn serialize(&self) -> TokenStream {
        self.used.borrow_mut().insert("Serialize");
        quote!(Serialize)
    }

    /// serde's `Deserialize`, for string enums.
    pub fn deserialize(&self) -> TokenStream {
        self.used.borrow_mut().insert("Deserialize");
        quote!(Deserialize)
    }

    /// `#[serde(crate = ...)]`, which every serde derive here needs.
    pub fn serde_crate(&self) -> String {
        format!("{}::__private::serde", self.rt_text)
    }

    /// `#[validate(crate = ...)]` when the runtime is not at its default path.
    pub fn validate_crate(&self) -> TokenStream {
        if self.rt_text == "::asyncapi_runtime" {
            return quote!();
        }
        let path = &self.rt_text;
        quote!(#[validate(crate = #path)])
    }

    /// A path inside the runtime's `__private` module, as text (for `deserialize_with`).
    pub fn private_path(&self, suffix: &str) -> String {
        format!("{}::__private::{suffix}", self.rt_text)
    }

    /// The `use` items for what was used.
    pub fn imports(&self) -> TokenStream {
        let rt = &self.rt;
        let used = self.used.borrow();
        let serde: Vec<_> = ["Deserialize", "Serialize"]
            .iter()
            .filter(|n| used.contains(*n))
            .map(|n| format_ident!("{}", n))
            .collect();
        let runtime: Vec<_> = used
            .iter()
            .filter(|n| IMPORTABLE.contains(n))
            .map(|n| format_ident!("{}", n))
            .collect();
        let serde = (!serde.is_empty()).then(|| quote!(use #rt::__private::serde::{#(#serde),*};));
        let runtime = (!runtime.is_empty()).then(|| quote!(use #rt::{#(#runtime),*};));
        quote!(#serde #runtime)
    }
}

/// A `usize` literal without suffix (`3`, not `3usize`).
pub fn number(n: usize) -> proc_macro2::Literal {
    proc_macro2::Literal::usize_unsuffixed(n)
}

/// An identifier from a model name (`r#type` becomes a raw identifier).
pub fn ident(name: &str) -> syn::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => syn::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => format_ident!("{}", name),
    }
}
