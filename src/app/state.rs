//! The list's state in the URL: the query (`q`), the facet selection (`event=…&theme=a,b`) and
//! how many takeaways are shown (`n`), so back, forward, reload and a pasted link all restore
//! exactly what was on screen.

use super::data::Site;
use super::route::Query;
use crate::facets::{Facet, Selection};
use crate::ids::encode_query_value;

/// Takeaways shown before "show more".
pub const PAGE: usize = 50;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListState {
    pub query: String,
    pub selection: Selection,
    /// Facet values in the URL that no option has, as `key=value`, for a notice.
    pub unknown: Vec<String>,
    pub shown: usize,
}

impl ListState {
    pub fn from_params(site: &Site, params: &Query) -> ListState {
        let (selection, unknown) = site.facets().parse(|key| params.get(key));
        let shown = params.get("n").and_then(|n| n.parse().ok()).filter(|&n| n > 0).unwrap_or(PAGE);
        ListState { query: params.get("q").unwrap_or_default(), selection, unknown, shown }
    }

    /// The router path of this state, relative to the site's base: `/?q=…&theme=…`.
    pub fn target(&self, site: &Site) -> String {
        let mut params: Vec<(&str, String)> = Vec::new();
        if !self.query.trim().is_empty() {
            params.push(("q", encode_query_value(&self.query)));
        }
        for (key, values) in site.facets().params(&self.selection) {
            // Commas separate a facet's values: keep them readable.
            params.push((key, encode_query_value(&values).replace("%2C", ",")));
        }
        if self.shown != PAGE {
            params.push(("n", self.shown.to_string()));
        }
        path_with(&params)
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
