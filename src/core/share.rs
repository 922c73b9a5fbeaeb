//! Share links ("Поделиться:"): plain URLs of each service's share endpoint, built here so
//! no third-party script ever loads and every link is checked by native tests.

use super::i18n::Lang;
use super::template::encode_component;

/// A place an article can be shared to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    Vk,
    Ok,
    Telegram,
    WhatsApp,
    Viber,
    Email,
}

impl Service {
    /// Every service, in the order the share bar shows them.
    pub const ALL: [Service; 6] = [
        Self::Vk,
        Self::Ok,
        Self::Telegram,
        Self::WhatsApp,
        Self::Viber,
        Self::Email,
    ];

    /// The name a screen reader announces ("Поделиться во ВКонтакте" / "Share on VK").
    pub fn label(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            Self::Vk => t.share_vk,
            Self::Ok => t.share_ok,
            Self::Telegram => t.share_telegram,
            Self::WhatsApp => t.share_whatsapp,
            Self::Viber => t.share_viber,
            Self::Email => t.share_email,
        }
    }

    /// A short id for CSS classes and tests.
    pub fn id(self) -> &'static str {
        match self {
            Self::Vk => "vk",
            Self::Ok => "ok",
            Self::Telegram => "telegram",
            Self::WhatsApp => "whatsapp",
            Self::Viber => "viber",
            Self::Email => "email",
        }
    }

    /// The share link for `url` titled `title`. Both are percent-encoded as URI
    /// components (UTF-8 for Cyrillic; `&`, `#`, `?` and spaces escaped).
    pub fn link(self, url: &str, title: &str) -> String {
        let (u, t) = (encode_component(url), encode_component(title));
        match self {
            Self::Vk => format!("https://vk.com/share.php?url={u}&title={t}"),
            Self::Ok => format!("https://connect.ok.ru/offer?url={u}&title={t}"),
            Self::Telegram => format!("https://t.me/share/url?url={u}&text={t}"),
            Self::WhatsApp => format!("https://wa.me/?text={t}%20{u}"),
            Self::Viber => format!("viber://forward?text={t}%20{u}"),
            Self::Email => format!("mailto:?subject={t}&body={u}"),
        }
    }

    /// Whether the link leaves for another site (opened in a new tab with `noopener`).
    pub fn opens_new_tab(self) -> bool {
        !matches!(self, Self::Viber | Self::Email)
    }
}
