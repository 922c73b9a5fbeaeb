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
use crate::core::plural::{self, NEWS};
use crate::core::{dates, routes};

#[component]
pub fn ArchivePage() -> impl IntoView {
    let archive = archive_resource();
    let body = move || {
        Suspend::new(async move {
            match archive.await {
                Ok(Some(a)) if !a.months.is_empty() => view! { <MonthList months=a.months headings=true /> }.into_any(),
                Ok(_) => view! { <p class="notice">"Архив по месяцам для этого сайта не ведётся."</p> }.into_any(),
                Err(error) => view! {
                    <ErrorPanel title="Не удалось загрузить архив" error on_retry=move || archive.refetch() />
                }
                .into_any(),
            }
        })
    };
    let crumbs = vec![
        Crumb::link("Главная", routes::HOME),
        Crumb::link("Новости", routes::FEED),
        Crumb::here("Архив"),
    ];
    view! {
        <Title text="Архив новостей" />
        <Breadcrumbs crumbs />
        <h1 class="page-title">"Архив новостей"</h1>
        <Transition fallback=|| view! { <ListSkeleton rows=3 /> }>{body}</Transition>
    }
}

/// The months of one year that have news, with counts: the top of a year's page.
#[component]
pub fn YearMonths(year: i32) -> impl IntoView {
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
                    <nav class="archive" aria-label=format!("Новости {year} года по месяцам")>
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
                    let label = dates::month_nominative(m.month);
                    view! {
                        <li class="archive__month">
                            <a href=path>{label}</a>
                            <span class="archive__count">{format!(" — {}", plural::count(u64::from(m.count), NEWS))}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="archive__year">
                    {headings.then(|| view! { <h2><a href=Period::Year(year).path()>{format!("{year} год")}</a></h2> })}
                    <ul class="archive__months">{items}</ul>
                </section>
            }
        })
        .collect_view()
}
