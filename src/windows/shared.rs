//! The piece of the Windows module that the build script compiles too
//! (`build.rs` includes this file with `#[path]`): how a release name is
//! normalised. Only `std` here, never `crate::` paths.

/// Normalises a Windows release name so that its spellings meet:
/// `"Windows Server 2012 R2"`, `"windows:server-2012r2"` and
/// `"server 2012r2"` all become `server-2012r2`; `"Windows 10 version 21H2"`
/// and `"win10-21h2"` become `10-21h2`.
///
/// Lower case; a leading `windows:` dropped; words split on anything but
/// letters, digits and `.`; the words `microsoft`, `windows`, `win`,
/// `version`, `edition` and `enterprise` dropped (also when glued to a
/// number: `win10`, `v1809`); `r2` glued to the word before; words joined
/// with `-`.
pub fn normalize_release(input: &str) -> String {
    let s = input.trim();
    let s = match s.get(..8) {
        Some(p) if p.eq_ignore_ascii_case("windows:") => &s[8..],
        _ => s,
    };
    let mut words: Vec<String> = Vec::new();
    for word in s
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .filter(|w| !w.is_empty())
    {
        let mut w = word.trim_matches('.').to_ascii_lowercase();
        for prefix in ["windows", "win", "v"] {
            if let Some(rest) = w.strip_prefix(prefix) {
                if rest.starts_with(|c: char| c.is_ascii_digit()) {
                    w = rest.to_string();
                    break;
                }
            }
        }
        match w.as_str() {
            "" | "microsoft" | "windows" | "win" | "version" | "edition" | "enterprise" => {}
            "r2" if !words.is_empty() => {
                if let Some(last) = words.last_mut() {
                    last.push_str("r2");
                }
            }
            _ => words.push(w),
        }
    }
    words.join("-")
}
