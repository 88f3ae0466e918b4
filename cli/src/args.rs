//! The command line, as clap structs: parsing and validation only, no I/O.
//!
//! To add a subcommand: add its `Args` struct here, a variant to
//! [`Command`], a module `cmd/<name>.rs` with `run`, and one arm in
//! `cmd::run`. Commands that take suites flatten [`SuiteArgs`], so that every
//! input form (and any later input option) works the same everywhere.

use std::ffi::OsStr;
use std::marker::PhantomData;
use std::str::FromStr;

use cipherdex::windows::Release;
use cipherdex::{Authentication, Cipher, KeyExchange, Mac, Mode, Protocol, Scheme};
use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Every TLS cipher suite by every name, offline.
///
/// Give it suite names (IANA, OpenSSL, GnuTLS, NSS, Java, Go, Windows, ...) or
/// codes (0xC02B, {0xC0,0x2B}, c0 2b) in any case. One argument may hold a
/// whole list separated by ':', ',', spaces or newlines; '-' reads standard
/// input and @FILE reads a file. With no suites and standard input not a
/// terminal, standard input is read.
///
/// Exit status: 0 success, 1 a negative answer (an unknown suite, no name in
/// the target scheme, nothing matched), 2 a usage or input error.
#[derive(Debug, Parser)]
#[command(
    name = "cipherdex",
    version,
    after_help = "Examples:\n  cipherdex ECDHE-ECDSA-AES256-SHA\n  cipherdex convert --to iana ECDHE-ECDSA-AES256-SHA\n  cipherdex convert --to openssl 'TLS_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'\n  cipherdex list --kex ECDHE --aead --tls 1.2 --to openssl\n  cipherdex audit --policy mozilla-intermediate @accepted-suites.txt"
)]
pub struct Cli {
    /// Print one JSON document instead of text.
    #[arg(long, global = true)]
    pub json: bool,

    /// The subcommand; without one, the suites given are shown as with `show`.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Suites to show when no subcommand is given.
    #[command(flatten)]
    pub show: ShowArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show everything known about each suite: names, parts, flags, rating and policy verdicts.
    Show(ShowArgs),
    /// Print each suite's name in another scheme, one line per input.
    Convert(ConvertArgs),
    /// List known suites, filtered by what they are made of.
    List(ListArgs),
    /// Expand an OpenSSL cipher string into its suites, in OpenSSL's order.
    Expand(ExpandArgs),
    /// Write configuration text (OpenSSL, GnuTLS, nginx, Apache, HAProxy) for a suite list.
    Compile(CompileArgs),
    /// Grade a list of suites (a server's accepted list, a scanner report):
    /// rating, reasons and a policy's verdict per suite; exit 1 if any is
    /// insecure or outside the policy.
    Audit(AuditArgs),
    /// Windows SChannel releases: suites, default order, and the settings that change them.
    Windows(WindowsArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the manual page (roff).
    Man(ManArgs),
    /// Tell, per suite, whether a certificate can serve it, and why not.
    CheckCert(CheckCertArgs),
    /// Predict what a client and a server negotiate, or why they cannot.
    Negotiate(NegotiateArgs),
    /// Show what a ClientHello or a cipher-suite vector in hex holds.
    Decode(DecodeArgs),
}

/// `cipherdex decode`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "HEX: a TLS record or ClientHello (16 03 01 00 5e 01 00 00 5a ...), a whole 'openssl s_client -msg' output, a hex stream as Wireshark copies it, or a cipher-suite vector (c0 2b c0 2f, 0xC02B,0xC02F). Several arguments are joined; '-' reads standard input, @FILE a file.\nExit status: 0 decoded, 1 decoded but some suite codes are unknown, 2 when the input is not such hex or is cut off or corrupt (the message names the field and byte offset).\n\nExamples:\n  cipherdex decode 00 67 00 ff\n  openssl s_client -msg -connect printer:443 </dev/null | cipherdex decode -"
)]
pub struct DecodeArgs {
    /// The hex, '-' for standard input, or @FILE.
    #[arg(value_name = "HEX", required = true, allow_hyphen_values = true)]
    pub hex: Vec<String>,
}

