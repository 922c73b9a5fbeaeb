//! A backend whose adapter lives in a wasm chunk of its own (WordPress, JSON Feed in a split
//! build, see `crate::lazy`): a site reading Vestnik's own contract never downloads them.
//!
//! `config.json` names the kind; [`Deferred`] keeps its bytes, and [`Backend::ready`]
//! (awaited by `api::boot` before anything else is asked) fetches the chunk and builds the
//! real adapter there. A chunk that cannot be fetched is a boot error like any other, with
//! "Повторить"; so is a config the adapter refuses.

use std::sync::{Arc, OnceLock};

use futures::future::LocalBoxFuture;

use super::backend::{Answer, Backend, View};
use super::client::Limits;
use super::ApiError;
use crate::core::filter::Filter;
use crate::core::model::{Archive, Article, CalendarMonth, NewsPage, Site};
use crate::lazy::LoadFailed;

/// Builds the real adapter from `config.json`'s bytes, in its chunk.
pub type Load =
    fn(
        Vec<u8>,
        Limits,
    ) -> LocalBoxFuture<'static, Result<Result<Arc<dyn Backend>, ApiError>, LoadFailed>>;

/// An adapter still in its chunk; every call goes to it once [`Backend::ready`] has built it.
pub struct Deferred {
    config: Vec<u8>,
    limits: Limits,
    load: Load,
    built: OnceLock<Arc<dyn Backend>>,
}

impl Deferred {
    pub fn waiting(config: &[u8], limits: Limits, load: Load) -> Arc<dyn Backend> {
        Arc::new(Self {
            config: config.to_vec(),
            limits,
            load,
            built: OnceLock::new(),
        })
    }

    fn built(&self) -> Option<&dyn Backend> {
        self.built.get().map(AsRef::as_ref)
    }

    /// The adapter, built first if need be.
    async fn backend(&self) -> Result<&dyn Backend, ApiError> {
        if self.built.get().is_none() {
            let backend = (self.load)(self.config.clone(), self.limits).await??;
            let _ = self.built.set(backend);
        }
        self.built().ok_or(ApiError::Network)
    }
}

impl std::fmt::Debug for Deferred {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.built() {
            Some(backend) => backend.fmt(f),
            None => f.write_str("Deferred"),
        }
    }
}

impl Backend for Deferred {
    fn ready(&self) -> Answer<'_, ()> {
        Box::pin(async move { self.backend().await.map(|_| ()) })
    }

    fn site(&self) -> Answer<'_, Site> {
        Box::pin(async move { self.backend().await?.site().await })
    }

    fn news<'a>(&'a self, filter: &'a Filter, page: u32, view: View) -> Answer<'a, NewsPage> {
        Box::pin(async move { self.backend().await?.news(filter, page, view).await })
    }

    fn article<'a>(&'a self, id: &'a str, view: View) -> Answer<'a, Article> {
        Box::pin(async move { self.backend().await?.article(id, view).await })
    }

    fn archive(&self, view: View) -> Answer<'_, Option<Archive>> {
        Box::pin(async move { self.backend().await?.archive(view).await })
    }

    fn calendar_month(
        &self,
        year: i32,
        month: u32,
        view: View,
    ) -> Answer<'_, Option<CalendarMonth>> {
        Box::pin(async move {
            self.backend()
                .await?
                .calendar_month(year, month, view)
                .await
        })
    }

    fn has_calendar(&self) -> bool {
        self.built().is_some_and(Backend::has_calendar)
    }

    fn prefetch_news(&self, filter: &Filter, page: u32, view: View) {
        if let Some(backend) = self.built() {
            backend.prefetch_news(filter, page, view);
        }
    }

    fn prefetch_article(&self, id: &str) {
        if let Some(backend) = self.built() {
            backend.prefetch_article(id);
        }
    }

    fn prefetch_calendar_month(&self, year: i32, month: u32, view: View) {
        if let Some(backend) = self.built() {
            backend.prefetch_calendar_month(year, month, view);
        }
    }

    fn warm_up(&self, feed: bool) {
        if let Some(backend) = self.built() {
            backend.warm_up(feed);
        }
    }

    fn article_url(&self, id: &str) -> Option<String> {
        self.built()?.article_url(id)
    }

    fn link_base(&self) -> &str {
        self.built().map_or("", Backend::link_base)
    }
}
