//! The `gongkai` binary: parse arguments, run, print, pick the exit code.
//!
//! Exit codes: 0 ok, 1 findings under `--strict` or a snapshot that `verify` (or `diff`, which
//! verifies its snapshots first) finds altered, 2 invalid input (including a malformed
//! `SOURCE_DATE_EPOCH`) or I/O error.

mod cli;

use std::process::ExitCode;

use clap::Parser;
use gongkai::lang::pick;
use gongkai::term::{print_err, print_out};

use cli::{Cli, Command, Format, LangArg, ProfileArg};

/// A build allocates and frees many short strings (page fragments, table cells, JSON) on every
/// thread; mimalloc takes ~20 % less CPU for it than glibc's allocator (bench/RESULTS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    gongkai::lang::set(match cli.lang {
        Some(LangArg::Zh) => gongkai::lang::Lang::Zh,
        Some(LangArg::En) => gongkai::lang::Lang::En,
        None => gongkai::lang::from_env(|k| std::env::var(k).ok()),
    });
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            print_err(&format!("{e}\n"));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> gongkai::Result<ExitCode> {
    // Read once, here: a malformed value stops every command that builds (exit 2).
    let epoch = || gongkai::epoch::Epoch::from_var(std::env::var_os(gongkai::epoch::VAR));
    match cli.command {
        Command::Check {
            paths,
            content,
            format,
            strict,
        } => {
            let checked = if paths.is_empty() {
                gongkai::check_content(&content)
            } else {
                gongkai::check_paths(&content, &paths)
            };
            // `--format json` reports invalid content as JSON too (issue 18), on stdout, exit 2.
            if let (Format::Json, Err(gongkai::Error::Invalid(diags))) = (format, &checked) {
                print_json(&diags.to_json());
                return Ok(ExitCode::from(2));
            }
            let gongkai::Checked { report, names } = checked?;
            match format {
                Format::Human => print_out(&report.to_human_named(&names)),
                Format::Json => print_json(&report.to_json()),
            }
            Ok(if strict && !report.findings.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Build {
            content,
            output,
            theme,
            profile,
            strict,
            quiet,
            verbose,
        } => {
            let verbosity = match (quiet, verbose) {
                (true, _) => gongkai::Verbosity::Quiet,
                (false, true) => gongkai::Verbosity::Verbose,
                (false, false) => gongkai::Verbosity::Normal,
            };
            let summary = gongkai::build_with(
                &gongkai::BuildOptions {
                    content,
                    output,
                    theme,
                    profile: profile.map(ProfileArg::profile),
                    strict,
                    epoch: epoch()?,
                },
                verbosity,
            )?;
            Ok(if summary.written {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Archive {
            content,
            archive,
            theme,
            label,
            tar,
        } => {
            let summary = gongkai::archive::archive(&gongkai::archive::ArchiveOptions {
                content,
                archive,
                theme,
                label,
                epoch: epoch()?,
                today: today(),
                tar,
            })?;
            let (files, path, digest) = (summary.files, summary.path.display(), summary.digest);
            print_err(&pick(
                format!(
                    "archive: {files} 个文件，存于 {path}；SHA256SUMS 的 sha256 为 {digest}（请记下）\n"
                ),
                format!(
                    "archive: {files} file(s) in {path}; SHA256SUMS sha256 {digest} (note it down)\n"
                ),
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Verify { snapshot, format } => {
            let report = gongkai::archive::verify::verify(&snapshot)?;
            match format {
                Format::Human => print_out(&report.to_human(&snapshot)),
                Format::Json => print_json(&report.to_json()),
            }
            Ok(if report.intact() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Diff { old, new, format } => {
            let epoch = epoch()?;
            if let Some(altered) = gongkai::archive::diff::verify_sides(&old, &new)? {
                print_err(&altered);
                return Ok(ExitCode::from(1));
            }
            let (old, new) = gongkai::archive::diff::load_sides(&old, &new, epoch)?;
            let report = match gongkai::archive::diff::diff(&old, &new) {
                Ok(report) => report,
                Err(why) => {
                    print_err(&pick(
                        format!(
                            "diff：没有比较：{why}：存档连同它的校验值一起被改动过（verify 查不出来）；\
                             请与另存的副本或另外记下的校验值比对"
                        ),
                        format!(
                            "diff: nothing compared: {why}: the snapshot was altered together with \
                             its checksums (verify finds nothing); compare it with a copy or a \
                             digest kept elsewhere"
                        ),
                    ));
                    return Ok(ExitCode::from(1));
                }
            };
            match format {
                Format::Human => print_out(&report.to_human()),
                Format::Json => print_json(&report.to_json()),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            files,
            unit,
            year,
            edition,
            template,
            content,
            force,
        } => {
            let done = gongkai::import::import(&gongkai::import::ImportOptions {
                files,
                unit,
                year,
                edition,
                template,
                content,
                force,
            })?;
            for s in &done.sources {
                print_out(&pick(
                    format!("import: 已读取 {s}\n"),
                    format!("import: read {s}\n"),
                ));
            }
            if let Some(changes) = &done.changes {
                print_out(changes);
            }
            let record = done.record.display();
            match &done.findings {
                // Its sums checked again after the rounding, as `check` does.
                Some(findings) => print_out(&pick(
                    format!("import: 已写入 {record}；检查结果：\n{findings}"),
                    format!("import: wrote {record}; what check finds in it:\n{findings}"),
                )),
                None => print_out(&pick(
                    format!("import: 已写入 {record}；请运行 `gongkai check` 检查\n"),
                    format!("import: wrote {record}; run `gongkai check` to check it\n"),
                )),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::New {
            unit,
            year,
            content,
            name,
        } => {
            let created = gongkai::scaffold::new_record(&content, &unit, year, name.as_deref())?;
            if let Some(u) = &created.unit {
                print_out(&pick(
                    format!("new: 已写入 {}\n", u.display()),
                    format!("new: wrote {}\n", u.display()),
                ));
            }
            let record = created.record.display();
            let from = created.from.as_ref().map(|f| f.display());
            print_out(&match from {
                Some(from) => pick(
                    format!(
                        "new: 已依 {from} 写入 {record}；请逐项填写“待填”，再运行 `gongkai check` 查看还剩哪些\n"
                    ),
                    format!(
                        "new: wrote {record} from {from}; fill each 待填, then run `gongkai check` for what is left\n"
                    ),
                ),
                None => pick(
                    format!(
                        "new: 已写入 {record}；请逐项填写“待填”，再运行 `gongkai check` 查看还剩哪些\n"
                    ),
                    format!(
                        "new: wrote {record}; fill each 待填, then run `gongkai check` for what is left\n"
                    ),
                ),
            });
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { out } => {
            for path in gongkai::scaffold::write_schemas(&out)? {
                print_out(&pick(
                    format!("schema: 已写入 {}\n", path.display()),
                    format!("schema: wrote {}\n", path.display()),
                ));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            content,
            output,
            theme,
            profile,
            port,
            bind,
            allow_host,
            deadline_ms,
            max_per_client,
            max_connections,
        } => {
            let build = gongkai::BuildOptions {
                content,
                output,
                theme,
                profile: profile.map(ProfileArg::profile),
                strict: false,
                epoch: epoch()?,
            };
            let default = gongkai::serve::Limits::default();
            let limits = gongkai::serve::Limits {
                deadline: deadline_ms.map_or(default.deadline, std::time::Duration::from_millis),
                per_client: max_per_client.unwrap_or(default.per_client),
                total: max_connections.unwrap_or(default.total),
            };
            gongkai::serve::serve(&gongkai::serve::ServeOptions {
                build,
                bind,
                port,
                allow_hosts: allow_host,
                limits,
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes JSON to stdout with DEL, C1 and bidi controls escaped (see `gongkai::term`).
fn print_json(json: &str) {
    print_out(&gongkai::term::for_json(json));
}

/// Today's UTC date, for naming a snapshot when `SOURCE_DATE_EPOCH` is unset: the only place
/// gongkai reads the wall clock.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    gongkai::epoch::Epoch(i64::try_from(secs).unwrap_or(i64::MAX)).date()
}
