//! Links the `cipherdex` executable at a fixed address (not as a
//! position-independent executable) on Linux.
//!
//! The library's tables hold some 15,000 pointers (every `&'static str` of
//! every name). In a position-independent executable the dynamic loader
//! patches each of them at every start, which touches (and copies) every
//! page of those tables: about a third of a one-shot `cipherdex convert`.
//! Linked at a fixed address they are ready as stored, and a page is read
//! only when used. The cost: the executable itself is not placed at a random
//! address (its libraries, stack and heap still are). Figures in
//! `benches/README.md`.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
