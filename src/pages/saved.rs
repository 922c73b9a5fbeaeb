//! `/saved`: the news this reader opened, and which of them can be read without a network.

use chrono::DateTime;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::browser;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::context::{use_api, use_site};
use crate::core::{dates, routes};
use crate::lang::use_lang;
use crate::lazy::Render;
use crate::reading_history;

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
    let read = RwSignal::new(reading_history::remembered());
    // Which of them the service worker holds (checked in the background).
    let available = LocalResource::new({
        let api = api.clone();
        move || {
            let (api, read) = (api.clone(), read.get());
            async move {
                let mut out = Vec::with_capacity(read.len());
                for article in &read {
                    out.push(api.article_saved_offline(&article.id).await);
                }
                out
            }
        }
    });
    // What the site stores on this device, and the reader's «Очистить».
    let used = LocalResource::new(browser::storage_used);
    let problem = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.storage_problem().await }
        }
    });
    let cleared = RwSignal::new(false);
    let clear = move |_| {
        let api = api.clone();
        leptos::task::spawn_local(async move {
            let ids: Vec<String> = read.get_untracked().into_iter().map(|a| a.id).collect();
            api.forget_saved(&ids).await;
            reading_history::forget_read();
            read.set(Vec::new());
            cleared.set(true);
            used.refetch();
        });
    };
    let crumbs = vec![
        Crumb::link(t.home, routes::HOME),
        Crumb::link(t.news, routes::FEED),
        Crumb::here(t.saved_short),
    ];
    let list = move || {
        let read = read.get();
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
        <section class="storage" aria-labelledby="storage-title">
            <h2 id="storage-title">{t.storage_title}</h2>
            <p>{move || used.get().flatten().map(|bytes| lang.storage_used(bytes))}</p>
            {move || {
                problem
                    .get()
                    .flatten()
                    .map(|p| {
                        let when = DateTime::parse_from_rfc3339(&p.at)
                            .map(|m| dates::long_date_time_in(lang, m, site_offset))
                            .unwrap_or_default();
                        view! { <p class="storage__problem">{lang.storage_problem(&when, &p.error)}</p> }
                    })
            }}
            <p id="storage-explain">{t.storage_explain}</p>
            <button type="button" class="button" aria-describedby="storage-explain" on:click=clear>
                {t.storage_clear}
            </button>
            <p class="storage__done" role="status">
                {move || cleared.get().then_some(t.storage_cleared)}
            </p>
        </section>
    }
}
