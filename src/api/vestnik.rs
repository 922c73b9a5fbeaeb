//! Vestnik's own contract (`docs/api.md`): `config.json` names each endpoint with a URL
//! template, and the responses are the model's JSON as it is. Static files (the bundled
//! demo) and dynamic backends both fit; search and filters come from a `news_search`
//! endpoint, or from the `news_index` file filtered here.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::Arc;

use serde::Deserialize;

use super::backend::{Answer, Backend, Kind, View};
use super::client::{self, Limits};
use super::{decode, ApiError};
use crate::core::dates;
use crate::core::filter::{self, Filter};
use crate::core::model::{Archive, Article, CalendarMonth, NewsItem, NewsPage, Site};
use crate::core::template::{self, TemplateError};

pub const KIND: Kind = Kind {
    name: "vestnik",
    keys: &["api_base", "endpoints"],
    build: |bytes, limits| {
        Ok(Arc::new(Vestnik {
            contract: Contract::from_json(bytes)?,
            limits,
        }))
    },
};

/// This kind's keys in `config.json` (the common ones are read by `config`).
#[derive(Clone, Debug, Deserialize)]
struct RawConfig {
    api_base: String,
    endpoints: RawEndpoints,
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

/// The checked layout of a Vestnik backend: every template is known to expand to a sane URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contract {
    pub api_base: String,
    pub endpoints: Endpoints,
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

impl Contract {
    /// Reads and checks this kind's part of `config.json`; every problem is reported in
    /// Russian for the deployer.
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

/// A backend speaking Vestnik's own contract.
#[derive(Debug)]
struct Vestnik {
    contract: Contract,
    limits: Limits,
}

impl Vestnik {
    /// The body at `url` decoded with `decode(bytes, api_base)`.
    async fn get<T>(
        &self,
        url: &str,
        decode: impl FnOnce(&[u8], &str) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let base = &self.contract.api_base;
        client::decoded(url, self.limits, |body| decode(&body.bytes, base)).await
    }

    /// Every preview, from the static index: decoded once while the cache keeps its body,
    /// so going from one archive day or filter page to the next filters the same list (on
    /// an archive of 10 000 news the index is megabytes, and decoding it was most of a step).
    async fn index(&self) -> Result<Rc<Vec<NewsItem>>, ApiError> {
        let url = self
            .contract
            .news_index_url()
            .ok_or(ApiError::Unsupported)?;
        let base = &self.contract.api_base;
        client::decoded(&url, self.limits, |body| {
            let same = |(from, _): &Decoded| Weak::ptr_eq(from, &Rc::downgrade(&body.bytes));
            if let Some((_, items)) = INDEX.with(|i| i.borrow().clone()).filter(same) {
                return Ok(items);
            }
            let items = Rc::new(decode::news_index(&body.bytes, base)?);
            INDEX.with(|i| *i.borrow_mut() = Some((Rc::downgrade(&body.bytes), items.clone())));
            Ok(items)
        })
        .await
    }
}

thread_local! {
    /// The news index decoded last, and the body it was decoded from: the same body (not
    /// just the same URL) means the same list (`api::jsonfeed` keeps its pages the same way).
    static INDEX: RefCell<Option<Decoded>> = const { RefCell::new(None) };
}

/// A decoded news index and the body it came from.
type Decoded = (Weak<[u8]>, Rc<Vec<NewsItem>>);

impl Backend for Vestnik {
    fn site(&self) -> Answer<'_, Site> {
        Box::pin(async move {
            // Checked once, with the config's own settings in place, by `api::boot`.
            decode::json(&client::get(&self.contract.site_url(), self.limits).await?)
        })
    }

    /// Without a filter: the `news_page` endpoint. With one: the backend's `news_search`
    /// endpoint if it has one, else the static `news_index` filtered here; a backend with
    /// neither cannot filter ([`ApiError::Unsupported`]).
    fn news<'a>(&'a self, filter: &'a Filter, page: u32, view: View) -> Answer<'a, NewsPage> {
        Box::pin(async move {
            let c = &self.contract;
            if filter.is_empty() {
                return self
                    .get(&c.news_page_url(page, view.per_page), decode::news_page)
                    .await;
            }
            if let Some(url) = c.news_search_url(filter, page, view.per_page) {
                return self.get(&url, decode::news_page).await;
            }
            let items = self.index().await?;
            filter::filtered_page(
                &items,
                filter,
                view.utc_offset,
                page,
                view.per_page as usize,
            )
            .ok_or(ApiError::NotFound)
        })
    }

    fn article<'a>(&'a self, id: &'a str, _view: View) -> Answer<'a, Article> {
        Box::pin(async move {
            self.get(&self.contract.article_url(id), decode::article)
                .await
        })
    }

    fn archive(&self, _view: View) -> Answer<'_, Option<Archive>> {
        Box::pin(async move {
            let Some(url) = self.contract.archive_url() else {
                return Ok(None);
            };
            self.get(&url, |bytes, _| decode::archive(bytes))
                .await
                .map(Some)
        })
    }

    fn calendar_month(
        &self,
        year: i32,
        month: u32,
        _view: View,
    ) -> Answer<'_, Option<CalendarMonth>> {
        Box::pin(async move {
            let Some(url) = self.contract.calendar_month_url(year, month) else {
                return Ok(None);
            };
            self.get(&url, |bytes, _| decode::calendar_month(bytes))
                .await
                .map(Some)
        })
    }

    fn has_calendar(&self) -> bool {
        let e = &self.contract.endpoints;
        e.archive.is_some() && e.calendar_month.is_some()
    }

    fn prefetch_news(&self, filter: &Filter, page: u32, view: View) {
        let c = &self.contract;
        let url = if filter.is_empty() {
            Some(c.news_page_url(page, view.per_page))
        } else {
            c.news_search_url(filter, page, view.per_page)
                .or_else(|| c.news_index_url())
        };
        if let Some(url) = url {
            client::prefetch(url, self.limits);
        }
    }

    fn prefetch_article(&self, id: &str) {
        client::preload(self.contract.article_url(id), self.limits);
    }

    fn prefetch_calendar_month(&self, year: i32, month: u32, _view: View) {
        if let Some(url) = self.contract.calendar_month_url(year, month) {
            client::prefetch(url, self.limits);
        }
    }

    /// The archive (the sidebar calendar) and, on the feed's first page, the news — one
    /// round trip instead of two on a slow network.
    fn warm_up(&self, feed: bool) {
        if let Some(url) = self.contract.archive_url() {
            client::prefetch(url, self.limits);
        }
        if feed {
            if let Some(url) = self.contract.first_page_url_without_site() {
                client::prefetch(url, self.limits);
            }
        }
    }

    fn article_url(&self, id: &str) -> Option<String> {
        Some(self.contract.article_url(id))
    }

    fn link_base(&self) -> &str {
        &self.contract.api_base
    }
}
