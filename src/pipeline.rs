//! The build: load → score → check → plan → render and write.
//!
//! In: [`BuildOptions`] and a [`Verbosity`]. Out: the site written into the output's temporary
//! folder and swapped in atomically, and a [`BuildSummary`]. [`build_with`] runs these stages
//! one unit at a time (`crate::stream`): the stages are the same functions as in DESIGN.md's
//! pipeline, applied to a corpus of one unit, so that memory never holds the whole corpus; the
//! pages over every unit come last, from per-unit summaries. Invalid content writes nothing
//! (the temporary folder is dropped) and reports the same located errors as `check`; findings
//! stop it only under `strict` (then nothing is written either). [`build_site_files`] is the
//! same build into a temporary folder, read back as files, for `archive` and `diff`: there is
//! one build path (issue 20).
//!
//! `SOURCE_DATE_EPOCH` is read by the caller and passed in [`BuildOptions::epoch`]: its UTC date
//! is the only date a page may show, and without it no date appears at all.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::time::Instant;

use crate::epoch::Epoch;
use crate::error::Result;
use crate::lang::pick;
use crate::model::Profile;
use crate::output::RenderedFile;

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Content folder.
    pub content: PathBuf,
    /// Output folder (replaced as a whole).
    pub output: PathBuf,
    /// Theme name; `None`: the site's `theme:` setting.
    pub theme: Option<String>,
    /// Profile; `None`: the site's `profile:` setting.
    pub profile: Option<Profile>,
    /// Stop (write nothing) when there are findings.
    pub strict: bool,
    /// `SOURCE_DATE_EPOCH`, already parsed; `None` when unset (then no page shows a date).
    pub epoch: Option<Epoch>,
}

/// A built site as its files (see [`build_site_files`]).
#[derive(Debug, Clone)]
pub struct RenderedSite {
    /// Every file, sorted by path.
    pub files: Vec<RenderedFile>,
    /// Number of audit findings.
    pub findings: usize,
}

/// What a build did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildSummary {
    /// Number of audit findings.
    pub findings: usize,
    /// Whether the site was written (false only under `strict` with findings).
    pub written: bool,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Files rendered by this build.
    pub rendered: usize,
    /// Files taken over unchanged from the previous build (hard links).
    pub reused: usize,
    /// What went wrong without stopping the build (printed on stderr as `warning: …`).
    pub warnings: Vec<String>,
}

/// How much a build says on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Verbosity {
    /// Nothing but errors.
    Quiet,
    /// One line per stage, and a progress bar while writing when stderr is a terminal.
    #[default]
    Normal,
    /// As `Normal`, with each stage's time and how many files were rendered or taken over.
    Verbose,
}

/// Builds the site, saying one line per stage.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    build_with(opts, Verbosity::Normal)
}

/// Builds the site: streams the files into the output's temporary folder as they are rendered
/// (in bounded chunks), taking over unchanged files from the previous build (see
/// `crate::cache`), and swaps the new site in.
pub fn build_with(opts: &BuildOptions, verbosity: Verbosity) -> Result<BuildSummary> {
    build_with_fault(opts, verbosity, crate::output::Fault::None)
}

/// [`build_with`] with an injected fault in the output writer (tests only).
#[doc(hidden)]
pub fn build_with_fault(
    opts: &BuildOptions,
    verbosity: Verbosity,
    fault: crate::output::Fault,
) -> Result<BuildSummary> {
    let mut log = Log::new(verbosity);
    let done = crate::stream::build(opts, &mut log, fault)?;
    if done.written {
        let (files, bytes, to) = (done.files, done.bytes, opts.output.display());
        let (rendered, reused) = (done.rendered, done.reused);
        log.stage(pick(
            format!(
                "写入：{files} 个文件，共 {bytes} 字节，写到 {to}（新生成 {rendered} 个，未变 {reused} 个）"
            ),
            format!(
                "write: {files} file(s), {bytes} bytes to {to} ({rendered} rendered, {reused} unchanged)"
            ),
        ));
    }
    // Said even under `--quiet`: each names something left on disk to look at.
    for warning in &done.warnings {
        eprintln!("{}{warning}", pick("警告：", "warning: "));
    }
    Ok(BuildSummary {
        findings: done.findings,
        written: done.written,
        files: done.files,
        bytes: done.bytes,
        rendered: done.rendered,
        reused: done.reused,
        warnings: done.warnings,
    })
}

/// The line of a `--strict` build that stops on findings.
pub(crate) fn strict_stop() -> String {
    pick(
        "检查：有发现，且使用了 --strict；未写入任何文件",
        "check: findings under --strict; nothing written",
    )
}

/// The site as its files, for `archive` and `diff`: the streaming build (the only build path,
/// issue 20) writes it into a temporary folder, which is read back and removed; `None` when
/// `strict` stops the build because of findings. `opts.output` is not used.
pub fn build_site_files(opts: &BuildOptions) -> Result<Option<RenderedSite>> {
    let folder = crate::fs::TempFolder::new("gongkai-build")?;
    let opts = BuildOptions {
        output: folder.path().join("site"),
        ..opts.clone()
    };
    let mut log = Log::new(Verbosity::Quiet);
    let done = crate::stream::build(&opts, &mut log, crate::output::Fault::None)?;
    if !done.written {
        return Ok(None);
    }
    let mut files = Vec::new();
    for entry in crate::fs::walk_sorted_all(&opts.output)? {
        let path = entry.names.join("/");
        if entry.kind == crate::fs::EntryKind::File && path != crate::output::MARKER {
            files.push(RenderedFile {
                bytes: crate::fs::read(&entry.path)?,
                path,
            });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Some(RenderedSite {
        files,
        findings: done.findings,
    }))
}

/// Stage lines on stderr, with times under `Verbose`.
pub(crate) struct Log {
    verbosity: Verbosity,
    last: Instant,
}

impl Log {
    fn new(verbosity: Verbosity) -> Log {
        Log {
            verbosity,
            last: Instant::now(),
        }
    }

    /// Whether a progress bar may be shown (not quiet, stderr a terminal).
    pub(crate) fn progress(&self) -> bool {
        self.verbosity != Verbosity::Quiet && std::io::stderr().is_terminal()
    }

    /// Says that a stage ended (with the time since the previous one under `Verbose`).
    pub(crate) fn stage(&mut self, line: impl std::fmt::Display) {
        let now = Instant::now();
        match self.verbosity {
            Verbosity::Quiet => {}
            Verbosity::Normal => crate::term::print_err(&format!("{line}\n")),
            Verbosity::Verbose => {
                let ms = now.duration_since(self.last).as_millis();
                crate::term::print_err(&format!("{line} [{ms} ms]\n"));
            }
        }
        self.last = now;
    }
}
