//! The one renderer: every page and fragment the site shows, as HTML. Pure functions, data in,
//! markup out, compiled natively (the build prerenders with them, tests read them) and to wasm
//! (the app inserts what they return and handles its events by delegation).
//!
//! Markup is written with maud's `html!`, which escapes every text and attribute it splices:
//! escaping is how markup is built, not a habit. The one way in for markup that is not escaped
//! is [`SanitizedHtml`], the bodies the build has cleaned.
//!
//! Interactive parts carry `data-action` (a button's job: `retry`, `copy-link`, `export`…) and
//! `data-href` (a router path a click follows) for the app's delegated handlers.

pub mod article;
pub mod card;
pub mod chips;
pub mod facets;
pub mod feed;
pub mod graphs;
pub mod lang;
pub mod list;
pub mod not_found;
pub mod page;
pub mod share;
pub mod shell;
pub mod subject;
pub mod takeaway;
pub mod themes;

use std::borrow::Cow;
use std::ops::Range;

pub use maud::{html, Markup, PreEscaped, Render};

use crate::model::{ArticleIx, ArticleTitle, Names, OutlinedBundle, SanitizedHtml, Summaries, TakeawayTitle, Titles};
use crate::search::Hit;
use lang::Lang;

/// What every rendering needs besides its data: the bundle's outline and where the takeaways'
/// and articles' titles are read from, the UI's language, and the path the site is served under
/// (`""` at the root, `"/some/path"` below one), which every internal link starts with.
#[derive(Clone, Copy)]
pub struct Cx<'a> {
    pub bundle: &'a OutlinedBundle,
    titles: &'a dyn Titles,
    pub lang: Lang,
    pub base: &'a str,
    /// The takeaways' summaries, for their cards.
    pub summaries: &'a dyn Summaries,
}

impl<'a> Cx<'a> {
    pub fn new(
        bundle: &'a OutlinedBundle,
        titles: &'a dyn Titles,
        lang: Lang,
        base: &'a str,
        summaries: &'a dyn Summaries,
    ) -> Cx<'a> {
        Cx { bundle, titles, lang, base, summaries }
    }

    /// The titles of the takeaway at `index`; where they have not come (the app shows such a page
    /// as not ready), none, and the id of its article and ordinal alone, which resolves.
    pub fn title(&self, index: usize) -> Cow<'a, TakeawayTitle> {
        self.bundle.titled(self.titles, index)
    }

    /// The href of a path inside the site (`t/<id>`, `?q=…`, `` for home).
    pub fn href(&self, path: &str) -> String {
        format!("{}/{path}", self.base)
    }

    /// The href of a router path (`/themes?view=…`), which starts with its own `/`.
    pub fn route(&self, target: &str) -> String {
        format!("{}{target}", self.base)
    }

    /// The Chinese or the English of a UI string.
    pub fn pick(&self, zh: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(zh, en)
    }

    /// A corpus name in the UI's language.
    pub fn name(&self, names: &Names) -> String {
        self.lang.name(names)
    }

    /// The titles of the article at `at`; where they have not come (the app shows such a page
    /// as not ready), empty ones.
    pub fn article_titled(&self, at: ArticleIx) -> &'a ArticleTitle {
        static UNTITLED: ArticleTitle = ArticleTitle { title: String::new(), title_en: None };
        self.titles.article_title(at).unwrap_or(&UNTITLED)
    }

    /// The title of the article at `at` in the UI's language: its English title in English,
    /// where it has one.
    pub fn article_title(&self, at: ArticleIx) -> &'a str {
        let titled = self.article_titled(at);
        match (self.lang, &titled.title_en) {
            (Lang::En, Some(english)) => english,
            _ => &titled.title,
        }
    }
}

/// Bodies the build sanitized go in as they are.
impl Render for SanitizedHtml {
    fn render_to(&self, buffer: &mut String) {
        buffer.push_str(self.as_str());
    }
}

/// `text` with the byte ranges in `matches` (ordered, not overlapping) in `<mark>`; ranges out
/// of order or out of the text are skipped.
pub fn marked(text: &str, matches: &[Range<usize>]) -> Markup {
    let mut parts: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for range in matches {
        let fits = at <= range.start && range.start <= range.end && range.end <= text.len();
        if !fits || !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
            continue;
        }
        parts.push((&text[at..range.start], false));
        parts.push((&text[range.clone()], true));
        at = range.end;
    }
    parts.push((&text[at..], false));
    html! {
        @for (part, mark) in parts {
            @if mark { mark { (part) } } @else { (part) }
        }
    }
}

/// A takeaway's title in the UI's language, and its other title beneath (a paragraph marked with
/// its language; nothing where it has none): in the English UI the English title over the
/// Chinese one, in the Chinese UI the reverse. The query's matches are marked where `hit` says.
pub fn titles(cx: &Cx, titled: &TakeawayTitle, hit: Option<&Hit>) -> (Markup, Markup) {
    let chinese = marked(&titled.title, hit.map_or(&[], |h| &h.title_matches));
    let Some(english) = titled.title_en.as_deref() else { return (chinese, Markup::default()) };
    let english = marked(english, hit.map_or(&[], |h| &h.title_en_matches));
    let (first, other, other_lang) = match cx.lang {
        Lang::Zh => (chinese, english, Lang::En),
        Lang::En => (english, chinese, Lang::Zh),
    };
    (first, html! { p.title-other lang=(other_lang.tag()) { (other) } })
}

/// `url` if it is a web or mail address, the only links the site writes from corpus metadata:
/// escaping keeps a `javascript:` URL inside its attribute, but a click would still run it.
pub fn safe_url(url: &str) -> Option<&str> {
    let scheme = url.split_once(':').map(|(scheme, _)| scheme.trim().to_ascii_lowercase());
    matches!(scheme.as_deref(), Some("https" | "http" | "mailto")).then_some(url)
}

/// "3 takeaways" / "3 条要点".
pub fn takeaways_count(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("{count} 条要点"),
        Lang::En => format!("{count} takeaway{}", if count == 1 { "" } else { "s" }),
    }
}

/// The site's name in the UI's language.
pub fn site_name(lang: Lang) -> &'static str {
    lang.pick("KubeCon 要点", "KubeCon takeaways")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_wrap_the_ranges_and_everything_is_escaped() {
        let text = "a <b> & c";
        let ranges = |r: &[(usize, usize)]| r.iter().map(|&(start, end)| start..end).collect::<Vec<_>>();
        assert_eq!(marked(text, &ranges(&[(2, 5)])).into_string(), "a <mark>&lt;b&gt;</mark> &amp; c");
        let backwards_or_out = ranges(&[(4, 2), (0, 1), (100, 101)]);
        assert_eq!(marked(text, &backwards_or_out).into_string(), "<mark>a</mark> &lt;b&gt; &amp; c");
    }

    #[test]
    fn only_web_and_mail_addresses_are_links() {
        assert_eq!(safe_url("https://x.example/a"), Some("https://x.example/a"));
        assert_eq!(safe_url("mailto:a@x.example"), Some("mailto:a@x.example"));
        for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//x.example", "x"] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }
}
