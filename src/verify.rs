//! What a client's certificate verification will say about a server's chain,
//! outside the choice of suites: validity dates, the name asked for, the
//! order and completeness of the chain, weak signatures, small keys.
//!
//! [`check`] returns one [`ChainFinding`] per problem, each with its [`Cause`]
//! (the vocabulary `negotiate` and `explain` share), whether every common
//! verifier refuses it ([`ChainFinding::fails`]: OpenSSL 3.0 with its default
//! security level, browsers) or only some, and the fix: the certificate to
//! issue or the file to change. The rules are OpenSSL 3.0's `X509_verify_cert`
//! with a TLS client's settings (`tests/cert_checks.rs` compares them with
//! `openssl verify` and `s_client -verify_return_error`).
//!
//! ```
//! use cipherdex::cert::{parse_time, CertInfo, Chain};
//! use cipherdex::verify::{check, Checks};
//! use cipherdex::cause::Cause;
//!
//! let leaf = CertInfo::new("rsa:2048".parse()?, "CN=www.example.com", "CN=Example CA")
//!     .with_dns_names(["www.example.com"])
//!     .with_validity(parse_time("2026-01-01")?, parse_time("2026-06-30")?);
//! let chain = Chain::new(vec![leaf]);
//! let mut checks = Checks::at(parse_time("2026-12-03")?);
//! checks.name = Some("example.com".to_owned());
//! let causes: Vec<Cause> = check(&chain, &checks).iter().map(|f| f.cause()).collect();
//! assert_eq!(causes, [Cause::CertExpired, Cause::HostnameMismatch, Cause::CertChainIncomplete]);
//! # Ok::<(), cipherdex::cert::CertError>(())
//! ```

use std::fmt;

use crate::attrs::HashAlgorithm;
use crate::cause::Cause;
use crate::cert::{format_time, CertInfo, Chain, KeyType};
use crate::openssl::{key_strength, SecurityLevel};

/// What to check a chain against.
///
/// ```
/// let c = cipherdex::verify::Checks::at(0);
/// assert!(c.name.is_none() && c.level.is_none() && c.anchors.is_none());
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Checks {
    /// The time of the handshake, seconds since 1970 UTC.
    pub at: i64,
    /// The host name the client asks for (SNI, and the name it verifies).
    pub name: Option<String>,
    /// The verifying side's OpenSSL security level (key sizes, SHA-1); `None`:
    /// OpenSSL 3.0's default, level 1, for the SHA-1 rule, and no key floor.
    pub level: Option<SecurityLevel>,
    /// The certificates the client trusts (its CA file). `None`: not known;
    /// the chain is then judged by its shape alone.
    pub anchors: Option<Vec<CertInfo>>,
}

impl Checks {
    /// Check at time `at` (seconds since 1970), with no name, no level and no trust store.
    pub fn at(at: i64) -> Checks {
        Checks {
            at,
            ..Checks::default()
        }
    }
}

/// One problem with a certificate of the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChainProblem {
    /// The time is after notAfter.
    Expired {
        /// notAfter.
        not_after: i64,
    },
    /// The time is before notBefore.
    NotYetValid {
        /// notBefore.
        not_before: i64,
    },
    /// The name asked for is not among the leaf's names.
    NameNotCovered {
        /// The name asked for.
        name: String,
        /// The names the certificate has (subjectAltName, or the common name).
        names: Vec<String>,
    },
    /// The name is only in the common name: OpenSSL accepts it, browsers and Go do not.
    NameOnlyInCommonName {
        /// The name asked for.
        name: String,
    },
    /// The certificate is signed with a broken hash (SHA-1 or MD5).
    WeakSignature {
        /// The hash.
        hash: HashAlgorithm,
        /// The signature algorithm's name.
        algorithm: String,
    },
    /// The key is weaker than the verifier's security level allows.
    KeyBelowLevel {
        /// The key's strength in bits.
        bits: u16,
        /// The level.
        level: u8,
        /// The level's minimum strength.
        min_bits: u16,
    },
    /// The certificate's issuer is in the chain, but not right after it.
    OutOfOrder {
        /// Where the issuer is (index into the chain).
        issuer_at: usize,
    },
    /// The certificate's issuer is neither in the chain nor a trusted root:
    /// the server leaves out an intermediate certificate.
    MissingIntermediate {
        /// The issuer's name.
        issuer: String,
    },
    /// The chain ends at a self-signed certificate the client does not trust.
    Untrusted,
}

