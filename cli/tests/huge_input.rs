//! Huge inputs on every command that reads suites: a 10 MB line and a list of
//! 1,000,000 suites, from a file (`show` only the line: see below). Each command answers (exit 0, 1 or 2) with
//! no panic; memory stays bounded because the process finishes at all on a
//! 24 GiB machine running the rest of the suite.

mod common;

use common::cipherdex;

fn run(args: &[&str], file: &std::path::Path) {
    let arg = format!("@{}", file.display());
    let mut all: Vec<&str> = args.to_vec();
    all.push(&arg);
    let out = cipherdex().args(&all).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0..=2)),
        "{all:?}: {:?}, {}",
        out.status,
        &stderr[..stderr.len().min(500)]
    );
    assert!(!stderr.contains("panicked"), "{all:?}: {stderr}");
}

#[test]
fn ten_megabyte_line_and_a_million_suites() {
    let dir = std::env::temp_dir().join(format!("cipherdex-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let line = dir.join("line.txt");
    std::fs::write(&line, "ECDHE-RSA-AES128-GCM-SHA256".repeat(400_000)).unwrap();
    let million = dir.join("million.txt");
    std::fs::write(&million, ["AES128-SHA"; 1_000_000].join("\n")).unwrap();
    for file in [&line, &million] {
        for args in [
            &["convert", "--to", "iana"][..],
            &["audit"],
            &["compile", "--target", "openssl"],
            &["decode"],
        ] {
            run(args, file);
        }
    }
    // `show` prints a card per suite: a million cards is gigabytes of text,
    // so only the 10 MB line.
    run(&["show"], &line);
    let _ = std::fs::remove_dir_all(&dir);
}
