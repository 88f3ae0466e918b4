//! `cipherdex group`.

use clap::Args;

use super::values::NameTargetParser;
use super::NameTarget;

/// `cipherdex group`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "GROUP: a name in any scheme and case (x25519, P-256, prime256v1, secp256r1, CurveP256, NistP256, GROUP-SECP256R1, X25519MLKEM768) or a code (0x001D, 29). One argument may hold a list: 'X25519:P-256,secp384r1'.\nWithout GROUP: the whole TLS Supported Groups registry as a table.\nExit status: 0 all found, 1 an unknown group or one without a name in the --to scheme, 2 a usage error.\n\nExamples:\n  cipherdex group X25519MLKEM768\n  cipherdex group --to openssl NistP256 curve25519\n  cipherdex group --json 0x11EC"
)]
pub struct GroupArgs {
    /// Print one line per input: the name in this scheme (iana, openssl,
    /// gnutls, nss, java, go, windows) or the code (hex).
    #[arg(long, value_name = "SCHEME", value_parser = NameTargetParser)]
    pub to: Option<NameTarget>,

    /// Group names or codes, or lists of them.
    #[arg(value_name = "GROUP")]
    pub names: Vec<String>,
}
