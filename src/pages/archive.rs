//! `/news/archive`: every year and month that has news, with counts. A year's page is the
//! feed filtered to that year (`pages::feed`), topped by that year's months.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::ApiError;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::error_panel::ErrorPanel;
use crate::components::month_list::MonthList;
use crate::components::skeleton::ListSkeleton;
use crate::context::use_api;
use crate::core::model::Archive;
use crate::core::routes;
use crate::lang::use_lang;

#[component]
pub fn ArchivePage() -> impl IntoView {
    let lang = use_lang();
    let t = lang.texts();
    let archive = archive_resource();
    let body = move || {
        Suspend::new(async move {
            match archive.await {
                Ok(Some(a)) if !a.months.is_empty() => {
                    let partial = a.searched.map(|n| {
                        view! { <p class="notice archive__partial">{lang.partial(u64::from(n))}</p> }
                    });
                    view! { {partial} <MonthList months=a.months headings=true /> }.into_any()
                }
                Ok(_) => view! { <p class="notice">{t.no_month_archive}</p> }.into_any(),
                Err(error) => view! {
                    <ErrorPanel title=t.archive_failed error on_retry=move || archive.refetch() />
                }
                .into_any(),
            }
        })
    };
    let crumbs = vec![
        Crumb::link(t.home, routes::HOME),
        Crumb::link(t.news, routes::FEED),
        Crumb::here(t.archive),
    ];
    view! {
        <Title text=t.news_archive />
        <Breadcrumbs crumbs />
        <h1 class="page-title">{t.news_archive}</h1>
        <Transition fallback=|| view! { <ListSkeleton rows=3 /> }>{body}</Transition>
    }
}

/// The archive's month counts (cached by the api layer, so a year's page, which asks too,
/// shares the request).
fn archive_resource() -> LocalResource<Result<Option<Archive>, ApiError>> {
    let api = use_api();
    LocalResource::new(move || {
        let api = api.clone();
        async move { api.archive().await }
    })
}
