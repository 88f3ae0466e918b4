//! The ClientHello decoder proper: bytes in, [`ClientHello`] or a
//! [`HelloError`] with the field and byte offset out.

use super::{ClientHello, Extension, HelloError, HelloErrorKind};

/// Maps a position in a reassembled buffer to an offset in the caller's input:
/// `map` holds (start in buffer, start in input) segments sorted by buffer start.
fn map_offset(map: &[(usize, usize)], pos: usize) -> usize {
    let mut out = pos;
    for &(b, i) in map {
        if b <= pos {
            out = i + (pos - b);
        }
    }
    out
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    /// Maps a position in `buf` to an offset in the caller's input.
    map: &'a [(usize, usize)],
}

impl<'a> Reader<'a> {
    fn offset(&self, pos: usize) -> usize {
        map_offset(self.map, pos)
    }

    fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    fn take(&mut self, n: usize, field: &'static str, what: &str) -> Result<&'a [u8], HelloError> {
        if self.remaining() < n {
            return Err(HelloError {
                kind: HelloErrorKind::Truncated,
                field,
                offset: self.offset(self.pos),
                expected: format!("{n} byte{} ({what})", if n == 1 { "" } else { "s" }),
                found: match self.remaining() {
                    0 => "the end of the input".to_string(),
                    r => format!("only {r} byte{} left", if r == 1 { "" } else { "s" }),
                },
            });
        }
        let out = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(out)
    }

    fn u8(&mut self, field: &'static str) -> Result<u8, HelloError> {
        Ok(self.take(1, field, "one byte")?[0])
    }

    fn u16(&mut self, field: &'static str) -> Result<u16, HelloError> {
        let b = self.take(2, field, "a 2-byte number")?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    fn u24(&mut self, field: &'static str) -> Result<u32, HelloError> {
        let b = self.take(3, field, "a 3-byte length")?;
        Ok(u32::from_be_bytes([0, b[0], b[1], b[2]]))
    }

    fn invalid(
        &self,
        pos: usize,
        field: &'static str,
        expected: String,
        found: String,
    ) -> HelloError {
        HelloError {
            kind: HelloErrorKind::Invalid,
            field,
            offset: self.offset(pos),
            expected,
            found,
        }
    }

    /// A vector with a length prefix of `len_bytes` bytes, checked against what is left.
    fn vector(
        &mut self,
        len_bytes: usize,
        field: &'static str,
    ) -> Result<(usize, &'a [u8]), HelloError> {
        let start = self.pos;
        let len = match len_bytes {
            1 => usize::from(self.u8(field)?),
            2 => usize::from(self.u16(field)?),
            _ => self.u24(field)? as usize,
        };
        if self.remaining() < len {
            return Err(HelloError {
                kind: HelloErrorKind::Truncated,
                field,
                offset: self.offset(start),
                expected: format!("{len} bytes, as its length field says"),
                found: format!("only {} left", self.remaining()),
            });
        }
        let body_pos = self.pos;
        let b = &self.buf[self.pos..self.pos + len];
        self.pos += len;
        Ok((body_pos, b))
    }
}

/// Decodes a ClientHello from bytes: a TLS record (`16 03 01 ...`, possibly
/// several records carrying one hello), a bare handshake message
/// (`01 00 00 5a ...`) or an SSL 2.0-format hello (`80 2e 01 03 01 ...`).
///
/// Errors name the field that broke, its byte offset in `bytes` and what was expected.
///
/// ```
/// use cipherdex::hello::{self, HelloErrorKind};
/// let e = hello::decode(&[0x16, 0x03, 0x01, 0x00, 0x5e, 0x01, 0x00]).unwrap_err();
/// assert_eq!(e.kind, HelloErrorKind::Truncated);
/// assert_eq!(e.offset, 3);
/// assert_eq!(e.to_string(), "ClientHello is cut off in record length at byte 3: expected 94 bytes, as its length field says, found only 2 left");
/// ```
pub fn decode(bytes: &[u8]) -> Result<ClientHello, HelloError> {
    match bytes.first() {
        None => Err(HelloError {
            kind: HelloErrorKind::Truncated,
            field: "record type",
            offset: 0,
            expected: "a TLS record or handshake message".into(),
            found: "no bytes at all".into(),
        }),
        Some(0x16) => decode_records(bytes),
        Some(0x01) => decode_handshake(bytes, &[], None),
        Some(&b) if b & 0x80 != 0 && bytes.len() > 2 && bytes[2] == 0x01 => decode_sslv2(bytes),
        Some(&b) => Err(HelloError {
            kind: HelloErrorKind::Invalid,
            field: "record type",
            offset: 0,
            expected:
                "0x16 (a TLS handshake record), 0x01 (a ClientHello message) or an SSL 2.0 header"
                    .into(),
            found: format!("0x{b:02x}{}", content_type_name(b)),
        }),
    }
}

fn content_type_name(b: u8) -> &'static str {
    match b {
        0x14 => " (a change_cipher_spec record)",
        0x15 => " (an alert record)",
        0x17 => " (an application_data record: encrypted, not a ClientHello)",
        0x02 => " (a ServerHello message)",
        0x0b => " (a Certificate message)",
        _ => "",
    }
}

fn decode_records(bytes: &[u8]) -> Result<ClientHello, HelloError> {
    let empty: [(usize, usize); 0] = [];
    let mut r = Reader {
        buf: bytes,
        pos: 0,
        map: &empty,
    };
    let mut hs = Vec::new();
    let mut map = Vec::new();
    let mut record_version = None;
    loop {
        let start = r.pos;
        let ty = r.u8("record type")?;
        if ty != 0x16 {
            return Err(r.invalid(
                start,
                "record type",
                "0x16 (a handshake record)".into(),
                format!("0x{ty:02x}{}", content_type_name(ty)),
            ));
        }
        let vpos = r.pos;
        let version = r.u16("record version")?;
        if version >> 8 != 0x03 {
            return Err(r.invalid(
                vpos,
                "record version",
                "0x0300-0x0304 (SSL 3.0 to TLS 1.3)".into(),
                format!("0x{version:04x}"),
            ));
        }
        record_version.get_or_insert(version);
        let (body_pos, body) = r.vector(2, "record length")?;
        if body.is_empty() {
            return Err(r.invalid(
                start + 3,
                "record length",
                "a non-empty handshake record".into(),
                "length 0".into(),
            ));
        }
        map.push((hs.len(), body_pos));
        hs.extend_from_slice(body);
        // Enough for the whole handshake message? Otherwise the next record continues it.
        if hs.len() >= 4 {
            let need = 4 + u32::from_be_bytes([0, hs[1], hs[2], hs[3]]) as usize;
            if hs.len() >= need || r.remaining() == 0 || r.buf[r.pos] != 0x16 {
                break;
            }
        } else if r.remaining() == 0 || r.buf[r.pos] != 0x16 {
            break;
        }
    }
    decode_handshake(&hs, &map, record_version)
}

fn decode_handshake(
    bytes: &[u8],
    map: &[(usize, usize)],
    record_version: Option<u16>,
) -> Result<ClientHello, HelloError> {
    let mut r = Reader {
        buf: bytes,
        pos: 0,
        map,
    };
    let ty = r.u8("handshake type")?;
    if ty != 0x01 {
        return Err(r.invalid(
            0,
            "handshake type",
            "0x01 (ClientHello)".into(),
            format!("0x{ty:02x}{}", content_type_name(ty)),
        ));
    }
    let (body_pos, body) = r.vector(3, "handshake length")?;
    let mut b = Reader {
        buf: &bytes[..body_pos + body.len()],
        pos: body_pos,
        map,
    };
    let vpos = b.pos;
    let legacy_version = b.u16("legacy_version")?;
    if legacy_version >> 8 != 0x03 && legacy_version >> 8 != 0xfe {
        return Err(b.invalid(
            vpos,
            "legacy_version",
            "0x0300-0x0303 (or 0xfeff/0xfefd for DTLS)".into(),
            format!("0x{legacy_version:04x}"),
        ));
    }
    let random = b.take(32, "random", "the 32-byte client random")?.to_vec();
    let spos = b.pos;
    let (_, sid) = b.vector(1, "legacy_session_id")?;
    if sid.len() > 32 {
        return Err(b.invalid(
            spos,
            "legacy_session_id",
            "a length of at most 32".into(),
            format!("length {}", sid.len()),
        ));
    }
    let session_id = sid.to_vec();
    if legacy_version >> 8 == 0xfe {
        // DTLS: a cookie follows the session id.
        b.vector(1, "cookie (DTLS)")?;
    }
    let cpos = b.pos;
    let (_, cs) = b.vector(2, "cipher_suites")?;
    if cs.is_empty() || cs.len() % 2 != 0 {
        return Err(b.invalid(
            cpos,
            "cipher_suites",
            "a non-zero even number of bytes (two per suite)".into(),
            format!("length {}", cs.len()),
        ));
    }
    let cipher_suites: Vec<u32> = cs
        .chunks_exact(2)
        .map(|c| u32::from(u16::from_be_bytes([c[0], c[1]])))
        .collect();
    let mpos = b.pos;
    let (_, comp) = b.vector(1, "compression_methods")?;
    if comp.is_empty() {
        return Err(b.invalid(
            mpos,
            "compression_methods",
            "at least one method (0x00, null)".into(),
            "an empty list".into(),
        ));
    }
    let mut hello = ClientHello {
        record_version,
        sslv2_format: false,
        legacy_version,
        random,
        session_id,
        cipher_suites,
        compression_methods: comp.to_vec(),
        extensions: Vec::new(),
        server_name: None,
        supported_versions: Vec::new(),
        supported_groups: Vec::new(),
        key_shares: Vec::new(),
        signature_algorithms: Vec::new(),
        signature_algorithms_cert: Vec::new(),
        alpn: Vec::new(),
    };
    if b.remaining() == 0 {
        return Ok(hello); // no extensions (SSL 3.0-era hello)
    }
    let (ext_pos, ext) = b.vector(2, "extensions")?;
    let mut e = Reader {
        buf: &bytes[..ext_pos + ext.len()],
        pos: ext_pos,
        map,
    };
    while e.remaining() > 0 {
        let off = e.pos;
        let kind = e.u16("extension type")?;
        let (dpos, data) = e.vector(2, "extension length")?;
        decode_extension(&mut hello, kind, dpos, data, map)?;
        hello.extensions.push(Extension {
            kind,
            offset: e.offset(off),
            data: data.to_vec(),
        });
    }
    if b.remaining() > 0 {
        return Err(HelloError {
            kind: HelloErrorKind::Trailing,
            field: "end of ClientHello",
            offset: b.offset(b.pos),
            expected: "the end of the message after the extensions".into(),
            found: format!("{} more bytes", b.remaining()),
        });
    }
    Ok(hello)
}

fn u16_list(
    data: &[u8],
    field: &'static str,
    map: &[(usize, usize)],
) -> Result<Vec<u16>, HelloError> {
    let mut r = Reader {
        buf: data,
        pos: 0,
        map,
    };
    let (_, list) = r.vector(2, field)?;
    if list.len() % 2 != 0 {
        return Err(r.invalid(
            0,
            field,
            "an even number of bytes (two per entry)".into(),
            format!("length {}", list.len()),
        ));
    }
    if r.remaining() > 0 {
        return Err(HelloError {
            kind: HelloErrorKind::Trailing,
            field,
            offset: r.offset(r.pos),
            expected: "the end of the extension".into(),
            found: format!("{} more bytes", r.remaining()),
        });
    }
    Ok(list
        .chunks_exact(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]))
        .collect())
}

