//! The query engine: elasticlunr.js 0.9.5 scoring ported to Rust ([`Engine::score`], rank-
//! identical to it, for the parity tests), and the search people use ([`Engine::search`]): a
//! misspelt word read as its correction, the same scores with a bonus for the query as a
//! phrase, the takeaways that match the query ahead of those it only reaches, and highlighted
//! titles and snippets.
//!
//! elasticlunr's score of a document for one query term in one field is
//! `√count × (1 + ln(N / (df + 1))) × 1/√(field length)`, times `0.15 × (1 − extra / length)`
//! for terms reached by prefix expansion; the terms' scores are summed (OR) or intersected
//! (AND), multiplied by the share of query terms the document has, then by the field's boost,
//! and summed over fields.
//!
//! Split by what each part does: [`scoring`] (the fields' postings and elasticlunr's sums, with
//! the query's terms each takeaway holds), [`matching`] (which takeaways match: what the list
//! counts), [`spelling`] (misspelt words read as the closest ones the index holds), [`top`] (the
//! best few, matches first, with the phrase bonus), [`phrase`] (looking for the query as written)
//! and [`snippets`] (highlights and the text around a match).

mod matching;
mod phrase;
mod scoring;
mod snippets;
pub mod spelling;
mod top;

pub use top::PHRASE_WINDOW;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError, RwLock};

use serde::{Deserialize, Serialize};

use super::fields::{self, ARTICLE_FIELD};
use super::index::{FieldIndex, SearchIndex};
use super::pieces::Piece;
use super::text::html_to_text;
use super::tokenize::{query_words, Synonyms};
use crate::model::IndexWords;
use matching::Authors;
use phrase::{Pairs, BODY_WORDS, TITLE_WORDS};
use scoring::{Field, Scratch};
use spelling::Lexicon;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Bool {
    Or,
    And,
}

/// How one field takes part in a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldConfig {
    pub field: String,
    pub boost: f64,
    pub bool: Bool,
    /// Whether a query term also matches the terms it is a prefix of.
    pub expand: bool,
}

/// The fields a query searches, in order, and whether misspelt words are corrected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Config {
    pub fields: Vec<FieldConfig>,
    /// Whether [`Engine::rank`] and [`Engine::search`] read a Latin word that no field holds as
    /// the closest one that some field does (see [`spelling`]); [`Engine::score`] never does.
    #[serde(default)]
    pub correct_typos: bool,
}

