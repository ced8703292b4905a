//! What each indexed field of a takeaway holds (see [`FIELDS`]): its title (both wordings and
//! the English title), theme names (zh and en), project names and aliases, body text, and its
//! article's title (and English title), authors and event.
//!
//! The title's, the body's and the article's index ship (see [`SHIPPED_FIELDS`]). The other
//! fields are made of a few texts that many takeaways share (a theme's, a project's), which the
//! bundle already holds, so the engine indexes them itself when it is built, with the same
//! tokenizer. The article's field is made the same way, by the build ([`shipped_article_field`]):
//! the articles' titles and authors are as many texts as there are articles, too many to
//! tokenize before the first search. It ships over the articles, and the engine gives each
//! article's postings to its takeaways ([`over_takeaways`]). Each theme, project and article is
//! tokenized once, not once per takeaway: their texts are joined with line breaks, which no term
//! or synonym spans, so a takeaway's terms are the union of its parts'.

use rustc_hash::FxHashMap;

use super::index::{decode, kept_length, FieldIndex, Groups, SearchIndex, FIELDS, SHIPPED_FIELDS};
use super::tokenize::{document_terms, Synonyms};
use crate::model::{
    Article, ArticleIx, ArticleTitle, Bundle, CompactIndex, Event, OutlinedBundle, Project, TakeawayTitle, Texts, Theme,
};

/// The field of a takeaway's article: its title, authors and event.
pub const ARTICLE_FIELD: &str = "article";

/// The field of a takeaway's body.
pub const BODY_FIELD: &str = "body";

/// The field of a takeaway's titles.
pub const TITLE_FIELD: &str = "title";

/// The fields made of texts many takeaways share: a theme's or project's names, an article's
/// title, authors and event. They are derived, by the engine or, where they ship, the build (see
/// the module's documentation).
pub const SHARED_FIELDS: [&str; 3] = ["themes", "projects", ARTICLE_FIELD];

/// The text of each of [`FIELDS`] for each takeaway, in bundle order, with its body's text from
/// `texts`: what elasticlunr-rs indexes at build time.
pub fn documents<'a>(bundle: &'a Bundle, texts: &'a Texts) -> impl Iterator<Item = [String; 5]> + 'a {
    bundle.takeaways.iter().zip(&bundle.titles).zip(&texts.bodies).map(|((t, titled), body)| {
        let themes = t.themes.iter().map(|&m| theme_text(bundle.theme(m)));
        let projects = t.projects.iter().map(|&p| project_text(bundle.project(p)));
        [
            title_text(titled),
            themes.collect::<Vec<_>>().join("\n"),
            projects.collect::<Vec<_>>().join("\n"),
            super::text::html_to_text(body.as_str()),
            article_text(bundle, t.article),
        ]
    })
}

/// The whole index: the derived fields, and the shipped ones from `shipped` (the article's over
/// the articles, as it ships), in [`FIELDS`] order.
pub fn search_index(bundle: &OutlinedBundle, shipped: &CompactIndex, synonyms: &Synonyms) -> SearchIndex {
    FieldsInSteps::new(bundle, shipped).finish(bundle, synonyms)
}

/// The whole index (see [`search_index`]) made a step at a time, so that the app can make each
/// in a task of its own: over thousands of takeaways, a derived field takes the main thread for
/// several frames, which its steps ([`Derived`]) share.
pub struct FieldsInSteps {
    docs: u32,
    /// The shipped fields not yet taken into `made`.
    shipped: Vec<FieldIndex>,
    /// The fields made, in [`FIELDS`] order.
    made: Vec<FieldIndex>,
    /// The derived field after `made`, between its steps.
    making: Option<Derived>,
}

impl FieldsInSteps {
    pub fn new(bundle: &OutlinedBundle, shipped: &CompactIndex) -> FieldsInSteps {
        let docs = bundle.takeaways.len() as u32;
        FieldsInSteps { docs, shipped: decode(shipped, docs).fields, made: Vec::new(), making: None }
    }

