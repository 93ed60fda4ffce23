//! `gongkai verify <snapshot>`: is the snapshot exactly what was archived?
//!
//! In: a snapshot folder. Out: a [`VerifyReport`] listing every added, removed and modified file
//! (hidden files and links included), compared with `manifest.json`, which is itself checked
//! against `SHA256SUMS`. Only reads. What it cannot see: a snapshot whose manifest and checksums
//! were both rewritten consistently; for that, compare [`VerifyReport::digest`] with the value
//! noted when the snapshot was made.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::manifest::{self, MANIFEST, Manifest, SUMS};
use crate::error::{Error, Result};
use crate::fs;
use crate::lang::pick;

/// One file that differs from the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Path inside the snapshot.
    pub path: String,
    /// What the record says, or why it differs (`sha256 …`, `a symbolic link` …).
    pub detail: String,
}

/// The result of checking one snapshot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    /// Files recorded and present: how many matched.
    pub matched: usize,
    /// Present but not recorded.
    pub added: Vec<Change>,
    /// Recorded but missing.
    pub removed: Vec<Change>,
    /// Recorded and present, with other bytes (or not a plain file).
    pub modified: Vec<Change>,
    /// SHA-256 of `SHA256SUMS` as found.
    pub digest: String,
}

impl VerifyReport {
    /// True when nothing was added, removed or modified.
    pub fn intact(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.modified.is_empty()
    }

    /// For people: one line per change, then a verdict.
    pub fn to_human(&self, snapshot: &Path) -> String {
        let mut out = String::new();
        for (kind, list) in [
            (pick("已改动", "modified"), &self.modified),
            (pick("已删除", "removed"), &self.removed),
            (pick("多出", "added"), &self.added),
        ] {
            for c in list {
                out.push_str(&pick(
                    format!("{kind}：{}（{}）\n", c.path, c.detail),
                    format!("{kind}: {} ({})\n", c.path, c.detail),
                ));
            }
        }
        let shown = snapshot.display();
        let (matched, modified, removed, added) = (
            self.matched,
            self.modified.len(),
            self.removed.len(),
            self.added.len(),
        );
        if self.intact() {
            out.push_str(&pick(
                format!(
                    "存档 `{shown}` 完好：{matched} 个文件与 manifest.json 和 SHA256SUMS 一致\n"
                ),
                format!(
                    "snapshot `{shown}` is intact: {matched} file(s) match manifest.json and SHA256SUMS\n"
                ),
            ));
        } else {
            out.push_str(&pick(
                format!(
                    "存档 `{shown}` 不完好：{modified} 个文件被改动，{removed} 个被删除，{added} 个多出\n"
                ),
                format!(
                    "snapshot `{shown}` is NOT intact: {modified} modified, {removed} removed, {added} added\n"
                ),
            ));
        }
        out.push_str(&pick(
            format!("SHA256SUMS 的 sha256：{}\n", self.digest),
            format!("SHA256SUMS sha256: {}\n", self.digest),
        ));
        out
    }

    /// Stable JSON for tools.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(&serde_json::json!({
            "intact": self.intact(),
            "matched": self.matched,
            "modified": self.modified,
            "removed": self.removed,
            "added": self.added,
            "sha256sums_digest": self.digest,
        }))
        .unwrap_or_default();
        s.push('\n');
        s
    }
}

