//! The Windows SChannel module against Microsoft's tables, read here
//! independently from `tests/fixtures/schannel/` (a copy of the gathered
//! source tables and their README, not of `data/`).

use std::collections::HashMap;
use std::path::PathBuf;

use cipherdex::windows::{
    history, parse_cipher_suite_order, parse_get_tls_cipher_suite, parse_tls_cipher_suite_names,
    parse_windows_suite_list, GpoError, ProtocolState, Release, SelectionWarning, SuiteStatus,
    GPO_LIMIT,
};
use cipherdex::{Authentication, Protocol, Suite};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/schannel")
        .join(name)
}

fn read_csv(name: &str) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(fixture(name)).expect("fixture readable");
    let headers = r.headers().expect("header").clone();
    r.records()
        .map(|rec| {
            let rec = rec.expect("record");
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn release(name: &str) -> Release {
    name.parse()
        .unwrap_or_else(|e| panic!("{name} should be a release: {e}"))
}

fn suite(name: &str) -> &'static Suite {
    cipherdex::lookup(name).unwrap_or_else(|| panic!("{name} should be a suite"))
}

/// Every product of products.csv resolves, by its own name, to a release of
/// the right kind whose rows are exactly the fixture table's rows, in order.
#[test]
fn every_product_matches_its_source_table_row_by_row() {
    let products = read_csv("products.csv");
    assert!(
        products.len() >= 48,
        "products.csv has {} rows",
        products.len()
    );
    let mut tables_seen = std::collections::BTreeSet::new();
    for p in &products {
        let r = release(&p["product"]);
        assert_eq!(r.product(), p["product"]);
        assert_eq!(r.is_server(), p["kind"] == "server", "{}", p["product"]);
        let file = p["file"].trim_end_matches(".csv");
        assert_eq!(r.table().file(), file, "{}", p["product"]);
        tables_seen.insert(file.to_string());

        let rows = read_csv(&p["file"]);
        let ours: Vec<_> = r.rows().collect();
        assert_eq!(ours.len(), rows.len(), "{}: row count", p["file"]);
        for (i, (o, f)) in ours.iter().zip(&rows).enumerate() {
            let at = format!("{} row {}", p["file"], i + 2);
            assert_eq!(o.name(), f["name"], "{at}: name");
            assert_eq!(
                o.priority().map(|p| p.to_string()).unwrap_or_default(),
                f["priority"],
                "{at}: priority"
            );
            let tri = |v: Option<bool>| match v {
                Some(true) => "yes",
                Some(false) => "no",
                None => "unknown",
            };
            assert_eq!(tri(o.enabled()), f["enabled_by_default"], "{at}: enabled");
            assert_eq!(
                tri(o.strong_crypto()),
                f["strong_crypto"],
                "{at}: strong crypto"
            );
            assert_eq!(o.notes(), f["notes"], "{at}: notes");
            // The suite a row names has that name among its Windows names.
            assert!(
                o.suite()
                    .names_in(cipherdex::Scheme::Windows)
                    .any(|a| a.name() == f["name"]),
                "{at}: {} is not a Windows name of {}",
                f["name"],
                o.suite().canonical_name()
            );
        }

        // The default order, one place per suite: priority order of the
        // fixture, curve variants merged at their first place.
        let mut enabled: Vec<(u32, &str)> = rows
            .iter()
            .filter(|f| !f["priority"].is_empty())
            .map(|f| (f["priority"].parse().expect("priority"), f["name"].as_str()))
            .collect();
        enabled.sort();
        let mut expected: Vec<u32> = Vec::new();
        for (_, name) in enabled {
            let code = suite(name).code();
            if !expected.contains(&code) {
                expected.push(code);
            }
        }
        let got: Vec<u32> = r.enabled_suites().iter().map(|s| s.code()).collect();
        assert_eq!(got, expected, "{}: enabled suites in order", p["product"]);

        // Supported: every distinct suite of the fixture table.
        let mut all: Vec<u32> = rows.iter().map(|f| suite(&f["name"]).code()).collect();
        all.sort_unstable();
        all.dedup();
        let mut sup: Vec<u32> = r.supported_suites().iter().map(|s| s.code()).collect();
        sup.sort_unstable();
        assert_eq!(sup, all, "{}: supported suites", p["product"]);
    }
    // Every table is reachable.
    let versions = read_csv("versions.csv");
    for v in &versions {
        assert!(
            tables_seen.contains(v["file"].trim_end_matches(".csv")),
            "{} has no product",
            v["file"]
        );
    }
}

#[test]
fn profile_names_and_aliases_resolve() {
    for (name, product) in [
        ("windows:7", "Windows 7"),
        ("windows:8.1", "Windows 8.1"),
        ("windows:10-1607", "Windows 10 version 1607"),
        ("windows:11-22h2", "Windows 11 version 22H2"),
        ("windows:server-2012r2", "Windows Server 2012 R2"),
        ("windows:server-2016", "Windows Server 2016"),
        ("windows:server-2019", "Windows Server 2019"),
        ("windows:server-2022", "Windows Server 2022"),
        ("windows:server-2025", "Windows Server 2025"),
        ("windows:server-2022-23h2", "Windows Server, version 23H2"),
        ("2019", "Windows Server 2019"),
        ("server-2019", "Windows Server 2019"),
        ("10-1809", "Windows 10 version 1809"),
        ("Windows 10 version 21H2", "Windows 10 version 21H2"),
        ("ltsc-2021", "Windows 10 Enterprise LTSC 2021"),
        ("Windows Server 2012 R2", "Windows Server 2012 R2"),
        ("2012r2", "Windows Server 2012 R2"),
        ("WINDOWS SERVER 2008 R2", "Windows Server 2008 R2"),
        ("win10-22h2", "Windows 10 version 22H2"),
        ("Windows 10 v1903", "Windows 10 version 1903"),
        ("vista", "Windows Vista"),
        ("xp", "Windows XP"),
    ] {
        assert_eq!(release(name).product(), product, "{name}");
    }
    // Client and server sharing a table are separate releases.
    assert_ne!(release("8.1"), release("server-2012r2"));
    assert_eq!(release("8.1").table(), release("server-2012r2").table());
    assert_eq!(release("7").to_string(), "windows:7");
    // Every release's own name round-trips.
    for r in Release::all() {
        assert_eq!(release(&r.to_string()), r);
        assert_eq!(release(r.name()), r);
    }
}

#[test]
fn unknown_release_names_valid_ones_and_suggests() {
    let err = "server-2020".parse::<Release>().unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("\"server-2020\""), "{msg}");
    assert!(msg.contains("server-2022"), "{msg}");
    assert!(err.suggestions().contains(&"server-2022"), "{msg}");
    assert!(
        msg.contains("server-2012r2") && msg.contains("vista"),
        "lists names: {msg}"
    );
    let err = "Windows 95".parse::<Release>().unwrap_err();
    assert_eq!(err.input(), "Windows 95");
}

