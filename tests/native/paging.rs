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

use vestnik::core::paging::Slot::{Gap, Page};

#[test]
fn window_shows_everything_when_there_is_room() {
    assert_eq!(window(1, 1, 1), [Page(1)]);
    assert_eq!(window(2, 3, 1), [Page(1), Page(2), Page(3)]);
    assert_eq!(
        window(3, 5, 1),
        [Page(1), Page(2), Page(3), Page(4), Page(5)]
    );
    assert_eq!(window(1, 5, 1), [Page(1), Page(2), Gap, Page(5)]);
    assert!(window(1, 0, 1).is_empty());
}

#[test]
fn window_elides_both_sides_of_a_long_list() {
    assert_eq!(
        window(8, 16, 1),
        [Page(1), Gap, Page(7), Page(8), Page(9), Gap, Page(16)]
    );
    assert_eq!(window(1, 16, 1), [Page(1), Page(2), Gap, Page(16)]);
    assert_eq!(window(16, 16, 1), [Page(1), Gap, Page(15), Page(16)]);
    assert_eq!(
        window(99, 16, 1),
        [Page(1), Gap, Page(15), Page(16)],
        "clamped"
    );
}

#[test]
fn a_gap_never_hides_a_single_page() {
    assert_eq!(
        window(4, 16, 1),
        [Page(1), Page(2), Page(3), Page(4), Page(5), Gap, Page(16)]
    );
    assert_eq!(
        window(13, 16, 1),
        [
            Page(1),
            Gap,
            Page(12),
            Page(13),
            Page(14),
            Page(15),
            Page(16)
        ]
    );
}

#[test]
fn pages_and_slices() {
    assert_eq!(page_count(0, 10), 1);
    assert_eq!(page_count(10, 10), 1);
    assert_eq!(page_count(11, 10), 2);
    assert_eq!(page_count(157, 0), 157, "a zero page size counts as one");
    let items: Vec<u32> = (1..=25).collect();
    assert_eq!(page_of(&items, 1, 10), &items[..10]);
    assert_eq!(page_of(&items, 3, 10), &items[20..]);
    assert!(page_of(&items, 4, 10).is_empty());
    assert_eq!(page_of(&items, 0, 10), &items[..10]);
    assert!(page_of(&items, u32::MAX, usize::MAX).is_empty());
}

proptest! {
    /// Every window starts at 1, ends at the last page, contains the current page, rises
    /// strictly, never puts two gaps together, and each gap hides at least two pages.
    #[test]
    fn windows_are_well_formed(page in 0u32..200, pages in 1u32..200, radius in 0u32..4) {
        let slots = window(page, pages, radius);
        let current = page.clamp(1, pages);
        prop_assert_eq!(slots.first(), Some(&Page(1)));
        prop_assert_eq!(slots.last(), Some(&Page(pages)));
        prop_assert!(slots.contains(&Page(current)));
        prop_assert!(slots.len() as u32 <= 2 * radius + 5);
        let mut last = 0;
        let mut after_gap = false;
        for slot in &slots {
            match *slot {
                Page(n) => {
                    prop_assert!(n > last);
                    if after_gap { prop_assert!(n >= last + 3, "a gap hides at least two pages"); }
                    last = n;
                    after_gap = false;
                }
                Gap => { prop_assert!(!after_gap); after_gap = true; }
            }
        }
        for n in current.saturating_sub(radius).max(1)..=(current + radius).min(pages) {
            prop_assert!(slots.contains(&Page(n)), "neighbour {n} shown");
        }
    }

    #[test]
    fn slices_cover_every_item_once(total in 0usize..300, per_page in 1usize..40) {
        let items: Vec<usize> = (0..total).collect();
        let pages = page_count(total, per_page);
        let joined: Vec<usize> = (1..=pages).flat_map(|p| page_of(&items, p, per_page).to_vec()).collect();
        prop_assert_eq!(joined, items);
    }
}
