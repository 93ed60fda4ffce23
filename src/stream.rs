//! The streaming build: load, score, check, render and write one unit at a time.
//!
//! In: the build options. Out: the new site swapped in by `output::SiteWriter`, with its build
//! cache, and what was rendered or taken over. Units go through in site order, in chunks of
//! [`UNITS_PER_CHUNK`] loaded in parallel: each unit is loaded, scored, checked and its pages
//! rendered and written by one thread, then dropped; what the pages over many units need is
//! kept as a small [`UnitSummary`], its search pages as postings. After the last unit, the
//! index, year, comparison and search files are rendered from those. Memory therefore holds one
//! chunk of units, never the corpus or the site.
//!
//! A file whose key matches the previous build's manifest is hard-linked from the previous site
//! instead of being rendered (see `crate::cache`). A unit whose content files all carry the
//! same length and stamp as when the previous build read them (and whose search pages keep
//! their numbers) is not even loaded: its files are linked, its summary comes from the
//! manifest, and its search postings from the previous site's postings ([`Patch`]). Output
//! bytes depend neither on the thread count nor on the cache: every file is rendered from its
//! own unit (or from the summaries, in site order) by the same functions as the in-memory build
//! (`pipeline::render_site`).
//!
//! Invalid content: every unit is still loaded so that every diagnostic is reported, nothing
//! more is rendered after the first, and the writer is aborted (the previous site stays).
//! Never: writes outside the writer, or leaves a half-written site.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::cache::{self, CachedSummary, Entry, FileList, Previous, Stamps, UnitEntry};
use crate::check::Report;
use crate::epoch::Epoch;
use crate::error::{Diagnostic, Diagnostics, Error, Result};
use crate::load::PendingUnit;
use crate::model::{Corpus, Profile, Site as Settings, Year};
use crate::output::{Fault, OutputEnv, SiteWriter};
use crate::pages::{Ctx, UnitSummary};
use crate::pipeline::{BuildOptions, Log};
use crate::plan::{Page, Planned};
use crate::render::{Renderer, Site};
use crate::score::CorpusScores;
use crate::search::{Builder, Doc, PAGES_PER_RECORD, Patch};

/// Units loaded and rendered in parallel before their search pages are indexed: enough to keep
/// every core busy, few enough to bound memory.
const UNITS_PER_CHUNK: usize = 64;

/// What [`build`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Streamed {
    /// Units and records loaded.
    pub(crate) units: usize,
    pub(crate) records: usize,
    /// Audit findings.
    pub(crate) findings: usize,
    /// Whether the site was written (false only under `strict` with findings).
    pub(crate) written: bool,
    /// Files in the new site (the marker and the cache not counted).
    pub(crate) files: usize,
    /// Their bytes.
    pub(crate) bytes: u64,
    /// Files rendered.
    pub(crate) rendered: usize,
    /// Files taken over from the previous build.
    pub(crate) reused: usize,
    /// What went wrong without stopping the build (see `output::WriteSummary::warnings`).
    pub(crate) warnings: Vec<String>,
}

/// What every unit's pages share.
struct Shared<'a> {
    settings: &'a Settings,
    site: Site,
    profile: Profile,
    renderer: &'a Renderer,
    content_dir: &'a Path,
    global: String,
    previous: Previous,
    /// Whether units may be taken over without loading them (the previous postings are read).
    take_over: bool,
    writer: &'a SiteWriter,
    /// Set by the first unit that fails to load: later units are loaded, not rendered.
    failed: AtomicBool,
    sitemap: bool,
}

/// What one unit gave.
enum UnitOut {
    /// Its diagnostics.
    Invalid(Vec<Diagnostic>),
    /// Loaded, not rendered (an earlier unit was invalid).
    Skipped,
    /// Rendered and written.
    Done(Box<Done>),
}

struct Done {
    records: usize,
    summary: UnitSummary,
    findings: usize,
    /// Its search pages, when it was loaded (else its postings are the previous ones).
    docs: Option<Vec<Doc>>,
    /// Its manifest entry (with its key).
    entry: UnitEntry,
    /// Its content files' stamps.
    stamps: Stamps,
    rendered: usize,
    reused: usize,
    /// Its page paths, for the sitemap (only when there is one).
    paths: Vec<String>,
}