#[test]
fn releases_are_in_release_order() {
    let all: Vec<Release> = Release::all().collect();
    let pos = |n: &str| all.iter().position(|r| r.name() == n).expect(n);
    let chain = [
        "xp", "vista", "7", "8", "8.1", "10-1507", "10-1607", "10-1809", "10-22h2", "11-21h2",
        "11-22h2", "11-24h2",
    ];
    for w in chain.windows(2) {
        assert!(pos(w[0]) < pos(w[1]), "{} before {}", w[0], w[1]);
    }
    let servers = [
        "server-2003",
        "server-2008",
        "server-2008r2",
        "server-2012",
        "server-2012r2",
        "server-2016",
        "server-2019",
        "server-2022",
        "server-2022-23h2",
        "server-2025",
    ];
    for w in servers.windows(2) {
        assert!(pos(w[0]) < pos(w[1]), "{} before {}", w[0], w[1]);
    }
}

/// The README's protocol table, read as markdown, against `protocols()`.
#[test]
fn protocol_defaults_match_the_readme_table() {
    let readme = std::fs::read_to_string(fixture("README.md")).expect("README");
    let start = readme
        .find("| OS | TLS 1.0 | TLS 1.1 | TLS 1.2 | TLS 1.3 | SSL 3.0 | SSL 2.0 |")
        .expect("protocol table in README");
    let rows: Vec<Vec<String>> = readme[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 6);
    // Which releases each README row speaks of (this test's own reading).
    let releases: HashMap<&str, &[&str]> = HashMap::from([
        ("Vista / Server 2008", &["vista", "server-2008"][..]),
        ("7 / Server 2008 R2", &["7", "server-2008r2"][..]),
        (
            "8, 8.1, Server 2012, 2012 R2, Windows 10 1507, 1511",
            &[
                "8",
                "8.1",
                "server-2012",
                "server-2012r2",
                "10-1507",
                "10-1511",
            ][..],
        ),
        (
            "Windows 10 1607 to 22H2, Server 2016, Server 2019",
            &[
                "10-1607",
                "10-1703",
                "10-1809",
                "10-20h2",
                "10-22h2",
                "server-2016",
                "server-2019",
            ][..],
        ),
        (
            "Server 2022, Windows 11 (21H2 and later), Server 2025",
            &[
                "server-2022",
                "11-21h2",
                "11-22h2",
                "11-24h2",
                "server-2025",
            ][..],
        ),
    ]);
    let protocols = [
        Protocol::Tls10,
        Protocol::Tls11,
        Protocol::Tls12,
        Protocol::Tls13,
        Protocol::Ssl3,
        Protocol::Ssl2,
    ];
    let mut checked = 0;
    for row in &rows {
        let Some(names) = releases.get(row[0].as_str()) else {
            assert_eq!(row[0], "Server 2008 SP2", "unexpected README row");
            continue;
        };
        for name in *names {
            let r = release(name);
            for (p, cell) in protocols.iter().zip(&row[1..]) {
                let (client, server) = match cell.as_str() {
                    "enabled" => (true, true),
                    "client disabled, server enabled" => (false, true),
                    "disabled" | "not supported" | "removed" => (false, false),
                    other => panic!("unexpected cell {other:?}"),
                };
                assert_eq!(r.protocols(false).contains(*p), client, "{name} client {p}");
                assert_eq!(r.protocols(true).contains(*p), server, "{name} server {p}");
                let state = r.protocol_state(*p, true);
                match cell.as_str() {
                    "not supported" => assert_eq!(state, ProtocolState::Unsupported),
                    "removed" => assert_eq!(state, ProtocolState::Removed),
                    "disabled" => assert_eq!(state, ProtocolState::Disabled),
                    _ => assert_eq!(state, ProtocolState::Enabled),
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 132, "every cell of the five release rows");
}

#[test]
fn curve_suffixed_names_on_windows_7() {
    let seven = release("7");
    let s = suite("ECDHE-RSA-AES128-SHA");
    assert_eq!(
        seven.name_for(s),
        Some("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256")
    );
    assert_eq!(
        seven.name_for_curve(s, cipherdex::Curve::P384),
        Some("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P384")
    );
    // One suite, several rows; one entry.
    let e = seven.entry(s).expect("supported");
    let names: Vec<_> = e.names().collect();
    assert_eq!(
        names,
        [
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P384",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P521"
        ]
    );
    assert!(e.status().is_enabled());
    assert_eq!(
        release("server-2016").name_for(s),
        Some("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")
    );
}

/// Server order among what the client offers, RSA certificate, protocols
/// both sides have on: the SChannel rule, written out here so that this test
/// does not depend on the negotiation module.
fn server_pick(server: Release, client: &[&str]) -> Option<&'static Suite> {
    let offered: Vec<&Suite> = client.iter().map(|n| suite(n)).collect();
    let protos = server.protocols(true);
    server.offered_suites().into_iter().find(|s| {
        offered.iter().any(|o| o.code() == s.code())
            && matches!(s.auth(), Authentication::Rsa)
            && s.protocols().iter().any(|p| protos.contains(p))
    })
}

#[test]
fn ecdhe_rsa_gcm_client_against_2012r2_and_2016() {
    let client = ["ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384"];
    assert_eq!(server_pick(release("server-2012r2"), &client), None);
    for name in client {
        assert_eq!(
            release("server-2012r2").status(suite(name)),
            SuiteStatus::NotSupported
        );
    }
    assert_eq!(
        server_pick(release("server-2016"), &client).map(|s| s.canonical_name()),
        Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
    );
}

#[test]
fn des3_rc4_client_against_2025_and_the_diagnosis() {
    // The shared set and the diagnosis helper directly; the same answer
    // through the negotiation engine is in `through_negotiate` below.
    let r = release("server-2025");
    let client = ["DES-CBC3-SHA", "RC4-SHA"];
    assert_eq!(server_pick(r, &client), None);
    let des3 = r.diagnose(suite("DES-CBC3-SHA"));
    assert!(des3.is_supported_not_enabled());
    assert_eq!(des3.names(), ["TLS_RSA_WITH_3DES_EDE_CBC_SHA"]);
    assert_eq!(
        des3.fix_commands(),
        ["Enable-TlsCipherSuite -Name TLS_RSA_WITH_3DES_EDE_CBC_SHA"]
    );
    let text = des3.to_string();
    assert!(
        text.contains("TLS_RSA_WITH_3DES_EDE_CBC_SHA is supported by Windows Server 2025 but not enabled by default"),
        "{text}"
    );
    // RC4 is still in the table, not enabled; CHACHA20 with ECDHE is not there at all.
    assert!(r.diagnose(suite("RC4-SHA")).is_supported_not_enabled());
    let chacha = r.diagnose(suite("ECDHE-RSA-CHACHA20-POLY1305"));
    assert_eq!(chacha.status(), SuiteStatus::NotSupported);
    assert!(chacha.fix_commands().is_empty());
    assert!(
        chacha.to_string().contains("no setting can enable it"),
        "{chacha}"
    );
}

#[test]
fn tls12_suite_on_windows_7_needs_the_protocol() {
    let d = release("server-2008r2").diagnose(suite("AES128-SHA256"));
    assert!(d.status().is_enabled());
    assert_eq!(d.disabled_protocols(), [Protocol::Tls12]);
    assert!(
        d.fix_commands()[0].contains("TLS 1.2\\Server"),
        "{:?}",
        d.fix_commands()
    );
    // On Windows 7 there is no TLS PowerShell module: the fix is the policy.
    let d = release("7").diagnose(suite("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"));
    if d.is_supported_not_enabled() {
        assert!(d
            .fix_commands()
            .iter()
            .any(|c| c.contains("SSL Cipher Suite Order")));
    }
}

#[test]
fn history_ranges_follow_the_tables() {
    let des3 = suite("TLS_RSA_WITH_3DES_EDE_CBC_SHA");
    let h = history(des3);
    // Independent: read each product's table and whether the name is enabled.
    let products = read_csv("products.csv");
    for (r, status) in h.releases() {
        let p = products
            .iter()
            .find(|p| p["product"] == r.product())
            .expect("product");
        let rows = read_csv(&p["file"]);
        let row = rows
            .iter()
            .find(|f| f["name"] == "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        let expected = match row.map(|f| f["enabled_by_default"].as_str()) {
            None => "not supported",
            Some("yes") => "enabled",
            Some("no") => "supported",
            Some(_) => "unknown",
        };
        assert_eq!(status.as_str(), expected, "{}", r.product());
    }
    let servers = h.enabled_ranges(true);
    assert_eq!(servers.last().map(|r| r.last().name()), Some("server-2022"));
    assert!(
        h.summary().contains("Windows Server 2025"),
        "{}",
        h.summary()
    );
    // A suite no Windows has.
    let chacha = history(suite("ECDHE-RSA-CHACHA20-POLY1305"));
    assert!(chacha.supported_ranges(true).is_empty());
    assert!(chacha.summary().contains("servers: not supported"));
}

#[test]
fn unsure_facts_are_marked() {
    let derived = release("server-2022-23h2");
    assert!(derived.table().is_derived());
    assert!(derived.is_unsure());
    assert!(release("ltsc-2021").is_unsure()); // inferred mapping
    assert!(release("xp").is_unsure()); // unknown cells and protocols
    assert!(!release("server-2016").is_unsure());
    // The derived table has the Server 2022 note applied.
    for n in [
        "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
        "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
    ] {
        assert!(release("server-2022").status(suite(n)).is_enabled(), "{n}");
        assert_eq!(derived.status(suite(n)), SuiteStatus::Supported, "{n}");
    }
}

#[test]
fn gpo_string_uses_the_release_names_and_warns() {
    let seven = release("7");
    let sel = seven
        .select([
            "ECDHE-RSA-AES128-SHA",
            "ECDHE-RSA-AES256-GCM-SHA384",
            "AES256-SHA",
        ])
        .expect("known names");
    assert_eq!(
        sel.gpo_string().expect("fits"),
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P384,TLS_RSA_WITH_AES_256_CBC_SHA"
    );
    assert!(sel.warnings().iter().any(|w| matches!(
        w,
        SelectionWarning::NotSupported { suite, .. } if *suite == "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"
    )));
    // An exact curve name picks that variant only.
    let sel = seven
        .select(["TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P384"])
        .expect("known");
    assert_eq!(sel.names(), ["TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P384"]);
}

#[test]
fn gpo_string_over_the_limit_says_what_to_drop() {
    let r = release("server-2025");
    let all: Vec<&str> = r
        .supported_suites()
        .iter()
        .map(|s| s.canonical_name())
        .collect();
    let sel = r.select(&all).expect("known names");
    let joined = sel.names().join(",");
    assert!(joined.len() > GPO_LIMIT, "test needs a long list");
    match sel.gpo_string() {
        Err(GpoError::TooLong {
            length,
            limit,
            drop,
        }) => {
            assert_eq!(length, joined.len());
            assert_eq!(limit, 1023);
            let names = sel.names();
            let kept = &names[..names.len() - drop.len()];
            assert!(kept.join(",").len() <= GPO_LIMIT);
            // Dropping one name fewer would not fit.
            let one_more = &names[..names.len() - drop.len() + 1];
            assert!(one_more.join(",").len() > GPO_LIMIT);
            assert_eq!(drop.last(), names.last());
        }
        other => panic!("expected TooLong, got {other:?}"),
    }
    let msg = sel.gpo_string().unwrap_err().to_string();
    assert!(
        msg.contains(&format!("{} characters", joined.len())),
        "{msg}"
    );
    assert!(msg.contains("1023"), "{msg}");
}

#[test]
fn unknown_suite_names_fail_with_every_position() {
    let err = release("server-2022")
        .select(["AES128-SHA", "ECDHE-RSA-AES256-GCM-SHA348", "NOPE-NOPE"])
        .unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("item 2") && msg.contains("item 3"), "{msg}");
    assert!(
        msg.contains("ECDHE-RSA-AES256-GCM-SHA384"),
        "suggests: {msg}"
    );
}

#[test]
fn powershell_script_reproduces_the_order() {
    let r = release("server-2022");
    let wanted = [
        "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "AES256-SHA",
        "ECDHE-RSA-CHACHA20-POLY1305",
    ];
    let sel = r.select(wanted).expect("known");
    let script = sel.powershell().expect("fits");
    let lines: Vec<&str> = script.lines().collect();
    let enables: Vec<&str> = lines
        .iter()
        .filter(|l| l.starts_with("Enable-TlsCipherSuite"))
        .copied()
        .collect();
    assert_eq!(
        enables,
        [
            "Enable-TlsCipherSuite -Name 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384' -Position 0",
            "Enable-TlsCipherSuite -Name 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' -Position 1",
            "Enable-TlsCipherSuite -Name 'TLS_RSA_WITH_AES_256_CBC_SHA' -Position 2",
        ]
    );
    // Every other name of the release's table is disabled (when present),
    // and every disable comes before the first enable of another name.
    let rows = read_csv("windows-server-2022.csv");
    let first_enable = lines
        .iter()
        .position(|l| l.starts_with("Enable-"))
        .expect("enable");
    for f in &rows {
        let n = &f["name"];
        let disable =
            format!("if ($present -contains '{n}') {{ Disable-TlsCipherSuite -Name '{n}' }}");
        let at = lines.iter().position(|l| *l == disable);
        assert!(at.is_some(), "no disable line for {n}");
        if !sel.names().contains(&n.as_str()) {
            assert!(at < Some(first_enable), "{n} disabled after enabling");
        }
    }
    // ECDHE-RSA-CHACHA20 is not supported on Server 2022: warned, not in the script.
    assert!(!script.contains("ECDHE_RSA_WITH_CHACHA20"));
    assert!(sel.warnings().iter().any(
        |w| matches!(w, SelectionWarning::NotSupported { input, .. } if input == "ECDHE-RSA-CHACHA20-POLY1305")
    ));
    // Comments say which release.
    assert!(lines[0].starts_with('#') && lines[0].contains("Windows Server 2022"));
    assert!(sel.powershell_warnings().len() == sel.warnings().len());
    assert!(!release("7")
        .select(["AES128-SHA"])
        .expect("ok")
        .powershell_warnings()
        .is_empty());
}

/// The TLS PowerShell module is documented from the Windows Server 2016
/// docset on (build 14393, Windows 10 1607): the fixture's products of that
/// build or later have it, every other product (no build or an older one)
/// has not.
#[test]
fn tls_module_from_build_14393_on() {
    let mut yes = 0;
    for p in read_csv("products.csv") {
        let r = release(&p["product"]);
        let build: Option<u32> = p["build"].parse().ok();
        let expected = build.is_some_and(|b| b >= 14393);
        assert_eq!(r.has_tls_cmdlets(), expected, "{}", p["product"]);
        yes += usize::from(expected);
    }
    assert!(yes > 10, "only {yes} products with the module");
    for name in ["7", "8.1", "server-2012r2", "10-1511", "vista"] {
        assert!(!release(name).has_tls_cmdlets(), "{name}");
    }
}

/// Releases without the module get the Group Policy registry value, with the
/// policy string, and no TLS cmdlet; releases with it get the cmdlets.
#[test]
fn powershell_without_the_module_writes_the_policy_registry_value() {
    let wanted = ["ECDHE-RSA-AES256-SHA", "AES128-SHA", "AES256-SHA"];
    let mut seen = (0, 0);
    for r in Release::all() {
        let sel = r.select(wanted).expect("known");
        if sel.names().is_empty() {
            continue;
        }
        let script = sel.powershell().expect("short list fits");
        let gpo = sel.gpo_string().expect("fits");
        if r.has_tls_cmdlets() {
            seen.0 += 1;
            assert!(script.contains("Enable-TlsCipherSuite -Name"), "{r}");
            assert!(!script.contains("00010002"), "{r}");
        } else {
            seen.1 += 1;
            assert!(!script.contains("TlsCipherSuite -"), "{r}: {script}");
            assert!(!script.contains("(Get-TlsCipherSuite).Name"), "{r}");
            let lines: Vec<&str> = script.lines().collect();
            assert!(lines.contains(
                &r"$key = 'HKLM:\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002'"
            ), "{r}: {script}");
            let set = format!(
                "New-ItemProperty -Path $key -Name 'Functions' -PropertyType String -Value '{gpo}' -Force | Out-Null"
            );
            assert!(lines.contains(&set.as_str()), "{r}: {script}");
            let reg = format!(
                r#"# reg add "HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002" /v Functions /t REG_SZ /d "{gpo}" /f"#
            );
            assert!(lines.contains(&reg.as_str()), "{r}: {script}");
            assert!(script.contains("restart"), "{r}");
            assert!(
                sel.powershell_warnings()
                    .iter()
                    .any(|w| matches!(w, SelectionWarning::NoTlsCmdlets { .. })),
                "{r}"
            );
        }
    }
    assert!(seen.0 > 0 && seen.1 > 0, "{seen:?}");
    // Windows 7's names, curve variants included.
    let sel = release("7")
        .select(["ECDHE-RSA-AES256-SHA"])
        .expect("known");
    assert!(sel.powershell().expect("fits").contains(
        "-Value 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P256,TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P384'"
    ));
}

/// The registry value has the policy's length limit; the cmdlets have none.
#[test]
fn powershell_registry_value_has_the_policy_limit() {
    for (name, limited) in [("7", true), ("server-2022", false)] {
        let r = release(name);
        let every: Vec<&str> = r
            .supported_suites()
            .iter()
            .map(|s| s.canonical_name())
            .collect();
        let sel = r.select(&every).expect("known");
        assert!(sel.gpo_length() > GPO_LIMIT, "{name}: {}", sel.gpo_length());
        let result = sel.powershell();
        assert_eq!(
            matches!(result, Err(GpoError::TooLong { .. })),
            limited,
            "{name}: {result:?}"
        );
    }
    // Nothing supported: no script that would disable every suite.
    for name in ["7", "server-2022"] {
        let sel =
            release(name).select(["TLS_AES_128_CCM_8_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305"]);
        let sel = sel.expect("known");
        assert!(sel.names().is_empty(), "{name}");
        assert_eq!(sel.powershell(), Err(GpoError::NothingSupported), "{name}");
    }
}

/// `select_suites` keeps a given name that names the suite (so a curve
/// variant stays) and reports by the canonical name otherwise.
#[test]
fn select_suites_keeps_given_names() {
    let r = release("8.1");
    let p384 = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256_P384";
    let s = suite(p384);
    let sel = r.select_suites([(p384, s)]).expect("ok");
    assert_eq!(sel.names(), [p384]);
    assert_eq!(sel.items()[0].input(), p384);
    let sel = r
        .select_suites([("report line 3", s), ("0xC023", s)])
        .expect("ok");
    assert_eq!(sel.items()[0].input(), s.canonical_name());
    assert!(sel.names().len() > 1, "{:?}", sel.names());
    assert!(sel
        .warnings()
        .iter()
        .any(|w| matches!(w, SelectionWarning::Duplicate { input } if input == "0xC023")));
    assert!(matches!(
        r.select_suites(std::iter::empty()),
        Err(cipherdex::windows::SelectError::Empty)
    ));
}

/// A row's status agrees with its table cells.
#[test]
fn row_status_follows_the_table() {
    for r in Release::all() {
        for row in r.rows() {
            let st = row.status();
            match row.enabled() {
                Some(true) => assert_eq!(
                    st,
                    SuiteStatus::Enabled {
                        position: usize::from(row.priority().expect("priority"))
                    }
                ),
                Some(false) => assert_eq!(st, SuiteStatus::Supported),
                None => assert_eq!(st, SuiteStatus::Unknown),
            }
        }
    }
}

const FORMAT_LIST: &str = "\r
\r
KeyType               : 0\r
Certificate           : ECDSA\r
MaximumExchangeLength : 65536\r
MinimumExchangeLength : 0\r
Exchange              : ECDH\r
HashLength            : 0\r
Hash                  :\r
CipherBlockLength     : 16\r
CipherLength          : 256\r
BaseCipherSuite       : 49196\r
CipherSuite           : 49196\r
Cipher                : AES\r
Name                  : TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384\r
Protocols             : {771, 65277}\r
\r
KeyType               : 0\r
Certificate           : RSA\r
MaximumExchangeLength : 65536\r
MinimumExchangeLength : 0\r
Exchange              : ECDH\r
HashLength            : 0\r
Hash                  :\r
CipherBlockLength     : 16\r
CipherLength          : 256\r
BaseCipherSuite       : 49200\r
CipherSuite           : 49200\r
Cipher                : AES\r
Name                  : TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\r
Protocols             : {771, 65277}\r
\r
KeyType               : 0\r
Certificate           : RSA\r
CipherSuite           : 65000\r
Name                  : TLS_SOMETHING_NEW\r
Protocols             : {772}\r
\r
";

#[test]
fn get_tls_cipher_suite_format_list() {
    let list = parse_get_tls_cipher_suite(FORMAT_LIST).expect("parses");
    assert_eq!(list.len(), 3);
    assert_eq!(list[0].code(), Some(0xC02C));
    assert_eq!(
        list[0].suite().map(|s| s.canonical_name()),
        Some("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")
    );
    assert_eq!(list[0].protocols(), [Protocol::Tls12, Protocol::Dtls12]);
    assert_eq!(list[1].name(), "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    assert_eq!(list[1].line(), 18);
    // Unknown suites are kept.
    assert_eq!(list[2].name(), "TLS_SOMETHING_NEW");
    assert!(list[2].suite().is_none());
    assert_eq!(list[2].protocols(), [Protocol::Tls13]);
    assert!(cipherdex::windows::looks_like_get_tls_cipher_suite(
        FORMAT_LIST
    ));
    assert!(!cipherdex::windows::looks_like_cipher_suite_order(
        FORMAT_LIST
    ));
    let again = parse_windows_suite_list(FORMAT_LIST).expect("parses");
    assert_eq!(
        cipherdex::input::detect(FORMAT_LIST),
        cipherdex::input::Format::WindowsFormatList
    );
    assert_eq!(again, list);
}

#[test]
fn get_tls_cipher_suite_errors_carry_line_numbers() {
    let bad = "Name        : TLS_AES_256_GCM_SHA384\nCipherSuite : 0x1302\nthis is not a property\n\nCipher : AES\n";
    let err = parse_get_tls_cipher_suite(bad).unwrap_err();
    let lines: Vec<usize> = err.problems().iter().map(|p| p.line).collect();
    assert_eq!(lines, [2, 3, 5], "{err}");
    assert!(err.to_string().contains("not a decimal number"), "{err}");
}

#[test]
fn name_lists_policy_strings_and_registry_values() {
    let names = "TLS_AES_256_GCM_SHA384\r\nTLS_AES_128_GCM_SHA256\r\nTLS_UNKNOWN_TO_US\r\n";
    let list = parse_tls_cipher_suite_names(names).expect("parses");
    assert_eq!(list.len(), 3);
    assert!(list[2].suite().is_none());
    assert_eq!(list[2].line(), 3);
    assert!(cipherdex::windows::looks_like_tls_cipher_suite_names(names));
    let err =
        parse_tls_cipher_suite_names("TLS_AES_256_GCM_SHA384\nnot a name here\n").unwrap_err();
    assert_eq!(err.problems()[0].line, 2);

    let gpo = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256,TLS_RSA_WITH_AES_128_CBC_SHA";
    let list = parse_cipher_suite_order(gpo).expect("parses");
    assert_eq!(list[0].suite().map(|s| s.code()), Some(0xC013));
    assert_eq!(list[1].suite().map(|s| s.code()), Some(0x002F));

    let reg = "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002\r\n    EccCurves    REG_MULTI_SZ    curve25519\\0NistP256\r\n    Functions    REG_SZ    TLS_AES_256_GCM_SHA384,TLS_FUTURE_X\r\n\r\n";
    let list = parse_windows_suite_list(reg).expect("parses");
    assert_eq!(
        cipherdex::input::detect(reg),
        cipherdex::input::Format::WindowsOrder
    );
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].line(), 4);
    assert!(list[1].suite().is_none());

    let dotreg = "Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002]\n\"Functions\"=\"TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256\"\n";
    assert_eq!(parse_cipher_suite_order(dotreg).expect("parses").len(), 2);

    let err = parse_cipher_suite_order("A_B,,C_D\nTLS_X,bad name").unwrap_err();
    let lines: Vec<usize> = err.problems().iter().map(|p| p.line).collect();
    assert_eq!(lines, [1, 2], "{err}");
}

