//! The home page: every takeaway as a card, narrowed by the search query and the facets, with
//! live counts. Its state and list are memos, so they are computed once per change and are at
//! hand for export.

use leptos::prelude::*;
use maud::Markup;

use super::{when_read, Content};
use crate::app::data::{
    article_titles_load, every_title_asked, read_pending, request_every_title, request_read, request_search,
    request_wanted, request_whole, search_readiness, texts_failure, wanted, BundleResource, Load, Site, Wanted,
};
use crate::app::route::use_router;
use crate::app::{set_title, Ui};
use crate::explore::listing::{listing, Listing, Search};
use crate::explore::url::{ListState, PAGE};
use crate::render::facets::Panel;
use crate::render::list::{self, Home, IndexStatus};
use crate::render::{site_name, Cx};

/// The list's state, from the URL, and what it lists; none until the bundle is here.
#[derive(Clone, Copy)]
pub struct HomeState {
    pub state: Memo<Option<ListState>>,
    pub listing: Memo<Option<Listing>>,
    /// What the query still needs of the index in pieces.
    pub wanted: Memo<Wanted>,
    /// Whether the list puts in its first [`SCREENFUL`] cards alone: a keystroke's results are
    /// painted with only those laid out, the rest follow after the paint.
    pub screenful: RwSignal<bool>,
}

/// The cards a keystroke's results put in before their first paint: about what a tall window
/// shows (a card is 110–140 px high on a wide screen). Each card put in is parsed, styled and
/// laid out before the frame is painted.
pub const SCREENFUL: usize = 8;

/// A listing as computed for the state, and what the query still needs of the index. A query
/// the index cannot answer yet, or whose titles are on their way with every one, has no listing:
/// what the facets leave would be computed (every takeaway counted) only to be replaced, on a
/// cold `?q=` link and on a keystroke alike. If the index failed, it is what the facets leave,
/// under the failure and its retry.
#[derive(Clone, PartialEq)]
struct Computed {
    listing: Option<Listing>,
    wanted: Wanted,
}

/// How many pages of titles a query's ranking reads with their articles' summaries before every
/// takeaway's titles are fetched instead: a ranking reads the titles of the best-scored
/// candidates that may hold the query as written, twice a page's at a time, and most settle in
/// one round; a phrase whose words many titles hold apart can read thousands, a round at a time.
const TITLE_PAGES: usize = 4;

/// The memos (computed when the home page reads them), and fetching the search index as soon as
/// the URL holds a query, the titles and bodies its results read and the summaries of the cards
/// shown.
pub fn provide() -> HomeState {
    let bundle = expect_context::<BundleResource>();
    let query = use_router().query();
    let state = Memo::new(move |_| {
        let site = bundle.get()?.ok()?;
        Some(ListState::from_params(site.facets(), &query.read()))
    });
    let computed = Memo::new(move |_| {
        let site = bundle.get()?.ok()?;
        state.with(|state| {
            let state = state.as_ref()?;
            // The first page's outline lists that page alone, unfiltered: the rest waits for the
            // whole outline.
            if site.is_first_page() && needs_whole(state) {
                return Some(Computed { listing: None, wanted: Wanted::default() });
            }
            // Until the index has what the query needs, a query lists what the facets leave;
            // then it recomputes.
            let searching = !state.query.trim().is_empty();
            let engine = site.engine().filter(|_| searching);
            let config = Search::config(state.literal);
            let wanted = match searching {
                true => wanted(&site, engine, &state.query, &config),
                false => Wanted::default(),
            };
            // Once the index has what the query needs, and every title if it was asked for: a
            // ranking without them would be made again when they come.
            let readiness = search_readiness(&wanted);
            let search = engine.filter(|_| readiness == Load::Ready(())).map(|engine| Search {
                engine,
                query: state.query.as_str(),
                literal: state.literal,
            });
            if searching && search.is_none() && !matches!(readiness, Load::Failed(_)) {
                return Some(Computed { listing: None, wanted });
            }
            let listing = listing(site.facets(), site.list_order(), search, &state.selection, state.shown);
            Some(Computed { listing: Some(listing), wanted })
        })
    });
    // While the index or the texts the list reads are on their way, it stays as it was: results
    // ranked without them would reorder when they arrive, cards would lack their summaries.
    // Texts that failed are not waited for.
    let shown = move || state.with(|state| state.as_ref().map_or(0, |s| s.shown));
    let listing = Memo::new(move |previous: Option<&Option<Listing>>| {
        let Computed { listing, wanted } = computed.get()?;
        let site = bundle.get()?.ok()?;
        let waiting = listing.as_ref().is_none_or(|listing| {
            let read = listing.read(shown(), &site.bundle, every_title_asked());
            !wanted.is_empty() || titles_pending(listing, &wanted) || read_pending(&site, &read, &listing.missing)
        });
        match previous {
            Some(Some(previous)) if waiting => Some(previous.clone()),
            _ => listing,
        }
    });
    let wanted = Memo::new(move |_| computed.with(|c| c.as_ref().map(|c| c.wanted.clone()).unwrap_or_default()));
    // The index's head does not wait for the bundle: a `?q=` link needs both.
    Effect::new(move |_| {
        if query.read().get("q").is_some_and(|q| !q.trim().is_empty()) {
            request_search();
        }
    });
    // The titles a query's ranking asked for, while it is the same query.
    let asked = StoredValue::new((String::new(), Vec::<usize>::new()));
    Effect::new(move |_| {
        let Some(Ok(site)) = bundle.get() else { return };
        computed.with(|computed| {
            let Some(Computed { listing, wanted }) = computed else { return };
            request_wanted(wanted);
            let Some(listing) = listing else {
                if site.is_first_page() {
                    request_whole();
                }
                return;
            };
            if !listing.untitled.is_empty() && !every_title_asked() {
                let query = query.with_untracked(|q| q.get("q").unwrap_or_default());
                let many = asked.try_update_value(|(of, docs)| {
                    if *of != query {
                        (*of, *docs) = (query, Vec::new());
                    }
                    docs.extend(&listing.untitled);
                    docs.sort_unstable();
                    docs.dedup();
                    docs.len() > TITLE_PAGES * shown().max(1)
                });
                // Offline, or the files failing, every takeaway's titles may still be had (the
                // service worker keeps them with the outline).
                if many == Some(true) || texts_failure(&site, &listing.untitled, &[]).is_some() {
                    request_every_title();
                }
            }
            request_read(&site, &listing.read(shown(), &site.bundle, every_title_asked()), &listing.missing);
        });
    });
    let home = HomeState { state, listing, wanted, screenful: RwSignal::new(false) };
    provide_context(home);
    home
}

