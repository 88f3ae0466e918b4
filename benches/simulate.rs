//! `simulate`: every client of the catalogue against one server, per
//! iteration, including building each client's `Peer` and the diagnosis of
//! every failure. Issue 18's target: under 1 ms. `benches/README.md` records
//! the figures.

// `criterion_group!` generates undocumented public functions.
#![allow(missing_docs)]

use std::hint::black_box;

use cipherdex::clients::{self, Client};
use cipherdex::negotiate::{parse_versions, Peer};
use cipherdex::profile::{resolve, Role};
use cipherdex::simulate::simulate;
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let all: Vec<&'static Client> = clients::all().iter().collect();
    // A server most clients reach: Windows Server 2022's defaults.
    let windows = resolve("windows:server-2022", Role::Server)
        .expect("profile")
        .expect("a profile")
        .peer;
    // A strict server many clients fail against (each failure builds its diagnosis):
    // TLS 1.3 only, one suite, one group.
    let mut strict = Peer::from_names(["TLS_AES_256_GCM_SHA384"]).expect("suite");
    strict.versions = parse_versions("1.3").expect("versions");
    strict.groups = Some(cipherdex::Group::parse_list("secp384r1").expect("group"));

    let mut g = c.benchmark_group("simulate_every_client");
    g.bench_function("windows_server_2022", |b| {
        b.iter(|| black_box(simulate(black_box(&windows), &all).len()))
    });
    g.bench_function("tls13_only_secp384r1", |b| {
        b.iter(|| black_box(simulate(black_box(&strict), &all).len()))
    });
    g.finish();
    eprintln!("{} clients in the catalogue", all.len());
}

criterion_group!(benches, bench);
criterion_main!(benches);
