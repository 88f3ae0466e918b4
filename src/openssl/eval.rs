//! The evaluator: OpenSSL's ordered cipher list and its rule operations,
//! re-implemented over a fixed table with index arrays (no allocation in the
//! hot path).

use super::keywords::{Alias, ALIASES};
use super::{CipherStringError, OpenSslCipher, Release, Warning};
use crate::records::openssl_bits::*;

/// Maximum number of ciphers in one target table (indices are `u8`).
pub(crate) const MAX: usize = 256;

/// What a rule does to the ciphers it selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    /// No prefix: append inactive matches to the end, activating them.
    Add,
    /// `-`: deactivate; keeps them for a later re-add, at the front.
    Del,
    /// `+`: move active matches to the end.
    Ord,
    /// `!`: remove for good.
    Kill,
    /// Internal: move active matches to the front.
    Bump,
}

/// A search pattern (one rule's selection criteria).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Sel {
    pub(crate) id: Option<u16>,
    pub(crate) kx: u32,
    pub(crate) au: u32,
    pub(crate) enc: u32,
    pub(crate) mac: u32,
    pub(crate) min_tls: u16,
    pub(crate) strength: u8,
}

impl Sel {
    const fn kx(kx: u32) -> Sel {
        Sel {
            id: None,
            kx,
            au: 0,
            enc: 0,
            mac: 0,
            min_tls: 0,
            strength: 0,
        }
    }

    const fn all() -> Sel {
        Sel::kx(0)
    }

    #[inline]
    const fn matches(&self, c: &OpenSslCipher) -> bool {
        if let Some(id) = self.id {
            if id != c.code {
                return false;
            }
        }
        (self.kx == 0 || self.kx & c.kx != 0)
            && (self.au == 0 || self.au & c.au != 0)
            && (self.enc == 0 || self.enc & c.enc != 0)
            && (self.mac == 0 || self.mac & c.mac != 0)
            && (self.min_tls == 0 || self.min_tls == c.min_tls)
            && (self.strength & S_STRONG_MASK == 0
                || self.strength & S_STRONG_MASK & c.strength != 0)
            && (self.strength & S_DEFAULT_MASK == 0
                || self.strength & S_DEFAULT_MASK & c.strength != 0)
    }
}

/// OpenSSL's doubly linked cipher list, as an order array plus flags. All
/// operations are `const fn`, so each target's starting list (after
/// OpenSSL's fixed preference rules) is computed at compile time.
#[derive(Clone, Copy)]
pub(crate) struct List {
    pub(crate) table: &'static [OpenSslCipher],
    order: [u8; MAX],
    len: usize,
    active: [bool; MAX],
}

impl List {
    /// The list in initial table order (all inactive), then OpenSSL's fixed
    /// preference rules applied, ending with everything disabled.
    pub(crate) const fn initial(table: &'static [OpenSslCipher]) -> List {
        let n = if table.len() < MAX { table.len() } else { MAX };
        let mut order = [0u8; MAX];
        let mut i = 0;
        while i < n {
            order[i] = i as u8;
            i += 1;
        }
        let all = Sel::all();
        List {
            table,
            order,
            len: n,
            active: [false; MAX],
        }
        .with(
            Sel {
                au: A_ECDSA,
                ..Sel::kx(K_ECDHE)
            },
            Op::Add,
        )
        .with(Sel::kx(K_ECDHE), Op::Add)
        .with(Sel::kx(K_ECDHE), Op::Del)
        .with(
            Sel {
                enc: E_AESGCM,
                ..all
            },
            Op::Add,
        )
        .with(
            Sel {
                enc: E_CHACHA20POLY1305,
                ..all
            },
            Op::Add,
        )
        .with(
            Sel {
                enc: E_AES ^ E_AESGCM,
                ..all
            },
            Op::Add,
        )
        .with(all, Op::Add)
        .with(Sel { mac: M_MD5, ..all }, Op::Ord)
        .with(Sel { au: A_NULL, ..all }, Op::Ord)
        .with(Sel::kx(K_RSA), Op::Ord)
        .with(Sel::kx(K_PSK), Op::Ord)
        .with(Sel { enc: E_RC4, ..all }, Op::Ord)
        .strength_sorted()
        .with(
            Sel {
                min_tls: TLS1_2,
                ..all
            },
            Op::Bump,
        )
        .with(Sel { mac: M_AEAD, ..all }, Op::Bump)
        .with(Sel::kx(K_DHE | K_ECDHE), Op::Bump)
        .with(
            Sel {
                mac: M_AEAD,
                ..Sel::kx(K_DHE | K_ECDHE)
            },
            Op::Bump,
        )
        .with(all, Op::Del)
    }

    /// Applies one rule in place.
    pub(crate) fn apply(&mut self, sel: &Sel, op: Op) {
        *self = self.with(*sel, op);
    }

