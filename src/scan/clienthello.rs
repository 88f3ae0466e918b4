//! Decoding a ClientHello (TLS record, handshake message or SSL 2.0 hello) from bytes.

use std::fmt;

/// A decoded ClientHello.
///
/// ```
/// use cipherdex::scan::decode_bytes;
/// // Handshake header, version, random, empty session id, 2 suites, null compression.
/// let mut b = vec![0x01, 0x00, 0x00, 0x2b, 0x03, 0x03];
/// b.extend([0u8; 32]);
/// b.extend([0x00, 0x00, 0x04, 0x00, 0x67, 0x00, 0xff, 0x01, 0x00]);
/// let hello = decode_bytes(&b)?;
/// assert_eq!(hello.legacy_version, 0x0303);
/// assert_eq!(hello.cipher_suites, [0x0067, 0x00FF]);
/// assert_eq!(hello.server_name, None);
/// assert!(hello.extensions.is_empty());
/// # Ok::<(), cipherdex::scan::HelloError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClientHello {
    /// The version in the TLS record header, when the input starts with the record.
    pub record_version: Option<u16>,
    /// True for an SSL 2.0-format ClientHello (`80 xx 01 ...`).
    pub sslv2_format: bool,
    /// `legacy_version` (the highest version offered before TLS 1.3).
    pub legacy_version: u16,
    /// The client random (SSL 2.0: the challenge).
    pub random: Vec<u8>,
    /// The legacy session id.
    pub session_id: Vec<u8>,
    /// The offered cipher suites, in the client's order, GREASE and unknown codes
    /// included (SSL 2.0 hellos can hold three-byte kinds).
    pub cipher_suites: Vec<u32>,
    /// The compression methods (`[0]` = null only). Empty for SSL 2.0 hellos.
    pub compression_methods: Vec<u8>,
    /// Every extension, in order.
    pub extensions: Vec<Extension>,
    /// The `server_name` (SNI) host name, if the extension is there.
    pub server_name: Option<String>,
    /// The `supported_versions` list (TLS 1.3 clients), empty without the extension.
    pub supported_versions: Vec<u16>,
    /// The `supported_groups` list (curves and finite-field groups).
    pub supported_groups: Vec<u16>,
    /// The `signature_algorithms` list.
    pub signature_algorithms: Vec<u16>,
    /// The ALPN protocol names (`h2`, `http/1.1`).
    pub alpn: Vec<String>,
}

impl ClientHello {
    /// True if the hello carries an extension of type `kind`.
    ///
    /// ```
    /// # let mut b = vec![0x01, 0x00, 0x00, 0x2f, 0x03, 0x03];
    /// # b.extend([0u8; 32]);
    /// # b.extend([0x00, 0x00, 0x02, 0x00, 0x2f, 0x01, 0x00, 0x00, 0x04, 0x00, 0x17, 0x00, 0x00]);
    /// let hello = cipherdex::scan::decode_bytes(&b)?;
    /// assert!(hello.has_extension(23)); // extended_master_secret
    /// assert!(!hello.has_extension(0)); // no SNI
    /// # Ok::<(), cipherdex::scan::HelloError>(())
    /// ```
    pub fn has_extension(&self, kind: u16) -> bool {
        self.extensions.iter().any(|e| e.kind == kind)
    }

    /// The versions offered: `supported_versions` without GREASE when present,
    /// otherwise `legacy_version` alone.
    pub fn offered_versions(&self) -> Vec<u16> {
        let v: Vec<u16> = self
            .supported_versions
            .iter()
            .copied()
            .filter(|&v| !is_grease(v))
            .collect();
        if v.is_empty() {
            vec![self.legacy_version]
        } else {
            v
        }
    }
}

/// One ClientHello extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extension {
    /// The extension type number.
    pub kind: u16,
    /// Byte offset of the extension (its type field) in the input.
    pub offset: usize,
    /// The extension data.
    pub data: Vec<u8>,
}

