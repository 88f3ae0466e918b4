//! Hex text to bytes: byte lists, code lists, hex streams (Wireshark's
//! "Copy as hex stream") and `openssl s_client -msg` transcripts.

use std::fmt;

/// Bytes read from hex text, and where they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HexBytes {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// True when they were taken from an `openssl s_client -msg` transcript
    /// (the `>>> ... ClientHello` block).
    pub transcript: bool,
    /// The 1-based line the bytes start on.
    pub line: u32,
}

const SEPARATORS: &[char] = &[',', ':', ';', '{', '}', '[', ']', '(', ')'];

fn is_sep(c: char) -> bool {
    c.is_whitespace() || SEPARATORS.contains(&c)
}

/// True if a line of an `s_client -msg` transcript starts a message block:
/// `>>> TLS 1.2, Handshake [length 005e], ClientHello`.
fn is_block_header(line: &str) -> bool {
    let t = line.trim_start();
    (t.starts_with(">>> ") || t.starts_with("<<< ")) && t.contains("[length ")
}

/// True if `text` looks like an `openssl s_client -msg` transcript (cheap: the first lines).
pub(crate) fn is_transcript(text: &str) -> bool {
    text.lines().take(40).any(is_block_header)
}

/// True if `text` (its first 64 KiB) is only hex tokens, with at least one byte.
pub(crate) fn looks_like_hex(text: &str) -> bool {
    let head = head(text, 64 * 1024);
    let mut digits = 0usize;
    for tok in head.split(is_sep).filter(|t| !t.is_empty()) {
        if tok == "..." || tok == "…" {
            continue; // elided bytes: still hex input, parse says what is missing
        }
        if tok.starts_with("\\x") {
            let ok = tok
                .split("\\x")
                .filter(|p| !p.is_empty())
                .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_hexdigit()));
            if !ok {
                return false;
            }
            digits += tok.len();
            continue;
        }
        let (body, prefixed) = strip_prefix(tok);
        if body.is_empty() || !body.bytes().all(|b| b.is_ascii_hexdigit()) {
            return false;
        }
        if !prefixed && body.len() % 2 != 0 {
            return false;
        }
        digits += body.len();
    }
    digits >= 2
}

/// True if the first bytes of hex `text` start like a ClientHello (a token
/// that is not hex further on is not looked at: reading reports it).
pub(crate) fn starts_like_hello(text: &str) -> bool {
    let mut bytes = Vec::new();
    let _ = tokens_to_bytes(head(text, 64), &mut bytes, 1);
    looks_like_hello(&bytes)
}

/// True if `b` starts like a ClientHello: a TLS handshake record, a
/// ClientHello handshake message or an SSL 2.0 hello header.
fn looks_like_hello(b: &[u8]) -> bool {
    match b {
        [0x16, 0x03, v, ..] if *v <= 0x04 => true,
        [0x01, _, _, _, 0x03 | 0xfe, ..] => true,
        [h, _, 0x01, 0x00 | 0x03, ..] if h & 0x80 != 0 => true,
        _ => false,
    }
}

fn strip_prefix(tok: &str) -> (&str, bool) {
    for p in ["0x", "0X", "\\x"] {
        if let Some(r) = tok.strip_prefix(p) {
            return (r, true);
        }
    }
    (tok, false)
}

