//! The WordPress REST API (`/wp-json/wp/v2/…`), on by default on every WordPress site.
//!
//! `config.json`: `{"backend": "wordpress", "api_base": "https://press.example/wp-json/"}`.
//! Posts come with `_embed` (featured image, categories); titles and excerpts are HTML
//! with entities and become plain text; bodies are sanitized like every body, and the
//! photos of their galleries become the article's gallery. Totals come from the
//! `X-WP-Total` / `X-WP-TotalPages` headers, the site from the API's index, rubrics from
//! categories. Dates: `date_gmt` is UTC without an offset; `date` (site-local) is what
//! `after`/`before` compare, so calendar days are the site's own days.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;

use super::backend::{Answer, Backend, Build, Kind, View};
use super::client::{self, Body, Limits};
#[cfg(feature = "split")]
use super::deferred::Deferred;
use super::{decode, ApiError};
use crate::core::calendar;
use crate::core::dates;
use crate::core::filter::Filter;
use crate::core::html;
use crate::core::links::{self, Use};
use crate::core::model::{
    Archive, Article, CalendarMonth, Image, NewsItem, NewsPage, Rendition, Rubric, Site, YearMonth,
    MOSCOW,
};
use crate::core::template::encode_component;

pub const KIND: Kind = Kind {
    name: "wordpress",
    keys: &["api_base"],
    build: BUILD,
};

/// Builds the adapter from `config.json`'s bytes.
fn build(bytes: &[u8], limits: Limits) -> Result<Arc<dyn Backend>, ApiError> {
    #[derive(Deserialize)]
    struct Raw {
        api_base: String,
    }
    let raw: Raw = serde_json::from_slice(bytes)
        .map_err(|e| ApiError::Config(format!("config.json не читается ({e})")))?;
    Ok(Arc::new(WordPress {
        urls: Urls::new(&raw.api_base)?,
        limits,
    }))
}

#[cfg(not(feature = "split"))]
const BUILD: Build = build;

/// In a split build the adapter waits in its chunk until `config.json` names it.
#[cfg(feature = "split")]
const BUILD: Build = |bytes, limits| {
    Ok(Deferred::waiting(bytes, limits, |b, l| {
        Box::pin(load(b, l))
    }))
};

#[cfg(feature = "split")]
crate::split!(wordpress, preload;
    fn load(bytes: Vec<u8>, limits: Limits) -> Result<Arc<dyn Backend>, ApiError> {
        build(&bytes, limits)
    }
);

/// The most posts WordPress returns per request.
const MAX_PER_PAGE: u32 = 100;
/// How many pages of dates the archive reads (100 posts each); older months are left out.
pub const MAX_DATE_PAGES: u32 = 20;
/// What each list asks to be embedded.
const EMBED: &str = "_embed=wp%3Afeaturedmedia%2Cwp%3Aterm";

/// Every URL this adapter requests, from the API root (`…/wp-json/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Urls {
    root: String,
}

impl Urls {
    /// Checks the root: an absolute http(s) URL or a path, ending in `/` once normalised.
    pub fn new(api_base: &str) -> Result<Self, ApiError> {
        let base = api_base.trim();
        if base.is_empty() || links::safe_url(base, Use::Image).is_none() {
            return Err(ApiError::Config(
                "api_base в config.json: нужен адрес REST API WordPress, например https://press.example/wp-json/".into(),
            ));
        }
        let root = if base.ends_with('/') {
            base.to_owned()
        } else {
            format!("{base}/")
        };
        Ok(Self { root })
    }

    /// The API index with only what the site needs (the full index lists every route).
    pub fn site(&self) -> String {
        format!(
            "{}?_fields=name,description,url,home,gmt_offset,site_icon_url",
            self.root
        )
    }

    /// Categories that have posts: the rubrics.
    pub fn categories(&self) -> String {
        format!(
            "{}wp/v2/categories?per_page=100&hide_empty=true&orderby=count&order=desc&_fields=id,name",
            self.root
        )
    }

    /// A page of posts narrowed by `filter`.
    pub fn posts(&self, filter: &Filter, page: u32, per_page: u32) -> String {
        let mut url = format!(
            "{}wp/v2/posts?{EMBED}&page={page}&per_page={}",
            self.root,
            per_page.clamp(1, MAX_PER_PAGE)
        );
        if let Some(q) = &filter.query {
            url.push_str(&format!("&search={}", encode_component(q)));
        }
        if let Some(rubric) = &filter.rubric {
            url.push_str(&format!("&categories={}", encode_component(rubric)));
        }
        if let Some((from, to)) = filter.period.days() {
            url.push_str(&period(from, to));
        }
        url
    }

