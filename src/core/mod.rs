//! The pure core: plain Rust types and functions with no DOM, no signals and no HTTP.
//!
//! Everything here compiles and is tested natively (`cargo test`), so the rules that
//! matter most — how dates read in Russian, how URLs are built, what survives the
//! sanitizer, how counts are spelled — are checked in milliseconds.

pub mod calendar;
pub mod dates;
pub mod embed;
pub mod filter;
pub mod html;
pub mod i18n;
pub mod images;
pub mod links;
pub mod meta;
pub mod model;
pub mod paging;
pub mod plural;
pub mod prefs;
pub mod routes;
pub mod sanitize;
pub mod share;
pub mod template;
