//! `/news/:id`: one article with its photos, signature and dates.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::ApiError;
use crate::app::{use_api, use_list_memory, use_site};
use crate::components::article_body::ArticleBody;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::error_panel::ErrorPanel;
use crate::components::gallery::Gallery;
use crate::components::rubrics::Rubrics;
use crate::components::site_time::{DateStyle, SiteTime};
use crate::components::skeleton::ArticleSkeleton;
use crate::core::model::Article;
use crate::core::routes;
use crate::pages::not_found::NotFoundView;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let api = use_api();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let article = LocalResource::new(move || {
        let (api, id) = (api.clone(), id.get());
        async move { api.article(&id).await }
    });

    let body = move || {
        Suspend::new(async move {
            match article.await {
                Ok(a) => view! { <ArticleView article=a /> }.into_any(),
                Err(ApiError::NotFound) => view! {
                    <NotFoundView
                        title="Новость не найдена"
                        text="Возможно, она была удалена или адрес набран с ошибкой."
                    />
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
    let crumbs = vec![
        Crumb::link("Главная", home),
        Crumb::link("Новости", routes::FEED),
        Crumb::here(article.title.clone()),
    ];
    view! {
        <Title text=article.title.clone() />
        <Meta name="description" content=article.summary.clone() />
        <Breadcrumbs crumbs />
        <article class="article">
            <header class="article__header">
                <h1 class="page-title article__title">{article.title.clone()}</h1>
                <p class="article__meta">
                    <SiteTime moment=article.published site_offset class="article__date" />
                </p>
                <Rubrics rubrics=article.rubrics />
            </header>
            <ArticleBody html=article.body_html base page_path=routes::article(&article.id) />
            <Gallery images=article.gallery />
            <footer class="article__footer">
                {article.signature.map(|s| view! { <p class="article__signature">{s}</p> })}
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
        <p class="back-link-row">
            <a class="back-link" href=memory.href() on:click=move |_| memory.returning()>
                "Возврат к списку"
            </a>
        </p>
    }
}
