//! Writers: from a suite list to configuration text for OpenSSL, GnuTLS and
//! web servers. Suites a format cannot express are reported, never dropped
//! silently.
//!
//! ```
//! use cipherdex::openssl::{evaluate, write::{compile, Dialect}, Release};
//!
//! let suites = evaluate("ECDHE+AESGCM:!ECDSA", Release::OpenSsl30).unwrap().suites();
//! let w = compile(Dialect::Nginx, &suites, Release::OpenSsl30);
//! assert_eq!(w.text(), "ssl_ciphers 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256';\n");
//! assert!(w.unexpressible().is_empty());
//! ```

use std::fmt;
use std::str::FromStr;

use super::{OpenSslCipher, Release};
use crate::records::openssl_bits::*;
use crate::suite::Suite;

/// A configuration dialect that [`compile`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dialect {
    /// An OpenSSL cipher string (and, for TLS 1.3 suites, a `-ciphersuites` list).
    OpenSsl,
    /// A GnuTLS priority string.
    GnuTls,
    /// nginx `ssl_ciphers` / `ssl_conf_command Ciphersuites` lines.
    Nginx,
    /// Apache httpd `SSLCipherSuite` lines.
    Apache,
    /// HAProxy `ssl-default-bind-ciphers` / `ssl-default-bind-ciphersuites` lines.
    Haproxy,
}

impl Dialect {
    /// Every dialect, in the order [`FromStr`] lists them.
    pub const ALL: [Dialect; 5] = [
        Dialect::OpenSsl,
        Dialect::GnuTls,
        Dialect::Nginx,
        Dialect::Apache,
        Dialect::Haproxy,
    ];
}

/// A name that is no configuration [`Dialect`].
///
/// ```
/// let e = "iis".parse::<cipherdex::openssl::Dialect>().unwrap_err();
/// assert_eq!(e.input(), "iis");
/// assert!(e.to_string().contains("openssl, gnutls, nginx, apache or haproxy"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialectError {
    input: String,
}

impl DialectError {
    /// The name as given.
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl fmt::Display for DialectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown configuration dialect `{}`: use openssl, gnutls, nginx, apache or haproxy",
            self.input
        )
    }
}

impl std::error::Error for DialectError {}

impl FromStr for Dialect {
    type Err = DialectError;
    /// `openssl`, `gnutls`, `nginx`, `apache` (or `httpd`), `haproxy` (any case).
    fn from_str(s: &str) -> Result<Dialect, DialectError> {
        match s.to_ascii_lowercase().as_str() {
            "openssl" => Ok(Dialect::OpenSsl),
            "gnutls" => Ok(Dialect::GnuTls),
            "nginx" => Ok(Dialect::Nginx),
            "apache" | "httpd" => Ok(Dialect::Apache),
            "haproxy" => Ok(Dialect::Haproxy),
            _ => Err(DialectError {
                input: s.to_owned(),
            }),
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dialect::OpenSsl => "openssl",
            Dialect::GnuTls => "gnutls",
            Dialect::Nginx => "nginx",
            Dialect::Apache => "apache",
            Dialect::Haproxy => "haproxy",
        })
    }
}

/// Configuration text plus what it could not say exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Written {
    text: String,
    unexpressible: Vec<&'static Suite>,
    also_enables: Vec<&'static Suite>,
}

impl Written {
    /// The text, one directive per line (each line ends with `\n`).
    pub fn text(&self) -> &str {
        &self.text
    }
    /// Suites of the input that the output cannot select (unknown to the
    /// target build or to the format).
    pub fn unexpressible(&self) -> &[&'static Suite] {
        &self.unexpressible
    }
    /// Suites the output selects although the input did not list them (only
    /// GnuTLS priority strings, which cannot name single suites).
    pub fn also_enables(&self) -> &[&'static Suite] {
        &self.also_enables
    }
}

