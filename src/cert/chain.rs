//! Certificate chains as servers hold them: the leaf first, then the
//! certificates that link it to a root. [`CertInfo`] is what a verifier looks
//! at in one certificate (names, validity, signature, issuer, key); [`Chain`]
//! is the list in the order a server sends it. Reading files needs feature
//! `x509`; the types and the checks in [`crate::verify`] do not.
//!
//! Times are seconds since 1970-01-01 UTC ([`parse_time`], [`format_time`]).
//!
//! ```
//! use cipherdex::cert::{parse_time, format_time, CertInfo, CertKey, Chain};
//! let leaf = CertInfo::new("rsa".parse()?, "CN=www.example.com", "CN=Example CA")
//!     .with_dns_names(["www.example.com", "*.example.org"])
//!     .with_validity(parse_time("2026-01-01")?, parse_time("2026-12-31")?);
//! let chain = Chain::new(vec![leaf]);
//! assert!(chain.leaf().is_some_and(|l| l.covers("a.example.org")));
//! assert_eq!(format_time(parse_time("2026-12-31T23:59:59Z")?), "2026-12-31 23:59:59 UTC");
//! # Ok::<(), cipherdex::cert::CertError>(())
//! ```

use std::fmt;
use std::net::IpAddr;

use crate::attrs::HashAlgorithm;

use super::{CertError, CertKey, KeyType};

/// One certificate: what a verifier checks in it, and its key.
///
/// ```
/// use cipherdex::cert::CertInfo;
/// let c = CertInfo::new("ecdsa-p256".parse()?, "CN=a", "CN=a");
/// assert!(c.is_self_issued());
/// assert_eq!(c.names(), ["a"]); // no subjectAltName: the common name
/// # Ok::<(), cipherdex::cert::CertError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CertInfo {
    /// The public key: type, size, curve, keyUsage, and the issuer's key type.
    pub key: CertKey,
    /// The subject, as text (`CN=www.example.com, O=Example`).
    pub subject: String,
    /// The issuer, as text.
    pub issuer: String,
    /// The subject's common name, if it has one.
    pub common_name: Option<String>,
    /// The DNS names of the subjectAltName extension.
    pub dns_names: Vec<String>,
    /// The IP addresses of the subjectAltName extension.
    pub ip_addresses: Vec<IpAddr>,
    /// Start of validity (notBefore), seconds since 1970 UTC.
    pub not_before: i64,
    /// End of validity (notAfter), seconds since 1970 UTC.
    pub not_after: i64,
    /// The signature algorithm's name (`sha256WithRSAEncryption`, `ecdsa-with-SHA384`, ...).
    pub signature: String,
    /// The hash of the issuer's signature (`None` when not known); EdDSA is
    /// [`HashAlgorithm::Intrinsic`].
    pub signature_hash: Option<HashAlgorithm>,
    /// True if basicConstraints says this is a CA certificate.
    pub is_ca: bool,
    /// The subjectKeyIdentifier extension, if present.
    pub subject_key_id: Option<Vec<u8>>,
    /// The keyIdentifier of the authorityKeyIdentifier extension, if present.
    pub authority_key_id: Option<Vec<u8>>,
    /// The subject name as encoded (compared byte for byte with issuers).
    pub subject_der: Vec<u8>,
    /// The issuer name as encoded.
    pub issuer_der: Vec<u8>,
}

impl CertInfo {
    /// A certificate with `key`, `subject` and `issuer` (as text, also used as
    /// their encodings), a common name taken from a `CN=` in the subject, no
    /// alternative names, valid from 1970 to 9999, signed with SHA-256.
    pub fn new(key: CertKey, subject: &str, issuer: &str) -> CertInfo {
        let common_name = subject
            .split(',')
            .find_map(|part| part.trim().strip_prefix("CN="))
            .map(str::to_owned);
        CertInfo {
            key,
            subject: subject.to_owned(),
            issuer: issuer.to_owned(),
            common_name,
            dns_names: Vec::new(),
            ip_addresses: Vec::new(),
            not_before: 0,
            not_after: 253_402_300_799,
            signature: "sha256".to_owned(),
            signature_hash: Some(HashAlgorithm::Sha256),
            is_ca: false,
            subject_key_id: None,
            authority_key_id: None,
            subject_der: subject.as_bytes().to_vec(),
            issuer_der: issuer.as_bytes().to_vec(),
        }
    }

