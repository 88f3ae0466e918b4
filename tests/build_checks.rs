//! The build script's data checks: bad rows fail with `file:line: message`,
//! every bad row at once. The build modules are compiled here as they are in
//! build.rs and run on corrupted copies of data/: suites and names,
//! SChannel tables, the OpenSSL engine tables, and policies (`build/policies.rs`: a policy row whose code
//! is not a suite, or whose name does not name its code, fails with
//! `data/policies/FILE:LINE`), the group and signature-scheme registries, and
//! the client catalogue (`data/clients/clients.csv`).

#![allow(dead_code, unreachable_pub)]

#[path = "../src/attrs.rs"]
mod attrs;
#[path = "../build/check.rs"]
mod check;
#[path = "../build/clients.rs"]
mod clients;
#[path = "../build/defaults.rs"]
mod defaults;
#[path = "../build/derive.rs"]
mod derive;
#[path = "../build/emit.rs"]
mod emit;
#[path = "../build/gnutls.rs"]
mod gnutls;
#[path = "../build/meta.rs"]
mod meta;
#[path = "../src/name_hash.rs"]
mod name_hash;
#[path = "../build/openssl.rs"]
mod openssl;
#[path = "../build/perfect.rs"]
mod perfect;
#[path = "../build/policies.rs"]
mod policies;
#[path = "../build/read.rs"]
mod read;
#[path = "../build/registries.rs"]
mod registries;
#[path = "../src/windows/shared.rs"]
mod shared;
#[path = "../build/suites.rs"]
mod suites;
#[path = "../build/windows.rs"]
mod windows;

use std::fs;
use std::path::{Path, PathBuf};

/// A copy of data/ in a fresh temporary directory, removed on drop.
struct DataCopy(PathBuf);

impl DataCopy {
    fn new(label: &str) -> DataCopy {
        let dir =
            std::env::temp_dir().join(format!("cipherdex-build-{label}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), &dir);
        DataCopy(dir)
    }

    fn edit(&self, file: &str, f: impl FnOnce(String) -> String) {
        let p = self.0.join(file);
        let text = fs::read_to_string(&p).unwrap();
        fs::write(&p, f(text)).unwrap();
    }

    /// Every error the build would report, from every stage that can run.
    fn errors(&self) -> Vec<String> {
        let meta = meta::load(&self.0);
        match suites::load(&self.0) {
            Err(e) => e,
            Ok(kb) => {
                let releases = windows::load(&self.0, &kb);
                let tables: &[windows::Release] =
                    releases.as_ref().map_or(&[], |r| r.tables.as_slice());
                let mut e = releases.as_ref().err().cloned().unwrap_or_default();
                match &meta {
                    Ok(m) => e.extend(policies::load(&self.0, &kb, m).err().unwrap_or_default()),
                    Err(errors) => e.extend(errors.iter().cloned()),
                }
                match registries::load(&self.0) {
                    Ok(r) => {
                        e.extend(defaults::load(&self.0, &r).err().unwrap_or_default());
                        match gnutls::load(&self.0) {
                            Ok(g) => check::gnutls(&kb, &r, &g, &mut e),
                            Err(g) => e.extend(g),
                        }
                        e.extend(
                            clients::load(&self.0, &kb, &r, tables)
                                .err()
                                .unwrap_or_default(),
                        );
                    }
                    Err(r) => e.extend(r),
                }
                let rows = openssl::load(&self.0, &mut e);
                check::openssl_engine(&kb, &rows, &mut e);
                openssl::load_releases(&self.0, &mut e);
                e
            }
        }
    }
}

impl Drop for DataCopy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            fs::copy(e.path(), dest).unwrap();
        }
    }
}

fn line_of(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .expect("row present")
        + 1
}

#[test]
fn the_real_data_is_clean() {
    let d = DataCopy::new("clean");
    assert_eq!(d.errors(), Vec::<String>::new());
}

