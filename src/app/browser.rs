//! What the explorer asks of the browser beyond rendering views: the site's absolute URL, the
//! clipboard, saving a file, and putting in markup the app writes as a string.

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

use super::patch::patch;

/// The site's root as an absolute URL ending in `/`, e.g. `https://x.example/some/path/`.
pub fn site_url() -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}/", super::site_base())
}

/// Puts `text` on the clipboard; false when the browser refuses (no permission, not HTTPS).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    JsFuture::from(window.navigator().clipboard().write_text(text)).await.is_ok()
}

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, media_type: &str, text: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    web_sys::Url::revoke_object_url(&url).map_err(fail)
}

/// Runs `then` once the next frame is painted: a timeout set from a frame's callback runs after
/// its paint. Boxed, as [`next_task`]'s is.
pub fn after_paint(then: impl FnOnce() + 'static) {
    let then: Box<dyn FnOnce()> = Box::new(then);
    leptos::prelude::request_animation_frame(move || next_task(then));
}

/// Runs `then` in a task of its own, after the tasks already queued. Boxed, so that the timer's
/// code is in the wasm once, not once for each caller's `then`.
pub fn next_task(then: impl FnOnce() + 'static) {
    let then: Box<dyn FnOnce()> = Box::new(then);
    Timeout::new(0, then).forget();
}

/// What can hold the focus in the markup the app inserts.
const FOCUSABLE: &str = "a[href], button, input, select, summary";

/// Puts `markup` in `container`, patched against `shown`, the markup it holds, where the app put
/// that in (see [`patch`]); else replacing its content. An element focused in it stays focused:
/// where the patch replaced it, the element of the new markup that is the same control (see
/// [`identity`]) takes the focus, as when views are updated in place.
pub fn put_markup(container: &Element, shown: Option<&str>, markup: &str) {
    let active = || web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    let focused = active().filter(|active| container.contains(Some(active))).map(|active| identity(&active));
    match shown {
        Some(shown) => patch(container, shown, markup),
        None => container.set_inner_html(markup),
    }
    let Some(focused) = focused else { return };
    if active().is_some_and(|active| container.contains(Some(&active))) {
        return;
    }
    let Ok(candidates) = container.query_selector_all(FOCUSABLE) else { return };
    let same = (0..candidates.length())
        .filter_map(|i| candidates.item(i)?.dyn_into::<Element>().ok())
        .find(|candidate| identity(candidate) == focused);
    if let Some(element) = same {
        focus(&element);
    }
}

/// What makes a control the same one after its markup is replaced: its tag and what it does
/// (where a link goes, the facet and option a checkbox is, a button's action and the facet or
/// format it acts on).
fn identity(element: &Element) -> String {
    let attribute = |name: &str| element.get_attribute(name).unwrap_or_default();
    let what = ["href", "name", "value", "data-action", "data-facet", "data-format", "class"].map(attribute);
    format!("{}|{}", element.tag_name(), what.join("|"))
}

/// Moves the focus to `element`, if it can hold it.
pub fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}
