//! The site's URLs: the page a path names ([`Page`]), the list's state in the query (`q`, and
//! `literal=1` when its misspelt words are searched as typed rather than corrected; the facet
//! selection `event=…&theme=a,b`; how many are shown `n`) and the theme graphs' (the view in the
//! path, the compared events, the filters), so back, forward, reload and a pasted link all
//! restore exactly what was on screen; and a URL's query, decoded as browsers do.

use crate::explore::facets::{facet_values, Facet, Facets, Selection};
use crate::model::ids::encode_query_value;
use crate::model::{EventIx, OutlinedBundle};

/// Takeaways shown before "show more": some three screens of cards. Each card shown costs its
/// text (a summary, or the body a search's snippet and phrase bonus read) and its markup, so a
/// page of 50 made the first list, every search and every keystroke fetch and lay out more than
/// a reader looks at.
pub const PAGE: usize = 20;

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
        let mut params = query_params(&self.query, self.literal);
        for (key, values) in facets.params(&self.selection) {
            params.push((key, encode_facet_values(&values)));
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
    let mut kept = query_params(query, false);
    for facet in Facet::ALL {
        if let Some(values) = params.get(facet.key()) {
            kept.push((facet.key(), encode_facet_values(&values)));
        }
    }
    path_with(&kept)
}

/// The list's router path once a facet's checkbox is toggled, from the URL's `params` alone:
/// `value` added to `facet`'s values or taken out, the query kept, the list from its first page.
/// What a checkbox leads to before the app has the facets, which would put the values in their
/// options' order (see [`ListState::target`]).
pub fn toggled_target(params: &Query, facet: Facet, value: &str) -> String {
    let literal = params.get("literal").is_some_and(|v| v == "1");
    let mut kept = query_params(&params.get("q").unwrap_or_default(), literal);
    for each in Facet::ALL {
        let given = params.get(each.key()).unwrap_or_default();
        let mut values: Vec<&str> = facet_values(&given).collect();
        if each == facet {
            match values.iter().position(|&v| v == value) {
                Some(at) => {
                    values.remove(at);
                }
                None => values.push(value),
            }
        }
        if !values.is_empty() {
            kept.push((each.key(), encode_facet_values(&values.join(","))));
        }
    }
    path_with(&kept)
}

/// The list's params of `query`, searched as typed if `literal`: none for a blank query.
fn query_params(query: &str, literal: bool) -> Vec<(&'static str, String)> {
    match query.trim().is_empty() {
        true => Vec::new(),
        false if literal => vec![("q", encode_query_value(query)), ("literal", "1".to_owned())],
        false => vec![("q", encode_query_value(query))],
    }
}

/// A facet's comma-separated values percent-encoded for a URL, the commas that separate them
/// kept readable.
fn encode_facet_values(values: &str) -> String {
    encode_query_value(values).replace("%2C", ",")
}

fn path_with(params: &[(&str, String)]) -> String {
    let query: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
    if query.is_empty() {
        "/".to_owned()
    } else {
        format!("/?{}", query.join("&"))
    }
}

/// A page of the site, as the path (after the site's base) names it. The build writes a file for
/// each one the data has (see `crate::builder::site`); the app shows the one the address names.
#[derive(Debug, Clone, PartialEq)]
pub enum Page {
    /// `/`: the list.
    List,
    /// `/t/<id>`.
    Takeaway(String),
    /// `/a/<id>`.
    Article(String),
    /// `/themes` (the heatmap), `/themes/network`, `/themes/projects`, `/themes/compare`.
    Themes(GraphView),
    /// `/theme/<id>`: everything said about one theme.
    Theme(String),
    /// `/project/<id>`.
    Project(String),
    /// `/event/<id>`.
    Event(String),
    NotFound,
}