#[test]
fn every_bad_row_is_reported_with_its_line() {
    let d = DataCopy::new("bad");
    let suites = fs::read_to_string(d.0.join("suites.csv")).unwrap();
    let kex_line = line_of(&suites, "002F,");
    let dup_line = line_of(&suites, "0035,");
    d.edit("suites.csv", |t| {
        t.lines()
            .map(|l| {
                let mut f: Vec<String> = l.split(',').map(str::to_string).collect();
                match f[0].as_str() {
                    "002F" => f[7] = "KFOO".into(),
                    "0035" => f[0] = "0033".into(),
                    _ => {}
                }
                f.join(",") + "\n"
            })
            .collect()
    });
    let errors = d.errors();
    let joined = errors.join("\n");
    assert!(
        joined.contains(&format!(
            "data/suites.csv:{kex_line}: column kex: unknown key exchange \"KFOO\""
        )),
        "{joined}"
    );
    assert!(
        joined.contains("expected one of: NULL, any, RSA"),
        "{joined}"
    );
    assert!(
        joined.contains(&format!("data/suites.csv:{dup_line}: duplicate code 0033")),
        "{joined}"
    );
    assert!(errors.len() >= 2, "all errors at once: {joined}");
}

#[test]
fn names_must_resolve_and_ambiguity_must_be_declared() {
    let d = DataCopy::new("names");
    d.edit("names.csv", |t| {
        let mut t = t.replace(
            "002F,openssl,AES128-SHA,primary",
            "ABCD,openssl,AES128-SHA,primary",
        );
        t.push_str("0035,nss,AES128-SHA256,alias,,,,,\n");
        t
    });
    let joined = d.errors().join("\n");
    assert!(
        joined.contains("code ABCD is not in data/suites.csv"),
        "{joined}"
    );
    assert!(
        joined.contains(
            "\"AES128-SHA256\" names 2 codes; column ambiguity must be primary or secondary"
        ),
        "{joined}"
    );
}

#[test]
fn schannel_names_must_resolve() {
    let d = DataCopy::new("schannel");
    d.edit("schannel/windows-7.csv", |t| {
        t.replacen(
            "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_RSA_WITH_AES_257_GCM_SHA384",
            1,
        )
    });
    let joined = d.errors().join("\n");
    assert!(joined.contains("data/schannel/windows-7.csv:"), "{joined}");
    assert!(
        joined.contains("SChannel name \"TLS_RSA_WITH_AES_257_GCM_SHA384\" resolves to no suite"),
        "{joined}"
    );
}

#[test]
fn missing_columns_are_named() {
    let d = DataCopy::new("columns");
    d.edit("suites.csv", |t| {
        t.replacen("code,name,origin", "code,nom,origin", 1)
    });
    let joined = d.errors().join("\n");
    assert!(
        joined.contains("data/suites.csv:1: missing column \"name\""),
        "{joined}"
    );
    assert!(joined.contains("unexpected column \"nom\""), "{joined}");
}

#[test]
fn generated_code_is_deterministic() {
    let d = DataCopy::new("determinism");
    let kb = suites::load(&d.0).unwrap();
    let a = suites::emit(&kb);
    let kb2 = suites::load(&d.0).unwrap();
    assert_eq!(a, suites::emit(&kb2));
    assert!(a.contains("pub(crate) static SUITES: ["));
}

#[test]
fn windows_profiles_and_protocols_are_checked() {
    let d = DataCopy::new("winprofiles");
    // An alias naming two releases, and a table without its TLS 1.3 row.
    d.edit("schannel/profiles.csv", |t| {
        t.replace("Windows 7,7,", "Windows 7,7,2019")
    });
    d.edit("schannel/protocols.csv", |t| {
        t.lines()
            .filter(|l| !(l.starts_with("7 / Server 2008 R2") && l.contains("TLS 1.3")))
            .map(|l| format!("{l}\n"))
            .collect()
    });
    let joined = d.errors().join("\n");
    assert!(joined.contains("alias \"2019\" names both"), "{joined}");
    assert!(
        joined.contains("data/schannel/protocols.csv: no TLS1.3 row for table windows-7"),
        "{joined}"
    );
}

#[test]
fn name_index_rejects_names_that_differ_only_in_case() {
    let entries = [
        ("ECDHE-RSA".to_string(), (0, 1, 0)),
        ("ecdhe-rsa".to_string(), (1, 1, 1)),
    ];
    let err = perfect::emit("BY_NAME", &entries).unwrap_err();
    assert!(err.contains("letter case"), "{err}");
    let too_long = [("A".repeat(name_hash::MAX_LEN + 1), (0, 1, 0))];
    assert!(perfect::emit("BY_NAME", &too_long)
        .unwrap_err()
        .contains("MAX_LEN"));
    let ok = [
        ("ECDHE-RSA".to_string(), (0, 1, 0)),
        ("RSA".to_string(), (1, 1, 1)),
    ];
    assert!(perfect::emit("BY_NAME", &ok)
        .unwrap()
        .contains("static BY_NAME: NameIndex<"));
}

