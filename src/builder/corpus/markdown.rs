//! Markdown bodies: headings, sections and sanitized HTML, parsed once with pulldown-cmark.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::model::SanitizedHtml;

/// A parsed Markdown body: its events, each with its byte range in the body.
pub struct Document<'a> {
    events: Vec<(Event<'a>, Range<usize>)>,
    /// Every heading, in order: found once, since rules ask about them section by section.
    headings: Vec<Section>,
    /// Byte offset of the first list or quote nested deeper than [`MAX_NESTING`], if any.
    pub flattened_at: Option<usize>,
}

/// How deep lists and quotes may nest. Deeper ones are flattened, their text kept: nothing reads
/// well that deep, and the sanitizer's HTML parser takes time quadratic in the depth.
pub const MAX_NESTING: usize = 32;

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
        let (events, flattened_at) = flatten(Parser::new_ext(body, options).into_offset_iter());
        let headings = headings(&events);
        Document { events, headings, flattened_at }
    }

    /// The text of the first H1, if any.
    pub fn h1(&self) -> Option<String> {
        self.headings.iter().find(|h| h.level == 1).map(|h| h.heading.clone())
    }

    /// The sections under each heading of `level`, each up to the next one (a stray higher
    /// heading further down belongs to the section it is in, so its text is kept); and the parts
    /// of the intro before the first one, without the title heading (event indices).
    pub fn sections(&self, level: u8) -> (Vec<Range<usize>>, Vec<Section>) {
        let starts: Vec<&Section> = self.headings.iter().filter(|h| h.level == level).collect();
        let sections = starts
            .iter()
            .enumerate()
            .map(|(i, heading)| {
                let end = starts.get(i + 1).map_or(self.events.len(), |next| next.start);
                Section { content: heading.content.start..end, ..(*heading).clone() }
            })
            .collect();
        let intro_end = starts.first().map_or(self.events.len(), |h| h.start);
        let title = self.headings.iter().find(|h| h.level <= level).filter(|h| h.level < level);
        let intro = match title {
            Some(title) => [0..title.start, title.content.start..intro_end],
            None => [0..0, 0..intro_end],
        };
        (intro.into_iter().filter(|r| !r.is_empty()).collect(), sections)
    }

    /// Sanitized HTML of a context section in `range`: its `##` heading stays a second-level
    /// heading, level with the takeaways it sits between on the article page.
    pub fn context_html(&self, range: Range<usize>) -> SanitizedHtml {
        self.render(&[range], false)
    }

    /// Sanitized HTML of several event ranges, one after the other. `#` and `##` headings inside
    /// become `###`: they are parts of the takeaway they are rendered in.
    pub fn html_of(&self, ranges: &[Range<usize>]) -> SanitizedHtml {
        self.render(ranges, true)
    }

    /// `#` and `##` headings become `###` (`demote`) or `##`. Images become their alt text: the
    /// corpus does not ship them, and a broken image is worse than none.
    fn render(&self, ranges: &[Range<usize>], demote: bool) -> SanitizedHtml {
        let top = if demote { HeadingLevel::H3 } else { HeadingLevel::H2 };
        let mut in_image = false;
        let events = ranges.iter().flat_map(|r| &self.events[r.clone()]).filter_map(|(event, _)| match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H1 | HeadingLevel::H2, id, classes, attrs }) => {
                Some(Event::Start(Tag::Heading {
                    level: top,
                    id: id.clone(),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }))
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1 | HeadingLevel::H2)) => Some(Event::End(TagEnd::Heading(top))),
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

    /// The headings that start inside `range`, in order.
    pub fn sub_headings(&self, range: Range<usize>) -> Vec<String> {
        let from = self.headings.partition_point(|h| h.start < range.start);
        let to = self.headings.partition_point(|h| h.start < range.end);
        self.headings[from..to.max(from)].iter().map(|h| h.heading.clone()).collect()
    }

    /// What sanitizing removes from the raw HTML and links, with the byte offset of each: the
    /// reader will not see it, so the editor should hear about it. Best effort (a tag split
    /// over lines may go unnoticed); the sanitizer itself misses nothing.
    pub fn removed_by_sanitizer(&self) -> Vec<(usize, String)> {
        let mut found = Vec::new();
        for (event, range) in &self.events {
            match event {
                Event::Html(html) | Event::InlineHtml(html) => {
                    found.extend(
                        unsafe_html(html).into_iter().map(|what| (range.start, format!("raw HTML: {what} removed"))),
                    );
                }
                Event::Start(Tag::Link { dest_url, .. }) => {
                    if let Some(scheme) = unkept_scheme(dest_url) {
                        found.push((range.start, format!("link to a `{scheme}:` URL removed")));
                    }
                }
                _ => {}
            }
        }
        found
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
}

