//! The `cipherdex` command. Placeholder until the CLI lands: prints the version.

fn main() {
    println!("cipherdex {}", env!("CARGO_PKG_VERSION"));
}
