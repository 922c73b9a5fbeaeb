//! The archive calendar mounted into a real DOM: grid, labels, bounds and keyboard.

use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use leptos::prelude::*;
use vestnik::components::calendar::{Calendar, CalendarState};
use vestnik::core::calendar::Span;
use vestnik::core::model::{DayCount, YearMonth};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use super::{all, container, one};

fn ym(year: i32, month: u32) -> YearMonth {
    YearMonth { year, month }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn december(selected: Option<NaiveDate>) -> CalendarState {
    CalendarState {
        month: ym(2020, 12),
        days: vec![
            DayCount { day: 1, count: 3 },
            DayCount { day: 14, count: 1 },
        ],
        span: Span::new(ym(2020, 1), ym(2024, 11)),
        years: vec![2024, 2023, 2022, 2021, 2020],
        selected,
        today: Some(d(2020, 12, 2)),
        loading: false,
    }
}

fn key(target: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

/// A calendar showing `state` (month changes not followed), mounted and drawn; keep the
/// handle while the test runs.
async fn mounted(state: RwSignal<CalendarState>) -> (web_sys::HtmlElement, impl Sized) {
    let root = container();
    let handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <Calendar state on_month=|_| {} /> },
    );
    leptos::task::tick().await;
    (root, handle)
}

/// Focus moves into a newly drawn month on the next animation frame.
async fn next_frame() {
    gloo_timers::future::TimeoutFuture::new(50).await;
}

#[wasm_bindgen_test]
async fn draws_a_monday_first_grid_with_news_days_as_links() {
    let state = RwSignal::new(december(Some(d(2020, 12, 14))));
    let (root, _h) = mounted(state).await;
    let heads: Vec<_> = all(&root, "thead th")
        .iter()
        .map(|th| th.text_content().unwrap())
        .collect();
    assert_eq!(heads, ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]);
    assert_eq!(
        one(&root, ".calendar__title").text_content().unwrap(),
        "Декабрь 2020"
    );
    assert_eq!(all(&root, "tbody tr").len(), 5);
    let links = all(&root, "tbody a");
    assert_eq!(links.len(), 2, "only days with news are links");
    assert_eq!(
        links[0].get_attribute("aria-label").as_deref(),
        Some("1 декабря 2020 — 3 новости")
    );
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("news/archive/2020/12/01")
    );
    assert_eq!(
        links[1].get_attribute("aria-label").as_deref(),
        Some("14 декабря 2020 — 1 новость")
    );
    // 30 November opens the grid, dimmed; today and the selected day are marked.
    let first = one(&root, "tbody td");
    assert!(first.class_list().contains("calendar__cell--other"));
    assert_eq!(
        one(&root, "[aria-current=date]").text_content().unwrap(),
        "2"
    );
    assert_eq!(
        one(&root, "td[aria-selected=true]").text_content().unwrap(),
        "14"
    );
    // One tab stop: the selected day.
    let stops = all(&root, "[tabindex='0']");
    assert_eq!(stops.len(), 1);
    assert_eq!(
        stops[0].get_attribute("data-date").as_deref(),
        Some("2020-12-14")
    );
    let years: Vec<_> = all(&root, ".calendar__years a")
        .iter()
        .map(|a| a.text_content().unwrap())
        .collect();
    assert_eq!(years, ["2024", "2023", "2022", "2021", "2020"]);
}

#[wasm_bindgen_test]
async fn arrows_are_disabled_at_the_archives_ends() {
    let state = RwSignal::new(CalendarState {
        month: ym(2020, 1),
        ..december(None)
    });
    let (root, _h) = mounted(state).await;
    let navs = all(&root, ".calendar__nav");
    assert!(
        navs[0].has_attribute("disabled"),
        "no « before the oldest month"
    );
    assert!(!navs[1].has_attribute("disabled"));
    assert_eq!(
        navs[1].get_attribute("aria-label").as_deref(),
        Some("Следующий месяц: Февраль 2020")
    );
    state.set(CalendarState {
        month: ym(2024, 11),
        ..december(None)
    });
    leptos::task::tick().await;
    let navs = all(&root, ".calendar__nav");
    assert!(!navs[0].has_attribute("disabled"));
    assert!(
        navs[1].has_attribute("disabled"),
        "no » after the newest month"
    );
}