    /// Applies one rule. Every operation is a stable partition of the list.
    const fn with(mut self, sel: Sel, op: Op) -> List {
        let mut moved = [0u8; MAX];
        let mut rest = [0u8; MAX];
        let (mut nm, mut nr) = (0, 0);
        let mut k = 0;
        while k < self.len {
            let i = self.order[k] as usize;
            k += 1;
            let act = self.active[i];
            let wanted = match op {
                Op::Add => !act,
                Op::Ord | Op::Del | Op::Bump => act,
                Op::Kill => true,
            };
            if wanted && sel.matches(&self.table[i]) {
                match op {
                    Op::Add => self.active[i] = true,
                    Op::Del | Op::Kill => self.active[i] = false,
                    Op::Ord | Op::Bump => {}
                }
                if !matches!(op, Op::Kill) {
                    moved[nm] = i as u8;
                    nm += 1;
                }
            } else {
                rest[nr] = i as u8;
                nr += 1;
            }
        }
        let (first, nf, second, ns) = match op {
            Op::Add | Op::Ord | Op::Kill => (rest, nr, moved, nm),
            Op::Del | Op::Bump => (moved, nm, rest, nr),
        };
        let mut j = 0;
        while j < nf {
            self.order[j] = first[j];
            j += 1;
        }
        while j < nf + ns {
            self.order[j] = second[j - nf];
            j += 1;
        }
        self.len = nf + ns;
        self
    }

    /// `@STRENGTH`, in place.
    pub(crate) fn strength_sort(&mut self) {
        *self = self.strength_sorted();
    }

    /// `@STRENGTH`: active ciphers move to the end, by descending strength
    /// bits, keeping their relative order within one strength.
    const fn strength_sorted(mut self) -> List {
        let mut out = [0u8; MAX];
        let mut no = 0;
        let mut k = 0;
        while k < self.len {
            let i = self.order[k];
            if !self.active[i as usize] {
                out[no] = i;
                no += 1;
            }
            k += 1;
        }
        // One pass per distinct strength, highest first.
        let mut bound: u32 = u32::MAX;
        loop {
            let mut best: Option<u16> = None;
            let mut k = 0;
            while k < self.len {
                let i = self.order[k] as usize;
                let sb = self.table[i].strength_bits;
                if self.active[i] && (sb as u32) < bound {
                    best = match best {
                        Some(b) if b >= sb => Some(b),
                        _ => Some(sb),
                    };
                }
                k += 1;
            }
            let Some(b) = best else { break };
            let mut k = 0;
            while k < self.len {
                let i = self.order[k];
                if self.active[i as usize] && self.table[i as usize].strength_bits == b {
                    out[no] = i;
                    no += 1;
                }
                k += 1;
            }
            bound = b as u32;
        }
        self.order = out;
        self
    }

    /// The active ciphers, in order.
    pub(crate) fn active(&self) -> impl Iterator<Item = &'static OpenSslCipher> + '_ {
        let table = self.table;
        self.order[..self.len]
            .iter()
            .filter(move |&&i| self.active[i as usize])
            .map(move |&i| &table[i as usize])
    }
}

/// One entry of OpenSSL's lookup list: a cipher or an alias.
enum Entry {
    OpenSslCipher(&'static OpenSslCipher),
    Alias(&'static Alias),
}

fn lookup(target: Release, word: &str) -> Option<Entry> {
    if let Some(c) = target.cipher_by_name(word) {
        return Some(Entry::OpenSslCipher(c));
    }
    ALIASES
        .iter()
        .find(|a| a.name == word && target.has_alias(a))
        .map(Entry::Alias)
}

#[inline]
fn is_sep(b: u8) -> bool {
    matches!(b, b':' | b' ' | b';' | b',')
}

#[inline]
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'=')
}

/// Combines one field of a multi-part (`A+B`) pattern. `false` if the
/// intersection is empty.
fn combine(acc: &mut u32, v: u32) -> bool {
    if v != 0 {
        if *acc != 0 {
            *acc &= v;
            return *acc != 0;
        }
        *acc = v;
    }
    true
}