fn split(
    suites: &[&'static Suite],
    target: Release,
) -> (
    Vec<&'static OpenSslCipher>,
    Vec<&'static OpenSslCipher>,
    Vec<&'static Suite>,
) {
    let (mut t12, mut t13, mut bad) = (Vec::new(), Vec::new(), Vec::new());
    for s in suites {
        let c = u16::try_from(s.code())
            .ok()
            .and_then(|c| target.cipher_by_code(c));
        match c {
            Some(c) if c.is_tls13() => {
                if !t13.contains(&c) {
                    t13.push(c)
                }
            }
            Some(c) => {
                if !t12.contains(&c) {
                    t12.push(c)
                }
            }
            None => bad.push(*s),
        }
    }
    (t12, t13, bad)
}

fn join(v: &[&OpenSslCipher]) -> String {
    v.iter().map(|c| c.name()).collect::<Vec<_>>().join(":")
}

/// Writes `suites` for `format`, as the `target` OpenSSL build names them
/// (web servers are assumed to be linked against that build).
///
/// * `openssl`: line 1 the cipher string (explicit names, in order), line 2
///   (if any TLS 1.3 suite) the `-ciphersuites` list.
/// * `nginx`: `ssl_ciphers '...';` and `ssl_conf_command Ciphersuites ...;`
/// * `apache`: `SSLCipherSuite ...` and `SSLCipherSuite TLSv1.3 ...`
/// * `haproxy`: `ssl-default-bind-ciphers ...` and `ssl-default-bind-ciphersuites ...`
/// * `gnutls`: see [`gnutls_priority`].
///
/// ```
/// use cipherdex::openssl::write::{compile, Dialect};
/// let s = [cipherdex::lookup("TLS_AES_128_GCM_SHA256").unwrap(), cipherdex::lookup("AES128-SHA").unwrap()];
/// let w = compile(Dialect::Haproxy, &s, Default::default());
/// assert_eq!(w.text(), "ssl-default-bind-ciphers AES128-SHA\nssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256\n");
/// ```
pub fn compile(format: Dialect, suites: &[&'static Suite], target: Release) -> Written {
    if format == Dialect::GnuTls {
        return gnutls_priority(suites, target);
    }
    let (t12, t13, unexpressible) = split(suites, target);
    let mut text = String::new();
    let (a, b) = (join(&t12), join(&t13));
    let mut line = |s: String| {
        text.push_str(&s);
        text.push('\n');
    };
    match format {
        Dialect::OpenSsl => {
            line(a);
            if !b.is_empty() {
                line(b);
            }
        }
        Dialect::Nginx => {
            if !a.is_empty() {
                line(format!("ssl_ciphers '{a}';"));
            }
            if !b.is_empty() {
                line(format!("ssl_conf_command Ciphersuites {b};"));
            }
        }
        Dialect::Apache => {
            if !a.is_empty() {
                line(format!("SSLCipherSuite {a}"));
            }
            if !b.is_empty() {
                line(format!("SSLCipherSuite TLSv1.3 {b}"));
            }
        }
        Dialect::Haproxy => {
            if !a.is_empty() {
                line(format!("ssl-default-bind-ciphers {a}"));
            }
            if !b.is_empty() {
                line(format!("ssl-default-bind-ciphersuites {b}"));
            }
        }
        Dialect::GnuTls => {}
    }
    Written {
        text,
        unexpressible,
        also_enables: Vec::new(),
    }
}

/// An OpenSSL cipher string naming the TLS <= 1.2 suites explicitly, in
/// order; `openssl ciphers` selects exactly them, in that order. TLS 1.3
/// suites belong in [`openssl_ciphersuites`] and are reported as
/// unexpressible here.
///
/// ```
/// let s = [cipherdex::lookup("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").unwrap()];
/// let w = cipherdex::openssl::write::openssl_string(&s, Default::default());
/// assert_eq!(w.text(), "ECDHE-RSA-AES128-GCM-SHA256");
/// ```
pub fn openssl_string(suites: &[&'static Suite], target: Release) -> Written {
    let (t12, t13, mut unexpressible) = split(suites, target);
    unexpressible.extend(t13.iter().map(|c| c.suite()));
    Written {
        text: join(&t12),
        unexpressible,
        also_enables: Vec::new(),
    }
}

/// The TLS 1.3 `-ciphersuites` list for the TLS 1.3 suites of `suites`.
///
/// ```
/// let s = [cipherdex::lookup("TLS_AES_256_GCM_SHA384").unwrap()];
/// let w = cipherdex::openssl::write::openssl_ciphersuites(&s, Default::default());
/// assert_eq!(w.text(), "TLS_AES_256_GCM_SHA384");
/// ```
pub fn openssl_ciphersuites(suites: &[&'static Suite], target: Release) -> Written {
    let (t12, t13, mut unexpressible) = split(suites, target);
    unexpressible.extend(t12.iter().map(|c| c.suite()));
    Written {
        text: join(&t13),
        unexpressible,
        also_enables: Vec::new(),
    }
}

fn gnutls_kx(c: &OpenSslCipher) -> Option<&'static str> {
    Some(match (c.kx, c.au) {
        (K_ANY, A_ANY) => return None,
        (K_RSA, _) => "RSA",
        (K_DHE, A_RSA) => "DHE-RSA",
        (K_DHE, A_DSS) => "DHE-DSS",
        (K_DHE, A_NULL) => "ANON-DH",
        (K_ECDHE, A_RSA) => "ECDHE-RSA",
        (K_ECDHE, A_ECDSA) => "ECDHE-ECDSA",
        (K_ECDHE, A_NULL) => "ANON-ECDH",
        (K_PSK, _) => "PSK",
        (K_DHEPSK, _) => "DHE-PSK",
        (K_ECDHEPSK, _) => "ECDHE-PSK",
        (K_RSAPSK, _) => "RSA-PSK",
        (K_SRP, A_SRP) => "SRP",
        (K_SRP, A_RSA) => "SRP-RSA",
        (K_SRP, A_DSS) => "SRP-DSS",
        _ => return Some(""),
    })
}

fn gnutls_cipher(c: &OpenSslCipher) -> Option<&'static str> {
    Some(match c.enc {
        E_AES128 => "AES-128-CBC",
        E_AES256 => "AES-256-CBC",
        E_AES128GCM => "AES-128-GCM",
        E_AES256GCM => "AES-256-GCM",
        E_AES128CCM => "AES-128-CCM",
        E_AES256CCM => "AES-256-CCM",
        E_AES128CCM8 => "AES-128-CCM-8",
        E_AES256CCM8 => "AES-256-CCM-8",
        E_CAMELLIA128 => "CAMELLIA-128-CBC",
        E_CAMELLIA256 => "CAMELLIA-256-CBC",
        E_CHACHA20POLY1305 => "CHACHA20-POLY1305",
        E_3DES => "3DES-CBC",
        E_RC4 => "ARCFOUR-128",
        E_NULL => "NULL",
        _ => return None,
    })
}

fn gnutls_mac(c: &OpenSslCipher) -> Option<&'static str> {
    Some(match c.mac {
        M_MD5 => "MD5",
        M_SHA1 => "SHA1",
        M_SHA256 => "SHA256",
        M_SHA384 => "SHA384",
        M_AEAD => "AEAD",
        _ => return None,
    })
}

/// A GnuTLS priority string enabling the suites: `NONE`, the protocol
/// versions needed, then the key exchanges, ciphers and MACs in order of
/// first use. GnuTLS cannot name single suites, so the string enables every
/// suite combining a listed key exchange, cipher and MAC; those not asked
/// for are reported in [`Written::also_enables`] (computed over the
/// target's OpenSSL table). GnuTLS orders suites by its own rules within
/// these lists, so the order is approximate. ARIA, SEED and IDEA suites and
/// TLS 1.3 CCM-8 are unexpressible.
///
/// ```
/// let s = [cipherdex::lookup("ECDHE-RSA-AES128-GCM-SHA256").unwrap()];
/// let w = cipherdex::openssl::write::gnutls_priority(&s, Default::default());
/// assert_eq!(w.text(), "NONE:+VERS-TLS1.2:+ECDHE-RSA:+AES-128-GCM:+AEAD:+SIGN-ALL:+GROUP-ALL:+COMP-NULL");
/// assert!(w.also_enables().is_empty());
/// ```
pub fn gnutls_priority(suites: &[&'static Suite], target: Release) -> Written {
    let (t12, t13, mut unexpressible) = split(suites, target);
    let (mut kx, mut ciphers, mut macs) = (Vec::new(), Vec::new(), Vec::new());
    let mut chosen: Vec<&'static OpenSslCipher> = Vec::new();
    let push = |v: &mut Vec<&'static str>, x: &'static str| {
        if !v.contains(&x) {
            v.push(x);
        }
    };
    for c in t13.iter().chain(&t12) {
        let parts = (gnutls_kx(c), gnutls_cipher(c), gnutls_mac(c));
        match parts {
            (k, Some(e), Some(m)) if k != Some("") && !(c.is_tls13() && c.enc == E_AES128CCM8) => {
                if let Some(k) = k {
                    push(&mut kx, k);
                }
                push(&mut ciphers, e);
                push(&mut macs, m);
                chosen.push(c);
            }
            _ => unexpressible.push(c.suite()),
        }
    }
    let has13 = chosen.iter().any(|c| c.is_tls13());
    let max_min = chosen
        .iter()
        .filter(|c| !c.is_tls13())
        .map(|c| c.min_tls)
        .min();
    let mut parts = vec!["NONE".to_string()];
    if has13 {
        parts.push("+VERS-TLS1.3".into());
    }
    if let Some(min) = max_min {
        parts.push("+VERS-TLS1.2".into());
        if min < TLS1_2 {
            parts.push("+VERS-TLS1.1".into());
            parts.push("+VERS-TLS1.0".into());
        }
    }
    parts.extend(kx.iter().map(|k| format!("+{k}")));
    parts.extend(ciphers.iter().map(|k| format!("+{k}")));
    parts.extend(macs.iter().map(|k| format!("+{k}")));
    parts.extend(["+SIGN-ALL", "+GROUP-ALL", "+COMP-NULL"].map(String::from));
    // What the cross product also enables.
    let mut also_enables = Vec::new();
    for c in target.ciphers().iter().chain(target.tls13_ciphersuites()) {
        if chosen.contains(&c) {
            continue;
        }
        let (k, e, m) = (gnutls_kx(c), gnutls_cipher(c), gnutls_mac(c));
        let kx_ok = match k {
            None => has13,
            Some(k) => kx.contains(&k),
        };
        if kx_ok
            && e.is_some_and(|e| ciphers.contains(&e))
            && m.is_some_and(|m| macs.contains(&m))
            && !(c.is_tls13() && c.enc == E_AES128CCM8)
        {
            also_enables.push(c.suite());
        }
    }
    if chosen.is_empty() {
        return Written {
            text: String::new(),
            unexpressible,
            also_enables,
        };
    }
    Written {
        text: parts.join(":"),
        unexpressible,
        also_enables,
    }
}

/// If `arg` is written `openssl:STRING`, evaluates STRING (TLS <= 1.2 only)
/// for `target`; otherwise `None`. For commands that accept suite lists.
///
/// ```
/// use cipherdex::openssl::write::suites_from_arg;
/// let x = suites_from_arg("openssl:ECDHE+AESGCM", Default::default()).unwrap().unwrap();
/// assert_eq!(x.ciphers().len(), 4);
/// assert!(suites_from_arg("AES128-SHA", Default::default()).is_none());
/// ```
pub fn suites_from_arg(
    arg: &str,
    target: Release,
) -> Option<Result<super::Expansion, super::CipherStringError>> {
    arg.strip_prefix("openssl:")
        .map(|s| super::evaluate(s, target))
}
