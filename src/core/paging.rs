//! Page numbers from the address bar: whatever a reader types, a sane number comes out.

/// The highest page number the app will ever ask a backend for.
pub const MAX_PAGE: u32 = 100_000;

/// Reads `?page=N`. Missing, empty, negative, fractional or otherwise unreadable values
/// give page 1; huge ones are clamped to [`MAX_PAGE`].
pub fn parse_page(raw: Option<&str>) -> u32 {
    let Some(text) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return 1;
    };
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return 1;
    }
    // All digits: only overflow can fail, and overflow means "very large".
    text.parse::<u64>()
        .map_or(MAX_PAGE, |n| n.clamp(1, u64::from(MAX_PAGE)) as u32)
}
