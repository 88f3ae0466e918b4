//! `cipherdex clients`.

use clap::Args;

/// `cipherdex clients`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "CLIENT: an id or a glob with '*' (java-*, *-debian12); several may be given, or joined with commas. Without CLIENT: the whole catalogue.\nExit status: 0 listed, 2 when a CLIENT matches no client.\n\nExamples:\n  cipherdex clients\n  cipherdex clients 'windows-*'\n  cipherdex clients --json java-17"
)]
pub struct ClientsArgs {
    /// Clients to show: ids or globs (`windows-*`); all when none is given.
    #[arg(value_name = "CLIENT")]
    pub clients: Vec<String>,
}