    /// One post.
    pub fn post(&self, id: &str) -> String {
        format!("{}wp/v2/posts/{}?{EMBED}", self.root, encode_component(id))
    }

    /// Only the dates of posts, 100 a page, optionally within `days` (inclusive).
    pub fn dates(&self, days: Option<(NaiveDate, NaiveDate)>, page: u32) -> String {
        let mut url = format!(
            "{}wp/v2/posts?_fields=date&per_page={MAX_PER_PAGE}&page={page}",
            self.root
        );
        if let Some((from, to)) = days {
            url.push_str(&period(from, to));
        }
        url
    }
}

/// `after`/`before` for inclusive days on the site's clock (both bounds are exclusive in
/// WordPress and compared with the site-local `date`).
fn period(from: NaiveDate, to: NaiveDate) -> String {
    let after = from.pred_opt().unwrap_or(from);
    let before = to.succ_opt().unwrap_or(to);
    format!(
        "&after={}T23%3A59%3A59&before={}T00%3A00%3A00",
        dates::iso_day(after),
        dates::iso_day(before)
    )
}

// ------------------------------------------------------------------ decoding

#[derive(Deserialize)]
struct Index {
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    home: Option<String>,
    #[serde(default)]
    url: Option<String>,
    /// Hours, as a number (`7`, `5.5`) or a string (`"7"`).
    #[serde(default)]
    gmt_offset: Option<decode::TextOrNumber>,
    #[serde(default)]
    site_icon_url: Option<String>,
}

/// Seconds east of UTC from "7", "-3", "5.5", "5:30".
fn offset_seconds(text: &str) -> Option<i32> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (hours, minutes) = match digits.split_once([':', '.']) {
        Some((h, m)) if digits.contains('.') => (
            h,
            match m {
                "5" | "50" => 30,
                "25" => 15,
                "75" => 45,
                "0" | "00" => 0,
                _ => return None,
            },
        ),
        Some((h, m)) => (h, m.parse::<i32>().ok().filter(|m| (0..60).contains(m))?),
        None => (digits, 0),
    };
    let hours: i32 = hours.parse().ok().filter(|h| (0..=14).contains(h))?;
    let seconds = hours * 3600 + minutes * 60;
    Some(if negative { -seconds } else { seconds })
}

/// The site from the API index: name and description (entities decoded), home page and
/// clock.
pub fn site(bytes: &[u8]) -> Result<Site, ApiError> {
    let index: Index = decode::json(bytes)?;
    let utc_offset = index
        .gmt_offset
        .and_then(|o| offset_seconds(&o.0))
        .and_then(chrono::FixedOffset::east_opt)
        .unwrap_or(MOSCOW);
    let description = html::text(&index.description);
    Ok(Site {
        name: html::text(&index.name),
        short_name: None,
        description: (!description.is_empty()).then_some(description),
        // The site icon is a 512 px square (WordPress crops it so).
        logo: index
            .site_icon_url
            .filter(|u| !u.trim().is_empty())
            .map(|src| Image {
                src,
                width: 512,
                height: 512,
                alt: String::new(),
                caption: None,
                sizes: Vec::new(),
            }),
        home_url: index.home.or(index.url),
        utc_offset,
        page_size: 10,
        rubrics: Vec::new(),
        menu: Vec::new(),
        sidebar: Vec::new(),
        footer: Vec::new(),
        lang: "ru".to_owned(),
    })
}

#[derive(Deserialize)]
struct Category {
    id: u64,
    name: String,
}

/// Rubrics from the category list (the id is WordPress's number).
pub fn rubrics(bytes: &[u8]) -> Result<Vec<Rubric>, ApiError> {
    let list: Vec<Category> = decode::json(bytes)?;
    Ok(list
        .into_iter()
        .map(|c| Rubric {
            id: c.id.to_string(),
            title: html::text(&c.name),
        })
        .filter(|r| !r.title.is_empty())
        .collect())
}

#[derive(Deserialize)]
struct Rendered {
    #[serde(default)]
    rendered: String,
}

#[derive(Deserialize)]
struct Post {
    id: u64,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    date_gmt: Option<String>,
    #[serde(default)]
    modified_gmt: Option<String>,
    #[serde(default)]
    title: Option<Rendered>,
    #[serde(default)]
    excerpt: Option<Rendered>,
    #[serde(default)]
    content: Option<Rendered>,
    #[serde(default, rename = "_embedded")]
    embedded: Embedded,
}

