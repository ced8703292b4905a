//! Property tests on arbitrary input (proptest, a few hundred cases each, a bounded run): front
//! matter, takeaway extraction, whole articles, the tokenizer and the query path never panic,
//! and what they return keeps its invariants: no text lost or duplicated, tokens folded,
//! spans and highlights inside their text, results bounded and best first.

mod common;

use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use common::seeds;
use proptest::prelude::*;
use takeaways::builder::corpus::article;
use takeaways::builder::corpus::front_matter::split;
use takeaways::builder::corpus::markdown::Document;
use takeaways::builder::corpus::metadata::{ArticleMetadata, Metadata};
use takeaways::builder::corpus::tagging::Tagger;
use takeaways::builder::corpus::takeaways::extract;
use takeaways::builder::corpus::SourceFile;
use takeaways::model::Dataset;
use takeaways::search::tokenize::{fold, tokenize};
use takeaways::search::{Config, Engine};

static SEEDS: LazyLock<(Dataset, Engine)> = LazyLock::new(|| {
    let dataset = seeds();
    let engine = dataset.engine();
    (dataset, engine)
});

/// Pieces of Markdown as articles use them, and misuse them.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "#{1,4} [^\n]{0,16}\n",
        "## (总结|背景|结语)[^\n]{0,6}\n",
        "# (十大要点|8 个关键主题|平台工程)\n",
        " {0,8}([-*+]|[0-9]{1,2}[.)]) [^\n]{0,16}\n",
        "[\\p{Han}，。：！]{1,30}\n",
        "[a-zA-Z0-9 .,:!?/_+-]{1,30}\n",
        "(> ){1,3}[^\n]{0,10}\n",
        "\n",
        "\r\n",
        "```\n",
        "\\PC{0,12}",
        prop::sample::select(vec![
            "<script>alert(1)</script>\n",
            "<iframe src=\"https://x.example\"></iframe>\n",
            "<img src=x onerror=alert(1)>\n",
            "[x](javascript:alert(1))\n",
            "<div>\n",
            "</div>\n",
            "<!-- note\n",
            "![图](x.png)\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n",
        ])
        .prop_map(String::from),
    ]
}

/// A Markdown-ish article: pieces, sometimes with CRLF line endings.
fn markdown() -> impl Strategy<Value = String> {
    (prop::collection::vec(piece(), 0..40), any::<bool>()).prop_map(|(pieces, crlf)| {
        let text = pieces.concat();
        if crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        }
    })
}

/// A header of either kind, well formed or not, then a body.
fn with_header() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        "(title|date|event|summary|author)(: |:|=| = )[^\n]{0,16}\n",
        "(authors|tags)(: |=)\\[[^\n]{0,16}\n",
        "links:\n  - url: [^\n]{0,12}\n",
        "\\[[a-z]{1,6}\\]\n",
        "[^\n]{0,16}\n",
    ];
    (prop::sample::select(vec!["---\n", "+++\n", ""]), prop::collection::vec(line, 0..6), any::<bool>(), markdown())
        .prop_map(|(fence, lines, closed, body)| {
            let close = if closed { fence } else { "" };
            format!("{fence}{}{close}{body}", lines.concat())
        })
}

