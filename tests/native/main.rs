//! Native tests of Vestnik's pure core and of its decoders against the demo backend.
//! Run with `cargo test --test native` (part of `make test`).
#![cfg(not(target_arch = "wasm32"))]

mod cache;
mod calendar;
mod dates;
mod decode;
mod demo_data;
mod embed;
mod filter;
mod html;
mod i18n;
mod images;
#[cfg(feature = "jsonfeed")]
mod jsonfeed;
mod links;
mod meta;
mod model;
mod paging;
mod plural;
mod prefs;
mod retry;
mod routes;
mod sanitize;
mod share;
mod template;
#[cfg(feature = "wordpress")]
mod wordpress;