/// A problem found in certificate `cert` (index into the chain, 0 = the leaf).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChainFinding {
    /// Index of the certificate in the chain (0 = the leaf).
    pub cert: usize,
    /// Its subject, for messages.
    pub subject: String,
    /// What is wrong.
    pub problem: ChainProblem,
    /// True if OpenSSL 3.0 (at the level checked) and browsers refuse the
    /// chain for it; false if only some clients do.
    pub fails: bool,
}

impl ChainFinding {
    /// The cause in the shared vocabulary.
    ///
    /// ```
    /// use cipherdex::verify::{check, Checks};
    /// use cipherdex::cert::{CertInfo, Chain};
    /// let leaf = CertInfo::new("rsa".parse()?, "CN=a", "CN=a").with_validity(0, 10);
    /// let f = check(&Chain::new(vec![leaf]), &Checks::at(20));
    /// assert_eq!(f[0].cause().id(), "cert_expired");
    /// # Ok::<(), cipherdex::cert::CertError>(())
    /// ```
    pub fn cause(&self) -> Cause {
        match self.problem {
            ChainProblem::Expired { .. } => Cause::CertExpired,
            ChainProblem::NotYetValid { .. } => Cause::CertNotYetValid,
            ChainProblem::NameNotCovered { .. } | ChainProblem::NameOnlyInCommonName { .. } => {
                Cause::HostnameMismatch
            }
            ChainProblem::WeakSignature { .. } => Cause::CertInvalid,
            ChainProblem::KeyBelowLevel { .. } => Cause::KeyTooSmall,
            ChainProblem::OutOfOrder { .. } => Cause::CertChainOrder,
            ChainProblem::MissingIntermediate { .. } => Cause::CertChainIncomplete,
            ChainProblem::Untrusted => Cause::CertUntrusted,
        }
    }

    /// What to do about it: the certificate to issue, or the change to the chain file.
    pub fn fix(&self) -> String {
        match &self.problem {
            ChainProblem::Expired { .. } => {
                "renew it: issue a certificate valid at the time of the handshake (or, if it is \
                 current, correct the verifier's clock)"
                    .to_owned()
            }
            ChainProblem::NotYetValid { not_before } => format!(
                "correct the verifier's clock, or issue a certificate whose notBefore ({}) is \
                 not after the time of the handshake",
                format_time(*not_before)
            ),
            ChainProblem::NameNotCovered { name, .. } => {
                format!("issue a certificate with subjectAltName DNS:{name} (or a wildcard one label above it)")
            }
            ChainProblem::NameOnlyInCommonName { name } => format!(
                "issue a certificate with subjectAltName DNS:{name}: browsers and Go ignore the \
                 common name"
            ),
            ChainProblem::WeakSignature { .. } => {
                "have it re-issued with a SHA-256 signature (sha256WithRSAEncryption or \
                 ecdsa-with-SHA256)"
                    .to_owned()
            }
            ChainProblem::KeyBelowLevel { level, .. } => format!(
                "issue a larger key ({} or larger), or lower the verifier's level below {level}",
                match level {
                    0..=2 => "RSA 2048 or ECDSA P-256",
                    3 => "RSA 3072 or ECDSA P-256",
                    4 => "RSA 7680 or ECDSA P-384",
                    _ => "RSA 15360 or ECDSA P-521",
                }
            ),
            ChainProblem::OutOfOrder { .. } => {
                "put the chain file in order: the server's certificate, then its issuer, then \
                 that one's issuer"
                    .to_owned()
            }
            ChainProblem::MissingIntermediate { issuer } => format!(
                "add the intermediate certificate {issuer} (from the CA's bundle) after this \
                 certificate in the file the server sends"
            ),
            ChainProblem::Untrusted => {
                "issue the certificate from a CA the clients trust, or add this root to their \
                 trust store"
                    .to_owned()
            }
        }
    }
}

