//! Everything that can go wrong between Vestnik and its backend, in words a reader understands.

use core::fmt;

use crate::core::i18n::Lang;

/// Why a request to the backend did not give us usable data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// The request never got an answer: offline, DNS, CORS, connection reset.
    Network,
    /// No complete answer within the configured time.
    Timeout,
    /// 404 or 410: the thing asked for does not exist.
    NotFound,
    /// Any other non-success HTTP status.
    Status(u16),
    /// The answer is larger than the configured limit.
    TooLarge,
    /// The answer arrived but is not the JSON the contract describes.
    Format(String),
    /// The backend cannot do what was asked (e.g. search without a search endpoint or index).
    Unsupported,
    /// `config.json` itself is missing or wrong: a deployer's problem, said plainly.
    Config(String),
}

impl ApiError {
    /// A sentence for the reader in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            Self::Network => t.err_network.to_owned(),
            Self::Timeout => t.err_timeout.to_owned(),
            Self::NotFound => t.err_not_found.to_owned(),
            Self::Status(code) => lang.server_error(*code),
            Self::TooLarge => t.err_too_large.to_owned(),
            Self::Format(_) => t.err_format.to_owned(),
            Self::Unsupported => t.err_unsupported.to_owned(),
            Self::Config(detail) => lang.config_error(detail),
        }
    }

    /// Technical detail for the console and for the curious ("Подробности").
    pub fn detail(&self) -> Option<&str> {
        match self {
            Self::Format(detail) => Some(detail),
            _ => None,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Ru))
    }
}

impl std::error::Error for ApiError {}
