//! Turning the backend's bytes into the model, trusting nothing.
//!
//! Serde rejects wrong types and missing required fields; after it, every URL is checked
//! and resolved against the backend's base, images without a sane size are dropped, and
//! counts are made consistent, so no view ever has to second-guess the model.

use serde::de::DeserializeOwned;

use super::ApiError;
use crate::core::calendar;
use crate::core::i18n;
use crate::core::links::{self, Use};
use crate::core::model::{
    Archive, Article, ArticleRef, CalendarMonth, Image, Link, LinkGroup, NewsItem, NewsPage, Site,
};

/// The largest width or height we accept for an image, in pixels.
const MAX_IMAGE_SIDE: u32 = 20_000;

/// Decodes a JSON document, naming what arrived when it is not JSON at all.
pub fn json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    match start.map(|i| bytes[i]) {
        None => return Err(ApiError::Format("пустой ответ".into())),
        Some(b'<') => return Err(ApiError::Format("вместо JSON пришла HTML-страница".into())),
        _ => {}
    }
    serde_json::from_slice(bytes).map_err(|e| ApiError::Format(e.to_string()))
}

/// The site config, with unsafe links and images removed.
pub fn site(bytes: &[u8], base: &str) -> Result<Site, ApiError> {
    check_site(json(bytes)?, base)
}

/// A site from any backend, with unsafe links and images removed and numbers in range.
pub fn check_site(mut site: Site, base: &str) -> Result<Site, ApiError> {
    if site.name.trim().is_empty() {
        return Err(ApiError::Format("у сайта нет названия".into()));
    }
    site.logo = site.logo.and_then(|logo| image(logo, base));
    site.home_url = site
        .home_url
        .and_then(|url| links::safe_url(&url, Use::Link).map(str::to_owned));
    site.menu = safe_links(site.menu);
    site.sidebar = site
        .sidebar
        .into_iter()
        .map(|group| LinkGroup {
            links: safe_links(group.links),
            ..group
        })
        .filter(|group| !group.links.is_empty())
        .collect();
    site.page_size = site.page_size.clamp(1, 100);
    site.lang = i18n::language_tag(&site.lang).unwrap_or_else(|| "ru".to_owned());
    Ok(site)
}

/// One page of the feed. Items without an id or a title are left out, not fatal.
pub fn news_page(bytes: &[u8], base: &str) -> Result<NewsPage, ApiError> {
    let mut page: NewsPage = json(bytes)?;
    page.items = checked_previews(page.items, base);
    page.page = page.page.max(1);
    page.pages = page.pages.max(page.page);
    page.total = page.total.max(page.items.len() as u32);
    Ok(page)
}

/// The static index: every preview, newest first (`{"items": [...]}`).
pub fn news_index(bytes: &[u8], base: &str) -> Result<Vec<NewsItem>, ApiError> {
    #[derive(serde::Deserialize)]
    struct Index {
        items: Vec<NewsItem>,
    }
    let index: Index = json(bytes)?;
    Ok(checked_previews(index.items, base))
}

/// One article. Its body stays raw HTML here: it is sanitized on its way into the DOM.
pub fn article(bytes: &[u8], base: &str) -> Result<Article, ApiError> {
    check_article(json(bytes)?, base)
}

/// An article from any backend: it needs an id and a title; images are checked, links to
/// other articles must be usable.
pub fn check_article(mut article: Article, base: &str) -> Result<Article, ApiError> {
    if !valid_id(&article.id) || article.title.trim().is_empty() {
        return Err(ApiError::Format(
            "у новости нет идентификатора или заголовка".into(),
        ));
    }
    article.gallery = article
        .gallery
        .into_iter()
        .filter_map(|img| image(img, base))
        .collect();
    let usable =
        |r: &ArticleRef| valid_id(&r.id) && !r.title.trim().is_empty() && r.id != article.id;
    article.previous = article.previous.filter(usable);
    article.next = article.next.filter(usable);
    article.related = checked_previews(std::mem::take(&mut article.related), base);
    article.related.retain(|r| r.id != article.id);
    Ok(article)
}

