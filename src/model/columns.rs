//! The bundle as stored: the takeaways as columns, one array per field (`{"title": [...], ...}`),
//! since a field's values side by side compress far better than each takeaway's short fields in
//! turn; and without the takeaways' ids, which are made again from the article's id, the ordinal
//! and the title (see [`ids::takeaway_id`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use super::{ids, Article, ArticleIx, Bundle, Event, Project, ProjectIx, Takeaway, Theme, ThemeIx};

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
    articles: Vec<Article>,
    takeaways: Columns,
    #[serde(default)]
    synonyms: Vec<Vec<String>>,
    #[serde(default)]
    aliases: BTreeMap<String, String>,
}

impl TryFrom<StoredBundle> for Bundle {
    type Error = String;

    fn try_from(stored: StoredBundle) -> Result<Bundle, String> {
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
                let of = stored.articles.get(article.get()).ok_or("a takeaway's article is out of range")?;
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
            articles: stored.articles,
            takeaways,
            synonyms: stored.synonyms,
            aliases: stored.aliases,
        })
    }
}
