//! Native tests of `core::dates`.

mod tests {
    use chrono::{DateTime, FixedOffset, NaiveDate};
    use vestnik::core::dates::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn kemerovo() -> FixedOffset {
        FixedOffset::east_opt(7 * 3600).unwrap()
    }

    #[test]
    fn every_month_reads_in_the_genitive() {
        let expected = [
            "1 января 2020",
            "1 февраля 2020",
            "1 марта 2020",
            "1 апреля 2020",
            "1 мая 2020",
            "1 июня 2020",
            "1 июля 2020",
            "1 августа 2020",
            "1 сентября 2020",
            "1 октября 2020",
            "1 ноября 2020",
            "1 декабря 2020",
        ];
        for (m, want) in (1..=12).zip(expected) {
            let date = NaiveDate::from_ymd_opt(2020, m, 1).unwrap();
            assert_eq!(long_date(date), want);
        }
    }

    #[test]
    fn times_are_shown_on_the_sites_clock_not_the_readers() {
        // 02:56 UTC is 09:56 in Kemerovo (UTC+7).
        let moment = at("2020-12-01T02:56:00Z");
        assert_eq!(numeric_date_time(moment, kemerovo()), "01.12.2020 09:56");
        assert_eq!(long_date_time(moment, kemerovo()), "1 декабря 2020, 09:56");
        assert_eq!(machine(moment, kemerovo()), "2020-12-01T09:56:00+07:00");
    }

    #[test]
    fn the_site_zone_can_move_the_day() {
        // 20:00 on 30 November in Moscow is already 1 December in Kemerovo.
        let moment = at("2020-11-30T20:00:00+03:00");
        assert_eq!(long_date_time(moment, kemerovo()), "1 декабря 2020, 00:00");
    }

    #[test]
    fn month_names_reject_out_of_range_numbers() {
        assert_eq!(month_genitive(0), "");
        assert_eq!(month_genitive(13), "");
        assert_eq!(month_nominative(12), "Декабрь");
    }

    #[test]
    fn parses_the_offsets_a_config_may_hold() {
        let h = |s: i32| FixedOffset::east_opt(s);
        assert_eq!(parse_utc_offset("+07:00"), h(7 * 3600));
        assert_eq!(parse_utc_offset("+0700"), h(7 * 3600));
        assert_eq!(parse_utc_offset("+7"), h(7 * 3600));
        assert_eq!(parse_utc_offset("-03:30"), h(-(3 * 3600 + 1800)));
        assert_eq!(parse_utc_offset("Z"), h(0));
        assert_eq!(parse_utc_offset(" utc "), h(0));
        for bad in ["", "7", "+", "+25:00", "+07:99", "+abc", "++07", "+007:00"] {
            assert_eq!(parse_utc_offset(bad), None, "{bad:?}");
        }
    }
}

mod properties {
    use chrono::{Datelike, NaiveDate};
    use proptest::prelude::*;
    use vestnik::core::dates::*;

    proptest! {
        /// Whatever a config holds, parsing an offset never panics.
        #[test]
        fn offset_parsing_never_panics(text in "\\PC{0,12}", sign in "[+-]", rest in "\\PC{1,4}") {
            let _ = parse_utc_offset(&text);
            // A sign and a few characters of any width (a 4-byte one once split mid-char).
            let _ = parse_utc_offset(&format!("{sign}{rest}"));
        }

        /// Every formatted date names the right day, month and year.
        #[test]
        fn long_date_round_trips(days in 0i64..80_000) {
            let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
            let text = long_date(date);
            let parts: Vec<&str> = text.split(' ').collect();
            prop_assert_eq!(parts.len(), 3);
            prop_assert_eq!(parts[0].parse::<u32>().unwrap(), date.day());
            prop_assert_eq!(MONTHS_GENITIVE.iter().position(|m| *m == parts[1]).unwrap() as u32 + 1, date.month());
            prop_assert_eq!(parts[2].parse::<i32>().unwrap(), date.year());
        }
    }
}

#[test]
fn offsets_with_wide_characters_are_refused() {
    use vestnik::core::dates::parse_utc_offset;
    assert_eq!(parse_utc_offset("-𛅤"), None);
    assert_eq!(parse_utc_offset("+ж7"), None);
}

#[test]
fn local_times_without_an_offset_parse() {
    use vestnik::core::dates::parse_local;
    let t = parse_local("2020-12-01T09:30:05").unwrap();
    assert_eq!(t.to_string(), "2020-12-01 09:30:05");
    // Fractional seconds are accepted and dropped: days and minutes are what Vestnik shows.
    assert_eq!(parse_local(" 2020-12-01 09:30:05.123 "), Some(t));
    for bad in [
        "",
        "2020-12-01",
        "2020-13-01T00:00:00",
        "2020-02-30T00:00:00",
        "2020-12-01T24:00:00",
        "2020-12-01T09:30:05Z",
        "2020-12-01T09:30:05+07:00",
        "20x0-12-01T09:30:05",
        "2020-12-01T09:30:05.",
        "０２０-12-01T09:30:05",
    ] {
        assert_eq!(parse_local(bad), None, "{bad}");
    }
}
