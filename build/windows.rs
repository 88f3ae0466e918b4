//! `data/schannel/`: the manifest (`versions.csv`), one table per Windows
//! release, the product-to-table map (`products.csv`) and the default
//! supported groups, checked against the suite names and emitted as raw tables.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use crate::attrs::ProtocolState;
use crate::attrs::{Curve, Protocol, Protocols};
use crate::check;
use crate::emit::lit;
use crate::read::Table;
use crate::shared::normalize_release;
use crate::suites::Kb;

pub struct Row {
    pub suite: usize,
    pub name: String,
    pub curve: Option<Curve>,
    pub priority: Option<u16>,
    pub enabled: Option<bool>,
    pub strong_crypto: Option<bool>,
    pub protocols: Protocols,
    pub notes: String,
}

pub struct Release {
    pub file: String,
    pub title: String,
    pub client_products: String,
    pub server_products: String,
    pub version_codes: String,
    pub builds: String,
    pub source: String,
    pub page_commit: String,
    pub ms_date: String,
    pub notes: String,
    pub rows: Vec<Row>,
}

pub struct Product {
    pub product: String,
    pub server: bool,
    pub version_code: String,
    pub build: String,
    pub table: usize,
    pub basis: String,
    /// Has the `TLS` PowerShell module (`Get-TlsCipherSuite`).
    pub tls_module: bool,
}

pub struct Group {
    pub applies_to: String,
    pub priority: Option<u16>,
    pub name: String,
    pub enabled: bool,
    pub notes: String,
}

pub struct Releases {
    pub tables: Vec<Release>,
    pub products: Vec<Product>,
    pub groups: Vec<Group>,
    /// One per product, in release order: (profile name, product index).
    pub profiles: Vec<(String, usize)>,
    /// Normalised alias -> index into `profiles`, sorted by alias.
    pub aliases: Vec<(String, usize)>,
    pub protocols: Vec<ProtocolRow>,
}

/// One `protocols.csv` row applied to one table.
pub struct ProtocolRow {
    pub table: usize,
    pub protocol: Protocol,
    pub client: ProtocolState,
    pub server: ProtocolState,
    pub os: String,
    pub notes: String,
}

const VERSION_COLS: &[&str] = &[
    "file",
    "page_title",
    "client_products",
    "server_products",
    "version_codes",
    "builds",
    "source_path",
    "repo",
    "repo_commit",
    "page_last_commit",
    "ms_date",
    "notes",
];
const TABLE_COLS: &[&str] = &[
    "priority",
    "name",
    "enabled_by_default",
    "strong_crypto",
    "protocols",
    "notes",
];
const PRODUCT_COLS: &[&str] = &[
    "product",
    "kind",
    "version_code",
    "build",
    "file",
    "mapping_basis",
    "tls_module",
];
const PROFILE_COLS: &[&str] = &["product", "profile", "aliases"];
const PROTOCOL_COLS: &[&str] = &["os", "tables", "protocol", "client", "server", "notes"];
const GROUP_COLS: &[&str] = &[
    "source_page",
    "applies_to",
    "priority",
    "name",
    "enabled_by_default",
    "fips_mode",
    "protocols",
    "notes",
];

fn tri(v: &str) -> Result<Option<bool>, String> {
    match v {
        "yes" => Ok(Some(true)),
        "no" => Ok(Some(false)),
        "unknown" | "" => Ok(None),
        v => Err(format!("expected yes, no or unknown, found {v:?}")),
    }
}

