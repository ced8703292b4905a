//! The model: exactly what the build writes and the explorer reads, the contract between them.
//! `bundle.json` ([`Bundle`]) holds what the list and facets need; the long texts
//! (`texts.json`, [`Texts`]) and the search index (`search.json`, [`SearchFile`]) ship apart and
//! are fetched when a page or a search first needs them. The build holds all three at once as a
//! [`Dataset`].
//!
//! Nothing here depends on the rest of the crate. Bump [`SCHEMA_VERSION`] on any change that an
//! older app could misread.

mod columns;
mod dataset;
pub mod ids;
pub mod order;
mod search_file;
mod texts;
pub mod vlq;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use columns::{Outline, StoredBundle, StoredTitles, SubjectTotals};
pub use dataset::Dataset;
pub use search_file::{CompactField, CompactIndex, IndexWords, SearchFile, SearchHead, SearchShard, ShardField};
pub use texts::{
    ArticleSummaries, ArticleTexts, Context, OfArticle, PartOf, SanitizedHtml, Summaries, TakeawayBody, Texts, Titles,
};

/// Version of this schema; the app refuses files of another version.
pub const SCHEMA_VERSION: u32 = 23;

/// File name of the bundle as `takeaways build` writes it; in a site, named by its content
/// (`bundle.<hash>.json`, see [`DataFiles`]).
pub const BUNDLE_FILE: &str = "bundle.json";

/// File name of the search index as `takeaways build` writes it, next to the bundle: fetched when
/// search is first needed, so visitors who never search never download it.
pub const SEARCH_FILE: &str = "search.json";

/// File name of the takeaways' bodies and the articles' context as `takeaways build` writes it,
/// next to the bundle: fetched by the takeaway and article pages and by search, so the list's
/// first load does without them.
pub const TEXTS_FILE: &str = "texts.json";

/// The names of a site's data files, each named by its content (`bundle.<hash>.json`…) so it
/// never changes under its name: a page names the files of its own build in a `<meta>` named
/// [`DataFiles::META`], and its app fetches those.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFiles {
    /// The folder of the bundle in three files, named by the whole bundle's content:
    /// `bundle.<hash>/`, whose `outline.json` holds all but the takeaways' and articles' titles
    /// ([`Outline`]): what the app starts with, but for the home's first page where
    /// [`DataFiles::first_page`]; `titles.json` every takeaway's
    /// ([`StoredTitles`]): what search ranks with, fetched when it is first needed; and
    /// `articles.json` every article's (the same): what lists of articles and the cards
    /// of a search read (a card's titles, its article's included, come with its summary,
    /// [`ArticleSummaries`]).
    pub bundle: String,
    /// The folder of the texts one article at a time, named by the texts' content:
    /// `texts.<hash>/`, whose file `<n>.json` holds the texts ([`ArticleTexts`]) of the article
    /// at position `n`, and `<n>-summaries.json` its takeaways' summaries and titles
    /// ([`ArticleSummaries`]).
    pub article_texts: String,
    /// The folder of the search index in pieces ([`SearchHead`]), named by the index's content:
    /// `search.<hash>/`.
    pub search: String,
    /// Whether each takeaway's body also ships alone, `takeaway-<n>.json` in the texts' folder
    /// ([`TakeawayBody`]), for a search to read its results' bodies without their articles' other
    /// texts: where the texts are too large to keep offline (see `takeaways finish-site`).
    pub takeaway_bodies: bool,
    /// Whether a search reads the titles it ranks with their articles' summaries, not every
    /// takeaway's at once: where the bundle is large enough that every title weighs more than
    /// the rest of a `?q=` link (see `takeaways finish-site`).
    pub titles_by_article: bool,
    /// Whether the bundle's folder also holds the first page's outline, `first-page.json`: the
    /// outline with the themes and projects of the home's first page's takeaways alone and every
    /// theme's and project's total ([`Outline::subjects_from`]), which the home, unfiltered,
    /// shows its first page with, the whole outline following: where every takeaway's themes and
    /// projects weigh much (see `takeaways finish-site`).
    pub first_page: bool,
}

impl DataFiles {
    /// The `name` of the `<meta>` whose `data-bundle`, `data-article-texts` and `data-search`
    /// name them, whose `data-takeaway-bodies` says whether takeaways' bodies ship alone, and
    /// `data-titles-by-article` whether a search reads its titles with their articles' summaries,
    /// and `data-first-page` whether the first page's outline ships.
    pub const META: &'static str = "takeaways-data";

