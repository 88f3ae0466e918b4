//! testssl.sh: text output and `--jsonfile` / `--jsonfile-pretty` of `-e` and `-E`, with
//! the curves of `-f` and the certificate key of `-S` when the report has them.

use super::report::scanned_cert;
use super::text::{last_line, numbered};
use super::xml::LineCounter;
use super::{resolve, shorten, Format, InputError, Report, Section};
use crate::attrs::Protocol;
use crate::lookup::parse_code;
use crate::records::Group;

/// testssl's protocol headings in `-E` output: `SSLv2`, `SSLv3`, `TLS 1`, `TLS 1.1` ...
fn heading(line: &str) -> Option<Protocol> {
    Some(match line {
        "SSLv2" => Protocol::Ssl2,
        "SSLv3" => Protocol::Ssl3,
        "TLS 1" | "TLS 1.0" => Protocol::Tls10,
        "TLS 1.1" => Protocol::Tls11,
        "TLS 1.2" => Protocol::Tls12,
        "TLS 1.3" => Protocol::Tls13,
        _ => return None,
    })
}

/// testssl's hexcode column: `x9f`, `xc030`, `x1302`, `x050080` (no leading zeros).
fn hexcode(tok: &str) -> Option<u32> {
    let digits = tok.strip_prefix('x')?;
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    parse_code(tok)
}

/// A row ` xc030   ECDHE-RSA-AES256-GCM-SHA384   ECDH 253   AESGCM   256   TLS_ECDHE_...`:
/// the code and the first name. `None` for rows testssl marks as not offered
/// (`--show-each`).
fn row(t: &str) -> Option<Result<(u32, &str), &'static str>> {
    let mut tok = t.split_ascii_whitespace();
    let code = hexcode(tok.next()?)?;
    if t.ends_with("not a/v") || t.ends_with("not offered") {
        return None;
    }
    Some(match tok.next() {
        Some(name) => Ok((code, name)),
        None => Err("a cipher suite name after the hexcode"),
    })
}

/// The groups of testssl's curves finding: `secp384r1 X25519` (`-f`, "Elliptic
/// curves offered"); names it does not know are left out.
fn add_curves(report: &mut Report, finding: &str) {
    report.groups.get_or_insert_with(Vec::new);
    for g in finding.split_ascii_whitespace().filter_map(Group::lookup) {
        report.add_group(g);
    }
}

/// A certificate from testssl's key size finding (`RSA 3072 bits`, `EC 384 bits`,
/// `-S`) and the signature algorithm finding before it (`SHA256 with RSA`).
fn add_key_size(report: &mut Report, finding: &str, signature: Option<&str>) {
    let mut tok = finding.split_ascii_whitespace();
    let (Some(kind), bits) = (tok.next(), tok.next().and_then(|b| b.parse::<u32>().ok())) else {
        return;
    };
    // An EC key's size names its curve.
    let curve = match (kind, bits) {
        ("EC" | "ECDSA", Some(256)) => Some("P-256"),
        ("EC" | "ECDSA", Some(384)) => Some("P-384"),
        ("EC" | "ECDSA", Some(521)) => Some("P-521"),
        _ => None,
    };
    if let Some(c) = scanned_cert(kind, bits, curve, signature) {
        report.add_cert(c);
    }
}

/// testssl.sh text output.
pub(crate) fn parse_text(input: &str) -> Result<Report, InputError> {
    let mut report = Report::new(Format::TestsslText);
    let mut in_table = false;
    let mut saw_header = false;
    let mut protocol = None;
    let mut signature: Option<String> = None;
    for (no, line) in numbered(input) {
        let t = line.trim();
        // -f: " Elliptic curves offered:     secp384r1 X25519"; -S: " Signature Algorithm
        // SHA256 with RSA", " Server key size              RSA 3072 bits".
        if let Some(v) = t.strip_prefix("Elliptic curves offered:") {
            add_curves(&mut report, v);
            saw_header = true;
            continue;
        }
        if let Some(v) = t.strip_prefix("Signature Algorithm ") {
            signature = Some(v.trim().to_owned());
            continue;
        }
        if let Some(v) = t.strip_prefix("Server key size ") {
            add_key_size(&mut report, v.trim(), signature.take().as_deref());
            saw_header = true;
            continue;
        }
        if t.starts_with("Hexcode") && t.contains("Cipher Suite Name") {
            in_table = true;
            saw_header = true;
            protocol = None;
            continue;
        }
        if !in_table || t.starts_with("---") {
            continue;
        }
        if t.is_empty() || t.starts_with("Done ") {
            in_table = false;
            continue;
        }
        if let Some(p) = heading(t) {
            protocol = Some(p);
            report.sections.push(Section {
                protocol: p,
                preference: None,
                line: Some(no),
            });
            continue;
        }
        match row(t) {
            Some(Ok((code, name))) => {
                report.push(protocol, resolve(Some(code), Some(name), protocol), false, Some(no));
            }
            Some(Err(expected)) => {
                return Err(InputError::Syntax {
                    format: Format::TestsslText,
                    line: no,
                    expected,
                    found: shorten(t),
                })
            }
            None if hexcode(t.split_ascii_whitespace().next().unwrap_or("")).is_some() => {}
            None => {
                return Err(InputError::Syntax {
                    format: Format::TestsslText,
                    line: no,
                    expected: "a cipher row starting with a hexcode such as \"xc030\", or a protocol heading such as \"TLS 1.2\"",
                    found: shorten(t),
                })
            }
        }
    }
    if !saw_header {
        return Err(InputError::Missing {
            format: Format::TestsslText,
            expected: "the \"Hexcode  Cipher Suite Name ...\" table of testssl -e or -E",
        });
    }
    let _ = last_line;
    Ok(report)
}