impl Extension {
    /// The IANA name of the extension type, `GREASE`, or `None` if unknown.
    ///
    /// ```
    /// let e = cipherdex::scan::Extension { kind: 0xff01, offset: 0, data: vec![0] };
    /// assert_eq!(e.name(), Some("renegotiation_info"));
    /// ```
    pub fn name(&self) -> Option<&'static str> {
        extension_name(self.kind)
    }
}

/// What was wrong with a ClientHello.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HelloErrorKind {
    /// The input ends before the field does.
    Truncated,
    /// The field has a value that cannot be right.
    Invalid,
    /// Bytes left over where the structure should end.
    Trailing,
}

/// A ClientHello that is cut off or corrupt: which field, at which byte
/// offset of the input, what was expected and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelloError {
    /// Cut off, invalid, or with bytes left over.
    pub kind: HelloErrorKind,
    /// The field being read (`cipher_suites length`).
    pub field: &'static str,
    /// Byte offset in the input where the field starts.
    pub offset: usize,
    /// What the field should hold.
    pub expected: String,
    /// What was there.
    pub found: String,
}

impl fmt::Display for HelloError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            HelloErrorKind::Truncated => "ClientHello is cut off",
            HelloErrorKind::Invalid => "ClientHello is corrupt",
            HelloErrorKind::Trailing => "ClientHello has bytes left over",
        };
        write!(
            f,
            "{what} in {} at byte {}: expected {}, found {}",
            self.field, self.offset, self.expected, self.found
        )
    }
}

impl std::error::Error for HelloError {}

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

/// True for the GREASE values of RFC 8701 (`0x0A0A`, `0x1A1A`, ... `0xFAFA`).
pub(crate) fn is_grease(v: u16) -> bool {
    v & 0x0F0F == 0x0A0A && (v >> 8) == (v & 0xFF)
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
/// use cipherdex::scan::{decode_bytes, HelloErrorKind};
/// let e = decode_bytes(&[0x16, 0x03, 0x01, 0x00, 0x5e, 0x01, 0x00]).unwrap_err();
/// assert_eq!(e.kind, HelloErrorKind::Truncated);
/// assert_eq!(e.offset, 3);
/// assert_eq!(e.to_string(), "ClientHello is cut off in record length at byte 3: expected 94 bytes, as its length field says, found only 2 left");
/// ```
pub fn decode_bytes(bytes: &[u8]) -> Result<ClientHello, HelloError> {
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
        signature_algorithms: Vec::new(),
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
        signature_algorithms: Vec::new(),
        alpn: Vec::new(),
    })
}

/// The IANA name of a TLS extension type (`0` → `server_name`), `GREASE`, or `None`.
///
/// ```
/// assert_eq!(cipherdex::scan::extension_name(43), Some("supported_versions"));
/// assert_eq!(cipherdex::scan::extension_name(0x3a3a), Some("GREASE"));
/// assert_eq!(cipherdex::scan::extension_name(0x1234), None);
/// ```
pub fn extension_name(kind: u16) -> Option<&'static str> {
    if is_grease(kind) {
        return Some("GREASE");
    }
    Some(match kind {
        0 => "server_name",
        1 => "max_fragment_length",
        2 => "client_certificate_url",
        3 => "trusted_ca_keys",
        4 => "truncated_hmac",
        5 => "status_request",
        6 => "user_mapping",
        7 => "client_authz",
        8 => "server_authz",
        9 => "cert_type",
        10 => "supported_groups",
        11 => "ec_point_formats",
        12 => "srp",
        13 => "signature_algorithms",
        14 => "use_srtp",
        15 => "heartbeat",
        16 => "application_layer_protocol_negotiation",
        17 => "status_request_v2",
        18 => "signed_certificate_timestamp",
        19 => "client_certificate_type",
        20 => "server_certificate_type",
        21 => "padding",
        22 => "encrypt_then_mac",
        23 => "extended_master_secret",
        24 => "token_binding",
        25 => "cached_info",
        26 => "tls_lts",
        27 => "compress_certificate",
        28 => "record_size_limit",
        29 => "pwd_protect",
        30 => "pwd_clear",
        31 => "password_salt",
        32 => "ticket_pinning",
        33 => "tls_cert_with_extern_psk",
        34 => "delegated_credential",
        35 => "session_ticket",
        36 => "TLMSP",
        37 => "TLMSP_proxying",
        38 => "TLMSP_delegate",
        39 => "supported_ekt_ciphers",
        41 => "pre_shared_key",
        42 => "early_data",
        43 => "supported_versions",
        44 => "cookie",
        45 => "psk_key_exchange_modes",
        47 => "certificate_authorities",
        48 => "oid_filters",
        49 => "post_handshake_auth",
        50 => "signature_algorithms_cert",
        51 => "key_share",
        52 => "transparency_info",
        53 => "connection_id (deprecated)",
        54 => "connection_id",
        55 => "external_id_hash",
        56 => "external_session_id",
        57 => "quic_transport_parameters",
        58 => "ticket_request",
        59 => "dnssec_chain",
        60 => "sequence_number_encryption_algorithms",
        61 => "rrc",
        13172 => "next_protocol_negotiation (not IANA)",
        17513 => "application_settings (not IANA)",
        65037 => "encrypted_client_hello",
        65281 => "renegotiation_info",
        _ => return None,
    })
}

