//! Reusable view pieces, one file each. Components receive model values as props and
//! never talk to the backend: pages fetch, components render.

pub mod app_status;
pub mod archive_calendar;
pub mod article_body;
pub mod breadcrumbs;
pub mod calendar;
pub mod error_panel;
pub mod filter_chips;
pub mod gallery;
pub mod lang_switch;
pub mod later;
pub mod lightbox;
pub mod loading;
pub mod month_list;
pub mod neighbours;
pub mod news_list;
pub mod not_found;
pub mod pager;
pub mod picture;
pub mod related;
pub mod rubrics;
pub mod search_form;
pub mod share_bar;
pub mod sidebar;
pub mod site_footer;
pub mod site_header;
pub mod site_time;
pub mod skeleton;
pub mod skip_link;
pub mod vi_panel;
