//! Reading payloads: whole documents from files or standard input, and NDJSON streams
//! line by line.
//!
//! An NDJSON stream goes through a small pipeline so that a stream of any length runs in
//! bounded memory and uses every core:
//!
//! ```text
//! reader thread --batches--> worker threads --results--> calling thread (in input order)
//!       ^                                                        |
//!       +------------------- emptied buffers --------------------+
//! ```
//!
//! The reader only reads: about [`BATCH_BYTES`] at a time (less when the input pauses,
//! so an interactive stream is answered line by line) into a buffer, cut after its last
//! line end (the partial line starts the next buffer), and counts the line ends for
//! numbering. Each worker splits its batch into lines and turns it into a result
//! (validation and rendering); the calling thread hands the results on in input order
//! and gives the buffer back to the reader. There are [`buffers`] buffers, so memory
//! stays near `buffers × BATCH_BYTES` plus the longest line, whatever the length of the
//! stream, and in the steady state nothing is allocated for reading.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;

use crate::error::{Fatal, ReadError};

/// A batch is handed on once it holds this many bytes (or the input pauses).
pub const BATCH_BYTES: usize = 1 << 20;
/// A buffer that grew past this (for a long line) is not kept for reuse.
const KEEP_BYTES: usize = 4 * BATCH_BYTES;

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

    /// How the source is named in messages for people (`<stdin>` for standard input).
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".into(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// How the source was given on the command line (`-` for standard input).
    pub fn arg(&self) -> String {
        match self {
            Source::Stdin => "-".into(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// Opens the source for reading.
    pub fn open(&self) -> Result<Box<dyn Read + Send>, ReadError> {
        match self {
            Source::Stdin => Ok(Box::new(io::stdin())),
            Source::File(path) => match File::open(path) {
                Ok(file) => Ok(Box::new(file)),
                Err(error) => Err(self.read_error(error)),
            },
        }
    }

    /// The whole content of the source.
    pub fn read_all(&self) -> Result<Vec<u8>, ReadError> {
        let mut bytes = Vec::new();
        self.open()?
            .read_to_end(&mut bytes)
            .map_err(|error| self.read_error(error))?;
        Ok(bytes)
    }

    /// A read failure, naming the source.
    pub fn read_error(&self, error: io::Error) -> ReadError {
        ReadError {
            name: self.name(),
            error,
        }
    }
}

/// Whole lines of an NDJSON stream, as read.
#[derive(Debug)]
pub struct Batch {
    /// The buffer; only `data[..len]` was read.
    data: Vec<u8>,
    len: usize,
    /// The number of the first line in `data`.
    first_line: u64,
}

impl Batch {
    /// The number of bytes read into the batch (line ends included).
    pub fn size(&self) -> usize {
        self.len
    }

    /// Each line that is not blank, without its line end, with its 1-based line number
    /// in the stream.
    pub fn lines(&self) -> impl Iterator<Item = (u64, &[u8])> {
        let data = &self.data[..self.len];
        let mut start = 0;
        let mut number = self.first_line;
        let mut ends = memchr::memchr_iter(b'\n', data);
        std::iter::from_fn(move || loop {
            if start >= data.len() {
                return None;
            }
            let end = ends.next().unwrap_or(data.len());
            let mut line = &data[start..end];
            start = end + 1;
            let this = number;
            number += 1;
            if let [rest @ .., b'\r'] = line {
                line = rest;
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                return Some((this, line));
            }
        })
    }
}

/// How many worker threads an NDJSON stream gets: one per core.
pub fn workers() -> usize {
    thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// How many batch buffers exist (see the module documentation).
pub fn buffers(workers: usize) -> usize {
    workers * 4
}

/// Streams `source` as NDJSON: `work` turns each batch into a result on a worker thread,
/// and `sink` receives the results in input order on the calling thread. Stops at the
/// first error of `sink`; a read error ([`Fatal::Read`]) is returned after the results of
/// every line read before it.
pub fn stream_ndjson<T: Send>(
    source: &Source,
    work: impl Fn(&Batch) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), Fatal>,
) -> Result<(), Fatal> {
    let reader = source.open()?;
    let workers = workers();
    let buffers = buffers(workers);
    let (batch_tx, batch_rx) = sync_channel::<(u64, Batch)>(buffers);
    let batch_rx = Arc::new(Mutex::new(batch_rx));
    let (done_tx, done_rx) = sync_channel::<(u64, T, Vec<u8>)>(buffers);
    let (empty_tx, empty_rx) = sync_channel::<Vec<u8>>(buffers);
    for _ in 0..buffers {
        // The channel has room for every buffer.
        let _ = empty_tx.try_send(Vec::new());
    }
    let work = &work;
    thread::scope(|scope| {
        let reader = scope.spawn(move || read_batches(reader, &batch_tx, &empty_rx));
        for _ in 0..workers {
            let batch_rx = Arc::clone(&batch_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || loop {
                let next = match batch_rx.lock() {
                    Ok(receiver) => receiver.recv(),
                    Err(_) => return,
                };
                let Ok((seq, batch)) = next else { return };
                let result = work(&batch);
                if done_tx.send((seq, result, batch.data)).is_err() {
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
        'results: for (seq, result, buffer) in done_rx.iter() {
            waiting.insert(seq, (result, buffer));
            while let Some((result, buffer)) = waiting.remove(&next) {
                next += 1;
                if let Err(fatal) = sink(result) {
                    outcome = Err(fatal);
                    break 'results;
                }
                let buffer = if buffer.len() > KEEP_BYTES {
                    Vec::new()
                } else {
                    buffer
                };
                let _ = empty_tx.send(buffer);
            }
        }
        // Closing these unblocks the reader and the workers when the sink gave up.
        drop(done_rx);
        drop(empty_tx);
        let read = match reader.join() {
            Ok(read) => read,
            Err(_) => Err(io::Error::other("the reader thread failed")),
        };
        outcome?;
        read.map_err(|error| Fatal::Read(source.read_error(error)))
    })
}

/// The reader thread: fills the buffers it is given with whole lines and sends them on.
fn read_batches(
    mut reader: Box<dyn Read + Send>,
    batches: &SyncSender<(u64, Batch)>,
    empty: &Receiver<Vec<u8>>,
) -> io::Result<()> {
    // The start of a line whose end has not been read yet.
    let mut carry: Vec<u8> = Vec::new();
    let mut next_line = 1u64;
    let mut seq = 0u64;
    loop {
        let Ok(mut data) = empty.recv() else {
            return Ok(()); // nobody wants more
        };
        let mut len = carry.len();
        if data.len() < len + BATCH_BYTES {
            data.resize(len + BATCH_BYTES, 0);
        }
        data[..len].copy_from_slice(&carry);
        carry.clear();
        // Read until the buffer holds a line end, or the input ends.
        let mut end_of_input = false;
        let mut failure = None;
        loop {
            if data.len() - len < BATCH_BYTES / 4 {
                // A long line: make room (the buffer at least doubles).
                let size = (data.len() * 2).max(len + BATCH_BYTES);
                data.resize(size, 0);
            }
            match reader.read(&mut data[len..]) {
                Ok(0) => {
                    end_of_input = true;
                    break;
                }
                Ok(read) => {
                    let found = memchr::memchr(b'\n', &data[len..len + read]).is_some();
                    len += read;
                    if found {
                        break;
                    }
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => {
                    failure = Some(error);
                    break;
                }
            }
        }
        // Whole lines go now; a partial line waits for the rest, unless nothing follows.
        let cut = if end_of_input || failure.is_some() {
            len
        } else {
            memchr::memrchr(b'\n', &data[..len]).map_or(0, |at| at + 1)
        };
        carry.extend_from_slice(&data[cut..len]);
        let first_line = next_line;
        next_line += memchr::memchr_iter(b'\n', &data[..cut]).count() as u64;
        if cut > 0 {
            let batch = Batch {
                data,
                len: cut,
                first_line,
            };
            if batches.send((seq, batch)).is_err() {
                return Ok(());
            }
            seq += 1;
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
    fn lines_longer_than_a_batch_stay_whole() {
        let long = vec![b'x'; BATCH_BYTES * 3 + 17];
        let mut text = Vec::new();
        for _ in 0..3 {
            text.extend_from_slice(b"short\n");
            text.extend_from_slice(&long);
            text.extend_from_slice(b"\r\n");
        }
        text.extend_from_slice(b"last, without a line end");
        let lines = lines_of(&text);
        let lengths: Vec<(u64, usize)> = lines.iter().map(|(n, l)| (*n, l.len())).collect();
        assert_eq!(
            lengths,
            [
                (1, 5),
                (2, long.len()),
                (3, 5),
                (4, long.len()),
                (5, 5),
                (6, long.len()),
                (7, 24)
            ]
        );
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
