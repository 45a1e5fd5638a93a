//! Reading payloads: whole documents from files or standard input, and NDJSON streams
//! line by line.
//!
//! An NDJSON stream goes through a small pipeline so that a stream of any length runs in
//! bounded memory and uses every core:
//!
//! ```text
//! reader thread --batches--> worker threads --results--> calling thread (in input order)
//! ```
//!
//! The reader cuts the input into batches of whole lines (about [`BATCH_BYTES`], fewer
//! when the input pauses, so an interactive stream is answered line by line); each worker
//! turns a batch into its result (validation and rendering); the calling thread hands the
//! results on in input order. At most [`tickets`] batches exist at any time (being read,
//! queued, worked on, or waiting for an earlier one), so memory stays near
//! `tickets × BATCH_BYTES` plus the longest line, whatever the length of the stream.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::num::NonZeroUsize;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;

use crate::error::Fatal;

/// A batch is handed on once it holds this many bytes.
pub const BATCH_BYTES: usize = 1 << 20;
/// ... or this many lines.
const BATCH_LINES: usize = 8192;
/// Read buffer of the reader thread.
const READ_BUFFER: usize = 1 << 20;

/// Where payloads come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-`, or no file named).
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// The sources named on the command line: standard input when none is.
    pub fn from_args(files: &[PathBuf]) -> Vec<Source> {
        if files.is_empty() {
            return vec![Source::Stdin];
        }
        files
            .iter()
            .map(|file| {
                if file == Path::new("-") {
                    Source::Stdin
                } else {
                    Source::File(file.clone())
                }
            })
            .collect()
    }

    /// How the source is named in messages.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".into(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// Opens the source for reading.
    pub fn open(&self) -> Result<Box<dyn Read + Send>, Fatal> {
        match self {
            Source::Stdin => Ok(Box::new(io::stdin())),
            Source::File(path) => match File::open(path) {
                Ok(file) => Ok(Box::new(file)),
                Err(error) => Err(self.read_error(&error)),
            },
        }
    }

    /// The whole content of the source.
    pub fn read_all(&self) -> Result<Vec<u8>, Fatal> {
        let mut bytes = Vec::new();
        self.open()?
            .read_to_end(&mut bytes)
            .map_err(|error| self.read_error(&error))?;
        Ok(bytes)
    }

    /// A read failure, naming the source.
    pub fn read_error(&self, error: &io::Error) -> Fatal {
        Fatal::new(format!("cannot read {}: {error}", self.name()))
    }
}

/// Whole lines of an NDJSON stream, without their line ends; blank lines left out.
#[derive(Debug, Default)]
pub struct Batch {
    data: Vec<u8>,
    lines: Vec<(u64, Range<usize>)>,
}

impl Batch {
    /// Each line with its 1-based line number in the stream.
    pub fn lines(&self) -> impl Iterator<Item = (u64, &[u8])> {
        self.lines
            .iter()
            .map(|(number, range)| (*number, &self.data[range.clone()]))
    }
}

/// How many worker threads an NDJSON stream gets: one per core.
pub fn workers() -> usize {
    thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// How many batches may exist at once (see the module documentation).
pub fn tickets(workers: usize) -> usize {
    workers * 4
}

/// Streams `source` as NDJSON: `work` turns each batch into a result on a worker thread,
/// and `sink` receives the results in input order on the calling thread. Stops at the
/// first error of `sink`; a read error is returned after the results of every line read
/// before it.
pub fn stream_ndjson<T: Send>(
    source: &Source,
    work: impl Fn(&Batch) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), Fatal>,
) -> Result<(), Fatal> {
    let reader = source.open()?;
    let workers = workers();
    let tickets = tickets(workers);
    let (batch_tx, batch_rx) = sync_channel::<(u64, Batch)>(tickets);
    let batch_rx = Arc::new(Mutex::new(batch_rx));
    let (done_tx, done_rx) = sync_channel::<(u64, T)>(tickets);
    let (ticket_tx, ticket_rx) = sync_channel::<()>(tickets);
    for _ in 0..tickets {
        // The channel has room for every ticket.
        let _ = ticket_tx.try_send(());
    }
    let work = &work;
    thread::scope(|scope| {
        let reader = scope.spawn(move || read_batches(reader, &batch_tx, &ticket_rx));
        for _ in 0..workers {
            let batch_rx = Arc::clone(&batch_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || loop {
                let next = match batch_rx.lock() {
                    Ok(receiver) => receiver.recv(),
                    Err(_) => return,
                };
                let Ok((seq, batch)) = next else { return };
                if done_tx.send((seq, work(&batch))).is_err() {
                    return;
                }
            });
        }
        // The workers hold the only handles now: the channels close when they finish.
        drop(batch_rx);
        drop(done_tx);

        let mut outcome = Ok(());
        let mut waiting = BTreeMap::new();
        let mut next = 0u64;
        'results: for (seq, result) in done_rx.iter() {
            waiting.insert(seq, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                if let Err(fatal) = sink(result) {
                    outcome = Err(fatal);
                    break 'results;
                }
                let _ = ticket_tx.send(());
            }
        }
        // Closing these unblocks the reader and the workers when the sink gave up.
        drop(done_rx);
        drop(ticket_tx);
        let read = match reader.join() {
            Ok(read) => read,
            Err(_) => Err(io::Error::other("the reader thread failed")),
        };
        outcome?;
        read.map_err(|error| source.read_error(&error))
    })
}

