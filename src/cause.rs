//! Why a TLS handshake fails: the one vocabulary shared by [`negotiate`]'s
//! failures and [`explain`]'s error messages.
//!
//! Each [`Cause`] has a stable id (`no_shared_suite`), a sentence saying what
//! it means, what to look at, and the cipherdex command that confirms it.
//! The ids are part of the JSON output of both commands.
//!
//! [`negotiate`]: crate::negotiate
//! [`explain`]: crate::explain

use std::fmt;
use std::str::FromStr;

/// One reason a TLS handshake (or the connection around it) fails.
///
/// ```
/// use cipherdex::cause::Cause;
/// let c: Cause = "no_common_version".parse()?;
/// assert_eq!(c, Cause::NoCommonVersion);
/// assert_eq!(c.id(), "no_common_version");
/// assert!(c.command().starts_with("cipherdex negotiate"));
/// # Ok::<(), cipherdex::cause::UnknownCauseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Cause {
    /// The two sides enable no protocol version in common.
    NoCommonVersion,
    /// No cipher suite is enabled on both sides for the version reached.
    NoSharedSuite,
    /// Suites are shared, but the server's certificate fits none of them.
    NoFittingCertificate,
    /// No key-exchange group (curve or finite-field group) in common.
    NoSharedGroup,
    /// No signature scheme both sides accept for the server's key.
    NoSharedSigalg,
    /// A key (certificate or DH parameters) below a side's minimum size or security level.
    KeyTooSmall,
    /// The handshake needs what a side's security level forbids (TLS 1.0 and
    /// 1.1 sign with SHA-1 and MD5+SHA-1, which OpenSSL 3.0 allows only at level 0).
    SecurityLevel,
    /// The certificate chain does not lead to a root the verifier trusts (self-signed,
    /// private CA, missing root).
    CertUntrusted,
    /// The server sends its certificate without the intermediate that links it to a root.
    CertChainIncomplete,
    /// The server sends its chain out of order (an issuer is not right after the
    /// certificate it issued): OpenSSL and browsers reorder, strict clients fail.
    CertChainOrder,
    /// The certificate's validity period has ended (or the verifier's clock is wrong).
    CertExpired,
    /// The certificate's validity period has not started yet (usually a clock behind).
    CertNotYetValid,
    /// The certificate has been revoked by its issuer.
    CertRevoked,
    /// The certificate is malformed, badly signed, or not usable for TLS (key usage,
    /// extended key usage, a signature algorithm the verifier refuses).
    CertInvalid,
    /// The name the client asked for is not among the certificate's names.
    HostnameMismatch,
    /// The peer does not speak TLS on that port: plain HTTP, a proxy, another protocol,
    /// or the wrong port.
    NotTls,
    /// The server asks for a client certificate and the client sends none.
    ClientCertRequired,
    /// The server refuses the client certificate that was sent.
    ClientCertRejected,
    /// The server does not know the name sent in SNI (or needs SNI and got none).
    UnknownServerName,
    /// No ALPN protocol in common (for example `h2` only against `http/1.1` only).
    NoApplicationProtocol,
    /// One side refuses renegotiation without RFC 5746 secure renegotiation.
    UnsafeRenegotiation,
    /// The peer closed or reset the connection during the handshake, without an alert
    /// (a crash, a firewall or load balancer, or a peer that drops hellos it dislikes).
    PeerClosed,
    /// Records arrive corrupted or cannot be decrypted (a middlebox rewriting traffic,
    /// mismatched keys, a broken implementation).
    CorruptRecord,
    /// The peer failed internally (for example a server whose key file it cannot use).
    InternalError,
}

