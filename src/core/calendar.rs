//! Calendar maths for the news archive: month grids (Monday first), month navigation
//! within the archive's bounds, "today" on the site's clock, and keyboard movement.
//!
//! Pure: the view passes in the current time and the site's UTC offset, never the
//! browser's time zone, so the grid is the same for every reader of the site.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, FixedOffset, Months, NaiveDate, Weekday};

use super::model::{Archive, DayCount, MonthCount, YearMonth};

/// The years the calendar supports.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2100;

/// One day cell of a month grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    pub date: NaiveDate,
    /// False for the days of the neighbouring months that fill the first and last weeks.
    pub in_month: bool,
    /// Saturday or Sunday.
    pub weekend: bool,
}

/// The weeks (Monday to Sunday) that show `month`: four to six rows of seven days,
/// padded with the neighbouring months' days. `None` outside 1900–2100.
pub fn grid(month: YearMonth) -> Option<Vec<[Cell; 7]>> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&month.year) {
        return None;
    }
    let first = month.first_day()?;
    let start = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    let last = last_day(month)?;
    let mut weeks = Vec::with_capacity(6);
    let mut day = start;
    while day <= last {
        let mut week = [Cell {
            date: day,
            in_month: false,
            weekend: false,
        }; 7];
        for cell in &mut week {
            *cell = Cell {
                date: day,
                in_month: day.month() == month.month && day.year() == month.year,
                weekend: matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
            };
            day = day.succ_opt()?;
        }
        weeks.push(week);
    }
    Some(weeks)
}

/// The last day of a month.
pub fn last_day(month: YearMonth) -> Option<NaiveDate> {
    month
        .first_day()?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// The number of days in a month (28–31), 0 for an impossible month.
pub fn days_in(month: YearMonth) -> u32 {
    last_day(month).map_or(0, |d| d.day())
}

/// The month before.
pub fn previous(month: YearMonth) -> YearMonth {
    if month.month <= 1 {
        YearMonth {
            year: month.year - 1,
            month: 12,
        }
    } else {
        YearMonth {
            year: month.year,
            month: month.month - 1,
        }
    }
}

/// The month after.
pub fn next(month: YearMonth) -> YearMonth {
    if month.month >= 12 {
        YearMonth {
            year: month.year + 1,
            month: 1,
        }
    } else {
        YearMonth {
            year: month.year,
            month: month.month + 1,
        }
    }
}

/// The month of a date.
pub fn month_of(date: NaiveDate) -> YearMonth {
    YearMonth {
        year: date.year(),
        month: date.month(),
    }
}

/// The archive's span: the oldest and newest months with news.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub first: YearMonth,
    pub last: YearMonth,
}

impl Span {
    /// A span from two months in any order.
    pub fn new(a: YearMonth, b: YearMonth) -> Self {
        Self {
            first: a.min(b),
            last: a.max(b),
        }
    }

    /// `month` moved into the span.
    pub fn clamp(self, month: YearMonth) -> YearMonth {
        month.clamp(self.first, self.last)
    }

    /// Whether « may go back from `month`.
    pub fn has_previous(self, month: YearMonth) -> bool {
        month > self.first
    }

    /// Whether » may go forward from `month`.
    pub fn has_next(self, month: YearMonth) -> bool {
        month < self.last
    }

    /// The years that have news, newest first.
    pub fn years(self) -> Vec<i32> {
        (self.first.year..=self.last.year).rev().collect()
    }

    /// The month the calendar opens on: today's month if the archive reaches it,
    /// otherwise the newest month with news (like Bitrix's news.calendar); never
    /// outside the span.
    pub fn opening_month(self, today: NaiveDate) -> YearMonth {
        self.clamp(month_of(today))
    }
}

/// Today's date on the site's clock, from milliseconds since the Unix epoch.
pub fn site_today(epoch_ms: f64, offset: FixedOffset) -> Option<NaiveDate> {
    if !epoch_ms.is_finite() {
        return None;
    }
    // `as` saturates for huge values; the checked add keeps the sum from overflowing.
    let seconds =
        ((epoch_ms / 1000.0).floor() as i64).checked_add(i64::from(offset.local_minus_utc()))?;
    let days = seconds.div_euclid(86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::TimeDelta::try_days(days)?)
}

