//! What `takeaways list`, `search` and `stats` print, computed from a bundle (native only).
//! The JSON of `list --json` and `search --json` is a stable interface for scripts and tests.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::ids::takeaway_path;
use crate::model::{Bundle, Dataset, EventIx};
use crate::search::Config;

/// One takeaway as `list --json` prints it.
#[derive(Debug, Serialize)]
pub struct ListedTakeaway<'a> {
    pub id: &'a str,
    /// The URL path of its deep link, relative to the site root.
    pub path: String,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_en: Option<&'a str>,
    pub ordinal: u32,
    pub article: ListedArticle<'a>,
    pub event: Option<ListedEvent<'a>>,
    pub themes: Vec<&'a str>,
    pub projects: Vec<&'a str>,
    pub has_body: bool,
}

#[derive(Debug, Serialize)]
pub struct ListedArticle<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub file: &'a str,
    /// Where each of its fields came from (see [`Checked::sources`](super::Checked::sources)),
    /// where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Option<&'a BTreeMap<String, String>>,
}

#[derive(Debug, Serialize)]
pub struct ListedEvent<'a> {
    pub id: &'a str,
    /// The English name; `name_zh` is the Chinese one.
    pub name: &'a str,
    pub name_zh: &'a str,
}

/// What `list` prints, with where each article's fields came from where `sources` has them (per
/// article, in the bundle's order).
pub fn list<'a>(bundle: &'a Bundle, sources: &'a [BTreeMap<String, String>]) -> Vec<ListedTakeaway<'a>> {
    bundle
        .takeaways
        .iter()
        .zip(&bundle.titles)
        .map(|(t, titled)| {
            let article = &bundle.article(t.article);
            ListedTakeaway {
                id: &titled.id,
                path: takeaway_path(&titled.id),
                title: &titled.title,
                alt_title: titled.alt_title.as_deref(),
                title_en: titled.title_en.as_deref(),
                ordinal: t.ordinal,
                article: ListedArticle {
                    id: &article.id,
                    title: &bundle.article_title(t.article).title,
                    file: &article.file,
                    sources: sources.get(t.article.get()),
                },
                event: bundle.event_of(article).map(|e| ListedEvent {
                    id: &e.id,
                    name: &e.name.en,
                    name_zh: &e.name.zh,
                }),
                themes: t.themes.iter().map(|&m| bundle.theme(m).id.as_str()).collect(),
                projects: t.projects.iter().map(|&p| bundle.project(p).id.as_str()).collect(),
                has_body: t.has_body(),
            }
        })
        .collect()
}

/// What `search --json` prints: the query, the query the results are for when a misspelt word
/// in it was read as another (`null` when none was), how many takeaways match it (what the
/// explorer counts), and the results, best first: those that match, then others it reaches.
#[derive(Debug, Serialize)]
pub struct SearchReport<'a> {
    pub query: &'a str,
    pub corrected: Option<String>,
    pub matches: usize,
    pub hits: Vec<FoundTakeaway<'a>>,
}

/// One result of `search`.
#[derive(Debug, Serialize)]
pub struct FoundTakeaway<'a> {
    pub id: &'a str,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_en: Option<&'a str>,
    pub score: f64,
    /// Whether it matches the query (see `Engine::matches`), or only holds part of it.
    pub matching: bool,
    /// The article's title.
    pub article: &'a str,
}

/// The explorer's search, natively; `literal` searches misspelt words as typed.
pub fn search<'a>(dataset: &'a Dataset, query: &'a str, limit: usize, literal: bool) -> SearchReport<'a> {
    let bundle = &dataset.bundle;
    let engine = dataset.engine();
    let config = Config { correct_typos: !literal, ..Config::default() };
    let found = engine.search_found(query, &config, limit, |_| true);
    let hits = found.hits.into_iter().map(|hit| {
        let (t, titled) = (&bundle.takeaways[hit.doc], bundle.title(hit.doc));
        FoundTakeaway {
            id: &titled.id,
            title: &titled.title,
            title_en: titled.title_en.as_deref(),
            score: hit.score,
            matching: found.matches.binary_search(&hit.doc).is_ok(),
            article: &bundle.article_title(t.article).title,
        }
    });
    SearchReport { query, corrected: found.corrected, matches: found.matches.len(), hits: hits.collect() }
}

/// Takeaway counts by event, theme and project (most first), as lines of text.
pub fn stats(bundle: &Bundle) -> String {
    let mut by_event: BTreeMap<EventIx, usize> = BTreeMap::new();
    let mut by_theme = vec![0; bundle.themes.len()];
    let mut by_project = vec![0; bundle.projects.len()];
    for t in &bundle.takeaways {
        if let Some(e) = bundle.article(t.article).event {
            *by_event.entry(e).or_default() += 1;
        }
        t.themes.iter().for_each(|&m| by_theme[m.get()] += 1);
        t.projects.iter().for_each(|p| by_project[p.get()] += 1);
    }
    let mut out = format!("{} articles, {} takeaways\n\nby event\n", bundle.articles.len(), bundle.takeaways.len());
    for (e, n) in by_event {
        out += &format!("  {n:>4}  {}\n", bundle.event(e).id);
    }
    out += "\nby theme\n";
    out += &ranked(by_theme.iter().copied().zip(bundle.themes.iter().map(|t| t.id.as_str())));
    out += "\nby project\n";
    out += &ranked(by_project.iter().copied().zip(bundle.projects.iter().map(|p| p.id.as_str())));
    out
}

fn ranked<'a>(counts: impl Iterator<Item = (usize, &'a str)>) -> String {
    let mut counts: Vec<_> = counts.filter(|(n, _)| *n > 0).collect();
    counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    counts.iter().map(|(n, id)| format!("  {n:>4}  {id}\n")).collect()
}