    /// This certificate with these subjectAltName DNS names.
    pub fn with_dns_names<'n>(mut self, names: impl IntoIterator<Item = &'n str>) -> CertInfo {
        self.dns_names = names.into_iter().map(str::to_owned).collect();
        self
    }

    /// This certificate valid from `not_before` to `not_after` (seconds since 1970).
    pub fn with_validity(mut self, not_before: i64, not_after: i64) -> CertInfo {
        self.not_before = not_before;
        self.not_after = not_after;
        self
    }

    /// This certificate signed with `hash` (named `name`).
    pub fn with_signature(mut self, name: &str, hash: HashAlgorithm) -> CertInfo {
        self.signature = name.to_owned();
        self.signature_hash = Some(hash);
        self
    }

    /// This certificate marked as a CA (basicConstraints CA:TRUE) or not.
    pub fn with_ca(mut self, ca: bool) -> CertInfo {
        self.is_ca = ca;
        self
    }

    /// True if subject and issuer are the same name (a root, or a self-signed leaf).
    pub fn is_self_issued(&self) -> bool {
        self.subject_der == self.issuer_der
    }

    /// True if `issuer` can have issued this certificate: its subject is this
    /// certificate's issuer, and the key identifiers agree when both are present.
    ///
    /// ```
    /// use cipherdex::cert::CertInfo;
    /// let ca = CertInfo::new("rsa".parse()?, "CN=CA", "CN=CA").with_ca(true);
    /// let leaf = CertInfo::new("rsa".parse()?, "CN=a", "CN=CA");
    /// assert!(leaf.issued_by(&ca) && !ca.issued_by(&leaf));
    /// # Ok::<(), cipherdex::cert::CertError>(())
    /// ```
    pub fn issued_by(&self, issuer: &CertInfo) -> bool {
        self.issuer_der == issuer.subject_der
            && match (&self.authority_key_id, &issuer.subject_key_id) {
                (Some(a), Some(s)) => a == s,
                _ => true,
            }
    }

    /// The host names this certificate is for: its subjectAltName DNS names,
    /// or, when it has none, its common name (which OpenSSL still accepts
    /// and browsers no longer do).
    pub fn names(&self) -> Vec<&str> {
        if self.dns_names.is_empty() && self.ip_addresses.is_empty() {
            self.common_name.iter().map(String::as_str).collect()
        } else {
            self.dns_names.iter().map(String::as_str).collect()
        }
    }

    /// True if the certificate is for host `name` (a DNS name or an IP
    /// address), matched as RFC 6125 says: case-insensitively, a trailing dot
    /// ignored, a `*` only as the whole leftmost label and matching exactly one
    /// label (`*.example.com` covers `a.example.com`, not `example.com` or
    /// `a.b.example.com`; partial wildcards such as `w*.example.com` match
    /// nothing, as in browsers). The common name counts only when there is no
    /// subjectAltName.
    ///
    /// ```
    /// use cipherdex::cert::CertInfo;
    /// let c = CertInfo::new("rsa".parse()?, "CN=x", "CN=CA").with_dns_names(["*.Example.com"]);
    /// assert!(c.covers("www.example.COM."));
    /// assert!(!c.covers("example.com") && !c.covers("a.b.example.com"));
    /// assert!(!c.covers("x")); // the common name does not count next to subjectAltName
    /// # Ok::<(), cipherdex::cert::CertError>(())
    /// ```
    pub fn covers(&self, name: &str) -> bool {
        if let Ok(ip) = name.trim().parse::<IpAddr>() {
            return self.ip_addresses.contains(&ip);
        }
        self.names()
            .iter()
            .any(|pattern| name_matches(pattern, name))
    }
}

