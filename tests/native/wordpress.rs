//! The WordPress adapter's URLs and mapping, against fixtures shaped like real
//! `/wp-json/` responses (tests/fixtures/wordpress).

use chrono::{FixedOffset, NaiveDate};
use vestnik::api::wordpress::{self, Urls};
use vestnik::core::filter::{Filter, Period};
use vestnik::core::model::YearMonth;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/wordpress/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// One post as `/wp/v2/posts/<id>?_embed` returns it.
fn post_bytes(id: u64) -> Vec<u8> {
    let all: Vec<serde_json::Value> = serde_json::from_slice(&fixture("posts.json")).unwrap();
    let post = all.into_iter().find(|p| p["id"] == id).unwrap();
    serde_json::to_vec(&post).unwrap()
}

const PLUS7: FixedOffset = match FixedOffset::east_opt(7 * 3600) {
    Some(o) => o,
    None => panic!(),
};

#[test]
fn urls_follow_the_rest_api() {
    let u = Urls::new("https://press.example/wp-json").unwrap();
    assert_eq!(
        u.posts(&Filter::default(), 2, 10),
        "https://press.example/wp-json/wp/v2/posts?_embed=wp%3Afeaturedmedia%2Cwp%3Aterm&page=2&per_page=10"
    );
    let day = Period::Day(NaiveDate::from_ymd_opt(2020, 12, 1).unwrap());
    let f = Filter::new(day, Some("3"), Some("итоги года"));
    assert_eq!(
        u.posts(&f, 1, 500),
        "https://press.example/wp-json/wp/v2/posts?_embed=wp%3Afeaturedmedia%2Cwp%3Aterm&page=1&per_page=100\
         &search=%D0%B8%D1%82%D0%BE%D0%B3%D0%B8%20%D0%B3%D0%BE%D0%B4%D0%B0&categories=3\
         &after=2020-11-30T23%3A59%3A59&before=2020-12-02T00%3A00%3A00"
    );
    assert_eq!(
        u.post("212"),
        "https://press.example/wp-json/wp/v2/posts/212?_embed=wp%3Afeaturedmedia%2Cwp%3Aterm"
    );
    let month = Period::Month(YearMonth {
        year: 2020,
        month: 2,
    })
    .days();
    assert_eq!(
        u.dates(month, 3),
        "https://press.example/wp-json/wp/v2/posts?_fields=date&per_page=100&page=3&after=2020-01-31T23%3A59%3A59&before=2020-03-01T00%3A00%3A00"
    );
    assert!(Urls::new("javascript:alert(1)").is_err());
    assert!(Urls::new("  ").is_err());
}

