//! `cipherdex sigalg`.

use clap::Args;

use super::values::NameTargetParser;
use super::NameTarget;

/// `cipherdex sigalg`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "SIGALG: a name in any scheme and case (rsa_pss_rsae_sha256, RSA-PSS+SHA256, PSS+SHA256, SIGN-RSA-PSS-RSAE-SHA256, PSSWithSHA256, ECDSA+SHA256, ed25519) or a code (0x0804, 2052). One argument may hold a list: 'ECDSA+SHA256:RSA-PSS+SHA256'.\nWithout SIGALG: the whole TLS SignatureScheme registry as a table.\nExit status: 0 all found, 1 an unknown scheme or one without a name in the --to scheme, 2 a usage error.\n\nExamples:\n  cipherdex sigalg RSA-PSS+SHA256\n  cipherdex sigalg --to go ecdsa_secp256r1_sha256\n  cipherdex sigalg --json 0x0804"
)]
pub struct SigalgArgs {
    /// Print one line per input: the name in this scheme (iana, openssl,
    /// gnutls, nss, java, go) or the code (hex).
    #[arg(long, value_name = "SCHEME", value_parser = NameTargetParser)]
    pub to: Option<NameTarget>,

    /// Signature scheme names or codes, or lists of them.
    #[arg(value_name = "SIGALG")]
    pub names: Vec<String>,
}
