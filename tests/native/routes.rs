//! Native tests of `core::routes`.

use vestnik::core::routes::*;

#[test]
fn article_paths_encode_any_id() {
    assert_eq!(article("10234"), "/news/10234");
    assert_eq!(article("a/b?c#d"), "/news/a%2Fb%3Fc%23d");
    assert_eq!(
        article("новость"),
        "/news/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D1%8C"
    );
}

#[test]
fn the_first_feed_page_has_no_query() {
    assert_eq!(feed_page(0), "/news");
    assert_eq!(feed_page(1), "/news");
    assert_eq!(feed_page(7), "/news?page=7");
}
