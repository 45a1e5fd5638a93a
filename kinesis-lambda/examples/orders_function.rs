//! A Lambda function that reads orders from a Kinesis data stream.
//!
//! Each record's data must be an `OrderPlaced` of the orders AsyncAPI document
//! (`fixture/orders.asyncapi.yaml`, whose types the `kinesis-lambda-fixture` crate
//! generates); records that are not, and orders that cannot be taken, are reported to
//! Lambda, which retries from the first of them (the event source mapping needs
//! `ReportBatchItemFailures`; see the README).
//!
//! Build it for Lambda with cargo-lambda:
//! `cargo lambda build --release --example orders_function -p kinesis-lambda`.

use std::fmt;

use kinesis_lambda::{BatchResponse, Record};
use kinesis_lambda_fixture::OrderPlaced;
use lambda_runtime::{service_fn, LambdaEvent};
use serde_json::value::RawValue;

/// Why an order that conforms to its document is still refused.
#[derive(Debug)]
pub enum OrderError {
    /// `items` is present but empty: nothing to ship.
    NoItems {
        /// The order.
        order_id: String,
    },
}

impl fmt::Display for OrderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrderError::NoItems { order_id } => {
                write!(f, "order {order_id} has an empty items list")
            }
        }
    }
}

impl std::error::Error for OrderError {}

/// The business step: here it only refuses orders it cannot ship. A real one would
/// write somewhere, idempotently (Lambda redelivers from the first failure on).
fn take_order(_record: &Record<'_, '_>, order: OrderPlaced) -> Result<(), OrderError> {
    if order.items.as_ref().is_some_and(Vec::is_empty) {
        return Err(OrderError::NoItems {
            order_id: order.order_id,
        });
    }
    Ok(())
}

/// The function: the event as raw JSON (so that the handler reads it record by
/// record), the partial batch response back.
pub async fn function_handler(
    event: LambdaEvent<Box<RawValue>>,
) -> Result<BatchResponse, lambda_runtime::Error> {
    let outcome = kinesis_lambda::handle_data(event.payload.get().as_bytes(), take_order)?;
    // Lambda sends standard error to CloudWatch Logs: one line per failed record.
    for failure in &outcome.failures {
        eprintln!("{failure}");
    }
    Ok(outcome.response())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambda_runtime::run(service_fn(function_handler)).await
}
