//! Command-line types (clap derive). No logic here.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// gongkai (公开): build verifiable disclosure sites from budget records.
#[derive(Debug, Parser)]
#[command(name = "gongkai", version, about)]
pub(crate) struct Cli {
    /// The language of messages: zh (中文, the default) or en; without it, a LANG (or LC_ALL,
    /// LC_MESSAGES) starting with `en` chooses English.
    #[arg(long, global = true, value_enum)]
    pub(crate) lang: Option<LangArg>,
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Load, validate, score and audit the content without writing anything.
    Check {
        /// Only these records: record files (`content/UNIT/2024.yaml`), narratives, year or unit
        /// folders or `_unit.yaml` files inside the content folder (default: all of it).
        paths: Vec<PathBuf>,
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
        /// Say nothing but errors (no stage lines, no progress bar).
        #[arg(long, short, conflicts_with = "verbose")]
        quiet: bool,
        /// Add each stage's time and how many files were rendered or taken over unchanged.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Build the public site and store it as a new snapshot `<archive>/<YYYY-MM-DD>[-label]/`.
    Archive {
        /// Content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Archive folder (snapshots are added, never replaced).
        #[arg(long, default_value = "archive")]
        archive: PathBuf,
        /// Theme name (default: the site's `theme:` setting).
        #[arg(long)]
        theme: Option<String>,
        /// Appended to the date: `2024-06-30-<label>`.
        #[arg(long)]
        label: Option<String>,
        /// Also write `<archive>/<name>.tar.gz` (sorted entries, mtime 0, uid/gid 0).
        #[arg(long)]
        tar: bool,
    },
    /// Check that a snapshot is exactly what was archived; exit 0 only when it is.
    Verify {
        /// The snapshot folder (`archive/2024-06-30`).
        snapshot: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// What changed between two publications (snapshots or a content folder), figure by figure.
    Diff {
        /// The earlier snapshot (or content folder).
        old: PathBuf,
        /// The later snapshot, or a content folder to build.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Read the 决算 tables of workbooks (.xlsx, .xls, .ods) into `content/UNIT/YEAR.yaml`.
    Import {
        /// The workbooks.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The unit's id (its folder under content/).
        #[arg(long)]
        unit: String,
        /// The record's year.
        #[arg(long)]
        year: i64,
        /// The record's edition (`national`, `shanghai` …); left out: the site's.
        #[arg(long)]
        edition: Option<String>,
        /// The record's scoring template.
        #[arg(long, default_value = "national")]
        template: String,
        /// Content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Replace an existing record (the lines that change are shown).
        #[arg(long)]
        force: bool,
    },
    /// Draft `content/UNIT/YEAR.yaml` from the unit's latest record: the same tables, goals,
    /// indicators, weights, targets and 科目, every figure written 待填 for you to fill.
    New {
        /// The unit's id (its folder under content/).
        unit: String,
        /// The year of the new record.
        year: i64,
        /// Content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// For a new unit: its name as printed (单位名称); writes `_unit.yaml` too.
        #[arg(long)]
        name: Option<String>,
    },
    /// Write the JSON Schemas of the record, `_unit.yaml` and `_site.yaml` formats, for editors
    /// that check and complete YAML while one types (VS Code with the YAML extension …).
    Schema {
        /// Folder to write `record.schema.json`, `unit.schema.json` and `site.schema.json` into.
        #[arg(long, default_value = "docs/schema")]
        out: PathBuf,
    },
    /// Build, serve the output folder on 127.0.0.1, rebuild on every change and reload the pages.
    Serve {
        /// Content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Output folder (replaced as a whole on every build).
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// Theme name (default: the site's `theme:` setting).
        #[arg(long)]
        theme: Option<String>,
        /// Profile (default: the site's `profile:` setting).
        #[arg(long, value_enum)]
        profile: Option<ProfileArg>,
        /// Port; 0 picks a free one (the address is printed).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; anything but loopback lets other machines read the site. Requests
        /// are answered only when their `Host` names this address, `localhost` or `127.0.0.1`
        /// (with the port), or a name given with `--allow-host`.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// A name the browser may use besides the bound address, localhost and 127.0.0.1
        /// (requests naming any other host get 403); may be repeated.
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_host: Vec<String>,
        /// Milliseconds a client has to send its request (default: `serve::Limits`; tests
        /// shorten it, as they lower the two caps below).
        #[arg(long, hide = true)]
        deadline_ms: Option<u64>,
        /// Connections one client address may hold at once.
        #[arg(long, hide = true)]
        max_per_client: Option<usize>,
        /// Connections all clients may hold at once.
        #[arg(long, hide = true)]
        max_connections: Option<usize>,
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

impl ProfileArg {
    /// The profile it names.
    pub(crate) fn profile(self) -> gongkai::model::Profile {
        match self {
            ProfileArg::Public => gongkai::model::Profile::Public,
            ProfileArg::Internal => gongkai::model::Profile::Internal,
        }
    }
}

/// Output format of `check`, `verify` and `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// For people.
    Human,
    /// Stable JSON for tools.
    Json,
}

/// `--lang`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum LangArg {
    /// 简体中文.
    Zh,
    /// English.
    En,
}
