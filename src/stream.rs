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
//! instead of being rendered (see `crate::cache`). Output bytes depend neither on the thread
//! count nor on the cache: every file is rendered from its own unit (or from the summaries, in
//! site order) by the same functions as the in-memory build (`pipeline::render_site`).
//!
//! Invalid content: every unit is still loaded so that every diagnostic is reported, nothing
//! more is rendered after the first, and the writer is aborted (the previous site stays).
//! Never: writes outside the writer, or leaves a half-written site.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::cache::{self, Entry};
use crate::check::{Finding, Report};
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

/// Units loaded and rendered in parallel before their search pages are indexed: enough to keep
/// every core busy, few enough to bound memory.
const UNITS_PER_CHUNK: usize = 64;

/// What [`build`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

/// What every unit's pages share.
struct Shared<'a> {
    settings: &'a Settings,
    site: Site,
    profile: Profile,
    renderer: &'a Renderer,
    content_dir: &'a Path,
    global: String,
    previous: BTreeMap<String, Entry>,
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
    findings: Vec<Finding>,
    key: Option<String>,
    docs: Vec<crate::search::Doc>,
    entries: Vec<(String, Entry)>,
    rendered: usize,
    reused: usize,
    /// Its page paths, for the sitemap (only when there is one).
    paths: Vec<String>,
}

/// Builds the site into `opts.output`, streaming (see the module documentation).
pub(crate) fn build(opts: &BuildOptions, log: &mut Log) -> Result<Streamed> {
    let outline = crate::load::outline(&opts.content)?;
    let (Some(settings), true) = (outline.site, outline.diags.is_empty()) else {
        return Err(diagnose(outline.diags, outline.units));
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
        total_docs,
        !outline.units.is_empty(),
        settings.base_url.is_some(),
    );
    let mut fixed: Vec<&str> = site_pages.iter().map(|p| p.path.as_str()).collect();
    fixed.extend(renderer.static_assets().iter().map(|(p, _)| p.as_str()));
    fixed.sort_unstable();
    let env = OutputEnv::from_process(&opts.content)?;
    let writer = SiteWriter::open(&opts.output, fixed.iter().copied(), &env, Fault::None)?;
    let previous = cache::previous(&global, writer.previous_cache().as_deref());
    log.stage(format_args!(
        "plan: {} unit(s), {total_docs} record(s)",
        outline.units.len()
    ));
    let shared = Shared {
        settings: &settings,
        site,
        profile,
        renderer: &renderer,
        content_dir: &opts.content,
        global,
        previous,
        writer: &writer,
        failed: AtomicBool::new(false),
        sitemap: settings.base_url.is_some(),
    };
    let bar = crate::progress::bar(log.progress(), outline.units.len());
    let streamed = stream_units(&shared, outline.units, &records, &bar);
    bar.finish_and_clear();
    let units = match streamed {
        Ok(units) => units,
        Err(e) => {
            writer.abort();
            return Err(e);
        }
    };
    log.stage(format_args!(
        "units: {} unit(s), {} record(s), {} finding(s), {} file(s) rendered, {} unchanged",
        units.summaries.len(),
        units.records,
        units.findings,
        units.rendered,
        units.reused
    ));
    if opts.strict && units.findings > 0 {
        writer.abort();
        log.stage(format_args!(
            "check: findings under --strict; nothing written"
        ));
        return Ok(Streamed {
            units: units.summaries.len(),
            records: units.records,
            findings: units.findings,
            written: false,
            files: 0,
            bytes: 0,
            rendered: 0,
            reused: 0,
        });
    }
    let (manifest, mut done) = match finish(&shared, units, site_pages) {
        Ok(done) => done,
        Err(e) => {
            writer.abort();
            return Err(e);
        }
    };
    let summary = writer.commit(Some(&manifest))?;
    done.files = summary.files;
    done.bytes = summary.bytes;
    Ok(done)
}

/// Everything kept of the units once they are written.
struct Units {
    summaries: Vec<UnitSummary>,
    keys: Vec<Option<String>>,
    search: crate::search::Builder,
    entries: BTreeMap<String, Entry>,
    paths: Vec<String>,
    records: usize,
    findings: usize,
    rendered: usize,
    reused: usize,
}

/// Loads, checks, renders and writes every unit, chunk by chunk.
fn stream_units(
    shared: &Shared<'_>,
    pending: Vec<PendingUnit>,
    records: &[usize],
    bar: &crate::progress::Bar,
) -> Result<Units> {
    let names = pending
        .iter()
        .map(|p| {
            p.unit
                .as_ref()
                .map(|u| (u.id.as_str().to_owned(), u.name.clone()))
                .unwrap_or_default()
        })
        .collect();
    let mut units = Units {
        summaries: Vec::with_capacity(pending.len()),
        keys: Vec::with_capacity(pending.len()),
        search: crate::search::Builder::new(names, records.iter().sum()),
        entries: BTreeMap::new(),
        paths: Vec::new(),
        records: 0,
        findings: 0,
        rendered: 0,
        reused: 0,
    };
    let mut diags: Vec<Diagnostic> = Vec::new();
    let mut first_doc = 0;
    let mut jobs = pending.into_iter().enumerate().map(|(u, p)| {
        let doc = first_doc;
        first_doc += records.get(u).copied().unwrap_or(0);
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
                UnitOut::Done(done) => {
                    let done = *done;
                    units.records += done.records;
                    units.findings += done.findings.len();
                    units.rendered += done.rendered;
                    units.reused += done.reused;
                    units.summaries.push(done.summary);
                    units.keys.push(done.key);
                    units.entries.extend(done.entries);
                    units.paths.extend(done.paths);
                    for doc in done.docs {
                        units.search.add(doc, false);
                    }
                }
            }
        }
        bar.advance(n);
    }
    if shared.failed.load(Ordering::Relaxed) || !diags.is_empty() {
        return Err(Error::Invalid(Diagnostics::new(diags)));
    }
    Ok(units)
}

