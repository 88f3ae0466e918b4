//! `cipherdex::lookup` never touches the heap: a counting global allocator
//! sees no allocation while it looks up every name (in several letter cases),
//! every code spelling and a set of misses.
//!
//! The allocator counts per thread, so the test harness's own threads do not
//! disturb the count. This file holds its own allocator, so it is its own
//! test binary.

use cipherdex::Suite;

mod counting_alloc;

use counting_alloc::allocations_during;

/// Every spelling of every suite, in exact, lower, upper and alternating case,
/// padded with white space, plus code spellings and misses. Built before the
/// measured section, since building it allocates.
fn inputs() -> Vec<String> {
    let mut v = Vec::new();
    for s in Suite::all() {
        for a in s.aliases() {
            let n = a.name();
            v.push(n.to_string());
            v.push(n.to_ascii_lowercase());
            v.push(n.to_ascii_uppercase());
            v.push(
                n.chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if i % 2 == 0 {
                            c.to_ascii_lowercase()
                        } else {
                            c.to_ascii_uppercase()
                        }
                    })
                    .collect(),
            );
            v.push(format!("  {n}\t\n"));
        }
        let c = s.code();
        v.push(format!("0x{c:04X}"));
        v.push(format!("{c:04x}"));
        v.push(format!("x{c:x}"));
        if c <= 0xFFFF {
            v.push(format!("0x{:02X},0x{:02X}", c >> 8, c & 0xFF));
            v.push(format!("{{0x{:02x}, 0x{:02x}}}", c >> 8, c & 0xFF));
            v.push(format!("{:02x} {:02x}", c >> 8, c & 0xFF));
        } else {
            v.push(format!(
                "0x{:02X},0x{:02X},0x{:02X}",
                c >> 16,
                (c >> 8) & 0xFF,
                c & 0xFF
            ));
        }
    }
    for miss in [
        "",
        " ",
        "ECDHE-RSA-AES256-GCM-SHA348",
        "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P999",
        "0x",
        "0xZZZZ",
        "{0xC0,}",
        "0x01,0x02,0x03,0x04",
        "é-ünïcödé-ÄES",
        "\u{0}\u{1}\u{7f}",
    ] {
        v.push(miss.to_string());
    }
    v.push("A".repeat(10_000));
    v.push("TLS_".repeat(1_000));
    v
}

#[test]
fn lookup_never_allocates() {
    let inputs = inputs();
    let (allocs, found) = allocations_during(|| {
        let mut found = 0usize;
        for s in &inputs {
            found += usize::from(cipherdex::lookup(s).is_some());
        }
        found
    });
    assert_eq!(allocs, 0, "cipherdex::lookup allocated {allocs} times");
    // Every name and code input above is known; only the misses are not.
    assert!(
        found >= inputs.len() - 12,
        "found {found} of {}",
        inputs.len()
    );
}

#[test]
fn lookup_all_and_from_code_never_allocate() {
    let inputs = inputs();
    let (allocs, n) = allocations_during(|| {
        let mut n = 0usize;
        for s in &inputs {
            n += cipherdex::lookup_all(s).count();
        }
        for code in 0..=0x1_0000u32 {
            n += usize::from(Suite::from_code(code).is_some());
        }
        for s in Suite::all() {
            n += usize::from(Suite::from_code(s.code()).is_some());
        }
        n
    });
    assert_eq!(allocs, 0, "lookup_all/from_code allocated {allocs} times");
    assert!(n > inputs.len() / 2);
}

#[test]
fn the_counter_counts() {
    // The check above could pass on a broken counter; this one shows it counts.
    let (allocs, v) = allocations_during(|| vec![1u8; 100]);
    assert_eq!(v.len(), 100);
    assert!(allocs >= 1, "the counting allocator saw no allocation");
}
