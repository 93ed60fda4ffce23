//! Stage 5: write rendered files to a temporary folder beside the output, then swap it in.
//!
//! In: the output folder, the content folder, and every [`RenderedFile`] of the site. Out: the
//! site on disk and a [`WriteSummary`]. Never writes outside the output folder and its
//! gongkai-named siblings, never replaces a folder that gongkai did not build, and never
//! leaves a half-written site at the output path.
//!
//! What [`write_site`] does, in order:
//! 1. Checks every relative path ([`paths`]); a bad one is an [`Error::Usage`] naming it.
//! 2. The guard ([`guard`]): refuses the file system root, the current folder, the home folder,
//!    the content folder or any folder containing one of them, any folder inside the content
//!    folder (compared after resolving links and `..`), a file or a dangling link at the output path, and a non-empty folder without
//!    the [`MARKER`] file. Nothing has been written or removed when either check fails. A link
//!    at the output path that leads to a folder is followed: that folder is the one replaced.
//! 3. Recovery ([`swap`]): if the output is missing and exactly one
//!    `.gongkai-old-<name>-<pid>-<n>` sibling exists, renames it back; then removes every
//!    `.gongkai-tmp-<name>-…` and `.gongkai-old-<name>-…` sibling of this output.
//! 4. Creates `<parent>/.gongkai-tmp-<name>-<pid>-<n>` (the streaming build claims the spare
//!    `.gongkai-spare-<name>` under that name when there is one: see [`swap`]), writes the
//!    marker and then the files in sorted path order as they come ([`SiteWriter`] streams
//!    them: a file unchanged since the previous build may be a hard link to the previous
//!    site's file, which is never modified in place), then the build cache beside the output
//!    under a temporary name (its first line the seal of the new site: its marker's device,
//!    inode and change time), and flushes everything to disk: one `syncfs` on Linux,
//!    elsewhere an `fsync` of every file and folder.
//! 5. Swaps: removes the previous build cache and stamps beside the output, then on Linux one
//!    `renameat2(RENAME_EXCHANGE)` of the temporary folder and the output, after which the
//!    temporary folder holds the previous site, removed (or, for the streaming build, kept as
//!    the spare); elsewhere it renames the output to `.gongkai-old-<name>-<pid>-<n>`, the
//!    temporary folder to the output, flushes the parent folder, and removes the old folder.
//!    The new build cache is then renamed into place, `.gongkai-cache-<name>.json`.
//!
//! The guarantee, given that the output and its parent are on one local file system where
//! `rename` is atomic, and that one writer at a time works on a given output:
//! - If `write_site` returns an error before step 5, the output path holds exactly what it
//!   held before, and the temporary folder has been removed (best effort: if even that fails,
//!   the next run removes it).
//! - If the rename of step 5 fails, the previous site is renamed back before returning.
//! - If the process is killed (or the machine stops) at any moment, the output path holds
//!   either the complete previous site or the complete new one, except, without the exchange,
//!   in the window between the two renames of step 5, when it is missing and the complete previous site stands in
//!   `.gongkai-old-…`; step 3 of the next run puts it back. Leftover temporary or old folders
//!   are removed by the next run; one that cannot be removed (another user's files in it) is
//!   left with a warning and never stops a build.
//! - After a successful return, the output holds exactly the given files plus the marker;
//!   nothing of the previous site survives, and nothing of the build cache is inside it.
//!   Should removing the previous site fail once the new one is in place, the build has
//!   published: it succeeds, and the summary's warnings name what was left (issue 15).
//! - A build cache beside the output is used only when its seal is that of the live site.
//!
//! Several gongkai processes writing the same output at once are not supported: they cannot
//! corrupt a site, but one may remove the other's temporary folder and fail.
//!
//! Output is deterministic: file contents are the given bytes, file and folder permissions are
//! the system defaults, and the marker text carries no time stamp.
//!
//! Testing hook: [`write_site_in`] takes the surroundings ([`OutputEnv`]) and a [`Fault`] as
//! parameters instead of reading the process environment, so tests run in parallel, each in
//! its own sandbox, and can stop a write at a chosen point without global state.

mod guard;
mod paths;
mod swap;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::SystemTime;

use crate::error::{Error, Result};

/// Name of the marker file that says gongkai built the folder.
pub(crate) const MARKER: &str = ".gongkai-output";

/// Prefix of gongkai's build cache beside the output, `.gongkai-cache-<output>.json` (see
/// `crate::cache`). Never inside the output: a web server would publish it, and it holds what
/// only the internal profile shows (finding counts; issue 15).
pub(crate) const CACHE: &str = ".gongkai-cache-";

