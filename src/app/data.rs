//! Loading the bundle's outline, once per visit, relative to the site's base URL; and the files
//! shipped apart, the first time something needs them: an article's texts (its page, its
//! takeaways' pages, a search result's snippet or phrase, unless the site ships takeaways' bodies
//! alone, which a search then reads), its titles and its takeaways' summaries and titles (their
//! cards, their pages, and the titles a ranking reads), and what search needs (typing, a `?q=`
//! link, a not-found page): the index; and every takeaway's and article's titles, for typing
//! (which ranks many queries) or a query whose ranking reads more than a few; every article's
//! titles alone for a list of articles.

use std::cell::{OnceCell, RefCell};
use std::ops::ControlFlow;
use std::rc::Rc;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::app::route::Router;
use crate::explore::facets::{Facets, FacetsInSteps};
use crate::explore::url::Page;
use crate::model::{
    ArticleIx, ArticleSummaries, ArticleTexts, ArticleTitle, Bundle, DataFiles, IndexWords, OutlinedBundle, PartOf,
    SearchHead, SearchShard, StoredBundle, Summaries, TakeawayBody, TakeawayTitle, Titles, SCHEMA_VERSION,
};
use crate::search::pieces::Pieces;
use crate::search::tokenize::{query_terms, Synonyms};
use crate::search::{Config, Engine, EngineInSteps, Needs};

/// The loaded bundle's outline, shared by every page, with what is derived from it on first use.
pub type Loaded = Arc<Site>;

pub struct Site {
    pub bundle: OutlinedBundle,
    /// Whether the site ships takeaways' bodies alone (see [`DataFiles::takeaway_bodies`]).
    takeaway_bodies: bool,
    engine: OnceLock<Engine>,
    /// The engine while it is made, in steps (see [`EngineBuild`]).
    steps: Mutex<Option<EngineInSteps>>,
    /// The index's pieces the engine has, once its head has arrived.
    pieces: OnceLock<Mutex<Pieces>>,
    /// How many of the files that came the engine has been given.
    given: Mutex<Given>,
    facets: Facets,
    list_order: OnceLock<Vec<usize>>,
}

/// Of each kind of file the engine reads, how many of those that came it has been given (see
/// [`Loads::came_since`]).
#[derive(Default)]
struct Given {
    pieces: usize,
    words: usize,
    articles: usize,
    summaries: usize,
    bodies: usize,
    /// Whether every takeaway's titles have been given.
    titles: bool,
}

impl Site {
    pub fn new(bundle: OutlinedBundle, facets: Facets, takeaway_bodies: bool) -> Site {
        let (engine, steps, pieces, given) = (OnceLock::new(), Mutex::new(None), OnceLock::new(), Mutex::default());
        let list_order = OnceLock::new();
        Site { bundle, takeaway_bodies, engine, steps, pieces, given, facets, list_order }
    }

    /// The search engine, once its index's head has arrived (see [`request_search`]) and the
    /// engine has been built, in tasks after that (see [`EngineBuild`]), with the pieces of the
    /// index, the index's words, the titles (with their articles' summaries or their bodies alone,
    /// or every takeaway's) and the bodies (alone or with their articles' texts) that have arrived. Tracked: a search
    /// reruns as more arrive (see [`wanted`], [`request_read`]), not as more are asked for.
    /// None of the first page's outline, whose takeaways' themes and projects are the first
    /// page's alone: the engine's build is one per visit, and is the whole outline's.
    pub fn engine(&self) -> Option<&Engine> {
        if self.is_first_page() {
            return None;
        }
        let files = expect_context::<Files>();
        let engine = match self.engine.get() {
            Some(engine) => engine,
            None => {
                let Load::Ready(head) = files.head.get() else { return None };
                let _ = self.pieces.set(Mutex::new(Pieces::new(Arc::clone(&head))));
                // Each step in a task of its own, which the stage it sets runs. The stage is
                // queued without a write through: the memo reading it asks for the task only.
                let next = |stage| {
                    files.engine.update_untracked(|build| *build = EngineBuild::Queued);
                    super::browser::next_task(move || files.engine.set(stage));
                    None
                };
                match files.engine.get() {
                    EngineBuild::Idle => return next(EngineBuild::Steps),
                    EngineBuild::Queued | EngineBuild::Made => return None,
                    EngineBuild::Steps => {
                        let mut steps = self.steps.lock().unwrap_or_else(PoisonError::into_inner);
                        let taken = steps.take().unwrap_or_else(|| EngineInSteps::over_pieces(&self.bundle, &head));
                        match taken.step(&self.bundle) {
                            ControlFlow::Continue(left) => {
                                *steps = Some(left);
                                return next(EngineBuild::Steps);
                            }
                            ControlFlow::Break(engine) => {
                                let _ = self.engine.set(engine);
                            }
                        }
                    }
                }
                // The search it was made for in a task of its own.
                return next(EngineBuild::Made);
            }
        };
        // Read, not only tracked: a memo is computed, and follows its signals, once it is read.
        files.came.get();
        // Only the files that came since the last call: a search calls this on every key, and
        // the files that came grow with the searches made.
        let mut given = self.given.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(pieces) = self.pieces.get() {
            let mut pieces = pieces.lock().unwrap_or_else(PoisonError::into_inner);
            files.pieces.with_untracked(|loaded| {
                for &n in loaded.came_since(&mut given.pieces) {
                    let Some(Load::Ready(piece)) = loaded.get(n) else { continue };
                    if let Some(piece) = pieces.add(n, piece) {
                        engine.add_piece(piece);
                    }
                }
            });
        }
        files.words.with_untracked(|loaded| {
            for &n in loaded.came_since(&mut given.words) {
                if let Some(Load::Ready(words)) = loaded.get(n) {
                    engine.add_words(n, words);
                }
            }
        });
        match files.titles.get_untracked() {
            Load::Ready(titles) if !given.titles => {
                engine.add_titles(0, &titles);
                given.titles = true;
            }
            _ => files.summaries.with_untracked(|loaded| {
                let came = loaded.came_since(&mut given.summaries).iter().copied();
                for (at, summaries) in loaded.ready_among(&self.bundle, came) {
                    engine.add_titles(self.takeaway_range(ArticleIx::at(at)).start, &summaries.titles);
                }
            }),
        }
        files.articles.with_untracked(|loaded| {
            let came = loaded.came_since(&mut given.articles).iter().copied();
            for (at, texts) in loaded.ready_among(&self.bundle, came) {
                let range = self.takeaway_range(ArticleIx::at(at));
                if !range.clone().all(|t| engine.has_body(t)) {
                    engine.add_bodies(range.start, &texts.bodies);
                }
            }
        });
        let every_title = given.titles;
        files.bodies.with_untracked(|loaded| {
            let came = loaded.came_since(&mut given.bodies).iter().copied();
            for (index, alone) in loaded.ready_among(&self.bundle, came) {
                if !engine.has_body(index) {
                    engine.add_body(index, alone.body.as_str());
                }
                // Its titles come with it.
                if !every_title {
                    engine.add_titles(index, std::slice::from_ref(&alone.title));
                }
            }
        });
        Some(engine)
    }

