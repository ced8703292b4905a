//! One article: its header, metadata and Markdown turned into what the build knows of it and
//! its takeaways, recording where every field came from. The build gives it its place among
//! the others (`crate::builder::assemble`).

use std::collections::BTreeMap;
use std::path::Path;

use super::front_matter;
use super::markdown::{Document, MAX_NESTING};
use super::metadata::{ArticleMetadata, Metadata, ARTICLES_FILE, ENGLISH_FILE};
use super::tagging::{Tagger, ThemeMatch};
use super::takeaways::extract;
use super::{CorpusError, CorpusWarning, Lines, SourceFile};
use crate::model::{ids, Context, ProjectIx, SanitizedHtml};
use crate::search::text::{first_sentences, html_to_text};

/// An article as the build understands it, before it gets its place among the others: the
/// fields of a bundle [`Article`](crate::model::Article) but its event, named by id.
pub struct ParsedArticle {
    /// The file name without its extension.
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub file: String,
    /// The id of the event the article belongs to, if any.
    pub event: Option<String>,
    pub date: Option<String>,
    pub authors: Vec<String>,
    pub url: Option<String>,
    pub original_url: Option<String>,
    pub summary: String,
    pub tags: Vec<String>,
    pub sources: BTreeMap<String, String>,
    /// What frames the takeaways, in article order.
    pub context: Vec<Context>,
    pub takeaways: Vec<ParsedTakeaway>,
    /// Old takeaway ids kept as aliases: old id → current id.
    pub aliases: BTreeMap<String, String>,
    pub warnings: Vec<CorpusWarning>,
}

/// A takeaway as found in its article: a bundle [`Takeaway`](crate::model::Takeaway) but its
/// place, with its body.
pub struct ParsedTakeaway {
    pub id: String,
    pub ordinal: u32,
    pub title: String,
    pub alt_title: Option<String>,
    pub title_en: Option<String>,
    /// Empty when the article lists this takeaway but has no section about it.
    pub body: SanitizedHtml,
    pub summary: String,
    pub themes: Vec<ThemeMatch>,
    pub projects: Vec<ProjectIx>,
}

