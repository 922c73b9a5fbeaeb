//! The 404 page, and the same view for an article the backend does not know.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::core::routes;
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

#[component]
pub fn NotFoundView(#[prop(into)] title: String, #[prop(into)] text: String) -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <Title text=title.clone() />
        <section class="not-found">
            <p class="not-found__code" aria-hidden="true">"404"</p>
            <h1 class="page-title">{title}</h1>
            <p>{text}</p>
            <p>
                <a class="button" href=routes::FEED>{t.to_news}</a>
            </p>
        </section>
    }
}