    pub fn facets(&self) -> &Facets {
        &self.facets
    }

    /// Whether it is the first page's outline (see [`DataFiles::first_page`]): its takeaways'
    /// themes and projects are those of the home's first page alone, so it lists that page
    /// unfiltered and nothing else (see [`request_whole`]).
    pub fn is_first_page(&self) -> bool {
        self.bundle.first_page_totals.is_some()
    }

    /// The takeaways in list order: newest event first, each article's in its own order.
    pub fn list_order(&self) -> &[usize] {
        self.list_order.get_or_init(|| crate::explore::listing::list_order(&self.bundle))
    }
}

impl std::ops::Deref for Site {
    type Target = OutlinedBundle;

    fn deref(&self) -> &OutlinedBundle {
        &self.bundle
    }
}

pub type BundleResource = LocalResource<Result<Loaded, String>>;

/// A file fetched when first needed: not asked for yet, on its way, here, or failed (why).
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T = ()> {
    Idle,
    Loading,
    Ready(T),
    Failed(String),
}

/// The engine's build once the index's head is here, in steps, each in a task of its own (a long
/// task delays what the reader does meanwhile, and Lighthouse counts it as blocking): queued, so
/// that the pieces a query wants first, asked for before it (see [`wanted`]), are on their way
/// while it runs; then its steps due, a task each (see [`EngineInSteps`]), then the search it was
/// made for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum EngineBuild {
    Idle,
    Queued,
    Steps,
    /// The engine made; the search it was made for due.
    Made,
}

/// The files shipped apart from the bundle, shared through the context, and when the search
/// engine made from the index's head is due. They do not wait for the bundle: a takeaway page
/// fetches its article's texts alongside it.
#[derive(Clone, Copy)]
pub struct Files {
    /// By article.
    articles: RwSignal<Loads<ArticleTexts>>,
    /// By article.
    summaries: RwSignal<Loads<ArticleSummaries>>,
    /// By takeaway, where they ship alone.
    bodies: RwSignal<Loads<TakeawayBody>>,
    head: RwSignal<Load<Arc<SearchHead>>>,
    /// Every takeaway's titles, their ids made, where a search needs many (see
    /// [`request_every_title`]).
    titles: RwSignal<Load<Arc<Vec<TakeawayTitle>>>>,
    /// Every article's titles: with every takeaway's, and for a list of articles (see
    /// [`request_article_titles`]).
    article_titles: RwSignal<Load<Arc<Vec<ArticleTitle>>>>,
    /// The engine's build, once the head is here.
    engine: RwSignal<EngineBuild>,
    /// Whether the bundle's whole outline is wanted: from the start, but where the home,
    /// unfiltered, boots on the first page's (see [`DataFiles::first_page`]); then once that page
    /// shows, or anything asks for more (see [`request_whole`]).
    whole: RwSignal<bool>,
    /// By piece.
    pieces: RwSignal<Loads<SearchShard>>,
    /// By file, each the words of a run of initials (see
    /// [`SearchHead::initials`](crate::model::SearchHead::initials)).
    words: RwSignal<Loads<IndexWords>>,
    /// How many files the engine reads have come, of every kind together: what it tracks. A file
    /// asked for (on its way, which gives the engine nothing) made every search again, a query's
    /// whole ranking and counts, in the task that asked.
    came: Memo<usize>,
}

pub fn provide_files() {
    let (articles, summaries, bodies) =
        (RwSignal::new(Loads::default()), RwSignal::new(Loads::default()), RwSignal::new(Loads::default()));
    let (titles, pieces, words) =
        (RwSignal::new(Load::Idle), RwSignal::new(Loads::default()), RwSignal::new(Loads::default()));
    fn ready<T>(load: &Load<T>) -> bool {
        matches!(load, Load::Ready(_))
    }
    let came = Memo::new(move |_| {
        pieces.with(|loaded| loaded.came.len())
            + summaries.with(|loaded| loaded.came.len())
            + articles.with(|loaded| loaded.came.len())
            + bodies.with(|loaded| loaded.came.len())
            + words.with(|loaded| loaded.came.len())
            + usize::from(titles.with(ready))
    });
    provide_context(Files {
        articles,
        summaries,
        bodies,
        head: RwSignal::new(Load::Idle),
        titles,
        article_titles: RwSignal::new(Load::Idle),
        engine: RwSignal::new(EngineBuild::Idle),
        whole: RwSignal::new(true),
        pieces,
        words,
        came,
    });
}