/// Appends the bytes of the hex tokens in `text` to `out`; `first_line` is
/// the line number of `text`'s first line, for errors.
fn tokens_to_bytes(text: &str, out: &mut Vec<u8>, first_line: u32) -> Result<(), HexError> {
    // A list with any 0x-prefixed token of 3 or 4 digits is a list of two-byte
    // codes (`0xC02B, 0x9E`); otherwise prefixed tokens are bytes (`0x16,0x03`).
    let codes = text.split(is_sep).any(|t| {
        let (body, prefixed) = strip_prefix(t);
        prefixed && (3..=4).contains(&body.len()) && !t.starts_with("\\x")
    });
    for (i, line) in text.lines().enumerate() {
        let line_no = first_line + i as u32;
        let mut col = 0u32;
        let mut chars = line.char_indices().peekable();
        while let Some(&(start, c)) = chars.peek() {
            if is_sep(c) {
                chars.next();
                col += 1;
                continue;
            }
            let tok_col = col + 1;
            let mut end = start;
            while let Some(&(j, c2)) = chars.peek() {
                if is_sep(c2) {
                    break;
                }
                end = j + c2.len_utf8();
                chars.next();
                col += 1;
            }
            let tok = &line[start..end];
            // `\x16\x03` style: several prefixed bytes in one token.
            if tok.starts_with("\\x") && tok.matches("\\x").count() > 1 {
                for part in tok.split("\\x").filter(|p| !p.is_empty()) {
                    push_token(part, true, false, out, line_no, tok_col, tok)?;
                }
                continue;
            }
            let (body, prefixed) = strip_prefix(tok);
            push_token(body, prefixed, codes, out, line_no, tok_col, tok)?;
        }
    }
    Ok(())
}

fn push_token(
    body: &str,
    prefixed: bool,
    codes: bool,
    out: &mut Vec<u8>,
    line: u32,
    column: u32,
    tok: &str,
) -> Result<(), HexError> {
    let hex_err = |expected| HexError::Token {
        line,
        column,
        found: shorten(tok),
        expected,
    };
    if tok == "..." || tok == "…" {
        return Err(hex_err(
            "hex digits; '...' marks bytes left out, and the whole message is needed",
        ));
    }
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(hex_err(
            "hex digits (0-9, a-f), optionally prefixed with 0x",
        ));
    }
    let digits = body.as_bytes();
    let val = |d: u8| -> u8 {
        match d {
            b'0'..=b'9' => d - b'0',
            b'a'..=b'f' => d - b'a' + 10,
            _ => d - b'A' + 10,
        }
    };
    if prefixed && digits.len() <= 4 {
        // 0x9e is one byte, 0xC02B (or 0x02B) two.
        let mut v: u16 = 0;
        for &d in digits {
            v = (v << 4) | u16::from(val(d));
        }
        if digits.len() <= 2 && !codes {
            out.push(v as u8);
        } else {
            out.extend_from_slice(&v.to_be_bytes());
        }
        return Ok(());
    }
    if digits.len() % 2 != 0 {
        return Err(hex_err("an even number of hex digits (two per byte)"));
    }
    out.extend(digits.chunks_exact(2).map(|p| (val(p[0]) << 4) | val(p[1])));
    Ok(())
}

/// Reads hex text into bytes.
///
/// Takes byte lists (`16 03 01`, `0x16,0x03`, `16:03:01`, `\x16\x03`), two-byte
/// codes (`0xC02B,0xC02F`), one long stream (`160301005e01...`, Wireshark's
/// "Copy as hex stream"), and whole `openssl s_client -msg` transcripts, from
/// which it takes the `>>> ... ClientHello` block.
///
/// ```
/// use cipherdex::hello::decode_hex;
/// assert_eq!(decode_hex("0xC02B,0xC02F")?.bytes, [0xc0, 0x2b, 0xc0, 0x2f]);
/// assert_eq!(decode_hex("c02bc02f")?.bytes, [0xc0, 0x2b, 0xc0, 0x2f]);
/// let e = decode_hex("c0 2b c0 2g").unwrap_err();
/// assert_eq!(e.to_string(), "hex input line 1 column 10: expected hex digits (0-9, a-f), optionally prefixed with 0x, found \"2g\"");
/// # Ok::<(), cipherdex::hello::HexError>(())
/// ```
pub fn decode_hex(text: &str) -> Result<HexBytes, HexError> {
    if is_transcript(text) {
        return transcript_hello(text);
    }
    let mut bytes = Vec::new();
    tokens_to_bytes(text, &mut bytes, 1)?;
    if bytes.is_empty() {
        return Err(HexError::Empty);
    }
    Ok(HexBytes {
        bytes,
        transcript: false,
        line: 1,
    })
}