/// The issue's answers through the negotiation engine and the Windows
/// profiles (`cipherdex::profile`), which build on this module.
mod through_negotiate {
    use cipherdex::negotiate::{negotiate, parse_versions, Diagnosis, Peer};
    use cipherdex::profile::{resolve, Role};

    fn server(name: &str) -> Peer {
        resolve(name, Role::Server)
            .expect("profile")
            .expect("a profile")
            .peer
    }

    #[test]
    fn ecdhe_rsa_gcm_only_client() {
        let client =
            Peer::from_names(["ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384"])
                .expect("names");
        let s2012r2 = server("windows:server-2012r2");
        let n = negotiate(&client, &s2012r2);
        assert!(!n.is_ok(), "Server 2012 R2 has no ECDHE-RSA-GCM suite");
        let s2016 = server("windows:server-2016");
        let n = negotiate(&client, &s2016);
        assert_eq!(
            n.suite().map(|s| s.canonical_name()),
            Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
        );
    }

    #[test]
    fn des3_rc4_client_against_server_2025() {
        let mut client = Peer::from_names(["DES-CBC3-SHA", "RC4-SHA"]).expect("names");
        client.versions = parse_versions("1.0-1.2").expect("versions");
        let s2025 = server("windows:server-2025");
        let n = negotiate(&client, &s2025);
        let failure = n.outcome.expect_err("nothing shared");
        let how = failure
            .diagnosis
            .iter()
            .find_map(|d| match d {
                Diagnosis::NotEnabled { suite, how, .. } if suite.code() == 0x000A => {
                    Some(how.clone())
                }
                _ => None,
            })
            .expect("3DES named as supported but not enabled");
        assert_eq!(
            how,
            "Enable-TlsCipherSuite -Name TLS_RSA_WITH_3DES_EDE_CBC_SHA"
        );
        let text: Vec<String> = failure.diagnosis.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .any(|t| t.contains("TLS_RSA_WITH_3DES_EDE_CBC_SHA")),
            "{text:?}"
        );
    }
}

