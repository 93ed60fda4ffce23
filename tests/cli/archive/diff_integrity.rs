//! Issue 15: `diff` verifies each snapshot before comparing, and refuses an altered one
//! (exit 1, naming the file) instead of reading a corrupted record as "added".

use super::{Project, stderr, stdout};

/// Archives the example site, overwrites `rel` in the snapshot, and runs `diff <args>`.
fn diff_after_tampering(rel: &str, bytes: &[u8], args: &[&str]) -> (Option<i32>, String, String) {
    let p = Project::new();
    p.run(&["archive"]).success();
    std::fs::write(p.snapshot("2024-06-30").join(rel), bytes).expect("tamper");
    let out = p.run(args);
    (out.get_output().status.code(), stdout(&out), stderr(&out))
}

#[test]
fn issue15_diff_refuses_a_snapshot_with_a_corrupt_record_json() {
    let (code, out, err) = diff_after_tampering(
        "site/data/qingling/2023.json",
        b"{ not json",
        &["diff", "archive/2024-06-30", "content"],
    );
    assert_eq!(code, Some(1), "{out}{err}");
    assert_eq!(out, "", "nothing is compared");
    assert!(
        err.contains("modified: site/data/qingling/2023.json (sha256 "),
        "{err}"
    );
    assert!(
        err.contains("snapshot `archive/2024-06-30` is NOT intact: 1 modified, 0 removed, 0 added"),
        "{err}"
    );
    assert!(
        err.contains("diff: nothing compared: 1 snapshot(s) not intact"),
        "{err}"
    );
    assert!(!err.contains("record(s) added"), "{err}");
}

#[test]
fn issue15_diff_refuses_a_tampered_snapshot_on_either_side_in_json_too() {
    let (code, out, err) = diff_after_tampering(
        "site/index.html",
        b"<p>tampered</p>",
        &["diff", "--format", "json", "content", "archive/2024-06-30"],
    );
    assert_eq!(code, Some(1), "{out}{err}");
    assert_eq!(out, "");
    assert!(err.contains("modified: site/index.html (sha256 "), "{err}");
}
