//! The list of news previews: date, title link, summary, thumbnail, rubrics.

use chrono::FixedOffset;
use leptos::prelude::*;

use super::picture::Picture;
use super::rubrics::Rubrics;
use super::site_time::SiteTime;
use crate::core::model::NewsItem;
use crate::core::routes;

/// A semantic list of previews. Each title is an `h2` link to the article; the thumbnail
/// sits in a fixed-ratio box, so the list does not shift while pictures load.
#[component]
pub fn NewsList(items: Vec<NewsItem>, site_offset: FixedOffset) -> impl IntoView {
    view! {
        <ul class="news-list">
            {items
                .into_iter()
                .map(|item| view! { <NewsPreview item site_offset /> })
                .collect_view()}
        </ul>
    }
}

#[component]
fn NewsPreview(item: NewsItem, site_offset: FixedOffset) -> impl IntoView {
    let href = routes::article(&item.id);
    let thumb = item.thumbnail.map(|image| {
        view! {
            <div class="news-card__thumb">
                <Picture image min_width=320 sizes="(min-width: 40em) 12rem, 100vw" />
            </div>
        }
    });
    let has_thumb = thumb.is_some();
    view! {
        <li class="news-card" class:news-card--with-thumb=has_thumb>
            <article class="news-card__body">
                <h2 class="news-card__title">
                    <a href=href>{item.title}</a>
                </h2>
                <SiteTime moment=item.published site_offset class="news-card__date" />
                {(!item.summary.is_empty())
                    .then(|| view! { <p class="news-card__summary">{item.summary}</p> })}
                <Rubrics rubrics=item.rubrics />
            </article>
            {thumb}
        </li>
    }
}
