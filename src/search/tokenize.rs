//! The search tokeniser, without a dictionary: Chinese into single characters and bigrams,
//! Latin letters and digits into lower-case words.
//!
//! In: any text (a query or a field of a page). Out: [`Token`]s, or the keys the index holds a
//! field under ([`for_each_key`]: its tokens, with every prefix of its words, so a query word
//! matches at a word start; a query token is looked up by [`Token::key`]). Full-width ASCII
//! (`ＡＢ１２`) counts as its half-width form; punctuation and spaces only separate. A bigram never spans a
//! separator, so `办，结` holds `办` and `结` but not `办结`. A dot between digits stays in the
//! word (`98.5`), so figures are found as printed. A query ([`query_tokens`]) keeps of a run
//! of two CJK characters or more only its bigrams, and of a lone CJK character its character,
//! so only a one-character run matches by character (issue 19).
//!
//! `static/search.js` (`tokens`) follows the same rules; the tests here are its specification.
//! Never: allocates per character beyond the tokens it returns (the index keys are borrowed
//! from a buffer), or panics on any input.

/// One token of a text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Token {
    /// Two adjacent CJK characters (`办结`).
    Bigram(String),
    /// One CJK character (`办`).
    Char(char),
    /// A lower-case run of ASCII letters and digits (`2023`, `98.5`, `ppp`).
    Word(String),
}

/// The longest word prefix the index holds; a longer query word is looked up by its first
/// `MAX_WORD` characters.
pub const MAX_WORD: usize = 20;

impl Token {
    /// The token as text (`办结`, `办`, `2023`).
    pub fn text(&self) -> String {
        match self {
            Token::Bigram(s) | Token::Word(s) => s.clone(),
            Token::Char(c) => c.to_string(),
        }
    }

    /// The key the index holds the token under: its text, a word cut to [`MAX_WORD`]
    /// characters (words are ASCII, so characters are bytes). Kinds cannot collide: a bigram
    /// is two CJK characters, a character one, a word ASCII.
    pub fn key(&self) -> String {
        match self {
            Token::Word(w) => w.chars().take(MAX_WORD).collect(),
            t => t.text(),
        }
    }
}