/// RFC 6125 matching of one presented `pattern` against the `name` asked for.
fn name_matches(pattern: &str, name: &str) -> bool {
    let norm = |s: &str| s.trim().trim_end_matches('.').to_ascii_lowercase();
    let (pattern, name) = (norm(pattern), norm(name));
    if pattern.is_empty() || name.is_empty() {
        return false;
    }
    match pattern.strip_prefix("*.") {
        Some(rest) => {
            // At least two labels after the wildcard (no `*.com`), and the
            // wildcard stands for exactly one non-empty label.
            if !rest.contains('.') || rest.contains('*') {
                return false;
            }
            match name.split_once('.') {
                Some((first, tail)) => !first.is_empty() && tail == rest,
                None => false,
            }
        }
        None => !pattern.contains('*') && pattern == name,
    }
}

/// A certificate chain in the order a server sends it (the leaf first).
///
/// ```
/// use cipherdex::cert::{CertInfo, Chain};
/// let ca = CertInfo::new("rsa".parse()?, "CN=CA", "CN=Root").with_ca(true);
/// let leaf = CertInfo::new("ecdsa-p256".parse()?, "CN=a", "CN=CA");
/// // Two files, the leaf and then its CA, make one chain; a second leaf starts another.
/// let other = CertInfo::new("rsa".parse()?, "CN=a", "CN=CA");
/// let chains = Chain::join(vec![
///     Chain::new(vec![leaf]),
///     Chain::new(vec![ca]),
///     Chain::new(vec![other]),
/// ]);
/// assert_eq!(chains.iter().map(|c| c.certs.len()).collect::<Vec<_>>(), [2, 1]);
/// # Ok::<(), cipherdex::cert::CertError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Chain {
    /// The certificates, leaf first.
    pub certs: Vec<CertInfo>,
}

impl Chain {
    /// A chain of these certificates, leaf first.
    pub fn new(certs: Vec<CertInfo>) -> Chain {
        Chain { certs }
    }

    /// The first certificate (the server's own).
    pub fn leaf(&self) -> Option<&CertInfo> {
        self.certs.first()
    }

    /// Put parts read from several files together: a part whose first
    /// certificate is a CA certificate continues the chain before it (the
    /// intermediates after the leaf) when it is an intermediate (not
    /// self-issued) or issued that chain's last certificate; any other part
    /// starts a new chain (a second server certificate, such as ECDSA next
    /// to RSA; OpenSSL's self-signed test certificates are CA certificates too).
    pub fn join(parts: Vec<Chain>) -> Vec<Chain> {
        let mut out: Vec<Chain> = Vec::new();
        for part in parts {
            let continues = |prev: &Chain| {
                part.leaf().is_some_and(|first| {
                    first.is_ca
                        && (!first.is_self_issued()
                            || prev.certs.last().is_some_and(|l| l.issued_by(first)))
                })
            };
            match out.last_mut() {
                Some(last) if continues(last) => last.certs.extend(part.certs),
                _ => out.push(part),
            }
        }
        out
    }

