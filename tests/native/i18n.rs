//! Native tests of `core::i18n` and the English forms in `core::dates`: the catalogue is
//! complete by construction (a missing phrase does not compile); these check its content.

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;
use vestnik::core::dates::{long_date_in, long_date_time_in, month_name_in, parse_utc_offset};
use vestnik::core::i18n::{content_lang, language_tag, switch_href, Lang, EN, RU};

fn cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

#[test]
fn english_catalogue_has_no_russian_left_in_it_and_no_empty_phrase() {
    let en = format!("{EN:?}");
    assert!(
        !cyrillic(&en),
        "Russian text in the English catalogue: {en}"
    );
    assert!(!en.contains(": \"\""), "an empty English phrase: {en}");
    let ru = format!("{RU:?}");
    assert!(!ru.contains(": \"\""), "an empty Russian phrase: {ru}");
    assert_ne!(en, ru);
}

#[test]
fn language_codes() {
    assert_eq!(Lang::from_code("en"), Lang::En);
    assert_eq!(Lang::from_code(" EN-gb "), Lang::En);
    assert_eq!(Lang::from_code("ru"), Lang::Ru);
    assert_eq!(Lang::from_code(""), Lang::Ru);
    assert_eq!(Lang::from_code("de"), Lang::Ru);
    assert_eq!(Lang::default(), Lang::Ru);
    assert_eq!(Lang::En.code(), "en");
    assert_eq!(Lang::En.endonym(), "English");
    assert_eq!(Lang::Ru.endonym(), "Русский");
}

#[test]
fn english_dates() {
    let day = NaiveDate::from_ymd_opt(2020, 12, 1).unwrap();
    assert_eq!(long_date_in(Lang::En, day), "1 December 2020");
    assert_eq!(long_date_in(Lang::Ru, day), "1 декабря 2020");
    assert_eq!(month_name_in(Lang::En, 5), "May");
    assert_eq!(month_name_in(Lang::Ru, 5), "Май");
    assert_eq!(month_name_in(Lang::En, 13), "");
    let moment = DateTime::parse_from_rfc3339("2020-12-01T02:30:00Z").unwrap();
    let site = parse_utc_offset("+07:00").unwrap();
    assert_eq!(
        long_date_time_in(Lang::En, moment, site),
        "1 December 2020, 09:30"
    );
}

#[test]
fn english_plurals() {
    assert_eq!(Lang::En.news_count(0), "0 news items");
    assert_eq!(Lang::En.news_count(1), "1 news item");
    assert_eq!(Lang::En.news_count(21), "21 news items");
    assert_eq!(Lang::Ru.news_count(21), "21 новость");
    assert_eq!(Lang::En.photo_count(1), "1 photo");
    assert_eq!(Lang::En.photo_count(4), "4 photos");
    assert_eq!(Lang::Ru.photo_count(4), "4 фотографии");
    assert_eq!(Lang::En.total(157), "157 news items in all");
    assert_eq!(Lang::Ru.found(3), "Найдено: 3 новости");
}

#[test]
fn storage_sizes_read_naturally() {
    const MB: f64 = 1024.0 * 1024.0;
    assert_eq!(
        Lang::Ru.storage_used(3.24 * MB),
        "Сайт хранит здесь 3,2 МБ."
    );
    assert_eq!(
        Lang::En.storage_used(3.25 * MB),
        "The site stores 3.3 MB here."
    );
    assert_eq!(Lang::Ru.storage_used(0.0), "Сайт хранит здесь 0,0 МБ.");
    assert_eq!(Lang::Ru.storage_used(9.96 * MB), "Сайт хранит здесь 10 МБ.");
    assert_eq!(Lang::Ru.storage_used(48.6 * MB), "Сайт хранит здесь 49 МБ.");
    // What the browser reports is untrusted too.
    assert_eq!(Lang::Ru.storage_used(f64::NAN), "Сайт хранит здесь 0,0 МБ.");
    assert_eq!(Lang::Ru.storage_used(-5.0), "Сайт хранит здесь 0,0 МБ.");
}

