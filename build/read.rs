//! Loads a CSV file by column name, keeping line numbers for error messages.

use std::path::Path;

/// One CSV file: its header and its rows, each with the line it starts on.
pub struct Table {
    /// The path relative to the package root, as printed in errors (`data/names.csv`).
    pub path: String,
    header: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
}

/// One row of a [`Table`], read by column name.
pub struct Row<'a> {
    table: &'a Table,
    line: u64,
    record: &'a csv::StringRecord,
}

impl Table {
    /// Reads `dir/name`, requiring exactly the columns in `expected` (in any
    /// order; extra columns are errors too, so that a renamed column is noticed).
    pub fn load(dir: &Path, name: &str, expected: &[&str]) -> Result<Table, Vec<String>> {
        let path = format!("data/{name}");
        let full = dir.join(name);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_path(&full)
            .map_err(|e| vec![format!("{path}: cannot open: {e}")])?;
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| vec![format!("{path}:1: cannot read header: {e}")])?
            .iter()
            .map(str::to_string)
            .collect();
        let mut errors = Vec::new();
        for col in expected {
            if !header.iter().any(|h| h == col) {
                errors.push(format!(
                    "{path}:1: missing column {col:?} (header is {header:?})"
                ));
            }
        }
        for h in &header {
            if !expected.contains(&h.as_str()) {
                errors.push(format!(
                    "{path}:1: unexpected column {h:?} (expected {expected:?})"
                ));
            }
        }
        let mut rows = Vec::new();
        for rec in reader.records() {
            match rec {
                Ok(r) => {
                    let line = r.position().map_or(0, |p| p.line());
                    rows.push((line, r));
                }
                Err(e) => {
                    let line = e
                        .position()
                        .map_or(String::new(), |p| format!(":{}", p.line()));
                    errors.push(format!("{path}{line}: malformed CSV: {e}"));
                }
            }
        }
        if errors.is_empty() {
            Ok(Table { path, header, rows })
        } else {
            Err(errors)
        }
    }

    /// The rows, in file order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(move |(line, record)| Row {
            table: self,
            line: *line,
            record,
        })
    }
}

impl Row<'_> {
    /// The value of column `col`, trimmed. Panics only on a column the
    /// loader was not told about, which is a bug in the build script.
    pub fn get(&self, col: &str) -> &str {
        let i = self
            .table
            .header
            .iter()
            .position(|h| h == col)
            .unwrap_or_else(|| {
                panic!(
                    "build script bug: column {col:?} not declared for {}",
                    self.table.path
                )
            });
        self.record.get(i).unwrap_or("").trim()
    }

    /// `file:line` for error messages.
    pub fn at(&self) -> String {
        format!("{}:{}", self.table.path, self.line)
    }

    /// Parses column `col` with `FromStr`, or records `file:line: error`.
    pub fn parse<T: std::str::FromStr>(&self, col: &str, errors: &mut Vec<String>) -> Option<T>
    where
        T::Err: std::fmt::Display,
    {
        match self.get(col).parse() {
            Ok(v) => Some(v),
            Err(e) => {
                errors.push(format!("{}: column {col}: {e}", self.at()));
                None
            }
        }
    }
}

/// Parses a hexadecimal code point: 4 digits (TLS) or 6 digits (SSL 2.0).
pub fn code(s: &str) -> Result<u32, String> {
    if (s.len() == 4 || s.len() == 6) && s.bytes().all(|b| b.is_ascii_hexdigit()) {
        if s.bytes().any(|b| b.is_ascii_lowercase()) {
            return Err(format!("code {s:?} must be upper-case hex"));
        }
        u32::from_str_radix(s, 16).map_err(|e| e.to_string())
    } else {
        Err(format!("code {s:?} is not 4 or 6 hex digits"))
    }
}
