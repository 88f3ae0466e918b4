//! The `cipherdex` command: parses the command line, runs one subcommand,
//! maps the outcome to an exit status. All knowledge is in the library.

#![forbid(unsafe_code)]

mod args;
mod certs;
mod cmd;
mod ctx;
mod error;
mod input;
mod json;
mod table;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::error::ErrorKind;

fn main() -> ExitCode {
    let cli = match args::parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut err = io::stderr().lock();
    let result = cmd::run(cli, &mut out, &mut err).and_then(|status| {
        out.flush()?;
        Ok(status)
    });
    match result {
        Ok(status) => status.into(),
        // A closed pipe (`cipherdex list | head -1`) just means nobody reads on.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "cipherdex: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Prints clap's help, version or usage error; exit 0 for help and version, 2 otherwise.
fn clap_exit(e: &clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            let text = e.render().to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text);
            let mut stderr = io::stderr().lock();
            let _ = write!(stderr, "cipherdex: error: {text}");
            if e.kind() == ErrorKind::UnknownArgument {
                let argv: Vec<String> = std::env::args().collect();
                let (name, options) = args::valid_options(&argv);
                let _ = writeln!(stderr, "Valid options of '{name}': {}", options.join(", "));
                let typo = argv.get(1).and_then(|w| args::similar_command(w));
                if let (Some(cmd), Some(word)) = (typo, argv.get(1)) {
                    let _ = writeln!(
                        stderr,
                        "{word:?} is not a command; did you mean 'cipherdex {cmd}'?"
                    );
                }
            }
            ExitCode::from(2)
        }
    }
}
