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

/// One slot of a numbered pager.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A link to page N (the current page is a `Page` too; the view marks it).
    Page(u32),
    /// An ellipsis standing for two or more pages left out.
    Gap,
}

/// The numbered part of a pager, GOV.UK style: the first and last pages always, the
/// current page with `radius` neighbours each side, and a gap where pages are skipped.
/// A gap never hides a single page (that page is shown instead), so the result is never
/// longer than `2 * radius + 5` slots. Out-of-range `page` is clamped.
pub fn window(page: u32, pages: u32, radius: u32) -> Vec<Slot> {
    if pages == 0 {
        return Vec::new();
    }
    let page = page.clamp(1, pages);
    let mut from = page.saturating_sub(radius).max(1);
    let mut to = page.saturating_add(radius).min(pages);
    // Where only one page would hide behind an ellipsis, show it instead.
    if from == 3 {
        from = 2;
    }
    if pages >= 2 && to == pages - 2 {
        to = pages - 1;
    }
    let mut slots = Vec::with_capacity((to - from + 5) as usize);
    if from > 1 {
        slots.push(Slot::Page(1));
        if from > 2 {
            slots.push(Slot::Gap);
        }
    }
    slots.extend((from..=to).map(Slot::Page));
    if to < pages {
        if to < pages - 1 {
            slots.push(Slot::Gap);
        }
        slots.push(Slot::Page(pages));
    }
    slots
}

/// The number of pages needed for `total` items, `per_page` to a page (at least 1).
pub fn page_count(total: usize, per_page: usize) -> u32 {
    let per_page = per_page.max(1);
    u32::try_from(total.div_ceil(per_page))
        .unwrap_or(u32::MAX)
        .max(1)
}

/// The slice of `items` on `page` (1-based), empty past the end.
pub fn page_of<T>(items: &[T], page: u32, per_page: usize) -> &[T] {
    let per_page = per_page.max(1);
    let start = (page.max(1) as usize - 1).saturating_mul(per_page);
    if start >= items.len() {
        return &[];
    }
    &items[start..items.len().min(start + per_page)]
}
