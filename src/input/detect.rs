//! Telling the formats apart from structural markers in the first part of the input.

use super::{config, nmap, parse, sslscan, strip_bom, strip_prefix_ci, text, vector, Format};
use crate::hello;

/// How much of the input detection looks at.
const HEAD: usize = 64 * 1024;

/// The format of `text`: the one place where formats are recognised.
///
/// A text that starts with a format's prefix (`openssl:`) is that format.
/// Otherwise detection looks only at the first 64 KiB and at structure, not
/// single words: the XML root element and its title, JSON objects with
/// testssl's `"id"` and `"finding"` members, nmap's `| ssl-enum-ciphers:`
/// block, testssl's `Hexcode  Cipher Suite Name` table header, sslscan's
/// `Accepted  TLSv1.2  256 bits` cipher lines, configuration directives,
/// `s_client -msg` block headers, text made only of hex tokens (a
/// ClientHello when the bytes start like a TLS record or handshake message,
/// otherwise a cipher-suite vector), `Get-TlsCipherSuite` blocks and a
/// registry `Functions` value. Everything else is a [`Format::Plain`] list,
/// and so are texts the plain list reads the same way: Windows names one per
/// line or comma-separated, and codes the plain list resolves entirely
/// (`c0 2b c0 2f`).
///
/// ```
/// use cipherdex::input::{detect, Format};
/// assert_eq!(detect("16 03 01 00 5e 01 00 00 5a 03 03"), Format::ClientHello);
/// assert_eq!(detect("0x7777,0xC02F"), Format::CipherVector);
/// assert_eq!(detect("0xC02B,0xC02F"), Format::Plain);
/// assert_eq!(detect("    ssl_ciphers HIGH:!aNULL;"), Format::Config);
/// assert_eq!(detect("openssl:HIGH:!aNULL"), Format::OpensslString);
/// assert_eq!(detect("ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA"), Format::Plain);
/// ```
pub fn detect(text: &str) -> Format {
    let start = strip_bom(text).trim_start();
    for &f in Format::ALL {
        if f.prefix()
            .is_some_and(|p| strip_prefix_ci(start, p).is_some())
        {
            return f;
        }
    }
    match structure(text) {
        // A bare list of Windows names (one per line, or comma-separated) is
        // read the same way by the plain list; only the registry forms need the
        // Windows reader unasked.
        Some(Format::WindowsNames) | None => Format::Plain,
        Some(Format::WindowsOrder) if !text.contains("Functions") => Format::Plain,
        // Code lists the plain list resolves entirely (`c0 2b c0 2f`,
        // `0x01,0x00,0x80`) stay plain; hex streams and dumps are vectors.
        Some(Format::CipherVector) if parse(text).iter().all(|i| i.suite().is_some()) => {
            Format::Plain
        }
        Some(f) => f,
    }
}

/// The format `input`'s structure shows, or `None`.
fn structure(input: &str) -> Option<Format> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let head = text::head(input, HEAD);
    let start = head.trim_start();
    if start.is_empty() {
        return None;
    }
    if start.starts_with('<') {
        if head.contains("<nmaprun") {
            return Some(Format::NmapXml);
        }
        if head.contains("<document") && head.contains("SSLScan")
            || head.contains("<ssltest ")
            || head.contains("<cipher status=")
        {
            return Some(Format::SslscanXml);
        }
        return None;
    }
    if (start.starts_with('[') || start.starts_with('{'))
        && head.contains("\"id\"")
        && head.contains("\"finding\"")
    {
        return Some(Format::TestsslJson);
    }
    if hello::is_transcript(head) {
        return Some(Format::ClientHello);
    }
    if hello::looks_like_hex(head) {
        return Some(vector::classify(head));
    }
    let mut sslscan = false;
    let mut testssl = false;
    let mut config = false;
    for line in head.lines() {
        let line = text::clean(line);
        let t = line.trim();
        if nmap::is_block_start(&line) {
            return Some(Format::NmapText);
        }
        if t.starts_with("Hexcode") && t.contains("Cipher Suite Name") {
            testssl = true;
        } else if matches!(sslscan::cipher_line(t), Some(Ok(_))) {
            sslscan = true;
        } else if config::is_config_line(t) {
            config = true;
        }
    }
    if testssl {
        Some(Format::TestsslText)
    } else if sslscan {
        Some(Format::SslscanText)
    } else if config {
        Some(Format::Config)
    } else if crate::windows::looks_like_get_tls_cipher_suite(head) {
        Some(Format::WindowsFormatList)
    } else if crate::windows::looks_like_cipher_suite_order(head) {
        Some(Format::WindowsOrder)
    } else if crate::windows::looks_like_tls_cipher_suite_names(head) {
        Some(Format::WindowsNames)
    } else {
        None
    }
}
