//! Value parsers shared by several commands: policy names, `--to` schemes,
//! Windows releases, rating levels and the suite attributes of `list`.

use std::ffi::OsStr;
use std::marker::PhantomData;
use std::str::FromStr;

use cipherdex::windows::Release;
use cipherdex::{Authentication, Cipher, KeyExchange, Mac, Mode, Protocol, Scheme};
use clap::builder::{PossibleValue, TypedValueParser};

use super::NameTarget;

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
        s.parse().map_err(|e: cipherdex::PolicyError| {
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
pub fn parse_level(s: &str) -> Result<cipherdex::Level, cipherdex::LevelError> {
    s.parse()
}

/// Parses `--to`: `hex` or any scheme name; lists every accepted value.
#[derive(Debug, Clone, Copy)]
pub struct NameTargetParser;

impl TypedValueParser for NameTargetParser {
    type Value = NameTarget;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<NameTarget, clap::Error> {
        let s = value.to_string_lossy();
        if s.eq_ignore_ascii_case("hex") || s.eq_ignore_ascii_case("code") {
            return Ok(NameTarget::Hex);
        }
        s.parse::<Scheme>()
            .map(NameTarget::Scheme)
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

pub(super) fn invalid_value(
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
