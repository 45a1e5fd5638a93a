//! Peak heap while parsing (and validating) the 4,000-record Lambda event, owned and
//! zero-copy, counted by a global allocator. Target: at most twice the input size.
//! Exits non-zero if missed.
//!
//! Run with `cargo bench --bench memory`.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use kinesis_types::{borrowed, LambdaKinesisEvent};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = CURRENT.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = System.realloc(ptr, layout, new_size);
        if !new.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak heap above what was live before `f` ran, and `f`'s result.
fn peak_during<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = f();
    (PEAK.load(Ordering::Relaxed) - base, out)
}

fn main() {
    let input = common::lambda_event(4_000);
    let mib = |n: usize| n as f64 / (1024.0 * 1024.0);
    println!("input: {} bytes ({:.2} MiB)", input.len(), mib(input.len()));

    let mut worst = 0.0f64;
    let mut row = |name: &str, peak: usize| {
        let ratio = peak as f64 / input.len() as f64;
        worst = worst.max(ratio);
        println!(
            "{name:<68} peak heap {peak:>10} bytes ({:>6.2} MiB) = {ratio:.2}x input",
            mib(peak)
        );
    };

    let (peak, event) =
        peak_during(|| serde_json::from_slice::<LambdaKinesisEvent>(&input).unwrap());
    drop(event);
    row("serde_json::from_slice::<LambdaKinesisEvent>", peak);

    let (peak, event) =
        peak_during(|| kinesis_types::from_slice::<LambdaKinesisEvent>(&input).unwrap());
    drop(event);
    row("kinesis_types::from_slice::<LambdaKinesisEvent>", peak);

    let (peak, event) = peak_during(|| {
        kinesis_types::from_slice_borrowed::<borrowed::LambdaKinesisEvent>(&input).unwrap()
    });
    drop(event);
    row(
        "kinesis_types::from_slice_borrowed::<borrowed::LambdaKinesisEvent>",
        peak,
    );

    let (peak, value) =
        peak_during(|| serde_json::from_slice::<serde_json::Value>(&input).unwrap());
    drop(value);
    println!(
        "(for comparison) serde_json::Value peak heap {peak} bytes = {:.2}x input",
        peak as f64 / input.len() as f64
    );

    if worst > 2.0 {
        eprintln!("peak heap {worst:.2}x the input, above the 2x target");
        std::process::exit(1);
    }
}
