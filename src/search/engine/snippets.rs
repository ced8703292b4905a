//! Highlights and snippets: the tokens of a title that match the query, and a window of the
//! body around its first match.

use std::ops::{ControlFlow, Range};

use crate::search::tokenize::scan;

/// Characters of context shown before the first match in a snippet, and in all.
const SNIPPET_LEAD: usize = 24;
const SNIPPET_LENGTH: usize = 110;

/// Whether a token of the text is a match: it is, or starts with, one of the query's terms.
fn highlighted(term: &str, terms: &[String]) -> bool {
    terms.iter().any(|t| term.starts_with(t.as_str()))
}

/// Byte ranges in `text` of tokens that match a query term (or start with one), merged, up to
/// the first match starting at `until` or later.
pub(super) fn matches(text: &str, terms: &[String], until: usize) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    scan(text, |term, span| {
        if span.start >= until {
            return ControlFlow::Break(());
        }
        if highlighted(term, terms) {
            match ranges.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => ranges.push(span),
            }
        }
        ControlFlow::Continue(())
    });
    ranges
}

/// A window of `body` around its first match, with the matches inside it (byte ranges).
pub(super) fn snippet(body: &str, terms: &[String]) -> (String, Vec<Range<usize>>) {
    let mut first = 0;
    scan(body, |term, span| {
        if !highlighted(term, terms) {
            return ControlFlow::Continue(());
        }
        first = span.start;
        ControlFlow::Break(())
    });
    // Start a few characters before the first match, on a character boundary.
    let start = body[..first].char_indices().rev().nth(SNIPPET_LEAD - 1).map_or(0, |(i, _)| i);
    let end = body[start..].char_indices().nth(SNIPPET_LENGTH).map_or(body.len(), |(i, _)| start + i);
    let (lead, tail) = (if start > 0 { "…" } else { "" }, if end < body.len() { "…" } else { "" });
    let window = body[start..end].replace('\n', " ");
    let shift = lead.len();
    let inside = matches(body, terms, end)
        .into_iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start + shift..r.end - start + shift)
        .collect();
    (format!("{lead}{window}{tail}"), inside)
}
