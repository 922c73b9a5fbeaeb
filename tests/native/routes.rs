//! Native tests of `core::routes`.

use proptest::prelude::*;
use vestnik::core::routes::*;

#[test]
fn article_paths_encode_any_id() {
    assert_eq!(article("10234"), "news/10234");
    assert_eq!(article("a/b?c#d"), "news/a%2Fb%3Fc%23d");
    assert_eq!(
        article("новость"),
        "news/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D1%8C"
    );
}

#[test]
fn the_first_feed_page_has_no_query() {
    assert_eq!(feed_page(0), "news");
    assert_eq!(feed_page(1), "news");
    assert_eq!(feed_page(7), "news?page=7");
}

#[test]
fn photo_fragments_round_trip_within_the_gallery() {
    assert_eq!(photo_hash(0), "#photo-1");
    assert_eq!(photo_from_hash("#photo-3", 4), Some(2));
    // A first-screen snapshot's spelling (its ids carry an `s-` prefix).
    assert_eq!(photo_from_hash("#s-photo-3", 4), Some(2));
    for bad in [
        "#s-photo-0",
        "#s-s-photo-1",
        "#x-photo-1",
        "s-photo-1",
        "",
        "#photo-0",
        "#photo-5",
        "#photo-x",
        "#photo-",
        "photo-1",
        "#photo-1a",
        "#photo-99999999999999999999999",
    ] {
        assert_eq!(photo_from_hash(bad, 4), None, "{bad}");
    }
    for i in 0..4 {
        assert_eq!(photo_from_hash(&photo_hash(i), 4), Some(i));
    }
}

#[test]
fn each_address_names_its_page() {
    for feed in [
        "",
        "news",
        "news/",
        "news/archive/2020",
        "news/archive/2020/12",
        "news/archive/2020/12/01",
        "news/archive/2020/13/45",
    ] {
        assert_eq!(Page::of(feed), Page::Feed, "{feed}");
    }
    assert_eq!(Page::of("news/archive"), Page::Archive);
    assert_eq!(Page::of("news/archive/"), Page::Archive);
    assert_eq!(Page::of("saved"), Page::Saved);
    for article in [
        "news/10564",
        "news/10564/",
        "news/%D0%B0",
        "news/https%3A%2F%2Fblog.example%2Fpost.html",
    ] {
        assert_eq!(Page::of(article), Page::Article, "{article}");
    }
    for other in [
        "index.html",
        "no/such/page",
        "news//x",
        "news/1/2",
        "news/archive/2020/12/01/x",
        "news/archive//12",
        "saved/x",
        "embed/feed",
        "/news",
    ] {
        assert_eq!(Page::of(other), Page::NotFound, "{other}");
    }
}

#[test]
fn article_paths_are_told_from_the_others_and_give_their_id() {
    for yes in ["news/10564", "news/10564/", "news/%D0%B0"] {
        assert!(is_article(yes), "{yes}");
    }
    for no in [
        "",
        "news",
        "news/",
        "news/archive",
        "news/archive/2020",
        "saved",
        "embed/article/1",
        "news/1/2",
    ] {
        assert!(!is_article(no), "{no}");
        assert_eq!(article_id(no), None, "{no}");
    }
    assert_eq!(article_id("news/10564").as_deref(), Some("10564"));
    assert_eq!(article_id("news/%D0%B0%20b").as_deref(), Some("а b"));
    assert_eq!(
        article_id("news/https%3A%2F%2Fblog.example%2F2020%2Fpost.html").as_deref(),
        Some("https://blog.example/2020/post.html")
    );
    // Not UTF-8, or a broken escape: no article.
    assert_eq!(article_id("news/%FF"), None);
    assert_eq!(article_id("news/%G1"), None);
}

proptest! {
    /// Every id the app links to opens that article again.
    #[test]
    fn an_articles_link_leads_back_to_its_id(id in "\\PC{1,40}") {
        let path = article(&id);
        prop_assert_eq!(Page::of(&path), Page::Article);
        prop_assert_eq!(article_id(&path), Some(id));
    }

    /// Any address names some page, and never panics.
    #[test]
    fn any_address_names_a_page(path in "\\PC{0,60}") {
        let _ = Page::of(&path);
        let _ = article_id(&path);
    }
}

#[test]
fn the_router_base_comes_from_the_document_base() {
    assert_eq!(base_path("http://127.0.0.1:8080/"), "");
    assert_eq!(base_path("https://a.example/press/"), "/press");
    assert_eq!(base_path("https://a.example/press/index.html"), "/press");
    assert_eq!(base_path("https://a.example/a/b/?x=1#y"), "/a/b");
    assert_eq!(base_path("https://a.example"), "");
    assert_eq!(base_path(""), "");
}

#[test]
fn app_paths_and_absolute_links_honour_the_base() {
    assert_eq!(app_path("/press/news/1", "/press"), "news/1");
    assert_eq!(app_path("/news/1", ""), "news/1");
    assert_eq!(app_path("/", ""), "");
    assert_eq!(router_path("news?q=x"), "/news?q=x");
    assert_eq!(router_path(HOME), "/");
}

mod fuzz {
    //! Addresses come from the reader's URL bar and from other sites' links: every parser
    //! of them takes any text without panicking, and what it returns stays sane.
    use proptest::prelude::*;
    use vestnik::core::embed::Widget;
    use vestnik::core::filter::Period;
    use vestnik::core::paging::parse_page;
    use vestnik::core::routes::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn route_parsers_take_any_text(path in "\\PC{0,80}", base in "\\PC{0,40}", hash in "\\PC{0,20}", count in 0usize..50) {
            let _ = Period::from_route(&path);
            let _ = Widget::from_path(&path);
            let _ = parse_page(Some(&path));
            let app = app_path(&path, &base);
            prop_assert!(path.ends_with(app));
            prop_assert!(!app.starts_with('/'));
            let b = base_path(&path);
            prop_assert!(b.is_empty() || b.starts_with('/'));
            let r = router_path(&path);
            prop_assert!(r.starts_with('/'));
            if let Some(i) = photo_from_hash(&hash, count) {
                prop_assert!(i < count);
            }
        }

        #[test]
        fn article_paths_round_trip_through_the_router(id in "\\PC{1,60}") {
            let path = article(&id);
            prop_assert!(path.starts_with("news/"));
            let encoded = &path["news/".len()..];
            prop_assert!(!encoded.contains('/') && !encoded.contains('?') && !encoded.contains('#'));
        }
    }
}

#[test]
fn first_screen_is_feed_only_for_the_unfiltered_first_page_and_nothing_for_widgets() {
    assert_eq!(first_screen_is_feed("", ""), Some(true));
    assert_eq!(first_screen_is_feed("news", ""), Some(true));
    assert_eq!(first_screen_is_feed("news/", ""), Some(true));
    assert_eq!(first_screen_is_feed("news", "?page=2"), Some(false));
    assert_eq!(first_screen_is_feed("news/10564", ""), Some(false));
    assert_eq!(first_screen_is_feed("embed/feed", ""), None);
}
