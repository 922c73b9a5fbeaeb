//! The JSON Feed adapter against fixtures (tests/fixtures/jsonfeed: 1.1, 1.0, 1.1 pages).

use chrono::FixedOffset;
use vestnik::api::jsonfeed::{self, Loaded};
use vestnik::api::View;
use vestnik::core::filter::{Filter, Period};
use vestnik::core::model::YearMonth;

const URL: &str = "https://press.example/feed/feed.json";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/jsonfeed/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn all_pages() -> Loaded {
    let mut loaded = Loaded::default();
    let mut url = URL.to_owned();
    loop {
        let name = url.rsplit('/').next().unwrap().to_owned();
        let page = jsonfeed::page(&fixture(&name), &url).unwrap();
        loaded.entries.extend(page.entries);
        match page.next_url {
            Some(next) => url = next,
            None => break,
        }
    }
    loaded
}

fn view() -> View {
    View {
        per_page: 10,
        utc_offset: FixedOffset::east_opt(7 * 3600).unwrap(),
    }
}

#[test]
fn a_1_1_page_maps_to_the_model() {
    let page = jsonfeed::page(&fixture("feed.json"), URL).unwrap();
    assert_eq!(
        page.site.name,
        "Пресс-служба УФСИН России по Энской области"
    );
    assert_eq!(page.site.lang, "ru-RU");
    assert_eq!(
        page.next_url.as_deref(),
        Some("https://press.example/feed/feed-2.json"),
        "relative next_url resolved"
    );
    assert_eq!(page.entries.len(), 12);

    let first = &page.entries[0].article;
    assert_eq!(first.id, "https://press.example/2021/12/20/vystavka");
    assert_eq!(
        first.signature.as_deref(),
        Some("Пресс-служба УФСИН по Энской области"),
        "_vestnik.signature"
    );
    assert_eq!(first.gallery.len(), 3, "_vestnik.gallery");
    assert_eq!(
        first.gallery[0].caption.as_deref(),
        Some("Резьба по дереву")
    );
    assert_eq!(first.rubrics[0].id, "Культура");
    assert!(page.entries[0].thumbnail.is_some());

    let chess = &page.entries[1].article;
    assert_eq!(
        chess.published.to_rfc3339(),
        "2021-12-17T15:30:12.500+07:00",
        "fractional seconds"
    );
    assert_eq!(chess.signature.as_deref(), Some("Анна Петрова"), "authors");
    let gallery: Vec<&str> = chess
        .gallery
        .iter()
        .map(|g| g.caption.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        gallery,
        vec!["Партия в финале", "Победитель турнира"],
        "image attachments only"
    );
    assert_eq!(
        page.entries[1].thumbnail.as_ref().map(|t| t.src.as_str()),
        Some("https://press.example/media/photo-14.webp")
    );

    let text_only = &page.entries[2].article;
    assert_eq!(
        text_only.title, "Приём граждан & консультации юристов",
        "titles are plain text"
    );
    assert!(text_only.body_html.starts_with("<p>Юристы"));
    assert!(
        text_only.body_html.contains("&lt;принимаются&gt;"),
        "content_text is escaped"
    );

    let note = &page.entries[3].article;
    assert_eq!(
        note.title, "Коротко: в СИЗО-1 заработала электронная очередь для передач.",
        "a title-less note"
    );
}

#[test]
fn a_1_0_page_is_read_too() {
    let page = jsonfeed::page(
        &fixture("feed-2.json"),
        "https://press.example/feed/feed-2.json",
    )
    .unwrap();
    assert_eq!(page.entries.len(), 8);
    assert_eq!(
        page.entries[0].article.id, "3089",
        "numeric ids of 1.0 feeds"
    );
    assert_eq!(
        page.entries[0].article.signature.as_deref(),
        Some("Пресс-служба"),
        "1.0 author"
    );
    assert_eq!(page.site.lang, "ru");
}

