//! The shell: boot (config, then site), then header, router, sidebar and footer.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::{self, Api, ApiError, Boot};
use crate::components::error_panel::ErrorPanel;
use crate::components::sidebar::Sidebar;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::skeleton::ListSkeleton;
use crate::components::skip_link::SkipLink;
use crate::core::model::Site;
use crate::pages::article::ArticlePage;
use crate::pages::feed::FeedPage;
use crate::pages::not_found::NotFoundPage;

/// The backend handle every page fetches through (provided by the shell).
pub fn use_api() -> Api {
    expect_context::<Api>()
}

/// The site config (provided by the shell).
pub fn use_site() -> Arc<Site> {
    expect_context::<Arc<Site>>()
}

/// The whole app. Until `config.json` and the site config have arrived it shows a
/// skeleton; if either fails, the error panel with "Повторить" — never a blank page.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
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
    let name = site.name.clone();
    let formatter = move |text: String| {
        if text.is_empty() || text == name {
            name.clone()
        } else {
            format!("{text} — {name}")
        }
    };
    view! {
        <Title formatter />
        <Router>
            <SkipLink />
            <SiteHeader site=Arc::clone(&site) />
            <div class="layout">
                <main id="main" class="layout__main" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=FeedPage />
                        <Route path=path!("/news") view=FeedPage />
                        <Route path=path!("/news/:id") view=ArticlePage />
                    </Routes>
                </main>
                <Sidebar groups=site.sidebar.clone() />
            </div>
            <SiteFooter lines=site.footer.clone() />
        </Router>
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
    view! {
        <Title text="Ошибка загрузки" />
        <header class="site-header">
            <div class="site-header__inner">
                <span class="site-header__name">"Новости пресс-службы"</span>
            </div>
        </header>
        <div class="layout">
            <main id="main" class="layout__main">
                <h1 class="page-title">"Сайт временно недоступен"</h1>
                <ErrorPanel title="Не удалось загрузить настройки сайта" error on_retry />
            </main>
        </div>
    }
}
