//! The search box in the header: results follow the typing (the list reads `?q=`), Chinese
//! input methods are waited for, Esc clears.

use std::cell::RefCell;

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::app::data::request_search;
use crate::app::route::use_router;
use crate::explore::url::query_target;
use crate::explore::url::Page;

/// How long typing must pause before the results follow.
const DEBOUNCE_MS: u32 = 30;

/// The selector of the search box.
pub const INPUT: &str = ".search input";

thread_local! {
    /// The navigation waiting for typing to pause.
    static PENDING: RefCell<Option<Timeout>> = const { RefCell::new(None) };
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

/// Puts the box's text in the URL once typing pauses (replacing the entry while typing on the
/// list), keeping the facets; the list follows.
fn go(value: String) {
    let router = use_router();
    let target = query_target(&router.query().read_untracked(), &value);
    // Typing on the list replaces its history entry; typing on another page leaves it for back.
    let replace = router.page().get_untracked() == Page::List;
    let timer = Timeout::new(DEBOUNCE_MS, move || router.navigate(&target, replace));
    PENDING.with(|pending| pending.replace(Some(timer)));
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

/// Whoever focuses the box is about to search: fetch the index now, not at the first key.
pub fn focused() {
    request_search();
}
