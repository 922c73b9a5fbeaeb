//! `/news/archive`: every year and month that has news, with counts. A year's page is the
//! feed filtered to that year (`pages::feed`), topped by that year's months.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::ApiError;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::loading::Loading;
use crate::components::month_list::MonthList;
use crate::components::skeleton::ListSkeleton;
use crate::core::model::Archive;
use crate::core::routes;
use crate::lang::use_lang;
use crate::resource;

#[component]
pub fn ArchivePage() -> impl IntoView {
    let lang = use_lang();
    let t = lang.texts();
    let archive = resource::archive();
    let body = move |answer: Result<Option<Archive>, ApiError>| {
        Ok(match answer? {
            Some(a) if !a.months.is_empty() => {
                let partial = a.searched.map(|n| {
                    view! { <p class="notice archive__partial">{lang.partial(u64::from(n))}</p> }
                });
                view! { {partial} <MonthList months=a.months headings=true /> }.into_any()
            }
            _ => view! { <p class="notice">{t.no_month_archive}</p> }.into_any(),
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
        <Loading
            resource=archive
            failed=t.archive_failed
            view=body
            fallback=|| view! { <ListSkeleton rows=3 /> }
        />
    }
}
