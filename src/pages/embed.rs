//! The embeddable widgets: `embed/feed`, `embed/calendar`, `embed/article/:id`. No header,
//! sidebar or footer; built for narrow columns; links open the full Vestnik page in a new
//! tab or the host's window, never inside the frame; the content height is reported to
//! the host page so `embed.js` can size the frame without an inner scrollbar.

use leptos::prelude::*;
use leptos_meta::Title;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::api::ApiError;
use crate::components::archive_calendar::ArchiveCalendar;
use crate::components::loading::Loading;
use crate::components::picture::Picture;
use crate::components::site_time::{DateStyle, SiteTime};
use crate::components::skeleton::ListSkeleton;
use crate::context::{use_api, use_site};
use crate::core::embed::{Options, Target, Widget};
use crate::core::filter::{Filter, Period};
use crate::core::i18n::Lang;
use crate::core::model::{Article, NewsItem};
use crate::core::routes;
use crate::lang::{self, use_content_lang, use_lang};
use crate::lazy::Render;
use crate::location::absolute;

crate::split!(embed, preload;
    /// The widgets' code: a chunk of its own, which the site's own pages never need. The
    /// shell provides the widget its address names.
    pub fn page() -> Render {
        || {
            let widget = use_context::<Widget>().unwrap_or(Widget::Feed);
            view! { <EmbedPage widget /> }.into_any()
        }
    }
);

/// The page of one widget, with the options from its query string.
#[component]
fn EmbedPage(widget: Widget) -> impl IntoView {
    let options = read_options();
    let lang = Lang::from_code(options.lang);
    provide_context(lang);
    lang::apply(lang);
    let t = lang.texts();
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", options.theme.id());
        let _ = root.class_list().add_1("embed");
    }
    report_height(&options);
    let target = options.target;
    // Links without their own target (the calendar's) open like the feed's: never here.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if anchor.has_attribute("target") {
            return;
        }
        ev.prevent_default();
        open_outside(&anchor.href(), target);
    };
    let body = match widget {
        Widget::Feed => view! { <EmbedFeed options=options.clone() /> }.into_any(),
        Widget::Calendar => view! {
            <Title text=t.news_archive />
            <h1 class="visually-hidden">{t.news_archive}</h1>
            <ArchiveCalendar />
        }
        .into_any(),
        Widget::Article(id) => view! { <EmbedArticle id options=options.clone() /> }.into_any(),
    };
    view! { <main class="embed-root" id="main" on:click=on_click>{body}</main> }
}

