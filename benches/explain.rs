//! `cipherdex::explain` over a 1 MB log (target: under 50 ms).
//!
//! The log is made of nginx error-log and access-log lines, one in 50 of them
//! a TLS error that `explain` knows, the rest ordinary text full of the words
//! the patterns start with ("SSL", "the", "certificate", "client").

#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn log(bytes: usize) -> String {
    let plain = [
        "2026/12/02 10:00:01 [info] 1234#1234: *5 client 10.0.0.7 closed keepalive connection\n",
        "10.0.0.7 - - [02/Dec/2026:10:00:01 +0000] \"GET /static/app.js HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0\"\n",
        "2026/12/02 10:00:02 [notice] 1234#1234: the certificate for the server was reloaded, SSL context updated\n",
        "2026/12/02 10:00:03 [info] 1234#1234: *6 SSL handshake completed with client 10.0.0.8 using TLSv1.3\n",
    ];
    let errors = [
        "2026/12/02 10:00:04 [info] 1234#1234: *7 SSL_do_handshake() failed (SSL: error:0A0000C1:SSL routines::no shared cipher) while SSL handshaking, client: 10.0.0.9, server: 0.0.0.0:443\n",
        "2026/12/02 10:00:05 [info] 1234#1234: *8 peer closed connection in SSL handshake while SSL handshaking, client: 10.0.0.10\n",
        "2026/12/02 10:00:06 [error] 1234#1234: *9 upstream SSL certificate verify error: (10:certificate has expired) while SSL handshaking to upstream\n",
    ];
    let mut s = String::with_capacity(bytes + 200);
    let mut i = 0usize;
    while s.len() < bytes {
        if i % 50 == 49 {
            s.push_str(errors[(i / 50) % errors.len()]);
        } else {
            s.push_str(plain[i % plain.len()]);
        }
        i += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = log(1 << 20);
    let found = cipherdex::explain::explain(&text)
        .map(|f| f.len())
        .unwrap_or(0);
    assert!(
        found > 100,
        "the benchmark log must hold known messages ({found} found)"
    );
    let mut g = c.benchmark_group("explain");
    g.throughput(criterion::Throughput::Bytes(text.len() as u64));
    g.bench_function("nginx_log_1MB", |b| {
        b.iter(|| cipherdex::explain::explain(black_box(&text)).map(|f| f.len()))
    });
    // The same patterns with aho-corasick (leftmost-longest, ASCII case-insensitive),
    // the well-kept crate one would reach for; it finds the spans only (no word
    // boundaries, no line numbers, no findings).
    let ac = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(cipherdex::explain::patterns().map(|(p, _)| p))
        .expect("the patterns build an automaton");
    g.bench_function("aho_corasick_spans_1MB", |b| {
        b.iter(|| ac.find_iter(black_box(&text)).count())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