/// Checks a snapshot. Errors ([`Error::Usage`]) only when `snapshot` is not a folder; a
/// missing or unreadable `manifest.json` or `SHA256SUMS` is reported as a change.
pub fn verify(snapshot: &Path) -> Result<VerifyReport> {
    if !fs::symlink_metadata(snapshot)?.is_some_and(|m| m.is_dir()) {
        let shown = snapshot.display();
        return Err(Error::Usage(pick(
            format!("`{shown}` 不是存档文件夹"),
            format!("`{shown}` is not a snapshot folder"),
        )));
    }
    let mut report = VerifyReport::default();
    // What is on disk: path → Some(bytes) for a plain file, None for anything else.
    let mut found: BTreeMap<String, Option<Vec<u8>>> = BTreeMap::new();
    for entry in fs::walk_sorted_all(snapshot)? {
        let path = entry.names.join("/");
        match entry.kind {
            fs::EntryKind::Dir => {}
            fs::EntryKind::File => {
                found.insert(path, Some(fs::read(&entry.path)?));
            }
            fs::EntryKind::Symlink | fs::EntryKind::Other => {
                found.insert(path, None);
            }
        }
    }

    let sums_bytes = found.get(SUMS).cloned().flatten();
    report.digest = sums_bytes
        .as_deref()
        .map(manifest::sha256_hex)
        .unwrap_or_default();
    let sums = sums_bytes
        .as_deref()
        .map(|b| manifest::parse_sums(&String::from_utf8_lossy(b)));
    let manifest = found
        .get(MANIFEST)
        .cloned()
        .flatten()
        .map(|b| Manifest::parse(&b, MANIFEST));

    // The record: every file with its hash and size. The manifest gives sizes; SHA256SUMS must
    // agree with it line for line.
    let mut expected: BTreeMap<String, (String, Option<u64>)> = BTreeMap::new();
    match &manifest {
        Some(Ok(m)) => {
            for e in &m.files {
                expected.insert(e.path.clone(), (e.sha256.clone(), Some(e.size)));
            }
        }
        Some(Err(e)) => report.modified.push(change(MANIFEST, &e.to_string())),
        None => report.removed.push(change(
            MANIFEST,
            &pick("存档的清单", "the record of the snapshot"),
        )),
    }
    match &sums {
        Some(Ok(lines)) => {
            let listed: BTreeMap<&str, &str> = lines
                .iter()
                .map(|(p, h)| (p.as_str(), h.as_str()))
                .collect();
            if let Some(Ok(_)) = &manifest {
                let mut want: Vec<&str> = expected.keys().map(String::as_str).collect();
                want.push(MANIFEST);
                want.sort_unstable();
                let got: Vec<&str> = listed.keys().copied().collect();
                let agrees = want == got
                    && expected
                        .iter()
                        .all(|(p, (h, _))| listed.get(p.as_str()) == Some(&h.as_str()));
                if !agrees {
                    report.modified.push(change(
                        SUMS,
                        &pick("与 manifest.json 不一致", "disagrees with manifest.json"),
                    ));
                }
            }
            match (listed.get(MANIFEST), found.get(MANIFEST)) {
                (Some(hex), Some(Some(bytes))) if manifest::sha256_hex(bytes) != *hex => {
                    report.modified.push(change(
                        MANIFEST,
                        &pick(
                            format!("应为 sha256 {hex}"),
                            format!("sha256 {hex} expected"),
                        ),
                    ));
                }
                (None, _) => report.modified.push(change(
                    SUMS,
                    &pick("没有列出 manifest.json", "does not list manifest.json"),
                )),
                _ => {}
            }
            // Without a usable manifest, SHA256SUMS alone is the record.
            if !matches!(manifest, Some(Ok(_))) {
                for (p, h) in &listed {
                    if *p != MANIFEST {
                        expected.insert((*p).to_owned(), ((*h).to_owned(), None));
                    }
                }
            }
        }
        Some(Err(e)) => report.modified.push(change(SUMS, &e.to_string())),
        None => report
            .removed
            .push(change(SUMS, &pick("校验值清单", "the checksum list"))),
    }

    for (path, (hex, size)) in &expected {
        match found.get(path) {
            None => report.removed.push(change(path, &format!("sha256 {hex}"))),
            Some(None) => report
                .modified
                .push(change(path, &pick("不是普通文件", "not a plain file"))),
            Some(Some(bytes)) => {
                let actual = manifest::sha256_hex(bytes);
                if actual != *hex {
                    report.modified.push(change(
                        path,
                        &pick(
                            format!("应为 sha256 {hex}，实际为 {actual}"),
                            format!("sha256 {hex} expected, {actual} found"),
                        ),
                    ));
                } else if size.is_some_and(|s| s != bytes.len() as u64) {
                    report.modified.push(change(
                        path,
                        &pick(
                            "大小与 manifest.json 不符",
                            "size differs from manifest.json",
                        ),
                    ));
                } else {
                    report.matched += 1;
                }
            }
        }
    }
    for (path, bytes) in &found {
        if !expected.contains_key(path) && path != MANIFEST && path != SUMS {
            let detail = match bytes {
                Some(b) => pick(
                    format!("{} 字节，manifest.json 里没有", b.len()),
                    format!("{} bytes, not in manifest.json", b.len()),
                ),
                None => pick(
                    "不是普通文件，manifest.json 里没有",
                    "not a plain file, not in manifest.json",
                ),
            };
            report.added.push(change(path, &detail));
        }
    }
    report.modified.sort_by(|a, b| a.path.cmp(&b.path));
    report.removed.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(report)
}

fn change(path: &str, detail: &str) -> Change {
    Change {
        path: path.to_owned(),
        detail: detail.to_owned(),
    }
}
