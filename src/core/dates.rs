//! Dates as a Russian reader expects them: "1 декабря 2020", "01.12.2020 09:56".
//!
//! Month names are our own tables, not chrono's `unstable-locales` (which would add
//! every locale of the world to the wasm). Times are always shown in the site's own
//! UTC offset from its config, never in the browser's time zone: a press release
//! published at 09:30 in Kemerovo reads 09:30 everywhere.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Timelike};

use super::i18n::Lang;

/// Month names in the genitive case, as used after a day number ("1 декабря").
pub const MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Month names in the nominative case, as in a calendar header ("Декабрь 2020").
pub const MONTHS_NOMINATIVE: [&str; 12] = [
    "Январь",
    "Февраль",
    "Март",
    "Апрель",
    "Май",
    "Июнь",
    "Июль",
    "Август",
    "Сентябрь",
    "Октябрь",
    "Ноябрь",
    "Декабрь",
];

/// English month names ("1 December 2020", "December 2020").
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A month's name as a calendar header shows it: "Декабрь" / "December".
pub fn month_name_in(lang: Lang, month: u32) -> &'static str {
    match lang {
        Lang::Ru => month_nominative(month),
        Lang::En => month_index(month).map_or("", |i| MONTHS_EN[i]),
    }
}

/// "1 декабря 2020" / "1 December 2020".
pub fn long_date_in(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Ru => long_date(date),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            month_name_in(lang, date.month()),
            date.year()
        ),
    }
}

/// "1 декабря 2020, 09:30" / "1 December 2020, 09:30" in the site's zone.
pub fn long_date_time_in(lang: Lang, moment: DateTime<FixedOffset>, site: FixedOffset) -> String {
    let local = in_site_zone(moment, site);
    format!(
        "{}, {:02}:{:02}",
        long_date_in(lang, local.date_naive()),
        local.hour(),
        local.minute()
    )
}

/// The genitive month name for a month number 1–12; an empty string for anything else.
pub fn month_genitive(month: u32) -> &'static str {
    month_index(month).map_or("", |i| MONTHS_GENITIVE[i])
}

/// The nominative month name for a month number 1–12; an empty string for anything else.
pub fn month_nominative(month: u32) -> &'static str {
    month_index(month).map_or("", |i| MONTHS_NOMINATIVE[i])
}

fn month_index(month: u32) -> Option<usize> {
    (1..=12).contains(&month).then(|| month as usize - 1)
}

/// Parses a site UTC offset such as "+07:00", "-03:30", "+0700", "Z" or "+7".
pub fn parse_utc_offset(text: &str) -> Option<FixedOffset> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("z") || text.eq_ignore_ascii_case("utc") {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let (hours, minutes) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        // "+0700"; only digits can be split in the middle (a 4-byte character cannot).
        None if rest.len() == 4 && rest.is_ascii() => rest.split_at(2),
        None => (rest, "0"),
    };
    if hours.is_empty() || hours.len() > 2 || minutes.len() > 2 {
        return None;
    }
    let hours: i32 = hours.parse().ok()?;
    let minutes: i32 = minutes.parse().ok()?;
    if hours > 14 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

/// Parses a wall-clock time without an offset, as WordPress writes it:
/// "2020-12-01T09:30:00" (a space for the `T`, and fractional seconds, are accepted).
pub fn parse_local(text: &str) -> Option<NaiveDateTime> {
    let b = text.trim().as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let part = b.get(from..from + len)?;
        part.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let sep = |at: usize, allowed: &[u8]| b.get(at).is_some_and(|c| allowed.contains(c));
    if b.len() < 19
        || !(sep(4, b"-") && sep(7, b"-") && sep(10, b"T ") && sep(13, b":") && sep(16, b":"))
    {
        return None;
    }
    if b.len() > 19 && (b[19] != b'.' || b.len() == 20 || !b[20..].iter().all(u8::is_ascii_digit)) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(num(0, 4)?).ok()?, num(5, 2)?, num(8, 2)?)?;
    date.and_hms_opt(num(11, 2)?, num(14, 2)?, num(17, 2)?)
}

/// Converts a moment to the site's wall clock.
pub fn in_site_zone(moment: DateTime<FixedOffset>, site: FixedOffset) -> DateTime<FixedOffset> {
    moment.with_timezone(&site)
}

/// "1 декабря 2020".
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_genitive(date.month()),
        date.year()
    )
}

/// "1 декабря 2020, 09:30" in the site's zone.
pub fn long_date_time(moment: DateTime<FixedOffset>, site: FixedOffset) -> String {
    long_date_time_in(Lang::Ru, moment, site)
}

/// "01.12.2020 09:56" in the site's zone, as Bitrix prints "Дата последнего обновления".
pub fn numeric_date_time(moment: DateTime<FixedOffset>, site: FixedOffset) -> String {
    let local = in_site_zone(moment, site);
    format!(
        "{:02}.{:02}.{} {:02}:{:02}",
        local.day(),
        local.month(),
        local.year(),
        local.hour(),
        local.minute()
    )
}

/// "2020-12-01".
pub fn iso_day(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// The machine-readable form for `<time datetime="…">`, in the site's zone.
pub fn machine(moment: DateTime<FixedOffset>, site: FixedOffset) -> String {
    in_site_zone(moment, site).to_rfc3339()
}