#[test]
fn site_comes_from_the_index() {
    let site = wordpress::site(&fixture("index.json")).unwrap();
    assert_eq!(site.name, "УФСИН России по Энской области — пресс-служба");
    assert_eq!(site.description.as_deref(), Some("Новости «УФСИН» региона"));
    assert_eq!(site.utc_offset, PLUS7);
    assert_eq!(site.home_url.as_deref(), Some("https://press.example"));
    assert_eq!(site.logo, None, "an empty site_icon_url is no logo");
    let with_icon =
        wordpress::site(br#"{"name":"n","site_icon_url":"https://p.example/icon.png"}"#).unwrap();
    assert_eq!(
        with_icon.logo.map(|l| (l.src, l.width)),
        Some(("https://p.example/icon.png".to_owned(), 512))
    );
    // Half-hour offsets, strings, nonsense.
    let with = |o: &str| {
        wordpress::site(format!(r#"{{"name":"n","gmt_offset":{o}}}"#).as_bytes())
            .unwrap()
            .utc_offset
    };
    assert_eq!(with("5.5"), FixedOffset::east_opt(19_800).unwrap());
    assert_eq!(with("\"-3\""), FixedOffset::west_opt(10_800).unwrap());
    assert_eq!(
        with("99"),
        FixedOffset::east_opt(3 * 3600).unwrap(),
        "out of range: Moscow"
    );
    assert!(wordpress::site(b"[]").is_err());
}

#[test]
fn categories_become_rubrics() {
    let rubrics = wordpress::rubrics(&fixture("categories.json")).unwrap();
    let titles: Vec<(&str, &str)> = rubrics
        .iter()
        .map(|r| (r.id.as_str(), r.title.as_str()))
        .collect();
    assert!(titles.contains(&("3", "Сотрудничество")));
    assert!(
        titles.contains(&("6", "Здоровье & профилактика")),
        "entities decoded: {titles:?}"
    );
}

#[test]
fn posts_become_previews() {
    let items = wordpress::posts(&fixture("posts.json"), PLUS7).unwrap();
    assert_eq!(items.len(), 14);
    let first = &items[0];
    assert_eq!(first.id, "212");
    assert_eq!(
        first.title,
        "«Кузбасс» & ГУФСИН: итоги года — 280 контрактов"
    );
    assert_eq!(
        first.published.to_rfc3339(),
        "2020-12-08T08:10:00+00:00",
        "date_gmt is UTC"
    );
    assert_eq!(
        first.summary,
        "Муниципалитеты заключили с учреждениями 280 контрактов на\u{a0}143 миллиона рублей…"
    );
    let thumb = first.thumbnail.as_ref().unwrap();
    assert_eq!(
        thumb.src,
        "https://press.example/wp-content/uploads/2020/12/meeting-4.webp"
    );
    assert_eq!((thumb.width, thumb.height), (1200, 800));
    let mut widths: Vec<u32> = thumb.sizes.iter().map(|r| r.width).collect();
    widths.sort_unstable();
    assert_eq!(widths, vec![150, 480, 1200]);
    assert_eq!(first.rubrics[0].title, "Сотрудничество");
    // No featured media, and featured media the reader may not see (an error object).
    let by_id = |id: &str| items.iter().find(|i| i.id == id).unwrap();
    assert!(by_id("211").thumbnail.is_none());
    assert!(by_id("209").thumbnail.is_none());
    assert_eq!(
        by_id("209").title,
        "День открытых дверей: “Служба в УФСИН” для студентов"
    );
    assert_eq!(
        by_id("211").summary,
        "В спортзале управления прошёл турнир по мини-футболу."
    );
}

#[test]
fn a_post_becomes_an_article_with_its_gallery() {
    let a = wordpress::post(&post_bytes(212), PLUS7).unwrap();
    assert_eq!(a.title, "«Кузбасс» & ГУФСИН: итоги года — 280 контрактов");
    assert!(a.updated.is_some_and(|u| u > a.published));
    // Featured image first, then the gallery block's photos.
    let photos: Vec<(&str, Option<&str>)> = a
        .gallery
        .iter()
        .map(|g| (g.src.rsplit('/').next().unwrap(), g.caption.as_deref()))
        .collect();
    assert_eq!(
        photos,
        vec![
            ("meeting-4.webp", None),
            ("meeting-1-1024x683.webp", Some("Совещание в администрации")),
            ("meeting-2-1024x683.webp", Some("Доклад об итогах года")),
            ("meeting-3-1024x683.webp", None),
        ]
    );
    assert!(
        !a.body_html.contains("wp-block-gallery"),
        "the gallery left the body"
    );
    assert!(a.body_html.contains("280 контрактов") && a.body_html.contains("продолжится"));

    let classic = wordpress::post(&post_bytes(211), PLUS7).unwrap();
    assert_eq!(classic.gallery.len(), 2);
    assert_eq!(
        classic.gallery[1].caption.as_deref(),
        Some("Победители турнира")
    );
    assert!(!classic.body_html.contains("gallery-item"));

    // A lone image in the body stays in the body.
    let plain = wordpress::post(&post_bytes(208), PLUS7).unwrap();
    assert!(plain.gallery.is_empty() && plain.body_html.contains("<img"));

    // The featured image also in the gallery (another size of the same upload) is shown once.
    let body = serde_json::json!({
        "id": 5, "date_gmt": "2020-01-01T00:00:00", "title": {"rendered": "t"},
        "content": {"rendered": "<figure class=\"wp-block-gallery\"><img width=\"10\" height=\"10\" src=\"https://x/u/a-300x200.jpg\"></figure>"},
        "_embedded": {"wp:featuredmedia": [{"source_url": "https://x/u/a.jpg", "media_details": {"width": 30, "height": 20}}]}
    });
    assert_eq!(
        wordpress::post(&serde_json::to_vec(&body).unwrap(), PLUS7)
            .unwrap()
            .gallery
            .len(),
        1
    );
}

#[test]
fn missing_parts_never_break_a_post() {
    // Only the id and a date: the title is required, so this is a clear error.
    assert!(wordpress::post(br#"{"id":1,"date_gmt":"2020-01-01T00:00:00"}"#, PLUS7).is_err());
    // Local date only (no date_gmt): read on the site's clock.
    let a = wordpress::post(
        br#"{"id":1,"date":"2020-01-01T10:00:00","title":{"rendered":"T"}}"#,
        PLUS7,
    )
    .unwrap();
    assert_eq!(a.published.to_rfc3339(), "2020-01-01T10:00:00+07:00");
    // A list with a post missing its date keeps the others.
    let list = br#"[{"id":1,"title":{"rendered":"no date"}},{"id":2,"date_gmt":"2020-01-01T00:00:00","title":{"rendered":"ok"}}]"#;
    assert_eq!(wordpress::posts(list, PLUS7).unwrap().len(), 1);
    assert!(wordpress::posts(b"<html>", PLUS7).is_err());
}

#[test]
fn dates_make_the_archive_and_calendar() {
    let dates: Vec<serde_json::Value> =
        serde_json::from_slice::<Vec<serde_json::Value>>(&fixture("posts.json"))
            .unwrap()
            .into_iter()
            .map(|p| serde_json::json!({"date": p["date"]}))
            .collect();
    let days = wordpress::days(&serde_json::to_vec(&dates).unwrap()).unwrap();
    assert_eq!(days.len(), 14);
    let archive = vestnik::core::calendar::archive_of(&days, None).unwrap();
    assert_eq!(
        (archive.first, archive.last),
        (
            YearMonth {
                year: 2020,
                month: 10
            },
            YearMonth {
                year: 2020,
                month: 12
            }
        )
    );
    let counts: Vec<(u32, u32)> = archive.months.iter().map(|m| (m.month, m.count)).collect();
    assert_eq!(counts, vec![(12, 6), (11, 6), (10, 2)]);
    let december = wordpress::month_of(
        &days,
        YearMonth {
            year: 2020,
            month: 12,
        },
        &archive,
    );
    let dec: Vec<(u32, u32)> = december.days.iter().map(|d| (d.day, d.count)).collect();
    assert_eq!(dec, vec![(1, 1), (3, 1), (4, 1), (7, 2), (8, 1)]);
    assert_eq!(
        wordpress::totals(Some(" 14 "), Some("2")),
        (Some(14), Some(2))
    );
    assert_eq!(wordpress::totals(Some("x"), None), (None, None));
}

#[test]
fn paging_without_headers_still_pages() {
    let items = wordpress::posts(&fixture("posts.json"), PLUS7).unwrap();
    let ten: Vec<_> = items.iter().take(10).cloned().collect();
    let with = wordpress::news_page(ten.clone(), 1, 10, (Some(14), Some(2)));
    assert_eq!((with.pages, with.total, with.searched), (2, 14, None));
    // No headers: a full page offers a next one, and the count is "at least".
    let without = wordpress::news_page(ten, 2, 10, (None, None));
    assert_eq!(
        (without.pages, without.total, without.searched),
        (3, 20, Some(20))
    );
    let last = wordpress::news_page(items[10..].to_vec(), 2, 10, (None, Some(2)));
    assert_eq!((last.pages, last.total, last.searched), (2, 14, None));
}
