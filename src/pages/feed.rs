//! The feed and its filtered forms: `/`, `/news`, `/news/archive/:year[/:month[/:day]]`,
//! each with `?q=`, `?rubric=` and `?page=`. Everything the reader chose is in the URL.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::api::ApiError;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::filter_chips::FilterChips;
use crate::components::loading::Loading;
use crate::components::month_list::MonthList;
use crate::components::news_list::NewsList;
use crate::components::pager::Pager;
use crate::components::search_form::SearchForm;
use crate::context::{use_api, use_app_path, use_site};
use crate::core::filter::{Filter, Period};
use crate::core::i18n::Lang;
use crate::core::model::{rubric_title, NewsPage};
use crate::core::{dates, paging, routes, template};
use crate::lang::use_lang;
use crate::list_memory::use_list_memory;
use crate::location::absolute;
use crate::resource;
use crate::router::use_location;

#[component]
pub fn FeedPage() -> impl IntoView {
    let api = use_api();
    let site = use_site();
    let path = use_app_path();
    let query = use_location().search;
    let filter = Memo::new(move |_| {
        let q = query.read();
        let value = |name| template::query_value(&q, name);
        Period::from_route(&path.get())
            .map(|period| Filter::new(period, value("rubric").as_deref(), value("q").as_deref()))
    });
    let page = Memo::new(move |_| {
        paging::parse_page(template::query_value(&query.read(), "page").as_deref())
    });
    let news = resource::latest(Memo::new(move |_| (filter.get(), page.get())), {
        let api = api.clone();
        move |(filter, page)| {
            let api = api.clone();
            async move {
                match filter {
                    Some(f) => api.news(&f, page).await,
                    None => Err(ApiError::NotFound),
                }
            }
        }
    });
    let lang = use_lang();
    let t = lang.texts();
    let rubrics = site.rubrics.clone();

    // Also read by the page's <Title> (leptos_meta), which may ask once more as the reader
    // leaves, after this page's signals are gone: then the plain heading.
    let heading = move || match filter.try_get().flatten() {
        Some(f) => lang.news_heading(&f.period.phrase(lang)),
        None => t.news.to_owned(),
    };

    // The window's title also names a rubric and a page after the first, so that each page
    // of the feed (as published, as bookmarked, as a search engine lists it) has its own.
    let title = {
        let rubrics = rubrics.clone();
        move || {
            let mut text = heading();
            if let Some(id) = filter.try_get().flatten().and_then(|f| f.rubric) {
                text = format!("{text}: {}", rubric_title(&rubrics, &id));
            }
            match page.try_get() {
                Some(n) if n > 1 => format!("{text}, {}", lang.page_label(n, false).to_lowercase()),
                _ => text,
            }
        }
    };

    let results = move |result: Result<NewsPage, ApiError>| {
        let (Some(f), page) = (filter.get_untracked(), page.get_untracked()) else {
            return Ok(view! { <BadDate lang /> }.into_any());
        };
        Ok(match result {
            Ok(p) if p.items.is_empty() => view! {
                <div class="notice" role="status">
                    <p><strong>{t.no_news_found}</strong></p>
                    <p>
                        {if f.is_empty() { t.feed_empty } else { t.try_other_search }}
                    </p>
                    <p><a href=routes::FEED>{t.to_all_news}</a></p>
                </div>
            }
            .into_any(),
            Ok(p) => view! { <FeedResults news=p filter=f /> }.into_any(),
            Err(ApiError::NotFound) if page > 1 => view! {
                <div class="notice" role="status">
                    <p>{lang.no_such_page(page)}</p>
                    <p><a href=f.href(1)>{t.to_first_page}</a></p>
                </div>
            }
            .into_any(),
            Err(error) => return Err(error),
        })
    };

    // A year's month list stays while the reader searches or picks a rubric within it.
    let year = Memo::new(move |_| match filter.get().map(|f| f.period) {
        Some(Period::Year(year)) => Some(year),
        _ => None,
    });

    view! {
        <Title text=title />
        <FeedMeta filter page heading=Signal::derive(heading) />
        {move || filter.get().and_then(|f| crumbs(f.period, lang)).map(|crumbs| view! { <Breadcrumbs crumbs /> })}
        <h1 class="page-title">{heading}</h1>
        {move || year.get().map(|year| view! { <YearMonths year /> })}
        {move || {
            let rubrics = rubrics.clone();
            filter.get().map(|f| view! {
                <SearchForm filter=f.clone() rubrics=rubrics.clone() />
                <FilterChips filter=f rubrics />
            })
        }}
        <Loading resource=news failed=t.news_failed view=results class="feed" />
    }
}