    /// Takes the next step of the derived field on its way, or takes the shipped fields up to the
    /// next derived one and its first step; whether any step is left.
    pub fn step(&mut self, bundle: &OutlinedBundle, synonyms: &Synonyms) -> bool {
        let derived = match self.making.take() {
            Some(making) => making.next(),
            None => match self.take_shipped() {
                Some(name) => Derived::start(bundle, name, synonyms),
                None => return false,
            },
        };
        match derived {
            Derived::Made(field) => self.made.push(field),
            making => self.making = Some(making),
        }
        self.made.len() < FIELDS.len()
    }

    /// Takes the shipped fields (an empty one for each that did not ship) up to the next derived
    /// field, and names it; none where no derived field is left.
    fn take_shipped(&mut self) -> Option<&'static str> {
        while let Some(&name) = FIELDS.get(self.made.len()) {
            let field = match self.shipped.iter().position(|f| f.name == name) {
                Some(at) => self.shipped.swap_remove(at),
                None if SHIPPED_FIELDS.contains(&name) => FieldIndex {
                    name: name.to_owned(),
                    starts: vec![0],
                    lengths: vec![0; self.docs as usize],
                    ..FieldIndex::default()
                },
                None => return Some(name),
            };
            self.made.push(field);
        }
        None
    }

    /// The index, the fields left made now.
    pub fn finish(mut self, bundle: &OutlinedBundle, synonyms: &Synonyms) -> SearchIndex {
        while self.step(bundle, synonyms) {}
        SearchIndex { docs: self.docs, fields: self.made }
    }
}

/// The article's field as it ships: its documents are the articles, each article's text made
/// as the engine makes a derived field's; the engine gives each its takeaways
/// ([`over_takeaways`]). An article's takeaways all hold its text, so the field ships once per
/// article, not once per takeaway.
pub fn shipped_article_field(bundle: &Bundle, synonyms: &Synonyms) -> FieldIndex {
    let articles = bundle.articles.iter().zip(&bundle.article_titles);
    let texts = articles.map(|(article, titled)| article_own_text(article, titled)).collect();
    let (terms, runs) = part_texts(bundle, texts, bundle.events.iter().map(event_text).collect(), synonyms);
    field_index(ARTICLE_FIELD, terms, FieldTexts::of_parts(runs, 0..bundle.articles.len()), false)
}

/// The article's field over the articles (see [`shipped_article_field`]) given to the takeaways,
/// `article_of` each takeaway's article (takeaways are grouped by article): each article's
/// postings are its first takeaway's, and its takeaways are a group (see [`Groups`]), so a query
/// scores an article's text once.
pub fn over_takeaways(articles: FieldIndex, article_of: &[u32]) -> FieldIndex {
    let mut first = Vec::new();
    let mut groups = Groups { starts: Vec::new(), docs: (0..article_of.len() as u32).collect() };
    for (doc, &article) in article_of.iter().enumerate() {
        if doc == 0 || article_of[doc - 1] != article {
            groups.starts.push(doc as u32);
            if first.len() <= article as usize {
                first.resize(article as usize + 1, None);
            }
            first[article as usize] = Some(doc as u32);
        }
    }
    groups.starts.push(article_of.len() as u32);
    let mut field = FieldIndex {
        lengths: article_of.iter().map(|&a| articles.lengths.get(a as usize).copied().unwrap_or(0)).collect(),
        postings: Vec::with_capacity(articles.postings.len()),
        starts: vec![0],
        groups: Some(groups),
        ..FieldIndex::default()
    };
    for term in 0..articles.terms.len() {
        let postings = articles.postings_of(term).iter();
        field.postings.extend(postings.filter_map(|&(a, count)| Some((first.get(a as usize).copied()??, count))));
        field.starts.push(field.postings.len() as u32);
    }
    FieldIndex { name: articles.name, terms: articles.terms, ..field }
}

