//! Decoders against a hostile backend: wrong shapes fail cleanly, unsafe values are
//! removed, and no input — however broken — panics.

use proptest::prelude::*;
use vestnik::api::vestnik::Contract;
use vestnik::api::{decode, ApiError, Config};

const ITEM: &str = r#"{"id":"1","title":"Заголовок","published":"2020-12-01T09:30:00+07:00"}"#;

fn page_with(items: &str) -> String {
    format!(r#"{{"page":1,"pages":1,"total":1,"items":[{items}]}}"#)
}

#[test]
fn says_what_arrived_when_it_is_not_json() {
    assert_eq!(
        decode::json::<serde_json::Value>(b""),
        Err(ApiError::Format("пустой ответ".into()))
    );
    assert_eq!(
        decode::json::<serde_json::Value>(b"  \n"),
        Err(ApiError::Format("пустой ответ".into()))
    );
    assert_eq!(
        decode::json::<serde_json::Value>(b"<!DOCTYPE html><h1>502</h1>"),
        Err(ApiError::Format("вместо JSON пришла HTML-страница".into()))
    );
    assert!(matches!(
        decode::news_page(br#"{"page":1,"pages""#, ""),
        Err(ApiError::Format(_))
    ));
    assert!(matches!(
        decode::news_page(b"\xff\xfe\x00", ""),
        Err(ApiError::Format(_))
    ));
}

#[test]
fn wrong_shapes_are_format_errors() {
    for body in [
        r#"{"page":"1","pages":1,"total":1,"items":[]}"#,
        r#"{"page":1,"pages":1,"total":-5,"items":[]}"#,
        r#"{"page":1,"pages":1,"total":1,"items":{}}"#,
        r#"{"page":1,"pages":1,"items":[]}"#,
        r#"[]"#,
        r#"null"#,
    ] {
        assert!(
            matches!(
                decode::news_page(body.as_bytes(), ""),
                Err(ApiError::Format(_))
            ),
            "{body}"
        );
    }
    assert!(matches!(
        decode::news_page(
            page_with(r#"{"id":"1","title":"x","published":"вчера"}"#).as_bytes(),
            ""
        ),
        Err(ApiError::Format(_))
    ));
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert!(matches!(
        decode::json::<serde_json::Value>(deep.as_bytes()),
        Err(ApiError::Format(_))
    ));
}

#[test]
fn items_without_id_or_title_are_left_out() {
    let body = page_with(&format!(
        r#"{ITEM},{{"id":"","title":"x","published":"2020-12-01T09:30:00Z"}},{{"id":"3","title":"  ","published":"2020-12-01T09:30:00Z"}}"#
    ));
    let page = decode::news_page(body.as_bytes(), "").unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].title, "Заголовок");
}

#[test]
fn unsafe_or_sizeless_images_are_dropped_and_the_rest_resolved() {
    let item = |thumb: &str| {
        format!(
            r#"{{"id":"1","title":"x","published":"2020-12-01T09:30:00Z","thumbnail":{thumb}}}"#
        )
    };
    let decode_thumb = |thumb: &str| {
        decode::news_page(page_with(&item(thumb)).as_bytes(), "https://b.example/api/")
            .unwrap()
            .items
            .remove(0)
            .thumbnail
    };
    assert_eq!(
        decode_thumb(r#"{"src":"javascript:alert(1)","width":10,"height":10}"#),
        None
    );
    assert_eq!(
        decode_thumb(r#"{"src":"data:image/png;base64,AA","width":10,"height":10}"#),
        None
    );
    assert_eq!(
        decode_thumb(r#"{"src":"a.webp","width":0,"height":10}"#),
        None
    );
    assert_eq!(
        decode_thumb(r#"{"src":"a.webp","width":10,"height":99999}"#),
        None
    );
    let ok = decode_thumb(r#"{"src":"media/a.webp","width":480,"height":320,"alt":"a","sizes":[{"src":"javascript:x","width":1,"height":1},{"src":"/m/b.webp","width":960,"height":640}]}"#).unwrap();
    assert_eq!(ok.src, "https://b.example/api/media/a.webp");
    assert_eq!(ok.sizes.len(), 1);
    assert_eq!(ok.sizes[0].src, "https://b.example/m/b.webp");
}

#[test]
fn page_numbers_are_made_consistent() {
    let page = decode::news_page(br#"{"page":0,"pages":0,"total":0,"items":[]}"#, "").unwrap();
    assert_eq!((page.page, page.pages, page.total), (1, 1, 0));
}

#[test]
fn site_links_that_could_run_script_are_removed() {
    let body = r#"{"name":"Пресс-служба","menu":[{"title":"Ок","url":"/news"},{"title":"Зло","url":"javascript:alert(1)"}],
        "sidebar":[{"heading":"Пусто","links":[{"title":"x","url":"vbscript:x"}]},{"links":[{"title":"Почта","url":"mailto:a@b.example"}]}],
        "home_url":"javascript:alert(1)"}"#;
    let site = decode::site(body.as_bytes(), "").unwrap();
    assert_eq!(site.menu.len(), 1);
    assert_eq!(
        site.sidebar.len(),
        1,
        "a group left with no links disappears"
    );
    assert_eq!(site.home_url, None);
    assert!(matches!(
        decode::site(br#"{"name":" "}"#, ""),
        Err(ApiError::Format(_))
    ));
}

#[test]
fn article_requires_id_and_title() {
    assert!(matches!(
        decode::article(
            br#"{"id":"1","title":"","published":"2020-12-01T09:30:00Z"}"#,
            ""
        ),
        Err(ApiError::Format(_))
    ));
    assert!(matches!(
        decode::article(br#"{"id":"1","published":"2020-12-01T09:30:00Z"}"#, ""),
        Err(ApiError::Format(_))
    ));
    let a = decode::article(
        br#"{"id":"1","title":"T","published":"2020-12-01T09:30:00Z"}"#,
        "",
    )
    .unwrap();
    assert!(a.gallery.is_empty() && a.body_html.is_empty() && a.updated.is_none());
}

#[test]
fn calendar_month_keeps_only_real_days() {
    let m = decode::calendar_month(br#"{"year":2020,"month":2,"first":"2020-01","last":"2024-11","days":[{"day":0,"count":1},{"day":3,"count":2},{"day":32,"count":1},{"day":4,"count":0}]}"#).unwrap();
    assert_eq!(m.days.len(), 1);
    assert!(decode::calendar_month(
        br#"{"year":2020,"month":13,"first":"2020-01","last":"2024-11"}"#
    )
    .is_err());
    assert!(decode::calendar_month(
        br#"{"year":2020,"month":1,"first":"2020-1-1","last":"2024-11"}"#
    )
    .is_err());
}

#[test]
fn archive_keeps_one_count_per_month_the_calendar_can_show() {
    let a = decode::archive(
        br#"{"first":"1000-01","last":"9999-12","months":[
        {"year":2020,"month":1,"count":2},{"year":2024,"month":11,"count":1},
        {"year":2020,"month":1,"count":3},{"year":262143,"month":1,"count":1},
        {"year":-4000,"month":5,"count":1},{"year":2021,"month":13,"count":1},
        {"year":2022,"month":2,"count":0}]}"#,
    )
    .unwrap();
    let months: Vec<(i32, u32, u32)> = a
        .months
        .iter()
        .map(|m| (m.year, m.month, m.count))
        .collect();
    assert_eq!(months, vec![(2024, 11, 1), (2020, 1, 5)]);
    // The span stays within the years the calendar can show.
    let month = |m: vestnik::core::model::YearMonth| (m.year, m.month);
    assert_eq!((month(a.first), month(a.last)), ((1900, 1), (2100, 12)));
}

// ------------------------------------------------------------ config.json

const CONFIG: &str = r#"{"api_base":"api/","endpoints":{"site":"site.json","news_page":"news/page/{page}.json","article":"news/{id}.json"}}"#;

#[test]
fn config_fills_defaults_and_builds_urls() {
    assert_eq!(
        Config::from_json(CONFIG.as_bytes())
            .unwrap()
            .limits
            .timeout_ms,
        10_000
    );
    let c = Contract::from_json(CONFIG.as_bytes()).unwrap();
    assert_eq!(c.archive_url(), None);
    assert_eq!(c.calendar_month_url(2020, 1), None);
    assert_eq!(c.article_url("a b"), "api/news/a%20b.json");
}

#[test]
fn config_supports_a_dynamic_backend_elsewhere() {
    let json = br#"{"api_base":"https://press.example/api/v1/","endpoints":{"site":"site","news_page":"news{?page,per_page}","article":"news/{id}","calendar_month":"calendar?month={year}-{month}"},"timeout_ms":1}"#;
    let c = Contract::from_json(json).unwrap();
    assert_eq!(
        c.news_page_url(3, 20),
        "https://press.example/api/v1/news?page=3&per_page=20"
    );
    assert_eq!(
        c.calendar_month_url(2020, 2).as_deref(),
        Some("https://press.example/api/v1/calendar?month=2020-02")
    );
    assert_eq!(
        Config::from_json(json).unwrap().limits.timeout_ms,
        1_000,
        "timeouts are clamped to at least a second"
    );
}

#[test]
fn config_builds_search_urls_from_filters() {
    use vestnik::core::filter::{Filter, Period};
    use vestnik::core::model::YearMonth;
    let c = Contract::from_json(br#"{"api_base":"https://p.example/","endpoints":{"site":"s","news_page":"n{?page}","article":"a/{id}","news_search":"search{?q,rubric,from,to,page,per_page}"}}"#).unwrap();
    let f = Filter::new(
        Period::Month(YearMonth {
            year: 2020,
            month: 2,
        }),
        Some("sport"),
        Some("мини футбол"),
    );
    assert_eq!(
        c.news_search_url(&f, 2, 10).as_deref(),
        Some("https://p.example/search?q=%D0%BC%D0%B8%D0%BD%D0%B8%20%D1%84%D1%83%D1%82%D0%B1%D0%BE%D0%BB&rubric=sport&from=2020-02-01&to=2020-02-29&page=2&per_page=10")
    );
    assert_eq!(
        c.news_search_url(&Filter::default(), 1, 10).as_deref(),
        Some("https://p.example/search?page=1&per_page=10")
    );
    assert_eq!(
        Contract::from_json(CONFIG.as_bytes())
            .unwrap()
            .news_search_url(&f, 1, 10),
        None
    );
}

#[test]
fn config_mistakes_are_explained_in_russian() {
    let err = |body: &str| match Config::from_json(body.as_bytes()) {
        Err(ApiError::Config(msg)) => msg,
        other => panic!("expected a config error, got {other:?}"),
    };
    assert!(err("{").contains("config.json не читается"));
    assert!(err(&CONFIG.replace("{id}", "{slug}")).contains("неизвестная подстановка «{slug}»"));
    assert!(err(&CONFIG.replace("{page}", "1")).contains("нет обязательной подстановки «{page}»"));
    assert!(err(&CONFIG.replace("\"endpoints\"", "\"endpoint\""))
        .contains("неизвестный ключ «endpoint» для бэкенда «vestnik»"));
    assert!(
        err(&CONFIG.replace("{\"api_base\"", "{\"backend\":\"rss\",\"api_base\""))
            .contains("неизвестный вид бэкенда «rss»")
    );
    assert!(err(&CONFIG.replace("api/", "javascript:alert(1)//")).contains("api_base"));
    // The service worker's settings are checked too: a typo there is not a silent default.
    let offline = |body: &str| CONFIG.replacen('{', &format!("{{\"offline\":{body},"), 1);
    assert!(Config::from_json(offline(r#"{"budget_mb":20,"max_age_days":7}"#).as_bytes()).is_ok());
    assert!(err(&offline(r#"{"budget":20}"#)).contains("config.json не читается"));
    assert!(err(&offline(r#"{"budget_mb":"много"}"#)).contains("config.json не читается"));
}

#[test]
#[cfg(all(feature = "jsonfeed", feature = "wordpress"))]
fn other_kinds_check_their_own_keys() {
    let err = |body: &str| match Config::from_json(body.as_bytes()) {
        Err(ApiError::Config(msg)) => msg,
        other => panic!("expected a config error, got {other:?}"),
    };
    assert!(
        err(r#"{"backend":"jsonfeed","api_base":"x","feed_url":"f.json"}"#)
            .contains("неизвестный ключ «api_base» для бэкенда «jsonfeed»")
    );
    assert!(err(r#"{"backend":"wordpress","api_base":"javascript:x"}"#).contains("api_base"));
    assert!(err(r#"{"backend":"jsonfeed","feed_url":"data:x"}"#).contains("feed_url"));
    assert!(err(r#"{"backend":"rss"}"#).contains("известны: vestnik, jsonfeed, wordpress"));
    assert_eq!(
        Config::from_json(br#"{"backend":"wordpress","api_base":"https://p.example/wp-json"}"#)
            .unwrap()
            .kind,
        "wordpress"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = decode::site(&bytes, "api/");
        let _ = decode::news_page(&bytes, "api/");
        let _ = decode::article(&bytes, "api/");
        let _ = decode::calendar_month(&bytes);
        let _ = decode::archive(&bytes);
        let _ = Config::from_json(&bytes);
        other_backends_never_panic(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        let bytes = serde_json::to_vec(&value).unwrap();
        let _ = decode::site(&bytes, "api/");
        let _ = decode::news_page(&bytes, "");
        let _ = decode::article(&bytes, "https://x.example/");
        let _ = decode::calendar_month(&bytes);
        let _ = decode::archive(&bytes);
        let _ = Config::from_json(&bytes);
        other_backends_never_panic(&bytes);
    }

    /// Near-valid pages (right keys, arbitrary values) decode or fail, never panic, and
    /// whatever decodes satisfies the model's invariants.
    #[test]
    fn near_valid_pages_keep_invariants(page in any::<i64>(), pages in any::<i64>(), id in ".{0,4}", src in ".{0,12}", w in any::<i64>()) {
        let body = format!(
            r#"{{"page":{page},"pages":{pages},"total":3,"items":[{{"id":{id:?},"title":"t","published":"2020-12-01T09:30:00Z","thumbnail":{{"src":{src:?},"width":{w},"height":10}}}}]}}"#
        );
        if let Ok(p) = decode::news_page(body.as_bytes(), "api/") {
            prop_assert!(p.page >= 1 && p.pages >= p.page);
            for item in p.items {
                prop_assert!(decode::valid_id(&item.id));
                if let Some(t) = item.thumbnail {
                    prop_assert!(t.width >= 1 && !t.src.to_ascii_lowercase().starts_with("javascript"));
                }
            }
        }
    }
}

/// Arbitrary JSON documents, biased towards the keys our contract uses.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let key = prop_oneof![
        Just("id".to_string()),
        Just("title".to_string()),
        Just("items".to_string()),
        Just("page".to_string()),
        Just("published".to_string()),
        Just("thumbnail".to_string()),
        Just("src".to_string()),
        Just("width".to_string()),
        Just("name".to_string()),
        Just("endpoints".to_string()),
        Just("api_base".to_string()),
        ".{0,6}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,10}".prop_map(Value::String),
        Just(Value::String("2020-12-01T09:30:00+07:00".into())),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The WordPress and JSON Feed decoders on the same input.
fn other_backends_never_panic(bytes: &[u8]) {
    #[cfg(feature = "wordpress")]
    {
        use vestnik::api::wordpress;
        let site = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
        let _ = wordpress::site(bytes);
        let _ = wordpress::rubrics(bytes);
        let _ = wordpress::posts(bytes, site);
        let _ = wordpress::post(bytes, site);
        let _ = wordpress::days(bytes);
    }
    #[cfg(feature = "jsonfeed")]
    let _ = vestnik::api::jsonfeed::page(bytes, "https://press.example/feed.json");
    let _ = bytes;
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Near-valid posts and feed items (right keys, arbitrary values) never panic.
    #[test]
    fn near_valid_posts_and_items_never_panic(
        date in ".{0,22}", title in ".{0,40}", content in ".{0,80}", offset in prop_oneof![Just("7".to_owned()), Just("\"5.5\"".to_owned()), "-?[0-9]{1,3}(\\.[0-9]{1,3})?", Just("null".to_owned())],
        w in any::<i64>(), id in ".{0,10}",
    ) {
        let post = serde_json::json!({
            "id": 1, "date": date, "date_gmt": date, "modified_gmt": date,
            "title": {"rendered": title}, "excerpt": {"rendered": content}, "content": {"rendered": content},
            "_embedded": {"wp:featuredmedia": [{"source_url": content, "media_details": {"width": w, "height": 10, "sizes": {"a": {"source_url": title, "width": 1, "height": w}}}}],
                          "wp:term": [[{"id": 3, "name": title, "taxonomy": "category"}]]}
        });
        let bytes = serde_json::to_vec(&post).unwrap();
        other_backends_never_panic(&bytes);
        other_backends_never_panic(&serde_json::to_vec(&[&post]).unwrap());
        other_backends_never_panic(format!(r#"{{"name":"n","gmt_offset":{offset}}}"#).as_bytes());
        let feed = serde_json::json!({
            "version": "https://jsonfeed.org/version/1.1", "title": title, "next_url": content,
            "items": [{"id": id, "title": title, "content_html": content, "summary": content,
                       "date_published": date, "image": content, "tags": [title],
                       "attachments": [{"url": content, "mime_type": "image/png"}],
                       "_vestnik": {"gallery": [{"src": content, "width": w, "height": 5}]}}]
        });
        other_backends_never_panic(&serde_json::to_vec(&feed).unwrap());
    }
}
