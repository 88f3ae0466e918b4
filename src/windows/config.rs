//! Settings that change a machine's suite list: the Group Policy
//! "SSL Cipher Suite Order" string and a PowerShell script, in one
//! release's names.

use std::fmt;

use super::{ProtocolState, Release, SuiteEntry};
use crate::suite::Suite;

/// The longest Group Policy "SSL Cipher Suite Order" string Windows takes,
/// in characters (Microsoft: prioritizing-schannel-cipher-suites,
/// manage-tls); `windows_gpo_limit` in `data/meta.csv`.
///
/// ```
/// assert_eq!(cipherdex::windows::GPO_LIMIT, 1023);
/// ```
pub const GPO_LIMIT: usize = crate::tables::GPO_LIMIT;

/// The registry key behind the Group Policy "SSL Cipher Suite Order"
/// setting (Policy CSP ADMX mapping of `CipherSuiteOrder.admx`); see
/// `data/README.md`, `schannel/products.csv` column `tls_module`.
pub const GPO_REGISTRY_KEY: &str =
    r"HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002";

/// The value under [`GPO_REGISTRY_KEY`] that holds the suite list: a
/// `REG_SZ` of comma-separated names, read at start-up (restart to apply).
pub const GPO_REGISTRY_VALUE: &str = "Functions";

/// A chosen list of suites resolved in one release's names.
///
/// ```
/// use cipherdex::windows::Release;
/// let r = Release::find("server-2022").ok_or("no")?;
/// let sel = r.select(["ECDHE-RSA-AES256-GCM-SHA384", "AES128-SHA"]).map_err(|e| e.to_string())?;
/// assert_eq!(
///     sel.gpo_string().map_err(|e| e.to_string())?,
///     "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_CBC_SHA"
/// );
/// assert!(sel.warnings().is_empty());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone)]
pub struct Selection {
    release: Release,
    items: Vec<Selected>,
    warnings: Vec<SelectionWarning>,
}

/// One chosen suite and the names it becomes on the release.
#[derive(Debug, Clone)]
pub struct Selected {
    input: String,
    suite: &'static Suite,
    names: Vec<&'static str>,
}

impl Selected {
    /// What was asked for.
    pub fn input(&self) -> &str {
        &self.input
    }
    /// The suite.
    pub fn suite(&self) -> &'static Suite {
        self.suite
    }
    /// The release's names for it, in order: one name, or on Vista to 8.1
    /// each curve variant enabled by default (an exact `_P384` name as input
    /// selects only that variant).
    pub fn names(&self) -> &[&'static str] {
        &self.names
    }
}

/// Something about a selection that the output cannot fix.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SelectionWarning {
    /// The release does not implement the suite: no setting enables it there; left out.
    NotSupported {
        /// What was asked for.
        input: String,
        /// The suite's canonical name.
        suite: &'static str,
        /// The release.
        release: Release,
    },
    /// The same suite (or name) was asked for twice; the later one is left out.
    Duplicate {
        /// What was asked for.
        input: String,
    },
    /// The suite needs protocol versions that are off by default on the release.
    ProtocolDisabled {
        /// The suite's name on the release.
        name: &'static str,
        /// The versions it needs, none of them on by default.
        protocols: String,
    },
    /// The release has no documented `TLS` PowerShell module
    /// ([`Release::has_tls_cmdlets`]): the script writes the Group Policy
    /// registry value instead, which needs a restart.
    NoTlsCmdlets {
        /// The release.
        release: Release,
    },
}

