//! Suite-list input shared by every command: arguments, `-` (standard input)
//! and `@FILE`. Each source's whole text goes to `cipherdex::input::read` in
//! the format `--input-format` names or `cipherdex::input::detect` recognises
//! (prefixes such as `openssl:`, reports, dumps; otherwise a plain list). This
//! module only reads text and reports problems; it knows nothing about suites.

use std::io::{self, IsTerminal, Read, Write};

use cipherdex::input::{self, Format, Item};

use crate::args::SuiteArgs;
use crate::error::Error;

/// Every item of every source, in order.
#[derive(Debug, Default)]
pub struct Input {
    /// The items.
    pub items: Vec<Item>,
}

impl Input {
    /// The number of items that name no known suite.
    pub fn unknown_count(&self) -> usize {
        self.items.iter().filter(|i| i.suite().is_none()).count()
    }
}

/// Reads the suites the arguments name; with no arguments and standard input
/// not a terminal, reads standard input. Notes from format readers go to `err`.
/// Input that holds no item at all is an error.
pub fn read(args: &SuiteArgs, err: &mut dyn Write) -> Result<Input, Error> {
    let mut input = Input::default();
    if args.suites.is_empty() {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            return Err(Error::NoInput);
        }
        read_source(&read_stdin()?, "standard input", args, &mut input, err)?;
        return non_empty(input);
    }
    for (n, arg) in args.suites.iter().enumerate() {
        if arg == "-" {
            read_source(&read_stdin()?, "standard input", args, &mut input, err)?;
        } else if let Some(path) = arg.strip_prefix('@') {
            if path.is_empty() {
                return Err(Error::EmptyFileName);
            }
            let text = std::fs::read(path).map_err(|source| Error::ReadInput {
                what: path.to_string(),
                source,
            })?;
            read_source(&decode(&text), path, args, &mut input, err)?;
        } else {
            read_source(arg, &format!("argument {}", n + 1), args, &mut input, err)?;
        }
    }
    non_empty(input)
}

/// The arguments joined into one text (for `decode`); `-` is standard input, `@FILE` a file.
pub fn join_sources(args: &[String]) -> Result<String, Error> {
    let mut parts = Vec::new();
    for a in args {
        if a == "-" {
            parts.push(read_stdin()?);
        } else if let Some(path) = a.strip_prefix('@') {
            if path.is_empty() {
                return Err(Error::EmptyFileName);
            }
            let bytes = std::fs::read(path).map_err(|source| Error::ReadInput {
                what: path.to_string(),
                source,
            })?;
            parts.push(decode(&bytes));
        } else {
            parts.push(a.clone());
        }
    }
    // Separate arguments (`16 03 01 ...` typed as words) stay on one line so
    // error columns count across them; files and standard input keep their lines.
    let sep = if parts.iter().any(|p| p.contains('\n')) {
        "\n"
    } else {
        " "
    };
    Ok(parts.join(sep))
}

/// The whole text one argument names: standard input for `-`, a file for
/// `@FILE`, else the argument itself.
pub fn source_text(arg: &str) -> Result<String, Error> {
    if arg == "-" {
        return read_stdin();
    }
    if let Some(path) = arg.strip_prefix('@') {
        if path.is_empty() {
            return Err(Error::EmptyFileName);
        }
        let bytes = std::fs::read(path).map_err(|source| Error::ReadInput {
            what: path.to_string(),
            source,
        })?;
        return Ok(decode(&bytes));
    }
    Ok(arg.to_string())
}

fn non_empty(input: Input) -> Result<Input, Error> {
    if input.items.is_empty() {
        Err(Error::EmptyInput)
    } else {
        Ok(input)
    }
}

pub(crate) fn read_stdin() -> Result<String, Error> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|source| Error::ReadInput {
            what: "standard input".to_string(),
            source,
        })?;
    Ok(decode(&bytes))
}

/// Text from a file or standard input: UTF-8, with or without a byte-order
/// mark, or UTF-16 with one (what Windows PowerShell 5.1 writes for
/// `(Get-TlsCipherSuite).Name > suites.txt`). Invalid sequences become U+FFFD,
/// so a damaged file still yields its readable items.
pub(crate) fn decode(bytes: &[u8]) -> String {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn read_source(
    text: &str,
    what: &str,
    args: &SuiteArgs,
    input: &mut Input,
    err: &mut dyn Write,
) -> Result<(), Error> {
    let format = match &args.input_format {
        None => input::detect(text),
        Some(name) => name.parse::<Format>().map_err(Error::InputFormat)?,
    };
    let list = input::read(format, text).map_err(|source| Error::Format {
        what: what.to_string(),
        format,
        source,
    })?;
    for note in &list.notes {
        writeln!(err, "cipherdex: note: {what}: {note}")?;
    }
    input.items.extend(list.items);
    Ok(())
}

/// Writes the standard error line for an unknown item, with close names.
pub fn report_unknown(item: &Item, err: &mut dyn Write) -> io::Result<()> {
    let suggestions = item.suggestions();
    if suggestions.is_empty() {
        writeln!(err, "cipherdex: error: unknown suite {:?}", item.input())
    } else {
        writeln!(
            err,
            "cipherdex: error: unknown suite {:?} (did you mean {}?)",
            item.input(),
            suggestions.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    fn utf16(s: &str, bom: [u8; 2], unit: fn(u16) -> [u8; 2]) -> Vec<u8> {
        let mut v = bom.to_vec();
        v.extend(s.encode_utf16().flat_map(unit));
        v
    }

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        assert_eq!(decode(b"AES128-SHA\r\n"), "AES128-SHA\r\n");
        assert_eq!(decode(b"\xEF\xBB\xBFAES128-SHA"), "AES128-SHA");
        assert_eq!(decode(b"AES\xFF128"), "AES\u{FFFD}128");
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let text = "TLS_AES_256_GCM_SHA384\r\nTLS_AES_128_GCM_SHA256\r\n";
        assert_eq!(decode(&utf16(text, [0xFF, 0xFE], u16::to_le_bytes)), text);
        assert_eq!(decode(&utf16(text, [0xFE, 0xFF], u16::to_be_bytes)), text);
    }
}
