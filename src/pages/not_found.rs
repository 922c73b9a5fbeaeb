//! The 404 page, and the same view for an article the backend does not know.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::core::routes;

/// The router's fallback for an address Vestnik has no page for.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <NotFoundView
            title="Страница не найдена"
            text="Возможно, адрес набран с ошибкой или страница была перемещена."
        />
    }
}

#[component]
pub fn NotFoundView(#[prop(into)] title: String, #[prop(into)] text: String) -> impl IntoView {
    view! {
        <Title text=title.clone() />
        <section class="not-found">
            <p class="not-found__code" aria-hidden="true">"404"</p>
            <h1 class="page-title">{title}</h1>
            <p>{text}</p>
            <p>
                <a class="button" href=routes::FEED>"Перейти к новостям"</a>
            </p>
        </section>
    }
}