impl fmt::Display for SelectionWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelectionWarning::NotSupported {
                input,
                suite,
                release,
            } => write!(
                f,
                "{input} ({suite}) is not supported by {}: no setting can enable it there; left out",
                release.product()
            ),
            SelectionWarning::Duplicate { input } => write!(f, "{input} is listed twice; the second is left out"),
            SelectionWarning::ProtocolDisabled { name, protocols } => write!(
                f,
                "{name} needs {protocols}, disabled by default on this release: enable the protocol too"
            ),
            SelectionWarning::NoTlsCmdlets { release } => write!(
                f,
                "{} has no documented TLS PowerShell module (Get-TlsCipherSuite): the script writes the registry value behind the Group Policy \"SSL Cipher Suite Order\" setting instead; restart the computer to apply it",
                release.product()
            ),
        }
    }
}

/// A name in a chosen list that names no suite.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnknownItem {
    /// 1-based position in the list.
    pub position: usize,
    /// The name as given.
    pub input: String,
    /// Close suite names.
    pub suggestions: Vec<&'static str>,
}

/// Why a list of suites could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SelectError {
    /// Some names name no suite (all of them are listed).
    Unknown(Vec<UnknownItem>),
    /// The list is empty.
    Empty,
}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelectError::Empty => f.write_str("no suites given: name at least one suite"),
            SelectError::Unknown(items) => {
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "item {}: unknown suite {:?}", it.position, it.input)?;
                    if !it.suggestions.is_empty() {
                        write!(f, " (did you mean {}?)", it.suggestions.join(", "))?;
                    }
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for SelectError {}

/// Why no Group Policy string can be made.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum GpoError {
    /// The string is longer than the policy allows.
    TooLong {
        /// Its length in characters.
        length: usize,
        /// The limit, [`GPO_LIMIT`].
        limit: usize,
        /// The names at the end of the list (lowest priority) to drop so that it fits.
        drop: Vec<&'static str>,
    },
    /// Nothing in the list is supported by the release.
    NothingSupported,
}

impl fmt::Display for GpoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GpoError::TooLong {
                length,
                limit,
                drop,
            } => write!(
                f,
                "the SSL Cipher Suite Order string is {length} characters, {} over the {limit}-character limit of the policy; drop the last {} name(s) to fit: {}",
                length - limit,
                drop.len(),
                drop.join(", ")
            ),
            GpoError::NothingSupported => f.write_str(
                "no suite of the list is supported by this release: a policy or script would disable every suite; choose suites the release supports (cipherdex windows RELEASE --all)",
            ),
        }
    }
}

impl std::error::Error for GpoError {}