/// The feed's `<head>` tags: every page but the front one says what it lists, for search
/// engines ("Новости за 2020 год. Страница 3 — <site>"); the front page (the whole feed,
/// page 1) describes the site for link previews, and the publish step's snapshot carries
/// those tags to crawlers that never run the app.
#[component]
fn FeedMeta(
    filter: Memo<Option<Filter>>,
    page: Memo<u32>,
    heading: Signal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let page_description = {
        let name = site.name.clone();
        move || {
            let n = page.try_get().unwrap_or(1);
            let front = n == 1 && filter.try_get().flatten().is_some_and(|f| f.is_empty());
            (!front).then(|| {
                let content = if n > 1 {
                    format!(
                        "{}. {} — {name}",
                        heading.try_get().unwrap_or_default(),
                        lang.page_label(n, false)
                    )
                } else {
                    format!("{} — {name}", heading.try_get().unwrap_or_default())
                };
                view! { <Meta name="description" content /> }
            })
        }
    };

    let front_page_meta = {
        let site = site.clone();
        move || {
            let front = page.get() == 1 && filter.get().is_some_and(|f| f.is_empty());
            front.then(|| {
                let description = site.description.clone().filter(|d| !d.trim().is_empty());
                let url = absolute(routes::HOME);
                view! {
                    <Link rel="canonical" href=url.clone() />
                    <Meta property="og:type" content="website" />
                    <Meta property="og:title" content=site.name.clone() />
                    <Meta property="og:url" content=url />
                    <Meta property="og:site_name" content=site.name.clone() />
                    <Meta name="twitter:card" content="summary" />
                    // Link previews take raster images only.
                    {site.logo.as_ref().filter(|logo| !logo.src.ends_with(".svg")).map(|logo| view! {
                        <Meta property="og:image" content=absolute(&logo.src) />
                    })}
                    {description.map(|d| view! {
                        <Meta name="description" content=d.clone() />
                        <Meta property="og:description" content=d />
                    })}
                }
            })
        }
    };
    view! {
        {front_page_meta}
        {page_description}
    }
}

/// A page of news that has some: the count, the list, the pager. Remembers where the
/// reader was (for "Возврат к списку"), and loads the next page when the browser is idle.
#[component]
fn FeedResults(news: NewsPage, filter: Filter) -> impl IntoView {
    let (p, f) = (news, filter);
    let api = use_api();
    let lang = use_lang();
    let memory = use_list_memory();
    let site_offset = use_site().utc_offset;
    let total = u64::from(p.total);
    let count = match (f.is_empty(), p.searched) {
        (true, Some(_)) => lang.at_least(total),
        (true, None) => lang.total(total),
        (false, _) => lang.found(total),
    };
    // A backend read only in part (a feed up to its page limit): say so
    // under a search or filter, whose result may then miss older news.
    let partial = p
        .searched
        .filter(|_| !f.is_empty())
        .map(|n| view! { <p class="notice feed__partial">{lang.partial(u64::from(n))}</p> });
    let here = f.href(p.page);
    if p.page < p.pages {
        let (api, f, next) = (api.clone(), f.clone(), p.page + 1);
        leptos::leptos_dom::helpers::request_idle_callback(move || api.prefetch_news(&f, next));
    }
    memory.restore_scroll_if_returning(&here);
    crate::lazy::first_screen_drawn();
    let href = Callback::new(move |n: u32| f.href(n));
    view! {
        <p class="feed__count" role="status">{count}</p>
        {partial}
        <div on:click=move |_| memory.remember(&here)>
            <NewsList items=p.items site_offset />
        </div>
        <Pager page=p.page pages=p.pages href />
    }
}

/// Главная / Новости / 2020 / Декабрь 2020 / 1 декабря 2020, for archive periods.
fn crumbs(period: Period, lang: Lang) -> Option<Vec<Crumb>> {
    let t = lang.texts();
    let (year, month, day) = match period {
        Period::All => return None,
        Period::Year(y) => (y, None, None),
        Period::Month(m) => (m.year, Some(m), None),
        Period::Day(d) => {
            let m = crate::core::calendar::month_of(d);
            (m.year, Some(m), Some(d))
        }
    };
    let mut trail = vec![
        Crumb::link(t.home, routes::HOME),
        Crumb::link(t.news, routes::FEED),
    ];
    trail.push(Crumb::link(year.to_string(), Period::Year(year).path()));
    if let Some(m) = month {
        trail.push(Crumb::link(
            format!("{} {}", dates::month_name_in(lang, m.month), m.year),
            Period::Month(m).path(),
        ));
    }
    if let Some(d) = day {
        trail.push(Crumb::here(dates::long_date_in(lang, d)));
    } else if let Some(last) = trail.last_mut() {
        last.href = None;
    }
    Some(trail)
}

/// An archive address that names no real date (`/news/archive/2020/13/45`).
#[component]
fn BadDate(lang: Lang) -> impl IntoView {
    let t = lang.texts();
    view! {
        <div class="notice" role="status">
            <p><strong>{t.no_such_date}</strong></p>
            <p>{t.check_address}</p>
            <p><a href=routes::FEED>{t.to_latest_news}</a></p>
        </div>
    }
}

/// The months of one year that have news, with counts: the top of a year's page.
#[component]
fn YearMonths(year: i32) -> impl IntoView {
    let lang = use_lang();
    let archive = resource::archive();
    let body = move || {
        Suspend::new(async move {
            // The year's news list below stays usable even if the counts fail to load.
            let months: Vec<_> = archive
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
    // Busy while it waits (an empty box), so the page does not count as settled without
    // it (src/settled.rs): a snapshot or a test would otherwise see the year without it.
    view! { <Suspense fallback=|| view! { <div aria-busy="true"></div> }>{body}</Suspense> }
}
