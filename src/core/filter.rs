//! What the reader is looking for: a date (year, month or day), a rubric, search words.
//! Filters live in the URL — dates in the path (`/news/archive/2020/12/01`), rubric and
//! search in the query (`?rubric=sport&q=турнир`) — so every list can be shared, reloaded
//! and reached with back/forward. This module parses and writes those URLs, names the
//! filters for headings and chips, and matches items for backends without a search API.

use chrono::{Datelike, FixedOffset, NaiveDate};

use super::calendar::{self, FIRST_YEAR, LAST_YEAR};
use super::dates;
use super::i18n::Lang;
use super::model::{NewsItem, NewsPage, YearMonth};
use super::paging;
use super::routes;
use super::template::encode_component;

/// The longest search the app sends; longer input is cut (at a character boundary).
pub const MAX_QUERY_CHARS: usize = 200;

/// A period of the archive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Period {
    #[default]
    All,
    Year(i32),
    Month(YearMonth),
    Day(NaiveDate),
}

impl Period {
    /// Reads `/news/archive/:year[/:month[/:day]]`. Each part must be a number in range
    /// (month 1–12, a day that exists in that month); `None` for anything else.
    pub fn from_path(year: &str, month: Option<&str>, day: Option<&str>) -> Option<Self> {
        let number = |s: &str, max_len: usize| -> Option<u32> {
            (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let year = i32::try_from(number(year, 4)?).ok()?;
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return None;
        }
        let Some(month) = month else {
            return Some(Self::Year(year));
        };
        let month = YearMonth {
            year,
            month: number(month, 2)?,
        };
        if !(1..=12).contains(&month.month) {
            return None;
        }
        match day {
            None => Some(Self::Month(month)),
            Some(day) => NaiveDate::from_ymd_opt(year, month.month, number(day, 2)?).map(Self::Day),
        }
    }

    /// The period an app path shows (`routes::app_path`, with or without a leading `/`):
    /// `All` for the feed, the archive's period for `news/archive/…`, `None` for an archive
    /// path that names no real date.
    pub fn from_route(path: &str) -> Option<Self> {
        let Some(rest) = path.trim_start_matches('/').strip_prefix(routes::ARCHIVE) else {
            return Some(Self::All);
        };
        if !(rest.is_empty() || rest.starts_with('/')) {
            return Some(Self::All);
        }
        let rest = rest.strip_prefix('/').unwrap_or(rest).trim_end_matches('/');
        let mut parts = rest.split('/');
        let year = parts.next().unwrap_or_default();
        let (month, day) = (parts.next(), parts.next());
        if parts.next().is_some() {
            return None;
        }
        Self::from_path(year, month, day)
    }

    /// The month a calendar should show for this period (a year shows its last month).
    pub fn month(self) -> Option<YearMonth> {
        match self {
            Self::All => None,
            Self::Year(year) => Some(YearMonth { year, month: 12 }),
            Self::Month(m) => Some(m),
            Self::Day(d) => Some(calendar::month_of(d)),
        }
    }

    /// The selected day, for a day period.
    pub fn day(self) -> Option<NaiveDate> {
        match self {
            Self::Day(d) => Some(d),
            _ => None,
        }
    }

    /// The inclusive range of days this period covers (`None` for all time).
    pub fn days(self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Self::All => None,
            Self::Year(y) => Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            )),
            Self::Month(m) => Some((m.first_day()?, calendar::last_day(m)?)),
            Self::Day(d) => Some((d, d)),
        }
    }

    /// The path of this period's list.
    pub fn path(self) -> String {
        match self {
            Self::All => routes::FEED.to_owned(),
            Self::Year(y) => format!("{}/{y:04}", routes::ARCHIVE),
            Self::Month(m) => format!("{}/{:04}/{:02}", routes::ARCHIVE, m.year, m.month),
            Self::Day(d) => format!(
                "{}/{:04}/{:02}/{:02}",
                routes::ARCHIVE,
                d.year(),
                d.month(),
                d.day()
            ),
        }
    }

    /// "декабрь 2020", "2020 год", "1 декабря 2020" / "December 2020", "2020",
    /// "1 December 2020"; empty for all time.
    pub fn label(self, lang: Lang) -> String {
        match (self, lang) {
            (Self::All, _) => String::new(),
            (Self::Year(y), _) => lang.year(y),
            (Self::Month(m), Lang::Ru) => format!(
                "{} {}",
                dates::month_nominative(m.month).to_lowercase(),
                m.year
            ),
            (Self::Month(m), Lang::En) => {
                format!("{} {}", dates::month_name_in(lang, m.month), m.year)
            }
            (Self::Day(d), _) => dates::long_date_in(lang, d),
        }
    }

    /// "за декабрь 2020" / "for December 2020"; empty for all time.
    pub fn phrase(self, lang: Lang) -> String {
        if self == Self::All {
            return String::new();
        }
        lang.for_period(&self.label(lang))
    }
}