impl Release {
    /// Resolves a chosen list of suites (any scheme's names or codes, in
    /// priority order) into this release's names. Suites the release does
    /// not support are left out with a [`SelectionWarning`]; names that name no
    /// suite fail the whole list, all of them reported.
    pub fn select<I, S>(self, items: I) -> Result<Selection, SelectError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut unknown = Vec::new();
        let mut found: Vec<(String, &'static Suite)> = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            let input = item.as_ref().trim();
            match crate::lookup::lookup(input) {
                Some(suite) => found.push((input.to_string(), suite)),
                None => unknown.push(UnknownItem {
                    position: i + 1,
                    input: input.to_string(),
                    suggestions: crate::lookup::suggest(input, 3),
                }),
            }
        }
        if !unknown.is_empty() {
            return Err(SelectError::Unknown(unknown));
        }
        self.select_suites(found.iter().map(|(input, suite)| (input.as_str(), *suite)))
    }

    /// Like [`Release::select`], for suites already resolved (from a file, a
    /// scanner report, an expanded cipher string): each item is the text it
    /// came from and its suite. When the text names the suite itself (a name
    /// or code), it is kept, so that a curve-suffixed name such as
    /// `TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P384` selects only that variant;
    /// otherwise (a line of a report, a cipher-string keyword) the suite's
    /// canonical name stands for it in warnings.
    ///
    /// ```
    /// use cipherdex::windows::Release;
    /// let r = Release::find("7").ok_or("no")?;
    /// let p384 = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P384";
    /// let suite = cipherdex::lookup(p384).ok_or("no")?;
    /// let sel = r.select_suites([(p384, suite)]).map_err(|e| e.to_string())?;
    /// assert_eq!(sel.names(), [p384]);
    /// // The same suite from a report line: every curve variant enabled by default.
    /// let sel = r.select_suites([("ssl-enum-ciphers line", suite)]).map_err(|e| e.to_string())?;
    /// assert!(sel.names().len() > 1);
    /// # Ok::<(), String>(())
    /// ```
    pub fn select_suites<'a, I>(self, items: I) -> Result<Selection, SelectError>
    where
        I: IntoIterator<Item = (&'a str, &'static Suite)>,
    {
        let entries = self.suites();
        let mut chosen: Vec<Selected> = Vec::new();
        let mut warnings = Vec::new();
        let mut count = 0;
        for (given, suite) in items {
            count += 1;
            let given = given.trim();
            let input = if crate::lookup::lookup(given).is_some_and(|s| s.code() == suite.code()) {
                given
            } else {
                suite.canonical_name()
            };
            let Some(entry) = entries.iter().find(|e| e.suite().code() == suite.code()) else {
                warnings.push(SelectionWarning::NotSupported {
                    input: input.to_string(),
                    suite: suite.canonical_name(),
                    release: self,
                });
                continue;
            };
            let names = names_for_input(entry, input);
            if let Some(prev) = chosen.iter_mut().find(|c| c.suite.code() == suite.code()) {
                // A second curve variant of the same suite is welcome; a
                // repeated name is not.
                let new: Vec<&'static str> = names
                    .into_iter()
                    .filter(|n| !prev.names.contains(n))
                    .collect();
                if new.is_empty() {
                    warnings.push(SelectionWarning::Duplicate {
                        input: input.to_string(),
                    });
                } else {
                    chosen.push(Selected {
                        input: input.to_string(),
                        suite,
                        names: new,
                    });
                }
                continue;
            }
            let usable = entry.protocols().iter().any(|p| {
                matches!(
                    self.protocol_state(p, self.is_server()),
                    ProtocolState::Enabled | ProtocolState::Unknown
                )
            });
            if !usable {
                let ps: Vec<&str> = entry.protocols().iter().map(|p| p.as_str()).collect();
                warnings.push(SelectionWarning::ProtocolDisabled {
                    name: entry.rows()[0].name(),
                    protocols: ps.join(" or "),
                });
            }
            chosen.push(Selected {
                input: input.to_string(),
                suite,
                names,
            });
        }
        if count == 0 {
            return Err(SelectError::Empty);
        }
        Ok(Selection {
            release: self,
            items: chosen,
            warnings,
        })
    }
}

/// The names one input becomes: the exact row when the input is one of the
/// release's curve-suffixed names, else the rows not disabled by default
/// (every row when all are).
fn names_for_input(entry: &SuiteEntry, input: &str) -> Vec<&'static str> {
    if let Some(r) = entry
        .rows()
        .iter()
        .find(|r| r.name().eq_ignore_ascii_case(input) && r.curve().is_some())
    {
        return vec![r.name()];
    }
    let on: Vec<&'static str> = entry
        .rows()
        .iter()
        .filter(|r| r.enabled() != Some(false))
        .map(|r| r.name())
        .collect();
    if on.is_empty() {
        entry.names().collect()
    } else {
        on
    }
}

