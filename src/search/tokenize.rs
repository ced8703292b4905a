//! The one tokenizer, used by the build (to index) and by the app (to query), so both sides
//! always agree on what a term is.
//!
//! Text is NFKC-normalised and lower-cased character by character (so every token keeps its
//! byte range in the original text, for highlighting). Runs of letters and digits are words,
//! keeping `.`, `-`, `+`, `/` and `_` inside them (`k3s`, `ci/cd`, `1.27`, `c++`). Chinese text
//! becomes overlapping character pairs (`平台工程` → `平台 台工 工程`); a lone Chinese
//! character is a term of its own.

use std::ops::Range;

/// A term and where it came from in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    /// Byte range in the original text.
    pub span: Range<usize>,
}

/// Equivalent spellings: the first of each group is the canonical one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Synonyms {
    /// (variant as folded text, canonical as folded text), longest variant first.
    variants: Vec<(String, String)>,
}

impl Synonyms {
    pub fn new(groups: &[Vec<String>]) -> Self {
        let mut variants: Vec<(String, String)> = groups
            .iter()
            .filter_map(|group| group.split_first())
            .flat_map(|(canonical, rest)| rest.iter().map(move |v| (fold(v), fold(canonical))))
            .collect();
        variants.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Synonyms { variants }
    }

    /// The canonical spellings of the variants `text` contains, once per occurrence: what a
    /// document is also indexed under.
    fn canonicals_in<'s>(&'s self, folded: &str) -> Vec<&'s str> {
        let mut found = Vec::new();
        for (variant, canonical) in &self.variants {
            found.extend(occurrences(folded, variant).map(|_| canonical.as_str()));
        }
        found
    }

    /// The query terms and the terms of every other spelling of the variants they contain:
    /// what to highlight.
    pub fn spellings_of(&self, terms: &[String]) -> Vec<String> {
        let mut all = terms.to_vec();
        for (variant, canonical) in &self.variants {
            let canonical_terms = self::terms(canonical);
            if !canonical_terms.is_empty() && canonical_terms.iter().all(|t| terms.contains(t)) {
                all.extend(self::terms(variant));
            }
        }
        all.sort();
        all.dedup();
        all
    }

    /// `folded` with every variant replaced by its canonical spelling: what a query means.
    pub fn canonicalize(&self, folded: &str) -> String {
        let mut text = folded.to_owned();
        for (variant, canonical) in &self.variants {
            let starts: Vec<usize> = occurrences(&text, variant).collect();
            for start in starts.into_iter().rev() {
                text.replace_range(start..start + variant.len(), canonical);
            }
        }
        text
    }
}

/// Byte offsets of `needle` in `haystack` (both folded) where a needle that starts or ends
/// with a letter or digit does not touch another one there: `ray` is not found in `array`,
/// while Chinese needles are found anywhere.
pub fn occurrences<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let word = |c: Option<char>| c.is_some_and(is_word);
    let (word_start, word_end) = (word(needle.chars().next()), word(needle.chars().next_back()));
    haystack.match_indices(needle).map(|(at, _)| at).filter(move |&at| {
        let glued_before = word_start && word(haystack[..at].chars().next_back());
        let glued_after = word_end && word(haystack[at + needle.len()..].chars().next());
        !needle.is_empty() && !glued_before && !glued_after
    })
}

/// Terms of a document's field, plus the canonical terms of any variant spellings in it.
pub fn document_terms(text: &str, synonyms: &Synonyms) -> Vec<String> {
    let mut all = terms(text);
    for canonical in synonyms.canonicals_in(&fold(text)) {
        all.extend(terms(canonical));
    }
    all
}

/// Terms a query keeps at most: a longer one is a paste, and scoring thousands of terms would
/// freeze the page for no better answer.
pub const MAX_QUERY_TERMS: usize = 64;

/// Terms of a query (the first [`MAX_QUERY_TERMS`]), with variant spellings replaced by their
/// canonical ones.
pub fn query_terms(query: &str, synonyms: &Synonyms) -> Vec<String> {
    let mut terms = terms(&synonyms.canonicalize(&fold(query)));
    terms.truncate(MAX_QUERY_TERMS);
    terms
}

/// The terms of `text`, without their positions.
pub fn terms(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.term).collect()
}

/// The normalised form the tokenizer sees: NFKC, lower case.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    text.chars().for_each(|c| fold_char(c, |f| folded.push(f)));
    folded
}

/// NFKC then lower case, for one character. ASCII and the unified ideographs are their own
/// NFKC form, and nearly all the text there is: they skip the normalizer.
fn fold_char(c: char, mut out: impl FnMut(char)) {
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
    } else if matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}') {
        out(c);
    } else {
        nfkc(c, |n| n.to_lowercase().for_each(&mut out));
    }
}

