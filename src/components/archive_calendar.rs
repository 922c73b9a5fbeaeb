//! The sidebar's archive calendar: loads the archive's span once, then each month's
//! per-day counts as the reader moves (cached, neighbours prefetched), and follows the
//! route — an archive day or month opens the calendar there with the day selected.

use leptos::prelude::*;

use super::calendar::{Calendar, CalendarState};
use crate::context::{use_api, use_app_path, use_site};
use crate::core::calendar::{self, Span};
use crate::core::filter::Period;
use crate::core::model::{Archive, YearMonth};
use crate::lang::use_lang;
use crate::resource;

#[component]
pub fn ArchiveCalendar() -> impl IntoView {
    let api = use_api();
    if !api.has_calendar() {
        return None;
    }
    let t = use_lang().texts();
    let archive = resource::archive();
    Some(view! {
        <Transition fallback=|| view! { <div class="calendar calendar--loading" aria-busy="true"></div> }>
            {move || Suspend::new(async move {
                match archive.await {
                    Ok(Some(archive)) => Some(view! { <LoadedCalendar archive /> }.into_any()),
                    Ok(None) => None,
                    Err(_) => Some(view! {
                        <div class="calendar calendar--error" role="alert">
                            <p>{t.archive_failed_short}</p>
                            <button type="button" class="button" on:click=move |_| archive.refetch()>{t.retry}</button>
                        </div>
                    }.into_any()),
                }
            })}
        </Transition>
    })
}

#[component]
fn LoadedCalendar(archive: Archive) -> impl IntoView {
    let api = use_api();
    let site = use_site();
    let path = use_app_path();
    let span = Span::new(archive.first, archive.last);
    let mut years: Vec<i32> = archive.months.iter().map(|m| m.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let today = calendar::site_today(js_sys::Date::now(), site.utc_offset);
    let period = Memo::new(move |_| Period::from_route(&path.get()).unwrap_or_default());
    // For a year, open its newest month that has news.
    let months = archive.months.clone();
    let month_for = move |p: Period| -> Option<YearMonth> {
        match p {
            Period::Year(y) => months
                .iter()
                .filter(|m| m.year == y)
                .map(|m| YearMonth {
                    year: m.year,
                    month: m.month,
                })
                .max()
                .or(p.month()),
            other => other.month(),
        }
    };
    let opening = today.map_or(span.last, |t| span.opening_month(t));
    let shown = RwSignal::new(span.clamp(month_for(period.get_untracked()).unwrap_or(opening)));
    // The route moved to another archive period: follow it.
    Effect::watch(
        move || period.get(),
        move |p, _, _| {
            if let Some(m) = month_for(*p) {
                shown.set(span.clamp(m));
            }
        },
        false,
    );

    let month_data = resource::latest(Memo::new(move |_| shown.get()), {
        let api = api.clone();
        move |m: YearMonth| {
            let api = api.clone();
            async move { (m, api.calendar_month(m.year, m.month).await) }
        }
    });
    // Neighbours load in the background, so « and » answer from the cache.
    Effect::new(move |_| {
        let m = shown.get();
        for n in [calendar::previous(m), calendar::next(m)] {
            if span.clamp(n) == n {
                api.prefetch_calendar_month(n.year, n.month);
            }
        }
    });

    let state = Signal::derive(move || {
        let month = shown.get();
        let loaded = month_data.get();
        let days = match &loaded {
            Some((m, Ok(Some(data)))) if *m == month => data.days.clone(),
            _ => Vec::new(),
        };
        CalendarState {
            month,
            days,
            span,
            years: years.clone(),
            selected: period.get().day(),
            today,
            loading: !matches!(&loaded, Some((m, _)) if *m == month),
        }
    });
    let on_month = move |m: YearMonth| shown.set(span.clamp(m));
    // The month's days could not be loaded: the grid stays, without links, and says so.
    let t = use_lang().texts();
    let failed = move || {
        matches!(month_data.get(), Some((m, Err(_))) if m == shown.get()).then(|| {
            view! {
                <div class="calendar__error" role="alert">
                    <p>{t.calendar_days_failed}</p>
                    <button type="button" class="button" on:click=move |_| month_data.refetch()>{t.retry}</button>
                </div>
            }
        })
    };
    view! {
        <div class="archive-calendar">
            <Calendar state on_month />
            {failed}
        </div>
    }
}
