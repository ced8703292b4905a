//! The explorer: a leptos single-page app, built for wasm32 by trunk.

fn main() {
    leptos::mount::mount_to_body(takeaways::app::App);
}