/// One derived field (themes or projects, see [`SHARED_FIELDS`]) over every takeaway on its
/// way: this runs when the app's first search starts, a step a task.
enum Derived {
    /// Its documents' texts counted: each theme or project tokenized once, each takeaway's text
    /// its set's, each distinct set's counted once ([`FieldTexts::of_sets`]), not once per
    /// document holding it.
    Counted(CountedField),
    /// Its documents grouped by their text.
    Grouped(GroupedField),
    /// Its index.
    Made(FieldIndex),
}

impl Derived {
    /// The field `name`'s first step. Where most documents have a set of their own (a
    /// takeaway's projects, often), grouping would not pay and counting each set's text would
    /// cost as much as the postings: each term's postings are then its parts' documents merged
    /// ([`over_parts`]), the field made at once.
    fn start(bundle: &OutlinedBundle, name: &str, synonyms: &Synonyms) -> Derived {
        let texts = match name {
            "themes" => bundle.themes.iter().map(theme_text).collect(),
            _ => bundle.projects.iter().map(project_text).collect(),
        };
        let (terms, runs) = part_texts(bundle, texts, Vec::new(), synonyms);
        let takeaways = bundle.takeaways.iter();
        let sets = match name {
            "themes" => Sets::of(takeaways.map(|t| t.themes.as_slice()), |m| m.get()),
            _ => Sets::of(takeaways.map(|t| t.projects.as_slice()), |p| p.get()),
        };
        let (distinct, of_doc) = sets.numbered();
        match distinct.len() * 2 <= sets.len() {
            true => {
                let texts = FieldTexts::of_sets(&runs, &distinct, of_doc);
                Derived::Counted(CountedField { name: name.to_owned(), terms, texts })
            }
            false => Derived::Made(FieldIndex { name: name.to_owned(), ..over_parts(terms, &runs, &sets) }),
        }
    }

    /// Its next step; a field made stays made.
    fn next(self) -> Derived {
        match self {
            Derived::Counted(counted) => Derived::Grouped(counted.grouped(true)),
            Derived::Grouped(grouped) => Derived::Made(grouped.written()),
            made => made,
        }
    }
}

/// Each document's set of parts (a takeaway's themes or projects) by their numbers: document
/// `d`'s are `parts[starts[d]..starts[d + 1]]`. Made once from the bundle, so that what reads
/// the sets is compiled once, not once for themes and once for projects.
struct Sets {
    starts: Vec<u32>,
    parts: Vec<u32>,
}

