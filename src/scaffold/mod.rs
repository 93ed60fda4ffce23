//! Files gongkai writes into the user's project rather than into the site: the JSON Schemas
//! editors check records against (`gongkai schema`) and, in later steps, new records.
//!
//! In: a folder. Out: the files written, each replaced whole (a schema is generated, never
//! edited by hand). Never writes outside the folder it is given.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `record.schema.json`, `unit.schema.json` and `site.schema.json` into `dir`
/// (created when missing); returns their paths.
pub fn write_schemas(dir: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        action: "create",
        path: dir.to_path_buf(),
        source,
    })?;
    let mut written = Vec::new();
    for (name, text) in crate::load::schema::files() {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|source| Error::Io {
            action: "write",
            path: path.clone(),
            source,
        })?;
        written.push(path);
    }
    Ok(written)
}
