//! Reads a suite's attributes from its canonical name.
//!
//! IANA names are regular: `TLS_<kx>[_<auth>][_EXPORT]_WITH_<cipher>_<mode>_<mac>`
//! for TLS 1.2 and earlier, `TLS_<cipher>_<mode>_<hash>` for TLS 1.3, and
//! `SSL_CK_<cipher>_WITH_<mac>` for SSL 2.0. Whatever a name does not say
//! (or says wrongly) is written as an override column in `data/suites.csv`.

use crate::attrs::{Authentication as Au, Cipher, KeyExchange as Kx, Mac, Mode, Prf};

/// What a name says about a suite. Protocols are decided later, from these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Derived {
    pub kex: Kx,
    pub auth: Au,
    pub cipher: Cipher,
    pub bits: u16,
    pub mode: Mode,
    pub mac: Mac,
    pub prf: Prf,
    pub export: bool,
    /// A TLS 1.3 suite (no key exchange or authentication of its own).
    pub tls13: bool,
    /// A signalling value (SCSV), not a real suite.
    pub scsv: bool,
}

impl Derived {
    fn signalling() -> Derived {
        Derived {
            kex: Kx::Null,
            auth: Au::Null,
            cipher: Cipher::Null,
            bits: 0,
            mode: Mode::None,
            mac: Mac::Null,
            prf: Prf::None,
            export: false,
            tls13: false,
            scsv: true,
        }
    }
}

/// Derives attributes from a canonical name, or says which part it cannot read.
pub fn from_name(name: &str) -> Result<Derived, String> {
    let upper = name.to_ascii_uppercase();
    if upper.ends_with("_SCSV") || upper == "GREASE" {
        return Ok(Derived::signalling());
    }
    if let Some(rest) = upper.strip_prefix("SSL_CK_") {
        return sslv2(rest);
    }
    // nmap marks draft code points with "-draft"; wolfSSL's private suite has no prefix.
    let upper = upper.strip_suffix("-DRAFT").unwrap_or(&upper);
    let body = upper
        .strip_prefix("TLS_")
        .or_else(|| upper.strip_prefix("SSL_"))
        .unwrap_or(upper);
    let body = body.strip_suffix("_OLD").unwrap_or(body);
    match body.split_once("_WITH_") {
        Some((left, right)) => {
            let (left, export) = strip_export(left);
            let (kex, auth) = key_exchange(left)
                .ok_or_else(|| format!("cannot read key exchange {left:?} in {name:?}"))?;
            let mut d = bulk(right, false).map_err(|e| format!("{e} in {name:?}"))?;
            d.kex = kex;
            d.auth = auth;
            d.export = export;
            if d.mode == Mode::Mgm {
                // GOST MGM suites (RFC 9367) are TLS 1.3 suites despite their WITH.
                d.tls13 = true;
                d.kex = Kx::Any;
                d.auth = Au::Any;
            }
            Ok(d)
        }
        None => {
            // Chinese GM/T suites as Wireshark spells them: TLS_ECDHE_SM4_GCM_SM3.
            for (prefix, kex, auth) in [
                ("ECDHE_SM", Kx::Ecdhe, Au::Sm2),
                ("ECC_SM", Kx::Sm2, Au::Sm2),
                ("IBSDH_SM", Kx::Ibsdh, Au::Ibc),
                ("IBC_SM", Kx::Ibc, Au::Ibc),
                ("RSA_SM", Kx::Rsa, Au::Rsa),
            ] {
                if let Some(rest) = body.strip_prefix(prefix) {
                    let mut d = bulk(&format!("SM{rest}"), false)
                        .map_err(|e| format!("{e} in {name:?}"))?;
                    d.kex = kex;
                    d.auth = auth;
                    return Ok(d);
                }
            }
            let mut d = bulk(body, true).map_err(|e| format!("{e} in {name:?}"))?;
            d.tls13 = true;
            d.kex = Kx::Any;
            d.auth = Au::Any;
            Ok(d)
        }
    }
}