/// The IANA name of a supported group (`29` → `x25519`), `GREASE`, or `None`.
///
/// ```
/// assert_eq!(cipherdex::scan::group_name(23), Some("secp256r1"));
/// assert_eq!(cipherdex::scan::group_name(0x11EC), Some("X25519MLKEM768"));
/// ```
pub fn group_name(group: u16) -> Option<&'static str> {
    if is_grease(group) {
        return Some("GREASE");
    }
    const LOW: [&str; 42] = [
        "",
        "sect163k1",
        "sect163r1",
        "sect163r2",
        "sect193r1",
        "sect193r2",
        "sect233k1",
        "sect233r1",
        "sect239k1",
        "sect283k1",
        "sect283r1",
        "sect409k1",
        "sect409r1",
        "sect571k1",
        "sect571r1",
        "secp160k1",
        "secp160r1",
        "secp160r2",
        "secp192k1",
        "secp192r1",
        "secp224k1",
        "secp224r1",
        "secp256k1",
        "secp256r1",
        "secp384r1",
        "secp521r1",
        "brainpoolP256r1",
        "brainpoolP384r1",
        "brainpoolP512r1",
        "x25519",
        "x448",
        "brainpoolP256r1tls13",
        "brainpoolP384r1tls13",
        "brainpoolP512r1tls13",
        "GC256A",
        "GC256B",
        "GC256C",
        "GC256D",
        "GC512A",
        "GC512B",
        "GC512C",
        "curveSM2",
    ];
    Some(match group {
        1..=41 => LOW[usize::from(group)],
        256 => "ffdhe2048",
        257 => "ffdhe3072",
        258 => "ffdhe4096",
        259 => "ffdhe6144",
        260 => "ffdhe8192",
        512 => "MLKEM512",
        513 => "MLKEM768",
        514 => "MLKEM1024",
        0x11EB => "SecP256r1MLKEM768",
        0x11EC => "X25519MLKEM768",
        0x11ED => "SecP384r1MLKEM1024",
        0x6399 => "X25519Kyber768Draft00 (obsolete)",
        0xFF01 => "arbitrary_explicit_prime_curves",
        0xFF02 => "arbitrary_explicit_char2_curves",
        _ => return None,
    })
}

