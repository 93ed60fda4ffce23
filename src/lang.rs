//! The language of the messages a person reads on the terminal (issue 18): Chinese (zh-CN) by
//! default, since the readers are finance staff; English with `--lang en`, or when no `--lang`
//! is given and the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set starts with `en`.
//!
//! In: the choice, made once by `main` before anything runs. Out: [`pick`], which each message
//! site calls with its Chinese and English text. The pages are not affected: they are always
//! Chinese, and the same content builds the same bytes in any language.

use std::sync::atomic::{AtomicU8, Ordering};

/// A language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// 简体中文, the default.
    Zh,
    /// English.
    En,
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the run's language (once, from `main`; the library defaults to Chinese).
pub fn set(lang: Lang) {
    CURRENT.store(
        match lang {
            Lang::Zh => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// The run's language.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Zh,
    }
}

/// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is
/// set and not empty decides; `en…` is English, anything else (or nothing) Chinese.
pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|v| !v.is_empty())
        .map_or(Lang::Zh, |v| {
            if v.to_ascii_lowercase().starts_with("en") {
                Lang::En
            } else {
                Lang::Zh
            }
        })
}

/// The message in the run's language.
pub fn pick(zh: impl Into<String>, en: impl Into<String>) -> String {
    match current() {
        Lang::Zh => zh.into(),
        Lang::En => en.into(),
    }
}

/// The loader's most common message, "expected …, found …", in the run's language: `what` and
/// `found` are already worded in it (`应为普通小数……，实际为 `1e3``).
pub fn expected(what: impl std::fmt::Display, found: impl std::fmt::Display) -> String {
    match current() {
        Lang::Zh => format!(
            "应为{}，实际为{}",
            spaced(&what.to_string()),
            spaced(&found.to_string())
        ),
        Lang::En => format!("expected {what}, found {found}"),
    }
}

/// `words` to follow Chinese text: a space before it when it starts with a Latin letter, a
/// digit or a backtick (`实际为 `1e3``, `应为 2023`), none before Chinese (`实际为空值`).
pub fn spaced(words: &str) -> String {
    match words.chars().next() {
        Some(c) if c.is_ascii_graphic() || c == '≥' || c == '≤' => format!(" {words}"),
        _ => words.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_chooses_english_only_when_it_says_en() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(from_env(env(&[])), Lang::Zh);
        assert_eq!(from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(from_env(env(&[("LANG", "C.UTF-8")])), Lang::Zh);
        // LC_ALL wins over LANG; an empty value does not decide.
        assert_eq!(
            from_env(env(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            from_env(env(&[("LC_ALL", ""), ("LANG", "en_GB.UTF-8")])),
            Lang::En
        );
    }
}
