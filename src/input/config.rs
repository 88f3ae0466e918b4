//! Server configuration lines: nginx, Apache httpd (mod_ssl) and HAProxy.
//!
//! TLS 1.2-and-older cipher strings (`ssl_ciphers`, `SSLCipherSuite`,
//! `ssl-default-bind-ciphers`) are OpenSSL cipher strings: they are expanded
//! by [`crate::openssl::evaluate`] for the default target (OpenSSL 3.0), as
//! the server's OpenSSL would. TLS 1.3 lists (`ssl_conf_command
//! Ciphersuites`, `SSLCipherSuite TLSv1.3`, `ssl-default-bind-ciphersuites`)
//! are plain name lists; names cipherdex does not know are kept.

use std::str::FromStr;

use super::text::numbered;
use super::{resolve, shorten, Format, InputError, Report, SuiteRef};
use crate::attrs::Protocol;
use crate::openssl;

/// The directives recognised, lower case, and what each holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An OpenSSL cipher string for TLS 1.2 and older.
    Ciphers,
    /// A TLS 1.3 suite list.
    Tls13Suites,
    /// nginx `ssl_protocols TLSv1.2 TLSv1.3`.
    NginxProtocols,
    /// Apache `SSLProtocol -all +TLSv1.2`.
    ApacheProtocols,
    /// Apache `SSLCipherSuite [protocol] string`.
    ApacheCiphers,
    /// nginx `ssl_conf_command Ciphersuites ...`.
    NginxConfCommand,
    /// HAProxy `ssl-default-bind-options ssl-min-ver TLSv1.2 ...`.
    HaproxyOptions,
}

const DIRECTIVES: &[(&str, Kind)] = &[
    ("ssl_ciphers", Kind::Ciphers),
    ("proxy_ssl_ciphers", Kind::Ciphers),
    ("ssl_protocols", Kind::NginxProtocols),
    ("proxy_ssl_protocols", Kind::NginxProtocols),
    ("ssl_conf_command", Kind::NginxConfCommand),
    ("sslciphersuite", Kind::ApacheCiphers),
    ("sslproxyciphersuite", Kind::ApacheCiphers),
    ("sslprotocol", Kind::ApacheProtocols),
    ("sslproxyprotocol", Kind::ApacheProtocols),
    ("ssl-default-bind-ciphers", Kind::Ciphers),
    ("ssl-default-server-ciphers", Kind::Ciphers),
    ("ssl-default-bind-ciphersuites", Kind::Tls13Suites),
    ("ssl-default-server-ciphersuites", Kind::Tls13Suites),
    ("ssl-default-bind-options", Kind::HaproxyOptions),
    ("ssl-default-server-options", Kind::HaproxyOptions),
];

/// The directive a configuration line starts with, if it is one read here.
fn directive(line: &str) -> Option<(Kind, &str)> {
    let t = line.trim_start();
    let end = t.find(|c: char| c.is_ascii_whitespace())?;
    let word = &t[..end];
    DIRECTIVES
        .iter()
        .find(|(d, _)| d.eq_ignore_ascii_case(word))
        .map(|&(_, k)| (k, t[end..].trim()))
}

/// True if `line` is a configuration line read here (for detection).
pub(crate) fn is_config_line(line: &str) -> bool {
    directive(line).is_some()
}

/// The value without a trailing `;` (nginx), comments and surrounding quotes.
fn value(raw: &str) -> &str {
    let mut v = raw.trim();
    if let Some(i) = v.find(" #") {
        v = v[..i].trim_end();
    }
    v = v.strip_suffix(';').unwrap_or(v).trim_end();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            v = &v[1..v.len() - 1];
        }
    }
    v.trim()
}

/// Protocol names in configuration files: `TLSv1`, `TLSv1.2`, `SSLv3`.
fn protocol(word: &str) -> Option<Protocol> {
    let w = word.trim_matches(|c| c == '"' || c == '\'');
    // `get`, not `[..4]`: the fourth byte may fall inside a multi-byte character.
    if !w
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("tlsv") || p.eq_ignore_ascii_case("sslv"))
    {
        return None;
    }
    Protocol::from_str(w).ok()
}

const APACHE_ALL: [Protocol; 4] = [
    Protocol::Tls10,
    Protocol::Tls11,
    Protocol::Tls12,
    Protocol::Tls13,
];

/// Names separated by `:` (OpenSSL style) or `,` and spaces, each looked up.
fn name_list(report: &mut Report, list: &str, protocol: Option<Protocol>, line: u32) {
    for name in list
        .split([':', ',', ' '])
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        report.push(
            protocol,
            resolve(None, Some(name), protocol),
            false,
            Some(line),
        );
    }
}

/// Expands an OpenSSL cipher string the way the server's OpenSSL would.
fn cipher_string(report: &mut Report, s: &str, line: u32) -> Result<(), InputError> {
    let x = openssl::evaluate(s, openssl::Release::default()).map_err(|source| {
        InputError::CipherString {
            line,
            string: s.to_string(),
            source,
        }
    })?;
    for suite in x.suites() {
        report.push(None, SuiteRef::Known(suite), false, Some(line));
    }
    Ok(())
}