fn strip_export(left: &str) -> (&str, bool) {
    for suffix in ["_EXPORT1024", "_EXPORT"] {
        if let Some(l) = left.strip_suffix(suffix) {
            return (l, true);
        }
    }
    (left, false)
}

fn key_exchange(left: &str) -> Option<(Kx, Au)> {
    Some(match left {
        "NULL" => (Kx::Null, Au::Null),
        "RSA" => (Kx::Rsa, Au::Rsa),
        "DH_DSS" => (Kx::Dh, Au::Dss),
        "DH_RSA" => (Kx::Dh, Au::Rsa),
        "DHE_DSS" => (Kx::Dhe, Au::Dss),
        "DHE_RSA" => (Kx::Dhe, Au::Rsa),
        "DH_ANON" => (Kx::Dhe, Au::Null),
        "ECDH_ANON" => (Kx::Ecdhe, Au::Null),
        "ECDH_ECDSA" => (Kx::Ecdh, Au::Ecdsa),
        "ECDH_RSA" => (Kx::Ecdh, Au::Rsa),
        "ECDH_ECNRA" => (Kx::Ecdh, Au::Ecnra),
        "ECDHE_ECDSA" => (Kx::Ecdhe, Au::Ecdsa),
        "ECDHE_RSA" => (Kx::Ecdhe, Au::Rsa),
        "ECMQV_ECDSA" => (Kx::Ecmqv, Au::Ecdsa),
        "ECMQV_ECNRA" => (Kx::Ecmqv, Au::Ecnra),
        "KRB5" => (Kx::Krb5, Au::Krb5),
        "PSK" => (Kx::Psk, Au::Psk),
        "DHE_PSK" | "PSK_DHE" => (Kx::DhePsk, Au::Psk),
        "ECDHE_PSK" => (Kx::EcdhePsk, Au::Psk),
        "RSA_PSK" => (Kx::RsaPsk, Au::Rsa),
        "SRP_SHA" => (Kx::Srp, Au::Srp),
        "SRP_SHA_RSA" => (Kx::Srp, Au::Rsa),
        "SRP_SHA_DSS" => (Kx::Srp, Au::Dss),
        "ECCPWD" => (Kx::Eccpwd, Au::Eccpwd),
        "ECJPAKE" => (Kx::Ecjpake, Au::Ecjpake),
        "CECPQ1_RSA" => (Kx::Cecpq1, Au::Rsa),
        "CECPQ1_ECDSA" => (Kx::Cecpq1, Au::Ecdsa),
        "FORTEZZA_KEA" | "FORTEZZA_DMS" => (Kx::Fortezza, Au::Fortezza),
        "RSA_FIPS" | "RSA_OLDFIPS" => (Kx::Rsa, Au::Rsa),
        "GOSTR341094" => (Kx::Gost94, Au::Gost94),
        "GOSTR341094_RSA" => (Kx::Rsa, Au::Rsa),
        "GOSTR341001" => (Kx::Gost01, Au::Gost01),
        "GOSTR341112_256" => (Kx::Gost12, Au::Gost12),
        "WDM" => (Kx::Wdm, Au::Wdm),
        _ => return None,
    })
}

