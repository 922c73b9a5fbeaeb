//! The "архив новостей" calendar: a month grid, Monday first, with « » month navigation,
//! year links, and days that have news as links to that day's list.
//!
//! Keyboard: the WAI-ARIA grid pattern — one tab stop for the grid; arrows move by day
//! and week, Home/End to the week's edges, PageUp/PageDown by month; Enter opens a day
//! with news (`focus.rs`). All the maths is `core::calendar`; this file only draws.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::core::calendar::{self, Cell, Span};
use crate::core::dates;
use crate::core::filter::Period;
use crate::core::i18n::Lang;
use crate::core::model::{DayCount, YearMonth};
use crate::lang::use_lang;

mod focus;
use focus::use_grid_focus;

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
    let focus = use_grid_focus(state, on_month);
    let (focused, stop) = (focus.focused, focus.stop);

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
        focus.redrawing(s.selected);
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
                node_ref=focus.grid
                on:keydown=move |ev| focus.on_keydown(&ev)
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