/// Fetches the texts of the articles at `ats` that are not here, on their way, or failed (see
/// [`retry_texts`]): what a page that shows them calls each time it renders.
pub fn request_article_texts(ats: impl IntoIterator<Item = ArticleIx>) {
    request_batch(expect_context::<Files>().articles, ats.into_iter().map(ArticleIx::get), texts_file);
}

/// The file of the texts of article `n`.
fn texts_file(files: &DataFiles, n: usize) -> String {
    files.article_texts_file(ArticleIx::at(n))
}

/// The file of the summaries of article `n`'s takeaways.
fn summaries_file(files: &DataFiles, n: usize) -> String {
    files.article_summaries_file(ArticleIx::at(n))
}

/// The file of the body of takeaway `n` alone.
fn body_file(files: &DataFiles, n: usize) -> String {
    files.takeaway_body_file(n)
}

/// Files of one kind by number (an article's texts, a piece of the index), those asked for:
/// a vector, not a map, which costs the wasm less.
pub struct Loads<T> {
    files: Vec<Load<Arc<T>>>,
    /// The numbers of those that have come, in the order they came: what reads them on every
    /// search reads those that came since it last did (see [`Loads::came_since`]), not them all.
    came: Vec<usize>,
}

impl<T> Default for Loads<T> {
    fn default() -> Self {
        Loads { files: Vec::new(), came: Vec::new() }
    }
}

impl<T> Loads<T> {
    /// File `n`, if it was asked for.
    fn get(&self, n: usize) -> Option<&Load<Arc<T>>> {
        self.files.get(n).filter(|load| !matches!(load, Load::Idle))
    }

    fn insert(&mut self, n: usize, load: Load<Arc<T>>) {
        if self.files.len() <= n {
            self.files.resize_with(n + 1, || Load::Idle);
        }
        if matches!(load, Load::Ready(_)) {
            self.came.push(n);
        }
        self.files[n] = load;
    }

    /// Forgets file `n`, as if it had never been asked for.
    fn remove(&mut self, n: usize) {
        if let Some(load) = self.files.get_mut(n) {
            *load = Load::Idle;
        }
    }

    /// The files asked for, by number.
    fn iter(&self) -> impl Iterator<Item = (usize, &Load<Arc<T>>)> {
        self.files.iter().enumerate().filter(|(_, load)| !matches!(load, Load::Idle))
    }

    /// The numbers of the files that came after the first `seen` (in the order they came), a
    /// number again if its file came again; `seen` then counts every file that came.
    fn came_since(&self, seen: &mut usize) -> &[usize] {
        let since = std::mem::replace(seen, self.came.len());
        &self.came[since.min(self.came.len())..]
    }

    /// Why one of the files `wanted` failed to load, if one did (tracked by the caller): of files
    /// of no article or takeaway (the index's pieces and words; see [`Loads::failure`] for those).
    fn load_failure(&self, wanted: &[usize]) -> Option<String> {
        wanted.iter().find_map(|&n| match self.get(n) {
            Some(Load::Failed(why)) => Some(why.clone()),
            _ => None,
        })
    }

    /// The files among those asked for that failed to load (see [`Loads::load_failure`]).
    fn load_failed(&self) -> Vec<usize> {
        self.iter().filter(|(_, load)| matches!(load, Load::Failed(_))).map(|(n, _)| n).collect()
    }
}

impl<T: PartOf> Loads<T> {
    /// File `n` (an article's, a takeaway's) as far as it has come, one of another item or build
    /// than `bundle` counted as failed: the check every reader of these files goes through.
    fn checked(&self, bundle: &OutlinedBundle, n: usize) -> Load<Arc<T>> {
        match self.get(n) {
            Some(Load::Ready(file)) => match file.check(bundle, n) {
                Ok(()) => Load::Ready(Arc::clone(file)),
                Err(why) => Load::Failed(why),
            },
            Some(load) => load.clone(),
            None => Load::Idle,
        }
    }

    /// File `n`, if it has arrived and belongs to `bundle`'s build.
    fn ready(&self, bundle: &OutlinedBundle, n: usize) -> Option<Arc<T>> {
        match self.checked(bundle, n) {
            Load::Ready(file) => Some(file),
            _ => None,
        }
    }

    /// Of the files numbered `numbers`, those that have arrived and belong to `bundle`'s build.
    fn ready_among<'a>(
        &'a self,
        bundle: &'a OutlinedBundle,
        numbers: impl IntoIterator<Item = usize> + 'a,
    ) -> impl Iterator<Item = (usize, Arc<T>)> + 'a {
        numbers.into_iter().filter_map(move |n| Some((n, self.ready(bundle, n)?)))
    }

    /// Whether some of the files `wanted` are asked for or on their way (tracked by the caller);
    /// those that failed are waited for no longer.
    fn pending(&self, wanted: &[usize]) -> bool {
        wanted.iter().any(|&n| matches!(self.get(n), None | Some(Load::Idle | Load::Loading)))
    }

    /// Why one of the files `wanted` failed to load or came from another build than `bundle`, if
    /// one did (tracked by the caller).
    fn failure(&self, bundle: &OutlinedBundle, wanted: &[usize]) -> Option<String> {
        wanted.iter().find_map(|&n| match self.checked(bundle, n) {
            Load::Failed(why) => Some(why),
            _ => None,
        })
    }

    /// The files among those asked for that failed, or came from another build than `bundle`.
    fn failed(&self, bundle: &OutlinedBundle) -> Vec<usize> {
        self.iter().filter(|&(n, _)| matches!(self.checked(bundle, n), Load::Failed(_))).map(|(n, _)| n).collect()
    }
}

