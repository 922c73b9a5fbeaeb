//! Native tests of `core::calendar`, exhaustive over 1900–2100 where it matters.

use chrono::{Datelike, FixedOffset, NaiveDate, Weekday};
use proptest::prelude::*;
use vestnik::core::calendar::*;
use vestnik::core::model::{MonthCount, YearMonth};

fn ym(year: i32, month: u32) -> YearMonth {
    YearMonth { year, month }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn december_2020_matches_a_printed_calendar() {
    // December 2020 began on a Tuesday: the grid starts on Monday 30 November.
    let weeks = grid(ym(2020, 12)).unwrap();
    assert_eq!(weeks.len(), 5);
    assert_eq!(weeks[0][0].date, d(2020, 11, 30));
    assert!(!weeks[0][0].in_month);
    assert_eq!(weeks[0][1].date, d(2020, 12, 1));
    assert!(weeks[0][1].in_month);
    assert!(weeks[0][5].weekend && weeks[0][6].weekend && !weeks[0][4].weekend);
    assert_eq!(weeks[4][6].date, d(2021, 1, 3));
}

#[test]
fn a_february_starting_on_monday_fills_exactly_four_weeks() {
    // February 2021: 28 days from Monday 1st to Sunday 28th.
    let weeks = grid(ym(2021, 2)).unwrap();
    assert_eq!(weeks.len(), 4);
    assert!(weeks.iter().flatten().all(|c| c.in_month));
}

#[test]
fn a_long_month_starting_on_sunday_needs_six_weeks() {
    // August 2021 begins on a Sunday and has 31 days.
    assert_eq!(grid(ym(2021, 8)).unwrap().len(), 6);
}

/// Every month of 1900–2100 against first principles.
#[test]
fn every_month_from_1900_to_2100() {
    for year in FIRST_YEAR..=LAST_YEAR {
        for month in 1..=12 {
            let m = ym(year, month);
            let weeks = grid(m).unwrap();
            assert!((4..=6).contains(&weeks.len()), "{year}-{month}");
            let cells: Vec<Cell> = weeks.iter().flatten().copied().collect();
            assert_eq!(cells[0].date.weekday(), Weekday::Mon);
            assert_eq!(cells.last().unwrap().date.weekday(), Weekday::Sun);
            for pair in cells.windows(2) {
                assert_eq!(pair[0].date.succ_opt(), Some(pair[1].date));
            }
            let inside: Vec<u32> = cells
                .iter()
                .filter(|c| c.in_month)
                .map(|c| c.date.day())
                .collect();
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let expected = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            assert_eq!(inside, (1..=expected).collect::<Vec<_>>(), "{year}-{month}");
            assert_eq!(days_in(m), expected);
            // No week is entirely outside the month.
            assert!(weeks.iter().all(|w| w.iter().any(|c| c.in_month)));
        }
    }
}

#[test]
fn leap_years_follow_the_gregorian_rule() {
    assert_eq!(days_in(ym(1900, 2)), 28);
    assert_eq!(days_in(ym(2000, 2)), 29);
    assert_eq!(days_in(ym(2020, 2)), 29);
    assert_eq!(days_in(ym(2100, 2)), 28);
}

#[test]
fn outside_the_supported_years_there_is_no_grid() {
    assert_eq!(grid(ym(1899, 12)), None);
    assert_eq!(grid(ym(2101, 1)), None);
    assert_eq!(grid(ym(2020, 13)), None);
    assert_eq!(days_in(ym(2020, 0)), 0);
}

#[test]
fn months_step_across_years() {
    assert_eq!(previous(ym(2021, 1)), ym(2020, 12));
    assert_eq!(next(ym(2020, 12)), ym(2021, 1));
    assert_eq!(next(ym(2020, 5)), ym(2020, 6));
}

#[test]
fn navigation_stays_within_the_archive() {
    let span = Span::new(ym(2024, 11), ym(2020, 1));
    assert_eq!(span.first, ym(2020, 1));
    assert!(!span.has_previous(ym(2020, 1)));
    assert!(span.has_previous(ym(2020, 2)));
    assert!(!span.has_next(ym(2024, 11)));
    assert_eq!(span.years(), [2024, 2023, 2022, 2021, 2020]);
    // Opens on today's month inside the archive, on the newest month after it.
    assert_eq!(span.opening_month(d(2022, 6, 15)), ym(2022, 6));
    assert_eq!(span.opening_month(d(2026, 11, 28)), ym(2024, 11));
    assert_eq!(span.opening_month(d(2019, 3, 1)), ym(2020, 1));
}

#[test]
fn today_is_on_the_sites_clock() {
    let kemerovo = FixedOffset::east_opt(7 * 3600).unwrap();
    let utc = FixedOffset::east_opt(0).unwrap();
    // 2020-11-30T20:00:00Z is already 1 December in Kemerovo.
    let ms = 1_606_766_400_000.0;
    assert_eq!(site_today(ms, utc), Some(d(2020, 11, 30)));
    assert_eq!(site_today(ms, kemerovo), Some(d(2020, 12, 1)));
    assert_eq!(site_today(-1.0, utc), Some(d(1969, 12, 31)));
    assert_eq!(site_today(f64::NAN, utc), None);
    assert_eq!(site_today(f64::INFINITY, utc), None);
    assert_eq!(site_today(1e300, utc), None);
}

#[test]
fn keys_move_like_the_aria_grid_pattern() {
    let wed = d(2020, 12, 2);
    assert_eq!(
        Move::from_key("ArrowLeft").and_then(|m| step(wed, m)),
        Some(d(2020, 12, 1))
    );
    assert_eq!(step(wed, Move::NextDay), Some(d(2020, 12, 3)));
    assert_eq!(step(wed, Move::PreviousWeek), Some(d(2020, 11, 25)));
    assert_eq!(step(wed, Move::NextWeek), Some(d(2020, 12, 9)));
    assert_eq!(step(wed, Move::WeekStart), Some(d(2020, 11, 30)));
    assert_eq!(step(wed, Move::WeekEnd), Some(d(2020, 12, 6)));
    assert_eq!(
        step(d(2021, 3, 31), Move::PreviousMonth),
        Some(d(2021, 2, 28))
    );
    assert_eq!(step(d(2020, 1, 31), Move::NextMonth), Some(d(2020, 2, 29)));
    assert_eq!(Move::from_key("Enter"), None);
}

fn mc(year: i32, month: u32, count: u32) -> MonthCount {
    MonthCount { year, month, count }
}

#[test]
fn month_counts_are_one_per_month_newest_first() {
    let counts = month_counts([
        mc(2020, 1, 2),
        mc(2024, 11, 6),
        mc(2020, 1, 3),
        mc(2024, 11, u32::MAX),
        mc(2021, 13, 1),
        mc(2021, 0, 1),
        mc(2022, 5, 0),
        mc(1899, 12, 1),
        mc(2101, 1, 1),
        mc(i32::MAX, 1, 1),
    ]);
    assert_eq!(counts, vec![mc(2024, 11, u32::MAX), mc(2020, 1, 5)]);
}

#[test]
fn a_hostile_archive_stays_small_and_quick() {
    // 110 000 entries, each a year of its own (the calendar shows 1900–2100), and every
    // month of the supported years many times over: one entry per month comes out.
    let many_years = (0..110_000).map(|i| mc(i - 5_000, 1, 1));
    let repeats = (0..200_000).map(|i| mc(1900 + (i / 12) % 201, 1 + (i as u32) % 12, 1));
    let counts = month_counts(many_years.chain(repeats));
    assert_eq!(counts.len(), 201 * 12);
    assert_eq!(counts.first().map(|m| (m.year, m.month)), Some((2100, 12)));
    // Days of 100 000 different months (a JSON Feed of very odd dates): counted in one pass,
    // not by searching the list for each day.
    let days: Vec<NaiveDate> = (0..100_000u32)
        .map(|i| d(1_000 + (i / 12) as i32, 1 + i % 12, 1))
        .collect();
    let archive = archive_of(&days, None).unwrap();
    assert_eq!((archive.first, archive.last), (ym(1900, 1), ym(2100, 12)));
    assert_eq!(archive.months.len(), 201 * 12);
}

proptest! {
    #[test]
    fn month_counts_keep_every_believable_count(months in prop::collection::vec((1890i32..2110, 0u32..14, 0u32..5), 0..60)) {
        let given: Vec<MonthCount> = months.iter().map(|&(y, m, c)| mc(y, m, c)).collect();
        let counts = month_counts(given.clone());
        // Newest first, one entry per month, every one the calendar can show.
        prop_assert!(counts.windows(2).all(|w| (w[0].year, w[0].month) > (w[1].year, w[1].month)));
        prop_assert!(counts.iter().all(|m| (1900..=2100).contains(&m.year) && (1..=12).contains(&m.month) && m.count > 0));
        let believable = |m: &MonthCount| (1900..=2100).contains(&m.year) && (1..=12).contains(&m.month);
        prop_assert_eq!(
            counts.iter().map(|m| u64::from(m.count)).sum::<u64>(),
            given.iter().filter(|m| believable(m)).map(|m| u64::from(m.count)).sum::<u64>()
        );
    }

    #[test]
    fn today_never_panics(ms in any::<f64>(), offset in -50_400i32..=50_400) {
        let _ = site_today(ms, FixedOffset::east_opt(offset).unwrap());
    }

    #[test]
    fn week_moves_stay_in_the_same_weekday_column(days in 0u32..70_000, key in prop::sample::select(vec!["ArrowUp", "ArrowDown", "Home", "End"])) {
        let date = d(1900, 1, 1) + chrono::Days::new(u64::from(days));
        let moved = step(date, Move::from_key(key).unwrap()).unwrap();
        match key {
            "Home" => prop_assert_eq!(moved.weekday(), Weekday::Mon),
            "End" => prop_assert_eq!(moved.weekday(), Weekday::Sun),
            _ => prop_assert_eq!(moved.weekday(), date.weekday()),
        }
    }
}
