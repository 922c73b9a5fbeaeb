//! The shell: boot (config, then site), then header, router, sidebar and footer.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use wasm_bindgen::JsCast;

use crate::api::{self, Api, ApiError, Boot};
use crate::components::app_status::{HeaderStatus, SavedCopyNotice, UpdateBanner};
use crate::components::archive_calendar::ArchiveCalendar;
use crate::components::error_panel::ErrorPanel;
use crate::components::later::Later;
use crate::components::sidebar::Sidebar;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::skeleton::ListSkeleton;
use crate::components::skip_link::SkipLink;
use crate::components::vi_panel::{ViPanelSlot, ViState, ViToggle};
use crate::core::embed::Widget;
use crate::core::model::Site;
use crate::core::routes::{self, Page};
use crate::lang::{self, use_lang, LangSwitch};
use crate::lazy::{self, Lazy};
use crate::location;
use crate::pages::archive::ArchivePage;
use crate::pages::article::{self, ArticleRoute};
use crate::pages::embed;
use crate::pages::feed::FeedPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::saved;
use crate::pwa;
use crate::router::{use_location, Router};

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

/// An absolute URL for a path or URL relative to the app (canonical links, Open Graph,
/// links that leave a widget's frame).
pub fn absolute(href: &str) -> String {
    web_sys::Url::new_with_base(href, &location::base_uri())
        .map_or_else(|_| href.to_owned(), |u| u.href())
}

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

/// Where the reader last was in a list, so "Возврат к списку" and the browser's back
/// button return to the same page of the same list at the same scroll position.
#[derive(Clone, Copy, Debug)]
pub struct ListMemory {
    href: RwSignal<String>,
    scroll_y: RwSignal<f64>,
    restore: RwSignal<bool>,
}

impl ListMemory {
    fn new() -> Self {
        Self {
            href: RwSignal::new(routes::FEED.to_owned()),
            scroll_y: RwSignal::new(0.0),
            restore: RwSignal::new(false),
        }
    }

    /// The list to return to.
    pub fn href(self) -> String {
        self.href.get_untracked()
    }

    /// Called as the reader leaves list `href` (e.g. clicks an article).
    pub fn remember(self, href: &str) {
        self.href.set(href.to_owned());
        self.scroll_y.set(window().scroll_y().unwrap_or(0.0));
    }

    /// Called when the reader goes back to the list (back link or browser back).
    pub fn returning(self) {
        self.restore.set(true);
    }

    /// Called by a list once it has rendered `href`: scrolls to where the reader was.
    pub fn restore_scroll_if_returning(self, href: &str) {
        if !self.restore.get_untracked() {
            return;
        }
        self.restore.set(false);
        if self.href.get_untracked() == href {
            let y = self.scroll_y.get_untracked();
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
        }
    }
}

/// The list position memory (provided by the shell).
pub fn use_list_memory() -> ListMemory {
    expect_context::<ListMemory>()
}

/// After a client-side navigation, moves focus to the new page's `h1` (once it has
/// rendered), so screen readers announce the new page and keyboard users start from its
/// top, as they would after a full page load.
fn focus_heading_on_navigation(timeout_ms: u32) {
    let location = use_location();
    Effect::new(move |previous: Option<(String, String)>| {
        let now = (location.pathname.get(), location.search.get());
        if previous.is_some_and(|p| p != now) {
            let deadline = js_sys::Date::now() + f64::from(timeout_ms) + RENDER_MARGIN_MS;
            focus_heading(deadline, document().active_element());
        }
        now
    });
}

/// How long after a request's deadline (config.json's `timeout_ms`) the new page's heading
/// is still waited for: time to render.
const RENDER_MARGIN_MS: f64 = 2_000.0;

/// Tries on each animation frame until the new page's heading is there (not the one of a
/// page still shown while the next loads, inside a region marked busy), until `deadline`
/// (ms since the epoch), and only while focus is where the navigation left it (`from`, or
/// nowhere once that has gone): a reader who has moved on meanwhile is not pulled back.
fn focus_heading(deadline: f64, from: Option<web_sys::Element>) {
    request_animation_frame(move || {
        let now = document().active_element();
        if now != from && now.as_ref() != document().body().as_deref() {
            return;
        }
        let heading = document()
            .query_selector("#main h1:not([aria-busy=\"true\"] h1)")
            .ok()
            .flatten()
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
        match heading {
            Some(h1) => {
                let _ = h1.set_attribute("tabindex", "-1");
                let _ = h1.focus();
            }
            None if js_sys::Date::now() < deadline => focus_heading(deadline, from),
            None => {}
        }
    });
}

