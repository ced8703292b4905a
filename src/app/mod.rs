//! The explorer in the browser: a leptos app that keeps the page the URL names on screen. The
//! markup comes from the one renderer (`crate::render`); the app holds the state (the URL, the
//! data as it arrives, the reader's preferences and what they opened), re-renders the part of
//! the page that state changes, and handles the page's events by delegation (`events`).

mod browser;
mod data;
mod events;
mod keys;
pub(crate) mod offline;
mod pages;
mod patch;
mod prefs;
mod route;
mod widgets;

use leptos::prelude::*;
use maud::{html, Markup};

pub use data::{parse_bundle, site_base};

use crate::explore::facets::Facet;
use crate::explore::url::Page;
use crate::render::page::fingerprint;
use crate::render::shell::{self, HeaderState, Nav, Unloaded};
use data::{BundleResource, Loaded};
use prefs::Scheme;

/// What the reader has opened, besides the page: the facet panel on narrow screens, the facets
/// showing all their options, the shortcuts dialog; and what the app tells them: that the
/// network is gone, that a new build is ready.
#[derive(Clone, Copy)]
pub struct Ui {
    pub facets_open: RwSignal<bool>,
    pub unfolded: RwSignal<Vec<Facet>>,
    pub shortcuts: RwSignal<bool>,
    pub offline: RwSignal<bool>,
    pub update: RwSignal<bool>,
}

/// The app: its state, and the effects that keep the page's regions showing it. It renders no
/// view of its own: the regions are the page's (see [`Region`]).
#[component]
pub fn App() {
    let router = route::provide_router(site_base());
    data::provide_files();
    provide_context(data::load_bundle(router));
    let prefs = prefs::provide_prefs();
    let ui = Ui {
        facets_open: RwSignal::new(false),
        unfolded: RwSignal::new(Vec::new()),
        shortcuts: RwSignal::new(false),
        offline: RwSignal::new(false),
        update: RwSignal::new(false),
    };
    provide_context(ui);
    offline::start(ui);
    let home = pages::home::provide();
    events::listen();
    keys::listen();

    // The regions follow the state from the next task, a shorter one of its own (see [`start`]):
    // the build's page shows it already.
    let Some(owner) = Owner::current() else { return };
    browser::next_task(move || owner.with(|| show_regions(router, prefs, ui, home)));
}

/// The effects that keep the page's regions (header, main content, footer) showing the state.
fn show_regions(router: route::Router, prefs: prefs::Prefs, ui: Ui, home: pages::home::HomeState) {
    let (top, main, bottom) = (Region::new("top", "div"), Region::new("main", "main"), Region::new("bottom", "div"));
    let base = site_base();
    Effect::new(move |_| {
        let nav = match router.page().get() {
            Page::List => Nav::List,
            Page::Themes(_) => Nav::Themes,
            _ => Nav::Other,
        };
        let query = router.query().with_untracked(|q| q.get("q").unwrap_or_default());
        let state = HeaderState { query: &query, dark: prefs.scheme.get() == Scheme::Dark, offline: ui.offline.get() };
        top.show(shell::header(prefs.lang.get(), &base, nav, state));
    });
    Effect::new(move |_| widgets::search_box::follow_query(router.query().read().get("q").unwrap_or_default()));
    Effect::new(move |_| {
        let content = pages::content(router.page().get(), prefs.lang.get(), home);
        // Once the page shows, the whole outline follows where it showed with the first page's.
        if content.ready {
            data::request_whole();
        }
        // The page the build wrote stays until the app has its own to show.
        if content.ready || !main.prerendered() {
            main.show(content.markup);
        }
        // Typing's first screenful of results is painted; then the rest of them.
        let partial = content.ready && home.screenful.get_untracked();
        if partial {
            browser::after_paint(move || home.screenful.set(false));
        }
        main.set_busy((content.stale && main.prerendered()) || partial);
    });
    Effect::new(move |_| {
        let lang = prefs.lang.get();
        let dialog = ui.shortcuts.get().then(|| shell::shortcuts(lang));
        let update = ui.update.get().then(|| shell::update_prompt(lang));
        bottom.show(html! { (shell::footer(lang)) (update.unwrap_or_default()) (dialog.unwrap_or_default()) });
        if let Some(close) = document().query_selector(".dialog .close").ok().flatten() {
            browser::focus(&close);
        }
    });
}