/// Builds the site into `opts.output`, streaming (see the module documentation).
pub(crate) fn build(opts: &BuildOptions, log: &mut Log, fault: Fault) -> Result<Streamed> {
    let started = cache::now_ns();
    let outline = crate::load::outline(&opts.content)?;
    let (Some(settings), true) = (outline.site, outline.diags.is_empty()) else {
        return Err(crate::load::diagnose(outline.diags, outline.units));
    };
    let records: Vec<usize> = outline.units.iter().map(|p| p.years().count()).collect();
    let mut years: Vec<Year> = outline.units.iter().flat_map(PendingUnit::years).collect();
    years.sort_unstable();
    years.dedup();
    let site_root = opts.content.parent().unwrap_or(Path::new("."));
    let theme = opts.theme.as_deref().unwrap_or(settings.theme.as_str());
    let renderer = Renderer::new(Some(theme), site_root)?;
    let profile = opts.profile.unwrap_or(settings.profile);
    let site = Site {
        title: settings.title.clone(),
        data_date: opts.epoch.map(Epoch::date),
        base_url: settings.base_url.clone(),
        years: years.clone(),
    };
    let global = cache::global_key(&renderer, &settings, &site, profile, &opts.content);
    let total_docs: usize = records.iter().sum();
    let site_pages = crate::plan::site_pages(
        &years,
        crate::search::shard_count(total_docs),
        !outline.units.is_empty(),
        settings.base_url.is_some(),
        profile,
    );
    let mut fixed: Vec<&str> = site_pages.iter().map(|p| p.path.as_str()).collect();
    fixed.extend(renderer.static_assets().iter().map(|(p, _)| p.as_str()));
    fixed.sort_unstable();
    let env = OutputEnv::from_process(&opts.content)?;
    let writer = SiteWriter::open(&opts.output, fixed.iter().copied(), &env, fault, true)?;
    let beside = writer.beside();
    let stamps = crate::fs::read(&beside).ok();
    let previous = cache::previous(
        &global,
        writer.previous_cache().as_deref(),
        stamps.as_deref(),
    );
    // The previous postings, when units may be taken over without loading them.
    let patch = previous_postings(&writer, &previous);
    let planned = outline.units.len();
    log.stage(crate::lang::pick(
        format!("规划：{planned} 个单位，{total_docs} 份记录"),
        format!("plan: {planned} unit(s), {total_docs} record(s)"),
    ));
    let shared = Shared {
        settings: &settings,
        site,
        profile,
        renderer: &renderer,
        content_dir: &opts.content,
        global,
        previous,
        take_over: patch.is_some(),
        writer: &writer,
        failed: AtomicBool::new(false),
        sitemap: settings.base_url.is_some(),
    };
    let bar = crate::progress::bar(log.progress(), outline.units.len());
    let streamed = stream_units(&shared, outline.units, &records, patch, &bar);
    bar.finish_and_clear();
    let mut units = match streamed {
        Ok(units) => units,
        Err(e) => {
            writer.abort();
            return Err(e);
        }
    };
    let (n, taken_over, records) = (units.summaries.len(), units.taken_over, units.records);
    let (findings, rendered, reused) = (units.findings, units.rendered, units.reused);
    log.stage(crate::lang::pick(
        format!(
            "单位：{n} 个（其中 {taken_over} 个未变，未重新载入），{records} 份记录，{findings} 条发现，新生成 {rendered} 个文件，未变 {reused} 个"
        ),
        format!(
            "units: {n} unit(s) ({taken_over} unchanged, not loaded), {records} record(s), {findings} finding(s), {rendered} file(s) rendered, {reused} unchanged"
        ),
    ));
    if opts.strict && units.findings > 0 {
        writer.abort();
        log.stage(crate::pipeline::strict_stop());
        return Ok(Streamed {
            units: units.summaries.len(),
            records: units.records,
            findings: units.findings,
            written: false,
            files: 0,
            bytes: 0,
            rendered: 0,
            reused: 0,
            warnings: Vec::new(),
        });
    }
    let stamps = std::mem::take(&mut units.stamps);
    let written = finish(&shared, units, site_pages).and_then(|(site, entries, done)| {
        let mut sha = String::new();
        writer.put_cache_with(|w| {
            sha = cache::write_manifest(w, &shared.global, &site, &entries)?;
            Ok(())
        })?;
        Ok((sha, done))
    });
    let (sha, mut done) = match written {
        Ok(done) => done,
        Err(e) => {
            writer.abort();
            return Err(e);
        }
    };
    // Stamps of the old site must not outlive it: removed before the swap, written after.
    let stamps = cache::stamps_file(sha, started, stamps);
    let summary = writer.commit(Some(&stamps))?;
    done.files = summary.files;
    done.bytes = summary.bytes;
    done.warnings = summary.warnings;
    Ok(done)
}

