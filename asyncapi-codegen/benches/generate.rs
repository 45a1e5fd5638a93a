//! Generation time against document size: documents of 1,000 to 8,000 component
//! schemas (each an object with a bounded string, an integer and a `$ref` to another
//! schema, so that types refer to one another as in real documents), and `$ref`
//! chains of 500 and 1,000 schemas each holding the next. Throughput is in schemas:
//! time linear in the document shows as the same schemas per second at every size.
//!
//! `cargo bench -p asyncapi-codegen --bench generate`; see BENCHMARKS.md.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use asyncapi_codegen::{Builder, Document};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const HEAD: &str = "asyncapi: 3.0.0\ninfo: {title: big, version: '1'}\nchannels:\n  c:\n    \
                    messages:\n      m: {$ref: '#/components/messages/M'}\ncomponents:\n  \
                    messages:\n    M:\n      payload: {$ref: '#/components/schemas/S0'}\n  \
                    schemas:\n";

/// `n` schemas, schema `i` referring to schema `7i + 1` (a tree a few levels deep).
fn broad(n: usize) -> String {
    let mut text = String::from(HEAD);
    for i in 0..n {
        let child = 7 * i + 1;
        let next = if child < n {
            format!(", c: {{$ref: '#/components/schemas/S{child}'}}")
        } else {
            String::new()
        };
        writeln!(
            text,
            "    S{i}: {{type: object, required: [a], properties: {{a: {{type: string, \
             maxLength: {}}}, b: {{type: integer}}{next}}}}}",
            i + 1
        )
        .unwrap();
    }
    text
}

/// `n` schemas, each holding the next.
fn chain(n: usize) -> String {
    let mut text = String::from(HEAD);
    for i in 0..n {
        let next = if i + 1 < n {
            format!(", c: {{$ref: '#/components/schemas/S{}'}}", i + 1)
        } else {
            String::new()
        };
        writeln!(
            text,
            "    S{i}: {{type: object, properties: {{a: {{type: string}}{next}}}}}"
        )
        .unwrap();
    }
    text
}

fn generate(text: &str) -> usize {
    let doc = Document::parse(Path::new("big.yaml"), text).expect("loads");
    Builder::new("big.yaml")
        .generate_from(&doc)
        .expect("generates")
        .len()
}

fn sizes(c: &mut Criterion) {
    let mut group = c.benchmark_group("generate");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    for (shape, n, text) in [
        ("broad", 1_000, broad(1_000)),
        ("broad", 2_000, broad(2_000)),
        ("broad", 4_000, broad(4_000)),
        ("broad", 8_000, broad(8_000)),
        ("chain", 500, chain(500)),
        ("chain", 1_000, chain(1_000)),
    ] {
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new(shape, n), &text, |b, text| {
            b.iter(|| generate(text))
        });
    }
    group.finish();
}

criterion_group!(benches, sizes);
criterion_main!(benches);