/// Forgets the files `failed` of `loaded` and fetches them again.
fn refetch<T: DeserializeOwned + Send + Sync + 'static>(
    loaded: RwSignal<Loads<T>>,
    failed: Vec<usize>,
    file: fn(&DataFiles, usize) -> String,
) {
    loaded.update(|loaded| failed.iter().for_each(|&n| loaded.remove(n)));
    request_batch(loaded, failed, file);
}

/// Fetches the files `file` names for `keys` into `loaded`, those not here, on their way, or
/// failed: marked on their way at once, each fetched from a task of its own, and handed over
/// together, so that what reads them reruns once.
fn request_batch<T: DeserializeOwned + Send + Sync + 'static>(
    loaded: RwSignal<Loads<T>>,
    keys: impl IntoIterator<Item = usize>,
    file: fn(&DataFiles, usize) -> String,
) {
    let mut wanted: Vec<usize> =
        loaded.with_untracked(|loaded| keys.into_iter().filter(|&n| loaded.get(n).is_none()).collect());
    wanted.sort_unstable();
    wanted.dedup();
    if wanted.is_empty() {
        return;
    }
    let files = data_files();
    loaded.update(|loaded| {
        let state = files.as_ref().map_or_else(|why| Load::Failed(why.clone()), |_| Load::Loading);
        wanted.iter().for_each(|&n| loaded.insert(n, state.clone()));
    });
    let Ok(files) = files else { return };
    let arrived = Rc::new(RefCell::new(Vec::with_capacity(wanted.len())));
    let count = wanted.len();
    for key in wanted {
        let (file, arrived) = (file(&files, key), Rc::clone(&arrived));
        leptos::task::spawn_local(async move {
            // After the task that asked: each `fetch` costs the main thread a little, and a
            // search's first screenful asks for tens of files.
            gloo_timers::future::TimeoutFuture::new(0).await;
            let load = fetch_data::<T>(&file).await.map_or_else(Load::Failed, |t| Load::Ready(Arc::new(t)));
            arrived.borrow_mut().push((key, load));
            if arrived.borrow().len() == count {
                let all = std::mem::take(&mut *arrived.borrow_mut());
                loaded.update(|loaded| all.into_iter().for_each(|(n, load)| loaded.insert(n, load)));
            }
        });
    }
}

/// What a query still needs of the index in pieces: pieces, and files of words (by number).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Wanted {
    pub pieces: Vec<usize>,
    pub words: Vec<usize>,
}

impl Wanted {
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty() && self.words.is_empty()
    }
}

/// What `query` still needs of `site`'s index before `engine` answers it as the whole index
/// would (see [`Engine::needs`]), tracked through [`Site::engine`]. While the engine is being
/// built (none yet), the pieces of the query's terms as typed: they come while it is built, and
/// a correction's are known once it is here.
pub fn wanted(site: &Site, engine: Option<&Engine>, query: &str, config: &Config) -> Wanted {
    let Some(pieces) = site.pieces.get() else { return Wanted::default() };
    let pieces = pieces.lock().unwrap_or_else(PoisonError::into_inner);
    let needs = match engine {
        Some(engine) => engine.needs(query, config, |prefix| pieces.covers(prefix)),
        None => Needs { prefixes: query_terms(query, &Synonyms::new(&site.bundle.synonyms)), words: Vec::new() },
    };
    Wanted { pieces: pieces.missing(&needs.prefixes), words: needs.words }
}

/// Fetches what a query wants of the index (see [`wanted`]).
pub fn request_wanted(wanted: &Wanted) {
    let files = expect_context::<Files>();
    request_batch(files.pieces, wanted.pieces.iter().copied(), DataFiles::search_piece);
    request_batch(files.words, wanted.words.iter().copied(), DataFiles::search_words);
}

/// The numbers of the articles of the takeaways `takeaways`, each once.
fn articles(site: &Site, takeaways: &[usize]) -> Vec<usize> {
    site.articles_of(takeaways).into_iter().map(ArticleIx::get).collect()
}

/// Fetches what a page reads of the takeaways `summaries` (their summaries: cards, a takeaway's
/// Markdown) and `bodies` (what a ranking reads: alone where they ship so, else with their
/// articles' texts), those not here, on their way, or failed (see [`retry_texts`]): what the page
/// calls each time it renders.
pub fn request_read(site: &Site, summaries: &[usize], bodies: &[usize]) {
    let files = expect_context::<Files>();
    match site.takeaway_bodies {
        true => request_batch(files.bodies, bodies.iter().copied(), body_file),
        false => request_batch(files.articles, articles(site, bodies), texts_file),
    }
    let summarized = summarized_by_article(site, summaries, bodies);
    request_batch(files.summaries, articles(site, &summarized), summaries_file);
}

/// The takeaways of `summaries` whose summaries and titles are read with their articles': where
/// bodies ship alone, not those whose bodies are read (`bodies`) or were asked for, which bring
/// their own (a search's results read no article's summaries); those whose bodies failed are.
fn summarized_by_article(site: &Site, summaries: &[usize], bodies: &[usize]) -> Vec<usize> {
    if !site.takeaway_bodies {
        return summaries.to_vec();
    }
    expect_context::<Files>().bodies.with(|loaded| {
        let brings = |t: usize| matches!(loaded.checked(&site.bundle, t), Load::Loading | Load::Ready(_));
        summaries.iter().copied().filter(|t| !bodies.contains(t) && !brings(*t)).collect()
    })
}

