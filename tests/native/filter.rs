//! Native tests of `core::filter`: archive paths, filter URLs, headings and matching.

use chrono::{DateTime, FixedOffset, NaiveDate};
use proptest::prelude::*;
use vestnik::core::filter::*;
use vestnik::core::i18n::Lang;
use vestnik::core::model::{rubric_title, NewsItem, Rubric, YearMonth};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn item(title: &str, summary: &str, published: &str, rubric: &str) -> NewsItem {
    NewsItem {
        id: "1".into(),
        title: title.into(),
        published: DateTime::parse_from_rfc3339(published).unwrap(),
        summary: summary.into(),
        thumbnail: None,
        rubrics: vec![Rubric {
            id: rubric.into(),
            title: rubric.into(),
        }],
    }
}

fn kemerovo() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap()
}

#[test]
fn archive_paths_parse_real_dates_only() {
    assert_eq!(
        Period::from_path("2020", None, None),
        Some(Period::Year(2020))
    );
    assert_eq!(
        Period::from_path("2020", Some("12"), None),
        Some(Period::Month(YearMonth {
            year: 2020,
            month: 12
        }))
    );
    assert_eq!(
        Period::from_path("2020", Some("12"), Some("01")),
        Some(Period::Day(d(2020, 12, 1)))
    );
    assert_eq!(
        Period::from_path("2020", Some("2"), Some("29")),
        Some(Period::Day(d(2020, 2, 29)))
    );
    for (y, m, day) in [
        ("2020", Some("13"), Some("45")),
        ("2021", Some("02"), Some("29")),
        ("2020", Some("00"), None),
        ("20a0", None, None),
        ("1899", None, None),
        ("2101", None, None),
        ("-2020", None, None),
        ("99999999999", None, None),
        ("2020", Some("1 "), None),
        ("2020", Some("12"), Some("0")),
        ("2020", Some("+1"), None),
        ("", None, None),
    ] {
        assert_eq!(Period::from_path(y, m, day), None, "{y} {m:?} {day:?}");
    }
}

#[test]
fn app_paths_name_their_period() {
    assert_eq!(Period::from_route("/"), Some(Period::All));
    assert_eq!(Period::from_route("/news"), Some(Period::All));
    assert_eq!(
        Period::from_route("/news/archive/2020/12/01"),
        Some(Period::Day(d(2020, 12, 1)))
    );
    assert_eq!(
        Period::from_route("/news/archive/2020/12/"),
        Some(Period::Month(YearMonth {
            year: 2020,
            month: 12
        }))
    );
    assert_eq!(
        Period::from_route("/news/archive/2020"),
        Some(Period::Year(2020))
    );
    assert_eq!(Period::from_route("/news/archive/2020/13/45"), None);
    assert_eq!(Period::from_route("/news/archive/2020/12/01/extra"), None);
    assert_eq!(Period::from_route("/news/archive"), None);
    assert_eq!(
        Period::from_route("news/archive/2020/12/01"),
        Some(Period::Day(d(2020, 12, 1))),
        "app paths have no leading slash"
    );
    assert_eq!(Period::from_route("news/archived"), Some(Period::All));
    assert_eq!(
        Period::Year(2020).month(),
        Some(YearMonth {
            year: 2020,
            month: 12
        })
    );
    assert_eq!(Period::Day(d(2020, 12, 1)).day(), Some(d(2020, 12, 1)));
}

#[test]
fn periods_write_their_paths_and_phrases() {
    assert_eq!(Period::All.path(), "news");
    assert_eq!(Period::Year(2020).path(), "news/archive/2020");
    assert_eq!(
        Period::Month(YearMonth {
            year: 2020,
            month: 1
        })
        .path(),
        "news/archive/2020/01"
    );
    assert_eq!(
        Period::Day(d(2020, 12, 1)).path(),
        "news/archive/2020/12/01"
    );
    assert_eq!(Period::Year(2020).phrase(Lang::Ru), "за 2020 год");
    assert_eq!(Period::Year(2020).phrase(Lang::En), "for 2020");
    assert_eq!(
        Period::Month(YearMonth {
            year: 2020,
            month: 12
        })
        .phrase(Lang::Ru),
        "за декабрь 2020"
    );
    assert_eq!(
        Period::Month(YearMonth {
            year: 2020,
            month: 12
        })
        .phrase(Lang::En),
        "for December 2020"
    );
    assert_eq!(
        Period::Day(d(2020, 12, 1)).phrase(Lang::Ru),
        "за 1 декабря 2020"
    );
    assert_eq!(
        Period::Day(d(2020, 12, 1)).phrase(Lang::En),
        "for 1 December 2020"
    );
    assert_eq!(Period::All.phrase(Lang::En), "");
    assert_eq!(
        Period::Month(YearMonth {
            year: 2020,
            month: 2
        })
        .days(),
        Some((d(2020, 2, 1), d(2020, 2, 29)))
    );
}

