//! `Matcher::is_match` against `Regex::is_match` (the plain translation) on
//! realistic values, every one different, for patterns of the shapes real
//! documents hold.
//!
//! `cargo bench -p ecma262-regex --bench matcher` runs the criterion
//! benchmarks, then prints a table of both timings per value and their
//! ratio, measured in the same run (alternating rounds, fastest of each).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use ecma262_regex::{compile, Matcher};

/// Values per pattern.
const N: usize = 1000;

/// Rounds per implementation in the ratio table.
const ROUNDS: usize = 101;

/// xorshift64*: deterministic values without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    fn string(&mut self, alphabet: &[u8], len: usize) -> String {
        (0..len)
            .map(|_| alphabet[self.below(alphabet.len() as u64) as usize] as char)
            .collect()
    }
}

const DIGITS: &[u8] = b"0123456789";
const NAME: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";
const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const REGIONS: &[&str] = &[
    "us-east-1",
    "us-west-2",
    "eu-west-1",
    "eu-central-1",
    "ap-southeast-2",
    "ap-northeast-1",
    "sa-east-1",
    "cn-north-1",
];

/// 56-digit sequence numbers.
fn sequence_numbers(rng: &mut Rng) -> Vec<String> {
    (0..N)
        .map(|_| {
            let first = (b'1' + rng.below(9) as u8) as char;
            format!("{first}{}", rng.string(DIGITS, 55))
        })
        .collect()
}

/// Names and keys of 8 to 40 characters.
fn names(rng: &mut Rng) -> Vec<String> {
    (0..N)
        .map(|_| {
            let len = 8 + rng.below(33) as usize;
            rng.string(NAME, len)
        })
        .collect()
}

/// ARNs with different partitions, regions, accounts and stream names.
fn arns(rng: &mut Rng) -> Vec<String> {
    (0..N)
        .map(|_| {
            let partition = rng.pick(&["aws", "aws", "aws", "aws-cn", "aws-us-gov"]);
            let region = rng.pick(REGIONS);
            let account = rng.string(DIGITS, 12);
            let len = 4 + rng.below(28) as usize;
            let name = rng.string(NAME, len);
            format!("arn:{partition}:example:{region}:{account}:stream/{name}")
        })
        .collect()
}

/// Base64 of 12 to 1,500 bytes, padded.
fn base64_blobs(rng: &mut Rng) -> Vec<String> {
    (0..N)
        .map(|_| {
            let bytes = 12 + rng.below(1489) as usize;
            let mut s = rng.string(BASE64, bytes.div_ceil(3) * 4);
            match bytes % 3 {
                1 => s.replace_range(s.len() - 2.., "=="),
                2 => s.replace_range(s.len() - 1.., "="),
                _ => {}
            }
            s
        })
        .collect()
}

/// Shard ids.
fn shard_ids(rng: &mut Rng) -> Vec<String> {
    (0..N)
        .map(|_| format!("shard-{}", rng.string(DIGITS, 12)))
        .collect()
}

/// Free text of 1 to 64 characters, one in eight with non-ASCII letters.
fn labels(rng: &mut Rng) -> Vec<String> {
    (0..N)
        .map(|i| {
            let len = 1 + rng.below(60) as usize;
            let s = rng.string(NAME, len);
            if i % 8 == 0 {
                format!("{s}é🚀")
            } else {
                s
            }
        })
        .collect()
}

/// Decimal numbers, some with a fraction (a pattern left to the regex).
fn decimals(rng: &mut Rng) -> Vec<String> {
    (0..N)
        .map(|_| {
            let int = 1 + rng.below(12) as usize;
            let int = rng.string(DIGITS, int);
            if rng.below(2) == 0 {
                let frac = 1 + rng.below(6) as usize;
                format!("{int}.{}", rng.string(DIGITS, frac))
            } else {
                int
            }
        })
        .collect()
}

struct Case {
    name: &'static str,
    pattern: &'static str,
    values: Vec<String>,
}