/// A title without punctuation or spaces: list items may reword a heading by punctuation alone.
fn wording(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A highlight range inside its text, on character boundaries.
fn inside(text: &str, range: &Range<usize>) -> bool {
    range.start < range.end
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
        && range.end <= text.len()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn front_matter_splits_or_names_a_line_in_the_file(text in with_header()) {
        match split(&text) {
            Ok(s) => {
                prop_assert_eq!(&text[s.body_offset..], s.body);
                prop_assert!(s.front_matter.is_some() == (s.body_offset > 0));
            }
            Err(e) => prop_assert!(e.line >= 1 && e.line <= text.lines().count().max(1), "{:?}", e),
        }
    }

    #[test]
    fn header_titles_round_trip_in_both_formats(title in "[\\p{Han}a-zA-Z0-9 ：，。!?\"'\\\\-]{1,40}", toml in any::<bool>()) {
        let quoted = serde_json::to_string(&title).unwrap();
        let text = if toml { format!("+++\ntitle = {quoted}\n+++\nbody") } else { format!("---\ntitle: {quoted}\n---\nbody") };
        let header = split(&text).unwrap().front_matter.unwrap();
        prop_assert_eq!(header.title.as_deref(), Some(title.trim()).filter(|t| !t.is_empty()));
    }

    #[test]
    fn extraction_keeps_every_text_once(body in markdown(), title in "(十大要点|8 个关键主题|文章)") {
        let doc = Document::parse(&body);
        let extraction = extract(&doc, &title, &ArticleMetadata::default());
        let ranges: Vec<&Range<usize>> =
            extraction.takeaways.iter().flat_map(|t| &t.body).chain(&extraction.context).collect();
        // Nothing in two places.
        let mut sorted: Vec<&Range<usize>> = ranges.iter().copied().filter(|r| !r.is_empty()).collect();
        sorted.sort_by_key(|r| r.start);
        prop_assert!(sorted.windows(2).all(|w| w[0].end <= w[1].start), "overlapping ranges {:?}", sorted);
        // Every text is in a takeaway's body or title heading, or in context; but the title
        // heading: the first heading if it is a `#` one.
        let len = doc.sections(0).0.last().map_or(0, |r| r.end); // no level-0 sections: all intro
        let (_, h2s) = doc.sections(2);
        let headings = h2s
            .iter()
            .filter(|s| extraction.takeaways.iter().any(|t| t.body.first() == Some(&s.content)))
            .map(|s| s.start..s.content.start);
        let covered: Vec<Range<usize>> = ranges.iter().map(|r| (*r).clone()).chain(headings).collect();
        let (_, h1s) = doc.sections(1);
        let title_heading = h1s.first().filter(|h| h2s.first().is_none_or(|s| h.start < s.start));
        let title_heading = title_heading.map_or(0..0, |h| h.start..h.content.start);
        for index in 0..len {
            let text = doc.plain_text(index..index + 1);
            if !text.trim().is_empty() && !title_heading.contains(&index) {
                prop_assert!(covered.iter().any(|r| r.contains(&index)), "`{}` (event {}) was lost", text, index);
            }
        }
        // Every `##` heading is a takeaway's title, in one of its wordings, or text inside one.
        for section in h2s.iter().filter(|s| !s.heading.is_empty()) {
            let titled = extraction.takeaways.iter().any(|t| {
                wording(&t.title) == wording(&section.heading) || t.alt_title.as_deref() == Some(section.heading.as_str())
            });
            let inside = ranges.iter().any(|r| doc.plain_text((*r).clone()).contains(&section.heading));
            prop_assert!(titled || inside, "heading `{}` was lost", section.heading);
        }
    }

    #[test]
    fn articles_parse_or_fail_naming_a_line(text in with_header(), bom in any::<bool>()) {
        let text = if bom { format!("\u{feff}{text}") } else { text };
        let source = SourceFile { stem: "2024-eu-paris-x".into(), id: "2024-eu-paris-x".into(), file: "2024-eu-paris-x.md".into(), text: text.clone() };
        let lines = text.lines().count().max(1);
        match article::parse(&source, &Metadata::default(), &Tagger::new(&[], &[]), Path::new("corpus")) {
            Ok(parsed) => {
                prop_assert!(!parsed.takeaways.is_empty());
                for warning in &parsed.warnings {
                    prop_assert!(warning.line >= 1 && warning.line <= lines, "{}", warning);
                }
                let html = parsed.takeaways.iter().map(|t| t.body.as_str().to_lowercase()).collect::<String>();
                // Escaped, such text is harmless: only real tags are looked at.
                let mut tags = html.split('<').skip(1).map(|t| t.split('>').next().unwrap_or_default());
                prop_assert!(
                    tags.all(|t| !t.starts_with("script") && !t.starts_with("iframe") && !t.contains(" on") && !t.contains("javascript:")),
                    "{}",
                    html
                );
            }
            Err(e) => prop_assert!(e.line.is_some_and(|l| l >= 1 && l <= lines), "{}", e),
        }
    }

    #[test]
    fn tokens_are_folded_words_inside_their_text(text in prop_oneof!["\\PC{0,200}", any::<String>(), markdown()]) {
        let mut last_start = 0;
        for token in tokenize(&text) {
            prop_assert!(!token.term.is_empty());
            prop_assert!(!token.term.chars().any(char::is_whitespace), "{:?}", token);
            prop_assert_eq!(&token.term.to_lowercase(), &token.term);
            prop_assert_eq!(fold(&token.term), token.term.clone());
            prop_assert!(token.term.chars().count() <= 100);
            prop_assert!(inside(&text, &token.span), "{:?} outside {:?}", token, text);
            prop_assert!(token.span.start >= last_start);
            last_start = token.span.start;
        }
    }

    #[test]
    fn any_query_returns_bounded_ranked_highlighted_hits(
        query in prop_oneof![
            any::<String>(),
            "\\PC{0,40}",
            "(平台工程|可观察性|k8s|Service Mesh|服务网格|llm|ai|[ \\p{Han}a-z]){1,8}",
            prop::collection::vec(any::<char>(), 0..20_000).prop_map(|c| c.into_iter().collect()),
            "(平台|工程|k8s |可观察性){500,2000}",
        ],
        limit in 0usize..20,
    ) {
        let (bundle, engine) = &*SEEDS;
        let hits = engine.search(&query, &Config::default(), limit);
        prop_assert!(hits.len() <= limit);
        // The takeaways that match come first, then the others the query reaches; best first in each.
        let matches = engine.matches(&query, &Config::default());
        let matching = |doc: usize| matches.binary_search(&doc).is_ok();
        prop_assert!(hits.windows(2).all(|w| matching(w[0].doc) >= matching(w[1].doc)));
        prop_assert!(hits.windows(2).all(|w| matching(w[0].doc) != matching(w[1].doc) || w[0].score >= w[1].score));
        for hit in &hits {
            prop_assert!(hit.score.is_finite() && hit.score > 0.0);
            let title = &bundle.title(hit.doc).title;
            prop_assert!(hit.title_matches.iter().all(|r| inside(title, r)), "{:?} in {}", hit.title_matches, title);
            prop_assert!(hit.snippet_matches.iter().all(|r| inside(&hit.snippet, r)), "{:?} in {}", hit.snippet_matches, hit.snippet);
        }
    }
}