pub fn parse(
    source: &SourceFile,
    metadata: &Metadata,
    tagger: &Tagger,
    corpus: &Path,
) -> Result<ParsedArticle, CorpusError> {
    let path = corpus.join(&source.file);
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    if text.trim().is_empty() {
        return Err(CorpusError::new(&path, Some(1), "the file is empty")
            .hint("write the article, or keep the draft outside the corpus folder until it has takeaways"));
    }
    let split = front_matter::split(text).map_err(|e| {
        CorpusError::new(&path, Some(e.line), e.message).hint("fix the header between the `---` or `+++` lines")
    })?;
    let lines = Lines::new(text);
    let line_at = |body_offset: usize| lines.line(split.body_offset + body_offset);
    let event_line = split.field_line(text, "event");
    let header = split.front_matter.unwrap_or_default();
    let overrides = metadata.articles.get(&source.stem).cloned().unwrap_or_default();
    let doc = Document::parse(split.body);
    let mut sources = BTreeMap::new();

    let title = pick(
        &mut sources,
        "title",
        [("metadata", overrides.title.clone()), ("front matter", header.title), ("heading", doc.h1())],
    )
    .ok_or_else(|| {
        CorpusError::new(&path, Some(1), "the article has no title")
            .hint("add a `title` to its front matter or start it with a `# Title` line")
    })?;
    let event = event_of(source, metadata, &overrides, (header.event.as_deref(), event_line), corpus, &mut sources)?;

    let extraction = extract(&doc, &title, &overrides);
    if extraction.takeaways.is_empty() {
        return Err(CorpusError::new(&path, Some(line_at(0)), "the article yields no takeaway")
            .hint("give each takeaway a `## heading`, or number them in a list before the first one"));
    }
    let mut warnings: Vec<CorpusWarning> = extraction
        .warnings
        .iter()
        .chain(&doc.removed_by_sanitizer())
        .map(|(offset, message)| CorpusWarning::new(&path, line_at(*offset), message.clone()))
        .collect();
    if let Some(offset) = doc.flattened_at {
        warnings.push(CorpusWarning::new(
            &path,
            line_at(offset),
            format!("lists or quotes nest deeper than {MAX_NESTING} levels here: the deeper ones are flattened"),
        ));
    }
    if event.is_none() {
        warnings.push(CorpusWarning::new(
            &path,
            1,
            format!(
                "the article belongs to no event: its file name starts with no event id ({}), and neither its header nor {ARTICLES_FILE} names one; it is listed under “Other”",
                event_ids(metadata)
            ),
        ));
    }

    let english = metadata.english.get(&source.id);
    if let Some(titles) = english.filter(|e| e.takeaways.get_ref().len() != extraction.takeaways.len()) {
        let line = metadata.english_lines.line(titles.takeaways.span().start);
        return Err(CorpusError::new(
            &corpus.join(ENGLISH_FILE),
            Some(line),
            format!(
                "`{}` has {} takeaways, and english.toml lists {} English titles for them",
                source.id,
                extraction.takeaways.len(),
                titles.takeaways.get_ref().len()
            ),
        )
        .hint(format!(
            "list one English title per takeaway, in order (`cargo run -- list` shows the {} the build found)",
            extraction.takeaways.len()
        )));
    }
    let english_titles = english.map(|e| e.takeaways.get_ref().as_slice()).unwrap_or_default();
    let takeaways: Vec<ParsedTakeaway> = extraction
        .takeaways
        .iter()
        .zip(1..)
        .map(|(found, ordinal)| {
            let body_text: String = found.body.iter().map(|r| doc.plain_text(r.clone())).collect();
            let mentions = format!("{}\n{}\n{body_text}", found.title, found.alt_title.as_deref().unwrap_or(""));
            let title_text = format!("{} {}", found.title, found.alt_title.as_deref().unwrap_or(""));
            let body = if found.body.is_empty() { SanitizedHtml::default() } else { doc.html_of(&found.body) };
            let takeaway = ParsedTakeaway {
                id: ids::takeaway_id(&source.id, ordinal, &found.title),
                ordinal,
                title: found.title.clone(),
                alt_title: found.alt_title.clone(),
                title_en: english_titles.get(ordinal as usize - 1).cloned(),
                summary: first_sentences(&html_to_text(body.as_str())),
                body,
                themes: tagger.themes(&title_text, &body_text),
                projects: tagger.projects(&mentions),
            };
            let line = line_at(found.offset);
            if takeaway.body.is_empty() {
                warnings.push(CorpusWarning::new(
                    &path,
                    line,
                    format!("takeaway {ordinal} `{}` has no section: title only", found.title),
                ));
            }
            if takeaway.themes.is_empty() {
                warnings.push(CorpusWarning::new(
                    &path,
                    line,
                    format!("takeaway {ordinal} `{}` has no theme", found.title),
                ));
            }
            takeaway
        })
        .collect();

    let aliases = overrides
        .takeaway_aliases
        .iter()
        .map(|(old, ordinal)| match takeaways.iter().find(|t| t.ordinal == *ordinal) {
            Some(t) => Ok((old.clone(), t.id.clone())),
            None => Err(CorpusError::new(
                &corpus.join(ARTICLES_FILE),
                None,
                format!("alias `{old}` names takeaway {ordinal} of `{}`, which has {}", source.id, takeaways.len()),
            )
            .hint("use the ordinal the takeaway has now")),
        })
        .collect::<Result<_, _>>()?;

    let intro: String = extraction.intro.iter().map(|r| doc.plain_text(r.clone())).collect();
    let intro_summary = first_sentences(&intro);
    let summary = pick(
        &mut sources,
        "summary",
        [("metadata", overrides.summary.clone()), ("front matter", header.summary), ("intro", Some(intro_summary))],
    );
    let date = pick(&mut sources, "date", [("metadata", overrides.date.clone()), ("front matter", header.date)])
        .map(|d| normalize_date(&d));
    let authors = pick(
        &mut sources,
        "authors",
        [("metadata", overrides.authors.clone()), ("front matter", Some(header.authors))],
    );
    let url = pick(&mut sources, "url", [("metadata", overrides.url.clone())]);
    let original_url = pick(
        &mut sources,
        "original_url",
        [("metadata", overrides.original_url.clone()), ("front matter", header.original_url)],
    );
    if !header.tags.is_empty() {
        sources.insert("tags".into(), "front matter".into());
    }
    Ok(ParsedArticle {
        id: source.id.clone(),
        title,
        title_en: english.map(|e| e.title.clone()),
        file: source.file.clone(),
        event,
        date,
        authors: authors.unwrap_or_default(),
        url,
        original_url,
        summary: summary.unwrap_or_default(),
        tags: header.tags,
        sources,
        context: extraction
            .context
            .iter()
            .filter(|r| !doc.plain_text((*r).clone()).trim().is_empty())
            .map(|r| Context { after: extraction.takeaways_before(r.start), html: doc.context_html(r.clone()) })
            .collect(),
        takeaways,
        aliases,
        warnings,
    })
}

