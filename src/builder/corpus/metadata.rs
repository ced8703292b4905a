//! The metadata files beside the articles: `events.toml` (the conferences), `themes.toml` and
//! `projects.toml` (the vocabularies takeaways are tagged with), `articles.toml` (what an
//! article does not say about itself) and `english.toml` (the English titles of an article and
//! its takeaways). Only `events.toml` is needed for a new article: its event is found from its
//! file name, which starts with the event id.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::Path;

use serde::Deserialize;

use super::{CorpusError, Lines};
use crate::model::{ids, Event, Names, Project};

pub const EVENTS_FILE: &str = "events.toml";
pub const THEMES_FILE: &str = "themes.toml";
pub const PROJECTS_FILE: &str = "projects.toml";
pub const ARTICLES_FILE: &str = "articles.toml";
pub const SYNONYMS_FILE: &str = "synonyms.toml";
pub const ENGLISH_FILE: &str = "english.toml";

#[derive(Debug, Default)]
pub struct Metadata {
    pub events: Vec<Event>,
    pub themes: Vec<ThemeDefinition>,
    pub projects: Vec<Project>,
    /// Keyed by the article's file name without `.md`.
    pub articles: BTreeMap<String, ArticleMetadata>,
    /// Lines of `articles.toml`, for errors about what it says.
    pub articles_lines: Lines,
    /// Groups of equivalent spellings for search, canonical first.
    pub synonyms: Vec<Vec<String>>,
    /// Keyed by article id: its title and its takeaways' titles in English.
    pub english: BTreeMap<String, EnglishTitles>,
    /// Lines of `english.toml`, for errors about what it says.
    pub english_lines: Lines,
}

/// An article's titles in English, as written in `english.toml`: its own, and one per takeaway
/// in ordinal order (with where the list is written, for an error if it has too few or many).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnglishTitles {
    pub title: String,
    pub takeaways: toml::Spanned<Vec<String>>,
}

/// A theme as written in `themes.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeDefinition {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub description_zh: String,
    pub description_en: String,
    /// Keyword → weight (1 weak hint … 3 defining term).
    pub keywords: BTreeMap<String, u8>,
}

impl ThemeDefinition {
    pub fn names(&self) -> Names {
        Names { zh: self.zh.clone(), en: self.en.clone() }
    }

    pub fn descriptions(&self) -> Names {
        Names { zh: self.description_zh.clone(), en: self.description_en.clone() }
    }
}