fn decode_extension(
    hello: &mut ClientHello,
    kind: u16,
    dpos: usize,
    data: &[u8],
    map: &[(usize, usize)],
) -> Result<(), HelloError> {
    // Readers over this extension's data report offsets in the caller's input.
    let local = [(0, map_offset(map, dpos))];
    let local_map: &[(usize, usize)] = &local;
    match kind {
        0 => {
            let mut r = Reader {
                buf: data,
                pos: 0,
                map: local_map,
            };
            if data.is_empty() {
                return Ok(()); // empty SNI (server's echo form)
            }
            let (_, list) = r.vector(2, "server_name list")?;
            let mut l = Reader {
                buf: &data[..2 + list.len()],
                pos: 2,
                map: local_map,
            };
            while l.remaining() > 0 {
                let tpos = l.pos;
                let ty = l.u8("server_name type")?;
                let (_, name) = l.vector(2, "server_name host_name")?;
                if ty == 0 && hello.server_name.is_none() {
                    match std::str::from_utf8(name) {
                        Ok(s) => hello.server_name = Some(s.to_string()),
                        Err(_) => {
                            return Err(l.invalid(
                                tpos + 3,
                                "server_name host_name",
                                "an ASCII host name".into(),
                                "bytes that are not text".into(),
                            ))
                        }
                    }
                }
            }
        }
        43 => {
            let mut r = Reader {
                buf: data,
                pos: 0,
                map: local_map,
            };
            let (_, list) = r.vector(1, "supported_versions")?;
            if list.len() % 2 != 0 {
                return Err(r.invalid(
                    0,
                    "supported_versions",
                    "an even number of bytes (two per version)".into(),
                    format!("length {}", list.len()),
                ));
            }
            hello.supported_versions = list
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
        }
        10 => {
            hello.supported_groups = u16_list(data, "supported_groups", local_map)?;
        }
        13 => {
            hello.signature_algorithms = u16_list(data, "signature_algorithms", local_map)?;
        }
        50 => {
            hello.signature_algorithms_cert =
                u16_list(data, "signature_algorithms_cert", local_map)?;
        }
        51 => {
            let mut r = Reader {
                buf: data,
                pos: 0,
                map: local_map,
            };
            let (_, list) = r.vector(2, "key_share client_shares")?;
            let mut l = Reader {
                buf: &data[..2 + list.len()],
                pos: 2,
                map: local_map,
            };
            while l.remaining() > 0 {
                let group = l.u16("key_share group")?;
                l.vector(2, "key_share key_exchange")?;
                hello.key_shares.push(group);
            }
        }
        16 => {
            let mut r = Reader {
                buf: data,
                pos: 0,
                map: local_map,
            };
            let (_, list) = r.vector(2, "application_layer_protocol_negotiation")?;
            let mut l = Reader {
                buf: &data[..2 + list.len()],
                pos: 2,
                map: local_map,
            };
            while l.remaining() > 0 {
                let (_, p) = l.vector(1, "ALPN protocol name")?;
                hello.alpn.push(String::from_utf8_lossy(p).into_owned());
            }
        }
        _ => {}
    }
    Ok(())
}

