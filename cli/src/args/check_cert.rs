//! `cipherdex check-cert`.

use clap::Args;

use super::SuiteArgs;

/// `cipherdex check-cert`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "TYPE: rsa, rsa-pss, ecdsa, ecdsa-p256, ecdsa-p384, ecdsa-p521, ed25519, ed448, dsa, dh, dh-rsa, dh-dss, ecdh, ecdh-rsa, ecdh-ecdsa, none; a size or curve may follow: rsa:1024, rsa-pss:3072, ecdsa:p384.\nFILE: a PEM (certificate or chain, leaf first) or DER certificate. Several --cert files in a row make one chain when the later ones are CA certificates (leaf.pem then intermediate.pem); otherwise each is another server certificate.\nFor certificate files the chain is checked as a client verifies it: dates (--at), the name (--sni, or the SNI of --client's ClientHello), order and intermediates, SHA-1/MD5 signatures, key sizes (--seclevel), trust (--ca). With a file and no SUITE only the chain is checked ('-' reads suites from standard input).\nExit status: 0 when the certificate fits every suite and nothing fails verification, 1 when not, 2 on bad input.\n\nExamples:\n  cipherdex check-cert --cert ed25519 ECDHE-ECDSA-AES128-SHA ECDHE-RSA-AES128-GCM-SHA256\n  cipherdex check-cert --cert fullchain.pem --sni www.example.com --at 2027-01-01"
)]
pub struct CheckCertArgs {
    /// The certificate: a key type name, or a certificate file (PEM or DER); repeat for a chain or several certificates.
    #[arg(long, value_name = "TYPE|FILE", required = true)]
    pub cert: Vec<String>,

    /// Check only this version or range (1.2, 1.0-1.3); default: every version each suite has.
    #[arg(long = "tls", value_name = "V")]
    pub tls: Option<String>,

    /// The time of the handshake, UTC: YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ or @SECONDS (default: now).
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,

    /// The host name the client asks for and verifies.
    #[arg(long, value_name = "NAME")]
    pub sni: Option<String>,

    /// A ClientHello (@FILE, '-', hex) whose server_name is the name to verify.
    #[arg(long, value_name = "HELLO", allow_hyphen_values = true)]
    pub client: Option<String>,

    /// The verifying client's OpenSSL security level, 0-5 (key sizes; SHA-1 allowed only at 0).
    #[arg(long, value_name = "N")]
    pub seclevel: Option<u8>,

    /// The OpenSSL release whose security-level rules apply (1.1.1 to 3.x: 3.0, 3.2, 3.5, ...).
    #[arg(long = "openssl", value_name = "VERSION", default_value = cipherdex::openssl::DEFAULT_RELEASE)]
    pub openssl: String,

    /// The certificates the client trusts (a PEM file of roots); default: judge the chain by its shape.
    #[arg(long, value_name = "FILE")]
    pub ca: Option<String>,

    /// The suites.
    #[command(flatten)]
    pub input: SuiteArgs,
}
