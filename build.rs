//! Tells the tests what this machine lacks, so that a test needing it is reported as ignored
//! in `cargo test`'s summary instead of passing without having run (issue 15; issue 19 asks
//! the same of every tool a test needs). Under `CI=true` nothing is ever ignored: a missing
//! tool makes its test fail, since CI installs everything (`.ci/run`).
//!
//! Sets `gongkai_no_setpriv` when the tests cannot run gongkai as another user: that needs the
//! superuser and util-linux's `setpriv` (the recovery tests build as user 65534).

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(gongkai_no_setpriv)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=CI");
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let can_switch_user = is_superuser() && on_path("setpriv");
    if !(ci || can_switch_user) {
        println!("cargo::rustc-cfg=gongkai_no_setpriv");
    }
}

/// Whether this process runs as the superuser (from `/proc`; `false` where there is none).
fn is_superuser() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .find_map(|l| l.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1))
            == Some("0")
    })
}

/// Whether an executable named `tool` is on `PATH`.
fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| Path::new(&dir).join(tool).is_file())
    })
}
