//! `data/alerts.csv` and `data/errors.csv`: the TLS alerts and the error
//! messages of each stack, checked (stacks, causes, codes, patterns) and
//! emitted as the tables `cipherdex::explain` searches.
//!
//! Besides the patterns written in the data, each alert gets the spellings
//! the stacks derive from it (OpenSSL's reason text and its `0A000xxx` code,
//! Python's and Node's upper-case forms, Java's, Go's, .NET's, GnuTLS's and
//! SChannel's sentences), and each coded message gets the forms of its code
//! (an SSPI status in hex and in signed and unsigned decimal, an OpenSSL 3
//! error code, `curl: (N)`). The pattern index is emitted as data: the
//! patterns sorted by their lower-case text, and for each first byte that
//! starts a pattern, the range of patterns for each second byte.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::cause::Cause;
use crate::emit::lit;
use crate::read::{Row, Table};
use crate::stack::Stack;

pub struct Alert {
    code: u8,
    name: String,
    openssl: String,
    gnutls: String,
    go: String,
    dotnet: String,
    meaning: String,
    causes: Vec<Cause>,
}

enum Code {
    Hresult(u32),
    Event(u32),
    Curl(u32),
    Openssl(u32),
}

pub struct Message {
    stack: Stack,
    versions: String,
    patterns: Vec<String>,
    code: Option<Code>,
    alert: Option<u8>,
    meaning: String,
    causes: Vec<Cause>,
    source: String,
}

pub struct Knowledge {
    alerts: Vec<Alert>,
    messages: Vec<Message>,
    /// Lower-case pattern text -> (stack, target), target = alert index or
    /// `alerts.len() + message index`.
    patterns: BTreeMap<Vec<u8>, (Stack, usize, String)>,
}

fn causes(row: &Row<'_>, errors: &mut Vec<String>) -> Vec<Cause> {
    let mut out = Vec::new();
    for id in row.get("causes").split_whitespace() {
        match id.parse::<Cause>() {
            Ok(c) if out.contains(&c) => {
                errors.push(format!(
                    "{}: column causes: {id:?} is listed twice",
                    row.at()
                ));
            }
            Ok(c) => out.push(c),
            Err(e) => errors.push(format!("{}: column causes: {e}", row.at())),
        }
    }
    if out.is_empty() {
        errors.push(format!(
            "{}: column causes: empty (give at least one cause id, most likely first)",
            row.at()
        ));
    }
    out
}

fn code(s: &str) -> Result<Option<Code>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    let (kind, value) = s.split_once(':').ok_or_else(|| {
        format!(
            "{s:?} is not KIND:VALUE (hresult:0x80090331, event:36888, curl:35, openssl:0A0000C1)"
        )
    })?;
    let hex = |v: &str| {
        v.strip_prefix("0x")
            .filter(|h| {
                h.len() == 8
                    && h.bytes()
                        .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
            })
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    match kind {
        "hresult" => hex(value)
            .filter(|v| v >> 31 == 1)
            .map(|v| Some(Code::Hresult(v)))
            .ok_or_else(|| format!("hresult {value:?} is not 0x followed by 8 upper-case hex digits of an error (0x8...)")),
        "event" => value
            .parse()
            .ok()
            .filter(|v| (36864..=36900).contains(v))
            .map(|v| Some(Code::Event(v)))
            .ok_or_else(|| format!("event {value:?} is not an SChannel event id (36864-36900)")),
        "curl" => value
            .parse()
            .ok()
            .filter(|v| (1..=100).contains(v))
            .map(|v| Some(Code::Curl(v)))
            .ok_or_else(|| format!("curl exit code {value:?} is not 1-100")),
        "openssl" => hex(&format!("0x{value}"))
            .filter(|v| v >> 23 == 20)
            .map(|v| Some(Code::Openssl(v)))
            .ok_or_else(|| format!("openssl code {value:?} is not an OpenSSL 3 SSL-library code (0A followed by 6 upper-case hex digits)")),
        _ => Err(format!("unknown code kind {kind:?} (expected hresult, event, curl or openssl)")),
    }
}

