//! A successful `negotiate` never touches the heap (only a failure builds its
//! diagnosis): a counting global allocator sees no allocation while
//! predictions run against a Windows server profile and plain lists.
//!
//! This file holds its own allocator, so it is its own test binary.

mod counting_alloc;

use counting_alloc::allocations_during;

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