/// The IANA name of a signature scheme (`0x0804` → `rsa_pss_rsae_sha256`),
/// TLS 1.2 hash/signature pairs included (`0x0202` → `dsa_sha1`), or `None`.
///
/// ```
/// assert_eq!(cipherdex::scan::signature_scheme_name(0x0403), Some("ecdsa_secp256r1_sha256"));
/// assert_eq!(cipherdex::scan::signature_scheme_name(0x0807), Some("ed25519"));
/// ```
pub fn signature_scheme_name(scheme: u16) -> Option<&'static str> {
    if is_grease(scheme) {
        return Some("GREASE");
    }
    Some(match scheme {
        0x0101 => "rsa_md5",
        0x0102 => "dsa_md5",
        0x0103 => "ecdsa_md5",
        0x0201 => "rsa_pkcs1_sha1",
        0x0202 => "dsa_sha1",
        0x0203 => "ecdsa_sha1",
        0x0301 => "rsa_sha224",
        0x0302 => "dsa_sha224",
        0x0303 => "ecdsa_sha224",
        0x0401 => "rsa_pkcs1_sha256",
        0x0402 => "dsa_sha256",
        0x0403 => "ecdsa_secp256r1_sha256",
        0x0420 => "rsa_pkcs1_sha256_legacy",
        0x0501 => "rsa_pkcs1_sha384",
        0x0502 => "dsa_sha384",
        0x0503 => "ecdsa_secp384r1_sha384",
        0x0520 => "rsa_pkcs1_sha384_legacy",
        0x0601 => "rsa_pkcs1_sha512",
        0x0602 => "dsa_sha512",
        0x0603 => "ecdsa_secp521r1_sha512",
        0x0620 => "rsa_pkcs1_sha512_legacy",
        0x0704 => "eccsi_sha256",
        0x0705 => "iso_ibs1",
        0x0706 => "iso_ibs2",
        0x0707 => "iso_chinese_ibs",
        0x0708 => "sm2sig_sm3",
        0x0709 => "gostr34102012_256a",
        0x070A => "gostr34102012_256b",
        0x070B => "gostr34102012_256c",
        0x070C => "gostr34102012_256d",
        0x070D => "gostr34102012_512a",
        0x070E => "gostr34102012_512b",
        0x070F => "gostr34102012_512c",
        0x0804 => "rsa_pss_rsae_sha256",
        0x0805 => "rsa_pss_rsae_sha384",
        0x0806 => "rsa_pss_rsae_sha512",
        0x0807 => "ed25519",
        0x0808 => "ed448",
        0x0809 => "rsa_pss_pss_sha256",
        0x080A => "rsa_pss_pss_sha384",
        0x080B => "rsa_pss_pss_sha512",
        0x081A => "ecdsa_brainpoolP256r1tls13_sha256",
        0x081B => "ecdsa_brainpoolP384r1tls13_sha384",
        0x081C => "ecdsa_brainpoolP512r1tls13_sha512",
        0x0904 => "mldsa44",
        0x0905 => "mldsa65",
        0x0906 => "mldsa87",
        _ => return None,
    })
}

/// The name of a protocol version number (`0x0303` → `TLSv1.2`), `GREASE`, or `None`.
///
/// ```
/// assert_eq!(cipherdex::scan::version_name(0x0304), Some("TLSv1.3"));
/// assert_eq!(cipherdex::scan::version_name(0x7f1c), Some("TLSv1.3 (draft)"));
/// ```
pub fn version_name(version: u16) -> Option<&'static str> {
    if is_grease(version) {
        return Some("GREASE");
    }
    Some(match version {
        0x0002 => "SSLv2",
        0x0300 => "SSLv3",
        0x0301 => "TLSv1.0",
        0x0302 => "TLSv1.1",
        0x0303 => "TLSv1.2",
        0x0304 => "TLSv1.3",
        0x7f00..=0x7fff => "TLSv1.3 (draft)",
        0xfeff => "DTLSv1.0",
        0xfefd => "DTLSv1.2",
        0xfefc => "DTLSv1.3",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grease_values() {
        let all: Vec<u16> = (0..=0xFFFFu16).filter(|&v| is_grease(v)).collect();
        assert_eq!(all.len(), 16);
        assert_eq!(all[0], 0x0A0A);
        assert_eq!(all[15], 0xFAFA);
    }
}
