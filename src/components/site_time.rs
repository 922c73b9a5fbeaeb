//! `<SiteTime>`: a `<time>` element showing a moment on the site's clock.

use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;

use crate::core::dates;
use crate::lang::use_lang;

/// How much of the moment to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DateStyle {
    /// "1 декабря 2020, 09:30"
    #[default]
    LongWithTime,
    /// "1 декабря 2020"
    Long,
    /// "01.12.2020 09:56"
    Numeric,
}

#[component]
pub fn SiteTime(
    moment: DateTime<FixedOffset>,
    site_offset: FixedOffset,
    #[prop(optional)] style: DateStyle,
    #[prop(optional, into)] class: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let text = match style {
        DateStyle::LongWithTime => dates::long_date_time_in(lang, moment, site_offset),
        DateStyle::Long => {
            dates::long_date_in(lang, dates::in_site_zone(moment, site_offset).date_naive())
        }
        DateStyle::Numeric => dates::numeric_date_time(moment, site_offset),
    };
    view! {
        <time class=class datetime=dates::machine(moment, site_offset)>
            {text}
        </time>
    }
}