/// Contents of the marker file.
const MARKER_TEXT: &str = "This folder was built by gongkai (公开), a static site generator.\n\
gongkai replaces it completely on every build: do not keep other files here.\n";

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedFile {
    /// Relative, `/`-separated path inside the output (`units/qingling/2023/index.html`).
    pub path: String,
    /// The complete contents.
    pub bytes: Vec<u8>,
}

/// What [`write_site`] wrote (the marker file is not counted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteSummary {
    /// Number of files.
    pub files: usize,
    /// Total bytes of those files.
    pub bytes: u64,
    /// What went wrong without stopping the build (a folder of an earlier build that could
    /// not be removed), one sentence each.
    pub warnings: Vec<String>,
}

/// Writes the whole site to `output_dir`, replacing what gongkai built there before, atomically
/// as described in the module documentation. `content_dir` is only used by the guard (the
/// content folder and its parents are never replaced).
///
/// Errors: [`Error::Usage`] for a bad file path or a refused output folder (nothing changed),
/// [`Error::Io`] naming the path for a file-system failure.
pub fn write_site(
    output_dir: &Path,
    content_dir: &Path,
    files: &[RenderedFile],
) -> Result<WriteSummary> {
    let env = OutputEnv::from_process(content_dir)?;
    write_site_in(output_dir, files, &env, Fault::None)
}

/// The surroundings the guard protects, passed in so tests need not change the process's
/// current folder or `HOME`.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct OutputEnv {
    /// The current folder; relative paths are resolved against it.
    pub cwd: PathBuf,
    /// The user's home folder, when known.
    pub home: Option<PathBuf>,
    /// The content folder.
    pub content_dir: PathBuf,
}

impl OutputEnv {
    /// The process's current folder and home folder (`HOME`; an empty value counts as unset).
    pub fn from_process(content_dir: &Path) -> Result<OutputEnv> {
        let cwd = std::env::current_dir().map_err(|source| Error::Io {
            action: "resolve",
            path: PathBuf::from("."),
            source,
        })?;
        let home = std::env::home_dir().filter(|h| !h.as_os_str().is_empty());
        Ok(OutputEnv {
            cwd,
            home,
            content_dir: content_dir.to_owned(),
        })
    }
}

/// A failure to inject, for tests: a `Fail…` returns an error and cleans up as any failure
/// does; a `Kill…` returns at once without any cleanup, leaving the file system exactly as a
/// killed process would.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fault {
    /// No failure.
    #[default]
    None,
    /// Fail after this many site files are in the temporary folder.
    FailAfterFiles(usize),
    /// Stop dead after this many site files are in the temporary folder.
    KillAfterFiles(usize),
    /// Stop dead after the old output is renamed away, before the new one takes its place.
    KillBetweenRenames,
    /// Refuse every hard link, as a file system without them does.
    NoLinks,
}

impl Fault {
    /// Why writing stops once `written` files are in place, if it does.
    fn stops_after_files(self, written: usize) -> Option<&'static str> {
        match self {
            Fault::FailAfterFiles(n) if n == written => Some("failed"),
            Fault::KillAfterFiles(n) if n == written => Some("killed"),
            _ => None,
        }
    }
}

/// Resolves a folder that gongkai adds to without replacing it (the archive) and refuses the
/// places the output guard refuses: the file system root, the current folder, the home folder,
/// the content folder, any folder containing one of them, and any folder inside the content
/// folder. Only reads the file system.
pub(crate) fn guard_folder(dir: &Path, env: &OutputEnv) -> Result<PathBuf> {
    guard::locate(dir, env).map(|target| target.path)
}

/// [`write_site`] with explicit surroundings and an injected fault (tests only).
#[doc(hidden)]
pub fn write_site_in(
    output_dir: &Path,
    files: &[RenderedFile],
    env: &OutputEnv,
    fault: Fault,
) -> Result<WriteSummary> {
    let sorted = paths::validate(files)?;
    let writer = SiteWriter::open(
        output_dir,
        sorted.iter().map(|f| f.path.as_str()),
        env,
        fault,
        false,
    )?;
    for file in &sorted {
        if let Err(e) = writer.write(&file.path, &file.bytes) {
            writer.abort();
            return Err(e);
        }
    }
    writer.commit(None)
}

/// Checks the paths of some files of a site (sorted), as [`SiteWriter::open`] checks the
/// others: the streaming build checks each unit's files as it renders them.
pub(crate) fn validate_paths<'a>(paths: impl Iterator<Item = &'a str> + Clone) -> Result<()> {
    paths::validate_paths(paths)
}

/// A file of the previous site found as it was built, with what its inspection saw.
pub(crate) struct PreviousFile {
    from: PathBuf,
    meta: std::fs::Metadata,
}

/// The place of one file in the temporary folder, counted but not written yet.
pub(crate) struct Reserved(PathBuf);