impl Default for Config {
    /// Title above theme and project names, above the body, above the article's title, authors
    /// and event; any term (OR); prefixes expand, so results come while a word is being typed;
    /// misspelt words are corrected.
    fn default() -> Self {
        let field = |field: &str, boost| FieldConfig { field: field.into(), boost, bool: Bool::Or, expand: true };
        Config {
            fields: vec![
                field("title", 3.0),
                field("themes", 2.0),
                field("projects", 2.0),
                field("body", 1.0),
                field("article", 0.5),
            ],
            correct_typos: true,
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The takeaway's number in the bundle.
    pub doc: usize,
    pub score: f64,
    /// Byte ranges of matches in the title, and in its English title.
    pub title_matches: Vec<Range<usize>>,
    pub title_en_matches: Vec<Range<usize>>,
    /// Text around the best match in the body (or its start), and the matches in it.
    pub snippet: String,
    pub snippet_matches: Vec<Range<usize>>,
}

pub struct Engine {
    /// In [`FIELDS`](super::index::FIELDS) order. The shipped ones grow as the pieces of an index
    /// in pieces arrive (see [`Engine::add_piece`]).
    fields: RwLock<Vec<Arc<Field>>>,
    /// Whether the shipped fields' index comes in pieces: then only the pieces a query needs are
    /// here, and their words for correcting misspelt ones come apart, by initial
    /// ([`Engine::add_words`]).
    in_pieces: bool,
    /// The first initial of each file of the shipped fields' Latin words, where their index comes
    /// in pieces (see [`SearchHead::initials`](crate::model::SearchHead::initials)).
    initials: Vec<char>,
    /// The shipped fields' Latin words with their postings, by file, those that have come.
    shipped_words: RwLock<Vec<Option<Words>>>,
    /// The [`infixes`](crate::model::SearchShard::infixes) of each piece that has arrived, where
    /// the index comes in pieces.
    infixes: RwLock<Vec<Vec<String>>>,
    synonyms: Synonyms,
    /// Per document, its titles once they have arrived (see [`Engine::add_title`]).
    titles: Vec<OnceLock<TitleText>>,
    /// Per document, its body's text once it has arrived (see [`Engine::add_body`]).
    bodies: Vec<OnceLock<BodyText>>,
    /// A query's working memory, kept between queries: a query allocates next to nothing.
    scratch: Mutex<Scratch>,
    /// The index's Latin words of each initial a correction needed, for correcting misspelt ones:
    /// each made at the first that needs it. Vectors, not maps, which cost the wasm more.
    lexicons: Mutex<Vec<(char, Arc<Lexicon>)>>,
    authors: Authors,
}

/// Latin words, each with its number of postings.
type Words = Vec<(String, usize)>;

/// What phrase bonus and highlights look at in a takeaway's titles.
struct TitleText {
    title: String,
    /// Empty where it has none.
    title_en: String,
    /// Folded, with variants spelled canonically, for phrase matching, and its pairs of
    /// characters: made the first time a query looks.
    phrase: OnceLock<(String, Pairs<TITLE_WORDS>)>,
}

/// What phrase bonus and snippets look at in a body.
struct BodyText {
    text: String,
    phrase: String,
    pairs: Pairs<BODY_WORDS>,
}

/// `index`, or where it is the article's field, which ships over the articles, that field given
/// to the takeaways (see [`fields::over_takeaways`]).
fn for_takeaways(index: FieldIndex, authors: &Authors) -> FieldIndex {
    match index.name == ARTICLE_FIELD {
        true => fields::over_takeaways(index, authors.article_of()),
        false => index,
    }
}

/// An engine being assembled from its index a field at a time, so that the app can take a task
/// for each step: over thousands of takeaways, a derived field's weights take the main thread
/// for a frame or more.
pub struct Assembly {
    /// The fields' indexes still to weigh, in [`FIELDS`](super::index::FIELDS) order.
    left: std::iter::Peekable<std::vec::IntoIter<FieldIndex>>,
    fields: Vec<Arc<Field>>,
    docs: usize,
    synonyms: Synonyms,
    authors: Authors,
    in_pieces: Option<Vec<char>>,
}

impl Assembly {
    /// The assembly of an engine over `index`, whose documents (the takeaways, in bundle order)
    /// are of the articles `article_of`, whose authors have the terms `authors` (per article); its
    /// body's index in pieces where `in_pieces` holds the first initial of each file of its words
    /// (see [`Engine::add_words`]), none of which has arrived yet. It ranks and counts without the
    /// documents' titles and bodies; those the results read are added as they arrive (see
    /// [`Found::missing`]).
    pub(super) fn new(
        index: SearchIndex,
        synonyms: Synonyms,
        article_of: Vec<u32>,
        authors: &[Vec<String>],
        in_pieces: Option<Vec<char>>,
    ) -> Assembly {
        let (docs, fields) = (index.docs as usize, Vec::with_capacity(index.fields.len()));
        let authors = Authors::new(authors, article_of);
        Assembly { left: index.fields.into_iter().peekable(), fields, docs, synonyms, authors, in_pieces }
    }

    /// Weighs the next field with terms, and those without around it (which cost next to
    /// nothing); whether any is left.
    pub(super) fn step(&mut self) -> bool {
        let mut weighty = false;
        while let Some(index) = self.left.next_if(|index| !weighty || index.terms.is_empty()) {
            weighty |= !index.terms.is_empty();
            self.fields.push(Arc::new(Field::new(for_takeaways(index, &self.authors), self.docs)));
        }
        self.left.peek().is_some()
    }

    /// The engine, what is left weighed now.
    pub(super) fn finish(mut self) -> Engine {
        while self.step() {}
        let Assembly { fields, docs, synonyms, authors, in_pieces, .. } = self;
        let scratch = Mutex::new(Scratch::new(docs, authors.articles()));
        let (titles, bodies) =
            ((0..docs).map(|_| OnceLock::new()).collect(), (0..docs).map(|_| OnceLock::new()).collect());
        let shipped_words = RwLock::new(vec![None; in_pieces.as_ref().map_or(0, Vec::len)]);
        Engine {
            fields: RwLock::new(fields),
            in_pieces: in_pieces.is_some(),
            initials: in_pieces.unwrap_or_default(),
            shipped_words,
            infixes: RwLock::default(),
            synonyms,
            titles,
            bodies,
            scratch,
            lexicons: Mutex::default(),
            authors,
        }
    }
}

impl Engine {
    /// The field named `name`.
    fn field(&self, name: &str) -> Option<Arc<Field>> {
        let fields = self.fields.read().unwrap_or_else(PoisonError::into_inner);
        fields.iter().find(|f| f.name == name).cloned()
    }

    /// Adds a piece of the index in pieces that has arrived (see [`crate::search::pieces`]): to
    /// each shipped field the terms of its index there, which it does not have yet.
    pub fn add_piece(&self, piece: Piece) {
        let mut fields = self.fields.write().unwrap_or_else(PoisonError::into_inner);
        for index in piece.fields {
            let piece = Field::new(for_takeaways(index, &self.authors), self.titles.len());
            match fields.iter_mut().find(|f| f.name == piece.name) {
                Some(field) => *field = Arc::new(field.with(piece)),
                None => fields.push(Arc::new(piece)),
            }
        }
        self.infixes.write().unwrap_or_else(PoisonError::into_inner).push(piece.infixes);
    }

    /// The shipped fields' Latin words of the `n`th file, each with its postings, of an index in
    /// pieces (see [`SearchHead::initials`](crate::model::SearchHead::initials)); a file is given
    /// once.
    pub fn add_words(&self, n: usize, words: &IndexWords) {
        let mut shipped = self.shipped_words.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(slot @ None) = shipped.get_mut(n) {
            *slot = Some(words.words.iter().cloned().zip(words.postings.iter().map(|&n| n as usize)).collect());
        }
    }

    /// What `query` needs of an index in pieces before [`Engine::search_found`] answers it as with
    /// the whole index: the terms whose pieces must be here (as prefixes, for the terms they
    /// start), and which files of the shipped words must be (a misspelt word's initial's: see
    /// [`Engine::add_words`]). `covered` says whether the pieces holding the
    /// terms a prefix starts are here. Asked again once they are, it may need more: the terms of
    /// a correction.
    pub fn needs(&self, query: &str, config: &Config, covered: impl Fn(&str) -> bool) -> Needs {
        let typed = Reading::of(Cow::Borrowed(query), &self.synonyms, &[]);
        let mut needs = Needs { prefixes: typed.terms.clone(), words: Vec::new() };
        // Which words are misspelt is known once their pieces are here.
        if !config.correct_typos || !typed.terms.iter().all(|term| covered(term)) {
            return needs;
        }
        let unknown = self.unknown(&typed);
        if unknown.is_empty() {
            return needs;
        }
        needs.words = unknown.iter().filter_map(|term| self.lacking_words(term)).collect();
        needs.words.sort_unstable();
        needs.words.dedup();
        if !needs.words.is_empty() {
            return needs;
        }
        let corrections = self.corrections(unknown);
        needs.prefixes.extend(self.corrected(query, typed, &corrections).terms);
        needs.prefixes.sort_unstable();
        needs.prefixes.dedup();
        needs
    }

    /// The number of the words file (see [`Engine::add_words`]) that the engine's index, in pieces,
    /// lacks to correct `term`, if it lacks one (see `Engine::needs`).
    fn lacking_words(&self, term: &str) -> Option<usize> {
        let n = self.words_file(spelling::initial(term).filter(|_| self.in_pieces)?)?;
        let shipped = self.shipped_words.read().unwrap_or_else(PoisonError::into_inner);
        shipped[n].is_none().then_some(n)
    }

    /// The number of the file of the shipped words whose initial is `initial`, where the index
    /// comes in pieces; none before the first file's.
    fn words_file(&self, initial: char) -> Option<usize> {
        self.initials.partition_point(|&first| first <= initial).checked_sub(1)
    }

    /// The closest word the index holds for each of `unknown` that has one; none for a word whose
    /// initial's words have not come.
    fn corrections(&self, unknown: Vec<&String>) -> Vec<(String, String)> {
        let lexicon = |initial: char| {
            let mut lexicons = self.lexicons.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some((_, made)) = lexicons.iter().find(|(of, _)| *of == initial) {
                return Some(Arc::clone(made));
            }
            // Of an index in pieces, the words of the initial's file, which must have come (an
            // initial before the first file's has none).
            let shipped = self.shipped_words.read().unwrap_or_else(PoisonError::into_inner);
            let of_initial = match (self.in_pieces, self.words_file(initial)) {
                (false, _) => None,
                (true, Some(n)) => Some(shipped[n].as_deref()?),
                (true, None) => Some(&[][..]),
            };
            let made = Arc::new(Lexicon::of(self, initial, of_initial));
            lexicons.push((initial, Arc::clone(&made)));
            Some(made)
        };
        let correction =
            |term: &String| Some((term.clone(), lexicon(spelling::initial(term)?)?.correction(term)?.to_owned()));
        unknown.into_iter().filter_map(correction).collect()
    }

    /// `typed`, the reading of `query`, with `corrections` made, if they change it.
    fn corrected<'q>(&self, query: &'q str, typed: Reading<'q>, corrections: &[(String, String)]) -> Reading<'q> {
        if corrections.is_empty() {
            return typed;
        }
        match spelling::corrected(query, corrections) {
            Cow::Borrowed(_) => typed,
            corrected => Reading::of(corrected, &self.synonyms, &typed.terms),
        }
    }

    /// The query's Latin words that no field holds, as a term or the start of one: those a
    /// correction may replace.
    fn unknown<'r>(&self, typed: &'r Reading) -> Vec<&'r String> {
        let fields = self.fields.read().unwrap_or_else(PoisonError::into_inner);
        let words = typed.words.iter().map(|&bits| (bits, &typed.terms[bits.trailing_zeros() as usize]));
        words
            .filter(|&(bits, term)| bits.count_ones() == 1 && !fields.iter().any(|f| f.holds_prefix(term)))
            .map(|(_, term)| term)
            .collect()
    }

