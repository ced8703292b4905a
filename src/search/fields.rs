//! What each indexed field of a takeaway holds (see [`FIELDS`]): its title (both wordings and
//! the English title), theme names (zh and en), project names and aliases, body text, and its
//! article's title (and English title), authors and event.
//!
//! The title's and the body's index ship (see [`SHIPPED_FIELDS`]). The other fields are made of
//! a few texts that many takeaways share (a theme's, a project's, an article's), which the bundle
//! already holds, so the engine indexes them itself when it is built, with the same tokenizer.
//! Each theme, project and article is tokenized once, not once per takeaway: their texts are
//! joined with line breaks, which no term or synonym spans, so a takeaway's terms are the union
//! of its parts'.

use std::collections::HashMap;

use super::index::{decode, FieldIndex, SearchIndex, FIELDS, SHIPPED_FIELDS};
use super::tokenize::{document_terms, Synonyms};
use crate::model::{Article, Bundle, CompactIndex, Project, Takeaway, Texts, Theme};

/// The field of a takeaway's article: its title, authors and event.
pub const ARTICLE_FIELD: &str = "article";

/// The field of a takeaway's body.
pub const BODY_FIELD: &str = "body";

/// The fields made of texts many takeaways share: a theme's or project's names, an article's
/// title, authors and event. The engine derives them (see the module's documentation).
pub const SHARED_FIELDS: [&str; 3] = ["themes", "projects", ARTICLE_FIELD];

/// The text of each of [`FIELDS`] for each takeaway, in bundle order, with its body's text from
/// `texts`: what elasticlunr-rs indexes at build time.
pub fn documents<'a>(bundle: &'a Bundle, texts: &'a Texts) -> impl Iterator<Item = [String; 5]> + 'a {
    bundle.takeaways.iter().zip(&texts.bodies).map(|(t, body)| {
        let themes = t.themes.iter().map(|&m| theme_text(bundle.theme(m)));
        let projects = t.projects.iter().map(|&p| project_text(bundle.project(p)));
        [
            title_text(t),
            themes.collect::<Vec<_>>().join("\n"),
            projects.collect::<Vec<_>>().join("\n"),
            super::text::html_to_text(body.as_str()),
            article_text(bundle, bundle.article_of(t)),
        ]
    })
}

/// The whole index: the derived fields, and the shipped ones from `shipped`, in [`FIELDS`] order.
pub fn search_index(bundle: &Bundle, shipped: &CompactIndex, synonyms: &Synonyms) -> SearchIndex {
    let docs = bundle.takeaways.len() as u32;
    let mut shipped = decode(shipped, docs).fields;
    let fields = FIELDS
        .iter()
        .map(|&name| match shipped.iter().position(|f| f.name == name) {
            Some(at) => shipped.swap_remove(at),
            None if SHIPPED_FIELDS.contains(&name) => FieldIndex {
                name: name.to_owned(),
                starts: vec![0],
                lengths: vec![0; docs as usize],
                ..FieldIndex::default()
            },
            None => derived_field(bundle, name, synonyms),
        })
        .collect();
    SearchIndex { docs, fields }
}

/// The index of one derived field (one of [`SHARED_FIELDS`]) over every takeaway. Each distinct term is numbered once and
/// collects its postings in document order, so the terms alone are sorted, not every posting:
/// this runs when the app's first search starts.
fn derived_field(bundle: &Bundle, name: &str, synonyms: &Synonyms) -> FieldIndex {
    let terms = |text: String| document_terms(&text, synonyms);
    // The terms of each theme, project or article, for the takeaways to pick theirs from.
    let parts: Vec<Vec<String>> = match name {
        "themes" => bundle.themes.iter().map(|t| terms(theme_text(t))).collect(),
        "projects" => bundle.projects.iter().map(|p| terms(project_text(p))).collect(),
        _ => bundle.articles.iter().map(|a| terms(article_text(bundle, a))).collect(),
    };
    // Each part's terms as the numbers of the distinct terms, each number once with its count.
    let mut numbers: HashMap<String, u32> = HashMap::new();
    let mut distinct: Vec<&str> = Vec::new();
    let mut runs: Vec<Vec<(u32, u32)>> = Vec::with_capacity(parts.len());
    for part in &parts {
        let mut of_part: Vec<u32> = Vec::with_capacity(part.len());
        for term in part {
            of_part.push(match numbers.get(term.as_str()) {
                Some(&n) => n,
                None => {
                    numbers.insert(term.clone(), distinct.len() as u32);
                    distinct.push(term);
                    distinct.len() as u32 - 1
                }
            });
        }
        runs.push(counted(of_part.into_iter().map(|n| (n, 1))));
    }
    // Per distinct term: (document, count), in document order.
    let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); distinct.len()];
    let mut lengths = Vec::with_capacity(bundle.takeaways.len());
    for (doc, t) in bundle.takeaways.iter().enumerate() {
        // A damaged bundle's numbers out of range add nothing, rather than panicking.
        let merged;
        let of_doc: &[(u32, u32)] = match name {
            "themes" => {
                merged = counted(t.themes.iter().filter_map(|&m| runs.get(m.get())).flatten().copied());
                &merged
            }
            "projects" => {
                merged = counted(t.projects.iter().filter_map(|p| runs.get(p.get())).flatten().copied());
                &merged
            }
            _ => runs.get(t.article.get()).map_or(&[], Vec::as_slice),
        };
        lengths.push(of_doc.iter().map(|&(_, count)| count).sum());
        for &(n, count) in of_doc {
            postings[n as usize].push((doc as u32, count));
        }
    }
    let mut sorted: Vec<usize> = (0..distinct.len()).collect();
    crate::model::order::sort_by(&mut sorted, |&a, &b| distinct[a].cmp(distinct[b]));
    let mut field = FieldIndex { name: name.to_owned(), lengths, starts: vec![0], ..FieldIndex::default() };
    for n in sorted {
        field.terms.push(distinct[n].to_owned());
        field.postings.extend_from_slice(&postings[n]);
        field.starts.push(field.postings.len() as u32);
    }
    field
}

/// Each number of the (number, count) pairs `counts` once, ascending, with its counts summed: a
/// part's terms counted, or several parts' counted terms as one part's.
fn counted(counts: impl Iterator<Item = (u32, u32)>) -> Vec<(u32, u32)> {
    let mut counts: Vec<(u32, u32)> = counts.collect();
    crate::model::order::sort_by(&mut counts, |a, b| a.0.cmp(&b.0));
    counts.chunk_by(|a, b| a.0 == b.0).map(|run| (run[0].0, run.iter().map(|&(_, count)| count).sum())).collect()
}

fn title_text(t: &Takeaway) -> String {
    let titles = [Some(t.title.as_str()), t.alt_title.as_deref(), t.title_en.as_deref()];
    titles.into_iter().flatten().collect::<Vec<_>>().join("\n")
}

fn theme_text(theme: &Theme) -> String {
    format!("{}\n{}", theme.name.zh, theme.name.en)
}

fn project_text(project: &Project) -> String {
    std::iter::once(&project.name).chain(&project.aliases).cloned().collect::<Vec<_>>().join("\n")
}

fn article_text(bundle: &Bundle, article: &Article) -> String {
    let event = bundle.event_of(article).map(|e| format!("{}\n{}\n{}\n{}", e.name.zh, e.name.en, e.city.zh, e.city.en));
    let about = [Some(article.title.clone()), article.title_en.clone(), Some(article.authors.join("\n")), event];
    let about = about.into_iter().flatten();
    about.collect::<Vec<_>>().join("\n")
}
