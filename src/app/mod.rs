//! The explorer in the browser: a leptos app that keeps the page the URL names on screen. The
//! markup comes from the one renderer (`crate::render`); the app holds the state (the URL, the
//! data as it arrives, the reader's preferences and what they opened), re-renders the part of
//! the page that state changes, and handles the page's events by delegation (`events`).

mod browser;
mod data;
mod events;
mod keys;
mod pages;
mod prefs;
mod route;
mod widgets;

use leptos::html::{Div, Main};
use leptos::prelude::*;
use maud::{html, Markup};

pub use data::{parse_bundle, site_base};

use crate::explore::facets::Facet;
use crate::model::ids::PRERENDERED_ID;
use crate::render::shell::{self, Nav};
use data::{BundleResource, Loaded};
use prefs::Scheme;
use route::Page;

/// What the reader has opened, besides the page: the facet panel on narrow screens, the facets
/// showing all their options, the shortcuts dialog.
#[derive(Clone, Copy)]
pub struct Ui {
    pub facets_open: RwSignal<bool>,
    pub unfolded: RwSignal<Vec<Facet>>,
    pub shortcuts: RwSignal<bool>,
}

#[component]
pub fn App() -> impl IntoView {
    provide_context(data::load_bundle());
    data::provide_files();
    let prefs = prefs::provide_prefs();
    let router = route::provide_router(site_base());
    let ui =
        Ui { facets_open: RwSignal::new(false), unfolded: RwSignal::new(Vec::new()), shortcuts: RwSignal::new(false) };
    provide_context(ui);
    let home = pages::home::provide();
    events::listen();
    keys::listen();

    let (top, main, bottom) = (NodeRef::<Div>::new(), NodeRef::<Main>::new(), NodeRef::<Div>::new());
    let shown = [(); 3].map(|_| StoredValue::new(String::new()));
    let base = site_base();
    Effect::new(move |_| {
        let nav = match router.page().get() {
            Page::List => Nav::List,
            Page::Themes => Nav::Themes,
            _ => Nav::Other,
        };
        let query = router.query().with_untracked(|q| q.get("q").unwrap_or_default());
        let dark = prefs.scheme.get() == Scheme::Dark;
        fill(top.get(), shown[0], shell::header(prefs.lang.get(), &base, nav, &query, dark));
    });
    Effect::new(move |_| widgets::search_box::follow_query(router.query().read().get("q").unwrap_or_default()));
    Effect::new(move |_| {
        let markup = pages::content(router.page().get(), prefs.lang.get(), home);
        if let Some(main) = main.get() {
            if fill(Some(main.clone()), shown[1], markup) {
                widgets::graphs::size_canvases(&main);
            }
        }
    });
    Effect::new(move |_| {
        let lang = prefs.lang.get();
        let dialog = ui.shortcuts.get().then(|| shell::shortcuts(lang));
        fill(bottom.get(), shown[2], html! { (shell::footer(lang)) (dialog.unwrap_or_default()) });
        if let Some(close) = document().query_selector(".dialog .close").ok().flatten() {
            browser::focus(&close);
        }
    });
    view! {
        <div id="top" node_ref=top></div>
        <main id="main" tabindex="-1" node_ref=main></main>
        <div id="bottom" node_ref=bottom></div>
    }
}

/// Puts `markup` into `region` unless it is what `shown` says the region holds already;
/// whether it did.
fn fill(region: Option<impl AsRef<web_sys::Element>>, shown: StoredValue<String>, markup: Markup) -> bool {
    let Some(region) = region else { return false };
    if shown.with_value(|old| *old == markup.0) {
        return false;
    }
    browser::replace_markup(region.as_ref(), &markup.0);
    shown.set_value(markup.0);
    true
}

/// The loaded bundle, or the markup to show instead: loading, or why it failed with a retry.
fn loaded(lang: crate::render::lang::Lang) -> Result<Loaded, Markup> {
    match expect_context::<BundleResource>().get() {
        Some(Ok(site)) => Ok(site),
        Some(Err(why)) => Err(shell::load_failed(lang, &why, "retry")),
        None => Err(shell::loading(lang)),
    }
}

/// Readies the page for the app: a panic shows a banner instead of a dead page; a share page's
/// static copy of its content goes (the app renders it); and the trailing slash static hosts
/// add when they redirect `t/<id>` to the share page's folder is dropped, so the route matches.
pub fn prepare_page() {
    std::panic::set_hook(Box::new(|info| show_failure(&info.to_string())));
    let Some(window) = web_sys::window() else { return };
    if let Some(static_copy) = window.document().and_then(|d| d.get_element_by_id(PRERENDERED_ID)) {
        static_copy.remove();
    }
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

/// Sets the browser tab's title.
fn set_title(title: &str) {
    document().set_title(title);
}
