//! The list of news previews: date, title link, summary, thumbnail, rubrics.

use chrono::FixedOffset;
use leptos::prelude::*;

use super::picture::Picture;
use super::rubrics::Rubrics;
use super::site_time::SiteTime;
use crate::core::model::NewsItem;
use crate::core::routes;
use crate::lang::use_content_lang;

/// Rows drawn at once (a first screen on any device); longer lists grow by [`STEP`] rows
/// per animation frame, so even a page of a thousand news never blocks the main thread for
/// more than ~35 ms at a time (`make bench` measures it; 40 rows a frame measured 54–57 ms
/// on a busy machine).
const FIRST: usize = 12;
const STEP: usize = 25;

/// A semantic list of previews. Each title is an `h2` link to the article; the thumbnail
/// sits in a fixed-ratio box, so the list does not shift while pictures load.
#[component]
pub fn NewsList(items: Vec<NewsItem>, site_offset: FixedOffset) -> impl IntoView {
    let total = items.len();
    // Plain shared data, not a reactive value: rows may still be built while the list is
    // being torn down, and a disposed signal there would panic.
    let items = std::sync::Arc::new(items);
    let shown = RwSignal::new(total.min(FIRST));
    // Reads use `try_get`: inside a <Transition> the list can outlive its reactive owner
    // for a moment (old content stays up while new content loads), and reading a disposed
    // signal would panic.
    Effect::new(move |_| {
        let Some(n) = shown.try_get() else {
            return;
        };
        if n < total {
            request_animation_frame(move || {
                shown.try_set((n + STEP).min(total));
            });
        }
    });
    view! {
        <ul class="news-list">
            <For
                each=move || 0..shown.try_get().unwrap_or(0)
                key=|i| *i
                children=move |i| {
                    items.get(i).cloned().map(|item| view! { <NewsPreview item site_offset /> })
                }
            />
        </ul>
    }
}

#[component]
fn NewsPreview(item: NewsItem, site_offset: FixedOffset) -> impl IntoView {
    let href = routes::article(&item.id);
    let lang = use_content_lang();
    let thumb = item.thumbnail.map(|image| {
        view! {
            <div class="news-card__thumb">
                <Picture image min_width=320 sizes="(min-width: 40em) 12rem, (min-width: 22em) 6.5rem, 100vw" />
            </div>
        }
    });
    let has_thumb = thumb.is_some();
    view! {
        <li class="news-card" class:news-card--with-thumb=has_thumb>
            <article class="news-card__body">
                <h2 class="news-card__title" lang=lang.clone()>
                    <a href=href>{item.title}</a>
                </h2>
                <SiteTime moment=item.published site_offset class="news-card__date" />
                {(!item.summary.is_empty())
                    .then(|| view! { <p class="news-card__summary" lang=lang>{item.summary}</p> })}
                <Rubrics rubrics=item.rubrics />
            </article>
            {thumb}
        </li>
    }
}