/// `cipherdex check-cert`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "TYPE: rsa, rsa-pss, ecdsa, ecdsa-p256, ecdsa-p384, ecdsa-p521, ed25519, ed448, dsa, dh, dh-rsa, dh-dss, ecdh, ecdh-rsa, ecdh-ecdsa, none.\nFILE: a PEM (certificate or chain, leaf first) or DER certificate.\nExit status: 0 when the certificate fits every suite, 1 when not, 2 on bad input.\n\nExample:\n  cipherdex check-cert --cert ed25519 ECDHE-ECDSA-AES128-SHA ECDHE-RSA-AES128-GCM-SHA256"
)]
pub struct CheckCertArgs {
    /// The certificate: a key type name, or a certificate file (PEM or DER).
    #[arg(long, value_name = "TYPE|FILE")]
    pub cert: String,

    /// Check only this version or range (1.2, 1.0-1.3); default: every version each suite has.
    #[arg(long = "tls", value_name = "V")]
    pub tls: Option<String>,

    /// The suites.
    #[command(flatten)]
    pub input: SuiteArgs,
}

/// Whose suite order wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PreferArg {
    /// The server's order.
    Server,
    /// The client's order.
    Client,
}

/// `cipherdex negotiate`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "LIST: suite names or codes ('A:B', 'A,B'), '-' for standard input, @FILE, '' for no suites, or a profile: windows:RELEASE (windows:server-2022), mozilla:LEVEL[:VERSION] (mozilla:intermediate), openssl:STRING (openssl:HIGH:!aNULL).\nV: a version or range: 1.2, 1.0-1.3.\nDefaults: versions 1.0-1.3 on both sides, OpenSSL's default TLS 1.3 list on both sides, --cert rsa, --prefer server (a profile's own order when it has one).\nExit status: 0 when a handshake would succeed, 1 when not, 2 on bad input.\n\nExample:\n  cipherdex negotiate --client ECDHE-ECDSA-AES128-GCM-SHA256:AES128-SHA --server windows:server-2016 --cert rsa"
)]
pub struct NegotiateArgs {
    /// The client's TLS 1.2-and-older suites, in its order (or a profile).
    #[arg(long, value_name = "LIST", allow_hyphen_values = true)]
    pub client: String,

    /// The server's TLS 1.2-and-older suites, in its order (or a profile).
    #[arg(long, value_name = "LIST", allow_hyphen_values = true)]
    pub server: String,

    /// The client's TLS 1.3 suites ('' for none).
    #[arg(long = "client-tls13", value_name = "LIST", allow_hyphen_values = true)]
    pub client_tls13: Option<String>,

    /// The server's TLS 1.3 suites ('' for none).
    #[arg(long = "server-tls13", value_name = "LIST", allow_hyphen_values = true)]
    pub server_tls13: Option<String>,

    /// Versions the client enables: 1.2 or 1.0-1.3.
    #[arg(long = "client-versions", value_name = "V")]
    pub client_versions: Option<String>,

    /// Versions the server enables: 1.2 or 1.0-1.3.
    #[arg(long = "server-versions", value_name = "V")]
    pub server_versions: Option<String>,

    /// A server certificate: a key type or a file; repeat for several (default: rsa).
    #[arg(long = "cert", value_name = "TYPE|FILE")]
    pub certs: Vec<String>,

    /// Whose suite order wins.
    #[arg(long, value_enum)]
    pub prefer: Option<PreferArg>,
}

/// Suites given on the command line: names, codes, lists, `-`, `@FILE`.
#[derive(Debug, Clone, Args, Default)]
pub struct SuiteArgs {
    /// Suite names or codes, lists ('A:B', 'A,B'), '-' for standard input, @FILE for a file.
    /// Files and standard input may also be scanner reports (sslscan, nmap, testssl.sh),
    /// a ClientHello or cipher vector in hex, Windows listings or nginx/Apache/HAProxy lines.
    #[arg(value_name = "SUITE")]
    pub suites: Vec<String>,

    /// Read every input as this format instead of recognising it: sslscan, sslscan-xml,
    /// nmap, nmap-xml, testssl, testssl-json, hex, clienthello, config,
    /// get-tlsciphersuite, windows-names, windows-order, openssl or plain.
    #[arg(long, value_name = "NAME")]
    pub input_format: Option<String>,
}

/// `cipherdex show`.
#[derive(Debug, Clone, Args, Default)]
pub struct ShowArgs {
    /// The suites.
    #[command(flatten)]
    pub input: SuiteArgs,
}