/// Whether some of what [`request_read`] fetches is asked for or on its way (tracked); what
/// failed is waited for no longer.
pub fn read_pending(site: &Site, summaries: &[usize], bodies: &[usize]) -> bool {
    let files = expect_context::<Files>();
    let summarized = summarized_by_article(site, summaries, bodies);
    files.summaries.with(|loaded| loaded.pending(&articles(site, &summarized)))
        || match site.takeaway_bodies {
            true => files.bodies.with(|loaded| loaded.pending(bodies)),
            false => files.articles.with(|loaded| loaded.pending(&articles(site, bodies))),
        }
}

/// Why the summaries of the takeaways `summaries` or the bodies of the takeaways `bodies` could
/// not be had, if some could not (tracked).
pub fn texts_failure(site: &Site, summaries: &[usize], bodies: &[usize]) -> Option<String> {
    let files = expect_context::<Files>();
    let summarized = summarized_by_article(site, summaries, bodies);
    let summaries = files.summaries.with(|loaded| loaded.failure(&site.bundle, &articles(site, &summarized)));
    summaries.or_else(|| match site.takeaway_bodies {
        true => files.bodies.with(|loaded| loaded.failure(&site.bundle, bodies)),
        false => files.articles.with(|loaded| loaded.failure(&site.bundle, &articles(site, bodies))),
    })
}

/// The takeaways' summaries and the titles that have arrived and belong to the site's build:
/// what cards and pages read. An article's summaries and a takeaway's body are looked up when
/// first read: a page reads those of its cards, where gathering every file that came, each
/// checked, on every render cost a keystroke more the more files a visit had fetched.
pub struct Arrived<'a> {
    bundle: &'a OutlinedBundle,
    files: Files,
    /// By article.
    summaries: LookedUp<ArticleSummaries>,
    /// Every takeaway's, once search has needed them.
    titles: Option<Arc<Vec<TakeawayTitle>>>,
    /// Every article's, once search or a list of articles has needed them.
    article_titles: Option<Arc<Vec<ArticleTitle>>>,
    /// The takeaways' bodies alone, with their summaries and titles, by takeaway.
    bodies: LookedUp<TakeawayBody>,
}

/// Files by number, each looked up when first asked for, in blocks made as they are reached: a
/// render that reads a few of a corpus's takeaways makes a few blocks, not one per takeaway.
struct LookedUp<T> {
    blocks: Box<[OnceCell<Box<Block<T>>>]>,
}

/// How many files a block of [`LookedUp`] holds.
const BLOCK: usize = 64;

/// A block of [`LookedUp`]'s files, each looked up or not yet.
type Block<T> = [OnceCell<Option<Arc<T>>>; BLOCK];

impl<T> LookedUp<T> {
    fn new(len: usize) -> LookedUp<T> {
        LookedUp { blocks: (0..len.div_ceil(BLOCK)).map(|_| OnceCell::new()).collect() }
    }

    /// File `n`, looked up by `look` the first time.
    fn get(&self, n: usize, look: impl FnOnce() -> Option<Arc<T>>) -> Option<&T> {
        let block = self.blocks.get(n / BLOCK)?.get_or_init(|| Box::new([const { OnceCell::new() }; BLOCK]));
        block[n % BLOCK].get_or_init(look).as_deref()
    }
}

/// The takeaways' summaries and the titles of `site` that have arrived (tracked: the files of
/// summaries and bodies as they are read).
pub fn arrived(site: &Site) -> Arrived<'_> {
    let files = expect_context::<Files>();
    fn ready<T: Send + Sync + 'static>(load: RwSignal<Load<Arc<T>>>) -> Option<Arc<T>> {
        load.with(|load| match load {
            Load::Ready(value) => Some(Arc::clone(value)),
            _ => None,
        })
    }
    let (titles, article_titles) = (ready(files.titles), ready(files.article_titles));
    Arrived {
        bundle: &site.bundle,
        files,
        summaries: LookedUp::new(site.articles.len()),
        titles,
        article_titles,
        bodies: LookedUp::new(site.bundle.takeaways.len()),
    }
}

impl Arrived<'_> {
    /// The body alone of the takeaway at `index`, with its summary and titles, if it has arrived.
    fn alone(&self, index: usize) -> Option<&TakeawayBody> {
        let look = || self.files.bodies.with(|loaded| loaded.ready(self.bundle, index));
        self.bodies.get(index, look)
    }

    /// The summaries of the article at `at`, if they have arrived.
    fn summaries(&self, at: ArticleIx) -> Option<&ArticleSummaries> {
        let look = || self.files.summaries.with(|loaded| loaded.ready(self.bundle, at.get()));
        self.summaries.get(at.get(), look)
    }

    /// The summaries of the article of the takeaway at `index`, if they have arrived, and the
    /// takeaway's position among its article's.
    fn of_article(&self, index: usize) -> Option<(&ArticleSummaries, usize)> {
        let t = self.bundle.takeaways.get(index)?;
        let summaries = self.summaries(t.article)?;
        Some((summaries, index - self.bundle.takeaway_range(t.article).start))
    }
}

impl Summaries for Arrived<'_> {
    fn summary(&self, index: usize) -> &str {
        match self.of_article(index) {
            Some((summaries, own)) => summaries.takeaways.get(own).map_or("", String::as_str),
            None => self.alone(index).map_or("", |alone| alone.summary.as_str()),
        }
    }
}

impl Titles for Arrived<'_> {
    fn takeaway_title(&self, index: usize) -> Option<&TakeawayTitle> {
        match &self.titles {
            Some(titles) => titles.get(index),
            None => match self.of_article(index) {
                Some((summaries, own)) => summaries.titles.get(own),
                None => self.alone(index).map(|alone| &alone.title),
            },
        }
    }

    fn article_title(&self, at: ArticleIx) -> Option<&ArticleTitle> {
        match &self.article_titles {
            Some(titles) => titles.get(at.get()),
            // An article out of range has no summaries and no takeaways.
            None => match self.summaries(at) {
                Some(summaries) => Some(&summaries.article_title),
                None => self.bundle.takeaway_range(at).find_map(|t| self.alone(t)).map(|alone| &alone.article_title),
            },
        }
    }
}

