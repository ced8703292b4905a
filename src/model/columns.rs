//! The takeaways as columns, one array per field (`{"id": [...], "title": [...], ...}`): a
//! field's values side by side compress far better than each takeaway's short fields in turn.

use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{ArticleIx, ProjectIx, Takeaway, ThemeMatch};

#[derive(Serialize, Deserialize)]
struct Columns {
    id: Vec<String>,
    article: Vec<ArticleIx>,
    ordinal: Vec<u32>,
    title: Vec<String>,
    alt_title: Vec<Option<String>>,
    /// Left out where no takeaway has an English title.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    title_en: Vec<Option<String>>,
    /// The numbers of the takeaways without a body.
    title_only: Vec<usize>,
    themes: Vec<Vec<ThemeMatch>>,
    projects: Vec<Vec<ProjectIx>>,
}

pub fn serialize<S: Serializer>(takeaways: &[Takeaway], serializer: S) -> Result<S::Ok, S::Error> {
    Columns {
        id: takeaways.iter().map(|t| t.id.clone()).collect(),
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

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Takeaway>, D::Error> {
    let mut c = Columns::deserialize(deserializer)?;
    let count = c.id.len();
    if c.title_en.is_empty() {
        c.title_en = vec![None; count];
    }
    let lengths = [c.article.len(), c.ordinal.len(), c.title.len(), c.alt_title.len(), c.title_en.len()];
    if lengths.into_iter().chain([c.themes.len(), c.projects.len()]).any(|l| l != count) {
        return Err(D::Error::custom("the takeaways' columns differ in length"));
    }
    let mut takeaways: Vec<Takeaway> =
        c.id.into_iter()
            .zip(c.article)
            .zip(c.ordinal)
            .zip(c.title)
            .zip(c.alt_title.into_iter().zip(c.title_en))
            .zip(c.themes.into_iter().zip(c.projects))
            .map(|(((((id, article), ordinal), title), (alt_title, title_en)), (themes, projects))| Takeaway {
                id,
                article,
                ordinal,
                title,
                alt_title,
                title_en,
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