/// The events with lists, items and quotes deeper than [`MAX_NESTING`] left out (the end of
/// such an item becomes a line break), and the offset of the first one left out.
fn flatten<'a>(
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
) -> (Vec<(Event<'a>, Range<usize>)>, Option<usize>) {
    let (mut kept, mut depth, mut flattened_at) = (Vec::new(), 0usize, None);
    for (event, range) in events {
        let deep = match &event {
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => {
                depth += 1;
                depth > MAX_NESTING
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => {
                depth = depth.saturating_sub(1);
                depth >= MAX_NESTING
            }
            Event::Start(Tag::Item) | Event::End(TagEnd::Item) => depth > MAX_NESTING,
            _ => false,
        };
        if !deep {
            kept.push((event, range));
        } else {
            flattened_at.get_or_insert(range.start);
            if matches!(event, Event::End(TagEnd::Item)) {
                kept.push((Event::HardBreak, range));
            }
        }
    }
    (kept, flattened_at)
}

/// Every heading with its level, text, offset, and the index of its first content event.
fn headings(events: &[(Event, Range<usize>)]) -> Vec<Section> {
    events
        .iter()
        .enumerate()
        .filter_map(|(i, (event, range))| {
            let Event::Start(Tag::Heading { level, .. }) = event else {
                return None;
            };
            let end = i + events[i..].iter().position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))?;
            let heading: String = events[i + 1..end].iter().map(|(e, _)| event_text(e)).collect();
            Some(Section {
                level: heading_level(*level),
                heading: heading.trim().to_owned(),
                offset: range.start,
                start: i,
                content: end + 1..end + 1,
            })
        })
        .collect()
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

/// The URL schemes links may have.
const KEPT_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Elements the sanitizer removes that an article may plausibly contain: active content,
/// embedded pages, forms, and what changes the page around it.
const REMOVED_ELEMENTS: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
    "textarea", "select", "link", "meta", "base", "svg", "math",
];

/// What the sanitizer removes from one piece of raw HTML: elements, event handler attributes,
/// URLs with other schemes.
fn unsafe_html(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    for tag in lower.split('<').skip(1).map(|t| t.split('>').next().unwrap_or_default()) {
        let name: String = tag.chars().take_while(char::is_ascii_alphanumeric).collect();
        if REMOVED_ELEMENTS.contains(&name.as_str()) {
            found.push(format!("<{name}>"));
        }
        for attribute in tag.split(|c: char| c.is_ascii_whitespace() || c == '/').skip(1) {
            let (key, _) = attribute.split_once('=').unwrap_or((attribute, ""));
            if key.len() > 2 && key.starts_with("on") && attribute.contains('=') {
                found.push(format!("the `{key}` attribute"));
            }
        }
        for scheme in ["javascript", "vbscript", "data"] {
            if tag.contains(&format!("{scheme}:")) {
                found.push(format!("a `{scheme}:` URL"));
            }
        }
    }
    found
}

/// The scheme of `url` if it has one the sanitizer does not keep.
fn unkept_scheme(url: &str) -> Option<String> {
    let (scheme, _) = url.trim().split_once(':')?;
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let scheme = scheme.to_ascii_lowercase();
    (is_scheme && !KEPT_SCHEMES.contains(&scheme.as_str())).then_some(scheme)
}

/// Cleans rendered HTML: no scripts, no event handlers, only http(s) and mailto links. Links
/// get no `rel`: they open in the same tab (no `target`, so no `window.opener`), and the site's
/// referrer policy (`no-referrer`, in public/index.html) covers them all; written on each of
/// thousands of links, it cost 5% of the texts' gzip.
pub fn sanitize(html: &str) -> SanitizedHtml {
    let clean = ammonia::Builder::default().url_schemes(HashSet::from(KEPT_SCHEMES)).link_rel(None).clean(html);
    SanitizedHtml::from_sanitizer(clean.to_string())
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
        assert_eq!(doc.html_of(&intro).as_str(), "<p>Intro alt text</p>\n");
        assert_eq!(doc.html_of(&[sections[0].content.clone()]).as_str(), "<p>first</p>\n<h3>Sub</h3>\n<p>more</p>\n");
        // Reference links resolve even though the definition is outside the section.
        assert!(doc.html_of(&[sections[1].content.clone()]).as_str().contains("href=\"https://x.example\""));
    }

    #[test]
    fn text_around_the_title_heading_and_under_stray_h1s_is_kept() {
        let doc = Document::parse("> 原文\n\n# Title\n\nIntro\n\n## One\n\nfirst\n\n# Appendix\n\nkept\n");
        let (intro, sections) = doc.sections(2);
        assert_eq!(doc.html_of(&intro).as_str(), "<blockquote>\n<p>原文</p>\n</blockquote>\n<p>Intro</p>\n");
        assert_eq!(
            doc.html_of(&[sections[0].content.clone()]).as_str(),
            "<p>first</p>\n<h3>Appendix</h3>\n<p>kept</p>\n"
        );
    }

    #[test]
    fn html_is_sanitized() {
        let doc = Document::parse("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)> [y](https://ok.example)\n");
        let everything = 0..doc.events.len();
        let html = doc.html_of(&[everything]).as_str().to_owned();
        assert!(!html.contains("script") && !html.contains("onerror") && !html.contains("javascript"), "{html}");
        assert!(html.contains("<a href=\"https://ok.example\">y</a>"), "{html}");
        let removed: Vec<String> = doc.removed_by_sanitizer().into_iter().map(|(_, what)| what).collect();
        assert_eq!(
            removed,
            [
                "raw HTML: <script> removed",
                "link to a `javascript:` URL removed",
                "raw HTML: the `onerror` attribute removed"
            ]
        );
    }
}
