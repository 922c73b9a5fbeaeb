//! The interface in Russian (default) and English: one typed catalogue.
//!
//! `Texts` is a struct with a field per phrase, and both languages are constants of it,
//! so a phrase missing in either language does not compile. Phrases with numbers or names
//! in them are methods on `Lang`. Content (news, site names) is never translated.

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Ru,
    En,
}

impl Lang {
    /// Both languages, in the order the switch offers them.
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];

    /// Reads "ru"/"en" (any case, "en-GB" too); anything else is Russian.
    pub fn from_code(code: &str) -> Self {
        if code.trim().to_ascii_lowercase().starts_with("en") {
            Self::En
        } else {
            Self::Ru
        }
    }

    /// The BCP 47 code for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Self::Ru => "ru",
            Self::En => "en",
        }
    }

    /// The language's own name, for the switch ("Русский", "English").
    pub fn endonym(self) -> &'static str {
        match self {
            Self::Ru => "Русский",
            Self::En => "English",
        }
    }

    /// The static phrases.
    pub fn texts(self) -> &'static Texts {
        match self {
            Self::Ru => &RU,
            Self::En => &EN,
        }
    }

    /// "25 новостей" / "25 news items".
    pub fn news_count(self, n: u64) -> String {
        match self {
            Self::Ru => super::plural::count(n, super::plural::NEWS),
            Self::En => format!("{n} news item{}", if n == 1 { "" } else { "s" }),
        }
    }

    /// "4 фотографии" / "4 photos".
    pub fn photo_count(self, n: u64) -> String {
        match self {
            Self::Ru => super::plural::count(n, super::plural::PHOTOS),
            Self::En => format!("{n} photo{}", if n == 1 { "" } else { "s" }),
        }
    }

    /// "Всего 157 новостей" / "157 news items in all".
    pub fn total(self, n: u64) -> String {
        match self {
            Self::Ru => format!("Всего {}", self.news_count(n)),
            Self::En => format!("{} in all", self.news_count(n)),
        }
    }

    /// "Найдено: 3 новости" / "Found: 3 news items".
    pub fn found(self, n: u64) -> String {
        match self {
            Self::Ru => format!("Найдено: {}", self.news_count(n)),
            Self::En => format!("Found: {}", self.news_count(n)),
        }
    }

    /// "Не менее 30 новостей" / "At least 30 news items": a count of a list read only in
    /// part.
    pub fn at_least(self, n: u64) -> String {
        match self {
            Self::Ru => format!(
                "Не менее {}",
                super::plural::count(n, super::plural::NEWS_GENITIVE)
            ),
            Self::En => format!("At least {}", self.news_count(n)),
        }
    }

    /// Said under a result that covers only the newest `n` news the backend gave.
    pub fn partial(self, n: u64) -> String {
        match self {
            Self::Ru => format!(
                "Результат неполный: учтены только последние новости ({}), более ранние не загружались.",
                self.news_count(n)
            ),
            Self::En => format!(
                "Partial result: only the latest news ({}) were looked through; older news were not loaded.",
                self.news_count(n)
            ),
        }
    }

    /// "2 из 4" / "2 of 4".
    pub fn n_of(self, n: usize, total: usize) -> String {
        match self {
            Self::Ru => format!("{n} из {total}"),
            Self::En => format!("{n} of {total}"),
        }
    }

    /// What the site stores on this device: "Сайт хранит здесь 3,2 МБ." (one decimal
    /// under 10 MB, whole megabytes above).
    pub fn storage_used(self, bytes: f64) -> String {
        let mb = if bytes.is_finite() {
            bytes.max(0.0)
        } else {
            0.0
        } / (1024.0 * 1024.0);
        let tenths = (mb * 10.0).round() / 10.0;
        let amount = if tenths < 10.0 {
            format!("{tenths:.1}")
        } else {
            format!("{:.0}", mb.round())
        };
        match self {
            Self::Ru => format!("Сайт хранит здесь {} МБ.", amount.replace('.', ",")),
            Self::En => format!("The site stores {amount} MB here."),
        }
    }

    /// The service worker's latest storage problem: when (already formatted) and the
    /// browser's error name.
    pub fn storage_problem(self, when: &str, error: &str) -> String {
        let full = error == "QuotaExceededError";
        match (self, full) {
            (Self::Ru, true) => format!("{when} не удалось сохранить копию для чтения без сети: на устройстве не хватило места."),
            (Self::Ru, false) => format!("{when} не удалось сохранить копию для чтения без сети: ошибка хранилища браузера ({error})."),
            (Self::En, true) => format!("On {when}, a copy for offline reading could not be saved: the device ran out of space."),
            (Self::En, false) => format!("On {when}, a copy for offline reading could not be saved: a browser storage error ({error})."),
        }
    }

    /// The name of a photo thumbnail button.
    pub fn open_photo(self, n: usize, total: usize, alt: &str) -> String {
        let base = match self {
            Self::Ru => format!("Открыть фото {n} из {total}"),
            Self::En => format!("Open photo {n} of {total}"),
        };
        if alt.trim().is_empty() {
            base
        } else {
            format!("{base}: {alt}")
        }
    }

    /// "Страница 3" / "Page 3", and the current one.
    pub fn page_label(self, n: u32, current: bool) -> String {
        match (self, current) {
            (Self::Ru, false) => format!("Страница {n}"),
            (Self::Ru, true) => format!("Страница {n}, текущая"),
            (Self::En, false) => format!("Page {n}"),
            (Self::En, true) => format!("Page {n}, current"),
        }
    }

    /// "Страницы 99 в этом списке нет." / "This list has no page 99."
    pub fn no_such_page(self, n: u32) -> String {
        match self {
            Self::Ru => format!("Страницы {n} в этом списке нет."),
            Self::En => format!("This list has no page {n}."),
        }
    }

    /// A calendar day's name: "1 декабря 2020 — 3 новости" / "1 December 2020 — 3 news items".
    pub fn day_with_news(self, day: &str, n: u64) -> String {
        format!("{day} — {}", self.news_count(n))
    }

    /// "1 декабря 2020 — нет новостей" / "1 December 2020 — no news".
    pub fn day_without_news(self, day: &str) -> String {
        match self {
            Self::Ru => format!("{day} — нет новостей"),
            Self::En => format!("{day} — no news"),
        }
    }

    /// «Предыдущий месяц: Ноябрь 2020» and the next one.
    pub fn month_button(self, next: bool, month: &str) -> String {
        match (self, next) {
            (Self::Ru, false) => format!("Предыдущий месяц: {month}"),
            (Self::Ru, true) => format!("Следующий месяц: {month}"),
            (Self::En, false) => format!("Previous month: {month}"),
            (Self::En, true) => format!("Next month: {month}"),
        }
    }

    /// "Новости за декабрь 2020" / "News for December 2020" (`phrase` from `Period::phrase`).
    pub fn news_heading(self, phrase: &str) -> String {
        if phrase.is_empty() {
            return self.texts().news.to_owned();
        }
        format!("{} {phrase}", self.texts().news)
    }

    /// "Новости 2020 года по месяцам" / "News of 2020 by month".
    pub fn year_by_month(self, year: i32) -> String {
        match self {
            Self::Ru => format!("Новости {year} года по месяцам"),
            Self::En => format!("News of {year} by month"),
        }
    }

    /// "2020 год" / "2020".
    pub fn year(self, year: i32) -> String {
        match self {
            Self::Ru => format!("{year} год"),
            Self::En => year.to_string(),
        }
    }

    /// "за декабрь 2020" / "for December 2020" (`label` from `Period::label`).
    pub fn for_period(self, label: &str) -> String {
        match self {
            Self::Ru => format!("за {label}"),
            Self::En => format!("for {label}"),
        }
    }

    /// A filter chip: "Рубрика: Спорт" / "Rubric: Спорт".
    pub fn chip(self, kind: Chip, value: &str) -> String {
        let t = self.texts();
        match kind {
            Chip::Period => format!("{}: {value}", t.chip_period),
            Chip::Rubric => format!("{}: {value}", t.chip_rubric),
            Chip::Search => format!("{}: «{value}»", t.chip_search),
        }
    }

    /// The name of a chip's link: "Убрать фильтр «…»" / "Remove filter “…”".
    pub fn remove_filter(self, label: &str) -> String {
        match self {
            Self::Ru => format!("Убрать фильтр «{label}»"),
            Self::En => format!("Remove filter “{label}”"),
        }
    }

    /// "Новости — ГУФСИН Кузбасса" / "News — …" (the feed widget's heading).
    pub fn news_of(self, site: &str) -> String {
        format!("{} — {site}", self.texts().news)
    }

    /// "Нет соединения — показана сохранённая версия от …" / "Offline — showing the copy saved on …".
    pub fn saved_copy(self, when: Option<&str>) -> String {
        match (self, when) {
            (Self::Ru, Some(w)) => format!("Нет соединения — показана сохранённая версия от {w}"),
            (Self::Ru, None) => "Нет соединения — показана сохранённая версия".to_owned(),
            (Self::En, Some(w)) => format!("Offline — showing the copy saved on {w}"),
            (Self::En, None) => "Offline — showing a saved copy".to_owned(),
        }
    }

    /// The reader-facing message for a server status (with the code).
    pub fn server_error(self, code: u16) -> String {
        match (self, code) {
            (Self::Ru, 500..) => {
                format!("На сервере произошла ошибка (код {code}). Повторите попытку позже.")
            }
            (Self::Ru, 429) => {
                "Сервер получил слишком много запросов. Подождите немного и повторите попытку."
                    .to_owned()
            }
            (Self::Ru, _) => format!("Сервер отклонил запрос (код {code})."),
            (Self::En, 500..) => {
                format!("The server had an error (code {code}). Please try again later.")
            }
            (Self::En, 429) => {
                "The server is getting too many requests. Please wait a little and try again."
                    .to_owned()
            }
            (Self::En, _) => format!("The server refused the request (code {code})."),
        }
    }

    /// "Ошибка в настройках сайта: …" / "The site is misconfigured: …" (details stay Russian).
    pub fn config_error(self, detail: &str) -> String {
        match self {
            Self::Ru => format!("Ошибка в настройках сайта: {detail}."),
            Self::En => format!("The site is misconfigured ({detail})."),
        }
    }
}