fn decode_sslv2(bytes: &[u8]) -> Result<ClientHello, HelloError> {
    let empty: [(usize, usize); 0] = [];
    let mut r = Reader {
        buf: bytes,
        pos: 0,
        map: &empty,
    };
    let h = r.u16("SSL 2.0 record header")?;
    let len = usize::from(h & 0x7fff);
    if r.remaining() < len {
        return Err(HelloError {
            kind: HelloErrorKind::Truncated,
            field: "SSL 2.0 record header",
            offset: 0,
            expected: format!("{len} bytes, as its length field says"),
            found: format!("only {} left", r.remaining()),
        });
    }
    let mut b = Reader {
        buf: &bytes[..2 + len],
        pos: 2,
        map: &empty,
    };
    b.u8("SSL 2.0 message type")?; // 0x01, checked by the caller
    let legacy_version = b.u16("SSL 2.0 version")?;
    let spec_pos = b.pos;
    let spec_len = usize::from(b.u16("cipher_spec_length")?);
    let sid_len = usize::from(b.u16("session_id_length")?);
    let ch_pos = b.pos;
    let ch_len = usize::from(b.u16("challenge_length")?);
    if spec_len == 0 || spec_len % 3 != 0 {
        return Err(b.invalid(
            spec_pos,
            "cipher_spec_length",
            "a non-zero multiple of 3 (three bytes per cipher kind)".into(),
            format!("{spec_len}"),
        ));
    }
    if !(16..=32).contains(&ch_len) {
        return Err(b.invalid(
            ch_pos,
            "challenge_length",
            "16 to 32".into(),
            format!("{ch_len}"),
        ));
    }
    let specs = b.take(spec_len, "cipher_specs", "the cipher specs")?;
    let session_id = b.take(sid_len, "session_id", "the session id")?.to_vec();
    let random = b.take(ch_len, "challenge", "the challenge")?.to_vec();
    if b.remaining() > 0 {
        return Err(HelloError {
            kind: HelloErrorKind::Trailing,
            field: "end of SSL 2.0 ClientHello",
            offset: b.pos,
            expected: "the end of the message".into(),
            found: format!("{} more bytes", b.remaining()),
        });
    }
    let cipher_suites = specs
        .chunks_exact(3)
        .map(|c| u32::from_be_bytes([0, c[0], c[1], c[2]]))
        .collect();
    Ok(ClientHello {
        record_version: None,
        sslv2_format: true,
        legacy_version,
        random,
        session_id,
        cipher_suites,
        compression_methods: Vec::new(),
        extensions: Vec::new(),
        server_name: None,
        supported_versions: Vec::new(),
        supported_groups: Vec::new(),
        key_shares: Vec::new(),
        signature_algorithms: Vec::new(),
        signature_algorithms_cert: Vec::new(),
        alpn: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A TLS 1.3 ClientHello message (no record) with the given extensions.
    fn hello_with(extensions: &[(u16, Vec<u8>)]) -> Vec<u8> {
        let mut body = vec![0x03, 0x03];
        body.extend([0u8; 32]);
        body.extend([0x00, 0x00, 0x02, 0x13, 0x01, 0x01, 0x00]);
        let mut ext = Vec::new();
        for (kind, data) in extensions {
            ext.extend(kind.to_be_bytes());
            ext.extend((data.len() as u16).to_be_bytes());
            ext.extend(data);
        }
        body.extend((ext.len() as u16).to_be_bytes());
        body.extend(ext);
        let mut msg = vec![0x01, 0x00];
        msg.extend((body.len() as u16).to_be_bytes());
        msg.extend(body);
        msg
    }

    #[test]
    fn key_shares_and_signature_algorithms_cert() {
        // key_share: GREASE (1 byte), x25519 (32 bytes), secp256r1 (65 bytes).
        let mut shares = Vec::new();
        for (group, len) in [(0x3a3au16, 1usize), (0x001d, 32), (0x0017, 65)] {
            shares.extend(group.to_be_bytes());
            shares.extend((len as u16).to_be_bytes());
            shares.extend(vec![0xab; len]);
        }
        let mut key_share = (shares.len() as u16).to_be_bytes().to_vec();
        key_share.extend(shares);
        let cert_algs = vec![0x00, 0x04, 0x04, 0x03, 0x08, 0x04];
        let h = decode(&hello_with(&[(51, key_share), (50, cert_algs)])).unwrap();
        assert_eq!(h.key_shares, [0x3a3a, 0x001d, 0x0017]);
        assert_eq!(h.signature_algorithms_cert, [0x0403, 0x0804]);
        assert!(h.signature_algorithms.is_empty());
        assert_eq!(h.extensions.len(), 2);
    }

    #[test]
    fn key_share_cut_off_names_the_field_and_offset() {
        // One entry that claims 32 bytes of key but holds 2.
        let key_share = vec![0x00, 0x06, 0x00, 0x1d, 0x00, 0x20, 0xab, 0xab];
        let msg = hello_with(&[(51, key_share)]);
        let e = decode(&msg).unwrap_err();
        assert_eq!(e.kind, HelloErrorKind::Truncated);
        assert_eq!(e.field, "key_share key_exchange");
        // Handshake header 4, version 2, random 32, session id 1, suites 4,
        // compression 2, extensions length 2, extension header 4, list length 2, group 2.
        assert_eq!(e.offset, 4 + 2 + 32 + 1 + 4 + 2 + 2 + 4 + 2 + 2);
        assert_eq!(&msg[e.offset..e.offset + 2], [0x00, 0x20]);
    }
}
