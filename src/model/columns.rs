//! The bundle as stored: the articles and the takeaways as columns, one array per field
//! (`{"title": [...], ...}`), since a field's values side by side compress far better than each
//! item's fields in turn; and without what is made again when it is read: the takeaways' ids
//! (from the article's id, the ordinal and the title, see [`ids::takeaway_id`]), their articles
//! and ordinals (from how many each article has), an article's file where it is its id and
//! `.md`. A site ships the takeaways' and the articles' titles apart ([`StoredTitles`], see
//! [`DataFiles::bundle`](super::DataFiles)): the bundle without them ([`Outline`]) is read the
//! same way, and given them as they come.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use super::{
    ids, vlq, Article, ArticleIx, ArticleTitle, Bundle, Event, EventIx, OutlinedBundle, Project, ProjectIx, Takeaway,
    TakeawayTitle, Theme, ThemeIx,
};

#[derive(Serialize, Deserialize)]
struct Columns {
    /// How many takeaways each article has, in article order: the takeaways are grouped by
    /// article and numbered from 1 in each, so neither their article nor their ordinal is written.
    per_article: Vec<u32>,
    /// The titles are left out of an [`Outline`], and an English title where no takeaway has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    title: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    alt_title: Vec<Option<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    title_en: Vec<Option<String>>,
    /// The numbers of the takeaways without a body, each as its gap from the one before (the
    /// first from 0): small numbers, where the numbers themselves grow with the corpus.
    title_only: Vec<usize>,
    /// Every takeaway's themes and projects; in the first page's outline
    /// ([`Outline::subjects_from`]), those of the last takeaways alone, the home's first page's.
    themes: Lists<ThemeIx>,
    projects: Lists<ProjectIx>,
    /// In the first page's outline, how many takeaways have each theme, then each project, which
    /// the facets show with nothing selected: one plain column (each field costs the app's wasm).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    subject_totals: Vec<usize>,
}

/// A position that [`Lists`] writes as a number.
trait Position: Copy {
    /// Whether every list of these is ascending, so that [`Lists`] writes each number as the gap
    /// from the one before (a takeaway's projects, in the projects' order); themes are ranked,
    /// best first.
    const ASCENDING: bool;

    fn of(number: u32) -> Self;
    fn number(self) -> u32;
}

impl Position for ThemeIx {
    const ASCENDING: bool = false;

    fn of(number: u32) -> Self {
        ThemeIx(number)
    }

    fn number(self) -> u32 {
        self.0
    }
}

impl Position for ProjectIx {
    const ASCENDING: bool = true;

    fn of(number: u32) -> Self {
        ProjectIx(number)
    }

    fn number(self) -> u32 {
        self.0
    }
}

/// A list of positions per takeaway (its themes, its projects), held as one vector and written
/// as one string: each list's numbers in [`vlq`] (as gaps where they are
/// [ascending](Position::ASCENDING), the first from 0), each list ended by a comma (`"DF,,B,"`
/// is `[3, 5]`, `[]`, `[1]` of themes, `[3, 8]`, `[]`, `[1]` of projects). One string is read in
/// one step, where an array of arrays was tens of thousands of small ones, most of the outline's
/// parse; and a position is mostly one character.
#[derive(Debug, PartialEq)]
struct Lists<T> {
    items: Vec<T>,
    /// Where each list ends in `items`.
    ends: Vec<usize>,
}

impl<T: Position> Lists<T> {
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

    /// The lists as one string, or which is not ascending where they should be.
    fn written(&self) -> Result<String, String> {
        let mut text = String::with_capacity(self.items.len() * 2 + self.ends.len());
        for (n, list) in self.iter().enumerate() {
            let mut previous = 0;
            for (i, item) in list.iter().enumerate() {
                let number = match T::ASCENDING {
                    true if i > 0 && item.number() <= previous => return Err(format!("list {n} is not ascending")),
                    true => item.number() - previous,
                    false => item.number(),
                };
                vlq::push(&mut text, number);
                previous = item.number();
            }
            text.push(',');
        }
        Ok(text)
    }

