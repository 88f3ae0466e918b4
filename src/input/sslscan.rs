//! sslscan: text output (with or without `--show-cipher-ids`) and `--xml` reports.

use std::str::FromStr;

use super::report::scanned_cert;
use super::text::{last_line, numbered};
use super::xml::{attr, attrs, unescape, LineCounter, Tags};
use super::{resolve, shorten, Format, InputError, Report};
use crate::attrs::Protocol;
use crate::lookup::parse_code;
use crate::records::Group;

/// sslscan's protocol labels: `SSLv2`, `SSLv3`, `TLSv1.0` (older versions: `TLSv1`), ...
fn protocol(label: &str) -> Option<Protocol> {
    match label {
        "TLSv1.2" => return Some(Protocol::Tls12),
        "TLSv1.3" => return Some(Protocol::Tls13),
        "TLSv1.1" => return Some(Protocol::Tls11),
        "TLSv1.0" => return Some(Protocol::Tls10),
        _ => {}
    }
    if !(label.starts_with("SSLv") || label.starts_with("TLSv")) {
        return None;
    }
    Protocol::from_str(label).ok()
}

/// A cipher line: `Accepted  TLSv1.2  256 bits    0xC030 ECDHE-RSA-AES256-GCM-SHA384   Curve 25519 DHE 253`.
/// Returns `None` if the line is not one; `Err` if it starts like one but breaks.
pub(crate) fn cipher_line(line: &str) -> Option<Result<CipherLine<'_>, &'static str>> {
    let t = line.trim_start();
    let preferred = if t.starts_with("Preferred") {
        true
    } else if t.starts_with("Accepted") {
        false
    } else {
        return None;
    };
    let mut tok = t.split_ascii_whitespace();
    tok.next(); // status
    let Some(proto) = tok.next().and_then(protocol) else {
        // "Preferred Server Cipher(s):" headings of older versions.
        return None;
    };
    Some(rest_of_line(proto, preferred, tok))
}

fn rest_of_line<'a>(
    protocol: Protocol,
    preferred: bool,
    mut tok: impl Iterator<Item = &'a str>,
) -> Result<CipherLine<'a>, &'static str> {
    let bits = tok.next();
    if !bits.is_some_and(|b| b.bytes().all(|c| c.is_ascii_digit()) && !b.is_empty()) {
        return Err("the key size in bits after the protocol (\"256 bits\")");
    }
    if tok.next() != Some("bits") {
        return Err("\"bits\" after the key size");
    }
    let mut next = tok.next().ok_or("a cipher name after \"bits\"")?;
    let mut code = None;
    if next.starts_with("0x") || next.starts_with("0X") {
        code = Some(parse_code(next).ok_or("a cipher id such as 0xC030")?);
        next = tok.next().ok_or("a cipher name after the id")?;
    }
    Ok(CipherLine {
        protocol,
        preferred,
        code,
        name: next,
    })
}

pub(crate) struct CipherLine<'a> {
    protocol: Protocol,
    preferred: bool,
    code: Option<u32>,
    name: &'a str,
}