    /// The bundle without its takeaways' titles.
    pub fn bundle_outline(&self) -> String {
        format!("{}outline.json", self.bundle)
    }

    /// The first page's outline, where it ships.
    pub fn bundle_first_page(&self) -> String {
        format!("{}first-page.json", self.bundle)
    }

    /// The takeaways' titles.
    pub fn bundle_titles(&self) -> String {
        format!("{}titles.json", self.bundle)
    }

    /// The articles' titles.
    pub fn bundle_article_titles(&self) -> String {
        format!("{}articles.json", self.bundle)
    }

    /// The file of the texts of the article at `at`.
    pub fn article_texts_file(&self, at: ArticleIx) -> String {
        format!("{}{}.json", self.article_texts, at.get())
    }

    /// The file of the summaries and titles of the takeaways of the article at `at`.
    pub fn article_summaries_file(&self, at: ArticleIx) -> String {
        format!("{}{}-summaries.json", self.article_texts, at.get())
    }

    /// The file of the body of the takeaway at `index` in [`OutlinedBundle::takeaways`], where
    /// [`DataFiles::takeaway_bodies`] ship.
    pub fn takeaway_body_file(&self, index: usize) -> String {
        format!("{}takeaway-{index}.json", self.article_texts)
    }

    /// The search index's head: which pieces there are.
    pub fn search_head(&self) -> String {
        format!("{}head.json", self.search)
    }

    /// The search index's piece `n`.
    pub fn search_piece(&self, n: usize) -> String {
        format!("{}{n}.json", self.search)
    }

    /// The shipped fields' words of the `n`th run of initials (see [`SearchHead::initials`]), for
    /// correcting misspelt ones.
    pub fn search_words(&self, n: usize) -> String {
        format!("{}words-{n}.json", self.search)
    }
}

/// A position in [`OutlinedBundle::events`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventIx(pub u32);

/// A position in [`OutlinedBundle::themes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ThemeIx(pub u32);

/// A position in [`OutlinedBundle::projects`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProjectIx(pub u32);

/// A position in [`OutlinedBundle::articles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleIx(pub u32);

macro_rules! positions {
    ($($ix:ident),*) => {$(
        impl $ix {
            /// The position as an index into its list.
            pub fn get(self) -> usize {
                self.0 as usize
            }

            /// The position of the `at`-th item.
            pub fn at(at: usize) -> Self {
                $ix(at as u32)
            }
        }
    )*};
}
positions!(EventIx, ThemeIx, ProjectIx, ArticleIx);

/// What [`BUNDLE_FILE`] holds: the outline and the takeaways' titles, in two parts since a site
/// ships them apart (see [`DataFiles::bundle`]), and the app has the outline first. Written and
/// read as columns (see [`columns`]).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "columns::StoredBundle")]
pub struct Bundle {
    pub outline: OutlinedBundle,
    /// The takeaways' titles and ids, in [`OutlinedBundle::takeaways`]' order.
    pub titles: Vec<TakeawayTitle>,
    /// The articles' titles, in [`OutlinedBundle::articles`]' order.
    pub article_titles: Vec<ArticleTitle>,
}

/// Everything a bundle holds but the takeaways' and the articles' titles (and so the takeaways'
/// ids): what the facets and the list's order are made of.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlinedBundle {
    pub schema: u32,
    /// Ordered by start date.
    pub events: Vec<Event>,
    pub themes: Vec<Theme>,
    pub projects: Vec<Project>,
    /// Ordered by event date, then article date and id.
    pub articles: Vec<Article>,
    /// Grouped by article (in article order), then by ordinal, numbered from 1 in each article.
    /// Written without their articles and ordinals.
    pub takeaways: Vec<Takeaway>,
    /// Groups of equivalent spellings, canonical first, applied to documents and queries alike.
    pub synonyms: Vec<Vec<String>>,
    /// Old takeaway ids that still resolve: old id → current id.
    pub aliases: BTreeMap<String, String>,
    /// In the first page's outline (see [`DataFiles::first_page`]), which holds the themes and
    /// projects of the home's first page's takeaways alone (the others have none): how many
    /// takeaways have each theme and each project, the facets' totals. None in the whole one.
    pub first_page_totals: Option<SubjectTotals>,
}

/// A text in the UI's two languages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Names {
    pub zh: String,
    pub en: String,
}

/// One KubeCon + CloudNativeCon edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `YEAR-REGION-CITY`, e.g. `2023-na-chicago`; article file names start with it.
    pub id: String,
    pub name: Names,
    pub city: Names,
    pub country: Names,
    /// Europe, North America, China…
    pub region: Names,
    /// First and last day, `YYYY-MM-DD`.
    pub start: String,
    pub end: String,
}

