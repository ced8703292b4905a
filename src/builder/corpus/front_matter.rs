//! Article headers: YAML front matter (`---`), TOML front matter (`+++`), or none.
//!
//! Both formats are parsed by real parsers into one generic value, then the fields the
//! explorer uses are read from it, whatever their type (a TOML date, a YAML string…).

use serde_json::Value;

/// The fields of a header that the build uses.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub authors: Vec<String>,
    /// An event id from events.toml.
    pub event: Option<String>,
    pub summary: Option<String>,
    pub tags: Vec<String>,
    /// From a `links` entry, such as the 原文 (original) link of a translation.
    pub original_url: Option<String>,
}

/// An article split into its header and Markdown body.
#[derive(Debug)]
pub struct Split<'a> {
    pub front_matter: Option<FrontMatter>,
    pub body: &'a str,
    /// Byte offset of `body` in the file, to report lines.
    pub body_offset: usize,
}

impl Split<'_> {
    /// The line in `text` (the file) of the header field `key` (`key: …` or `key = …`), if any.
    pub fn field_line(&self, text: &str, key: &str) -> Option<usize> {
        let header = text.get(..self.body_offset)?;
        let mut lines = header.lines();
        let at =
            lines.position(|l| l.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with([':', '='])))?;
        Some(at + 1)
    }
}

/// Lines before the header's first line: the opening fence.
const LINES_BEFORE_HEADER: usize = 1;

/// A header that does not parse: the message and the 1-based line in the file.
#[derive(Debug, PartialEq)]
pub struct HeaderError {
    pub line: usize,
    pub message: String,
}

/// Splits `text` (with any BOM already removed) into header and body, and parses the header.
pub fn split(text: &str) -> Result<Split<'_>, HeaderError> {
    let Some((fence, format)) = [("---", Format::Yaml), ("+++", Format::Toml)]
        .into_iter()
        .find(|(fence, _)| text.lines().next().is_some_and(|l| l.trim_end() == *fence))
    else {
        return Ok(Split { front_matter: None, body: text, body_offset: 0 });
    };
    let header_start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = header_start;
    for line in text[header_start..].split_inclusive('\n') {
        if line.trim_end() == fence {
            let header = &text[header_start..offset];
            let body_offset = offset + line.len();
            let front_matter = parse(header, format)
                .map_err(|(line, message)| HeaderError { line: line + LINES_BEFORE_HEADER, message })?;
            return Ok(Split { front_matter: Some(front_matter), body: &text[body_offset..], body_offset });
        }
        offset += line.len();
    }
    Err(HeaderError { line: 1, message: format!("the front matter opened by `{fence}` is never closed") })
}

#[derive(Clone, Copy)]
enum Format {
    Yaml,
    Toml,
}

/// Parses a header into [`FrontMatter`]; errors carry a 1-based line inside the header.
fn parse(header: &str, format: Format) -> Result<FrontMatter, (usize, String)> {
    let value = match format {
        Format::Yaml => {
            // The line from the error's byte offset, as TOML's: YAML also breaks lines at a lone
            // `\r`, which would count lines past the file's.
            let yaml: serde_yaml::Value = serde_yaml::from_str(header).map_err(|e| {
                let line = e.location().map_or(1, |l| super::Lines::new(header).line(l.index()));
                (line, format!("YAML front matter: {}", file_lines(&e)))
            })?;
            serde_json::to_value(yaml).map_err(|e| (1, format!("YAML front matter: {e}")))?
        }
        Format::Toml => {
            let table: toml::Table = toml::from_str(header).map_err(|e| {
                let line = e.span().map_or(1, |s| super::Lines::new(header).line(s.start));
                (line, format!("TOML front matter: {}", e.message()))
            })?;
            toml_to_json(toml::Value::Table(table))
        }
    };
    if !value.is_object() && !value.is_null() {
        return Err((1, "the front matter is not a table of fields".into()));
    }
    Ok(FrontMatter {
        title: text(&value["title"]),
        date: text(&value["date"]),
        authors: texts(&value["authors"]).into_iter().chain(text(&value["author"])).collect(),
        event: text(&value["event"]),
        summary: text(&value["summary"]),
        tags: texts(&value["tags"]),
        original_url: value["links"].as_array().into_iter().flatten().find_map(|link| text(&link["url"])),
    })
}

/// A YAML error's message with its line numbers, counted in the header, counted in the file.
fn file_lines(error: &serde_yaml::Error) -> String {
    let message = error.to_string();
    let mut out = String::with_capacity(message.len());
    let mut rest = message.as_str();
    while let Some(at) = rest.find("line ") {
        let (head, tail) = rest.split_at(at + "line ".len());
        out.push_str(head);
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        if let Ok(line) = tail[..digits].parse::<usize>() {
            out.push_str(&(line + LINES_BEFORE_HEADER).to_string());
        }
        rest = &tail[digits..];
    }
    out.push_str(rest);
    out
}

/// TOML values as JSON, dates as their RFC 3339 text.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}

/// A non-empty string, number or bool as text.
fn text(value: &Value) -> Option<String> {
    let s = match value {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A list of strings, or a single string as a list of one.
fn texts(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(text).collect(),
        other => text(other).into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_header() {
        let s = split("---\ntitle: \"T\"\ndate: 2023-11-13T07:00:00+08:00\nauthors: [\"A\"]\nlinks:\n  - name: 原文\n    url: https://x.example/a\n---\n\nbody").unwrap();
        let fm = s.front_matter.unwrap();
        assert_eq!(fm.title.as_deref(), Some("T"));
        assert_eq!(fm.date.as_deref(), Some("2023-11-13T07:00:00+08:00"));
        assert_eq!(fm.authors, ["A"]);
        assert_eq!(fm.original_url.as_deref(), Some("https://x.example/a"));
        assert_eq!(s.body, "\nbody");
    }

    #[test]
    fn toml_header_with_a_date_value() {
        let s = split("+++\ntitle = \"T\"\ndate = 2019-05-31\ntags = [\"SMI\"]\n[header]\nimage = \"\"\n+++\nbody")
            .unwrap();
        let fm = s.front_matter.unwrap();
        assert_eq!(fm.date.as_deref(), Some("2019-05-31"));
        assert_eq!(fm.tags, ["SMI"]);
        assert_eq!(s.body, "body");
    }

    #[test]
    fn no_header() {
        let s = split("# Title\n\ntext").unwrap();
        assert!(s.front_matter.is_none());
        assert_eq!(s.body_offset, 0);
    }

    #[test]
    fn broken_headers_name_the_line() {
        let e = split("---\ntitle: ok\nauthors: [unclosed\nsummary: s\n---\n").unwrap_err();
        // The parser notices on the line after the bracket, and says where the list opened.
        assert_eq!(e.line, 4, "{e:?}");
        assert!(e.message.contains("flow sequence at line 3 column 10"), "{e:?}");
        let e = split("+++\ntitle = \"ok\"\ndate = = 1\n+++\n").unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        let s = split("---\ntitle: t\nevent: x\n---\nevent: body").unwrap();
        assert_eq!(s.field_line("---\ntitle: t\nevent: x\n---\nevent: body", "event"), Some(3));
        let e = split("---\ntitle: never closed\n").unwrap_err();
        assert_eq!(e.line, 1);
        // A lone `\r` in the header is no line of the file's: noticed at the header's end, the
        // closing `---` on line 4 (YAML counts 5, past the file's 4 lines).
        let e = split("---\nlinks:\n  - url: \r¡\n---\n").unwrap_err();
        assert_eq!(e.line, 4, "{e:?}");
    }
}