pub fn load(data: &Path, kb: &Kb) -> Result<Releases, Vec<String>> {
    let dir = data.join("schannel");
    let mut errors = Vec::new();
    let versions = Table::load(&dir, "versions.csv", VERSION_COLS).map_err(fix_paths)?;

    // Windows names -> (suite, curve).
    let names = check::windows_names(kb);

    let mut tables = Vec::new();
    let mut listed = BTreeSet::new();
    for v in versions.rows() {
        let file = v.get("file").to_string();
        listed.insert(file.clone());
        let t = match Table::load(&dir, &file, TABLE_COLS) {
            Ok(t) => t,
            Err(e) => {
                errors.extend(
                    fix_paths(e)
                        .into_iter()
                        .map(|e| format!("{e} (listed at {})", fix_path(&v.at()))),
                );
                continue;
            }
        };
        let mut rows = Vec::new();
        let mut last_priority = 0;
        for r in t.rows() {
            let at = fix_path(&r.at());
            let name = r.get("name");
            let Some(&(suite, curve)) = names.get(name) else {
                errors.push(format!("{at}: SChannel name {name:?} resolves to no suite (add it to data/names.csv, scheme windows)"));
                continue;
            };
            let priority = match r.get("priority") {
                "" => None,
                p => match p.parse::<u16>() {
                    Ok(p) => Some(p),
                    Err(_) => {
                        errors.push(format!("{at}: priority {p:?} is not a number"));
                        None
                    }
                },
            };
            if let Some(p) = priority {
                if p != last_priority + 1 {
                    errors.push(format!("{at}: priority {p} follows {last_priority}"));
                }
                last_priority = p;
            }
            let enabled = tri(r.get("enabled_by_default")).unwrap_or_else(|e| {
                errors.push(format!("{at}: enabled_by_default: {e}"));
                None
            });
            if priority.is_some() && enabled != Some(true) {
                errors.push(format!(
                    "{at}: has a priority but is not enabled by default"
                ));
            }
            let strong_crypto = tri(r.get("strong_crypto")).unwrap_or_else(|e| {
                errors.push(format!("{at}: strong_crypto: {e}"));
                None
            });
            let mut protocols = Protocols::EMPTY;
            for p in r
                .get("protocols")
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                match p.parse::<Protocol>() {
                    Ok(p) => protocols = protocols.with(p),
                    Err(e) => errors.push(format!("{at}: protocols: {e}")),
                }
            }
            rows.push(Row {
                suite,
                name: name.to_string(),
                curve,
                priority,
                enabled,
                strong_crypto,
                protocols,
                notes: r.get("notes").to_string(),
            });
        }
        tables.push(Release {
            file: file.trim_end_matches(".csv").to_string(),
            title: v.get("page_title").to_string(),
            client_products: v.get("client_products").to_string(),
            server_products: v.get("server_products").to_string(),
            version_codes: v.get("version_codes").to_string(),
            builds: v.get("builds").to_string(),
            source: format!("{} {}", v.get("repo"), v.get("source_path")),
            page_commit: v.get("page_last_commit").to_string(),
            ms_date: v.get("ms_date").to_string(),
            notes: v.get("notes").to_string(),
            rows,
        });
    }
    // Every table file is in the manifest.
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut files: Vec<String> = entries
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|f| f.starts_with("windows-") && f.ends_with(".csv"))
            .collect();
        files.sort();
        for f in files {
            if !listed.contains(&f) {
                errors.push(format!(
                    "data/schannel/{f}: not listed in data/schannel/versions.csv"
                ));
            }
        }
    }

    let mut products = Vec::new();
    match Table::load(&dir, "products.csv", PRODUCT_COLS).map_err(fix_paths) {
        Ok(t) => {
            for r in t.rows() {
                let at = fix_path(&r.at());
                let file = r.get("file").trim_end_matches(".csv");
                let Some(table) = tables.iter().position(|t| t.file == file) else {
                    errors.push(format!("{at}: table {file:?} is not in versions.csv"));
                    continue;
                };
                let server = match r.get("kind") {
                    "server" => true,
                    "client" => false,
                    k => {
                        errors.push(format!("{at}: kind {k:?} is neither client nor server"));
                        continue;
                    }
                };
                let tls_module = match r.get("tls_module") {
                    "yes" => true,
                    "no" => false,
                    v => {
                        errors.push(format!("{at}: tls_module {v:?} is neither yes nor no"));
                        continue;
                    }
                };
                products.push(Product {
                    product: r.get("product").to_string(),
                    server,
                    version_code: r.get("version_code").to_string(),
                    build: r.get("build").to_string(),
                    table,
                    basis: r.get("mapping_basis").to_string(),
                    tls_module,
                });
            }
        }
        Err(e) => errors.extend(e),
    }

    let mut groups = Vec::new();
    match Table::load(&dir, "supported-groups.csv", GROUP_COLS).map_err(fix_paths) {
        Ok(t) => {
            for r in t.rows() {
                let at = fix_path(&r.at());
                groups.push(Group {
                    applies_to: r.get("applies_to").to_string(),
                    priority: r.get("priority").parse().ok(),
                    name: r.get("name").to_string(),
                    enabled: match tri(r.get("enabled_by_default")) {
                        Ok(v) => v == Some(true),
                        Err(e) => {
                            errors.push(format!("{at}: {e}"));
                            false
                        }
                    },
                    notes: r.get("notes").to_string(),
                });
            }
        }
        Err(e) => errors.extend(e),
    }

    let (profiles, aliases) = load_profiles(&dir, &tables, &products, &mut errors);
    let protocols = load_protocols(&dir, &tables, &mut errors);

    if errors.is_empty() {
        Ok(Releases {
            tables,
            products,
            groups,
            profiles,
            aliases,
            protocols,
        })
    } else {
        Err(errors)
    }
}