/// `no shared cipher` -> `NO_SHARED_CIPHER` (Python's `[SSL: ...]` and Node's `ERR_SSL_...`).
fn upper(reason: &str) -> String {
    reason.to_ascii_uppercase().replace([' ', '-'], "_")
}

pub fn load(data: &Path) -> Result<Knowledge, Vec<String>> {
    let mut errors = Vec::new();
    let alerts_t = Table::load(
        data,
        "alerts.csv",
        &[
            "code", "name", "openssl", "gnutls", "go", "dotnet", "meaning", "causes",
        ],
    );
    let errors_t = Table::load(
        data,
        "errors.csv",
        &[
            "stack", "versions", "patterns", "code", "alert", "meaning", "causes", "source",
        ],
    );
    let (alerts_t, errors_t) = match (alerts_t, errors_t) {
        (Ok(a), Ok(e)) => (a, e),
        (a, e) => {
            errors.extend(a.err().unwrap_or_default());
            errors.extend(e.err().unwrap_or_default());
            return Err(errors);
        }
    };
    let mut alerts: Vec<Alert> = Vec::new();
    for row in alerts_t.rows() {
        let Some(code) = row.parse::<u8>("code", &mut errors) else {
            continue;
        };
        if alerts.last().is_some_and(|a| a.code >= code) {
            errors.push(format!(
                "{}: alert {code} is out of order or repeated (sort by code)",
                row.at()
            ));
        }
        let name = row.get("name");
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            errors.push(format!(
                "{}: column name: {name:?} is not an IANA alert name (lower_case_with_underscores)",
                row.at()
            ));
        }
        if row.get("meaning").is_empty() {
            errors.push(format!("{}: column meaning is empty", row.at()));
        }
        alerts.push(Alert {
            code,
            name: name.to_string(),
            openssl: row.get("openssl").to_string(),
            gnutls: row.get("gnutls").to_string(),
            go: row.get("go").to_string(),
            dotnet: row.get("dotnet").to_string(),
            meaning: row.get("meaning").to_string(),
            causes: causes(&row, &mut errors),
        });
    }
    let mut messages = Vec::new();
    let mut at = Vec::new();
    for row in errors_t.rows() {
        let stack = row.parse::<Stack>("stack", &mut errors);
        let code = code(row.get("code")).unwrap_or_else(|e| {
            errors.push(format!("{}: column code: {e}", row.at()));
            None
        });
        let alert = match row.get("alert") {
            "" => None,
            a => match a.parse::<u8>() {
                Ok(n) if alerts.iter().any(|x| x.code == n) => Some(n),
                _ => {
                    errors.push(format!(
                        "{}: column alert: {a:?} is not a code in data/alerts.csv",
                        row.at()
                    ));
                    None
                }
            },
        };
        let patterns: Vec<String> = row
            .get("patterns")
            .split('|')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        if patterns.is_empty() {
            errors.push(format!(
                "{}: column patterns is empty (give the message text to look for)",
                row.at()
            ));
        }
        for key in ["versions", "meaning", "source"] {
            if row.get(key).is_empty() {
                errors.push(format!("{}: column {key} is empty", row.at()));
            }
        }
        let causes = causes(&row, &mut errors);
        if let Some(stack) = stack {
            at.push(row.at());
            messages.push(Message {
                stack,
                versions: row.get("versions").to_string(),
                patterns,
                code,
                alert,
                meaning: row.get("meaning").to_string(),
                causes,
                source: row.get("source").to_string(),
            });
        }
    }
    let mut k = Knowledge {
        alerts,
        messages,
        patterns: BTreeMap::new(),
    };
    let mut add = |text: String, stack: Stack, target: usize, at: &str| {
        if text.len() < 3 || !text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            errors.push(format!(
                "{at}: pattern {text:?} must be printable ASCII of 3 bytes or more"
            ));
            return;
        }
        let key = text.to_ascii_lowercase().into_bytes();
        if let Some((_, other, first)) = k.patterns.get(&key) {
            if *other != target {
                errors.push(format!("{at}: pattern {text:?} is already used by {first}"));
            }
            return;
        }
        k.patterns.insert(key, (stack, target, at.to_string()));
    };
    for (i, a) in k.alerts.iter().enumerate() {
        let at = format!("data/alerts.csv (alert {})", a.code);
        if !a.openssl.is_empty() {
            add(a.openssl.clone(), Stack::Openssl, i, &at);
            add(upper(&a.openssl), Stack::Python, i, &at);
            add(
                format!("ERR_SSL_{}", upper(&a.openssl)),
                Stack::Node,
                i,
                &at,
            );
            add(
                format!("0A{:06X}", 1000 + u32::from(a.code)),
                Stack::Openssl,
                i,
                &at,
            );
        }
        add(
            format!("SSL alert number {}", a.code),
            Stack::Openssl,
            i,
            &at,
        );
        add(
            format!("Received fatal alert: {}", a.name),
            Stack::Java,
            i,
            &at,
        );
        if !a.go.is_empty() {
            add(format!("remote error: tls: {}", a.go), Stack::Go, i, &at);
        }
        if !a.dotnet.is_empty() {
            add(
                format!("The remote party sent a TLS alert: '{}'", a.dotnet),
                Stack::Dotnet,
                i,
                &at,
            );
        }
        add(
            format!("Received alert [{}]", a.code),
            Stack::Gnutls,
            i,
            &at,
        );
        if !a.gnutls.is_empty() {
            add(
                format!("gnutls_handshake() failed: {}", a.gnutls),
                Stack::Gnutls,
                i,
                &at,
            );
        }
        add(
            format!("fatal alert code is {}", a.code),
            Stack::Schannel,
            i,
            &at,
        );
        add(
            format!("fatal error code is {}", a.code),
            Stack::Schannel,
            i,
            &at,
        );
    }
    let n = k.alerts.len();
    for (i, m) in k.messages.iter().enumerate() {
        let at = &at[i];
        for p in &m.patterns {
            add(p.clone(), m.stack, n + i, at);
        }
        match m.code {
            Some(Code::Hresult(v)) => {
                add(format!("0x{v:08X}"), m.stack, n + i, at);
                add(format!("{}", v as i32), m.stack, n + i, at);
                add(format!("{v}"), m.stack, n + i, at);
            }
            Some(Code::Openssl(v)) => {
                add(format!("{v:08X}"), Stack::Openssl, n + i, at);
                if let Some(first) = m.patterns.first() {
                    add(upper(first), Stack::Python, n + i, at);
                    add(format!("ERR_SSL_{}", upper(first)), Stack::Node, n + i, at);
                }
            }
            Some(Code::Curl(v)) => add(format!("curl: ({v})"), Stack::Curl, n + i, at),
            Some(Code::Event(_)) | None => {}
        }
    }
    if k.patterns.len() > usize::from(u16::MAX) {
        errors.push("data/errors.csv: more than 65535 patterns".to_string());
    }
    if errors.is_empty() {
        Ok(k)
    } else {
        Err(errors)
    }
}