/// Everything that narrows the feed.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Filter {
    pub period: Period,
    pub rubric: Option<String>,
    pub query: Option<String>,
}

impl Filter {
    /// A filter from URL parts; the query is trimmed, whitespace collapsed, and cut to
    /// [`MAX_QUERY_CHARS`]; empty values count as absent.
    pub fn new(period: Period, rubric: Option<&str>, query: Option<&str>) -> Self {
        let rubric = rubric
            .map(str::trim)
            .filter(|r| !r.is_empty() && r.len() <= 128 && !r.chars().any(char::is_control))
            .map(str::to_owned);
        let query = query.map(clean_query).filter(|q| !q.is_empty());
        Self {
            period,
            rubric,
            query,
        }
    }

    /// True when nothing narrows the feed.
    pub fn is_empty(&self) -> bool {
        self.period == Period::All && self.rubric.is_none() && self.query.is_none()
    }

    /// The URL of page `page` of this filtered list.
    pub fn href(&self, page: u32) -> String {
        let mut query = Vec::new();
        if let Some(q) = &self.query {
            query.push(format!("q={}", encode_component(q)));
        }
        if let Some(r) = &self.rubric {
            query.push(format!("rubric={}", encode_component(r)));
        }
        if page > 1 {
            query.push(format!("page={page}"));
        }
        let path = self.period.path();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{}", query.join("&"))
        }
    }

    /// Whether a preview passes this filter. Dates are compared on the site's clock;
    /// search words must all appear in the title or summary (case and ё/е ignored).
    pub fn matches(&self, item: &NewsItem, site: FixedOffset) -> bool {
        if let Some((from, to)) = self.period.days() {
            let day = dates::in_site_zone(item.published, site).date_naive();
            if day < from || day > to {
                return false;
            }
        }
        if let Some(rubric) = &self.rubric {
            if !item.rubrics.iter().any(|r| &r.id == rubric) {
                return false;
            }
        }
        if let Some(query) = &self.query {
            let haystack = fold(&format!("{} {}", item.title, item.summary));
            return fold(query)
                .split_whitespace()
                .all(|word| haystack.contains(word));
        }
        true
    }
}

/// Page `page` (1-based) of the items that pass `filter`, as the search of a static backend
/// (its `news_index`) returns it; `None` past the last page.
pub fn filtered_page(
    items: &[NewsItem],
    filter: &Filter,
    site: FixedOffset,
    page: u32,
    per_page: usize,
) -> Option<NewsPage> {
    let matching: Vec<&NewsItem> = items.iter().filter(|i| filter.matches(i, site)).collect();
    let pages = paging::page_count(matching.len(), per_page);
    (page <= pages).then(|| NewsPage {
        page,
        pages,
        total: u32::try_from(matching.len()).unwrap_or(u32::MAX),
        items: paging::page_of(&matching, page, per_page)
            .iter()
            .map(|item| (*item).clone())
            .collect(),
        searched: None,
    })
}

/// Trims, collapses whitespace and cuts a search to [`MAX_QUERY_CHARS`] characters.
pub fn clean_query(raw: &str) -> String {
    let printable: String = raw
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let cut: String = printable
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_QUERY_CHARS)
        .collect();
    cut.trim_end().to_owned()
}

/// Lower case with ё read as е, the way Russian readers type.
pub fn fold(text: &str) -> String {
    text.to_lowercase().replace('ё', "е")
}