#[component]
fn EmbedFeed(options: Options) -> impl IntoView {
    let lang = use_lang();
    let t = lang.texts();
    let content_lang = use_content_lang();
    let api = use_api();
    let site = use_site();
    let site_offset = site.utc_offset;
    let limit = options.limit;
    let filter = Filter::new(Period::All, options.rubric.as_deref(), None);
    let news = LocalResource::new(move || {
        let (api, filter) = (api.clone(), filter.clone());
        async move { first_items(&api, &filter, limit).await }
    });
    let all_news = absolute(routes::FEED);
    let target = options.target.attribute();
    let body = move |answer: Result<Vec<NewsItem>, ApiError>| {
        let (options, content_lang) = (options.clone(), content_lang.clone());
        Ok(match answer? {
                items if items.is_empty() => view! { <p>{t.no_news_yet}</p> }.into_any(),
                items => view! {
                    <ul class="embed-feed__list">
                        {items
                            .into_iter()
                            .map(|item| {
                                let href = absolute(&routes::article(&item.id));
                                let thumb = item.thumbnail.filter(|_| options.thumbs);
                                let has_thumb = thumb.is_some();
                                let content_lang = content_lang.clone();
                                view! {
                                    <li class="embed-feed__item" class:embed-feed__item--thumb=has_thumb>
                                        <div class="embed-feed__text">
                                            <SiteTime moment=item.published site_offset style=DateStyle::LongWithTime class="embed-feed__date" />
                                            <a class="embed-feed__title" href=href target=target rel="noopener" lang=content_lang.clone()>{item.title}</a>
                                            {(options.summary && !item.summary.is_empty())
                                                .then(|| view! { <p class="embed-feed__summary" lang=content_lang>{item.summary}</p> })}
                                        </div>
                                        {thumb.map(|image| view! {
                                            <div class="embed-feed__thumb">
                                                <Picture image min_width=160 sizes="6rem" />
                                            </div>
                                        })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
        })
    };
    view! {
        <Title text=t.news />
        <section class="embed-feed">
            <h1 class="embed-feed__heading">{lang.news_of(&site.short_name.clone().unwrap_or_else(|| site.name.clone()))}</h1>
            <Loading
                resource=news
                failed=t.news_failed
                view=body
                fallback=move || view! { <ListSkeleton rows=limit.min(5) /> }
            />
            <p class="embed-feed__more">
                <a href=all_news target=target rel="noopener">{t.all_news}</a>
            </p>
        </section>
    }
}

/// The first `limit` news matching `filter`, across pages if one page is not enough.
async fn first_items(
    api: &crate::api::Api,
    filter: &Filter,
    limit: usize,
) -> Result<Vec<NewsItem>, ApiError> {
    let mut items = Vec::with_capacity(limit);
    let mut page = 1;
    loop {
        let result = api.news(filter, page).await?;
        items.extend(result.items);
        if items.len() >= limit || page >= result.pages || page >= 5 {
            break;
        }
        page += 1;
    }
    items.truncate(limit);
    Ok(items)
}

#[component]
fn EmbedArticle(id: String, options: Options) -> impl IntoView {
    let t = use_lang().texts();
    let content_lang = use_content_lang();
    let api = use_api();
    let site_offset = use_site().utc_offset;
    let target = options.target.attribute();
    let article = LocalResource::new(move || {
        let (api, id) = (api.clone(), id.clone());
        async move { api.article(&id).await }
    });
    let body = move |answer: Result<Article, ApiError>| {
        let content_lang = content_lang.clone();
        Ok(match answer {
            Ok(a) => {
                let href = absolute(&routes::article(&a.id));
                let photo = a.gallery.first().cloned();
                view! {
                        <Title text=a.title.clone() />
                        <article class="embed-card">
                            {photo.map(|image| view! { <div class="embed-card__photo"><Picture image min_width=480 sizes="100vw" /></div> })}
                            <SiteTime moment=a.published site_offset class="embed-card__date" />
                            <h1 class="embed-card__title">
                                <a href=href.clone() target=target rel="noopener" lang=content_lang.clone()>{a.title}</a>
                            </h1>
                            {(!a.summary.is_empty()).then(|| view! { <p class="embed-card__summary" lang=content_lang>{a.summary}</p> })}
                            <p class="embed-card__more">
                                <a href=href target=target rel="noopener">{t.read_more}</a>
                            </p>
                        </article>
                    }
                    .into_any()
            }
            Err(ApiError::NotFound) => {
                view! { <p class="notice">{t.article_not_found}</p> }.into_any()
            }
            Err(error) => return Err(error),
        })
    };
    view! {
        <Loading
            resource=article
            failed=t.article_failed
            view=body
            fallback=|| view! { <ListSkeleton rows=1 /> }
        />
    }
}

fn read_options() -> Options {
    let search = window().location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let keys = [
        "limit", "rubric", "thumbs", "summary", "theme", "lang", "target", "frame", "host",
    ];
    let pairs: Vec<(&str, String)> = keys
        .iter()
        .filter_map(|k| Some((*k, params.as_ref()?.get(k)?)))
        .collect();
    Options::from_query(pairs.iter().map(|(k, v)| (*k, v.as_str())))
}

fn open_outside(href: &str, target: Target) {
    match target {
        Target::NewTab => {
            let _ = window().open_with_url_and_target_and_features(href, "_blank", "noopener");
        }
        Target::Top => {
            if let Ok(Some(top)) = window().top() {
                let _ = top.location().set_href(href);
            }
        }
    }
}

/// Tells the host page (only its origin, when the loader named it) how tall the content is,
/// now and whenever it changes.
fn report_height(options: &Options) {
    let Some(frame) = options.frame.clone() else {
        return;
    };
    let host = options.host.clone().unwrap_or_else(|| "*".to_owned());
    let post = move || {
        let Some(body) = document().body() else {
            return;
        };
        let height = body.scroll_height().max(body.offset_height());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"vestnik:height".into());
        let _ = js_sys::Reflect::set(&message, &"frame".into(), &JsValue::from_str(&frame));
        let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
        if let Ok(Some(parent)) = window().parent() {
            let _ = parent.post_message(&message, &host);
        }
    };
    let callback = Closure::<dyn FnMut()>::new(post);
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
    }
    callback.forget();
}
