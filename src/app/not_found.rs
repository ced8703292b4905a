//! The friendly page for an unknown takeaway or route.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{href, set_title};

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("找不到页面 · Not found");
    view! { <NotFoundMessage /> }
}

#[component]
pub fn NotFoundMessage() -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"找不到这个页面"</h1>
            <p>"This page does not exist — the link may be mistyped, or the takeaway was renamed."</p>
            <p><A href=href("")>"返回全部要点 · Back to all takeaways"</A></p>
        </section>
    }
}
