//! Command-line types (clap derive). No logic here.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// gongkai (公开): build verifiable disclosure sites from budget records.
#[derive(Debug, Parser)]
#[command(name = "gongkai", version, about)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Load, validate, score and audit the content without writing anything.
    Check {
        /// Content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Exit with code 1 when there are findings.
        #[arg(long)]
        strict: bool,
    },
    /// Build the site: load, score, audit, render and write it atomically.
    Build {
        /// Content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Output folder (replaced as a whole).
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// Theme name (default: the site's `theme:` setting).
        #[arg(long)]
        theme: Option<String>,
        /// Profile (default: the site's `profile:` setting).
        #[arg(long, value_enum)]
        profile: Option<ProfileArg>,
        /// Exit with code 1, writing nothing, when there are findings.
        #[arg(long)]
        strict: bool,
    },
}

/// Who the site is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ProfileArg {
    /// Published: no personal data, no findings.
    Public,
    /// For the finance bureau: findings beside the figures.
    Internal,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// For people.
    Human,
    /// Stable JSON for tools.
    Json,
}
