//! `cipherdex negotiate`.

use clap::Args;

use super::ServerArgs;

/// The text after `--help`: the release and GnuTLS version come from the library.
fn after_help() -> String {
    format!(
        "LIST: suite names or codes ('A:B', 'A,B'), '-' for standard input, @FILE, '' for no suites, or a profile: windows:RELEASE (windows:server-2022), mozilla:LEVEL[:VERSION] (mozilla:intermediate), openssl:STRING (openssl:HIGH:!aNULL), gnutls:PRIORITY (gnutls:NORMAL:-VERS-TLS1.3, as {gnutls} evaluates it).\nV: a version or range: 1.2, 1.0-1.3.\nDefaults: versions 1.0-1.3 on both sides, OpenSSL's default TLS 1.3 list on both sides, --cert rsa, --prefer server (a profile's own order when it has one), --openssl {openssl}: a side given as a suite list, '' or an openssl: profile takes that release's default groups, key shares, signature schemes and security level where it states none (the output's last lines, and `defaults` in --json, say what each side took); a profile of another implementation, a ClientHello or a scanner report is taken as it is, and what it does not state is not checked. A --client LIST that is a ClientHello (s_client -msg output, hex) gives the client everything the hello states. A --cert FILE (a chain) is also checked as the client verifies it (--at, --sni or the hello's SNI, --client-seclevel, --ca; see check-cert).\nExit status: 0 when a handshake would succeed and nothing fails verification, 1 when not, 2 on bad input.\n\nExample:\n  cipherdex negotiate --client ECDHE-ECDSA-AES128-GCM-SHA256:AES128-SHA --server windows:server-2016 --cert rsa",
        gnutls = cipherdex::gnutls::RELEASE,
        openssl = cipherdex::openssl::DEFAULT_RELEASE,
    )
}

/// `cipherdex negotiate`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = after_help()
)]
pub struct NegotiateArgs {
    /// The client's TLS 1.2-and-older suites, in its order (or a profile).
    #[arg(long, value_name = "LIST", allow_hyphen_values = true)]
    pub client: String,

    /// The server.
    #[command(flatten)]
    pub server: ServerArgs,

    /// The client's TLS 1.3 suites ('' for none).
    #[arg(long = "client-tls13", value_name = "LIST", allow_hyphen_values = true)]
    pub client_tls13: Option<String>,

    /// Versions the client enables: 1.2 or 1.0-1.3.
    #[arg(long = "client-versions", value_name = "V")]
    pub client_versions: Option<String>,

    /// The client's supported groups, in order, any spelling (`x25519:P-256`, `secp384r1,ffdhe2048`).
    #[arg(long = "client-groups", value_name = "LIST")]
    pub client_groups: Option<String>,

    /// The groups the client sends TLS 1.3 key shares for (default: its first group).
    #[arg(long = "client-key-shares", value_name = "LIST")]
    pub client_key_shares: Option<String>,

    /// The client's signature schemes, in order, any spelling (`rsa_pss_rsae_sha256:ECDSA+SHA256`).
    #[arg(long = "client-sigalgs", value_name = "LIST")]
    pub client_sigalgs: Option<String>,

    /// The client's OpenSSL security level, 0-5 (the rules of --openssl).
    #[arg(long = "client-seclevel", value_name = "N")]
    pub client_seclevel: Option<u8>,

    /// The OpenSSL release whose rules and defaults apply (default: see below).
    /// Each side that is a suite list or an openssl: profile takes that release's
    /// default groups, key shares, signature schemes and security level (3.5:
    /// X25519MLKEM768 first, group tuples); the output says what each side took.
    #[arg(long = "openssl", value_name = "VERSION")]
    pub openssl: Option<String>,

    /// For certificate files: the time of the handshake, UTC (YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ, @SECONDS; default now).
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,

    /// For certificate files: the host name the client verifies (default: the SNI of a --client ClientHello).
    #[arg(long, value_name = "NAME")]
    pub sni: Option<String>,

    /// For certificate files: the certificates the client trusts (a PEM file of roots).
    #[arg(long, value_name = "FILE")]
    pub ca: Option<String>,
}