impl Sets {
    fn of<'a, K: 'a>(sets: impl Iterator<Item = &'a [K]>, part: impl Fn(&K) -> usize) -> Sets {
        let mut of = Sets { starts: vec![0], parts: Vec::new() };
        for set in sets {
            of.parts.extend(set.iter().map(|k| part(k) as u32));
            of.starts.push(of.parts.len() as u32);
        }
        of
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn iter(&self) -> impl Iterator<Item = &[u32]> {
        self.starts.windows(2).map(|w| &self.parts[w[0] as usize..w[1] as usize])
    }

    /// The distinct sets, in the order they first come, and each document's number among them.
    fn numbered(&self) -> (Vec<&[u32]>, Vec<u32>) {
        let mut known: FxHashMap<&[u32], u32> = FxHashMap::default();
        let mut distinct = Vec::new();
        let of_doc = self
            .iter()
            .map(|set| {
                *known.entry(set).or_insert_with(|| {
                    distinct.push(set);
                    distinct.len() as u32 - 1
                })
            })
            .collect();
        (distinct, of_doc)
    }
}

/// A field (but its name) of the sorted `terms` whose documents' texts are their `sets` of parts
/// (those out of range of `runs`, each part's text, add nothing) counted together, ungrouped:
/// each term's postings are the documents of the parts holding it, merged in document order, the
/// counts of a document's parts summed. Equal to [`field_index`] over [`FieldTexts::of_sets`]
/// without grouping, without counting any document's text.
fn over_parts(terms: Vec<String>, runs: &[Vec<(u32, u32)>], sets: &Sets) -> FieldIndex {
    // The documents of each part, ascending (a part named twice by a document, twice).
    let mut part_docs = Groups { starts: vec![0; runs.len() + 1], docs: Vec::new() };
    let parts = || {
        let named = sets.iter().enumerate().flat_map(|(doc, set)| set.iter().map(move |&p| (doc, p as usize)));
        named.filter(|&(_, p)| p < runs.len())
    };
    parts().for_each(|(_, p)| part_docs.starts[p + 1] += 1);
    (0..runs.len()).for_each(|p| part_docs.starts[p + 1] += part_docs.starts[p]);
    part_docs.docs = vec![0; part_docs.starts[runs.len()] as usize];
    let mut next = part_docs.starts.clone();
    for (doc, p) in parts() {
        part_docs.docs[next[p] as usize] = doc as u32;
        next[p] += 1;
    }
    let docs_of = |p: usize| &part_docs.docs[part_docs.starts[p] as usize..part_docs.starts[p + 1] as usize];
    // The parts holding each term, with its count in each.
    let mut holders: Vec<Vec<(usize, u32)>> = vec![Vec::new(); terms.len()];
    for (p, run) in runs.iter().enumerate() {
        run.iter().for_each(|&(term, count)| holders[term as usize].push((p, count)));
    }
    let mut field = FieldIndex { terms, starts: vec![0], ..FieldIndex::default() };
    // A term several parts hold: its count per document, and the documents counted.
    let (mut counts, mut counted) = (vec![0u32; sets.len()], Vec::new());
    for of_term in &holders {
        match of_term.as_slice() {
            [] => {}
            &[(p, count)] if docs_of(p).windows(2).all(|pair| pair[0] < pair[1]) => {
                field.postings.extend(docs_of(p).iter().map(|&doc| (doc, count)));
            }
            several => {
                for &(p, count) in several {
                    for &doc in docs_of(p) {
                        if counts[doc as usize] == 0 {
                            counted.push(doc);
                        }
                        counts[doc as usize] += count;
                    }
                }
                // In document order: a sort of those counted, or where they are many, a pass
                // over every document.
                if counted.len() * 16 < sets.len() {
                    counted.sort_unstable();
                } else {
                    counted = (0..sets.len() as u32).filter(|&doc| counts[doc as usize] > 0).collect();
                }
                for doc in counted.drain(..) {
                    field.postings.push((doc, std::mem::take(&mut counts[doc as usize])));
                }
            }
        }
        field.starts.push(field.postings.len() as u32);
    }
    let run_lengths: Vec<u32> = runs.iter().map(|run| length(run)).collect();
    field.lengths = vec![0; sets.len()];
    parts().for_each(|(doc, p)| field.lengths[doc] += run_lengths[p]);
    field.lengths.iter_mut().for_each(|length| *length = kept_length(*length));
    field
}

/// The terms of a shared field, sorted, and the text of each of its `parts` (each theme, project
/// or article), with where they are articles their events' (`events`, by event), as (term, count)
/// pairs, ascending. Each part is tokenized once, an article's event once for all its articles;
/// each distinct term is numbered once, as it first comes, then by its place in order, so the
/// terms alone are sorted, not every posting.
fn part_texts(
    bundle: &OutlinedBundle,
    parts: Vec<String>,
    events: Vec<String>,
    synonyms: &Synonyms,
) -> (Vec<String>, Vec<Vec<(u32, u32)>>) {
    let terms = |text: &String| document_terms(text, synonyms);
    let (parts, events): (Vec<Vec<String>>, Vec<Vec<String>>) =
        (parts.iter().map(terms).collect(), events.iter().map(terms).collect());
    let mut numbering = Numbering::default();
    let events: Vec<Vec<u32>> = events.iter().map(|terms| numbering.of(terms)).collect();
    let parts: Vec<Vec<u32>> = parts.iter().map(|terms| numbering.of(terms)).collect();
    let distinct = numbering.terms;
    let mut sorted: Vec<usize> = (0..distinct.len()).collect();
    crate::model::order::sort_by(&mut sorted, |&a, &b| distinct[a].cmp(distinct[b]));
    let mut place = vec![0u32; distinct.len()];
    sorted.iter().enumerate().for_each(|(at, &n)| place[n] = at as u32);
    // Each part's terms by place, each once with its count; an article's with its event's.
    let mut tally = Tally::default();
    let runs = parts
        .iter()
        .enumerate()
        .map(|(at, numbers)| {
            let event = bundle.articles.get(at).and_then(|a| a.event).and_then(|e| events.get(e.get()));
            let numbers = numbers.iter().chain(event.into_iter().flatten());
            tally.counted(numbers.map(|&n| (place[n as usize], 1)))
        })
        .collect();
    (sorted.into_iter().map(|n| distinct[n].to_owned()).collect(), runs)
}

/// The index of a shared field named `name` of the sorted `terms` whose documents' texts are
/// `texts`, its documents grouped by their text where `grouped` asks for it and it pays (see
/// [`grouping`]).
fn field_index(name: &str, terms: Vec<String>, texts: FieldTexts, grouped: bool) -> FieldIndex {
    CountedField { name: name.to_owned(), terms, texts }.grouped(grouped).written()
}

/// A shared field's sorted terms and its documents' texts: the first of its index's steps.
struct CountedField {
    name: String,
    terms: Vec<String>,
    texts: FieldTexts,
}

impl CountedField {
    /// The second step: its documents grouped by their text where `grouped` asks for it and it
    /// pays (see [`grouping`]), and each text's length.
    fn grouped(self, grouped: bool) -> GroupedField {
        let text_lengths: Vec<u32> = self.texts.terms.iter().map(|of_text| kept_length(length(of_text))).collect();
        let groups = grouped.then(|| grouping(&self.texts, &self.texts.holders(), &text_lengths)).flatten();
        GroupedField { counted: self, text_lengths, groups }
    }
}

/// A shared field's documents grouped, or not (see [`CountedField::grouped`]).
struct GroupedField {
    counted: CountedField,
    text_lengths: Vec<u32>,
    groups: Option<Groups>,
}

impl GroupedField {
    /// The last step: the field's index. The postings are counted, then written in place, term
    /// after term, each term's in document order, with no list per term.
    fn written(self) -> FieldIndex {
        let GroupedField { counted: CountedField { name, terms, texts }, text_lengths, groups } = self;
        let (starts, postings) = postings(&texts, groups.as_ref(), terms.len());
        let lengths = texts.of_doc.iter().map(|&text| text_lengths[text as usize]).collect();
        FieldIndex { name, terms, postings, starts, lengths, groups }
    }
}

/// The postings of a derived field of `terms` terms whose documents' texts are `texts`, and
/// where each term's start: where the field groups them (`groups`), of each group's first
/// document only, the others holding the same. Counted, then written in place, the documents
/// in order, so each term's postings are in document order.
fn postings(texts: &FieldTexts, groups: Option<&Groups>, terms: usize) -> (Vec<u32>, Vec<(u32, u32)>) {
    let written: Vec<bool> = match groups {
        Some(groups) => {
            let mut first = vec![false; texts.of_doc.len()];
            let firsts = groups.starts.iter().filter_map(|&start| groups.docs.get(start as usize));
            firsts.for_each(|&doc| first[doc as usize] = true);
            first
        }
        None => vec![true; texts.of_doc.len()],
    };
    let docs = || texts.of_doc.iter().enumerate().filter(|&(doc, _)| written[doc]);
    // How many postings each term has: each text's terms, once per written document holding it.
    let mut writers = vec![0u32; texts.terms.len()];
    docs().for_each(|(_, &text)| writers[text as usize] += 1);
    let mut sizes = vec![0u32; terms];
    for (of_text, &writers) in texts.terms.iter().zip(&writers) {
        of_text.iter().for_each(|&(term, _)| sizes[term as usize] += writers);
    }
    let ends = sizes.iter().scan(0, |end, &size| {
        *end += size;
        Some(*end)
    });
    let starts: Vec<u32> = std::iter::once(0).chain(ends).collect();
    let mut next = starts.clone();
    let mut postings = vec![(0, 0); *starts.last().unwrap_or(&0) as usize];
    for (doc, &text) in docs() {
        for &(term, count) in &texts.terms[text as usize] {
            postings[next[term as usize] as usize] = (doc as u32, count);
            next[term as usize] += 1;
        }
    }
    (starts, postings)
}

/// The number of terms of a text, its (term, count) pairs.
fn length(text: &[(u32, u32)]) -> u32 {
    text.iter().map(|&(_, count)| count).sum()
}

/// Terms numbered in the order they first come, each distinct term once.
#[derive(Default)]
struct Numbering<'a> {
    numbers: FxHashMap<&'a str, u32>,
    terms: Vec<&'a str>,
}

