//! `/news/archive`: every year and month that has news, with counts. A year's page is the
//! feed filtered to that year (`pages::feed`), topped by [`YearMonths`].

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::ApiError;
use crate::app::use_api;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::error_panel::ErrorPanel;
use crate::components::skeleton::ListSkeleton;
use crate::core::filter::Period;
use crate::core::model::{Archive, MonthCount, YearMonth};
use crate::core::{dates, routes};
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

/// The months of one year that have news, with counts: the top of a year's page.
#[component]
pub fn YearMonths(year: i32) -> impl IntoView {
    let lang = use_lang();
    let archive = archive_resource();
    let body = move || {
        Suspend::new(async move {
            // The year's news list below stays usable even if the counts fail to load.
            let months: Vec<MonthCount> = archive
                .await
                .ok()
                .flatten()
                .map(|a| a.months.into_iter().filter(|m| m.year == year).collect())
                .unwrap_or_default();
            (!months.is_empty()).then(|| {
                view! {
                    <nav class="archive" aria-label=lang.year_by_month(year)>
                        <MonthList months headings=false />
                    </nav>
                }
            })
        })
    };
    view! { <Suspense fallback=|| ()>{body}</Suspense> }
}

/// The archive's month counts (cached by the api layer, so both views share one request).
fn archive_resource() -> LocalResource<Result<Option<Archive>, ApiError>> {
    let api = use_api();
    LocalResource::new(move || {
        let api = api.clone();
        async move { api.archive().await }
    })
}

/// Months grouped by year (newest first), each a link to that month's news.
#[component]
fn MonthList(months: Vec<MonthCount>, headings: bool) -> impl IntoView {
    let lang = use_lang();
    let mut years: Vec<i32> = months.iter().map(|m| m.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
        .into_iter()
        .map(|year| {
            let items = months
                .iter()
                .filter(|m| m.year == year)
                .map(|m| {
                    let path = Period::Month(YearMonth { year: m.year, month: m.month }).path();
                    let label = dates::month_name_in(lang, m.month);
                    view! {
                        <li class="archive__month">
                            <a href=path>{label}</a>
                            <span class="archive__count">{format!(" — {}", lang.news_count(u64::from(m.count)))}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="archive__year">
                    {headings.then(|| view! { <h2><a href=Period::Year(year).path()>{lang.year(year)}</a></h2> })}
                    <ul class="archive__months">{items}</ul>
                </section>
            }
        })
        .collect_view()
}