/// Everything kept of the units once they are written.
struct Units {
    summaries: Vec<UnitSummary>,
    keys: Vec<String>,
    search: Search,
    /// Manifest entries of the units, in site order.
    entries: Vec<UnitEntry>,
    /// The stamps of each unit's content files.
    stamps: BTreeMap<String, Stamps>,
    paths: Vec<String>,
    records: usize,
    findings: usize,
    rendered: usize,
    reused: usize,
    /// Units taken over without loading them.
    taken_over: usize,
}

/// The search postings being built: from every page, or patched onto the previous ones.
enum Search {
    Full(Builder),
    Patch {
        patch: Patch,
        /// The pages of the units taken over (their previous postings are kept).
        kept: Vec<std::ops::Range<usize>>,
        units: Vec<(String, String)>,
    },
}

/// The previous site's search postings, when its manifest lists units that may be taken over
/// and every shard file reads back; `None` otherwise (then every unit is loaded).
fn previous_postings(writer: &SiteWriter, previous: &Previous) -> Option<Patch> {
    let dir = writer.previous()?;
    // Without the previous stamps no unit can be taken over: every page is indexed anew.
    if previous.units.is_empty() || previous.stamps.is_empty() {
        return None;
    }
    let docs: usize = previous.units.values().map(|u| u.summary.records()).sum();
    let texts = (0..crate::search::shard_count(docs))
        .map(|k| {
            let path = dir.join(crate::search::shard_path(k));
            let len = previous.site.get(&crate::search::shard_path(k))?.len;
            let bytes = crate::fs::read(&path).ok()?;
            (bytes.len() as u64 == len).then(|| String::from_utf8(bytes).ok())?
        })
        .collect::<Option<Vec<String>>>()?;
    Patch::from_shards(texts.iter().map(String::as_str))
}

