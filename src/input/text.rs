//! Small helpers for line-oriented text formats.

use std::borrow::Cow;

/// The first `max` bytes of `text`, cut at a character boundary.
pub(crate) fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `line` without ANSI colour sequences (`ESC [ ... m`) and without a trailing `\r`.
pub(crate) fn clean(line: &str) -> Cow<'_, str> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    if !line.contains('\x1b') {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                // Parameters and intermediates, then one final byte in @..~.
                for f in chars.by_ref() {
                    if ('@'..='~').contains(&f) {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// 1-based line numbers with cleaned lines.
pub(crate) fn numbered(text: &str) -> impl Iterator<Item = (u32, Cow<'_, str>)> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| ((i + 1) as u32, clean(l)))
}

/// The number of the last line of `text` (1-based).
pub(crate) fn last_line(text: &str) -> u32 {
    let n = text.bytes().filter(|&b| b == b'\n').count() as u32;
    if text.ends_with('\n') {
        n.max(1)
    } else {
        n + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_colours() {
        assert_eq!(
            clean("\x1b[32mAccepted\x1b[0m  TLSv1.2\r"),
            "Accepted  TLSv1.2"
        );
        assert_eq!(head("aé", 2), "a");
        assert_eq!(last_line("a\nb\n"), 2);
        assert_eq!(last_line("a\nb"), 2);
    }
}