/// Reads `<cipher>_<mode>_<mac or hash>`. With `tls13`, the last part is the
/// HKDF hash and the MAC is the AEAD tag (or an HMAC for integrity-only suites).
fn bulk(right: &str, tls13: bool) -> Result<Derived, String> {
    let toks: Vec<&str> = right.split('_').collect();
    let mut i = 0;
    let next = |i: &mut usize| -> Option<&str> {
        let t = toks.get(*i).copied();
        *i += 1;
        t
    };
    let bits_of = |t: Option<&str>| -> Result<u16, String> {
        t.and_then(|t| t.trim_end_matches('L').parse().ok())
            .ok_or_else(|| format!("missing key size in {right:?}"))
    };
    let first = next(&mut i).ok_or("empty cipher part")?;
    let (cipher, mut bits, mut mode) = match first {
        "NULL" => (Cipher::Null, 0, Mode::None),
        // TLS 1.3 integrity-only suites: TLS_SHA256_SHA256.
        "SHA256" | "SHA384" if tls13 => {
            i -= 1;
            (Cipher::Null, 0, Mode::None)
        }
        "RC4" => (Cipher::Rc4, bits_of(next(&mut i))?, Mode::Stream),
        "RC2" => {
            if toks.get(i) == Some(&"CBC") {
                i += 1;
            }
            (Cipher::Rc2, bits_of(next(&mut i))?, Mode::Cbc)
        }
        "DES40" => (Cipher::Des, 40, Mode::Cbc),
        "DES" => (Cipher::Des, 56, Mode::Cbc),
        "3DES" => {
            if toks.get(i) == Some(&"EDE") {
                i += 1;
            }
            (Cipher::TripleDes, 168, Mode::Cbc)
        }
        "IDEA" => (Cipher::Idea, 128, Mode::Cbc),
        "SEED" => (Cipher::Seed, 128, Mode::Cbc),
        "AES" => (Cipher::Aes, bits_of(next(&mut i))?, Mode::Cbc),
        "CAMELLIA" => (Cipher::Camellia, bits_of(next(&mut i))?, Mode::Cbc),
        "ARIA" => (Cipher::Aria, bits_of(next(&mut i))?, Mode::Cbc),
        "CHACHA20" => (Cipher::ChaCha20, 256, Mode::Poly1305),
        "28147" => (Cipher::Gost89, 256, Mode::Ctr),
        "KUZNYECHIK" => (Cipher::Kuznyechik, 256, Mode::Ctr),
        "MAGMA" => (Cipher::Magma, 256, Mode::Ctr),
        "FORTEZZA" => (Cipher::Skipjack, 80, Mode::Cbc),
        "ESTREAM" | "SALSA20" => {
            if first == "ESTREAM" {
                i += 1;
            }
            (Cipher::Salsa20, 256, Mode::Stream)
        }
        "SM1" => (Cipher::Sm1, 128, Mode::Cbc),
        "SM4" => (Cipher::Sm4, 128, Mode::Cbc),
        "AEGIS" => (Cipher::Aegis, bits_of(next(&mut i))?, Mode::Aead),
        "ASCONAEAD128" => (Cipher::Ascon, 128, Mode::Aead),
        other => return Err(format!("unknown cipher {other:?}")),
    };
    // Mode words.
    while let Some(t) = toks.get(i).copied() {
        match t {
            "CBC" => mode = Mode::Cbc,
            "GCM" => mode = Mode::Gcm,
            "CCM" => {
                mode = if toks.get(i + 1) == Some(&"8") {
                    i += 1;
                    Mode::Ccm8
                } else {
                    Mode::Ccm
                }
            }
            "POLY1305" => mode = Mode::Poly1305,
            "CNT" | "CTR" => mode = Mode::Ctr,
            "MGM" => {
                mode = Mode::Mgm;
                // _L / _S: the TLSTREE rekeying variant, not a size.
                if matches!(toks.get(i + 1), Some(&"L") | Some(&"S")) {
                    i += 1;
                }
            }
            "40" if cipher == Cipher::Des => bits = 40,
            _ => break,
        }
        i += 1;
    }
    let rest = &toks[i.min(toks.len())..];
    let mut mac_tok = rest.join("_");
    if mac_tok.is_empty() {
        // AES_128_CCM and friends: AEAD, SHA-256 PRF.
        if mode.is_aead() {
            mac_tok = "SHA256".into();
        } else {
            return Err(format!("no MAC in {right:?}"));
        }
    }
    let mac_of = |m: &str| -> Result<Mac, String> {
        Ok(match m {
            "SHA" | "SHA1" => Mac::Sha1,
            "SHA256" => Mac::Sha256,
            "SHA384" => Mac::Sha384,
            "MD5" => Mac::Md5,
            "IMIT" => Mac::Gost89,
            "OMAC" => Mac::Omac,
            "GOSTR3411" | "GOST94" => Mac::Gost94,
            "GOSTR3411_2012" => Mac::Streebog256,
            "SM3" => Mac::Sm3,
            "RMD" => Mac::Rmd160,
            "NULL" => Mac::Null,
            other => return Err(format!("unknown MAC {other:?}")),
        })
    };
    let prf_of = |m: &str| -> Result<Prf, String> {
        Ok(match m {
            "SHA" | "SHA1" | "MD5" | "SHA256" | "RMD" => Prf::Sha256,
            "SHA384" => Prf::Sha384,
            "SHA512" => Prf::Sha512,
            "SM3" => Prf::Sm3,
            "GOSTR3411" | "GOST94" => Prf::Gost94,
            "GOSTR3411_2012" | "OMAC" | "IMIT" => Prf::Streebog256,
            "ASCONHASH256" => Prf::AsconHash256,
            "NULL" => Prf::None,
            other => return Err(format!("unknown PRF hash {other:?}")),
        })
    };
    let (mac, prf) = if mode.is_aead() {
        (Mac::Aead, prf_of(&mac_tok)?)
    } else {
        // TLS 1.3 integrity-only suites name their HMAC hash twice.
        let h = if tls13 {
            rest.first().copied().unwrap_or("")
        } else {
            mac_tok.as_str()
        };
        (mac_of(h)?, prf_of(h)?)
    };
    Ok(Derived {
        kex: Kx::Null,
        auth: Au::Null,
        cipher,
        bits,
        mode,
        mac,
        prf,
        export: false,
        tls13,
        scsv: false,
    })
}

