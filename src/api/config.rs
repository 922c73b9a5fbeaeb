//! The runtime `config.json` next to `index.html`: where the backend is and how its URLs
//! are laid out. A deployer edits this file to point Vestnik at a backend; no rebuild.

use serde::Deserialize;

use super::ApiError;
use crate::core::dates;
use crate::core::filter::Filter;
use crate::core::template::{self, TemplateError};

/// Where `config.json` lives, relative to the document base (`<base href>`).
pub const CONFIG_URL: &str = "config.json";

/// Default limits when `config.json` does not set them.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
pub const DEFAULT_MAX_RESPONSE_BYTES: u32 = 4 * 1024 * 1024;

/// `config.json` as written by a deployer.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    api_base: String,
    endpoints: RawEndpoints,
    #[serde(default)]
    timeout_ms: Option<u32>,
    #[serde(default)]
    max_response_bytes: Option<u32>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEndpoints {
    site: String,
    news_page: String,
    article: String,
    #[serde(default)]
    archive: Option<String>,
    #[serde(default)]
    calendar_month: Option<String>,
    #[serde(default)]
    news_index: Option<String>,
    #[serde(default)]
    news_search: Option<String>,
}

/// The checked configuration: every template is known to expand to a sane URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub api_base: String,
    pub endpoints: Endpoints,
    pub timeout_ms: u32,
    pub max_response_bytes: u32,
}

/// URL templates of each endpoint, relative to `api_base` unless absolute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoints {
    pub site: String,
    pub news_page: String,
    pub article: String,
    pub archive: Option<String>,
    pub calendar_month: Option<String>,
    /// Every preview in one file: search and filters on a static backend.
    pub news_index: Option<String>,
    /// A filtered, paged list from a dynamic backend.
    pub news_search: Option<String>,
}

/// Placeholders each endpoint provides, and those it cannot work without.
const SITE: (&[&str], &[&str]) = (&[], &[]);
const NEWS_PAGE: (&[&str], &[&str]) = (&["page", "per_page"], &["page"]);
const ARTICLE: (&[&str], &[&str]) = (&["id"], &["id"]);
const ARCHIVE: (&[&str], &[&str]) = (&[], &[]);
const CALENDAR_MONTH: (&[&str], &[&str]) = (&["year", "month"], &["year", "month"]);
const NEWS_INDEX: (&[&str], &[&str]) = (&[], &[]);
const NEWS_SEARCH: (&[&str], &[&str]) = (
    &["page", "per_page", "q", "rubric", "from", "to"],
    &["page"],
);

impl Config {
    /// Decodes and checks `config.json`; every problem is reported in Russian for the deployer.
    pub fn from_json(bytes: &[u8]) -> Result<Self, ApiError> {
        let raw: RawConfig = serde_json::from_slice(bytes)
            .map_err(|e| ApiError::Config(format!("config.json не читается ({e})")))?;
        let e = raw.endpoints;
        let checked =
            |name: &str, t: &str, (known, required): (&[&'static str], &[&'static str])| {
                template::check(t, known, required).map_err(|err: TemplateError| {
                    ApiError::Config(format!("шаблон адреса «{name}» в config.json: {err}"))
                })
            };
        checked("site", &e.site, SITE)?;
        checked("news_page", &e.news_page, NEWS_PAGE)?;
        checked("article", &e.article, ARTICLE)?;
        if let Some(t) = &e.archive {
            checked("archive", t, ARCHIVE)?;
        }
        if let Some(t) = &e.calendar_month {
            checked("calendar_month", t, CALENDAR_MONTH)?;
        }
        if let Some(t) = &e.news_index {
            checked("news_index", t, NEWS_INDEX)?;
        }
        if let Some(t) = &e.news_search {
            checked("news_search", t, NEWS_SEARCH)?;
        }
        let base = raw.api_base.trim();
        if crate::core::links::safe_url(base, crate::core::links::Use::Image).is_none()
            && !base.is_empty()
        {
            return Err(ApiError::Config(
                "api_base в config.json должен быть адресом http(s) или относительным путём".into(),
            ));
        }
        Ok(Self {
            api_base: base.to_owned(),
            endpoints: Endpoints {
                site: e.site,
                news_page: e.news_page,
                article: e.article,
                archive: e.archive,
                calendar_month: e.calendar_month,
                news_index: e.news_index,
                news_search: e.news_search,
            },
            timeout_ms: raw
                .timeout_ms
                .unwrap_or(DEFAULT_TIMEOUT_MS)
                .clamp(1_000, 120_000),
            max_response_bytes: raw
                .max_response_bytes
                .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES)
                .clamp(64 * 1024, 64 * 1024 * 1024),
        })
    }

    fn url(&self, template: &str, vars: &[(&str, &str)]) -> String {
        crate::core::links::resolve_if_relative(&self.api_base, &template::expand(template, vars))
    }

    /// The site config.
    pub fn site_url(&self) -> String {
        self.url(&self.endpoints.site, &[])
    }

    /// One page of the feed.
    pub fn news_page_url(&self, page: u32, per_page: u32) -> String {
        self.url(
            &self.endpoints.news_page,
            &[
                ("page", &page.to_string()),
                ("per_page", &per_page.to_string()),
            ],
        )
    }

    /// The feed's first page when its URL does not depend on the site's page size, so it can
    /// be requested before the site config has arrived.
    pub fn first_page_url_without_site(&self) -> Option<String> {
        (!self.endpoints.news_page.contains("per_page")).then(|| self.news_page_url(1, 0))
    }

    /// One article.
    pub fn article_url(&self, id: &str) -> String {
        self.url(&self.endpoints.article, &[("id", id)])
    }

    /// Counts of news per month over the whole archive, if the backend offers them.
    pub fn archive_url(&self) -> Option<String> {
        self.endpoints.archive.as_ref().map(|t| self.url(t, &[]))
    }

    /// Every preview in one file, if the backend offers it.
    pub fn news_index_url(&self) -> Option<String> {
        self.endpoints.news_index.as_ref().map(|t| self.url(t, &[]))
    }

    /// A filtered page from a backend with a search endpoint. `from`/`to` are inclusive
    /// days on the site's clock (`YYYY-MM-DD`); absent values are left out.
    pub fn news_search_url(&self, filter: &Filter, page: u32, per_page: u32) -> Option<String> {
        let template = self.endpoints.news_search.as_ref()?;
        let (from, to) = filter
            .period
            .days()
            .map(|(f, t)| (dates::iso_day(f), dates::iso_day(t)))
            .unwrap_or_default();
        Some(self.url(
            template,
            &[
                ("page", &page.to_string()),
                ("per_page", &per_page.to_string()),
                ("q", filter.query.as_deref().unwrap_or_default()),
                ("rubric", filter.rubric.as_deref().unwrap_or_default()),
                ("from", &from),
                ("to", &to),
            ],
        ))
    }

    /// Counts of news per day of one month (month zero-padded: "01"–"12").
    pub fn calendar_month_url(&self, year: i32, month: u32) -> Option<String> {
        self.endpoints.calendar_month.as_ref().map(|t| {
            self.url(
                t,
                &[
                    ("year", &format!("{year:04}")),
                    ("month", &format!("{month:02}")),
                ],
            )
        })
    }
}
