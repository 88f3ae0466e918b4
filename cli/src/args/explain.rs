//! `cipherdex explain`.

use clap::Args;

/// `cipherdex explain`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "TEXT: an error message, a whole log (every known message in it is found, with its line), or a code: 'alert 40', 0x80090331, -2146893007, SEC_E_ALGORITHM_MISMATCH, 36888 (SChannel event), 0A000410 or 14094410 (OpenSSL), 'curl 35' or 'exit code 35'. Several arguments are joined with spaces; '-' reads standard input, @FILE a file. When the text holds an 'openssl s_client -msg' ClientHello, the handshake model ranks the causes.\nExit status: 0 something was explained, 1 nothing was recognised, 2 bad input (empty, 'alert 300', an unreadable file).\n\nExamples:\n  cipherdex explain 'SSL routines::wrong version number'\n  cipherdex explain alert 40\n  cipherdex explain 0x80090331\n  cipherdex explain @/var/log/nginx/error.log --json"
)]
pub struct ExplainArgs {
    /// The message, log or code; '-' for standard input, @FILE for a file.
    #[arg(value_name = "TEXT", required = true, allow_negative_numbers = true)]
    pub text: Vec<String>,
}
