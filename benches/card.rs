//! Rendering the text card of a suite (`cipherdex::Card`, what `cipherdex
//! show` prints): every known suite once per iteration, into a reused
//! `String`. `benches/README.md` records the figures; the target (issue 17)
//! is under 10 µs per card.

// `criterion_group!` generates undocumented public functions.
#![allow(missing_docs)]

use std::fmt::Write;
use std::hint::black_box;

use cipherdex::{Card, Suite};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn card(c: &mut Criterion) {
    let suites: Vec<&'static Suite> = Suite::all().iter().collect();
    let mut g = c.benchmark_group("card");
    g.throughput(Throughput::Elements(suites.len() as u64));
    let mut text = String::new();
    g.bench_function("Card::new(suite).to_string, every suite", |b| {
        b.iter(|| {
            for &s in &suites {
                text.clear();
                let _ = write!(text, "{}", Card::new(black_box(s)));
                black_box(text.len());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, card);
criterion_main!(benches);