#[derive(Default, Deserialize)]
struct Embedded {
    #[serde(default, rename = "wp:featuredmedia")]
    media: Vec<Media>,
    #[serde(default, rename = "wp:term")]
    terms: Vec<Vec<Term>>,
}

/// A media item; when the reader may not see it, WordPress embeds an error object in its
/// place, which decodes with nothing set and is skipped.
#[derive(Deserialize)]
struct Media {
    #[serde(default)]
    source_url: Option<String>,
    #[serde(default)]
    alt_text: String,
    #[serde(default)]
    caption: Option<Rendered>,
    #[serde(default)]
    media_details: Option<MediaDetails>,
}

#[derive(Deserialize)]
struct MediaDetails {
    #[serde(default)]
    width: u32,
    #[serde(default)]
    height: u32,
    #[serde(default)]
    sizes: std::collections::BTreeMap<String, Size>,
}

#[derive(Deserialize)]
struct Size {
    source_url: String,
    width: u32,
    height: u32,
}

#[derive(Deserialize)]
struct Term {
    #[serde(default)]
    id: u64,
    #[serde(default)]
    name: String,
    #[serde(default)]
    taxonomy: String,
}

/// A date WordPress wrote without an offset: `date_gmt` (UTC) when it has one, else the
/// site-local `date` on `local` time.
fn moment(
    gmt: Option<&str>,
    local: Option<&str>,
    site: chrono::FixedOffset,
) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let parse = dates::parse_local;
    if let Some(utc) = gmt.and_then(parse) {
        return Some(utc.and_utc().fixed_offset());
    }
    local
        .and_then(parse)
        .and_then(|t| t.and_local_timezone(site).single())
}

impl Post {
    fn published(
        &self,
        site: chrono::FixedOffset,
    ) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        moment(self.date_gmt.as_deref(), self.date.as_deref(), site)
    }

    fn title(&self) -> String {
        self.title
            .as_ref()
            .map(|t| html::text(&t.rendered))
            .unwrap_or_default()
    }

    fn rubrics(&self) -> Vec<Rubric> {
        self.embedded
            .terms
            .iter()
            .flatten()
            .filter(|t| t.taxonomy == "category" && t.id > 0)
            .map(|t| Rubric {
                id: t.id.to_string(),
                title: html::text(&t.name),
            })
            .filter(|r| !r.title.is_empty())
            .collect()
    }

    fn featured(&self) -> Option<Image> {
        let media = self.embedded.media.first()?;
        let details = media.media_details.as_ref()?;
        // In WordPress's order; `images::srcset` sorts them by width.
        let sizes: Vec<Rendition> = details
            .sizes
            .values()
            .map(|s| Rendition {
                src: s.source_url.clone(),
                width: s.width,
                height: s.height,
            })
            .collect();
        let caption = media
            .caption
            .as_ref()
            .map(|c| html::text(&c.rendered))
            .filter(|c| !c.is_empty());
        Some(Image {
            src: media.source_url.clone()?,
            width: details.width,
            height: details.height,
            alt: html::text(&media.alt_text),
            caption,
            sizes,
        })
    }

    fn preview(self, site: chrono::FixedOffset) -> Option<NewsItem> {
        Some(NewsItem {
            id: self.id.to_string(),
            title: self.title(),
            published: self.published(site)?,
            summary: self
                .excerpt
                .as_ref()
                .map(|e| html::summary(&e.rendered))
                .unwrap_or_default(),
            thumbnail: self.featured(),
            rubrics: self.rubrics(),
        })
    }
}

/// A page of posts as previews; posts without a date or title are left out.
pub fn posts(bytes: &[u8], site: chrono::FixedOffset) -> Result<Vec<NewsItem>, ApiError> {
    let list: Vec<Post> = decode::json(bytes)?;
    let items = list.into_iter().filter_map(|p| p.preview(site)).collect();
    Ok(decode::checked_previews(items, ""))
}

