//! Through the binary: byte-identical builds whatever the environment or the order content
//! files were created in, no local path, host or user name in the output, `SOURCE_DATE_EPOCH`
//! (shown as 生成日期, refused when malformed), a failure while rendering, and the guard.

use std::path::PathBuf;

use assert_cmd::Command;
use tempfile::TempDir;

use crate::support::{example_project, files, root};

/// A project folder with a copy of the example content, its files created in sorted order or
/// in reverse order (so the folders list them in another order on most file systems).
pub(super) struct Project {
    _dir: TempDir,
    pub(super) path: PathBuf,
}

impl Project {
    pub(super) fn new(reverse: bool) -> Project {
        let (dir, path) = example_project(reverse);
        Project { _dir: dir, path }
    }

    /// `gongkai build --output <output> <args>` in the project, in a neutral environment.
    pub(super) fn build(&self, output: &str, epoch: Option<&str>) -> Command {
        let mut cmd = crate::support::gongkai().expect("binary builds");
        cmd.current_dir(&self.path)
            .env("HOME", self.path.join("home"))
            .env_remove("SOURCE_DATE_EPOCH")
            .args(["build", "--output", output]);
        if let Some(epoch) = epoch {
            cmd.env("SOURCE_DATE_EPOCH", epoch);
        }
        cmd
    }
}

#[test]
fn builds_are_byte_identical_across_threads_tz_lang_and_content_creation_order() {
    let sorted = Project::new(false);
    let reversed = Project::new(true);
    for epoch in [None, Some("1719705600")] {
        sorted
            .build("site", epoch)
            .env("RAYON_NUM_THREADS", "1")
            .env("TZ", "UTC")
            .env("LANG", "C")
            .env("LC_ALL", "C")
            .assert()
            .success();
        reversed
            .build("site", epoch)
            .env("RAYON_NUM_THREADS", "8")
            .env("TZ", "Asia/Shanghai")
            .env("LANG", "zh_CN.UTF-8")
            .env("LC_ALL", "zh_CN.UTF-8")
            .assert()
            .success();
        let (a, b) = (
            files(&sorted.path.join("site")),
            files(&reversed.path.join("site")),
        );
        assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
        let differing: Vec<&String> = a
            .iter()
            .filter(|(p, bytes)| b[*p] != **bytes)
            .map(|(p, _)| p)
            .collect();
        assert!(
            differing.is_empty(),
            "with epoch {epoch:?}, these differ: {differing:?}"
        );
    }
}

#[test]
fn no_absolute_path_host_name_or_user_name_appears_in_the_output() {
    let p = Project::new(false);
    p.build("site", Some("1719705600"))
        .env("USER", "gk-user-sentinel")
        .env("LOGNAME", "gk-user-sentinel")
        .env("HOSTNAME", "gk-host-sentinel")
        .assert()
        .success();
    let mut secrets: Vec<String> = vec![
        p.path.to_string_lossy().into_owned(),
        root().to_string_lossy().into_owned(),
        std::env::temp_dir().to_string_lossy().into_owned(),
        "gk-user-sentinel".to_owned(),
        "gk-host-sentinel".to_owned(),
    ];
    // The real names too, when long enough not to occur by chance in Chinese pages or SVG.
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    let user = std::env::var("USER").unwrap_or_default();
    secrets.extend(
        [host.trim().to_owned(), user]
            .into_iter()
            .filter(|s| s.len() >= 5),
    );
    for (path, bytes) in files(&p.path.join("site")) {
        let text = String::from_utf8_lossy(&bytes);
        for secret in &secrets {
            assert!(
                !text.contains(secret.as_str()),
                "{path} contains `{secret}`"
            );
        }
    }
}

#[test]
fn source_date_epoch_is_shown_as_the_build_date_and_no_date_without_it() {
    let p = Project::new(false);
    p.build("with", Some("1719791999")).assert().success();
    p.build("without", None).assert().success();
    let page = |dir: &str| {
        std::fs::read_to_string(p.path.join(dir).join("units/qingling/2023/index.html"))
            .expect("page")
    };
    // 23:59:59 UTC on the 30th: the UTC date, whatever the local time zone.
    assert!(
        page("with").contains("<p>生成日期：<time datetime=\"2024-06-30\">2024-06-30</time></p>")
    );
    assert!(!page("without").contains("生成日期"));
}

