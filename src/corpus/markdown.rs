//! Markdown bodies: headings, sections and sanitized HTML, parsed once with pulldown-cmark.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A parsed Markdown body: its events, each with its byte range in the body.
pub struct Document<'a> {
    events: Vec<(Event<'a>, Range<usize>)>,
}

/// A heading and the events of the content under it, up to the next heading at its level or above.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub level: u8,
    pub heading: String,
    /// Byte offset of the heading in the body.
    pub offset: usize,
    /// Indices into the document's events: the content, without the heading.
    pub content: Range<usize>,
}

impl<'a> Document<'a> {
    pub fn parse(body: &'a str) -> Self {
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        Document {
            events: Parser::new_ext(body, options).into_offset_iter().collect(),
        }
    }

    /// The text of the first H1, if any.
    pub fn h1(&self) -> Option<String> {
        self.headings().find(|h| h.level == 1).map(|h| h.heading)
    }

    /// The sections under each heading of `level`; content before the first one is returned
    /// apart as the intro (event indices).
    pub fn sections(&self, level: u8) -> (Range<usize>, Vec<Section>) {
        let starts: Vec<Section> = self.headings().filter(|h| h.level <= level).collect();
        let mut sections = Vec::new();
        let mut intro_end = self.events.len();
        for (i, heading) in starts.iter().enumerate() {
            let end = starts
                .get(i + 1)
                .map_or(self.events.len(), |next| self.heading_start(next));
            if heading.level == level {
                intro_end = intro_end.min(self.heading_start(heading));
                sections.push(Section {
                    content: heading.content.start..end,
                    ..heading.clone()
                });
            }
        }
        let intro_start = starts
            .first()
            .filter(|h| h.level < level)
            .map_or(0, |h| h.content.start);
        (intro_start..intro_end.max(intro_start), sections)
    }

    /// Sanitized HTML of the events in `range`. Images become their alt text: the corpus does
    /// not ship them, and a broken image is worse than none.
    pub fn html(&self, range: Range<usize>) -> String {
        let mut in_image = false;
        let events = self.events[range]
            .iter()
            .filter_map(|(event, _)| match event {
                Event::Start(Tag::Image { .. }) => {
                    in_image = true;
                    None
                }
                Event::End(TagEnd::Image) => {
                    in_image = false;
                    None
                }
                Event::Text(_) | Event::Code(_) if in_image => {
                    Some(Event::Text(event_text(event).into()))
                }
                _ if in_image => None,
                other => Some(other.clone()),
            });
        let mut raw = String::new();
        pulldown_cmark::html::push_html(&mut raw, events);
        sanitize(&raw)
    }

    /// Every heading with its level, text, offset, and the index of its first content event.
    fn headings(&self) -> impl Iterator<Item = Section> + '_ {
        self.events
            .iter()
            .enumerate()
            .filter_map(|(i, (event, range))| {
                let Event::Start(Tag::Heading { level, .. }) = event else {
                    return None;
                };
                let end = i + self.events[i..]
                    .iter()
                    .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))?;
                let heading: String = self.events[i + 1..end]
                    .iter()
                    .map(|(e, _)| event_text(e))
                    .collect();
                Some(Section {
                    level: heading_level(*level),
                    heading: heading.trim().to_owned(),
                    offset: range.start,
                    content: end + 1..end + 1,
                })
            })
    }

    /// Index of the `Start(Heading)` event of a section.
    fn heading_start(&self, section: &Section) -> usize {
        self.events[..section.content.start]
            .iter()
            .rposition(|(e, _)| matches!(e, Event::Start(Tag::Heading { .. })))
            .unwrap_or(0)
    }
}

fn event_text<'e>(event: &'e Event<'_>) -> &'e str {
    match event {
        Event::Text(t) | Event::Code(t) => t,
        _ => "",
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

/// Cleans rendered HTML: no scripts, no event handlers, only http(s) and mailto links, and
/// `rel="noopener noreferrer"` on every link.
pub fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "# Title\n\nIntro ![alt text](x.png)\n\n## One\n\nfirst\n\n### Sub\n\nmore\n\n## Two\n\n[ref]\n\n[ref]: https://x.example\n";

    #[test]
    fn sections_split_at_the_level_and_keep_subsections() {
        let doc = Document::parse(BODY);
        assert_eq!(doc.h1().as_deref(), Some("Title"));
        let (intro, sections) = doc.sections(2);
        assert_eq!(
            sections
                .iter()
                .map(|s| s.heading.as_str())
                .collect::<Vec<_>>(),
            ["One", "Two"]
        );
        assert_eq!(doc.html(intro), "<p>Intro alt text</p>\n");
        assert_eq!(
            doc.html(sections[0].content.clone()),
            "<p>first</p>\n<h3>Sub</h3>\n<p>more</p>\n"
        );
        // Reference links resolve even though the definition is outside the section.
        assert!(doc
            .html(sections[1].content.clone())
            .contains("href=\"https://x.example\""));
    }

    #[test]
    fn html_is_sanitized() {
        let doc = Document::parse("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)> [y](https://ok.example)\n");
        let html = doc.html(0..doc.events.len());
        assert!(
            !html.contains("script") && !html.contains("onerror") && !html.contains("javascript"),
            "{html}"
        );
        assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
    }
}
