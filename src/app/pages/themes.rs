//! The theme graphs page, `/themes`: everything on screen is in the URL (see
//! [`ThemesState`]).

use leptos::prelude::*;
use maud::Markup;

use crate::app::data::Site;
use crate::app::route::use_router;
use crate::app::set_title;
use crate::explore::facets::Facet;
use crate::explore::url::{GraphView, ThemesState};
use crate::render::{themes, Cx};

pub fn markup(cx: &Cx, site: &Site, view: GraphView) -> Markup {
    let state = use_router().query().with(|params| ThemesState::from_params(&site.bundle, site.facets(), view, params));
    let all = site.list_order();
    let takeaways = site.facets().filter(all, &state.selection);
    // The comparison picks its own two events; the other filters still apply.
    let compared = site.facets().filter(all, &state.selection.cleared(Facet::Event));
    set_title(&themes::title(cx.lang));
    themes::page(cx, site.facets(), &state, &takeaways, &compared)
}
