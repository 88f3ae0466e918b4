//! Lookup and conversion: cipherdex against the crates a Rust user would pick
//! instead (`tls-parser`, `openssl_to_rfc`, `rustls`) and a `HashMap` baseline,
//! in the same run, over every known suite.
//!
//! Every benchmark walks a whole input list per iteration and reports
//! throughput in elements, so criterion's `thrpt` line reads as lookups per
//! second and `time / list length` is the cost of one lookup. The lists:
//!
//! - `code`: every two-byte code cipherdex knows (a `u16`);
//! - `iana_name`: every IANA name cipherdex knows, exact case;
//! - `openssl_name`: every OpenSSL name (current and historical), exact case;
//! - `any_name_lower`: every spelling of every scheme, in lower case;
//! - `any_name_mixed`: every spelling, letter case alternating;
//! - `convert_*`: a name in one scheme to the name in another;
//! - `suggest`: "did you mean" for misspelt names (`cipherdex::suggest`).
//!
//! Peers that do not know a name or code answer `None`; that is part of the
//! measured work (a real caller pays for misses too). `benches/README.md`
//! records the figures.

// `criterion_group!` generates undocumented public functions.
#![allow(missing_docs)]

use std::collections::{HashMap, HashSet};
use std::hint::black_box;
use std::str::FromStr;

use cipherdex::{Scheme, Suite};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn codes() -> Vec<u16> {
    Suite::all()
        .iter()
        .filter_map(|s| u16::try_from(s.code()).ok())
        .collect()
}

fn names_in(scheme: Scheme) -> Vec<&'static str> {
    let mut seen = HashSet::new();
    Suite::all()
        .iter()
        .flat_map(|s| s.names_in(scheme))
        .map(|a| a.name())
        .filter(|n| seen.insert(*n))
        .collect()
}

fn every_name() -> Vec<&'static str> {
    let mut seen = HashSet::new();
    Suite::all()
        .iter()
        .flat_map(|s| s.aliases())
        .map(|a| a.name())
        .filter(|n| seen.insert(*n))
        .collect()
}

fn mixed_case(s: &str) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 0 {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}

fn by_code(c: &mut Criterion) {
    let codes = codes();
    let map: HashMap<u16, &'static Suite> = Suite::all()
        .iter()
        .filter_map(|s| Some((u16::try_from(s.code()).ok()?, s)))
        .collect();
    let mut g = c.benchmark_group("code");
    g.throughput(Throughput::Elements(codes.len() as u64));
    g.bench_function("cipherdex Suite::from_code", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for &code in &codes {
                n += usize::from(Suite::from_code(u32::from(black_box(code))).is_some());
            }
            n
        })
    });
    g.bench_function("tls-parser TlsCipherSuite::from_id", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for &code in &codes {
                n += usize::from(tls_parser::TlsCipherSuite::from_id(black_box(code)).is_some());
            }
            n
        })
    });
    g.bench_function("rustls CipherSuite::from(u16)", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for &code in &codes {
                let cs = rustls::CipherSuite::from(black_box(code));
                n += usize::from(!matches!(cs, rustls::CipherSuite::Unknown(_)));
            }
            n
        })
    });
    g.bench_function("HashMap<u16, &Suite>", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for &code in &codes {
                n += usize::from(map.contains_key(&black_box(code)));
            }
            n
        })
    });
    g.finish();
}

/// A peer's name lookup: a label and whether it found the name.
type Peer<'a> = (&'a str, fn(&str) -> bool);

/// A name workload: cipherdex `lookup` against each peer given as `(label, fn)`,
/// plus a `HashMap<&str, &Suite>` keyed exactly as the inputs are spelled.
fn name_group(c: &mut Criterion, group: &str, inputs: &[String], peers: &[Peer]) {
    let map: HashMap<&str, &'static Suite> = inputs
        .iter()
        .filter_map(|n| Some((n.as_str(), cipherdex::lookup(n)?)))
        .collect();
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Elements(inputs.len() as u64));
    g.bench_function("cipherdex lookup", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for name in inputs {
                n += usize::from(cipherdex::lookup(black_box(name)).is_some());
            }
            n
        })
    });
    for (label, f) in peers {
        g.bench_function(*label, |b| {
            b.iter(|| {
                let mut n = 0usize;
                for name in inputs {
                    n += usize::from(f(black_box(name)));
                }
                n
            })
        });
    }
    g.bench_function("HashMap<&str, &Suite> (exact key)", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for name in inputs {
                n += usize::from(map.contains_key(black_box(name.as_str())));
            }
            n
        })
    });
    g.finish();
}

fn tls_parser_from_name(n: &str) -> bool {
    tls_parser::TlsCipherSuite::from_name(n).is_some()
}

fn o2r_from_rfc_name(n: &str) -> bool {
    openssl_to_rfc::TLSCipherSuite::from_str(n).is_ok()
}

fn o2r_from_openssl_name(n: &str) -> bool {
    openssl_to_rfc::TLSCipherSuite::from_openssl_name(n).is_some()
}