impl<'a> Numbering<'a> {
    fn of(&mut self, terms: &'a [String]) -> Vec<u32> {
        let Numbering { numbers, terms: numbered } = self;
        let number = |term: &'a String| {
            *numbers.entry(term.as_str()).or_insert_with(|| {
                numbered.push(term);
                numbered.len() as u32 - 1
            })
        };
        terms.iter().map(number).collect()
    }
}

/// The distinct texts of a derived field's documents, as the (term, count) pairs of their terms,
/// ascending, and each document's text.
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

    /// Each document's text its set's parts counted together (its themes' or projects'), once for
    /// each of the `distinct` sets, `of_doc` numbering each document's among them (see
    /// [`Sets::numbered`]); parts out of range add nothing.
    fn of_sets(runs: &[Vec<(u32, u32)>], distinct: &[&[u32]], of_doc: Vec<u32>) -> FieldTexts {
        let mut tally = Tally::default();
        let counted = |set: &&[u32]| tally.counted(set.iter().filter_map(|&p| runs.get(p as usize)).flatten().copied());
        let terms = distinct.iter().map(counted).collect();
        FieldTexts { terms, of_doc }
    }

    /// How many documents hold each text.
    fn holders(&self) -> Vec<u32> {
        let mut holders = vec![0u32; self.terms.len()];
        self.of_doc.iter().for_each(|&text| holders[text as usize] += 1);
        holders
    }
}

