//! The evaluator: OpenSSL's ordered cipher list and its rule operations,
//! re-implemented over a fixed table with index arrays (no allocation in the
//! hot path).

use super::bits::*;
use super::keywords::{Alias, ALIASES};
use super::{Error, OpenSslCipher, Target, Warning};

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

    #[inline]
    fn matches(&self, c: &OpenSslCipher) -> bool {
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

/// OpenSSL's doubly linked cipher list, as an order array plus flags.
pub(crate) struct List {
    pub(crate) table: &'static [OpenSslCipher],
    order: [u8; MAX],
    len: usize,
    active: [bool; MAX],
}

impl List {
    /// The list in initial table order (all inactive), then OpenSSL's fixed
    /// preference rules applied, ending with everything disabled.
    pub(crate) fn new(table: &'static [OpenSslCipher]) -> List {
        let n = table.len().min(MAX);
        let mut order = [0u8; MAX];
        for (i, slot) in order.iter_mut().enumerate().take(n) {
            *slot = i as u8;
        }
        let mut l = List {
            table,
            order,
            len: n,
            active: [false; MAX],
        };
        let all = Sel::default();
        l.apply(
            &Sel {
                au: A_ECDSA,
                ..Sel::kx(K_ECDHE)
            },
            Op::Add,
        );
        l.apply(&Sel::kx(K_ECDHE), Op::Add);
        l.apply(&Sel::kx(K_ECDHE), Op::Del);
        l.apply(
            &Sel {
                enc: E_AESGCM,
                ..all
            },
            Op::Add,
        );
        l.apply(
            &Sel {
                enc: E_CHACHA20POLY1305,
                ..all
            },
            Op::Add,
        );
        l.apply(
            &Sel {
                enc: E_AES ^ E_AESGCM,
                ..all
            },
            Op::Add,
        );
        l.apply(&all, Op::Add);
        l.apply(&Sel { mac: M_MD5, ..all }, Op::Ord);
        l.apply(&Sel { au: A_NULL, ..all }, Op::Ord);
        l.apply(&Sel::kx(K_RSA), Op::Ord);
        l.apply(&Sel::kx(K_PSK), Op::Ord);
        l.apply(&Sel { enc: E_RC4, ..all }, Op::Ord);
        l.strength_sort();
        l.apply(
            &Sel {
                min_tls: TLS1_2,
                ..all
            },
            Op::Bump,
        );
        l.apply(&Sel { mac: M_AEAD, ..all }, Op::Bump);
        l.apply(&Sel::kx(K_DHE | K_ECDHE), Op::Bump);
        l.apply(
            &Sel {
                mac: M_AEAD,
                ..Sel::kx(K_DHE | K_ECDHE)
            },
            Op::Bump,
        );
        l.apply(&all, Op::Del);
        l
    }

    /// Applies one rule. Every operation is a stable partition of the list.
    pub(crate) fn apply(&mut self, sel: &Sel, op: Op) {
        let mut moved = [0u8; MAX];
        let mut rest = [0u8; MAX];
        let (mut nm, mut nr) = (0, 0);
        for k in 0..self.len {
            let i = self.order[k];
            let c = &self.table[i as usize];
            let act = self.active[i as usize];
            let hit = sel.matches(c)
                && match op {
                    Op::Add => !act,
                    Op::Ord | Op::Del | Op::Bump => act,
                    Op::Kill => true,
                };
            if hit {
                match op {
                    Op::Add => self.active[i as usize] = true,
                    Op::Del | Op::Kill => self.active[i as usize] = false,
                    Op::Ord | Op::Bump => {}
                }
                if op != Op::Kill {
                    moved[nm] = i;
                    nm += 1;
                }
            } else {
                rest[nr] = i;
                nr += 1;
            }
        }
        match op {
            Op::Add | Op::Ord => {
                self.order[..nr].copy_from_slice(&rest[..nr]);
                self.order[nr..nr + nm].copy_from_slice(&moved[..nm]);
            }
            Op::Del | Op::Bump => {
                self.order[..nm].copy_from_slice(&moved[..nm]);
                self.order[nm..nm + nr].copy_from_slice(&rest[..nr]);
            }
            Op::Kill => self.order[..nr].copy_from_slice(&rest[..nr]),
        }
        self.len = nm + nr;
    }

    /// `@STRENGTH`: active ciphers move to the end, by descending strength
    /// bits, keeping their relative order within one strength.
    pub(crate) fn strength_sort(&mut self) {
        let mut inactive = [0u8; MAX];
        let mut act = [0u8; MAX];
        let (mut ni, mut na) = (0, 0);
        for k in 0..self.len {
            let i = self.order[k];
            if self.active[i as usize] {
                act[na] = i;
                na += 1;
            } else {
                inactive[ni] = i;
                ni += 1;
            }
        }
        let table = self.table;
        act[..na].sort_by(|&a, &b| {
            table[b as usize]
                .strength_bits
                .cmp(&table[a as usize].strength_bits)
        });
        self.order[..ni].copy_from_slice(&inactive[..ni]);
        self.order[ni..ni + na].copy_from_slice(&act[..na]);
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

fn lookup(target: Target, word: &str) -> Option<Entry> {
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
    target: Target,
    rule: &str,
    base: usize,
    list: &mut List,
    warnings: &mut Vec<Warning>,
    sec_level: &mut Option<u8>,
) -> Result<(), Error> {
    let s = rule.as_bytes();
    let n = s.len();
    let mut l = 0;
    let mut deferred: Option<Error> = None;
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
                return Err(Error::InvalidCommand {
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
                    deferred = Some(Error::BadSpecial {
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
pub(crate) fn alias_selects(target: Target, a: &Alias) -> bool {
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