impl fmt::Display for ChainFinding {
    /// `certificate 0 (CN=a): expired on 2026-06-30 00:00:00 UTC [cert_expired]; fix: ...`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "certificate {} ({}): ", self.cert, self.subject)?;
        match &self.problem {
            ChainProblem::Expired { not_after } => write!(f, "expired on {}", format_time(*not_after)),
            ChainProblem::NotYetValid { not_before } => {
                write!(f, "not valid before {}", format_time(*not_before))
            }
            ChainProblem::NameNotCovered { name, names } => write!(
                f,
                "not for {name} (its names: {})",
                if names.is_empty() {
                    "none".to_owned()
                } else {
                    names.join(", ")
                }
            ),
            ChainProblem::NameOnlyInCommonName { name } => write!(
                f,
                "{name} is only its common name, without subjectAltName (OpenSSL accepts it, browsers do not)"
            ),
            ChainProblem::WeakSignature { hash, algorithm } => write!(
                f,
                "signed with {hash} ({algorithm}), which OpenSSL 3.0 from security level 1 and browsers refuse"
            ),
            ChainProblem::KeyBelowLevel {
                bits,
                level,
                min_bits,
            } => write!(
                f,
                "its key has {bits} bits of security; security level {level} needs {min_bits}"
            ),
            ChainProblem::OutOfOrder { issuer_at } => write!(
                f,
                "its issuer is certificate {issuer_at}, not the next one (OpenSSL and browsers \
                 reorder; strict TLS 1.2 clients do not)"
            ),
            ChainProblem::MissingIntermediate { issuer } => {
                write!(f, "its issuer {issuer} is not in the chain")
            }
            ChainProblem::Untrusted => write!(f, "self-signed and not trusted"),
        }?;
        write!(f, " [{}]; fix: {}", self.cause().id(), self.fix())
    }
}

