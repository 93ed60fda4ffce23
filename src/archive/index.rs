//! `archive/index.html`: the list of snapshots, rewritten after each new one.
//!
//! In: the archive folder. Out: one self-contained HTML page (no script, no style sheet) linking
//! each snapshot's site, manifest and checksums, with the SHA-256 of its `SHA256SUMS`. Written
//! to a temporary file and renamed over the old page. Reads snapshots; never changes them.

use std::path::Path;

use super::manifest::{self, MANIFEST, Manifest, SITE, SUMS};
use crate::error::Result;
use crate::fs;

/// One listed snapshot.
struct Row {
    name: String,
    files: usize,
    version: String,
    epoch: Option<i64>,
    digest: String,
    tar: bool,
}

/// Rewrites `<root>/index.html` from the snapshots found in `root`.
pub(super) fn write(root: &Path) -> Result<()> {
    let mut rows = Vec::new();
    for name in fs::read_dir_names(root)? {
        let Some(name) = name.to_str() else { continue };
        let dir = root.join(name);
        if name.starts_with('.') || !fs::symlink_metadata(&dir)?.is_some_and(|m| m.is_dir()) {
            continue;
        }
        // A folder that is not a readable snapshot is listed by name only.
        let manifest = fs::read(&dir.join(MANIFEST))
            .ok()
            .and_then(|b| Manifest::parse(&b, MANIFEST).ok());
        let digest = fs::read(&dir.join(SUMS))
            .map(|b| manifest::sha256_hex(&b))
            .unwrap_or_default();
        rows.push(Row {
            name: name.to_owned(),
            files: manifest.as_ref().map_or(0, |m| m.files.len()),
            version: manifest
                .as_ref()
                .map(|m| m.gongkai_version.clone())
                .unwrap_or_default(),
            epoch: manifest.and_then(|m| m.source_date_epoch),
            digest,
            tar: fs::symlink_metadata(&root.join(format!("{name}.tar.gz")))?.is_some(),
        });
    }
    let html = page(&rows);
    let tmp = root.join(format!(".gongkai-tmp-index-{}.html", std::process::id()));
    fs::remove_all(&tmp)?;
    fs::write_new_synced(&tmp, html.as_bytes())?;
    fs::rename(&tmp, &root.join("index.html"))?;
    fs::sync_dir(root)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn page(rows: &[Row]) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"gongkai\">\n<title>公开存档</title>\n\
         <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}\
         table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4rem;\
         text-align:left}th{white-space:nowrap}td.num{text-align:right}code{font-size:.85em;word-break:break-all}</style>\n\
         </head>\n<body>\n<h1>公开存档</h1>\n\
         <p>每个存档是某次发布时网站的完整副本。用 <code>gongkai verify &lt;存档&gt;</code> 或在存档目录中运行 \
         <code>sha256sum -c SHA256SUMS</code> 可验证其未被改动；请另行记录下表中的校验值。</p>\n\
         <table>\n<caption>存档列表</caption>\n<thead><tr><th scope=\"col\">存档</th>\
         <th scope=\"col\">文件数</th><th scope=\"col\">SOURCE_DATE_EPOCH</th>\
         <th scope=\"col\">gongkai 版本</th><th scope=\"col\">SHA256SUMS 校验值</th></tr></thead>\n<tbody>\n",
    );
    for r in rows {
        let name = esc(&r.name);
        out.push_str(&format!(
            "<tr><th scope=\"row\"><a href=\"{name}/{SITE}/index.html\">{name}</a> \
             （<a href=\"{name}/{MANIFEST}\">清单</a>{}）</th><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td>{}</td><td><code>{}</code></td></tr>\n",
            if r.tar {
                format!("、<a href=\"{name}.tar.gz\">归档包</a>")
            } else {
                String::new()
            },
            r.files,
            r.epoch.map_or_else(|| "—".to_owned(), |e| e.to_string()),
            esc(&r.version),
            esc(&r.digest),
        ));
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}
