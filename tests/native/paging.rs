//! Native tests of `core::paging`.

use proptest::prelude::*;
use vestnik::core::paging::*;

#[test]
fn reads_what_readers_type() {
    assert_eq!(parse_page(None), 1);
    assert_eq!(parse_page(Some("")), 1);
    assert_eq!(parse_page(Some("3")), 3);
    assert_eq!(parse_page(Some(" 3 ")), 3);
    assert_eq!(parse_page(Some("0")), 1);
    assert_eq!(parse_page(Some("-1")), 1);
    assert_eq!(parse_page(Some("2.5")), 1);
    assert_eq!(parse_page(Some("два")), 1);
    assert_eq!(parse_page(Some("99999999999")), MAX_PAGE);
    assert_eq!(parse_page(Some("99999999999999999999999999")), MAX_PAGE);
}

proptest! {
    #[test]
    fn always_within_bounds(text in "\\PC{0,30}") {
        let page = parse_page(Some(&text));
        prop_assert!((1..=MAX_PAGE).contains(&page));
    }
}