/// Every cause, in documentation order.
pub const ALL: &[Cause] = &[
    Cause::NoCommonVersion,
    Cause::NoSharedSuite,
    Cause::NoFittingCertificate,
    Cause::NoSharedGroup,
    Cause::NoSharedSigalg,
    Cause::KeyTooSmall,
    Cause::SecurityLevel,
    Cause::CertUntrusted,
    Cause::CertChainIncomplete,
    Cause::CertChainOrder,
    Cause::CertExpired,
    Cause::CertNotYetValid,
    Cause::CertRevoked,
    Cause::CertInvalid,
    Cause::HostnameMismatch,
    Cause::NotTls,
    Cause::ClientCertRequired,
    Cause::ClientCertRejected,
    Cause::UnknownServerName,
    Cause::NoApplicationProtocol,
    Cause::UnsafeRenegotiation,
    Cause::PeerClosed,
    Cause::CorruptRecord,
    Cause::InternalError,
];

impl Cause {
    /// The stable id, as in JSON and in `data/errors.csv` (`no_shared_suite`).
    ///
    /// ```
    /// assert_eq!(cipherdex::cause::Cause::NotTls.id(), "not_tls");
    /// ```
    pub const fn id(self) -> &'static str {
        match self {
            Cause::NoCommonVersion => "no_common_version",
            Cause::NoSharedSuite => "no_shared_suite",
            Cause::NoFittingCertificate => "no_fitting_certificate",
            Cause::NoSharedGroup => "no_shared_group",
            Cause::NoSharedSigalg => "no_shared_sigalg",
            Cause::KeyTooSmall => "key_too_small",
            Cause::SecurityLevel => "security_level",
            Cause::CertUntrusted => "cert_untrusted",
            Cause::CertChainIncomplete => "cert_chain_incomplete",
            Cause::CertChainOrder => "cert_chain_order",
            Cause::CertExpired => "cert_expired",
            Cause::CertNotYetValid => "cert_not_yet_valid",
            Cause::CertRevoked => "cert_revoked",
            Cause::CertInvalid => "cert_invalid",
            Cause::HostnameMismatch => "hostname_mismatch",
            Cause::NotTls => "not_tls",
            Cause::ClientCertRequired => "client_cert_required",
            Cause::ClientCertRejected => "client_cert_rejected",
            Cause::UnknownServerName => "unknown_server_name",
            Cause::NoApplicationProtocol => "no_application_protocol",
            Cause::UnsafeRenegotiation => "unsafe_renegotiation",
            Cause::PeerClosed => "peer_closed",
            Cause::CorruptRecord => "corrupt_record",
            Cause::InternalError => "internal_error",
        }
    }

    /// One sentence: what went wrong.
    ///
    /// ```
    /// let t = cipherdex::cause::Cause::NoSharedSuite.text();
    /// assert!(t.contains("cipher suite"));
    /// ```
    pub const fn text(self) -> &'static str {
        match self {
            Cause::NoCommonVersion => "the client and the server enable no TLS version in common",
            Cause::NoSharedSuite => "no cipher suite is enabled on both sides for the version in use",
            Cause::NoFittingCertificate => {
                "the server's certificate (its key type) fits none of the shared cipher suites"
            }
            Cause::NoSharedGroup => {
                "the sides share no key-exchange group (elliptic curve or finite-field group)"
            }
            Cause::NoSharedSigalg => {
                "no signature scheme is accepted by both sides for the server's key"
            }
            Cause::KeyTooSmall => {
                "a key (certificate or DH parameters) is below what a side accepts at its security level"
            }
            Cause::SecurityLevel => {
                "a side's security level forbids what the handshake needs (TLS 1.0/1.1 SHA-1 signatures, anonymous or weak suites)"
            }
            Cause::CertUntrusted => {
                "the certificate chain does not end at a root the verifying side trusts"
            }
            Cause::CertChainIncomplete => {
                "the server does not send the intermediate certificate that links its certificate to a trusted root"
            }
            Cause::CertChainOrder => {
                "the server sends its certificate chain out of order, which strict clients refuse"
            }
            Cause::CertExpired => "a certificate in the chain has expired (or the verifier's clock is ahead)",
            Cause::CertNotYetValid => {
                "a certificate in the chain is not valid yet (usually the verifier's clock is behind)"
            }
            Cause::CertRevoked => "a certificate in the chain has been revoked by its issuer",
            Cause::CertInvalid => {
                "a certificate is malformed, badly signed or not allowed for this use"
            }
            Cause::HostnameMismatch => {
                "the name the client connects to is not among the certificate's names"
            }
            Cause::NotTls => {
                "the other side does not speak TLS there: plain HTTP, a proxy, another protocol or the wrong port"
            }
            Cause::ClientCertRequired => {
                "the server requires a client certificate and the client sent none"
            }
            Cause::ClientCertRejected => {
                "the server refused the client's certificate (untrusted issuer, expired, wrong use)"
            }
            Cause::UnknownServerName => {
                "the server does not recognise the name sent in SNI, or needs SNI and got none"
            }
            Cause::NoApplicationProtocol => "the sides share no ALPN protocol",
            Cause::UnsafeRenegotiation => {
                "one side refuses to renegotiate with a peer lacking secure renegotiation (RFC 5746)"
            }
            Cause::PeerClosed => {
                "the peer (or a device in between) closed the connection during the handshake without saying why"
            }
            Cause::CorruptRecord => {
                "records arrive corrupted or undecryptable (a middlebox rewriting traffic, or a broken peer)"
            }
            Cause::InternalError => {
                "the peer failed internally (often a server misconfiguration: key, certificate or library)"
            }
        }
    }

    /// What to look at to confirm or rule out this cause.
    ///
    /// ```
    /// let c = cipherdex::cause::Cause::HostnameMismatch.check();
    /// assert!(c.contains("subject alternative names"));
    /// ```
    pub const fn check(self) -> &'static str {
        match self {
            Cause::NoCommonVersion => {
                "compare the versions each side enables (client options, server MinProtocol/ssl_protocols, SChannel protocol keys, the OpenSSL security level)"
            }
            Cause::NoSharedSuite => {
                "compare the client's offered suites (its ClientHello) with the server's enabled suites for that version"
            }
            Cause::NoFittingCertificate => {
                "compare the certificate's key type (RSA, ECDSA, Ed25519) with the authentication of the shared suites"
            }
            Cause::NoSharedGroup => {
                "compare the client's supported_groups with the server's groups (OpenSSL Groups/-groups, Windows curve order)"
            }
            Cause::NoSharedSigalg => {
                "compare the client's signature_algorithms with the server key's type, size and curve (and SHA-1 rules at the security level)"
            }
            Cause::KeyTooSmall => {
                "check the key sizes (openssl x509 -noout -text) and DH parameters against each side's security level (@SECLEVEL, MinimumKeyLength)"
            }
            Cause::SecurityLevel => {
                "check the version and each side's @SECLEVEL (OpenSSL 3.0 runs TLS 1.0/1.1 only at level 0; Debian's default is 2)"
            }
            Cause::CertUntrusted => {
                "check the issuer chain (openssl s_client -showcerts) against the verifier's trust store (CAfile, Java cacerts, the Windows store)"
            }
            Cause::CertChainIncomplete => {
                "check that the server sends its intermediate certificates (openssl s_client -showcerts shows the chain it sends)"
            }
            Cause::CertChainOrder => {
                "check the order of the chain the server sends (openssl s_client -showcerts): each certificate's issuer must follow it"
            }
            Cause::CertExpired => {
                "check notAfter of every certificate in the chain, and the verifier's clock"
            }
            Cause::CertNotYetValid => "check notBefore of the certificates and the verifier's clock",
            Cause::CertRevoked => "check the certificate's status with its issuer (CRL or OCSP)",
            Cause::CertInvalid => {
                "check the certificate's signature algorithm, keyUsage and extendedKeyUsage (openssl x509 -noout -text)"
            }
            Cause::HostnameMismatch => {
                "compare the host name the client uses with the certificate's subject alternative names"
            }
            Cause::NotTls => {
                "check the port and what listens there (curl http://HOST:PORT/, a proxy's CONNECT, STARTTLS protocols)"
            }
            Cause::ClientCertRequired => {
                "check the server's client-certificate setting and give the client a certificate and key"
            }
            Cause::ClientCertRejected => {
                "check the client certificate's issuer against the CA list the server accepts, its dates and its extendedKeyUsage (clientAuth)"
            }
            Cause::UnknownServerName => {
                "check the SNI name the client sends (openssl s_client -servername) against the server's configured names"
            }
            Cause::NoApplicationProtocol => {
                "compare the client's ALPN list with the protocols the server accepts"
            }
            Cause::UnsafeRenegotiation => {
                "check whether both sides support RFC 5746 (renegotiation_info); upgrade the old side or allow legacy renegotiation"
            }
            Cause::PeerClosed => {
                "check the peer's own log for its reason, and firewalls, load balancers or proxies in between"
            }
            Cause::CorruptRecord => {
                "capture the traffic on both ends and compare; check middleboxes doing TLS inspection"
            }
            Cause::InternalError => {
                "check the peer's own log; for OpenSSL servers at level 2 also check the versions offered (TLS 1.0/1.1 give internal_error)"
            }
        }
    }

    /// The cipherdex command that confirms the cause, with placeholders in capitals.
    ///
    /// ```
    /// let c = cipherdex::cause::Cause::NoFittingCertificate.command();
    /// assert!(c.starts_with("cipherdex check-cert"));
    /// ```
    pub const fn command(self) -> &'static str {
        match self {
            Cause::NoCommonVersion
            | Cause::NoSharedSuite
            | Cause::NoSharedGroup
            | Cause::NoSharedSigalg => {
                "cipherdex negotiate --client @CLIENTHELLO.txt --server PROFILE --cert CERT.pem"
            }
            Cause::SecurityLevel => {
                "cipherdex negotiate --client @CLIENTHELLO.txt --server PROFILE --server-seclevel N"
            }
            Cause::NoFittingCertificate | Cause::KeyTooSmall => {
                "cipherdex check-cert --cert CERT.pem SUITE..."
            }
            Cause::CertUntrusted
            | Cause::CertChainIncomplete
            | Cause::CertChainOrder
            | Cause::CertExpired
            | Cause::CertNotYetValid
            | Cause::CertRevoked
            | Cause::CertInvalid
            | Cause::HostnameMismatch
            | Cause::ClientCertRequired
            | Cause::ClientCertRejected => "cipherdex check-cert --cert CERT.pem",
            Cause::NotTls
            | Cause::UnknownServerName
            | Cause::NoApplicationProtocol
            | Cause::UnsafeRenegotiation
            | Cause::PeerClosed
            | Cause::CorruptRecord
            | Cause::InternalError => "cipherdex decode @CLIENTHELLO.txt",
        }
    }

    /// The cause with this id.
    ///
    /// ```
    /// use cipherdex::cause::Cause;
    /// assert_eq!(Cause::from_id("cert_expired"), Some(Cause::CertExpired));
    /// assert_eq!(Cause::from_id("expired"), None);
    /// ```
    pub fn from_id(id: &str) -> Option<Cause> {
        ALL.iter().copied().find(|c| c.id() == id)
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

/// A cause id that is not in the vocabulary.
///
/// ```
/// let e = "expired".parse::<cipherdex::cause::Cause>().unwrap_err();
/// assert!(e.to_string().contains("cert_expired"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCauseError(String);

impl fmt::Display for UnknownCauseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown cause {:?} (expected one of: ", self.0)?;
        for (i, c) in ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(c.id())?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for UnknownCauseError {}

impl FromStr for Cause {
    type Err = UnknownCauseError;
    fn from_str(s: &str) -> Result<Cause, UnknownCauseError> {
        Cause::from_id(s).ok_or_else(|| UnknownCauseError(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_round_trip() {
        for (i, c) in ALL.iter().enumerate() {
            assert_eq!(Cause::from_id(c.id()), Some(*c), "{c:?}");
            assert!(
                ALL[..i].iter().all(|o| o.id() != c.id()),
                "duplicate id {}",
                c.id()
            );
            assert!(c.command().starts_with("cipherdex "), "{c:?}");
        }
    }
}
