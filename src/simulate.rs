//! Which clients of the catalogue can connect to a server, offline: one
//! server ([`Peer`]) against many [`Client`]s, each through [`negotiate`],
//! and what changes when the server changes.
//!
//! ```
//! use cipherdex::negotiate::{parse_versions, Peer};
//! use cipherdex::clients::select;
//! use cipherdex::simulate::{changes, simulate};
//!
//! let clients = select("*")?; // the whole catalogue
//! let mut server = Peer::from_names(["ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA"])?;
//! server.versions = parse_versions("1.0-1.2")?;
//! let before = simulate(&server, &clients);
//!
//! // Who breaks if the server turns off TLS 1.0 and 1.1?
//! server.versions = parse_versions("1.2")?;
//! let after = simulate(&server, &clients);
//! for change in changes(&before, &after) {
//!     assert!(!change.after.is_ok()); // it did connect before, or failed otherwise
//!     println!("{}: {}", change.client().id(), change.after.why().unwrap_or_default());
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::attrs::Protocol;
use crate::clients::Client;
use crate::negotiate::{negotiate, Agreement, Failure, FailureKind, Peer};
use crate::records::{Group, SignatureScheme};
use crate::suite::Suite;

/// What one client gets from the server: the agreement, or the failure with
/// its diagnosis.
///
/// ```
/// use cipherdex::negotiate::Peer;
/// use cipherdex::clients::select;
/// use cipherdex::simulate::simulate;
/// let server = Peer::from_names(["ECDHE-RSA-AES256-GCM-SHA384"])?;
/// let o = &simulate(&server, &select("java-17")?)[0];
/// assert_eq!(o.client.id(), "java-17");
/// assert_eq!(o.version().map(|v| v.as_str()), Some("TLS1.3"));
/// assert!(o.why().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Outcome {
    /// The client.
    pub client: &'static Client,
    /// What it agrees on with the server, or why not.
    pub result: Result<Agreement, Failure>,
}

impl Outcome {
    /// True if the client connects.
    pub fn is_ok(&self) -> bool {
        self.result.is_ok()
    }

    /// The agreement, if the client connects.
    pub fn agreement(&self) -> Option<&Agreement> {
        self.result.as_ref().ok()
    }

    /// The failure, if it does not.
    pub fn failure(&self) -> Option<&Failure> {
        self.result.as_ref().err()
    }

    /// The agreed version.
    pub fn version(&self) -> Option<Protocol> {
        self.agreement().map(|a| a.version)
    }

    /// The agreed suite.
    pub fn suite(&self) -> Option<&'static Suite> {
        self.agreement().map(|a| a.suite)
    }

    /// The group of the key exchange, when the handshake has one.
    pub fn group(&self) -> Option<&'static Group> {
        self.agreement().and_then(|a| a.group)
    }

    /// The scheme the server signs with, when the version names one.
    pub fn sigalg(&self) -> Option<&'static SignatureScheme> {
        self.agreement().and_then(|a| a.sigalg)
    }

    /// The kind of failure.
    pub fn failure_kind(&self) -> Option<FailureKind> {
        self.failure().map(|f| f.kind)
    }

    /// A short why for a failure: the first finding of its diagnosis, or
    /// the kind when there is none.
    pub fn why(&self) -> Option<String> {
        self.failure().map(|f| match f.diagnosis.first() {
            Some(d) => d.to_string(),
            None => f.kind.to_string(),
        })
    }

    /// True if `other` is the same result: both connect with the same
    /// version, suite, group and signature scheme, or both fail the same way.
    /// The client is not compared.
    ///
    /// ```
    /// use cipherdex::negotiate::{parse_versions, Peer};
    /// use cipherdex::clients::select;
    /// use cipherdex::simulate::simulate;
    /// let clients = select("java-17")?;
    /// let mut server = Peer::from_names(["ECDHE-RSA-AES256-GCM-SHA384"])?;
    /// let a = simulate(&server, &clients);
    /// server.versions = parse_versions("1.0-1.2")?;
    /// let b = simulate(&server, &clients);
    /// assert!(a[0].same_as(&a[0]));
    /// assert!(!a[0].same_as(&b[0])); // TLS 1.3, then TLS 1.2
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn same_as(&self, other: &Outcome) -> bool {
        match (&self.result, &other.result) {
            (Ok(a), Ok(b)) => {
                a.version == b.version
                    && a.suite.code() == b.suite.code()
                    && a.group.map(Group::code) == b.group.map(Group::code)
                    && a.sigalg.map(SignatureScheme::code) == b.sigalg.map(SignatureScheme::code)
            }
            (Err(a), Err(b)) => a.kind == b.kind && a.version == b.version,
            _ => false,
        }
    }
}

