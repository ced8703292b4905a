//! A takeaway's own page: the deep link people share.

use super::{not_found, when_read, with_texts, Content};
use crate::app::data::Site;
use crate::app::set_title;
use crate::explore::related::{self, related};
use crate::render::{site_name, takeaway, Cx};

pub fn markup(cx: &Cx, site: &Site, id: &str) -> Content {
    let Some(index) = site.takeaway_index(id) else {
        let page = not_found::markup(cx, site);
        set_title(cx.pick("找不到要点", "Takeaway not found"));
        return page;
    };
    let texts = match with_texts(cx.lang, site, site.takeaways[index].article) {
        Ok(texts) => texts,
        Err(waiting) => return waiting,
    };
    // Its titles and its siblings' come with its article's summaries (its summary goes into
    // "copy as Markdown"), the related takeaways' with theirs.
    let related = related(&site.bundle, index, related::SHOWN);
    let titled: Vec<usize> = std::iter::once(index).chain(related.iter().copied()).collect();
    let content = when_read(cx.lang, site, &titled, &[], takeaway::page(cx, index, &texts, &related));
    // Until its titles are here (or if they failed), the tab keeps the title it has.
    let title = &cx.title(index).title;
    if !title.is_empty() {
        set_title(&format!("{title} · {}", site_name(cx.lang)));
    }
    content
}
