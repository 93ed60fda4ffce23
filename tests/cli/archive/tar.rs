//! `archive --tar`: one deterministic `.tar.gz` per snapshot.

use super::{Project, files};

#[test]
fn the_tar_gz_is_byte_identical_across_projects_and_unpacks_to_a_checkable_snapshot() {
    let (a, b) = (Project::new(), Project::new());
    a.run(&["archive", "--tar"]).success();
    b.cmd(&["archive", "--tar"])
        .env("TZ", "Asia/Shanghai")
        .env("RAYON_NUM_THREADS", "1")
        .assert()
        .success();
    let tar_a = std::fs::read(a.path.join("archive/2024-06-30.tar.gz")).expect("tar.gz");
    let tar_b = std::fs::read(b.path.join("archive/2024-06-30.tar.gz")).expect("tar.gz");
    assert!(tar_a == tar_b, "the two archives differ");
    a.run(&["archive", "--tar"]).code(2);

    if std::process::Command::new("tar")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("tar is not installed; unpacking skipped");
        return;
    }
    let list = std::process::Command::new("tar")
        .args(["-tvzf", "2024-06-30.tar.gz", "--numeric-owner"])
        .current_dir(a.path.join("archive"))
        .output()
        .expect("tar lists");
    let listing = String::from_utf8_lossy(&list.stdout).into_owned();
    assert!(list.status.success(), "{listing}");
    let names: Vec<&str> = listing
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "entries are sorted");
    assert!(
        listing.lines().all(|l| l.contains(" 0/0 ")),
        "uid/gid 0: {listing}"
    );
    assert!(
        listing.lines().all(|l| l.contains("1970-01-01")),
        "mtime 0: {listing}"
    );

    let out = tempfile::tempdir().expect("temp dir");
    let unpacked = std::process::Command::new("tar")
        .arg("-xzf")
        .arg(a.path.join("archive/2024-06-30.tar.gz"))
        .current_dir(out.path())
        .status()
        .expect("tar unpacks");
    assert!(unpacked.success());
    assert_eq!(
        files(&out.path().join("2024-06-30")),
        files(&a.snapshot("2024-06-30"))
    );
}