/// Loads (or takes over), checks, renders and writes every unit, chunk by chunk.
fn stream_units(
    shared: &Shared<'_>,
    pending: Vec<PendingUnit>,
    records: &[usize],
    patch: Option<Patch>,
    bar: &crate::progress::Bar,
) -> Result<Units> {
    let names: Vec<(String, String)> = pending
        .iter()
        .map(|p| {
            p.unit
                .as_ref()
                .map(|u| (u.id.as_str().to_owned(), u.name.clone()))
                .unwrap_or_default()
        })
        .collect();
    let search = match patch {
        Some(patch) => Search::Patch {
            patch,
            kept: Vec::new(),
            units: names,
        },
        None => Search::Full(Builder::new(names, records.iter().sum())),
    };
    let mut units = Units {
        summaries: Vec::with_capacity(pending.len()),
        keys: Vec::with_capacity(pending.len()),
        search,
        entries: Vec::with_capacity(pending.len()),
        stamps: BTreeMap::new(),
        paths: Vec::new(),
        records: 0,
        findings: 0,
        rendered: 0,
        reused: 0,
        taken_over: 0,
    };
    let mut diags: Vec<Diagnostic> = Vec::new();
    let mut first_doc = 0;
    let mut jobs = pending.into_iter().enumerate().map(|(u, p)| {
        let doc = first_doc;
        first_doc += PAGES_PER_RECORD * records.get(u).copied().unwrap_or(0);
        (u, doc, p)
    });
    loop {
        let chunk: Vec<(usize, usize, PendingUnit)> = jobs.by_ref().take(UNITS_PER_CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let n = chunk.len();
        let outs: Vec<Result<UnitOut>> = chunk
            .into_par_iter()
            .map(|(u, doc, p)| unit(shared, u, doc, p))
            .collect();
        for out in outs {
            match out? {
                UnitOut::Invalid(d) => diags.extend(d),
                UnitOut::Skipped => {}
                UnitOut::Done(done) => units.add(*done),
            }
        }
        bar.advance(n);
    }
    if shared.failed.load(Ordering::Relaxed) || !diags.is_empty() {
        return Err(Error::Invalid(Diagnostics::new(diags)));
    }
    Ok(units)
}

impl Units {
    /// Keeps what the pages over every unit need of a unit just written.
    fn add(&mut self, done: Done) {
        let first = PAGES_PER_RECORD * self.records;
        self.records += done.records;
        self.findings += done.findings;
        self.rendered += done.rendered;
        self.reused += done.reused;
        self.summaries.push(done.summary);
        self.keys.push(done.entry.key.clone());
        self.stamps.insert(done.entry.id.clone(), done.stamps);
        self.entries.push(done.entry);
        self.paths.extend(done.paths);
        match (&mut self.search, done.docs) {
            (Search::Full(builder), Some(docs)) => {
                for doc in docs {
                    builder.add(doc, false);
                }
            }
            (Search::Patch { patch, .. }, Some(docs)) => {
                for (i, doc) in docs.iter().enumerate() {
                    patch.add(first + i, doc);
                }
            }
            // Taken over: its previous postings stay.
            (Search::Patch { kept, .. }, None) => {
                kept.push(first..PAGES_PER_RECORD * self.records);
                self.taken_over += 1;
            }
            // Cannot happen: units are taken over only when the previous postings are read.
            (Search::Full(_), None) => {}
        }
    }

    /// The search index of every page.
    fn search_index(search: Search, summaries: &[UnitSummary]) -> crate::search::Index {
        match search {
            Search::Full(builder) => builder.finish(),
            Search::Patch { patch, kept, units } => {
                let docs: Vec<Doc> = summaries
                    .iter()
                    .enumerate()
                    .flat_map(|(u, s)| {
                        s.records.iter().flat_map(move |r| {
                            let doc = Doc {
                                unit: u,
                                year: r.year,
                                title: String::new(),
                                href: String::new(),
                                fields: Vec::new(),
                            };
                            vec![doc; PAGES_PER_RECORD]
                        })
                    })
                    .collect();
                let mut keep = vec![false; docs.len()];
                for doc in kept.into_iter().flatten() {
                    if let Some(k) = keep.get_mut(doc) {
                        *k = true;
                    }
                }
                patch.finish(units, docs, |doc| keep.get(doc).copied().unwrap_or(false))
            }
        }
    }
}

/// Writes one unit (the `u`-th; its first search page is number `first_doc`): taken over from
/// the previous site when its files are unchanged, else loaded, scored, checked and rendered.
fn unit(shared: &Shared<'_>, u: usize, first_doc: usize, pending: PendingUnit) -> Result<UnitOut> {
    let stamps = pending.stamps();
    let mut files = Files::default();
    if shared.take_over
        && !shared.failed.load(Ordering::Relaxed)
        && let Some(entry) = shared
            .previous
            .unchanged(pending.id().as_str(), &stamps, first_doc)
        && let Some(done) = take_over(shared, entry, &stamps, &mut files)?
    {
        return Ok(UnitOut::Done(Box::new(done)));
    }
    let (unit, content) = match crate::load::load_unit_hashed(pending) {
        Ok(loaded) => loaded,
        Err(d) => {
            shared.failed.store(true, Ordering::Relaxed);
            return Ok(UnitOut::Invalid(d));
        }
    };
    if shared.failed.load(Ordering::Relaxed) {
        return Ok(UnitOut::Skipped);
    }
    let records = unit.records.len();
    let crate::check::CheckedUnit {
        corpus,
        scores,
        report,
    } = crate::check::check_unit(shared.settings, unit);
    let Some(unit) = corpus.units.first() else {
        return Ok(UnitOut::Skipped);
    };
    let reviewed = (shared.profile == Profile::Internal).then_some(report.findings.as_slice());
    let summary = crate::pages::summarize(unit, &scores, &corpus.site.thresholds, reviewed);
    let key = cache::unit_key(&shared.global, &content, unit, &report.findings);
    let docs = crate::search::unit_docs(u, unit, &scores);
    let mut plan = crate::plan::unit_pages(0, unit);
    plan.sort_by(|a, b| a.path.cmp(&b.path));
    crate::output::validate_paths(plan.iter().map(|p| p.path.as_str()))?;
    let ctx = Ctx {
        corpus: &corpus,
        scores: &scores,
        report: &report,
        summaries: &[],
        profile: shared.profile,
        renderer: shared.renderer,
        site: shared.site.clone(),
        paths: Vec::new(),
        content_dir: shared.content_dir,
        compared: Default::default(),
    };
    // The previous files of this unit. When its key is unchanged (same content, findings and
    // settings) each is taken over if still in place; whatever the key, one rendered again to
    // the same bytes is linked, not written (most of an edited unit's files do not change).
    let before = shared.previous.units.get(unit.id.as_str());
    let same_key = before.is_some_and(|e| e.key == key);
    let was: BTreeMap<&str, u64> = before.map(|e| e.files.iter().collect()).unwrap_or_default();
    let prior = |path: &str| Prior {
        len: was.get(path).copied(),
        same_key,
    };
    for p in &plan {
        files.put(shared, &p.path, prior(&p.path), || ctx.render_bytes(p))?;
    }
    for (i, doc) in docs.iter().enumerate().filter(|(_, d)| d.exists()) {
        let n = first_doc + i;
        let path = crate::search::doc_path(n);
        // The same number for the same year of an unchanged unit: the same file.
        let same_place = before.is_some_and(|e| {
            same_key
                && e.first_doc == first_doc
                && e.summary.year_at(i / PAGES_PER_RECORD) == Some(doc.year.get())
        });
        let prior = Prior {
            same_key: same_place,
            ..prior(&path)
        };
        files.put(shared, &path, prior, || {
            Ok(crate::search::doc_js(n, Some(doc)).into_bytes())
        })?;
    }
    let paths = if shared.sitemap {
        plan.into_iter().map(|p| p.path).collect()
    } else {
        Vec::new()
    };
    let entry = UnitEntry {
        id: unit.id.as_str().to_owned(),
        key,
        first_doc,
        findings: report.findings.len(),
        summary: CachedSummary::of(&summary),
        files: std::mem::take(&mut files.written),
    };
    Ok(UnitOut::Done(Box::new(Done {
        records,
        summary,
        findings: report.findings.len(),
        docs: Some(docs),
        entry,
        stamps,
        rendered: files.rendered,
        reused: files.reused,
        paths,
    })))
}

/// Takes an unchanged unit over from the previous site without loading it: every file it had
/// is linked, its summary read back from the manifest. `None` (nothing done) when a file is
/// missing or altered or the summary does not read back: then the unit is loaded.
fn take_over(
    shared: &Shared<'_>,
    entry: &UnitEntry,
    stamps: &Stamps,
    files: &mut Files,
) -> Result<Option<Done>> {
    let Some(summary) = entry.summary.summary(&entry.id) else {
        return Ok(None);
    };
    // Every file is looked at before any is linked, and once only (issue 20: a take-over is
    // bound by these system calls).
    let Some(found) = entry
        .files
        .iter()
        .map(|(path, len)| shared.writer.previous_as_built(path, len))
        .collect::<Option<Vec<_>>>()
    else {
        return Ok(None);
    };
    for ((path, len), file) in entry.files.iter().zip(&found) {
        // A file system that refuses a link (none, or too many): the unit is loaded instead,
        // and what was linked so far stays.
        if !shared.writer.link_checked(path, len, file)? {
            return Ok(None);
        }
        files.linked(path, len);
    }
    let paths = if shared.sitemap {
        let docs = entry.first_doc..entry.first_doc + PAGES_PER_RECORD * summary.records.len();
        let doc_paths: Vec<String> = docs.map(crate::search::doc_path).collect();
        entry
            .files
            .iter()
            .map(|(p, _)| p.to_owned())
            .filter(|p| !doc_paths.contains(p))
            .collect()
    } else {
        Vec::new()
    };
    Ok(Some(Done {
        records: summary.records.len(),
        summary,
        findings: entry.findings,
        docs: None,
        entry: entry.clone(),
        stamps: stamps.clone(),
        rendered: 0,
        reused: files.reused,
        paths,
    }))
}

/// What the previous build wrote at one path: its length, and whether it was rendered from
/// the same key (then it is taken over without rendering it again).
#[derive(Debug, Clone, Copy)]
struct Prior {
    len: Option<u64>,
    same_key: bool,
}

/// The files one thread put in place.
#[derive(Default)]
struct Files {
    /// (path, length) of each.
    written: FileList,
    /// The files a take-over linked before it had to give up (see [`take_over`]).
    taken: BTreeMap<String, u64>,
    rendered: usize,
    reused: usize,
}

impl Files {
    /// Counts a file linked from the previous site.
    fn linked(&mut self, path: &str, len: u64) {
        self.written.push(path, len);
        self.taken.insert(path.to_owned(), len);
        self.reused += 1;
    }

    /// Takes the file at `path` over from the previous site when `prior` says it may be
    /// (same key) and it is still there with that length; else renders it, and links the
    /// previous file when it holds exactly those bytes (whatever its key), or writes it.
    /// Returns its length.
    fn put(
        &mut self,
        shared: &Shared<'_>,
        path: &str,
        prior: Prior,
        render: impl FnOnce() -> Result<Vec<u8>>,
    ) -> Result<u64> {
        let old_len = prior.len.filter(|_| prior.same_key);
        if let Some(&len) = self.taken.get(path) {
            // Linked already by a take-over that gave up; still the right file only if the
            // unit's key did not change in between (its stamps said it would not).
            if old_len == Some(len) {
                return Ok(len);
            }
            return Err(Error::Usage(crate::lang::pick(
                format!("`{path}` 在从上一次生成的网站沿用时被改动了；请重新生成"),
                format!(
                    "`{path}` changed while it was being taken over from the previous site; build again"
                ),
            )));
        }
        if let Some(len) = old_len
            && shared.writer.link_previous(path, len)?
        {
            self.written.push(path, len);
            self.reused += 1;
            return Ok(len);
        }
        let bytes = render()?;
        let len = bytes.len() as u64;
        if prior.len == Some(len)
            && let Some(file) = shared.writer.previous_holding(path, &bytes)
            && shared.writer.link_checked(path, len, &file)?
        {
            self.written.push(path, len);
            self.reused += 1;
            return Ok(len);
        }
        shared.writer.write(path, &bytes)?;
        self.written.push(path, len);
        self.rendered += 1;
        Ok(len)
    }
}

/// Renders the pages over every unit and the theme's static files; returns the manifest's
/// files over every unit and units, and the counts (files and bytes are the writer's, filled
/// in by the caller).
fn finish(
    shared: &Shared<'_>,
    units: Units,
    site_pages: Vec<Planned>,
) -> Result<(BTreeMap<String, Entry>, Vec<UnitEntry>, Streamed)> {
    let all = cache::all_key(&shared.global, &units.keys);
    let corpus = Corpus {
        site: shared.settings.clone(),
        units: Vec::new(),
    };
    let scores = CorpusScores::new(Vec::new());
    let report = Report::default();
    let mut paths = units.paths;
    if shared.sitemap {
        paths.extend(site_pages.iter().map(|p| p.path.clone()));
        let records = units.summaries.iter().flat_map(|s| s.records.iter());
        let docs = records.enumerate().flat_map(|(k, r)| {
            let juesuan = r.final_accounts.then_some(PAGES_PER_RECORD * k + 1);
            std::iter::once(PAGES_PER_RECORD * k).chain(juesuan)
        });
        paths.extend(docs.map(crate::search::doc_path));
        paths.sort_unstable();
    }
    let search = Units::search_index(units.search, &units.summaries);
    let ctx = Ctx {
        corpus: &corpus,
        scores: &scores,
        report: &report,
        summaries: &units.summaries,
        profile: shared.profile,
        renderer: shared.renderer,
        site: shared.site.clone(),
        paths,
        content_dir: shared.content_dir,
        compared: Default::default(),
    };
    let global = &shared.global;
    let key_of = |p: &Planned| match p.page {
        Page::NotFound => global.as_str(),
        _ => all.as_str(),
    };
    let prior = |path: &str, key: &str| {
        let e = shared.previous.site.get(path);
        Prior {
            len: e.map(|e| e.len),
            same_key: e.is_some_and(|e| e.key == key),
        }
    };
    let outs: Vec<Result<(String, Entry, Files)>> = site_pages
        .par_iter()
        .map(|p| {
            let key = key_of(p);
            let mut files = Files::default();
            let render = || match p.page {
                Page::SearchMeta => Ok(search.meta_js().into_bytes()),
                Page::SearchShard(k) => Ok(search.shard_js(k).into_bytes()),
                _ => ctx.render_bytes(p),
            };
            let len = files.put(shared, &p.path, prior(&p.path, key), render)?;
            let entry = Entry {
                key: key.to_owned(),
                len,
            };
            Ok((p.path.clone(), entry, files))
        })
        .collect();
    let mut site = BTreeMap::new();
    let (mut rendered, mut reused) = (units.rendered, units.reused);
    for out in outs {
        let (path, entry, files) = out?;
        site.insert(path, entry);
        rendered += files.rendered;
        reused += files.reused;
    }
    for (path, bytes) in shared.renderer.static_assets() {
        let mut files = Files::default();
        let len = files.put(shared, path, prior(path, global), || Ok(bytes.clone()))?;
        let entry = Entry {
            key: global.clone(),
            len,
        };
        site.insert(path.clone(), entry);
        rendered += files.rendered;
        reused += files.reused;
    }
    let done = Streamed {
        units: ctx.summaries.len(),
        records: units.records,
        findings: units.findings,
        written: true,
        files: 0,
        bytes: 0,
        rendered,
        reused,
        warnings: Vec::new(),
    };
    Ok((site, units.entries, done))
}