/// `cipherdex expand`.
#[derive(Debug, Clone, Args)]
pub struct ExpandArgs {
    /// The cipher string, as in `ssl_ciphers` or `openssl ciphers` (e.g. 'HIGH:!aNULL:!MD5').
    #[arg(value_name = "STRING", allow_hyphen_values = true)]
    pub string: String,

    /// Print names in this scheme instead of OpenSSL's.
    #[arg(long, value_name = "SCHEME", value_parser = TargetParser)]
    pub to: Option<Target>,

    /// The OpenSSL build to model: 3.0 (default), 3.2 (and later), 1.1.1, 1.1.1-weak.
    #[arg(long, value_name = "VERSION")]
    pub openssl: Option<String>,

    /// Also prepend this TLS 1.3 list, as `openssl ciphers -ciphersuites LIST` does.
    #[arg(long, value_name = "LIST")]
    pub ciphersuites: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `cipherdex audit`.
#[derive(Debug, Clone, Args)]
pub struct AuditArgs {
    /// Also judge every suite by this policy (e.g. mozilla-intermediate,
    /// nist-800-52r2, bsi-tr-02102-2-2025-01; a name without a version means
    /// the newest).
    #[arg(long, value_name = "NAME", value_parser = PolicyParser, hide_possible_values = true)]
    pub policy: Option<&'static cipherdex::Policy>,

    #[command(flatten)]
    pub input: SuiteArgs,
}

/// Parses a policy name; the error (the library's) suggests close names and
/// lists the valid ones. Every family and name is offered to shell completion.
#[derive(Debug, Clone, Copy)]
pub struct PolicyParser;

impl TypedValueParser for PolicyParser {
    type Value = &'static cipherdex::Policy;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Self::Value, clap::Error> {
        let s = value.to_string_lossy();
        s.parse().map_err(|e: cipherdex::UnknownPolicy| {
            let arg = arg.map_or_else(|| "--policy".to_string(), |a| a.to_string());
            clap::Error::raw(
                clap::error::ErrorKind::InvalidValue,
                format!("invalid value '{s}' for '{arg}': {e}\n"),
            )
            .with_cmd(cmd)
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let mut names: Vec<&'static str> = Vec::new();
        for p in cipherdex::Policy::all() {
            if !names.contains(&p.family()) {
                names.push(p.family());
            }
        }
        names.extend(cipherdex::Policy::all().iter().map(|p| p.name()));
        Some(Box::new(names.into_iter().map(PossibleValue::new)))
    }
}

/// Parses a rating level.
pub fn parse_level(s: &str) -> Result<cipherdex::Level, cipherdex::UnknownLevel> {
    s.parse()
}

/// `cipherdex compile`.
#[derive(Debug, Clone, Args)]
pub struct CompileArgs {
    /// What to write: openssl, gnutls, nginx, apache or haproxy.
    #[arg(long, value_name = "TARGET", value_parser = crate::cmd::compile::parse_dialect)]
    pub target: cipherdex::openssl::write::Format,

    /// The OpenSSL build the text is for: 3.0 (default), 3.2, 1.1.1, 1.1.1-weak.
    #[arg(long, value_name = "VERSION")]
    pub openssl: Option<String>,

    /// Output format (text or json).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// The suites, in the order to enable them.
    #[command(flatten)]
    pub input: SuiteArgs,
}

/// `cipherdex convert`.
#[derive(Debug, Clone, Args)]
pub struct ConvertArgs {
    /// The scheme to print names in.
    #[arg(long, value_name = "SCHEME", value_parser = TargetParser)]
    pub to: Target,

    /// With --to windows: the names this Windows release uses (7: the _P256 names).
    #[arg(long, value_name = "RELEASE", value_parser = parse_release)]
    pub windows_release: Option<Release>,

    /// Output format (--json is the same as --format json).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// The suites.
    #[command(flatten)]
    pub input: SuiteArgs,
}

/// `cipherdex list`.
#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// Key exchange (repeat or separate with commas for any of several).
    #[arg(long, value_name = "KEX", value_delimiter = ',', value_parser = AttrParser::<KeyExchange>::new())]
    pub kex: Vec<KeyExchange>,

    /// Authentication (certificate type).
    #[arg(long, value_name = "AUTH", value_delimiter = ',', value_parser = AttrParser::<Authentication>::new())]
    pub auth: Vec<Authentication>,

