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
    // Groups, key shares, schemes and security levels stated on both sides,
    // with a HelloRetryRequest: still no allocation.
    let mut modern = tls13.clone();
    modern.groups = Some(cipherdex::Group::parse_list("x448:secp384r1:x25519").unwrap());
    modern.key_shares = Some(cipherdex::Group::parse_list("x448").unwrap());
    modern.sigalgs = Some(
        cipherdex::SignatureScheme::parse_list(
            "ecdsa_secp256r1_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha256",
        )
        .unwrap(),
    );
    modern.security_level =
        cipherdex::openssl::SecurityLevel::new(cipherdex::openssl::Release::OpenSsl30, 2);
    let mut grouped = server.clone();
    grouped.groups = Some(cipherdex::Group::parse_list("secp256r1:secp384r1").unwrap());
    grouped.sigalgs = Some(
        cipherdex::SignatureScheme::parse_list("rsa_pss_rsae_sha256:rsa_pss_rsae_sha384").unwrap(),
    );
    let mut modern12 = modern.clone();
    modern12.versions = parse_versions("1.2").unwrap();
    modern12.tls12_suites = tls12.tls12_suites.clone();
    let n = negotiate(&modern, &grouped);
    let a = n.outcome.as_ref().expect("agrees");
    assert!(
        a.hello_retry && a.group.is_some() && a.sigalg.is_some(),
        "{a:?}"
    );
    for (client, server) in [
        (&tls12, &server),
        (&tls13, &server),
        (&tls12, &dual),
        (&modern, &grouped),
        (&modern12, &grouped),
    ] {
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