/// sslscan text output.
pub(crate) fn parse_text(input: &str) -> Result<Report, InputError> {
    let mut report = Report::new(Format::SslscanText);
    #[derive(PartialEq)]
    enum Part {
        Other,
        Protocols,
        OldPreferred,
        Groups,
        Certificate,
    }
    let mut part = Part::Other;
    let mut found_any = false;
    // The certificate block: key type, size, curve, signature algorithm.
    let (mut kind, mut bits): (Option<String>, Option<u32>) = (None, None);
    let (mut curve, mut signature): (Option<String>, Option<String>) = (None, None);
    for (no, line) in numbered(input) {
        let t = line.trim();
        if t.is_empty() {
            part = Part::Other;
            continue;
        }
        if t.starts_with("Server Key Exchange Group(s):") {
            part = Part::Groups;
            report.groups.get_or_insert_with(Vec::new);
            continue;
        }
        if t.starts_with("SSL Certificate:") {
            part = Part::Certificate;
            continue;
        }
        if part == Part::Certificate {
            // "Signature Algorithm: sha256WithRSAEncryption", "RSA Key Strength:    3072",
            // "ECC Curve Name:      prime256v1", "ECC Key Strength:    128".
            if let Some((key, value)) = t.split_once(':') {
                let value = value.trim();
                match key.trim() {
                    "Signature Algorithm" => signature = Some(value.to_owned()),
                    "ECC Curve Name" => curve = Some(value.to_owned()),
                    k => {
                        if let Some(ty) = k.strip_suffix(" Key Strength") {
                            kind = Some(ty.to_owned());
                            bits = value.parse::<u32>().ok();
                        }
                    }
                }
            }
            continue;
        }
        if part == Part::Groups {
            // "TLSv1.3  128 bits  secp256r1 (NIST P-256)"
            let mut tok = t.split_ascii_whitespace();
            if tok.next().and_then(protocol).is_some() {
                let name = tok.find(|w| *w == "bits").and_then(|_| tok.next());
                if let Some(g) = name.and_then(Group::lookup) {
                    report.add_group(g);
                }
                continue;
            }
            part = Part::Other;
        }
        if t.starts_with("SSL/TLS Protocols:") {
            part = Part::Protocols;
            found_any = true;
            continue;
        }
        if t.starts_with("Preferred Server Cipher(s)") {
            part = Part::OldPreferred;
            found_any = true;
            continue;
        }
        if t.ends_with(':') {
            part = Part::Other;
        }
        match part {
            Part::Protocols => {
                let mut tok = t.split_ascii_whitespace();
                if let (Some(p), Some(state)) = (tok.next().and_then(protocol), tok.next()) {
                    match state {
                        "enabled" => report.protocols.push((p, true)),
                        "disabled" => report.protocols.push((p, false)),
                        _ => {}
                    }
                }
                continue;
            }
            Part::OldPreferred => {
                // sslscan 1.x: "TLSv1  256 bits  AES256-SHA" marks the preferred suite.
                let mut tok = t.split_ascii_whitespace();
                if let Some(p) = tok.next().and_then(protocol) {
                    let l = rest_of_line(p, true, tok).map_err(|expected| InputError::Syntax {
                        format: Format::SslscanText,
                        line: no,
                        expected,
                        found: shorten(t),
                    })?;
                    let suite = resolve(l.code, Some(l.name), Some(p));
                    if let Some(e) = report
                        .entries
                        .iter_mut()
                        .find(|e| e.protocol == Some(p) && e.suite == suite)
                    {
                        e.preferred = true;
                    } else {
                        report.push(Some(p), suite, true, Some(no));
                    }
                }
                continue;
            }
            Part::Other | Part::Groups | Part::Certificate => {}
        }
        match cipher_line(t) {
            None => {}
            Some(Err(expected)) => {
                return Err(InputError::Syntax {
                    format: Format::SslscanText,
                    line: no,
                    expected,
                    found: shorten(t),
                })
            }
            Some(Ok(l)) => {
                found_any = true;
                let suite = resolve(l.code, Some(l.name), Some(l.protocol));
                report.push(Some(l.protocol), suite, l.preferred, Some(no));
            }
        }
    }
    let cert = kind
        .as_deref()
        .and_then(|k| scanned_cert(k, bits, curve.as_deref(), signature.as_deref()));
    if let Some(c) = cert {
        report.add_cert(c);
    }
    if !found_any {
        return Err(InputError::Missing {
            format: Format::SslscanText,
            expected: "lines such as \"Accepted  TLSv1.2  256 bits  ECDHE-RSA-AES256-GCM-SHA384\"",
        });
    }
    Ok(report)
}

