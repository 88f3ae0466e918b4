//! The Windows listings (`Get-TlsCipherSuite`, `(Get-TlsCipherSuite).Name`,
//! the Group Policy string, the registry `Functions` value): read by
//! [`crate::windows`], turned into a [`Report`] here.

use super::{Format, InputError, Report, SuiteRef};

/// A report from one of the Windows listing parsers of [`crate::windows`].
pub(super) fn report(
    format: Format,
    parsed: Result<Vec<crate::windows::Listed>, crate::windows::ListingError>,
) -> Result<Report, InputError> {
    let list = parsed.map_err(InputError::Windows)?;
    let mut report = Report::new(format);
    for l in list {
        let suite = match l.suite() {
            Some(s) if s.is_grease() => SuiteRef::Grease(s.code() as u16),
            Some(s) => SuiteRef::Known(s),
            None => SuiteRef::Unknown {
                code: l.code(),
                name: (!l.name().is_empty()).then(|| l.name().to_string()),
            },
        };
        let line = u32::try_from(l.line()).ok();
        report.push(None, suite, false, line);
    }
    Ok(report)
}
