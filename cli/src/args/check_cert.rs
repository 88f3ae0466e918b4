//! `cipherdex check-cert`.

use clap::Args;

use super::SuiteArgs;

/// `cipherdex check-cert`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "TYPE: rsa, rsa-pss, ecdsa, ecdsa-p256, ecdsa-p384, ecdsa-p521, ed25519, ed448, dsa, dh, dh-rsa, dh-dss, ecdh, ecdh-rsa, ecdh-ecdsa, none.\nFILE: a PEM (certificate or chain, leaf first) or DER certificate.\nExit status: 0 when the certificate fits every suite, 1 when not, 2 on bad input.\n\nExample:\n  cipherdex check-cert --cert ed25519 ECDHE-ECDSA-AES128-SHA ECDHE-RSA-AES128-GCM-SHA256"
)]
pub struct CheckCertArgs {
    /// The certificate: a key type name, or a certificate file (PEM or DER).
    #[arg(long, value_name = "TYPE|FILE")]
    pub cert: String,

    /// Check only this version or range (1.2, 1.0-1.3); default: every version each suite has.
    #[arg(long = "tls", value_name = "V")]
    pub tls: Option<String>,

    /// The suites.
    #[command(flatten)]
    pub input: SuiteArgs,
}