fn cause_list(causes: &[Cause]) -> String {
    let items: Vec<String> = causes.iter().map(|c| format!("Cause::{c:?}")).collect();
    format!("&[{}]", items.join(", "))
}

pub fn emit(k: &Knowledge) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "/// The TLS alerts (IANA registry), sorted by code.");
    let _ = writeln!(s, "pub(crate) static EXPLAIN_ALERTS: &[AlertRecord] = &[");
    for a in &k.alerts {
        let _ = writeln!(
            s,
            "    AlertRecord {{ code: {}, name: {}, openssl: {}, gnutls: {}, go: {}, dotnet: {}, meaning: {}, causes: {} }},",
            a.code,
            lit(&a.name),
            lit(&a.openssl),
            lit(&a.gnutls),
            lit(&a.go),
            lit(&a.dotnet),
            lit(&a.meaning),
            cause_list(&a.causes)
        );
    }
    let _ = writeln!(s, "];\n");
    let _ = writeln!(
        s,
        "/// The error messages of each stack, in data/errors.csv order."
    );
    let _ = writeln!(
        s,
        "pub(crate) static EXPLAIN_MESSAGES: &[MessageRecord] = &["
    );
    for m in &k.messages {
        let code = match m.code {
            None => "None".to_string(),
            Some(Code::Hresult(v)) => format!("Some(MessageCode::Hresult(0x{v:08X}))"),
            Some(Code::Event(v)) => format!("Some(MessageCode::Event({v}))"),
            Some(Code::Curl(v)) => format!("Some(MessageCode::Curl({v}))"),
            Some(Code::Openssl(v)) => format!("Some(MessageCode::Openssl(0x{v:08X}))"),
        };
        let _ = writeln!(
            s,
            "    MessageRecord {{ stack: Stack::{:?}, versions: {}, message: {}, code: {code}, alert: {:?}, meaning: {}, causes: {}, source: {} }},",
            m.stack,
            lit(&m.versions),
            lit(m.patterns.first().map_or("", String::as_str)),
            m.alert,
            lit(&m.meaning),
            cause_list(&m.causes),
            lit(&m.source)
        );
    }
    let _ = writeln!(s, "];\n");
    let n = k.alerts.len();
    // slot[b] = 1 + the index in `second` of first byte b, 0 when no pattern starts with b.
    let mut slot = [0u8; 256];
    let mut second: Vec<[u16; 257]> = Vec::new();
    let _ = writeln!(s, "/// Every pattern, lower-case, sorted by its bytes.");
    let _ = writeln!(
        s,
        "pub(crate) static EXPLAIN_PATTERNS: &[PatternRecord] = &["
    );
    for (i, (text, (stack, target, _))) in k.patterns.iter().enumerate() {
        let target = if *target < n {
            format!("PatternTarget::Alert({target})")
        } else {
            format!("PatternTarget::Message({})", target - n)
        };
        let _ = writeln!(
            s,
            "    PatternRecord {{ text: {}, stack: Stack::{stack:?}, target: {target} }},",
            lit(&String::from_utf8_lossy(text))
        );
        let b0 = usize::from(text[0]);
        if slot[b0] == 0 {
            // Patterns are sorted: this is the first one starting with b0.
            second.push([u16::try_from(i).unwrap_or(u16::MAX); 257]);
            slot[b0] = u8::try_from(second.len()).unwrap_or(u8::MAX);
        }
        // Within b0's table, every second byte after text[1] starts at i + 1 or later.
        if let Some(row) = second.last_mut() {
            for e in &mut row[usize::from(text[1]) + 1..] {
                *e = u16::try_from(i + 1).unwrap_or(u16::MAX);
            }
        }
    }
    let _ = writeln!(s, "];\n");
    let _ = writeln!(
        s,
        "/// `EXPLAIN_SLOT[b0]` is 0 when no pattern starts with byte `b0`, else 1 + its row in `EXPLAIN_SECOND`."
    );
    let _ = writeln!(s, "pub(crate) static EXPLAIN_SLOT: [u8; 256] = {slot:?};\n");
    let _ = writeln!(
        s,
        "/// `EXPLAIN_PATTERNS[row[b1]..row[b1 + 1]]` start with the row's byte, then `b1`."
    );
    let _ = writeln!(s, "pub(crate) static EXPLAIN_SECOND: &[[u16; 257]] = &[");
    for row in &second {
        let _ = writeln!(s, "    {row:?},");
    }
    let _ = writeln!(s, "];");
    s
}
