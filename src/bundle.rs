//! The bundle: the JSON documents the build writes and the explorer loads. `bundle.json` holds
//! what the list and facets need; the long texts (`texts.json`) and the search index
//! (`search.json`) ship apart and are fetched when a page or a search first needs them.
//!
//! This schema is the contract between build and app. Bump [`SCHEMA_VERSION`] on any change
//! that an older app could misread.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::search::index::CompactIndex;
use crate::search::text::{first_sentences, html_to_text};
use crate::search::{Engine, Synonyms};

/// Version of this schema; the app refuses bundles of another version.
pub const SCHEMA_VERSION: u32 = 8;

/// File name of the bundle inside the site root.
pub const BUNDLE_FILE: &str = "bundle.json";

/// File name of the search index inside the site root, next to the bundle: fetched when search
/// is first needed, so visitors who never search never download it.
pub const SEARCH_FILE: &str = "search.json";

/// File name of the takeaways' bodies and the articles' context, next to the bundle: fetched by
/// the takeaway and article pages and by search, so the list's first load does without them.
pub const TEXTS_FILE: &str = "texts.json";

/// What [`TEXTS_FILE`] holds: the long texts of the bundle, in its orders.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Texts {
    pub schema: u32,
    /// Per takeaway, in [`Bundle::takeaways`] order: [`Takeaway::body_html`].
    pub bodies: Vec<String>,
    /// Per article, in [`Bundle::articles`] order: [`Article::context`].
    pub contexts: Vec<Vec<Context>>,
}

impl Texts {
    /// Whether these texts belong to `bundle`: same schema, one body per takeaway, one context
    /// per article.
    pub fn check(&self, bundle: &Bundle) -> Result<(), String> {
        if self.schema != bundle.schema
            || self.bodies.len() != bundle.takeaways.len()
            || self.contexts.len() != bundle.articles.len()
        {
            return Err(format!("{TEXTS_FILE} belongs to another build than {BUNDLE_FILE}; reload the page"));
        }
        Ok(())
    }
}

/// What [`SEARCH_FILE`] holds: the bundle's search index, with the schema version it belongs to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchFile {
    pub schema: u32,
    pub search: CompactIndex,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub schema: u32,
    /// Ordered by start date.
    pub events: Vec<Event>,
    pub themes: Vec<Theme>,
    pub projects: Vec<Project>,
    /// Ordered by event date, then article date and id.
    pub articles: Vec<Article>,
    /// Grouped by article (in article order), then by ordinal. Written as columns (see
    /// [`columns`]).
    #[serde(with = "columns")]
    pub takeaways: Vec<Takeaway>,
    /// The search index over the takeaways, built by elasticlunr-rs (see [`crate::search::index`]).
    /// Written apart, to [`SEARCH_FILE`], so the first page does not wait for it.
    #[serde(skip)]
    pub search: CompactIndex,
    /// Groups of equivalent spellings, canonical first, applied to documents and queries alike.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Vec<String>>,
    /// Old takeaway ids that still resolve: old id → current id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub aliases: BTreeMap<String, String>,
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

/// One write-up, from one Markdown file in `corpus/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The file name without `.md`.
    pub id: String,
    pub title: String,
    /// File name inside `corpus/`.
    pub file: String,
    /// Index into [`Bundle::events`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<usize>,
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
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// What frames the takeaways (intro, background, conclusion), in article order. Written to
    /// [`TEXTS_FILE`].
    #[serde(skip)]
    pub context: Vec<Context>,
    /// Where each field came from: field name → `front matter`, `metadata`, `heading`…
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<String, String>,
}

/// A part of an article that frames its takeaways.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Context {
    /// How many of the article's takeaways come before it (0: before the first).
    pub after: u32,
    /// Sanitized HTML.
    pub html: String,
}

/// One takeaway: the unit the explorer is about, with its own deep link.
#[derive(Debug, Clone, PartialEq)]
pub struct Takeaway {
    /// Stable id, see [`crate::ids`].
    pub id: String,
    /// Index into [`Bundle::articles`].
    pub article: usize,
    /// 1-based position in its article.
    pub ordinal: u32,
    pub title: String,
    /// The other wording of the title, when the article's list and its heading differ.
    pub alt_title: Option<String>,
    /// Sanitized HTML, rendered at build time; empty when the source has no section for it.
    /// Written to [`TEXTS_FILE`].
    pub body_html: String,
    /// Plain-text first sentences of the body, for the list's cards and previews.
    pub summary: String,
    /// True when the article lists this takeaway but has no section about it (no body).
    pub title_only: bool,
    /// Indices into [`Bundle::themes`], best first, with why.
    pub themes: Vec<ThemeMatch>,
    /// Indices into [`Bundle::projects`] of the projects, products and vendors it mentions.
    pub projects: Vec<usize>,
}

/// Why a takeaway has a theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeMatch {
    pub theme: usize,
    pub score: f32,
    /// The keywords that matched, as written in themes.toml.
    pub terms: Vec<String>,
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
        let year = self.start.get(..4).unwrap_or_default();
        Names {
            zh: format!("{}{year} · {}", self.region.zh, self.city.zh),
            en: format!("{} {year} · {}", self.region.en, self.city.en),
        }
    }
}

impl Takeaway {
    /// [`Takeaway::summary`] for a body.
    pub fn summary_of(body_html: &str) -> String {
        first_sentences(&html_to_text(body_html))
    }

    /// False when the article lists this takeaway but has no section about it.
    pub fn has_body(&self) -> bool {
        !self.title_only
    }
}

