//! The record of a snapshot: `manifest.json` and `SHA256SUMS`.
//!
//! In: the files of a snapshot and of its inputs, as bytes. Out: a [`Manifest`] (every file with
//! size and SHA-256, the inputs' hashes, gongkai's version and `SOURCE_DATE_EPOCH`) as JSON, and
//! a `SHA256SUMS` text that GNU `sha256sum -c` accepts. Pure: never touches the file system.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Name of the manifest inside a snapshot.
pub(crate) const MANIFEST: &str = "manifest.json";
/// Name of the checksum list inside a snapshot.
pub(crate) const SUMS: &str = "SHA256SUMS";
/// Folder of the published site inside a snapshot.
pub(crate) const SITE: &str = "site";
/// The manifest format, so a later gongkai can tell old snapshots apart.
pub(crate) const FORMAT: &str = "gongkai-archive/1";

/// One file with its size and hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Entry {
    /// Relative, `/`-separated path (inside the snapshot, or inside the site's source folder).
    pub(crate) path: String,
    /// Size in bytes.
    pub(crate) size: u64,
    /// SHA-256, lowercase hex.
    pub(crate) sha256: String,
}

impl Entry {
    /// The entry of `bytes` at `path`.
    pub(crate) fn of(path: String, bytes: &[u8]) -> Entry {
        Entry {
            path,
            size: bytes.len() as u64,
            sha256: sha256_hex(bytes),
        }
    }
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Manifest {
    /// Always [`FORMAT`].
    pub(crate) format: String,
    /// The snapshot's folder name (`2024-06-30`, `2024-06-30-corrected`).
    pub(crate) snapshot: String,
    /// The gongkai version that built it.
    pub(crate) gongkai_version: String,
    /// `SOURCE_DATE_EPOCH` of the build, `null` when unset.
    pub(crate) source_date_epoch: Option<i64>,
    /// The profile built (always `public`: only what was published is archived).
    pub(crate) profile: String,
    /// Every file of the snapshot except `manifest.json` and `SHA256SUMS`, sorted by path.
    pub(crate) files: Vec<Entry>,
    /// Every input file (`content/…`, and `themes/<name>/…` for a theme folder), sorted.
    pub(crate) inputs: Vec<Entry>,
}

impl Manifest {
    /// Pretty JSON with a final newline; the same manifest always gives the same bytes.
    pub(crate) fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self)
            .map(|s| s + "\n")
            .map_err(|e| {
                Error::Usage(crate::lang::pick(
                    format!("无法写出 {MANIFEST}：{e}"),
                    format!("cannot serialize {MANIFEST}: {e}"),
                ))
            })
    }

    /// Reads a manifest; `what` names the file in the message.
    pub(crate) fn parse(bytes: &[u8], what: &str) -> Result<Manifest> {
        let manifest: Manifest = serde_json::from_slice(bytes).map_err(|e| {
            Error::Usage(crate::lang::pick(
                format!("`{what}` 不是 gongkai 的存档清单：{e}"),
                format!("`{what}` is not a gongkai manifest: {e}"),
            ))
        })?;
        if manifest.format != FORMAT {
            let format = &manifest.format;
            return Err(Error::Usage(crate::lang::pick(
                format!("`{what}` 的格式是 `{format}`；这个版本的 gongkai 只能读 `{FORMAT}`"),
                format!("`{what}` has format `{format}`; this gongkai reads `{FORMAT}`"),
            )));
        }
        Ok(manifest)
    }

    /// The `SHA256SUMS` text: every file, then the manifest itself, in path order, in the
    /// `<hex>  <path>` form of `sha256sum` (text mode, paths relative to the snapshot).
    pub(crate) fn sums(&self, manifest_json: &[u8]) -> String {
        let mut lines: Vec<(String, String)> = self
            .files
            .iter()
            .map(|e| (e.path.clone(), e.sha256.clone()))
            .collect();
        lines.push((MANIFEST.to_owned(), sha256_hex(manifest_json)));
        lines.sort();
        lines
            .iter()
            .map(|(path, hex)| format!("{hex}  {path}\n"))
            .collect()
    }
}

/// Parses `SHA256SUMS` into (path, hex) pairs; a line that is not `<64 hex>  <path>` (or the
/// binary-mode `<64 hex> *<path>`) is an error naming its line number.
pub(crate) fn parse_sums(text: &str) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let parsed = line.split_at_checked(64).and_then(|(hex, rest)| {
            let path = rest
                .strip_prefix("  ")
                .or_else(|| rest.strip_prefix(" *"))?;
            let ok = hex.bytes().all(|b| b.is_ascii_hexdigit()) && !path.is_empty();
            ok.then(|| (path.to_owned(), hex.to_ascii_lowercase()))
        });
        match parsed {
            Some(pair) => out.push(pair),
            None => {
                let n = n + 1;
                return Err(Error::Usage(crate::lang::pick(
                    format!("`{SUMS}` 第 {n} 行：应为 `<sha256>  <路径>`"),
                    format!("`{SUMS}` line {n}: expected `<sha256>  <path>`"),
                )));
            }
        }
    }
    Ok(out)
}

/// SHA-256 of `bytes`, lowercase hex.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        Manifest {
            format: FORMAT.to_owned(),
            snapshot: "2024-06-30".to_owned(),
            gongkai_version: "0.1.0".to_owned(),
            source_date_epoch: Some(1_719_705_600),
            profile: "public".to_owned(),
            files: vec![
                Entry::of("site/index.html".to_owned(), b"<h1>x</h1>"),
                Entry::of("site/a b.html".to_owned(), b""),
            ],
            inputs: vec![Entry::of("content/_site.yaml".to_owned(), b"title: x\n")],
        }
    }

    #[test]
    fn the_empty_input_has_the_well_known_sha256() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn a_manifest_round_trips_through_json() {
        let m = manifest();
        let json = m.to_json().expect("serializes");
        assert_eq!(Manifest::parse(json.as_bytes(), "m").expect("parses"), m);
    }

    #[test]
    fn sums_list_every_file_and_the_manifest_in_path_order_and_parse_back() {
        let m = manifest();
        let sums = m.sums(b"{}");
        let parsed = parse_sums(&sums).expect("parses");
        let paths: Vec<&str> = parsed.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["manifest.json", "site/a b.html", "site/index.html"]);
        assert_eq!(parsed[0].1, sha256_hex(b"{}"));
        assert!(sums.ends_with('\n') && sums.lines().all(|l| l.len() > 66));
    }

    #[test]
    fn a_malformed_sums_line_is_named() {
        let err = parse_sums("abc  x\n").expect_err("malformed").to_string();
        assert_eq!(err, "`SHA256SUMS` 第 1 行：应为 `<sha256>  <路径>`");
    }
}
