//! Tells the tests what this machine lacks, so that a test needing it is reported as ignored
//! in `cargo test`'s summary instead of passing without having run (issue 15; issue 19 asks
//! the same of every tool a test needs). Under `CI=true` nothing is ever ignored: a missing
//! tool makes its test fail, since CI installs everything (`.ci/run`).
//!
//! Sets, outside CI:
//! - `gongkai_no_setpriv` when the tests cannot run gongkai as another user: that needs the
//!   superuser and util-linux's `setpriv` (the recovery tests build as user 65534);
//! - `gongkai_no_chromium`, `gongkai_no_pdftotext`, `gongkai_no_sha256sum` when that program
//!   is not on `PATH` (the browser, print and checksum tests);
//! - `gongkai_no_jsonschema` when `python3` cannot import the `jsonschema` validator (the test
//!   that validates every record against `docs/schema/`); `gongkai_no_openpyxl` when it cannot
//!   import `openpyxl` (the test that reads the 决算 workbooks with a second, independent
//!   reader); `gongkai_no_soffice` when LibreOffice's `soffice` is not on `PATH` (the import
//!   tests of workbooks re-saved by a second, real spreadsheet program); `gongkai_no_axe` when
//!   axe-core's browser bundle is neither at `GONGKAI_AXE` nor where `.ci/run` downloads it,
//!   `target/tools/axe-core-4.14.1/axe.min.js` (the phone and accessibility audit).
//!
//! A tool installed later is seen once this script runs again (`cargo clean -p gongkai`, or any
//! change to `build.rs`).
//!
//! Also sets `GONGKAI_BUILD_ID`, a hash of the sources, the embedded theme and `Cargo.lock`: the
//! build cache is keyed by it, so a binary built from other sources never takes over pages an
//! earlier one rendered (the version number alone does not change between commits).

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-env-changed=GONGKAI_AXE");
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .any(|b| on_path(b));
    let tools = [
        ("gongkai_no_setpriv", is_superuser() && on_path("setpriv")),
        ("gongkai_no_chromium", chromium),
        ("gongkai_no_pdftotext", on_path("pdftotext")),
        ("gongkai_no_sha256sum", on_path("sha256sum")),
        ("gongkai_no_jsonschema", python_has("jsonschema")),
        ("gongkai_no_openpyxl", python_has("openpyxl")),
        ("gongkai_no_soffice", on_path("soffice")),
        ("gongkai_no_axe", axe_present()),
    ];
    for (cfg, present) in tools {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        if !(ci || present) {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
    let mut files = Vec::new();
    for root in ["src", "themes"] {
        println!("cargo::rerun-if-changed={root}");
        collect(Path::new(root), &mut files);
    }
    println!("cargo::rerun-if-changed=Cargo.lock");
    files.push(PathBuf::from("Cargo.lock"));
    files.sort();
    // FNV-1a over each path, its length and its bytes: stable across Rust versions.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_default();
        eat(file.to_string_lossy().as_bytes());
        eat(&(bytes.len() as u64).to_le_bytes());
        eat(&bytes);
    }
    println!("cargo::rustc-env=GONGKAI_BUILD_ID={hash:016x}");
}

/// Whether axe-core's browser bundle is where the accessibility test looks for it.
fn axe_present() -> bool {
    std::env::var_os("GONGKAI_AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/tools/axe-core-4.14.1/axe.min.js"))
        .is_file()
}

/// Whether `python3` imports `module`.
fn python_has(module: &str) -> bool {
    std::process::Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Every file under `dir`, links not followed.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect(&path, out),
            Ok(t) if t.is_file() => out.push(path),
            _ => {}
        }
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
