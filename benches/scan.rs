//! Reading scanner reports: a 1 MB sslscan XML report (the real fixture's
//! cipher lines repeated), the same report through detection, and a
//! ClientHello in hex. Throughput is in bytes; issue 8's target is more than
//! 100 MB/s for the sslscan XML. `benches/README.md` records the figures.

// `criterion_group!` generates undocumented public functions.
#![allow(missing_docs)]

use std::hint::black_box;

use cipherdex::input::{self, Format};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The real sslscan XML report with its cipher lines repeated to about 1 MB.
fn big_sslscan_xml() -> String {
    let x = fixture("sslscan_openssl-rsa-ec.xml");
    let start = x.find("  <cipher ").expect("cipher lines");
    let end = x.find("  <group ").expect("group lines");
    let mut doc = x[..start].to_string();
    while doc.len() < 1 << 20 {
        doc.push_str(&x[start..end]);
    }
    doc.push_str(&x[end..]);
    doc
}

fn bench(c: &mut Criterion) {
    let doc = big_sslscan_xml();
    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Bytes(doc.len() as u64));
    g.bench_function("sslscan_xml_1MB_parse_as", |b| {
        b.iter(|| input::report(Format::SslscanXml, black_box(&doc)).expect("parses"))
    });
    g.bench_function("sslscan_xml_1MB_parse_detect", |b| {
        b.iter(|| input::report(input::detect(black_box(&doc)), black_box(&doc)).expect("parses"))
    });
    let nmap = fixture("nmap_ssl-enum-ciphers_openssl-rsa-ec.xml");
    g.throughput(Throughput::Bytes(nmap.len() as u64));
    g.bench_function("nmap_xml_parse", |b| {
        b.iter(|| input::report(input::detect(black_box(&nmap)), black_box(&nmap)).expect("parses"))
    });
    let hello = fixture("scan/openssl_s_client-msg_tls13_nosni.txt");
    g.throughput(Throughput::Bytes(hello.len() as u64));
    g.bench_function("s_client_msg_clienthello", |b| {
        b.iter(|| {
            input::report(input::detect(black_box(&hello)), black_box(&hello)).expect("parses")
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