/// One post as an article: the body without its galleries, whose photos (after the
/// featured image) become the gallery.
pub fn post(bytes: &[u8], site: chrono::FixedOffset) -> Result<Article, ApiError> {
    let post: Post = decode::json(bytes)?;
    let published = post
        .published(site)
        .ok_or_else(|| ApiError::Format("у записи нет даты".into()))?;
    let updated = moment(post.modified_gmt.as_deref(), None, site).filter(|u| *u > published);
    let content = post
        .content
        .as_ref()
        .map(|c| c.rendered.as_str())
        .unwrap_or_default();
    let galleries = html::take_galleries(content);
    let mut gallery: Vec<Image> = post.featured().into_iter().collect();
    for photo in galleries.photos {
        if !gallery.iter().any(|g| same_picture(&g.src, &photo.src)) {
            gallery.push(photo);
        }
    }
    let article = Article {
        id: post.id.to_string(),
        title: post.title(),
        published,
        updated,
        summary: post
            .excerpt
            .as_ref()
            .map(|e| html::summary(&e.rendered))
            .unwrap_or_default(),
        rubrics: post.rubrics(),
        body_html: galleries.body,
        gallery,
        signature: None,
        previous: None,
        next: None,
        related: Vec::new(),
    };
    decode::check_article(article, "")
}

/// The same upload in another size: `photo-1024x683.jpg` is `photo.jpg`.
fn same_picture(a: &str, b: &str) -> bool {
    fn stem(url: &str) -> &str {
        let file = url.rsplit('/').next().unwrap_or(url);
        let name = file.rsplit_once('.').map_or(file, |(n, _)| n);
        match name.rsplit_once('-') {
            Some((stem, size))
                if size.split_once('x').is_some_and(|(w, h)| {
                    !w.is_empty()
                        && !h.is_empty()
                        && w.bytes().chain(h.bytes()).all(|b| b.is_ascii_digit())
                }) =>
            {
                stem
            }
            _ => name,
        }
    }
    stem(a) == stem(b) && !stem(a).is_empty()
}

#[derive(Deserialize)]
struct DateOnly {
    #[serde(default)]
    date: Option<String>,
}

/// The site-local days of a list of `_fields=date` posts.
pub fn days(bytes: &[u8]) -> Result<Vec<NaiveDate>, ApiError> {
    let list: Vec<DateOnly> = decode::json(bytes)?;
    Ok(list
        .iter()
        .filter_map(|d| dates::parse_local(d.date.as_deref()?))
        .map(|t| t.date())
        .collect())
}

/// Total posts and pages from the paging headers (absent or garbled: `None`).
pub fn totals(total: Option<&str>, pages: Option<&str>) -> (Option<u32>, Option<u32>) {
    let number = |v: Option<&str>| v.and_then(|v| v.trim().parse::<u32>().ok());
    (number(total), number(pages))
}

/// A page of the feed from a page of posts and the paging headers. Without the headers
/// (a proxy dropped them, or CORS does not expose them) a full page offers the next one and
/// the count is a lower bound.
pub fn news_page(
    items: Vec<NewsItem>,
    page: u32,
    per_page: u32,
    (total, pages): (Option<u32>, Option<u32>),
) -> NewsPage {
    let before = (page - 1).saturating_mul(per_page);
    let seen = before.saturating_add(items.len() as u32);
    match (total, pages) {
        (Some(total), Some(pages)) => NewsPage {
            page,
            pages: pages.max(page),
            total: total.max(seen),
            items,
            searched: None,
        },
        _ => {
            let full = items.len() as u32 >= per_page;
            NewsPage {
                page,
                pages: if full { page + 1 } else { page },
                total: seen,
                items,
                searched: full.then_some(seen),
            }
        }
    }
}

/// Per-day counts of `month` from days.
pub fn month_of(days: &[NaiveDate], month: YearMonth, archive: &Archive) -> CalendarMonth {
    CalendarMonth {
        year: month.year,
        month: month.month,
        days: calendar::day_counts(days, month),
        first: archive.first,
        last: archive.last,
    }
}

// ------------------------------------------------------------------ the backend

#[derive(Debug)]
struct WordPress {
    urls: Urls,
    limits: Limits,
}

impl WordPress {
    /// The body at `url` decoded by `decode` (which may read the paging headers).
    async fn get<T>(
        &self,
        url: &str,
        decode: impl FnOnce(&Body) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        client::decoded(url, self.limits, decode).await
    }