/// A well-formed BCP 47 language tag ("ru", "en-GB", "tt-Cyrl"), lower-cased primary
/// subtag; `None` for anything else, so a site config cannot put junk into `lang`.
pub fn language_tag(text: &str) -> Option<String> {
    let text = text.trim();
    let mut parts = text.split('-');
    let primary = parts.next()?;
    let primary_ok =
        (2..=8).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    (primary_ok && rest_ok && text.len() <= 35).then(|| {
        let (head, tail) = text.split_at(primary.len());
        format!("{}{tail}", head.to_ascii_lowercase())
    })
}

/// The `lang` attribute content needs inside an interface in `ui`: `None` when they match.
pub fn content_lang(ui: Lang, content: &str) -> Option<String> {
    let primary = content.split('-').next().unwrap_or_default();
    (!primary.eq_ignore_ascii_case(ui.code())).then(|| content.to_owned())
}

/// The language switch's link: this page (`path`, relative to the app's base; its query
/// `search`, with or without the leading `?`) with `lang=` set to `to`. `public/prefs.js`
/// reads the parameter, remembers the choice and takes it out of the address.
pub fn switch_href(path: &str, search: &str, to: Lang) -> String {
    let path = if path.is_empty() { "./" } else { path };
    let mut query: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some("lang"))
        .collect();
    let lang = format!("lang={}", to.code());
    query.push(&lang);
    format!("{path}?{}", query.join("&"))
}