#[test]
fn english_labels() {
    assert_eq!(Lang::En.n_of(2, 4), "2 of 4");
    assert_eq!(Lang::En.open_photo(1, 4, "Зал"), "Open photo 1 of 4: Зал");
    assert_eq!(Lang::En.open_photo(1, 4, " "), "Open photo 1 of 4");
    assert_eq!(Lang::En.page_label(3, true), "Page 3, current");
    assert_eq!(Lang::Ru.page_label(3, false), "Страница 3");
    assert_eq!(
        Lang::En.month_button(true, "January 2021"),
        "Next month: January 2021"
    );
    assert_eq!(
        Lang::En.day_without_news("2 December 2020"),
        "2 December 2020 — no news"
    );
    assert_eq!(Lang::En.news_heading("for 2020"), "News for 2020");
    assert_eq!(Lang::En.news_heading(""), "News");
    assert_eq!(Lang::Ru.year(2020), "2020 год");
    assert_eq!(
        Lang::En.server_error(503),
        "The server had an error (code 503). Please try again later."
    );
}

#[test]
fn language_tags_from_the_site_config() {
    assert_eq!(language_tag("ru").as_deref(), Some("ru"));
    assert_eq!(language_tag(" RU ").as_deref(), Some("ru"));
    assert_eq!(language_tag("tt-Cyrl").as_deref(), Some("tt-Cyrl"));
    assert_eq!(language_tag("en-GB").as_deref(), Some("en-GB"));
    for junk in [
        "",
        "r",
        "ru_RU",
        "ru\"><script>",
        "en--GB",
        "-en",
        "123",
        "ru-toolongsubtag",
    ] {
        assert_eq!(language_tag(junk), None, "{junk:?}");
    }
}

#[test]
fn content_is_marked_only_when_its_language_differs() {
    assert_eq!(content_lang(Lang::Ru, "ru"), None);
    assert_eq!(content_lang(Lang::En, "ru").as_deref(), Some("ru"));
    assert_eq!(content_lang(Lang::En, "en-GB"), None);
    assert_eq!(content_lang(Lang::Ru, "tt").as_deref(), Some("tt"));
}

proptest! {
    #[test]
    fn language_tag_output_is_always_attribute_safe(text in "\\PC{0,40}") {
        if let Some(tag) = language_tag(&text) {
            prop_assert!(tag.len() <= 35);
            prop_assert!(tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
        }
    }
}

#[test]
fn every_visually_impaired_setting_is_translated() {
    use vestnik::core::prefs::SETTINGS;
    for setting in SETTINGS {
        let legend = setting.legend_in(Lang::En);
        assert!(!legend.is_empty() && !cyrillic(legend), "{legend}");
        assert_ne!(legend, setting.legend_in(Lang::Ru));
        for (value, label) in setting.choices_in(Lang::En) {
            assert!(!label.is_empty() && !cyrillic(label), "{value}: {label}");
        }
    }
}

#[test]
fn the_language_switch_links_to_the_same_page_with_its_query() {
    assert_eq!(switch_href("", "", Lang::En), "./?lang=en");
    assert_eq!(
        switch_href("news/10564", "", Lang::En),
        "news/10564?lang=en"
    );
    assert_eq!(
        switch_href("news", "?q=%D0%B0&page=2", Lang::En),
        "news?q=%D0%B0&page=2&lang=en"
    );
    // A parameter already there is replaced, never doubled.
    assert_eq!(
        switch_href("news", "?lang=en&page=2", Lang::Ru),
        "news?page=2&lang=ru"
    );
    assert_eq!(switch_href("news", "lang", Lang::Ru), "news?lang=ru");
    // `language` is another parameter and stays.
    assert_eq!(
        switch_href("news", "?language=x", Lang::Ru),
        "news?language=x&lang=ru"
    );
}
