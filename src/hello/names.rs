//! IANA names of the code points a ClientHello carries: extension types,
//! groups, signature schemes and versions.

use super::is_grease;

/// The IANA name of a TLS extension type (`0` → `server_name`), `GREASE`, or `None`.
///
/// ```
/// assert_eq!(cipherdex::hello::extension_name(43), Some("supported_versions"));
/// assert_eq!(cipherdex::hello::extension_name(0x3a3a), Some("GREASE"));
/// assert_eq!(cipherdex::hello::extension_name(0x1234), None);
/// ```
pub fn extension_name(kind: u16) -> Option<&'static str> {
    if is_grease(kind) {
        return Some("GREASE");
    }
    Some(match kind {
        0 => "server_name",
        1 => "max_fragment_length",
        2 => "client_certificate_url",
        3 => "trusted_ca_keys",
        4 => "truncated_hmac",
        5 => "status_request",
        6 => "user_mapping",
        7 => "client_authz",
        8 => "server_authz",
        9 => "cert_type",
        10 => "supported_groups",
        11 => "ec_point_formats",
        12 => "srp",
        13 => "signature_algorithms",
        14 => "use_srtp",
        15 => "heartbeat",
        16 => "application_layer_protocol_negotiation",
        17 => "status_request_v2",
        18 => "signed_certificate_timestamp",
        19 => "client_certificate_type",
        20 => "server_certificate_type",
        21 => "padding",
        22 => "encrypt_then_mac",
        23 => "extended_master_secret",
        24 => "token_binding",
        25 => "cached_info",
        26 => "tls_lts",
        27 => "compress_certificate",
        28 => "record_size_limit",
        29 => "pwd_protect",
        30 => "pwd_clear",
        31 => "password_salt",
        32 => "ticket_pinning",
        33 => "tls_cert_with_extern_psk",
        34 => "delegated_credential",
        35 => "session_ticket",
        36 => "TLMSP",
        37 => "TLMSP_proxying",
        38 => "TLMSP_delegate",
        39 => "supported_ekt_ciphers",
        41 => "pre_shared_key",
        42 => "early_data",
        43 => "supported_versions",
        44 => "cookie",
        45 => "psk_key_exchange_modes",
        47 => "certificate_authorities",
        48 => "oid_filters",
        49 => "post_handshake_auth",
        50 => "signature_algorithms_cert",
        51 => "key_share",
        52 => "transparency_info",
        53 => "connection_id (deprecated)",
        54 => "connection_id",
        55 => "external_id_hash",
        56 => "external_session_id",
        57 => "quic_transport_parameters",
        58 => "ticket_request",
        59 => "dnssec_chain",
        60 => "sequence_number_encryption_algorithms",
        61 => "rrc",
        13172 => "next_protocol_negotiation (not IANA)",
        17513 => "application_settings (not IANA)",
        65037 => "encrypted_client_hello",
        65281 => "renegotiation_info",
        _ => return None,
    })
}

/// The IANA name of a supported group (`29` → `x25519`), `GREASE`, or `None`.
///
/// ```
/// assert_eq!(cipherdex::hello::group_name(23), Some("secp256r1"));
/// assert_eq!(cipherdex::hello::group_name(0x11EC), Some("X25519MLKEM768"));
/// ```
pub fn group_name(group: u16) -> Option<&'static str> {
    if is_grease(group) {
        return Some("GREASE");
    }
    const LOW: [&str; 42] = [
        "",
        "sect163k1",
        "sect163r1",
        "sect163r2",
        "sect193r1",
        "sect193r2",
        "sect233k1",
        "sect233r1",
        "sect239k1",
        "sect283k1",
        "sect283r1",
        "sect409k1",
        "sect409r1",
        "sect571k1",
        "sect571r1",
        "secp160k1",
        "secp160r1",
        "secp160r2",
        "secp192k1",
        "secp192r1",
        "secp224k1",
        "secp224r1",
        "secp256k1",
        "secp256r1",
        "secp384r1",
        "secp521r1",
        "brainpoolP256r1",
        "brainpoolP384r1",
        "brainpoolP512r1",
        "x25519",
        "x448",
        "brainpoolP256r1tls13",
        "brainpoolP384r1tls13",
        "brainpoolP512r1tls13",
        "GC256A",
        "GC256B",
        "GC256C",
        "GC256D",
        "GC512A",
        "GC512B",
        "GC512C",
        "curveSM2",
    ];
    Some(match group {
        1..=41 => LOW[usize::from(group)],
        256 => "ffdhe2048",
        257 => "ffdhe3072",
        258 => "ffdhe4096",
        259 => "ffdhe6144",
        260 => "ffdhe8192",
        512 => "MLKEM512",
        513 => "MLKEM768",
        514 => "MLKEM1024",
        0x11EB => "SecP256r1MLKEM768",
        0x11EC => "X25519MLKEM768",
        0x11ED => "SecP384r1MLKEM1024",
        0x6399 => "X25519Kyber768Draft00 (obsolete)",
        0xFF01 => "arbitrary_explicit_prime_curves",
        0xFF02 => "arbitrary_explicit_char2_curves",
        _ => return None,
    })
}

