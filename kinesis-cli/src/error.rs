//! How a command ends: [`Status`] for a command that ran, [`Fatal`] for one that could
//! not (usage or I/O errors), and the exit status of each.

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

/// The exit status of usage and I/O errors.
pub const USAGE_EXIT: u8 = 2;

/// The exit status when the reader of standard output went away (a closed pipe, as in
/// `kinesis ... | head -1`): 128 + SIGPIPE (13), what shells report for a program that
/// SIGPIPE ended, so `set -o pipefail` scripts see the same as with other tools. The
/// program exits with it rather than dying of the signal: Rust ignores SIGPIPE, and
/// raising it again would need `unsafe` for no difference a shell can see.
pub const BROKEN_PIPE_EXIT: u8 = 141;

/// The result of a command that ran to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything checked conforms (exit status 0).
    Ok,
    /// Something checked does not conform (exit status 1).
    Failed,
}

impl Status {
    /// `Failed` when `failed`, else `Ok`.
    pub fn failed_if(failed: bool) -> Status {
        if failed {
            Status::Failed
        } else {
            Status::Ok
        }
    }
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        match status {
            Status::Ok => ExitCode::SUCCESS,
            Status::Failed => ExitCode::from(1),
        }
    }
}

/// An input that could not be read: `cannot read NAME: ERROR`.
#[derive(Debug)]
pub struct ReadError {
    /// How the input is named in messages (`<stdin>` for standard input).
    pub name: String,
    /// What reading it said.
    pub error: io::Error,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read {}: {}", self.name, self.error)
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// Why a command could not do its job.
#[derive(Debug)]
pub enum Fatal {
    /// A usage error (an unknown message name, ...) or bundled data that does not load:
    /// said to the user as is, after `kinesis: `.
    Message(String),
    /// An input could not be read.
    Read(ReadError),
    /// A file could not be written.
    Write {
        /// The file.
        path: PathBuf,
        /// What writing it said.
        error: io::Error,
    },
    /// Standard output could not be written (a full disk, ...), a broken pipe aside.
    Output(io::Error),
    /// A value could not be written as JSON.
    Json(serde_json::Error),
    /// The reader of standard output went away: nobody wants the rest, and nothing more
    /// is said (exit status [`BROKEN_PIPE_EXIT`]).
    BrokenPipe,
    /// Already said (each unreadable file was reported as it happened).
    Reported,
}

impl Fatal {
    /// A usage error described by `message`.
    pub fn new(message: impl Into<String>) -> Fatal {
        Fatal::Message(message.into())
    }

    /// Writing to standard output failed.
    pub fn output(error: io::Error) -> Fatal {
        if error.kind() == io::ErrorKind::BrokenPipe {
            Fatal::BrokenPipe
        } else {
            Fatal::Output(error)
        }
    }

    /// Writing JSON to standard output failed: an I/O error, or one of serde.
    pub fn json(error: serde_json::Error) -> Fatal {
        if error.is_io() {
            Fatal::output(error.into())
        } else {
            Fatal::Json(error)
        }
    }

    /// Whether there is something to tell the user (on standard error).
    pub fn has_message(&self) -> bool {
        !matches!(self, Fatal::BrokenPipe | Fatal::Reported)
    }

    /// The exit status: [`BROKEN_PIPE_EXIT`] for a broken pipe, else [`USAGE_EXIT`].
    pub fn exit_status(&self) -> u8 {
        match self {
            Fatal::BrokenPipe => BROKEN_PIPE_EXIT,
            _ => USAGE_EXIT,
        }
    }
}

impl From<ReadError> for Fatal {
    fn from(error: ReadError) -> Fatal {
        Fatal::Read(error)
    }
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fatal::Message(message) => f.write_str(message),
            Fatal::Read(error) => error.fmt(f),
            Fatal::Write { path, error } => write!(f, "cannot write {}: {error}", path.display()),
            Fatal::Output(error) => write!(f, "cannot write the output: {error}"),
            Fatal::Json(error) => write!(f, "cannot write the output as JSON: {error}"),
            Fatal::BrokenPipe => f.write_str("the reader of the output went away"),
            Fatal::Reported => f.write_str("errors were reported"),
        }
    }
}

impl std::error::Error for Fatal {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Fatal::Read(error) => Some(error),
            Fatal::Write { error, .. } | Fatal::Output(error) => Some(error),
            Fatal::Json(error) => Some(error),
            Fatal::Message(_) | Fatal::BrokenPipe | Fatal::Reported => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_pipe_is_quiet_and_has_its_own_status() {
        let fatal = Fatal::output(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(matches!(fatal, Fatal::BrokenPipe));
        assert!(!fatal.has_message());
        assert_eq!(fatal.exit_status(), 141);
        let full = Fatal::output(io::Error::from_raw_os_error(28));
        assert!(full.has_message());
        assert_eq!(full.exit_status(), USAGE_EXIT);
        assert!(full.to_string().starts_with("cannot write the output: "));
    }

    #[test]
    fn json_io_errors_are_output_errors() {
        struct Broken;
        impl io::Write for Broken {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::from(io::ErrorKind::BrokenPipe))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let error = serde_json::to_writer(Broken, &[1, 2]).unwrap_err();
        assert!(matches!(Fatal::json(error), Fatal::BrokenPipe));
    }
}
