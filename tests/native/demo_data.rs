//! The demo backend in public/ decodes with the app's own decoders, and its files agree
//! with each other (pages ↔ articles ↔ calendar ↔ archive). The seed article carries
//! the facts of the page Vestnik replaces.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::Datelike;
use vestnik::api::decode;
use vestnik::api::vestnik::Contract;
use vestnik::core::dates;

fn public() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public")
}

fn read(rel: &str) -> Vec<u8> {
    let path = public().join(rel);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn config() -> Contract {
    Contract::from_json(&read("config.json")).unwrap()
}

/// The demo files as the app would request them: URLs from config.json's templates.
fn api(url: &str) -> Vec<u8> {
    read(url)
}

#[test]
fn config_points_at_the_bundled_demo() {
    let config = config();
    assert_eq!(config.api_base, "api/");
    assert_eq!(config.site_url(), "api/site.json");
    assert_eq!(config.news_page_url(2, 10), "api/news/page/2.json");
    assert_eq!(config.article_url("10560"), "api/news/10560.json");
    assert_eq!(
        config.calendar_month_url(2020, 1).as_deref(),
        Some("api/calendar/2020/01.json")
    );
}

#[test]
fn site_config_has_the_seed_pages_sidebar() {
    let site = decode::site(&api(&config().site_url()), "api/").unwrap();
    assert_eq!(site.utc_offset.local_minus_utc(), 7 * 3600);
    let titles: Vec<&str> = site
        .sidebar
        .iter()
        .flat_map(|g| &g.links)
        .map(|l| l.title.as_str())
        .collect();
    for expected in [
        "Интернет-приёмная",
        "Розыск осуждённых",
        "Территориальные органы ФСИН России",
        "Решаем вместе",
    ] {
        assert!(
            titles.contains(&expected),
            "sidebar lacks {expected}: {titles:?}"
        );
    }
    assert_eq!(site.logo.unwrap().src, "api/media/emblem.svg");
}

#[test]
fn every_page_decodes_and_every_item_has_its_article() {
    let config = config();
    let first = decode::news_page(&api(&config.news_page_url(1, 10)), &config.api_base).unwrap();
    assert!(
        first.total >= 151,
        "at least 150 news besides the seed, got {}",
        first.total
    );
    let mut seen = 0;
    let mut previous = None;
    for n in 1..=first.pages {
        let page = decode::news_page(&api(&config.news_page_url(n, 10)), &config.api_base).unwrap();
        assert_eq!(
            (page.page, page.pages, page.total),
            (n, first.pages, first.total)
        );
        for item in &page.items {
            if let Some(prev) = previous {
                assert!(item.published <= prev, "pages are newest first");
            }
            previous = Some(item.published);
            let article =
                decode::article(&api(&config.article_url(&item.id)), &config.api_base).unwrap();
            assert_eq!(
                (&article.title, article.published),
                (&item.title, item.published)
            );
            for photo in &article.gallery {
                let file = public().join(&photo.src);
                assert!(file.is_file(), "missing photo {}", file.display());
                assert!(photo.width > 0 && photo.height > 0 && !photo.alt.is_empty());
            }
            if let Some(thumb) = &item.thumbnail {
                assert!(
                    public().join(&thumb.src).is_file(),
                    "missing thumbnail {}",
                    thumb.src
                );
            }
        }
        seen += page.items.len();
    }
    assert_eq!(seen as u32, first.total);
}

#[test]
fn the_search_index_lists_every_page_in_order() {
    let config = config();
    let index =
        decode::news_index(&api(&config.news_index_url().unwrap()), &config.api_base).unwrap();
    let first = decode::news_page(&api(&config.news_page_url(1, 10)), &config.api_base).unwrap();
    let paged: Vec<_> = (1..=first.pages)
        .flat_map(|n| {
            decode::news_page(&api(&config.news_page_url(n, 10)), &config.api_base)
                .unwrap()
                .items
        })
        .collect();
    assert_eq!(index, paged);
}

#[test]
fn calendar_and_archive_count_the_same_news_as_the_feed() {
    let config = config();
    let site = decode::site(&api(&config.site_url()), "api/").unwrap();
    let first = decode::news_page(&api(&config.news_page_url(1, 10)), "api/").unwrap();
    let mut per_day: BTreeMap<(i32, u32, u32), u32> = BTreeMap::new();
    for n in 1..=first.pages {
        for item in decode::news_page(&api(&config.news_page_url(n, 10)), "api/")
            .unwrap()
            .items
        {
            let local = dates::in_site_zone(item.published, site.utc_offset);
            *per_day
                .entry((local.year(), local.month(), local.day()))
                .or_default() += 1;
        }
    }
    let archive = decode::archive(&api(&config.archive_url().unwrap())).unwrap();
    let months_total: u32 = archive.months.iter().map(|m| m.count).sum();
    assert_eq!(months_total, first.total);
    let (mut y, mut m) = (archive.first.year, archive.first.month);
    let mut empty_months = 0;
    while (y, m) <= (archive.last.year, archive.last.month) {
        let month =
            decode::calendar_month(&api(&config.calendar_month_url(y, m).unwrap())).unwrap();
        assert_eq!(
            (month.year, month.month, month.first, month.last),
            (y, m, archive.first, archive.last)
        );
        let listed: u32 = month.days.iter().map(|d| d.count).sum();
        let expected: u32 = per_day.range((y, m, 1)..=(y, m, 31)).map(|(_, c)| c).sum();
        assert_eq!(listed, expected, "{y}-{m:02}");
        for day in &month.days {
            assert_eq!(
                per_day.get(&(y, m, day.day)),
                Some(&day.count),
                "{y}-{m:02}-{:02}",
                day.day
            );
        }
        empty_months += usize::from(listed == 0);
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    assert!(empty_months >= 3, "the demo has some empty months");
    assert!(
        per_day.values().any(|&c| c >= 3),
        "the demo has days with several news"
    );
    assert!(
        (2020..=2024).all(|year| per_day.keys().any(|k| k.0 == year)),
        "news in every year 2020–2024"
    );
}

#[test]
fn the_seed_article_tells_the_seed_pages_facts() {
    let config = config();
    let site = decode::site(&api(&config.site_url()), "api/").unwrap();
    let seed = fs::read_dir(public().join("api/news"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| decode::article(&fs::read(e.path()).unwrap(), "api/").unwrap())
        .find(|a| a.body_html.contains("280 контрактов"))
        .expect("the seed article");
    assert!(seed.title.contains("ГУФСИН"));
    assert_eq!(
        dates::long_date(dates::in_site_zone(seed.published, site.utc_offset).date_naive()),
        "1 декабря 2020"
    );
    assert_eq!(
        dates::numeric_date_time(seed.updated.unwrap(), site.utc_offset),
        "01.12.2020 09:56"
    );
    for fact in [
        "143 миллиона рублей",
        "295 осуждённых",
        "13 контрактов",
        "7 миллионов рублей",
    ] {
        assert!(seed.body_html.contains(fact), "seed body lacks «{fact}»");
    }
    assert_eq!(seed.gallery.len(), 4);
    assert!(seed.gallery.iter().all(|p| p.alt == seed.title));
    assert_eq!(
        seed.signature.as_deref(),
        Some("Пресс-служба ГУФСИН России по Кемеровской области-Кузбассу")
    );
}
