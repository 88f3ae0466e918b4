//! Build script: compiles the tables in `data/` into static Rust data, by
//! handing over to the modules in `build/`.
//!
//! Stages, as in chrono-tz: `read` loads each CSV by column name (with
//! `data/FILE:LINE` for every row); `meta`, `suites`, `windows`, `policies`,
//! `openssl`, `explain` and `clients` turn every value into the library's own
//! types; `check` tests the files against each other; the modules' `emit` functions write plain,
//! deterministic Rust (statics and perfect-hash maps, nothing to initialise
//! at run time) to `$OUT_DIR` through `emit::write`. Every bad row is
//! reported as `data/FILE:LINE: what is wrong`, all at once, and the build
//! fails.

#[allow(dead_code, unreachable_pub)]
#[path = "src/attrs.rs"]
mod attrs;
#[allow(dead_code, unreachable_pub)]
#[path = "src/cause.rs"]
mod cause;
#[path = "build/check.rs"]
mod check;
#[path = "build/clients.rs"]
mod clients;
#[path = "build/constants.rs"]
mod constants;
#[path = "build/defaults.rs"]
mod defaults;
#[path = "build/derive.rs"]
mod derive;
#[path = "build/emit.rs"]
mod emit;
#[path = "build/explain.rs"]
mod explain;
#[path = "build/gnutls.rs"]
mod gnutls;
#[path = "build/meta.rs"]
mod meta;
#[allow(dead_code, unreachable_pub)]
#[path = "src/name_hash.rs"]
mod name_hash;
#[path = "build/openssl.rs"]
mod openssl;
#[path = "build/perfect.rs"]
mod perfect;
#[path = "build/policies.rs"]
mod policies;
#[path = "build/read.rs"]
mod read;
#[path = "build/registries.rs"]
mod registries;
#[path = "build/security.rs"]
mod security;
#[allow(dead_code, unreachable_pub)]
#[path = "src/windows/shared.rs"]
mod shared;
#[allow(dead_code, unreachable_pub)]
#[path = "src/stack.rs"]
mod stack;
#[path = "build/suites.rs"]
mod suites;
#[path = "build/windows.rs"]
mod windows;

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/attrs.rs");
    println!("cargo:rerun-if-changed=src/name_hash.rs");
    println!("cargo:rerun-if-changed=src/windows/shared.rs");
    println!("cargo:rerun-if-changed=src/cause.rs");
    println!("cargo:rerun-if-changed=src/stack.rs");
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

/// Reads and checks every table, then writes the generated files; every
/// error of every stage that can run is reported.
fn run(data: &Path, out: &Path) -> Result<(), Vec<String>> {
    let meta = meta::load(data);
    let kb = suites::load(data)?;
    let releases = windows::load(data, &kb);
    let (meta, policies) = match meta {
        Ok(m) => {
            let p = policies::load(data, &kb, &m);
            (Ok(m), p)
        }
        // Policy rules name meta.csv's Go releases: checked once it reads.
        Err(e) => (Err(e), Err(Vec::new())),
    };
    let mut engine_errors = Vec::new();
    let rows = openssl::load(data, &mut engine_errors);
    check::openssl_engine(&kb, &rows, &mut engine_errors);
    let openssl_releases = openssl::load_releases(data, &mut engine_errors);
    let engine = if engine_errors.is_empty() {
        Ok((rows, openssl_releases))
    } else {
        Err(engine_errors)
    };
    let registries = registries::load(data);
    let knowledge = explain::load(data);
    let gnutls = gnutls::load(data);
    let (meta, releases, policies, engine, registries, knowledge) =
        match (meta, releases, policies, engine, registries, knowledge) {
            (Ok(m), Ok(r), Ok(p), Ok(e), Ok(g), Ok(k)) => (m, r, p, e, g, k),
            (m, r, p, e, g, k) => {
                let mut errors = m.err().unwrap_or_default();
                errors.extend(r.err().unwrap_or_default());
                errors.extend(p.err().unwrap_or_default());
                errors.extend(e.err().unwrap_or_default());
                errors.extend(g.err().unwrap_or_default());
                errors.extend(k.err().unwrap_or_default());
                return Err(errors);
            }
        };
    emit::write(out, "meta.rs", &meta::emit(&meta))?;
    emit::write(out, "suites.rs", &suites::emit(&kb))?;
    emit::write(out, "suite_constants.rs", &constants::emit(&kb)?)?;
    emit::write(out, "windows.rs", &windows::emit(&kb, &releases))?;
    emit::write(out, "policies.rs", &policies::emit(&policies))?;
    emit::write(out, "openssl_engine.rs", &openssl::emit(&engine.0)?)?;
    emit::write(
        out,
        "openssl_releases.rs",
        &openssl::emit_releases(&engine.1, meta.get("openssl_default_release"))?,
    )?;
    emit::write(out, "registries.rs", &registries::emit(&registries))?;
    let defaults = defaults::load(data, &registries)?;
    emit::write(out, "defaults.rs", &defaults::emit(&defaults))?;
    let clients = clients::load(data, &kb, &registries, &releases.tables)?;
    emit::write(out, "clients.rs", &clients::emit(&clients))?;
    emit::write(out, "explain.rs", &explain::emit(&knowledge))?;
    emit::write(out, "security.rs", &security::emit(data)?)?;
    let gnutls = gnutls?;
    let mut gnutls_errors = Vec::new();
    check::gnutls(&kb, &registries, &gnutls, &mut gnutls_errors);
    if !gnutls_errors.is_empty() {
        return Err(gnutls_errors);
    }
    emit::write(out, "gnutls.rs", &gnutls::emit(&gnutls))?;
    Ok(())
}
