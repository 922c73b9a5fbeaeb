//! What the shell provides to every page and component below it, one hook each: the
//! backend handle, the site, the router base and the current app path. The shell
//! (`app.rs`) provides them; nothing here imports the shell, so pages and components
//! depend on this module, never on `app`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::Api;
use crate::core::model::Site;
use crate::core::routes;
use crate::router::use_location;

/// The backend handle every page fetches through (provided by the shell).
pub fn use_api() -> Api {
    expect_context::<Api>()
}

/// The site config (provided by the shell).
pub fn use_site() -> Arc<Site> {
    expect_context::<Arc<Site>>()
}

/// Where the app lives: the path of `<base href>` without its trailing slash ("" at the
/// site root, "/press" under a sub-path).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouterBase(pub String);

/// The router base (provided by the shell).
pub fn use_router_base() -> RouterBase {
    expect_context::<RouterBase>()
}

/// The current app path, relative to the router base: `news/archive/2020` (reactive).
pub fn use_app_path() -> Memo<String> {
    let base = use_router_base().0;
    let location = use_location();
    Memo::new(move |_| routes::app_path(&location.pathname.get(), &base).to_owned())
}
