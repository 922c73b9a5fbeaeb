//! Loading placeholders shaped like what is coming, so nothing jumps when it arrives.

use leptos::prelude::*;

use crate::lang::use_lang;

/// Grey rows in the shape of news previews. Announced once as "Загрузка…".
#[component]
pub fn ListSkeleton(#[prop(default = 5)] rows: usize) -> impl IntoView {
    view! {
        <div class="skeleton" role="status" aria-live="polite">
            <span class="visually-hidden">{use_lang().texts().loading}</span>
            <ul class="skeleton__list" aria-hidden="true">
                {(0..rows)
                    .map(|_| {
                        view! {
                            <li class="skeleton__row">
                                <span class="skeleton__thumb"></span>
                                <span class="skeleton__lines">
                                    <span class="skeleton__line skeleton__line--short"></span>
                                    <span class="skeleton__line"></span>
                                    <span class="skeleton__line"></span>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// A title and a few paragraphs' worth of grey, for the article view.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton" role="status" aria-live="polite">
            <span class="visually-hidden">{use_lang().texts().loading}</span>
            <div aria-hidden="true">
                <span class="skeleton__line skeleton__line--title"></span>
                <span class="skeleton__line skeleton__line--short"></span>
                {(0..6).map(|_| view! { <span class="skeleton__line"></span> }).collect_view()}
            </div>
        </div>
    }
}
