//! When to ask the backend again. Every request Vestnik makes is an idempotent GET, so a
//! failure that may pass (no connection, 408, 429, 500, 502, 503, 504) is retried at most
//! twice, after a growing pause or the `Retry-After` the backend asked for — all within
//! the request's one timeout. Pure (time is passed in), so the rules are tested natively.

/// Retries after the first attempt.
pub const MAX_RETRIES: u32 = 2;

/// Pauses before the first and the second retry when the backend names none.
const BACKOFF_MS: [u32; 2] = [400, 1_200];

/// The longest `Retry-After` honoured; a backend asking for more gets its error shown
/// (the reader can press "Повторить" later).
pub const MAX_RETRY_AFTER_MS: u32 = 10_000;

/// What went wrong with one attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No answer at all (not our own timeout or cancellation).
    Network,
    /// An HTTP status outside 2xx.
    Status(u16),
}

impl From<Failure> for super::ApiError {
    /// The error a failure is reported as once it is not retried.
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Network => Self::Network,
            Failure::Status(status) => Self::Status(status),
        }
    }
}

/// How long to wait before retry number `retry` (0-based), or `None` not to retry:
/// the failure will not pass by itself, the retries are used up, the backend asked to wait
/// too long, or the wait would not fit in the `left_ms` the request has before its timeout.
/// `retry_after` is the header's value; `now_ms` is the Unix time in milliseconds.
pub fn delay(
    failure: Failure,
    retry: u32,
    retry_after: Option<&str>,
    now_ms: f64,
    left_ms: f64,
) -> Option<u32> {
    if retry >= MAX_RETRIES {
        return None;
    }
    let transient = match failure {
        Failure::Network => true,
        Failure::Status(status) => matches!(status, 408 | 429 | 500 | 502 | 503 | 504),
    };
    if !transient {
        return None;
    }
    let asked = match (failure, retry_after) {
        (Failure::Status(_), Some(value)) => Some(retry_after_ms(value, now_ms)?),
        _ => None,
    };
    let wait = asked.unwrap_or(BACKOFF_MS[retry as usize]);
    (wait <= MAX_RETRY_AFTER_MS && f64::from(wait) < left_ms).then_some(wait)
}

/// A `Retry-After` value in milliseconds from `now_ms`: delay-seconds ("120") or an
/// HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"); a date in the past is no wait. `None`
/// for anything else (then no retry: the backend said something we do not understand).
pub fn retry_after_ms(value: &str, now_ms: f64) -> Option<u32> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        let seconds: u64 = value.parse().unwrap_or(u64::MAX);
        return Some(u32::try_from(seconds.saturating_mul(1000)).unwrap_or(u32::MAX));
    }
    let at = http_date_ms(value)?;
    let wait = (at - now_ms).max(0.0).min(f64::from(u32::MAX));
    Some(wait as u32)
}

/// An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") as Unix milliseconds.
fn http_date_ms(value: &str) -> Option<f64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut parts = value.split_ascii_whitespace();
    let (_weekday, day, month, year, time, zone) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    if zone != "GMT" || parts.next().is_some() {
        return None;
    }
    let month = MONTHS.iter().position(|m| *m == month)? as u32 + 1;
    let date = chrono::NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)?;
    let mut hms = time.split(':').map(|p| p.parse::<u32>().ok());
    let moment = date.and_hms_opt(hms.next()??, hms.next()??, hms.next()??)?;
    Some(moment.and_utc().timestamp_millis() as f64)
}