    /// The lists `text` writes, or where it is not so written.
    fn read(text: &str) -> Result<Lists<T>, String> {
        let mut of = Lists { items: Vec::with_capacity(text.len()), ends: Vec::new() };
        let (bytes, mut at, mut previous) = (text.as_bytes(), 0, 0u32);
        while at < bytes.len() {
            if bytes[at] == b',' {
                of.ends.push(of.items.len());
                (at, previous) = (at + 1, 0);
                continue;
            }
            let bad = |at| format!("not a list of numbers at byte {at}");
            let (number, next) = vlq::read(bytes, at).map_err(bad)?;
            let number = match T::ASCENDING {
                true => previous.checked_add(number).ok_or_else(|| bad(at))?,
                false => number,
            };
            of.items.push(T::of(number));
            (at, previous) = (next, number);
        }
        match of.ends.last().copied().unwrap_or(0) == of.items.len() {
            true => Ok(of),
            false => Err("a list of numbers not ended by a comma".to_owned()),
        }
    }
}

impl<T: Position> Serialize for Lists<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.written().map_err(serde::ser::Error::custom)?)
    }
}

impl<'de, T: Position> Deserialize<'de> for Lists<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Lists<T>, D::Error> {
        struct Text<T>(std::marker::PhantomData<T>);
        impl<T: Position> serde::de::Visitor<'_> for Text<T> {
            type Value = Lists<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("lists of numbers in a string")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Lists<T>, E> {
                Lists::read(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Text(std::marker::PhantomData))
    }
}

/// The articles' fields; those that are optional or lists are left out where no article has one.
#[derive(Serialize, Deserialize)]
struct ArticleColumns {
    id: Vec<String>,
    /// The titles are left out of an [`Outline`], and an English title where no article has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    title: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    title_en: Vec<Option<String>>,
    /// An article's file where it is not its id and `.md`; left out where every article's is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    file: Vec<Option<String>>,
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

/// The file of the article `id`, unless the articles' columns say otherwise.
fn file_of(id: &str) -> String {
    [id, ".md"].concat()
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
    /// The columns of `bundle`'s articles, their titles left out unless `with_titles`.
    fn of(bundle: &Bundle, with_titles: bool) -> ArticleColumns {
        let articles = &bundle.articles;
        let files: Vec<Option<String>> =
            articles.iter().map(|a| (a.file != file_of(&a.id)).then(|| a.file.clone())).collect();
        let titles = match with_titles {
            true => StoredTitles::of_articles(bundle),
            false => StoredTitles::default(),
        };
        ArticleColumns {
            id: articles.iter().map(|a| a.id.clone()).collect(),
            title: titles.title,
            title_en: titles.title_en,
            file: column(&files, |file| file),
            event: column(articles, |a| &a.event),
            date: column(articles, |a| &a.date),
            authors: column(articles, |a| &a.authors),
            url: column(articles, |a| &a.url),
            original_url: column(articles, |a| &a.original_url),
            tags: column(articles, |a| &a.tags),
        }
    }

    /// The articles, and their titles stored with them (none in an [`Outline`]), or why the
    /// columns do not make them: of different lengths.
    fn rows(self, schema: u32) -> Result<(Vec<Article>, StoredTitles), String> {
        let count = self.id.len();
        let uneven = || "the articles' columns differ in length".to_owned();
        let mut file = full(self.file, count).ok_or_else(uneven)?;
        let mut event = full(self.event, count).ok_or_else(uneven)?;
        let mut date = full(self.date, count).ok_or_else(uneven)?;
        let mut authors = full(self.authors, count).ok_or_else(uneven)?;
        let mut url = full(self.url, count).ok_or_else(uneven)?;
        let mut original_url = full(self.original_url, count).ok_or_else(uneven)?;
        let mut tags = full(self.tags, count).ok_or_else(uneven)?;
        let titles = StoredTitles { schema, title: self.title, alt_title: Vec::new(), title_en: self.title_en };
        let articles = self
            .id
            .into_iter()
            .map(|id| Article {
                file: file.next().flatten().unwrap_or_else(|| file_of(&id)),
                id,
                event: event.next().flatten(),
                date: date.next().flatten(),
                authors: authors.next().unwrap_or_default(),
                url: url.next().flatten(),
                original_url: original_url.next().flatten(),
                tags: tags.next().unwrap_or_default(),
            })
            .collect();
        Ok((articles, titles))
    }
}

/// The columns of `bundle`'s takeaways, their titles left out unless `with_titles`, their themes
/// and projects those of the takeaways from `subjects_from` on (with the totals, unless 0).
fn columns(bundle: &Bundle, with_titles: bool, subjects_from: usize) -> Columns {
    let takeaways = &bundle.takeaways;
    let titles = match with_titles {
        true => StoredTitles::of_takeaways(bundle),
        false => StoredTitles::default(),
    };
    let totals = match subjects_from {
        0 => SubjectTotals::default(),
        _ => SubjectTotals::of(bundle),
    };
    Columns {
        per_article: (0..bundle.articles.len())
            .map(|at| bundle.takeaway_range(ArticleIx::at(at)).len() as u32)
            .collect(),
        title: titles.title,
        alt_title: titles.alt_title,
        title_en: titles.title_en,
        title_only: (0..takeaways.len())
            .filter(|&n| takeaways[n].title_only)
            .scan(0, |last, n| Some(n - std::mem::replace(last, n)))
            .collect(),
        themes: Lists::of(takeaways[subjects_from..].iter().map(|t| &t.themes)),
        projects: Lists::of(takeaways[subjects_from..].iter().map(|t| &t.projects)),
        subject_totals: [totals.themes, totals.projects].concat(),
    }
}

/// How many takeaways have each theme and each project, in [`OutlinedBundle::themes`]' and
/// [`OutlinedBundle::projects`]' order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SubjectTotals {
    pub themes: Vec<usize>,
    pub projects: Vec<usize>,
}

