use super::*;

#[test]
fn every_pattern_finds_its_own_target() {
    for p in EXPLAIN_PATTERNS {
        let text = format!("x {} y", p.text.to_ascii_uppercase());
        let mut got = Vec::new();
        search(&text, |_, s, e, q| got.push((s, e, q.target)));
        assert!(
            got.iter()
                .any(|&(s, e, t)| s == 2 && e == 2 + p.text.len() && t == p.target),
            "pattern {:?} not found as itself: {got:?}",
            p.text
        );
    }
}

#[test]
fn index_tables_agree_with_patterns() {
    for (i, p) in EXPLAIN_PATTERNS.iter().enumerate() {
        let t = p.text.as_bytes();
        let row = &EXPLAIN_SECOND[usize::from(EXPLAIN_SLOT[usize::from(t[0])]) - 1];
        let b1 = usize::from(t[1]);
        assert!(
            usize::from(row[b1]) <= i && i < usize::from(row[b1 + 1]),
            "{:?}",
            p.text
        );
        assert_eq!(p.text, p.text.to_ascii_lowercase());
    }
}

#[test]
fn word_boundaries_hold() {
    // "SSL alert number 4" must not match inside "number 40", nor "EPROTO" inside "EPROTOCOL".
    let f = explain("SSL alert number 40").unwrap();
    assert_eq!(f[0].alert.map(Alert::code), Some(40));
    assert!(explain("EPROTOCOLS").unwrap().is_empty());
}

#[test]
fn lines_are_counted() {
    let log = "a\nb\nnginx: SSL_do_handshake() failed (SSL: error:0A0000C1:SSL routines::no shared cipher)\nc\ncurl: (60) SSL certificate problem: certificate has expired\n";
    let f = explain(log).unwrap();
    let lines: Vec<usize> = f.iter().map(|f| f.line).collect();
    assert_eq!(lines, [3, 3, 5, 5], "{f:#?}");
    assert_eq!(f[1].name, "no shared cipher");
    assert_eq!(f[3].causes[0], Cause::CertExpired);
}

#[test]
fn one_line_one_alert() {
    let f =
        explain("[SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1006)")
            .unwrap();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].stack, Some(Stack::Python));
    let f = explain("A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 70.").unwrap();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        f[0].name,
        "A fatal alert was received from the remote endpoint"
    );
    assert_eq!(f[0].alert.map(Alert::code), Some(70));
    assert_eq!(f[0].causes[0], Cause::NoCommonVersion);
}

#[test]
fn direct_forms() {
    let name = |q: &str| explain(q).unwrap().first().map(|f| f.name);
    assert_eq!(name("0x80090331"), Some("SEC_E_ALGORITHM_MISMATCH"));
    assert_eq!(name("-2146893007"), Some("SEC_E_ALGORITHM_MISMATCH"));
    assert_eq!(name("2148074289"), Some("SEC_E_ALGORITHM_MISMATCH"));
    assert_eq!(
        name("SEC_E_ALGORITHM_MISMATCH"),
        Some("SEC_E_ALGORITHM_MISMATCH")
    );
    assert_eq!(
        name("36888"),
        Some("A fatal alert was generated and sent to the remote endpoint")
    );
    assert_eq!(
        name("event 36874").map(|n| n.starts_with("none of the cipher")),
        Some(true)
    );
    assert_eq!(name("alert 40"), Some("handshake_failure"));
    assert_eq!(name("alert 0x46"), Some("protocol_version"));
    assert_eq!(name("curl 35"), Some("SSL connect error"));
    assert_eq!(
        name("exit code 60").map(|n| n.starts_with("SSL peer")),
        Some(true)
    );
    assert_eq!(name("0A0000C1"), Some("no shared cipher"));
    assert_eq!(name("14094410"), Some("handshake_failure"));
    assert_eq!(name("alert 99"), None);
    assert_eq!(name("curl 250"), None);
    assert!(matches!(
        explain("alert 256"),
        Err(ExplainError::BadAlert(_))
    ));
    assert!(matches!(
        explain("curl x"),
        Err(ExplainError::BadExitCode(_))
    ));
    assert!(matches!(
        explain("0x123456789"),
        Err(ExplainError::BadHex(_))
    ));
    assert!(matches!(explain("  \n"), Err(ExplainError::Empty)));
}

#[test]
fn a_hello_offering_tls10_only_ranks_no_common_version_first() {
    // ClientHello: TLS 1.0, one suite (AES128-SHA), no extensions.
    let mut hello = String::from(">>> TLS 1.0, Handshake [length 002f], ClientHello\n");
    let mut bytes = vec![0x01, 0x00, 0x00, 0x29, 0x03, 0x01];
    bytes.extend([0u8; 32]);
    bytes.extend([0x00, 0x00, 0x02, 0x00, 0x2f, 0x01, 0x00]);
    hello.push_str("   ");
    for b in &bytes {
        hello.push_str(&format!(" {b:02x}"));
    }
    hello.push('\n');
    hello.push_str("error:0A000410:SSL routines::sslv3 alert handshake failure\n");
    let f = explain(&hello).unwrap();
    let last = f.last().unwrap();
    assert_eq!(last.causes[0], Cause::NoCommonVersion, "{f:#?}");
    // Without the hello, the alert's own order stands.
    let f = explain("error:0A000410:SSL routines::sslv3 alert handshake failure").unwrap();
    assert_eq!(f[0].causes[0], Cause::NoSharedSuite);
}
