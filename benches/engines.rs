//! The engines behind the CLI: evaluating an OpenSSL cipher string, one
//! negotiation against a Windows profile, parsing a scanner report, and
//! parsing a suite list. No peer crate does any of these, so the figures
//! stand against the targets of issue 9 (`benches/README.md`).

// `criterion_group!` generates undocumented public functions.
#![allow(missing_docs)]

use std::hint::black_box;

use cipherdex::input::{self, Format};
use cipherdex::negotiate::{negotiate, parse_versions, Peer};
use cipherdex::openssl::{evaluate, Release};
use cipherdex::profile::{resolve, Role};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn openssl_strings(c: &mut Criterion) {
    let mut g = c.benchmark_group("openssl_evaluate");
    for (label, s) in [
        ("HIGH:!aNULL:!MD5", "HIGH:!aNULL:!MD5"),
        ("DEFAULT", "DEFAULT"),
        (
            "ECDHE+AESGCM:ECDHE+CHACHA20:@STRENGTH",
            "ECDHE+AESGCM:ECDHE+CHACHA20:@STRENGTH",
        ),
    ] {
        let n = evaluate(s, Release::OpenSsl30)
            .expect("a valid cipher string")
            .ciphers()
            .len();
        assert!(n > 0, "{s} expands to nothing");
        g.bench_function(format!("{label} (OpenSSL 3.0, {n} suites)"), |b| {
            b.iter(|| evaluate(black_box(s), Release::OpenSsl30).map(|e| e.ciphers().len()))
        });
    }
    g.finish();
}

fn negotiation(c: &mut Criterion) {
    let server = resolve("windows:server-2022", Role::Server)
        .expect("a known profile")
        .expect("a profile");
    // A printer-like client: TLS 1.0-1.2, CBC and RSA key exchange first.
    let mut printer = Peer::from_names([
        "AES128-SHA",
        "AES256-SHA",
        "DES-CBC3-SHA",
        "ECDHE-RSA-AES128-SHA",
        "ECDHE-RSA-AES256-SHA",
    ])
    .expect("known names");
    printer.versions = parse_versions("1.0-1.2").expect("a version range");
    // A modern client: TLS 1.2-1.3 with a dozen suites.
    let mut modern = Peer::from_names([
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "ECDHE-ECDSA-AES128-GCM-SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305",
        "ECDHE-RSA-CHACHA20-POLY1305",
        "ECDHE-RSA-AES128-SHA",
        "ECDHE-RSA-AES256-SHA",
        "AES128-GCM-SHA256",
    ])
    .expect("known names");
    modern.versions = parse_versions("1.2-1.3").expect("a version range");

    let mut g = c.benchmark_group("negotiate");
    for (label, client) in [("printer", &printer), ("modern", &modern)] {
        let n = negotiate(client, &server.peer);
        let outcome = n.suite().map_or("no agreement".to_string(), |s| {
            s.canonical_name().to_string()
        });
        g.bench_function(format!("{label} vs windows:server-2022 ({outcome})"), |b| {
            b.iter(|| negotiate(black_box(client), black_box(&server.peer)).suite())
        });
    }
    g.finish();
}

/// About 1 MB of sslscan XML: the real report in tests/fixtures, its
/// `<ssltest>` element repeated as sslscan writes one per scanned host.
fn sslscan_xml_1mb() -> String {
    let sample = include_str!("../tests/fixtures/sslscan_openssl-rsa-ec.xml");
    let start = sample.find(" <ssltest").expect("an ssltest element");
    let end = sample.rfind("</ssltest>").expect("an ssltest element") + "</ssltest>\n".len();
    let (head, test, tail) = (&sample[..start], &sample[start..end], &sample[end..]);
    let mut xml = head.to_string();
    while xml.len() + test.len() + tail.len() <= 1_000_000 {
        xml.push_str(test);
    }
    xml.push_str(tail);
    xml
}

fn scanner_reports(c: &mut Criterion) {
    let xml = sslscan_xml_1mb();
    let report = input::report(Format::SslscanXml, &xml).expect("the repeated report parses");
    assert!(!report.suites().is_empty());
    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Bytes(xml.len() as u64));
    g.sample_size(20);
    g.bench_function(format!("sslscan XML, {} bytes", xml.len()), |b| {
        b.iter(|| input::report(Format::SslscanXml, black_box(&xml)).map(|r| r.sections.len()))
    });
    g.finish();
}

fn suite_lists(c: &mut Criterion) {
    // Every OpenSSL name, colon-separated, as `openssl ciphers` prints them.
    let names: Vec<&str> = cipherdex::Suite::all()
        .iter()
        .filter_map(|s| s.name(cipherdex::Scheme::OpenSsl))
        .collect();
    let text = names.join(":");
    let mut g = c.benchmark_group("list");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function(format!("input::parse, {} names", names.len()), |b| {
        b.iter(|| input::parse(black_box(&text)).len())
    });
    g.finish();
}

criterion_group!(
    benches,
    openssl_strings,
    negotiation,
    scanner_reports,
    suite_lists
);
criterion_main!(benches);
