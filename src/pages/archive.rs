//! `/news/archive` and `/news/archive/:year`: the archive by year and month, with counts.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::app::use_api;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::error_panel::ErrorPanel;
use crate::components::skeleton::ListSkeleton;
use crate::core::filter::Period;
use crate::core::model::{MonthCount, YearMonth};
use crate::core::plural::{self, NEWS};
use crate::core::{dates, routes};

#[component]
pub fn ArchivePage() -> impl IntoView {
    let api = use_api();
    let location = use_location();
    // `None`: the whole archive; `Some(Ok(y))`: one year; `Some(Err)`: not a year.
    let year = Memo::new(
        move |_| match Period::from_route(&location.pathname.get()) {
            Some(Period::Year(y)) => Some(Ok(y)),
            None if location.pathname.get().trim_end_matches('/') == routes::ARCHIVE => None,
            _ => Some(Err(())),
        },
    );
    let archive = LocalResource::new(move || {
        let api = api.clone();
        async move { api.archive().await }
    });
    let heading = move || match year.get() {
        Some(Ok(y)) => format!("Архив новостей за {y} год"),
        _ => "Архив новостей".to_owned(),
    };
    let body = move || {
        Suspend::new(async move {
            let year = year.get_untracked();
            match archive.await {
                Ok(Some(a)) => {
                    let months: Vec<MonthCount> = a
                        .months
                        .into_iter()
                        .filter(|m| match year {
                            Some(Ok(y)) => m.year == y,
                            _ => true,
                        })
                        .collect();
                    if matches!(year, Some(Err(()))) || months.is_empty() {
                        return view! {
                            <div class="notice" role="status">
                                <p>"За этот период новостей в архиве нет."</p>
                                <p><a href=routes::ARCHIVE>"Весь архив"</a></p>
                            </div>
                        }
                        .into_any();
                    }
                    view! { <MonthList months /> }.into_any()
                }
                Ok(None) => view! { <p>"Этот сервер новостей не ведёт архив по месяцам."</p> }.into_any(),
                Err(error) => view! {
                    <ErrorPanel title="Не удалось загрузить архив" error on_retry=move || archive.refetch() />
                }
                .into_any(),
            }
        })
    };
    let crumbs = move || {
        let mut trail = vec![
            Crumb::link("Главная", routes::HOME),
            Crumb::link("Новости", routes::FEED),
        ];
        match year.get() {
            Some(Ok(y)) => {
                trail.push(Crumb::link("Архив", routes::ARCHIVE));
                trail.push(Crumb::here(y.to_string()));
            }
            _ => trail.push(Crumb::here("Архив")),
        }
        view! { <Breadcrumbs crumbs=trail /> }
    };
    view! {
        <Title text=heading />
        {crumbs}
        <h1 class="page-title">{heading}</h1>
        <Transition fallback=|| view! { <ListSkeleton rows=3 /> }>{body}</Transition>
    }
}

/// Months grouped by year, newest first, each a link to that month's news.
#[component]
fn MonthList(months: Vec<MonthCount>) -> impl IntoView {
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
                    <h2><a href=Period::Year(year).path()>{format!("{year} год")}</a></h2>
                    <ul class="archive__months">{items}</ul>
                </section>
            }
        })
        .collect_view()
}