/// A site being written file by file into the temporary folder, then swapped in as a whole:
/// the streaming form of [`write_site_in`], with the same guarantees. Open it (guard,
/// recovery, temporary folder), [`write`](SiteWriter::write) or
/// [`link_previous`](SiteWriter::link_previous) each file once, then
/// [`commit`](SiteWriter::commit); on any failure in between, [`abort`](SiteWriter::abort).
pub(crate) struct SiteWriter {
    staging: swap::Staging,
    existing: guard::Existing,
    /// The seal of the site gongkai built here before (see `swap::seal_of`): a build cache
    /// beside the output is that site's only when its first line is this.
    live_seal: Option<String>,
    /// When the previous build placed its manifest beside the output (after every file of the
    /// site): a file of the previous site modified later was edited by someone else and is
    /// never taken over. `None` when there is no manifest of the live site.
    previous_built: Option<SystemTime>,
    /// Warnings of the recovery, reported with the summary.
    warnings: Vec<String>,
    fault: Fault,
    files: AtomicUsize,
    /// Of `files`, those taken over from the previous site.
    taken_over: AtomicUsize,
    bytes: AtomicU64,
}

impl SiteWriter {
    /// Checks every path the site will hold (sorted; nothing is written if one is bad), the
    /// output folder (the guard), finishes an interrupted run, and creates the temporary folder:
    /// with `spare`, the previous build's spare when there is one, and the previous site is kept
    /// as the next spare (see `swap`).
    pub(crate) fn open<'a>(
        output_dir: &Path,
        paths: impl Iterator<Item = &'a str> + Clone,
        env: &OutputEnv,
        fault: Fault,
        spare: bool,
    ) -> Result<SiteWriter> {
        paths::validate_paths(paths)?;
        let target = guard::locate(output_dir, env)?;
        let existing = guard::inspect(output_dir, &target)?;
        let warnings = swap::recover(output_dir, &target, existing)?;
        // Recovery may have put the previous site back.
        let existing = guard::inspect(output_dir, &target)?;
        let staging = swap::Staging::create(target, fault, spare)?;
        let live_seal = match existing {
            guard::Existing::Replaceable => swap::seal_of(staging.output()),
            guard::Existing::Nothing => None,
        };
        let previous_built = live_seal
            .as_deref()
            .and_then(|seal| sealed_cache_time(&staging.cache_path(), seal));
        Ok(SiteWriter {
            staging,
            existing,
            live_seal,
            previous_built,
            warnings,
            fault,
            files: AtomicUsize::new(0),
            taken_over: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
        })
    }

    /// The site gongkai built here before, when there is one (read-only: it stays in place
    /// until the commit).
    pub(crate) fn previous(&self) -> Option<&Path> {
        (self.existing == guard::Existing::Replaceable).then(|| self.staging.output())
    }

    /// Writes one file of the new site.
    pub(crate) fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.staging.put(path, bytes)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.count_bytes(bytes.len() as u64);
        Ok(())
    }

    /// Counts one file of the new site and makes its folder, so that several threads can then
    /// write their files at once with [`write_reserved`](SiteWriter::write_reserved).
    pub(crate) fn reserve(&self, path: &str) -> Result<Reserved> {
        let at = self.staging.reserve(path)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(Reserved(at))
    }

    /// Writes a reserved file; the caller adds its length with
    /// [`count_bytes`](SiteWriter::count_bytes).
    pub(crate) fn write_reserved(&self, reserved: &Reserved, bytes: &[u8]) -> Result<()> {
        self.staging.put_reserved(&reserved.0, bytes)
    }

    /// Adds the length of files written through [`write_reserved`](SiteWriter::write_reserved).
    pub(crate) fn count_bytes(&self, bytes: u64) {
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Takes the file at `path` over from the previous site by a hard link when it is there as
    /// it was built (see [`as_built`](SiteWriter::as_built)); `Ok(false)` (nothing done) when it
    /// is not, or when the file system cannot link.
    pub(crate) fn link_previous(&self, path: &str, len: u64) -> Result<bool> {
        match self.previous_as_built(path, len) {
            Some(file) => self.link_checked(path, len, &file),
            None => Ok(false),
        }
    }

    /// The previous site's file at `path`, when it is there as it was built: what
    /// [`link_checked`](SiteWriter::link_checked) links without looking at it again.
    pub(crate) fn previous_as_built(&self, path: &str, len: u64) -> Option<PreviousFile> {
        self.previous_file(path)
            .filter(|f| self.as_built(&f.meta, len))
    }

    /// What stands at `path` in the previous site, as `lstat` sees it.
    fn previous_file(&self, path: &str) -> Option<PreviousFile> {
        let from = self.previous()?.join(path);
        let meta = crate::fs::symlink_metadata(&from).ok()??;
        Some(PreviousFile { from, meta })
    }

    /// The previous site's file at `path`, when it is a regular file holding exactly `bytes`
    /// (read and compared: its time does not matter), for
    /// [`link_checked`](SiteWriter::link_checked).
    pub(crate) fn previous_holding(&self, path: &str, bytes: &[u8]) -> Option<PreviousFile> {
        let file = self.previous_file(path)?;
        if !file.meta.is_file() || file.meta.len() != bytes.len() as u64 {
            return None;
        }
        (crate::fs::read(&file.from).ok()? == bytes).then_some(file)
    }

    /// Takes over a file [`previous_as_built`](SiteWriter::previous_as_built) found;
    /// `Ok(false)` (nothing done) when the file system cannot link.
    pub(crate) fn link_checked(&self, path: &str, len: u64, file: &PreviousFile) -> Result<bool> {
        if !self.staging.link(path, &file.from, &file.meta)? {
            return Ok(false);
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        self.taken_over.fetch_add(1, Ordering::Relaxed);
        self.count_bytes(len);
        Ok(true)
    }

    /// The file beside the output for what the build cache must not keep inside it (see
    /// `crate::cache`): it differs from machine to machine, and the site must not.
    pub(crate) fn beside(&self) -> PathBuf {
        self.staging.beside()
    }

    /// Writes the build cache through `write` (streamed: it may be large), beside the output
    /// under a temporary name; [`commit`](SiteWriter::commit) puts it in place after the swap.
    pub(crate) fn put_cache_with(
        &self,
        write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<()> {
        self.staging.put_cache_with(write)
    }

    /// Whether a file of the previous site is as the previous build left it: a regular file of
    /// the `len` bytes the manifest records, last modified no later than the manifest itself.
    /// An edit that keeps the length (a digit changed by hand) is caught by the time; one
    /// within the file system's clock step of the build's end, or one that sets the time back,
    /// is not (`verify` on a snapshot is the check against deliberate changes).
    fn as_built(&self, meta: &std::fs::Metadata, len: u64) -> bool {
        meta.is_file()
            && meta.len() == len
            && self
                .previous_built
                .is_some_and(|built| meta.modified().is_ok_and(|modified| modified <= built))
    }

    /// Reads the previous build's cache manifest from beside the output, when it describes the
    /// live site (its seal line matches the live marker; see `swap::seal_of`).
    pub(crate) fn previous_cache(&self) -> Option<Vec<u8>> {
        let seal = self.live_seal.as_deref()?;
        let mut bytes = crate::fs::read(&self.staging.cache_path()).ok()?;
        let line = bytes.iter().position(|&b| b == b'\n')?;
        if bytes[..line] != *seal.as_bytes() {
            return None;
        }
        bytes.drain(..=line);
        Some(bytes)
    }

    /// Flushes everything and swaps the new site in; then puts the build cache written by
    /// [`put_cache_with`](SiteWriter::put_cache_with) in place and replaces the stamps beside
    /// the output with `stamps` (when given; a failure there only costs the next build the
    /// time to load every unit). What failed after the swap is in the summary's warnings.
    pub(crate) fn commit(self, stamps: Option<&[u8]>) -> Result<WriteSummary> {
        if let Err(e) = self.staging.seal() {
            self.abort();
            return Err(e);
        }
        let files = self.files.load(Ordering::Relaxed);
        let paths = self.staging.beside_paths();
        let taken_over = self.taken_over.load(Ordering::Relaxed);
        let mut warnings = self.warnings;
        warnings.extend(
            self.staging
                .swap_in(self.existing, taken_over * 2 >= files)?,
        );
        if let Some(bytes) = stamps {
            let _ = swap::write_beside(&paths, bytes);
        }
        Ok(WriteSummary {
            files,
            bytes: self.bytes.load(Ordering::Relaxed),
            warnings,
        })
    }

    /// Removes the temporary folder after a failure (the previous site is untouched). Under a
    /// `Kill…` test fault nothing is removed, as if the process had died.
    pub(crate) fn abort(self) {
        if !matches!(self.fault, Fault::KillAfterFiles(_)) {
            self.staging.discard();
        }
    }
}

/// When the build cache beside the output was placed, if its first line is `seal` (it
/// describes the live site).
fn sealed_cache_time(cache: &Path, seal: &str) -> Option<SystemTime> {
    use std::io::BufRead as _;
    let file = std::fs::File::open(cache).ok()?;
    let modified = file.metadata().ok()?.modified().ok()?;
    let mut line = String::new();
    std::io::BufReader::new(file).read_line(&mut line).ok()?;
    (line.strip_suffix('\n') == Some(seal)).then_some(modified)
}
