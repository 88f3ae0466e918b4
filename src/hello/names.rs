//! Names of the code points a ClientHello carries that no registry of
//! cipherdex holds: extension types and protocol versions. Suites, groups
//! and signature schemes are named by their registries
//! ([`ClientHello::suites`](super::ClientHello::suites), ...).

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
