//! The "архив новостей" calendar: a month grid, Monday first, with « » month navigation,
//! year links, and days that have news as links to that day's list.
//!
//! Keyboard: the WAI-ARIA grid pattern — one tab stop for the grid; arrows move by day
//! and week, Home/End to the week's edges, PageUp/PageDown by month; Enter opens a day
//! with news. All the maths is `core::calendar`; this file only draws and listens.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::calendar::{self, Cell, Move, Span};
use crate::core::dates;
use crate::core::filter::Period;
use crate::core::i18n::Lang;
use crate::core::model::{DayCount, YearMonth};
use crate::lang::use_lang;

/// What the calendar shows. `days` holds the counts of `month` (empty while loading).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarState {
    pub month: YearMonth,
    pub days: Vec<DayCount>,
    pub span: Span,
    /// The years that have news, newest first (the row of year links).
    pub years: Vec<i32>,
    pub selected: Option<NaiveDate>,
    pub today: Option<NaiveDate>,
    pub loading: bool,
}

impl CalendarState {
    fn count(&self, date: NaiveDate) -> u32 {
        if calendar::month_of(date) != self.month {
            return 0;
        }
        self.days
            .iter()
            .find(|d| d.day == date.day())
            .map_or(0, |d| d.count)
    }

    /// The day that holds the grid's single tab stop.
    fn anchor(&self) -> Option<NaiveDate> {
        let in_month = |d: &NaiveDate| calendar::month_of(*d) == self.month;
        self.selected
            .filter(in_month)
            .or(self.today.filter(in_month))
            .or_else(|| {
                self.days
                    .first()
                    .and_then(|d| NaiveDate::from_ymd_opt(self.month.year, self.month.month, d.day))
            })
            .or_else(|| self.month.first_day())
    }
}

