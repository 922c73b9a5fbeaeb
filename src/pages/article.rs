//! `/news/:id`: one article with its photos, signature and dates.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};

use crate::api::ApiError;
use crate::components::article_body::ArticleBody;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::error_panel::ErrorPanel;
use crate::components::gallery::Gallery;
use crate::components::loading::Loading;
use crate::components::neighbours::Neighbours;
use crate::components::not_found::NotFoundView;
use crate::components::related::Related;
use crate::components::rubrics::Rubrics;
use crate::components::share_bar::ShareBar;
use crate::components::site_time::{DateStyle, SiteTime};
use crate::components::skeleton::ArticleSkeleton;
use crate::context::{use_api, use_app_path, use_site};
use crate::core::model::Article;
use crate::core::{meta, routes};
use crate::lang::{use_content_lang, use_lang};
use crate::lazy::{Lazy, Render};
use crate::list_memory::use_list_memory;
use crate::location::absolute;
use crate::pwa::AppStatus;
use crate::reading_history;
use crate::resource;

crate::split!(article, preload;
    /// The article page, with its gallery, viewer and share bar: a chunk of its own, which
    /// the home page does not need.
    pub fn page() -> Render {
        || view! { <ArticlePage /> }.into_any()
    }
);

/// `/news/:id`: asks for the article while the page's code arrives (both in one round).
#[component]
pub fn ArticleRoute() -> impl IntoView {
    if let Some(id) = routes::article_id(&use_app_path().get_untracked()) {
        use_api().prefetch_article(&id);
    }
    let t = use_lang().texts();
    view! { <Lazy load=page fallback=|| view! { <ArticleSkeleton /> } failed=t.article_failed /> }
}

#[component]
fn ArticlePage() -> impl IntoView {
    let t = use_lang().texts();
    let api = use_api();
    let path = use_app_path();
    // While the reader leaves for another page, this one keeps its article until it goes.
    let id = Memo::new(move |was: Option<&String>| {
        routes::article_id(&path.get())
            .or_else(|| was.cloned())
            .unwrap_or_default()
    });
    let status = use_context::<AppStatus>();
    let offline = move || {
        status.is_some_and(|s| s.offline.get_untracked()) || !window().navigator().on_line()
    };
    let article = resource::latest(id, move |id| {
        let api = api.clone();
        async move { api.article(&id).await }
    });

    let body = move |answer: Result<Article, ApiError>| {
        Ok(match answer {
            Ok(a) => {
                reading_history::remember(&a);
                view! { <ArticleView article=a /> }.into_any()
            }
            Err(ApiError::NotFound) => view! {
                <NotFoundView title=t.article_not_found text=t.article_maybe_removed />
            }
            .into_any(),
            // Offline, and this article was never saved: say where saved news are; the
            // error panel below still offers «Повторить».
            Err(error @ (ApiError::Network | ApiError::Timeout)) if offline() => view! {
                <Title text=t.offline />
                <div class="notice" role="status">
                    <p><strong>{t.article_not_saved}</strong></p>
                    <p>
                        {t.offline_available}
                        <a href=routes::SAVED>{t.saved_news}</a>
                    </p>
                </div>
                <ErrorPanel title=t.article_failed error on_retry=move || article.refetch() />
            }
            .into_any(),
            Err(error) => return Err(error),
        })
    };
    // While another article loads, the one shown stays, dimmed and marked busy.
    view! {
        <Loading
            resource=article
            failed=t.article_failed
            view=body
            fallback=|| view! { <ArticleSkeleton /> }
            class="article-page"
            error_title=t.load_error_title
        />
    }
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let t = use_lang().texts();
    let content_lang = use_content_lang();
    let site = use_site();
    let memory = use_list_memory();
    let site_offset = site.utc_offset;
    let home = site
        .home_url
        .clone()
        .unwrap_or_else(|| routes::HOME.to_owned());
    let base = use_api().api_base().to_owned();
    let path = routes::article(&article.id);
    let url = absolute(&path);
    let images: Vec<String> = article
        .gallery
        .iter()
        .map(|img| absolute(&img.src))
        .collect();
    let logo = site.logo.as_ref().map(|l| absolute(&l.src));
    let json_ld = meta::news_article_ld(&article, &site, &url, &images, logo.as_deref());
    let description = meta::description(&article);
    let crumbs = vec![
        Crumb::link(t.home, home),
        Crumb::link(t.news, routes::FEED),
        Crumb::here(article.title.clone()),
    ];
    // The first photo is the link preview's picture, with its size (a messenger lays the
    // preview out before it downloads it) and its description.
    let og_image = article
        .gallery
        .first()
        .zip(images.first())
        .map(|(img, src)| {
            let size = |n: u32| (n > 0).then(|| n.to_string());
            (
                src.clone(),
                size(img.width),
                size(img.height),
                img.alt.clone(),
            )
        });
    let card = if og_image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    view! {
        <Title text=article.title.clone() />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=url.clone() />
        <Meta property="og:type" content="article" />
        <Meta property="og:title" content=article.title.clone() />
        <Meta property="og:description" content=description />
        <Meta property="og:url" content=url.clone() />
        <Meta property="og:site_name" content=site.name.clone() />
        {og_image.map(|(src, width, height, alt)| view! {
            <Meta property="og:image" content=src />
            {width.map(|w| view! { <Meta property="og:image:width" content=w /> })}
            {height.map(|h| view! { <Meta property="og:image:height" content=h /> })}
            {(!alt.is_empty()).then(|| view! { <Meta property="og:image:alt" content=alt /> })}
        })}
        <Meta name="twitter:card" content=card />
        <Script type_="application/ld+json">{json_ld}</Script>
        <Breadcrumbs crumbs />
        <article class="article">
            <header class="article__header">
                <h1 class="page-title article__title" lang=content_lang.clone()>{article.title.clone()}</h1>
                <p class="article__meta">
                    <SiteTime moment=article.published site_offset class="article__date" />
                </p>
                <Rubrics rubrics=article.rubrics />
            </header>
            <ArticleBody html=article.body_html base page_path=path lang=content_lang.clone() />
            <Gallery images=article.gallery />
            <footer class="article__footer">
                {article.signature.map(|s| view! { <p class="article__signature" lang=content_lang>{s}</p> })}
                <p class="back-link-row">
                    <a class="back-link" href=memory.href() on:click=move |_| memory.returning()>
                        {t.back_to_list}
                    </a>
                </p>
                <ShareBar url title=article.title />
                {article
                    .updated
                    .map(|updated| {
                        view! {
                            <p class="article__updated">
                                {t.last_updated}
                                <SiteTime moment=updated site_offset style=DateStyle::Numeric />
                            </p>
                        }
                    })}
            </footer>
        </article>
        <Neighbours previous=article.previous next=article.next />
        <Related items=article.related />
    }
}