/// A calendar month; days outside the month and zero counts are dropped.
pub fn calendar_month(bytes: &[u8]) -> Result<CalendarMonth, ApiError> {
    let mut month: CalendarMonth = json(bytes)?;
    if !(1..=12).contains(&month.month) {
        return Err(ApiError::Format("номер месяца вне 1–12".into()));
    }
    month
        .days
        .retain(|d| (1..=31).contains(&d.day) && d.count > 0);
    Ok(month)
}

/// The archive's month counts, newest first: impossible months, years the calendar cannot
/// show and zero counts are dropped, repeats added up (`calendar::month_counts`); its span
/// kept within those years.
pub fn archive(bytes: &[u8]) -> Result<Archive, ApiError> {
    let mut archive: Archive = json(bytes)?;
    archive.months = calendar::month_counts(archive.months);
    archive.first = calendar::supported(archive.first);
    archive.last = calendar::supported(archive.last);
    Ok(archive)
}

/// Ids travel in URLs and keys: short, printable, and never empty.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 128 && !id.chars().any(char::is_control)
}

/// Previews with an id and a title, their thumbnails checked.
pub fn checked_previews(items: Vec<NewsItem>, base: &str) -> Vec<NewsItem> {
    items
        .into_iter()
        .filter(|item| valid_id(&item.id) && !item.title.trim().is_empty())
        .map(|item| NewsItem {
            thumbnail: item.thumbnail.and_then(|t| image(t, base)),
            ..item
        })
        .collect()
}

fn safe_links(list: Vec<Link>) -> Vec<Link> {
    list.into_iter()
        .filter(|l| !l.title.trim().is_empty())
        .filter_map(|l| {
            let url = links::safe_url(&l.url, Use::Link)?.to_owned();
            Some(Link { url, ..l })
        })
        .collect()
}

/// An image with a safe, resolved address and a believable size, or nothing.
pub fn image(img: Image, base: &str) -> Option<Image> {
    let sane =
        |w: u32, h: u32| (1..=MAX_IMAGE_SIDE).contains(&w) && (1..=MAX_IMAGE_SIDE).contains(&h);
    if !sane(img.width, img.height) {
        return None;
    }
    let src = links::resolve(base, links::safe_url(&img.src, Use::Image)?);
    let sizes = img
        .sizes
        .into_iter()
        .filter(|r| sane(r.width, r.height))
        .filter_map(|mut r| {
            r.src = links::resolve(base, links::safe_url(&r.src, Use::Image)?);
            Some(r)
        })
        .collect();
    Some(Image { src, sizes, ..img })
}

/// A value some backends write as a string and others as a number (JSON Feed 1.0 ids,
/// WordPress's `gmt_offset`), kept as text: `"7"` and `7` read `"7"`, `5.5` reads `"5.50"`.
#[cfg(any(feature = "wordpress", feature = "jsonfeed"))]
pub struct TextOrNumber(pub String);

#[cfg(any(feature = "wordpress", feature = "jsonfeed"))]
impl<'de> serde::Deserialize<'de> for TextOrNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = TextOrNumber;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E>(self, v: &str) -> Result<TextOrNumber, E> {
                Ok(TextOrNumber(v.to_owned()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<TextOrNumber, E> {
                Ok(TextOrNumber(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<TextOrNumber, E> {
                Ok(TextOrNumber(v.to_string()))
            }
            /// Written with two decimals from an integer ("5.50"): formatting floats would
            /// bring a float printer into the wasm for the sake of a time-zone offset.
            fn visit_f64<E>(self, v: f64) -> Result<TextOrNumber, E> {
                let hundredths = (v * 100.0).round();
                if !hundredths.is_finite() || hundredths.abs() > 1e15 {
                    return Ok(TextOrNumber(String::new()));
                }
                let hundredths = hundredths as i64;
                let sign = if hundredths < 0 { "-" } else { "" };
                let abs = hundredths.unsigned_abs();
                Ok(TextOrNumber(format!(
                    "{sign}{}.{:02}",
                    abs / 100,
                    abs % 100
                )))
            }
        }
        d.deserialize_any(Visitor)
    }
}