impl SubjectTotals {
    fn of(bundle: &Bundle) -> SubjectTotals {
        let mut totals =
            SubjectTotals { themes: vec![0; bundle.themes.len()], projects: vec![0; bundle.projects.len()] };
        for takeaway in &bundle.takeaways {
            takeaway.themes.iter().for_each(|m| totals.themes[m.get()] += 1);
            takeaway.projects.iter().for_each(|p| totals.projects[p.get()] += 1);
        }
        totals
    }
}

/// The bundle as written: whole, or without its takeaways' and articles' titles.
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
    fn written(&self, with_titles: bool, subjects_from: usize) -> Written<'_> {
        Written {
            schema: self.schema,
            events: &self.events,
            themes: &self.themes,
            projects: &self.projects,
            articles: ArticleColumns::of(self, with_titles),
            takeaways: columns(self, with_titles, subjects_from),
            synonyms: self.synonyms.clone(),
            aliases: self.aliases.clone(),
        }
    }
}

impl Serialize for Bundle {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.written(true, 0).serialize(serializer)
    }
}

/// A bundle without its takeaways' and articles' titles, as a site ships it beside its
/// takeaways' and articles' [`StoredTitles`]: with every takeaway's themes and projects
/// (`subjects_from` 0), or, as the first page's outline (see
/// [`DataFiles::first_page`](super::DataFiles)), with those of the takeaways from `subjects_from`
/// on (the home's first page's: the newest articles') and how many takeaways have each theme and
/// project.
pub struct Outline<'a> {
    pub bundle: &'a Bundle,
    pub subjects_from: usize,
}

impl Serialize for Outline<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.bundle.written(false, self.subjects_from).serialize(serializer)
    }
}

/// Titles of a bundle as a site ships them apart from its [`Outline`], a column per field, in
/// one type for both kinds, so the app reads both with one parser: the takeaways', in their
/// order ([`StoredTitles::of_takeaways`]), since they are most of its bytes and of its parse;
/// and the articles', in theirs ([`StoredTitles::of_articles`]), which have no other wording.
#[derive(Default, Serialize, Deserialize)]
pub struct StoredTitles {
    schema: u32,
    title: Vec<String>,
    /// Left out where none has another wording (an article never has).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    alt_title: Vec<Option<String>>,
    /// Left out where none has an English title.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    title_en: Vec<Option<String>>,
}

impl StoredTitles {
    pub fn of_takeaways(bundle: &Bundle) -> StoredTitles {
        let titles = &bundle.titles;
        StoredTitles {
            schema: bundle.schema,
            title: titles.iter().map(|t| t.title.clone()).collect(),
            alt_title: column(titles, |t| &t.alt_title),
            title_en: column(titles, |t| &t.title_en),
        }
    }

    pub fn of_articles(bundle: &Bundle) -> StoredTitles {
        let titles = &bundle.article_titles;
        StoredTitles {
            schema: bundle.schema,
            title: titles.iter().map(|t| t.title.clone()).collect(),
            alt_title: Vec::new(),
            title_en: column(titles, |t| &t.title_en),
        }
    }

    /// Whether it holds no titles, as an [`Outline`]'s columns do not.
    fn is_empty(&self) -> bool {
        self.title.is_empty() && self.alt_title.is_empty() && self.title_en.is_empty()
    }
}