/// The kinds of filter chips.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chip {
    Period,
    Rubric,
    Search,
}

/// Every fixed phrase of the interface.
#[derive(Debug)]
pub struct Texts {
    // Shell
    pub skip_link: &'static str,
    pub main_menu: &'static str,
    pub sidebar: &'static str,
    pub breadcrumbs: &'static str,
    pub home: &'static str,
    pub news: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub details: &'static str,
    pub load_error_title: &'static str,
    pub site_unavailable: &'static str,
    pub site_config_failed: &'static str,
    pub fallback_site_name: &'static str,
    pub version: &'static str,
    pub language: &'static str,
    // Feed
    pub news_failed: &'static str,
    pub no_news_found: &'static str,
    pub feed_empty: &'static str,
    pub try_other_search: &'static str,
    pub to_all_news: &'static str,
    pub to_first_page: &'static str,
    pub to_latest_news: &'static str,
    pub no_such_date: &'static str,
    pub check_address: &'static str,
    pub pages: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub page_word: &'static str,
    pub search_label: &'static str,
    pub rubric_label: &'static str,
    pub all_rubrics: &'static str,
    pub find: &'static str,
    pub rubrics: &'static str,
    pub chosen_filters: &'static str,
    pub chip_period: &'static str,
    pub chip_rubric: &'static str,
    pub chip_search: &'static str,
    pub clear_filters: &'static str,
    // Archive and calendar
    pub archive: &'static str,
    pub news_archive: &'static str,
    pub archive_failed: &'static str,
    pub archive_failed_short: &'static str,
    pub calendar_days_failed: &'static str,
    pub no_month_archive: &'static str,
    pub no_news_in_period: &'static str,
    pub whole_archive: &'static str,
    pub archive_by_year: &'static str,
    pub weekdays: [(&'static str, &'static str); 7],
    // Article
    pub article_not_found: &'static str,
    pub article_maybe_removed: &'static str,
    pub article_failed: &'static str,
    pub offline: &'static str,
    pub article_not_saved: &'static str,
    pub offline_available: &'static str,
    pub neighbours: &'static str,
    pub previous_article: &'static str,
    pub next_article: &'static str,
    pub related: &'static str,
    pub back_to_list: &'static str,
    pub last_updated: &'static str,
    pub photos: &'static str,
    pub photo_viewer: &'static str,
    pub previous_photo: &'static str,
    pub next_photo: &'static str,
    pub close_viewer: &'static str,
    pub open_original: &'static str,
    pub share: &'static str,
    pub share_system: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub share_vk: &'static str,
    pub share_ok: &'static str,
    pub share_telegram: &'static str,
    pub share_whatsapp: &'static str,
    pub share_viber: &'static str,
    pub share_email: &'static str,
    // Not found
    pub page_not_found: &'static str,
    pub page_maybe_moved: &'static str,
    pub to_news: &'static str,
    // App status and saved news
    pub update_available: &'static str,
    pub update: &'static str,
    pub install: &'static str,
    pub saved_news: &'static str,
    pub saved_short: &'static str,
    pub saved_intro: &'static str,
    pub saved_empty: &'static str,
    pub saved_offline: &'static str,
    pub saved_online_only: &'static str,
    pub storage_title: &'static str,
    pub storage_explain: &'static str,
    pub storage_clear: &'static str,
    pub storage_cleared: &'static str,
    // Visually impaired version
    pub vi_toggle: &'static str,
    pub vi_title: &'static str,
    pub vi_reset: &'static str,
    pub vi_close: &'static str,
    // Widgets
    pub no_news_yet: &'static str,
    pub all_news: &'static str,
    pub read_more: &'static str,
    // Errors (reader-facing)
    pub err_network: &'static str,
    pub err_timeout: &'static str,
    pub err_not_found: &'static str,
    pub err_too_large: &'static str,
    pub err_format: &'static str,
    pub err_unsupported: &'static str,
    // The version for the visually impaired: each setting's legend and choices, in the
    // order of `core::prefs`' values.
    pub vi_font_size: SettingTexts,
    pub vi_scheme: SettingTexts,
    pub vi_images: SettingTexts,
    pub vi_letter_spacing: SettingTexts,
    pub vi_line_height: SettingTexts,
    pub vi_font_family: SettingTexts,
}

