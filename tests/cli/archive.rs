//! Integration tests: `gongkai archive`, `verify` and `diff` (issue 7), through the binary, each
//! in its own temporary project folder holding a copy of the example content.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

use crate::support::{example_project, files};

mod diff_integrity;
mod issue19;
mod tar;

/// 2024-06-30T00:00:00Z.
const EPOCH: &str = "1719705600";

/// A project folder with `content/` copied from the example site.
struct Project {
    _dir: TempDir,
    path: PathBuf,
}

impl Project {
    fn new() -> Project {
        let (dir, path) = example_project(false);
        Project { _dir: dir, path }
    }

    /// `gongkai <args>` in the project, with `SOURCE_DATE_EPOCH` set and `HOME` inside it.
    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = crate::support::gongkai().expect("binary builds");
        cmd.current_dir(&self.path)
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .env("HOME", self.path.join("home"))
            .args(args);
        cmd
    }

    fn run(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.cmd(args).assert()
    }

    /// Replaces `from` by `to` in a content file; the text must occur exactly once.
    fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.path.join("content").join(rel);
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(text.matches(from).count(), 1, "`{from}` once in {rel}");
        std::fs::write(&path, text.replace(from, to)).expect("write");
    }

    fn snapshot(&self, name: &str) -> PathBuf {
        self.path.join("archive").join(name)
    }
}

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

#[test]
fn a_snapshot_holds_the_public_site_its_manifest_and_checksums_named_by_the_epoch_date() {
    let p = Project::new();
    p.run(&["archive"]).success();
    let snap = p.snapshot("2024-06-30");
    let stored = files(&snap);
    assert!(stored.contains_key("site/index.html") && stored.contains_key("site/static/style.css"));
    assert!(stored.contains_key("manifest.json") && stored.contains_key("SHA256SUMS"));
    let page = String::from_utf8_lossy(&stored["site/units/qingling/2023/index.html"]).into_owned();
    assert!(
        page.contains("生成日期：<time datetime=\"2024-06-30\">"),
        "footer date"
    );
    assert!(!page.contains("审核发现"), "the public profile is archived");

    let manifest: serde_json::Value =
        serde_json::from_slice(&stored["manifest.json"]).expect("manifest is JSON");
    assert_eq!(manifest["snapshot"], "2024-06-30");
    assert_eq!(manifest["source_date_epoch"], 1_719_705_600_i64);
    assert_eq!(manifest["gongkai_version"], env!("CARGO_PKG_VERSION"));
    let site_files = stored.keys().filter(|k| k.starts_with("site/")).count();
    assert_eq!(manifest["files"].as_array().map(Vec::len), Some(site_files));
    let inputs = manifest["inputs"].as_array().expect("inputs");
    let yaml = inputs
        .iter()
        .find(|i| i["path"] == "content/qingling/2023.yaml")
        .expect("each content file is an input");
    assert_eq!(yaml["sha256"].as_str().map(str::len), Some(64));
    let text = String::from_utf8_lossy(&stored["manifest.json"]).into_owned();
    assert!(
        !text.contains(&*p.path.to_string_lossy()),
        "no absolute path"
    );

    let index = std::fs::read_to_string(p.path.join("archive/index.html")).expect("index");
    assert!(
        index.contains("href=\"2024-06-30/site/index.html\""),
        "{index}"
    );
}

