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
use std::hash::Hash;

use super::index::{decode, FieldIndex, Groups, SearchIndex, FIELDS, SHIPPED_FIELDS};
use super::tokenize::{document_terms, Synonyms};
use crate::model::{Article, Bundle, CompactIndex, Event, Project, Takeaway, Texts, Theme};

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

/// The index of one derived field (one of [`SHARED_FIELDS`]) over every takeaway: this runs when
/// the app's first search starts. Each distinct term is numbered once, so the terms alone are
/// sorted, not every posting; an event's names are tokenized once, not once per article; each
/// distinct text (an article's, a set of themes' or projects') is counted once, not once per
/// takeaway that holds it; and the postings are counted, then written in place, term after
/// term, each term's in document order, with no list per term.
fn derived_field(bundle: &Bundle, name: &str, synonyms: &Synonyms) -> FieldIndex {
    let terms = |text: String| document_terms(&text, synonyms);
    // The terms of each theme, project or article, for the takeaways to pick theirs from.
    let parts: Vec<Vec<String>> = match name {
        "themes" => bundle.themes.iter().map(|t| terms(theme_text(t))).collect(),
        "projects" => bundle.projects.iter().map(|p| terms(project_text(p))).collect(),
        _ => {
            let events: Vec<Vec<String>> = bundle.events.iter().map(|e| terms(event_text(e))).collect();
            let event = |a: &Article| a.event.and_then(|e| events.get(e.get())).into_iter().flatten().cloned();
            bundle.articles.iter().map(|a| terms(article_own_text(a)).into_iter().chain(event(a)).collect()).collect()
        }
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
    // Each takeaway's text: its article's, or its themes' or projects' counted together.
    let texts = match name {
        "themes" => FieldTexts::of_sets(&runs, bundle.takeaways.iter().map(|t| t.themes.as_slice()), |m| m.get()),
        "projects" => FieldTexts::of_sets(&runs, bundle.takeaways.iter().map(|t| t.projects.as_slice()), |p| p.get()),
        _ => FieldTexts::of_parts(runs, bundle.takeaways.iter().map(|t| t.article.get())),
    };
    let docs = || texts.of_doc.iter().map(|&text| texts.terms[text as usize].as_slice());
    // How many postings each term has (each text's terms, once per document holding it), then
    // where each term's start, terms in order.
    let mut holders = vec![0u32; texts.terms.len()];
    texts.of_doc.iter().for_each(|&text| holders[text as usize] += 1);
    let mut sizes = vec![0u32; distinct.len()];
    for (of_text, &holders) in texts.terms.iter().zip(&holders) {
        of_text.iter().for_each(|&(n, _)| sizes[n as usize] += holders);
    }
    let lengths = docs().map(|of_doc| of_doc.iter().map(|&(_, count)| count).sum()).collect();
    let mut sorted: Vec<usize> = (0..distinct.len()).collect();
    crate::model::order::sort_by(&mut sorted, |&a, &b| distinct[a].cmp(distinct[b]));
    let mut field = FieldIndex { name: name.to_owned(), lengths, starts: vec![0], ..FieldIndex::default() };
    let (mut next, mut rank) = (vec![0u32; distinct.len()], vec![0u32; distinct.len()]);
    for (at, n) in sorted.into_iter().enumerate() {
        rank[n] = at as u32;
        next[n] = *field.starts.last().unwrap_or(&0);
        field.terms.push(distinct[n].to_owned());
        field.starts.push(next[n] + sizes[n]);
    }
    // The takeaways in order, so each term's postings are in document order.
    field.postings = vec![(0, 0); *field.starts.last().unwrap_or(&0) as usize];
    for (doc, of_doc) in docs().enumerate() {
        for &(n, count) in of_doc {
            field.postings[next[n as usize] as usize] = (doc as u32, count);
            next[n as usize] += 1;
        }
    }
    field.groups = grouping(&texts, &rank);
    field
}

/// The distinct texts of a derived field's documents, as the (number, count) pairs of their
/// terms, and each document's text.
struct FieldTexts {
    terms: Vec<Vec<(u32, u32)>>,
    of_doc: Vec<u32>,
}

impl FieldTexts {
    /// Each document's text that of the part its number in `parts` names (its article's): a
    /// number out of range, in a damaged bundle, names an empty text rather than panicking.
    fn of_parts(mut runs: Vec<Vec<(u32, u32)>>, parts: impl Iterator<Item = usize>) -> FieldTexts {
        let empty = runs.len();
        let of_doc = parts.map(|n| n.min(empty) as u32).collect();
        runs.push(Vec::new());
        FieldTexts { terms: runs, of_doc }
    }

    /// Each document's text its set's parts counted together (its themes' or projects', `part`
    /// numbering them), once for each distinct set; numbers out of range add nothing.
    fn of_sets<'a, K: Hash + Eq + 'a>(
        runs: &[Vec<(u32, u32)>],
        sets: impl Iterator<Item = &'a [K]>,
        part: impl Fn(&K) -> usize,
    ) -> FieldTexts {
        let mut known: HashMap<&[K], u32> = HashMap::new();
        let mut terms = Vec::new();
        let of_doc = sets
            .map(|set| {
                *known.entry(set).or_insert_with(|| {
                    terms.push(counted(set.iter().filter_map(|k| runs.get(part(k))).flatten().copied()));
                    terms.len() as u32 - 1
                })
            })
            .collect();
        FieldTexts { terms, of_doc }
    }
}

/// A derived field's documents grouped by their text (the numbers of its terms ordered as
/// `rank` orders the field's terms): none where there would be more than half as many groups
/// as documents, which would save little. Each distinct text is ordered once, not once per
/// document that holds it.
fn grouping(texts: &FieldTexts, rank: &[u32]) -> Option<Groups> {
    let docs = texts.of_doc.len();
    // Texts alike (two sets of themes may give the same terms) are one group; a text no
    // document holds (a part no takeaway names) is none.
    let mut holders = vec![0usize; texts.terms.len()];
    texts.of_doc.iter().for_each(|&text| holders[text as usize] += 1);
    let mut known: HashMap<&[(u32, u32)], usize> = HashMap::new();
    let mut alike: Vec<&[(u32, u32)]> = Vec::new();
    let group_of: Vec<usize> = texts
        .terms
        .iter()
        .zip(&holders)
        .map(|(terms, &holders)| match holders {
            0 => usize::MAX,
            _ => *known.entry(terms).or_insert_with(|| {
                alike.push(terms);
                alike.len() - 1
            }),
        })
        .collect();
    if docs == 0 || alike.len() * 2 > docs {
        return None;
    }
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); alike.len()];
    for (doc, &text) in texts.of_doc.iter().enumerate() {
        members[group_of[text as usize]].push(doc as u32);
    }
    // By length, then terms in the field's order.
    let ranked: Vec<(u32, Vec<(u32, u32)>)> = alike
        .iter()
        .map(|of_text| {
            let length = of_text.iter().map(|&(_, count)| count).sum();
            let mut terms: Vec<(u32, u32)> = of_text.iter().map(|&(n, count)| (rank[n as usize], count)).collect();
            crate::model::order::sort_by(&mut terms, Ord::cmp);
            (length, terms)
        })
        .collect();
    let mut order: Vec<usize> = (0..alike.len()).collect();
    crate::model::order::sort_by(&mut order, |&a, &b| ranked[a].cmp(&ranked[b]));
    let mut groups = Groups { starts: vec![0], docs: Vec::with_capacity(docs) };
    for group in order {
        groups.docs.extend_from_slice(&members[group]);
        groups.starts.push(groups.docs.len() as u32);
    }
    Some(groups)
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
    let about = [Some(article_own_text(article)), bundle.event_of(article).map(event_text)];
    about.into_iter().flatten().collect::<Vec<_>>().join("\n")
}

/// An article's title, English title and authors.
fn article_own_text(article: &Article) -> String {
    let about = [Some(article.title.clone()), article.title_en.clone(), Some(article.authors.join("\n"))];
    about.into_iter().flatten().collect::<Vec<_>>().join("\n")
}

fn event_text(event: &Event) -> String {
    format!("{}\n{}\n{}\n{}", event.name.zh, event.name.en, event.city.zh, event.city.en)
}
