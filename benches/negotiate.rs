//! Negotiation: how long one prediction takes against a Windows server
//! profile (`windows:server-2022`, about 30 enabled suites), for a client
//! that agrees at once, one that agrees on the server's last suite, and one
//! that fails (which builds its diagnosis). `benches/README.md` records the
//! figures.

// `criterion_group!` generates undocumented public functions.
#![allow(missing_docs)]

use std::hint::black_box;

use cipherdex::negotiate::{negotiate, parse_versions, Peer};
use cipherdex::profile::{resolve, Role};
use criterion::{criterion_group, criterion_main, Criterion};

fn client(names: &[&str], versions: &str) -> Peer {
    let mut p = Peer::from_names(names.iter().copied()).expect("known suites");
    p.versions = parse_versions(versions).expect("versions");
    p
}

fn bench(c: &mut Criterion) {
    let server = resolve("windows:server-2022", Role::Server)
        .expect("profile")
        .expect("a profile")
        .peer;
    // A typical modern client: TLS 1.2 only, a dozen suites, CBC last.
    let printer = client(
        &[
            "ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-RSA-AES256-GCM-SHA384",
            "ECDHE-ECDSA-AES128-GCM-SHA256",
            "ECDHE-ECDSA-AES256-GCM-SHA384",
            "DHE-RSA-AES128-GCM-SHA256",
            "DHE-RSA-AES256-GCM-SHA384",
            "ECDHE-RSA-AES128-SHA256",
            "ECDHE-RSA-AES256-SHA384",
            "ECDHE-RSA-AES128-SHA",
            "ECDHE-RSA-AES256-SHA",
            "AES128-GCM-SHA256",
            "AES256-GCM-SHA384",
            "AES128-SHA",
        ],
        "1.0-1.2",
    );
    // Only the server's last enabled TLS 1.2 suite matches: the whole list is walked.
    let last = *server.tls12_suites.last().expect("suites");
    let mut late = Peer::from_suites([last]);
    late.versions = parse_versions("1.2").expect("versions");
    let legacy = client(&["RC4-SHA", "CAMELLIA128-SHA"], "1.0-1.2");
    let tls13 = client(&["ECDHE-RSA-AES128-GCM-SHA256"], "1.0-1.3");

    // Groups, key shares, schemes and a security level on both sides; the
    // key share misses, so the server asks again (HelloRetryRequest).
    let mut modern = tls13.clone();
    modern.groups = Some(cipherdex::Group::parse_list("x448:secp384r1:x25519").expect("groups"));
    modern.key_shares = Some(cipherdex::Group::parse_list("x448").expect("groups"));
    modern.sigalgs = Some(
        cipherdex::SignatureScheme::parse_list(
            "ecdsa_secp256r1_sha256:ecdsa_secp384r1_sha384:rsa_pss_rsae_sha384:rsa_pss_rsae_sha256",
        )
        .expect("schemes"),
    );
    modern.security_level =
        cipherdex::openssl::SecurityLevel::new(cipherdex::openssl::Release::OpenSsl30, 2);
    let mut grouped = server.clone();
    grouped.groups = Some(cipherdex::Group::parse_list("secp256r1:secp384r1").expect("groups"));
    grouped.sigalgs = Some(
        cipherdex::SignatureScheme::parse_list("rsa_pss_rsae_sha256:rsa_pss_rsae_sha384")
            .expect("schemes"),
    );
    let mut modern12 = printer.clone();
    modern12.groups = modern.groups.clone();
    modern12.sigalgs = modern.sigalgs.clone();
    modern12.security_level = modern.security_level;

    let mut g = c.benchmark_group("negotiate_windows_server_2022");
    g.bench_function("tls13_groups_sigalgs_hrr", |b| {
        b.iter(|| black_box(negotiate(black_box(&modern), &grouped).outcome.is_ok()))
    });
    g.bench_function("tls12_groups_sigalgs", |b| {
        b.iter(|| black_box(negotiate(black_box(&modern12), &grouped).outcome.is_ok()))
    });
    g.bench_function("tls12_printer", |b| {
        b.iter(|| black_box(negotiate(black_box(&printer), &server).suite()))
    });
    g.bench_function("tls12_last_server_suite", |b| {
        b.iter(|| black_box(negotiate(black_box(&late), &server).suite()))
    });
    g.bench_function("tls13_default_client", |b| {
        b.iter(|| black_box(negotiate(black_box(&tls13), &server).suite()))
    });
    g.bench_function("failure_with_diagnosis", |b| {
        b.iter(|| black_box(negotiate(black_box(&legacy), &server).is_ok()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