impl Bundle {
    /// The takeaway a deep link names: by its id, an old id kept as an alias, or an id whose
    /// readable slug has changed since (same article and ordinal).
    pub fn takeaway(&self, id: &str) -> Option<&Takeaway> {
        self.takeaway_index(id).map(|index| &self.takeaways[index])
    }

    /// The position in [`Bundle::takeaways`] of the takeaway a deep link names (see [`Bundle::takeaway`]).
    pub fn takeaway_index(&self, id: &str) -> Option<usize> {
        let id = self.aliases.get(id).map_or(id, String::as_str);
        self.takeaways.iter().position(|t| t.id == id).or_else(|| {
            let (article, ordinal) = self
                .articles
                .iter()
                .enumerate()
                .find_map(|(index, a)| crate::ids::ordinal_in(id, &a.id).map(|ordinal| (index, ordinal)))?;
            self.takeaways.iter().position(|t| t.article == article && t.ordinal == ordinal)
        })
    }

    /// The takeaways of one article, in order.
    pub fn takeaways_of(&self, article: usize) -> impl Iterator<Item = &Takeaway> {
        self.takeaways.iter().filter(move |t| t.article == article)
    }

    /// The search engine over this bundle's takeaways, with their bodies and index in place.
    pub fn search_engine(&self) -> Engine {
        self.engine_with(&self.search, self.takeaways.iter().map(|t| t.body_html.as_str()))
    }

    /// The search engine over this bundle's takeaways with `search`, their index, and `bodies`,
    /// their HTML in order: both shipped apart.
    pub fn engine_with<'a>(&'a self, search: &CompactIndex, bodies: impl Iterator<Item = &'a str>) -> Engine {
        let synonyms = Synonyms::new(&self.synonyms);
        let index = crate::search::fields::search_index(self, search, &synonyms);
        Engine::new(index, synonyms, self.takeaways.iter().map(|t| t.title.as_str()).zip(bodies))
    }

    /// The long texts, for [`TEXTS_FILE`].
    pub fn texts(&self) -> Texts {
        Texts {
            schema: self.schema,
            bodies: self.takeaways.iter().map(|t| t.body_html.clone()).collect(),
            contexts: self.articles.iter().map(|a| a.context.clone()).collect(),
        }
    }

    /// Puts `texts`, read from [`TEXTS_FILE`], in place.
    pub fn add_texts(&mut self, texts: Texts) -> Result<(), String> {
        texts.check(self)?;
        for (takeaway, body) in self.takeaways.iter_mut().zip(texts.bodies) {
            takeaway.body_html = body;
        }
        for (article, context) in self.articles.iter_mut().zip(texts.contexts) {
            article.context = context;
        }
        Ok(())
    }

    /// The event an article was written about, if known.
    pub fn event_of(&self, article: &Article) -> Option<&Event> {
        article.event.and_then(|e| self.events.get(e))
    }
}

/// The takeaways as columns, one array per field (`{"id": [...], "title": [...], ...}`): a
/// field's values side by side compress far better than each takeaway's short fields in turn
/// (on 3,918 takeaways, 90 KB gzip against 243 KB).
mod columns {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Takeaway, ThemeMatch};

    #[derive(Serialize, Deserialize)]
    struct Columns {
        id: Vec<String>,
        article: Vec<usize>,
        ordinal: Vec<u32>,
        title: Vec<String>,
        alt_title: Vec<Option<String>>,
        summary: Vec<String>,
        /// The numbers of the takeaways without a body.
        title_only: Vec<usize>,
        themes: Vec<Vec<ThemeMatch>>,
        projects: Vec<Vec<usize>>,
    }

    pub fn serialize<S: Serializer>(takeaways: &[Takeaway], serializer: S) -> Result<S::Ok, S::Error> {
        Columns {
            id: takeaways.iter().map(|t| t.id.clone()).collect(),
            article: takeaways.iter().map(|t| t.article).collect(),
            ordinal: takeaways.iter().map(|t| t.ordinal).collect(),
            title: takeaways.iter().map(|t| t.title.clone()).collect(),
            alt_title: takeaways.iter().map(|t| t.alt_title.clone()).collect(),
            summary: takeaways.iter().map(|t| t.summary.clone()).collect(),
            title_only: (0..takeaways.len()).filter(|&n| takeaways[n].title_only).collect(),
            themes: takeaways.iter().map(|t| t.themes.clone()).collect(),
            projects: takeaways.iter().map(|t| t.projects.clone()).collect(),
        }
        .serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Takeaway>, D::Error> {
        let c = Columns::deserialize(deserializer)?;
        let count = c.id.len();
        let lengths = [c.article.len(), c.ordinal.len(), c.title.len(), c.alt_title.len(), c.summary.len()];
        if lengths.into_iter().chain([c.themes.len(), c.projects.len()]).any(|l| l != count) {
            return Err(D::Error::custom("the takeaways' columns differ in length"));
        }
        let mut takeaways: Vec<Takeaway> =
            c.id.into_iter()
                .zip(c.article)
                .zip(c.ordinal)
                .zip(c.title)
                .zip(c.alt_title)
                .zip(c.summary)
                .zip(c.themes.into_iter().zip(c.projects))
                .map(|((((((id, article), ordinal), title), alt_title), summary), (themes, projects))| Takeaway {
                    id,
                    article,
                    ordinal,
                    title,
                    alt_title,
                    body_html: String::new(),
                    summary,
                    title_only: false,
                    themes,
                    projects,
                })
                .collect();
        for n in c.title_only {
            takeaways.get_mut(n).ok_or_else(|| D::Error::custom("a title-only takeaway is out of range"))?.title_only =
                true;
        }
        Ok(takeaways)
    }
}
