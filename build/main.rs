//! Build script: compiles the tables in `data/` into static Rust data.
//!
//! Stages, as in chrono-tz: [`read`] loads each CSV by column name, the
//! checks below turn every value into the library's own types and test the
//! files against each other, and [`emit`] writes plain, deterministic Rust
//! (statics and perfect-hash maps, nothing to initialise at run time) to
//! `$OUT_DIR`. Every bad row is reported as `file:line: what is wrong`, all
//! at once, and the build fails.

#[allow(dead_code, unreachable_pub)]
#[path = "../src/attrs.rs"]
mod attrs;
mod derive;
mod emit;
#[allow(dead_code, unreachable_pub)]
#[path = "../src/name_hash.rs"]
mod name_hash;
mod openssl;
mod perfect;
mod policies;
mod read;
mod registries;
#[allow(dead_code, unreachable_pub)]
#[path = "../src/windows/shared.rs"]
mod shared;
mod suites;
mod windows;

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/attrs.rs");
    println!("cargo:rerun-if-changed=src/name_hash.rs");
    let root = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let data = root.join("data");
    if let Err(errors) = run(&data, &out) {
        let mut msg = format!("data/ has {} error(s):\n", errors.len());
        for e in &errors {
            msg.push_str("  ");
            msg.push_str(e);
            msg.push('\n');
        }
        panic!("{msg}");
    }
}

fn run(data: &Path, out: &Path) -> Result<(), Vec<String>> {
    let kb = suites::load(data)?;
    let releases = windows::load(data, &kb)?;
    emit::write(out, "suites.rs", &suites::emit(&kb))?;
    emit::write(out, "windows.rs", &windows::emit(&kb, &releases))?;
    openssl::emit(data, out)?;
    let policies = policies::load(data, &kb)?;
    emit::write(out, "policies.rs", &policies::emit(&policies))?;
    let registries = registries::load(data)?;
    emit::write(out, "registries.rs", &registries::emit(&registries))?;
    Ok(())
}