    /// Bulk cipher.
    #[arg(long, value_name = "CIPHER", value_delimiter = ',', value_parser = AttrParser::<Cipher>::new())]
    pub cipher: Vec<Cipher>,

    /// Cipher mode.
    #[arg(long, value_name = "MODE", value_delimiter = ',', value_parser = AttrParser::<Mode>::new())]
    pub mode: Vec<Mode>,

    /// Record MAC.
    #[arg(long, value_name = "MAC", value_delimiter = ',', value_parser = AttrParser::<Mac>::new())]
    pub mac: Vec<Mac>,

    /// Negotiable in this protocol version (1.2, TLSv1.2, "TLS 1.2", SSL3 ...).
    #[arg(long, value_name = "VERSION", value_delimiter = ',', value_parser = AttrParser::<Protocol>::new())]
    pub tls: Vec<Protocol>,

    /// Only suites with forward secrecy.
    #[arg(long, conflicts_with = "no_pfs")]
    pub pfs: bool,

    /// Only suites without forward secrecy.
    #[arg(long)]
    pub no_pfs: bool,

    /// Only AEAD suites (GCM, CCM, ChaCha20-Poly1305 ...).
    #[arg(long)]
    pub aead: bool,

    /// Only export-grade suites.
    #[arg(long)]
    pub export: bool,

    /// Only suites IANA marks Recommended (Y).
    #[arg(long)]
    pub iana_recommended: bool,

    /// Only suites supported by this Windows release (server-2022, 7, 10-1607, "Windows Server 2019" ...).
    #[arg(long, value_name = "RELEASE", value_parser = parse_release)]
    pub windows: Option<Release>,

    /// With --windows: only suites enabled by default, in Windows' default order.
    #[arg(long, requires = "windows")]
    pub enabled: bool,

    /// Also list the GREASE values (RFC 8701), which are not suites.
    #[arg(long)]
    pub grease: bool,

    /// Only suites rated LEVEL or better: insecure, weak, secure, recommended.
    #[arg(long, value_name = "LEVEL", value_parser = parse_level)]
    pub rating: Option<cipherdex::Level>,

    /// Only suites the policy allows, in the policy's order (e.g.
    /// mozilla-intermediate, mozilla-old-5.7, nist-800-52r2, bsi-tr-02102-2, http2).
    #[arg(long, value_name = "NAME", value_parser = PolicyParser, hide_possible_values = true)]
    pub policy: Option<&'static cipherdex::Policy>,

    /// The scheme of the names shown.
    #[arg(long, value_name = "SCHEME", value_parser = TargetParser, default_value = "iana")]
    pub to: Target,

    /// Output format (--json is the same as --format json).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `cipherdex windows`.
#[derive(Debug, Clone, Args)]
#[command(
    after_help = "Examples:\n  cipherdex windows\n  cipherdex windows server-2022\n  cipherdex windows 7 --all --to openssl\n  cipherdex windows --suite DES-CBC3-SHA\n  cipherdex windows server-2025 --suite DES-CBC3-SHA\n  cipherdex windows server-2022 --gpo ECDHE-RSA-AES256-GCM-SHA384 ECDHE-RSA-AES128-GCM-SHA256\n  cipherdex windows server-2022 --powershell @order.txt"
)]
pub struct WindowsArgs {
    /// The release: a profile name without 'windows:' (server-2022, 7, 10-1607, 11-22h2)
    /// or a product name ("Windows Server 2019", 2019, ltsc-2021). Without it, the releases are listed.
    #[arg(value_name = "RELEASE", value_parser = parse_release)]
    pub release: Option<Release>,

    /// Show the suites enabled by default, in priority order (the default).
    #[arg(long, conflicts_with = "all")]
    pub enabled: bool,

    /// Show every suite the release supports, enabled or not.
    #[arg(long)]
    pub all: bool,

    /// Show this suite on every release (with RELEASE: its status there and how to enable it).
    #[arg(long, value_name = "SUITE", conflicts_with_all = ["gpo", "powershell", "all", "enabled"])]
    pub suite: Option<String>,

    /// Print the Group Policy "SSL Cipher Suite Order" string for these suites, in order.
    #[arg(long, value_name = "SUITE", num_args = 1.., requires = "release", conflicts_with = "powershell")]
    pub gpo: Option<Vec<String>>,

