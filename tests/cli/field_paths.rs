//! Issue 19: no page shows a field path of the record format (`scores.self_evaluation.…`) as
//! visible text: labels are Chinese. Checked on the example site and on the field site, whose
//! internal profile also prints the findings beside the figures.

use std::path::Path;

use crate::support::{fixture, root};

/// What a reader sees of an HTML page: the text outside tags, without scripts and styles
/// (attributes such as a download link's `href` are not visible text).
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
        let close = if lower.starts_with("<script") {
            "</script>"
        } else if lower.starts_with("<style") {
            "</style>"
        } else {
            ">"
        };
        let end = rest.find(close).map_or(rest.len(), |i| i + close.len());
        out.push(' ');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The field paths found in the visible text of every HTML page under `site`.
fn leaks(site: &Path) -> Vec<String> {
    const PATHS: [&str; 6] = [
        "scores.",
        "self_evaluation.",
        "final_accounts.",
        "record.",
        "goals[",
        "indicators[",
    ];
    let mut found = Vec::new();
    for (rel, bytes) in crate::support::files(site) {
        // The review desk (internal) lists each finding's field path on purpose: its 字段
        // column is what a reviewer looks the figure up by in the record file (issue 19).
        if !rel.ends_with(".html") || rel == "review.html" {
            continue;
        }
        let text = visible_text(&String::from_utf8_lossy(&bytes));
        for path in PATHS {
            if let Some(i) = text.find(path) {
                let before: String = text[..i].chars().rev().take(20).collect();
                let before: String = before.chars().rev().collect();
                let after: String = text[i..].chars().take(40).collect();
                found.push(format!("{rel}: …{before}{after}…"));
            }
        }
    }
    found
}

fn build(content: &Path, profile: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    crate::support::build_into_temp_with(content, &["--profile", profile])
}

#[test]
fn issue19_no_page_shows_a_field_path() {
    for (content, profile) in [
        (root().join("content"), "public"),
        (root().join("content"), "internal"),
        (fixture("sites/field/content"), "public"),
        (fixture("sites/field/content"), "internal"),
    ] {
        let (_dir, site) = build(&content, profile);
        let leaks = leaks(&site);
        assert!(
            leaks.is_empty(),
            "{} ({profile}):\n{}",
            content.display(),
            leaks.join("\n")
        );
    }
}

#[test]
fn visible_text_leaves_out_tags_scripts_and_styles() {
    let text = visible_text(
        "<p>总分<a href=\"self_evaluation.csv\">下载</a></p><script>scores.x</script><style>a{}</style>",
    );
    assert_eq!(
        text.split_whitespace().collect::<Vec<_>>(),
        ["总分", "下载"]
    );
}