/// Fetches what search needs, unless it is here, on its way, or failed (see [`retry_search`]):
/// the index's head (a query's pieces follow, [`request_wanted`]), and every takeaway's titles,
/// unless the bundle is large enough that the titles a ranking reads come with their articles'
/// summaries ([`request_read`], see [`DataFiles::titles_by_article`]).
pub fn request_search() {
    request_one(expect_context::<Files>().head, |files| files.search_head(), false);
    if !data_files().is_ok_and(|files| files.titles_by_article) {
        request_every_title();
    }
}

/// Fetches every takeaway's and article's titles, unless they are here, on their way, or failed:
/// for typing, which ranks a query a key, and a ranking that reads more titles than a few of
/// their articles' summaries would bring; its cards then read their articles' titles there too.
pub fn request_every_title() {
    fetch_takeaway_titles(false);
    request_article_titles();
}

/// Fetches every article's titles, unless they are here, on their way, or failed: for a list of
/// articles.
pub fn request_article_titles() {
    fetch_article_titles(false);
}

/// Fetches every takeaway's titles (see [`request_titles`]).
fn fetch_takeaway_titles(retry: bool) {
    request_titles(expect_context::<Files>().titles, DataFiles::bundle_titles, OutlinedBundle::make_titles, retry);
}

/// Fetches every article's titles (see [`request_titles`]).
fn fetch_article_titles(retry: bool) {
    let load = expect_context::<Files>().article_titles;
    request_titles(load, DataFiles::bundle_article_titles, OutlinedBundle::make_article_titles, retry);
}

/// Whether every takeaway's titles are asked for (tracked): then a ranking waits for them, not
/// for its articles' summaries.
pub fn every_title_asked() -> bool {
    !matches!(expect_context::<Files>().titles.get(), Load::Idle)
}

/// Every article's titles, as far as they have come (tracked).
pub fn article_titles_load() -> Load {
    match expect_context::<Files>().article_titles.get() {
        Load::Idle => Load::Idle,
        Load::Loading => Load::Loading,
        Load::Ready(_) => Load::Ready(()),
        Load::Failed(why) => Load::Failed(why),
    }
}

/// Fetches the titles `file` names into `load` (see [`request_one`]), and makes them (a
/// takeaway's id, say) with `make` once the bundle's outline is here, in a task of its own.
fn request_titles<S: DeserializeOwned + 'static, T: Send + Sync + 'static>(
    load: RwSignal<Load<Arc<Vec<T>>>>,
    file: fn(&DataFiles) -> String,
    make: fn(&OutlinedBundle, S) -> Result<Vec<T>, String>,
    retry: bool,
) {
    if !begin(load, retry) {
        return;
    }
    let outline = expect_context::<BundleResource>();
    leptos::task::spawn_local(async move {
        let titles = async {
            let files = data_files()?;
            let stored: S = fetch_data(&file(&files)).await?;
            let site = outline.await?;
            gloo_timers::future::TimeoutFuture::new(0).await;
            make(&site.bundle, stored)
        };
        load.set(titles.await.map_or_else(Load::Failed, |titles| Load::Ready(Arc::new(titles))));
    });
}

/// Fetches again the articles' texts, summaries and titles and the takeaways' bodies that failed,
/// or came from another build. Only pages the bundle has rendered offer it.
pub fn retry_texts() {
    let Some(Ok(site)) = expect_context::<BundleResource>().get_untracked() else { return };
    let files = expect_context::<Files>();
    if matches!(files.article_titles.get_untracked(), Load::Failed(_)) {
        fetch_article_titles(true);
    }
    refetch(files.articles, files.articles.with_untracked(|loaded| loaded.failed(&site.bundle)), texts_file);
    refetch(files.summaries, files.summaries.with_untracked(|loaded| loaded.failed(&site.bundle)), summaries_file);
    refetch(files.bodies, files.bodies.with_untracked(|loaded| loaded.failed(&site.bundle)), body_file);
}

/// Fetches the search index's head and words again if they failed, and the pieces that failed.
pub fn retry_search() {
    let files = expect_context::<Files>();
    request_one(files.head, |files| files.search_head(), true);
    if matches!(files.titles.get_untracked(), Load::Failed(_)) {
        fetch_takeaway_titles(true);
    }
    if matches!(files.article_titles.get_untracked(), Load::Failed(_)) {
        fetch_article_titles(true);
    }
    refetch(files.words, files.words.with_untracked(Loads::load_failed), DataFiles::search_words);
    refetch(files.pieces, files.pieces.with_untracked(Loads::load_failed), DataFiles::search_piece);
}

/// Fetches the file `file` names into `load`, unless it is here or on its way, or it failed and
/// this is no `retry` (see [`begin`]).
fn request_one<T: DeserializeOwned + Send + Sync + 'static>(
    load: RwSignal<Load<Arc<T>>>,
    file: fn(&DataFiles) -> String,
    retry: bool,
) {
    if !begin(load, retry) {
        return;
    }
    leptos::task::spawn_local(async move {
        let fetched = match data_files() {
            Ok(files) => fetch_data::<T>(&file(&files)).await,
            Err(why) => Err(why),
        };
        load.set(fetched.map_or_else(Load::Failed, |value| Load::Ready(Arc::new(value))));
    });
}

