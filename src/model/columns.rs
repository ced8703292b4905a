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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<BTreeMap<String, String>>,
}

/// A column of `articles`' `field`, empty where every value is empty.
fn column<T: Clone + Default + PartialEq>(articles: &[Article], field: impl Fn(&Article) -> &T) -> Vec<T> {
    match articles.iter().any(|a| *field(a) != T::default()) {
        true => articles.iter().map(|a| field(a).clone()).collect(),
        false => Vec::new(),
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
        sources: column(articles, |a| &a.sources),
    }
    .serialize(serializer)
}

impl ArticleColumns {
    /// The articles, or why the columns do not make them: of different lengths.
    fn rows(self) -> Result<Vec<Article>, String> {
        let count = self.id.len();
        // A column left out is every article's default.
        fn full<T: Default + Clone>(column: Vec<T>, count: usize) -> Result<std::vec::IntoIter<T>, String> {
            match column.len() {
                0 => Ok(vec![T::default(); count].into_iter()),
                n if n == count => Ok(column.into_iter()),
                _ => Err("the articles' columns differ in length".to_owned()),
            }
        }
        if self.title.len() != count || self.file.len() != count {
            return Err("the articles' columns differ in length".to_owned());
        }
        let (mut title_en, mut event, mut date) =
            (full(self.title_en, count)?, full(self.event, count)?, full(self.date, count)?);
        let (mut authors, mut url, mut original_url) =
            (full(self.authors, count)?, full(self.url, count)?, full(self.original_url, count)?);
        let (mut tags, mut sources) = (full(self.tags, count)?, full(self.sources, count)?);
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
                sources: sources.next().unwrap_or_default(),
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
        title_en: match takeaways.iter().any(|t| t.title_en.is_some()) {
            true => takeaways.iter().map(|t| t.title_en.clone()).collect(),
            false => Vec::new(),
        },
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
        let mut c = stored.takeaways;
        let count = c.article.len();
        if c.title_en.is_empty() {
            c.title_en = vec![None; count];
        }
        let lengths = [c.ordinal.len(), c.title.len(), c.alt_title.len(), c.title_en.len(), c.themes.len()];
        if lengths.into_iter().chain([c.projects.len()]).any(|l| l != count) {
            return Err("the takeaways' columns differ in length".to_owned());
        }
        let rows = c.article.into_iter().zip(c.ordinal).zip(c.title).zip(c.alt_title.into_iter().zip(c.title_en));
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
