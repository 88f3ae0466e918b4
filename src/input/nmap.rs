//! nmap `--script ssl-enum-ciphers`: normal output and `-oX` XML.

use std::str::FromStr;

use super::report::scanned_cert;
use super::text::{last_line, numbered};
use super::xml::{attr, unescape, LineCounter, Tags};
use super::{resolve, shorten, Format, InputError, Preference, Report, Section};
use crate::attrs::Protocol;

/// nmap's protocol keys: `SSLv3`, `TLSv1.0` ... `TLSv1.3`.
fn protocol(key: &str) -> Option<Protocol> {
    if !(key.starts_with("SSLv") || key.starts_with("TLSv")) {
        return None;
    }
    Protocol::from_str(key).ok()
}

fn preference(value: &str) -> Option<Preference> {
    match value.trim() {
        "server" => Some(Preference::Server),
        "client" => Some(Preference::Client),
        _ => None, // "indeterminate"
    }
}

/// The suite name at the start of a cipher line: `TLS_AKE_WITH_AES_256_GCM_SHA384 (ecdh_x25519) - A`.
fn cipher_name(line: &str) -> &str {
    line.split_ascii_whitespace().next().unwrap_or("")
}

/// The certificate nmap's key-exchange info states: `rsa 2048` for an RSA key
/// exchange names the certificate's RSA key size (`dh 2048` and curves are
/// the key exchange's own, not the certificate's).
fn kex_cert(report: &mut Report, kex: &str) {
    let mut tok = kex.split_ascii_whitespace();
    if let (Some("rsa"), Some(bits)) = (tok.next(), tok.next().and_then(|b| b.parse().ok())) {
        if let Some(c) = scanned_cert("RSA", Some(bits), None, None) {
            report.add_cert(c);
        }
    }
}

/// True if `line` opens an ssl-enum-ciphers block: `| ssl-enum-ciphers: `.
pub(crate) fn is_block_start(line: &str) -> bool {
    line.starts_with('|') && line.contains("ssl-enum-ciphers:")
}

/// nmap normal output.
pub(crate) fn parse_text(input: &str) -> Result<Report, InputError> {
    let mut report = Report::new(Format::NmapText);
    let mut in_block = false;
    let mut saw_block = false;
    let mut block_line = 0;
    let mut cipher_indent: Option<usize> = None;
    let mut current: Option<usize> = None; // index into report.sections
    for (no, line) in numbered(input) {
        let line = line.as_ref();
        if !in_block {
            if is_block_start(line) {
                in_block = true;
                saw_block = true;
                block_line = no;
                current = None;
                cipher_indent = None;
                // `|_ssl-enum-ciphers: ...` on one line: nothing inside.
                if line.starts_with("|_") {
                    in_block = false;
                }
            }
            continue;
        }
        let (last, content) = if let Some(r) = line.strip_prefix("|_") {
            (true, r)
        } else if let Some(r) = line.strip_prefix('|') {
            (false, r)
        } else {
            return Err(InputError::Truncated {
                format: Format::NmapText,
                line: no,
                expected: "more '|' lines, ending with the '|_' line of the ssl-enum-ciphers block",
            });
        };
        let indent = content.len() - content.trim_start().len();
        let t = content.trim();
        if let Some(ci) = cipher_indent {
            if indent >= ci && !t.ends_with(':') {
                let name = cipher_name(t);
                let proto = current.map(|i| report.sections[i].protocol);
                let suite = resolve(None, Some(name), proto);
                report.push(proto, suite, false, Some(no));
                // "TLS_RSA_WITH_AES_128_GCM_SHA256 (rsa 2048) - A"
                if let Some((_, rest)) = t.split_once('(') {
                    if let Some((kex, _)) = rest.split_once(')') {
                        kex_cert(&mut report, kex);
                    }
                }
                if last {
                    in_block = false;
                }
                continue;
            }
            cipher_indent = None;
        }
        if let Some(key) = t.strip_suffix(':') {
            if let Some(p) = protocol(key.trim()) {
                report.sections.push(Section {
                    protocol: p,
                    preference: None,
                    line: Some(no),
                });
                current = Some(report.sections.len() - 1);
            } else if key.trim() == "ciphers" {
                if current.is_none() {
                    return Err(InputError::Syntax {
                        format: Format::NmapText,
                        line: no,
                        expected: "a protocol heading such as \"TLSv1.2:\" before \"ciphers:\"",
                        found: shorten(t),
                    });
                }
                cipher_indent = Some(indent + 1);
            }
        } else if let Some(v) = t.strip_prefix("cipher preference:") {
            if let Some(i) = current {
                report.sections[i].preference = preference(v);
            }
        }
        if last {
            in_block = false;
        }
    }
    if in_block {
        return Err(InputError::Truncated {
            format: Format::NmapText,
            line: last_line(input),
            expected: "the closing '|_' line of the ssl-enum-ciphers block",
        });
    }
    if !saw_block {
        return Err(InputError::Missing {
            format: Format::NmapText,
            expected: "a '| ssl-enum-ciphers:' block (run nmap with --script ssl-enum-ciphers)",
        });
    }
    let _ = block_line;
    Ok(report)
}

