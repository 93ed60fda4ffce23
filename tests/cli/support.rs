//! Shared test helpers.
#![allow(dead_code, reason = "each test module uses a different subset")]

use std::path::{Path, PathBuf};

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder under `tests/fixtures/`.
pub(crate) fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// Loads `tests/fixtures/sites/<name>/content`; panics with the diagnostics if it is invalid.
pub(crate) fn load_site(name: &str) -> gongkai::model::Corpus {
    match gongkai::load(&fixture(&format!("sites/{name}/content"))) {
        Ok(corpus) => corpus,
        Err(e) => panic!("fixture site `{name}` should load, but:\n{e}"),
    }
}

/// Loads `tests/fixtures/invalid/<case>/content` and returns the full error text, with paths
/// shown relative to the case folder (`content/qingling/2023.yaml:…`), as a user running
/// `gongkai check` in that folder would see them.
pub(crate) fn load_invalid(case: &str) -> String {
    let dir = fixture(&format!("invalid/{case}"));
    match gongkai::load(&dir.join("content")) {
        Ok(_) => panic!("fixture `invalid/{case}` should not load"),
        Err(e) => e.to_string().replace(&format!("{}/", dir.display()), ""),
    }
}

/// Asserts that two texts are equal, showing both in full when they are not.
#[track_caller]
pub(crate) fn assert_text(actual: &str, expected: &str) {
    assert!(
        actual == expected,
        "text differs\n--- expected ---\n{expected}\n--- actual ---\n{actual}\n---"
    );
}

/// Every file under `dir`, hidden ones included: relative `/`-separated path → bytes.
pub(crate) fn files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("inside");
            (
                rel.to_string_lossy().replace('\\', "/"),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

/// A temporary project folder holding a copy of the example `content/` (its files written in
/// sorted order, or in reverse so folders list them in another order on most file systems)
/// and an empty `home/` to use as `HOME`. Returns the folder guard and its canonical path.
pub(crate) fn example_project(reverse: bool) -> (tempfile::TempDir, PathBuf) {
    project_with(files(&root().join("content")), reverse)
}

/// A temporary project folder whose `content/` holds `sources` (relative path → bytes),
/// written in sorted order or in reverse, and an empty `home/`. Returns the folder guard and
/// its canonical path.
pub(crate) fn project_with<K: AsRef<Path>, B: AsRef<[u8]>>(
    sources: std::collections::BTreeMap<K, B>,
    reverse: bool,
) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = std::fs::canonicalize(dir.path()).expect("resolves");
    let mut sources: Vec<(K, B)> = sources.into_iter().collect();
    if reverse {
        sources.reverse();
    }
    for (rel, bytes) in sources {
        let to = path.join("content").join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::write(to, bytes).expect("copy");
    }
    std::fs::create_dir_all(path.join("home")).expect("home");
    (dir, path)
}

/// The `gongkai` binary with the language of its messages pinned to the default (Chinese):
/// CI machines often run with `LANG=en_US.UTF-8` or `C.UTF-8`, which would choose English
/// (issue 18). A test of English adds `--lang en` or sets `LANG` itself.
pub(crate) fn gongkai() -> Result<assert_cmd::Command, assert_cmd::cargo::CargoError> {
    assert_cmd::Command::cargo_bin("gongkai").map(|mut cmd| {
        cmd.env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        cmd
    })
}

/// `gongkai build --content <content>` into a fresh temporary folder (from the repository
/// root); returns the folder guard and the site's path.
pub(crate) fn build_into_temp(content: &Path) -> (tempfile::TempDir, PathBuf) {
    build_into_temp_with(content, &[])
}

/// [`build_into_temp`] with extra build arguments (`--profile internal`).
pub(crate) fn build_into_temp_with(content: &Path, args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    gongkai()
        .expect("binary")
        .current_dir(root())
        .arg("build")
        .arg("--content")
        .arg(content)
        .arg("--output")
        .arg(&out)
        .args(args)
        .assert()
        .success();
    (dir, out)
}

/// Sets every file under `dir` as last modified an hour ago, so that a rebuild may take a unit
/// whose files are unchanged over without loading it (files modified in the last seconds
/// before a build are always loaded again).
pub(crate) fn age(dir: &Path) {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for rel in files(dir).keys() {
        let file = std::fs::File::options()
            .append(true)
            .open(dir.join(rel))
            .expect("open");
        file.set_modified(hour_ago).expect("set mtime");
    }
}

/// A CSV of the site: its rows, each field unquoted (every field is quoted, CRLF, a BOM).
pub(crate) fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).expect("csv");
    let text = text.trim_start_matches('\u{feff}');
    text.split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| {
            let inner = l
                .strip_prefix('"')
                .and_then(|l| l.strip_suffix('"'))
                .unwrap_or(l);
            inner
                .split("\",\"")
                .map(|f| f.replace("\"\"", "\""))
                .collect()
        })
        .collect()
}