// Policies (build/policies.rs).

#[test]
fn unknown_codes_and_wrong_names_fail_with_file_and_line() {
    let d = DataCopy::new("policy-bad");
    // Line 2 of the block list: an unassigned code.
    d.edit("policies/http2-blocklist.csv", |t| {
        t.replacen(
            "0000,TLS_NULL_WITH_NULL_NULL",
            "1234,TLS_NULL_WITH_NULL_NULL",
            1,
        )
    });
    // Line 3 of NIST's list: a name that belongs to another suite.
    d.edit("policies/nist-sp800-52r2.csv", |t| {
        t.replacen(
            "C02C,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "C02C,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            1,
        )
    });
    // A Mozilla row out of published order.
    d.edit("policies/mozilla.csv", |t| {
        t.replacen(
            "5.0,modern,TLSv1.3,tls13_ciphersuites,2,",
            "5.0,modern,TLSv1.3,tls13_ciphersuites,7,",
            1,
        )
    });
    let errors = d.errors();
    let has = |needle: &str| errors.iter().any(|e| e.contains(needle));
    assert!(
        has("data/policies/http2-blocklist.csv:2: code 1234 is not a suite in data/suites.csv"),
        "{errors:#?}"
    );
    assert!(
        has("data/policies/nist-sp800-52r2.csv:3: iana_name \"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\" is not a name of C02C"),
        "{errors:#?}"
    );
    assert!(
        has("data/policies/mozilla.csv:3: position \"7\" should be 2"),
        "{errors:#?}"
    );
    assert_eq!(
        errors.len(),
        3,
        "every bad row, and only those: {errors:#?}"
    );
}

#[test]
fn bad_years_and_unknown_rules_fail() {
    let d = DataCopy::new("years");
    d.edit("policies/bsi-tr-02102-2.csv", |t| {
        t.replacen(",2030+,", ",soon,", 1)
    });
    d.edit("policies/policies.csv", |t| {
        t.replacen(",nist,", ",nist-2,", 1)
    });
    let errors = d.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("data/policies/bsi-tr-02102-2.csv:2: column use_until")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("data/policies/policies.csv:")
                && e.contains("unknown rule \"nist-2\"")),
        "{errors:#?}"
    );
}

#[test]
fn group_and_sigalg_registries_are_checked() {
    let d = DataCopy::new("registries");
    let groups = fs::read_to_string(d.0.join("groups.csv")).unwrap();
    let kind_line = line_of(&groups, "001D,");
    let dup_line = line_of(&groups, "0018,");
    d.edit("groups.csv", |t| {
        t.replace(
            "001D,x25519,iana,Y,Y,RFC8446 RFC8422,elliptic,",
            "001D,x25519,iana,Y,Y,RFC8446 RFC8422,elliptik,",
        )
        .replace("0018,secp384r1,", "0017,secp384r1,")
    });
    d.edit("group-names.csv", |t| {
        t + "7777,openssl,P-999,primary,,\n0019,windows,prime256v1,alias,,\n"
    });
    d.edit("sigalgs.csv", |t| {
        t.replace(",ECDSA,SHA256,secp256r1,", ",ECDSA,SHA256,secp255r1,")
    });
    let sigalgs = fs::read_to_string(d.0.join("sigalgs.csv")).unwrap();
    let curve_line = line_of(&sigalgs, "0403,");
    let errors = d.errors();
    let joined = errors.join("\n");
    let has = |s: &str| errors.iter().any(|e| e.contains(s));
    assert!(
        has(&format!(
            "data/groups.csv:{kind_line}: column kind: unknown group kind \"elliptik\""
        )),
        "{joined}"
    );
    assert!(has("data/groups.csv: code 0017 appears twice"), "{joined}");
    assert!(dup_line > 1);
    assert!(has("code 7777 is not in the registry file"), "{joined}");
    assert!(
        has("\"prime256v1\" (any case) already names 0017"),
        "{joined}"
    );
    assert!(
        has(&format!(
            "data/sigalgs.csv:{curve_line}: column curve: \"secp255r1\" is not the name of a group"
        )),
        "{joined}"
    );
}
/// Replaces field `col` (0-based) of the openssl.csv row that starts with `prefix`.
fn set_openssl_field(text: &str, prefix: &str, col: usize, value: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with(prefix) {
                let mut f: Vec<&str> = l.split(',').collect();
                f[col] = value;
                f.join(",") + "\n"
            } else {
                format!("{l}\n")
            }
        })
        .collect()
}

