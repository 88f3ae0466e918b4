//! Hex input: a cipher-suite vector, or a ClientHello decoded by
//! [`crate::hello`] (hex dump, hex stream or `s_client -msg` transcript).

use super::{resolve_code, Format, InputError, Report};
use crate::hello;

/// Which of the two hex formats the text is: a ClientHello (record,
/// handshake message, SSL 2.0 hello or transcript) or a cipher-suite vector.
pub(super) fn classify(text: &str) -> Format {
    if hello::is_transcript(text) {
        return Format::ClientHello;
    }
    if hello::starts_like_hello(text) {
        Format::ClientHello
    } else {
        Format::CipherVector
    }
}

/// Reads a cipher-suite vector in hex.
pub(super) fn parse_vector(text: &str) -> Result<Report, InputError> {
    let input = hello::decode_hex(text)?;
    if input.bytes.len() % 2 != 0 {
        return Err(InputError::Vector {
            len: input.bytes.len(),
        });
    }
    let mut report = Report::new(Format::CipherVector);
    for pair in input.bytes.chunks_exact(2) {
        let code = u32::from(u16::from_be_bytes([pair[0], pair[1]]));
        report.push(None, resolve_code(code), false, None);
    }
    Ok(report)
}

/// Reads a ClientHello (record, handshake message or transcript) in hex.
pub(super) fn parse_hello(text: &str) -> Result<Report, InputError> {
    let input = hello::decode_hex(text)?;
    let hello = hello::decode(&input.bytes)?;
    let mut report = Report::new(Format::ClientHello);
    for &code in &hello.cipher_suites {
        report.push(None, resolve_code(code), false, None);
    }
    report.client_hello = Some(hello);
    Ok(report)
}