/// Release order: NT version, then build number (Windows 10 and later are NT
/// 10.0); products sharing a build keep their `products.csv` order.
fn release_key(p: &Product) -> Option<(u32, u32, u32)> {
    if let Ok(build) = p.build.parse::<u32>() {
        return Some((10, 0, build));
    }
    let nt = p.version_code.strip_prefix("NT ")?;
    let (major, minor) = nt.split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?, 0))
}

#[allow(clippy::type_complexity)]
fn load_profiles(
    dir: &Path,
    tables: &[Release],
    products: &[Product],
    errors: &mut Vec<String>,
) -> (Vec<(String, usize)>, Vec<(String, usize)>) {
    let t = match Table::load(dir, "profiles.csv", PROFILE_COLS).map_err(fix_paths) {
        Ok(t) => t,
        Err(e) => {
            errors.extend(e);
            return (Vec::new(), Vec::new());
        }
    };
    // (key, product, profile name, aliases)
    let mut found: Vec<((u32, u32, u32), usize, String, Vec<String>)> = Vec::new();
    for r in t.rows() {
        let at = fix_path(&r.at());
        let product = r.get("product");
        let Some(pi) = products.iter().position(|p| p.product == product) else {
            errors.push(format!(
                "{at}: product {product:?} is not in data/schannel/products.csv"
            ));
            continue;
        };
        if found.iter().any(|f| f.1 == pi) {
            errors.push(format!("{at}: product {product:?} has a second profile"));
            continue;
        }
        let name = r.get("profile").to_string();
        if normalize_release(&name) != name {
            errors.push(format!(
                "{at}: profile name {name:?} is not in normal form (would be {:?})",
                normalize_release(&name)
            ));
        }
        let Some(key) = release_key(&products[pi]) else {
            errors.push(format!(
                "{at}: product {product:?} has neither a build number nor an NT version"
            ));
            continue;
        };
        let mut aliases = vec![name.clone(), normalize_release(product)];
        for a in r
            .get("aliases")
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            aliases.push(normalize_release(a));
        }
        found.push((key, pi, name, aliases));
    }
    for (pi, p) in products.iter().enumerate() {
        if !found.iter().any(|f| f.1 == pi) {
            errors.push(format!(
                "data/schannel/profiles.csv: product {:?} (products.csv) has no profile",
                p.product
            ));
        }
    }
    found.sort_by_key(|f| f.0);
    let profiles: Vec<(String, usize)> = found.iter().map(|f| (f.2.clone(), f.1)).collect();
    let mut aliases: Vec<(String, usize)> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        for a in &f.3 {
            match aliases.iter().find(|(n, _)| n == a) {
                Some((_, j)) if *j != i => errors.push(format!(
                    "data/schannel/profiles.csv: alias {a:?} names both {} and {}",
                    profiles[*j].0, profiles[i].0
                )),
                Some(_) => {}
                None => aliases.push((a.clone(), i)),
            }
        }
    }
    // Every table file resolves, by its normalised name, to a profile using it.
    for (ti, t) in tables.iter().enumerate() {
        let n = normalize_release(&t.file);
        match aliases.iter().find(|(a, _)| *a == n) {
            Some((_, i)) if products[profiles[*i].1].table == ti => {}
            Some((_, i)) => errors.push(format!(
                "data/schannel/profiles.csv: table name {n:?} resolves to {}, which uses another table",
                profiles[*i].0
            )),
            None => errors.push(format!(
                "data/schannel/profiles.csv: table {} ({n:?}) is no profile name or alias",
                t.file
            )),
        }
    }
    aliases.sort();
    (profiles, aliases)
}

