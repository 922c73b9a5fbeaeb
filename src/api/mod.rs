//! `api` — the only module that talks to the backend.
//!
//! `config` reads the runtime `config.json` (where the backend is, how its URLs look),
//! `client` does the HTTP, `decode` turns bytes into `core::model` types. Pages call the
//! async functions below from their resources; nothing else in the app builds a backend URL.

pub mod cache;
mod client;
pub mod config;
pub mod decode;
mod error;
pub mod freshness;

use std::sync::Arc;

pub use config::Config;
pub use error::ApiError;

use crate::core::filter::{self, Filter};
use crate::core::model::{Archive, Article, CalendarMonth, NewsItem, NewsPage, Site};
use client::Limits;

/// What the app needs before it can show anything: the checked config and the site.
#[derive(Clone, Debug)]
pub struct Boot {
    pub config: Arc<Config>,
    pub site: Arc<Site>,
}

/// A handle to the backend, cheap to clone into every resource.
#[derive(Clone, Debug)]
pub struct Api {
    config: Arc<Config>,
    page_size: u32,
    site_offset: chrono::FixedOffset,
}

impl Api {
    pub fn new(boot: &Boot) -> Self {
        Self {
            config: Arc::clone(&boot.config),
            page_size: boot.site.page_size,
            site_offset: boot.site.utc_offset,
        }
    }

    /// The backend's base URL, for resolving relative links inside article bodies.
    pub fn api_base(&self) -> &str {
        &self.config.api_base
    }

    fn limits(&self) -> Limits {
        limits(&self.config)
    }

    /// One page (1-based) of the feed narrowed by `filter`.
    ///
    /// Without a filter: the `news_page` endpoint. With one: the backend's `news_search`
    /// endpoint if it has one, else the static `news_index` filtered here; a backend
    /// with neither cannot filter ([`ApiError::Unsupported`]).
    pub async fn news(&self, filter: &Filter, page: u32) -> Result<NewsPage, ApiError> {
        if filter.is_empty() {
            let url = self.config.news_page_url(page, self.page_size);
            let bytes = client::get_cached(&url, self.limits()).await?;
            return decode::news_page(&bytes, &self.config.api_base);
        }
        if let Some(url) = self.config.news_search_url(filter, page, self.page_size) {
            let bytes = client::get_cached(&url, self.limits()).await?;
            return decode::news_page(&bytes, &self.config.api_base);
        }
        let items = self.index().await?;
        filter::filtered_page(
            &items,
            filter,
            self.site_offset,
            page,
            self.page_size as usize,
        )
        .ok_or(ApiError::NotFound)
    }

    /// Warms the cache with a page the reader is likely to open next.
    pub fn prefetch_news(&self, filter: &Filter, page: u32) {
        let url = if filter.is_empty() {
            Some(self.config.news_page_url(page, self.page_size))
        } else {
            self.config
                .news_search_url(filter, page, self.page_size)
                .or_else(|| self.config.news_index_url())
        };
        if let Some(url) = url {
            client::prefetch(url, self.limits());
        }
    }

    /// Every preview, from the static index.
    async fn index(&self) -> Result<Vec<NewsItem>, ApiError> {
        let url = self.config.news_index_url().ok_or(ApiError::Unsupported)?;
        let bytes = client::get_cached(&url, self.limits()).await?;
        decode::news_index(&bytes, &self.config.api_base)
    }

    /// One article by id.
    pub async fn article(&self, id: &str) -> Result<Article, ApiError> {
        if !decode::valid_id(id) {
            return Err(ApiError::NotFound);
        }
        let url = self.config.article_url(id);
        let bytes = client::get_cached(&url, self.limits()).await?;
        decode::article(&bytes, &self.config.api_base)
    }

    /// Per-month counts of the whole archive, or `None` when the backend has none.
    pub async fn archive(&self) -> Result<Option<Archive>, ApiError> {
        let Some(url) = self.config.archive_url() else {
            return Ok(None);
        };
        let bytes = client::get_cached(&url, self.limits()).await?;
        decode::archive(&bytes).map(Some)
    }

    /// Whether this article can be read offline (the service worker saved it); `None` when
    /// the browser has no Cache API.
    pub async fn article_saved_offline(&self, id: &str) -> Option<bool> {
        client::saved_offline(&self.config.article_url(id)).await
    }

    /// Warms the cache with a calendar month (the neighbours of the one shown).
    pub fn prefetch_calendar_month(&self, year: i32, month: u32) {
        if let Some(url) = self.config.calendar_month_url(year, month) {
            client::prefetch(url, self.limits());
        }
    }

    /// Whether the backend can say how many news each day has (the calendar widget).
    pub fn has_calendar(&self) -> bool {
        self.config.endpoints.archive.is_some() && self.config.endpoints.calendar_month.is_some()
    }

    /// Per-day counts of one month, or `None` when the backend has no calendar.
    pub async fn calendar_month(
        &self,
        year: i32,
        month: u32,
    ) -> Result<Option<CalendarMonth>, ApiError> {
        let Some(url) = self.config.calendar_month_url(year, month) else {
            return Ok(None);
        };
        let bytes = client::get_cached(&url, self.limits()).await?;
        decode::calendar_month(&bytes).map(Some)
    }
}

fn limits(config: &Config) -> Limits {
    Limits {
        timeout_ms: config.timeout_ms,
        max_bytes: config.max_response_bytes,
    }
}

/// Loads `config.json`, then the site config it points to.
pub async fn boot() -> Result<Boot, ApiError> {
    let fallback = Limits {
        timeout_ms: config::DEFAULT_TIMEOUT_MS,
        max_bytes: config::DEFAULT_MAX_RESPONSE_BYTES,
    };
    let bytes = client::get(config::CONFIG_URL, fallback)
        .await
        .map_err(|e| match e {
            ApiError::NotFound => ApiError::Config("файл config.json не найден".into()),
            other => other,
        })?;
    let config = Config::from_json(&bytes)?;
    warm_up(&config);
    let bytes = client::get(&config.site_url(), limits(&config)).await?;
    let site = decode::site(&bytes, &config.api_base)?;
    Ok(Boot {
        config: Arc::new(config),
        site: Arc::new(site),
    })
}

/// While the site config loads, starts what the first screen will ask for next: the
/// archive (the sidebar calendar) and, on the feed's first page, the news — one round trip
/// instead of two on a slow network. The views then get them from the shared request.
fn warm_up(config: &Config) {
    let window = leptos::prelude::window();
    let pathname = window.location().pathname().unwrap_or_default();
    let search = window.location().search().unwrap_or_default();
    let base = crate::core::routes::base_path(
        &leptos::prelude::document()
            .base_uri()
            .ok()
            .flatten()
            .unwrap_or_default(),
    );
    let path = crate::core::routes::app_path(&pathname, &base).trim_matches('/');
    if path.starts_with("embed/") {
        return;
    }
    if let Some(url) = config.archive_url() {
        client::prefetch(url, limits(config));
    }
    if (path.is_empty() || path == "news") && search.is_empty() {
        if let Some(url) = config.first_page_url_without_site() {
            client::prefetch(url, limits(config));
        }
    }
}