/// Whether the list needs every takeaway's themes and projects: any but its first page, with
/// nothing selected or searched, which the first page's outline lists (see [`Site::is_first_page`]).
fn needs_whole(state: &ListState) -> bool {
    !state.query.trim().is_empty() || !state.selection.is_empty() || state.shown > PAGE
}

/// Whether the titles a search's listing shows are on their way with every title: the titles
/// its ranking lacks, and its cards' articles' titles, which its results' cards do not read with
/// their summaries. What failed is waited for no longer.
fn titles_pending(listing: &Listing, wanted: &Wanted) -> bool {
    let lacking = !listing.untitled.is_empty() || !matches!(article_titles_load(), Load::Ready(()));
    every_title_asked() && listing.searched && lacking && !matches!(search_readiness(wanted), Load::Failed(_))
}

pub fn markup(cx: &Cx, site: &Site, home: HomeState) -> Content {
    let ui = expect_context::<Ui>();
    let (Some(state), unfolded) = (home.state.get(), ui.unfolded.get()) else { return Markup::default().into() };
    match state.query.trim() {
        "" => set_title(site_name(cx.lang)),
        query => set_title(&format!("{query} · {} · {}", cx.pick("搜索", "Search"), site_name(cx.lang))),
    }
    let wanted = home.wanted.get();
    let readiness = search_readiness(&wanted);
    home.listing.with(|listing| {
        // A query's first results are on their way: the page the build wrote stays, busy.
        let Some(listing) = listing else { return Content::searching(cx.lang) };
        // Loading until the list shown is searched (its pieces, then its results' texts, are on
        // their way); then the next query's wait shows no notice, the list stays as it was.
        let index = match (&readiness, listing.searched) {
            (Load::Failed(why), _) => IndexStatus::Failed(why),
            (_, true) => IndexStatus::Ready,
            (_, false) => IndexStatus::Loading,
        };
        let panel = Panel { open: ui.facets_open.get(), unfolded: &unfolded };
        let cards = if home.screenful.get() { SCREENFUL } else { state.shown };
        let markup = list::page(cx, &Home { facets: site.facets(), state: &state, listing, cards, index, panel });
        let read = listing.read(state.shown, &site.bundle, every_title_asked());
        let content = when_read(cx.lang, site, &read, &listing.missing, markup);
        Content { ready: content.ready && !titles_pending(listing, &wanted), ..content }
    })
}