/// The first candidate that has a non-empty value, noting where it came from.
fn pick<T: IsEmpty, const N: usize>(
    sources: &mut BTreeMap<String, String>,
    field: &str,
    candidates: [(&str, Option<T>); N],
) -> Option<T> {
    let (origin, value) =
        candidates.into_iter().find_map(|(origin, value)| value.filter(|v| !v.is_empty()).map(|v| (origin, v)))?;
    sources.insert(field.to_owned(), origin.to_owned());
    Some(value)
}

trait IsEmpty {
    fn is_empty(&self) -> bool;
}

impl IsEmpty for String {
    fn is_empty(&self) -> bool {
        self.trim().is_empty()
    }
}

impl IsEmpty for Vec<String> {
    fn is_empty(&self) -> bool {
        Vec::is_empty(self)
    }
}

/// The event an article belongs to: named in articles.toml or the front matter (it must exist),
/// or found from the file name.
fn event_of(
    source: &SourceFile,
    metadata: &Metadata,
    overrides: &ArticleMetadata,
    (in_header, header_line): (Option<&str>, Option<usize>),
    corpus: &Path,
    sources: &mut BTreeMap<String, String>,
) -> Result<Option<String>, CorpusError> {
    let named = [
        (
            ARTICLES_FILE,
            overrides.event.as_ref().map(|event| metadata.articles_lines.line(event.span().start)),
            "metadata",
            overrides.event.as_ref().map(|event| event.get_ref().as_str()),
        ),
        (source.file.as_str(), header_line, "front matter", in_header),
    ];
    if let Some((file, line, origin, id)) =
        named.into_iter().find_map(|(file, line, origin, id)| id.map(|id| (file, line, origin, id)))
    {
        let event = metadata.event_for(&source.id, Some(id)).ok_or_else(|| {
            CorpusError::new(&corpus.join(file), line, format!("unknown event `{id}` for article `{}`", source.id))
                .hint(format!("use an id from events.toml ({}), or add the event there", event_ids(metadata)))
        })?;
        sources.insert("event".into(), origin.into());
        return Ok(Some(event.id.clone()));
    }
    let found = metadata.event_for(&source.id, None).map(|e| e.id.clone());
    if found.is_some() {
        sources.insert("event".into(), "file name".into());
    }
    Ok(found)
}

fn event_ids(metadata: &Metadata) -> String {
    metadata.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>().join(", ")
}

/// `YYYY-MM-DD` from a date or date-time; other text as it is.
fn normalize_date(date: &str) -> String {
    let day = date.get(..10).unwrap_or(date);
    let shape = day.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if day.len() == 10 && shape {
        day.to_owned()
    } else {
        date.trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_normalized() {
        assert_eq!(normalize_date("2023-11-13T07:00:00+08:00"), "2023-11-13");
        assert_eq!(normalize_date("2019-05-31"), "2019-05-31");
        assert_eq!(normalize_date("May 2024"), "May 2024");
    }
}
