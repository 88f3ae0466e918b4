//! Build script: compiles data/ into static tables (work in progress).
fn main() {
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=data");
}