fn cases() -> Vec<Case> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    vec![
        Case {
            name: "sequence_number",
            pattern: r"0|([1-9]\d{0,128})",
            values: sequence_numbers(&mut rng),
        },
        Case {
            name: "name",
            pattern: "[a-zA-Z0-9_.-]+",
            values: names(&mut rng),
        },
        Case {
            name: "arn",
            pattern: r"arn:aws.*:example:.*:\d{12}:stream/\S+",
            values: arns(&mut rng),
        },
        Case {
            name: "base64",
            pattern: "^[A-Za-z0-9+/]*={0,2}$",
            values: base64_blobs(&mut rng),
        },
        Case {
            name: "shard_id",
            pattern: "^shard-[0-9]{12}$",
            values: shard_ids(&mut rng),
        },
        Case {
            name: "label",
            pattern: "^.{1,64}$",
            values: labels(&mut rng),
        },
        Case {
            name: "decimal",
            pattern: r"^\d+(\.\d+)?$",
            values: decimals(&mut rng),
        },
    ]
}

fn count(values: &[String], is_match: impl Fn(&str) -> bool) -> usize {
    values.iter().filter(|v| is_match(black_box(v))).count()
}

fn bench(c: &mut Criterion, cases: &[Case]) {
    for case in cases {
        let regex = compile(case.pattern).unwrap();
        let matcher = Matcher::new(case.pattern).unwrap();
        let mut group = c.benchmark_group(case.name);
        group.throughput(Throughput::Elements(N as u64));
        group.bench_function("regex", |b| {
            b.iter(|| count(&case.values, |v| regex.is_match(v)))
        });
        group.bench_function("matcher", |b| {
            b.iter(|| count(&case.values, |v| matcher.is_match(v)))
        });
        group.finish();
    }
}

/// Nanoseconds per value of a pass over the values: the fastest of rounds
/// of about a millisecond, alternating with the other implementation's (on a
/// shared machine, interference only ever adds time).
fn ratios(cases: &[Case]) {
    println!();
    println!(
        "| values | pattern | matcher kind | Regex::is_match | Matcher::is_match | speed-up |"
    );
    println!("| --- | --- | --- | ---: | ---: | ---: |");
    for case in cases {
        let regex = compile(case.pattern).unwrap();
        let matcher = Matcher::new(case.pattern).unwrap();
        let time = |f: &dyn Fn() -> usize| {
            // Passes per sample, for samples of about 1 ms.
            let start = Instant::now();
            let mut passes = 0u32;
            while start.elapsed() < Duration::from_millis(1) {
                black_box(f());
                passes += 1;
            }
            let start = Instant::now();
            for _ in 0..passes {
                black_box(f());
            }
            start.elapsed().as_nanos() as f64 / f64::from(passes) / N as f64
        };
        let (mut r, mut m) = (Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            r.push(time(&|| count(&case.values, |v| regex.is_match(v))));
            m.push(time(&|| count(&case.values, |v| matcher.is_match(v))));
        }
        let fastest = |v: Vec<f64>| v.into_iter().fold(f64::INFINITY, f64::min);
        let (r, m) = (fastest(r), fastest(m));
        println!(
            "| {} | `{}` | {:?} | {r:.1} ns | {m:.1} ns | {:.1}x |",
            case.name,
            case.pattern.replace('|', r"\|"),
            matcher.kind(),
            r / m
        );
    }
}

fn main() {
    let cases = cases();
    // Both agree, and the values are realistic: they match.
    for case in &cases {
        let regex = compile(case.pattern).unwrap();
        let matcher = Matcher::new(case.pattern).unwrap();
        for v in &case.values {
            assert_eq!(
                matcher.is_match(v),
                regex.is_match(v),
                "{} {v:?}",
                case.pattern
            );
        }
        let matched = count(&case.values, |v| regex.is_match(v));
        assert!(matched * 10 >= N * 9, "{}: {matched} of {N}", case.name);
    }
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    bench(&mut c, &cases);
    c.final_summary();
    let args: Vec<String> = std::env::args().collect();
    if !args.iter().any(|a| a == "--list" || a == "--test") {
        ratios(&cases);
    }
}