    /// Print a PowerShell script that sets exactly these suites, in order.
    #[arg(long, value_name = "SUITE", num_args = 1.., requires = "release")]
    pub powershell: Option<Vec<String>>,

    /// Print names in this scheme instead of the release's own.
    #[arg(long, value_name = "SCHEME", value_parser = TargetParser)]
    pub to: Option<Target>,

    /// Output format (--json is the same as --format json).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `cipherdex completions`.
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `cipherdex man`.
#[derive(Debug, Clone, Args)]
pub struct ManArgs {}

/// Output formats of the commands that print tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text for people.
    Text,
    /// Comma-separated values with a header line.
    Csv,
    /// One JSON document.
    Json,
}

impl Format {
    /// The effective format, given the global `--json` flag.
    pub fn with_json(self, json: bool) -> Format {
        if json {
            Format::Json
        } else {
            self
        }
    }
}

/// What `--to` asks for: the name in a scheme, or the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The name in this scheme.
    Scheme(Scheme),
    /// The code, as `0xC02B`.
    Hex,
}

impl Target {
    /// The spelling of the target, as `--to` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Scheme(s) => s.as_str(),
            Target::Hex => "hex",
        }
    }
}

/// Parses `--to`: `hex` or any scheme name; lists every accepted value.
#[derive(Debug, Clone, Copy)]
pub struct TargetParser;

impl TypedValueParser for TargetParser {
    type Value = Target;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Target, clap::Error> {
        let s = value.to_string_lossy();
        if s.eq_ignore_ascii_case("hex") || s.eq_ignore_ascii_case("code") {
            return Ok(Target::Hex);
        }
        s.parse::<Scheme>()
            .map(Target::Scheme)
            .map_err(|_| invalid_value(cmd, arg, &s, &target_names()))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(target_names().into_iter().map(PossibleValue::new)))
    }
}

fn target_names() -> Vec<&'static str> {
    Scheme::ALL
        .iter()
        .map(|s| s.as_str())
        .chain(["hex"])
        .collect()
}

/// Parses a Windows release name; the error lists the releases and close names.
pub fn parse_release(s: &str) -> Result<Release, String> {
    s.parse::<Release>().map_err(|e| e.to_string())
}

/// An attribute enum of the library, parsed case-insensitively with its aliases.
pub trait Attr: FromStr + Clone + Send + Sync + 'static {
    /// Every variant.
    fn all() -> &'static [Self];
    /// Its canonical spelling.
    fn spelling(&self) -> &'static str;
}

macro_rules! attr {
    ($($t:ty),*) => {$(
        impl Attr for $t {
            fn all() -> &'static [Self] { <$t>::ALL }
            fn spelling(&self) -> &'static str { self.as_str() }
        }
    )*};
}
attr!(KeyExchange, Authentication, Cipher, Mode, Mac, Protocol);

/// A clap value parser for an [`Attr`]: accepts every spelling the library
/// accepts, and lists the canonical ones on error and in completions.
#[derive(Debug)]
pub struct AttrParser<T>(PhantomData<fn() -> T>);

impl<T> AttrParser<T> {
    /// The parser.
    pub fn new() -> Self {
        AttrParser(PhantomData)
    }
}

impl<T> Clone for AttrParser<T> {
    fn clone(&self) -> Self {
        AttrParser(PhantomData)
    }
}

impl<T: Attr> TypedValueParser for AttrParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let s = value.to_string_lossy();
        s.trim().parse::<T>().map_err(|_| {
            let names: Vec<_> = T::all().iter().map(Attr::spelling).collect();
            invalid_value(cmd, arg, &s, &names)
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            T::all().iter().map(|v| PossibleValue::new(v.spelling())),
        ))
    }
}

/// The subcommand the arguments name (or the top level) and its long options,
/// for an "unknown option" error that lists the valid ones.
pub fn valid_options<S: AsRef<str>>(argv: &[S]) -> (String, Vec<String>) {
    use clap::CommandFactory;
    let mut root = Cli::command();
    root.build();
    let sub = argv
        .iter()
        .skip(1)
        .find_map(|a| root.find_subcommand(a.as_ref()));
    let cmd = sub.unwrap_or(&root);
    let options = cmd
        .get_arguments()
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect();
    (cmd.get_name().to_string(), options)
}

