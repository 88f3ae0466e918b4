//! `cipherdex windows`: release list, a release's suites, one suite on every
//! release, and the Group Policy / PowerShell output. Expected names come
//! from the source tables copied into `tests/fixtures/schannel/`.

mod common;

use common::{cipherdex, stdout_of, workspace_fixture};
use predicates::prelude::*;

/// The names of a fixture table's rows with a priority, in priority order.
fn enabled_names(file: &str) -> Vec<String> {
    let text =
        std::fs::read_to_string(workspace_fixture(&format!("schannel/{file}"))).expect("fixture");
    let mut rows: Vec<(u32, String)> = text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let (prio, rest) = l.split_once(',')?;
            let name = rest.split(',').next()?;
            Some((prio.parse().ok()?, name.to_string()))
        })
        .collect();
    rows.sort();
    rows.into_iter().map(|(_, n)| n).collect()
}

#[test]
fn lists_every_release() {
    let out = cipherdex().arg("windows").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = stdout_of(&out);
    for name in [
        "xp",
        "7",
        "8.1",
        "10-1607",
        "11-22h2",
        "server-2012r2",
        "server-2016",
        "server-2019",
        "server-2022",
        "server-2022-23h2",
        "server-2025",
    ] {
        assert!(
            text.lines()
                .any(|l| l.split_whitespace().next() == Some(name)),
            "{name} missing:\n{text}"
        );
    }
    let json: serde_json::Value = serde_json::from_slice(
        &cipherdex()
            .args(["windows", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .expect("json");
    let arr = json.as_array().expect("array");
    assert!(arr.len() >= 48);
    let derived = arr
        .iter()
        .find(|r| r["name"] == "server-2022-23h2")
        .expect("derived release");
    assert!(!derived["unsure"].as_array().expect("unsure").is_empty());
}

#[test]
fn a_release_shows_its_default_order() {
    let out = cipherdex()
        .args(["windows", "server-2022", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = stdout_of(&out);
    let names: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).expect("name column"))
        .collect();
    assert_eq!(names, enabled_names("windows-server-2022.csv"));
    // Product names work, and the text form says which table.
    let out = cipherdex()
        .args(["windows", "Windows Server 2016"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(
        text.contains("TLS Cipher Suites in Windows 10 v1607"),
        "{text}"
    );
    assert!(
        text.contains("Protocols on by default: server TLS1.0 TLS1.1 TLS1.2;"),
        "{text}"
    );
}

#[test]
fn windows_7_rows_keep_their_curve_names() {
    let out = cipherdex()
        .args(["windows", "7", "--format", "csv"])
        .output()
        .unwrap();
    let names: Vec<String> = stdout_of(&out)
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap_or_default().to_string())
        .collect();
    assert_eq!(names, enabled_names("windows-7.csv"));
    assert!(names
        .iter()
        .any(|n| n == "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256"));
    // --all adds the rows that are not enabled (the _P521 variants).
    let all = stdout_of(
        &cipherdex()
            .args(["windows", "7", "--all", "--format", "csv"])
            .output()
            .unwrap(),
    );
    assert!(
        all.contains("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P521,0xC013,supported"),
        "{all}"
    );
    // --to: one line per suite, in the other scheme.
    let openssl = stdout_of(
        &cipherdex()
            .args(["windows", "7", "--to", "openssl", "--format", "csv"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        openssl
            .lines()
            .filter(|l| l.contains(",ECDHE-RSA-AES128-SHA,"))
            .count(),
        1,
        "{openssl}"
    );
}

#[test]
fn unknown_release_is_a_usage_error_with_suggestions() {
    cipherdex()
        .args(["windows", "server-2021"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("unknown Windows release \"server-2021\"")
                .and(predicate::str::contains("did you mean"))
                .and(predicate::str::contains("server-2022")),
        );
}

#[test]
fn one_suite_on_every_release() {
    let out = cipherdex()
        .args(["windows", "--suite", "DES-CBC3-SHA"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = stdout_of(&out);
    assert!(
        text.starts_with("TLS_RSA_WITH_3DES_EDE_CBC_SHA  0x000A\n"),
        "{text}"
    );
    let row = |name: &str| {
        text.lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("no row {name}"))
            .to_string()
    };
    assert!(row("server-2022").contains("enabled"));
    assert!(row("server-2025").contains("supported"));
    assert!(row("server-2022-23h2").contains("supported"));
    // A suite no Windows has: exit 1.
    cipherdex()
        .args(["windows", "--suite", "ECDHE-RSA-CHACHA20-POLY1305"])
        .assert()
        .code(1);
}

#[test]
fn diagnosis_for_one_release() {
    cipherdex()
        .args(["windows", "server-2025", "--suite", "DES-CBC3-SHA"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains(
                "TLS_RSA_WITH_3DES_EDE_CBC_SHA is supported by Windows Server 2025 but not enabled by default",
            )
            .and(predicate::str::contains(
                "Enable-TlsCipherSuite -Name TLS_RSA_WITH_3DES_EDE_CBC_SHA",
            )),
        );
    let out = cipherdex()
        .args([
            "windows",
            "server-2025",
            "--suite",
            "DES-CBC3-SHA",
            "--json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["status"], "supported");
    assert_eq!(
        v["fix"][0],
        "Enable-TlsCipherSuite -Name TLS_RSA_WITH_3DES_EDE_CBC_SHA"
    );
}

#[test]
fn gpo_prints_only_the_string() {
    cipherdex()
        .args([
            "windows",
            "7",
            "--gpo",
            "ECDHE-RSA-AES128-SHA",
            "AES256-SHA",
            "ECDHE-RSA-AES256-GCM-SHA384",
        ])
        .assert()
        .success()
        .stdout("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P384,TLS_RSA_WITH_AES_256_CBC_SHA\n")
        .stderr(predicate::str::contains("not supported by Windows 7"));
}

#[test]
fn gpo_over_the_limit_fails_and_says_what_to_drop() {
    // Every suite Server 2025 supports, as a list file.
    let list = stdout_of(
        &cipherdex()
            .args(["windows", "server-2025", "--all", "--format", "csv"])
            .output()
            .unwrap(),
    );
    let names: Vec<&str> = list
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).expect("name"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("all.txt");
    std::fs::write(&file, names.join("\n")).unwrap();
    let length = names.join(",").len();
    assert!(length > 1023);
    cipherdex()
        .args(["windows", "server-2025", "--gpo"])
        .arg(format!("@{}", file.display()))
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains(format!("is {length} characters"))
                .and(predicate::str::contains("1023-character limit"))
                .and(predicate::str::contains("drop the last")),
        );
}

#[test]
fn gpo_with_unknown_suites_prints_nothing() {
    cipherdex()
        .args([
            "windows",
            "server-2022",
            "--gpo",
            "AES128-SHA",
            "ECDHE-RSA-AES256-GCM-SHA348",
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "did you mean ECDHE-RSA-AES256-GCM-SHA384",
        ));
}

/// Windows 7 has no TLS PowerShell module: the script sets the registry
/// value behind the Group Policy setting, the same string `--gpo` prints.
#[test]
fn powershell_on_windows_7_writes_the_policy_registry_value() {
    let suites = "AES128-SHA,ECDHE-RSA-AES256-SHA";
    let gpo = cipherdex()
        .args(["windows", "7", "--gpo", suites])
        .output()
        .unwrap();
    assert!(gpo.status.success(), "{gpo:?}");
    let gpo = stdout_of(&gpo).trim().to_string();
    assert!(gpo.contains("_P256"), "{gpo}");
    let out = cipherdex()
        .args(["windows", "7", "--powershell", suites])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = stdout_of(&out);
    assert!(!text.contains("TlsCipherSuite -"), "{text}");
    assert!(text.lines().any(|l| l
        == r"$key = 'HKLM:\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002'"));
    assert!(text.lines().any(|l| l
        == format!("New-ItemProperty -Path $key -Name 'Functions' -PropertyType String -Value '{gpo}' -Force | Out-Null")));
    assert!(text.contains(&format!("/v Functions /t REG_SZ /d \"{gpo}\" /f")));
    for l in text.lines().filter(|l| !l.is_empty()) {
        assert!(
            l.starts_with('#')
                || l.starts_with('$')
                || l.starts_with("if ")
                || l.starts_with("New-ItemProperty "),
            "not a comment or command: {l}"
        );
    }
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no documented TLS PowerShell module") && err.contains("restart"),
        "{err}"
    );
    // Server 2016 has the module: cmdlets, no registry value.
    let out = cipherdex()
        .args(["windows", "server-2016", "--powershell", suites])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(
        text.contains("Enable-TlsCipherSuite -Name") && !text.contains("00010002"),
        "{text}"
    );
}

#[test]
fn powershell_script_on_stdout() {
    let out = cipherdex()
        .args([
            "windows",
            "server-2022",
            "--powershell",
            "ECDHE-RSA-AES256-GCM-SHA384,ECDHE-RSA-AES128-GCM-SHA256",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    let text = stdout_of(&out);
    let enables: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("Enable-TlsCipherSuite"))
        .collect();
    assert_eq!(
        enables,
        [
            "Enable-TlsCipherSuite -Name 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384' -Position 0",
            "Enable-TlsCipherSuite -Name 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' -Position 1",
        ]
    );
    assert!(text.contains("Disable-TlsCipherSuite -Name 'TLS_RSA_WITH_AES_128_CBC_SHA'"));
    // Every non-empty line is a comment or a command.
    for l in text.lines().filter(|l| !l.is_empty()) {
        assert!(
            l.starts_with('#')
                || l.starts_with("if (")
                || l.starts_with("Enable-")
                || l.starts_with("$present"),
            "{l}"
        );
    }
}

#[test]
fn gpo_needs_a_release() {
    cipherdex()
        .args(["windows", "--gpo", "AES128-SHA"])
        .assert()
        .code(2);
}

/// The README's printer story, step by step.
#[test]
fn readme_printer_story() {
    let printer = "DHE-RSA-AES256-SHA\nDHE-RSA-AES128-SHA\nDHE-RSA-DES-CBC3-SHA\nRC4-MD5\n";
    let dir = tempfile::tempdir().unwrap();
    let printer_file = dir.path().join("printer.txt");
    std::fs::write(&printer_file, printer).unwrap();
    let at = format!("@{}", printer_file.display());
    cipherdex()
        .args([
            "negotiate",
            "--client",
            &at,
            "--client-versions",
            "1.0-1.2",
            "--server",
            "windows:server-2022",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "Enable-TlsCipherSuite -Name TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
        ));
    // The default order plus the printer's best suite, as a policy string.
    let csv = stdout_of(
        &cipherdex()
            .args(["windows", "server-2022", "--format", "csv"])
            .output()
            .unwrap(),
    );
    let mut order: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    order.push("DHE-RSA-AES256-SHA");
    let out = cipherdex()
        .args(["windows", "server-2022", "--gpo", "-"])
        .write_stdin(order.join("\n"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let gpo = stdout_of(&out);
    assert!(
        gpo.trim_end()
            .ends_with(",TLS_DHE_RSA_WITH_AES_256_CBC_SHA"),
        "{gpo}"
    );
    let gpo_file = dir.path().join("gpo.txt");
    std::fs::write(&gpo_file, &gpo).unwrap();
    cipherdex()
        .args([
            "negotiate",
            "--client",
            &at,
            "--client-versions",
            "1.0-1.2",
            "--server",
        ])
        .arg(format!("@{}", gpo_file.display()))
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "TLS1.2  TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
        ));
}