/// sslscan `--xml` report.
pub(crate) fn parse_xml(input: &str) -> Result<Report, InputError> {
    let mut report = Report::new(Format::SslscanXml);
    let mut lines = LineCounter::new(input);
    let mut open_document = false;
    let mut closed_document = false;
    let mut saw_test = false;
    let cut = |lines: &mut LineCounter, at: usize| InputError::Truncated {
        format: Format::SslscanXml,
        line: lines.line_at(at),
        expected: "the end of the tag that starts here",
    };
    // The open <certificate>: signature algorithm, then <pk type= bits= curve_name=>.
    let mut signature: Option<String> = None;
    let mut tags = Tags::new(input);
    while let Some(tag) = tags.next() {
        let tag = match tag {
            Ok(t) => t,
            Err(c) => return Err(cut(&mut lines, c.0)),
        };
        if tag.closing {
            if tag.name == "document" {
                closed_document = true;
            }
            continue;
        }
        match tag.name {
            "group" => {
                let id = attr(tag.attrs, "id").and_then(parse_code);
                let by_id = id
                    .and_then(|c| u16::try_from(c).ok())
                    .and_then(Group::from_code);
                // name="secp256r1 (NIST P-256)": the first word.
                let by_name = || {
                    attr(tag.attrs, "name")
                        .and_then(|n| n.split_ascii_whitespace().next())
                        .and_then(Group::lookup)
                };
                if let Some(g) = by_id.or_else(by_name) {
                    report.add_group(g);
                }
            }
            "certificate" => signature = None,
            "signature-algorithm" if !tag.self_closing => {
                signature = Some(unescape(tags.text_from(tag.end).trim()).into_owned());
            }
            "pk" => {
                let bits = attr(tag.attrs, "bits").and_then(|b| b.parse::<u32>().ok());
                let cert = attr(tag.attrs, "type").and_then(|k| {
                    scanned_cert(k, bits, attr(tag.attrs, "curve_name"), signature.as_deref())
                });
                if let Some(c) = cert {
                    report.add_cert(c);
                }
            }
            "cipher" => {
                saw_test = true;
                let line = lines.line_at(tag.start);
                let syntax = |expected| InputError::Syntax {
                    format: Format::SslscanXml,
                    line,
                    expected,
                    found: shorten(&input[tag.start..tag.end]),
                };
                let (mut version, mut id, mut name, mut status) = (None, None, None, None);
                for (k, v) in attrs(tag.attrs) {
                    match k {
                        "sslversion" => version = Some(v),
                        "id" => id = Some(v),
                        "cipher" => name = Some(v),
                        "status" => status = Some(v),
                        _ => {}
                    }
                }
                let version =
                    version.ok_or_else(|| syntax("an sslversion=\"TLSv1.2\" attribute"))?;
                let proto = protocol(version)
                    .ok_or_else(|| syntax("sslversion=\"SSLv3\" ... \"TLSv1.3\""))?;
                let code = match id {
                    Some(id) => {
                        Some(parse_code(id).ok_or_else(|| syntax("an id such as id=\"0xC030\""))?)
                    }
                    None => None,
                };
                if code.is_none() && name.is_none() {
                    return Err(syntax("a cipher=\"...\" or id=\"0x...\" attribute"));
                }
                let name = name.map(unescape);
                let preferred = status == Some("preferred");
                let suite = resolve(code, name.as_deref(), Some(proto));
                report.push(Some(proto), suite, preferred, Some(line));
            }
            "protocol" => {
                let (Some(ty), Some(v), Some(en)) = (
                    attr(tag.attrs, "type"),
                    attr(tag.attrs, "version"),
                    attr(tag.attrs, "enabled"),
                ) else {
                    continue;
                };
                let label = match ty {
                    "ssl" => format!("SSLv{v}"),
                    _ => format!("TLSv{v}"),
                };
                if let Some(p) = protocol(&label) {
                    report.protocols.push((p, en == "1"));
                }
            }
            "document" => open_document = true,
            "ssltest" => saw_test = true,
            _ => {}
        }
    }
    if open_document && !closed_document {
        return Err(InputError::Truncated {
            format: Format::SslscanXml,
            line: last_line(input),
            expected: "the closing </document> tag",
        });
    }
    if !saw_test {
        return Err(InputError::Missing {
            format: Format::SslscanXml,
            expected: "an <ssltest> element with <cipher .../> elements",
        });
    }
    Ok(report)
}
