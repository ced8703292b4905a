//! The one tokenizer, used by the build (to index) and by the app (to query), so both sides
//! always agree on what a term is.
//!
//! Text is NFKC-normalised and lower-cased character by character (so every token keeps its
//! byte range in the original text, for highlighting). Runs of letters and digits are words,
//! keeping `.`, `-`, `+`, `/` and `_` inside them (`k3s`, `ci/cd`, `1.27`, `c++`). Chinese text
//! becomes overlapping character pairs (`平台工程` → `平台 台工 工程`); a lone Chinese
//! character is a term of its own.

use std::ops::{ControlFlow, Range};

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
    /// The variants' first characters, sorted, each with the numbers of the variants it starts.
    starts: Vec<(char, Vec<usize>)>,
}

impl Synonyms {
    pub fn new(groups: &[Vec<String>]) -> Self {
        let mut variants: Vec<(String, String)> = groups
            .iter()
            .filter_map(|group| group.split_first())
            .flat_map(|(canonical, rest)| rest.iter().map(move |v| (fold(v), fold(canonical))))
            .collect();
        crate::model::order::sort_by(&mut variants, |a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let mut starts: Vec<(char, Vec<usize>)> = Vec::new();
        for (number, (variant, _)) in variants.iter().enumerate() {
            let Some(first) = variant.chars().next() else { continue };
            match starts.binary_search_by(|(c, _)| c.cmp(&first)) {
                Ok(i) => starts[i].1.push(number),
                Err(i) => starts.insert(i, (first, vec![number])),
            }
        }
        Synonyms { variants, starts }
    }

    /// How often each variant occurs in `folded`, as [`occurrences`] counts, in one pass over the
    /// text rather than one a variant: documents are long, and there are thousands to index.
    fn variant_counts(&self, folded: &str) -> Vec<usize> {
        let mut counts = vec![0; self.variants.len()];
        // Where each variant's next match may start: matches of one variant do not overlap.
        let mut free_from = vec![0; self.variants.len()];
        for (at, c) in folded.char_indices() {
            let Ok(i) = self.starts.binary_search_by(|(first, _)| first.cmp(&c)) else { continue };
            for &number in &self.starts[i].1 {
                let variant = &self.variants[number].0;
                if at >= free_from[number] && folded[at..].starts_with(variant.as_str()) {
                    free_from[number] = at + variant.len();
                    counts[number] += usize::from(stands_alone(folded, variant, at));
                }
            }
        }
        counts
    }

    /// The canonical spellings of the variants `text` contains, once per occurrence: what a
    /// document is also indexed under.
    fn canonicals_in<'s>(&'s self, folded: &str) -> Vec<&'s str> {
        let counts = self.variant_counts(folded);
        let repeated = self.variants.iter().zip(counts).map(|((_, canonical), n)| std::iter::repeat_n(canonical, n));
        repeated.flatten().map(String::as_str).collect()
    }

    /// Whether `term` (a pair of Chinese characters, or a Latin word without joiners) may be in a
    /// text's canonical spelling only because a variant in it was replaced, so that the text's own
    /// terms need not hold it: inside a canonical spelling, or across its edge. A Chinese variant is
    /// replaced wherever it is, so a pair may start where a canonical spelling ends or end where one
    /// starts; a Latin one only where it stands alone, so a word may run across the edge of a
    /// canonical spelling only where that ends in a letter and its variant does not.
    pub fn may_make(&self, term: &str) -> bool {
        let word = |c: Option<char>| c.is_some_and(is_word);
        let (first, last) = (term.chars().next(), term.chars().next_back());
        self.variants.iter().any(|(variant, canonical)| {
            let across = match first.is_some_and(is_cjk) {
                true => first.is_some_and(|c| canonical.ends_with(c)) || last.is_some_and(|c| canonical.starts_with(c)),
                false => {
                    word(canonical.chars().next()) && !word(variant.chars().next())
                        || word(canonical.chars().next_back()) && !word(variant.chars().next_back())
                }
            };
            across || canonical.contains(term)
        })
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
        let counts = self.variant_counts(folded);
        let mut text = folded.to_owned();
        let mut replaced = false;
        for ((variant, canonical), count) in self.variants.iter().zip(counts) {
            // Until a first replacement, the text is `folded`, whose variants are counted.
            if count == 0 && !replaced {
                continue;
            }
            let starts: Vec<usize> = occurrences(&text, variant).collect();
            replaced |= !starts.is_empty();
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
    haystack.match_indices(needle).map(|(at, _)| at).filter(move |&at| stands_alone(haystack, needle, at))
}

/// Whether `needle`, found at `at` in `haystack`, counts as an occurrence (see [`occurrences`]).
fn stands_alone(haystack: &str, needle: &str, at: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(is_word);
    let glued_before = word(needle.chars().next()) && word(haystack[..at].chars().next_back());
    let glued_after = word(needle.chars().next_back()) && word(haystack[at + needle.len()..].chars().next());
    !needle.is_empty() && !glued_before && !glued_after
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
    query_words(query, synonyms).into_iter().flatten().collect()
}

/// [`query_terms`] grouped into the query's words: a Latin word is one term, a run of Chinese
/// characters the pairs it was cut into (the pairs of one run overlap, those of two runs do not).
pub fn query_words(query: &str, synonyms: &Synonyms) -> Vec<Vec<String>> {
    let mut words: Vec<Vec<String>> = Vec::new();
    let (mut count, mut previous_end) = (0, 0);
    scan(&synonyms.canonicalize(&fold(query)), |term, span| {
        if count == MAX_QUERY_TERMS {
            return ControlFlow::Break(());
        }
        match words.last_mut() {
            Some(word) if span.start < previous_end => word.push(term.to_owned()),
            _ => words.push(vec![term.to_owned()]),
        }
        (count, previous_end) = (count + 1, span.end);
        ControlFlow::Continue(())
    });
    words
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
    scan(text, |term, span| {
        tokens.push(Token { term: term.to_owned(), span });
        ControlFlow::Continue(())
    });
    tokens
}

/// Calls `each` with every term of `text` and its byte range in `text`, in order, until it
/// breaks. The term is lent, not allocated: indexing and highlighting see many of them.
pub fn scan(text: &str, mut each: impl FnMut(&str, Range<usize>) -> ControlFlow<()>) {
    // Folded characters with the byte range of the original character they came from.
    let mut chars: Vec<(char, Range<usize>)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        fold_char(c, |f| chars.push((f, at..at + c.len_utf8())));
    }
    let mut term = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].0;
        if is_cjk(c) {
            let end = i + chars[i..].iter().take_while(|(c, _)| is_cjk(*c)).count();
            if end - i == 1 {
                term.clear();
                term.push(c);
                if each(&term, chars[i].1.clone()).is_break() {
                    return;
                }
            }
            for pair in chars[i..end].windows(2) {
                term.clear();
                term.extend([pair[0].0, pair[1].0]);
                if each(&term, pair[0].1.start..pair[1].1.end).is_break() {
                    return;
                }
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
            term.clear();
            term.extend(chars[i..end].iter().take(MAX_TERM_CHARS).map(|(c, _)| *c));
            if each(&term, chars[i].1.start..chars[end - 1].1.end).is_break() {
                return;
            }
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Longer words (a base64 blob, a long URL path) are indexed and queried by their start: the
/// reference index's JSON nests one level per character, and serde_json reads at most 128.
const MAX_TERM_CHARS: usize = 100;

fn is_word(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

pub fn is_joiner(c: char) -> bool {
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

    #[test]
    fn query_words_group_the_pairs_of_each_chinese_run() {
        let synonyms = Synonyms::new(&[vec!["服务网格".into(), "service mesh".into()]]);
        let words = query_words("Service Mesh 与 k8s，平台工程", &synonyms);
        let pairs = |w: &[&str]| w.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        assert_eq!(
            words,
            [pairs(&["服务", "务网", "网格"]), pairs(&["与"]), pairs(&["k8s"]), pairs(&["平台", "台工", "工程"])]
        );
        let long = "词 ".repeat(MAX_QUERY_TERMS + 5);
        assert_eq!(query_words(&long, &synonyms).len(), MAX_QUERY_TERMS);
    }

    #[test]
    fn variants_are_counted_as_occurrences_finds_them() {
        let synonyms =
            Synonyms::new(&[vec!["x".into(), "aa".into()], vec!["人工智能".into(), "ai".into(), "ai 芯片".into()]]);
        for text in ["aaa aa", "maintain ai ai", "ai人工 ai 芯片", ""] {
            let found: Vec<usize> = synonyms.variants.iter().map(|(v, _)| occurrences(text, v).count()).collect();
            assert_eq!(synonyms.variant_counts(text), found, "{text}");
        }
    }
}
