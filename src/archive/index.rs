//! `archive/index.html`: the list of snapshots, rewritten after each new one.
//!
//! In: the archive folder. Out: one self-contained HTML page (no script, no style sheet to
//! fetch: the site's look is inline) linking each snapshot's site, manifest and checksums, with
//! its build time in UTC (`SOURCE_DATE_EPOCH`, `YYYY-MM-DD HH:MM:SS UTC`) and the SHA-256 of its
//! `SHA256SUMS`. Written to a temporary file and renamed over the old page. Reads snapshots;
//! never changes them.

use std::path::Path;

use super::manifest::{self, MANIFEST, Manifest, SITE, SUMS};
use crate::epoch::Epoch;
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

/// The look of the published site (its default theme's colours, font stack and tables), inline
/// so that the page stands alone whatever theme each snapshot was built with (issue 19: the
/// page looked like a bare document beside the site it lists).
const STYLE: &str = "\
:root{--text:#1b1b1b;--muted:#555;--link:#0b4f9c;--visited:#5b2a86;--accent:#a61d24;\
--rule:#5c5c5c;--head-bg:#e9edf2;--stripe:#f6f7f9;\
--font:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif}\
*,*::before,*::after{box-sizing:border-box}\
body{margin:0;font-family:var(--font);line-height:1.7;color:var(--text);background:#fff}\
.wrap{max-width:76rem;margin:0 auto;padding:0 1.25rem}\
a{color:var(--link);text-underline-offset:.15em}a:visited{color:var(--visited)}\
.site-header{border-top:4px solid var(--accent);border-bottom:1px solid #ccc;padding:.6rem 0}\
.site-title{margin:0;font-size:1.25rem;font-weight:700;color:var(--accent)}\
main{padding:1rem 1.25rem 2rem}h1{font-size:1.6rem;margin:.5rem 0 1rem}\
.note{color:var(--muted)}\
table{border-collapse:collapse;width:100%;margin:1rem 0;font-variant-numeric:tabular-nums}\
caption{font-weight:700;padding:.3rem 0;text-align:left}\
th,td{border:1px solid var(--rule);padding:.35rem .6rem;text-align:left;vertical-align:top}\
thead th{background:var(--head-bg);white-space:nowrap}tbody tr:nth-child(even){background:var(--stripe)}\
td.num{text-align:right;white-space:nowrap}td.when{white-space:nowrap}\
code{font-size:.85em;word-break:break-all}\
.site-footer{border-top:1px solid #ccc;background:var(--stripe);color:var(--muted);padding:1rem 0;font-size:.9rem}";

fn page(rows: &[Row]) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"gongkai\">\n<title>公开存档</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n\
         <header class=\"site-header\"><div class=\"wrap\"><p class=\"site-title\">公开存档</p></div></header>\n\
         <main class=\"wrap\">\n<h1>历次发布的存档</h1>\n\
         <p>每个存档是某次发布时网站的完整副本。用 <code>gongkai verify &lt;存档&gt;</code> 或在存档目录中运行 \
         <code>sha256sum -c SHA256SUMS</code> 可验证其未被改动；请另行记录下表中的校验值。</p>\n\
         <table>\n<caption>存档列表</caption>\n<thead><tr><th scope=\"col\">存档</th>\
         <th scope=\"col\">生成时间（UTC）</th><th scope=\"col\">文件数</th>\
         <th scope=\"col\">gongkai 版本</th><th scope=\"col\">SHA256SUMS 校验值</th></tr></thead>\n<tbody>\n",
    );
    for r in rows {
        let name = esc(&r.name);
        let when = r.epoch.map(Epoch).map_or_else(
            || "—".to_owned(),
            |e| format!("<time datetime=\"{}\">{}</time>", e.iso(), e.date_time()),
        );
        out.push_str(&format!(
            "<tr><th scope=\"row\"><a href=\"{name}/{SITE}/index.html\">{name}</a> \
             （<a href=\"{name}/{MANIFEST}\">清单</a>{}）</th><td class=\"when\">{when}</td>\
             <td class=\"num\">{}</td><td>{}</td><td><code>{}</code></td></tr>\n",
            if r.tar {
                format!("、<a href=\"{name}.tar.gz\">归档包</a>")
            } else {
                String::new()
            },
            r.files,
            esc(&r.version),
            esc(&r.digest),
        ));
    }
    out.push_str(
        "</tbody>\n</table>\n<p class=\"note\">生成时间取自生成时的 <code>SOURCE_DATE_EPOCH</code>，\
         即各页页脚的生成日期；“—”表示生成时未设定，存档名中的日期是存档当天的日期。</p>\n</main>\n\
         <footer class=\"site-footer\"><div class=\"wrap\"><p>本页由 gongkai 在每次存档后重写。</p></div></footer>\n\
         </body>\n</html>\n",
    );
    out
}