    /// Adds the titles of document `doc` (`title_en` empty where it has none), unless it has them
    /// already.
    pub fn add_title(&self, doc: usize, title: &str, title_en: &str) {
        if let Some(slot) = self.titles.get(doc).filter(|slot| slot.get().is_none()) {
            let _ =
                slot.set(TitleText { title: title.to_owned(), title_en: title_en.to_owned(), phrase: OnceLock::new() });
        }
    }

    /// Whether document `doc`'s titles have been added.
    pub fn has_title(&self, doc: usize) -> bool {
        self.titles.get(doc).is_some_and(|slot| slot.get().is_some())
    }

    /// Adds the body of document `doc` (its sanitized HTML), unless it has one already.
    pub fn add_body(&self, doc: usize, html: &str) {
        if let Some(slot) = self.bodies.get(doc).filter(|slot| slot.get().is_none()) {
            let text = html_to_text(html);
            let phrase = self.phrase_form(&text);
            let _ = slot.set(BodyText { pairs: Pairs::of(&phrase), phrase, text });
        }
    }

    /// Whether document `doc`'s body has been added.
    pub fn has_body(&self, doc: usize) -> bool {
        self.bodies.get(doc).is_some_and(|slot| slot.get().is_some())
    }

    /// elasticlunr.js 0.9.5's `Index.search` on already tokenized query terms: documents and
    /// scores, best first, ties in document order.
    pub fn score(&self, query: &[String], config: &Config) -> Vec<(usize, f64)> {
        let mut scratch = self.scratch();
        self.scored(&Reading::terms(query), config, &mut scratch);
        let mut ranked = Vec::new();
        scratch.total.take_each(|doc, score| ranked.push((doc as usize, score)));
        crate::model::order::sort_by(&mut ranked, by_rank);
        ranked
    }