impl Page {
    /// The page at `path` (percent-encoded, as in the address bar) for a site served under `base`.
    pub fn at(base: &str, path: &str) -> Page {
        let Some(inside) = path.strip_prefix(base) else { return Page::NotFound };
        let segments: Vec<&str> = inside.split('/').collect();
        let id = |id: &str| decode(id, false);
        match segments.as_slice() {
            [""] | ["", ""] => Page::List,
            ["", "themes"] => Page::Themes(GraphView::Heatmap),
            ["", "themes", view] => {
                GraphView::ALL.into_iter().find(|v| v.path() == Some(*view)).map_or(Page::NotFound, Page::Themes)
            }
            ["", "t", t] if !t.is_empty() => Page::Takeaway(id(t)),
            ["", "a", a] if !a.is_empty() => Page::Article(id(a)),
            ["", "theme", t] if !t.is_empty() => Page::Theme(id(t)),
            ["", "project", p] if !p.is_empty() => Page::Project(id(p)),
            ["", "event", e] if !e.is_empty() => Page::Event(id(e)),
            _ => Page::NotFound,
        }
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

    /// Its path under `/themes`: none for the heatmap, the page's first view.
    pub fn path(self) -> Option<&'static str> {
        (self != GraphView::Heatmap).then(|| self.key())
    }

    /// Its name in URLs (and the old `view` parameter).
    pub fn key(self) -> &'static str {
        match self {
            GraphView::Heatmap => "heatmap",
            GraphView::Network => "network",
            GraphView::Projects => "projects",
            GraphView::Compare => "compare",
        }
    }
}

/// What the theme graphs page shows, as its URL says: the view (in the path; links from before
/// views had paths say `view=…`), the compared events `a` and `b`, and the list's facet
/// parameters, which every view but the comparison follows.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemesState {
    pub view: GraphView,
    pub selection: Selection,
    /// The compared events: the oldest and newest unless named.
    pub events: [EventIx; 2],
}

impl ThemesState {
    /// The state of the page showing `view` (from its path) with `params`.
    pub fn from_params(bundle: &OutlinedBundle, facets: &Facets, view: GraphView, params: &Query) -> ThemesState {
        let legacy = params.get("view").and_then(|v| GraphView::ALL.into_iter().find(|w| w.key() == v));
        let view = legacy.filter(|_| view == GraphView::Heatmap).unwrap_or(view);
        let (selection, _) = facets.parse(|key| params.get(key));
        let event = |key: &str, default: usize| {
            let named = params.get(key).and_then(|id| bundle.events.iter().position(|e| e.id == id));
            EventIx::at(named.unwrap_or(default))
        };
        let events = [event("a", 0), event("b", bundle.events.len().saturating_sub(1))];
        ThemesState { view, selection, events }
    }

    /// The router path of this state: `/themes/<view>?a=…&b=…&event=…`.
    pub fn target(&self, bundle: &OutlinedBundle, facets: &Facets) -> String {
        let mut params = Vec::new();
        if self.view == GraphView::Compare {
            params.extend(["a", "b"].iter().zip(self.events).map(|(k, e)| format!("{k}={}", bundle.event(e).id)));
        }
        for (key, values) in facets.params(&self.selection) {
            params.push(format!("{key}={}", encode_facet_values(&values)));
        }
        let path = self.view.path().map_or("/themes".to_owned(), |view| format!("/themes/{view}"));
        if params.is_empty() {
            path
        } else {
            format!("{path}?{}", params.join("&"))
        }
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

    /// Whether it has no parameters.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
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

    #[test]
    fn paths_name_pages_under_the_base() {
        for base in ["", "/some/path"] {
            let at = |path: &str| Page::at(base, &format!("{base}{path}"));
            assert_eq!(at("/"), Page::List);
            assert_eq!(at(""), Page::List);
            assert_eq!(at("/themes"), Page::Themes(GraphView::Heatmap));
            assert_eq!(at("/themes/network"), Page::Themes(GraphView::Network));
            assert_eq!(at("/theme/platform-engineering"), Page::Theme("platform-engineering".into()));
            assert_eq!(at("/project/cilium"), Page::Project("cilium".into()));
            assert_eq!(at("/event/2024-eu-paris"), Page::Event("2024-eu-paris".into()));
            assert_eq!(at("/t/2024-eu-paris-x-1"), Page::Takeaway("2024-eu-paris-x-1".into()));
            assert_eq!(at("/a/%3Cscript%3E"), Page::Article("<script>".into()));
            for missing in ["/t/", "/t", "/t//x", "/t/x/y", "/index.html", "/themes/x", "/themes/heatmap", "/theme/"] {
                assert_eq!(at(missing), Page::NotFound, "{missing}");
            }
        }
        assert_eq!(Page::at("/some/path", "/elsewhere"), Page::NotFound);
        assert_eq!(Page::at("/some/path", "/some/pathology"), Page::NotFound);
    }
}
