//! One article: its header, metadata and Markdown turned into a bundle article and takeaways.

use std::path::Path;

use super::front_matter::{self, FrontMatter};
use super::markdown::Document;
use super::metadata::Metadata;
use super::{line_of, CorpusError, SourceFile};
use crate::bundle::{Article, Takeaway};
use crate::ids;

/// Headings of sections that frame an article rather than make a point of their own.
const CONTEXT_HEADINGS: &[&str] = &["背景", "总结", "结语", "结论", "引用", "参考", "致谢"];

/// An article as the build understands it, before it gets its place in the bundle.
pub struct ParsedArticle {
    pub article: Article,
    /// The event id the article belongs to, if any.
    pub event: Option<String>,
    pub takeaways: Vec<Takeaway>,
}

pub fn parse(
    source: &SourceFile,
    metadata: &Metadata,
    corpus: &Path,
) -> Result<ParsedArticle, CorpusError> {
    let path = corpus.join(&source.file);
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    let split = front_matter::split(text).map_err(|e| {
        CorpusError::new(&path, Some(e.line), e.message)
            .hint("fix the header between the `---` or `+++` lines")
    })?;
    let header = split.front_matter.unwrap_or_default();
    let overrides = metadata
        .articles
        .get(&source.id)
        .cloned()
        .unwrap_or_default();
    let doc = Document::parse(split.body);

    let title = overrides
        .title
        .or(header.title.clone())
        .or_else(|| doc.h1())
        .ok_or_else(|| {
            CorpusError::new(&path, Some(1), "the article has no title")
                .hint("add a `title` to its front matter or start it with a `# Title` line")
        })?;
    let event = match overrides.event.as_deref() {
        Some(named) => Some(
            metadata
                .event_for(&source.id, Some(named))
                .ok_or_else(|| {
                    CorpusError::new(
                        &corpus.join(super::metadata::ARTICLES_FILE),
                        None,
                        format!("unknown event `{named}` for article `{}`", source.id),
                    )
                    .hint("use an id from events.toml, or add the event there")
                })?
                .id
                .clone(),
        ),
        None => metadata.event_for(&source.id, None).map(|e| e.id.clone()),
    };

    let (_intro, sections) = doc.sections(2);
    let takeaways: Vec<Takeaway> = sections
        .iter()
        .filter(|s| !CONTEXT_HEADINGS.iter().any(|c| s.heading.starts_with(c)))
        .zip(1..)
        .map(|(section, ordinal)| Takeaway {
            id: ids::takeaway_id(&source.id, ordinal, &section.heading),
            article: 0, // set when the article gets its place in the bundle
            ordinal,
            title: section.heading.clone(),
            body_html: doc.html(section.content.clone()),
        })
        .collect();
    if takeaways.is_empty() {
        return Err(CorpusError::new(
            &path,
            Some(line_of(text, split.body_offset)),
            "the article yields no takeaway",
        )
        .hint("give each takeaway a `## heading`"));
    }

    let FrontMatter {
        date,
        authors,
        original_url,
        ..
    } = header;
    Ok(ParsedArticle {
        article: Article {
            id: source.id.clone(),
            title,
            file: source.file.clone(),
            event: None, // set when the article gets its place in the bundle
            date: overrides.date.or(date),
            authors: overrides.authors.unwrap_or(authors),
            original_url: overrides.original_url.or(original_url),
        },
        event,
        takeaways,
    })
}
