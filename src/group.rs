//! [`Group`]: the TLS supported groups, by code and by any spelling.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use crate::attrs::{GroupKind, Origin, Protocol, Protocols, Recommended, Scheme};
pub use crate::records::Group;
use crate::registry::{self, RegistryListError, RegistryNameError};
use crate::suite::{Alias, CodeHex};
use crate::tables;

impl Group {
    /// Every known group (the IANA registry, GREASE, obsolete drafts), sorted by code.
    ///
    /// ```
    /// let all = cipherdex::Group::all();
    /// assert!(all.windows(2).all(|w| w[0].code() < w[1].code()));
    /// ```
    pub fn all() -> &'static [Group] {
        &tables::GROUPS
    }

    /// The group with this code.
    ///
    /// ```
    /// let g = cipherdex::Group::from_code(0x001D).ok_or("unknown")?;
    /// assert_eq!(g.iana_name(), "x25519");
    /// # Ok::<(), &str>(())
    /// ```
    pub fn from_code(code: u16) -> Option<&'static Group> {
        registry::by_code(code)
    }

    /// The group one of whose names in any scheme is `name`, in any letter
    /// case (`P-256`, `prime256v1`, `secp256r1`, `CurveP256`, `NistP256`,
    /// `GROUP-SECP256R1`). Does not allocate.
    ///
    /// ```
    /// use cipherdex::Group;
    /// let names = ["P-256", "prime256v1", "SECP256R1", "CurveP256", "NistP256", "GROUP-SECP256R1"];
    /// for n in names {
    ///     assert_eq!(Group::from_name(n).map(Group::code), Some(0x0017), "{n}");
    /// }
    /// ```
    pub fn from_name(name: &str) -> Option<&'static Group> {
        registry::by_name(name)
    }

    /// The group a name (as [`Group::from_name`]) or a code (`0x001D`,
    /// `29`) names.
    ///
    /// ```
    /// use cipherdex::Group;
    /// assert_eq!(Group::lookup("0x11EC").map(Group::iana_name), Some("X25519MLKEM768"));
    /// assert_eq!(Group::lookup("29").map(Group::iana_name), Some("x25519"));
    /// ```
    pub fn lookup(input: &str) -> Option<&'static Group> {
        registry::lookup(input)
    }

    /// Reads a list of groups in any spelling (and codes), separated by
    /// `:`, `,` or white space, as `-groups`, `Groups`, `--client-groups`
    /// take them.
    ///
    /// # Errors
    ///
    /// Every unknown item (with close names) and every repeated one, at once.
    ///
    /// ```
    /// use cipherdex::Group;
    /// let list = Group::parse_list("X25519MLKEM768:x25519, P-256 secp384r1")?;
    /// let codes: Vec<u16> = list.iter().map(|g| g.code()).collect();
    /// assert_eq!(codes, [0x11EC, 0x001D, 0x0017, 0x0018]);
    /// # Ok::<(), cipherdex::RegistryListError>(())
    /// ```
    pub fn parse_list(list: &str) -> Result<Vec<&'static Group>, RegistryListError> {
        registry::parse_list(list)
    }

    /// Up to `max` known group names close to `input`, closest first
    /// (feature `suggest`; without it the list is empty).
    ///
    /// ```
    /// assert_eq!(cipherdex::Group::suggest("secp265r1", 1), ["secp256r1"]);
    /// ```
    pub fn suggest(input: &str, max: usize) -> Vec<&'static str> {
        registry::suggest::<Group>(input, max)
    }

    /// The code point.
    pub fn code(&self) -> u16 {
        self.code
    }

    /// The code as `0x11EC`.
    ///
    /// ```
    /// assert_eq!(cipherdex::groups::X25519MLKEM768.code_hex().to_string(), "0x11EC");
    /// ```
    pub fn code_hex(&self) -> CodeHex {
        CodeHex(u32::from(self.code))
    }

    /// The canonical name: IANA's (`secp256r1`, `X25519MLKEM768`);
    /// `Reserved (GREASE)` for GREASE values.
    pub fn iana_name(&self) -> &'static str {
        self.name
    }

    /// The scheme's current name for the group, if it has one
    /// ([`Scheme::OpenSsl`]: `secp256r1`; [`Scheme::Windows`]: `NistP256`).
    ///
    /// ```
    /// use cipherdex::Scheme;
    /// let g = cipherdex::groups::X25519;
    /// assert_eq!(g.name(Scheme::Windows), Some("curve25519"));
    /// assert_eq!(g.name(Scheme::Nss), Some("ssl_grp_ec_curve25519"));
    /// assert_eq!(g.name(Scheme::MbedTls), None);
    /// ```
    pub fn name(&self, scheme: Scheme) -> Option<&'static str> {
        self.names_in(scheme).next().map(|a| a.name)
    }

    /// Every name of the group, scheme by scheme (primary names first within a scheme).
    pub fn aliases(&self) -> &'static [Alias] {
        self.aliases
    }

    /// The group's names in one scheme, primary first.
    pub fn names_in(&self, scheme: Scheme) -> impl Iterator<Item = &'static Alias> {
        self.aliases.iter().filter(move |a| a.scheme == scheme)
    }

    /// Elliptic, finite field, hybrid, post-quantum or GREASE.
    pub fn kind(&self) -> GroupKind {
        self.kind
    }

    /// The security strength in bits, as OpenSSL rates it (`x25519`: 128,
    /// `ffdhe2048`: 112, `X25519MLKEM768`: 192); `None` for GREASE and the
    /// explicit-curve code points.
    pub fn bits(&self) -> Option<u16> {
        (self.bits > 0).then_some(self.bits)
    }

    /// The protocol versions in which the group can be negotiated.
    ///
    /// ```
    /// use cipherdex::Protocol;
    /// assert!(!cipherdex::groups::BRAINPOOLP256R1.supports(Protocol::Tls13));
    /// assert!(cipherdex::groups::BRAINPOOLP256R1TLS13.supports(Protocol::Tls13));
    /// ```
    pub fn protocols(&self) -> Protocols {
        self.protocols
    }

    /// True if the group can be negotiated in `p`.
    pub fn supports(&self, p: Protocol) -> bool {
        self.protocols.contains(p)
    }

    /// Where the code point comes from (IANA, GREASE).
    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// True for the RFC 8701 GREASE values.
    pub fn is_grease(&self) -> bool {
        self.kind == GroupKind::Grease
    }

    /// IANA's Recommended column.
    pub fn iana_recommended(&self) -> Option<Recommended> {
        self.recommended
    }

    /// IANA's DTLS-OK column.
    pub fn dtls_ok(&self) -> bool {
        self.dtls_ok
    }

    /// IANA's reference (`RFC8422 RFC8446`, a draft name), if any.
    pub fn reference(&self) -> Option<&'static str> {
        (!self.reference.is_empty()).then_some(self.reference)
    }

    /// A note from the data (what a code point is, why it is obsolete).
    pub fn note(&self) -> Option<&'static str> {
        (!self.note.is_empty()).then_some(self.note)
    }
}

impl PartialEq for Group {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Eq for Group {}

impl Hash for Group {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.code.hash(state);
    }
}

impl PartialOrd for Group {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Group {
    fn cmp(&self, other: &Self) -> Ordering {
        self.code.cmp(&other.code)
    }
}

/// The canonical (IANA) name.
impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name)
    }
}

/// Any name in any scheme and case, or a code (`0x001D`, `29`).
impl FromStr for &'static Group {
    type Err = RegistryNameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Group::lookup(s).ok_or_else(|| RegistryNameError::new::<Group>(s))
    }
}

/// The group with this code.
///
/// ```
/// use cipherdex::Group;
/// let g: &Group = 0x0018u16.try_into()?;
/// assert_eq!(g.iana_name(), "secp384r1");
/// assert!(<&Group>::try_from(0x7777u16).is_err());
/// # Ok::<(), cipherdex::RegistryNameError>(())
/// ```
impl TryFrom<u16> for &'static Group {
    type Error = RegistryNameError;
    fn try_from(code: u16) -> Result<Self, Self::Error> {
        Group::from_code(code)
            .ok_or_else(|| RegistryNameError::new::<Group>(&format!("0x{code:04X}")))
    }
}
