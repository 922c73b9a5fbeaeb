//! News on the same subject under an article: titles and dates.

use leptos::prelude::*;

use crate::components::site_time::{DateStyle, SiteTime};
use crate::context::use_site;
use crate::core::model::NewsItem;
use crate::core::routes;
use crate::lang::{use_content_lang, use_lang};

/// Nothing when there are none.
#[component]
pub fn Related(items: Vec<NewsItem>) -> impl IntoView {
    let t = use_lang().texts();
    let content_lang = use_content_lang();
    let site_offset = use_site().utc_offset;
    (!items.is_empty()).then(|| {
        view! {
            <section class="related" aria-labelledby="related-title">
                <h2 class="related__title" id="related-title">{t.related}</h2>
                <ul class="related__list">
                    {items
                        .into_iter()
                        .map(|item| view! {
                            <li class="related__item">
                                <a href=routes::article(&item.id) lang=content_lang.clone()>{item.title}</a>
                                <SiteTime moment=item.published site_offset style=DateStyle::Long class="related__date" />
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
