//! Issue 15: nothing left on disk makes a build fail for good. Run as an ordinary user (65534,
//! through `setpriv`: the superuser may remove anything, so the problems do not arise as
//! root): a read-only folder in the output, a read-only output, and another user's files in
//! the output. Each build must succeed (a warning naming what could not be removed is fine),
//! and the site must equal a clean build.
//!
//! Needs the superuser and `setpriv`; elsewhere reported as ignored (see `build.rs`).

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::{age, example_project, files};

const NOBODY: u32 = 65534;

/// A project folder owned by user 65534, holding a copy of the example content.
struct Project {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Project {
    fn new() -> Project {
        let (dir, path) = example_project(false);
        age(&path.join("content"));
        chown_tree(&path, NOBODY);
        Project { _dir: dir, path }
    }

    /// `gongkai build --output <output>` as user 65534; the epoch changes every page's footer.
    fn build(&self, output: &str, epoch: &str) -> Output {
        std::process::Command::new("setpriv")
            .args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "--",
                env!("CARGO_BIN_EXE_gongkai"),
                "--lang",
                "zh",
                "build",
                "--output",
                output,
            ])
            .current_dir(&self.path)
            .env("HOME", self.path.join("home"))
            .env("SOURCE_DATE_EPOCH", epoch)
            .output()
            .expect("setpriv runs")
    }

    /// Builds and asserts success; returns stderr.
    fn build_ok(&self, output: &str, epoch: &str, why: &str) -> String {
        let out = self.build(output, epoch);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{why}: the build failed:\n{stderr}");
        stderr
    }

    /// Asserts that `site` equals a clean build of the same content and epoch.
    fn assert_like_clean(&self, site: &str, epoch: &str) {
        let clean = format!("clean-{epoch}");
        self.build_ok(&clean, epoch, "the clean build");
        assert!(
            files(&self.path.join(site)) == files(&self.path.join(&clean)),
            "`{site}` differs from a clean build"
        );
    }
}

/// The path's owner set to `uid` (and its group), everything in it too.
fn chown_tree(path: &Path, uid: u32) {
    std::os::unix::fs::lchown(path, Some(uid), Some(uid)).expect("chown");
    if path.is_dir() && !path.is_symlink() {
        for entry in std::fs::read_dir(path).expect("list") {
            chown_tree(&entry.expect("entry").path(), uid);
        }
    }
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

const EPOCH_1: &str = "1700000000";
const EPOCH_2: &str = "1719705600";

/// Builds three times with the same epoch (most files taken over: the previous site becomes
/// the spare, claimed by the next build) and once with another (nothing taken over: the
/// previous site is removed after the swap); each must succeed and equal a clean build.
fn rebuilds_succeed(p: &Project, what: &str) -> String {
    let mut said = String::new();
    for (n, epoch) in [EPOCH_1, EPOCH_1, EPOCH_1, EPOCH_2, EPOCH_2]
        .into_iter()
        .enumerate()
    {
        said.push_str(&p.build_ok("site", epoch, &format!("{what}, build {n}")));
    }
    p.assert_like_clean("site", EPOCH_2);
    said
}

#[cfg_attr(gongkai_no_setpriv, ignore = "needs the superuser and setpriv")]
#[test]
fn a_read_only_folder_in_the_output_never_stops_a_build() {
    let p = Project::new();
    p.build_ok("site", EPOCH_1, "the first build");
    chmod(&p.path.join("site/units"), 0o555);
    chmod(&p.path.join("site/data/qingling"), 0o555);
    let said = rebuilds_succeed(&p, "a read-only folder");
    assert!(
        !said.contains("warning"),
        "gongkai's own folders go: {said}"
    );
}

#[cfg_attr(gongkai_no_setpriv, ignore = "needs the superuser and setpriv")]
#[test]
fn a_read_only_output_never_stops_a_build() {
    let p = Project::new();
    p.build_ok("site", EPOCH_1, "the first build");
    chmod(&p.path.join("site"), 0o555);
    let said = rebuilds_succeed(&p, "a read-only output");
    assert!(
        !said.contains("warning"),
        "gongkai's own folders go: {said}"
    );
}

#[cfg_attr(gongkai_no_setpriv, ignore = "needs the superuser and setpriv")]
#[test]
fn another_users_files_in_the_output_are_left_with_a_warning_and_never_stop_a_build() {
    let p = Project::new();
    p.build_ok("site", EPOCH_1, "the first build");
    // Made by the superuser: user 65534 can neither remove them nor the folder.
    let foreign = p.path.join("site/units/foreign");
    std::fs::create_dir(&foreign).expect("mkdir");
    std::fs::write(foreign.join("notes.txt"), "not gongkai's").expect("write");
    let said = rebuilds_succeed(&p, "another user's files");
    assert!(
        said.contains("警告：`") && said.contains("无法删除"),
        "what is left is named: {said}"
    );
    // Only the folder holding the other user's files is left beside the output.
    let left: Vec<String> = std::fs::read_dir(&p.path)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".gongkai-tmp-") || n.starts_with(".gongkai-old-"))
        .collect();
    assert!(left.len() <= 1, "{left:?}");
}
