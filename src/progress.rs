//! The progress bar of a long build, on stderr.
//!
//! In: whether to show one (the caller decides: not quiet and stderr a terminal) and the
//! number of files. Out: a [`Bar`] that is a no-op when hidden. Never writes to stdout, and
//! never draws when stderr is not a terminal.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar, or nothing.
pub(crate) struct Bar(Option<ProgressBar>);

/// A bar over `total` files, shown only when `show`.
pub(crate) fn bar(show: bool, total: usize) -> Bar {
    if !show {
        return Bar(None);
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    let template = crate::lang::pick(
        "{prefix} [{bar:40}] {pos}/{len} 个文件，{elapsed}",
        "{prefix} [{bar:40}] {pos}/{len} files, {elapsed}",
    );
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix(crate::lang::pick("写入", "write"));
    Bar(Some(bar))
}

impl Bar {
    /// `n` more files done.
    pub(crate) fn advance(&self, n: usize) {
        if let Some(bar) = &self.0 {
            bar.inc(n as u64);
        }
    }

    /// Removes the bar from the terminal.
    pub(crate) fn finish_and_clear(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
