//! The bundle as stored: the articles and the takeaways as columns, one array per field
//! (`{"title": [...], ...}`), since a field's values side by side compress far better than each
//! item's fields in turn; and without the takeaways' ids, which are made again from the
//! article's id, the ordinal and the title (see [`ids::takeaway_id`]). A site ships the
//! takeaways' titles apart ([`TakeawayTitles`], see [`DataFiles::bundle`](super::DataFiles)): the
//! bundle without them ([`Outline`]) is read the same way, and given them before the ids are made.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use super::{ids, Article, ArticleIx, Bundle, Event, EventIx, Project, ProjectIx, Takeaway, Theme, ThemeIx};

#[derive(Serialize, Deserialize)]
struct Columns {
    article: Vec<ArticleIx>,
    ordinal: Vec<u32>,
    /// The titles are left out of an [`Outline`], and an English title where no takeaway has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    title: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    alt_title: Vec<Option<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    title_en: Vec<Option<String>>,
    /// The numbers of the takeaways without a body.
    title_only: Vec<usize>,
    themes: Lists<ThemeIx>,
    projects: Lists<ProjectIx>,
}

/// A list per takeaway (its themes, its projects), written as an array of arrays and read into
/// one vector: tens of thousands of small vectors, each grown as it is read, were most of the
/// bundle's parse.
struct Lists<T> {
    items: Vec<T>,
    /// Where each list ends in `items`.
    ends: Vec<usize>,
}

impl<T: Clone> Lists<T> {
    fn of<'a>(lists: impl Iterator<Item = &'a Vec<T>>) -> Lists<T>
    where
        T: 'a,
    {
        let mut of = Lists { items: Vec::new(), ends: Vec::new() };
        for list in lists {
            of.items.extend_from_slice(list);
            of.ends.push(of.items.len());
        }
        of
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn iter(&self) -> impl Iterator<Item = &[T]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(start, &end)| &self.items[start..end])
    }
}

impl<T: Clone + Serialize> Serialize for Lists<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lists<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Lists<T>, D::Error> {
        use serde::de::{DeserializeSeed, SeqAccess, Visitor};
        use std::marker::PhantomData;

        struct Outer<T>(PhantomData<T>);
        /// One list, read onto the end of `items`.
        struct Inner<'a, T>(&'a mut Vec<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Outer<T> {
            type Value = Lists<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array of arrays")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut lists: A) -> Result<Lists<T>, A::Error> {
                let mut of = Lists { items: Vec::new(), ends: Vec::new() };
                while lists.next_element_seed(Inner(&mut of.items))?.is_some() {
                    of.ends.push(of.items.len());
                }
                Ok(of)
            }
        }
        impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Inner<'_, T> {
            type Value = ();

            fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
                deserializer.deserialize_seq(self)
            }
        }
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Inner<'_, T> {
            type Value = ();

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut list: A) -> Result<(), A::Error> {
                while let Some(item) = list.next_element()? {
                    self.0.push(item);
                }
                Ok(())
            }
        }
        deserializer.deserialize_seq(Outer(PhantomData))
    }
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

impl ArticleColumns {
    fn of(articles: &[Article]) -> ArticleColumns {
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
    }

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

/// The columns of `bundle`'s takeaways, their titles left out unless `with_titles`.
fn columns(bundle: &Bundle, with_titles: bool) -> Columns {
    let takeaways = &bundle.takeaways;
    let titles = match with_titles {
        true => TakeawayTitles::of_bundle(bundle),
        false => TakeawayTitles::default(),
    };
    Columns {
        article: takeaways.iter().map(|t| t.article).collect(),
        ordinal: takeaways.iter().map(|t| t.ordinal).collect(),
        title: titles.title,
        alt_title: titles.alt_title,
        title_en: titles.title_en,
        title_only: (0..takeaways.len()).filter(|&n| takeaways[n].title_only).collect(),
        themes: Lists::of(takeaways.iter().map(|t| &t.themes)),
        projects: Lists::of(takeaways.iter().map(|t| &t.projects)),
    }
}

/// The bundle as written: whole, or without its takeaways' titles.
#[derive(Serialize)]
struct Written<'a> {
    schema: u32,
    events: &'a [Event],
    themes: &'a [Theme],
    projects: &'a [Project],
    articles: ArticleColumns,
    takeaways: Columns,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    synonyms: Vec<Vec<String>>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    aliases: BTreeMap<String, String>,
}

impl Bundle {
    fn written(&self, with_titles: bool) -> Written<'_> {
        Written {
            schema: self.schema,
            events: &self.events,
            themes: &self.themes,
            projects: &self.projects,
            articles: ArticleColumns::of(&self.articles),
            takeaways: columns(self, with_titles),
            synonyms: self.synonyms.clone(),
            aliases: self.aliases.clone(),
        }
    }
}

impl Serialize for Bundle {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.written(true).serialize(serializer)
    }
}

/// A bundle without its takeaways' titles, as a site ships it beside its [`TakeawayTitles`].
pub struct Outline<'a>(pub &'a Bundle);

impl Serialize for Outline<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.written(false).serialize(serializer)
    }
}

/// The takeaways' titles of a bundle, in its takeaways' order: what a site ships apart from its
/// [`Outline`], since they are most of its bytes and of its parse.
#[derive(Default, Serialize, Deserialize)]
pub struct TakeawayTitles {
    schema: u32,
    title: Vec<String>,
    alt_title: Vec<Option<String>>,
    /// Left out where no takeaway has an English title.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    title_en: Vec<Option<String>>,
}

impl TakeawayTitles {
    pub fn of_bundle(bundle: &Bundle) -> TakeawayTitles {
        let takeaways = &bundle.takeaways;
        TakeawayTitles {
            schema: bundle.schema,
            title: takeaways.iter().map(|t| t.title.clone()).collect(),
            alt_title: takeaways.iter().map(|t| t.alt_title.clone()).collect(),
            title_en: column(takeaways, |t| &t.title_en),
        }
    }
}

/// What [`BUNDLE_FILE`](super::BUNDLE_FILE) or an [`Outline`] holds, read before the takeaways
/// get their ids.
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

impl StoredBundle {
    /// The outline given its takeaways' titles; an error if they are not of its build (another
    /// schema, another count) or it has titles already.
    pub fn with_titles(mut self, titles: TakeawayTitles) -> Result<StoredBundle, String> {
        let c = &mut self.takeaways;
        let untitled = c.title.is_empty() && c.alt_title.is_empty() && c.title_en.is_empty();
        if titles.schema != self.schema || titles.title.len() != c.article.len() || !untitled {
            return Err("the takeaways' titles belong to another build than the bundle; reload the page".to_owned());
        }
        (c.title, c.alt_title, c.title_en) = (titles.title, titles.alt_title, titles.title_en);
        Ok(self)
    }
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
            .zip(c.themes.iter().map(<[_]>::to_vec).zip(c.projects.iter().map(<[_]>::to_vec)))
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