/// The protocol in a JSON id: `cipher-tls1_2_xc030` → TLS 1.2; `cipher_x1302` → none.
/// Returns `None` for ids that are not cipher rows.
fn json_id(id: &str) -> Option<(Option<Protocol>, u32)> {
    if let Some(hex) = id.strip_prefix("cipher_") {
        return Some((None, hexcode(hex)?));
    }
    let rest = id.strip_prefix("cipher-")?;
    let us = rest.rfind('_')?;
    let (proto, hex) = (&rest[..us], &rest[us + 1..]);
    let p = match proto {
        "ssl2" => Protocol::Ssl2,
        "ssl3" => Protocol::Ssl3,
        "tls1" => Protocol::Tls10,
        "tls1_1" => Protocol::Tls11,
        "tls1_2" => Protocol::Tls12,
        "tls1_3" => Protocol::Tls13,
        _ => return None,
    };
    Some((Some(p), hexcode(hex)?))
}

/// The suite name in a finding: the token after the hexcode.
fn finding_name(finding: &str) -> Option<&str> {
    let mut tok = finding.split_ascii_whitespace();
    tok.by_ref().find(|t| hexcode(t).is_some())?;
    tok.next()
}

/// testssl.sh JSON (flat list or pretty form).
pub(crate) fn parse_json(input: &str) -> Result<Report, InputError> {
    let mut report = Report::new(Format::TestsslJson);
    let mut lines = LineCounter::new(input);
    let mut saw_finding = false;
    let mut p = Json {
        s: input.as_bytes(),
        pos: 0,
    };
    let mut signature: Option<String> = None;
    let mut on_object = |obj: &Obj, start: usize| -> Result<(), InputError> {
        let (Some(id), Some(finding)) = (&obj.id, &obj.finding) else {
            return Ok(());
        };
        saw_finding = true;
        // -f: "PFS_ECDHE_curves" (3.0), "FS_ECDHE_curves" (3.1 and later); -S: the
        // certificate's "cert_signatureAlgorithm" then "cert_keySize" (with a
        // " <hostCert#N>" suffix when the server has several).
        let key = id.split_whitespace().next().unwrap_or("");
        match key {
            "PFS_ECDHE_curves" | "FS_ECDHE_curves" => {
                add_curves(&mut report, finding);
                return Ok(());
            }
            "cert_signatureAlgorithm" => {
                signature = Some(finding.clone());
                return Ok(());
            }
            "cert_keySize" => {
                add_key_size(&mut report, finding, signature.take().as_deref());
                return Ok(());
            }
            _ => {}
        }
        let Some((proto, code)) = json_id(id) else {
            return Ok(());
        };
        if finding.ends_with("not a/v") || finding.ends_with("not offered") {
            return Ok(());
        }
        let line = lines.line_at(start);
        report.push(
            proto,
            resolve(Some(code), finding_name(finding), proto),
            false,
            Some(line),
        );
        if let Some(pr) = proto {
            if !report.sections.iter().any(|s| s.protocol == pr) {
                report.sections.push(Section {
                    protocol: pr,
                    preference: None,
                    line: Some(line),
                });
            }
        }
        Ok(())
    };
    p.ws();
    let r = p.value(0, &mut on_object);
    if let Err(e) = r {
        let mut lc = LineCounter::new(input);
        return Err(match e {
            JsonError::Eof => InputError::Truncated {
                format: Format::TestsslJson,
                line: last_line(input),
                expected: "the rest of the JSON document (it ends inside a list or object)",
            },
            JsonError::At(pos, expected) => InputError::Syntax {
                format: Format::TestsslJson,
                line: lc.line_at(pos),
                expected,
                found: shorten(&String::from_utf8_lossy(
                    &input.as_bytes()[pos..(pos + 30).min(input.len())],
                )),
            },
            JsonError::Callback(e) => e,
        });
    }
    p.ws();
    if p.pos < input.len() {
        return Err(InputError::Syntax {
            format: Format::TestsslJson,
            line: LineCounter::new(input).line_at(p.pos),
            expected: "the end of the JSON document",
            found: shorten(&input[p.pos..]),
        });
    }
    if !saw_finding {
        return Err(InputError::Missing {
            format: Format::TestsslJson,
            expected: "objects with \"id\" and \"finding\" (testssl --jsonfile output)",
        });
    }
    Ok(report)
}

