//! Reading real certificates (tests/fixtures/certs, described in its README from
//! `openssl x509 -text`) and judging which suites they serve.

use cipherdex::cert::{fits, CertKey, KeyType, KeyUsage, NamedCurve};
use cipherdex::Protocol;

fn read(name: &str) -> CertKey {
    let path = format!("{}/tests/fixtures/certs/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    CertKey::from_pem_or_der(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn key_types_sizes_curves_and_signers() {
    let rsa = read("rsa.pem");
    assert_eq!(
        (rsa.key, rsa.bits, rsa.key_usage),
        (KeyType::Rsa, Some(2048), None)
    );
    assert_eq!(rsa.signed_by, Some(KeyType::Rsa));
    assert_eq!(read("rsa.der"), rsa, "PEM and DER of one certificate");
    let pss = read("rsa-pss.pem");
    assert_eq!(
        (pss.key, pss.signed_by),
        (KeyType::RsaPss, Some(KeyType::RsaPss))
    );
    let p384 = read("ecdsa-p384.pem");
    assert_eq!(
        (p384.key, p384.curve, p384.bits),
        (KeyType::Ecdsa, Some(NamedCurve::P384), Some(384))
    );
    assert_eq!(read("ed25519.pem").key, KeyType::Ed25519);
    assert_eq!(read("ed448.pem").key, KeyType::Ed448);
    let dsa = read("dsa.pem");
    assert_eq!((dsa.key, dsa.signed_by), (KeyType::Dsa, Some(KeyType::Dsa)));
}

#[test]
fn key_usage_and_chain_leaf() {
    let sign_only = read("rsa-sign-only.pem");
    assert_eq!(
        sign_only.key_usage,
        Some(KeyUsage::NONE.with_digital_signature())
    );
    let rsa_kx = cipherdex::lookup("AES128-GCM-SHA256").unwrap();
    let ecdhe = cipherdex::lookup("ECDHE-RSA-AES128-GCM-SHA256").unwrap();
    assert!(!fits(rsa_kx, &sign_only, Protocol::Tls12).ok);
    assert!(fits(ecdhe, &sign_only, Protocol::Tls12).ok);
    // The chain's first certificate is the leaf: an EC key for key agreement only, signed by RSA.
    let ecdh = read("ecdh-rsa-chain.pem");
    assert_eq!(
        (ecdh.key, ecdh.curve, ecdh.signed_by),
        (KeyType::Ecdh, Some(NamedCurve::P256), Some(KeyType::Rsa))
    );
    let ecdh_rsa = cipherdex::lookup("TLS_ECDH_RSA_WITH_AES_128_CBC_SHA").unwrap();
    let ecdh_ecdsa = cipherdex::lookup("TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA").unwrap();
    let ecdhe_ecdsa = cipherdex::lookup("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA").unwrap();
    assert!(fits(ecdh_rsa, &ecdh, Protocol::Tls10).ok);
    assert!(!fits(ecdh_ecdsa, &ecdh, Protocol::Tls10).ok);
    assert!(
        !fits(ecdhe_ecdsa, &ecdh, Protocol::Tls12).ok,
        "keyAgreement only: cannot sign"
    );
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    for bytes in [
        &b""[..],
        b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        b"\x30\x03\x02\x01\x00",
        b"-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n",
    ] {
        let err = CertKey::from_pem_or_der(bytes).unwrap_err();
        assert!(!err.to_string().is_empty());
    }
}
