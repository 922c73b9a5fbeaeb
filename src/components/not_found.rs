//! The "not found" view: a page Vestnik has no route for, or an article the backend does
//! not know (`pages::not_found`, `pages::article`).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::core::routes;
use crate::lang::use_lang;

/// A 404 with its title, a sentence, and the way back to the news.
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