fn set_protocol(report: &mut Report, p: Protocol, on: bool) {
    if let Some(e) = report.protocols.iter_mut().find(|(q, _)| *q == p) {
        e.1 = on;
    } else {
        report.protocols.push((p, on));
    }
}

/// Reads every recognised directive; other lines are ignored.
pub(crate) fn parse(input: &str) -> Result<Report, InputError> {
    let mut report = Report::new(Format::Config);
    let mut found = false;
    for (no, line) in numbered(input) {
        let t = line.trim();
        if t.starts_with('#') {
            continue;
        }
        let Some((kind, raw)) = directive(t) else {
            continue;
        };
        found = true;
        let v = value(raw);
        let syntax = |expected| InputError::Syntax {
            format: Format::Config,
            line: no,
            expected,
            found: shorten(t),
        };
        if v.is_empty() {
            return Err(syntax("a value after the directive name"));
        }
        match kind {
            Kind::Ciphers => cipher_string(&mut report, v, no)?,
            Kind::Tls13Suites => name_list(&mut report, v, Some(Protocol::Tls13), no),
            Kind::NginxConfCommand => {
                let mut parts = v.splitn(2, char::is_whitespace);
                let cmd = parts.next().unwrap_or("");
                let arg = value(parts.next().unwrap_or(""));
                if cmd.eq_ignore_ascii_case("ciphersuites") {
                    name_list(&mut report, arg, Some(Protocol::Tls13), no);
                } else if cmd.eq_ignore_ascii_case("cipherstring") {
                    cipher_string(&mut report, arg, no)?;
                }
            }
            Kind::ApacheCiphers => {
                // SSLCipherSuite [SSL|TLSv1.3] cipher-spec
                let mut parts = v.splitn(2, char::is_whitespace);
                let first = parts.next().unwrap_or("");
                match parts.next().map(value) {
                    Some(rest) if first.eq_ignore_ascii_case("TLSv1.3") => {
                        name_list(&mut report, rest, Some(Protocol::Tls13), no)
                    }
                    Some(rest) if first.eq_ignore_ascii_case("SSL") => {
                        cipher_string(&mut report, rest, no)?
                    }
                    _ => cipher_string(&mut report, v, no)?,
                }
            }
            Kind::NginxProtocols => {
                for w in v.split_ascii_whitespace() {
                    let p = protocol(w)
                        .ok_or_else(|| syntax("protocol names such as TLSv1.2 TLSv1.3"))?;
                    set_protocol(&mut report, p, true);
                }
            }
            Kind::ApacheProtocols => {
                for w in v.split_ascii_whitespace() {
                    let (on, name) = match w.as_bytes()[0] {
                        b'+' => (true, &w[1..]),
                        b'-' => (false, &w[1..]),
                        _ => (true, w),
                    };
                    if name.eq_ignore_ascii_case("all") {
                        for p in APACHE_ALL {
                            set_protocol(&mut report, p, on);
                        }
                        continue;
                    }
                    let p = protocol(name).ok_or_else(|| {
                        syntax("[+|-]protocol words such as -all +TLSv1.2 +TLSv1.3")
                    })?;
                    set_protocol(&mut report, p, on);
                }
            }
            Kind::HaproxyOptions => {
                let words: Vec<&str> = v.split_ascii_whitespace().collect();
                let mut min = None;
                let mut max = None;
                let mut off = Vec::new();
                let mut i = 0;
                while i < words.len() {
                    let w = words[i];
                    match w {
                        "ssl-min-ver" | "ssl-max-ver" => {
                            let p = words.get(i + 1).and_then(|x| protocol(x)).ok_or_else(|| {
                                syntax("a version after ssl-min-ver/ssl-max-ver (SSLv3, TLSv1.0 ... TLSv1.3)")
                            })?;
                            if w == "ssl-min-ver" {
                                min = Some(p);
                            } else {
                                max = Some(p);
                            }
                            i += 1;
                        }
                        "no-sslv3" => off.push(Protocol::Ssl3),
                        "no-tlsv10" => off.push(Protocol::Tls10),
                        "no-tlsv11" => off.push(Protocol::Tls11),
                        "no-tlsv12" => off.push(Protocol::Tls12),
                        "no-tlsv13" => off.push(Protocol::Tls13),
                        _ => {}
                    }
                    i += 1;
                }
                if min.is_some() || max.is_some() {
                    let all = [
                        Protocol::Ssl3,
                        Protocol::Tls10,
                        Protocol::Tls11,
                        Protocol::Tls12,
                        Protocol::Tls13,
                    ];
                    let lo = min.map_or(0, |m| all.iter().position(|&p| p == m).unwrap_or(0));
                    let hi = max.map_or(all.len() - 1, |m| {
                        all.iter().position(|&p| p == m).unwrap_or(all.len() - 1)
                    });
                    for (i, &p) in all.iter().enumerate() {
                        set_protocol(&mut report, p, i >= lo && i <= hi);
                    }
                }
                for p in off {
                    set_protocol(&mut report, p, false);
                }
            }
        }
    }
    if !found {
        return Err(InputError::Missing {
            format: Format::Config,
            expected: "a line such as 'ssl_ciphers ...;', 'SSLCipherSuite ...' or 'ssl-default-bind-ciphers ...'",
        });
    }
    Ok(report)
}
