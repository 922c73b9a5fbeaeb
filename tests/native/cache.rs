//! Native tests of `api::cache`.

use std::rc::Rc;

use proptest::prelude::*;
use vestnik::api::cache::Cache;

fn body(n: usize) -> Rc<[u8]> {
    vec![7u8; n].into()
}

#[test]
fn hits_until_the_entry_expires() {
    let mut c = Cache::new(8, 1000, 100.0);
    c.put("a", body(3), 0.0);
    assert_eq!(c.get("a", 99.0).map(|b| b.len()), Some(3));
    assert!(c.get("a", 100.0).is_none());
    assert!(c.is_empty(), "expired entries are dropped");
}

#[test]
fn a_clock_that_goes_backwards_does_not_revive_entries() {
    let mut c = Cache::new(8, 1000, 100.0);
    c.put("a", body(3), 50.0);
    assert!(c.get("a", 10.0).is_none());
}

#[test]
fn evicts_the_oldest_beyond_count_and_bytes() {
    let mut c = Cache::new(2, 1000, 1e9);
    c.put("a", body(1), 0.0);
    c.put("b", body(1), 1.0);
    c.put("c", body(1), 2.0);
    assert!(c.get("a", 3.0).is_none());
    assert!(c.get("b", 3.0).is_some() && c.get("c", 3.0).is_some());

    let mut c = Cache::new(10, 10, 1e9);
    c.put("a", body(6), 0.0);
    c.put("b", body(6), 1.0);
    assert!(c.get("a", 2.0).is_none());
    assert_eq!(c.bytes(), 6);
    c.put("huge", body(11), 3.0);
    assert!(
        c.get("huge", 4.0).is_none(),
        "larger than the budget: not stored"
    );
}

#[test]
fn replacing_a_url_keeps_one_entry() {
    let mut c = Cache::new(8, 1000, 1e9);
    c.put("a", body(1), 0.0);
    c.put("a", body(2), 1.0);
    assert_eq!(c.len(), 1);
    assert_eq!(c.get("a", 2.0).map(|b| b.len()), Some(2));
}

proptest! {
    #[test]
    fn limits_always_hold(ops in proptest::collection::vec((0u8..6, 0usize..40, 0.0f64..1000.0), 0..60)) {
        let mut c = Cache::new(4, 64, 300.0);
        for (key, len, now) in ops {
            c.put(&key.to_string(), body(len), now);
            prop_assert!(c.len() <= 4 && c.bytes() <= 64);
            let _ = c.get(&key.to_string(), now + 1.0);
        }
    }
}