#[test]
fn wrong_feeds_are_errors_and_bad_items_are_skipped() {
    assert!(jsonfeed::page(br#"{"version":"https://example/rss","items":[]}"#, URL).is_err());
    assert!(jsonfeed::page(br#"{"items":[]}"#, URL).is_err());
    assert!(jsonfeed::page(b"<!doctype html>", URL).is_err());
    let page = jsonfeed::page(
        br#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
            {"id":"no-date","title":"x"},
            {"id":"","title":"empty id","date_published":"2021-01-01T00:00:00Z"},
            {"id":"nothing","date_published":"2021-01-01T00:00:00Z"},
            {"id":"ok","title":"ok","date_published":"2021-01-01T00:00:00Z","image":"javascript:alert(1)","next_url":"x"}]}"#,
        URL,
    )
    .unwrap();
    let ids: Vec<&str> = page.entries.iter().map(|e| e.article.id.as_str()).collect();
    assert_eq!(ids, vec!["ok"]);
    assert!(page.entries[0].thumbnail.is_none(), "unsafe image dropped");
}

#[test]
fn search_filters_and_calendar_work_over_loaded_items() {
    let all = all_pages();
    assert_eq!(all.entries.len(), 24);
    let page = all.news(&Filter::default(), 3, view()).unwrap();
    assert_eq!(
        (page.page, page.pages, page.total, page.items.len()),
        (3, 3, 24, 4)
    );
    assert_eq!(page.searched, None, "everything was read");

    let sport = all
        .news(&Filter::new(Period::All, Some("Спорт"), None), 1, view())
        .unwrap();
    assert_eq!(sport.total, 6);
    let found = all
        .news(&Filter::new(Period::All, None, Some("шахматам")), 1, view())
        .unwrap();
    assert_eq!(found.items[0].id, "3100");
    let day = Period::from_path("2021", Some("12"), Some("08")).unwrap();
    // 10:30 at +03:00 is 14:30 on the site's +07:00 clock: still the 8th.
    assert_eq!(
        all.news(&Filter::new(day, None, None), 1, view())
            .unwrap()
            .total,
        1
    );

    let archive = all.archive(view().utc_offset).unwrap();
    assert_eq!(
        (archive.first, archive.last),
        (
            YearMonth {
                year: 2021,
                month: 10
            },
            YearMonth {
                year: 2021,
                month: 12
            }
        )
    );
    let dec = all
        .month(
            YearMonth {
                year: 2021,
                month: 12,
            },
            view().utc_offset,
        )
        .unwrap();
    assert_eq!(dec.days.iter().map(|d| d.count).sum::<u32>(), 9);
    // The 15th at 09:00Z is 16:00 on the site's clock.
    assert!(dec.days.iter().any(|d| d.day == 15));
}

#[test]
fn a_partial_read_says_so() {
    // Read as far as the first page needed; the feed goes on.
    let first = Loaded {
        entries: jsonfeed::page(&fixture("feed.json"), URL).unwrap().entries,
        more: true,
        bounded: false,
    };
    assert_eq!(
        first.news(&Filter::default(), 2, view()).unwrap().pages,
        3,
        "another page exists beyond"
    );
    assert_eq!(
        first.news(&Filter::default(), 1, view()).unwrap().searched,
        Some(12),
        "a count of at least 12"
    );
    // Stopped at `max_pages`: results say they are partial, and offer no page they cannot fill.
    let bounded = Loaded {
        bounded: true,
        ..first
    };
    let result = bounded
        .news(&Filter::new(Period::All, Some("Спорт"), None), 1, view())
        .unwrap();
    assert_eq!((result.searched, result.pages), (Some(12), 1));
    assert_eq!(
        bounded.news(&Filter::default(), 2, view()).unwrap().pages,
        2
    );
    assert_eq!(
        bounded.archive(view().utc_offset).unwrap().searched,
        Some(12)
    );
}