/// Whether to fetch what `load` holds, marked on its way if so: not if it is here or on its way,
/// or if it failed and this is no `retry` (pages ask on every render, so a failure must wait for
/// the reader's retry).
fn begin<T: Clone + Send + Sync + 'static>(load: RwSignal<Load<T>>, retry: bool) -> bool {
    match load.get_untracked() {
        Load::Loading | Load::Ready(_) => return false,
        Load::Failed(_) if !retry => return false,
        Load::Idle | Load::Failed(_) => {}
    }
    load.set(Load::Loading);
    true
}

/// The data files the page names (see [`DataFiles`]): those of the build the page and the app
/// come from.
fn data_files() -> Result<DataFiles, String> {
    let meta = document()
        .query_selector(&format!("meta[name=\"{}\"]", DataFiles::META))
        .ok()
        .flatten()
        .ok_or("this page names no data files: the site was built without `takeaways finish-site`")?;
    let name = |kind: &str| meta.get_attribute(&format!("data-{kind}")).unwrap_or_default();
    Ok(DataFiles {
        bundle: name("bundle"),
        article_texts: name("article-texts"),
        search: name("search"),
        takeaway_bodies: meta.has_attribute("data-takeaway-bodies"),
        titles_by_article: meta.has_attribute("data-titles-by-article"),
        first_page: meta.has_attribute("data-first-page"),
    })
}

/// One of the site's data files, parsed, after its schema version is checked.
async fn fetch_data<T: DeserializeOwned>(file: &str) -> Result<T, String> {
    parse_data(file, &fetch_bytes(file).await?)
}

/// The data file `file`, parsed from `bytes` after its schema version is checked.
fn parse_data<T: DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T, String> {
    let damaged = |e: serde_json::Error| format!("{file} is damaged: {e}");
    if schema_of(bytes).map_err(damaged)? != SCHEMA_VERSION {
        return Err(format!("{file} belongs to another version of the site; reload the page"));
    }
    serde_json::from_slice::<T>(bytes).map_err(damaged)
}

/// The texts of the article at `at` of `site`, as far as they have come (tracked).
pub fn article_texts(site: &Site, at: ArticleIx) -> Load<Arc<ArticleTexts>> {
    expect_context::<Files>().articles.with(|loaded| loaded.checked(&site.bundle, at.get()))
}

/// Whether search can answer a query that `wanted` this of the index: all of it is here, and
/// every takeaway's and article's titles if they were asked for, or what it waits for (tracked).
pub fn search_readiness(wanted: &Wanted) -> Load {
    let files = expect_context::<Files>();
    fn here<T>(load: &Load<T>) -> Result<bool, String> {
        match load {
            Load::Failed(why) => Err(why.clone()),
            load => Ok(!matches!(load, Load::Loading)),
        }
    }
    let titles = files.titles.with(here).and_then(|titles| Ok(titles && files.article_titles.with(here)?));
    let failed = files.pieces.with(|loaded| loaded.load_failure(&wanted.pieces));
    let failed = failed.or_else(|| files.words.with(|loaded| loaded.load_failure(&wanted.words)));
    match (files.head.get(), failed.map_or(titles, Err)) {
        (Load::Failed(why), _) | (_, Err(why)) => Load::Failed(why),
        (Load::Idle, _) => Load::Idle,
        (Load::Loading, _) => Load::Loading,
        (Load::Ready(_), Ok(true)) if wanted.is_empty() => Load::Ready(()),
        (Load::Ready(_), Ok(_)) => Load::Loading,
    }
}

/// The bundle's outline: the first page's where the site ships it and the URL is the home's,
/// unfiltered; the whole one once it is wanted (see [`Files::whole`]), the first page's staying
/// until it is here.
pub fn load_bundle(router: Router) -> BundleResource {
    let first_page = data_files().is_ok_and(|files| files.first_page)
        && matches!(router.page().get_untracked(), Page::List)
        && router.query().with_untracked(|query| query.is_empty());
    let whole = expect_context::<Files>().whole;
    whole.set(!first_page);
    LocalResource::new(move || {
        let whole = whole.get();
        async move { fetch_bundle(whole).await }
    })
}

/// Asks for the whole outline where the site has the first page's alone.
pub fn request_whole() {
    let whole = expect_context::<Files>().whole;
    if !whole.get_untracked() {
        whole.set(true);
    }
}

async fn fetch_bundle(whole: bool) -> Result<Loaded, String> {
    let files = data_files()?;
    let next_task = || gloo_timers::future::TimeoutFuture::new(0);
    let outline = fetch_bytes(&if whole { files.bundle_outline() } else { files.bundle_first_page() }).await?;
    let stored = parse_stored(&outline)?;
    // Then each in a task of its own, so that none holds the main thread long: what the outline
    // makes, its positions checked, the facets (which every list counts with) one at a time, the
    // pages' first render. The takeaways' titles are search's: the cards' come with their summaries.
    next_task().await;
    let outlined = stored.outlined().map_err(damaged)?;
    next_task().await;
    outlined.check_positions()?;
    let mut facets = FacetsInSteps::default();
    loop {
        next_task().await;
        if !facets.step(&outlined) {
            break;
        }
    }
    let facets = facets.finish(&outlined);
    next_task().await;
    Ok(Arc::new(Site::new(outlined, facets, files.takeaway_bodies)))
}