/// What [`BUNDLE_FILE`](super::BUNDLE_FILE) or an [`Outline`] holds, as read.
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
    /// What an [`Outline`] holds: the articles and the takeaways but their titles; an error if
    /// the columns do not make them (of different lengths, out of range), or it has the titles
    /// (a whole bundle, of another build).
    pub fn outlined(self) -> Result<OutlinedBundle, String> {
        let (outline, titles, article_titles) = self.split()?;
        match titles.is_empty() && article_titles.is_empty() {
            true => Ok(outline),
            false => Err(format!("{} belongs to another build: it holds the titles", super::BUNDLE_FILE)),
        }
    }

    /// The outline, and the takeaways' and articles' titles stored with it (none in an
    /// [`Outline`]).
    fn split(self) -> Result<(OutlinedBundle, StoredTitles, StoredTitles), String> {
        let (articles, article_titles) = self.articles.rows(self.schema)?;
        let c = self.takeaways;
        let uneven = || "the takeaways' columns differ in length".to_owned();
        let count = c.per_article.iter().try_fold(0usize, |sum, &n| sum.checked_add(n as usize));
        // The first page's outline lists the last takeaways' themes and projects alone.
        let listed = c.themes.len();
        let subjects_from = count.and_then(|count| count.checked_sub(listed));
        let (Some(subjects_from), true) =
            (subjects_from, c.per_article.len() == articles.len() && c.projects.len() == listed)
        else {
            return Err(uneven());
        };
        let themes = self.themes.len();
        let totals = match (subjects_from, c.subject_totals.len()) {
            (0, 0) => None,
            (1.., total) if total == themes + self.projects.len() => {
                let mut totals = c.subject_totals;
                let projects = totals.split_off(themes);
                Some(SubjectTotals { themes: totals, projects })
            }
            // Lists too short for a whole outline, or totals of another count.
            _ => return Err(uneven()),
        };
        let placed = c.per_article.iter().enumerate().flat_map(|(at, &n)| (1..=n).map(move |ordinal| (at, ordinal)));
        // The takeaways before the first page's have none in the first page's outline.
        let lists = c.themes.iter().map(<[_]>::to_vec).zip(c.projects.iter().map(<[_]>::to_vec));
        let lists = std::iter::repeat_with(<(Vec<_>, Vec<_>)>::default).take(subjects_from).chain(lists);
        let mut takeaways: Vec<Takeaway> = placed
            .zip(lists)
            .map(|((at, ordinal), (themes, projects))| Takeaway {
                article: ArticleIx::at(at),
                ordinal,
                title_only: false,
                themes,
                projects,
            })
            .collect();
        let mut at = 0usize;
        for gap in c.title_only {
            at = at.checked_add(gap).ok_or("a title-only takeaway is out of range")?;
            takeaways.get_mut(at).ok_or("a title-only takeaway is out of range")?.title_only = true;
        }
        let titles = StoredTitles { schema: self.schema, title: c.title, alt_title: c.alt_title, title_en: c.title_en };
        let outline = OutlinedBundle {
            schema: self.schema,
            events: self.events,
            themes: self.themes,
            projects: self.projects,
            articles,
            takeaways,
            synonyms: self.synonyms,
            aliases: self.aliases,
            first_page_totals: totals,
        };
        Ok((outline, titles, article_titles))
    }
}

impl OutlinedBundle {
    /// The bundle, given the takeaways' titles (ids made of them) and the articles'; an error if
    /// they are not of its build (another schema, another count).
    pub fn with_titles(self, titles: StoredTitles, article_titles: StoredTitles) -> Result<Bundle, String> {
        let titles = self.make_titles(titles)?;
        let article_titles = self.make_article_titles(article_titles)?;
        Ok(Bundle { outline: self, titles, article_titles })
    }

    /// Its articles' titles from those stored; an error if they are not of its build.
    pub fn make_article_titles(&self, titles: StoredTitles) -> Result<Vec<ArticleTitle>, String> {
        self.of_own_build(titles, "articles'", Self::article_titles_of_columns)
    }

    /// What `of_columns` makes of `titles` (`whose` titles), if they are of its build: its schema,
    /// each column its count; else an error that says so.
    fn of_own_build<T>(
        &self,
        titles: StoredTitles,
        whose: &str,
        of_columns: fn(&Self, StoredTitles) -> Option<Vec<T>>,
    ) -> Result<Vec<T>, String> {
        let own = titles.schema == self.schema;
        own.then(|| of_columns(self, titles))
            .flatten()
            .ok_or_else(|| format!("the {whose} titles belong to another build than the bundle; reload the page"))
    }

