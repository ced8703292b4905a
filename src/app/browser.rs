//! What the explorer asks of the browser beyond rendering views: the site's absolute URL, the
//! clipboard, saving a file, and replacing markup the app writes as a string.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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

/// Replaces `container`'s content with `markup`. A link focused in it stays focused: the link
/// at its position in the new markup takes the focus, as when views are updated in place.
pub fn replace_markup(container: &web_sys::Element, markup: &str) {
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .filter(|active| container.contains(Some(active)))
        .and_then(|active| {
            let links = container.query_selector_all("a").ok()?;
            (0..links.length()).find(|&i| links.item(i).is_some_and(|link| active.is_same_node(Some(&link))))
        });
    container.set_inner_html(markup);
    let link = focused.and_then(|at| container.query_selector_all("a").ok()?.item(at));
    if let Some(link) = link.and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = link.focus();
    }
}
