//! A successful `negotiate` never touches the heap (only a failure builds its
//! diagnosis): a counting global allocator sees no allocation while
//! predictions run against a Windows server profile and plain lists.
//!
//! This file holds its own allocator, so it is its own test binary.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn note_allocation() {
    // `try_with`: a thread being torn down may still allocate.
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// wrapper only counts.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_allocation();
        // SAFETY: as above; `ptr` came from this allocator, which is `System`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by this thread while `f` runs.
fn allocations_during<R>(f: impl FnOnce() -> R) -> (usize, R) {
    let before = ALLOCATIONS.with(Cell::get);
    let r = std::hint::black_box(f());
    (ALLOCATIONS.with(Cell::get) - before, r)
}

#[test]
fn successful_negotiation_does_not_allocate() {
    use cipherdex::negotiate::{negotiate, parse_versions, Peer, Preference};
    let server =
        cipherdex::profile::resolve("windows:server-2022", cipherdex::profile::Role::Server)
            .unwrap()
            .unwrap()
            .peer;
    let mut tls12 = Peer::from_names([
        "AES128-SHA",
        "ECDHE-ECDSA-AES128-SHA",
        "ECDHE-RSA-AES256-GCM-SHA384",
    ])
    .unwrap();
    tls12.versions = parse_versions("1.0-1.2").unwrap();
    let tls13 = Peer::from_names(["AES128-SHA"]).unwrap();
    let mut dual = server.clone();
    dual.certs = vec!["ecdsa-p256".parse().unwrap(), "rsa".parse().unwrap()];
    dual.preference = Preference::Client;
    for (client, server) in [(&tls12, &server), (&tls13, &server), (&tls12, &dual)] {
        let (n, ok) = allocations_during(|| {
            let n = negotiate(client, server);
            (n.is_ok(), n.shared().count())
        });
        assert!(ok.0, "the prediction should succeed");
        assert!(ok.1 > 0);
        assert_eq!(n, 0, "negotiate allocated {n} times");
    }
    // The check itself can see allocations: a failure allocates its diagnosis.
    let mut legacy = Peer::from_names(["RC4-SHA", "CAMELLIA128-SHA"]).unwrap();
    legacy.versions = parse_versions("1.2").unwrap();
    let (n, ok) = allocations_during(|| negotiate(&legacy, &server).is_ok());
    assert!(!ok);
    assert!(n > 0, "a failure builds a diagnosis");
}
