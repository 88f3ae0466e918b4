//! `cipherdex decode`.

use clap::Args;

/// `cipherdex decode`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "HEX: a TLS record or ClientHello (16 03 01 00 5e 01 00 00 5a ...), a whole 'openssl s_client -msg' output, a hex stream as Wireshark copies it, or a cipher-suite vector (c0 2b c0 2f, 0xC02B,0xC02F). Several arguments are joined; '-' reads standard input, @FILE a file.\nExit status: 0 decoded, 1 decoded but some suite codes are unknown, 2 when the input is not such hex or is cut off or corrupt (the message names the field and byte offset).\n\nExamples:\n  cipherdex decode 00 67 00 ff\n  openssl s_client -msg -connect printer:443 </dev/null | cipherdex decode -"
)]
pub struct DecodeArgs {
    /// The hex, '-' for standard input, or @FILE.
    #[arg(value_name = "HEX", required = true)]
    pub hex: Vec<String>,
}
