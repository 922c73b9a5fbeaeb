//! When a failed request is asked again (`api::retry`).

use proptest::prelude::*;
use vestnik::api::retry::{delay, retry_after_ms, Failure, MAX_RETRIES, MAX_RETRY_AFTER_MS};

const NOW: f64 = 1_445_412_480_000.0; // Wed, 21 Oct 2015 07:28:00 GMT
const LEFT: f64 = 10_000.0;

#[test]
fn transient_failures_are_retried_twice_with_growing_pauses() {
    for failure in [
        Failure::Network,
        Failure::Status(500),
        Failure::Status(503),
        Failure::Status(429),
        Failure::Status(504),
    ] {
        assert_eq!(delay(failure, 0, None, NOW, LEFT), Some(400), "{failure:?}");
        assert_eq!(
            delay(failure, 1, None, NOW, LEFT),
            Some(1_200),
            "{failure:?}"
        );
        assert_eq!(
            delay(failure, MAX_RETRIES, None, NOW, LEFT),
            None,
            "{failure:?}"
        );
    }
}

#[test]
fn lasting_failures_are_not_retried() {
    for status in [400, 401, 403, 404, 410, 418, 501] {
        assert_eq!(
            delay(Failure::Status(status), 0, None, NOW, LEFT),
            None,
            "{status}"
        );
    }
}

#[test]
fn retry_after_is_honoured_within_limits() {
    assert_eq!(
        delay(Failure::Status(429), 0, Some("2"), NOW, LEFT),
        Some(2_000)
    );
    assert_eq!(
        delay(Failure::Status(503), 1, Some(" 0 "), NOW, LEFT),
        Some(0)
    );
    assert_eq!(
        delay(
            Failure::Status(503),
            0,
            Some("Wed, 21 Oct 2015 07:28:03 GMT"),
            NOW,
            LEFT
        ),
        Some(3_000)
    );
    assert_eq!(
        delay(
            Failure::Status(503),
            0,
            Some("Wed, 21 Oct 2015 07:00:00 GMT"),
            NOW,
            LEFT
        ),
        Some(0),
        "a past date: now"
    );
    // Longer than we wait, or longer than the request has left: the error is shown.
    assert_eq!(
        delay(Failure::Status(429), 0, Some("3600"), NOW, LEFT),
        None
    );
    assert_eq!(
        delay(Failure::Status(429), 0, Some("5"), NOW, 4_000.0),
        None
    );
    assert_eq!(delay(Failure::Network, 1, None, NOW, 1_000.0), None);
    // Nonsense is not a reason to hammer the backend.
    assert_eq!(
        delay(Failure::Status(503), 0, Some("soon"), NOW, LEFT),
        None
    );
    assert_eq!(delay(Failure::Status(503), 0, Some("-1"), NOW, LEFT), None);
    assert_eq!(retry_after_ms("99999999999999999999", NOW), Some(u32::MAX));
    assert_eq!(retry_after_ms("Wed, 21 Oct 2015 07:28:00 UTC", NOW), None);
}

proptest! {
    #[test]
    fn never_panics_and_never_waits_too_long(status in any::<u16>(), retry in 0u32..5, header in ".{0,40}", left in -1e6f64..1e6) {
        for failure in [Failure::Network, Failure::Status(status)] {
            if let Some(wait) = delay(failure, retry, Some(&header), NOW, left) {
                prop_assert!(wait <= MAX_RETRY_AFTER_MS && f64::from(wait) < left && retry < MAX_RETRIES);
            }
        }
    }
}