/// Fields that fill or override what an article's own header says, and corrections of its
/// structure for what no rule can know.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMetadata {
    /// The article's id in URLs, instead of the one its file name gives; with where it is
    /// written, for an error if it is not URL-safe.
    pub id: Option<toml::Spanned<String>>,
    pub title: Option<String>,
    /// With where it is written, for an error if no event has that id.
    pub event: Option<toml::Spanned<String>>,
    pub date: Option<String>,
    pub authors: Option<Vec<String>>,
    pub url: Option<String>,
    pub original_url: Option<String>,
    pub summary: Option<String>,
    /// Headings (or their beginnings) of `##` sections that continue the takeaway before them.
    #[serde(default)]
    pub continues: Vec<String>,
    /// Headings (or their beginnings) of `##` sections that frame the article, not takeaways.
    #[serde(default)]
    pub context: Vec<String>,
    /// Old takeaway id → ordinal of the takeaway it names now, so old links keep working.
    #[serde(default)]
    pub takeaway_aliases: BTreeMap<String, u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsFile {
    #[serde(default)]
    event: Vec<Event>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemesFile {
    #[serde(default)]
    theme: Vec<ThemeDefinition>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymsFile {
    #[serde(default)]
    groups: Vec<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectsFile {
    #[serde(default)]
    project: Vec<Project>,
}

impl Metadata {
    pub fn load(dir: &Path) -> Result<Metadata, CorpusError> {
        let events = read_toml::<EventsFile>(&dir.join(EVENTS_FILE))?.map_or_else(Vec::new, |f| f.event);
        let themes = read_toml::<ThemesFile>(&dir.join(THEMES_FILE))?.map_or_else(Vec::new, |f| f.theme);
        let projects = read_toml::<ProjectsFile>(&dir.join(PROJECTS_FILE))?.map_or_else(Vec::new, |f| f.project);
        let (articles, articles_text) = read_toml_and_text(&dir.join(ARTICLES_FILE))?.unwrap_or_default();
        let synonyms = read_toml::<SynonymsFile>(&dir.join(SYNONYMS_FILE))?.map_or_else(Vec::new, |f| f.groups);
        let (english, english_text): (BTreeMap<String, EnglishTitles>, String) =
            read_toml_and_text(&dir.join(ENGLISH_FILE))?.unwrap_or_default();
        unique_ids(&dir.join(EVENTS_FILE), events.iter().map(|e| e.id.as_str()))?;
        unique_ids(&dir.join(THEMES_FILE), themes.iter().map(|t| t.id.as_str()))?;
        unique_ids(&dir.join(PROJECTS_FILE), projects.iter().map(|p| p.id.as_str()))?;
        if let Some(theme) = themes.iter().find(|t| t.keywords.values().any(|w| !(1..=3).contains(w))) {
            return Err(CorpusError::new(
                &dir.join(THEMES_FILE),
                None,
                format!("theme `{}` has a keyword weight outside 1 to 3", theme.id),
            )
            .hint("use 3 for defining terms, 2 for strong signals, 1 for weak hints"));
        }
        if let Some(group) = synonyms.iter().find(|g| g.len() < 2) {
            return Err(CorpusError::new(
                &dir.join(SYNONYMS_FILE),
                None,
                format!("the group {group:?} has nothing to be equivalent to"),
            )
            .hint("list two spellings or more in each group, the canonical one first"));
        }
        let english_lines = Lines::new(&english_text);
        for (id, titles) in &english {
            let line = Some(english_lines.line(titles.takeaways.span().start));
            let blank = [&titles.title].into_iter().chain(titles.takeaways.get_ref()).any(|t| t.trim().is_empty());
            if blank {
                return Err(CorpusError::new(
                    &dir.join(ENGLISH_FILE),
                    line,
                    format!("`{id}` has an empty English title"),
                )
                .hint("write the title, or leave the article out of english.toml to show it in Chinese only"));
            }
        }
        let articles_lines = Lines::new(&articles_text);
        Ok(Metadata { events, themes, projects, articles, articles_lines, synonyms, english, english_lines })
    }

    /// An error unless every article `english.toml` has titles for is one of `ids`.
    pub fn check_english_articles<'a>(
        &self,
        dir: &Path,
        mut ids: impl Iterator<Item = &'a str> + Clone,
    ) -> Result<(), CorpusError> {
        let Some((id, titles)) = self.english.iter().find(|(id, _)| !ids.clone().any(|known| known == id.as_str()))
        else {
            return Ok(());
        };
        let line = Some(self.english_lines.line(titles.takeaways.span().start));
        Err(CorpusError::new(
            &dir.join(ENGLISH_FILE),
            line,
            format!("english.toml has titles for `{id}`, which is no article"),
        )
        .hint(format!(
            "name each table after an article's file name without `.md` ({})",
            ids.by_ref().collect::<Vec<_>>().join(", ")
        )))
    }

    /// The event an article belongs to: the one named, or the longest event id its file name
    /// starts with.
    pub fn event_for(&self, article_id: &str, named: Option<&str>) -> Option<&Event> {
        match named {
            Some(id) => self.events.iter().find(|e| e.id == id),
            None => {
                self.events.iter().filter(|e| article_id.starts_with(&format!("{}-", e.id))).max_by_key(|e| e.id.len())
            }
        }
    }
}

/// Ids name pages (`theme/<id>`, `event/<id>`…): each URL-safe, none used twice.
fn unique_ids<'a>(file: &Path, ids: impl Iterator<Item = &'a str>) -> Result<(), CorpusError> {
    let mut seen = HashSet::new();
    for id in ids {
        if !ids::is_url_safe(id) {
            return Err(CorpusError::new(file, None, format!("the id `{id}` is not URL-safe"))
                .hint(format!("use lower-case letters, digits, `-` and `_`, e.g. `{}`", ids::url_safe(id))));
        }
        if !seen.insert(id) {
            return Err(
                CorpusError::new(file, None, format!("the id `{id}` is used twice")).hint("give each entry its own id")
            );
        }
    }
    Ok(())
}

/// Parses a TOML file, or `None` if it does not exist.
fn read_toml<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Option<T>, CorpusError> {
    Ok(read_toml_and_text(path)?.map(|(value, _)| value))
}

/// [`read_toml`], with the file's text.
fn read_toml_and_text<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Option<(T, String)>, CorpusError> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(CorpusError::new(path, None, format!("cannot read the file: {e}"))),
    };
    match toml::from_str(&text) {
        Ok(value) => Ok(Some((value, text))),
        Err(e) => {
            let line = e.span().map(|s| Lines::new(&text).line(s.start));
            Err(CorpusError::new(path, line, e.message().to_owned()).hint("fix the TOML syntax or the field name"))
        }
    }
}
