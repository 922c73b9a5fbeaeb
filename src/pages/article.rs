//! `/news/:id`: one article with its photos, signature and dates.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};
use leptos_router::hooks::use_params_map;

use crate::api::ApiError;
use crate::app::{use_api, use_list_memory, use_site};
use crate::components::article_body::ArticleBody;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::error_panel::ErrorPanel;
use crate::components::gallery::Gallery;
use crate::components::rubrics::Rubrics;
use crate::components::share_bar::ShareBar;
use crate::components::site_time::{DateStyle, SiteTime};
use crate::components::skeleton::ArticleSkeleton;
use crate::core::model::Article;
use crate::core::{meta, routes};
use crate::pages::not_found::NotFoundView;
use crate::pwa::{self, AppStatus};

#[component]
pub fn ArticlePage() -> impl IntoView {
    let api = use_api();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let status = use_context::<AppStatus>();
    let offline = move || {
        status.is_some_and(|s| s.offline.get_untracked()) || !window().navigator().on_line()
    };
    let article = LocalResource::new(move || {
        let (api, id) = (api.clone(), id.get());
        async move { api.article(&id).await }
    });

    let body = move || {
        Suspend::new(async move {
            match article.await {
                Ok(a) => {
                    pwa::remember(&a);
                    view! { <ArticleView article=a /> }.into_any()
                }
                Err(ApiError::NotFound) => view! {
                    <NotFoundView
                        title="Новость не найдена"
                        text="Возможно, она была удалена или адрес набран с ошибкой."
                    />
                }
                .into_any(),
                Err(error @ (ApiError::Network | ApiError::Timeout)) if offline() => view! {
                    <Title text="Нет соединения" />
                    <div class="notice" role="status">
                        <p><strong>"Нет соединения, а эта новость не сохранена для чтения без сети."</strong></p>
                        <p>
                            "Без подключения доступны новости, которые вы уже открывали: "
                            <a href=routes::SAVED>"Сохранённые новости"</a>
                        </p>
                    </div>
                    <ErrorPanel title="Не удалось загрузить новость" error on_retry=move || article.refetch() />
                }
                .into_any(),
                Err(error) => view! {
                    <Title text="Ошибка загрузки" />
                    <ErrorPanel title="Не удалось загрузить новость" error on_retry=move || article.refetch() />
                }
                .into_any(),
            }
        })
    };
    view! { <Transition fallback=|| view! { <ArticleSkeleton /> }>{body}</Transition> }
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
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
        Crumb::link("Главная", home),
        Crumb::link("Новости", routes::FEED),
        Crumb::here(article.title.clone()),
    ];
    let neighbours = (article.previous.is_some() || article.next.is_some()).then(|| {
        view! {
            <nav class="neighbours" aria-label="Соседние новости">
                {article.previous.clone().map(|p| view! {
                    <a class="neighbours__link neighbours__link--prev" href=routes::article(&p.id) rel="prev">
                        <span class="neighbours__label">"← Предыдущая новость"</span>
                        <span class="neighbours__title">{p.title}</span>
                    </a>
                })}
                {article.next.clone().map(|n| view! {
                    <a class="neighbours__link neighbours__link--next" href=routes::article(&n.id) rel="next">
                        <span class="neighbours__label">"Следующая новость →"</span>
                        <span class="neighbours__title">{n.title}</span>
                    </a>
                })}
            </nav>
        }
    });
    let related = (!article.related.is_empty()).then(|| {
        let items = article.related.clone();
        view! {
            <section class="related" aria-labelledby="related-title">
                <h2 class="related__title" id="related-title">"Новости по теме"</h2>
                <ul class="related__list">
                    {items
                        .into_iter()
                        .map(|item| view! {
                            <li class="related__item">
                                <a href=routes::article(&item.id)>{item.title}</a>
                                <SiteTime moment=item.published site_offset style=DateStyle::Long class="related__date" />
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    let og_image = images.first().cloned();
    view! {
        <Title text=article.title.clone() />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=url.clone() />
        <Meta property="og:type" content="article" />
        <Meta property="og:title" content=article.title.clone() />
        <Meta property="og:description" content=description />
        <Meta property="og:url" content=url.clone() />
        <Meta property="og:site_name" content=site.name.clone() />
        {og_image.map(|src| view! { <Meta property="og:image" content=src /> })}
        <Script type_="application/ld+json">{json_ld}</Script>
        <Breadcrumbs crumbs />
        <article class="article">
            <header class="article__header">
                <h1 class="page-title article__title">{article.title.clone()}</h1>
                <p class="article__meta">
                    <SiteTime moment=article.published site_offset class="article__date" />
                </p>
                <Rubrics rubrics=article.rubrics />
            </header>
            <ArticleBody html=article.body_html base page_path=path />
            <Gallery images=article.gallery />
            <footer class="article__footer">
                {article.signature.map(|s| view! { <p class="article__signature">{s}</p> })}
                <p class="back-link-row">
                    <a class="back-link" href=memory.href() on:click=move |_| memory.returning()>
                        "Возврат к списку"
                    </a>
                </p>
                <ShareBar url title=article.title />
                {article
                    .updated
                    .map(|updated| {
                        view! {
                            <p class="article__updated">
                                "Дата последнего обновления: "
                                <SiteTime moment=updated site_offset style=DateStyle::Numeric />
                            </p>
                        }
                    })}
            </footer>
        </article>
        {neighbours}
        {related}
    }
}

/// An absolute URL for a path or a URL relative to the app (canonical links, Open Graph).
fn absolute(path: &str) -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(path, &base).map_or_else(|_| path.to_owned(), |u| u.href())
}