/// Calls `key` with each index key of `text`, duplicates kept: its bigrams and characters, and
/// every prefix of its words up to [`MAX_WORD`] characters, so that a query word finds the
/// words it starts (`202` finds `2023`, not `12023`). Allocates only the folded text.
pub fn for_each_key(text: &str, mut key: impl FnMut(&str)) {
    let chars: Vec<char> = text.chars().map(fold).collect();
    let mut word = String::new();
    let mut prev_cjk: Option<char> = None;
    let word_keys = |word: &str, key: &mut dyn FnMut(&str)| {
        for end in 1..=word.len().min(MAX_WORD) {
            if let Some(p) = word.get(..end) {
                key(p);
            }
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        let in_word = c.is_ascii_alphanumeric()
            || (c == '.'
                && word.ends_with(|p: char| p.is_ascii_digit())
                && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if in_word {
            word.push(c);
        } else if !word.is_empty() {
            word_keys(&word, &mut key);
            word.clear();
        }
        if is_cjk(c) {
            let mut buf = [0u8; 8];
            if let Some(p) = prev_cjk {
                let n = p.encode_utf8(&mut buf).len();
                let m = c.encode_utf8(&mut buf[n..]).len();
                if let Ok(s) = std::str::from_utf8(&buf[..n + m]) {
                    key(s);
                }
            }
            key(c.encode_utf8(&mut buf));
            prev_cjk = Some(c);
        } else {
            prev_cjk = None;
        }
    }
    if !word.is_empty() {
        word_keys(&word, &mut key);
    }
}

/// Adds the index keys of `text` (see [`for_each_key`]) to `out`.
pub fn index_keys(text: &str, out: &mut std::collections::BTreeSet<String>) {
    for_each_key(text, |k| {
        if !out.contains(k) {
            out.insert(k.to_owned());
        }
    });
}

/// Whether `c` is a CJK ideograph (the unified blocks and the compatibility block).
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Full-width ASCII folded to ASCII, then lower-cased (`Ａ` → `a`); other characters unchanged.
pub fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// The tokens of `text`, in order of appearance, duplicates kept.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut prev_cjk: Option<char> = None;
    let mut word = String::new();
    let chars: Vec<char> = text.chars().map(fold).collect();
    for (i, &c) in chars.iter().enumerate() {
        let in_word = c.is_ascii_alphanumeric()
            || (c == '.'
                && word.ends_with(|p: char| p.is_ascii_digit())
                && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if in_word {
            word.push(c);
        } else if !word.is_empty() {
            out.push(Token::Word(std::mem::take(&mut word)));
        }
        if is_cjk(c) {
            if let Some(p) = prev_cjk {
                out.push(Token::Bigram([p, c].iter().collect()));
            }
            out.push(Token::Char(c));
            prev_cjk = Some(c);
        } else {
            prev_cjk = None;
        }
    }
    if !word.is_empty() {
        out.push(Token::Word(word));
    }
    out
}

/// The distinct tokens of a query, sorted (bigrams, then characters, then words): a run of two
/// CJK characters or more gives its bigrams only, a lone CJK character (a run of one, between
/// separators, words or the ends of the query) its character, Latin and digits their words. So
/// `办事处` is `办事` and `事处`, never `办`, and only a one-character run is looked up by
/// character (issue 19: the 办 of `办事处` matched every page).
pub fn query_tokens(query: &str) -> Vec<Token> {
    let all = tokenize(query);
    // In `tokenize`'s order a character of a longer run is next to a bigram holding it (the
    // first one before `xy`, every other one after it); a lone character never is.
    let is_bigram = |i: Option<usize>| {
        i.and_then(|i| all.get(i))
            .is_some_and(|t| matches!(t, Token::Bigram(_)))
    };
    let mut tokens: Vec<Token> = all
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            !matches!(t, Token::Char(_)) || !(is_bigram(i.checked_sub(1)) || is_bigram(Some(i + 1)))
        })
        .map(|(_, t)| t.clone())
        .collect();
    tokens.sort();
    tokens.dedup();
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s).iter().map(Token::text).collect()
    }

    #[test]
    fn chinese_becomes_single_characters_and_bigrams() {
        assert_eq!(texts("办结率"), ["办", "办结", "结", "结率", "率"]);
    }

    #[test]
    fn a_single_character_has_no_bigram() {
        assert_eq!(tokenize("办"), [Token::Char('办')]);
    }

    #[test]
    fn punctuation_and_spaces_break_bigrams() {
        assert_eq!(texts("办，结"), ["办", "结"]);
        assert_eq!(texts("办 结"), ["办", "结"]);
    }

    #[test]
    fn latin_and_digits_become_lower_case_words() {
        assert_eq!(
            texts("PPP项目 2023年"),
            ["ppp", "项", "项目", "目", "2023", "年"]
        );
    }

    #[test]
    fn full_width_letters_and_digits_fold_to_ascii() {
        assert_eq!(texts("２０２３ＡＢ"), ["2023ab"]);
    }

    #[test]
    fn a_decimal_point_stays_inside_a_figure_but_not_at_its_end() {
        assert_eq!(texts("98.5%"), ["98.5"]);
        assert_eq!(texts("完成。2023."), ["完", "完成", "成", "2023"]);
    }

    #[test]
    fn query_tokens_are_distinct_and_bigrams_come_first() {
        let q = query_tokens("办结办结 率 2023");
        assert_eq!(
            q,
            [
                Token::Bigram("办结".into()),
                Token::Bigram("结办".into()),
                Token::Char('率'),
                Token::Word("2023".into()),
            ]
        );
    }

    #[test]
    fn issue19_a_query_run_of_two_characters_or_more_is_its_bigrams_only() {
        let q = |s: &str| -> Vec<String> { query_tokens(s).iter().map(Token::text).collect() };
        assert_eq!(q("办事处"), ["事处", "办事"]);
        assert_eq!(q("信访件办结率"), ["件办", "信访", "办结", "结率", "访件"]);
        assert_eq!(q("办"), ["办"]);
        // A lone character between separators or words keeps its character token.
        assert_eq!(q("办，结率"), ["结率", "办"]);
        assert_eq!(q("a办b"), ["办", "a", "b"]);
        assert_eq!(q("青菱 2023"), ["青菱", "2023"]);
    }

    #[test]
    fn a_word_is_indexed_under_each_of_its_prefixes() {
        let mut keys = std::collections::BTreeSet::new();
        index_keys("办结 2023", &mut keys);
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        assert_eq!(keys, ["2", "20", "202", "2023", "办", "办结", "结"]);
        assert_eq!(Token::Word("a".repeat(30)).key(), "a".repeat(MAX_WORD));
    }

    #[test]
    fn empty_and_symbol_only_text_has_no_tokens() {
        assert!(tokenize("").is_empty());
        assert!(tokenize("——（）%、").is_empty());
    }
}
