//! Links the `cipherdex` executable at a fixed address (not as a
//! position-independent executable) on Linux, unless `CIPHERDEX_PIE=1`.
//!
//! The library's tables hold some 15,000 pointers (every `&'static str` of
//! every name). In a position-independent executable the dynamic loader
//! patches each of them at every start, which touches (and copies) every
//! page of those tables: about a third of a one-shot `cipherdex convert`.
//! Linked at a fixed address they are ready as stored, and a page is read
//! only when used. Figures in `benches/README.md`.
//!
//! The cost: the executable's own code is not placed at a random address
//! (its libraries, stack and heap still are), which helps an attacker who
//! already has a memory-corruption bug to build on. Both crates forbid
//! `unsafe` code, so such a bug would have to come from a dependency or the
//! compiler. Packagers whose policy requires PIE (Debian's hardening flags,
//! for one) build with `CIPHERDEX_PIE=1` and pay the start-up cost instead.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CIPHERDEX_PIE");
    let pie = std::env::var("CIPHERDEX_PIE").is_ok_and(|v| v == "1");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if !pie && os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
