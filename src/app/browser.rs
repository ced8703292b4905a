//! What the explorer asks of the browser beyond rendering views: the site's absolute URL, the
//! clipboard, saving a file, and replacing markup the app writes as a string.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlInputElement, HtmlTemplateElement, Node};

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

/// What can hold the focus in the markup the app inserts.
const FOCUSABLE: &str = "a[href], button, input, select, summary";

/// Replaces `container`'s content with `markup`, changing only the nodes that differ from it
/// (see [`morph`]): the browser styles and lays out again what changed, not the whole region, so
/// a keystroke repaints the cards and counts it changed. An element focused in it stays focused:
/// the element of the new markup that is the same control (see [`identity`]) takes the focus, as
/// when views are updated in place.
pub fn replace_markup(container: &Element, markup: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let focused = document.active_element().filter(|active| container.contains(Some(active))).map(|a| identity(&a));
    // Parsed apart from the page (a template's content is never styled or laid out), then merged.
    match document.create_element("template").map(JsCast::unchecked_into::<HtmlTemplateElement>) {
        Ok(template) => {
            template.set_inner_html(markup);
            morph_children(container, &template.content());
        }
        Err(_) => container.set_inner_html(markup),
    }
    let Some(focused) = focused else { return };
    let Ok(candidates) = container.query_selector_all(FOCUSABLE) else { return };
    let same = (0..candidates.length())
        .filter_map(|i| candidates.item(i)?.dyn_into::<Element>().ok())
        .find(|candidate| identity(candidate) == focused);
    if let Some(element) = same {
        focus(&element);
    }
}

/// Makes the children of `old` (in the page) those of `new` (parsed), in order: a keyed child
/// (see [`key`]) merged into `old`'s of the same key, moved into place; another into the next
/// of `old`'s if that is unkeyed and alike (same tag and class); the rest inserted; `old`'s left
/// over removed.
fn morph_children(old: &Node, new: &Node) {
    let nodes = |list: web_sys::NodeList| (0..list.length()).filter_map(move |i| list.item(i));
    // A list first: merging moves nodes out of `new`.
    let wanted: Vec<Node> = nodes(new.child_nodes()).collect();
    // A list, not a map, which costs the wasm less: a list's items are a page's few dozen.
    let mut keyed: Vec<(String, Node)> = match wanted.iter().any(|node| key(node).is_some()) {
        true => nodes(old.child_nodes()).filter_map(|node| Some((key(&node)?, node))).collect(),
        false => Vec::new(),
    };
    let mut cursor = old.first_child();
    for node in &wanted {
        let here = match key(node) {
            Some(key) => keyed.iter().position(|(k, _)| *k == key).map(|at| keyed.swap_remove(at).1),
            None => cursor.clone().filter(|here| key(here).is_none() && alike(here, node)),
        };
        let Some(here) = here else {
            drop(old.insert_before(node, cursor.as_ref()));
            continue;
        };
        if cursor.as_ref().is_some_and(|cursor| cursor.is_same_node(Some(&here))) {
            cursor = here.next_sibling();
        } else {
            drop(old.insert_before(&here, cursor.as_ref()));
        }
        morph(old, &here, node);
    }
    while let Some(left) = cursor {
        cursor = left.next_sibling();
        drop(old.remove_child(&left));
    }
}

/// The key of an item of a list whose items come, go and move (cards, facets, their options):
/// its `data-key`, which the markup gives it.
fn key(node: &Node) -> Option<String> {
    node.dyn_ref::<Element>()?.get_attribute("data-key")
}

/// Whether `here` may be merged with `node`: the same kind of node, and for elements the same
/// tag and class.
fn alike(here: &Node, node: &Node) -> bool {
    // The attribute, not `className`, which an SVG element's is no string.
    let class = |node: &Node| node.dyn_ref::<Element>().and_then(|e| e.get_attribute("class"));
    here.node_type() == node.node_type() && here.node_name() == node.node_name() && class(here) == class(node)
}

/// Makes `here` (a child of `parent`) the same as `node`: untouched if equal, replaced by it if of
/// another kind or tag, else its text or attributes set and its children merged in turn.
fn morph(parent: &Node, here: &Node, node: &Node) {
    if here.is_equal_node(Some(node)) {
        return;
    }
    if here.node_type() != node.node_type() || here.node_name() != node.node_name() {
        drop(parent.replace_child(node, here));
        return;
    }
    match (here.dyn_ref::<Element>(), node.dyn_ref::<Element>()) {
        (Some(here), Some(node)) => {
            set_attributes(here, node);
            morph_children(here, node);
        }
        _ => here.set_node_value(node.node_value().as_deref()),
    }
}

/// Gives `here` the attributes of `node`. A checkbox's state and an input's text are properties
/// the attributes only start with: they are set too, as new markup would have them.
fn set_attributes(here: &Element, node: &Element) {
    let names = |element: &Element| element.get_attribute_names().iter().filter_map(|n| n.as_string()).collect();
    let (had, has): (Vec<String>, Vec<String>) = (names(here), names(node));
    for name in had.iter().filter(|name| !has.contains(name)) {
        drop(here.remove_attribute(name));
    }
    for name in &has {
        let value = node.get_attribute(name).unwrap_or_default();
        if here.get_attribute(name).as_deref() != Some(value.as_str()) {
            drop(here.set_attribute(name, &value));
        }
    }
    if let Some(input) = here.dyn_ref::<HtmlInputElement>() {
        input.set_checked(node.has_attribute("checked"));
        if let Some(value) = node.get_attribute("value").filter(|value| input.value() != *value) {
            input.set_value(&value);
        }
    }
}

/// What makes a control the same one after its markup is replaced: its tag and what it does
/// (where a link or a checkbox goes, a button's action and the facet or format it acts on).
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