    /// The search people use, ranking only: elasticlunr's scores for the query's terms, with a
    /// bonus where the title or body holds the whole query (the body's, for a phrase of several
    /// words, among the best-scored few: see [`PHRASE_WINDOW`]); the takeaways the query matches
    /// first (see [`Engine::matches`]), then the others it reaches. Best first, at most `limit`.
    pub fn rank(&self, query: &str, config: &Config, limit: usize) -> Vec<(usize, f64)> {
        self.rank_among(query, config, limit, |_| true)
    }

    /// [`Engine::rank`] over the documents `keep` accepts (those the facets leave).
    pub fn rank_among(
        &self,
        query: &str,
        config: &Config,
        limit: usize,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<(usize, f64)> {
        self.ranked(&self.read(query, config), config, limit, keep)
    }

    fn ranked(
        &self,
        reading: &Reading,
        config: &Config,
        limit: usize,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<(usize, f64)> {
        let mut scratch = self.scratch();
        self.scored(reading, config, &mut scratch);
        self.top(reading, &mut scratch, limit, keep, &mut Missing::default())
    }

    /// The takeaways the query matches, in document order: what the list counts (see
    /// [`matching`] for which). A misspelt word is read as its correction if `config` says so.
    pub fn matches(&self, query: &str, config: &Config) -> Vec<usize> {
        self.search_found(query, config, 0, |_| true).matches
    }

    /// The query with each misspelt word read as its correction (see [`spelling`]), if it has
    /// any: what the results of [`Engine::rank`] are for when `config` corrects typos.
    pub fn correction(&self, query: &str) -> Option<String> {
        self.read(query, &Config::default()).corrected()
    }

    /// The takeaways the query matches and the others it reaches, in document order (the
    /// matches are what facet counts are made of), and [`Engine::search_among`] the documents
    /// `keep` accepts, from one scoring: the list's counts and hits.
    pub fn search_found(&self, query: &str, config: &Config, limit: usize, keep: impl Fn(usize) -> bool) -> Found {
        let reading = self.read(query, config);
        let mut scratch = self.scratch();
        self.scored(&reading, config, &mut scratch);
        // Each reached document's part, by document: the lists come out in document order by one
        // pass over the documents, where sorting them (a broad query reaches most) cost more.
        let mut parts = vec![Part::Unreached; self.titles.len()];
        for (at, doc) in scratch.total.docs().enumerate() {
            parts[doc as usize] = if scratch.holdings.matches(doc, at) { Part::Matches } else { Part::Others };
        }
        let (mut matches, mut others) = (Vec::new(), Vec::new());
        for (doc, part) in parts.into_iter().enumerate() {
            match part {
                Part::Matches => matches.push(doc),
                Part::Others => others.push(doc),
                Part::Unreached => (),
            }
        }
        let mut missing = Missing::default();
        let top = self.top(&reading, &mut scratch, limit, keep, &mut missing);
        drop(scratch);
        let hits = self.hits(&reading, top, &mut missing);
        let Missing { bodies: mut missing, titles: mut untitled } = missing;
        for docs in [&mut missing, &mut untitled] {
            docs.sort_unstable();
            docs.dedup();
        }
        Found { matches, others, hits, corrected: reading.corrected(), missing, untitled }
    }

    /// [`Engine::rank`] with highlighted titles and snippets.
    pub fn search(&self, query: &str, config: &Config, limit: usize) -> Vec<Hit> {
        self.search_among(query, config, limit, |_| true)
    }

    /// [`Engine::search`] over the documents `keep` accepts (those the facets leave).
    pub fn search_among(&self, query: &str, config: &Config, limit: usize, keep: impl Fn(usize) -> bool) -> Vec<Hit> {
        let reading = self.read(query, config);
        let ranked = self.ranked(&reading, config, limit, keep);
        self.hits(&reading, ranked, &mut Missing::default())
    }

    /// How the engine reads `query`: its words, with each misspelt one (a Latin word no field
    /// holds, as a term or the start of one) read as its correction if `config` says so.
    fn read<'q>(&self, query: &'q str, config: &Config) -> Reading<'q> {
        let typed = Reading::of(Cow::Borrowed(query), &self.synonyms, &[]);
        if !config.correct_typos {
            return typed;
        }
        let corrections = self.corrections(self.unknown(&typed));
        self.corrected(query, typed, &corrections)
    }

