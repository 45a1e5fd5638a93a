//! End to end: the built `kinesis` binary on files and standard input, its output and
//! exit status. The helpers are here, the tests in a module per command.

mod any_message;
mod check;
mod commands;
mod ndjson;
mod spec;
mod stdio;
mod validate;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, PoisonError};

use serde_json::{json, Value};

const RECORD: &str = r#"{"SequenceNumber":"49590338271490256608559692538361571095921575989136588898","Data":"SGVsbG8=","PartitionKey":"user-42"}"#;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `kinesis ARGS` with `stdin` as its standard input.
fn kinesis(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = spawn(
        Command::new(env!("CARGO_BIN_EXE_kinesis"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    // Write from another thread: the child may answer before reading everything.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("the binary finishes");
    writer.join().expect("the writer finishes");
    Run {
        code: output.status.code().expect("an exit status, not a signal"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 errors"),
    }
}

/// Held while a child process starts. Until it runs its program, a child started by one
/// thread holds every file descriptor the test process has open at that moment, among
/// them the read end of a pipe another thread is making; `stdio::closed_pipe` needs
/// that read end to close for good, so every test starts its children through [`spawn`].
static SPAWNING: Mutex<()> = Mutex::new(());

/// Starts `command` (see [`SPAWNING`]).
fn spawn(command: &mut Command) -> Child {
    let _starting = SPAWNING.lock().unwrap_or_else(PoisonError::into_inner);
    command.spawn().expect("the child starts")
}

/// A fresh directory for one test.
fn dir(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("kinesis-cli")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("a temporary file");
    path.to_str().expect("a UTF-8 path").to_string()
}

fn lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

fn record_with_partition_key(key: &str) -> String {
    json!({
        "SequenceNumber": "49590338271490256608559692538361571095921575989136588898",
        "Data": "SGVsbG8=",
        "PartitionKey": key,
    })
    .to_string()
}

/// A small document of another domain, for `check` and `generate`.
const ORDERS: &str = r#"asyncapi: 3.0.0
info:
  title: Orders
  version: '1'
channels:
  orders:
    address: 'orders/{orderId}'
    parameters:
      orderId:
        description: The order.
    messages:
      orderPlaced:
        $ref: '#/components/messages/OrderPlaced'
operations:
  placeOrder:
    action: send
    channel:
      $ref: '#/channels/orders'
    messages:
      - $ref: '#/channels/orders/messages/orderPlaced'
components:
  messages:
    OrderPlaced:
      payload:
        $ref: '#/components/schemas/Order'
      examples:
        - name: good
          payload:
            id: ord-1
            size: 2
            customer: {name: Ann}
        - name: bad
          payload:
            id: ord-1
            size: 0
            customer: {}
  schemas:
    Order:
      type: object
      required: [id, size]
      properties:
        id:
          type: string
        size:
          type: integer
          minimum: 1
        customer:
          $ref: '#/components/schemas/Customer'
    Customer:
      type: object
      required: [name]
      properties:
        name:
          type: string
"#;