/// nmap `-oX` report.
pub(crate) fn parse_xml(input: &str) -> Result<Report, InputError> {
    let mut report = Report::new(Format::NmapXml);
    let mut lines = LineCounter::new(input);
    let mut tags = Tags::new(input);
    let mut open_run = false;
    let mut closed_run = false;
    let mut saw_script = false;
    let mut in_script = false;
    // Keys of the open <table> elements inside the script: Some("TLSv1.2"), Some("ciphers"), None.
    let mut stack: Vec<Option<&str>> = Vec::new();
    let mut current: Option<usize> = None;
    while let Some(tag) = tags.next() {
        let tag = tag.map_err(|c| InputError::Truncated {
            format: Format::NmapXml,
            line: lines.line_at(c.0),
            expected: "the end of the tag that starts here",
        })?;
        match (tag.name, tag.closing) {
            ("nmaprun", false) => open_run = true,
            ("nmaprun", true) => closed_run = true,
            ("script", false) if attr(tag.attrs, "id") == Some("ssl-enum-ciphers") => {
                saw_script = true;
                in_script = !tag.self_closing;
                stack.clear();
                current = None;
            }
            ("script", true) => in_script = false,
            ("table", false) if in_script => {
                let key = attr(tag.attrs, "key");
                if stack.is_empty() {
                    if let Some(p) = key.and_then(protocol) {
                        report.sections.push(Section {
                            protocol: p,
                            preference: None,
                            line: Some(lines.line_at(tag.start)),
                        });
                        current = Some(report.sections.len() - 1);
                    } else {
                        current = None;
                    }
                }
                if !tag.self_closing {
                    stack.push(key);
                }
            }
            ("table", true) if in_script => {
                stack.pop();
            }
            ("elem", false) if in_script && !tag.self_closing => {
                let key = attr(tag.attrs, "key");
                let text = tags.text_from(tag.end);
                match (stack.as_slice(), key) {
                    ([Some(_), Some("ciphers"), None], Some("name")) => {
                        let line = lines.line_at(tag.start);
                        let name = unescape(text.trim());
                        if name.is_empty() {
                            return Err(InputError::Syntax {
                                format: Format::NmapXml,
                                line,
                                expected: "a cipher name in <elem key=\"name\">",
                                found: String::new(),
                            });
                        }
                        let proto = current.map(|i| report.sections[i].protocol);
                        let suite = resolve(None, Some(&name), proto);
                        report.push(proto, suite, false, Some(line));
                    }
                    ([Some(_), Some("ciphers"), None], Some("kex_info")) => {
                        kex_cert(&mut report, text);
                    }
                    ([Some(_)], Some("cipher preference")) => {
                        if let Some(i) = current {
                            report.sections[i].preference = preference(text);
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    if (open_run && !closed_run) || in_script {
        return Err(InputError::Truncated {
            format: Format::NmapXml,
            line: last_line(input),
            expected: if in_script {
                "the closing </script> tag of ssl-enum-ciphers"
            } else {
                "the closing </nmaprun> tag"
            },
        });
    }
    if !saw_script {
        return Err(InputError::Missing {
            format: Format::NmapXml,
            expected: "a <script id=\"ssl-enum-ciphers\"> element (run nmap with --script ssl-enum-ciphers)",
        });
    }
    Ok(report)
}
