//! How a command ends: [`Status`] for a command that ran, [`Fatal`] for one that could
//! not (usage or I/O errors).

use std::fmt;
use std::io;
use std::process::ExitCode;

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

/// A usage or I/O error: the command could not do its job (exit status 2).
#[derive(Debug)]
pub enum Fatal {
    /// Said to the user as is, after `kinesis: `.
    Message(String),
    /// Already said (each failed file was reported as it happened), or nothing to say
    /// (the reader of our output went away): exit without another word.
    Quiet,
}

impl Fatal {
    /// A usage or I/O error described by `message`.
    pub fn new(message: impl Into<String>) -> Fatal {
        Fatal::Message(message.into())
    }

    /// Writing our output failed.
    pub fn output(error: io::Error) -> Fatal {
        if error.kind() == io::ErrorKind::BrokenPipe {
            Fatal::Quiet
        } else {
            Fatal::new(format!("cannot write the output: {error}"))
        }
    }
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fatal::Message(message) => f.write_str(message),
            Fatal::Quiet => Ok(()),
        }
    }
}

/// The exit status of usage and I/O errors.
pub const USAGE_EXIT: u8 = 2;
