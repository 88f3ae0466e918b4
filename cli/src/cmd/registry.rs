//! What `group` and `sigalg` share: one card per entry, the whole registry
//! as a table, `--to`, and JSON (the library's serialization).

use cipherdex::{Alias, Group, Protocol, Protocols, Registry, Scheme, SignatureScheme};
use serde::Serialize;

use crate::args::NameTarget;
use crate::cmd::Status;
use crate::ctx::Ctx;
use crate::error::Error;
use crate::table;

/// What the commands need of an entry; the facts come from the library.
pub trait Entry: Serialize + Sized + 'static {
    /// The registry the entries come from.
    const REGISTRY: Registry;
    /// Column headers of the registry table after `code` and `name`.
    const COLUMNS: &'static [&'static str];
    fn all() -> &'static [Self];
    fn lookup(input: &str) -> Option<&'static Self>;
    /// Why `input` names nothing, with close names.
    fn unknown(input: &str) -> String;
    fn code_hex(&self) -> String;
    fn canonical(&self) -> &'static str;
    fn name_in(&self, scheme: Scheme) -> Option<&'static str>;
    fn aliases(&self) -> &'static [Alias];
    /// The card's lines before the names: (label, value).
    fn facts(&self) -> Vec<(&'static str, String)>;
    /// The table's cells after `code` and `name`.
    fn cells(&self) -> Vec<String>;
}

/// `TLS1.0-1.3`, `TLS1.3`, `-`: the TLS versions of a set, as a range.
pub fn versions(p: Protocols) -> String {
    let short = |v: Protocol| v.as_str().trim_start_matches("TLS").to_string();
    match (p.min_tls(), p.max_tls()) {
        (Some(lo), Some(hi)) if lo == hi => lo.to_string(),
        (Some(lo), Some(hi)) => format!("{lo}-{}", short(hi)),
        _ => "-".to_string(),
    }
}

/// `-` for nothing.
pub fn or_dash<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// One JSON line of `--to`.
#[derive(Serialize)]
struct ToJson<'a> {
    input: &'a str,
    to: &'static str,
    name: Option<String>,
}

/// Runs `group` or `sigalg`.
pub fn run<T: Entry>(
    names: &[String],
    to: Option<NameTarget>,
    ctx: &mut Ctx,
) -> Result<Status, Error> {
    let words: Vec<&str> = names.iter().flat_map(|n| Registry::split(n)).collect();
    let mut negative = !names.is_empty() && words.is_empty();
    if negative {
        writeln!(
            ctx.err,
            "cipherdex: no {} name in the arguments",
            T::REGISTRY.entry()
        )?;
    }
    let items: Vec<(&str, Option<&'static T>)> = words.iter().map(|w| (*w, T::lookup(w))).collect();
    for (w, e) in &items {
        if e.is_none() {
            writeln!(ctx.err, "cipherdex: {}", T::unknown(w))?;
            negative = true;
        }
    }
    if let Some(target) = to {
        let pairs: Vec<(String, Option<&'static T>)> = if names.is_empty() {
            T::all()
                .iter()
                .map(|e| (e.canonical().to_string(), Some(e)))
                .collect()
        } else {
            items.iter().map(|(w, e)| ((*w).to_string(), *e)).collect()
        };
        let mut lines = Vec::new();
        for (input, e) in &pairs {
            let name = e.and_then(|e| match target {
                NameTarget::Hex => Some(e.code_hex()),
                NameTarget::Scheme(s) => e.name_in(s).map(str::to_string),
            });
            if let (Some(e), None) = (e, &name) {
                writeln!(
                    ctx.err,
                    "cipherdex: note: {} ({}) has no {} name",
                    e.canonical(),
                    e.code_hex(),
                    target.as_str()
                )?;
                negative = true;
            }
            lines.push(ToJson {
                input,
                to: target.as_str(),
                name,
            });
        }
        if ctx.json {
            table::write_json(ctx.out, &lines)?;
        } else {
            for l in &lines {
                writeln!(ctx.out, "{}", l.name.as_deref().unwrap_or("-"))?;
            }
        }
        return Ok(Status::negative_if(negative));
    }
    let found: Vec<&'static T> = if names.is_empty() {
        T::all().iter().collect()
    } else {
        items.iter().filter_map(|(_, e)| *e).collect()
    };
    if ctx.json {
        table::write_json(ctx.out, &found)?;
    } else if names.is_empty() {
        let mut rows = vec![["code", "name"]
            .iter()
            .chain(T::COLUMNS)
            .map(|s| (*s).to_string())
            .collect::<Vec<_>>()];
        for e in &found {
            let mut row = vec![e.code_hex(), e.canonical().to_string()];
            row.extend(e.cells());
            rows.push(row);
        }
        table::write_aligned(ctx.out, &rows)?;
    } else {
        for (i, e) in found.iter().enumerate() {
            if i > 0 {
                writeln!(ctx.out)?;
            }
            card(*e, ctx)?;
        }
    }
    Ok(Status::negative_if(negative))
}

