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
        err.contains("已改动：site/data/qingling/2023.json（应为 sha256 "),
        "{err}"
    );
    assert!(
        err.contains("存档 `archive/2024-06-30` 不完好：1 个文件被改动，0 个被删除，0 个多出"),
        "{err}"
    );
    assert!(err.contains("diff：没有比较：1 个存档不完好"), "{err}");
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
    assert!(
        err.contains("已改动：site/index.html（应为 sha256 "),
        "{err}"
    );
}

/// A record JSON corrupted together with the snapshot's checksums (so that `verify` passes)
/// is still never compared as a record "added": `diff` names the file and exits 1.
#[test]
fn issue15_diff_refuses_a_corrupt_record_json_whose_checksums_were_rewritten() {
    use sha2::Digest as _;
    let p = Project::new();
    p.run(&["archive"]).success();
    let snapshot = p.snapshot("2024-06-30");
    let rel = "site/data/qingling/2023.json";
    let bytes = b"{ not json".to_vec();
    std::fs::write(snapshot.join(rel), &bytes).expect("tamper");
    let sha = format!("{:x}", sha2::Sha256::digest(&bytes));
    let manifest_path = snapshot.join("manifest.json");
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest_path).expect("read")).expect("json");
    let files = manifest["files"].as_array_mut().expect("files");
    let entry = files.iter_mut().find(|f| f["path"] == rel).expect("listed");
    entry["size"] = bytes.len().into();
    entry["sha256"] = sha.clone().into();
    let text = serde_json::to_string_pretty(&manifest).expect("json") + "\n";
    let manifest_sha = format!("{:x}", sha2::Sha256::digest(text.as_bytes()));
    std::fs::write(&manifest_path, text).expect("rewrite");
    let sums_path = snapshot.join("SHA256SUMS");
    let sums = std::fs::read_to_string(&sums_path).expect("read");
    let sums: String = sums
        .lines()
        .map(|l| {
            if l.ends_with(rel) {
                format!("{sha}  {rel}\n")
            } else if l.ends_with("  manifest.json") {
                format!("{manifest_sha}  manifest.json\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(&sums_path, sums).expect("rewrite");
    p.run(&["verify", "archive/2024-06-30"]).success();
    let out = p.run(&["diff", "archive/2024-06-30", "content"]);
    let (code, err) = (out.get_output().status.code(), stderr(&out));
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(stdout(&out), "", "nothing is compared");
    assert!(
        err.contains("记录文件 data/qingling/2023.json 不是有效的 JSON"),
        "{err}"
    );
}
