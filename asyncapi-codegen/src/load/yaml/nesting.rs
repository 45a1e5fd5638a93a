//! Refuses flow collections (`[[[...]]]`, `{a: {a: ...}}`) nested deeper than
//! [`MAX_DEPTH`] before the YAML parser sees the text.
//!
//! The parser's scanner does work proportional to the flow depth for every token,
//! and holds back the first token of a flow collection until the whole collection is
//! scanned (it might be a key), so 100,000 nested `[` cost it minutes before the first
//! event could be refused. This pass is linear. It follows the scanner's rules for
//! what it needs: where a token may start, quoted scalars, comments, block scalars and
//! their indentation, multi-line plain scalars (which end at a line indented no more
//! than the innermost block collection), flow plain scalars (which never hold
//! `[]{},`). A bracket it counts that the parser does not read as one (in a text the
//! parser would refuse anyway) only makes it stricter.

use super::super::MAX_DEPTH;
use super::Failure;

/// Refuses flow nesting deeper than [`MAX_DEPTH`], at the bracket that goes too deep.
pub(super) fn check(text: &str) -> Result<(), Failure> {
    let mut scan = Scan {
        b: text.as_bytes(),
        i: 0,
        indents: vec![-1],
        block_scalar: None,
        plain_indent: None,
        col_at: (0, 0),
        line_start: 0,
    };
    scan.run().map_err(|at| {
        let (line, column) = line_column(text, at);
        (
            Some((line, column)),
            format!("nested deeper than {MAX_DEPTH} levels"),
        )
    })
}

/// 1-based line and column (in characters) of byte offset `at`.
pub(super) fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = before[start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
        + 1;
    (line, column)
}

#[derive(PartialEq)]
enum PlainEnd {
    /// At `: `: the scalar was a key.
    Value,
    /// At a comment, which ends it.
    Comment,
    /// At the end of the line: it may go on on the next.
    Line,
}

struct BlockScalar {
    /// The indentation of the collection holding the scalar.
    parent: isize,
    /// The indentation of its content, once known.
    content: Option<usize>,
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    /// The scanner's block indentation levels (`-1`: the top level).
    indents: Vec<isize>,
    block_scalar: Option<BlockScalar>,
    /// In a plain scalar that may go on on the next line: the indentation it needs
    /// to exceed to do so.
    plain_indent: Option<isize>,
    /// A (byte, column) pair on the current line, so columns are counted once.
    col_at: (usize, usize),
    line_start: usize,
}

fn blank(b: Option<u8>) -> bool {
    matches!(b, None | Some(b' ' | b'\t' | b'\r' | b'\n'))
}

fn flow_indicator(b: Option<u8>) -> bool {
    matches!(b, Some(b',' | b'[' | b']' | b'{' | b'}'))
}