/// A derived field's documents grouped by their text (`texts`, each held by `holders` documents
/// and `lengths` terms long): none where there would be more than half as many groups as
/// documents, which would save little.
fn grouping(texts: &FieldTexts, holders: &[u32], lengths: &[u32]) -> Option<Groups> {
    let docs = texts.of_doc.len();
    if docs == 0 {
        return None;
    }
    // Texts alike (two sets of themes may give the same terms) are one group; a text no
    // document holds (a part no takeaway names) is none.
    let mut known: FxHashMap<&[(u32, u32)], usize> = FxHashMap::default();
    let mut alike: Vec<usize> = Vec::new();
    let mut group_of: Vec<usize> = Vec::with_capacity(texts.terms.len());
    for (text, (terms, &holders)) in texts.terms.iter().zip(holders).enumerate() {
        group_of.push(match holders {
            0 => usize::MAX,
            _ => *known.entry(terms).or_insert_with(|| {
                alike.push(text);
                alike.len() - 1
            }),
        });
        if alike.len() * 2 > docs {
            return None;
        }
    }
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); alike.len()];
    for (doc, &text) in texts.of_doc.iter().enumerate() {
        members[group_of[text as usize]].push(doc as u32);
    }
    // By length, then terms in the field's order (their numbers').
    let key = |group: usize| (lengths[alike[group]], texts.terms[alike[group]].as_slice());
    let mut order: Vec<usize> = (0..alike.len()).collect();
    crate::model::order::sort_by(&mut order, |&a, &b| key(a).cmp(&key(b)));
    let mut groups = Groups { starts: vec![0], docs: Vec::with_capacity(docs) };
    for group in order {
        groups.docs.extend_from_slice(&members[group]);
        groups.starts.push(groups.docs.len() as u32);
    }
    Some(groups)
}

