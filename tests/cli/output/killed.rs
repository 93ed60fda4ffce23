//! Through the binary: a build killed with SIGKILL at random moments always leaves the complete
//! previous site or the complete new one.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::build::Project;
use crate::support::files;

/// Tiny deterministic generator (SplitMix64), so a failing run can be replayed from its seed.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn siblings(p: &Project) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(&p.path)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".gongkai-"))
        // The build cache (its manifest and the stamps of the content), and the previous site
        // kept as the next build's spare, beside each output on purpose.
        .filter(|n| !(n.starts_with(".gongkai-stamps-") && n.ends_with(".json")))
        .filter(|n| !(n.starts_with(".gongkai-cache-") && n.ends_with(".json")))
        .filter(|n| !n.starts_with(".gongkai-spare-"))
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn a_build_killed_at_20_random_moments_leaves_the_old_or_the_new_site_complete() {
    const OLD_EPOCH: &str = "1700000000";
    const NEW_EPOCH: &str = "1719705600";
    let p = Project::new(false);
    p.build("reference", Some(NEW_EPOCH)).assert().success();
    let new: BTreeMap<String, Vec<u8>> = files(&p.path.join("reference"));
    p.build("output", Some(OLD_EPOCH)).assert().success();
    let old = files(&p.path.join("output"));
    assert_ne!(
        old, new,
        "the two sites must differ for the test to mean anything"
    );

    // How long a whole build takes here; kills land anywhere from start-up to just after it.
    let start = Instant::now();
    p.build("timing", Some(NEW_EPOCH)).assert().success();
    let span = start.elapsed().as_micros().max(1000) as u64 * 6 / 5;

    let seed = 0x5EED_0007_u64;
    let mut state = seed;
    let (mut saw_old, mut saw_new, mut saw_between) = (0, 0, 0);
    for run in 0..20 {
        let delay = Duration::from_micros(next(&mut state) % span);
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("gongkai"))
            .current_dir(&p.path)
            .env("HOME", p.path.join("home"))
            .env("SOURCE_DATE_EPOCH", NEW_EPOCH)
            .args(["build", "--output", "output"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the build starts");
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL; it may have finished already.
        let _ = child.wait();

        let out = p.path.join("output");
        let why = format!("run {run} (seed {seed:#x}, kill after {delay:?})");
        if out.exists() {
            let now = files(&out);
            if now == old {
                saw_old += 1;
            } else {
                assert!(
                    now == new,
                    "{why}: the output is neither the old nor the new site"
                );
                saw_new += 1;
            }
        } else {
            // Killed between the two renames: the old site waits complete beside the output,
            // and the next build puts it back before anything else.
            let olds: Vec<String> = siblings(&p)
                .into_iter()
                .filter(|n| n.starts_with(".gongkai-old-output-"))
                .collect();
            let [only] = olds.as_slice() else {
                panic!("{why}: no output and {olds:?} beside it");
            };
            assert_eq!(
                files(&p.path.join(only)),
                old,
                "{why}: the waiting old site is complete"
            );
            saw_between += 1;
        }
        // Back to the old site for the next run (this also recovers and cleans up).
        if files(&out) != old {
            p.build("output", Some(OLD_EPOCH)).assert().success();
        }
    }
    eprintln!(
        "killed 20 builds: {saw_old} left the old site, {saw_new} the new, {saw_between} between renames"
    );
    p.build("output", Some(NEW_EPOCH)).assert().success();
    assert_eq!(files(&p.path.join("output")), new);
    let left = siblings(&p);
    assert!(
        left.is_empty(),
        "the last build removed every leftover: {left:?}"
    );
}