#[test]
fn archiving_twice_is_refused_unless_another_label_is_given() {
    let p = Project::new();
    p.run(&["archive"]).success();
    let before = files(&p.path.join("archive"));
    let refused = p.run(&["archive"]).code(2);
    assert!(
        stderr(&refused).contains("已经存在，存档从不覆盖")
            && stderr(&refused).contains("（例如 `--label corrected`）"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(files(&p.path.join("archive")), before, "nothing changed");

    p.run(&["archive", "--label", "corrected"]).success();
    assert!(p.snapshot("2024-06-30-corrected/site/index.html").is_file());
    let index = std::fs::read_to_string(p.path.join("archive/index.html")).expect("index");
    assert!(index.contains(">2024-06-30<") && index.contains(">2024-06-30-corrected<"));
    // The hint names a label that is still free (issue 19), never the one just refused.
    let again = p.run(&["archive", "--label", "corrected"]).code(2);
    assert!(
        stderr(&again).contains("（例如 `--label corrected-2`）"),
        "{}",
        stderr(&again)
    );
    p.run(&["archive", "--label", "../x"]).code(2);
}

#[test]
fn a_folder_that_is_not_an_archive_is_refused_and_left_alone() {
    let p = Project::new();
    std::fs::create_dir_all(p.path.join("docs")).expect("mkdir");
    std::fs::write(p.path.join("docs/notes.md"), "mine").expect("write");
    let refused = p.run(&["archive", "--archive", "docs"]).code(2);
    assert!(stderr(&refused).contains("不能存档到 `docs`"));
    assert_eq!(files(&p.path.join("docs")).len(), 1);
    p.run(&["archive", "--archive", "."]).code(2);
    p.run(&["archive", "--archive", "content"]).code(2);
}

#[cfg_attr(
    gongkai_no_sha256sum,
    ignore = "sha256sum is not installed (coreutils)"
)]
#[test]
fn sha256sum_accepts_the_snapshot_without_gongkai() {
    let p = Project::new();
    p.run(&["archive"]).success();
    let out = std::process::Command::new("sha256sum")
        .args(["-c", "--strict", "SHA256SUMS"])
        .current_dir(p.snapshot("2024-06-30"))
        .output()
        .expect("sha256sum runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("site/index.html: OK") && text.contains("manifest.json: OK"));
}

/// Archives, tampers with the snapshot, and returns `verify`'s exit code and output.
fn tampered(tamper: impl FnOnce(&Path)) -> (Option<i32>, String) {
    let p = Project::new();
    p.run(&["archive"]).success();
    let snap = p.snapshot("2024-06-30");
    let intact = p.run(&["verify", "archive/2024-06-30"]).success();
    assert!(stdout(&intact).contains("完好："), "{}", stdout(&intact));
    tamper(&snap);
    let out = p.run(&["verify", "archive/2024-06-30"]);
    (out.get_output().status.code(), stdout(&out))
}

#[test]
fn verify_reports_one_changed_byte_of_a_page() {
    let (code, out) = tampered(|snap| {
        let path = snap.join("site/units/qingling/2023/index.html");
        let mut bytes = std::fs::read(&path).expect("read");
        let i = bytes.len() / 2;
        bytes[i] ^= 1;
        std::fs::write(&path, bytes).expect("write");
    });
    assert_eq!(code, Some(1));
    assert!(
        out.contains("已改动：site/units/qingling/2023/index.html（应为 sha256 "),
        "{out}"
    );
    assert!(
        out.contains("不完好：1 个文件被改动，0 个被删除，0 个多出"),
        "{out}"
    );
}

#[test]
fn verify_speaks_english_with_lang_en() {
    let p = Project::new();
    p.run(&["archive"]).success();
    let path = p
        .snapshot("2024-06-30")
        .join("site/units/qingling/2023/index.html");
    let mut bytes = std::fs::read(&path).expect("read");
    let i = bytes.len() / 2;
    bytes[i] ^= 1;
    std::fs::write(&path, bytes).expect("write");
    let out = p
        .run(&["--lang", "en", "verify", "archive/2024-06-30"])
        .code(1);
    let out = stdout(&out);
    assert!(
        out.contains("modified: site/units/qingling/2023/index.html (sha256 "),
        "{out}"
    );
    assert!(
        out.contains("snapshot `archive/2024-06-30` is NOT intact: 1 modified, 0 removed, 0 added"),
        "{out}"
    );
    assert!(out.contains("SHA256SUMS sha256: "), "{out}");
    assert!(!out.contains("完好"), "no Chinese: {out}");
}

#[test]
fn verify_reports_a_deleted_page() {
    let (code, out) = tampered(|snap| {
        std::fs::remove_file(snap.join("site/404.html")).expect("remove");
    });
    assert_eq!(code, Some(1));
    assert!(out.contains("已删除：site/404.html（sha256 "), "{out}");
    assert!(
        out.contains("不完好：0 个文件被改动，1 个被删除，0 个多出"),
        "{out}"
    );
}

#[test]
fn verify_reports_an_added_page_even_a_hidden_one() {
    let (code, out) = tampered(|snap| {
        std::fs::write(snap.join("site/notice.html"), "<p>added</p>").expect("write");
        std::fs::write(snap.join("site/units/.hidden"), "x").expect("write");
    });
    assert_eq!(code, Some(1));
    assert!(
        out.contains("多出：site/notice.html（12 字节，manifest.json 里没有）"),
        "{out}"
    );
    assert!(out.contains("多出：site/units/.hidden"), "{out}");
}

#[test]
fn verify_reports_a_manifest_rewritten_to_hide_a_change() {
    let (code, out) = tampered(|snap| {
        let path = snap.join("manifest.json");
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, text.replace("\"public\"", "\"public\" ")).expect("write");
    });
    assert_eq!(code, Some(1));
    assert!(out.contains("已改动：manifest.json"), "{out}");
}