#[test]
fn openssl_engine_rows_are_checked_against_the_knowledge_base() {
    let d = DataCopy::new("openssl-kb");
    // Column 1 is openssl_name, column 8 kx.
    d.edit("openssl.csv", |t| {
        let t = set_openssl_field(&t, "C02F,", 1, "ECDHE-RSA-AES256-GCM-SHA384");
        set_openssl_field(&t, "009E,", 8, "kFOO")
    });
    let text = fs::read_to_string(d.0.join("openssl.csv")).unwrap();
    let name_line = line_of(&text, "C02F,");
    let kx_line = line_of(&text, "009E,");
    let errors = d.errors();
    let has = |needle: &str| errors.iter().any(|e| e.contains(needle));
    assert!(
        has(&format!(
            "data/openssl.csv:{name_line}: openssl_name \"ECDHE-RSA-AES256-GCM-SHA384\" is not an OpenSSL name of C02F"
        )),
        "{errors:#?}"
    );
    assert!(
        has(&format!(
            "data/openssl.csv:{kx_line}: column kx: unknown value \"kFOO\" (expected one of: kRSA"
        )),
        "{errors:#?}"
    );
    assert_eq!(
        errors.len(),
        2,
        "every bad row, and only those: {errors:#?}"
    );
}

#[test]
fn openssl_rows_after_a_multi_line_record_keep_their_line() {
    let d = DataCopy::new("openssl-lines");
    // A quoted note that spans two lines early in the file, an unknown
    // strength flag further down, and a row with one column too many.
    d.edit("openssl.csv", |t| {
        let t = t.replacen(
            "0001,NULL-MD5,<=0.9.8,3.6.0,current,omitted if built with no-integrity-only-ciphers (3.4+),",
            "0001,NULL-MD5,<=0.9.8,3.6.0,current,\"omitted if built\nwith no-integrity-only-ciphers (3.4+)\",",
            1,
        );
        let t = set_openssl_field(&t, "C030,", 12, "VERY_HIGH");
        t.replacen("\nC02B,", "\nC02B,extra,", 1)
    });
    let text = fs::read_to_string(d.0.join("openssl.csv")).unwrap();
    assert!(text.contains("built\nwith"), "the edit took");
    let strength_line = line_of(&text, "C030,");
    let extra_line = line_of(&text, "C02B,");
    let errors = d.errors();
    let has = |needle: &str| errors.iter().any(|e| e.contains(needle));
    assert!(
        has(&format!("data/openssl.csv:{extra_line}: malformed CSV")),
        "{errors:#?}"
    );
    // The reader stops at a malformed file; fix the extra column and the
    // strength flag is reported at its physical line.
    d.edit("openssl.csv", |t| t.replacen("\nC02B,extra,", "\nC02B,", 1));
    let errors = d.errors();
    assert_eq!(
        errors,
        [format!(
            "data/openssl.csv:{strength_line}: column strength: unknown flag \"VERY_HIGH\" (expected STRONG_NONE, LOW, MEDIUM, HIGH, FIPS, NOT_DEFAULT)"
        )]
    );
}

#[test]
fn openssl_engine_tables_are_deterministic() {
    let d = DataCopy::new("openssl-determinism");
    let mut errors = Vec::new();
    let a = openssl::emit(&openssl::load(&d.0, &mut errors)).unwrap();
    let b = openssl::emit(&openssl::load(&d.0, &mut errors)).unwrap();
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(a, b);
    assert!(a.contains("pub(crate) static CIPHERS_V30: ["));
}