    /// Every certificate of a PEM text (one or more `CERTIFICATE` blocks, in
    /// file order), or the one certificate of DER bytes.
    ///
    /// ```
    /// use cipherdex::cert::{CertError, Chain};
    /// assert!(matches!(Chain::from_pem_or_der(b"hello"), Err(CertError::NotACertificate { .. })));
    /// ```
    ///
    /// # Errors
    /// [`CertError`] when the bytes hold no certificate, or one that cannot be parsed.
    #[cfg(feature = "x509")]
    #[cfg_attr(docsrs, doc(cfg(feature = "x509")))]
    pub fn from_pem_or_der(bytes: &[u8]) -> Result<Chain, CertError> {
        let looks_pem = bytes
            .windows(11)
            .any(|w| w.eq_ignore_ascii_case(b"-----BEGIN "));
        if !looks_pem {
            return Ok(Chain::new(vec![CertInfo::from_der(bytes)?]));
        }
        let mut certs = Vec::new();
        for pem in x509_parser::pem::Pem::iter_from_buffer(bytes) {
            let pem = pem.map_err(|e| CertError::BadPem {
                detail: e.to_string(),
            })?;
            if pem.label == "CERTIFICATE" || pem.label == "X509 CERTIFICATE" {
                certs.push(CertInfo::from_der(&pem.contents)?);
            }
        }
        if certs.is_empty() {
            return Err(CertError::NotACertificate {
                detail: "PEM text without a CERTIFICATE block".to_owned(),
            });
        }
        Ok(Chain::new(certs))
    }
}

#[cfg(feature = "x509")]
impl CertInfo {
    /// Read one DER-encoded X.509 certificate.
    ///
    /// # Errors
    /// [`CertError::NotACertificate`] when the bytes are not a DER certificate.
    #[cfg_attr(docsrs, doc(cfg(feature = "x509")))]
    pub fn from_der(der: &[u8]) -> Result<CertInfo, CertError> {
        use x509_parser::extensions::{GeneralName, ParsedExtension};
        use x509_parser::prelude::FromDer;
        let bad = |e: &dyn fmt::Display| CertError::NotACertificate {
            detail: e.to_string(),
        };
        let (_, cert) =
            x509_parser::certificate::X509Certificate::from_der(der).map_err(|e| bad(&e))?;
        let key = CertKey::from_parsed(&cert)?;
        let mut info = CertInfo::new(key, &cert.subject().to_string(), &cert.issuer().to_string());
        info.common_name = cert
            .subject()
            .iter_common_name()
            .next()
            .and_then(|cn| cn.as_str().ok())
            .map(str::to_owned);
        info.subject_der = cert.subject().as_raw().to_vec();
        info.issuer_der = cert.issuer().as_raw().to_vec();
        info.not_before = cert.validity().not_before.timestamp();
        info.not_after = cert.validity().not_after.timestamp();
        info.is_ca = cert.is_ca();
        for ext in cert.iter_extensions() {
            match ext.parsed_extension() {
                ParsedExtension::SubjectAlternativeName(san) => {
                    for name in &san.general_names {
                        match name {
                            GeneralName::DNSName(d) => info.dns_names.push((*d).to_owned()),
                            GeneralName::IPAddress(b) => {
                                if let Some(ip) = ip_from_bytes(b) {
                                    info.ip_addresses.push(ip);
                                }
                            }
                            _ => {}
                        }
                    }
                }
                ParsedExtension::SubjectKeyIdentifier(k) => {
                    info.subject_key_id = Some(k.0.to_vec());
                }
                ParsedExtension::AuthorityKeyIdentifier(a) => {
                    info.authority_key_id = a.key_identifier.as_ref().map(|k| k.0.to_vec());
                }
                _ => {}
            }
        }
        let alg = &cert.signature_algorithm;
        let oid = alg.algorithm.to_id_string();
        let pss_hash = || {
            x509_parser::signature_algorithm::SignatureAlgorithm::try_from(alg)
                .ok()
                .and_then(|a| match a {
                    x509_parser::signature_algorithm::SignatureAlgorithm::RSASSA_PSS(p) => {
                        Some(p.hash_algorithm_oid().to_id_string())
                    }
                    _ => None,
                })
        };
        let (name, hash) = signature_of(&oid, pss_hash);
        info.signature = name;
        info.signature_hash = hash;
        Ok(info)
    }
}

#[cfg(feature = "x509")]
fn ip_from_bytes(b: &[u8]) -> Option<IpAddr> {
    match b.len() {
        4 => <[u8; 4]>::try_from(b).ok().map(IpAddr::from),
        16 => <[u8; 16]>::try_from(b).ok().map(IpAddr::from),
        _ => None,
    }
}