/// One entry: its facts, then its names scheme by scheme.
fn card<T: Entry>(e: &T, ctx: &mut Ctx) -> Result<(), Error> {
    writeln!(ctx.out, "{}  {}", e.canonical(), e.code_hex())?;
    let mut rows: Vec<Vec<String>> = e
        .facts()
        .into_iter()
        .map(|(k, v)| vec![format!("  {k}"), v])
        .collect();
    for scheme in T::REGISTRY.schemes() {
        let names: Vec<String> = e
            .aliases()
            .iter()
            .filter(|a| a.scheme() == *scheme)
            .map(|a| match a.since() {
                Some(since) => format!("{} (since {since})", a.name()),
                None => a.name().to_string(),
            })
            .collect();
        if !names.is_empty() {
            rows.push(vec![format!("  {scheme}"), names.join(", ")]);
        }
    }
    table::write_aligned(ctx.out, &rows)?;
    Ok(())
}

impl Entry for Group {
    const REGISTRY: Registry = Registry::Groups;
    const COLUMNS: &'static [&'static str] = &["kind", "bits", "versions", "rec", "openssl"];
    fn all() -> &'static [Self] {
        Group::all()
    }
    fn lookup(input: &str) -> Option<&'static Self> {
        Group::lookup(input)
    }
    fn unknown(input: &str) -> String {
        input
            .parse::<&Group>()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    }
    fn code_hex(&self) -> String {
        Group::code_hex(self).to_string()
    }
    fn canonical(&self) -> &'static str {
        self.iana_name()
    }
    fn name_in(&self, scheme: Scheme) -> Option<&'static str> {
        self.name(scheme)
    }
    fn aliases(&self) -> &'static [Alias] {
        Group::aliases(self)
    }
    fn facts(&self) -> Vec<(&'static str, String)> {
        let mut f = vec![
            ("kind", self.kind().to_string()),
            ("bits", or_dash(self.bits())),
            ("versions", self.protocols().to_string()),
            ("recommended", or_dash(self.iana_recommended())),
            ("reference", or_dash(self.reference())),
        ];
        if let Some(n) = self.note() {
            f.push(("note", n.to_string()));
        }
        f
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.kind().to_string(),
            or_dash(self.bits()),
            versions(self.protocols()),
            or_dash(self.iana_recommended()),
            or_dash(self.name(Scheme::OpenSsl)),
        ]
    }
}

impl Entry for SignatureScheme {
    const REGISTRY: Registry = Registry::Sigalgs;
    const COLUMNS: &'static [&'static str] =
        &["algorithm", "hash", "bits", "versions", "rec", "openssl"];
    fn all() -> &'static [Self] {
        SignatureScheme::all()
    }
    fn lookup(input: &str) -> Option<&'static Self> {
        SignatureScheme::lookup(input)
    }
    fn unknown(input: &str) -> String {
        input
            .parse::<&SignatureScheme>()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    }
    fn code_hex(&self) -> String {
        SignatureScheme::code_hex(self).to_string()
    }
    fn canonical(&self) -> &'static str {
        self.iana_name()
    }
    fn name_in(&self, scheme: Scheme) -> Option<&'static str> {
        self.name(scheme)
    }
    fn aliases(&self) -> &'static [Alias] {
        SignatureScheme::aliases(self)
    }
    fn facts(&self) -> Vec<(&'static str, String)> {
        let mut f = vec![
            ("algorithm", self.algorithm().to_string()),
            ("hash", or_dash(self.hash())),
        ];
        if let Some(c) = self.curve() {
            f.push(("curve", c.iana_name().to_string()));
        }
        f.extend([
            ("bits", or_dash(self.bits())),
            ("versions", self.protocols().to_string()),
            ("origin", self.origin().to_string()),
            ("recommended", or_dash(self.iana_recommended())),
            ("reference", or_dash(self.reference())),
        ]);
        if let Some(n) = self.note() {
            f.push(("note", n.to_string()));
        }
        f
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.algorithm().to_string(),
            or_dash(self.hash()),
            or_dash(self.bits()),
            versions(self.protocols()),
            or_dash(self.iana_recommended()),
            or_dash(self.name(Scheme::OpenSsl)),
        ]
    }
}