    /// Ranked documents as hits: highlighted titles and snippets; a document whose titles have
    /// not arrived has no highlights, one whose body has not no snippet, and each is noted in
    /// `missing`.
    fn hits(&self, reading: &Reading, ranked: Vec<(usize, f64)>, missing: &mut Missing) -> Vec<Hit> {
        let highlight = self.synonyms.spellings_of(&reading.terms);
        ranked
            .into_iter()
            .map(|(doc, score)| {
                let (title_matches, title_en_matches) = match self.titles[doc].get() {
                    Some(text) => (
                        snippets::matches(&text.title, &highlight, usize::MAX),
                        snippets::matches(&text.title_en, &highlight, usize::MAX),
                    ),
                    None => {
                        missing.titles.push(doc);
                        (Vec::new(), Vec::new())
                    }
                };
                let (snippet, snippet_matches) = match self.bodies[doc].get() {
                    Some(body) => snippets::snippet(&body.text, &highlight),
                    None => {
                        missing.bodies.push(doc);
                        (String::new(), Vec::new())
                    }
                };
                Hit { doc, score, title_matches, title_en_matches, snippet, snippet_matches }
            })
            .collect()
    }

    /// The scratch memory, emptied: a query that panicked may have left it half used.
    fn scratch(&self) -> MutexGuard<'_, Scratch> {
        let mut scratch = self.scratch.lock().unwrap_or_else(PoisonError::into_inner);
        scratch.clear();
        scratch
    }
}