/// Check `chain` as a TLS client would: every problem found, leaf first.
pub fn check(chain: &Chain, checks: &Checks) -> Vec<ChainFinding> {
    let mut out = Vec::new();
    let certs = &chain.certs;
    let mut push = |i: usize, problem: ChainProblem, fails: bool| {
        out.push(ChainFinding {
            cert: i,
            subject: certs[i].subject.clone(),
            problem,
            fails,
        });
    };
    let trusted = |c: &CertInfo| {
        checks.anchors.as_ref().is_some_and(|a| {
            a.iter()
                .any(|t| t.subject_der == c.subject_der && t.key == c.key)
        })
    };
    let anchor_issued = |c: &CertInfo| {
        checks
            .anchors
            .as_ref()
            .is_some_and(|a| a.iter().any(|t| c.issued_by(t)))
    };
    for (i, c) in certs.iter().enumerate() {
        if checks.at > c.not_after {
            push(
                i,
                ChainProblem::Expired {
                    not_after: c.not_after,
                },
                true,
            );
        } else if checks.at < c.not_before {
            push(
                i,
                ChainProblem::NotYetValid {
                    not_before: c.not_before,
                },
                true,
            );
        }
        if i == 0 {
            if let Some(name) = checks.name.as_deref().filter(|n| !n.is_empty()) {
                if !c.covers(name) {
                    let names = c.names().iter().map(|n| (*n).to_owned()).collect();
                    push(
                        i,
                        ChainProblem::NameNotCovered {
                            name: name.to_owned(),
                            names,
                        },
                        true,
                    );
                } else if c.dns_names.is_empty() && c.ip_addresses.is_empty() {
                    push(
                        i,
                        ChainProblem::NameOnlyInCommonName {
                            name: name.to_owned(),
                        },
                        false,
                    );
                }
            }
        }
        // A self-issued certificate's own signature is not checked (a root).
        if !c.is_self_issued() {
            if let Some(hash @ (HashAlgorithm::Sha1 | HashAlgorithm::Md5)) = c.signature_hash {
                let fails = checks.level.map_or(true, |l| !l.allows_sha1_signatures());
                push(
                    i,
                    ChainProblem::WeakSignature {
                        hash,
                        algorithm: c.signature.clone(),
                    },
                    fails,
                );
            }
        }
        if let (Some(level), Some(bits)) = (checks.level, key_strength(&c.key)) {
            if c.key.key != KeyType::None && !level.allows_bits(bits) {
                push(
                    i,
                    ChainProblem::KeyBelowLevel {
                        bits,
                        level: level.level(),
                        min_bits: level.min_bits(),
                    },
                    true,
                );
            }
        }
        // The issuer: next in the chain, later in it, a trusted root, or missing.
        if c.is_self_issued() {
            let trusted_here = trusted(c);
            let known = checks.anchors.is_some();
            if (known && !trusted_here) || (!known && certs.len() == 1) {
                push(i, ChainProblem::Untrusted, true);
            }
            continue;
        }
        if certs.get(i + 1).is_some_and(|n| c.issued_by(n)) || anchor_issued(c) {
            continue;
        }
        if let Some(j) = (i + 2..certs.len()).find(|&j| c.issued_by(&certs[j])) {
            push(i, ChainProblem::OutOfOrder { issuer_at: j }, false);
            continue;
        }
        if (0..i).any(|j| c.issued_by(&certs[j])) {
            // Its issuer came earlier (already reported out of order there).
            continue;
        }
        // The last certificate's issuer may be a root the client trusts:
        // without a trust store, a CA certificate is taken to be issued by a
        // root, a leaf is not (public roots do not issue server certificates).
        let last = i + 1 == certs.len();
        if checks.anchors.is_some() || !last || !c.is_ca {
            push(
                i,
                ChainProblem::MissingIntermediate {
                    issuer: c.issuer.clone(),
                },
                true,
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::openssl::Release;

    fn cert(subject: &str, issuer: &str, ca: bool) -> CertInfo {
        CertInfo::new("rsa:2048".parse().unwrap(), subject, issuer).with_ca(ca)
    }

    fn causes(chain: &[CertInfo], checks: &Checks) -> Vec<(usize, &'static str, bool)> {
        check(&Chain::new(chain.to_vec()), checks)
            .iter()
            .map(|f| (f.cert, f.cause().id(), f.fails))
            .collect()
    }

    #[test]
    fn chain_shapes() {
        let leaf = cert("CN=a", "CN=Int", false);
        let int = cert("CN=Int", "CN=Root", true);
        let root = cert("CN=Root", "CN=Root", true);
        let none = Checks::at(1);
        assert_eq!(causes(&[leaf.clone(), int.clone()], &none), []);
        assert_eq!(
            causes(&[leaf.clone(), int.clone(), root.clone()], &none),
            []
        );
        assert_eq!(
            causes(&[leaf.clone(), root.clone(), int.clone()], &none),
            [(0, "cert_chain_order", false)]
        );
        assert_eq!(
            causes(std::slice::from_ref(&leaf), &none),
            [(0, "cert_chain_incomplete", true)]
        );
        assert_eq!(
            causes(&[leaf.clone(), root.clone()], &none),
            [(0, "cert_chain_incomplete", true)]
        );
        let mut trusting = Checks::at(1);
        trusting.anchors = Some(vec![root.clone()]);
        assert_eq!(causes(&[leaf.clone(), int.clone()], &trusting), []);
        assert_eq!(
            causes(std::slice::from_ref(&leaf), &trusting),
            [(0, "cert_chain_incomplete", true)]
        );
        let other_root = cert("CN=Other", "CN=Other", true);
        trusting.anchors = Some(vec![other_root]);
        assert_eq!(
            causes(&[leaf.clone(), int.clone(), root.clone()], &trusting),
            [(2, "cert_untrusted", true)]
        );
        let self_signed = cert("CN=a", "CN=a", false);
        assert_eq!(causes(&[self_signed], &none), [(0, "cert_untrusted", true)]);
    }

    #[test]
    fn dates_names_signatures_and_keys() {
        let leaf = cert("CN=a", "CN=Int", false)
            .with_validity(100, 200)
            .with_dns_names(["a.example"])
            .with_signature("sha1WithRSAEncryption", HashAlgorithm::Sha1);
        let int = cert("CN=Int", "CN=Root", true);
        let chain = [leaf, int];
        let mut c = Checks::at(150);
        assert_eq!(causes(&chain, &c), [(0, "cert_invalid", true)]);
        c.level = SecurityLevel::new(Release::OpenSsl30, 0);
        assert_eq!(causes(&chain, &c), [(0, "cert_invalid", false)]);
        c.at = 201;
        c.name = Some("b.example".to_owned());
        assert_eq!(
            causes(&chain, &c),
            [
                (0, "cert_expired", true),
                (0, "hostname_mismatch", true),
                (0, "cert_invalid", false)
            ]
        );
        c.at = 99;
        c.name = None;
        assert_eq!(causes(&chain, &c)[0], (0, "cert_not_yet_valid", true));
        let small = CertInfo::new("rsa:1024".parse().unwrap(), "CN=s", "CN=Int");
        c.at = 1;
        c.level = SecurityLevel::new(Release::OpenSsl30, 2);
        let f = check(&Chain::new(vec![small, chain[1].clone()]), &c);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].cause(), Cause::KeyTooSmall);
        assert!(f[0]
            .to_string()
            .contains("80 bits of security; security level 2 needs 112"));
    }
}