    /// Its articles' titles from `titles`; none if a column holds another count.
    fn article_titles_of_columns(&self, titles: StoredTitles) -> Option<Vec<ArticleTitle>> {
        let count = self.articles.len();
        let title_en = full(titles.title_en, count)?;
        if titles.title.len() != count || !titles.alt_title.is_empty() {
            return None;
        }
        Some(titles.title.into_iter().zip(title_en).map(|(title, title_en)| ArticleTitle { title, title_en }).collect())
    }

    /// Its takeaways' titles, with the ids made of them, from those stored (see
    /// [`OutlinedBundle::with_titles`]). In the app, a task of its own: the ids
    /// are most of it.
    pub fn make_titles(&self, titles: StoredTitles) -> Result<Vec<TakeawayTitle>, String> {
        self.of_own_build(titles, "takeaways'", Self::titles_of_columns)
    }

    /// Its takeaways' titles from `titles`, ids made; none if a column holds another count.
    fn titles_of_columns(&self, titles: StoredTitles) -> Option<Vec<TakeawayTitle>> {
        let count = self.takeaways.len();
        let (alt_title, title_en) = (full(titles.alt_title, count)?, full(titles.title_en, count)?);
        if titles.title.len() != count {
            return None;
        }
        let rows = self.takeaways.iter().zip(titles.title).zip(alt_title.zip(title_en));
        let titles = rows.map(|((t, title), (alt_title, title_en))| TakeawayTitle {
            id: ids::takeaway_id(&self.articles[t.article.get()].id, t.ordinal, &title),
            title,
            alt_title,
            title_en,
        });
        Some(titles.collect())
    }
}

impl TryFrom<StoredBundle> for Bundle {
    type Error = String;

    /// A whole bundle, its titles its own.
    fn try_from(stored: StoredBundle) -> Result<Bundle, String> {
        let (outline, titles, article_titles) = stored.split()?;
        if outline.first_page_totals.is_some() {
            return Err(format!("{} holds the themes and projects of the first page alone", super::BUNDLE_FILE));
        }
        let titles = outline.titles_of_columns(titles).ok_or("the takeaways' columns differ in length")?;
        let article_titles =
            outline.article_titles_of_columns(article_titles).ok_or("the articles' columns differ in length")?;
        Ok(Bundle { outline, titles, article_titles })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists<T: Position>(of: &[&[u32]]) -> Lists<T> {
        let lists: Vec<Vec<T>> = of.iter().map(|list| list.iter().map(|&n| T::of(n)).collect()).collect();
        Lists::of(lists.iter())
    }

    #[test]
    fn lists_are_written_as_one_string_and_read_back() {
        let themes = [
            (lists::<ThemeIx>(&[&[3, 5], &[], &[1]]), "DF,,B,"),
            // Ranked: as they come.
            (lists(&[&[5, 3]]), "FD,"),
            (lists(&[]), ""),
            (lists(&[&[]]), ","),
            (lists(&[&[], &[0, 4_294_967_295]]), ",A//////D,"),
        ];
        for (of, text) in themes {
            assert_eq!(of.written().as_deref(), Ok(text));
            assert_eq!(Lists::read(text), Ok(of), "{text:?}");
        }
        // Ascending: each from the one before.
        let projects =
            [(lists::<ProjectIx>(&[&[3, 8], &[], &[1]]), "DF,,B,"), (lists(&[&[0, 4_294_967_295]]), "A//////D,")];
        for (of, text) in projects {
            assert_eq!(of.written().as_deref(), Ok(text));
            assert_eq!(Lists::read(text), Ok(of), "{text:?}");
        }
    }

    #[test]
    fn lists_not_so_written_are_refused_with_where() {
        for (text, error) in [
            ("DF", "not ended by a comma"),
            ("D", "not ended by a comma"),
            ("D*,", "at byte 1"),
            (" D,", "at byte 0"),
            ("D,-,", "at byte 2"),
            // A digit saying another follows, then none.
            ("g,", "at byte 1"),
            ("//////H,", "at byte 6"),
            // Ascending past the largest position.
            ("//////DB,", "at byte 7"),
        ] {
            let refused = Lists::<ProjectIx>::read(text).unwrap_err();
            assert!(refused.contains(error), "{text:?}: {refused}");
        }
        for unordered in [&[5, 3][..], &[3, 3]] {
            assert_eq!(lists::<ProjectIx>(&[&[1], unordered]).written(), Err("list 1 is not ascending".to_owned()));
        }
    }
}