/// One of the site's files, relative to `<base href>`, so the site works under any sub-path. A
/// file of the page's build that the site no longer has means a newer build replaced it. As
/// bytes, copied into the wasm's memory as they came: as text, the browser would decode the
/// UTF-8 into a JavaScript string only for it to be encoded again on its way in.
/// The browser's `fetch` itself: a request wrapper's code would weigh on every first load.
async fn fetch_bytes(file: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |e: wasm_bindgen::JsValue| match e.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{file}: {}", error.message()),
        None => format!("{file}: {e:?}"),
    };
    let window = web_sys::window().ok_or("no window to fetch in")?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(file)).await.map_err(failed)?.unchecked_into();
    match response.status() {
        200..=299 => {
            let bytes = JsFuture::from(response.array_buffer().map_err(failed)?).await.map_err(failed)?;
            Ok(js_sys::Uint8Array::new(&bytes).to_vec())
        }
        404 => Err(format!("{file}: HTTP 404: the site has been updated since this page was loaded; reload the page")),
        status => Err(format!("{file}: HTTP {status}")),
    }
}

/// The schema version a data file declares, read before the rest, so that a file of another
/// version (whose fields may differ) is named as such rather than as damaged. The build writes it
/// first, and it is read there without going through the rest of the file (a bundle of
/// thousands of articles is megabytes); a file with it elsewhere is read through.
fn schema_of(json: &[u8]) -> Result<u32, serde_json::Error> {
    #[derive(Deserialize)]
    struct Version {
        schema: u32,
    }
    match first_schema(json) {
        Some(schema) => Ok(schema),
        None => serde_json::from_slice::<Version>(json).map(|version| version.schema),
    }
}

/// The schema version of a data file whose first field is `schema` (`{"schema": 23, …`), read
/// by hand: a parser's visitor costs the wasm more.
fn first_schema(json: &[u8]) -> Option<u32> {
    let mut rest = json;
    for token in [&b"{"[..], b"\"schema\"", b":"] {
        rest = rest.trim_ascii_start().strip_prefix(token)?;
    }
    let rest = rest.trim_ascii_start();
    let mut digits = rest.iter().take_while(|b| b.is_ascii_digit()).peekable();
    digits.peek()?;
    digits.try_fold(0u32, |n, &b| n.checked_mul(10)?.checked_add(u32::from(b - b'0')))
}

/// Parses a whole bundle ([`BUNDLE_FILE`](crate::model::BUNDLE_FILE), as the command line
/// reads it), checking its schema version first so an old bundle is named as such.
pub fn parse_bundle(json: &[u8]) -> Result<Bundle, String> {
    assemble(parse_stored(json)?)
}

/// A bundle, whole or its outline, as stored, after its schema version is checked.
fn parse_stored(json: &[u8]) -> Result<StoredBundle, String> {
    let schema = schema_of(json).map_err(|e| format!("the bundle is damaged: {e}"))?;
    if schema != SCHEMA_VERSION {
        return Err(format!(
            "the bundle has schema version {schema}, this app reads version {SCHEMA_VERSION}; rebuild the site"
        ));
    }
    serde_json::from_slice(json).map_err(|e| format!("the bundle is damaged: {e}"))
}

/// The bundle a stored one with its titles makes, its positions checked.
fn assemble(stored: StoredBundle) -> Result<Bundle, String> {
    let bundle = Bundle::try_from(stored).map_err(damaged)?;
    bundle.check_positions()?;
    Ok(bundle)
}

/// Why a stored bundle does not make one, said as such.
fn damaged(why: String) -> String {
    format!("the bundle is damaged: {why}")
}

/// The path the site is served under, from `<base href>` (which trunk's `--public-url` sets),
/// without its trailing slash: `""` at the root, `"/some/path"` under a sub-path.
pub fn site_base() -> String {
    let base =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    base_path(&base)
}

/// The path of an absolute URL, without its trailing slash.
fn base_path(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(base_path("http://127.0.0.1:8080/"), "");
        assert_eq!(base_path("http://127.0.0.1:8080/some/path/"), "/some/path");
        assert_eq!(base_path("https://x.example/a/?q=1"), "/a");
        assert_eq!(base_path(""), "");
    }

    #[test]
    fn bundles_of_another_schema_are_named() {
        let err = parse_bundle(br#"{"schema": 999, "articles": 1}"#).unwrap_err();
        assert!(err.contains("schema version 999"), "{err}");
        assert!(parse_bundle(b"{").unwrap_err().contains("damaged"));
        let later = parse_bundle(br#"{"articles": 1, "schema": 998}"#).unwrap_err();
        assert!(later.contains("schema version 998"), "{later}");
    }

    #[test]
    fn a_reader_is_given_the_files_that_came_since_it_last_read() {
        let mut loads: Loads<u32> = Loads::default();
        let mut seen = 0;
        loads.insert(3, Load::Loading);
        loads.insert(1, Load::Ready(Arc::new(10)));
        assert_eq!(loads.came_since(&mut seen), [1]);
        assert_eq!(loads.came_since(&mut seen), [] as [usize; 0]);
        loads.insert(3, Load::Ready(Arc::new(30)));
        loads.insert(0, Load::Failed("gone".into()));
        loads.remove(1);
        loads.insert(1, Load::Ready(Arc::new(11)));
        assert_eq!(loads.came_since(&mut seen), [3, 1], "a file that came again, again");
        assert_eq!(seen, 3);
        assert_eq!(loads.came_since(&mut 0), [1, 3, 1], "a new reader, all");
    }

    #[test]
    fn the_schema_is_read_where_the_build_writes_it_without_the_rest() {
        assert_eq!(schema_of(br#"{"schema": 14, "articles": [1, 2"#).unwrap(), 14);
        assert_eq!(schema_of(b" {\n \"schema\" :14}").unwrap(), 14);
        assert_eq!(schema_of(br#"{"a": {"schema": 1}, "schema": 2}"#).unwrap(), 2);
        assert!(schema_of(br#"{"schema": "14"}"#).is_err());
        assert!(schema_of(b"{}").is_err());
        assert!(schema_of(br#"{"schema": 42949672950}"#).is_err());
    }
}
