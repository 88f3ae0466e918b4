//! Where a command writes, and the global options it obeys: the one value
//! every command and every shared printer (`certs`, `cmd::peer`) takes.

use std::io::Write;

/// Where a command writes, and the global options.
pub struct Ctx<'a> {
    /// Standard output.
    pub out: &'a mut dyn Write,
    /// Standard error: notes and per-item errors.
    pub err: &'a mut dyn Write,
    /// The global `--json` flag.
    pub json: bool,
}
