//! Where the reader is: the page the URL's path names under the site's base, and its query.
//! Internal links and [`Router::navigate`] move it with the History API, back and forward
//! with `popstate`. This is the little of a router the explorer needs: leptos_router's generic
//! routes and link components made the wasm 113 KB bigger (36 KB brotli).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlAnchorElement, MouseEvent};

use super::browser::after_paint;
use crate::explore::url::{decode, Page, Query};

/// The address bar's path, query and hash, and the site's base, shared through the context.
#[derive(Clone, Copy)]
pub struct Router {
    base: StoredValue<String>,
    /// `location.pathname + location.search + location.hash`.
    url: RwSignal<String>,
    page: Memo<Page>,
    query: Memo<Query>,
}

impl Router {
    /// The current page.
    pub fn page(self) -> Memo<Page> {
        self.page
    }

    /// The current query.
    pub fn query(self) -> Memo<Query> {
        self.query
    }

    /// The path the site is served under, without its trailing slash (`""` at the root).
    pub fn base(self) -> String {
        self.base.get_value()
    }

    /// Goes to `target`, a path relative to the site's base (`/?q=…`, `/themes?view=…`), adding
    /// a history entry unless `replace`; whether the URL is another now.
    pub fn navigate(self, target: &str, replace: bool) -> bool {
        let base = self.base.get_value();
        self.go(&format!("{base}{target}"), replace)
    }

    /// Goes to `url` (a path under the site's base, with its query and hash) and then, as a
    /// page load would, scrolls to the element the hash names or to the top. An entry replaced
    /// (typing on the list) is written to the address bar once the page has followed and been
    /// painted: writing it takes the browser milliseconds a keystroke's results would wait for.
    fn go(self, url: &str, replace: bool) -> bool {
        let Some(window) = web_sys::window() else { return false };
        let Ok(history) = window.history() else { return false };
        let state = wasm_bindgen::JsValue::NULL;
        let moved = *url != self.url.get_untracked();
        if !replace {
            if moved {
                let _ = history.push_state_with_url(&state, "", Some(url));
            }
            self.follow_address_bar();
        } else if moved {
            self.url.set(url.to_string());
        }
        let url = url.to_string();
        // After the new page has rendered: the element the hash names may be on it.
        let hash = url.split_once('#').map_or("", |(_, hash)| hash).to_string();
        request_animation_frame(move || scroll_to_hash(&hash));
        if replace {
            after_paint(move || {
                // Unless the reader has gone on (a newer key, back): that is the page now.
                if self.url.get_untracked() == url {
                    let _ = history.replace_state_with_url(&state, "", Some(&url));
                    // The address bar's spelling of it (percent-encoded) reads the same.
                    self.follow_address_bar();
                }
            });
        }
        moved
    }

    /// Takes the URL from the address bar (after a navigation, back or forward).
    fn follow_address_bar(self) {
        let url = address_bar();
        if url != self.url.get_untracked() {
            self.url.set(url);
        }
    }
}

/// Starts following the URL: provides the [`Router`] and takes over the clicks on internal
/// links (under `base`, the site's path without its trailing slash) and back and forward.
pub fn provide_router(base: String) -> Router {
    let url = RwSignal::new(address_bar());
    let page = {
        let base = base.clone();
        Memo::new(move |_| url.with(|url| Page::at(&base, url.split(['?', '#']).next().unwrap_or_default())))
    };
    let query = Memo::new(move |_| {
        url.with(|url| {
            let search = url.split('#').next().unwrap_or_default().split_once('?').map_or("", |(_, q)| q);
            Query::parse(search)
        })
    });
    let router = Router { base: StoredValue::new(base), url, page, query };
    provide_context(router);
    // The app lives as long as the page: the listeners are never removed.
    let _ = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(target) = in_page_target(&ev) {
            // `#id` resolves against `<base>`: followed, it would load the site's root.
            ev.prevent_default();
            if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
                let _ = target.focus();
                target.scroll_into_view();
            }
        } else if let Some(url) = internal_link(&ev, &router.base.get_value()) {
            ev.prevent_default();
            router.go(&url, false);
        }
    });
    let _ = window_event_listener(leptos::ev::popstate, move |_| router.follow_address_bar());
    router
}

/// The router, inside the app.
pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// `location.pathname + location.search + location.hash`.
fn address_bar() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let part = |p: Result<String, _>| p.unwrap_or_default();
    format!("{}{}{}", part(location.pathname()), part(location.search()), part(location.hash()))
}

/// The URL a click should open in the app instead of the browser loading it: a plain left click
/// on a link to a page under `base` that asks for no other window and no download.
fn internal_link(ev: &MouseEvent, base: &str) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.alt_key() || ev.ctrl_key() || ev.shift_key() {
        return None;
    }
    let link: HtmlAnchorElement = closest(ev, "a[href]")?.dyn_into().ok()?;
    let external = link.get_attribute("rel").is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    if !link.target().is_empty() || link.has_attribute("download") || external {
        return None;
    }
    let origin = web_sys::window()?.location().origin().ok()?;
    let url = web_sys::Url::new(&link.href()).ok()?;
    if url.origin() != origin || !url.pathname().starts_with(base) {
        return None;
    }
    Some(format!("{}{}{}", url.pathname(), url.search(), url.hash()))
}

/// The element a click on an in-page link (`href="#id"`, such as the skip link) names.
fn in_page_target(ev: &MouseEvent) -> Option<web_sys::Element> {
    let href = closest(ev, "a[href^='#']")?.get_attribute("href")?;
    let id = decode(href.strip_prefix('#')?, false);
    web_sys::window()?.document()?.get_element_by_id(&id)
}

/// The nearest element matching `selector` from the event's target up.
pub fn closest(ev: &Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

/// Scrolls to the element `hash` (a URL's, without its `#`) names, or to the top.
fn scroll_to_hash(hash: &str) {
    let Some(window) = web_sys::window() else { return };
    let target =
        Some(hash).filter(|id| !id.is_empty()).and_then(|id| window.document()?.get_element_by_id(&decode(id, false)));
    match target {
        Some(element) => element.scroll_into_view(),
        None => window.scroll_to_with_x_and_y(0.0, 0.0),
    }
}
