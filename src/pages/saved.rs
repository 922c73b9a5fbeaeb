//! `/saved`: the news this reader opened, and which of them can be read without a network.

use chrono::DateTime;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::{use_api, use_site};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::core::{dates, routes};
use crate::lang::use_lang;
use crate::lazy::Render;
use crate::pwa;

crate::split!(saved, preload;
    /// The page's code: a chunk of its own.
    pub fn page() -> Render {
        || view! { <SavedPage /> }.into_any()
    }
);

#[component]
fn SavedPage() -> impl IntoView {
    let lang = use_lang();
    let t = lang.texts();
    let api = use_api();
    let site_offset = use_site().utc_offset;
    let read = pwa::remembered();
    // Which of them the service worker holds (checked once, in the background).
    let available = LocalResource::new({
        let read = read.clone();
        move || {
            let (api, read) = (api.clone(), read.clone());
            async move {
                let mut out = Vec::with_capacity(read.len());
                for article in &read {
                    out.push(api.article_saved_offline(&article.id).await);
                }
                out
            }
        }
    });
    let crumbs = vec![
        Crumb::link(t.home, routes::HOME),
        Crumb::link(t.news, routes::FEED),
        Crumb::here(t.saved_short),
    ];
    let list = move || {
        let read = read.clone();
        if read.is_empty() {
            return view! {
                <p class="notice">{t.saved_empty}</p>
            }
            .into_any();
        }
        let marks = available.get().unwrap_or_default();
        view! {
            <ul class="saved-list">
                {read
                    .into_iter()
                    .enumerate()
                    .map(|(i, a)| {
                        let date = DateTime::parse_from_rfc3339(&a.published)
                            .map(|m| dates::long_date_time_in(lang, m, site_offset))
                            .unwrap_or_default();
                        let offline = marks.get(i).copied().flatten();
                        view! {
                            <li class="saved-list__item">
                                <a href=routes::article(&a.id)>{a.title}</a>
                                <span class="saved-list__meta">
                                    {date}
                                    {match offline {
                                        Some(true) => t.saved_offline,
                                        Some(false) => t.saved_online_only,
                                        None => "",
                                    }}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <Title text=t.saved_news />
        <Breadcrumbs crumbs />
        <h1 class="page-title">{t.saved_news}</h1>
        <p>{t.saved_intro}</p>
        {list}
    }
}