/// The reader thread: cuts the input into batches, each sent once a ticket allows.
fn read_batches(
    reader: Box<dyn Read + Send>,
    batches: &SyncSender<(u64, Batch)>,
    tickets: &Receiver<()>,
) -> io::Result<()> {
    let mut reader = BufReader::with_capacity(READ_BUFFER, reader);
    let mut number = 0u64;
    let mut seq = 0u64;
    let mut have_ticket = false;
    loop {
        if !have_ticket {
            if tickets.recv().is_err() {
                return Ok(()); // nobody wants more
            }
            have_ticket = true;
        }
        let mut batch = Batch::default();
        let mut end_of_input = false;
        let mut failure = None;
        loop {
            let start = batch.data.len();
            match reader.read_until(b'\n', &mut batch.data) {
                Ok(0) => {
                    end_of_input = true;
                    break;
                }
                Ok(_) => {}
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => {
                    batch.data.truncate(start);
                    failure = Some(error);
                    break;
                }
            }
            number += 1;
            let mut end = batch.data.len();
            if batch.data[start..end].ends_with(b"\n") {
                end -= 1;
                if batch.data[start..end].ends_with(b"\r") {
                    end -= 1;
                }
            }
            if batch.data[start..end].iter().all(u8::is_ascii_whitespace) {
                batch.data.truncate(start);
            } else {
                batch.data.truncate(end);
                batch.lines.push((number, start..end));
            }
            // Hand the batch on when it is full, or when reading on might wait for input.
            if batch.data.len() >= BATCH_BYTES
                || batch.lines.len() >= BATCH_LINES
                || reader.buffer().is_empty()
            {
                break;
            }
        }
        if !batch.lines.is_empty() {
            if batches.send((seq, batch)).is_err() {
                return Ok(());
            }
            seq += 1;
            have_ticket = false;
        }
        if let Some(error) = failure {
            return Err(error);
        }
        if end_of_input {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &[u8]) -> Vec<(u64, Vec<u8>)> {
        let path = std::env::temp_dir().join(format!(
            "kinesis-cli-input-{}-{}",
            std::process::id(),
            text.len()
        ));
        std::fs::write(&path, text).unwrap();
        let mut lines = Vec::new();
        stream_ndjson(
            &Source::File(path.clone()),
            |batch| {
                batch
                    .lines()
                    .map(|(n, l)| (n, l.to_vec()))
                    .collect::<Vec<_>>()
            },
            |batch| {
                lines.extend(batch);
                Ok(())
            },
        )
        .unwrap();
        std::fs::remove_file(path).unwrap();
        lines
    }

    #[test]
    fn numbers_lines_and_skips_blank_ones() {
        let lines = lines_of(b"a\r\n\n  \t\nb\nc");
        assert_eq!(
            lines,
            [(1, b"a".to_vec()), (4, b"b".to_vec()), (5, b"c".to_vec())]
        );
    }

    #[test]
    fn keeps_order_across_many_batches() {
        let mut text = Vec::new();
        for i in 0..50_000 {
            text.extend_from_slice(format!("{i}\n").as_bytes());
        }
        let lines = lines_of(&text);
        assert_eq!(lines.len(), 50_000);
        for (i, (number, line)) in lines.iter().enumerate() {
            assert_eq!(*number, i as u64 + 1);
            assert_eq!(line, i.to_string().as_bytes());
        }
    }

    #[test]
    fn a_missing_file_is_named() {
        let error = Source::File("/nonexistent/kinesis.ndjson".into())
            .read_all()
            .unwrap_err();
        assert!(error
            .to_string()
            .starts_with("cannot read /nonexistent/kinesis.ndjson: "));
    }
}
