//! `api` — the only module that talks to the backend.
//!
//! `config` reads the runtime `config.json` (which kind of backend, where it is), one
//! adapter per kind (`vestnik`, `jsonfeed`, `wordpress`, behind `backend::Backend`) turns
//! its responses into `core::model` types, `client` shares requests (cache, one download
//! per URL, aborted when the last waiter leaves), `transport` does the HTTP, `saved` reads
//! the service worker's copies. Pages call the async
//! methods of [`Api`] from their resources; nothing else in the app builds a backend URL
//! or knows which kind of backend is in use.

mod backend;
pub mod cache;
mod client;
pub mod config;
pub mod decode;
#[cfg(feature = "split")]
mod deferred;
mod error;
pub mod freshness;
#[cfg(feature = "jsonfeed")]
pub mod jsonfeed;
pub mod retry;
mod saved;
mod transport;
pub mod vestnik;
#[cfg(feature = "wordpress")]
pub mod wordpress;

use std::sync::Arc;

pub use backend::View;
pub use client::Limits;
pub use config::Config;
pub use error::ApiError;

use crate::core::filter::Filter;
use crate::core::model::{Archive, Article, CalendarMonth, NewsPage, Site};
use crate::core::routes;

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
    view: View,
}

impl Api {
    pub fn new(boot: &Boot) -> Self {
        Self {
            config: Arc::clone(&boot.config),
            view: View {
                per_page: boot.site.page_size,
                utc_offset: boot.site.utc_offset,
            },
        }
    }

    /// The base relative links inside article bodies resolve against.
    pub fn api_base(&self) -> &str {
        self.config.backend.link_base()
    }

    /// One page (1-based) of the feed narrowed by `filter`.
    pub async fn news(&self, filter: &Filter, page: u32) -> Result<NewsPage, ApiError> {
        self.config.backend.news(filter, page, self.view).await
    }

    /// Warms the cache with a page the reader is likely to open next.
    pub fn prefetch_news(&self, filter: &Filter, page: u32) {
        self.config.backend.prefetch_news(filter, page, self.view);
    }

    /// One article by id.
    pub async fn article(&self, id: &str) -> Result<Article, ApiError> {
        if !decode::valid_id(id) {
            return Err(ApiError::NotFound);
        }
        self.config.backend.article(id, self.view).await
    }

    /// Starts loading an article the reader is about to see (while its page's code arrives).
    pub fn prefetch_article(&self, id: &str) {
        if decode::valid_id(id) {
            self.config.backend.prefetch_article(id);
        }
    }

    /// Per-month counts of the whole archive, or `None` when the backend has none.
    pub async fn archive(&self) -> Result<Option<Archive>, ApiError> {
        self.config.backend.archive(self.view).await
    }

    /// Whether this article can be read offline (the service worker saved it); `None` when
    /// the browser has no Cache API.
    pub async fn article_saved_offline(&self, id: &str) -> Option<bool> {
        saved::saved_offline(&self.config.backend.article_url(id)?).await
    }

    /// Deletes the saved copies of these articles and every saved photo (the saved page's
    /// «Очистить»). Feed pages, calendar months and the site's settings stay: the site
    /// still opens offline.
    pub async fn forget_saved(&self, ids: &[String]) {
        let urls: Vec<String> = ids
            .iter()
            .filter_map(|id| self.config.backend.article_url(id))
            .collect();
        client::forget(&urls);
        saved::forget_saved(&urls).await;
    }

    /// The latest copy the service worker could not keep for offline reading, if any.
    pub async fn storage_problem(&self) -> Option<saved::StorageProblem> {
        saved::storage_problem().await
    }

    /// Warms the cache with a calendar month (the neighbours of the one shown).
    pub fn prefetch_calendar_month(&self, year: i32, month: u32) {
        self.config
            .backend
            .prefetch_calendar_month(year, month, self.view);
    }

    /// Whether the backend can say how many news each day has (the calendar widget).
    pub fn has_calendar(&self) -> bool {
        self.config.backend.has_calendar()
    }

    /// Per-day counts of one month, or `None` when the backend has no calendar.
    pub async fn calendar_month(
        &self,
        year: i32,
        month: u32,
    ) -> Result<Option<CalendarMonth>, ApiError> {
        self.config
            .backend
            .calendar_month(year, month, self.view)
            .await
    }
}

/// Loads `config.json`, then the site from the backend it names (with the config's own
/// `site` settings put over it). `first` is the address the reader opened (the app path and
/// query): the feed's first page is asked for beside the site, not after it.
pub async fn boot(first: (String, String)) -> Result<Boot, ApiError> {
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
    config.backend.ready().await?;
    if let Some(feed) = routes::first_screen_is_feed(&first.0, &first.1) {
        config.backend.warm_up(feed);
    }
    let site = config.backend.site().await?;
    let site = decode::check_site(config.site.apply(site)?, config.backend.link_base())?;
    Ok(Boot {
        config: Arc::new(config),
        site: Arc::new(site),
    })
}