    /// Every day with posts within `days` (all time without), reading at most `max_pages`
    /// pages of dates; the second value is set when more pages were left unread.
    async fn all_days(
        &self,
        days: Option<(NaiveDate, NaiveDate)>,
        max_pages: u32,
    ) -> Result<(Vec<NaiveDate>, bool), ApiError> {
        let (mut found, pages) = self
            .get(&self.urls.dates(days, 1), |body| {
                let (_, pages) = totals(body.header("x-wp-total"), body.header("x-wp-totalpages"));
                Ok((self::days(&body.bytes)?, pages.unwrap_or(1)))
            })
            .await?;
        let rest: Vec<String> = (2..=pages.min(max_pages))
            .map(|p| self.urls.dates(days, p))
            .collect();
        let answers = futures::future::join_all(
            rest.iter()
                .map(|url| self.get(url, |body| self::days(&body.bytes))),
        )
        .await;
        for answer in answers {
            found.extend(answer?);
        }
        Ok((found, pages > max_pages))
    }
}

/// WordPress answers 400 for a page past the last one.
fn past_the_end(error: ApiError, page: u32) -> ApiError {
    match error {
        ApiError::Status(400) if page > 1 => ApiError::NotFound,
        other => other,
    }
}

impl Backend for WordPress {
    fn site(&self) -> Answer<'_, Site> {
        Box::pin(async move {
            let (index, categories) = futures::future::join(
                client::get(&self.urls.site(), self.limits),
                self.get(&self.urls.categories(), |body| rubrics(&body.bytes)),
            )
            .await;
            let mut site = site(&index?)?;
            // Without categories the rubric filter is hidden; the site still works.
            site.rubrics = categories.unwrap_or_default();
            Ok(site)
        })
    }

    fn news<'a>(&'a self, filter: &'a Filter, page: u32, view: View) -> Answer<'a, NewsPage> {
        Box::pin(async move {
            // Category ids are numbers: any other rubric has no news.
            if filter
                .rubric
                .as_deref()
                .is_some_and(|r| !r.bytes().all(|b| b.is_ascii_digit()))
            {
                return if page == 1 {
                    Ok(NewsPage {
                        page,
                        pages: 1,
                        total: 0,
                        items: Vec::new(),
                        searched: None,
                    })
                } else {
                    Err(ApiError::NotFound)
                };
            }
            self.get(&self.urls.posts(filter, page, view.per_page), |body| {
                Ok(news_page(
                    posts(&body.bytes, view.utc_offset)?,
                    page,
                    view.per_page.clamp(1, MAX_PER_PAGE),
                    totals(body.header("x-wp-total"), body.header("x-wp-totalpages")),
                ))
            })
            .await
            .map_err(|e| past_the_end(e, page))
        })
    }

    fn article<'a>(&'a self, id: &'a str, view: View) -> Answer<'a, Article> {
        Box::pin(async move {
            // WordPress ids are numbers; anything else cannot exist.
            if !id.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ApiError::NotFound);
            }
            self.get(&self.urls.post(id), |body| {
                post(&body.bytes, view.utc_offset)
            })
            .await
        })
    }

    fn archive(&self, _view: View) -> Answer<'_, Option<Archive>> {
        Box::pin(async move {
            let (days, more) = self.all_days(None, MAX_DATE_PAGES).await?;
            let searched = more.then_some(days.len() as u32);
            Ok(calendar::archive_of(&days, searched))
        })
    }

    fn calendar_month(
        &self,
        year: i32,
        month: u32,
        view: View,
    ) -> Answer<'_, Option<CalendarMonth>> {
        Box::pin(async move {
            let Some(archive) = self.archive(view).await? else {
                return Ok(None);
            };
            let m = YearMonth { year, month };
            let (Some(from), Some(to)) = (m.first_day(), crate::core::calendar::last_day(m)) else {
                return Ok(None);
            };
            let (days, _) = self.all_days(Some((from, to)), 10).await?;
            Ok(Some(month_of(&days, m, &archive)))
        })
    }

    fn has_calendar(&self) -> bool {
        true
    }

    fn prefetch_news(&self, filter: &Filter, page: u32, view: View) {
        client::prefetch(self.urls.posts(filter, page, view.per_page), self.limits);
    }

    fn prefetch_calendar_month(&self, year: i32, month: u32, _view: View) {
        let m = YearMonth { year, month };
        if let (Some(from), Some(to)) = (m.first_day(), crate::core::calendar::last_day(m)) {
            client::prefetch(self.urls.dates(Some((from, to)), 1), self.limits);
        }
    }

    /// The archive's first page of dates (the sidebar calendar); the feed's first page
    /// needs the site's page size, known only once the site has loaded.
    fn warm_up(&self, _feed: bool) {
        client::prefetch(self.urls.dates(None, 1), self.limits);
    }

    fn article_url(&self, id: &str) -> Option<String> {
        Some(self.urls.post(id))
    }

    fn link_base(&self) -> &str {
        &self.urls.root
    }
}