/// Counts (number, count) pairs, where counts are at least 1, into one pair per number,
/// ascending, with its counts summed: a part's terms counted, or several parts' counted terms as
/// one part's. A count per number kept between calls, so a call costs what its pairs cost.
#[derive(Default)]
struct Tally {
    /// Per number, its count so far: 0 between calls.
    counts: Vec<u32>,
    /// The numbers counted so far.
    numbers: Vec<u32>,
}

impl Tally {
    fn counted(&mut self, pairs: impl Iterator<Item = (u32, u32)>) -> Vec<(u32, u32)> {
        for (n, count) in pairs {
            if self.counts.len() <= n as usize {
                self.counts.resize(n as usize + 1, 0);
            }
            if self.counts[n as usize] == 0 {
                self.numbers.push(n);
            }
            self.counts[n as usize] += count;
        }
        self.numbers.sort_unstable();
        let counts = &mut self.counts;
        self.numbers.drain(..).map(|n| (n, std::mem::take(&mut counts[n as usize]))).collect()
    }
}

fn title_text(t: &TakeawayTitle) -> String {
    let titles = [Some(t.title.as_str()), t.alt_title.as_deref(), t.title_en.as_deref()];
    titles.into_iter().flatten().collect::<Vec<_>>().join("\n")
}

/// The terms of the fields the engine makes itself (see the module's documentation): its
/// themes' and projects' names.
pub fn derived_terms(bundle: &OutlinedBundle) -> Vec<String> {
    let synonyms = Synonyms::new(&bundle.synonyms);
    let texts = bundle.themes.iter().map(theme_text).chain(bundle.projects.iter().map(project_text));
    let mut terms: Vec<String> = texts.flat_map(|text| document_terms(&text, &synonyms)).collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

fn theme_text(theme: &Theme) -> String {
    format!("{}\n{}", theme.name.zh, theme.name.en)
}

fn project_text(project: &Project) -> String {
    std::iter::once(&project.name).chain(&project.aliases).cloned().collect::<Vec<_>>().join("\n")
}

fn article_text(bundle: &Bundle, at: ArticleIx) -> String {
    let article = bundle.article(at);
    let about = [Some(article_own_text(article, bundle.article_title(at))), bundle.event_of(article).map(event_text)];
    about.into_iter().flatten().collect::<Vec<_>>().join("\n")
}

/// An article's title, English title and authors.
fn article_own_text(article: &Article, titled: &ArticleTitle) -> String {
    let about = [Some(titled.title.clone()), titled.title_en.clone(), Some(article.authors.join("\n"))];
    about.into_iter().flatten().collect::<Vec<_>>().join("\n")
}

fn event_text(event: &Event) -> String {
    format!("{}\n{}\n{}\n{}", event.name.zh, event.name.en, event.city.zh, event.city.en)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Merging the parts' documents gives the field that counting each document's text gives,
    /// with a part named twice by a document and one out of range.
    #[test]
    fn a_field_over_parts_is_the_field_over_its_documents_texts() {
        let runs = vec![vec![(0, 1), (2, 2)], vec![(1, 1), (2, 1)], vec![(3, 4)]];
        let terms: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        // A term two parts hold is merged by a pass over every document, or where few hold it
        // (the second), by a sort.
        let many: Vec<&[usize]> = vec![&[0], &[1, 0], &[2], &[], &[1, 1], &[0, 7], &[2, 1, 0]];
        let few: Vec<&[usize]> = [&[][..]; 40].into_iter().chain([&[1, 0][..], &[2], &[0]]).collect();
        for sets in [many, few] {
            let sets = Sets::of(sets.into_iter(), |&p| p);
            let (distinct, of_doc) = sets.numbered();
            let texts = FieldTexts::of_sets(&runs, &distinct, of_doc);
            let expected = field_index("projects", terms.clone(), texts, false);
            let ours = FieldIndex { name: "projects".to_owned(), ..over_parts(terms.clone(), &runs, &sets) };
            assert_eq!(ours, expected);
        }
    }
}
