//! The `gongkai` binary: parse arguments, run, print, pick the exit code.
//!
//! Exit codes: 0 ok, 1 findings under `--strict`, 2 invalid input or I/O error.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command, Format, ProfileArg};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> gongkai::Result<ExitCode> {
    match cli.command {
        Command::Check {
            content,
            format,
            strict,
        } => {
            let corpus = gongkai::load(&content)?;
            let scores = gongkai::score_corpus(&corpus);
            let report = gongkai::check(&corpus, &scores);
            let mut out = std::io::stdout().lock();
            let text = match format {
                Format::Human => report.to_human(&corpus),
                Format::Json => report.to_json(),
            };
            // A closed pipe (e.g. `| head`) is not an error worth a panic.
            let _ = out.write_all(text.as_bytes());
            Ok(if strict && !report.findings.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Build {
            content,
            output,
            theme,
            profile,
            strict,
        } => {
            let summary = gongkai::build(&gongkai::BuildOptions {
                content,
                output,
                theme,
                profile: profile.map(|p| match p {
                    ProfileArg::Public => gongkai::model::Profile::Public,
                    ProfileArg::Internal => gongkai::model::Profile::Internal,
                }),
                strict,
            })?;
            Ok(if summary.written {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