/// Loads, scores, checks, renders and writes one unit (the `u`-th; its first search page is
/// number `first_doc`).
fn unit(shared: &Shared<'_>, u: usize, first_doc: usize, pending: PendingUnit) -> Result<UnitOut> {
    let unit = match crate::load::load_unit(pending) {
        Ok(unit) => unit,
        Err(d) => {
            shared.failed.store(true, Ordering::Relaxed);
            return Ok(UnitOut::Invalid(d));
        }
    };
    if shared.failed.load(Ordering::Relaxed) {
        return Ok(UnitOut::Skipped);
    }
    let records = unit.records.len();
    let corpus = Corpus {
        site: shared.settings.clone(),
        units: vec![unit],
    };
    let scores = crate::score::score_corpus(&corpus);
    let report = crate::check::check(&corpus, &scores);
    let Some(unit) = corpus.units.first() else {
        return Ok(UnitOut::Skipped);
    };
    let summary = crate::pages::summarize(unit, &scores, &corpus.site.thresholds);
    let key = cache::unit_key(&shared.global, shared.content_dir, unit, &report.findings);
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
        search: Default::default(),
    };
    let mut out = Files::default();
    for p in &plan {
        out.put(shared, &p.path, key.clone(), || {
            ctx.render(p).map(String::into_bytes)
        })?;
    }
    for (i, doc) in docs.iter().enumerate() {
        let n = first_doc + i;
        let doc_key = key.as_deref().map(|k| cache::doc_key(k, n, doc.year));
        out.put(shared, &crate::search::doc_path(n), doc_key, || {
            Ok(crate::search::doc_js(n, Some(doc)).into_bytes())
        })?;
    }
    let paths = if shared.sitemap {
        plan.into_iter().map(|p| p.path).collect()
    } else {
        Vec::new()
    };
    Ok(UnitOut::Done(Box::new(Done {
        records,
        summary,
        findings: report.findings,
        key,
        docs,
        entries: out.entries,
        rendered: out.rendered,
        reused: out.reused,
        paths,
    })))
}

/// The files one thread put in place.
#[derive(Default)]
struct Files {
    entries: Vec<(String, Entry)>,
    rendered: usize,
    reused: usize,
}

impl Files {
    /// Takes the file at `path` over from the previous site when its key is unchanged, else
    /// renders and writes it.
    fn put(
        &mut self,
        shared: &Shared<'_>,
        path: &str,
        key: Option<String>,
        render: impl FnOnce() -> Result<Vec<u8>>,
    ) -> Result<()> {
        if let Some(key) = &key
            && let Some(old) = shared.previous.get(path)
            && &old.key == key
            && shared.writer.link_previous(path, old.len)?
        {
            self.entries.push((path.to_owned(), old.clone()));
            self.reused += 1;
            return Ok(());
        }
        let bytes = render()?;
        shared.writer.write(path, &bytes)?;
        if let Some(key) = key {
            let len = bytes.len() as u64;
            self.entries.push((path.to_owned(), Entry { key, len }));
        }
        self.rendered += 1;
        Ok(())
    }
}

/// Renders the pages over every unit and the theme's static files; returns the cache manifest
/// and the counts (files and bytes are the writer's, filled in by the caller).
fn finish(
    shared: &Shared<'_>,
    units: Units,
    site_pages: Vec<Planned>,
) -> Result<(Vec<u8>, Streamed)> {
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
        paths.extend((0..units.records).map(crate::search::doc_path));
        paths.sort_unstable();
    }
    let search = std::sync::OnceLock::new();
    let _ = search.set(units.search.finish());
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
        search,
    };
    let global = &shared.global;
    let outs: Vec<Result<Files>> = site_pages
        .par_iter()
        .map(|p| {
            let key = match p.page {
                Page::NotFound => global.clone(),
                _ => all.clone(),
            };
            let mut files = Files::default();
            files.put(shared, &p.path, Some(key), || {
                ctx.render(p).map(String::into_bytes)
            })?;
            Ok(files)
        })
        .collect();
    let mut entries = units.entries;
    let (mut rendered, mut reused) = (units.rendered, units.reused);
    for out in outs {
        let out = out?;
        entries.extend(out.entries);
        rendered += out.rendered;
        reused += out.reused;
    }
    for (path, bytes) in shared.renderer.static_assets() {
        let mut files = Files::default();
        files.put(shared, path, Some(global.clone()), || Ok(bytes.clone()))?;
        entries.extend(files.entries);
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
    };
    Ok((cache::manifest(global, entries), done))
}

/// Every diagnostic of content whose site file or layout is wrong: each unit is still loaded,
/// to report the diagnostics of its records too.
pub(crate) fn diagnose(mut diags: Vec<Diagnostic>, units: Vec<PendingUnit>) -> Error {
    let more: Vec<Vec<Diagnostic>> = units
        .into_par_iter()
        .filter_map(|p| crate::load::load_unit(p).err())
        .collect();
    diags.extend(more.into_iter().flatten());
    Error::Invalid(Diagnostics::new(diags))
}