/// The whole app. Until `config.json` and the site config have arrived it shows a
/// skeleton; if either fails, the error panel with "Повторить" — never a blank page.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = lang::saved();
    provide_context(lang);
    lang::apply(lang);
    let boot = LocalResource::new(api::boot);
    view! {
        <Suspense fallback=|| view! { <BootSkeleton /> }>
            {move || Suspend::new(async move {
                match boot.await {
                    Ok(boot) => Either::Left(view! { <Shell boot /> }),
                    Err(error) => Either::Right(view! { <BootFailure error on_retry=move || boot.refetch() /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Shell(boot: Boot) -> impl IntoView {
    let site = Arc::clone(&boot.site);
    provide_context(Api::new(&boot));
    provide_context(Arc::clone(&site));
    let memory = ListMemory::new();
    provide_context(memory);
    let back = window_event_listener(leptos::ev::popstate, move |_| memory.returning());
    on_cleanup(move || back.remove());
    let name = site.name.clone();
    let formatter = move |text: String| {
        if text.is_empty() || text == name {
            name.clone()
        } else {
            format!("{text} — {name}")
        }
    };
    let base = location::base_path();
    provide_context(RouterBase(base.clone()));
    // A widget embedded in another site's page: no shell, no service worker of its own.
    if let Some(widget) = Widget::from_path(&location::app_path(&base)) {
        provide_context(widget);
        return view! {
            <Title formatter />
            <Router base>
                <Lazy load=embed::page />
            </Router>
        }
        .into_any();
    }
    let status = pwa::start();
    provide_context(status);
    let vi = ViState::start();
    provide_context(vi);
    lazy::likely_next(|| lazy::start(article::preload));
    let (sidebar, footer) = (site.sidebar.clone(), site.footer.clone());
    view! {
        <Title formatter />
        <Router base>
            {focus_heading_on_navigation(boot.config.limits.timeout_ms)}
            <SkipLink />
            <UpdateBanner status />
            <SiteHeader site=Arc::clone(&site)>
                <HeaderStatus status />
                <ViToggle state=vi />
                <LangSwitch />
            </SiteHeader>
            <ViPanelSlot state=vi />
            <div class="layout">
                <main id="main" class="layout__main" tabindex="-1">
                    <SavedCopyNotice status site_offset=site.utc_offset />
                    {pages()}
                </main>
                <Later>
                    <Sidebar groups=sidebar.clone()>
                        <ArchiveCalendar />
                    </Sidebar>
                </Later>
            </div>
            <Later>
                <SiteFooter lines=footer.clone() build_stamp=pwa::build_stamp() />
            </Later>
        </Router>
    }
    .into_any()
}

/// The page the address names (`core::routes::Page`). A page stays while only what it
/// shows changes (another article, another page of the feed): it follows the address.
fn pages() -> impl IntoView {
    let path = use_app_path();
    let page = Memo::new(move |_| Page::of(&path.get()));
    move || match page.get() {
        Page::Feed => view! { <FeedPage /> }.into_any(),
        Page::Archive => view! { <ArchivePage /> }.into_any(),
        Page::Article => view! { <ArticleRoute /> }.into_any(),
        Page::Saved => view! { <Lazy load=saved::page /> }.into_any(),
        Page::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

/// What a reader sees while the app boots: the shape of the page, not a blank screen.
#[component]
fn BootSkeleton() -> impl IntoView {
    view! {
        <header class="site-header site-header--placeholder" aria-hidden="true"></header>
        <div class="layout">
            <main id="main" class="layout__main">
                <ListSkeleton />
            </main>
        </div>
    }
}

/// The app could not start: config or site unreachable or broken.
#[component]
fn BootFailure(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <Title text=t.load_error_title />
        <header class="site-header">
            <div class="site-header__inner">
                <span class="site-header__name">{t.fallback_site_name}</span>
            </div>
        </header>
        <div class="layout">
            <main id="main" class="layout__main">
                <h1 class="page-title">{t.site_unavailable}</h1>
                <ErrorPanel title=t.site_config_failed error on_retry />
            </main>
        </div>
    }
}