#[test]
fn the_default_openssl_release_must_be_a_release_label() {
    let d = DataCopy::new("meta-openssl-default");
    let mut errors = Vec::new();
    let rows = openssl::load_releases(&d.0, &mut errors);
    assert_eq!(errors, Vec::<String>::new());
    let ok = openssl::emit_releases(&rows, "3.2").unwrap();
    assert!(
        ok.contains("OPENSSL_DEFAULT_RELEASE_INDEX: usize = 3;"),
        "{ok}"
    );
    let err = openssl::emit_releases(&rows, "3.9").unwrap_err();
    assert!(
        err[0].starts_with("data/meta.csv: openssl_default_release \"3.9\" is not a label of data/openssl-releases.csv (1.1.1, 1.1.1-weak, 3.0, 3.2"),
        "{err:?}"
    );
}

#[test]
fn meta_keys_are_checked_and_go_rules_name_its_releases() {
    let d = DataCopy::new("meta");
    d.edit("meta.csv", |t| {
        t.replacen("go_newer_since,", "go_newest_since,", 1)
            .replacen("data_version,2026-11,", "data_version,,", 1)
    });
    let meta = fs::read_to_string(d.0.join("meta.csv")).unwrap();
    let unknown_line = line_of(&meta, "go_newest_since,");
    let empty_line = line_of(&meta, "data_version,");
    let errors = d.errors();
    let has = |needle: &str| errors.iter().any(|e| e.contains(needle));
    assert!(
        has(&format!(
            "data/meta.csv:{unknown_line}: unknown key \"go_newest_since\" (expected one of: data_version, go_older, go_newer_since, go_newer, mozilla_source, gnutls_release, openssl_default_release, windows_gpo_limit)"
        )),
        "{errors:#?}"
    );
    assert!(
        has(&format!(
            "data/meta.csv:{empty_line}: key \"data_version\" has no value"
        )),
        "{errors:#?}"
    );
    assert!(
        has("data/meta.csv: missing key \"go_newer_since\""),
        "{errors:#?}"
    );
    assert_eq!(errors.len(), 3, "{errors:#?}");

    // A Go policy rule must name a Go release of meta.csv.
    let d = DataCopy::new("meta-go");
    d.edit("meta.csv", |t| {
        t.replacen("go_newer,1.24,", "go_newer,1.25,", 1)
    });
    let errors = d.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("data/policies/policies.csv:")
                && e.contains("unknown rule \"go-secure:1.24\"")
                && e.contains("1.21, 1.25")),
        "{errors:#?}"
    );
}

#[test]
fn implementation_defaults_name_registry_entries() {
    let d = DataCopy::new("defaults");
    let text = fs::read_to_string(d.0.join("group-defaults.csv")).unwrap();
    let java = line_of(&text, "java,17,");
    let go = line_of(&text, "go,1.19,");
    d.edit("group-defaults.csv", |t| {
        t.replace("java,17,,x25519 secp256r1", "java,17,,x25519 secp265r1")
            .replace(
                "go,1.19,,x25519 secp256r1 secp384r1 secp521r1,x25519,",
                "go,1.19,,x25519 secp256r1 secp384r1 secp521r1,x448,",
            )
    });
    let errors = d.errors();
    let joined = errors.join("\n");
    let has = |s: &str| errors.iter().any(|e| e.contains(s));
    assert!(
        has(&format!(
            "data/group-defaults.csv:{java}: column groups: \"secp265r1\" is not a name"
        )),
        "{joined}"
    );
    assert!(
        has(&format!(
            "data/group-defaults.csv:{go}: key share 001E is not among the row's groups"
        )),
        "{joined}"
    );
}

#[test]
fn gnutls_files_report_bad_items_and_unknown_suites() {
    let d = DataCopy::new("gnutls");
    let mut line = 0;
    d.edit("gnutls-lists.csv", |t| {
        line = line_of(&t, "kx_pfs,");
        t.replace("kx_pfs,kx,ECDHE-ECDSA", "kx_pfs,kx,ECDHE-ECDSAX")
    });
    let want = format!(
        "data/gnutls-lists.csv:{line}: \"ECDHE-ECDSAX\" is not a kx of data/gnutls-algorithms.csv"
    );
    let errors = d.errors();
    assert!(errors.contains(&want), "{errors:#?}");
    // The cross-file check runs once the files read.
    let d = DataCopy::new("gnutls-codes");
    d.edit("gnutls-suites.csv", |t| {
        t.replace(
            "TLS_RSA_AES_128_CBC_SHA1,0x002F",
            "TLS_RSA_AES_128_CBC_SHA1,0xFEEE",
        )
    });
    let errors = d.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("0xFEEE is not a suite in data/suites.csv")),
        "{errors:#?}"
    );
}

