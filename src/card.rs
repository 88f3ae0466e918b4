//! The card of one suite: everything cipherdex knows about it as text
//! (names in every scheme, parts, flags, rating, policy verdicts, Windows
//! releases), what `cipherdex show` prints.

use std::fmt::{self, Write};

use crate::attrs::{NameKind, Scheme};
use crate::policy::Policy;
use crate::suite::{Alias, Suite};
use crate::windows::{history, ReleaseRange};

/// Width of the label column.
const LABEL: usize = 18;

/// The text card of one suite; its `Display` writes the card, one line per
/// field, ending with a newline.
///
/// ```
/// let s = cipherdex::lookup("ECDHE-RSA-AES128-GCM-SHA256").ok_or("unknown")?;
/// let text = cipherdex::Card::new(s).to_string();
/// assert!(text.starts_with("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256  0xC02F\n"));
/// assert!(text.contains("    OpenSSL          ECDHE-RSA-AES128-GCM-SHA256  (versions"));
/// assert!(text.contains("  Policies (newest versions)\n"));
/// # Ok::<(), &str>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Card {
    suite: &'static Suite,
}

impl Card {
    /// The card of `suite`.
    pub fn new(suite: &'static Suite) -> Card {
        Card { suite }
    }

    /// The suite it shows.
    pub fn suite(&self) -> &'static Suite {
        self.suite
    }
}

impl fmt::Display for Card {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.suite;
        writeln!(f, "{}  {}", s.canonical_name(), s.code_hex())?;
        names(f, s)?;
        label(f, "Protocols")?;
        let protocols = s.protocols();
        if protocols.iter().next().is_none() {
            f.write_str("none\n")?;
        } else {
            writeln!(f, "{protocols}")?;
        }
        field(f, "Key exchange", s.kex().as_str())?;
        field(f, "Authentication", s.auth().as_str())?;
        label(f, "Cipher")?;
        writeln!(f, "{} ({} bits)", s.cipher(), s.cipher_bits())?;
        field(f, "Mode", s.mode().as_str())?;
        field(f, "MAC", s.mac().as_str())?;
        field(f, "PRF", s.prf().as_str())?;
        label(f, "Flags")?;
        flags(f, s)?;
        let recommended = match s.iana_recommended() {
            Some(r) => r.as_str(),
            None => "- (not in the IANA registry)",
        };
        field(f, "IANA Recommended", recommended)?;
        field(f, "Origin", s.origin().as_str())?;
        field(f, "RFC", s.reference().unwrap_or("-"))?;
        if let Some(note) = s.note() {
            field(f, "Note", note)?;
        }
        rating(f, s)?;
        policies(f, s)?;
        windows(f, s)
    }
}

/// The label column of a field line, padded.
fn label(f: &mut fmt::Formatter<'_>, label: &str) -> fmt::Result {
    f.write_str("  ")?;
    f.write_str(label)?;
    pad(f, (LABEL + 1).saturating_sub(label.len()))
}

fn pad(f: &mut fmt::Formatter<'_>, n: usize) -> fmt::Result {
    const SPACES: &str = "                                        ";
    let mut n = n;
    while n > 0 {
        let k = n.min(SPACES.len());
        f.write_str(&SPACES[..k])?;
        n -= k;
    }
    Ok(())
}

fn field(f: &mut fmt::Formatter<'_>, name: &str, value: &str) -> fmt::Result {
    label(f, name)?;
    f.write_str(value)?;
    f.write_char('\n')
}

fn flags(f: &mut fmt::Formatter<'_>, s: &Suite) -> fmt::Result {
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    write!(
        f,
        "AEAD {}, forward secrecy {}, export {}, anonymous {}",
        yes_no(s.is_aead()),
        yes_no(s.has_forward_secrecy()),
        yes_no(s.is_export()),
        yes_no(s.is_anonymous()),
    )?;
    if s.is_null_encryption() {
        f.write_str(", NULL encryption")?;
    }
    if s.is_grease() {
        f.write_str(", GREASE (not a suite)")?;
    } else if s.is_signalling() {
        f.write_str(", signalling value (not a suite)")?;
    }
    f.write_char('\n')
}

/// Every scheme's names, with what kind of name each is.
fn names(f: &mut fmt::Formatter<'_>, s: &Suite) -> fmt::Result {
    f.write_str("  Names\n")?;
    for &scheme in Scheme::ALL {
        let mut first = true;
        for alias in s.names_in(scheme) {
            let label = if first { scheme_label(scheme) } else { "" };
            first = false;
            f.write_str("    ")?;
            f.write_str(label)?;
            pad(f, (LABEL - 1).saturating_sub(label.len()))?;
            f.write_str(alias.name())?;
            remark(f, alias)?;
            f.write_char('\n')?;
        }
        if first {
            let label = scheme_label(scheme);
            f.write_str("    ")?;
            f.write_str(label)?;
            pad(f, (LABEL - 1).saturating_sub(label.len()))?;
            f.write_str("-\n")?;
        }
    }
    Ok(())
}

