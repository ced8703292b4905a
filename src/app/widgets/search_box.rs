//! The search box in the header: results follow the typing (the list reads `?q=`), Chinese
//! input methods are waited for, Esc clears.

use std::cell::{Cell, RefCell};

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::app::data::{request_every_title, request_search, request_whole};
use crate::app::pages::home::HomeState;
use crate::app::route::use_router;
use crate::explore::url::query_target;
use crate::explore::url::Page;

/// The results follow the first key at once, then at most once per this interval while typing
/// goes on, the last text always: each update replaces a history entry, which browsers limit
/// (Safari to 100 in 30 s), and a burst of keys (a paste, a fast typist) is searched once.
const INTERVAL_MS: f64 = 100.0;

/// The selector of the search box.
pub const INPUT: &str = ".search input";

thread_local! {
    /// The navigation waiting for the interval to end.
    static PENDING: RefCell<Option<Timeout>> = const { RefCell::new(None) };
    /// When typing last moved the results (ms since the epoch).
    static LAST: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
}

/// The search box, if it is on the page.
fn input() -> Option<HtmlInputElement> {
    document().query_selector(INPUT).ok().flatten()?.dyn_into().ok()
}

/// Shows `query` (the URL's) in the box, unless it shows it already.
pub fn follow_query(query: String) {
    if let Some(input) = input().filter(|input| input.value() != query) {
        input.set_value(&query);
    }
}

/// Puts the box's text in the URL (replacing the entry while typing on the list), keeping the
/// facets, now or when the interval since the last time ends; the list follows.
fn go(value: String) {
    let (router, home) = (use_router(), expect_context::<HomeState>());
    let target = query_target(&router.query().read_untracked(), &value);
    // Typing on the list replaces its history entry; typing on another page leaves it for back.
    let replace = router.page().get_untracked() == Page::List;
    // Boxed, as `browser::next_task` boxes its callback: the timer's code is in the wasm once.
    let update: Box<dyn FnOnce()> = Box::new(move || {
        LAST.set(js_sys::Date::now());
        if router.navigate(&target, replace) {
            home.screenful.set(true);
        }
    });
    // A newer text replaces the one waiting.
    PENDING.with(|pending| pending.take().map(Timeout::cancel));
    let wait = LAST.get() + INTERVAL_MS - js_sys::Date::now();
    if wait <= 0.0 {
        update();
    } else {
        PENDING.with(|pending| pending.replace(Some(Timeout::new(wait.ceil() as u32, update))));
    }
}

/// Typing: while an input method composes Chinese, the text is pinyin, so wait for the characters.
pub fn typed(event: &web_sys::Event, input: &HtmlInputElement) {
    if event.dyn_ref::<web_sys::InputEvent>().is_some_and(|e| e.is_composing()) {
        return;
    }
    go(input.value());
}

/// The input method has given its characters.
pub fn composed(input: &HtmlInputElement) {
    go(input.value());
}

/// Esc in the box clears it.
pub fn key(event: &web_sys::KeyboardEvent, input: &HtmlInputElement) {
    if event.key() == "Escape" {
        input.set_value("");
        go(String::new());
    }
}

/// Whoever focuses the box is about to search, a query a key: fetch the index, every
/// takeaway's titles and the whole outline now, not at the first key.
pub fn focused() {
    request_search();
    request_every_title();
    request_whole();
}