/// A key that moves the focused day in the calendar grid (the WAI-ARIA grid pattern).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    PreviousDay,
    NextDay,
    PreviousWeek,
    NextWeek,
    WeekStart,
    WeekEnd,
    PreviousMonth,
    NextMonth,
}

impl Move {
    /// The move for a `KeyboardEvent.key`, if it is one.
    pub fn from_key(key: &str) -> Option<Self> {
        Some(match key {
            "ArrowLeft" => Self::PreviousDay,
            "ArrowRight" => Self::NextDay,
            "ArrowUp" => Self::PreviousWeek,
            "ArrowDown" => Self::NextWeek,
            "Home" => Self::WeekStart,
            "End" => Self::WeekEnd,
            "PageUp" => Self::PreviousMonth,
            "PageDown" => Self::NextMonth,
            _ => return None,
        })
    }
}

/// Where focus goes from `date` after `mv`. Month moves keep the day of the month where
/// it exists (31 March → 28/29 February).
pub fn step(date: NaiveDate, mv: Move) -> Option<NaiveDate> {
    let from_monday = u64::from(date.weekday().num_days_from_monday());
    match mv {
        Move::PreviousDay => date.pred_opt(),
        Move::NextDay => date.succ_opt(),
        Move::PreviousWeek => date.checked_sub_days(Days::new(7)),
        Move::NextWeek => date.checked_add_days(Days::new(7)),
        Move::WeekStart => date.checked_sub_days(Days::new(from_monday)),
        Move::WeekEnd => date.checked_add_days(Days::new(6 - from_monday)),
        Move::PreviousMonth => date.checked_sub_months(Months::new(1)),
        Move::NextMonth => date.checked_add_months(Months::new(1)),
    }
}

/// Per-month counts from days, with the span they cover (`None` without any day).
pub fn archive_of(days: &[NaiveDate], searched: Option<u32>) -> Option<Archive> {
    let first = days.iter().min().map(|d| supported(month_of(*d)))?;
    let last = days.iter().max().map(|d| supported(month_of(*d)))?;
    let months = month_counts(days.iter().map(|d| MonthCount {
        year: d.year(),
        month: d.month(),
        count: 1,
    }));
    Some(Archive {
        first,
        last,
        months,
        searched,
    })
}

/// The months the calendar can show: every month of [`FIRST_YEAR`]–[`LAST_YEAR`].
const SHOWN: Span = Span {
    first: YearMonth {
        year: FIRST_YEAR,
        month: 1,
    },
    last: YearMonth {
        year: LAST_YEAR,
        month: 12,
    },
};

/// `month` moved into the months the calendar can show (`SHOWN`): an archive's span
/// ends there, so « and » never lead to a month without a grid.
pub fn supported(month: YearMonth) -> YearMonth {
    SHOWN.clamp(month)
}

/// An archive's month counts as the calendar and the archive page use them: newest month
/// first, one entry per month (repeats added up), only months the calendar can show
/// (`SHOWN`, months 1–12) with news. A backend may send any list: at most
/// 2 412 entries come out, whatever goes in, in O(n log n).
pub fn month_counts(months: impl IntoIterator<Item = MonthCount>) -> Vec<MonthCount> {
    let mut counts: BTreeMap<YearMonth, u32> = BTreeMap::new();
    for m in months {
        let key = YearMonth {
            year: m.year,
            month: m.month,
        };
        if (1..=12).contains(&m.month) && supported(key) == key && m.count > 0 {
            let count = counts.entry(key).or_insert(0);
            *count = count.saturating_add(m.count);
        }
    }
    counts
        .into_iter()
        .rev()
        .map(|(m, count)| MonthCount {
            year: m.year,
            month: m.month,
            count,
        })
        .collect()
}

/// How many of `days` fall on each day of `month`, in order of the day.
pub fn day_counts(days: &[NaiveDate], month: YearMonth) -> Vec<DayCount> {
    let mut counts: Vec<DayCount> = Vec::new();
    for d in days
        .iter()
        .filter(|d| d.year() == month.year && d.month() == month.month)
    {
        match counts.iter().position(|c| c.day >= d.day()) {
            Some(i) if counts[i].day == d.day() => counts[i].count += 1,
            at => counts.insert(
                at.unwrap_or(counts.len()),
                DayCount {
                    day: d.day(),
                    count: 1,
                },
            ),
        }
    }
    counts
}