/// What cipherdex writes, Windows' own formats read back: the policy string
/// of every release's default order parses to the same names and suites.
#[test]
fn policy_strings_read_back_for_every_release() {
    for r in Release::all() {
        let names: Vec<&str> = r
            .enabled_suites()
            .iter()
            .map(|s| s.canonical_name())
            .collect();
        let sel = r.select(&names).expect("known names");
        let Ok(gpo) = sel.gpo_string() else {
            continue; // over the limit: covered elsewhere
        };
        let back = parse_cipher_suite_order(&gpo).expect("reads back");
        let back_names: Vec<&str> = back.iter().map(|l| l.name()).collect();
        assert_eq!(back_names, sel.names(), "{r}");
        for (l, n) in back.iter().zip(sel.names()) {
            assert_eq!(
                l.suite().map(|s| s.code()),
                cipherdex::lookup(n).map(|s| s.code()),
                "{r} {n}"
            );
        }
        // As `reg query` prints the registry value, too.
        let reg = format!(
            "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002\r\n    Functions    REG_SZ    {gpo}\r\n"
        );
        assert_eq!(
            parse_cipher_suite_order(&reg).expect("reg").len(),
            back.len(),
            "{r}"
        );
        // And one name per line, as `(Get-TlsCipherSuite).Name` prints.
        let lines = sel.names().join("\r\n");
        assert!(
            cipherdex::windows::looks_like_tls_cipher_suite_names(&lines),
            "{r}"
        );
        assert_eq!(
            parse_tls_cipher_suite_names(&lines).expect("names").len(),
            back.len()
        );
    }
}