/// The IANA name of a signature scheme (`0x0804` → `rsa_pss_rsae_sha256`),
/// TLS 1.2 hash/signature pairs included (`0x0202` → `dsa_sha1`), or `None`.
///
/// ```
/// assert_eq!(cipherdex::hello::signature_scheme_name(0x0403), Some("ecdsa_secp256r1_sha256"));
/// assert_eq!(cipherdex::hello::signature_scheme_name(0x0807), Some("ed25519"));
/// ```
pub fn signature_scheme_name(scheme: u16) -> Option<&'static str> {
    if is_grease(scheme) {
        return Some("GREASE");
    }
    Some(match scheme {
        0x0101 => "rsa_md5",
        0x0102 => "dsa_md5",
        0x0103 => "ecdsa_md5",
        0x0201 => "rsa_pkcs1_sha1",
        0x0202 => "dsa_sha1",
        0x0203 => "ecdsa_sha1",
        0x0301 => "rsa_sha224",
        0x0302 => "dsa_sha224",
        0x0303 => "ecdsa_sha224",
        0x0401 => "rsa_pkcs1_sha256",
        0x0402 => "dsa_sha256",
        0x0403 => "ecdsa_secp256r1_sha256",
        0x0420 => "rsa_pkcs1_sha256_legacy",
        0x0501 => "rsa_pkcs1_sha384",
        0x0502 => "dsa_sha384",
        0x0503 => "ecdsa_secp384r1_sha384",
        0x0520 => "rsa_pkcs1_sha384_legacy",
        0x0601 => "rsa_pkcs1_sha512",
        0x0602 => "dsa_sha512",
        0x0603 => "ecdsa_secp521r1_sha512",
        0x0620 => "rsa_pkcs1_sha512_legacy",
        0x0704 => "eccsi_sha256",
        0x0705 => "iso_ibs1",
        0x0706 => "iso_ibs2",
        0x0707 => "iso_chinese_ibs",
        0x0708 => "sm2sig_sm3",
        0x0709 => "gostr34102012_256a",
        0x070A => "gostr34102012_256b",
        0x070B => "gostr34102012_256c",
        0x070C => "gostr34102012_256d",
        0x070D => "gostr34102012_512a",
        0x070E => "gostr34102012_512b",
        0x070F => "gostr34102012_512c",
        0x0804 => "rsa_pss_rsae_sha256",
        0x0805 => "rsa_pss_rsae_sha384",
        0x0806 => "rsa_pss_rsae_sha512",
        0x0807 => "ed25519",
        0x0808 => "ed448",
        0x0809 => "rsa_pss_pss_sha256",
        0x080A => "rsa_pss_pss_sha384",
        0x080B => "rsa_pss_pss_sha512",
        0x081A => "ecdsa_brainpoolP256r1tls13_sha256",
        0x081B => "ecdsa_brainpoolP384r1tls13_sha384",
        0x081C => "ecdsa_brainpoolP512r1tls13_sha512",
        0x0904 => "mldsa44",
        0x0905 => "mldsa65",
        0x0906 => "mldsa87",
        _ => return None,
    })
}

/// The name of a protocol version number (`0x0303` → `TLSv1.2`), `GREASE`, or `None`.
///
/// ```
/// assert_eq!(cipherdex::hello::version_name(0x0304), Some("TLSv1.3"));
/// assert_eq!(cipherdex::hello::version_name(0x7f1c), Some("TLSv1.3 (draft)"));
/// ```
pub fn version_name(version: u16) -> Option<&'static str> {
    if is_grease(version) {
        return Some("GREASE");
    }
    Some(match version {
        0x0002 => "SSLv2",
        0x0300 => "SSLv3",
        0x0301 => "TLSv1.0",
        0x0302 => "TLSv1.1",
        0x0303 => "TLSv1.2",
        0x0304 => "TLSv1.3",
        0x7f00..=0x7fff => "TLSv1.3 (draft)",
        0xfeff => "DTLSv1.0",
        0xfefd => "DTLSv1.2",
        0xfefc => "DTLSv1.3",
        _ => return None,
    })
}