fn load_protocols(dir: &Path, tables: &[Release], errors: &mut Vec<String>) -> Vec<ProtocolRow> {
    let t = match Table::load(dir, "protocols.csv", PROTOCOL_COLS).map_err(fix_paths) {
        Ok(t) => t,
        Err(e) => {
            errors.extend(e);
            return Vec::new();
        }
    };
    let mut out: Vec<ProtocolRow> = Vec::new();
    for r in t.rows() {
        let at = fix_path(&r.at());
        let protocol = match r.get("protocol").parse::<Protocol>() {
            Ok(p) => p,
            Err(e) => {
                errors.push(format!("{at}: {e}"));
                continue;
            }
        };
        let mut state = |col: &str| {
            ProtocolState::from_data(r.get(col)).unwrap_or_else(|| {
                errors.push(format!(
                    "{at}: {col} {:?} is none of enabled, disabled, unsupported, removed, unknown",
                    r.get(col)
                ));
                ProtocolState::Unknown
            })
        };
        let (client, server) = (state("client"), state("server"));
        for file in r.get("tables").split(';').map(str::trim) {
            let Some(table) = tables.iter().position(|t| t.file == file) else {
                errors.push(format!("{at}: table {file:?} is not in versions.csv"));
                continue;
            };
            if out
                .iter()
                .any(|p| p.table == table && p.protocol == protocol)
            {
                errors.push(format!("{at}: {file} has a second {protocol} row"));
                continue;
            }
            out.push(ProtocolRow {
                table,
                protocol,
                client,
                server,
                os: r.get("os").to_string(),
                notes: r.get("notes").to_string(),
            });
        }
    }
    let expected = [
        Protocol::Ssl2,
        Protocol::Ssl3,
        Protocol::Tls10,
        Protocol::Tls11,
        Protocol::Tls12,
        Protocol::Tls13,
    ];
    for (ti, t) in tables.iter().enumerate() {
        for p in expected {
            if !out.iter().any(|r| r.table == ti && r.protocol == p) {
                errors.push(format!(
                    "data/schannel/protocols.csv: no {p} row for table {}",
                    t.file
                ));
            }
        }
    }
    out.sort_by_key(|r| (r.table, r.protocol));
    out
}

fn fix_path(s: &str) -> String {
    s.replacen("data/", "data/schannel/", 1)
}

fn fix_paths(v: Vec<String>) -> Vec<String> {
    v.iter().map(|s| fix_path(s)).collect()
}

