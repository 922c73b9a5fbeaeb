//! The 404 page: the router's fallback.

use leptos::prelude::*;

use crate::components::not_found::NotFoundView;
use crate::lang::use_lang;

/// The router's fallback for an address Vestnik has no page for.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <NotFoundView
            title=t.page_not_found
            text=t.page_maybe_moved
        />
    }
}
