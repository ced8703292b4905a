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
    /// Index of the heading's first event.
    pub start: usize,
    /// Indices into the document's events: the content, without the heading.
    pub content: Range<usize>,
}

impl Section {
    /// The heading and its content.
    pub fn whole(&self) -> Range<usize> {
        self.start..self.content.end
    }
}

impl<'a> Document<'a> {
    pub fn parse(body: &'a str) -> Self {
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        Document { events: Parser::new_ext(body, options).into_offset_iter().collect() }
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
            let end = starts.get(i + 1).map_or(self.events.len(), |next| next.start);
            if heading.level == level {
                intro_end = intro_end.min(heading.start);
                sections.push(Section { content: heading.content.start..end, ..heading.clone() });
            }
        }
        let intro_start = starts.first().filter(|h| h.level < level).map_or(0, |h| h.content.start);
        (intro_start..intro_end.max(intro_start), sections)
    }

    /// Sanitized HTML of a context section in `range`: its `##` heading stays a second-level
    /// heading, level with the takeaways it sits between on the article page.
    pub fn context_html(&self, range: Range<usize>) -> String {
        self.render(&[range], false)
    }

    /// Sanitized HTML of several event ranges, one after the other. `##` headings inside become
    /// `###`: they are parts of the takeaway they are rendered in.
    pub fn html_of(&self, ranges: &[Range<usize>]) -> String {
        self.render(ranges, true)
    }

    /// Images become their alt text: the corpus does not ship them, and a broken image is worse
    /// than none.
    fn render(&self, ranges: &[Range<usize>], demote: bool) -> String {
        let mut in_image = false;
        let events = ranges.iter().flat_map(|r| &self.events[r.clone()]).filter_map(|(event, _)| match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, id, classes, attrs }) if demote => {
                Some(Event::Start(Tag::Heading {
                    level: HeadingLevel::H3,
                    id: id.clone(),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }))
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) if demote => {
                Some(Event::End(TagEnd::Heading(HeadingLevel::H3)))
            }
            Event::Start(Tag::Image { .. }) => {
                in_image = true;
                None
            }
            Event::End(TagEnd::Image) => {
                in_image = false;
                None
            }
            Event::Text(_) | Event::Code(_) if in_image => Some(Event::Text(event_text(event).into())),
            _ if in_image => None,
            other => Some(other.clone()),
        });
        let mut raw = String::new();
        pulldown_cmark::html::push_html(&mut raw, events);
        sanitize(&raw)
    }

    /// The plain text of the events in `range`, blocks separated by newlines.
    pub fn plain_text(&self, range: Range<usize>) -> String {
        let mut text = String::new();
        for (event, _) in &self.events[range] {
            match event {
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => text.push('\n'),
                _ => {}
            }
        }
        text
    }

    /// The items of each ordered list in `range` that is not nested in another list, as text
    /// with the byte offset of the item.
    pub fn ordered_lists(&self, range: Range<usize>) -> Vec<Vec<(String, usize)>> {
        let mut lists: Vec<Vec<(String, usize)>> = Vec::new();
        let (mut depth, mut ordered, mut item_start) = (0, false, 0);
        for i in range {
            match &self.events[i].0 {
                Event::Start(Tag::List(first)) => {
                    depth += 1;
                    if depth == 1 {
                        ordered = first.is_some();
                        if ordered {
                            lists.push(Vec::new());
                        }
                    }
                }
                Event::End(TagEnd::List(_)) => depth -= 1,
                Event::Start(Tag::Item) if depth == 1 => item_start = i,
                Event::End(TagEnd::Item) if depth == 1 && ordered => {
                    if let Some(list) = lists.last_mut() {
                        let text = self.plain_text(item_start..i).trim().to_owned();
                        list.push((text, self.events[item_start].1.start));
                    }
                }
                _ => {}
            }
        }
        lists
    }

    /// The headings inside `range` (below the section's own level), in order.
    pub fn sub_headings(&self, range: Range<usize>) -> Vec<String> {
        self.headings().filter(|h| range.contains(&h.start)).map(|h| h.heading).collect()
    }

    /// Whether the last block of `range` is a paragraph that stops in the middle of a sentence:
    /// the sign that the heading after it is the rest of that sentence, wrongly made a heading.
    pub fn ends_mid_sentence(&self, range: Range<usize>) -> bool {
        let slice = &self.events[range.clone()];
        let Some(last) = slice.iter().rposition(|(e, _)| !matches!(e, Event::SoftBreak | Event::HardBreak)) else {
            return false;
        };
        if !matches!(slice[last].0, Event::End(TagEnd::Paragraph)) {
            return false;
        }
        let Some(start) = slice[..last].iter().rposition(|(e, _)| matches!(e, Event::Start(Tag::Paragraph))) else {
            return false;
        };
        let text = self.plain_text(range.start + start..range.start + last);
        text.trim_end().chars().last().is_some_and(|c| !SENTENCE_ENDS.contains(c))
    }

    /// Every heading with its level, text, offset, and the index of its first content event.
    fn headings(&self) -> impl Iterator<Item = Section> + '_ {
        self.events.iter().enumerate().filter_map(|(i, (event, range))| {
            let Event::Start(Tag::Heading { level, .. }) = event else {
                return None;
            };
            let end = i + self.events[i..].iter().position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))?;
            let heading: String = self.events[i + 1..end].iter().map(|(e, _)| event_text(e)).collect();
            Some(Section {
                level: heading_level(*level),
                heading: heading.trim().to_owned(),
                offset: range.start,
                start: i,
                content: end + 1..end + 1,
            })
        })
    }
}

/// Characters that may end a sentence (or a block that is complete without one).
const SENTENCE_ENDS: &str = "。！？.!?:：;；…)）】」』\"”'’>》";

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
        assert_eq!(sections.iter().map(|s| s.heading.as_str()).collect::<Vec<_>>(), ["One", "Two"]);
        assert_eq!(doc.context_html(intro), "<p>Intro alt text</p>\n");
        assert_eq!(doc.html_of(&[sections[0].content.clone()]), "<p>first</p>\n<h3>Sub</h3>\n<p>more</p>\n");
        // Reference links resolve even though the definition is outside the section.
        assert!(doc.html_of(&[sections[1].content.clone()]).contains("href=\"https://x.example\""));
    }

    #[test]
    fn html_is_sanitized() {
        let doc = Document::parse("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)> [y](https://ok.example)\n");
        let everything = 0..doc.events.len();
        let html = doc.html_of(&[everything]);
        assert!(!html.contains("script") && !html.contains("onerror") && !html.contains("javascript"), "{html}");
        assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
    }
}