pub fn emit(_kb: &Kb, r: &Releases) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "/// Every SChannel table, in `data/schannel/versions.csv` order (newest first)."
    );
    let _ = writeln!(
        o,
        "pub(crate) static WINDOWS_TABLES: [RawTable; {}] = [",
        r.tables.len()
    );
    for t in &r.tables {
        let _ = writeln!(o, "    RawTable {{");
        for (k, v) in [
            ("file", &t.file),
            ("title", &t.title),
            ("client_products", &t.client_products),
            ("server_products", &t.server_products),
            ("version_codes", &t.version_codes),
            ("builds", &t.builds),
            ("source", &t.source),
            ("page_commit", &t.page_commit),
            ("ms_date", &t.ms_date),
            ("notes", &t.notes),
        ] {
            let _ = writeln!(o, "        {k}: {},", lit(v));
        }
        let _ = writeln!(o, "        rows: &[");
        for row in &t.rows {
            let _ = writeln!(
                o,
                "            RawRow {{ suite: {}, name: {}, curve: {}, priority: {}, enabled: {:?}, strong_crypto: {:?}, protocols: Protocols::from_bits(0b{:b}), notes: {} }},",
                row.suite,
                lit(&row.name),
                row.curve.map_or("None".to_string(), |c| format!("Some(Curve::{c:?})")),
                row.priority.map_or("None".to_string(), |p| format!("Some({p})")),
                row.enabled,
                row.strong_crypto,
                row.protocols.bits(),
                lit(&row.notes)
            );
        }
        let _ = writeln!(o, "        ],");
        let _ = writeln!(o, "    }},");
    }
    let _ = writeln!(o, "];\n");
    let _ = writeln!(
        o,
        "/// Windows products and the table that describes each (`data/schannel/products.csv`)."
    );
    let _ = writeln!(
        o,
        "pub(crate) static WINDOWS_PRODUCTS: [RawProduct; {}] = [",
        r.products.len()
    );
    for p in &r.products {
        let _ = writeln!(
            o,
            "    RawProduct {{ product: {}, server: {}, version_code: {}, build: {}, table: {}, basis: {}, tls_module: {} }},",
            lit(&p.product),
            p.server,
            lit(&p.version_code),
            lit(&p.build),
            p.table,
            lit(&p.basis),
            p.tls_module
        );
    }
    let _ = writeln!(o, "];\n");
    let _ = writeln!(
        o,
        "/// Default TLS supported groups (`data/schannel/supported-groups.csv`)."
    );
    let _ = writeln!(
        o,
        "pub(crate) static WINDOWS_GROUPS: [RawGroup; {}] = [",
        r.groups.len()
    );
    for g in &r.groups {
        let _ = writeln!(
            o,
            "    RawGroup {{ applies_to: {}, priority: {}, name: {}, enabled: {}, notes: {} }},",
            lit(&g.applies_to),
            g.priority
                .map_or("None".to_string(), |p| format!("Some({p})")),
            lit(&g.name),
            g.enabled,
            lit(&g.notes)
        );
    }
    let _ = writeln!(o, "];\n");
    let _ = writeln!(
        o,
        "/// Release profiles in release order: name and index into `WINDOWS_PRODUCTS` (`data/schannel/profiles.csv`)."
    );
    let _ = writeln!(
        o,
        "pub(crate) static WINDOWS_PROFILES: [(&str, usize); {}] = [",
        r.profiles.len()
    );
    for (name, product) in &r.profiles {
        let _ = writeln!(o, "    ({}, {product}),", lit(name));
    }
    let _ = writeln!(o, "];\n");
    let _ = writeln!(
        o,
        "/// Normalised release names and aliases, sorted, with their index into `WINDOWS_PROFILES`."
    );
    let _ = writeln!(
        o,
        "pub(crate) static WINDOWS_ALIASES: [(&str, usize); {}] = [",
        r.aliases.len()
    );
    for (name, profile) in &r.aliases {
        let _ = writeln!(o, "    ({}, {profile}),", lit(name));
    }
    let _ = writeln!(o, "];\n");
    let _ = writeln!(
        o,
        "/// Default protocol states per table, sorted by table (`data/schannel/protocols.csv`)."
    );
    let _ = writeln!(
        o,
        "pub(crate) static WINDOWS_PROTOCOLS: [RawProtocol; {}] = [",
        r.protocols.len()
    );
    for p in &r.protocols {
        let _ = writeln!(
            o,
            "    RawProtocol {{ table: {}, protocol: Protocol::{:?}, client: ProtocolState::{:?}, server: ProtocolState::{:?}, os: {}, notes: {} }},",
            p.table,
            p.protocol,
            p.client,
            p.server,
            lit(&p.os),
            lit(&p.notes)
        );
    }
    let _ = writeln!(o, "];");
    o
}
