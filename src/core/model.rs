//! The news model: what every screen renders, whatever backend it came from.
//!
//! These types mirror Vestnik's own JSON contract (`docs/api.md`, `docs/schema/`),
//! so they derive `Deserialize` directly; `crate::api::decode` then checks and
//! normalises them (safe URLs, sane numbers) before any view sees them.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Deserializer};

/// The site's identity, navigation and settings (`site` endpoint).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Site {
    pub name: String,
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub logo: Option<Image>,
    /// The main page of the wider site ("Главная" in breadcrumbs); the feed if absent.
    #[serde(default)]
    pub home_url: Option<String>,
    /// The site's own clock. Every date is shown in this offset, never the browser's zone.
    #[serde(default = "moscow", deserialize_with = "offset")]
    pub utc_offset: FixedOffset,
    /// News per page the backend should return where the endpoint takes `{per_page}`.
    #[serde(default = "default_page_size")]
    pub page_size: u32,
    /// The rubrics readers can filter by.
    #[serde(default)]
    pub rubrics: Vec<Rubric>,
    #[serde(default)]
    pub menu: Vec<Link>,
    #[serde(default)]
    pub sidebar: Vec<LinkGroup>,
    #[serde(default)]
    pub footer: Vec<String>,
    /// The language of the content (BCP 47, "ru" when absent). Content is marked with it
    /// wherever the interface is in another language.
    #[serde(default = "russian")]
    pub lang: String,
}

fn russian() -> String {
    "ru".to_owned()
}

/// A link from the site config (menus, sidebar).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Link {
    pub title: String,
    pub url: String,
    #[serde(default)]
    pub description: Option<String>,
}

/// A block of sidebar links under an optional heading ("Территориальные органы").
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct LinkGroup {
    #[serde(default)]
    pub heading: Option<String>,
    pub links: Vec<Link>,
}

/// A picture with its intrinsic size, so the layout reserves room before it loads.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Image {
    pub src: String,
    pub width: u32,
    pub height: u32,
    #[serde(default)]
    pub alt: String,
    #[serde(default)]
    pub caption: Option<String>,
    /// Other renditions of the same picture, for `srcset`.
    #[serde(default)]
    pub sizes: Vec<Rendition>,
}

/// One rendition of an image.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Rendition {
    pub src: String,
    pub width: u32,
    pub height: u32,
}

/// A rubric (section) a news item belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Rubric {
    pub id: String,
    pub title: String,
}

/// The title of rubric `id` among the site's `rubrics`, or the id itself for one the site
/// does not list (a link from elsewhere, a rubric since renamed).
pub fn rubric_title<'a>(rubrics: &'a [Rubric], id: &'a str) -> &'a str {
    rubrics
        .iter()
        .find(|r| r.id == id)
        .map_or(id, |r| r.title.as_str())
}

/// A preview of a news item in a list.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct NewsItem {
    pub id: String,
    pub title: String,
    pub published: DateTime<FixedOffset>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub thumbnail: Option<Image>,
    #[serde(default)]
    pub rubrics: Vec<Rubric>,
}

/// One page of the feed (`news_page` endpoint).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct NewsPage {
    pub page: u32,
    pub pages: u32,
    pub total: u32,
    pub items: Vec<NewsItem>,
    /// Set when the result covers only the newest `n` news of the backend (a feed read
    /// page by page up to a bound): older news were not looked at, and the reader is told.
    #[serde(skip)]
    pub searched: Option<u32>,
}

/// A full article (`article` endpoint).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub published: DateTime<FixedOffset>,
    #[serde(default)]
    pub updated: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub rubrics: Vec<Rubric>,
    /// Untrusted HTML: it reaches the DOM only through the sanitizer.
    #[serde(default)]
    pub body_html: String,
    #[serde(default)]
    pub gallery: Vec<Image>,
    #[serde(default)]
    pub signature: Option<String>,
    /// The news published just before this one (older), if any.
    #[serde(default)]
    pub previous: Option<ArticleRef>,
    /// The news published just after this one (newer), if any.
    #[serde(default)]
    pub next: Option<ArticleRef>,
    /// A few news on the same subject.
    #[serde(default)]
    pub related: Vec<NewsItem>,
}

/// A link to another article: its id and title.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ArticleRef {
    pub id: String,
    pub title: String,
}

/// A calendar month: how many news each day has (`calendar_month` endpoint).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CalendarMonth {
    pub year: i32,
    pub month: u32,
    #[serde(default)]
    pub days: Vec<DayCount>,
    /// The oldest and newest months that have news at all.
    pub first: YearMonth,
    pub last: YearMonth,
}

/// Counts of news per month over the whole archive (`archive` endpoint).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Archive {
    pub first: YearMonth,
    pub last: YearMonth,
    #[serde(default)]
    pub months: Vec<MonthCount>,
    /// As [`NewsPage::searched`]: the counts cover only the newest `n` news.
    #[serde(skip)]
    pub searched: Option<u32>,
}

/// The number of news in one month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub struct MonthCount {
    pub year: i32,
    pub month: u32,
    pub count: u32,
}

/// The number of news on one day of a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub struct DayCount {
    pub day: u32,
    pub count: u32,
}

/// A month of a year, written "2020-12" in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    /// Parses "2020-12"; `None` unless the month is 1–12 and the year has four digits.
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.is_empty() || month.len() > 2 {
            return None;
        }
        let ym = Self {
            year: year.parse().ok()?,
            month: month.parse().ok()?,
        };
        (1..=12).contains(&ym.month).then_some(ym)
    }

    /// The first day of the month.
    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).ok_or_else(|| serde::de::Error::custom("expected a month as YYYY-MM"))
    }
}

/// Moscow time, the offset most Russian government sites keep.
pub const MOSCOW: FixedOffset = match FixedOffset::east_opt(3 * 3600) {
    Some(offset) => offset,
    None => panic!("3 hours is a valid offset"),
};

fn moscow() -> FixedOffset {
    MOSCOW
}

fn default_page_size() -> u32 {
    10
}

fn offset<'de, D: Deserializer<'de>>(d: D) -> Result<FixedOffset, D::Error> {
    let text = String::deserialize(d)?;
    super::dates::parse_utc_offset(&text)
        .ok_or_else(|| serde::de::Error::custom("expected a UTC offset such as +07:00"))
}