/// The scheme as people write it.
fn scheme_label(scheme: Scheme) -> &'static str {
    match scheme {
        Scheme::Iana => "IANA",
        Scheme::OpenSsl => "OpenSSL",
        Scheme::GnuTls => "GnuTLS",
        Scheme::Nss => "NSS",
        Scheme::Java => "Java",
        Scheme::Go => "Go",
        Scheme::Windows => "Windows",
        Scheme::MbedTls => "Mbed TLS",
        Scheme::WolfSsl => "wolfSSL",
        Scheme::Wireshark => "Wireshark",
        Scheme::Nmap => "nmap",
        Scheme::Testssl => "testssl.sh",
    }
}

/// What kind of name this is, its curve and versions, as one parenthesis
/// after two spaces (nothing for a plain primary name).
fn remark(f: &mut fmt::Formatter<'_>, a: &Alias) -> fmt::Result {
    let mut sep = "  (";
    let mut part = |f: &mut fmt::Formatter<'_>| -> fmt::Result {
        let s = sep;
        sep = "; ";
        f.write_str(s)
    };
    match a.kind() {
        NameKind::Primary | NameKind::Curve => {}
        kind => {
            part(f)?;
            f.write_str(kind.as_str())?;
        }
    }
    if let Some(curve) = a.curve() {
        part(f)?;
        write!(f, "curve {curve}")?;
    }
    match (a.since(), a.until()) {
        (Some(s), Some(u)) => {
            part(f)?;
            write!(f, "versions {s} to {u}")?;
        }
        (Some(s), None) => {
            part(f)?;
            write!(f, "since {s}")?;
        }
        (None, Some(u)) => {
            part(f)?;
            write!(f, "until {u}")?;
        }
        (None, None) => {}
    }
    if let Some(note) = a.note() {
        part(f)?;
        f.write_str(note)?;
    }
    if sep != "  (" {
        f.write_char(')')?;
    }
    Ok(())
}

/// The rating with one line per reason.
fn rating(f: &mut fmt::Formatter<'_>, s: &Suite) -> fmt::Result {
    let rating = s.rating();
    label(f, "Rating")?;
    match rating.level() {
        Some(level) => writeln!(f, "{level}: {}", level.meaning())?,
        None => f.write_str("not rated\n")?,
    }
    for w in rating.reasons().iter() {
        label(f, "")?;
        writeln!(f, "{} ({}): {}", w.id(), w.severity(), w.explanation())?;
    }
    Ok(())
}

/// The newest version of every policy family with its verdict (nothing for
/// signalling values, which no policy is about).
fn policies(f: &mut fmt::Formatter<'_>, s: &Suite) -> fmt::Result {
    let newest = Policy::newest_versions();
    if s.is_signalling() || newest.is_empty() {
        return Ok(());
    }
    f.write_str("  Policies (newest versions)\n")?;
    let width = newest.iter().map(|p| p.name().len()).max().unwrap_or(0);
    for p in newest {
        let verdict = p.verdict(s);
        f.write_str("    ")?;
        f.write_str(p.name())?;
        pad(f, width - p.name().len())?;
        f.write_str(if verdict.allowed {
            "  yes  "
        } else {
            "  no   "
        })?;
        for (i, reason) in verdict.reasons.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            fmt::Display::fmt(reason, f)?;
        }
        f.write_char('\n')?;
    }
    Ok(())
}

/// The runs of Windows releases that support the suite and enable it by
/// default, clients and servers.
fn windows(f: &mut fmt::Formatter<'_>, s: &'static Suite) -> fmt::Result {
    let h = history(s);
    let ranges = |f: &mut fmt::Formatter<'_>, v: Vec<ReleaseRange>| -> fmt::Result {
        if v.is_empty() {
            return f.write_str("none\n");
        }
        for (i, r) in v.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{r}")?;
        }
        f.write_char('\n')
    };
    f.write_str("  Windows releases\n")?;
    for (server, who) in [(false, "Windows clients"), (true, "Windows servers")] {
        f.write_str("    ")?;
        f.write_str(who)?;
        pad(f, (LABEL - 1).saturating_sub(who.len()))?;
        f.write_str("supported ")?;
        ranges(f, h.supported_ranges(server))?;
        f.write_str("    ")?;
        pad(f, LABEL - 1)?;
        f.write_str("enabled by default ")?;
        ranges(f, h.enabled_ranges(server))?;
    }
    Ok(())
}
