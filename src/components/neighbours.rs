//! The previous and next news under an article, as links with `rel="prev"` / `rel="next"`.

use leptos::prelude::*;

use crate::core::model::ArticleRef;
use crate::core::routes;
use crate::lang::{use_content_lang, use_lang};

/// Nothing when the article has neither neighbour.
#[component]
pub fn Neighbours(previous: Option<ArticleRef>, next: Option<ArticleRef>) -> impl IntoView {
    let t = use_lang().texts();
    let content_lang = use_content_lang();
    let link = move |to: ArticleRef, rel: &'static str, label: &'static str| {
        view! {
            <a class=format!("neighbours__link neighbours__link--{rel}") href=routes::article(&to.id) rel=rel>
                <span class="neighbours__label">{label}</span>
                <span class="neighbours__title" lang=content_lang.clone()>{to.title}</span>
            </a>
        }
    };
    (previous.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="neighbours" aria-label=t.neighbours>
                {previous.map(|p| link(p, "prev", t.previous_article))}
                {next.map(|n| link(n, "next", t.next_article))}
            </nav>
        }
    })
}
