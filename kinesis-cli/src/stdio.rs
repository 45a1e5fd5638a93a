//! Standard output and standard error, written without panicking.
//!
//! `print!` and `eprint!` panic when a write fails (a full disk, a closed pipe), so
//! nothing in this binary uses them: standard output goes through [`Stdout`], whose
//! errors are [`Fatal`] (a broken pipe ends the program quietly, anything else is an
//! I/O error), and standard error through [`say`], which ignores failures: when the
//! channel for complaints is itself broken, there is nowhere left to complain.

use std::io::{self, BufWriter, Write};

use serde::Serialize;

use crate::error::Fatal;

/// Buffered standard output whose errors are [`Fatal`].
pub struct Stdout(BufWriter<io::Stdout>);

impl Stdout {
    /// Standard output, buffered.
    pub fn new() -> Stdout {
        Stdout(BufWriter::with_capacity(1 << 16, io::stdout()))
    }

    /// Writes `bytes`.
    pub fn bytes(&mut self, bytes: &[u8]) -> Result<(), Fatal> {
        self.0.write_all(bytes).map_err(Fatal::output)
    }

    /// Writes `text`.
    pub fn write(&mut self, text: &str) -> Result<(), Fatal> {
        self.bytes(text.as_bytes())
    }

    /// Writes `text` and a line end.
    pub fn line(&mut self, text: &str) -> Result<(), Fatal> {
        self.write(text)?;
        self.write("\n")
    }

    /// Writes `value` as compact JSON (no line end).
    pub fn json(&mut self, value: &impl Serialize) -> Result<(), Fatal> {
        serde_json::to_writer(&mut self.0, value).map_err(Fatal::json)
    }

    /// Writes `value` as indented JSON (no line end).
    pub fn json_pretty(&mut self, value: &impl Serialize) -> Result<(), Fatal> {
        serde_json::to_writer_pretty(&mut self.0, value).map_err(Fatal::json)
    }

    /// Sends what is buffered.
    pub fn flush(&mut self) -> Result<(), Fatal> {
        self.0.flush().map_err(Fatal::output)
    }
}

/// Writes `text` to standard error, ignoring failures (see the module documentation).
pub fn say(text: &str) {
    // Standard error is unbuffered: one write per call keeps lines whole.
    let _ = io::stderr().write_all(text.as_bytes());
}

/// Writes `kinesis: FATAL` and a line end to standard error, when there is something to
/// say.
pub fn say_fatal(fatal: &Fatal) {
    if fatal.has_message() {
        say(&format!("kinesis: {fatal}\n"));
    }
}