impl Scan<'_> {
    fn at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    fn peek(&self) -> Option<u8> {
        self.at(self.i)
    }

    fn top(&self) -> isize {
        self.indents.last().copied().unwrap_or(-1)
    }

    /// The column (0-based, in characters) of the current byte.
    fn col(&mut self) -> usize {
        let (from, col) = if self.col_at.0 >= self.line_start && self.col_at.0 <= self.i {
            self.col_at
        } else {
            (self.line_start, 0)
        };
        let col = col
            + self.b[from..self.i]
                .iter()
                .filter(|&&b| b & 0xC0 != 0x80)
                .count();
        self.col_at = (self.i, col);
        col
    }

    fn roll(&mut self, col: usize) {
        let col = col as isize;
        if self.top() < col {
            self.indents.push(col);
        }
    }

    fn unroll(&mut self, col: isize) {
        while self.top() > col {
            self.indents.pop();
        }
    }

    /// Moves to the start of the next line (past its line break).
    fn next_line(&mut self) {
        while let Some(b) = self.peek() {
            self.i += 1;
            if b == b'\n' {
                break;
            }
        }
        self.line_start = self.i;
    }

    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r')) {
            self.i += 1;
        }
    }

    fn run(&mut self) -> Result<(), usize> {
        while self.i < self.b.len() {
            self.line_start = self.i;
            self.line()?;
        }
        Ok(())
    }

    /// One line in block context (and the flow collections starting on it, which may
    /// end on later lines).
    fn line(&mut self) -> Result<(), usize> {
        let mut indent = 0;
        while self.peek() == Some(b' ') {
            self.i += 1;
            indent += 1;
        }
        let rest_blank = {
            let mut j = self.i;
            while matches!(self.at(j), Some(b' ' | b'\t' | b'\r')) {
                j += 1;
            }
            matches!(self.at(j), None | Some(b'\n'))
        };
        if let Some(scalar) = &mut self.block_scalar {
            if rest_blank {
                self.next_line();
                return Ok(());
            }
            let content = *scalar
                .content
                .get_or_insert(indent.max((scalar.parent + 1).max(0) as usize));
            if indent >= content {
                self.next_line();
                return Ok(());
            }
            self.block_scalar = None;
        }
        if rest_blank {
            self.next_line();
            return Ok(());
        }
        let document_marker = indent == 0
            && (self.b[self.i..].starts_with(b"---") || self.b[self.i..].starts_with(b"..."))
            && blank(self.at(self.i + 3));
        if let Some(plain) = self.plain_indent {
            if !document_marker && self.peek() != Some(b'#') && indent as isize > plain {
                // The plain scalar goes on, up to a comment.
                if self.plain_text(false) == PlainEnd::Comment {
                    self.plain_indent = None;
                }
                self.next_line();
                return Ok(());
            }
            self.plain_indent = None;
        }
        match self.peek() {
            Some(b'#') => {
                self.next_line();
                return Ok(());
            }
            Some(b'%') if indent == 0 => {
                self.next_line();
                return Ok(());
            }
            _ => {}
        }
        if document_marker {
            self.unroll(-1);
            self.i += 3;
        } else {
            self.unroll(indent as isize);
        }
        self.tokens()?;
        self.next_line();
        Ok(())
    }

    /// Skips plain scalar text on this line, up to the line break, a comment or (in a
    /// key position) `: `.
    fn plain_text(&mut self, stop_at_value: bool) -> PlainEnd {
        while let Some(b) = self.peek() {
            match b {
                b'\n' => return PlainEnd::Line,
                b'#' if self.i > 0 && blank(self.at(self.i - 1)) => {
                    self.next_line_keep();
                    return PlainEnd::Comment;
                }
                b':' if stop_at_value && blank(self.at(self.i + 1)) => return PlainEnd::Value,
                _ => self.i += 1,
            }
        }
        PlainEnd::Line
    }

    /// Moves to the line break (not past it).
    fn next_line_keep(&mut self) {
        while let Some(b) = self.peek() {
            if b == b'\n' {
                break;
            }
            self.i += 1;
        }
    }

    /// The tokens of a line in block context, from the current position.
    fn tokens(&mut self) -> Result<(), usize> {
        // Whether a node (or an indicator) may start here.
        let mut node = true;
        loop {
            self.skip_blanks();
            let Some(c) = self.peek() else { return Ok(()) };
            let next = self.at(self.i + 1);
            match c {
                b'\n' => return Ok(()),
                b'#' if self.i == self.line_start || blank(self.at(self.i - 1)) => {
                    self.next_line_keep();
                    return Ok(());
                }
                b'-' | b'?' if node && blank(next) => {
                    let col = self.col();
                    self.roll(col);
                    self.i += 1;
                }
                b':' if blank(next) => {
                    self.i += 1;
                    node = true;
                }
                _ if !node => self.i += 1,
                b'[' | b'{' => {
                    let col = self.col();
                    let line = self.line_start;
                    self.flow()?;
                    node = false;
                    if self.line_start == line && self.value_follows() {
                        self.roll(col);
                    }
                }
                b'\'' | b'"' => {
                    let col = self.col();
                    let line = self.line_start;
                    self.quoted(c);
                    node = false;
                    if self.line_start == line && self.value_follows() {
                        self.roll(col);
                    }
                }
                b'|' | b'>' => {
                    // A block scalar: its header, then content lines.
                    let mut explicit = None;
                    self.i += 1;
                    while let Some(b) = self.peek() {
                        match b {
                            b'1'..=b'9' => explicit = Some((b - b'0') as isize),
                            b'+' | b'-' => {}
                            _ => break,
                        }
                        self.i += 1;
                    }
                    let parent = self.top();
                    let content =
                        explicit.map(|n| if parent >= 0 { parent + n } else { n } as usize);
                    self.block_scalar = Some(BlockScalar { parent, content });
                    self.next_line_keep();
                    return Ok(());
                }
                b'!' | b'&' | b'*' => {
                    let col = self.col();
                    while !blank(self.peek()) {
                        self.i += 1;
                    }
                    if c == b'*' {
                        node = false;
                        if self.value_follows() {
                            self.roll(col);
                        }
                    }
                }
                _ => {
                    // A plain scalar: a key when `: ` follows on this line.
                    let col = self.col();
                    let top = self.top();
                    match self.plain_text(true) {
                        PlainEnd::Value => {
                            self.roll(col);
                            self.i += 1;
                            node = true;
                        }
                        PlainEnd::Comment => return Ok(()),
                        PlainEnd::Line => {
                            self.plain_indent = Some(top);
                            return Ok(());
                        }
                    }
                }
            }
        }
    }

    /// Whether `:` (a value indicator) follows, after blanks on this line.
    fn value_follows(&mut self) -> bool {
        let mut j = self.i;
        while matches!(self.at(j), Some(b' ' | b'\t' | b'\r')) {
            j += 1;
        }
        self.at(j) == Some(b':') && blank(self.at(j + 1))
    }

    /// Skips a quoted scalar starting at its quote (it may span lines).
    fn quoted(&mut self, quote: u8) {
        self.i += 1;
        while let Some(b) = self.peek() {
            self.i += 1;
            match b {
                b'\n' => self.line_start = self.i,
                b'\\' if quote == b'"' => {
                    if self.peek() == Some(b'\n') {
                        self.i += 1;
                        self.line_start = self.i;
                    } else if self.peek().is_some() {
                        self.i += 1;
                    }
                }
                b'\'' if quote == b'\'' => {
                    if self.peek() == Some(b'\'') {
                        self.i += 1;
                    } else {
                        return;
                    }
                }
                b'"' if quote == b'"' => return,
                _ => {}
            }
        }
    }

    /// A flow collection from its opening bracket to the matching close (or the end
    /// of the text); refuses it at the bracket that nests too deep.
    fn flow(&mut self) -> Result<(), usize> {
        let mut depth = 0usize;
        // Whether a token may start here (not inside a plain scalar).
        let mut token = true;
        // Whether the last token was a quoted scalar or a collection's end, after which
        // `:` is a value indicator even without a blank after it.
        let mut json_like = false;
        while let Some(c) = self.peek() {
            let next = self.at(self.i + 1);
            let after_blank = self.i == self.line_start || blank(self.at(self.i.wrapping_sub(1)));
            match c {
                b'\n' => {
                    self.i += 1;
                    self.line_start = self.i;
                    continue;
                }
                b' ' | b'\t' | b'\r' => {
                    self.i += 1;
                    continue;
                }
                b'#' if after_blank => {
                    self.next_line_keep();
                    token = true;
                    continue;
                }
                b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(self.i);
                    }
                    token = true;
                    json_like = false;
                }
                b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    self.i += 1;
                    if depth == 0 {
                        return Ok(());
                    }
                    token = false;
                    json_like = true;
                    continue;
                }
                b',' => {
                    token = true;
                    json_like = false;
                }
                b':' if json_like || blank(next) || flow_indicator(next) => {
                    token = true;
                    json_like = false;
                }
                b'?' if token && blank(next) => {}
                _ if !token => {
                    // Inside a plain scalar, or after a quoted scalar.
                }
                b'\'' | b'"' => {
                    self.quoted(c);
                    token = false;
                    json_like = true;
                    continue;
                }
                b'!' | b'&' | b'*' => {
                    while !blank(self.peek()) && !flow_indicator(self.peek()) {
                        self.i += 1;
                    }
                    token = c != b'*';
                    json_like = false;
                    continue;
                }
                _ => {
                    // A plain scalar, up to a flow indicator, `: ` or ` #`.
                    token = false;
                    json_like = false;
                }
            }
            self.i += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deepest_refused(text: &str) -> Option<(usize, usize)> {
        check(text).err().and_then(|(position, _)| position)
    }

    fn nested(open: &str, close: &str, n: usize) -> String {
        format!("{}{}", open.repeat(n), close.repeat(n))
    }

    #[test]
    fn counts_flow_collections() {
        assert!(check(&format!("a: {}\n", nested("[", "]", MAX_DEPTH))).is_ok());
        assert_eq!(
            deepest_refused(&format!("a: {}\n", nested("[", "]", MAX_DEPTH + 1))),
            Some((1, 4 + MAX_DEPTH))
        );
        assert_eq!(
            deepest_refused(&format!("a:\n  - {}\n", nested("{a: ", "}", MAX_DEPTH + 1))),
            Some((2, 5 + 4 * MAX_DEPTH))
        );
    }

    #[test]
    fn brackets_in_text_are_not_collections() {
        let deep = "[".repeat(MAX_DEPTH + 1);
        for text in [
            format!("a: '{deep}'\n"),
            format!("a: \"{deep}\"\n"),
            format!("a: b{deep}\n"),
            format!("a: b # {deep}\n"),
            format!("# {deep}\n"),
            format!("a: |\n  {deep}\n  {deep}\nb: 1\n"),
            format!("a: >-\n\n   {deep}\n"),
            format!("a: b\n  {deep}\n"),
            format!("- b\n  {deep}\n"),
        ] {
            assert!(check(&text).is_ok(), "{text}");
        }
    }

    #[test]
    fn is_not_fooled_by_quotes_inside_plain_scalars() {
        let deep = nested("[", "]", MAX_DEPTH + 1);
        for text in [
            // An apostrophe inside a plain scalar opens no quote.
            format!("a: it's\nb: {deep}\n"),
            format!("a: [it's, {deep}]\n"),
            // A continuation line of a plain scalar starting with a quote.
            format!("a:\n  text\n 'x\nb: {deep}\n'\n"),
            // A block scalar's content ends at a line indented less than its first.
            format!("a: |\n    text\n  - {deep}\n"),
            format!("- a: |\n  {deep}\n"),
            // A quoted key is followed by its value.
            format!("\"a #\": {deep}\n"),
            format!("'a''b': {deep}\n"),
            // A comment ends a plain scalar that goes on over lines.
            format!("a: b\n  # '\nc: {deep}\n"),
            format!("{{\"a\":{deep}}}\n"),
        ] {
            assert!(check(&text).is_err(), "{text}");
        }
    }

    #[test]
    fn is_linear() {
        let text = format!("a: {}\n", nested("[", "]", 100_000));
        let start = std::time::Instant::now();
        assert!(check(&text).is_err());
        let long = "x: [a, 'b', \"c\", {d: e}]\n".repeat(100_000);
        assert!(check(&long).is_ok());
        assert!(start.elapsed().as_secs() < 5);
    }
}