#[test]
fn verify_json_is_machine_readable() {
    let p = Project::new();
    p.run(&["archive"]).success();
    let out = p
        .run(&["verify", "--format", "json", "archive/2024-06-30"])
        .success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(json["intact"], true);
    assert_eq!(json["sha256sums_digest"].as_str().map(str::len), Some(64));
}

#[test]
fn diff_of_two_snapshots_names_the_one_changed_figure() {
    let p = Project::new();
    p.run(&["archive"]).success();
    // The 支出合计 of 青菱 2023 (the `total:` of `expenditure`, line 34).
    p.edit(
        "qingling/2023.yaml",
        "    total: 11092.59\n",
        "    total: 11093.59\n",
    );
    p.run(&["archive", "--label", "v2"]).success();

    let out = p
        .run(&["diff", "archive/2024-06-30", "archive/2024-06-30-v2"])
        .success();
    let text = stdout(&out);
    assert!(
        text.contains(
            "qingling 2023 支出合计 11092.59 → 11093.59  [record.final_accounts.expenditure.total]"
        ),
        "{text}"
    );
    assert!(
        text.contains("~ 页面 units/qingling/2023/index.html"),
        "{text}"
    );
    assert!(
        !text.contains("huashan"),
        "other units are unchanged: {text}"
    );

    let out = p
        .run(&[
            "diff",
            "--format",
            "json",
            "archive/2024-06-30",
            "archive/2024-06-30-v2",
        ])
        .success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let figures = json["figures"].as_array().expect("figures");
    let total = figures
        .iter()
        .find(|f| f["field"] == "record.final_accounts.expenditure.total")
        .expect("the changed total is listed");
    assert_eq!(total["unit"], "qingling");
    assert_eq!(total["year"], "2023");
    assert_eq!(total["label"], "支出合计");
    assert_eq!(
        (&total["old"], &total["new"]),
        (&"11092.59".into(), &"11093.59".into())
    );
    assert!(json["pages_added"].as_array().is_some_and(Vec::is_empty));
}

#[test]
fn diff_of_a_snapshot_and_the_current_content_shows_unpublished_changes() {
    let p = Project::new();
    p.run(&["archive"]).success();
    let same = p.run(&["diff", "archive/2024-06-30", "content"]).success();
    assert!(
        stdout(&same).starts_with("0 个数字有变化"),
        "{}",
        stdout(&same)
    );
    p.edit(
        "qingling/2023.yaml",
        "    total: 11092.59\n",
        "    total: 11093.59\n",
    );
    let out = p.run(&["diff", "archive/2024-06-30", "content"]).success();
    assert!(stdout(&out).contains("qingling 2023 支出合计 11092.59 → 11093.59"));
}

#[test]
fn without_source_date_epoch_the_content_is_built_with_the_snapshots_date_so_dates_are_not_changes()
{
    let p = Project::new();
    p.run(&["archive"]).success();
    for (old, new) in [
        ("archive/2024-06-30", "content"),
        ("content", "archive/2024-06-30"),
    ] {
        let same = p
            .cmd(&["diff", old, new])
            .env_remove("SOURCE_DATE_EPOCH")
            .assert()
            .success();
        assert_eq!(
            stdout(&same),
            "0 个数字有变化，新增 0 条记录，删除 0 条；0 个页面有变化，新增 0 个，删除 0 个\n",
            "{old} against {new}"
        );
    }
    // An epoch given explicitly still wins: the pages then carry another date, which diff
    // counts apart from the changes (issue 19).
    let other = p
        .cmd(&["diff", "archive/2024-06-30", "content"])
        .env("SOURCE_DATE_EPOCH", "1735689600")
        .assert()
        .success();
    assert!(
        stdout(&other).contains("个页面仅页脚生成日期不同（2024-06-30 → 2025-01-01），未列出"),
        "{}",
        stdout(&other)
    );
}

#[test]
fn what_a_killed_archive_left_behind_is_removed_by_the_next_one() {
    let p = Project::new();
    p.run(&["archive", "--label", "first"]).success();
    let stale = p.path.join("archive/.gongkai-tmp-snapshot-4242-0");
    std::fs::create_dir_all(&stale).expect("mkdir");
    std::fs::write(stale.join("half.html"), "half").expect("write");
    p.run(&["archive"]).success();
    assert!(!stale.exists(), "the stale temporary snapshot is removed");
    p.run(&["verify", "archive/2024-06-30-first"]).success();
}
