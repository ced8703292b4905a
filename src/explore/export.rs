//! Export of a list of takeaways as CSV, JSON or Markdown: what the explorer's download
//! buttons save, so a filtered view can go into a spreadsheet, a script or a document. CSV and
//! JSON carry the Chinese and the English title side by side; Markdown puts the one of the
//! interface's language first.

use serde::Serialize;

use crate::model::ids::takeaway_path;
use crate::model::{OutlinedBundle, Summaries, TakeawayTitle, Titles};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Markdown,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Csv, Format::Json, Format::Markdown];

    /// Its file name extension, also what the export buttons name it by.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "md",
        }
    }

    /// Its name on the export button.
    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::Markdown => "Markdown",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json",
            Format::Markdown => "text/markdown;charset=utf-8",
        }
    }
}

/// One exported takeaway: the fields a reader needs outside the explorer.
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a str,
    url: String,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    alt_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title_en: Option<&'a str>,
    ordinal: u32,
    article: &'a str,
    article_url: Option<&'a str>,
    event: Option<&'a str>,
    date: Option<&'a str>,
    authors: Vec<&'a str>,
    themes: Vec<&'a str>,
    projects: Vec<&'a str>,
    summary: String,
}

/// `takeaways` (indices, in the order given) in `format`, with their `titles` and `summaries`;
/// links are absolute under `site_url` (the site's root URL, ending in `/`); in Markdown, English
/// titles come first if `english_first` (the English interface).
pub fn export(
    bundle: &OutlinedBundle,
    titles: &dyn Titles,
    summaries: &dyn Summaries,
    takeaways: &[usize],
    format: Format,
    site_url: &str,
    english_first: bool,
) -> String {
    let titled: Vec<_> = takeaways.iter().map(|&t| bundle.titled(titles, t)).collect();
    let rows: Vec<Row> =
        takeaways.iter().zip(&titled).map(|(&t, titled)| row(bundle, titled, titles, summaries, t, site_url)).collect();
    match format {
        Format::Json => serde_json::to_string_pretty(&rows).unwrap_or_default(),
        Format::Csv => csv(&rows),
        Format::Markdown => markdown(&rows, english_first),
    }
}

/// The row of the takeaway at `index`, `titled`, its article's title from `titles`.
fn row<'a>(
    bundle: &'a OutlinedBundle,
    titled: &'a TakeawayTitle,
    titles: &'a dyn Titles,
    summaries: &dyn Summaries,
    index: usize,
    site_url: &str,
) -> Row<'a> {
    let t = &bundle.takeaways[index];
    let article = &bundle.article(t.article);
    Row {
        id: &titled.id,
        url: format!("{site_url}{}", takeaway_path(&titled.id)),
        title: &titled.title,
        alt_title: titled.alt_title.as_deref(),
        title_en: titled.title_en.as_deref(),
        ordinal: t.ordinal,
        article: titles.article_title(t.article).map_or("", |a| a.title.as_str()),
        article_url: article.url.as_deref(),
        event: bundle.event_of(article).map(|e| e.name.en.as_str()),
        date: article.date.as_deref(),
        authors: article.authors.iter().map(String::as_str).collect(),
        themes: t.themes.iter().map(|&m| bundle.theme(m).id.as_str()).collect(),
        projects: t.projects.iter().map(|&p| bundle.project(p).name.as_str()).collect(),
        summary: summaries.summary(index).to_owned(),
    }
}

/// RFC 4180 CSV with a byte-order mark, so spreadsheet programs read the Chinese as UTF-8.
fn csv(rows: &[Row]) -> String {
    let mut out =
        String::from("\u{feff}id,url,title,title_en,ordinal,article,event,date,authors,themes,projects,summary\r\n");
    for r in rows {
        let fields = [
            r.id.to_owned(),
            r.url.clone(),
            r.title.to_owned(),
            r.title_en.unwrap_or_default().to_owned(),
            r.ordinal.to_string(),
            r.article.to_owned(),
            r.event.unwrap_or_default().to_owned(),
            r.date.unwrap_or_default().to_owned(),
            r.authors.join("; "),
            r.themes.join("; "),
            r.projects.join("; "),
            r.summary.clone(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(field: &str) -> String {
    // A leading = + - @ would be a formula to a spreadsheet: quote it as text.
    let formula = field.starts_with(['=', '+', '-', '@']);
    if formula || field.contains([',', '"', '\n', '\r']) {
        let prefix = if formula { "'" } else { "" };
        format!("\"{prefix}{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

impl Row<'_> {
    /// The title of the interface's language, and the other one where the takeaway has both.
    fn titles(&self, english_first: bool) -> (&str, Option<&str>) {
        match (self.title_en, english_first) {
            (Some(english), true) => (english, Some(self.title)),
            (Some(english), false) => (self.title, Some(english)),
            (None, _) => (self.title, None),
        }
    }
}

/// A Markdown list grouped by article, each takeaway a link (with its other title after it).
fn markdown(rows: &[Row], english_first: bool) -> String {
    let mut out = String::new();
    let mut article = None;
    for r in rows {
        if article != Some(r.article) {
            let event = r.event.map(|e| format!(" ({e})")).unwrap_or_default();
            out.push_str(&format!("{}## {}{event}\n\n", if article.is_some() { "\n" } else { "" }, r.article));
            article = Some(r.article);
        }
        let (title, other) = r.titles(english_first);
        out.push_str(&format!("- [{}]({})", markdown_text(title), r.url));
        if let Some(other) = other {
            out.push_str(&format!(" · {}", markdown_text(other)));
        }
        if !r.summary.is_empty() {
            out.push_str(&format!(" — {}", markdown_text(&r.summary)));
        }
        out.push('\n');
    }
    out
}

/// `text` with the characters that would break a Markdown link escaped.
pub fn markdown_text(text: &str) -> String {
    text.replace('\\', "\\\\").replace('[', "\\[").replace(']', "\\]").replace('\n', " ")
}

/// One takeaway as Markdown for pasting into a chat or a document: the linked title (the
/// English one first if `english_first`, the other beneath), where it comes from, and its
/// summary.
pub fn takeaway_markdown(
    bundle: &OutlinedBundle,
    titles: &dyn Titles,
    summaries: &dyn Summaries,
    takeaway: usize,
    site_url: &str,
    english_first: bool,
) -> String {
    let titled = bundle.titled(titles, takeaway);
    let r = row(bundle, &titled, titles, summaries, takeaway, site_url);
    let source = [Some(r.article), r.event].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let (title, other) = r.titles(english_first);
    let mut out = format!("**[{}]({})**\n", markdown_text(title), r.url);
    if let Some(other) = other {
        out.push_str(&format!("{}\n", markdown_text(other)));
    }
    out.push_str(&format!("{}\n", markdown_text(&source)));
    if !r.summary.is_empty() {
        out.push_str(&format!("\n> {}\n", markdown_text(&r.summary)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("plain 文本"), "plain 文本");
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    }

    #[test]
    fn markdown_text_cannot_break_a_link() {
        assert_eq!(markdown_text("[a](b)\nc"), "\\[a\\](b) c");
    }
}
