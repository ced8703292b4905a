//! Two events side by side: pickers for the two events (in the URL as `a` and `b`), the
//! back-to-back bars of the themes gained, shared and lost, and the projects both events
//! mention next to those only one does.

use leptos::prelude::*;

use super::figure;
use crate::graphs::markup::{compared_projects, comparison, GraphContext};
use crate::graphs::Comparison;

/// The comparison of `data`'s two events, with pickers that `pick` another pair.
pub fn compare_view(cx: &GraphContext, data: &Comparison, pick: Callback<[usize; 2]>) -> impl IntoView {
    let (lang, [a, b]) = (cx.lang, data.events);
    let pickers = [0, 1]
        .into_iter()
        .map(|side| {
            let options = cx
                .bundle
                .events
                .iter()
                .enumerate()
                .map(|(e, event)| {
                    view! { <option value=e.to_string() selected=e == [a, b][side]>{lang.name(&event.short_name())}</option> }
                })
                .collect_view();
            let change = move |ev| {
                if let Ok(e) = event_target_value(&ev).parse::<usize>() {
                    let mut pair = [a, b];
                    pair[side] = e;
                    pick.run(pair);
                }
            };
            view! {
                <label class="event-pick">
                    <span>{if side == 0 { "A" } else { "B" }}</span>
                    <select on:change=change>{options}</select>
                </label>
            }
        })
        .collect_view();
    let pickers = view! { <div class="event-picks">{pickers}</div> };
    if a == b {
        return view! {
            {pickers}
            <p class="notice">{lang.pick("请选择两场不同的大会。", "Pick two different events.")}</p>
        }
        .into_any();
    }
    view! {
        {pickers}
        {figure(lang, comparison(cx, data))}
        <div class="compare-project-lists" inner_html=compared_projects(cx, data) />
    }
    .into_any()
}
