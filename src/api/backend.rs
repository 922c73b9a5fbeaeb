//! One trait for every kind of backend Vestnik can read.
//!
//! An adapter turns one backend's responses into `core::model`; nothing outside `api`
//! knows which kind is in use. A new kind is one file implementing [`Backend`] with its
//! [`Kind`], plus one line in `super::config::KINDS`: its name is the `backend` value in
//! `config.json`, and the keys it reads from `config.json` are listed there so a typo is
//! still reported. (The list lives beside the config that picks from it, so this file
//! imports no adapter and no adapter reaches back into it through the list.)

use std::sync::Arc;

use chrono::FixedOffset;
use futures::future::LocalBoxFuture;

use super::client::Limits;
use super::ApiError;
use crate::core::filter::Filter;
use crate::core::model::{Archive, Article, CalendarMonth, NewsPage, Site};

/// The answer of a backend call.
pub type Answer<'a, T> = LocalBoxFuture<'a, Result<T, ApiError>>;

/// What a page asks of the backend, whatever its kind.
pub trait Backend: Send + Sync + std::fmt::Debug {
    /// Ready to be asked: an adapter in a chunk of its own fetches and builds it
    /// (`super::deferred`); `api::boot` awaits this before anything else.
    fn ready(&self) -> Answer<'_, ()> {
        Box::pin(async { Ok(()) })
    }

    /// The site: name, clock, menus, rubrics. Asked once, at start; returned unchecked
    /// (`api::boot` puts the config's `site` settings over it, then checks it once: links
    /// and images resolve against [`Backend::link_base`]).
    fn site(&self) -> Answer<'_, Site>;

    /// Page `page` (1-based) of the feed narrowed by `filter`.
    fn news<'a>(&'a self, filter: &'a Filter, page: u32, view: View) -> Answer<'a, NewsPage>;

    /// One article by id (the id is already known to be sane).
    fn article<'a>(&'a self, id: &'a str, view: View) -> Answer<'a, Article>;

    /// Per-month counts of the whole archive, `None` when the backend cannot tell.
    fn archive(&self, view: View) -> Answer<'_, Option<Archive>>;

    /// Per-day counts of one month, `None` when the backend cannot tell.
    fn calendar_month(
        &self,
        year: i32,
        month: u32,
        view: View,
    ) -> Answer<'_, Option<CalendarMonth>>;

    /// Whether the calendar widget can be shown at all.
    fn has_calendar(&self) -> bool;

    /// Starts loading a page the reader is likely to open next (in the background).
    fn prefetch_news(&self, _filter: &Filter, _page: u32, _view: View) {}

    /// Starts loading an article the reader is about to see, for the view being drawn (it
    /// stops when that view goes: `client::preload`).
    fn prefetch_article(&self, _id: &str) {}

    /// Starts loading a calendar month (the neighbours of the one shown).
    fn prefetch_calendar_month(&self, _year: i32, _month: u32, _view: View) {}

    /// Starts what the first screen will need while the site config loads; `feed` when the
    /// reader opened the feed's first page.
    fn warm_up(&self, _feed: bool) {}

    /// The URL an article is fetched from, to ask the service worker whether it is saved.
    fn article_url(&self, id: &str) -> Option<String>;

    /// The base relative links and images inside article bodies resolve against.
    fn link_base(&self) -> &str;
}

/// What a call needs to know about the site it serves (from the site config).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct View {
    pub per_page: u32,
    pub utc_offset: FixedOffset,
}

/// Builds a backend from the bytes of `config.json` (its own keys) and the common limits.
pub type Build = fn(&[u8], Limits) -> Result<Arc<dyn Backend>, ApiError>;

/// One kind of backend: its `backend` value in `config.json`, the keys it reads there,
/// and how to build it from the config's bytes.
pub struct Kind {
    pub name: &'static str,
    pub keys: &'static [&'static str],
    pub build: Build,
}