/// The bytes of the first `>>> ... ClientHello` block of an `s_client -msg` transcript.
fn transcript_hello(text: &str) -> Result<HexBytes, HexError> {
    let lines: Vec<&str> = text.lines().collect();
    let Some(header) = lines
        .iter()
        .position(|l| is_block_header(l) && l.contains("ClientHello"))
    else {
        return Err(HexError::NoClientHello);
    };
    let block = |h: usize| {
        let mut end = h + 1;
        while end < lines.len() && !is_block_header(lines[end]) && looks_like_hex(lines[end]) {
            end += 1;
        }
        lines[h + 1..end].join("\n")
    };
    let first_line = header as u32 + 2;
    let mut bytes = Vec::new();
    // OpenSSL 3 prints the record header as its own block just before; keep it
    // so the record version is known. Older versions print no such block.
    if let Some(prev) = header.checked_sub(2) {
        if is_block_header(lines[prev]) && lines[prev].contains("RecordHeader") {
            let mut rec = Vec::new();
            if tokens_to_bytes(&block(prev), &mut rec, prev as u32 + 2).is_ok()
                && rec.len() == 5
                && rec[0] == 0x16
            {
                bytes = rec;
            }
        }
    }
    let hs_start = bytes.len();
    tokens_to_bytes(&block(header), &mut bytes, first_line)?;
    if bytes.len() > hs_start && bytes[hs_start] == 0x16 {
        // The block holds a whole record already (as some versions print it).
        bytes.drain(..hs_start);
    }
    if bytes.is_empty() {
        return Err(HexError::EmptyBlock {
            line: header as u32 + 1,
        });
    }
    Ok(HexBytes {
        bytes,
        transcript: true,
        line: first_line,
    })
}

/// The first `max` bytes of `text`, cut at a character boundary.
fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `s` trimmed and cut to 60 characters, for messages.
fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    let s = s.trim();
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

/// Hex text that holds no bytes, a token that is not hex, or a transcript
/// without its ClientHello.
///
/// ```
/// use cipherdex::hello::{decode_hex, HexError};
/// let e = decode_hex("16 03 zz").unwrap_err();
/// assert!(matches!(e, HexError::Token { line: 1, column: 7, .. }));
/// assert_eq!(decode_hex("  ").unwrap_err(), HexError::Empty);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HexError {
    /// No hex bytes at all.
    Empty,
    /// A token that is not hex.
    Token {
        /// 1-based line number.
        line: u32,
        /// 1-based column (in characters).
        column: u32,
        /// What was found (shortened).
        found: String,
        /// What was expected.
        expected: &'static str,
    },
    /// An `s_client -msg` transcript without a `>>> ... ClientHello` block.
    NoClientHello,
    /// A transcript's ClientHello header with no hex lines after it.
    EmptyBlock {
        /// The 1-based line of the header.
        line: u32,
    },
}

impl fmt::Display for HexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HexError::Empty => f.write_str(
                "the input has no hex bytes; expected hex such as '16 03 01 ...' or '0xC02B,0xC02F'",
            ),
            HexError::Token {
                line,
                column,
                found,
                expected,
            } => write!(
                f,
                "hex input line {line} column {column}: expected {expected}, found {found:?}"
            ),
            HexError::NoClientHello => f.write_str(
                "TLS ClientHello in hex: expected a '>>> ... Handshake [length ...], ClientHello' block in the s_client -msg output, found none",
            ),
            HexError::EmptyBlock { line } => write!(
                f,
                "TLS ClientHello in hex is cut off at line {line}: expected the hex lines of the ClientHello after its header"
            ),
        }
    }
}

impl std::error::Error for HexError {}