/// SSL 2.0 kinds: `RC4_128_EXPORT40_WITH_MD5`, `DES_192_EDE3_CBC_WITH_MD5`.
fn sslv2(rest: &str) -> Result<Derived, String> {
    let (left, mac) = match rest.split_once("_WITH_") {
        Some((l, m)) => (l, m),
        None if rest == "NULL" => ("NULL", "NULL"),
        None => return Err(format!("cannot read SSL 2.0 kind {rest:?}")),
    };
    let export = left.contains("EXPORT40");
    let (cipher, bits, mode) = if left.starts_with("RC4_128") {
        (Cipher::Rc4, 128, Mode::Stream)
    } else if left.starts_with("RC4_64") {
        (Cipher::Rc4, 64, Mode::Stream)
    } else if left.starts_with("RC2_128") {
        (Cipher::Rc2, 128, Mode::Cbc)
    } else if left.starts_with("IDEA_128") {
        (Cipher::Idea, 128, Mode::Cbc)
    } else if left.starts_with("DES_192_EDE3") {
        (Cipher::TripleDes, 168, Mode::Cbc)
    } else if left.starts_with("DES_64_CFB64") {
        (Cipher::Des, 56, Mode::Cfb)
    } else if left.starts_with("DES_64") {
        (Cipher::Des, 56, Mode::Cbc)
    } else if left == "NULL" {
        (Cipher::Null, 0, Mode::None)
    } else {
        return Err(format!("cannot read SSL 2.0 cipher {left:?}"));
    };
    let mac = match mac.trim_end_matches("_1") {
        "MD5" => Mac::Md5,
        "SHA" => Mac::Sha1,
        "NULL" => Mac::Null,
        other => return Err(format!("unknown SSL 2.0 MAC {other:?}")),
    };
    Ok(Derived {
        kex: if cipher == Cipher::Null && mac == Mac::Null {
            Kx::Null
        } else {
            Kx::Rsa
        },
        auth: if cipher == Cipher::Null && mac == Mac::Null {
            Au::Null
        } else {
            Au::Rsa
        },
        cipher,
        bits: if export { 40 } else { bits },
        mode,
        mac,
        prf: Prf::None,
        export,
        tls13: false,
        scsv: false,
    })
}
