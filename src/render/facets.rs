//! The facet panel: for each facet its options with live counts, as checkboxes named by their
//! facet and option, which the app toggles in the list's state (a checkbox that named the list
//! it leads to, query and all, would change with every key typed). Options that would leave
//! nothing stay visible but disabled; a facet's "clear" and "clear all" undo picks in one click.
//! On narrow screens the panel folds away behind a "filters" button.

use maud::{html, Markup};

use super::Cx;
use crate::explore::facets::{Facet, Facets};
use crate::explore::url::ListState;
use crate::render::lang::Lang;

/// Options shown per facet before "more".
pub const FOLDED: usize = 8;

/// What the reader has opened: the panel (on narrow screens), and facets showing all options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Panel<'a> {
    pub open: bool,
    pub unfolded: &'a [Facet],
}

/// The panel for the list in `state`, with `counts` per facet and option.
pub fn panel(cx: &Cx, facets: &Facets, state: &ListState, counts: &[Vec<usize>; 6], ui: &Panel) -> Markup {
    let picked: usize = Facet::ALL.iter().map(|&f| state.selection.get(f).len()).sum();
    let cleared = Facet::ALL.iter().fold(state.selection.clone(), |s, &f| s.cleared(f));
    html! {
        aside.facet-panel aria-label=(cx.pick("筛选", "Filters")) {
            button.facets-toggle type="button" aria-expanded=(ui.open) aria-controls="facets" data-action="toggle-facets" {
                @match (cx.lang, picked) {
                    (_, 0) => { (cx.pick("筛选", "Filters")) }
                    (Lang::Zh, n) => { "筛选（" (n) "）" }
                    (Lang::En, n) => { "Filters (" (n) ")" }
                }
            }
            div #facets .facets.open[ui.open] {
                @if picked > 0 {
                    button.clear-all type="button" data-href=(state.with_selection(cleared).target(facets)) {
                        (cx.pick("清除全部筛选", "Clear all filters"))
                    }
                }
                @for (at, facet) in Facet::ALL.into_iter().enumerate() {
                    @if !facets.options(facet).is_empty() {
                        (facet_section(cx, facets, facet, state, &counts[at], ui.unfolded.contains(&facet)))
                    }
                }
            }
        }
    }
}

fn facet_section(cx: &Cx, facets: &Facets, facet: Facet, state: &ListState, counts: &[usize], all: bool) -> Markup {
    let options = facets.options(facet);
    let (zh, en) = facet.label();
    let heading = format!("facet-{}", facet.key());
    let target = |selection| state.with_selection(selection).target(facets);
    html! {
        section.facet aria-labelledby=(heading) {
            h2 #(heading) {
                (cx.pick(zh, en))
                @if !state.selection.get(facet).is_empty() {
                    " "
                    button.clear type="button" data-href=(target(state.selection.cleared(facet))) { (cx.pick("清除", "Clear")) }
                }
            }
            ul.options {
                @for (i, option) in options.iter().enumerate() {
                    @let checked = state.selection.contains(facet, i as u32);
                    @let count = counts.get(i).copied().unwrap_or_default();
                    @if all || i < FOLDED || checked {
                        li {
                            label.option.none[count == 0 && !checked] {
                                input type="checkbox" name=(facet.key()) value=(option.value) checked[checked]
                                    disabled[count == 0 && !checked];
                                span.option-name { (cx.name(&option.label)) }
                                span.count { (count) }
                            }
                        }
                    }
                }
            }
            @if options.len() > FOLDED {
                button.more-options type="button" data-action="more-options" data-facet=(facet.key()) {
                    @match (all, cx.lang) {
                        (true, _) => { (cx.pick("收起", "Fewer")) }
                        (false, Lang::Zh) => { "更多（" (options.len() - FOLDED) "）" }
                        (false, Lang::En) => { "More (" (options.len() - FOLDED) ")" }
                    }
                }
            }
        }
    }
}
