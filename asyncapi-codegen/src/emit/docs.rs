//! Doc comments: whatever text a document holds, rendered so rustdoc shows it as
//! written, wrapped at a readable width.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Docs;

/// Doc lines are wrapped to this many characters (after `/// `).
const WIDTH: usize = 90;

/// `#[doc]` attributes for one paragraph per piece of documentation.
pub fn attrs(docs: &Docs) -> TokenStream {
    let mut paragraphs: Vec<String> = Vec::new();
    if let Some(title) = &docs.title {
        paragraphs.push(format!("**{}**", escape(title.trim())));
    }
    for text in [&docs.summary, &docs.description].into_iter().flatten() {
        paragraphs.push(escape(text.trim()));
    }
    if let Some(constraints) = &docs.constraints {
        paragraphs.push(constraints.clone());
    }
    if !docs.examples.is_empty() {
        let list: Vec<String> = docs.examples.iter().map(|e| code(e)).collect();
        paragraphs.push(format!("Examples: {}.", list.join(", ")));
    }
    if let Some(default) = &docs.default {
        paragraphs.push(format!("Default: {}.", code(default)));
    }
    lines(&paragraphs.join("\n\n"))
}

/// `#[doc = "..."]` for each line of `text` (already escaped), wrapped.
pub fn lines(text: &str) -> TokenStream {
    let mut out = Vec::new();
    for paragraph_line in text.lines() {
        for line in wrap(paragraph_line) {
            let line = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            out.push(quote!(#[doc = #line]));
        }
    }
    quote!(#(#out)*)
}

/// Plain text as doc text: Markdown and HTML characters escaped, line breaks of any
/// kind (CR, CRLF, U+2028) turned into `\n`, control characters made visible.
pub fn escape(text: &str) -> String {
    let text = text
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}'], "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// `text` as inline code, with enough backticks around it that none inside closes it.
pub fn code(text: &str) -> String {
    let text = single_line(text);
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// `text` on one line (line breaks and control characters shown as escapes).
pub fn single_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Splits one line at spaces into pieces of at most [`WIDTH`] characters (a longer
/// word stays whole).
fn wrap(line: &str) -> Vec<String> {
    if line.chars().count() <= WIDTH {
        return vec![line.to_string()];
    }
    let mut out = Vec::new();
    let mut current = String::new();
    for word in line.split(' ') {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    out.push(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_read() {
        assert_eq!(
            escape("a [b] `c` *d* <e>"),
            "a \\[b\\] \\`c\\` \\*d\\* \\<e\\>"
        );
        assert_eq!(
            escape("one\r\ntwo\rthree\u{2028}four"),
            "one\ntwo\nthree\nfour"
        );
        assert_eq!(escape("*/ end"), "\\*/ end");
        assert_eq!(escape("bell\u{7}"), "bell\\u{7}");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`"), "`` ` ``");
        assert_eq!(code("x\ny"), "`x\\u{a}y`");
    }

    #[test]
    fn wraps_long_lines() {
        let long = "word ".repeat(40);
        let wrapped = wrap(long.trim());
        assert!(wrapped.iter().all(|l| l.chars().count() <= WIDTH));
        assert_eq!(wrapped.join(" "), long.trim());
    }
}
