//! The facet panel: for each facet its options with live counts, as checkboxes whose changes
//! go into the URL. Options that would leave nothing stay visible but disabled; a facet's
//! "clear" and "clear all" undo picks in one click. On narrow screens the panel folds away
//! behind a "filters" button.

use leptos::prelude::*;

use super::prefs::{use_prefs, Lang};
use super::route::use_router;
use super::state::ListState;
use super::Loaded;
use crate::facets::{Facet, Selection};
use crate::listing::Listing;

/// Options shown per facet before "more".
const FOLDED: usize = 8;

#[component]
pub fn FacetPanel(site: Loaded, state: Memo<ListState>, listing: Memo<Listing>) -> impl IntoView {
    let lang = use_prefs().lang;
    let open = RwSignal::new(false);
    let unfolded = RwSignal::new(Vec::<Facet>::new());
    let router = use_router();
    let select = {
        let site = site.clone();
        move |selection: Selection| {
            let target = state.get_untracked().with_selection(selection).target(&site);
            router.navigate(&target, false);
        }
    };
    let panel = move || {
        let (lang, state, listing) = (lang.get(), state.get(), listing.get());
        let picked: usize = Facet::ALL.iter().map(|&f| state.selection.get(f).len()).sum();
        let clear_all = (picked > 0).then(|| {
            let select = select.clone();
            let selection = state.selection.clone();
            let clear = move |_| select(Facet::ALL.iter().fold(selection.clone(), |s, &f| s.cleared(f)));
            view! {
                <button type="button" class="clear-all" on:click=clear>
                    {lang.pick("清除全部筛选", "Clear all filters")}
                </button>
            }
        });
        let facets = Facet::ALL
            .into_iter()
            .filter(|&f| !site.facets().options(f).is_empty())
            .map(|facet| facet_view(&site, lang, facet, &state, &listing, unfolded, select.clone()))
            .collect_view();
        view! {
            <button
                type="button"
                class="facets-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="facets"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {match (lang, picked) {
                    (_, 0) => lang.pick("筛选", "Filters").to_owned(),
                    (Lang::Zh, n) => format!("筛选（{n}）"),
                    (Lang::En, n) => format!("Filters ({n})"),
                }}
            </button>
            <div id="facets" class="facets" class:open=move || open.get()>
                {clear_all}
                {facets}
            </div>
        }
    };
    view! { <aside class="facet-panel" aria-label=move || lang.get().pick("筛选", "Filters")>{panel}</aside> }
}

fn facet_view(
    site: &Loaded,
    lang: Lang,
    facet: Facet,
    state: &ListState,
    listing: &Listing,
    unfolded: RwSignal<Vec<Facet>>,
    select: impl Fn(Selection) + Clone + 'static,
) -> impl IntoView {
    let options = site.facets().options(facet);
    let counts = &listing.counts[Facet::ALL.iter().position(|&f| f == facet).unwrap_or_default()];
    let all = unfolded.get().contains(&facet);
    let (zh, en) = facet.label();
    let heading_id = format!("facet-{}", facet.key());
    let clear = (!state.selection.get(facet).is_empty()).then(|| {
        let (select, selection) = (select.clone(), state.selection.cleared(facet));
        view! {
            <button type="button" class="clear" on:click=move |_| select(selection.clone())>
                {lang.pick("清除", "Clear")}
            </button>
        }
    });
    let items = options
        .iter()
        .enumerate()
        .filter(|(i, _)| all || *i < FOLDED || state.selection.contains(facet, *i as u32))
        .map(|(i, option)| {
            let option_index = i as u32;
            let checked = state.selection.contains(facet, option_index);
            let count = counts.get(i).copied().unwrap_or_default();
            let (select, toggled) = (select.clone(), state.selection.toggled(facet, option_index));
            view! {
                <li>
                    <label class="option" class:none=count == 0 && !checked>
                        <input
                            type="checkbox"
                            name=facet.key()
                            value=option.value.clone()
                            prop:checked=checked
                            disabled=count == 0 && !checked
                            on:change=move |_| select(toggled.clone())
                        />
                        <span class="option-name">{lang.name(&option.label)}</span>
                        <span class="count">{count}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    let more = (options.len() > FOLDED).then(|| {
        let label = match (all, lang) {
            (true, _) => lang.pick("收起", "Fewer").to_owned(),
            (false, Lang::Zh) => format!("更多（{}）", options.len() - FOLDED),
            (false, Lang::En) => format!("More ({})", options.len() - FOLDED),
        };
        let toggle = move |_| {
            unfolded.update(|u| match u.iter().position(|&f| f == facet) {
                Some(at) => {
                    u.remove(at);
                }
                None => u.push(facet),
            })
        };
        view! { <button type="button" class="more-options" on:click=toggle>{label}</button> }
    });
    view! {
        <section class="facet" aria-labelledby=heading_id>
            <h2 id=heading_id.clone()>{lang.pick(zh, en)} {clear}</h2>
            <ul class="options">{items}</ul>
            {more}
        </section>
    }
}