/// The subcommand a mistyped word probably meant (`lsit` → `list`), if any.
///
/// Only plain words qualify: anything with digits, separators or `-` in it is
/// a suite name or code, never a command.
pub fn similar_command(word: &str) -> Option<String> {
    use clap::CommandFactory;
    if word.len() < 3 || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let word = word.to_ascii_lowercase();
    let cli = Cli::command();
    cli.get_subcommands()
        .map(|c| c.get_name())
        .filter(|name| *name != "help")
        .map(|name| (edit_distance(&word, name), name))
        .filter(|&(d, name)| d <= 1 + name.len() / 4)
        .min()
        .map(|(_, name)| name.to_string())
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

fn invalid_value(
    cmd: &clap::Command,
    arg: Option<&clap::Arg>,
    value: &str,
    valid: &[&str],
) -> clap::Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let mut err = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
    if let Some(arg) = arg {
        err.insert(
            ContextKind::InvalidArg,
            ContextValue::String(arg.to_string()),
        );
    }
    err.insert(
        ContextKind::InvalidValue,
        ContextValue::String(value.to_string()),
    );
    err.insert(
        ContextKind::ValidValue,
        ContextValue::Strings(valid.iter().map(|s| s.to_string()).collect()),
    );
    err
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn bare_suites_mean_show() {
        let cli = Cli::try_parse_from(["cipherdex", "AES128-SHA", "0xC02B"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.show.input.suites, ["AES128-SHA", "0xC02B"]);
    }

    #[test]
    fn to_accepts_aliases_and_hex() {
        let cli = Cli::try_parse_from(["cipherdex", "convert", "--to", "SChannel", "x"]).unwrap();
        let Some(Command::Convert(c)) = cli.command else {
            panic!("not convert")
        };
        assert_eq!(c.to, Target::Scheme(Scheme::Windows));
        let cli = Cli::try_parse_from(["cipherdex", "convert", "--to", "HEX"]).unwrap();
        let Some(Command::Convert(c)) = cli.command else {
            panic!("not convert")
        };
        assert_eq!(c.to, Target::Hex);
    }

    #[test]
    fn list_filters_accept_library_spellings() {
        let cli = Cli::try_parse_from([
            "cipherdex",
            "list",
            "--kex",
            "EECDH,dhe",
            "--tls",
            "TLSv1.2",
            "--mac",
            "sha",
        ])
        .unwrap();
        let Some(Command::List(l)) = cli.command else {
            panic!("not list")
        };
        assert_eq!(l.kex, [KeyExchange::Ecdhe, KeyExchange::Dhe]);
        assert_eq!(l.tls, [Protocol::Tls12]);
        assert_eq!(l.mac, [Mac::Sha1]);
    }

    #[test]
    fn valid_options_of_the_subcommand_used() {
        let (name, opts) = valid_options(&["cipherdex", "list", "--bogus"]);
        assert_eq!(name, "list");
        for o in ["--kex", "--no-pfs", "--json", "--help"] {
            assert!(opts.iter().any(|x| x == o), "{o} missing from {opts:?}");
        }
        let (name, opts) = valid_options(&["cipherdex", "--bogus"]);
        assert_eq!(name, "cipherdex");
        assert!(opts.iter().any(|x| x == "--version"));
    }

    #[test]
    fn mistyped_commands() {
        assert_eq!(similar_command("lsit").as_deref(), Some("list"));
        assert_eq!(similar_command("Convret").as_deref(), Some("convert"));
        assert_eq!(similar_command("shwo").as_deref(), Some("show"));
        assert_eq!(similar_command("negotiat").as_deref(), Some("negotiate"));
        assert_eq!(similar_command("AES128-SHA"), None);
        assert_eq!(similar_command("RC4"), None);
        assert_eq!(similar_command("banana"), None);
    }

    #[test]
    fn bad_values_list_valid_ones() {
        let e = Cli::try_parse_from(["cipherdex", "convert", "--to", "klingon"]).unwrap_err();
        let text = e.render().to_string();
        assert!(text.contains("klingon") && text.contains("openssl") && text.contains("hex"));
        let e = Cli::try_parse_from(["cipherdex", "list", "--kex", "ECDHX"]).unwrap_err();
        assert!(e.render().to_string().contains("ECDHE"));
    }
}
