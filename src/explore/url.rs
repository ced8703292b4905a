//! The list's state in the URL: the query (`q`, and `literal=1` when its misspelt words are
//! searched as typed rather than corrected), the facet selection (`event=…&theme=a,b`) and how
//! many takeaways are shown (`n`), so back, forward, reload and a pasted link all restore
//! exactly what was on screen; and a URL's query, decoded as browsers do.

use crate::explore::facets::{Facet, Facets, Selection};
use crate::model::ids::encode_query_value;
use crate::model::{Bundle, EventIx};

/// Takeaways shown before "show more".
pub const PAGE: usize = 50;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListState {
    pub query: String,
    /// Whether the query is searched as typed, without reading misspelt words as corrections.
    pub literal: bool,
    pub selection: Selection,
    /// Facet values in the URL that no option has, as `key=value`, for a notice.
    pub unknown: Vec<String>,
    pub shown: usize,
}

impl ListState {
    pub fn from_params(facets: &Facets, params: &Query) -> ListState {
        let (selection, unknown) = facets.parse(|key| params.get(key));
        let shown = params.get("n").and_then(|n| n.parse().ok()).filter(|&n| n > 0).unwrap_or(PAGE);
        let literal = params.get("literal").is_some_and(|v| v == "1");
        ListState { query: params.get("q").unwrap_or_default(), literal, selection, unknown, shown }
    }

    /// The router path of this state, relative to the site's base: `/?q=…&theme=…`.
    pub fn target(&self, facets: &Facets) -> String {
        let mut params: Vec<(&str, String)> = Vec::new();
        if !self.query.trim().is_empty() {
            params.push(("q", encode_query_value(&self.query)));
            if self.literal {
                params.push(("literal", "1".to_owned()));
            }
        }
        for (key, values) in facets.params(&self.selection) {
            // Commas separate a facet's values: keep them readable.
            params.push((key, encode_query_value(&values).replace("%2C", ",")));
        }
        if self.shown != PAGE {
            params.push(("n", self.shown.to_string()));
        }
        path_with(&params)
    }

    /// The same selection with `query`, searched as typed if `literal`, from the first page.
    pub fn with_query(&self, query: &str, literal: bool) -> ListState {
        ListState { query: query.to_owned(), literal, shown: PAGE, ..self.clone() }
    }

    /// The same query with another selection, from the first page.
    pub fn with_selection(&self, selection: Selection) -> ListState {
        ListState { selection, unknown: Vec::new(), shown: PAGE, ..self.clone() }
    }
}

/// The list's router path for `query`, keeping the facets `params` hold: what the search box
/// navigates to as people type.
pub fn query_target(params: &Query, query: &str) -> String {
    let mut kept: Vec<(&str, String)> = Vec::new();
    if !query.trim().is_empty() {
        kept.push(("q", encode_query_value(query)));
    }
    for facet in Facet::ALL {
        if let Some(values) = params.get(facet.key()) {
            kept.push((facet.key(), encode_query_value(&values).replace("%2C", ",")));
        }
    }
    path_with(&kept)
}

fn path_with(params: &[(&str, String)]) -> String {
    let query: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
    if query.is_empty() {
        "/".to_owned()
    } else {
        format!("/?{}", query.join("&"))
    }
}

/// A view of the theme graphs page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphView {
    Heatmap,
    Network,
    Projects,
    Compare,
}

impl GraphView {
    pub const ALL: [GraphView; 4] = [GraphView::Heatmap, GraphView::Network, GraphView::Projects, GraphView::Compare];

    /// Its value of the `view` parameter.
    pub fn key(self) -> &'static str {
        match self {
            GraphView::Heatmap => "heatmap",
            GraphView::Network => "network",
            GraphView::Projects => "projects",
            GraphView::Compare => "compare",
        }
    }
}