/// NFKC of one character, natively from the unicode-normalization crate.
#[cfg(not(target_arch = "wasm32"))]
fn nfkc(c: char, out: impl FnMut(char)) {
    use unicode_normalization::UnicodeNormalization;
    std::iter::once(c).nfkc().for_each(out);
}

/// NFKC of one character in the browser: its own `String.prototype.normalize`, the same Unicode
/// algorithm, so the app does not ship the tables (about 46 KB brotli). Chinese punctuation
/// repeats, so answers are kept.
#[cfg(target_arch = "wasm32")]
fn nfkc(c: char, out: impl FnMut(char)) {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static NORMALIZED: RefCell<HashMap<char, String>> = RefCell::new(HashMap::new());
    }
    NORMALIZED.with_borrow_mut(|known| {
        let normal = known.entry(c).or_insert_with(|| {
            let text = js_sys::JsString::from(c.encode_utf8(&mut [0; 4]) as &str);
            String::from(text.normalize("NFKC"))
        });
        normal.chars().for_each(out);
    });
}

/// Splits text into terms with their byte ranges in `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    // Folded characters with the byte range of the original character they came from.
    let mut chars: Vec<(char, Range<usize>)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        fold_char(c, |f| chars.push((f, at..at + c.len_utf8())));
    }
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].0;
        if is_cjk(c) {
            let end = i + chars[i..].iter().take_while(|(c, _)| is_cjk(*c)).count();
            if end - i == 1 {
                tokens.push(Token { term: c.to_string(), span: chars[i].1.clone() });
            }
            for pair in chars[i..end].windows(2) {
                tokens.push(Token {
                    term: [pair[0].0, pair[1].0].iter().collect(),
                    span: pair[0].1.start..pair[1].1.end,
                });
            }
            i = end;
        } else if is_word(c) {
            let mut end = i + 1;
            while end < chars.len() {
                let c = chars[end].0;
                let joins = is_joiner(c) && chars.get(end + 1).is_some_and(|(n, _)| is_word(*n) || *n == '+');
                if is_word(c) || joins || (c == '+' && chars[end - 1].0 != ' ') {
                    end += 1;
                } else {
                    break;
                }
            }
            let term: String = chars[i..end].iter().take(MAX_TERM_CHARS).map(|(c, _)| *c).collect();
            tokens.push(Token { term, span: chars[i].1.start..chars[end - 1].1.end });
            i = end;
        } else {
            i += 1;
        }
    }
    tokens
}

/// Longer words (a base64 blob, a long URL path) are indexed and queried by their start: the
/// reference index's JSON nests one level per character, and serde_json reads at most 128.
const MAX_TERM_CHARS: usize = 100;

fn is_word(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '-' | '+' | '/' | '_')
}

/// Chinese (and Japanese kanji) ideographs.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_runs_keep_inner_punctuation() {
        assert_eq!(terms("K3s, CI/CD and Kubernetes 1.27!"), ["k3s", "ci/cd", "and", "kubernetes", "1.27"]);
        assert_eq!(terms("c++ -flag- day-2"), ["c++", "flag", "day-2"]);
        let blob = "a".repeat(5000);
        assert_eq!(tokenize(&blob), [Token { term: "a".repeat(100), span: 0..5000 }]);
    }

    #[test]
    fn chinese_becomes_overlapping_pairs_and_lone_characters() {
        assert_eq!(terms("平台工程"), ["平台", "台工", "工程"]);
        assert_eq!(terms("云，原生"), ["云", "原生"]);
        assert_eq!(terms("在K8s上运行eBPF"), ["在", "k8s", "上运", "运行", "ebpf"]);
    }

    #[test]
    fn full_width_text_is_normalised_and_spans_point_into_the_original() {
        let text = "ＡＰＩ 网关";
        let tokens = tokenize(text);
        assert_eq!(tokens[0].term, "api");
        assert_eq!(&text[tokens[0].span.clone()], "ＡＰＩ");
        assert_eq!(&text[tokens[1].span.clone()], "网关");
    }

    #[test]
    fn variants_index_under_their_canonical_spelling_and_queries_use_it() {
        let synonyms = Synonyms::new(&[
            vec!["可观测性".into(), "可观察性".into()],
            vec!["kubernetes".into(), "k8s".into()],
            vec!["服务网格".into(), "service mesh".into()],
        ]);
        let doc = document_terms("更加关注可观察性，在 K8s 上", &synonyms);
        assert!(doc.contains(&"观测".to_string()) && doc.contains(&"观察".to_string()));
        assert!(doc.contains(&"kubernetes".to_string()));
        assert_eq!(query_terms("可观察性", &synonyms), ["可观", "观测", "测性"]);
        assert_eq!(query_terms("Service Mesh", &synonyms), ["服务", "务网", "网格"]);
        // Latin variants match whole words only.
        assert_eq!(query_terms("k8sx", &synonyms), ["k8sx"]);
    }
}