/// The name and hash of a certificate-signature algorithm OID (`pss_hash`
/// gives the hash OID of RSASSA-PSS parameters).
#[cfg(feature = "x509")]
fn signature_of(
    oid: &str,
    pss_hash: impl FnOnce() -> Option<String>,
) -> (String, Option<HashAlgorithm>) {
    use HashAlgorithm as H;
    let hash_oid = |o: &str| match o {
        "1.2.840.113549.2.5" => Some(H::Md5),
        "1.3.14.3.2.26" => Some(H::Sha1),
        "2.16.840.1.101.3.4.2.4" => Some(H::Sha224),
        "2.16.840.1.101.3.4.2.1" => Some(H::Sha256),
        "2.16.840.1.101.3.4.2.2" => Some(H::Sha384),
        "2.16.840.1.101.3.4.2.3" => Some(H::Sha512),
        _ => None,
    };
    let (name, hash) = match oid {
        "1.2.840.113549.1.1.2" => ("md2WithRSAEncryption", Some(H::Md5)),
        "1.2.840.113549.1.1.4" => ("md5WithRSAEncryption", Some(H::Md5)),
        "1.2.840.113549.1.1.5" => ("sha1WithRSAEncryption", Some(H::Sha1)),
        "1.2.840.113549.1.1.14" => ("sha224WithRSAEncryption", Some(H::Sha224)),
        "1.2.840.113549.1.1.11" => ("sha256WithRSAEncryption", Some(H::Sha256)),
        "1.2.840.113549.1.1.12" => ("sha384WithRSAEncryption", Some(H::Sha384)),
        "1.2.840.113549.1.1.13" => ("sha512WithRSAEncryption", Some(H::Sha512)),
        "1.2.840.113549.1.1.10" => {
            // RFC 4055: the hash defaults to SHA-1 when the parameters omit it.
            let h = pss_hash().map_or(Some(H::Sha1), |o| hash_oid(&o));
            return ("rsassaPss".to_owned(), h);
        }
        "1.2.840.10045.4.1" => ("ecdsa-with-SHA1", Some(H::Sha1)),
        "1.2.840.10045.4.3.1" => ("ecdsa-with-SHA224", Some(H::Sha224)),
        "1.2.840.10045.4.3.2" => ("ecdsa-with-SHA256", Some(H::Sha256)),
        "1.2.840.10045.4.3.3" => ("ecdsa-with-SHA384", Some(H::Sha384)),
        "1.2.840.10045.4.3.4" => ("ecdsa-with-SHA512", Some(H::Sha512)),
        "1.2.840.10040.4.3" => ("dsa-with-SHA1", Some(H::Sha1)),
        "2.16.840.1.101.3.4.3.1" => ("dsa-with-SHA224", Some(H::Sha224)),
        "2.16.840.1.101.3.4.3.2" => ("dsa-with-SHA256", Some(H::Sha256)),
        "1.3.101.112" => ("ED25519", Some(H::Intrinsic)),
        "1.3.101.113" => ("ED448", Some(H::Intrinsic)),
        other => return (other.to_owned(), None),
    };
    (name.to_owned(), hash)
}

impl fmt::Display for CertInfo {
    /// `CN=www.example.com (RSA key (2048 bits), ...), issued by CN=CA, valid 2026-01-01 00:00:00 UTC to ...`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}", self.subject, self.key.key)?;
        if let Some(c) = self.key.curve {
            write!(f, " {c}")?;
        } else if let (Some(b), KeyType::Rsa | KeyType::RsaPss | KeyType::Dsa) =
            (self.key.bits, self.key.key)
        {
            write!(f, " {b}")?;
        }
        write!(
            f,
            ", signed {}), issued by {}, valid {} to {}",
            self.signature,
            self.issuer,
            format_time(self.not_before),
            format_time(self.not_after)
        )
    }
}

