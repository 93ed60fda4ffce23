//! The build: load → score → check → plan → render → write, one line per stage on stderr.
//!
//! In: [`BuildOptions`]. Out: the site written atomically by `output::write_site`, and a
//! [`BuildSummary`]. Invalid content stops before anything is written, with the same located
//! errors as `check`; findings stop it only under `strict` (then nothing is written either).
//! [`render_site`] is the same build kept in memory, for `archive` and `diff`.
//!
//! `SOURCE_DATE_EPOCH` is read by the caller and passed in [`BuildOptions::epoch`]: its UTC date
//! is the only date a page may show, and without it no date appears at all.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::epoch::Epoch;
use crate::error::Result;
use crate::model::Profile;
use crate::output::{RenderedFile, write_site};
use crate::pages::Ctx;
use crate::render::{Renderer, Site};

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

/// A site rendered in memory.
#[derive(Debug, Clone)]
pub struct RenderedSite {
    /// Every file, sorted by path.
    pub files: Vec<RenderedFile>,
    /// Number of audit findings.
    pub findings: usize,
}

/// What a build did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildSummary {
    /// Number of audit findings.
    pub findings: usize,
    /// Whether the site was written (false only under `strict` with findings).
    pub written: bool,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
}

/// Builds the site.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    let Some(site) = render_site(opts)? else {
        return Ok(BuildSummary {
            findings: 0,
            written: false,
            files: 0,
            bytes: 0,
        });
    };
    let written = write_site(&opts.output, &opts.content, &site.files)?;
    eprintln!(
        "write: {} file(s), {} bytes to {}",
        written.files,
        written.bytes,
        opts.output.display()
    );
    Ok(BuildSummary {
        findings: site.findings,
        written: true,
        files: written.files,
        bytes: written.bytes,
    })
}

/// Loads, scores, checks, plans and renders, without writing; `None` when `strict` stops the
/// build because of findings. `opts.output` is not used.
pub fn render_site(opts: &BuildOptions) -> Result<Option<RenderedSite>> {
    let corpus = crate::load::load(&opts.content)?;
    let records: usize = corpus.units.iter().map(|u| u.records.len()).sum();
    eprintln!("load: {} unit(s), {records} record(s)", corpus.units.len());
    let scores = crate::score::score_corpus(&corpus);
    eprintln!("score: {} record(s)", scores.records.len());
    let report = crate::check::check(&corpus, &scores);
    eprintln!("check: {} finding(s)", report.findings.len());
    if opts.strict && !report.findings.is_empty() {
        eprintln!("check: findings under --strict; nothing written");
        return Ok(None);
    }
    let plan = crate::plan::plan(&corpus);
    eprintln!("plan: {} file(s)", plan.len());
    let site_root = opts.content.parent().unwrap_or(Path::new("."));
    let theme = opts.theme.as_deref().unwrap_or(corpus.site.theme.as_str());
    let renderer = Renderer::new(Some(theme), site_root)?;
    let ctx = Ctx {
        corpus: &corpus,
        scores: &scores,
        report: &report,
        profile: opts.profile.unwrap_or(corpus.site.profile),
        renderer: &renderer,
        site: Site {
            title: corpus.site.title.clone(),
            data_date: opts.epoch.map(Epoch::date),
            base_url: corpus.site.base_url.clone(),
            years: crate::plan::years(&corpus),
        },
        content_dir: &opts.content,
        paths: plan.iter().map(|p| p.path.clone()).collect(),
        search: Default::default(),
    };
    let pages = plan
        .par_iter()
        .map(|p| {
            ctx.render(p).map(|text| RenderedFile {
                path: p.path.clone(),
                bytes: text.into_bytes(),
            })
        })
        .collect::<Vec<_>>();
    let mut files = pages.into_iter().collect::<Result<Vec<_>>>()?;
    files.extend(
        renderer
            .static_assets()
            .iter()
            .map(|(path, bytes)| RenderedFile {
                path: path.clone(),
                bytes: bytes.clone(),
            }),
    );
    files.sort_by(|a, b| a.path.cmp(&b.path));
    eprintln!("render: {} file(s)", files.len());
    Ok(Some(RenderedSite {
        files,
        findings: report.findings.len(),
    }))
}
