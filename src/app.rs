//! The shell: boot (config, then site), then header, router, sidebar and footer.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};

use crate::api::{self, Api, ApiError, Boot};
use crate::components::app_status::{HeaderStatus, SavedCopyNotice, UpdateBanner};
use crate::components::archive_calendar::ArchiveCalendar;
use crate::components::error_panel::ErrorPanel;
use crate::components::lang_switch::LangSwitch;
use crate::components::later::Later;
use crate::components::sidebar::Sidebar;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::skeleton::ListSkeleton;
use crate::components::skip_link::SkipLink;
use crate::components::vi_panel::{ViPanelSlot, ViState, ViToggle};
use crate::context::{use_app_path, RouterBase};
use crate::core::embed::Widget;
use crate::core::routes::Page;
use crate::focus::focus_heading_on_navigation;
use crate::lang::{self, use_lang};
use crate::lazy::{self, Lazy};
use crate::list_memory::ListMemory;
use crate::location;
use crate::pages::archive::ArchivePage;
use crate::pages::article::{self, ArticleRoute};
use crate::pages::embed;
use crate::pages::feed::FeedPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::saved;
use crate::pwa;
use crate::router::Router;

/// The whole app. Until `config.json` and the site config have arrived it shows a
/// skeleton; if either fails, the error panel with "Повторить" — never a blank page.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = lang::saved();
    provide_context(lang);
    lang::apply(lang);
    // The address the reader opened, for the api to start the first screen's request early.
    let first = location::first_address();
    let boot = LocalResource::new(move || api::boot(first.clone()));
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
    ListMemory::provide();
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
            {focus_heading_on_navigation()}
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