fn by_name(c: &mut Criterion) {
    let iana: Vec<String> = names_in(Scheme::Iana)
        .into_iter()
        .map(str::to_owned)
        .collect();
    name_group(
        c,
        "iana_name",
        &iana,
        &[
            ("tls-parser TlsCipherSuite::from_name", tls_parser_from_name),
            ("openssl_to_rfc TLSCipherSuite::from_str", o2r_from_rfc_name),
        ],
    );

    let openssl: Vec<String> = names_in(Scheme::OpenSsl)
        .into_iter()
        .map(str::to_owned)
        .collect();
    name_group(
        c,
        "openssl_name",
        &openssl,
        &[(
            "openssl_to_rfc TLSCipherSuite::from_openssl_name",
            o2r_from_openssl_name,
        )],
    );

    // Any name, any case: no peer matches case-insensitively, so the baseline
    // is a HashMap over lower-cased keys that lower-cases each input first.
    let all = every_name();
    let lower_map: HashMap<String, &'static Suite> = all
        .iter()
        .filter_map(|n| Some((n.to_ascii_lowercase(), cipherdex::lookup(n)?)))
        .collect();
    let lower: Vec<String> = all.iter().map(|n| n.to_ascii_lowercase()).collect();
    let mixed: Vec<String> = all.iter().map(|n| mixed_case(n)).collect();
    for (group, inputs) in [("any_name_lower", &lower), ("any_name_mixed", &mixed)] {
        name_group(c, group, inputs, &[]);
        let mut g = c.benchmark_group(group);
        g.throughput(Throughput::Elements(inputs.len() as u64));
        g.bench_function("HashMap<String, &Suite> + to_ascii_lowercase", |b| {
            b.iter(|| {
                let mut n = 0usize;
                for name in inputs.iter() {
                    let key = black_box(name.as_str()).to_ascii_lowercase();
                    n += usize::from(lower_map.contains_key(&key));
                }
                n
            })
        });
        g.finish();
    }
}

fn convert(c: &mut Criterion) {
    // OpenSSL name -> IANA name (what sslscan prints -> what Windows wants).
    let openssl = names_in(Scheme::OpenSsl);
    let map: HashMap<&str, &str> = openssl
        .iter()
        .filter_map(|n| Some((*n, cipherdex::lookup(n)?.name(Scheme::Iana)?)))
        .collect();
    let mut g = c.benchmark_group("convert_openssl_to_iana");
    g.throughput(Throughput::Elements(openssl.len() as u64));
    g.bench_function("cipherdex lookup + name(Iana)", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for name in &openssl {
                let iana = cipherdex::lookup(black_box(name)).and_then(|s| s.name(Scheme::Iana));
                n += iana.map_or(0, str::len);
            }
            n
        })
    });
    g.bench_function("openssl_to_rfc from_openssl_name + to_string", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for name in &openssl {
                let iana = openssl_to_rfc::TLSCipherSuite::from_openssl_name(black_box(name))
                    .map(|s| s.to_string());
                n += iana.map_or(0, |s| s.len());
            }
            n
        })
    });
    g.bench_function("HashMap<&str, &str>", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for name in &openssl {
                n += map.get(black_box(name)).map_or(0, |s| s.len());
            }
            n
        })
    });
    g.finish();

    // IANA name -> OpenSSL name.
    let iana = names_in(Scheme::Iana);
    let map: HashMap<&str, &str> = iana
        .iter()
        .filter_map(|n| Some((*n, cipherdex::lookup(n)?.name(Scheme::OpenSsl)?)))
        .collect();
    let mut g = c.benchmark_group("convert_iana_to_openssl");
    g.throughput(Throughput::Elements(iana.len() as u64));
    g.bench_function("cipherdex lookup + name(OpenSsl)", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for name in &iana {
                let o = cipherdex::lookup(black_box(name)).and_then(|s| s.name(Scheme::OpenSsl));
                n += o.map_or(0, str::len);
            }
            n
        })
    });
    g.bench_function("openssl_to_rfc from_str + as_openssl_name", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for name in &iana {
                let o = openssl_to_rfc::TLSCipherSuite::from_str(black_box(name))
                    .ok()
                    .map(|s| s.as_openssl_name());
                n += o.map_or(0, |s| s.len());
            }
            n
        })
    });
    g.bench_function("HashMap<&str, &str>", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for name in &iana {
                n += map.get(black_box(name)).map_or(0, |s| s.len());
            }
            n
        })
    });
    g.finish();

    // Code -> IANA name: rustls knows names for the suites it implements.
    let codes = codes();
    let mut g = c.benchmark_group("convert_code_to_name");
    g.throughput(Throughput::Elements(codes.len() as u64));
    g.bench_function("cipherdex from_code + canonical_name", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for &code in &codes {
                let s = Suite::from_code(u32::from(black_box(code)));
                n += s.map_or(0, |s| s.canonical_name().len());
            }
            n
        })
    });
    g.bench_function("tls-parser from_id + name", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for &code in &codes {
                let s = tls_parser::TlsCipherSuite::from_id(black_box(code));
                n += s.map_or(0, |s| s.name.len());
            }
            n
        })
    });
    g.bench_function("rustls CipherSuite::from + as_str", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for &code in &codes {
                let s = rustls::CipherSuite::from(black_box(code));
                n += s.as_str().map_or(0, str::len);
            }
            n
        })
    });
    g.finish();
}

/// Misspelt names of several lengths and schemes: each is answered from the
/// window of known names within a few edits of its length.
fn suggest(c: &mut Criterion) {
    let inputs = [
        "ECDHE-RSA-AES256-GCM-SHA348",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265",
        "tls_aes_128_gcm_sah256",
        "AES128-SAH",
        "rc4md5",
        "TLS_RSA_WITH_3DES_EDE_CBC_SHAA",
    ];
    let mut g = c.benchmark_group("suggest");
    g.throughput(Throughput::Elements(inputs.len() as u64));
    g.bench_function("cipherdex suggest(_, 3)", |b| {
        b.iter(|| {
            for s in &inputs {
                black_box(cipherdex::suggest(black_box(s), 3));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, by_code, by_name, convert, suggest);
criterion_main!(benches);