/// A display setting's legend and the labels of its choices.
#[derive(Debug)]
pub struct SettingTexts {
    pub legend: &'static str,
    pub choices: &'static [&'static str],
}

pub const RU: Texts = Texts {
    skip_link: "Перейти к основному содержанию",
    main_menu: "Основное меню",
    sidebar: "Боковая панель",
    breadcrumbs: "Навигационная цепочка",
    home: "Главная",
    news: "Новости",
    loading: "Загрузка…",
    retry: "Повторить",
    details: "Подробности",
    load_error_title: "Ошибка загрузки",
    site_unavailable: "Сайт временно недоступен",
    site_config_failed: "Не удалось загрузить настройки сайта",
    fallback_site_name: "Новости пресс-службы",
    version: "Версия",
    language: "Язык интерфейса",
    news_failed: "Не удалось загрузить новости",
    no_news_found: "Новостей не найдено.",
    feed_empty: "Лента пока пуста.",
    try_other_search: "Попробуйте изменить условия поиска.",
    to_all_news: "Перейти ко всем новостям",
    to_first_page: "Перейти на первую страницу",
    to_latest_news: "Перейти к последним новостям",
    no_such_date: "В архиве нет такой даты.",
    check_address: "Проверьте адрес или выберите день в календаре.",
    pages: "Страницы списка",
    previous: "Предыдущая",
    next: "Следующая",
    page_word: " страница",
    search_label: "Поиск по новостям",
    rubric_label: "Рубрика",
    all_rubrics: "Все рубрики",
    find: "Найти",
    rubrics: "Рубрики",
    chosen_filters: "Выбранные фильтры",
    chip_period: "Период",
    chip_rubric: "Рубрика",
    chip_search: "Поиск",
    clear_filters: "Сбросить все",
    archive: "Архив",
    news_archive: "Архив новостей",
    archive_failed: "Не удалось загрузить архив",
    archive_failed_short: "Не удалось загрузить архив новостей.",
    calendar_days_failed: "Не удалось загрузить дни с новостями за этот месяц.",
    no_month_archive: "Архив по месяцам для этого сайта не ведётся.",
    no_news_in_period: "За этот период новостей в архиве нет.",
    whole_archive: "Весь архив",
    archive_by_year: "Архив по годам",
    weekdays: [
        ("Пн", "Понедельник"),
        ("Вт", "Вторник"),
        ("Ср", "Среда"),
        ("Чт", "Четверг"),
        ("Пт", "Пятница"),
        ("Сб", "Суббота"),
        ("Вс", "Воскресенье"),
    ],
    article_not_found: "Новость не найдена",
    article_maybe_removed: "Возможно, она была удалена или адрес набран с ошибкой.",
    article_failed: "Не удалось загрузить новость",
    offline: "Нет соединения",
    article_not_saved: "Нет соединения, а эта новость не сохранена для чтения без сети.",
    offline_available: "Без подключения доступны новости, которые вы уже открывали: ",
    neighbours: "Соседние новости",
    previous_article: "← Предыдущая новость",
    next_article: "Следующая новость →",
    related: "Новости по теме",
    back_to_list: "Возврат к списку",
    last_updated: "Дата последнего обновления: ",
    photos: "Фотографии",
    photo_viewer: "Просмотр фотографий",
    previous_photo: "Предыдущая фотография",
    next_photo: "Следующая фотография",
    close_viewer: "Закрыть просмотр",
    open_original: "Открыть оригинал",
    share: "Поделиться:",
    share_system: "Поделиться…",
    copy_link: "Копировать ссылку",
    link_copied: "Ссылка скопирована",
    copy_failed: "Не удалось скопировать ссылку — скопируйте её из адресной строки",
    share_vk: "Поделиться во ВКонтакте",
    share_ok: "Поделиться в Одноклассниках",
    share_telegram: "Поделиться в Telegram",
    share_whatsapp: "Поделиться в WhatsApp",
    share_viber: "Поделиться в Viber",
    share_email: "Отправить по электронной почте",
    page_not_found: "Страница не найдена",
    page_maybe_moved: "Возможно, адрес набран с ошибкой или страница была перемещена.",
    to_news: "Перейти к новостям",
    update_available: "Доступна новая версия",
    update: "Обновить",
    install: "Установить приложение",
    saved_news: "Сохранённые новости",
    saved_short: "Сохранённые",
    saved_intro: "Новости, которые вы открывали на этом устройстве. Отмеченные «доступна без сети» можно читать и без подключения к интернету.",
    saved_empty: "Вы пока не открывали новостей на этом устройстве. Открытые новости сохраняются здесь автоматически.",
    saved_offline: " · доступна без сети",
    saved_online_only: " · только при подключении к сети",
    storage_title: "Хранение на этом устройстве",
    storage_explain: "«Очистить» удалит сохранённые новости, фотографии и список открытых новостей. Сам сайт останется доступен без сети.",
    storage_clear: "Очистить",
    storage_cleared: "Сохранённые новости, фотографии и список открытых новостей удалены.",
    vi_toggle: "Версия для слабовидящих",
    vi_title: "Настройки для слабовидящих",
    vi_reset: "Обычная версия",
    vi_close: "Закрыть настройки",
    no_news_yet: "Новостей пока нет.",
    all_news: "Все новости",
    read_more: "Читать полностью",
    err_network: "Нет связи с сервером. Проверьте подключение к интернету и повторите попытку.",
    err_timeout: "Сервер слишком долго не отвечает. Повторите попытку позже.",
    err_not_found: "Запрошенные данные не найдены на сервере.",
    err_too_large: "Сервер прислал слишком большой ответ.",
    err_format: "Сервер прислал данные в неожиданном формате.",
    err_unsupported: "Сервер новостей не поддерживает поиск и отбор по датам и рубрикам.",
    vi_font_size: SettingTexts {
        legend: "Размер шрифта",
        choices: &["100 %", "125 %", "150 %", "175 %", "200 %"],
    },
    vi_scheme: SettingTexts {
        legend: "Цветовая схема",
        choices: &["Как на сайте", "Чёрным по белому", "Белым по чёрному", "Тёмно-синим по голубому", "Коричневым по бежевому", "Зелёным по тёмно-коричневому"],
    },
    vi_images: SettingTexts {
        legend: "Изображения",
        choices: &["Показывать", "Скрыть (показать описание)", "Чёрно-белые"],
    },
    vi_letter_spacing: SettingTexts {
        legend: "Межбуквенный интервал",
        choices: &["Обычный", "Средний", "Большой"],
    },
    vi_line_height: SettingTexts {
        legend: "Межстрочный интервал",
        choices: &["Обычный", "Средний", "Большой"],
    },
    vi_font_family: SettingTexts {
        legend: "Шрифт",
        choices: &["Без засечек", "С засечками"],
    },
};

