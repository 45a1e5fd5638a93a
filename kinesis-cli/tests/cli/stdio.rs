//! Standard output and standard error that cannot be written: a full device, a pipe
//! nobody reads. No panic, conventional exit statuses.

use std::fs::File;
use std::io::{BufRead, BufReader};

use super::*;

/// The exit status when the reader of standard output went away.
const BROKEN_PIPE: i32 = 141;

const NO_SPACE: &str = "kinesis: cannot write the output: No space left on device (os error 28)\n";

/// Runs `kinesis ARGS` with nothing on standard input and standard output and standard
/// error sent to `stdout` and `stderr`; what is piped is returned.
fn kinesis_to(args: &[&str], stdout: Stdio, stderr: Stdio) -> Run {
    let output = spawn(
        Command::new(env!("CARGO_BIN_EXE_kinesis"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(stderr),
    )
    .wait_with_output()
    .expect("the binary finishes");
    Run {
        code: output.status.code().expect("an exit status, not a signal"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 errors"),
    }
}

/// `/dev/full`: every write fails with "no space left on device".
fn full() -> Stdio {
    Stdio::from(
        File::options()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full"),
    )
}

/// The write end of a pipe whose read end is closed: every write fails with a broken pipe.
/// The reader is a `kinesis --version` that never reads and has exited.
fn closed_pipe() -> Stdio {
    // Started through `spawn`, so that no other child inherits the read end meanwhile.
    let mut reader = spawn(
        Command::new(env!("CARGO_BIN_EXE_kinesis"))
            .arg("--version")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    let write_end = reader.stdin.take().expect("stdin is piped");
    reader.wait().expect("the reader exits");
    Stdio::from(write_end)
}

/// Command lines that write to standard output, with their exit status when they can.
fn writers(dir: &Path) -> Vec<(Vec<String>, i32)> {
    let good = write(dir, "good.json", RECORD);
    let bad = write(dir, "bad.json", record_with_partition_key(""));
    let mut stream = String::new();
    for i in 0..20_000 {
        stream.push_str(if i % 1000 == 0 { "{}" } else { RECORD });
        stream.push('\n');
    }
    let stream = write(dir, "stream.ndjson", stream);
    let lines: [&[&str]; 15] = [
        &["validate", "-m", "KinesisRecord", &good],
        &["validate", "-m", "KinesisRecord", &bad, &good],
        &["validate", "--json", &good],
        &["validate", "-m", "KinesisRecord", "--ndjson", &stream],
        &["validate", "--ndjson", "--json", &stream],
        &["messages"],
        &["messages", "--json"],
        &["examples"],
        &["examples", "--ndjson"],
        &["schema", "KinesisRecord"],
        &["check"],
        &["check", "--json"],
        &["generate"],
        &["--help"],
        &["--version"],
    ];
    let statuses = [0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    lines
        .iter()
        .zip(statuses)
        .map(|(args, status)| (args.iter().map(|a| a.to_string()).collect(), status))
        .collect()
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

#[test]
fn a_full_standard_output_is_an_io_error() {
    let dir = dir("stdout_full");
    for (args, _) in writers(&dir) {
        let run = kinesis_to(&strs(&args), full(), Stdio::piped());
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr, NO_SPACE, "{args:?}");
    }
}

#[test]
fn a_closed_standard_output_ends_quietly() {
    let dir = dir("stdout_closed");
    for (args, _) in writers(&dir) {
        let run = kinesis_to(&strs(&args), closed_pipe(), Stdio::piped());
        assert_eq!(run.code, BROKEN_PIPE, "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr, "", "{args:?}");
    }
}

/// As `kinesis validate --ndjson --json | head -1`: the reader takes one line and goes.
#[test]
fn a_reader_that_goes_away_ends_the_run() {
    let dir = dir("stdout_head");
    let mut stream = String::new();
    for _ in 0..50_000 {
        stream.push_str(RECORD);
        stream.push('\n');
    }
    let stream = write(&dir, "stream.ndjson", stream);
    let mut child = spawn(
        Command::new(env!("CARGO_BIN_EXE_kinesis"))
            .args(["validate", "--ndjson", "--json", &stream])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("one line");
    assert!(first.starts_with('{'), "{first}");
    // The reader is dropped here: the rest of the output has nowhere to go.
    let output = child.wait_with_output().expect("the binary finishes");
    assert_eq!(output.status.code(), Some(BROKEN_PIPE));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn standard_error_that_cannot_be_written_is_ignored() {
    let dir = dir("stderr_broken");
    let good = write(&dir, "good.json", RECORD);
    let missing = dir.join("missing.json");
    let missing = missing.to_str().expect("UTF-8");
    let mut cases = writers(&dir);
    for (args, status) in [
        (vec!["validate", "-m", "Nope", good.as_str()], 2),
        (
            vec!["validate", "-m", "KinesisRecord", missing, good.as_str()],
            2,
        ),
        (vec!["validate", "--bogus"], 2),
        (vec![], 2),
        (vec!["check", "/nonexistent/spec.yaml"], 2),
    ] {
        cases.push((args.iter().map(|a| a.to_string()).collect(), status));
    }
    for (args, status) in cases {
        let args = strs(&args);
        let normal = kinesis(&args, b"");
        assert_eq!(normal.code, status, "{args:?}: {}", normal.stderr);
        for (what, stderr) in [("full", full()), ("closed", closed_pipe())] {
            let run = kinesis_to(&args, Stdio::piped(), stderr);
            assert_eq!(run.code, status, "{args:?}, standard error {what}");
            assert_eq!(run.stdout, normal.stdout, "{args:?}, standard error {what}");
        }
    }
}

/// `2>&-`: the program starts with file descriptor 2 closed.
#[test]
fn a_closed_standard_error_descriptor_is_ignored() {
    let dir = dir("stderr_descriptor");
    let bad = write(&dir, "bad.json", record_with_partition_key(""));
    let output = spawn(
        Command::new("sh")
            .args(["-c", "exec \"$0\" \"$@\" 2>&-"])
            .arg(env!("CARGO_BIN_EXE_kinesis"))
            .args(["validate", "-m", "KinesisRecord", &bad])
            .stdin(Stdio::null())
            .stdout(Stdio::piped()),
    )
    .wait_with_output()
    .expect("sh finishes");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("invalid KinesisRecord"),
        "{output:?}"
    );
}
