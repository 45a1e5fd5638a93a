//! [`Writer`]: the emitted tokens formatted by prettyplease one item at a time, so that
//! emitting holds the tokens and syntax tree of one item, not of the whole file (a
//! document with tens of thousands of schemas emits tens of megabytes of Rust, whose
//! `syn::File` alone took gigabytes).

use proc_macro2::TokenStream;
use quote::quote;

use crate::error::Error;

/// A module emitted item by item: its doc comments, attributes and `pub mod name`,
/// then its items, produced on demand.
pub struct Module<'a> {
    /// Everything before the module's braces.
    pub head: TokenStream,
    /// The items inside, each formatted and dropped before the next is made.
    pub items: Box<dyn Iterator<Item = TokenStream> + 'a>,
}

/// Formatted Rust source, built item by item.
#[derive(Default)]
pub struct Writer {
    out: String,
    /// The indentation and text of the last line written, for [`Writer::line`].
    previous_indent: usize,
    previous_ended: bool,
}

impl Writer {
    /// Appends top-level items (any number, in one token stream).
    pub fn items(&mut self, tokens: TokenStream) -> Result<(), Error> {
        if tokens.is_empty() {
            return Ok(());
        }
        let text = format(tokens)?;
        self.lines(&text);
        Ok(())
    }

    /// Appends top-level items after replacing `from` with `to` in their formatted text
    /// (once): for text prettyplease would lay out badly, such as a long string written
    /// as an indented raw string.
    pub fn items_replacing(
        &mut self,
        tokens: TokenStream,
        from: &str,
        to: &str,
    ) -> Result<(), Error> {
        let text = format(tokens)?.replacen(from, to, 1);
        self.lines(&text);
        Ok(())
    }

    /// Appends a module, formatting its items one at a time at the module's depth.
    pub fn module(&mut self, module: Module<'_>) -> Result<(), Error> {
        let head = module.head;
        // `mod name {}` as prettyplease writes it, doc comments and attributes included.
        let head = format(quote!(#head {}))?;
        let opened = head
            .trim_end()
            .strip_suffix("{}")
            .ok_or_else(|| Error::Emit(format!("a module's head formats as {head:?}")))?;
        let mut open = false;
        for item in module.items {
            if item.is_empty() {
                continue;
            }
            if !open {
                self.lines(&format!("{opened}{{"));
                open = true;
            }
            // Inside a module of its own, so that it is indented (and wrapped) as it is
            // at the module's depth; the wrapper's first and last lines are dropped.
            let text = format(quote!(mod __item { #item }))?;
            let mut lines: Vec<&str> = text.lines().collect();
            if lines.len() < 2 {
                return Err(Error::Emit(format!("an item formats as {text:?}")));
            }
            lines.pop();
            for line in &lines[1..] {
                self.line(line);
            }
        }
        if open {
            self.line("}");
        } else {
            self.lines(&head);
        }
        Ok(())
    }

    /// The source written so far, with `first` (the imports, known only once every
    /// item is written) in front.
    pub fn finish_after(self, first: TokenStream) -> Result<String, Error> {
        let mut head = Writer::default();
        head.items(first)?;
        let mut seam = self.out.lines();
        if let Some(line) = seam.next() {
            head.line(line);
        }
        let rest = self.out.find('\n').map_or("", |end| &self.out[end + 1..]);
        head.out.reserve(rest.len());
        head.out.push_str(rest);
        Ok(head.out)
    }

    fn lines(&mut self, text: &str) {
        for line in text.lines() {
            self.line(line);
        }
    }

    /// Appends one line, after a blank line when it starts an item right after one
    /// ended at the same depth (in modules and impl blocks too), which prettyplease
    /// writes back to back.
    fn line(&mut self, line: &str) {
        const STARTS: &[&str] = &[
            "#[", "///", "pub ", "impl", "fn ", "const ", "static ", "use ", "mod ", "struct ",
            "enum ", "trait ", "type ",
        ];
        let body = line.trim_start();
        let indent = line.len() - body.len();
        let item_start = STARTS.iter().any(|start| body.starts_with(start));
        if item_start && self.previous_ended && indent == self.previous_indent {
            self.out.push('\n');
        }
        self.out.push_str(line);
        self.out.push('\n');
        self.previous_indent = indent;
        self.previous_ended =
            (body == "}" || body == "};" || body.ends_with(';')) && !body.starts_with("#[");
    }
}

/// Tokens as prettyplease formats them in a file of their own.
fn format(tokens: TokenStream) -> Result<String, Error> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| Error::Emit(e.to_string()))?;
    Ok(prettyplease::unparse(&file))
}