/// The documents a ranking or its hits would read but whose texts have not arrived.
#[derive(Default)]
pub(super) struct Missing {
    pub(super) bodies: Vec<usize>,
    pub(super) titles: Vec<usize>,
}

/// What a query needs of an index in pieces: see [`Engine::needs`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Needs {
    pub prefixes: Vec<String>,
    /// The words files, by number.
    pub words: Vec<usize>,
}

/// Where a document stands in [`Engine::search_found`]'s results.
#[derive(Clone, Copy)]
enum Part {
    Unreached,
    Matches,
    Others,
}

/// What the list shows for a query: see [`Engine::search_found`].
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The takeaways the query matches, in document order.
    pub matches: Vec<usize>,
    /// The others it reaches (holding less of it, see [`matching`]), in document order.
    pub others: Vec<usize>,
    /// The best of those kept, with highlights and snippets.
    pub hits: Vec<Hit>,
    /// The query as corrected, when a misspelt word in it was read as another.
    pub corrected: Option<String>,
    /// The documents whose bodies the hits would read (for the phrase bonus, or a snippet) but
    /// which have not been added (see [`Engine::add_body`]), ascending: none once the hits are
    /// final. Read with no bonus from their bodies, so these are all the bodies a final ranking
    /// could need but the snippets of hits that only they would bring into the top.
    pub missing: Vec<usize>,
    /// The same for the documents' titles (for the phrase bonus, or highlights; see
    /// [`Engine::add_title`]).
    pub untitled: Vec<usize>,
}

/// A query as the engine reads it.
pub(super) struct Reading<'q> {
    /// What the results are for: the query, or the query with its misspelt words corrected.
    text: Cow<'q, str>,
    terms: Vec<String>,
    /// Bit `n`: term `n` comes from a correction, and weighs less than a word as typed.
    corrected: u64,
    /// Per word, the bits of its terms; none where documents are only scored (elasticlunr's
    /// search), not sorted into matches and others.
    words: Vec<u64>,
    /// A bit per word of more terms than a field needs in a row to hold it whole.
    long_words: u64,
}

impl<'q> Reading<'q> {
    /// `text`'s words; the terms not among `typed` come from corrections.
    fn of(text: Cow<'q, str>, synonyms: &Synonyms, typed: &[String]) -> Reading<'q> {
        let (mut terms, mut words, mut corrected, mut long_words) = (Vec::new(), Vec::new(), 0, 0);
        for word in query_words(&text, synonyms) {
            let first = terms.len();
            for term in word {
                if !typed.is_empty() && !typed.contains(&term) {
                    corrected |= 1 << terms.len();
                }
                terms.push(term);
            }
            if terms.len() - first > matching::CHAIN {
                long_words |= 1 << words.len();
            }
            words.push(bits(first..terms.len()));
        }
        Reading { text, terms, corrected, words, long_words }
    }

    /// The text read, where it is not the query as typed.
    fn corrected(&self) -> Option<String> {
        match &self.text {
            Cow::Owned(corrected) => Some(corrected.clone()),
            Cow::Borrowed(_) => None,
        }
    }

    /// Terms tokenized already, as elasticlunr's search takes them: none match or not, they are
    /// only scored.
    fn terms(terms: &[String]) -> Reading<'static> {
        Reading { text: Cow::Borrowed(""), terms: terms.to_vec(), corrected: 0, words: Vec::new(), long_words: 0 }
    }
}

/// The bits of the numbers in `range` (below 64).
fn bits(range: Range<usize>) -> u64 {
    range.fold(0, |bits, n| bits | 1 << n)
}

/// Best score first, ties in document order (as elasticlunr.js's stable sort leaves them).
#[inline(always)]
fn by_rank(a: &(usize, f64), b: &(usize, f64)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}