#[derive(Default)]
struct Obj {
    id: Option<String>,
    finding: Option<String>,
}

enum JsonError {
    Eof,
    At(usize, &'static str),
    Callback(InputError),
}

/// A small JSON walker: validates the document and hands every object's
/// `id` and `finding` strings to a callback. Depth is bounded.
struct Json<'a> {
    s: &'a [u8],
    pos: usize,
}

const MAX_DEPTH: usize = 64;

impl Json<'_> {
    fn ws(&mut self) {
        while self.pos < self.s.len() && matches!(self.s[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Result<u8, JsonError> {
        self.s.get(self.pos).copied().ok_or(JsonError::Eof)
    }

    fn value(
        &mut self,
        depth: usize,
        cb: &mut dyn FnMut(&Obj, usize) -> Result<(), InputError>,
    ) -> Result<Option<String>, JsonError> {
        if depth > MAX_DEPTH {
            return Err(JsonError::At(
                self.pos,
                "JSON nested less than 64 levels deep",
            ));
        }
        match self.peek()? {
            b'{' => {
                let start = self.pos;
                self.pos += 1;
                let mut obj = Obj::default();
                self.ws();
                if self.peek()? == b'}' {
                    self.pos += 1;
                    return Ok(None);
                }
                loop {
                    self.ws();
                    if self.peek()? != b'"' {
                        return Err(JsonError::At(self.pos, "a quoted member name"));
                    }
                    let key = self.string()?;
                    self.ws();
                    if self.peek()? != b':' {
                        return Err(JsonError::At(self.pos, "':' after the member name"));
                    }
                    self.pos += 1;
                    self.ws();
                    let v = self.value(depth + 1, cb)?;
                    match key.as_str() {
                        "id" => obj.id = v,
                        "finding" => obj.finding = v,
                        _ => {}
                    }
                    self.ws();
                    match self.peek()? {
                        b',' => self.pos += 1,
                        b'}' => {
                            self.pos += 1;
                            break;
                        }
                        _ => return Err(JsonError::At(self.pos, "',' or '}' in an object")),
                    }
                }
                cb(&obj, start).map_err(JsonError::Callback)?;
                Ok(None)
            }
            b'[' => {
                self.pos += 1;
                self.ws();
                if self.peek()? == b']' {
                    self.pos += 1;
                    return Ok(None);
                }
                loop {
                    self.ws();
                    self.value(depth + 1, cb)?;
                    self.ws();
                    match self.peek()? {
                        b',' => self.pos += 1,
                        b']' => {
                            self.pos += 1;
                            break;
                        }
                        _ => return Err(JsonError::At(self.pos, "',' or ']' in a list")),
                    }
                }
                Ok(None)
            }
            b'"' => self.string().map(Some),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => {
                let start = self.pos;
                while self.pos < self.s.len()
                    && matches!(
                        self.s[self.pos],
                        b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
                    )
                {
                    self.pos += 1;
                }
                Ok(Some(
                    String::from_utf8_lossy(&self.s[start..self.pos]).into_owned(),
                ))
            }
            _ => Err(JsonError::At(self.pos, "a JSON value")),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<Option<String>, JsonError> {
        let end = self.pos + word.len();
        if end > self.s.len() {
            return Err(JsonError::Eof);
        }
        if &self.s[self.pos..end] != word {
            return Err(JsonError::At(self.pos, "a JSON value"));
        }
        self.pos = end;
        Ok(None)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1; // opening quote
        let mut out = Vec::new();
        loop {
            let b = self.peek()?;
            self.pos += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let e = self.peek()?;
                    self.pos += 1;
                    match e {
                        b'"' => out.push(b'"'),
                        b'\\' => out.push(b'\\'),
                        b'/' => out.push(b'/'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let end = self.pos + 4;
                            if end > self.s.len() {
                                return Err(JsonError::Eof);
                            }
                            let hex = std::str::from_utf8(&self.s[self.pos..end])
                                .ok()
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                                .ok_or(JsonError::At(self.pos, "four hex digits after \\u"))?;
                            self.pos = end;
                            let c = char::from_u32(hex).unwrap_or('\u{fffd}');
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        }
                        _ => {
                            return Err(JsonError::At(
                                self.pos - 1,
                                "a valid escape (\\n, \\\", \\uXXXX ...)",
                            ))
                        }
                    }
                }
                _ => out.push(b),
            }
        }
        Ok(String::from_utf8_lossy(&out).into_owned())
    }
}
