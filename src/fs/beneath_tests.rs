//! Tests of [`super::Root::read`]: links at any depth, special files, other devices, limits
//! (issue 15). On Linux each case runs through `openat2` and through the per-component
//! fallback.

use std::path::Path;

use super::{Refused, Root};

/// `root/unit/2023.yaml` ("record"), `root/unit/2023/a.md`, and `outside/secret` beside root.
fn tree() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("root");
    std::fs::create_dir_all(root.join("unit/2023")).expect("mkdir");
    std::fs::write(root.join("unit/2023.yaml"), "record").expect("write");
    std::fs::write(root.join("unit/2023/a.md"), "narrative").expect("write");
    std::fs::create_dir_all(dir.path().join("outside/unit")).expect("mkdir");
    std::fs::write(dir.path().join("outside/secret"), "secret").expect("write");
    std::fs::write(dir.path().join("outside/unit/2023.yaml"), "secret").expect("write");
    (dir, root)
}

/// What [`Root::read`] gives, shortened for comparison.
fn outcome(root: &Path, names: &[&str], limit: u64) -> String {
    let root = Root::open(root).expect("root opens");
    describe(root.read(names, limit))
}

fn describe(r: Result<Vec<u8>, Refused>) -> String {
    match r {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(Refused::Link) => "link".into(),
        Err(Refused::NotFile) => "not a file".into(),
        Err(Refused::OtherDevice) => "other device".into(),
        Err(Refused::TooLarge(n)) => format!("too large: {n}"),
        Err(Refused::Io(e)) => format!("io: {:?}", e.kind()),
    }
}

/// The per-component fallback, as used where `openat2` is missing.
#[cfg(target_os = "linux")]
fn fallback(root: &Path, names: &[&str], limit: u64) -> String {
    let root = Root::open(root).expect("root opens");
    describe(
        super::linux::by_components(&root.fd, names).and_then(|fd| root.read_opened(fd, limit)),
    )
}

/// Asserts the outcome through `openat2` and, on Linux, through the fallback.
#[track_caller]
fn assert_both(root: &Path, names: &[&str], expected: &str) {
    assert_eq!(outcome(root, names, 100), expected, "{names:?}");
    #[cfg(target_os = "linux")]
    assert_eq!(fallback(root, names, 100), expected, "{names:?} (fallback)");
}

#[test]
fn a_regular_file_below_the_root_is_read() {
    let (_dir, root) = tree();
    assert_both(&root, &["unit", "2023.yaml"], "record");
    assert_both(&root, &["unit", "2023", "a.md"], "narrative");
}

#[cfg(unix)]
#[test]
fn a_link_at_the_file_is_refused() {
    let (dir, root) = tree();
    std::fs::remove_file(root.join("unit/2023/a.md")).expect("rm");
    std::os::unix::fs::symlink(
        dir.path().join("outside/secret"),
        root.join("unit/2023/a.md"),
    )
    .expect("link");
    assert_both(&root, &["unit", "2023", "a.md"], "link");
}

#[cfg(unix)]
#[test]
fn a_link_at_a_folder_on_the_way_is_refused() {
    let (dir, root) = tree();
    std::fs::rename(root.join("unit"), dir.path().join("moved")).expect("mv");
    std::os::unix::fs::symlink(dir.path().join("outside/unit"), root.join("unit")).expect("link");
    assert_both(&root, &["unit", "2023.yaml"], "link");
    // A link to a folder inside the root is refused too: links are not followed at all.
    std::fs::create_dir(root.join("inner")).expect("mkdir");
    std::fs::write(root.join("inner/2023.yaml"), "inner").expect("write");
    std::os::unix::fs::symlink("inner", root.join("alias")).expect("link");
    assert_both(&root, &["alias", "2023.yaml"], "link");
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_folder_is_refused_without_waiting() {
    let (_dir, root) = tree();
    let fifo = root.join("unit/2024.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(
        made.is_ok_and(|s| s.success()),
        "mkfifo is part of coreutils"
    );
    assert_both(&root, &["unit", "2024.yaml"], "not a file");
    assert_both(&root, &["unit", "2023"], "not a file");
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_on_another_file_system_is_refused() {
    // `/proc` is its own file system on every Linux system, and `/proc/version` a regular file.
    assert_both(Path::new("/"), &["proc", "version"], "other device");
}

#[test]
fn the_limit_is_the_handles_length() {
    let (_dir, root) = tree();
    assert_eq!(outcome(&root, &["unit", "2023.yaml"], 6), "record");
    assert_eq!(outcome(&root, &["unit", "2023.yaml"], 5), "too large: 6");
}

#[test]
fn names_that_could_climb_out_are_refused() {
    let (_dir, root) = tree();
    for names in [
        &["..", "outside", "secret"][..],
        &["unit/2023.yaml"],
        &[""],
        &[],
    ] {
        assert_eq!(outcome(&root, names, 100), "io: InvalidInput", "{names:?}");
    }
    assert_both(&root, &["unit", "missing.yaml"], "io: NotFound");
}