/// What the theme graphs page shows, as its URL says: `view=heatmap|network|projects|compare`,
/// the compared events `a` and `b`, and the list's facet parameters, which every view but the
/// comparison follows.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemesState {
    pub view: GraphView,
    pub selection: Selection,
    /// The compared events: the oldest and newest unless named.
    pub events: [EventIx; 2],
}

impl ThemesState {
    pub fn from_params(bundle: &Bundle, facets: &Facets, params: &Query) -> ThemesState {
        let view = params
            .get("view")
            .and_then(|v| GraphView::ALL.into_iter().find(|w| w.key() == v))
            .unwrap_or(GraphView::Heatmap);
        let (selection, _) = facets.parse(|key| params.get(key));
        let event = |key: &str, default: usize| {
            let named = params.get(key).and_then(|id| bundle.events.iter().position(|e| e.id == id));
            EventIx::at(named.unwrap_or(default))
        };
        let events = [event("a", 0), event("b", bundle.events.len().saturating_sub(1))];
        ThemesState { view, selection, events }
    }

    /// The router path of this state: `/themes?view=…&a=…&b=…&event=…`.
    pub fn target(&self, bundle: &Bundle, facets: &Facets) -> String {
        let mut params = vec![format!("view={}", self.view.key())];
        if self.view == GraphView::Compare {
            params.extend(["a", "b"].iter().zip(self.events).map(|(k, e)| format!("{k}={}", bundle.event(e).id)));
        }
        for (key, values) in facets.params(&self.selection) {
            params.push(format!("{key}={}", encode_query_value(&values).replace("%2C", ",")));
        }
        format!("/themes?{}", params.join("&"))
    }
}

/// The list's router path for `selection` with `picks` replacing the picks of the facets they
/// name, e.g. a heatmap cell's theme and event.
pub fn list_target(facets: &Facets, selection: &Selection, picks: &[(Facet, &str)]) -> String {
    let mut selection = picks.iter().fold(selection.clone(), |s, (facet, _)| s.cleared(*facet));
    for (facet, value) in picks {
        if let Some(at) = facets.options(*facet).iter().position(|o| o.value == *value) {
            selection.insert(*facet, at as u32);
        }
    }
    ListState::default().with_selection(selection).target(facets)
}

/// A URL's query parameters, decoded: `?q=平台&theme=a,b`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// Parses `search` (without its `?`) as a form would send it.
    pub fn parse(search: &str) -> Query {
        let pairs = search.split('&').filter(|pair| !pair.is_empty()).map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key, true), decode(value, true))
        });
        Query(pairs.collect())
    }

    /// The value of `key`; the last one when the URL repeats it.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }
}

/// Percent-decodes `text` as browsers do: bytes that do not decode to UTF-8 become U+FFFD, a `%`
/// not followed by two hex digits stays; in a query, `+` is a space.
pub fn decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let hex = |at: usize| bytes.get(at).and_then(|&b| (b as char).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        match (bytes[at], hex(at + 1), hex(at + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                at += 2;
            }
            (b'+', _, _) if plus_is_space => out.push(b' '),
            (byte, _, _) => out.push(byte),
        }
        at += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_decode_as_forms_do() {
        let query = Query::parse("q=%E5%B9%B3%E5%8F%B0+x&theme=a,b&n=&q=last&broken=%ZZ%&bad=%E0%A4%A");
        assert_eq!(query.get("q").as_deref(), Some("last"));
        assert_eq!(query.get("theme").as_deref(), Some("a,b"));
        assert_eq!(query.get("n").as_deref(), Some(""));
        assert_eq!(query.get("broken").as_deref(), Some("%ZZ%"));
        assert_eq!(query.get("bad").as_deref(), Some("\u{FFFD}%A"));
        assert_eq!(query.get("none"), None);
        assert_eq!(Query::parse("q=%E5%B9%B3%E5%8F%B0+x").get("q").as_deref(), Some("平台 x"));
    }
}
