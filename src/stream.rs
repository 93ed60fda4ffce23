//! Stage 5: render and write, streaming.
//!
//! In: the page context, the plan, the cache keys and the output folder. Out: the new site
//! swapped in by `output::SiteWriter`, with its build cache, and what was rendered or taken
//! over. Files go in sorted path order, in chunks of [`CHUNK`]: each chunk's changed files are
//! rendered and written in parallel (each thread writes the page it rendered), so memory holds
//! at most one page per thread, never the site. A file whose key matches the previous build's manifest is hard-linked from the
//! previous site instead. Output bytes do not depend on the thread count or on the cache.
//! Never: writes outside the writer, or leaves a half-written site (a failure aborts the
//! writer, which removes the temporary folder; the previous site stays in place).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::cache::{Entry, Keys};
use crate::error::Result;
use crate::output::{Fault, OutputEnv, SiteWriter};
use crate::pages::Ctx;
use crate::pipeline::Log;
use crate::plan::Planned;

/// Files per chunk: enough to keep every core busy, few enough to bound memory.
const CHUNK: usize = 512;

/// What [`write`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Streamed {
    /// Files in the new site (the marker and the cache not counted).
    pub(crate) files: usize,
    /// Their bytes.
    pub(crate) bytes: u64,
    /// Files rendered.
    pub(crate) rendered: usize,
    /// Files taken over from the previous build.
    pub(crate) reused: usize,
}

/// One file of the site: a planned page or a static file of the theme.
enum Item<'a> {
    Page(&'a Planned),
    Asset(&'a str, &'a [u8]),
}

impl Item<'_> {
    fn path(&self) -> &str {
        match self {
            Item::Page(p) => &p.path,
            Item::Asset(path, _) => path,
        }
    }

    fn render(&self, ctx: &Ctx<'_>) -> Result<Cow<'_, [u8]>> {
        match self {
            Item::Page(p) => ctx.render(p).map(|s| Cow::Owned(s.into_bytes())),
            Item::Asset(_, bytes) => Ok(Cow::Borrowed(bytes)),
        }
    }
}

/// Renders and writes the whole site into `output`, taking over unchanged files.
pub(crate) fn write(
    ctx: &Ctx<'_>,
    plan: &[Planned],
    keys: &Keys,
    output: &Path,
    env: &OutputEnv,
    log: &Log,
) -> Result<Streamed> {
    let assets = ctx.renderer.static_assets().iter();
    let mut items: Vec<Item<'_>> = plan
        .iter()
        .map(Item::Page)
        .chain(assets.map(|(p, b)| Item::Asset(p, b)))
        .collect();
    items.sort_by(|a, b| a.path().cmp(b.path()));
    let mut writer = SiteWriter::open(output, items.iter().map(Item::path), env, Fault::None)?;
    let previous = keys.previous(writer.previous_cache().as_deref());
    let bar = crate::progress::bar(log.progress(), items.len());
    let filled = fill(&mut writer, ctx, &items, keys, &previous, &bar);
    bar.finish_and_clear();
    let (entries, rendered, reused) = match filled {
        Ok(done) => done,
        Err(e) => {
            writer.abort();
            return Err(e);
        }
    };
    let summary = writer.commit(Some(&keys.manifest(entries)))?;
    Ok(Streamed {
        files: summary.files,
        bytes: summary.bytes,
        rendered,
        reused,
    })
}

/// The loop: per chunk, link what is unchanged, render the rest in parallel, write it.
fn fill(
    writer: &mut SiteWriter,
    ctx: &Ctx<'_>,
    items: &[Item<'_>],
    keys: &Keys,
    previous: &BTreeMap<String, Entry>,
    bar: &crate::progress::Bar,
) -> Result<(BTreeMap<String, Entry>, usize, usize)> {
    let mut entries = BTreeMap::new();
    let (mut rendered, mut reused) = (0, 0);
    let key_of = |item: &Item<'_>| match item {
        Item::Page(p) => keys.of(p),
        Item::Asset(..) => Some(keys.asset()),
    };
    for chunk in items.chunks(CHUNK) {
        let mut todo = Vec::with_capacity(chunk.len());
        for item in chunk {
            let path = item.path();
            if let Some(key) = key_of(item)
                && let Some(old) = previous.get(path)
                && old.key == key
                && writer.link_previous(path, old.len)?
            {
                entries.insert(path.to_owned(), old.clone());
                reused += 1;
                continue;
            }
            todo.push(item);
        }
        let places = todo
            .iter()
            .map(|item| writer.reserve(item.path()))
            .collect::<Result<Vec<_>>>()?;
        let shared: &SiteWriter = writer;
        let lens: Vec<Result<u64>> = todo
            .par_iter()
            .zip(&places)
            .map(|(item, place)| {
                let bytes = item.render(ctx)?;
                shared.write_reserved(place, &bytes)?;
                Ok(bytes.len() as u64)
            })
            .collect();
        for (item, len) in todo.iter().zip(lens) {
            let len = len?;
            writer.count_bytes(len);
            if let Some(key) = key_of(item) {
                let entry = Entry {
                    key: key.to_owned(),
                    len,
                };
                entries.insert(item.path().to_owned(), entry);
            }
            rendered += 1;
        }
        bar.advance(chunk.len());
    }
    Ok((entries, rendered, reused))
}