/// The calendar. `on_month` is asked to show another month (« », PageUp/PageDown,
/// arrowing past the month's edge); it is never asked for a month outside the span.
#[component]
pub fn Calendar(
    #[prop(into)] state: Signal<CalendarState>,
    #[prop(into)] on_month: Callback<YearMonth>,
) -> impl IntoView {
    let lang = use_lang();
    let t = lang.texts();
    let focused = RwSignal::new(None::<NaiveDate>);
    // A keyboard move into another month, waiting for that month to be drawn.
    let pending = StoredValue::new(None::<NaiveDate>);
    let grid_ref = NodeRef::<leptos::html::Table>::new();
    // Also called from an animation frame, when the calendar may already be gone.
    let focus_day = move |date: NaiveDate| {
        let Some(grid) = grid_ref.try_get_untracked().flatten() else {
            return;
        };
        let selector = format!("[data-date=\"{}\"]", dates::iso_day(date));
        if let Ok(Some(el)) = grid.query_selector(&selector) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };

    // On the next animation frame, once the grid is drawn: focus the focused day, if the
    // redraw dropped focus (and nothing else has taken it since).
    let refocus = move || {
        let dropped = document().active_element().as_ref() == document().body().as_deref();
        if let Some(date) = focused.try_get_untracked().flatten().filter(|_| dropped) {
            focus_day(date);
        }
    };
    // The day the route selects, as last drawn: a new one means the reader followed a day
    // link, and the new page's heading takes focus, not the grid.
    let drawn_selection = StoredValue::new(None::<NaiveDate>);

    // Another month is shown: focus follows a keyboard move into it; otherwise (« », a
    // route change) the tab stop goes to the month's anchor day and focus stays put.
    Effect::new(move |previous: Option<YearMonth>| {
        let s = state.get();
        if previous != Some(s.month) {
            match pending.get_value() {
                Some(date) if calendar::month_of(date) == s.month => {
                    pending.set_value(None);
                    focused.set(Some(date));
                    request_animation_frame(refocus);
                }
                _ => focused.set(s.anchor()),
            }
        }
        s.month
    });

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(mv) = Move::from_key(&ev.key()) else {
            return;
        };
        ev.prevent_default();
        let s = state.get_untracked();
        let Some(from) = focused.get_untracked().or_else(|| s.anchor()) else {
            return;
        };
        let Some(to) = calendar::step(from, mv) else {
            return;
        };
        let month = calendar::month_of(to);
        if month != s.span.clamp(month) {
            return;
        }
        if month == s.month {
            focused.set(Some(to));
            focus_day(to);
        } else {
            pending.set_value(Some(to));
            on_month.run(month);
        }
    };

    // The grid's one tab stop: the focused day while it is on screen, else the anchor.
    let stop = Memo::new(move |_| {
        let s = state.get();
        let weeks = calendar::grid(s.month).unwrap_or_default();
        let on_screen = |d: NaiveDate| {
            weeks.first().is_some_and(|w| w[0].date <= d)
                && weeks.last().is_some_and(|w| d <= w[6].date)
        };
        focused
            .get()
            .filter(|d| on_screen(*d))
            .or_else(|| s.anchor())
    });

    // The tab stop moves by setting attributes, not through a reactive `tabindex` on every
    // cell: those per-cell effects were never freed when a month was redrawn (~10 KB leaked
    // per month switch, found by `make bench`'s memory check).
    Effect::new(move |_| {
        let stop = stop.get();
        let Some(grid) = grid_ref.get() else {
            return;
        };
        if let Ok(cells) = grid.query_selector_all("[tabindex=\"0\"]") {
            for i in 0..cells.length() {
                if let Some(el) = cells
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = el.set_attribute("tabindex", "-1");
                }
            }
        }
        if let Some(date) = stop {
            let selector = format!("[data-date=\"{}\"]", dates::iso_day(date));
            if let Ok(Some(el)) = grid.query_selector(&selector) {
                let _ = el.set_attribute("tabindex", "0");
            }
        }
    });

    let header = move || {
        let s = state.get();
        let m = s.month;
        let title = format!("{} {}", dates::month_name_in(lang, m.month), m.year);
        view! {
            <div class="calendar__header">
                {month_button(lang, false, calendar::previous(m), s.span.has_previous(m), on_month)}
                <h3 class="calendar__title" id="calendar-title" aria-live="polite">
                    <a href=Period::Month(m).path()>{title}</a>
                </h3>
                {month_button(lang, true, calendar::next(m), s.span.has_next(m), on_month)}
            </div>
        }
    };

    let body = move || {
        let s = state.get();
        // The grid is redrawn when its month's news arrive: a reader moving through it with
        // the keyboard keeps their place instead of dropping to the page's top.
        let navigated = drawn_selection.try_get_value().flatten() != s.selected;
        drawn_selection.try_set_value(s.selected);
        if !navigated
            && grid_ref
                .get_untracked()
                .is_some_and(|grid| grid.contains(document().active_element().as_deref()))
        {
            request_animation_frame(refocus);
        }
        let weeks = calendar::grid(s.month).unwrap_or_default();
        weeks
            .into_iter()
            .map(|week| {
                let cells = week
                    .map(|cell| day_cell(lang, cell, &s, focused, stop.get_untracked()))
                    .into_iter()
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view()
    };

    let years = move || {
        let s = state.get();
        s.years
            .iter()
            .copied()
            .map(|y| {
                let current = (y == s.month.year).then_some("true");
                view! {
                    <li>
                        <a class="calendar__year" href=Period::Year(y).path() aria-current=current>
                            {y}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <section class="calendar" aria-labelledby="calendar-heading">
            <h2 class="calendar__heading" id="calendar-heading">{t.news_archive}</h2>
            {header}
            <table
                class="calendar__grid"
                role="grid"
                aria-labelledby="calendar-title"
                aria-busy=move || state.with(|s| s.loading.to_string())
                node_ref=grid_ref
                on:keydown=on_keydown
            >
                <thead>
                    <tr>
                        {t.weekdays
                            .iter()
                            .enumerate()
                            .map(|(i, (short, full))| {
                                let weekend = i >= 5;
                                view! {
                                    <th scope="col" abbr=*full class:calendar__weekend=weekend>
                                        {*short}
                                    </th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
            <nav class="calendar__years" aria-label=t.archive_by_year>
                <ul>{years}</ul>
            </nav>
        </section>
    }
}

/// « or »: shows `target`, named for screen readers ("Следующий месяц: Январь 2021").
/// In a first-screen snapshot, before the app runs, it becomes a link to that month's
/// archive page (`data-plain-href`, scripts/snapshot.mjs).
fn month_button(
    lang: Lang,
    next: bool,
    target: YearMonth,
    enabled: bool,
    on_month: Callback<YearMonth>,
) -> impl IntoView {
    let month = format!(
        "{} {}",
        dates::month_name_in(lang, target.month),
        target.year
    );
    let label = lang.month_button(next, &month);
    let arrow = if next { "»" } else { "«" };
    view! {
        <button
            type="button"
            class="calendar__nav"
            aria-label=label
            data-plain-href=Period::Month(target).path()
            disabled=!enabled
            on:click=move |_| on_month.run(target)
        >
            {arrow}
        </button>
    }
}

fn day_cell(
    lang: Lang,
    cell: Cell,
    s: &CalendarState,
    focused: RwSignal<Option<NaiveDate>>,
    stop: Option<NaiveDate>,
) -> impl IntoView {
    let date = cell.date;
    let count = s.count(date);
    let iso = dates::iso_day(date);
    let tabindex = if stop == Some(date) { "0" } else { "-1" };
    let today = (s.today == Some(date)).then_some("date");
    let selected = s.selected == Some(date);
    let on_focus = move |_| focused.set(Some(date));
    let inner = if count > 0 {
        let label = lang.day_with_news(&dates::long_date_in(lang, date), u64::from(count));
        view! {
            <a
                class="calendar__day calendar__day--news"
                href=Period::Day(date).path()
                aria-label=label
                aria-current=today
                data-date=iso
                tabindex=tabindex
                on:focus=on_focus
            >
                {date.day()}
            </a>
        }
        .into_any()
    } else {
        view! {
            <span
                class="calendar__day"
                aria-label=lang.day_without_news(&dates::long_date_in(lang, date))
                aria-current=today
                data-date=iso
                tabindex=tabindex
                on:focus=on_focus
            >
                {date.day()}
            </span>
        }
        .into_any()
    };
    view! {
        <td
            role="gridcell"
            class="calendar__cell"
            class:calendar__cell--other=!cell.in_month
            class:calendar__cell--weekend=cell.weekend
            class:calendar__cell--today=today.is_some()
            class:calendar__cell--selected=selected
            aria-selected=selected.to_string()
        >
            {inner}
        </td>
    }
}