pub const EN: Texts = Texts {
    skip_link: "Skip to main content",
    main_menu: "Main menu",
    sidebar: "Sidebar",
    breadcrumbs: "Breadcrumbs",
    home: "Home",
    news: "News",
    loading: "Loading…",
    retry: "Try again",
    details: "Details",
    load_error_title: "Loading failed",
    site_unavailable: "The site is temporarily unavailable",
    site_config_failed: "The site settings could not be loaded",
    fallback_site_name: "Press service news",
    version: "Version",
    language: "Interface language",
    news_failed: "The news could not be loaded",
    no_news_found: "No news found.",
    feed_empty: "There is no news yet.",
    try_other_search: "Try changing your search.",
    to_all_news: "Go to all news",
    to_first_page: "Go to the first page",
    to_latest_news: "Go to the latest news",
    no_such_date: "The archive has no such date.",
    check_address: "Check the address or choose a day in the calendar.",
    pages: "List pages",
    previous: "Previous",
    next: "Next",
    page_word: " page",
    search_label: "Search the news",
    rubric_label: "Rubric",
    all_rubrics: "All rubrics",
    find: "Search",
    rubrics: "Rubrics",
    chosen_filters: "Chosen filters",
    chip_period: "Period",
    chip_rubric: "Rubric",
    chip_search: "Search",
    clear_filters: "Clear all",
    archive: "Archive",
    news_archive: "News archive",
    archive_failed: "The archive could not be loaded",
    archive_failed_short: "The news archive could not be loaded.",
    calendar_days_failed: "Could not load the days with news for this month.",
    no_month_archive: "This site keeps no monthly archive.",
    no_news_in_period: "The archive has no news for this period.",
    whole_archive: "The whole archive",
    archive_by_year: "Archive by year",
    weekdays: [
        ("Mo", "Monday"),
        ("Tu", "Tuesday"),
        ("We", "Wednesday"),
        ("Th", "Thursday"),
        ("Fr", "Friday"),
        ("Sa", "Saturday"),
        ("Su", "Sunday"),
    ],
    article_not_found: "News item not found",
    article_maybe_removed: "It may have been removed, or the address has a typo.",
    article_failed: "The news item could not be loaded",
    offline: "Offline",
    article_not_saved: "You are offline, and this news item was not saved for offline reading.",
    offline_available: "Offline, you can read the news you have opened before: ",
    neighbours: "Neighbouring news",
    previous_article: "← Previous news",
    next_article: "Next news →",
    related: "Related news",
    back_to_list: "Back to the list",
    last_updated: "Last updated: ",
    photos: "Photos",
    photo_viewer: "Photo viewer",
    previous_photo: "Previous photo",
    next_photo: "Next photo",
    close_viewer: "Close the viewer",
    open_original: "Open the original",
    share: "Share:",
    share_system: "Share…",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_failed: "The link could not be copied — please copy it from the address bar",
    share_vk: "Share on VK",
    share_ok: "Share on Odnoklassniki",
    share_telegram: "Share on Telegram",
    share_whatsapp: "Share on WhatsApp",
    share_viber: "Share on Viber",
    share_email: "Send by e-mail",
    page_not_found: "Page not found",
    page_maybe_moved: "The address may have a typo, or the page has moved.",
    to_news: "Go to the news",
    update_available: "A new version is available",
    update: "Update",
    install: "Install the app",
    saved_news: "Saved news",
    saved_short: "Saved",
    saved_intro: "News you opened on this device. Those marked “available offline” can be read without a connection.",
    saved_empty: "You have not opened any news on this device yet. News you open is saved here automatically.",
    saved_offline: " · available offline",
    saved_online_only: " · online only",
    storage_title: "Storage on this device",
    storage_explain: "“Clear” removes saved news, photos and the list of news you opened. The site itself stays available offline.",
    storage_clear: "Clear",
    storage_cleared: "Saved news, photos and the list of news you opened have been removed.",
    vi_toggle: "Version for the visually impaired",
    vi_title: "Settings for the visually impaired",
    vi_reset: "Standard version",
    vi_close: "Close the settings",
    no_news_yet: "No news yet.",
    all_news: "All news",
    read_more: "Read more",
    err_network: "The server cannot be reached. Check your internet connection and try again.",
    err_timeout: "The server is taking too long to answer. Please try again later.",
    err_not_found: "The server does not have what was asked for.",
    err_too_large: "The server sent an answer that is too large.",
    err_format: "The server sent data in an unexpected format.",
    err_unsupported: "The news server cannot search or filter by date and rubric.",
    vi_font_size: SettingTexts {
        legend: "Text size",
        choices: &["100 %", "125 %", "150 %", "175 %", "200 %"],
    },
    vi_scheme: SettingTexts {
        legend: "Colour scheme",
        choices: &["The site's own", "Black on white", "White on black", "Dark blue on light blue", "Brown on beige", "Green on dark brown"],
    },
    vi_images: SettingTexts {
        legend: "Images",
        choices: &["Shown", "Hidden (show their description)", "Greyscale"],
    },
    vi_letter_spacing: SettingTexts {
        legend: "Letter spacing",
        choices: &["Normal", "Medium", "Large"],
    },
    vi_line_height: SettingTexts {
        legend: "Line height",
        choices: &["Normal", "Medium", "Large"],
    },
    vi_font_family: SettingTexts {
        legend: "Font",
        choices: &["Sans serif", "Serif"],
    },
};
