//! The keywords ("aliases") of OpenSSL's cipher-string language.

use crate::records::openssl_bits::*;

/// One alias: a search pattern over the cipher table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Alias {
    pub(crate) name: &'static str,
    pub(crate) kx: u32,
    pub(crate) au: u32,
    pub(crate) enc: u32,
    pub(crate) mac: u32,
    pub(crate) min_tls: u16,
    pub(crate) strength: u8,
    /// First OpenSSL series that knows the alias (`30` = 3.0, `0` = all).
    pub(crate) since: u8,
}

const fn a(name: &'static str, kx: u32, au: u32, enc: u32, mac: u32) -> Alias {
    Alias {
        name,
        kx,
        au,
        enc,
        mac,
        min_tls: 0,
        strength: 0,
        since: 0,
    }
}
const fn v(name: &'static str, min_tls: u16) -> Alias {
    Alias {
        name,
        kx: 0,
        au: 0,
        enc: 0,
        mac: 0,
        min_tls,
        strength: 0,
        since: 0,
    }
}
const fn s(name: &'static str, enc: u32, strength: u8) -> Alias {
    Alias {
        name,
        kx: 0,
        au: 0,
        enc,
        mac: 0,
        min_tls: 0,
        strength,
        since: 0,
    }
}

/// Every alias of OpenSSL 1.1.1 and 3.x, in OpenSSL's table order.
pub(crate) static ALIASES: &[Alias] = &[
    a("ALL", 0, 0, !E_NULL, 0),
    a("COMPLEMENTOFALL", 0, 0, E_NULL, 0),
    s("COMPLEMENTOFDEFAULT", 0, S_NOT_DEFAULT),
    a("kRSA", K_RSA, 0, 0, 0),
    a("kEDH", K_DHE, 0, 0, 0),
    a("kDHE", K_DHE, 0, 0, 0),
    a("DH", K_DHE, 0, 0, 0),
    a("kEECDH", K_ECDHE, 0, 0, 0),
    a("kECDHE", K_ECDHE, 0, 0, 0),
    a("ECDH", K_ECDHE, 0, 0, 0),
    a("kPSK", K_PSK, 0, 0, 0),
    a("kRSAPSK", K_RSAPSK, 0, 0, 0),
    a("kECDHEPSK", K_ECDHEPSK, 0, 0, 0),
    a("kDHEPSK", K_DHEPSK, 0, 0, 0),
    a("kSRP", K_SRP, 0, 0, 0),
    a("kGOST", K_GOST, 0, 0, 0),
    a("kGOST18", K_GOST18, 0, 0, 0),
    a("aRSA", 0, A_RSA, 0, 0),
    a("aDSS", 0, A_DSS, 0, 0),
    a("DSS", 0, A_DSS, 0, 0),
    a("aNULL", 0, A_NULL, 0, 0),
    a("aECDSA", 0, A_ECDSA, 0, 0),
    a("ECDSA", 0, A_ECDSA, 0, 0),
    a("aPSK", 0, A_PSK, 0, 0),
    a("aGOST01", 0, A_GOST01, 0, 0),
    a("aGOST12", 0, A_GOST12, 0, 0),
    a("aGOST", 0, A_GOST01 | A_GOST12, 0, 0),
    a("aSRP", 0, A_SRP, 0, 0),
    a("EDH", K_DHE, !A_NULL, 0, 0),
    a("DHE", K_DHE, !A_NULL, 0, 0),
    a("EECDH", K_ECDHE, !A_NULL, 0, 0),
    a("ECDHE", K_ECDHE, !A_NULL, 0, 0),
    a("NULL", 0, 0, E_NULL, 0),
    a("RSA", K_RSA, A_RSA, 0, 0),
    a("ADH", K_DHE, A_NULL, 0, 0),
    a("AECDH", K_ECDHE, A_NULL, 0, 0),
    a("PSK", K_PSK_ALL, 0, 0, 0),
    a("SRP", K_SRP, 0, 0, 0),
    a("3DES", 0, 0, E_3DES, 0),
    a("RC4", 0, 0, E_RC4, 0),
    a("RC2", 0, 0, E_RC2, 0),
    a("IDEA", 0, 0, E_IDEA, 0),
    a("SEED", 0, 0, E_SEED, 0),
    a("eNULL", 0, 0, E_NULL, 0),
    a("GOST", 0, 0, E_GOST, 0),
    a(
        "AES128",
        0,
        0,
        E_AES128 | E_AES128GCM | E_AES128CCM | E_AES128CCM8,
        0,
    ),
    a(
        "AES256",
        0,
        0,
        E_AES256 | E_AES256GCM | E_AES256CCM | E_AES256CCM8,
        0,
    ),
    a("AES", 0, 0, E_AES, 0),
    a("AESGCM", 0, 0, E_AESGCM, 0),
    a("AESCCM", 0, 0, E_AESCCM, 0),
    a("AESCCM8", 0, 0, E_AESCCM8, 0),
    a("CAMELLIA128", 0, 0, E_CAMELLIA128, 0),
    a("CAMELLIA256", 0, 0, E_CAMELLIA256, 0),
    a("CAMELLIA", 0, 0, E_CAMELLIA, 0),
    a("CHACHA20", 0, 0, E_CHACHA20POLY1305, 0),
    a("GOST2012-GOST8912-GOST8912", 0, 0, E_GOST89_12, 0),
    a("ARIA", 0, 0, E_ARIAGCM, 0),
    a("ARIAGCM", 0, 0, E_ARIAGCM, 0),
    a("ARIA128", 0, 0, E_ARIA128GCM, 0),
    a("ARIA256", 0, 0, E_ARIA256GCM, 0),
    Alias {
        since: 30,
        ..a("CBC", 0, 0, E_CBC, 0)
    },
    a("MD5", 0, 0, 0, M_MD5),
    a("SHA1", 0, 0, 0, M_SHA1),
    a("SHA", 0, 0, 0, M_SHA1),
    a("GOST94", 0, 0, 0, M_GOST94),
    a("GOST89MAC", 0, 0, 0, M_GOST89MAC | M_GOST89MAC12),
    a("SHA256", 0, 0, 0, M_SHA256),
    a("SHA384", 0, 0, 0, M_SHA384),
    a("GOST12", 0, 0, 0, M_GOST12_256),
    v("SSLv3", SSL3),
    v("TLSv1", TLS1),
    v("TLSv1.0", TLS1),
    v("TLSv1.2", TLS1_2),
    s("LOW", 0, S_LOW),
    s("MEDIUM", 0, S_MEDIUM),
    s("HIGH", 0, S_HIGH),
    s("FIPS", !E_NULL, S_FIPS),
    Alias {
        strength: S_HIGH | S_FIPS,
        ..a("EDH-DSS-DES-CBC3-SHA", K_DHE, A_DSS, E_3DES, M_SHA1)
    },
    Alias {
        strength: S_HIGH | S_FIPS,
        ..a("EDH-RSA-DES-CBC3-SHA", K_DHE, A_RSA, E_3DES, M_SHA1)
    },
];

/// Words with a special meaning only at the very start of a cipher string.
pub(crate) const SUITEB: &[(&str, &str)] = &[
    ("SUITEB128ONLY", "ECDHE-ECDSA-AES128-GCM-SHA256"),
    ("SUITEB128C2", "ECDHE-ECDSA-AES256-GCM-SHA384"),
    (
        "SUITEB128",
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384",
    ),
    ("SUITEB192", "ECDHE-ECDSA-AES256-GCM-SHA384"),
];

/// OpenSSL's built-in DEFAULT rule (1.1.1 and 3.x).
pub(crate) const DEFAULT_RULE: &str = "ALL:!COMPLEMENTOFDEFAULT:!eNULL";

/// OpenSSL's default TLS 1.3 `-ciphersuites` list (1.1.1 and 3.x).
pub(crate) const DEFAULT_CIPHERSUITES: &str =
    "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256";