/// Parse a date or time, UTC: `2026-12-03`, `2026-12-03T10:00:00Z`,
/// `2026-12-03 10:00`, or `@SECONDS` since 1970.
///
/// ```
/// use cipherdex::cert::parse_time;
/// assert_eq!(parse_time("1970-01-02")?, 86_400);
/// assert_eq!(parse_time("2000-03-01T00:00:01Z")?, 951_868_801);
/// assert_eq!(parse_time("@42")?, 42);
/// assert!(parse_time("2026-02-30").is_err());
/// # Ok::<(), cipherdex::cert::CertError>(())
/// ```
///
/// # Errors
/// [`CertError::BadTime`] when the text is none of these forms or not a real date.
pub fn parse_time(text: &str) -> Result<i64, CertError> {
    let bad = || CertError::BadTime {
        input: text.to_owned(),
    };
    let t = text.trim();
    if let Some(secs) = t.strip_prefix('@') {
        return secs.parse().map_err(|_| bad());
    }
    let t = t.strip_suffix('Z').unwrap_or(t);
    let (date, time) = match t.split_once(['T', ' ']) {
        Some((d, tm)) => (d, Some(tm)),
        None => (t, None),
    };
    let num = |s: &str, lo: i64, hi: i64| -> Result<i64, CertError> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let n: i64 = s.parse().map_err(|_| bad())?;
        if (lo..=hi).contains(&n) {
            Ok(n)
        } else {
            Err(bad())
        }
    };
    let mut parts = date.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let (y, m) = (num(y, 1, 9999)?, num(m, 1, 12)?);
    let d = num(d, 1, days_in_month(y, m))?;
    let mut secs = days_from_civil(y, m, d) * 86_400;
    if let Some(tm) = time {
        let mut hms = tm.split(':');
        let h = num(hms.next().unwrap_or(""), 0, 23)?;
        let mi = num(hms.next().ok_or_else(bad)?, 0, 59)?;
        let s = match hms.next() {
            Some(s) => num(s, 0, 60)?,
            None => 0,
        };
        if hms.next().is_some() {
            return Err(bad());
        }
        secs += h * 3600 + mi * 60 + s;
    }
    Ok(secs)
}

/// `2026-12-03 10:00:00 UTC` for seconds since 1970.
///
/// ```
/// assert_eq!(cipherdex::cert::format_time(0), "1970-01-01 00:00:00 UTC");
/// ```
pub fn format_time(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_follow_rfc_6125() {
        let m = name_matches;
        assert!(m("*.example.com", "a.example.com"));
        assert!(m("*.example.com", "A.EXAMPLE.COM."));
        assert!(!m("*.example.com", "example.com"));
        assert!(!m("*.example.com", "a.b.example.com"));
        assert!(!m("*.com", "example.com"));
        assert!(!m("w*.example.com", "www.example.com"));
        assert!(!m("a.*.example.com", "a.b.example.com"));
        assert!(m("example.com", "Example.com"));
        assert!(!m("example.com", "www.example.com"));
        assert!(!m("", ""));
    }

    #[test]
    fn times_round_trip() {
        for t in [0, 86_399, 951_868_801, 1_798_761_599, -1] {
            let text = format_time(t);
            let back = parse_time(text.trim_end_matches(" UTC")).unwrap();
            assert_eq!(back, t, "{text}");
        }
        assert_eq!(parse_time("2024-02-29").unwrap(), 1_709_164_800);
        for bad in [
            "",
            "2024",
            "2023-02-29",
            "2024-13-01",
            "2024-01-01T25:00",
            "x",
            "@x",
        ] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ip_addresses_and_common_name() {
        let mut c = CertInfo::new(CertKey::new(KeyType::Rsa), "CN=host", "CN=CA");
        assert!(c.covers("host"));
        c.ip_addresses.push("127.0.0.1".parse().unwrap());
        assert!(c.covers("127.0.0.1"));
        assert!(!c.covers("host"), "a subjectAltName hides the common name");
    }
}