/// What takeaways are about: an axis of exploration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub id: String,
    pub name: Names,
    pub description: Names,
}

/// A project, product or vendor the corpus names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub id: String,
    pub name: String,
    pub kind: ProjectKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProjectKind {
    Project,
    Product,
    Vendor,
}

/// One write-up, from one Markdown file in `corpus/`. Its titles are in [`Bundle::article_titles`];
/// its context and summary ship in [`Texts`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The file name without `.md`.
    pub id: String,
    /// File name inside `corpus/`.
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<EventIx>,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Where this (often translated) article was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where the original article was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// One takeaway: the unit the explorer is about, with its own deep link. Its titles and id are
/// in [`Bundle::titles`]; its body, its summary and the words that gave its themes ship in
/// [`Texts`].
#[derive(Debug, Clone, PartialEq)]
pub struct Takeaway {
    pub article: ArticleIx,
    /// 1-based position in its article.
    pub ordinal: u32,
    /// True when the article lists this takeaway but has no section about it (no body).
    pub title_only: bool,
    /// Its themes, best first ([`Texts::theme_terms`] says why).
    pub themes: Vec<ThemeIx>,
    /// The projects, products and vendors it mentions.
    pub projects: Vec<ProjectIx>,
}

/// A takeaway's titles, and the id made of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TakeawayTitle {
    /// Stable, see [`ids`]: not written in the bundle, where it is made again from the article's
    /// id, the ordinal and the title; written in its article's summaries ([`ArticleSummaries`]).
    pub id: String,
    pub title: String,
    /// The other wording of the title, when the article's list and its heading differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt_title: Option<String>,
    /// The title in English, from `corpus/english.toml`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
}

/// An article's titles: what its takeaways' cards and pages name it by. They ship apart from the
/// outline, with its takeaways' summaries ([`ArticleSummaries`]) and, every article's together,
/// beside the takeaways' titles (see [`DataFiles::bundle`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleTitle {
    pub title: String,
    /// The title in English, from `corpus/english.toml`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
}

impl ProjectKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectKind::Project => "project",
            ProjectKind::Product => "product",
            ProjectKind::Vendor => "vendor",
        }
    }
}

impl Event {
    /// Region, year and city, e.g. "Europe 2024 · Paris": short enough for lists and facets.
    pub fn short_name(&self) -> Names {
        let year = self.year();
        Names {
            zh: format!("{}{year} · {}", self.region.zh, self.city.zh),
            en: format!("{} {year} · {}", self.region.en, self.city.en),
        }
    }

    /// The year it started in, e.g. "2024".
    pub fn year(&self) -> &str {
        self.start.get(..4).unwrap_or_default()
    }
}

impl Takeaway {
    /// False when the article lists this takeaway but has no section about it.
    pub fn has_body(&self) -> bool {
        !self.title_only
    }
}

impl Bundle {
    /// The titles of the takeaway at `index` in [`OutlinedBundle::takeaways`].
    pub fn title(&self, index: usize) -> &TakeawayTitle {
        &self.titles[index]
    }

    /// The titles of the takeaways of one article, in order.
    pub fn titles_of(&self, article: ArticleIx) -> &[TakeawayTitle] {
        &self.titles[self.takeaway_range(article)]
    }

    /// The titles of the article at `at`.
    pub fn article_title(&self, at: ArticleIx) -> &ArticleTitle {
        &self.article_titles[at.get()]
    }
}

impl std::ops::Deref for Bundle {
    type Target = OutlinedBundle;

    fn deref(&self) -> &OutlinedBundle {
        &self.outline
    }
}

impl std::ops::DerefMut for Bundle {
    fn deref_mut(&mut self) -> &mut OutlinedBundle {
        &mut self.outline
    }
}

