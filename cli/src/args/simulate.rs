//! `cipherdex simulate`.

use clap::Args;

use super::ServerArgs;

/// `cipherdex simulate`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "LIST: suite names or codes ('A:B', 'A,B'), '-' for standard input, @FILE (a scanner report gives the versions and the suites per version), '' for no suites, or a profile: windows:RELEASE, mozilla:LEVEL[:VERSION], openssl:STRING.\nV: a version or range: 1.2, 1.0-1.3.\nThe clients are the catalogue's (`cipherdex clients` lists their ids).\n--before, --before-tls13, --before-versions and --before-groups describe the server as it was, each replacing its --server counterpart (the certificates, signature schemes, security level and order stay the server's); then only the clients whose outcome changes are printed.\nExit status: 0 when every selected client connects (with --before: when none that connected before fails now), 1 when not, 2 on bad input.\n\nExamples:\n  cipherdex simulate --server openssl:DEFAULT --server-versions 1.2-1.3 --cert ecdsa-p256\n  cipherdex simulate --server @sslscan.xml --cert rsa:2048 --clients 'windows-*,java-*'\n  cipherdex simulate --server openssl:DEFAULT --server-versions 1.2-1.3 --before-versions 1.0-1.3"
)]
pub struct SimulateArgs {
    /// The server.
    #[command(flatten)]
    pub server: ServerArgs,

    /// Which clients: ids or globs on ids, separated by commas (`windows-*,java-17`; default: all).
    #[arg(long, value_name = "PATTERN")]
    pub clients: Option<String>,

    /// The server as it was: a LIST or profile, as --server (default: --server's).
    #[arg(long, value_name = "LIST", allow_hyphen_values = true)]
    pub before: Option<String>,

    /// The TLS 1.3 suites the server had ('' for none).
    #[arg(long = "before-tls13", value_name = "LIST", allow_hyphen_values = true)]
    pub before_tls13: Option<String>,

    /// The versions the server had: 1.2 or 1.0-1.3.
    #[arg(long = "before-versions", value_name = "V")]
    pub before_versions: Option<String>,

    /// The groups the server had, in order, any spelling.
    #[arg(long = "before-groups", value_name = "LIST")]
    pub before_groups: Option<String>,

    /// The OpenSSL release whose rules and defaults apply (1.1.1 to 3.x: 3.0, 3.2, 3.5, ...):
    /// a server given as a suite list, '' or an openssl: profile takes its default groups,
    /// key shares, signature schemes and security level where it states none.
    #[arg(long = "openssl", value_name = "VERSION", default_value = cipherdex::openssl::DEFAULT_RELEASE)]
    pub openssl: String,
}