/// Processes one rule string (after the DEFAULT/SUITEB prefixes were dealt
/// with). `base` is the byte offset of `rule` in the user's string, for
/// messages. Returns the first error; like OpenSSL, a bad `@` command does
/// not stop the processing but fails the whole string at the end.
pub(crate) fn process(
    target: Release,
    rule: &str,
    base: usize,
    list: &mut List,
    warnings: &mut Vec<Warning>,
    sec_level: &mut Option<u8>,
) -> Result<(), CipherStringError> {
    let s = rule.as_bytes();
    let n = s.len();
    let mut l = 0;
    let mut deferred: Option<CipherStringError> = None;
    while l < n {
        let ch = s[l];
        let op = match ch {
            b'-' => Some(Op::Del),
            b'+' => Some(Op::Ord),
            b'!' => Some(Op::Kill),
            b'@' => None,
            _ => Some(Op::Add),
        };
        if !matches!(op, Some(Op::Add)) {
            l += 1;
        } else if is_sep(ch) {
            l += 1;
            continue;
        }
        let term_start = l;
        let mut sel = Sel::default();
        let mut found = false;
        let (mut wstart, mut wend);
        loop {
            wstart = l;
            while l < n && is_word(s[l]) {
                l += 1;
            }
            wend = l;
            if wstart == wend {
                return Err(CipherStringError::InvalidCommand {
                    position: base + l,
                    found: rule[l..].chars().next(),
                });
            }
            if op.is_none() {
                break;
            }
            let multi = l < n && s[l] == b'+';
            if multi {
                l += 1;
            }
            let word = &rule[wstart..wend];
            found = false;
            sel.id = None;
            let (kx, au, enc, mac, min_tls, strength, id) = match lookup(target, word) {
                None => {
                    // Report the whole token as written (OpenSSL skips it all).
                    let end = rule[wstart..]
                        .find(|c: char| c.is_ascii() && (is_sep(c as u8) || c == '+'))
                        .map_or(n, |e| wstart + e);
                    warnings.push(Warning::unknown(target, &rule[wstart..end], base + wstart));
                    break;
                }
                Some(Entry::OpenSslCipher(c)) => {
                    (c.kx, c.au, c.enc, c.mac, 0, c.strength, Some(c.code))
                }
                Some(Entry::Alias(a)) => (a.kx, a.au, a.enc, a.mac, a.min_tls, a.strength, None),
            };
            let mut ok = combine(&mut sel.kx, kx)
                && combine(&mut sel.au, au)
                && combine(&mut sel.enc, enc)
                && combine(&mut sel.mac, mac);
            if ok && strength & S_STRONG_MASK != 0 {
                if sel.strength & S_STRONG_MASK != 0 {
                    sel.strength &= (strength & S_STRONG_MASK) | !S_STRONG_MASK;
                    ok = sel.strength & S_STRONG_MASK != 0;
                } else {
                    sel.strength = strength & S_STRONG_MASK;
                }
            }
            if ok && strength & S_DEFAULT_MASK != 0 {
                if sel.strength & S_DEFAULT_MASK != 0 {
                    sel.strength &= (strength & S_DEFAULT_MASK) | !S_DEFAULT_MASK;
                    ok = sel.strength & S_DEFAULT_MASK != 0;
                } else {
                    sel.strength |= strength & S_DEFAULT_MASK;
                }
            }
            if ok {
                if id.is_some() {
                    sel.id = id;
                } else if min_tls != 0 {
                    if sel.min_tls != 0 && sel.min_tls != min_tls {
                        ok = false;
                    } else {
                        sel.min_tls = min_tls;
                    }
                }
            }
            if !ok {
                let end = rule[term_start..]
                    .find(|c: char| c.is_ascii() && is_sep(c as u8))
                    .map_or(n, |e| term_start + e);
                warnings.push(Warning::EmptyCombination {
                    term: rule[term_start..end].to_string(),
                    position: base + term_start,
                });
                break;
            }
            found = true;
            if !multi {
                break;
            }
        }
        match op {
            None => {
                let cmd = &rule[wstart..wend];
                let bytes = cmd.as_bytes();
                if cmd == "STRENGTH" {
                    list.strength_sort();
                } else if bytes.len() == 10
                    && cmd.starts_with("SECLEVEL=")
                    && (b'0'..=b'5').contains(&bytes[9])
                {
                    *sec_level = Some(bytes[9] - b'0');
                } else if deferred.is_none() {
                    deferred = Some(CipherStringError::BadSpecial {
                        position: base + wstart - 1,
                        command: cmd.to_string(),
                    });
                }
                let start = l;
                while l < n && !is_sep(s[l]) {
                    l += 1;
                }
                if l > start {
                    warnings.push(Warning::IgnoredText {
                        text: rule[start..l].to_string(),
                        position: base + start,
                    });
                }
            }
            Some(op) if found => list.apply(&sel, op),
            Some(_) => {
                while l < n && !is_sep(s[l]) {
                    l += 1;
                }
            }
        }
    }
    match deferred {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Whether an alias of the target selects at least one of its ciphers.
pub(crate) fn alias_selects(target: Release, a: &Alias) -> bool {
    let sel = Sel {
        id: None,
        kx: a.kx,
        au: a.au,
        enc: a.enc,
        mac: a.mac,
        min_tls: a.min_tls,
        strength: a.strength,
    };
    target.has_alias(a) && target.ciphers().iter().any(|c| sel.matches(c))
}
