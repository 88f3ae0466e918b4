//! `decode --json`: the report and the ClientHello as JSON objects.

use cipherdex::hello::{self, ClientHello};
use cipherdex::input::{Report, SuiteRef};
use cipherdex::Scheme;
use serde::Serialize;

use super::hex;

#[derive(Serialize)]
struct Named {
    code: String,
    name: Option<&'static str>,
}

fn named_json(v: u16, name: Option<&'static str>) -> Named {
    Named {
        code: format!("0x{v:04X}"),
        name,
    }
}

#[derive(Serialize)]
struct SuiteJson {
    code: Option<String>,
    name: Option<&'static str>,
    openssl: Option<&'static str>,
    known: bool,
    grease: bool,
}

impl SuiteJson {
    fn new(r: &SuiteRef) -> SuiteJson {
        let code = r.code().map(|c| cipherdex::CodeHex(c).to_string());
        match r {
            SuiteRef::Known(s) => SuiteJson {
                code,
                name: Some(s.canonical_name()),
                openssl: s.name(Scheme::OpenSsl),
                known: true,
                grease: false,
            },
            SuiteRef::Grease(_) => SuiteJson {
                code,
                name: None,
                openssl: None,
                known: false,
                grease: true,
            },
            _ => SuiteJson {
                code,
                name: None,
                openssl: None,
                known: false,
                grease: false,
            },
        }
    }
}

#[derive(Serialize)]
struct ExtensionJson {
    #[serde(rename = "type")]
    kind: u16,
    name: Option<&'static str>,
    offset: usize,
    length: usize,
    data: String,
}

#[derive(Serialize)]
struct HelloJson {
    record_version: Option<Named>,
    sslv2_format: bool,
    legacy_version: Named,
    supported_versions: Vec<Named>,
    server_name: Option<String>,
    random: String,
    session_id: String,
    compression_methods: Vec<u8>,
    supported_groups: Vec<Named>,
    key_shares: Vec<Named>,
    signature_algorithms: Vec<Named>,
    signature_algorithms_cert: Vec<Named>,
    alpn: Vec<String>,
    extensions: Vec<ExtensionJson>,
}

impl HelloJson {
    fn new(h: &ClientHello) -> HelloJson {
        HelloJson {
            record_version: h
                .record_version
                .map(|v| named_json(v, hello::version_name(v))),
            sslv2_format: h.sslv2_format,
            legacy_version: named_json(h.legacy_version, hello::version_name(h.legacy_version)),
            supported_versions: h
                .supported_versions
                .iter()
                .map(|&v| named_json(v, hello::version_name(v)))
                .collect(),
            server_name: h.server_name.clone(),
            random: hex(&h.random),
            session_id: hex(&h.session_id),
            compression_methods: h.compression_methods.clone(),
            supported_groups: h.groups().map(|g| named_json(g.code(), g.name())).collect(),
            key_shares: h
                .key_share_groups()
                .map(|g| named_json(g.code(), g.name()))
                .collect(),
            signature_algorithms: h
                .signature_schemes()
                .map(|s| named_json(s.code(), s.name()))
                .collect(),
            signature_algorithms_cert: h
                .signature_schemes_cert()
                .map(|s| named_json(s.code(), s.name()))
                .collect(),
            alpn: h.alpn.clone(),
            extensions: h
                .extensions
                .iter()
                .map(|x| ExtensionJson {
                    kind: x.kind,
                    name: x.name(),
                    offset: x.offset,
                    length: x.data.len(),
                    data: hex(&x.data),
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
pub(super) struct ReportJson {
    kind: &'static str,
    cipher_suites: Vec<SuiteJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_hello: Option<HelloJson>,
}

impl ReportJson {
    pub(super) fn new(r: &Report) -> ReportJson {
        ReportJson {
            kind: r.source.name(),
            cipher_suites: r.entries.iter().map(|e| SuiteJson::new(&e.suite)).collect(),
            client_hello: r.client_hello.as_ref().map(HelloJson::new),
        }
    }
}
