//! The runtime `config.json` next to `index.html`: which kind of backend to read and where
//! it is. A deployer edits this file to point Vestnik at a backend; no rebuild.
//!
//! The keys every kind shares are read here; `backend` picks the kind (see [`KINDS`]),
//! which reads its own keys. Any other key is a mistake and
//! is reported, so a typo never silently falls back to a default.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::backend::{Backend, Kind};
use super::client::Limits;
#[cfg(feature = "jsonfeed")]
use super::jsonfeed;
use super::vestnik;
#[cfg(feature = "wordpress")]
use super::wordpress;
use super::ApiError;
use crate::core::dates;
use crate::core::model::{Image, Link, LinkGroup, Rubric, Site};

/// Where `config.json` lives, relative to the document base (`<base href>`).
pub const CONFIG_URL: &str = "config.json";

/// Every kind this build reads (the `wordpress` and `jsonfeed` cargo features, on by
/// default). The first is the default.
pub const KINDS: &[Kind] = &[
    vestnik::KIND,
    #[cfg(feature = "jsonfeed")]
    jsonfeed::KIND,
    #[cfg(feature = "wordpress")]
    wordpress::KIND,
];

/// Default limits when `config.json` does not set them.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
pub const DEFAULT_MAX_RESPONSE_BYTES: u32 = 4 * 1024 * 1024;

/// Keys every kind of backend accepts.
const COMMON_KEYS: &[&str] = &[
    "backend",
    "timeout_ms",
    "max_response_bytes",
    "site",
    "offline",
];

#[derive(Deserialize)]
struct Common {
    #[serde(default)]
    backend: Option<String>,
    #[serde(default)]
    timeout_ms: Option<u32>,
    #[serde(default)]
    max_response_bytes: Option<u32>,
    #[serde(default)]
    site: Option<SiteSettings>,
    /// Read by the service worker (public/sw.js), checked here so a typo is reported.
    #[serde(default)]
    #[allow(dead_code)]
    offline: Option<Offline>,
}

/// What the service worker may keep for reading without a network (docs/offline.md).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Offline {
    /// Everything the site stores on a reader's device, in MB (default 50).
    budget_mb: Option<u32>,
    /// A saved copy older than this many days is dropped (default 30).
    max_age_days: Option<u32>,
}

/// Site settings written into `config.json`, for backends that cannot say them (a JSON
/// Feed has no menu; WordPress has no sidebar of links). Each one given replaces what the
/// backend says.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSettings {
    pub name: Option<String>,
    pub short_name: Option<String>,
    pub description: Option<String>,
    pub logo: Option<Image>,
    pub home_url: Option<String>,
    pub utc_offset: Option<String>,
    pub lang: Option<String>,
    pub page_size: Option<u32>,
    pub rubrics: Option<Vec<Rubric>>,
    pub menu: Option<Vec<Link>>,
    pub sidebar: Option<Vec<LinkGroup>>,
    pub footer: Option<Vec<String>>,
}

/// The checked configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// The `backend` value: "vestnik", "jsonfeed", "wordpress".
    pub kind: &'static str,
    pub backend: Arc<dyn Backend>,
    pub limits: Limits,
    /// Settings that replace the backend's own (`site` in `config.json`).
    pub site: SiteSettings,
}

impl Config {
    /// Decodes and checks `config.json`; every problem is reported in Russian for the deployer.
    pub fn from_json(bytes: &[u8]) -> Result<Self, ApiError> {
        let unreadable =
            |e: serde_json::Error| ApiError::Config(format!("config.json не читается ({e})"));
        let keys: BTreeMap<String, IgnoredAny> =
            serde_json::from_slice(bytes).map_err(unreadable)?;
        let common: Common = serde_json::from_slice(bytes).map_err(unreadable)?;
        let name = common.backend.as_deref().unwrap_or(KINDS[0].name);
        let Some(kind) = KINDS.iter().find(|k| k.name == name) else {
            let known: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
            return Err(ApiError::Config(format!(
                "неизвестный вид бэкенда «{name}» в config.json (известны: {})",
                known.join(", ")
            )));
        };
        if let Some(key) = keys
            .keys()
            .find(|k| !COMMON_KEYS.contains(&k.as_str()) && !kind.keys.contains(&k.as_str()))
        {
            return Err(ApiError::Config(format!(
                "config.json не читается: неизвестный ключ «{key}» для бэкенда «{name}»"
            )));
        }
        let limits = Limits {
            timeout_ms: common
                .timeout_ms
                .unwrap_or(DEFAULT_TIMEOUT_MS)
                .clamp(1_000, 120_000),
            max_bytes: common
                .max_response_bytes
                .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES)
                .clamp(64 * 1024, 64 * 1024 * 1024),
        };
        Ok(Self {
            kind: kind.name,
            backend: (kind.build)(bytes, limits)?,
            limits,
            site: common.site.unwrap_or_default(),
        })
    }
}

impl SiteSettings {
    /// `site` with every setting given here put in place of the backend's.
    pub fn apply(&self, mut site: Site) -> Result<Site, ApiError> {
        let s = self.clone();
        if let Some(name) = s.name {
            site.name = name;
        }
        if let Some(offset) = &s.utc_offset {
            site.utc_offset = dates::parse_utc_offset(offset).ok_or_else(|| {
                ApiError::Config(format!(
                    "site.utc_offset в config.json: «{offset}» — не смещение вида +07:00"
                ))
            })?;
        }
        site.short_name = s.short_name.or(site.short_name);
        site.description = s.description.or(site.description);
        site.logo = s.logo.or(site.logo);
        site.home_url = s.home_url.or(site.home_url);
        site.lang = s.lang.unwrap_or(site.lang);
        site.page_size = s.page_size.unwrap_or(site.page_size);
        site.rubrics = s.rubrics.unwrap_or(site.rubrics);
        site.menu = s.menu.unwrap_or(site.menu);
        site.sidebar = s.sidebar.unwrap_or(site.sidebar);
        site.footer = s.footer.unwrap_or(site.footer);
        Ok(site)
    }
}
