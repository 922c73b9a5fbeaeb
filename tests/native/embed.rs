//! Native tests of `core::embed`: widget paths and forgiving options.

use proptest::prelude::*;
use vestnik::core::embed::*;

#[test]
fn widget_paths() {
    assert_eq!(Widget::from_path("embed/feed"), Some(Widget::Feed));
    assert_eq!(
        Widget::from_path("/embed/calendar/"),
        Some(Widget::Calendar)
    );
    assert_eq!(
        Widget::from_path("embed/article/10564"),
        Some(Widget::Article("10564".into()))
    );
    for bad in [
        "embed",
        "embed/",
        "embed/other",
        "embed/article",
        "embed/article/",
        "embed/article/a/b",
        "news/1",
    ] {
        assert_eq!(Widget::from_path(bad), None, "{bad}");
    }
}

#[test]
fn options_default_and_parse() {
    assert_eq!(Options::from_query([]), Options::default());
    let o = Options::from_query([
        ("limit", "3"),
        ("rubric", "sport"),
        ("thumbs", "0"),
        ("summary", "yes"),
        ("theme", "dark"),
        ("lang", "EN"),
        ("target", "top"),
        ("frame", "vestnik-1-ab"),
        ("host", "https://city.example:8443"),
    ]);
    assert_eq!(o.limit, 3);
    assert_eq!(o.rubric.as_deref(), Some("sport"));
    assert!(!o.thumbs && o.summary);
    assert_eq!(
        (o.theme, o.lang, o.target),
        (Theme::Dark, "en", Target::Top)
    );
    assert_eq!(o.frame.as_deref(), Some("vestnik-1-ab"));
    assert_eq!(o.host.as_deref(), Some("https://city.example:8443"));
}

#[test]
fn invalid_values_fall_back_and_limits_clamp() {
    let o = Options::from_query([
        ("limit", "999"),
        ("theme", "pink"),
        ("thumbs", "maybe"),
        ("lang", "de"),
        ("target", "self"),
    ]);
    assert_eq!(o.limit, MAX_LIMIT);
    assert_eq!(
        (o.theme, o.thumbs, o.lang, o.target),
        (Theme::Light, true, "ru", Target::NewTab)
    );
    assert_eq!(Options::from_query([("limit", "-4")]).limit, 1);
    assert_eq!(Options::from_query([("limit", "0")]).limit, 1);
    assert_eq!(
        Options::from_query([("limit", "five")]).limit,
        DEFAULT_LIMIT
    );
    assert_eq!(Options::from_query([("frame", "a b<script>")]).frame, None);
    assert_eq!(
        Options::from_query([("host", "javascript:alert(1)")]).host,
        None
    );
    assert_eq!(
        Options::from_query([("host", "https://evil.example/path")]).host,
        None
    );
    assert_eq!(
        Options::from_query([("theme", "high-contrast")]).theme,
        Theme::HighContrast
    );
}

proptest! {
    #[test]
    fn any_query_gives_sane_options(pairs in proptest::collection::vec(("[a-z]{1,8}", "\\PC{0,30}"), 0..12)) {
        let o = Options::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        prop_assert!((1..=MAX_LIMIT).contains(&o.limit));
        prop_assert!(o.lang == "ru" || o.lang == "en");
    }
}