impl OutlinedBundle {
    /// The titles of the takeaway at `index` from `titles`; where they are not there, none, and
    /// the id of its article and ordinal alone, which resolves.
    pub fn titled<'a>(&self, titles: &'a dyn Titles, index: usize) -> Cow<'a, TakeawayTitle> {
        if let Some(titled) = titles.takeaway_title(index) {
            return Cow::Borrowed(titled);
        }
        let id = self.takeaways.get(index).map(|t| ids::takeaway_id(&self.article(t.article).id, t.ordinal, ""));
        Cow::Owned(TakeawayTitle { id: id.unwrap_or_default(), title: String::new(), alt_title: None, title_en: None })
    }

    /// The position in [`OutlinedBundle::takeaways`] of the takeaway a deep link names: by its
    /// article and ordinal, which its id starts with (`<article>-<ordinal>`, see [`ids`]), so an
    /// id whose readable slug has changed since still names it, and an old id kept as an alias.
    /// Where the ids of two articles both start it, the longer names it (the build checks that
    /// every takeaway's id names it so).
    pub fn takeaway_index(&self, id: &str) -> Option<usize> {
        let id = self.aliases.get(id).map_or(id, String::as_str);
        let named = self.articles.iter().enumerate().filter_map(|(at, article)| {
            let ordinal = ids::ordinal_in(id, &article.id)?;
            let index = self.takeaway_range(ArticleIx::at(at)).find(|&t| self.takeaways[t].ordinal == ordinal)?;
            Some((article.id.len(), index))
        });
        named.max().map(|(_, index)| index)
    }

    /// Where one article's takeaways are in [`OutlinedBundle::takeaways`]: grouped by article in
    /// article order ([`OutlinedBundle::check_positions`] checks it), they are found by bisection,
    /// not a scan (the build asks for every takeaway's siblings).
    pub fn takeaway_range(&self, article: ArticleIx) -> std::ops::Range<usize> {
        let start = self.takeaways.partition_point(|t| t.article < article);
        start..start + self.takeaways[start..].partition_point(|t| t.article == article)
    }

    /// The articles of the takeaways at `takeaways` (positions in [`OutlinedBundle::takeaways`]),
    /// each once, in order; positions out of range name none.
    pub fn articles_of(&self, takeaways: &[usize]) -> Vec<ArticleIx> {
        let mut articles: Vec<ArticleIx> =
            takeaways.iter().filter_map(|&t| Some(self.takeaways.get(t)?.article)).collect();
        articles.sort_unstable();
        articles.dedup();
        articles
    }

    /// The takeaways of one article, in order.
    pub fn takeaways_of(&self, article: ArticleIx) -> &[Takeaway] {
        &self.takeaways[self.takeaway_range(article)]
    }

    pub fn article(&self, at: ArticleIx) -> &Article {
        &self.articles[at.get()]
    }

    pub fn theme(&self, at: ThemeIx) -> &Theme {
        &self.themes[at.get()]
    }

    pub fn project(&self, at: ProjectIx) -> &Project {
        &self.projects[at.get()]
    }

    pub fn event(&self, at: EventIx) -> &Event {
        &self.events[at.get()]
    }

    /// The article a takeaway comes from.
    pub fn article_of(&self, takeaway: &Takeaway) -> &Article {
        self.article(takeaway.article)
    }

    /// The event an article was written about, if known.
    pub fn event_of(&self, article: &Article) -> Option<&Event> {
        article.event.map(|e| self.event(e))
    }

    /// Whether every position the bundle holds points into its lists: a damaged or hand-edited
    /// bundle is refused with a message instead of panicking later.
    pub fn check_positions(&self) -> Result<(), String> {
        let bad = |what: &str, whose: &str| Err(format!("{BUNDLE_FILE} is damaged: {what} of {whose} is out of range"));
        for article in &self.articles {
            if article.event.is_some_and(|e| e.get() >= self.events.len()) {
                return bad("the event", &format!("`{}`", article.id));
            }
        }
        if self.takeaways.windows(2).any(|pair| pair[1].article < pair[0].article) {
            return Err(format!("{BUNDLE_FILE} is damaged: its takeaways are not grouped by article"));
        }
        for (n, t) in self.takeaways.iter().enumerate() {
            // Its ids are made of the positions checked here: a takeaway is named by its place.
            let name = format!("takeaway {}", n + 1);
            // Stored, a takeaway's article and ordinal are how many takeaways each article has.
            let expected = match n.checked_sub(1).map(|p| &self.takeaways[p]) {
                Some(previous) if previous.article == t.article => previous.ordinal.saturating_add(1),
                _ => 1,
            };
            if t.ordinal != expected {
                return Err(format!("{BUNDLE_FILE} is damaged: {name} is not numbered from 1 in its article"));
            }
            if t.article.get() >= self.articles.len() {
                return bad("the article", &name);
            }
            if t.themes.iter().any(|theme| theme.get() >= self.themes.len()) {
                return bad("a theme", &name);
            }
            if t.projects.iter().any(|p| p.get() >= self.projects.len()) {
                return bad("a project", &name);
            }
        }
        Ok(())
    }
}