/// Every client of `clients` against `server`, in the order given.
///
/// ```
/// use cipherdex::negotiate::{parse_versions, Peer};
/// use cipherdex::clients::select;
/// use cipherdex::simulate::simulate;
/// // A server that still has only TLS 1.0 and 3DES.
/// let mut server = Peer::from_names(["DES-CBC3-SHA"])?;
/// server.versions = parse_versions("1.0")?;
/// let outcomes = simulate(&server, &select("java-17,openssl-*")?);
/// assert!(outcomes.iter().all(|o| !o.is_ok()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn simulate(server: &Peer, clients: &[&'static Client]) -> Vec<Outcome> {
    clients
        .iter()
        .map(|&client| {
            let peer = client.peer();
            let result = negotiate(&peer, server).outcome;
            Outcome { client, result }
        })
        .collect()
}

/// One client whose result differs between two runs of [`simulate`].
///
/// ```
/// use cipherdex::negotiate::{parse_versions, Peer};
/// use cipherdex::clients::select;
/// use cipherdex::simulate::{changes, simulate};
/// let clients = select("*")?;
/// let mut server = Peer::from_names(["ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA"])?;
/// let before = simulate(&server, &clients);
/// server.set_suites(cipherdex::lookup("ECDHE-RSA-AES128-GCM-SHA256"));
/// let after = simulate(&server, &clients);
/// for c in changes(&before, &after) {
///     assert_eq!(c.client().id(), c.after.client.id());
///     assert!(!c.before.same_as(c.after));
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Change<'a> {
    /// The client's result against the server as it was.
    pub before: &'a Outcome,
    /// Its result against the server as it is.
    pub after: &'a Outcome,
}

impl Change<'_> {
    /// The client.
    pub fn client(&self) -> &'static Client {
        self.after.client
    }

    /// True if the client connected before and does not now.
    pub fn breaks(&self) -> bool {
        self.before.is_ok() && !self.after.is_ok()
    }

    /// True if the client did not connect before and does now.
    pub fn fixes(&self) -> bool {
        !self.before.is_ok() && self.after.is_ok()
    }
}

/// The clients whose result differs between `before` and `after` (see
/// [`Outcome::same_as`]), in the order of `after`. Clients are matched by
/// their id; a client in only one of the two runs is left out.
///
/// ```
/// use cipherdex::negotiate::{parse_versions, Peer};
/// use cipherdex::clients::select;
/// use cipherdex::simulate::{changes, simulate};
/// let clients = select("*")?;
/// let server = Peer::from_names(["ECDHE-RSA-AES128-GCM-SHA256"])?;
/// let outcomes = simulate(&server, &clients);
/// assert!(changes(&outcomes, &outcomes).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn changes<'a>(before: &'a [Outcome], after: &'a [Outcome]) -> Vec<Change<'a>> {
    after
        .iter()
        .filter_map(|a| {
            let b = before.iter().find(|b| b.client.id() == a.client.id())?;
            (!b.same_as(a)).then_some(Change {
                before: b,
                after: a,
            })
        })
        .collect()
}