#[test]
fn filters_write_shareable_urls() {
    let f = Filter::new(
        Period::Day(d(2020, 12, 1)),
        Some("sport"),
        Some("  турнир   по  футболу "),
    );
    assert_eq!(f.query.as_deref(), Some("турнир по футболу"));
    assert_eq!(
        f.href(2),
        "news/archive/2020/12/01?q=%D1%82%D1%83%D1%80%D0%BD%D0%B8%D1%80%20%D0%BF%D0%BE%20%D1%84%D1%83%D1%82%D0%B1%D0%BE%D0%BB%D1%83&rubric=sport&page=2"
    );
    assert_eq!(
        Filter::new(Period::All, Some(""), Some("  ")).href(1),
        "news"
    );
    assert!(Filter::new(Period::All, Some(" "), Some("")).is_empty());
    assert_eq!(
        Filter::new(Period::All, Some("a&b"), None).href(3),
        "news?rubric=a%26b&page=3"
    );
}

#[test]
fn long_queries_are_cut_at_a_character() {
    let long = "ё".repeat(10_000);
    let f = Filter::new(Period::All, None, Some(&long));
    assert_eq!(f.query.unwrap().chars().count(), MAX_QUERY_CHARS);
}

#[test]
fn matching_uses_the_site_clock_rubrics_and_every_word() {
    let it = item(
        "Турнир по мини-футболу в ИК-40",
        "Осуждённые сыграли",
        "2020-11-30T20:00:00+03:00",
        "sport",
    );
    let day = |y, m, dd| Filter::new(Period::Day(d(y, m, dd)), None, None);
    assert!(
        day(2020, 12, 1).matches(&it, kemerovo()),
        "Moscow evening is Kemerovo's next day"
    );
    assert!(!day(2020, 11, 30).matches(&it, kemerovo()));
    assert!(Filter::new(Period::Year(2020), Some("sport"), None).matches(&it, kemerovo()));
    assert!(!Filter::new(Period::All, Some("health"), None).matches(&it, kemerovo()));
    assert!(
        Filter::new(Period::All, None, Some("ТУРНИР осужденные")).matches(&it, kemerovo()),
        "case and ё"
    );
    assert!(!Filter::new(Period::All, None, Some("турнир волейбол")).matches(&it, kemerovo()));
    assert!(Filter::default().matches(&it, kemerovo()));
}

#[test]
fn a_static_index_is_filtered_and_paged_here() {
    let items: Vec<NewsItem> = (1..=25)
        .map(|i| {
            item(
                &format!("Турнир {i}"),
                "",
                &format!("2020-12-{:02}T10:00:00+07:00", i),
                if i % 2 == 0 { "sport" } else { "health" },
            )
        })
        .collect();
    let sport = Filter::new(Period::All, Some("sport"), None);
    let first = filtered_page(&items, &sport, kemerovo(), 1, 10).unwrap();
    assert_eq!(
        (first.page, first.pages, first.total, first.items.len()),
        (1, 2, 12, 10)
    );
    let second = filtered_page(&items, &sport, kemerovo(), 2, 10).unwrap();
    assert_eq!(second.items.len(), 2);
    assert!(filtered_page(&items, &sport, kemerovo(), 3, 10).is_none());
    let none = Filter::new(Period::All, None, Some("волейбол"));
    let empty = filtered_page(&items, &none, kemerovo(), 1, 10).unwrap();
    assert_eq!(
        (empty.pages, empty.total),
        (1, 0),
        "no match is an empty first page, not an error"
    );
}

proptest! {
    #[test]
    fn arbitrary_paths_never_panic(y in "\\PC{0,12}", m in proptest::option::of("\\PC{0,4}"), dd in proptest::option::of("\\PC{0,4}")) {
        if let Some(p) = Period::from_path(&y, m.as_deref(), dd.as_deref()) {
            // Whatever parses writes a path that parses back to the same period.
            let path = p.path();
            let parts: Vec<&str> = path.trim_start_matches("news/archive/").split('/').collect();
            prop_assert_eq!(Period::from_path(parts[0], parts.get(1).copied(), parts.get(2).copied()), Some(p));
        }
    }

    #[test]
    fn arbitrary_queries_stay_bounded(q in "\\PC{0,400}", r in "\\PC{0,200}") {
        let f = Filter::new(Period::All, Some(&r), Some(&q));
        if let Some(q) = &f.query {
            prop_assert!(q.chars().count() <= MAX_QUERY_CHARS);
            prop_assert_eq!(q.trim(), q.as_str());
        }
        let _ = f.href(1);
    }
}

#[test]
fn a_rubric_is_named_by_the_site_or_else_by_its_id() {
    let rubrics = vec![Rubric {
        id: "sport".into(),
        title: "Спорт".into(),
    }];
    assert_eq!(rubric_title(&rubrics, "sport"), "Спорт");
    assert_eq!(rubric_title(&rubrics, "gone"), "gone");
}