#[wasm_bindgen_test]
async fn keyboard_moves_by_day_week_and_month() {
    let root = container();
    let asked = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&asked);
    let state = RwSignal::new(december(Some(d(2020, 12, 14))));
    // Like the archive widget: a month change shows that month (its counts still loading).
    let on_month = move |m: YearMonth| {
        log.lock().unwrap().push(m);
        state.update(|s| {
            s.month = m;
            s.days.clear();
        });
    };
    let _h = leptos::mount::mount_to(root.clone(), move || view! { <Calendar state on_month /> });
    leptos::task::tick().await;
    let start = one(&root, "[data-date='2020-12-14']").unchecked_into::<web_sys::HtmlElement>();
    start.focus().unwrap();
    let active = || {
        document()
            .active_element()
            .and_then(|e| e.get_attribute("data-date"))
    };
    key(&start, "ArrowRight");
    leptos::task::tick().await;
    assert_eq!(active().as_deref(), Some("2020-12-15"));
    key(&document().active_element().unwrap(), "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(active().as_deref(), Some("2020-12-22"));
    key(&document().active_element().unwrap(), "Home");
    leptos::task::tick().await;
    assert_eq!(active().as_deref(), Some("2020-12-21"));
    key(&document().active_element().unwrap(), "End");
    leptos::task::tick().await;
    assert_eq!(active().as_deref(), Some("2020-12-27"));
    key(&document().active_element().unwrap(), "PageDown");
    next_frame().await;
    assert_eq!(
        asked.lock().unwrap().as_slice(),
        [ym(2021, 1)],
        "PageDown asks for the next month"
    );
    assert_eq!(
        one(&root, ".calendar__title").text_content().unwrap(),
        "Январь 2021"
    );
    assert_eq!(
        active().as_deref(),
        Some("2021-01-27"),
        "focus follows into the new month"
    );
    assert_eq!(all(&root, "[tabindex='0']").len(), 1, "still one tab stop");
    key(&document().active_element().unwrap(), "PageUp");
    next_frame().await;
    assert_eq!(active().as_deref(), Some("2020-12-27"));
}

#[wasm_bindgen_test]
async fn a_refused_month_change_still_leaves_one_tab_stop() {
    let state = RwSignal::new(december(None));
    let (root, _h) = mounted(state).await;
    let start = one(&root, "[tabindex='0']").unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(
        start.get_attribute("data-date").as_deref(),
        Some("2020-12-02"),
        "today holds the stop"
    );
    start.focus().unwrap();
    for _ in 0..6 {
        key(&document().active_element().unwrap(), "ArrowDown");
        leptos::task::tick().await;
    }
    assert_eq!(all(&root, "[tabindex='0']").len(), 1);
}

#[wasm_bindgen_test]
async fn focus_keeps_its_day_when_the_months_news_arrive() {
    let state = RwSignal::new(december(Some(d(2020, 12, 14))));
    let (root, _h) = mounted(state).await;
    // The reader is on the 15th (no news yet): a span.
    let day = one(&root, "[data-date='2020-12-15']").unchecked_into::<web_sys::HtmlElement>();
    day.focus().unwrap();
    assert_eq!(day.tag_name(), "SPAN");
    // The month's counts arrive, with news on the 15th: the grid is drawn anew.
    state.update(|s| s.days.push(DayCount { day: 15, count: 2 }));
    next_frame().await;
    let active = document().active_element().unwrap();
    assert_eq!(
        active.get_attribute("data-date").as_deref(),
        Some("2020-12-15")
    );
    assert_eq!(active.tag_name(), "A", "the day is now a link, and focused");
    assert!(!day.is_connected(), "the old cell is gone");
    // Focus elsewhere on the page is left alone by the next redraw.
    let button = one(&root, ".calendar__nav").unchecked_into::<web_sys::HtmlElement>();
    button.focus().unwrap();
    state.update(|s| s.days.push(DayCount { day: 16, count: 1 }));
    next_frame().await;
    assert!(document()
        .active_element()
        .is_some_and(|el| el.class_list().contains("calendar__nav")));
}