impl Selection {
    /// The release.
    pub fn release(&self) -> Release {
        self.release
    }
    /// The chosen suites the release supports, in order.
    pub fn items(&self) -> &[Selected] {
        &self.items
    }
    /// What the output cannot do (unsupported suites left out, ...).
    pub fn warnings(&self) -> &[SelectionWarning] {
        &self.warnings
    }
    /// Every name, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.items
            .iter()
            .flat_map(|s| s.names.iter().copied())
            .collect()
    }

    /// The length in characters of the Group Policy string (the names
    /// joined by commas), whether or not it fits [`GPO_LIMIT`].
    ///
    /// ```
    /// use cipherdex::windows::Release;
    /// let r = Release::find("server-2022").ok_or("no")?;
    /// let sel = r.select(["AES128-SHA", "AES256-SHA"]).map_err(|e| e.to_string())?;
    /// assert_eq!(sel.gpo_length(), "TLS_RSA_WITH_AES_128_CBC_SHA,TLS_RSA_WITH_AES_256_CBC_SHA".len());
    /// # Ok::<(), String>(())
    /// ```
    pub fn gpo_length(&self) -> usize {
        let names = self.names();
        names.iter().map(|n| n.len()).sum::<usize>() + names.len().saturating_sub(1)
    }

    /// The Group Policy "SSL Cipher Suite Order" string: the names joined by
    /// commas, checked against [`GPO_LIMIT`].
    pub fn gpo_string(&self) -> Result<String, GpoError> {
        let names = self.names();
        if names.is_empty() {
            return Err(GpoError::NothingSupported);
        }
        let s = names.join(",");
        if s.len() <= GPO_LIMIT {
            return Ok(s);
        }
        let mut len = s.len();
        let mut drop = Vec::new();
        for n in names.iter().rev() {
            if len <= GPO_LIMIT {
                break;
            }
            len -= n.len() + 1;
            drop.push(*n);
        }
        drop.reverse();
        Err(GpoError::TooLong {
            length: s.len(),
            limit: GPO_LIMIT,
            drop,
        })
    }

    /// A PowerShell script that makes the machine's list exactly this order.
    ///
    /// On releases with the `TLS` PowerShell module
    /// ([`Release::has_tls_cmdlets`]) it disables every suite of the release
    /// that is not chosen (when present), then removes and re-adds each
    /// chosen suite with `Enable-TlsCipherSuite -Position N`, 0 first; no
    /// restart is needed.
    ///
    /// On older releases (Windows 8.1 / Server 2012 R2 and before) it writes
    /// the registry value behind the Group Policy "SSL Cipher Suite Order"
    /// setting ([`GPO_REGISTRY_KEY`], value [`GPO_REGISTRY_VALUE`], the
    /// [`gpo_string`](Selection::gpo_string)), with the same `reg.exe` line
    /// as a comment; a restart applies it.
    ///
    /// Fails as [`gpo_string`](Selection::gpo_string) does when no chosen
    /// suite is supported (the script would disable every suite) or, on the
    /// older releases, when the string is over [`GPO_LIMIT`].
    ///
    /// ```
    /// use cipherdex::windows::Release;
    /// let r = Release::find("server-2022").ok_or("no")?;
    /// let sel = r.select(["ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256"]).map_err(|e| e.to_string())?;
    /// let script = sel.powershell().map_err(|e| e.to_string())?;
    /// assert!(script.contains("Enable-TlsCipherSuite -Name 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384' -Position 0"));
    /// assert!(script.contains("Enable-TlsCipherSuite -Name 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' -Position 1"));
    /// assert!(script.contains("Disable-TlsCipherSuite -Name 'TLS_RSA_WITH_AES_128_CBC_SHA'"));
    ///
    /// // Windows 7 has no TLS module: the policy's registry value instead.
    /// let r = Release::find("7").ok_or("no")?;
    /// let sel = r.select(["AES128-SHA", "AES256-SHA"]).map_err(|e| e.to_string())?;
    /// let script = sel.powershell().map_err(|e| e.to_string())?;
    /// assert!(!script.contains("TlsCipherSuite -"));
    /// assert!(script.contains("-Name 'Functions' -PropertyType String -Value 'TLS_RSA_WITH_AES_128_CBC_SHA,TLS_RSA_WITH_AES_256_CBC_SHA'"));
    /// # Ok::<(), String>(())
    /// ```
    pub fn powershell(&self) -> Result<String, GpoError> {
        if self.release.has_tls_cmdlets() {
            if self.items.iter().all(|i| i.names.is_empty()) {
                return Err(GpoError::NothingSupported);
            }
            Ok(self.cmdlet_script())
        } else {
            self.registry_script()
        }
    }

    fn cmdlet_script(&self) -> String {
        let r = self.release;
        let wanted = self.names();
        let mut o = String::new();
        o.push_str(&format!(
            "# TLS cipher suite order for {} ({r}), {} name(s).\n",
            r.product(),
            wanted.len()
        ));
        o.push_str(&format!(
            "# Names from Microsoft's table \"{}\". Run in an elevated PowerShell; no restart needed.\n",
            r.table().title()
        ));
        o.push_str(
            "# A Group Policy \"SSL Cipher Suite Order\", if configured, overrides this list.\n",
        );
        o.push_str("$present = @((Get-TlsCipherSuite).Name)\n");
        let mut unwanted: Vec<&'static str> = r
            .rows()
            .map(|row| row.name())
            .filter(|n| !wanted.contains(n))
            .collect();
        unwanted.dedup();
        if !unwanted.is_empty() {
            o.push_str("# Not wanted: disable.\n");
            for n in unwanted {
                o.push_str(&format!(
                    "if ($present -contains '{n}') {{ Disable-TlsCipherSuite -Name '{n}' }}\n"
                ));
            }
        }
        o.push_str("# Wanted, in order: remove, then add at its position.\n");
        for (i, n) in wanted.iter().enumerate() {
            o.push_str(&format!(
                "if ($present -contains '{n}') {{ Disable-TlsCipherSuite -Name '{n}' }}\n"
            ));
            o.push_str(&format!(
                "Enable-TlsCipherSuite -Name '{n}' -Position {i}\n"
            ));
        }
        o
    }

    fn registry_script(&self) -> Result<String, GpoError> {
        let r = self.release;
        let value = self.gpo_string()?;
        let mut o = String::new();
        o.push_str(&format!(
            "# TLS cipher suite order for {} ({r}), {} name(s).\n",
            r.product(),
            self.names().len()
        ));
        o.push_str(&format!(
            "# Names from Microsoft's table \"{}\". {} has no TLS PowerShell module\n",
            r.table().title(),
            r.product()
        ));
        o.push_str(
            "# (Get-TlsCipherSuite): this writes the registry value behind the Group Policy\n",
        );
        o.push_str("# \"SSL Cipher Suite Order\" setting. Suites not listed are not used.\n");
        o.push_str("# Run in an elevated PowerShell, then restart the computer to apply.\n");
        o.push_str(
            "# A domain Group Policy that sets \"SSL Cipher Suite Order\" overwrites this value.\n",
        );
        o.push_str(&format!(
            "$key = 'HKLM:{}'\n",
            GPO_REGISTRY_KEY.trim_start_matches("HKLM")
        ));
        o.push_str("if (-not (Test-Path $key)) { New-Item -Path $key -Force | Out-Null }\n");
        o.push_str(&format!(
            "New-ItemProperty -Path $key -Name '{GPO_REGISTRY_VALUE}' -PropertyType String -Value '{value}' -Force | Out-Null\n"
        ));
        o.push_str("# The same from cmd.exe:\n");
        o.push_str(&format!(
            "# reg add \"{GPO_REGISTRY_KEY}\" /v {GPO_REGISTRY_VALUE} /t REG_SZ /d \"{value}\" /f\n"
        ));
        Ok(o)
    }

    /// Warnings for the PowerShell script, including the release's lack of
    /// the `TLS` module where that applies.
    pub fn powershell_warnings(&self) -> Vec<SelectionWarning> {
        let mut w = self.warnings.clone();
        if !self.release.has_tls_cmdlets() {
            w.push(SelectionWarning::NoTlsCmdlets {
                release: self.release,
            });
        }
        w
    }
}
