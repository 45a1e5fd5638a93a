//! A progress line on standard error during long runs of `kinesis validate` and
//! `kinesis tail`: payloads (or records) so far, MB/s, invalid so far, redrawn in place
//! with `\r`.
//!
//! Only when standard error is a terminal (a log file or a pipe would fill up with
//! redrawn lines), never in the first second (short runs stay as they were), and at
//! most every [`EVERY`] (redrawing costs the terminal, not us, but flickers). The
//! decisions are pure functions of the time and "is a terminal", so they are tested
//! without one; [`Progress::tick`] and [`Progress::hide`] do the writing.

use std::time::{Duration, Instant};

use crate::stdio;

/// No progress line before this much time has passed.
pub const FIRST_AFTER: Duration = Duration::from_secs(1);

/// At most one progress line per this much time.
pub const EVERY: Duration = Duration::from_millis(250);

/// Whether a progress line is due: on a terminal, `elapsed` since the start of the run
/// at least [`FIRST_AFTER`], and `since_last` (the time since the last line drawn, `None`
/// when none was) at least [`EVERY`].
pub fn due(on_terminal: bool, elapsed: Duration, since_last: Option<Duration>) -> bool {
    on_terminal && elapsed >= FIRST_AFTER && since_last.is_none_or(|since| since >= EVERY)
}

/// What is counted, for one and for several: `("payload", "payloads")`.
pub type Nouns = (&'static str, &'static str);

/// The nouns of `kinesis validate`.
pub const PAYLOADS: Nouns = ("payload", "payloads");

/// The progress line, counting `nouns`: `1234 payloads, 812.5 MB/s, 3 invalid`.
pub fn line_of(nouns: Nouns, payloads: u64, invalid: u64, bytes: u64, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    let rate = if seconds > 0.0 {
        bytes as f64 / seconds / 1e6
    } else {
        0.0
    };
    let noun = if payloads == 1 { nouns.0 } else { nouns.1 };
    format!("{payloads} {noun}, {rate:.1} MB/s, {invalid} invalid")
}

/// Counts so far, as the progress line shows them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Payloads checked.
    pub payloads: u64,
    /// Invalid payloads among them.
    pub invalid: u64,
    /// Bytes read.
    pub bytes: u64,
}

/// The progress line of one run.
#[derive(Debug)]
pub struct Progress {
    on_terminal: bool,
    start: Instant,
    last: Option<Instant>,
    /// The width of the line on screen (0 when none is), to blank it.
    shown: usize,
    nouns: Nouns,
}

impl Progress {
    /// The progress of a run that starts at `start`; silent unless `on_terminal`.
    pub fn new(on_terminal: bool, start: Instant) -> Progress {
        Progress {
            on_terminal,
            start,
            last: None,
            shown: 0,
            nouns: PAYLOADS,
        }
    }

    /// The same progress, counting `nouns` instead of payloads.
    #[cfg_attr(not(feature = "tail"), allow(dead_code))] // `kinesis tail` counts records
    pub fn counting(self, nouns: Nouns) -> Progress {
        Progress { nouns, ..self }
    }

    /// Whether progress lines may be drawn at all (standard error is a terminal).
    pub fn on_terminal(&self) -> bool {
        self.on_terminal
    }

    /// What to write at `now` with `counts` so far: `\r`, the line, and spaces over the
    /// rest of a longer line drawn before; `None` when no line is due.
    pub fn update(&mut self, now: Instant, counts: Counts) -> Option<String> {
        let elapsed = now.saturating_duration_since(self.start);
        let since_last = self.last.map(|last| now.saturating_duration_since(last));
        if !due(self.on_terminal, elapsed, since_last) {
            return None;
        }
        let text = line_of(
            self.nouns,
            counts.payloads,
            counts.invalid,
            counts.bytes,
            elapsed,
        );
        let width = text.chars().count();
        let blank = self.shown.saturating_sub(width);
        self.shown = width;
        self.last = Some(now);
        Some(format!("\r{text}{}", " ".repeat(blank)))
    }

    /// What to write to blank the line drawn, so that other output starts on a clean
    /// line; `None` when no line is on screen.
    pub fn clear(&mut self) -> Option<String> {
        if self.shown == 0 {
            return None;
        }
        let text = format!("\r{}\r", " ".repeat(self.shown));
        self.shown = 0;
        Some(text)
    }

    /// Draws the progress line on standard error, when due.
    pub fn tick(&mut self, counts: Counts) {
        if let Some(text) = self.update(Instant::now(), counts) {
            stdio::say(&text);
        }
    }

    /// Blanks the progress line on standard error, if one is drawn.
    pub fn hide(&mut self) {
        if let Some(text) = self.clear() {
            stdio::say(&text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn only_on_a_terminal_after_the_first_second_a_few_times_a_second() {
        assert!(!due(false, 10 * FIRST_AFTER, None), "not on a terminal");
        assert!(!due(true, FIRST_AFTER - MS, None), "in the first second");
        assert!(due(true, FIRST_AFTER, None));
        assert!(!due(true, 2 * FIRST_AFTER, Some(EVERY - MS)), "too soon");
        assert!(due(true, 2 * FIRST_AFTER, Some(EVERY)));
        assert!(
            EVERY >= Duration::from_millis(200),
            "a few times a second at most"
        );
    }

    #[test]
    fn the_line_has_payloads_rate_and_invalid() {
        assert_eq!(
            line_of(PAYLOADS, 12_345, 3, 950_000_000, Duration::from_secs(2)),
            "12345 payloads, 475.0 MB/s, 3 invalid"
        );
        assert_eq!(
            line_of(PAYLOADS, 1, 0, 10, Duration::ZERO),
            "1 payload, 0.0 MB/s, 0 invalid"
        );
        assert_eq!(
            line_of(("record", "records"), 2, 1, 0, Duration::ZERO),
            "2 records, 0.0 MB/s, 1 invalid"
        );
    }

    #[test]
    fn lines_are_drawn_in_place_and_blanked() {
        let start = Instant::now();
        let counts = |payloads| Counts {
            payloads,
            invalid: 0,
            bytes: 2_000_000,
        };
        let mut silent = Progress::new(false, start);
        assert_eq!(silent.update(start + 5 * FIRST_AFTER, counts(1)), None);
        assert_eq!(silent.clear(), None);

        let mut progress = Progress::new(true, start);
        assert_eq!(progress.update(start + 500 * MS, counts(5)), None);
        assert_eq!(progress.clear(), None, "nothing drawn yet");
        let at = start + 2 * FIRST_AFTER;
        assert_eq!(
            progress.update(at, counts(100)).as_deref(),
            Some("\r100 payloads, 1.0 MB/s, 0 invalid")
        );
        assert_eq!(progress.update(at + 100 * MS, counts(200)), None);
        // A shorter line covers the rest of the longer one.
        let shorter = progress.update(at + EVERY, counts(7)).unwrap_or_default();
        assert_eq!(shorter, "\r7 payloads, 0.9 MB/s, 0 invalid  ");
        assert_eq!(
            progress.clear().as_deref(),
            Some(format!("\r{}\r", " ".repeat(31)).as_str())
        );
        assert_eq!(progress.clear(), None);
    }
}
