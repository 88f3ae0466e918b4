//! Telling the formats apart from structural markers in the first part of the input.

use super::{config, hex, nmap, sslscan, text, Format};

/// How much of the input detection looks at.
const HEAD: usize = 64 * 1024;

/// The format of `input`, or `None` if it is none of the formats read here.
///
/// Looks only at the first 64 KiB and at structure, not single words: the XML
/// root element and its title, JSON objects with testssl's `"id"` and
/// `"finding"` members, nmap's `| ssl-enum-ciphers:` block, testssl's
/// `Hexcode  Cipher Suite Name` table header, sslscan's
/// `Accepted  TLSv1.2  256 bits` cipher lines, configuration directives,
/// `s_client -msg` block headers, text made only of hex tokens (a
/// ClientHello when the bytes start like a TLS record or handshake message,
/// otherwise a cipher-suite vector), and the Windows listings as
/// [`crate::windows`] recognises them (`CipherSuite :` / `Name :` blocks, a
/// `Functions` registry value or comma-separated Windows names, one Windows
/// name per line).
///
/// ```
/// use cipherdex::scan::{detect, Format};
/// assert_eq!(detect("16 03 01 00 5e 01 00 00 5a 03 03"), Some(Format::ClientHello));
/// assert_eq!(detect("0xC02B,0xC02F"), Some(Format::CipherVector));
/// assert_eq!(detect("    ssl_ciphers HIGH:!aNULL;"), Some(Format::Config));
/// assert_eq!(detect("ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA"), None);
/// ```
pub fn detect(input: &str) -> Option<Format> {
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
    if hex::is_transcript(head) {
        return Some(Format::ClientHello);
    }
    if hex::looks_like_hex(head) {
        return Some(hex::classify(head));
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
