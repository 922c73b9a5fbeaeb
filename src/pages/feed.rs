//! `/` and `/news`: the feed, one page at a time (`?page=N`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::ApiError;
use crate::app::{use_api, use_site};
use crate::components::error_panel::ErrorPanel;
use crate::components::news_list::NewsList;
use crate::components::pager::Pager;
use crate::components::skeleton::ListSkeleton;
use crate::core::plural::{self, NEWS};
use crate::core::{paging, routes};

#[component]
pub fn FeedPage() -> impl IntoView {
    let api = use_api();
    let site_offset = use_site().utc_offset;
    let query = use_query_map();
    let page = Memo::new(move |_| paging::parse_page(query.read().get("page").as_deref()));
    let news = LocalResource::new(move || {
        let (api, page) = (api.clone(), page.get());
        async move { api.news_page(page).await }
    });

    let body = move || {
        Suspend::new(async move {
            match news.await {
                Ok(p) if p.items.is_empty() => view! {
                    <div class="notice">
                        <p>"Новостей не найдено."</p>
                        <p><a href=routes::FEED>"Перейти к последним новостям"</a></p>
                    </div>
                }
                .into_any(),
                Ok(p) => view! {
                    <p class="feed__count">{format!("Всего {}", plural::count(u64::from(p.total), NEWS))}</p>
                    <NewsList items=p.items site_offset />
                    <Pager page=p.page pages=p.pages base_path=routes::FEED />
                }
                .into_any(),
                Err(ApiError::NotFound) if page.get_untracked() > 1 => view! {
                    <div class="notice" role="status">
                        <p>{format!("Страницы {} в ленте новостей нет.", page.get_untracked())}</p>
                        <p><a href=routes::FEED>"Перейти на первую страницу"</a></p>
                    </div>
                }
                .into_any(),
                Err(error) => view! {
                    <ErrorPanel title="Не удалось загрузить новости" error on_retry=move || news.refetch() />
                }
                .into_any(),
            }
        })
    };

    view! {
        <Title text="Новости" />
        <h1 class="page-title">"Новости"</h1>
        <Transition fallback=|| view! { <ListSkeleton /> }>{body}</Transition>
    }
}
