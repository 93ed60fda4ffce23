//! Stage 1: `content/` → [`Corpus`].
//!
//! Discovers `content/_site.yaml`, `content/<unit>/_unit.yaml`, `content/<unit>/<year>.yaml` and
//! `content/<unit>/<year>/*.md` in sorted order, parses every file in parallel, validates, and
//! gathers every diagnostic of every file before failing. Never panics on any input.

pub mod raw;

use std::path::Path;

use crate::error::Result;
use crate::model::Corpus;

/// Loads and validates all content under `content_dir`.
///
/// Errors: [`crate::Error::Invalid`] with every diagnostic of every file, sorted by path.
pub fn load(content_dir: &Path) -> Result<Corpus> {
    let _ = content_dir;
    Err(crate::Error::Usage("loader not yet implemented".into()))
}
