//! Issue 15, item 1: a symbolic link swapped into `content/` between the walk and the read is
//! never followed. A thread keeps exchanging a narrative (and, in the second test, a whole unit
//! folder) with a link to a secret outside `content/` while builds run for a bounded time; no
//! file of any build, and no error message, may hold the secret's marker, and every build either
//! succeeds or fails with the link message.
//!
//! The exchange is one atomic `renameat2(RENAME_EXCHANGE)`, so that at every instant the path
//! holds either the real file (folder) or the link: a build never sees the path missing.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use gongkai::{BuildOptions, Verbosity};

use crate::support::{files, fixture};

/// What a leaked secret would show: in a page, the search index, the data JSON or a message.
const MARKER: &str = "SECRET-MARKER-7f3a9c-issue15";
/// How long the builds run per test; a build of the minimal site takes tens of milliseconds.
const RACE_FOR: Duration = Duration::from_secs(3);
/// At most this many builds per test, whatever the time.
const MAX_BUILDS: usize = 400;
/// The one message a build may fail with: the link was seen, at the walk or at the read.
/// The library's messages are Chinese (issue 18).
const LINK_MESSAGE: &str = "这是一个符号链接：gongkai 不跟随链接读取，请把文件复制过来";

/// The minimal fixture site copied into `<tmp>/content`, and `<tmp>/outside` for the secrets.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = std::fs::canonicalize(dir.path()).expect("resolves");
    let source = fixture("sites/minimal/content");
    for (rel, bytes) in files(&source) {
        let to = path.join("content").join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::write(to, bytes).expect("copy");
    }
    std::fs::create_dir_all(path.join("outside")).expect("outside");
    (dir, path)
}

/// Exchanges `a` and `b` in one step.
fn exchange(a: &Path, b: &Path) {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE)
        .unwrap_or_else(|e| panic!("exchange {} and {}: {e}", a.display(), b.display()));
}

/// Builds `content` again and again while another thread exchanges `real` with `link` (a link
/// to the secret), for [`RACE_FOR`]; asserts nothing of the secret is published. Returns
/// (builds that succeeded, builds refused with the link message, exchanges made).
fn race(root: &Path, real: &Path, link: &Path) -> (usize, usize, usize) {
    let stop = Arc::new(AtomicBool::new(false));
    let flips = Arc::new(AtomicUsize::new(0));
    let flipper = {
        let (stop, flips) = (Arc::clone(&stop), Arc::clone(&flips));
        let (real, link) = (real.to_owned(), link.to_owned());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                exchange(&real, &link);
                flips.fetch_add(1, Ordering::Relaxed);
                std::thread::yield_now();
            }
            // An even number of exchanges leaves the real file in place.
            if flips.load(Ordering::Relaxed) % 2 == 1 {
                exchange(&real, &link);
            }
        })
    };
    let (mut built, mut refused) = (0, 0);
    let started = Instant::now();
    let mut outcomes = Vec::new();
    while started.elapsed() < RACE_FOR && built + refused < MAX_BUILDS {
        let out = tempfile::tempdir_in(root).expect("output dir");
        let opts = BuildOptions {
            content: root.join("content"),
            output: out.path().join("site"),
            theme: None,
            profile: None,
            strict: false,
            epoch: gongkai::epoch::Epoch::parse("1700000000").ok(),
        };
        match gongkai::build_with(&opts, Verbosity::Quiet) {
            Ok(_) => {
                built += 1;
                let leaked: Vec<String> = files(&opts.output)
                    .into_iter()
                    .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains(MARKER))
                    .map(|(path, _)| path)
                    .collect();
                if !leaked.is_empty() {
                    outcomes.push(format!(
                        "build {}: published in {leaked:?}",
                        built + refused
                    ));
                }
            }
            Err(e) => {
                refused += 1;
                let text = e.to_string();
                let only_links = matches!(&e, gongkai::Error::Invalid(d)
                    if d.items().iter().all(|d| d.message == LINK_MESSAGE));
                if text.contains(MARKER) || !only_links {
                    outcomes.push(format!("build {}: failed with\n{text}", built + refused));
                }
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    flipper.join().expect("the flipper ends");
    assert!(
        outcomes.is_empty(),
        "{} of {} builds went wrong:\n{}",
        outcomes.len(),
        built + refused,
        outcomes.join("\n")
    );
    (built, refused, flips.load(Ordering::Relaxed))
}

#[test]
fn issue15_a_narrative_swapped_for_a_link_is_never_published() {
    let (_dir, root) = project();
    let secret = root.join("outside/secret.md");
    std::fs::write(&secret, format!("# 情况说明\n\n{MARKER}\n")).expect("secret");
    let link = root.join("outside/link.md");
    std::os::unix::fs::symlink(&secret, &link).expect("link");
    let real = root.join("content/qingling/2023/01-qingkuang.md");
    let (built, refused, flips) = race(&root, &real, &link);
    eprintln!("narrative: {built} built, {refused} refused, {flips} exchanges");
    assert!(built + refused > 0 && flips > 0, "the race ran");
}

#[test]
fn issue15_a_unit_folder_swapped_for_a_link_is_never_published() {
    let (_dir, root) = project();
    // The secret folder is a copy of the unit whose name and narrative carry the marker: read
    // through the link, it would load and publish.
    let unit = root.join("content/qingling");
    let secret = root.join("outside/qingling");
    for (rel, bytes) in files(&unit) {
        let text = String::from_utf8(bytes).expect("text");
        let text = match rel.as_str() {
            "_unit.yaml" => text.replace("name: 武汉市", &format!("name: {MARKER}武汉市")),
            "2023/01-qingkuang.md" => format!("{text}\n{MARKER}\n"),
            _ => text,
        };
        let to = secret.join(&rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::write(to, text).expect("copy");
    }
    let link = root.join("outside/link");
    std::os::unix::fs::symlink(&secret, &link).expect("link");
    let (built, refused, flips) = race(&root, &unit, &link);
    eprintln!("unit folder: {built} built, {refused} refused, {flips} exchanges");
    assert!(built + refused > 0 && flips > 0, "the race ran");
}