#[test]
fn a_malformed_source_date_epoch_is_an_error_naming_it_and_nothing_is_written() {
    let p = Project::new(false);
    for bad in ["2024-06-30", "", "-1", "1e9", "99999999999999999999"] {
        let out = p.build("site", Some(bad)).assert().code(2);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            stderr.starts_with(&format!("SOURCE_DATE_EPOCH=`{bad}` 无效：")),
            "{stderr}"
        );
        assert!(!p.path.join("site").exists());
    }
}

#[test]
fn a_failure_while_rendering_leaves_the_previous_output_identical_and_no_temp_folder() {
    let p = Project::new(false);
    p.build("output", None).assert().success();
    // A theme whose record page fails to render: the index renders, the record pages do not.
    let theme = p.path.join("themes/broken/templates");
    std::fs::create_dir_all(&theme).expect("mkdir");
    std::fs::write(
        theme.join("unit_year.html"),
        "{% extends \"base.html\" %}{% block content %}{{ no_such_variable.field }}{% endblock content %}",
    )
    .expect("write");
    let before = files(&p.path);
    let out = p
        .build("output", None)
        .args(["--theme", "broken"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("unit_year.html"), "{stderr}");
    assert_eq!(
        files(&p.path),
        before,
        "nothing changed, nothing left behind"
    );
}

#[test]
fn the_guard_refuses_the_current_content_home_and_foreign_folders_and_deletes_nothing() {
    let p = Project::new(false);
    std::fs::write(p.path.join("home/.profile"), "export A=1\n").expect("write");
    std::fs::create_dir_all(p.path.join("docs")).expect("mkdir");
    std::fs::write(p.path.join("docs/notes.md"), "mine").expect("write");
    let before = files(&p.path);
    for output in [".", "content", "content/site", "home", "docs", ".."] {
        let out = p.build(output, None).assert().code(2);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(stderr.contains("不能把网站写到"), "{output}: {stderr}");
        assert_eq!(
            files(&p.path),
            before,
            "--output {output} changed something"
        );
    }
}

/// Issue 15: `serve --output content/site` is refused as `build` refuses it, before anything
/// is written or served.
#[test]
fn serve_refuses_an_output_inside_the_content_folder() {
    let p = Project::new(false);
    let before = files(&p.path);
    let out = crate::support::gongkai()
        .expect("binary builds")
        .current_dir(&p.path)
        .env("HOME", p.path.join("home"))
        .args(["serve", "--port", "0", "--output", "content/site"])
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("它在内容文件夹里面"), "{stderr}");
    assert_eq!(files(&p.path), before, "serve changed something");
}

/// Issue 15: nothing a public output holds tells a finding, its count or an internal flag
/// (the build cache, which held finding counts, used to sit inside the output, where any
/// plain web server publishes it).
#[test]
fn no_file_of_a_public_output_tells_a_finding_its_count_or_a_flag() {
    let p = Project::new(false);
    p.build("public", None).assert().success();
    let mut internal = p.build("internal", None);
    internal.args(["--profile", "internal"]).assert().success();
    let check = crate::support::gongkai()
        .expect("binary builds")
        .current_dir(&p.path)
        .args(["check", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&check).expect("json");
    let findings = report["findings"].as_array().expect("findings");
    assert!(findings.len() > 10, "the example site has findings");
    let mut secrets: Vec<String> = Vec::new();
    for f in findings {
        for key in ["code", "message", "rule"] {
            secrets.push(f[key].as_str().expect("text").to_owned());
        }
    }
    // The record flags of the internal comparison data.
    for (path, bytes) in files(&p.path.join("internal")) {
        if path.ends_with("compare.json") {
            let data: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
            if let Some(flags) = data["flags"].as_array() {
                secrets.extend(flags.iter().filter_map(|f| f.as_str().map(str::to_owned)));
            }
        }
    }
    let public = files(&p.path.join("public"));
    let own: Vec<&String> = public
        .keys()
        .filter(|k| k.starts_with(".gongkai"))
        .collect();
    assert_eq!(own, [".gongkai-output"], "only the marker is gongkai's own");
    for (path, bytes) in &public {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("\"findings\""), "{path} counts findings");
        for secret in &secrets {
            assert!(!text.contains(secret.as_str()), "{path} holds `{secret}`");
        }
    }
}