#[test]
fn client_catalogue_names_must_be_known() {
    let d = DataCopy::new("clients");
    let text = fs::read_to_string(d.0.join("clients/clients.csv")).unwrap();
    let go = line_of(&text, "go-1.19,");
    let java = line_of(&text, "java-17,");
    let ie11 = line_of(&text, "windows-7-ie11,");
    let win8 = line_of(&text, "windows-8,");
    d.edit("clients/clients.csv", |t| {
        t.lines()
            .map(|l| {
                if l.starts_with("go-1.19,") {
                    l.replacen(
                        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                        "TLS_NO_SUCH_SUITE",
                        1,
                    )
                    .replacen(",x25519 secp256r1", ",x25519 secp265r1", 1)
                } else if l.starts_with("windows-7-ie11,") {
                    l.replacen(
                        "schannel:windows-7 ",
                        "schannel:windows-7 -TLS_AES_128_GCM_SHA256 ",
                        1,
                    )
                } else if l.starts_with("windows-8,") {
                    l.replacen("schannel:windows-8", "schannel:windows-88", 1)
                } else if l.starts_with("java-17,") {
                    l.replacen(",java-17,", ",java-99,", 1).replacen(
                        "ecdsa_secp256r1_sha256",
                        "ecdsa_p257_sha256",
                        1,
                    )
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    });
    let errors = d.errors();
    let joined = errors.join("\n");
    for want in [
        format!("data/clients/clients.csv:{go}: column suites: \"TLS_NO_SUCH_SUITE\" is not a known cipher suite name"),
        format!("data/clients/clients.csv:{go}: column groups: \"secp265r1\" is not a known group name"),
        format!("data/clients/clients.csv:{java}: column sigalgs: \"ecdsa_p257_sha256\" is not a known signature scheme name"),
        format!("data/clients/clients.csv:{java}: column captures: data/clients/captures/java-99.hex does not exist"),
        format!("data/clients/clients.csv:{ie11}: column suites: -TLS_AES_128_GCM_SHA256: schannel:windows-7 does not offer it"),
        format!("data/clients/clients.csv:{win8}: column suites: schannel:windows-88 names no table"),
    ] {
        assert!(errors.iter().any(|e| e.contains(&want)), "missing {want:?} in:\n{joined}");
    }
}

#[test]
fn meta_numbers_are_whole_numbers() {
    let d = DataCopy::new("meta-number");
    d.edit("meta.csv", |t| {
        t.replacen("windows_gpo_limit,1023,", "windows_gpo_limit,1k,", 1)
    });
    let meta = fs::read_to_string(d.0.join("meta.csv")).unwrap();
    let line = line_of(&meta, "windows_gpo_limit,");
    let errors = d.errors();
    assert!(
        errors.iter().any(|e| e.contains(&format!(
            "data/meta.csv:{line}: key \"windows_gpo_limit\" is \"1k\"; expected a whole number"
        ))),
        "{errors:#?}"
    );
}

#[test]
fn openssl_releases_follow_the_engine_targets() {
    let d = DataCopy::new("openssl-releases");
    d.edit("openssl-releases.csv", |t| {
        t.replacen("3.2,3.2,3.4,N,", "3.3,3.2,3.4,N,", 1).replacen(
            "3.0,3.0,3.1,N,",
            "3.0,3.0,3.x,N,",
            1,
        )
    });
    let text = fs::read_to_string(d.0.join("openssl-releases.csv")).unwrap();
    let errors = d.errors();
    let has = |needle: &str| errors.iter().any(|e| e.contains(needle));
    assert!(
        has(&format!(
            "data/openssl-releases.csv:{}: label \"3.3\": expected \"3.2\" here",
            line_of(&text, "3.3,")
        )),
        "{errors:#?}"
    );
    assert!(
        has(&format!(
            "data/openssl-releases.csv:{}: column last: \"3.x\" is not a version",
            line_of(&text, "3.0,3.0,")
        )),
        "{errors:#?}"
    );
    assert_eq!(errors.len(), 2, "{errors:#?}");
}
