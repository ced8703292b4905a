//! The bundle as stored: the articles and the takeaways as columns, one array per field
//! (`{"title": [...], ...}`), since a field's values side by side compress far better than each
//! item's fields in turn; and without the takeaways' ids, which are made again from the
//! article's id, the ordinal and the title (see [`ids::takeaway_id`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use super::{ids, Article, ArticleIx, Bundle, Event, EventIx, Project, ProjectIx, Takeaway, Theme, ThemeIx};

#[derive(Serialize, Deserialize)]
struct Columns {
    article: Vec<ArticleIx>,
    ordinal: Vec<u32>,
    title: Vec<String>,
    alt_title: Vec<Option<String>>,
    /// Left out where no takeaway has an English title.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    title_en: Vec<Option<String>>,
    /// The numbers of the takeaways without a body.
    title_only: Vec<usize>,
    themes: Vec<Vec<ThemeIx>>,
    projects: Vec<Vec<ProjectIx>>,
}

/// The articles' fields; those that are optional or lists are left out where no article has one.
#[derive(Serialize, Deserialize)]
struct ArticleColumns {
    id: Vec<String>,
    title: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    title_en: Vec<Option<String>>,
    file: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    event: Vec<Option<EventIx>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    date: Vec<Option<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    authors: Vec<Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    url: Vec<Option<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    original_url: Vec<Option<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<Vec<String>>,
}

/// The column of `items`' `field`, left out (empty) where every value is the default.
fn column<I, T: Clone + Default + PartialEq>(items: &[I], field: impl Fn(&I) -> &T) -> Vec<T> {
    match items.iter().any(|item| *field(item) != T::default()) {
        true => items.iter().map(|item| field(item).clone()).collect(),
        false => Vec::new(),
    }
}

/// The values of a column of `count` items that [`column`] may have left out (every item's
/// default then); none if it has another length.
fn full<T: Default + Clone>(column: Vec<T>, count: usize) -> Option<std::vec::IntoIter<T>> {
    match column.len() {
        0 => Some(vec![T::default(); count].into_iter()),
        n if n == count => Some(column.into_iter()),
        _ => None,
    }
}

pub fn serialize_articles<S: Serializer>(articles: &[Article], serializer: S) -> Result<S::Ok, S::Error> {
    ArticleColumns {
        id: articles.iter().map(|a| a.id.clone()).collect(),
        title: articles.iter().map(|a| a.title.clone()).collect(),
        title_en: column(articles, |a| &a.title_en),
        file: articles.iter().map(|a| a.file.clone()).collect(),
        event: column(articles, |a| &a.event),
        date: column(articles, |a| &a.date),
        authors: column(articles, |a| &a.authors),
        url: column(articles, |a| &a.url),
        original_url: column(articles, |a| &a.original_url),
        tags: column(articles, |a| &a.tags),
    }
    .serialize(serializer)
}

impl ArticleColumns {
    /// The articles, or why the columns do not make them: of different lengths.
    fn rows(self) -> Result<Vec<Article>, String> {
        let count = self.id.len();
        let uneven = || "the articles' columns differ in length".to_owned();
        if self.title.len() != count || self.file.len() != count {
            return Err(uneven());
        }
        let mut title_en = full(self.title_en, count).ok_or_else(uneven)?;
        let mut event = full(self.event, count).ok_or_else(uneven)?;
        let mut date = full(self.date, count).ok_or_else(uneven)?;
        let mut authors = full(self.authors, count).ok_or_else(uneven)?;
        let mut url = full(self.url, count).ok_or_else(uneven)?;
        let mut original_url = full(self.original_url, count).ok_or_else(uneven)?;
        let mut tags = full(self.tags, count).ok_or_else(uneven)?;
        let rows = self.id.into_iter().zip(self.title).zip(self.file);
        Ok(rows
            .map(|((id, title), file)| Article {
                id,
                title,
                title_en: title_en.next().flatten(),
                file,
                event: event.next().flatten(),
                date: date.next().flatten(),
                authors: authors.next().unwrap_or_default(),
                url: url.next().flatten(),
                original_url: original_url.next().flatten(),
                tags: tags.next().unwrap_or_default(),
            })
            .collect())
    }
}

pub fn serialize<S: Serializer>(takeaways: &[Takeaway], serializer: S) -> Result<S::Ok, S::Error> {
    Columns {
        article: takeaways.iter().map(|t| t.article).collect(),
        ordinal: takeaways.iter().map(|t| t.ordinal).collect(),
        title: takeaways.iter().map(|t| t.title.clone()).collect(),
        alt_title: takeaways.iter().map(|t| t.alt_title.clone()).collect(),
        title_en: column(takeaways, |t| &t.title_en),
        title_only: (0..takeaways.len()).filter(|&n| takeaways[n].title_only).collect(),
        themes: takeaways.iter().map(|t| t.themes.clone()).collect(),
        projects: takeaways.iter().map(|t| t.projects.clone()).collect(),
    }
    .serialize(serializer)
}

/// What [`BUNDLE_FILE`](super::BUNDLE_FILE) holds, read before the takeaways get their ids.
#[derive(Deserialize)]
pub struct StoredBundle {
    schema: u32,
    events: Vec<Event>,
    themes: Vec<Theme>,
    projects: Vec<Project>,
    articles: ArticleColumns,
    takeaways: Columns,
    #[serde(default)]
    synonyms: Vec<Vec<String>>,
    #[serde(default)]
    aliases: BTreeMap<String, String>,
}

impl TryFrom<StoredBundle> for Bundle {
    type Error = String;

    fn try_from(stored: StoredBundle) -> Result<Bundle, String> {
        let articles = stored.articles.rows()?;
        let c = stored.takeaways;
        let count = c.article.len();
        let uneven = || "the takeaways' columns differ in length".to_owned();
        let title_en = full(c.title_en, count).ok_or_else(uneven)?;
        let lengths = [c.ordinal.len(), c.title.len(), c.alt_title.len(), c.themes.len(), c.projects.len()];
        if lengths.into_iter().any(|l| l != count) {
            return Err(uneven());
        }
        let rows = c.article.into_iter().zip(c.ordinal).zip(c.title).zip(c.alt_title.into_iter().zip(title_en));
        let mut takeaways = rows
            .zip(c.themes.into_iter().zip(c.projects))
            .map(|((((article, ordinal), title), (alt_title, title_en)), (themes, projects))| {
                let of = articles.get(article.get()).ok_or("a takeaway's article is out of range")?;
                Ok(Takeaway {
                    id: ids::takeaway_id(&of.id, ordinal, &title),
                    article,
                    ordinal,
                    title,
                    alt_title,
                    title_en,
                    title_only: false,
                    themes,
                    projects,
                })
            })
            .collect::<Result<Vec<Takeaway>, &str>>()?;
        for n in c.title_only {
            takeaways.get_mut(n).ok_or("a title-only takeaway is out of range")?.title_only = true;
        }
        Ok(Bundle {
            schema: stored.schema,
            events: stored.events,
            themes: stored.themes,
            projects: stored.projects,
            articles,
            takeaways,
            synonyms: stored.synonyms,
            aliases: stored.aliases,
        })
    }
}