/// A part of the page the app keeps up to date (the header, the main content, the footer): the
/// element, as the build wrote it or made here, and what it holds.
#[derive(Clone, Copy)]
struct Region {
    id: &'static str,
    shown: StoredValue<Shown>,
}

/// What a region holds.
enum Shown {
    /// The build's markup, known by its fingerprint (`data-markup`).
    Built(String),
    /// The markup the app put in, which the next is patched against.
    App(String),
}

impl Shown {
    fn is(&self, markup: &str) -> bool {
        match self {
            Shown::Built(print) => *print == fingerprint(markup),
            Shown::App(shown) => shown == markup,
        }
    }
}

impl Region {
    /// The region `id`: the page's own, or a new `tag` element at the end of the body.
    fn new(id: &'static str, tag: &str) -> Region {
        let document = document();
        let element = document.get_element_by_id(id).or_else(|| {
            let element = document.create_element(tag).ok()?;
            element.set_id(id);
            if tag == "main" {
                let _ = element.set_attribute("tabindex", "-1");
            }
            document.body()?.append_child(&element).ok()?;
            Some(element)
        });
        let built = element.and_then(|e| e.get_attribute("data-markup")).unwrap_or_default();
        Region { id, shown: StoredValue::new(Shown::Built(built)) }
    }

    fn element(&self) -> Option<web_sys::Element> {
        document().get_element_by_id(self.id)
    }

    /// Whether it still holds what the build wrote.
    fn prerendered(&self) -> bool {
        self.element().is_some_and(|e| e.has_attribute("data-prerendered"))
    }

    /// Marks what it holds as about to be replaced (`aria-busy`), or no longer.
    fn set_busy(&self, busy: bool) {
        let Some(element) = self.element() else { return };
        let _ = match busy {
            true => element.set_attribute("aria-busy", "true"),
            false => element.remove_attribute("aria-busy"),
        };
    }

    /// Puts `markup` in, unless it holds it already.
    fn show(&self, markup: Markup) {
        let markup = markup.into_string();
        let Some(element) = self.element().filter(|_| !self.shown.with_value(|shown| shown.is(&markup))) else {
            return;
        };
        self.shown.with_value(|shown| match shown {
            Shown::App(shown) => browser::put_markup(&element, Some(shown), &markup),
            Shown::Built(_) => browser::put_markup(&element, None, &markup),
        });
        let _ = element.remove_attribute("data-prerendered");
        self.shown.set_value(Shown::App(markup));
    }
}

/// The loaded bundle, or what to show instead: loading, or why it failed with a retry. Every page
/// but the home waits for the whole outline where the first page's came first.
fn loaded(lang: crate::render::lang::Lang, home: bool) -> Result<Loaded, pages::Content> {
    match expect_context::<BundleResource>().get() {
        Some(Ok(site)) if !home && site.is_first_page() => {
            data::request_whole();
            Err(pages::Content::waiting(lang))
        }
        Some(Ok(site)) => Ok(site),
        Some(Err(why)) => Err(shell::load_failed(lang, Unloaded::Data, &why, "retry").into()),
        None => Err(pages::Content::waiting(lang)),
    }
}

/// Starts the app on the build's page: readies the page, then mounts the app in a task after the
/// wasm's instantiation (the first run of each function the wasm calls compiles it: shorter
/// tasks hold a reader's input on the page for less).
pub fn start() {
    prepare_page();
    browser::next_task(|| leptos::mount::mount_to_body(App));
}

/// Readies the page for the app: a panic shows a banner instead of a dead page, and the
/// trailing slash static hosts add when they redirect `t/<id>` to the page's folder is dropped,
/// so the route matches.
fn prepare_page() {
    std::panic::set_hook(Box::new(|info| show_failure(&info.to_string())));
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) = (location.pathname(), location.search(), location.hash()) else { return };
    let base = site_base();
    if path.len() > base.len() + 1 && path.ends_with('/') {
        let url = format!("{}{search}{hash}", path.trim_end_matches('/'));
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// Tells the reader the app has failed (the reactive system may be gone: plain DOM) and logs why.
fn show_failure(message: &str) {
    web_sys::console::error_1(&message.into());
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    let _ = body.insert_adjacent_html("afterbegin", &shell::failure(message).into_string());
}

/// Sets the browser tab's title once the page is painted: setting it takes the browser about a
/// millisecond, which a keystroke's results would wait for. The last page's title is set last.
fn set_title(title: &str) {
    let title = title.to_string();
    browser::after_paint(move || document().set_title(&title));
}
