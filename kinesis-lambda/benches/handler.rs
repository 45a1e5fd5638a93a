//! The batch handler's cost per record beside the plain parse of the whole event.
//!
//! One Lambda event of 4,000 records, each with its own sequence number, partition key
//! and data (an `OrderPlaced` of the fixture document, as JSON), all valid:
//! - `from_slice`: `kinesis_types::from_slice::<LambdaKinesisEvent>` of the whole event
//!   (parse and validate, owned), the baseline;
//! - `from_slice_borrowed`: the same with the zero-copy types;
//! - `handle`: the handler, records read one by one and validated (borrowed), a closure
//!   that does nothing, the response built;
//! - `from_slice + data`: the baseline, then every record's data decoded and parsed as
//!   an `OrderPlaced`, by hand;
//! - `handle_data`: the handler doing the same.
//!
//! `cargo bench -p kinesis-lambda --bench handler`

#[path = "../tests/common/mod.rs"]
mod common;

use std::convert::Infallible;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kinesis_lambda::RecordData;
use kinesis_lambda_fixture::OrderPlaced;
use kinesis_types::{borrowed, LambdaKinesisEvent};

const RECORDS: usize = 4_000;

fn bench(c: &mut Criterion) {
    let body = common::event((0..RECORDS).map(common::record).collect());
    let mut g = c.benchmark_group(format!("lambda event, {RECORDS} records"));
    g.throughput(Throughput::Elements(RECORDS as u64));

    g.bench_function("from_slice", |b| {
        b.iter(|| {
            let event: LambdaKinesisEvent = kinesis_types::from_slice(black_box(&body)).unwrap();
            black_box(event.records.len())
        })
    });
    g.bench_function("from_slice_borrowed", |b| {
        b.iter(|| {
            let event: borrowed::LambdaKinesisEvent<'_> =
                kinesis_types::from_slice_borrowed(black_box(&body)).unwrap();
            black_box(event.records.len())
        })
    });
    g.bench_function("handle", |b| {
        b.iter(|| {
            let outcome = kinesis_lambda::handle(black_box(&body), |record| {
                black_box(record.sequence_number());
                Ok::<_, Infallible>(())
            })
            .unwrap();
            assert!(outcome.is_success());
            black_box(outcome.response())
        })
    });
    g.bench_function("from_slice + data", |b| {
        b.iter(|| {
            let event: LambdaKinesisEvent = kinesis_types::from_slice(black_box(&body)).unwrap();
            for record in &event.records {
                let order: OrderPlaced = record.data_as().unwrap();
                black_box(order);
            }
        })
    });
    g.bench_function("handle_data", |b| {
        b.iter(|| {
            let outcome = kinesis_lambda::handle_data(black_box(&body), |_, order: OrderPlaced| {
                black_box(order);
                Ok::<_, Infallible>(())
            })
            .unwrap();
            assert!(outcome.is_success());
            black_box(outcome.response())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
